/**
 * A worker thread's body: sets the NLP engine up once, then answers each `WorkerTask` with its
 * `DocumentResult`, one at a time, in the order received.
 */
import { parentPort } from "node:worker_threads"
import { sharedNlpEngine } from "../nlp/Nlp.ts"
import type { LoadedDocument } from "../model/document.ts"
import { processDocument } from "./documentWork.ts"
import type { DocumentResult, DocumentStage } from "./documentWork.ts"

export interface WorkerTask {
  readonly id: number
  readonly doc: LoadedDocument
}
/** The task's result, or (before it) each stage as the task enters it. */
export type WorkerReply =
  | { readonly id: number; readonly result: DocumentResult }
  | { readonly id: number; readonly stage: DocumentStage }

const port = parentPort
if (port === null) throw new Error("src/workers/worker.ts runs inside a worker thread (the pool in pool.ts starts it)")
const engine = sharedNlpEngine()
port.on("message", (task: WorkerTask) => {
  const result = processDocument(engine, task.doc, (stage) => port.postMessage({ id: task.id, stage } satisfies WorkerReply))
  port.postMessage({ id: task.id, result } satisfies WorkerReply)
})
