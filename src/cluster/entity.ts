/**
 * The unit of distributed work: one document's extraction, as a message to an entity of `effect/cluster`.
 * The message is persisted in the cluster's SQL storage (PostgreSQL), keyed by the document's key (its
 * content and the code's fingerprint), so it survives the death of the runner that took it (its shard
 * moves and the next owner runs it again) and a coordinator that sends it again after a restart gets
 * the stored reply instead of a second extraction.
 */
import { Schema } from "effect"
import { ClusterSchema, Entity } from "effect/cluster"
import { Rpc } from "effect/rpc"
import { LoadedDocument } from "../model/document.ts"

export const Extract = Rpc.make("Extract", {
  payload: {
    /** The document's key (content and code fingerprint, src/state/fingerprint.ts). */
    key: Schema.String,
    document: LoadedDocument
  },
  /** The `DocumentResult` as JSON: a plain value that the store keeps as JSON anyway. */
  success: Schema.String,
  primaryKey: ({ key }) => key
})
  .annotate(ClusterSchema.Persisted, true)

/** One entity per document key: the runners' worker pools bound how many run at once. */
export const DocumentExtractor = Entity.make("DocumentExtractor", [Extract])
