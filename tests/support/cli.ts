/** Runs the real command line (`node pipeline/main.ts`) as a user would, in a child process. */
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { repoRoot } from "./shared.ts"

export interface CliRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

export const runCli = (args: ReadonlyArray<string>, input?: string): CliRun => {
  const result = spawnSync(process.execPath, [join(repoRoot, "pipeline/main.ts"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    input,
    timeout: 120_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export { tempDir } from "./tempDirs.ts"
