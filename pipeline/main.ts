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
import { defaultWorkerCount } from "../src/workers/index.ts"
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
    rebuild: Flag.Boolean("rebuild").pipe(
      Flag.withDescription("Extract every article again, ignoring the results saved in OUT/.state (ids already published are kept)"),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function*({ input: inputFlag, inputArgument, out, formats, parquetLayout, workers, rebuild, cluster }) {
    if (Option.isSome(inputFlag) && Option.isSome(inputArgument)) {
      return yield* fail(`give the input once: --input ${inputFlag.value} or ${inputArgument.value}, not both`)
    }
    const input = Option.getOrElse(Option.orElse(inputArgument, () => inputFlag), () => "seeds")
    const parsed = parseFormats(formats)
    if (typeof parsed === "string") return yield* fail(parsed)
    if (parquetLayout !== "single" && !parsed.includes("parquet")) {
      return yield* fail(`--parquet-layout ${parquetLayout} lays out Parquet files: add parquet to --formats`)
    }
    const workerCount = Option.getOrElse(workers, defaultWorkerCount)
    if (workerCount < 0) return yield* fail(`--workers must be 0 or more, not ${workerCount}`)
    const result = yield* runPipeline({ input, out, formats: parsed, parquetLayout, workers: workerCount, rebuild, cluster: Option.getOrUndefined(cluster), onProgress: progressReporter() }).pipe(
      Effect.catchTags({
        InputError: (error) => fail(`${error.input}: ${error.reason}`),
        ExportError: (error) => fail(`cannot write ${error.path}: ${error.reason}`),
        WorkerError: (error) => fail(`cannot start a worker thread: ${error.reason}`),
        ClusterDatabaseError: (error) => fail(`database ${error.url}: ${error.reason}`)
      })
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

pipeline.pipe(
  Command.run({ version: "0.1.0" }),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
