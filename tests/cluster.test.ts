/**
 * The pipeline on `effect/cluster` against a real PostgreSQL (skipped, with the reason printed, only
 * when none answers): runners in child processes extract, the coordinator dedupes and exports, and the
 * published files equal a single-machine run's byte for byte, also when a runner is killed with SIGKILL
 * midway and when the coordinator is killed and started again. A wrong database gets one line and exit 1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
// Processes start and extract in real time: on a loaded machine that takes minutes, so the limits are wide.
const MINUTES = 60_000
import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { readFileSync, readdirSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { join } from "node:path"
import { hasShared, readSharedJsonl, repoRoot } from "./support/shared.ts"
import { freshDatabase, postgresUnavailable, storedMessages } from "../src/cluster/databases.ts"
import { tempDir } from "./support/tempDirs.ts"
import { publishedFiles } from "./support/published.ts"

const unavailable = await postgresUnavailable()
if (unavailable !== null) console.log(`cluster tests skipped: ${unavailable}`)

interface Run {
  readonly child: ChildProcess
  readonly exited: Promise<number | null>
  output: string
}

const start = (script: string, args: ReadonlyArray<string>): Run => {
  const child = spawn(process.execPath, [join(repoRoot, script), ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] })
  const run: Run = { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))), output: "" }
  child.stdout!.on("data", (chunk) => (run.output += chunk))
  child.stderr!.on("data", (chunk) => (run.output += chunk))
  return run
}

const until = async (what: string, condition: () => boolean, seconds = 90): Promise<void> => {
  const deadline = Date.now() + seconds * 1000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const startRunner = async (url: string): Promise<Run> => {
  const runner = start("pipeline/runner.ts", ["--cluster", url, "--port", String(await freePort()), "--workers", "1"])
  await until("the runner to listen", () => runner.output.includes("Listening on"), 300)
  return runner
}

const stop = async (run: Run): Promise<void> => {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGTERM")
  await run.exited
}

const published = (out: string) => publishedFiles(out, "latin1")

/** The two seeds and, where ../shared is beside the repo, 16 corpus articles: enough work to kill a runner in. */
const makeInput = (): string => {
  const dir = tempDir("cluster-in")
  for (const name of readdirSync(join(repoRoot, "seeds"))) writeFileSync(join(dir, name), readFileSync(join(repoRoot, "seeds", name)))
  if (hasShared) {
    const records = readSharedJsonl<{ id: string; text: string }>("corpus", "wikinews_plain.jsonl").slice(0, 16)
    writeFileSync(join(dir, "corpus.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n")
  }
  return dir
}

describe.skipIf(unavailable !== null)("the pipeline on a cluster", () => {
  const databases: Array<() => Promise<void>> = []
  const processes: Array<Run> = []
  let input = ""
  let single: Record<string, string> = {}

  beforeAll(async () => {
    input = makeInput()
    const out = tempDir("cluster-single")
    const run = start("pipeline/main.ts", ["--input", input, "--out", out, "--workers", "1"])
    expect(await run.exited, run.output).toBe(0)
    single = published(out)
  }, 10 * MINUTES)

  afterAll(async () => {
    await Promise.all(processes.map(stop))
    for (const drop of databases) await drop()
  }, 2 * MINUTES)

  const database = async (tag: string): Promise<string> => {
    const { url, drop } = await freshDatabase(tag)
    databases.push(drop)
    return url
  }

  const runners = async (url: string, count: number): Promise<Array<Run>> => {
    const started = await Promise.all(Array.from({ length: count }, () => startRunner(url)))
    processes.push(...started)
    return started
  }

  it("two runners give the single-machine tables byte for byte", async () => {
    const url = await database("equal")
    const started = await runners(url, 2)
    const out = tempDir("cluster-out")
    const coordinator = start("pipeline/main.ts", ["--input", input, "--out", out, "--cluster", url])
    expect(await coordinator.exited, coordinator.output).toBe(0)
    expect(Object.keys(published(out))).toEqual(Object.keys(single))
    expect(published(out)).toEqual(single)
    // One worker pool per runner, however many documents (entities) it served: a pool built per entity
    // started a thread and loaded the models for every document in flight.
    for (const runner of started) expect(runner.output.match(/worker pool of 1 thread\(s\) started/g)).toHaveLength(1)
    // Documents travel in batches (up to 8 a message), not one message each: each message costs
    // PostgreSQL an insert, a read and a reply, and the runner an entity.
    const documents = readdirSync(join(repoRoot, "seeds")).length + (hasShared ? 16 : 0)
    expect(await storedMessages(url)).toBeLessThanOrEqual(Math.max(2, Math.ceil(documents / 4)))
  }, 10 * MINUTES)

  it.skipIf(!hasShared)("a runner killed with SIGKILL midway loses nothing and duplicates nothing", async () => {
    const url = await database("kill")
    const [victim] = await runners(url, 2)
    const out = tempDir("cluster-kill")
    const coordinator = start("pipeline/main.ts", ["--input", input, "--out", out, "--cluster", url])
    // Kill one runner as soon as the victim has extracted something, with most documents still to do.
    await until("the first documents", () => /documents processed/.test(coordinator.output) || coordinator.child.exitCode !== null, 600)
    victim.child.kill("SIGKILL")
    expect(await coordinator.exited, coordinator.output).toBe(0)
    expect(published(out)).toEqual(single)
  }, 10 * MINUTES)

  it.skipIf(!hasShared)("a coordinator killed and started again resumes and publishes the same tables", async () => {
    const url = await database("resume")
    await runners(url, 2)
    const out = tempDir("cluster-resume")
    const first = start("pipeline/main.ts", ["--input", input, "--out", out, "--cluster", url])
    await until("the first documents", () => /documents processed/.test(first.output) || first.child.exitCode !== null, 600)
    first.child.kill("SIGKILL")
    await first.exited
    const second = start("pipeline/main.ts", ["--input", input, "--out", out, "--cluster", url])
    expect(await second.exited, second.output).toBe(0)
    expect(published(out)).toEqual(single)
  }, 10 * MINUTES)
})

describe("a cluster database that cannot be used", () => {
  it("the coordinator says so in one line and exits 1", async () => {
    const run = start("pipeline/main.ts", ["--out", tempDir("cluster-bad"), "--cluster", "postgres://nobody@127.0.0.1:1/none"])
    expect(await run.exited).toBe(1)
    expect(run.output.trim().split("\n")).toHaveLength(1)
    expect(run.output).toMatch(/^newsfacts: cannot run: database postgres:\/\/nobody@127\.0\.0\.1:1\/none: /)
  })

  it("so does a runner, and a URL that is not one", async () => {
    const run = start("pipeline/runner.ts", ["--cluster", "mysql://root@127.0.0.1/test"])
    expect(await run.exited).toBe(1)
    expect(run.output.trim()).toBe("newsfacts runner: cannot start: database mysql://root@127.0.0.1/test: not a postgres:// URL")
  })
})
