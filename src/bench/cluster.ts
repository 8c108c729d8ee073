/**
 * `npm run bench -- --cluster URL`: the pipeline on 1, 2 and 3 runners of a cluster on this machine
 * (each runner a process with one worker thread), beside the single-machine run on one worker thread.
 * On a machine of two cores the gain is capped; what this measures is the cluster's overhead per
 * document: the coordinator's messages, PostgreSQL's storage of them and the runners' transport.
 * Each run gets a fresh database (src/cluster/databases.ts), so no run finds another's replies.
 */
import { spawn } from "node:child_process"
import { createServer } from "node:net"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { freshDatabase } from "../cluster/databases.ts"
import { runPipelineChild } from "./measure.ts"

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

export interface ClusterBenchRow {
  /** 0: the single-machine run (one worker thread), the reference. */
  readonly runners: number
  readonly seconds: number
  readonly msPerDocument: number
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/** Starts a runner and resolves once it listens; `stop` ends it with SIGTERM. */
const startRunner = async (url: string): Promise<{ readonly stop: () => Promise<void> }> => {
  const port = await freePort()
  const child = spawn(process.execPath, [join(repoRoot, "pipeline/runner.ts"), "--cluster", url, "--port", String(port), "--workers", "1"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"]
  })
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
  await new Promise<void>((resolve, reject) => {
    // The engine logs "Listening on" to stdout; our own start line and errors go to stderr.
    let output = ""
    const listen = (chunk: Buffer) => {
      output += chunk
      if (output.includes("Listening on")) resolve()
    }
    child.stdout.on("data", listen)
    child.stderr.on("data", listen)
    child.on("exit", (code) => reject(new Error(`a runner exited with ${code}: ${output.trim().split("\n").at(-1)}`)))
  })
  return {
    stop: async () => {
      child.kill("SIGTERM")
      await exited
    }
  }
}

export const benchCluster = async (options: {
  readonly baseUrl: string
  readonly input: string
  readonly articles: number
  readonly work: string
  readonly runnerCounts: ReadonlyArray<number>
  readonly log: (line: string) => void
}): Promise<Array<ClusterBenchRow>> => {
  const row = (runners: number, seconds: number): ClusterBenchRow => ({ runners, seconds, msPerDocument: (seconds * 1000) / options.articles })
  options.log(`single machine, 1 worker, ${options.articles} articles…`)
  const single = await runPipelineChild(options.input, join(options.work, "cluster-single"), 1)
  options.log(`  ${single.seconds.toFixed(1)} s`)
  const rows = [row(0, single.seconds)]
  for (const count of options.runnerCounts) {
    const { url, drop } = await freshDatabase("bench", options.baseUrl)
    const runners = await Promise.all(Array.from({ length: count }, () => startRunner(url)))
    try {
      options.log(`${count} runner(s)…`)
      const run = await runPipelineChild(options.input, join(options.work, `cluster-${count}`), 1, ["--cluster", url])
      options.log(`  ${run.seconds.toFixed(1)} s`)
      rows.push(row(count, run.seconds))
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()))
      await drop()
    }
  }
  return rows
}

export const renderClusterBench = (rows: ReadonlyArray<ClusterBenchRow>, articles: number): string => {
  const single = rows.find((r) => r.runners === 0)!
  const lines = [
    `| run | seconds | ms per document | vs single machine |`,
    `|---|--:|--:|--:|`,
    ...rows.map((r) =>
      `| ${r.runners === 0 ? "single machine, 1 worker" : `cluster, ${r.runners} runner(s) × 1 worker`} | ${r.seconds.toFixed(1)} | ${r.msPerDocument.toFixed(1)} | ${(r.seconds / single.seconds).toFixed(2)}x |`
    )
  ]
  const one = rows.find((r) => r.runners === 1)
  const overhead = one === undefined ? "" : `\n\nOverhead per document (1 runner vs single machine, ${articles} articles): ${(one.msPerDocument - single.msPerDocument).toFixed(1)} ms = ${((one.seconds / single.seconds - 1) * 100).toFixed(1)} %.`
  return lines.join("\n") + overhead + "\n"
}
