/**
 * The store as one interface (`Store`) with two implementations, chosen by the command line:
 *
 * - embedded (the default): `StateStore` (store.ts), SQLite beside the outputs in `OUT/.state/`,
 *   nothing to install;
 * - PostgreSQL (`--store postgres://…`, postgresStore.ts): the same tables in a schema of their own,
 *   so the state of an archive can live in the database a cluster already has.
 *
 * Every operation is an effect, since a PostgreSQL client is asynchronous; the embedded one runs its
 * synchronous statements inside them. The guarantees are the same for both: each saved result is its
 * own committed write (a run killed midway resumes from the last saved document, never from half a
 * record), and each operation that writes several rows (pruning, citations, story weights) is one
 * transaction. The store is closed with the scope of its layer.
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { DocumentResult } from "../workers/documentWork.ts"
import type { StoryWeights } from "../dedupe/stories.ts"
import type { Citations } from "./citedIds.ts"
import { StateStore } from "./store.ts"
import type { ResultReceipt, StoryWeightsBasis } from "./store.ts"

/** The store could not be opened, read or written: the run cannot go on. */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  /** Which store: the state folder, or the PostgreSQL URL without its password. */
  store: Schema.String,
  reason: Schema.String
}) {}

/** The story weights kept for the archive, with what they were counted over. */
export interface KeptStoryWeights {
  readonly basis: StoryWeightsBasis
  readonly weights: StoryWeights
}

export interface StoreShape {
  /** Where the state lives, for messages (a folder, or a URL without its password, and its schema). */
  readonly location: string
  /** The saved result for this input, if it was made from the same content by the same code. */
  readonly savedResult: (inputId: string, documentKey: string) => Effect.Effect<DocumentResult | undefined, StoreError>
  /** The receipt of that result (store.ts): the store picks its few fields out of the saved JSON. */
  readonly savedReceipt: (inputId: string, documentKey: string) => Effect.Effect<ResultReceipt | undefined, StoreError>
  /** Saves (commits) one input's result, replacing what the input had before. */
  readonly saveResult: (inputId: string, documentKey: string, result: DocumentResult) => Effect.Effect<void, StoreError>
  /** `--rebuild`: forgets every saved extraction (cited ids stay: analysts still cite them). */
  readonly forgetExtractions: Effect.Effect<void, StoreError>
  /** Drops the saved results of inputs that are no longer given, in one transaction. */
  readonly keepOnlyInputs: (inputIds: ReadonlySet<string>) => Effect.Effect<void, StoreError>
  /** The citations recorded for each of these documents that has some. */
  readonly citations: (docIds: Iterable<string>) => Effect.Effect<ReadonlyMap<string, Citations>, StoreError>
  /** Records what each document's members were published under, in one transaction. */
  readonly saveCitations: (byDocument: ReadonlyMap<string, Citations>) => Effect.Effect<void, StoreError>
  /** The story weights kept for the archive, if any are kept. */
  readonly storyWeights: Effect.Effect<KeptStoryWeights | undefined, StoreError>
  /** Replaces the kept story weights (`basis.documents` is what they were counted over), in one transaction. */
  readonly replaceStoryWeights: (basis: StoryWeightsBasis, frequencies: ReadonlyMap<string, number>) => Effect.Effect<void, StoreError>
  /** Adds features first seen since the kept weights were counted, in one transaction. */
  readonly addStoryWeights: (frequencies: ReadonlyMap<string, number>) => Effect.Effect<void, StoreError>
  /** What the last run that finished publishing recorded (published.ts). */
  readonly publishedRecord: Effect.Effect<string | undefined, StoreError>
  readonly savePublishedRecord: (record: string) => Effect.Effect<void, StoreError>
  /** Called before any output file is replaced: until the run completes, nothing vouches for the outputs. */
  readonly forgetPublishedRecord: Effect.Effect<void, StoreError>
}

export class Store extends Context.Service<Store, StoreShape>()("newsfacts/state/Store") {}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The embedded store: `StateStore` in `folder` (`OUT/.state/`), opened with the layer and closed with its scope. */
export const embeddedStore = (folder: string): Layer.Layer<Store, StoreError> =>
  Layer.effect(
    Store,
    Effect.gen(function*() {
      const fail = (error: unknown) => new StoreError({ store: folder, reason: describe(error) })
      const state = yield* Effect.acquireRelease(
        Effect.try({ try: () => StateStore.open(folder), catch: fail }),
        (state) => Effect.sync(() => state.close())
      )
      const run = <A>(work: () => A): Effect.Effect<A, StoreError> => Effect.try({ try: work, catch: fail })
      return Store.of({
        location: folder,
        savedResult: (inputId, key) => run(() => state.savedResult(inputId, key)),
        savedReceipt: (inputId, key) => run(() => state.savedReceipt(inputId, key)),
        saveResult: (inputId, key, result) => run(() => state.saveResult(inputId, key, result)),
        forgetExtractions: run(() => state.forgetExtractions()),
        keepOnlyInputs: (inputIds) => run(() => state.keepOnlyInputs(inputIds)),
        citations: (docIds) =>
          run(() => {
            const found = new Map<string, Citations>()
            for (const docId of docIds) {
              const citations = state.citations(docId)
              if (citations !== undefined) found.set(docId, citations)
            }
            return found
          }),
        saveCitations: (byDocument) => run(() => state.saveCitations(byDocument)),
        storyWeights: run(() => state.storyWeights()),
        replaceStoryWeights: (basis, frequencies) => run(() => state.replaceStoryWeights(basis, frequencies)),
        addStoryWeights: (frequencies) => run(() => state.addStoryWeights(frequencies)),
        publishedRecord: run(() => state.publishedRecord()),
        savePublishedRecord: (record) => run(() => state.savePublishedRecord(record)),
        forgetPublishedRecord: run(() => state.forgetPublishedRecord())
      })
    })
  )
