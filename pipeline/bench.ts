/**
 * `npm run bench`: speed and scale on the shared news corpus (docs/scale.md), measured in one run:
 * compromise's tagging alone as the floor, on one thread and split over N processes at once (what the
 * machine's cores give this work with nothing shared); the pipeline end to end on 1 worker and on N; the corpus at
 * 2x and 4x (replayed as new sources); ten articles added to the processed corpus; the largest size
 * above 1x as an archive (a rerun with nothing new, then ten articles added). Each pipeline run is
 * the real command line in a child process. Prints the figures beside issue #9's targets and writes
 * `bench-reports/latest.{md,json}` after every step, so a long run that is stopped keeps what it measured.
 *
 *   npm run bench                          the whole thing (about 20–30 minutes on 2 cores)
 *   npm run bench -- --limit 200 --sizes 1,2   a quick look
 *   npm run bench -- --syntax-only         only tagging + parsing vs compromise's tagging (issue #20)
 *   npm run bench -- --names-only --limit 600   only the name tagger's added CPU (issue #23)
 *   npm run bench -- --sizes 1,10 --skip-compromise --skip-one-worker   the archive targets of #25 (10x)
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { cpus, tmpdir, totalmem } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { megabytes, readCorpus, replay, scaledCorpus, toJsonLines } from "../src/bench/corpus.ts"
import { compromiseParallelSeconds, compromiseSeconds, nameTaggerShareSeconds, runPipelineChild, syntaxShareSeconds } from "../src/bench/measure.ts"
import { renderMarkdown, renderTerminal } from "../src/bench/report.ts"
import { benchCluster, renderClusterBench } from "../src/bench/cluster.ts"
import type { BenchReport, Machine, SizedRun } from "../src/bench/report.ts"
import { defaultWorkerCount } from "../src/workers/index.ts"

const repoRoot = fileURLToPath(new URL("../", import.meta.url))

const machine = (): Machine => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.versions.node,
  platform: `${process.platform} ${process.arch}`
})

const commit = (): string => {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim()
  } catch {
    return "unknown"
  }
}

const writeReport = (report: BenchReport, name: string) => {
  const folder = join(repoRoot, "bench-reports")
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(join(folder, `${name}.md`), renderMarkdown(report))
}

const parseSizes = (text: string): Array<number> | string => {
  const sizes = text.split(",").map((s) => Number(s.trim()))
  return sizes.every((s) => Number.isInteger(s) && s >= 1) ? sizes : `--sizes takes whole numbers ≥ 1 separated by commas, not "${text}"`
}

const bench = Command.make(
  "bench",
  {
    corpus: Flag.String("corpus").pipe(Flag.withDescription("Folder of JSON Lines articles"), Flag.withDefault(resolve(repoRoot, "../shared/corpus"))),
    limit: Flag.Int("limit").pipe(Flag.withDescription("Only the first N articles (a quick look)"), Flag.optional),
    sizes: Flag.String("sizes").pipe(Flag.withDescription("Corpus sizes to run, as multiples of the corpus"), Flag.withDefault("1,2,4")),
    workers: Flag.Int("workers").pipe(Flag.withDescription(`Worker threads for the sized runs (default: one per core, here ${defaultWorkerCount()})`), Flag.optional),
    skipCompromise: Flag.Boolean("skip-compromise").pipe(Flag.withDescription("Do not time compromise alone"), Flag.withDefault(false)),
    syntaxOnly: Flag.Boolean("syntax-only").pipe(Flag.withDescription("Only time tagging + parsing against compromise's tagging (a few minutes)"), Flag.withDefault(false)),
    namesOnly: Flag.Boolean("names-only").pipe(
      Flag.withDescription("Only time the per-document stages with and without the name tagger, interleaved (a few minutes with --limit 600)"),
      Flag.withDefault(false)
    ),
    skipOneWorker: Flag.Boolean("skip-one-worker").pipe(Flag.withDescription("Do not run the 1x corpus on one worker"), Flag.withDefault(false)),
    report: Flag.String("report").pipe(
      Flag.withDescription("Report name under bench-reports/ (default: latest for a whole bench, partial for --syntax-only and --names-only)"),
      Flag.optional
    ),
    cluster: Flag.String("cluster").pipe(
      Flag.withDescription("PostgreSQL server URL: time 1, 2 and 3 cluster runners beside one machine instead (bench-reports/cluster.md)"),
      Flag.optional
    )
  },
  Effect.fn(function*(options) {
    const reportName = Option.getOrElse(options.report, () => (options.syntaxOnly || options.namesOnly ? "partial" : "latest"))
    const sizes = parseSizes(options.sizes)
    if (typeof sizes === "string") return yield* fail(sizes)
    const files = readdirSync(options.corpus).filter((f) => f.endsWith(".jsonl")).sort().map((f) => join(options.corpus, f))
    if (files.length === 0) return yield* fail(`${options.corpus}: no .jsonl files`)
    const limit = Option.getOrNull(options.limit)
    const all = readCorpus(files)
    const records = limit === null ? all : all.slice(0, limit)
    const workers = Option.getOrElse(options.workers, defaultWorkerCount)
    const work = mkdtempSync(join(tmpdir(), "newsfacts-bench-"))
    const log = (line: string) => process.stderr.write(`bench: ${line}\n`)
    const clusterUrl = Option.getOrNull(options.cluster)
    if (clusterUrl !== null) {
      const input = join(work, "corpus.jsonl")
      writeFileSync(input, toJsonLines(records))
      const rows = yield* Effect.promise(() =>
        benchCluster({ baseUrl: clusterUrl, input, articles: records.length, work, runnerCounts: [1, 2, 3], log }).finally(() =>
          rmSync(work, { recursive: true, force: true })
        )
      )
      const markdown = `# Cluster bench\n\n\`${["npm run bench --", ...process.argv.slice(2)].join(" ")}\` at \`${commit().slice(0, 7)}\`, ${machine().cores} cores, ${records.length} articles.\n\n${renderClusterBench(rows, records.length)}`
      mkdirSync(join(repoRoot, "bench-reports"), { recursive: true })
      writeFileSync(join(repoRoot, "bench-reports", "cluster.md"), markdown)
      return yield* Console.log(markdown)
    }

    let report: BenchReport = {
      command: ["npm run bench", ...process.argv.slice(2).length > 0 ? ["--", ...process.argv.slice(2)] : []].join(" "),
      commit: commit(),
      generated: new Date().toISOString(),
      machine: machine(),
      corpus: { files: files.map((f) => f.slice(options.corpus.length + 1)), articles: records.length, megabytes: megabytes(records) },
      compromise: null,
      oneWorker: null,
      sizes: [],
      addTen: null
    }
    const record = (next: BenchReport) => {
      report = next
      writeReport(report, reportName)
    }
    const inputFor = (scale: number) => {
      const path = join(work, `corpus-${scale}x.jsonl`)
      const scaled = scaledCorpus(records, scale)
      writeFileSync(path, toJsonLines(scaled))
      return { path, articles: scaled.length, megabytes: megabytes(scaled) }
    }
    const sized = (scale: number, runWorkers: number, out: string) =>
      Effect.promise(async (): Promise<SizedRun> => {
        const input = inputFor(scale)
        log(`${scale}x (${input.articles} articles, ${input.megabytes.toFixed(1)} MB) on ${runWorkers} worker(s)…`)
        const run = await runPipelineChild(input.path, out, runWorkers)
        const cpu = run.cpu === null ? "" : `, CPU ${run.cpu.total.toFixed(1)} s (worker threads ${run.cpu.workers.toFixed(1)}, main ${run.cpu.main.toFixed(1)})`
        log(`  ${run.seconds.toFixed(1)} s, peak RSS ${Math.round(run.peakRssMb)} MB${cpu}`)
        return { ...run, scale, articles: input.articles, megabytes: input.megabytes, workers: runWorkers }
      })

    const measureSyntax = () => {
      log(`tagging + parsing beside compromise's tagging on ${records.length} articles…`)
      const share = syntaxShareSeconds(sharedNlpEngine(), records)
      log(`  ${share.syntax.toFixed(1)} s vs ${share.compromise.toFixed(1)} s (${((share.syntax / share.compromise) * 100).toFixed(1)} %)`)
      record({ ...report, syntax: { compromiseSeconds: share.compromise, syntaxSeconds: share.syntax, sentences: share.sentences } })
    }
    const measureNameTagger = () => {
      log(`the per-document stages with and without the name tagger on ${records.length} articles, interleaved…`)
      const share = nameTaggerShareSeconds(records)
      log(`  ${share.withTagger.toFixed(1)} s vs ${share.rulesAlone.toFixed(1)} s (+${((share.withTagger / share.rulesAlone - 1) * 100).toFixed(1)} %)`)
      record({ ...report, nameTagger: share })
    }
    if (options.namesOnly) {
      measureNameTagger()
      rmSync(work, { recursive: true, force: true })
      yield* Console.log(renderTerminal(report))
      return
    }
    if (options.syntaxOnly) {
      measureSyntax()
      rmSync(work, { recursive: true, force: true })
      yield* Console.log(renderTerminal(report))
      return
    }
    try {
      if (!options.skipCompromise) {
        measureSyntax()
        measureNameTagger()
        log(`compromise alone on ${records.length} articles…`)
        const seconds = compromiseSeconds(sharedNlpEngine(), records)
        log(`  ${seconds.toFixed(1)} s`)
        record({ ...report, compromise: { seconds } })
        if (workers > 1) {
          log(`compromise alone on ${records.length} articles, split over ${workers} processes at once…`)
          const tagInput = join(work, "compromise.jsonl")
          writeFileSync(tagInput, toJsonLines(records))
          const parallelSeconds = yield* Effect.promise(() => compromiseParallelSeconds(tagInput, workers))
          log(`  ${parallelSeconds.toFixed(1)} s`)
          record({ ...report, compromiseParallel: { processes: workers, seconds: parallelSeconds } })
        }
      }
      if (!options.skipOneWorker && workers !== 1) {
        const out = join(work, "out-1x-1w")
        record({ ...report, oneWorker: yield* sized(1, 1, out) })
        rmSync(out, { recursive: true, force: true })
      }
      for (const scale of sizes) {
        const out = join(work, `out-${scale}x`)
        record({ ...report, sizes: [...report.sizes, yield* sized(scale, workers, out)] })
        if (scale === 1) {
          // Ten articles no run has seen (a further replay copy of the first ten), appended to the 1x
          // input file, as a user adds the day's articles to their file.
          const path = join(work, "corpus-1x.jsonl")
          writeFileSync(path, toJsonLines([...records, ...records.slice(0, 10).map((r) => replay(r, sizes.length + 100))]))
          log("1x + 10 new articles, rerun into the same output folder…")
          const addTen = yield* Effect.promise(() => runPipelineChild(path, out, workers))
          log(`  ${addTen.seconds.toFixed(1)} s (${addTen.extracted} extracted, ${addTen.reused} reused)`)
          record({ ...report, addTen })
        } else if (scale === Math.max(...sizes)) {
          // The largest size as an archive (#25): a rerun with nothing new, then the day's ten articles
          // (replay copies no run has seen) appended to its input file.
          const path = join(work, `corpus-${scale}x.jsonl`)
          log(`${scale}x rerun with nothing new…`)
          const nothingNew = yield* Effect.promise(() => runPipelineChild(path, out, workers))
          log(`  ${nothingNew.seconds.toFixed(1)} s`)
          writeFileSync(path, toJsonLines([...scaledCorpus(records, scale), ...records.slice(0, 10).map((r) => replay(r, scale + 100))]))
          log(`${scale}x + 10 new articles, rerun into the same output folder…`)
          const addTen = yield* Effect.promise(() => runPipelineChild(path, out, workers))
          log(`  ${addTen.seconds.toFixed(1)} s (${addTen.extracted} extracted, ${addTen.reused} reused), peak RSS ${Math.round(addTen.peakRssMb)} MB`)
          record({ ...report, archive: { scale, nothingNew, addTen } })
        }
        rmSync(out, { recursive: true, force: true })
      }
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
    yield* Console.log(renderTerminal(report))
    yield* Console.log(`\nwrote bench-reports/${reportName}.md and bench-reports/${reportName}.json`)
  })
).pipe(Command.withDescription("Measure the pipeline's speed and scale on the shared news corpus."))

const fail = (reason: string) =>
  Effect.gen(function*() {
    yield* Console.error(`newsfacts bench: ${reason}`)
    process.exitCode = 1
  })

bench.pipe(Command.run({ version: "0.1.0" }), Effect.provide(NodeServices.layer), NodeRuntime.runMain)
