/**
 * A pool of worker threads running the per-document unit of work (`processDocument`), each with its
 * own NLP engine set up once. Workers start as documents arrive, up to `size`, so a rerun that has
 * three documents to extract starts at most three. A worker holds one document at a time; the others
 * wait in a queue, and the caller bounds how many are in flight. Results come back per document, so
 * the caller decides the order (the pipeline keeps input order whatever finishes first).
 *
 * Each document has a time budget from the moment its worker starts on it: a worker still busy with
 * it when the budget runs out is terminated (the only way to stop synchronous code) and replaced, and
 * the document comes back `Failed` with the stage it was in.
 */
import { Worker } from "node:worker_threads"
import { availableParallelism } from "node:os"
import { Effect, Schema } from "effect"
import type { LoadedDocument } from "../model/document.ts"
import type { DocumentResult, DocumentStage } from "./documentWork.ts"
import type { WorkerReply, WorkerTask } from "./worker.ts"

/** A worker thread could not start (or died before answering anything): no document can be extracted. */
export class WorkerError extends Schema.TaggedError<WorkerError>()("WorkerError", {
  reason: Schema.String
}) {}

/** One worker per core unless told otherwise. */
export const defaultWorkerCount = (): number => availableParallelism()

/**
 * The most workers worth starting: one per core. More only add memory (each holds its own NLP engine,
 * about 100 MB) and contention, never speed.
 */
export const maxWorkerCount = (): number => availableParallelism()

interface Task {
  readonly id: number
  readonly doc: LoadedDocument
  readonly resolve: (result: DocumentResult) => void
  readonly reject: (error: WorkerError) => void
  stage: DocumentStage | null
  timer: ReturnType<typeof setTimeout> | null
}

export class WorkerPool {
  private readonly idle: Array<Worker> = []
  private readonly busy = new Map<Worker, Task>()
  private readonly answered = new WeakSet<Worker>()
  /** Workers terminated on purpose (over budget): their exit is expected. */
  private readonly stopped = new WeakSet<Worker>()
  private readonly queue: Array<Task> = []
  private nextId = 0
  private closing = false
  /** Set when a worker fails before its first answer: the next one would fail the same way. */
  private broken: WorkerError | null = null
  /** How many worker threads were started over the pool's life. */
  started = 0
  /** How many documents went over their time budget. */
  overBudget = 0

  readonly size: number
  readonly timeoutMs: number
  constructor(size: number, timeoutMs: number = Infinity) {
    this.size = size
    this.timeoutMs = timeoutMs
  }

  run(doc: LoadedDocument): Promise<DocumentResult> {
    return new Promise((resolve, reject) => {
      if (this.broken !== null) return reject(this.broken)
      this.queue.push({ id: this.nextId++, doc, resolve, reject, stage: null, timer: null })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closing = true
    for (const task of this.busy.values()) if (task.timer !== null) clearTimeout(task.timer)
    const workers = [...this.idle, ...this.busy.keys()]
    this.idle.length = 0
    this.busy.clear()
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closing) {
      const worker = this.idle.pop() ?? (this.idle.length + this.busy.size < this.size ? this.spawn() : undefined)
      if (worker === undefined) return
      const task = this.queue.shift()!
      this.busy.set(worker, task)
      worker.postMessage({ id: task.id, doc: task.doc } satisfies WorkerTask)
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./worker.ts", import.meta.url))
    this.started++
    worker.on("message", (reply: WorkerReply) => {
      const task = this.busy.get(worker)
      if (task === undefined || task.id !== reply.id) return
      if ("stage" in reply) {
        // The budget starts with the first stage, so a new worker's start-up is not counted against it.
        if (task.stage === null && Number.isFinite(this.timeoutMs)) task.timer = setTimeout(() => this.stop(worker, task), this.timeoutMs)
        task.stage = reply.stage
        return
      }
      this.answered.add(worker)
      if (task.timer !== null) clearTimeout(task.timer)
      this.busy.delete(worker)
      this.idle.push(worker)
      task.resolve(reply.result)
      this.dispatch()
    })
    worker.on("error", (error) => this.lose(worker, `worker thread failed: ${error.message}`))
    worker.on("exit", (code) => this.lose(worker, `worker thread exited with code ${code}`))
    return worker
  }

  /** The document went over its time budget: its worker is terminated and another takes its place. */
  private stop(worker: Worker, task: Task): void {
    if (this.busy.get(worker) !== task) return
    this.stopped.add(worker)
    this.busy.delete(worker)
    this.overBudget++
    void worker.terminate()
    const seconds = Math.round(this.timeoutMs / 100) / 10
    task.resolve({ _tag: "Failed", stage: task.stage ?? "clean", reason: `took more than ${seconds} s, the time limit for one document (--doc-time-limit)` })
    this.dispatch()
  }

  /** A worker died: its document fails alone if the worker had been working, else the pool is broken. */
  private lose(worker: Worker, reason: string): void {
    if (this.closing || this.stopped.has(worker)) return
    const task = this.busy.get(worker)
    this.busy.delete(worker)
    const at = this.idle.indexOf(worker)
    if (at >= 0) this.idle.splice(at, 1)
    if (!this.answered.has(worker)) {
      this.broken ??= new WorkerError({ reason })
      for (const waiting of [task, ...this.queue.splice(0)]) waiting?.reject(this.broken)
      return
    }
    if (task?.timer != null) clearTimeout(task.timer)
    task?.resolve({ _tag: "Failed", stage: task.stage ?? "clean", reason })
    this.dispatch()
  }
}

/** A pool for the length of a scope: its threads are terminated when the scope closes (end, error, interrupt). */
export const makeWorkerPool = (size: number, timeoutMs: number = Infinity) =>
  Effect.acquireRelease(
    Effect.sync(() => new WorkerPool(Math.max(1, size), timeoutMs)),
    (pool) => Effect.promise(() => pool.close())
  )

export const runInPool = (pool: WorkerPool, doc: LoadedDocument): Effect.Effect<DocumentResult, WorkerError> =>
  Effect.tryPromise({
    try: () => pool.run(doc),
    catch: (error) => (error instanceof WorkerError ? error : new WorkerError({ reason: String(error) }))
  })
