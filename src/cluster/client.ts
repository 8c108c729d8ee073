/**
 * The coordinator's document processor in cluster mode: documents are gathered into batches (up to
 * `CLUSTER_BATCH`, whatever is waiting when one is sent), each batch a persisted `Extract` message,
 * sharded over the runners by its key; the reply holds each document's result. Sending the same batch
 * again (a restarted coordinator) finds the same message by its primary key, so it is not extracted
 * twice, and none is lost while a runner dies (the message stays in PostgreSQL until a runner replies).
 * A restarted coordinator may form other batches than the first run (the documents it already holds
 * are left out); those documents are then extracted again, to the same results.
 */
import { createHash } from "node:crypto"
import { Deferred, Effect, Layer, Schedule } from "effect"
import type { LoadedDocument } from "../model/document.ts"
import { codeFingerprint, documentKey } from "../state/fingerprint.ts"
import type { DocumentProcessor } from "../workers/index.ts"
import { WorkerError } from "../workers/index.ts"
import type { DocumentResult } from "../workers/documentWork.ts"
import { DocumentExtractor } from "./entity.ts"
import { checkDatabase, clientLayer } from "./layers.ts"
import { traceDocument } from "./trace.ts"

/** Sends at most this many documents at once: enough to keep many runners busy, few enough to stream. */
export const CLUSTER_IN_FLIGHT = 64

/** The most documents in one message. */
export const CLUSTER_BATCH = 8

/** How long a document waits for others to fill its batch before the batch goes as it is. */
const BATCH_WAIT_MS = 5

interface Waiting {
  readonly key: string
  readonly document: LoadedDocument
  readonly result: Deferred.Deferred<string, WorkerError>
}

const batchKey = (keys: ReadonlyArray<string>): string => createHash("sha256").update(keys.join(",")).digest("hex").slice(0, 32)

export const makeClusterProcessor = Effect.fn("makeClusterProcessor")(function*(url: string) {
  yield* checkDatabase(url)
  const context = yield* Layer.build(clientLayer(url))
  const clientFor = yield* Effect.provideContext(DocumentExtractor.client, context)
  const scope = yield* Effect.scope
  const fingerprint = codeFingerprint()
  const waiting: Array<Waiting> = []
  let timerSet = false

  const send = (batch: ReadonlyArray<Waiting>): Effect.Effect<void> => {
    const key = batchKey(batch.map((w) => w.key))
    const sent = Date.now()
    return clientFor(key).Extract({ key, documents: batch.map(({ key, document }) => ({ key, document })) }).pipe(
      // A shard between owners (a runner just died or joined) answers "not assigned" or "mailbox full" for a moment.
      Effect.retry({ schedule: Schedule.exponential("200 millis"), times: 8 }),
      Effect.matchEffect({
        onFailure: (error) => Effect.forEach(batch, (w) => Deferred.fail(w.result, new WorkerError({ reason: `cluster: ${error._tag}` })), { discard: true }),
        onSuccess: (results) =>
          Effect.forEach(batch, (w, i) =>
            Effect.andThen(
              traceDocument("coordinator", w.key, { sent, seen: Date.now() }),
              results[i] === undefined
                ? Deferred.fail(w.result, new WorkerError({ reason: "cluster: a reply without this document" }))
                : Deferred.succeed(w.result, results[i]!)
            ), { discard: true })
      }),
      Effect.catchDefect((defect) => Effect.forEach(batch, (w) => Deferred.die(w.result, defect), { discard: true }))
    )
  }

  /** Sends what is waiting, `CLUSTER_BATCH` at a time. */
  const flush = Effect.suspend(() => {
    timerSet = false
    const batches: Array<Array<Waiting>> = []
    while (waiting.length > 0) batches.push(waiting.splice(0, CLUSTER_BATCH))
    return Effect.forEach(batches, (batch) => Effect.forkIn(send(batch), scope), { discard: true })
  })

  return ((doc: LoadedDocument) =>
    Effect.gen(function*() {
      const result = yield* Deferred.make<string, WorkerError>()
      waiting.push({ key: documentKey(fingerprint, doc), document: doc, result })
      if (waiting.length >= CLUSTER_BATCH) {
        yield* Effect.forkIn(send(waiting.splice(0, CLUSTER_BATCH)), scope)
      } else if (!timerSet) {
        timerSet = true
        yield* Effect.forkIn(Effect.delay(flush, `${BATCH_WAIT_MS} millis`), scope)
      }
      const json = yield* Deferred.await(result)
      return JSON.parse(json) as DocumentResult
    })) satisfies DocumentProcessor
})
