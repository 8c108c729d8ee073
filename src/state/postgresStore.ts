/**
 * The store in PostgreSQL (`--store postgres://…`), through `@effect/sql-pg`: the same four tables as
 * the embedded store (store.ts) — `extractions`, `citations`, `story_weights`, `meta` — in a schema of
 * their own (`--store-schema`, default `newsfacts`), so they never meet the cluster's tables
 * (`cluster_messages`, … in `public`) when both use one database. One schema holds one archive's state.
 *
 * The guarantees are the embedded store's:
 * - each saved result is one `INSERT … ON CONFLICT DO UPDATE`, committed on its own: a run killed
 *   midway resumes from the last saved document and never sees half a record;
 * - pruning, citations and story weights are each one transaction;
 * - one run at a time per schema: the store holds a session advisory lock on its schema while it is
 *   open (a second run fails at once with one line; the lock goes with the session if the run dies).
 *
 * Results are kept in `json` columns (not `jsonb`), so their text comes back as it was written, key
 * order included, and the outputs are byte for byte those of the embedded store. Bulk reads and writes
 * pass one JSON parameter (`json_array_elements_text`, `json_each_text`) instead of one per row.
 */
import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import type { DocumentResult } from "../workers/documentWork.ts"
import { redactedUrl } from "../cluster/layers.ts"
import type { Citations } from "./citedIds.ts"
import { STATE_VERSION, receiptOfRow } from "./store.ts"
import type { ResultReceipt, StoryWeightsBasis } from "./store.ts"
import { Store, StoreError } from "./storeService.ts"

/** The schema of the store's tables unless `--store-schema` names another. */
export const PostgresStoreSchema = "newsfacts"

export interface PostgresStoreOptions {
  readonly url: string
  /** Default `PostgresStoreSchema`. */
  readonly schema?: string | undefined
}

/** The error's message and those of its causes (a SqlError's reason holds the driver's error): "PgConnection: Failed to connect: connect ECONNREFUSED …". */
const describe = (error: unknown): string => {
  const messages: Array<string> = []
  for (let at = error, depth = 0; at !== undefined && at !== null && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const message = at instanceof Error || typeof (at as { message?: unknown }).message === "string" ? String((at as { message: unknown }).message) : String(at)
    if (message !== "" && !messages.includes(message)) messages.push(message)
    if (typeof at !== "object") break
  }
  return messages.join(": ")
}

export const postgresStore = (options: PostgresStoreOptions): Layer.Layer<Store, StoreError> => {
  const schema = options.schema ?? PostgresStoreSchema
  const location = `${redactedUrl(options.url)} (schema ${schema})`
  const fail = (error: unknown) => new StoreError({ store: location, reason: describe(error) })
  const open = Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const lockKey = `newsfacts-store:${schema}`
    // Held for the store's life on a connection of its own: released when the scope closes or the session ends.
    const lockConnection = yield* sql.reserve
    const [locked] = yield* lockConnection.executeUnprepared("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [lockKey], undefined)
    if ((locked as { locked: boolean } | undefined)?.locked !== true) {
      return yield* new StoreError({ store: location, reason: "another run is using this store (its schema is locked); wait for it, or give another --store-schema" })
    }
    yield* Effect.addFinalizer(() => Effect.ignore(lockConnection.executeUnprepared("SELECT pg_advisory_unlock(hashtext($1))", [lockKey], undefined)))

    const table = (name: string) => sql.literal(`"${schema}".${name}`)
    const extractions = table("extractions")
    const citations = table("citations")
    const storyWeights = table("story_weights")
    const meta = table("meta")

    yield* sql.withTransaction(Effect.gen(function*() {
      yield* sql`CREATE SCHEMA IF NOT EXISTS ${sql.literal(`"${schema}"`)}`
      yield* sql`CREATE TABLE IF NOT EXISTS ${meta} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`
      const version = yield* sql<{ value: string }>`SELECT value FROM ${meta} WHERE key = 'version'`
      if (version[0]?.value !== STATE_VERSION) {
        yield* sql`DROP TABLE IF EXISTS ${extractions}`
        yield* sql`DROP TABLE IF EXISTS ${citations}`
        yield* sql`INSERT INTO ${meta} (key, value) VALUES ('version', ${STATE_VERSION}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`
      }
      yield* sql`CREATE TABLE IF NOT EXISTS ${extractions} (input_id TEXT PRIMARY KEY, document_key TEXT NOT NULL, result JSON NOT NULL)`
      yield* sql`CREATE TABLE IF NOT EXISTS ${citations} (doc_id TEXT PRIMARY KEY, ids TEXT NOT NULL)`
      yield* sql`CREATE TABLE IF NOT EXISTS ${storyWeights} (feature TEXT PRIMARY KEY, documents INTEGER NOT NULL)`
    }))

    const setMeta = (key: string, value: string) =>
      sql`INSERT INTO ${meta} (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`
    const getMeta = (key: string) => Effect.map(sql<{ value: string }>`SELECT value FROM ${meta} WHERE key = ${key}`, (rows) => rows[0]?.value)
    const insertStoryWeights = (frequencies: ReadonlyMap<string, number>) =>
      sql`INSERT INTO ${storyWeights} (feature, documents)
        SELECT key, value::int FROM json_each_text(${JSON.stringify(Object.fromEntries(frequencies))}::json)
        ON CONFLICT (feature) DO UPDATE SET documents = EXCLUDED.documents`
    const orFail = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.mapError(effect, fail)

    return Store.of({
      location,
      savedResult: (inputId, key) =>
        orFail(sql<{ result: string }>`SELECT result::text AS result FROM ${extractions} WHERE input_id = ${inputId} AND document_key = ${key}`).pipe(
          Effect.map((rows) => (rows[0] === undefined ? undefined : (JSON.parse(rows[0].result) as DocumentResult)))
        ),
      savedReceipt: (inputId, key) =>
        orFail(sql<{ tag: string; content_hash: string | null; diagnostics: string | null; clean_diagnostics: string | null; whole: string | null }>`
          SELECT result ->> '_tag' AS tag, result -> 'extraction' ->> 'contentHash' AS content_hash,
            (result -> 'extraction' -> 'diagnostics')::text AS diagnostics, (result -> 'cleanDiagnostics')::text AS clean_diagnostics,
            CASE WHEN result ->> '_tag' = 'Extracted' THEN NULL ELSE result::text END AS whole
          FROM ${extractions} WHERE input_id = ${inputId} AND document_key = ${key}`).pipe(
          Effect.map(([row]): ResultReceipt | undefined =>
            row === undefined ? undefined : receiptOfRow({ tag: row.tag, contentHash: row.content_hash, diagnostics: row.diagnostics, cleanDiagnostics: row.clean_diagnostics, whole: row.whole })
          )
        ),
      saveResult: (inputId, key, result) =>
        orFail(sql`INSERT INTO ${extractions} (input_id, document_key, result) VALUES (${inputId}, ${key}, ${JSON.stringify(result)}::json)
          ON CONFLICT (input_id) DO UPDATE SET document_key = EXCLUDED.document_key, result = EXCLUDED.result`).pipe(Effect.asVoid),
      forgetExtractions: orFail(sql`DELETE FROM ${extractions}`).pipe(Effect.asVoid),
      keepOnlyInputs: (inputIds) =>
        orFail(sql.withTransaction(
          sql`DELETE FROM ${extractions} WHERE input_id NOT IN (SELECT json_array_elements_text(${JSON.stringify([...inputIds])}::json))`
        )).pipe(Effect.asVoid),
      citations: (docIds) =>
        orFail(sql<{ doc_id: string; ids: string }>`
          SELECT doc_id, ids FROM ${citations} WHERE doc_id IN (SELECT json_array_elements_text(${JSON.stringify([...docIds])}::json))`).pipe(
          Effect.map((rows) => new Map(rows.map((row) => [row.doc_id, JSON.parse(row.ids) as Citations])))
        ),
      saveCitations: (byDocument) =>
        byDocument.size === 0 ? Effect.void : orFail(sql.withTransaction(
          sql`INSERT INTO ${citations} (doc_id, ids)
            SELECT key, value FROM json_each_text(${JSON.stringify(Object.fromEntries([...byDocument].map(([docId, c]) => [docId, JSON.stringify(c)])))}::json)
            ON CONFLICT (doc_id) DO UPDATE SET ids = EXCLUDED.ids WHERE ${citations}.ids IS DISTINCT FROM EXCLUDED.ids`
        )).pipe(Effect.asVoid),
      storyWeights: orFail(Effect.gen(function*() {
        const basis = yield* getMeta("story_weights")
        if (basis === undefined) return undefined
        const rows = yield* sql<{ feature: string; documents: number }>`SELECT feature, documents FROM ${storyWeights}`
        const parsed = JSON.parse(basis) as StoryWeightsBasis
        return { basis: parsed, weights: { documents: parsed.documents, frequencies: new Map(rows.map((row) => [row.feature, Number(row.documents)])) } }
      })),
      replaceStoryWeights: (basis, frequencies) =>
        orFail(sql.withTransaction(Effect.gen(function*() {
          yield* sql`DELETE FROM ${storyWeights}`
          if (frequencies.size > 0) yield* insertStoryWeights(frequencies)
          yield* setMeta("story_weights", JSON.stringify(basis))
        }))),
      addStoryWeights: (frequencies) => (frequencies.size === 0 ? Effect.void : orFail(sql.withTransaction(insertStoryWeights(frequencies))).pipe(Effect.asVoid)),
      publishedRecord: orFail(getMeta("published")),
      savePublishedRecord: (record) => orFail(setMeta("published", record)).pipe(Effect.asVoid),
      forgetPublishedRecord: orFail(sql`DELETE FROM ${meta} WHERE key = 'published'`).pipe(Effect.asVoid)
    })
  })
  return Layer.effect(
    Store,
    Effect.gen(function*() {
      if (!/^postgres(ql)?:\/\//.test(options.url)) return yield* new StoreError({ store: location, reason: "not a postgres:// URL" })
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
        return yield* new StoreError({ store: location, reason: `the schema name ${schema} is not lower-case letters, digits and _` })
      }
      const client = yield* Layer.build(PgClient.layer({ url: Redacted.make(options.url), connectTimeout: Duration.seconds(5) }))
      return yield* Effect.provideContext(open, client)
    }).pipe(
      // Connecting is lazy: the first statements (the lock, the tables) are where a wrong URL or an
      // unreachable server shows, so they fail within 10 s with the reason, as one StoreError.
      Effect.timeoutOrElse({ duration: Duration.seconds(10), orElse: () => Effect.fail(new StoreError({ store: location, reason: "no answer within 10 s" })) }),
      Effect.mapError((error) => (error instanceof StoreError ? error : fail(error)))
    )
  )
}
