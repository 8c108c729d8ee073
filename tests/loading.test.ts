/**
 * The outputs load as the README shows: its DuckDB queries run on an output whose tables are empty
 * and on one with rows, codes and partial dates stay text, and a CSV list item holding `;` or `%`
 * comes back as one item, exactly.
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { DuckDBInstance } from "@duckdb/node-api"
import { Effect } from "effect"
import fc from "fast-check"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { decodeCsvList, encodeCsv } from "../src/export/csv.ts"
import { exportDataset } from "../src/export/index.ts"
import { Actors } from "../src/model/tables.ts"
import type { ActorRow, Dataset, EventRow } from "../src/model/tables.ts"
import type { Manifest } from "../src/model/manifest.ts"
import { repoRoot } from "./support/shared.ts"
import { tempDir } from "./support/tempDirs.ts"

const actor = (aliases: Array<string>): ActorRow => ({
  actor_id: "actor_1", name: "Procter & Gamble", kind: "organization", title: null, title_normalized: null, affiliation: null,
  aliases, n_mentions: 1, n_documents: 1, rules: ["r"], merged_by: []
})
const event: EventRow = {
  event_id: "event_1", event_type: "consult", cameo: "010", date: "2003", date_precision: "year", date_source: "text",
  location: null, actor_ids: [], actors: [], source_actor_ids: [], target_actor_ids: [], summary: "They met.", modality: "asserted",
  n_mentions: 1, n_documents: 1, merged_by: []
}
const empty: Dataset = { documents: [], actors: [], actor_mentions: [], quotes: [], events: [], event_mentions: [], times: [] }
const manifest: Manifest = { tool: { name: "t", version: "0" }, versions: {}, options: {}, counts: {}, inputs: [], diagnostics: [] }

/** The README's DuckDB statements, reading from `out` instead of `output/`. */
const readmeDuckDbStatements = (out: string): Array<string> => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
  const block = /DuckDB[^\n]*\n\n```sql\n([\s\S]*?)```/.exec(readme)
  if (block === null) throw new Error("README.md has no DuckDB block")
  return block[1].split(";\n").map((s) => s.trim()).filter((s) => s !== "").map((s) => s.replaceAll("'output/", `'${out}/`))
}

/** The fields of a CSV's second record (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
const secondRecord = (csv: string): Array<string> => {
  const records: Array<Array<string>> = [[]]
  let field = ""
  let quoted = false
  for (let i = csv.charCodeAt(0) === 0xfeff ? 1 : 0; i < csv.length; i++) {
    const c = csv[i]
    if (quoted) {
      if (c === "\"" && csv[i + 1] === "\"") field += csv[i++]
      else if (c === "\"") quoted = false
      else field += c
    } else if (c === "\"") quoted = true
    else if (c === ",") {
      records.at(-1)!.push(field)
      field = ""
    } else if (c === "\n") {
      records.at(-1)!.push(field)
      field = ""
      records.push([])
    } else field += c
  }
  return records[1]
}

const runAll = async (statements: ReadonlyArray<string>) => {
  const db = await DuckDBInstance.create(":memory:")
  const connection = await db.connect()
  const results: Array<Array<Record<string, unknown>>> = []
  for (const sql of statements) results.push((await connection.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>)
  return results
}

describe("loading the outputs as the README shows", () => {
  it.effect("its DuckDB queries run on empty tables and keep codes, partial dates and list items whole", () =>
    Effect.gen(function*() {
      const none = tempDir("load-empty")
      yield* exportDataset(empty, manifest, { out: none, formats: ["csv", "json"] })
      expect(yield* Effect.promise(() => runAll(readmeDuckDbStatements(none)))).toEqual([[], [], []])

      const some = tempDir("load-rows")
      yield* exportDataset({ ...empty, actors: [actor(["P&G", "Procter; Gamble", "100% owned"])], events: [event] }, manifest, { out: some, formats: ["csv"] })
      const [quotes, events, aliases] = yield* Effect.promise(() => runAll(readmeDuckDbStatements(some)))
      expect(quotes).toEqual([])
      expect(events).toEqual([{ event_type: "consult", cameo: "010", date: "2003" }])
      expect(aliases.map((row) => row.alias)).toEqual(["P&G", "Procter; Gamble", "100% owned"])
    }).pipe(Effect.provide(NodeServices.layer)), 60_000)

  it("a CSV list comes back item for item, whatever the items hold", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 6 }), (aliases) => {
        fc.pre(!(aliases.length === 1 && aliases[0] === "")) // [""] and [] are both an empty field
        const row = secondRecord(encodeCsv(Actors, [actor(aliases)]))
        const field = row[Object.keys(Actors.columns).indexOf("aliases")]
        expect(decodeCsvList(field)).toEqual(aliases)
      }),
      { seed: 27, numRuns: 300 }
    )
  })
})
