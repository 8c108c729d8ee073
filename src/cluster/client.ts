/**
 * The coordinator's document processor in cluster mode: each document becomes a persisted `Extract`
 * message, sharded over the runners by its key; the reply is the document's result. Sending the same
 * document again (a restarted coordinator) finds the same message by its primary key, so no document
 * is extracted twice and none is lost while a runner dies (the message stays in PostgreSQL until a
 * runner replies).
 */
import { Effect, Layer, Schedule } from "effect"
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

export const makeClusterProcessor = Effect.fn("makeClusterProcessor")(function*(url: string) {
  yield* checkDatabase(url)
  const context = yield* Layer.build(clientLayer(url))
  const clientFor = yield* Effect.provideContext(DocumentExtractor.client, context)
  const fingerprint = codeFingerprint()
  return ((doc: LoadedDocument) => {
    const key = documentKey(fingerprint, doc)
    return Effect.suspend(() => {
      const sent = Date.now()
      return clientFor(key).Extract({ key, document: doc }).pipe(
        // A shard between owners (a runner just died or joined) answers "not assigned" or "mailbox full" for a moment.
        Effect.retry({ schedule: Schedule.exponential("200 millis"), times: 8 }),
        Effect.tap(() => Effect.suspend(() => traceDocument("coordinator", key, { sent, seen: Date.now() })))
      )
    }).pipe(
      Effect.map((json) => JSON.parse(json) as DocumentResult),
      Effect.mapError((error) => new WorkerError({ reason: `cluster: ${error._tag}` }))
    )
  }) satisfies DocumentProcessor
})
