/**
 * The cluster's layers: PostgreSQL through `@effect/sql-pg` (the cluster's message and runner storage,
 * so work survives a runner's death), and `effect/cluster`'s socket transport between runners. A runner
 * listens at its address and hosts `DocumentExtractor` entities; the coordinator is a client only: it
 * sends the messages and waits for their replies, hosting no shard.
 */
import * as NodeClusterSocket from "@effect/platform-node/NodeClusterSocket"
import { PgClient } from "@effect/sql-pg"
import { Console, Duration, Effect, Layer, Option, Redacted, Schema } from "effect"
import { RunnerAddress } from "effect/cluster"
import { SqlClient } from "effect/sql"
import type { LoadedDocument } from "../model/document.ts"
import { makeDocumentProcessor } from "../workers/index.ts"
import { DocumentExtractor } from "./entity.ts"
import { traceDocument } from "./trace.ts"

/** The database could not be reached, or the URL is not one: nothing can be distributed. */
export class ClusterDatabaseError extends Schema.TaggedError<ClusterDatabaseError>()("ClusterDatabaseError", {
  url: Schema.String,
  reason: Schema.String
}) {}


/** The URL without its password, for messages. */
export const redactedUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")

const databaseLayer = (url: string) => PgClient.layer({ url: Redacted.make(url), connectTimeout: Duration.seconds(5) })

/**
 * Connecting is lazy, so ask the database once before anything else: a wrong URL or an unreachable
 * server then fails at start with its reason, in one line, instead of as retries deep in the cluster.
 */
export const checkDatabase = (url: string): Effect.Effect<void, ClusterDatabaseError> =>
  Effect.gen(function*() {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      return yield* new ClusterDatabaseError({ url: redactedUrl(url), reason: "not a postgres:// URL" })
    }
    yield* Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* sql`SELECT 1`
    }).pipe(
      Effect.provide(databaseLayer(url)),
      Effect.timeout(Duration.seconds(10)),
      Effect.mapError((error) => new ClusterDatabaseError({ url: redactedUrl(url), reason: describe(error) }))
    )
  })

const describe = (error: unknown): string => {
  const cause = (error as { cause?: unknown })?.cause
  const message = error instanceof Error ? error.message : String(error)
  return cause instanceof Error && cause.message !== message ? `${message}: ${cause.message}` : message
}

/** The coordinator's side: a client of the cluster, with PostgreSQL storage, hosting no entity. */
export const clientLayer = (url: string) =>
  NodeClusterSocket.layer({
    clientOnly: true,
    storage: "sql",
    // Sooner sight of runners that join or of shards that move: until then a message is saved without
    // notifying its runner, which finds it only at its next storage poll.
    shardingConfig: { refreshAssignmentsInterval: Duration.seconds(1) }
  }).pipe(Layer.provide(databaseLayer(url)))

export interface RunnerOptions {
  readonly url: string
  /** The address other runners and the coordinator reach this runner at. */
  readonly host: string
  readonly port: number
  /** Worker threads extracting documents on this runner. */
  readonly workers: number
}

/**
 * A short article that touches every stage (names, a date, a quote), run once on each worker thread
 * before the runner joins the cluster: a worker loads its models on its first document, and a runner
 * that has joined should take work at full speed (the coordinator's first documents otherwise wait
 * several seconds behind the load).
 */
const warmUpDocument = (n: number): LoadedDocument => ({
  docId: `warm-up-${n}`,
  inputId: `warm-up-${n}`,
  file: "warm-up.txt",
  line: null,
  format: "txt",
  text: "Talks resume in Geneva\n\nGENEVA, 3 March 2024 - Foreign ministers from France and Germany met on Monday in Geneva. " +
    "\"We have agreed to meet again next month,\" said Anna Schmidt, the German minister. Police arrested two protesters outside.\n",
  given: { title: null, date: null, url: null, source: null, author: null, extra: {} }
})

/**
 * A runner: hosts `DocumentExtractor` entities for its shards, extracting on its own worker threads.
 * The worker pool is built once per runner, outside the entity: `Entity.toLayer`'s build effect runs
 * again for every entity activated (one per document here), so a pool made there started a thread and
 * loaded the models for each document in flight (64 at once), which made 1 runner 28x slower than one
 * machine. The pool is built and warmed before the runner registers (the cluster's layer is built
 * inside), so "Listening on" means ready.
 */
export const runnerLayer = (options: RunnerOptions) =>
  Layer.unwrap(
    Effect.gen(function*() {
      const extract = yield* makeDocumentProcessor(options.workers)
      yield* Effect.forEach(Array.from({ length: options.workers }, (_, n) => warmUpDocument(n)), (doc) => Effect.ignore(extract(doc)), {
        concurrency: "unbounded"
      })
      yield* Console.error(`newsfacts runner: worker pool of ${options.workers} thread(s) started and warmed up`)
      return DocumentExtractor.toLayer(
        DocumentExtractor.of({
          Extract: ({ payload }) =>
            Effect.forEach(payload.documents, ({ key, document }) => {
              const started = Date.now()
              return extract(document).pipe(
                Effect.map((result) => JSON.stringify(result)),
                Effect.tap(() => traceDocument("runner", key, { started, finished: Date.now() })),
                Effect.orDie
              )
            }, { concurrency: "unbounded" })
        }),
        { maxIdleTime: Duration.seconds(5) }
      ).pipe(
        Layer.provide(
          NodeClusterSocket.layer({
            storage: "sql",
            shardingConfig: {
              // Shard locks keep the engine's default expiry (35 s): a runner killed outright releases its
              // advisory locks at once (its database session ends), and a shorter expiry made busy runners
              // on a loaded machine drop out of the cluster while they were only slow.
              runnerAddress: Option.some(RunnerAddress.make(options.host, options.port)),
              // A message the coordinator saved without notifying this runner (it had not yet seen the
              // runner's shards: a runner that just joined, or shards that just moved) is found by this
              // poll; the default, 10 s, left such documents waiting. One indexed query a second.
              entityMessagePollInterval: Duration.seconds(1)
            }
          })
        )
      )
    })
  ).pipe(Layer.provide(databaseLayer(options.url)))
