/**
 * Scratch databases for the cluster's tests and benchmark, on a real PostgreSQL: `DATABASE_URL`, or the
 * one this project's machines start (127.0.0.1:5432, trust authentication, database `test`). Each test or
 * bench run gets a database of its own, dropped afterwards, so the cluster's tables never carry one
 * run's messages into another.
 */
import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql"

export const postgresUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"

const withDatabase = <A>(url: string, work: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      return yield* work(sql)
    }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url), connectTimeout: Duration.seconds(5) })), Effect.scoped)
  )

/** Null when PostgreSQL answers at `postgresUrl`, else why not. */
export const postgresUnavailable = (): Promise<string | null> =>
  withDatabase(postgresUrl, (sql) => sql`SELECT 1`).then(
    () => null,
    (error: unknown) => `no PostgreSQL at ${postgresUrl} (${error instanceof Error ? error.message : String(error)})`
  )

/** The URL of `url` with another database name. */
export const withDatabaseName = (url: string, name: string): string => {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/** Creates an empty database and returns its URL with a function that drops it. */
export const freshDatabase = async (
  tag: string,
  serverUrl: string = postgresUrl
): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `newsfacts_${tag}_${process.pid}_${Date.now().toString(36)}`
  await withDatabase(serverUrl, (sql) => sql.unsafe(`CREATE DATABASE ${name}`))
  return {
    url: withDatabaseName(serverUrl, name),
    drop: () => withDatabase(serverUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  }
}

/** How many messages the cluster stored in the database at `url` (its `cluster_messages` table). */
export const storedMessages = (url: string): Promise<number> =>
  withDatabase(url, (sql) => sql<{ readonly n: number }>`SELECT count(*)::int AS n FROM cluster_messages`).then((rows) => rows[0]!.n)
