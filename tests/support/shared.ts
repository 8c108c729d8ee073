/** Paths into ../shared (beside the repo): tests read the team's data there and never copy it in. */
import { fileURLToPath } from "node:url"
import { existsSync, readFileSync } from "node:fs"

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url))
export const sharedPath = (...parts: ReadonlyArray<string>): string =>
  fileURLToPath(new URL(`../../../shared/${parts.join("/")}`, import.meta.url))
export const hasShared = existsSync(sharedPath("CONTRACT.md"))

/** Reads a JSON Lines file of ../shared as parsed records. */
export const readSharedJsonl = <T = Record<string, unknown>>(...parts: ReadonlyArray<string>): Array<T> =>
  readFileSync(sharedPath(...parts), "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as T)

export const readSharedJson = <T = unknown>(...parts: ReadonlyArray<string>): T =>
  JSON.parse(readFileSync(sharedPath(...parts), "utf8")) as T
