/**
 * The pipeline, top to bottom: articles are loaded and stream through the per-document stages
 * (clean → segment → extract, on worker threads, in input order), unless the state beside the outputs
 * already holds their result for the same text and code; each result goes to the state as it comes,
 * and once the workers are closed the extractions are read back; dedupe sees the whole set, weighs
 * stories by the archive's kept story weights and keeps the ids published before; the tables are
 * published in one step at the end. When the inputs and the code are those of the last finished run
 * and its files are untouched, there is nothing to rewrite (and nothing is read back).
 */
import { Context, Effect, Layer, Stream } from "effect"
import { CLUSTER_IN_FLIGHT, makeClusterProcessor } from "../src/cluster/client.ts"
import { loadInputs } from "../src/load/index.ts"
import { dedupeGrouped, groupIntoStories, storyDocument } from "../src/dedupe/index.ts"
import type { Format } from "../src/export/index.ts"
import type { ParquetLayout } from "../src/export/partitioned.ts"
import { DefaultBudget } from "../src/model/budget.ts"
import type { DocumentBudget } from "../src/model/budget.ts"
import type { Dataset } from "../src/model/tables.ts"
import type { DocumentExtraction, DocumentFacts } from "../src/model/extraction.ts"
import type { StoryDocument } from "../src/dedupe/stories.ts"
import type { Manifest } from "../src/model/manifest.ts"
import { openIncrementalRun } from "../src/state/incremental.ts"
import { postgresStore } from "../src/state/postgresStore.ts"
import { stateFolder } from "../src/state/store.ts"
import { Store, embeddedStore } from "../src/state/storeService.ts"
import type { IncrementalStats } from "../src/state/incremental.ts"
import { claimOutputFolder } from "../src/state/outputFolder.ts"
import { publishDataset, removeOldTemporaryFiles, repairPublication } from "../src/state/publish.ts"
import { writeRunReport } from "../src/report/index.ts"
import { inputStamp } from "../src/state/inputStamp.ts"
import { publishedFiles, readPublishedManifest } from "../src/state/published.ts"
import { defaultWorkerCount, makeDocumentProcessor } from "../src/workers/index.ts"
import type { DocumentResult } from "../src/workers/index.ts"
import { RunLog } from "./runLog.ts"
import { buildManifest, manifestOptions, toolVersions } from "./manifest.ts"

export interface PipelineOptions {
  /** A folder, a file, or `-` for JSON Lines on standard input. */
  readonly input: string
  /** Output folder (tables under csv/, json/, arrow/, plus manifest.json; the run's state in .state/). */
  readonly out: string
  readonly formats: ReadonlyArray<Format>
  /** `single` (default): one Parquet file per table; `monthly`: per-document tables split by month. */
  readonly parquetLayout?: ParquetLayout
  /** Called after each document with the number done so far (for progress lines). */
  readonly onProgress?: (documentsDone: number, skipped: number) => void
  /** Worker threads for the per-document stages (default: one per core; 0: this thread). */
  readonly workers?: number
  /** Extract every document again instead of reusing saved results (ids already published are kept). */
  readonly rebuild?: boolean
  /**
   * PostgreSQL URL of a cluster (`effect/cluster`): documents are extracted by the runners started with
   * `npm run runner`, not by local workers; dedupe and export still run here, once.
   */
  readonly cluster?: string
  /**
   * PostgreSQL URL of the store (extractions saved for reruns, cited ids, story weights, the published
   * record), instead of the embedded one in `OUT/.state/state.sqlite`; its tables are in `storeSchema`.
   */
  readonly store?: string
  /** The PostgreSQL schema of the store's tables (default `PostgresStoreSchema`, `newsfacts`): one per archive. */
  readonly storeSchema?: string
  /** What one document may cost (size, time) before it is skipped; default `DefaultBudget`. */
  readonly budget?: DocumentBudget
  /**
   * Hold every extraction in memory from the moment it is made or read, as runs did before the
   * extraction phase was bounded; the outputs are the same (for comparisons: tests/boundedRun.test.ts).
   */
  readonly holdInMemory?: boolean
}

export interface PipelineResult {
  /** The tables; null when the outputs were already those of these inputs and this code. */
  readonly dataset: Dataset | null
  readonly manifest: Manifest
  /**
   * What this run reused and extracted, on how many workers, and whether it rewrote the outputs (not
   * when nothing changed since the last finished run), and where the state is (null: embedded in
   * `OUT/.state/`, else the PostgreSQL store's URL without its password, and schema): not part of the outputs.
   */
  readonly run: IncrementalStats & {
    readonly workers: number
    readonly clustered: boolean
    readonly rewritten: boolean
    readonly store: string | null
    /** False when the input files were unchanged since the last finished run (inputStamp.ts), so none was read. */
    readonly inputsRead: boolean
  }
}

/**
 * The run's store: embedded in `OUT/.state/` by default, or in PostgreSQL (`store`: its URL). The
 * published tables go to the output folder either way.
 */
const storeLayer = (options: PipelineOptions) =>
  options.store === undefined ? embeddedStore(stateFolder(options.out)) : postgresStore({ url: options.store, schema: options.storeSchema })

/**
 * Extractions read back from the store at once: the embedded store reads them one after the other
 * whatever this is; PostgreSQL answers them over a few connections (one round trip each).
 */
const STORE_READS = 8

const isPresent = <A>(value: A | null): value is A => value !== null

/** One document's result; whatever goes wrong on the way is that document's failure, never the run's. */
const resultOf = <A, E, R>(result: Effect.Effect<A, E, R>): Effect.Effect<A | Failed, E, R> =>
  Effect.suspend(() => result).pipe(
    Effect.catchDefect((defect) =>
      Effect.succeed<Failed>({
        _tag: "Failed",
        stage: "extract",
        reason: defect instanceof RangeError && /call stack/.test(defect.message)
          ? "the document nests too deeply (the code ran out of stack)"
          : `the code failed: ${defect instanceof Error ? `${defect.name}: ${defect.message}` : String(defect)}`
      })
    )
  )

type Failed = Extract<DocumentResult, { readonly _tag: "Failed" }>

/**
 * An extraction split for dedupe: what story grouping sees of it (none for an exact duplicate, which
 * joins its original's story) and the rest, without the story features only grouping reads.
 */
const forDedupe = (extraction: DocumentExtraction): { readonly facts: DocumentFacts; readonly story: StoryDocument | null } => {
  const { storyFeatures: _, ...facts } = extraction
  return { facts, story: extraction.duplicateOf === null ? storyDocument(extraction) : null }
}

export const runPipeline = Effect.fn("runPipeline")(function*(options: PipelineOptions) {
  const workers = options.workers ?? defaultWorkerCount()
  const budget = options.budget ?? DefaultBudget
  const log = new RunLog()
  yield* claimOutputFolder(options.out)
  yield* Effect.sync(() => {
    removeOldTemporaryFiles(options.out)
    return repairPublication(options.out)
  })
  // The store lives as long as the run: opened after the output folder is claimed, closed with the run's scope.
  const store = yield* Layer.build(storeLayer(options))
  const storeLocation = options.store === undefined ? null : Context.get(store, Store).location
  const state = yield* openIncrementalRun({ rebuild: options.rebuild ?? false, holdInMemory: options.holdInMemory ?? false }).pipe(
    Effect.provideContext(store)
  )
  const clustered = options.cluster !== undefined
  const outputs = () => publishedFiles(options.out, options.formats, options.parquetLayout)
  // Input files unchanged since the last finished run (same paths, sizes and times), same options and
  // code: the outputs are up to date, and no input needs to be read to know it.
  const stamp = options.rebuild === true ? undefined : inputStamp(options.input)
  const inputsKey = stamp === undefined ? undefined : state.inputsKey(stamp, { options: manifestOptions(options), versions: toolVersions() })
  if (inputsKey !== undefined && (yield* state.alreadyPublished(inputsKey, outputs(), "inputsKey"))) {
    const manifest = readPublishedManifest(options.out)
    const reused = manifest.inputs.filter((input) => input.status !== "skipped").length
    return { dataset: null, manifest, run: { ...state.stats, reused, workers, clustered, rewritten: false, store: storeLocation, inputsRead: false } } satisfies PipelineResult
  }
  let done = 0
  // Extraction: the workers (or the cluster's runners) live for this scope only, and the run keeps a
  // receipt of each result, the extraction itself waiting in the state store.
  const admitted = yield* Effect.scoped(Effect.gen(function*() {
    // On a cluster the runners extract (their worker threads have no time budget yet); here, the worker pool.
    const extractFresh = options.cluster === undefined ? yield* makeDocumentProcessor(workers, budget.timeoutMs) : yield* makeClusterProcessor(options.cluster)
    const inFlight = options.cluster === undefined ? Math.max(1, workers) * 4 : CLUSTER_IN_FLIGHT
    return yield* loadInputs({ input: options.input, maxBytes: budget.maxBytes }).pipe(
      Stream.map(log.admitLoaded),
      Stream.filter(isPresent),
      Stream.mapEffect((doc) => Effect.map(resultOf(state.resultFor(doc, extractFresh)), (result) => [doc, result] as const), {
        concurrency: inFlight
      }),
      Stream.map(([doc, result]) => log.admitResult(doc, result)),
      Stream.filter(isPresent),
      Stream.tap(() => Effect.sync(() => options.onProgress?.(++done, log.skipped))),
      Stream.runCollect
    )
  }))
  const runKey = state.runKey({ options: manifestOptions(options), versions: toolVersions(), inputs: log.inputsInOrder, diagnostics: log.diagnostics })
  // An input that failed on the way (a time limit, say) is tried again by the next run, which must read it.
  const keyOfInputs = log.outcomes.some((input) => input.status === "skipped" && input.stage !== "load") ? undefined : inputsKey
  if (!options.rebuild && (yield* state.alreadyPublished(runKey, outputs()))) {
    // The same inputs under new times (files copied, touched): the next run need not read them either.
    if (keyOfInputs !== undefined) yield* state.renewInputsKey(keyOfInputs)
    return { dataset: null, manifest: readPublishedManifest(options.out), run: { ...state.stats, workers, clustered, rewritten: false, store: storeLocation, inputsRead: true } } satisfies PipelineResult
  }
  // The workers are gone: the extractions are read back from the store, in input order, for dedupe,
  // and let go once it has made the tables (nothing holds them while the files are written). Each
  // gives its story features to story grouping as it is read, and dedupe keeps the rest.
  const storyWeights = yield* state.storyWeights()
  const dataset = yield* Effect.forEach(admitted, (doc) => Effect.map(state.savedExtraction(doc.inputId), (extraction) => forDedupe(log.extractionOf(doc, extraction))), {
    concurrency: STORE_READS
  }).pipe(
    Effect.map((read) => ({ documents: read.map((r) => r.facts), stories: groupIntoStories(read.flatMap((r) => r.story ?? []), storyWeights) })),
    Effect.flatMap(({ documents, stories }) => state.keepCitedIds(dedupeGrouped(documents, stories).dataset))
  )
  const manifest = buildManifest(options, dataset, log)
  yield* state.beginPublishing()
  yield* publishDataset(dataset, manifest, options)
  yield* writeRunReport(options.out, dataset, manifest, log.texts)
  yield* state.complete(dataset, runKey, outputs(), keyOfInputs)
  return { dataset, manifest, run: { ...state.stats, workers, clustered, rewritten: true, store: storeLocation, inputsRead: true } } satisfies PipelineResult
}, Effect.scoped)
