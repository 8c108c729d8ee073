/** Vitest setup file: runs in every test file, before its tests. */
import { afterAll } from "vitest"
import { removeTempDirs } from "./tempDirs.ts"

afterAll(removeTempDirs)
