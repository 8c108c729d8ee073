/**
 * The unit of distributed work: a batch of documents' extraction, as one message to an entity of
 * `effect/cluster`. The message is persisted in the cluster's SQL storage (PostgreSQL), keyed by the
 * batch's key (a hash of its documents' keys, each of content and code fingerprint), so it survives the
 * death of the runner that took it (its shard moves and the next owner runs it again) and a coordinator
 * that sends the same batch again after a restart gets the stored reply instead of a second extraction.
 * One message per batch, not per document: each message costs PostgreSQL an insert, a read and a reply
 * insert and update, and the runner an entity and an RPC.
 */
import { Schema } from "effect"
import { ClusterSchema, Entity } from "effect/cluster"
import { Rpc } from "effect/rpc"
import { LoadedDocument } from "../model/document.ts"

export const Extract = Rpc.make("Extract", {
  payload: {
    /** The batch's key: a hash of its documents' keys, in order. */
    key: Schema.String,
    documents: Schema.Array(Schema.Struct({
      /** The document's key (content and code fingerprint, src/state/fingerprint.ts). */
      key: Schema.String,
      document: LoadedDocument
    }))
  },
  /** Each document's `DocumentResult` as JSON, in the batch's order: plain values the store keeps as JSON anyway. */
  success: Schema.Array(Schema.String),
  primaryKey: ({ key }) => key
})
  .annotate(ClusterSchema.Persisted, true)

/** One entity per batch key: the runners' worker pools bound how many documents run at once. */
export const DocumentExtractor = Entity.make("DocumentExtractor", [Extract])
