/**
 * One incremental run over the state (the `Store`: embedded beside the outputs, or in PostgreSQL): each loaded document gets the result saved
 * for the same content and code when there is one, and is extracted otherwise (the new result is saved
 * at once, so a run killed midway resumes from there). While documents are extracted the run holds
 * only a receipt of each result; dedupe reads the extractions back from the store afterwards, and
 * weighs stories by the weights kept for the archive (storyWeights.ts). After publishing, the run
 * remembers the ids it published and the story weights, forgets inputs that are no longer given, and
 * records what it published: a rerun with the same inputs and code, whose outputs nobody touched,
 * then has nothing to rewrite (published.ts).
 */
import { createHash } from "node:crypto"
import { Effect } from "effect"
import type { LoadedDocument } from "../model/document.ts"
import type { DocumentExtraction } from "../model/extraction.ts"
import type { Dataset } from "../model/tables.ts"
import type { DocumentResult } from "../workers/documentWork.ts"
import { citationsOf, citedDocuments, keepCitedIds } from "./citedIds.ts"
import type { StoryDocument, StoryWeights } from "../dedupe/stories.ts"
import { codeFingerprint, documentKey, outputFingerprint, storyWeightsFingerprint } from "./fingerprint.ts"
import { storyWeightsFor } from "./storyWeights.ts"
import type { StoryWeightsOrigin } from "./storyWeights.ts"
import { decodePublishedRecord, recordPublished, stillPublished } from "./published.ts"
import { receiptOf } from "./store.ts"
import type { ResultReceipt } from "./store.ts"
import { Store } from "./storeService.ts"
import type { StoreError, StoreShape } from "./storeService.ts"

export interface IncrementalStats {
  /** Documents whose saved result was reused. */
  readonly reused: number
  /** Documents extracted in this run. */
  readonly extracted: number
  /** Whether the story weights kept for the archive were used, or why they were counted again (null: no dedupe ran). */
  readonly storyWeights: StoryWeightsOrigin | null
}

export class IncrementalRun {
  /** Each input given to this run, with its key (for the run's own key). */
  private readonly keys = new Map<string, string>()
  private reused = 0
  private extracted = 0
  private storyWeightsOrigin: StoryWeightsOrigin | null = null
  private saveStoryWeights: (store: StoreShape) => Effect.Effect<void, StoreError> = () => Effect.void

  private readonly store: StoreShape
  private readonly fingerprint: string
  private readonly rebuild: boolean
  /** Set with `holdInMemory`: every extraction of the run, held from the moment it is made or read. */
  private readonly held: Map<string, DocumentExtraction> | undefined
  constructor(store: StoreShape, fingerprint: string, options: { readonly rebuild?: boolean; readonly holdInMemory?: boolean } = {}) {
    this.store = store
    this.fingerprint = fingerprint
    this.rebuild = options.rebuild ?? false
    this.held = options.holdInMemory === true ? new Map() : undefined
  }

  /**
   * The receipt of `doc`'s result (store.ts): the saved one when the store holds a result for the
   * same content and code, otherwise a fresh extraction's, which is saved at once. The extraction
   * itself is read back by `savedExtraction` once every document has one, so that the extraction
   * phase holds no extraction beyond those in flight.
   */
  resultFor = <E, R>(
    doc: LoadedDocument,
    extractFresh: (doc: LoadedDocument) => Effect.Effect<DocumentResult, E, R>
  ): Effect.Effect<ResultReceipt, E | StoreError, R> =>
    Effect.gen({ self: this }, function*() {
      const key = documentKey(this.fingerprint, doc)
      this.keys.set(doc.inputId, key)
      const saved = this.held === undefined ? yield* this.store.savedReceipt(doc.inputId, key) : yield* this.holdSaved(doc.inputId, key)
      if (saved !== undefined) {
        this.reused++
        return saved
      }
      const result = yield* extractFresh(doc)
      this.extracted++
      if (result._tag !== "Failed") yield* this.store.saveResult(doc.inputId, key, result)
      if (result._tag === "Extracted") this.held?.set(doc.inputId, result.extraction)
      return receiptOf(result)
    })

  /** The extraction of an input whose receipt `resultFor` gave as extracted in this run. */
  savedExtraction = (inputId: string): Effect.Effect<DocumentExtraction, StoreError> =>
    Effect.suspend(() => {
      const held = this.held?.get(inputId)
      if (held !== undefined) return Effect.succeed(held)
      return Effect.map(this.store.savedResult(inputId, this.keys.get(inputId)!), (result) => {
        if (result?._tag !== "Extracted") throw new Error(`no saved extraction for ${inputId}`)
        return result.extraction
      })
    })

  /** `holdInMemory`: the saved result, parsed and held (the path of before, kept for comparison). */
  private holdSaved(inputId: string, key: string): Effect.Effect<ResultReceipt | undefined, StoreError> {
    return Effect.map(this.store.savedResult(inputId, key), (saved) => {
      if (saved?._tag === "Extracted") this.held!.set(inputId, saved.extraction)
      return saved === undefined ? undefined : receiptOf(saved)
    })
  }

  /**
   * The key of this run's outputs: every loaded input's key, `outcomes` (what the run log says of every
   * input, skipped ones included, and the options the manifest records) and the output fingerprint.
   */
  runKey = (outcomes: unknown): string =>
    createHash("sha256")
      .update(JSON.stringify([outputFingerprint(), outcomes, [...this.keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]))
      .digest("hex")
      .slice(0, 32)

  /**
   * The key of this run's input files before any is read: their stamp (inputStamp.ts), `settings` (the
   * options the manifest records and the tools' versions) and the output fingerprint.
   */
  inputsKey = (stamp: string, settings: unknown): string =>
    createHash("sha256").update(JSON.stringify([outputFingerprint(), settings, stamp])).digest("hex").slice(0, 32)

  /** Whether `files` are still what the last finished run published under `key`, the run's key or its inputs' key (`by`). */
  alreadyPublished = (key: string, files: ReadonlyArray<string>, by: "runKey" | "inputsKey" = "runKey"): Effect.Effect<boolean, StoreError> =>
    Effect.map(this.store.publishedRecord, (record) => stillPublished(record, key, files, by))

  /** Records `inputsKey` as that of the published outputs, which a run under `runKey` found up to date. */
  renewInputsKey = (inputsKey: string): Effect.Effect<void, StoreError> =>
    Effect.flatMap(this.store.publishedRecord, (saved) => {
      const record = saved === undefined ? undefined : decodePublishedRecord(saved)
      return record === undefined || record.inputsKey === inputsKey ? Effect.void : this.store.savePublishedRecord(JSON.stringify({ ...record, inputsKey }))
    })

  /** Called before the outputs are replaced: a run killed from here on leaves no record vouching for them. */
  beginPublishing = (): Effect.Effect<void, StoreError> => this.store.forgetPublishedRecord

  /**
   * The story weights for dedupe, which asks for them with its documents: those kept for the archive
   * (read here, before dedupe), or counted again (storyWeights.ts).
   */
  storyWeights = (): Effect.Effect<(docs: ReadonlyArray<StoryDocument>) => StoryWeights, StoreError> =>
    Effect.map(this.rebuild ? Effect.succeed(undefined) : this.store.storyWeights, (kept) => (docs) => {
      const { origin, save, weights } = storyWeightsFor(kept, storyWeightsFingerprint(), docs, this.rebuild)
      this.storyWeightsOrigin = origin
      this.saveStoryWeights = save
      return weights
    })

  /** Dedupe's dataset with every id published before kept (see citedIds.ts). */
  keepCitedIds = (dataset: Dataset): Effect.Effect<Dataset, StoreError> =>
    Effect.map(this.store.citations(citedDocuments(dataset)), (cited) => keepCitedIds(dataset, (docId) => cited.get(docId)))

  /**
   * Called once the dataset is published: its ids are now cited, and `files` are this run's outputs.
   * `inputsKey`, when given, lets a rerun with the same input files skip reading them.
   */
  complete = (dataset: Dataset, runKey: string, files: ReadonlyArray<string>, inputsKey?: string): Effect.Effect<void, StoreError> =>
    Effect.gen({ self: this }, function*() {
      yield* this.store.saveCitations(citationsOf(dataset))
      yield* this.saveStoryWeights(this.store)
      yield* this.store.keepOnlyInputs(new Set(this.keys.keys()))
      yield* this.store.savePublishedRecord(JSON.stringify(recordPublished(runKey, files, inputsKey)))
    })

  get stats(): IncrementalStats {
    return { reused: this.reused, extracted: this.extracted, storyWeights: this.storyWeightsOrigin }
  }
}

/**
 * The run's state, on the `Store` of the run. `rebuild` forgets saved extractions first.
 * `holdInMemory` keeps every extraction in memory as it is made or read, as runs did before the
 * extraction phase was bounded (for comparisons: tests/boundedRun.test.ts).
 */
export const openIncrementalRun = (options: { readonly rebuild: boolean; readonly holdInMemory?: boolean }) =>
  Effect.gen(function*() {
    const store = yield* Store
    if (options.rebuild) yield* store.forgetExtractions
    return new IncrementalRun(store, codeFingerprint(), options)
  })
