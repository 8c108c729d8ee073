/**
 * `npm run pipeline`: the command-line entry point. With no arguments it reads seeds/ and writes
 * output/. Exit code 0 when the run completed (skipped inputs included), 1 with a one-line reason when
 * it could not run.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { Formats } from "../src/export/index.ts"
import type { Format } from "../src/export/index.ts"
import { ParquetLayouts } from "../src/export/partitioned.ts"
import { DefaultBudget } from "../src/model/budget.ts"
import { PostgresStoreSchema } from "../src/state/postgresStore.ts"
import { defaultWorkerCount, maxWorkerCount } from "../src/workers/index.ts"
import { boundHeapGrowth } from "./heap.ts"
import { runPipeline } from "./pipeline.ts"
import { progressReporter, summaryTable } from "./report.ts"

const parseFormats = (value: string): Array<Format> | string => {
  const requested = value.split(",").map((f) => f.trim().toLowerCase()).filter((f) => f !== "")
  const unknown = requested.filter((f) => !(Formats as ReadonlyArray<string>).includes(f))
  if (unknown.length > 0) return `unknown format(s) ${unknown.join(", ")}; choose from ${Formats.join(", ")}`
  if (requested.length === 0) return "no output format given"
  return [...new Set(requested)] as Array<Format>
}

const pipeline = Command.make(
  "newsfacts",
  {
    input: Flag.String("input").pipe(
      Flag.withAlias("i"),
      Flag.withDescription("A folder (every .txt .md .html .json .jsonl in it), a file, or - for JSON Lines on stdin (default: seeds)"),
      Flag.optional
    ),
    inputArgument: Argument.String("input").pipe(
      Argument.withDescription("The input, given without --input: newsfacts articles/ is newsfacts --input articles/"),
      Argument.optional
    ),
    out: Flag.String("out").pipe(
      Flag.withAlias("o"),
      Flag.withDescription("Output folder: csv/, json/, arrow/, parquet/ and manifest.json are written there"),
      Flag.withDefault("output")
    ),
    formats: Flag.String("formats").pipe(
      Flag.withDescription(`Comma-separated output formats (default: all, ${Formats.join(",")})`),
      Flag.withDefault(Formats.join(","))
    ),
    parquetLayout: Flag.Literals("parquet-layout", ParquetLayouts).pipe(
      Flag.withDescription("Parquet tables as one file each (single), or the per-document tables split by publication month into parquet/<table>/month=YYYY-MM/ (monthly), for archives"),
      Flag.withDefault("single")
    ),
    workers: Flag.Int("workers").pipe(
      Flag.withDescription(`Worker threads for cleaning, tagging and extraction (default: one per core, here ${defaultWorkerCount()}; 0: none)`),
      Flag.optional
    ),
    cluster: Flag.String("cluster").pipe(
      Flag.withDescription("PostgreSQL URL of a cluster: runners (npm run runner -- --cluster URL) extract the documents"),
      Flag.optional
    ),
    store: Flag.String("store").pipe(
      Flag.withDescription("PostgreSQL URL of the store (saved extractions, cited ids, story weights) instead of OUT/.state; the tables still go to --out"),
      Flag.optional
    ),
    storeSchema: Flag.String("store-schema").pipe(
      Flag.withDescription(`PostgreSQL schema of the store's tables, one per archive (default ${PostgresStoreSchema}); with --store`),
      Flag.optional
    ),
    docSizeLimit: Flag.Finite("doc-size-limit").pipe(
      Flag.withDescription(`Largest article in MB (a file, or a JSON / JSON Lines record); larger ones are skipped (default ${DefaultBudget.maxBytes / 1024 / 1024})`),
      Flag.withDefault(DefaultBudget.maxBytes / 1024 / 1024)
    ),
    docTimeLimit: Flag.Finite("doc-time-limit").pipe(
      Flag.withDescription(`Seconds one article may take to clean, tag and extract; a slower one is stopped and skipped (default ${DefaultBudget.timeoutMs / 1000})`),
      Flag.withDefault(DefaultBudget.timeoutMs / 1000)
    ),
    rebuild: Flag.Boolean("rebuild").pipe(
      Flag.withDescription("Extract every article again, ignoring the results saved in OUT/.state, and count the story weights again (ids already published are kept)"),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function*({ input: inputFlag, inputArgument, out, formats, parquetLayout, workers, docSizeLimit, docTimeLimit, rebuild, cluster, store, storeSchema }) {
    if (Option.isSome(inputFlag) && Option.isSome(inputArgument)) {
      return yield* fail(`give the input once: --input ${inputFlag.value} or ${inputArgument.value}, not both`)
    }
    const input = Option.getOrElse(Option.orElse(inputArgument, () => inputFlag), () => "seeds")
    const parsed = parseFormats(formats)
    if (typeof parsed === "string") return yield* fail(parsed)
    if (parquetLayout !== "single" && !parsed.includes("parquet")) {
      return yield* fail(`--parquet-layout ${parquetLayout} lays out Parquet files: add parquet to --formats`)
    }
    if (Option.isSome(storeSchema) && Option.isNone(store)) return yield* fail("--store-schema names a schema of a PostgreSQL store: give --store postgres://… too")
    const requested = Option.getOrElse(workers, defaultWorkerCount)
    if (requested < 0) return yield* fail(`--workers must be 0 or more, not ${requested}`)
    if (!(docSizeLimit > 0)) return yield* fail(`--doc-size-limit must be a number of MB above 0, not ${docSizeLimit}`)
    if (!(docTimeLimit > 0)) return yield* fail(`--doc-time-limit must be a number of seconds above 0, not ${docTimeLimit}`)
    const workerCount = Math.min(requested, maxWorkerCount())
    if (workerCount < requested) {
      yield* Console.error(`newsfacts: --workers ${requested} is more than this machine's ${maxWorkerCount()} core(s) can use; using ${workerCount}`)
    }
    const budget = { maxBytes: Math.round(docSizeLimit * 1024 * 1024), timeoutMs: docTimeLimit * 1000 }
    const result = yield* runPipeline({ input, out, formats: parsed, parquetLayout, workers: workerCount, budget, rebuild, cluster: Option.getOrUndefined(cluster), store: Option.getOrUndefined(store), storeSchema: Option.getOrUndefined(storeSchema), onProgress: progressReporter() }).pipe(
      Effect.catchTags({
        InputError: (error) => fail(`${error.input}: ${error.reason}`),
        OutputError: (error) => fail(`--out ${error.path}: ${error.reason}`),
        ExportError: (error) => fail(`cannot write ${error.path}: ${error.reason}`),
        WorkerError: (error) => fail(`cannot start a worker thread: ${error.reason}`),
        ClusterDatabaseError: (error) => fail(`database ${error.url}: ${error.reason}`),
        StoreError: (error) => fail(`store ${error.store}: ${error.reason}`)
      }),
      // Anything else is a bug, but the user still gets one line, not a stack trace.
      Effect.catchDefect((defect) => fail(`unexpected error: ${defect instanceof Error ? defect.message : String(defect)}`))
    )
    if (result === undefined) return
    yield* Console.log(summaryTable(result.manifest, out, result.run))
  })
).pipe(Command.withDescription("Turn news articles into datasets of events, actors and quotes (CSV, JSON, Arrow, Parquet)."))

/** Prints a one-line reason and sets a failing exit code. */
const fail = (reason: string) =>
  Effect.gen(function*() {
    yield* Console.error(`newsfacts: cannot run: ${reason}`)
    process.exitCode = 1
    return undefined
  })

boundHeapGrowth()
pipeline.pipe(
  Command.run({ version: "0.1.0" }),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
