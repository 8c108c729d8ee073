/**
 * Scratch schemas for the PostgreSQL store's tests. Other engineers and CI runs use the same database at
 * the same time, so every schema is unique to this process and this test file (the process id and a
 * random suffix) and dropped after the file's tests, so concurrent runs never see each other's rows.
 */
import { randomBytes } from "node:crypto"
import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, ManagedRuntime, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { postgresUrl } from "../../src/cluster/databases.ts"

export { postgresUnavailable, postgresUrl } from "../../src/cluster/databases.ts"

const run = `${process.pid}_${randomBytes(4).toString("hex")}`
const made: Array<string> = []

/** A new schema name, unique to this run (the store creates the schema when it opens). */
export const scratchSchema = (tag: string): string => {
  const name = `nf_test_${tag}_${run}_${made.length}`
  made.push(name)
  return name
}

/** Drops every schema `scratchSchema` named in this file (with their tables). */
export const dropScratchSchemas = async (): Promise<void> => {
  await client?.dispose()
  client = undefined
  await Effect.runPromise(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      for (const name of made.splice(0)) yield* sql.unsafe(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
    }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(postgresUrl), connectTimeout: Duration.seconds(5) })), Effect.scoped)
  )
}


let client: ManagedRuntime.ManagedRuntime<SqlClient.SqlClient, unknown> | undefined

/** How many rows `schema.table` holds; 0 while the table does not exist yet. One pooled client per test file. */
export const countRows = (schema: string, table: string): Promise<number> => {
  client ??= ManagedRuntime.make(PgClient.layer({ url: Redacted.make(postgresUrl), connectTimeout: Duration.seconds(5) }))
  return client.runPromise(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql.unsafe<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".${table}`)
      return rows[0]!.n
    }).pipe(Effect.catch(() => Effect.succeed(0)))
  )
}
