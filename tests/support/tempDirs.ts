/**
 * Temporary folders for tests. Each test file's folders are removed after its tests have run
 * (`tests/support/cleanup.ts`, a vitest setup file), so repeated test runs leave nothing in the
 * system's temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const made: Array<string> = []

/** A new empty folder named `newsfacts-<prefix>-…` in the system's temporary folder. */
export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `newsfacts-${prefix}-`))
  made.push(dir)
  return dir
}

/** Removes every folder `tempDir` made in this test file. */
export const removeTempDirs = (): void => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}
