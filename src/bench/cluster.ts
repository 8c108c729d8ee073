/**
 * `npm run bench -- --cluster URL`: the pipeline on 1, 2 and 3 runners of a cluster on this machine
 * (each runner a process with one worker thread), beside the single-machine run on one worker thread.
 * On a machine of two cores the gain is capped; what this measures is the cluster's overhead per
 * document: the coordinator's messages, PostgreSQL's storage of them and the runners' transport.
 * Each run gets a fresh database (src/cluster/databases.ts), so no run finds another's replies. Every
 * run is timed cold, from the start of its processes (runners included) to the coordinator's exit.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { createServer } from "node:net"
import { loadavg } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { freshDatabase } from "../cluster/databases.ts"
import type { TraceSummary } from "../cluster/trace.ts"
import { summarizeTrace } from "../cluster/trace.ts"
import { runPipelineChild } from "./measure.ts"

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

export interface ClusterBenchRow {
  /** 0: the single-machine run (one worker thread), the reference. */
  readonly runners: number
  readonly seconds: number
  readonly msPerDocument: number
  /** The machine's 1-minute load average at the end of the run (other work on a shared machine shows here). */
  readonly load: number
  /** Cluster runs: the documents' delivery and reply times (NEWSFACTS_CLUSTER_TRACE, src/cluster/trace.ts). */
  readonly trace: TraceSummary | null
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/**
 * Starts a runner: `ready` resolves once it listens (its worker threads warmed up and its shards taken),
 * and rejects if it exits first; `stop` ends it with SIGTERM.
 */
const startRunner = async (url: string): Promise<{ readonly ready: Promise<void>; readonly stop: () => Promise<void> }> => {
  const port = await freePort()
  const child = spawn(process.execPath, [join(repoRoot, "pipeline/runner.ts"), "--cluster", url, "--port", String(port), "--workers", "1"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"]
  })
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
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
    ready,
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
  const row = (runners: number, seconds: number, trace: TraceSummary | null = null): ClusterBenchRow => ({
    runners,
    seconds,
    msPerDocument: (seconds * 1000) / options.articles,
    load: loadavg()[0]!,
    trace
  })
  options.log(`single machine, 1 worker, ${options.articles} articles…`)
  const single = await runPipelineChild(options.input, join(options.work, "cluster-single"), 1)
  options.log(`  ${single.seconds.toFixed(1)} s`)
  const rows = [row(0, single.seconds)]
  for (const count of options.runnerCounts) {
    const { url, drop } = await freshDatabase("bench", options.baseUrl)
    // The runners and the coordinator (child processes) append each document's times here.
    const traceFile = join(options.work, `cluster-${count}.trace`)
    process.env.NEWSFACTS_CLUSTER_TRACE = traceFile
    // Cold, like the single-machine run: the runners and the coordinator start together and the time
    // runs from there, so it includes the runners' start and model loading as the single run includes its own.
    const runners = await Promise.all(Array.from({ length: count }, () => startRunner(url)))
    try {
      options.log(`${count} runner(s)…`)
      const [run] = await Promise.all([
        runPipelineChild(options.input, join(options.work, `cluster-${count}`), 1, ["--cluster", url]),
        ...runners.map((runner) => runner.ready)
      ])
      const trace = existsSync(traceFile) ? summarizeTrace(readFileSync(traceFile, "utf8")) : null
      options.log(`  ${run.seconds.toFixed(1)} s`)
      rows.push(row(count, run.seconds, trace))
    } finally {
      delete process.env.NEWSFACTS_CLUSTER_TRACE
      await Promise.all(runners.map((runner) => runner.stop()))
      await drop()
    }
  }
  return rows
}

const pair = ([median, p90]: readonly [number, number]): string => `${median.toFixed(0)} / ${p90.toFixed(0)}`

export const renderClusterBench = (rows: ReadonlyArray<ClusterBenchRow>, articles: number): string => {
  const single = rows.find((r) => r.runners === 0)!
  const lines = [
    `| run | seconds | ms per document | vs single machine | delivery ms (median / p90) | reply ms (median / p90) | load average (1 min) |`,
    `|---|--:|--:|--:|--:|--:|--:|`,
    ...rows.map((r) =>
      `| ${r.runners === 0 ? "single machine, 1 worker" : `cluster, ${r.runners} runner(s) × 1 worker`} | ${r.seconds.toFixed(1)} | ${r.msPerDocument.toFixed(1)} | ${(r.seconds / single.seconds).toFixed(2)}x | ${r.trace === null ? "" : pair(r.trace.deliveryMs)} | ${r.trace === null ? "" : pair(r.trace.replyMs)} | ${r.load.toFixed(1)} |`
    )
  ]
  const one = rows.find((r) => r.runners === 1)
  const overhead = one === undefined ? "" : `\n\nOverhead per document (1 runner vs single machine, ${articles} articles): ${(one.msPerDocument - single.msPerDocument).toFixed(1)} ms = ${((one.seconds / single.seconds - 1) * 100).toFixed(1)} %.`
  return lines.join("\n") + overhead + "\n"
}
