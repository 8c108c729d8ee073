/**
 * Export read back by readers other than the writer: apache-arrow's IPC reader for the Arrow files
 * (schema types and values), DuckDB for the CSV and JSON files.
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { tableFromIPC, Type } from "apache-arrow"
import { DuckDBInstance } from "@duckdb/node-api"
import { exportDataset } from "../src/export/index.ts"
import { encodeCsv } from "../src/export/csv.ts"
import { encodeArrow } from "../src/export/arrow.ts"
import { Actors, Documents } from "../src/model/tables.ts"
import type { ActorRow, Dataset, DocumentRow } from "../src/model/tables.ts"
import type { Manifest } from "../src/model/manifest.ts"
import { tempDir } from "./support/cli.ts"

const documents: Array<DocumentRow> = [
  {
    doc_id: "doc_1", input_id: "a.txt", title: "Talks, \"frank\" and long\nsecond line", standfirst: null, published: "2025-06-10",
    published_source: "text", author: "Ana Ñúñez", editor: null, publisher: "Agency", section: "World", dateline: "LONDON",
    url: null, story_id: "story_1", duplicate_of: null, n_chars: 2599, n_sentences: 19, content_hash: "abc",
    near_copy_of: null, story_links: ["doc_2 content-similarity 0.42"]
  },
  {
    doc_id: "doc_2", input_id: "b.txt", title: null, standfirst: null, published: null, published_source: null, author: null,
    editor: null, publisher: null, section: null, dateline: null, url: null, story_id: "story_1", duplicate_of: null,
    n_chars: 10, n_sentences: 1, content_hash: "def", near_copy_of: "doc_1", story_links: ["doc_1 near-duplicate 0.95"]
  }
]
const actors: Array<ActorRow> = [
  {
    actor_id: "actor_1", name: "United States", kind: "country", title: null, title_normalized: null, affiliation: null,
    aliases: ["US", "Washington", "American"], n_mentions: 7, n_documents: 2, rules: ["gazetteer"], merged_by: ["same-kind-and-name"]
  },
  {
    actor_id: "actor_2", name: "He Lifeng", kind: "person", title: "Vice Premier", title_normalized: "vice premier",
    affiliation: "China", aliases: ["何立峰", "He"], n_mentions: 2, n_documents: 2, rules: [], merged_by: []
  }
]
const dataset: Dataset = { documents, actors, actor_mentions: [], quotes: [], events: [], event_mentions: [], times: [] }
const manifest: Manifest = { tool: { name: "t", version: "0" }, versions: {}, options: {}, counts: {}, inputs: [], diagnostics: [] }

const writeAll = (out: string) =>
  exportDataset(dataset, manifest, { out, formats: ["csv", "json", "arrow"] }).pipe(Effect.provide(NodeServices.layer))

describe("export", () => {
  it("writes the same Arrow bytes for the same rows, however many tables the process wrote before", () => {
    const first = encodeArrow(Actors, actors)
    encodeArrow(Documents, documents)
    expect(Buffer.from(encodeArrow(Actors, actors)).equals(Buffer.from(first))).toBe(true)
  })

  it.effect("writes Arrow IPC files whose column types and values round-trip", () =>
    Effect.gen(function*() {
      const out = tempDir("export-arrow")
      yield* writeAll(out)
      const docs = tableFromIPC(readFileSync(join(out, "arrow/documents.arrow")))
      const types = Object.fromEntries(docs.schema.fields.map((f) => [f.name, Type[f.typeId]]))
      expect(types).toMatchObject({ doc_id: "Utf8", title: "Utf8", published: "Date", section: "Dictionary", n_chars: "Int", story_id: "Dictionary" })
      expect(docs.schema.fields.map((f) => f.name)).toEqual(Object.keys(Documents.columns))
      expect(docs.schema.fields.find((f) => f.name === "doc_id")?.nullable).toBe(false)
      expect(docs.schema.fields.find((f) => f.name === "title")?.nullable).toBe(true)
      expect(docs.numRows).toBe(2)
      const first = docs.get(0)!.toJSON()
      expect(first.title).toBe("Talks, \"frank\" and long\nsecond line")
      expect(new Date(first.published as number).toISOString().slice(0, 10)).toBe("2025-06-10")
      expect(first.n_chars).toBe(2599)
      expect(docs.get(1)!.toJSON().published).toBeNull()
      // Strings with characters of two and three bytes, and nulls, in plain and dictionary columns.
      expect(docs.getChild("author")!.toArray()).toEqual(["Ana Ñúñez", null])
      expect(docs.getChild("section")!.toArray()).toEqual(["World", null])
      expect(docs.getChild("author")!.nullCount).toBe(1)
      expect([...docs.getChild("story_links")!.get(1)!]).toEqual(["doc_1 near-duplicate 0.95"])

      const acts = tableFromIPC(readFileSync(join(out, "arrow/actors.arrow")))
      expect(Type[acts.schema.fields.find((f) => f.name === "aliases")!.typeId]).toBe("List")
      expect(Type[acts.schema.fields.find((f) => f.name === "kind")!.typeId]).toBe("Dictionary")
      expect([...acts.getChild("aliases")!.get(0)!]).toEqual(["US", "Washington", "American"])
      expect([...acts.getChild("aliases")!.get(1)!]).toEqual(["何立峰", "He"])
      expect([...acts.getChild("rules")!.get(0)!]).toEqual(["gazetteer"])
      expect([...acts.getChild("rules")!.get(1)!]).toEqual([])
      expect(acts.getChild("kind")!.toArray()).toEqual(["country", "person"])
    }))

  it.effect("writes CSV and JSON that DuckDB reads back with the same values", () =>
    Effect.gen(function*() {
      const out = tempDir("export-duck")
      yield* writeAll(out)
      const rows = yield* Effect.promise(async () => {
        const db = await DuckDBInstance.create(":memory:")
        const connection = await db.connect()
        const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson()
        return {
          csv: await read(`select doc_id, title, published::varchar as published, n_chars, author from read_csv('${out}/csv/documents.csv') order by doc_id`),
          json: await read(`select doc_id, title, published, n_chars from read_json('${out}/json/documents.json') order by doc_id`),
          aliases: await read(`select name, string_split(aliases, ';') as aliases from read_csv('${out}/csv/actors.csv') order by name`)
        }
      })
      expect(rows.csv).toEqual([
        { doc_id: "doc_1", title: "Talks, \"frank\" and long\nsecond line", published: "2025-06-10", n_chars: "2599", author: "Ana Ñúñez" },
        { doc_id: "doc_2", title: null, published: null, n_chars: "10", author: null }
      ])
      expect(rows.json).toEqual([
        { doc_id: "doc_1", title: "Talks, \"frank\" and long\nsecond line", published: "2025-06-10", n_chars: "2599" },
        { doc_id: "doc_2", title: null, published: null, n_chars: "10" }
      ])
      expect(rows.aliases).toEqual([
        { name: "He Lifeng", aliases: ["何立峰", "He"] },
        { name: "United States", aliases: ["US", "Washington", "American"] }
      ])
    }))

  it("starts CSV with a BOM, quotes fields with line breaks and joins lists with ;", () => {
    const csv = encodeCsv(Actors, actors)
    expect(csv.startsWith("\uFEFFactor_id,name,kind,")).toBe(true)
    expect(csv.split("\n")[1]).toBe("actor_1,United States,country,,,,US;Washington;American,7,2,gazetteer,same-kind-and-name")
    const docs = encodeCsv(Documents, documents)
    expect(docs).toContain("\"Talks, \"\"frank\"\" and long\nsecond line\"")
  })

  it.effect("writes a table larger than one chunk as one CSV and one JSON file, every row once and in order", () =>
    Effect.gen(function*() {
      // 12,001 rows: the text formats are written 5,000 rows at a time (three chunks).
      const many = Array.from({ length: 12_001 }, (_, i) => ({ ...actors[i % 2], actor_id: `actor_${i}`, n_mentions: i }))
      const out = tempDir("export-chunks")
      yield* exportDataset({ ...dataset, actors: many }, manifest, { out, formats: ["csv", "json"] }).pipe(Effect.provide(NodeServices.layer))
      const csv = readFileSync(join(out, "csv/actors.csv"), "utf8")
      expect(csv.match(/\uFEFF/g)).toHaveLength(1)
      expect(csv.split("\n").filter((line) => line.replace("\uFEFF", "").startsWith("actor_id,"))).toHaveLength(1)
      expect(csv).toBe(encodeCsv(Actors, many))
      const json = JSON.parse(readFileSync(join(out, "json/actors.json"), "utf8")) as Array<ActorRow>
      expect(json.map((row) => row.n_mentions)).toEqual(many.map((row) => row.n_mentions))
      const counts = yield* Effect.promise(async () => {
        const connection = await (await DuckDBInstance.create(":memory:")).connect()
        const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson()
        return {
          csv: await read(`select count(*)::int as n, sum(n_mentions)::bigint::varchar as total from read_csv('${out}/csv/actors.csv')`),
          json: await read(`select count(*)::int as n, sum(n_mentions)::bigint::varchar as total from read_json('${out}/json/actors.json')`)
        }
      })
      const total = String((12_000 * 12_001) / 2)
      expect(counts).toEqual({ csv: [{ n: 12_001, total }], json: [{ n: 12_001, total }] })
    }))

  it.effect("refuses rows that break the table schema, naming the table and field", () =>
    Effect.gen(function*() {
      const bad = { ...dataset, actors: [{ ...actors[0], kind: "planet" as never }] }
      const error = yield* exportDataset(bad, manifest, { out: tempDir("export-bad"), formats: ["json"] }).pipe(
        Effect.provide(NodeServices.layer),
        Effect.flip
      )
      expect(error.reason).toBe("row 0 of actors does not match its schema (kind=\"planet\")")
    }))
})
