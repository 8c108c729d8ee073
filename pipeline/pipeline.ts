/**
 * The pipeline, top to bottom: articles are loaded and stream through the per-document stages
 * (clean → segment → extract, on worker threads, in input order), unless the state beside the outputs
 * already holds their result for the same text and code; dedupe sees the whole set and keeps the ids
 * published before; the tables are published in one step at the end.
 */
import { Effect, Stream } from "effect"
import { loadInputs } from "../src/load/index.ts"
import { dedupe } from "../src/dedupe/index.ts"
import type { Format } from "../src/export/index.ts"
import type { Dataset } from "../src/model/tables.ts"
import type { Manifest } from "../src/model/manifest.ts"
import { openIncrementalRun } from "../src/state/incremental.ts"
import type { IncrementalStats } from "../src/state/incremental.ts"
import { publishDataset } from "../src/state/publish.ts"
import { defaultWorkerCount, makeDocumentProcessor } from "../src/workers/index.ts"
import { RunLog } from "./runLog.ts"
import { buildManifest } from "./manifest.ts"

export interface PipelineOptions {
  /** A folder, a file, or `-` for JSON Lines on standard input. */
  readonly input: string
  /** Output folder (tables under csv/, json/, arrow/, plus manifest.json; the run's state in .state/). */
  readonly out: string
  readonly formats: ReadonlyArray<Format>
  /** Called after each document with the number done so far (for progress lines). */
  readonly onProgress?: (documentsDone: number, skipped: number) => void
  /** Worker threads for the per-document stages (default: one per core; 0: this thread). */
  readonly workers?: number
  /** Extract every document again instead of reusing saved results (ids already published are kept). */
  readonly rebuild?: boolean
}

export interface PipelineResult {
  readonly dataset: Dataset
  readonly manifest: Manifest
  /** What this run reused and extracted, and on how many workers: not part of the outputs. */
  readonly run: IncrementalStats & { readonly workers: number }
}

const isPresent = <A>(value: A | null): value is A => value !== null

export const runPipeline = Effect.fn("runPipeline")(function*(options: PipelineOptions) {
  const workers = options.workers ?? defaultWorkerCount()
  const log = new RunLog()
  const state = yield* openIncrementalRun(options.out, { rebuild: options.rebuild ?? false })
  const extractFresh = yield* makeDocumentProcessor(workers)
  let done = 0
  const extractions = yield* loadInputs({ input: options.input }).pipe(
    Stream.map(log.admitLoaded),
    Stream.filter(isPresent),
    Stream.mapEffect((doc) => Effect.map(state.resultFor(doc, extractFresh), (result) => [doc, result] as const), {
      concurrency: Math.max(1, workers) * 4
    }),
    Stream.map(([doc, result]) => log.admitResult(doc, result)),
    Stream.filter(isPresent),
    Stream.tap(() => Effect.sync(() => options.onProgress?.(++done, log.skipped))),
    Stream.runCollect
  )
  const dataset = state.keepCitedIds(dedupe(extractions))
  const manifest = buildManifest(options, dataset, log)
  yield* publishDataset(dataset, manifest, options)
  state.complete(dataset)
  return { dataset, manifest, run: { ...state.stats, workers } } satisfies PipelineResult
}, Effect.scoped)
