/**
 * Where the per-document stages run: in `workers` worker threads (each with its own NLP engine), or,
 * with 0, in the calling thread (handy for profiling and debugging). The choice never changes the
 * results, only the time they take.
 */
import { Effect } from "effect"
import type { LoadedDocument } from "../model/document.ts"
import type { DocumentResult } from "./documentWork.ts"
import { makeWorkerPool, runInPool } from "./pool.ts"
import type { WorkerError } from "./pool.ts"

export { defaultWorkerCount, maxWorkerCount, WorkerError } from "./pool.ts"
export type { DocumentResult } from "./documentWork.ts"

export type DocumentProcessor = (doc: LoadedDocument) => Effect.Effect<DocumentResult, WorkerError>

/**
 * A processor for the length of the scope (worker threads are stopped when it closes). On worker
 * threads each document has `timeoutMs` (see pool.ts); in the calling thread (`workers` 0, for
 * debugging) nothing can stop synchronous code, so there is no time limit there.
 */
export const makeDocumentProcessor = Effect.fn("makeDocumentProcessor")(function*(workers: number, timeoutMs: number = Infinity) {
  if (workers <= 0) {
    // Loaded here only: with worker threads, the main thread never loads the NLP stack, so it starts sooner.
    const { processDocument } = yield* Effect.promise(() => import("./documentWork.ts"))
    const { sharedNlpEngine } = yield* Effect.promise(() => import("../nlp/Nlp.ts"))
    const engine = sharedNlpEngine()
    return ((doc) => Effect.sync(() => processDocument(engine, doc))) satisfies DocumentProcessor
  }
  const pool = yield* makeWorkerPool(workers, timeoutMs)
  return ((doc) => runInPool(pool, doc)) satisfies DocumentProcessor
})
