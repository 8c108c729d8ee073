/**
 * Parquet read back by other readers: DuckDB (types, nullability, values, the monthly layout as one
 * Hive-partitioned table) and arrow-rs through parquet-wasm (the Arrow schema it restores, dictionaries
 * included, equals the Arrow file's). Then the monthly layout's reruns: same rows, same bytes; only the
 * months whose rows changed are written again; emptied months are removed; switching layouts leaves
 * no file of the other. pyarrow, polars and Spark are not installed here: the README shows how they read
 * the same files, and DuckDB stands in for them.
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { createRequire } from "node:module"
import { tableFromIPC, Type } from "apache-arrow"
import { DuckDBInstance } from "@duckdb/node-api"
import { runPipeline } from "../pipeline/pipeline.ts"
import { exportDataset } from "../src/export/index.ts"
import type { ExportOptions } from "../src/export/index.ts"
import { encodeArrow } from "../src/export/arrow.ts"
import { encodeParquet } from "../src/export/parquet.ts"
import { NullPartition, PartitionIndexFile } from "../src/export/partitioned.ts"
import type { ArrowKind, TableSpec } from "../src/model/columns.ts"
import { AllTables } from "../src/model/tables.ts"
import type { Dataset, DocumentRow } from "../src/model/tables.ts"
import type { Manifest } from "../src/model/manifest.ts"
import { Nlp } from "../src/nlp/Nlp.ts"
import { tempDir } from "./support/cli.ts"

const manifest: Manifest = { tool: { name: "t", version: "0" }, versions: {}, options: {}, counts: {}, inputs: [], diagnostics: [] }

/** One document with a row in every per-document table; `published` null for an undated one. */
const documentWithRows = (n: number, published: string | null, quoteText = `Quote ${n} with “marks” and ünïcode`): Dataset => {
  const doc_id = `doc_${n}`
  const document: DocumentRow = {
    doc_id, input_id: `${n}.txt`, title: n % 2 === 0 ? `Title ${n}` : null, standfirst: null, published,
    published_source: published === null ? null : "input", author: n % 3 === 0 ? "Ana Ñúñez" : null, editor: null,
    publisher: "Agency", section: n % 2 === 0 ? "World" : null, dateline: null, url: null, story_id: `story_${n % 2}`,
    duplicate_of: null, n_chars: 1000 + n, n_sentences: n, content_hash: `hash${n}`, near_copy_of: null,
    story_links: n % 2 === 0 ? [`doc_${n + 1} content-similarity 0.42`, "x;y"] : []
  }
  return {
    documents: [document],
    actors: [],
    actor_mentions: [
      { mention_id: `m_${n}_a`, actor_id: "actor_1", doc_id, start: 0, end: 13, text: "United States", kind: "country", role: "name", title: null, rule: "gazetteer" },
      { mention_id: `m_${n}_b`, actor_id: "actor_2", doc_id, start: 20, end: 29, text: "He Lifeng", kind: "person", role: "name", title: "Vice Premier", rule: "tagger" }
    ],
    quotes: [{
      quote_id: `q_${n}`, statement_id: `s_${n}`, part: 1, doc_id, kind: "direct", text: quoteText, start: 40, end: 60,
      speaker_actor_id: n % 2 === 0 ? "actor_2" : null, speaker: n % 2 === 0 ? "He Lifeng" : null, speaker_text: "He",
      speaker_start: n % 2 === 0 ? 30 : null, speaker_end: n % 2 === 0 ? 32 : null, cue: "said", cue_lemma: "say",
      cue_start: 33, cue_end: 37, addressee: null, rule: "quote-said"
    }],
    events: [],
    event_mentions: [{
      mention_id: `e_${n}`, event_id: "event_1", doc_id, start: 0, end: 40, text: "The talks began", trigger: "talks",
      trigger_start: 4, trigger_end: 9, event_type: "CONSULT", cameo: n % 2 === 0 ? "040" : null, date: published,
      date_text: null, location: "London", modality: "asserted", actor_ids: ["actor_1", "actor_2"], source_actor_ids: ["actor_1"], target_actor_ids: ["actor_2"], rule: "trigger-lexicon"
    }],
    times: [{ doc_id, start: 61, end: 70, text: "on Monday", type: "DATE", value: published, precision: published === null ? null : "day", anchor: "published", rule: "weekday" }]
  }
}

const actorsAndEvents: Pick<Dataset, "actors" | "events"> = {
  actors: [
    { actor_id: "actor_1", name: "United States", kind: "country", title: null, title_normalized: null, affiliation: null,
      aliases: ["US", "Washington"], n_mentions: 7, n_documents: 2, rules: ["gazetteer"], merged_by: ["same-kind-and-name"] },
    { actor_id: "actor_2", name: "He Lifeng", kind: "person", title: "Vice Premier", title_normalized: "vice premier",
      affiliation: "China", aliases: ["何立峰", "He"], n_mentions: 2, n_documents: 2, rules: [], merged_by: [] }
  ],
  events: [{
    event_id: "event_1", event_type: "CONSULT", cameo: "040", date: "2025-06", date_precision: "month", date_source: "text",
    location: null, actor_ids: ["actor_1", "actor_2"], actors: ["United States", "He Lifeng"], source_actor_ids: [],
    target_actor_ids: [], summary: "The talks began", modality: "asserted", n_mentions: 3, n_documents: 3, merged_by: []
  }]
}

/** The documents' rows merged into one dataset, in the order given. */
const datasetOf = (...parts: ReadonlyArray<Dataset>): Dataset => {
  const merged = Object.fromEntries(AllTables.map((spec) => [spec.name, parts.flatMap((part) => part[spec.name as keyof Dataset] as ReadonlyArray<unknown>)]))
  return { ...(merged as unknown as Dataset), ...actorsAndEvents }
}

const june = [documentWithRows(1, "2025-06-10"), documentWithRows(2, "2025-06-30")]
const july = [documentWithRows(3, "2025-07-01")]
const undated = [documentWithRows(4, null)]
const base = datasetOf(...june, ...july, ...undated)

const exportTo = (dataset: Dataset, out: string, options: Partial<ExportOptions> = {}) =>
  exportDataset(dataset, manifest, { out, formats: ["parquet"], ...options }).pipe(Effect.provide(NodeServices.layer))

const query = (sql: string) =>
  Effect.promise(async () => {
    const db = await DuckDBInstance.create(":memory:")
    const connection = await db.connect()
    return (await connection.runAndReadAll(sql)).getRowObjectsJson()
  })

/** How DuckDB types each kind of column read from Parquet. */
const duckType: Record<ArrowKind, string> = {
  utf8: "VARCHAR", dictionary: "VARCHAR", int32: "INTEGER", float64: "DOUBLE", bool: "BOOLEAN", date: "DATE", list: "VARCHAR[]"
}

/** Every file under `dir` with its inode and modification time: a rewritten file gets another inode. */
const fileIdentities = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = join(e.parentPath, e.name)
        const stats = statSync(file)
        return [file.slice(dir.length + 1), `${stats.ino}:${stats.mtimeMs}`]
      })
      .sort(([a], [b]) => a.localeCompare(b))
  )

const parquetFiles = (out: string): Array<string> => Object.keys(fileIdentities(join(out, "parquet"))).filter((f) => f.endsWith(".parquet"))

describe("parquet", () => {
  it.effect("every column of every table reads back in DuckDB with its type, nullability and value", () =>
    Effect.gen(function*() {
      const out = tempDir("parquet-types")
      yield* exportTo(base, out, { formats: ["json", "parquet"] })
      for (const spec of AllTables as ReadonlyArray<TableSpec>) {
        const file = join(out, "parquet", `${spec.name}.parquet`)
        const described = yield* query(`DESCRIBE SELECT * FROM read_parquet('${file}')`)
        expect(described.map((c) => [c.column_name, c.column_type])).toEqual(Object.entries(spec.columns).map(([name, c]) => [name, duckType[c.arrow]]))
        const schema = yield* query(`SELECT name, repetition_type FROM parquet_schema('${file}')`)
        for (const [name, c] of Object.entries(spec.columns)) {
          expect([name, schema.find((s) => s.name === name)?.repetition_type]).toEqual([name, c.nullable ? "OPTIONAL" : "REQUIRED"])
        }
        // Values: DuckDB's JSON of the Parquet rows equals the JSON file's rows (dates as YYYY-MM-DD, in order).
        const rows = yield* query(`SELECT to_json(t)::VARCHAR AS row FROM read_parquet('${file}') t`)
        const expected = JSON.parse(readFileSync(join(out, "json", `${spec.name}.json`), "utf8")) as Array<unknown>
        expect(rows.map((r) => JSON.parse(r.row as string))).toEqual(expected)
        expect(rows.length).toBeGreaterThan(0)
      }
    }))

  it("restores the Arrow file's schema, dictionaries included, through the Arrow schema stored with the Parquet file", () => {
    const wasm = createRequire(import.meta.url)("parquet-wasm") as typeof import("parquet-wasm")
    for (const spec of AllTables) {
      const rows = base[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
      const fromParquet = tableFromIPC(wasm.readParquet(encodeParquet(spec, rows)).intoIPCStream())
      const fromArrow = tableFromIPC(encodeArrow(spec, rows))
      const shape = (t: typeof fromArrow) => t.schema.fields.map((f) => [f.name, Type[f.typeId], f.nullable])
      expect(shape(fromParquet)).toEqual(shape(fromArrow))
      const values = (t: typeof fromArrow) => JSON.parse(JSON.stringify(t.toArray())) as unknown
      expect(values(fromParquet)).toEqual(values(fromArrow))
    }
    const documents = tableFromIPC(wasm.readParquet(encodeParquet(AllTables[0], base.documents as never)).intoIPCStream())
    expect(Type[documents.schema.fields.find((f) => f.name === "section")!.typeId]).toBe("Dictionary")
    expect(Type[documents.schema.fields.find((f) => f.name === "published")!.typeId]).toBe("Date")
  })

  it.effect("writes byte-identical files on every run, in either layout", () =>
    Effect.gen(function*() {
      for (const parquetLayout of ["single", "monthly"] as const) {
        const [a, b] = [tempDir("parquet-same-a"), tempDir("parquet-same-b")]
        yield* exportTo(base, a, { parquetLayout })
        yield* exportTo(base, b, { parquetLayout })
        const files = parquetFiles(a)
        expect(files).toEqual(parquetFiles(b))
        expect(files.length).toBe(parquetLayout === "single" ? 7 : 2 + 5 * 3)
        for (const file of files) expect(readFileSync(join(a, "parquet", file)).equals(readFileSync(join(b, "parquet", file)))).toBe(true)
      }
      // Nothing in the file names the time or the run: the writer is named by its version, and the only
      // key-value metadata is the Arrow schema.
      const file = join(tempDir("parquet-meta"), "quotes.parquet")
      writeFileSync(file, encodeParquet(AllTables[3], base.quotes as never))
      expect(yield* query(`SELECT created_by FROM parquet_file_metadata('${file}')`)).toEqual([{ created_by: expect.stringMatching(/^parquet-rs version \d+\.\d+\.\d+$/) }])
      expect(yield* query(`SELECT key::VARCHAR AS key FROM parquet_kv_metadata('${file}')`)).toEqual([{ key: "ARROW:schema" }])
    }))

  it.effect("lays per-document tables out by publication month; DuckDB reads each as one table", () =>
    Effect.gen(function*() {
      const out = tempDir("parquet-monthly")
      yield* exportTo(base, out, { formats: ["parquet"], parquetLayout: "monthly" })
      expect(parquetFiles(out)).toEqual([
        "actor_mentions/month=2025-06/part-0.parquet", "actor_mentions/month=2025-07/part-0.parquet", `actor_mentions/month=${NullPartition}/part-0.parquet`,
        "actors.parquet",
        "documents/month=2025-06/part-0.parquet", "documents/month=2025-07/part-0.parquet", `documents/month=${NullPartition}/part-0.parquet`,
        "event_mentions/month=2025-06/part-0.parquet", "event_mentions/month=2025-07/part-0.parquet", `event_mentions/month=${NullPartition}/part-0.parquet`,
        "events.parquet",
        "quotes/month=2025-06/part-0.parquet", "quotes/month=2025-07/part-0.parquet", `quotes/month=${NullPartition}/part-0.parquet`,
        "times/month=2025-06/part-0.parquet", "times/month=2025-07/part-0.parquet", `times/month=${NullPartition}/part-0.parquet`
      ].sort((a, b) => a.localeCompare(b)))
      const single = tempDir("parquet-monthly-single")
      yield* exportTo(base, single, { formats: ["parquet"] })
      for (const spec of (AllTables as ReadonlyArray<TableSpec>).filter((s) => "doc_id" in s.columns)) {
        const glob = `${out}/parquet/${spec.name}/*/*.parquet`
        const described = yield* query(`DESCRIBE SELECT * FROM read_parquet('${glob}', hive_partitioning = true)`)
        expect(described.map((c) => c.column_type)).toEqual([...Object.values(spec.columns).map((c) => duckType[c.arrow]), "VARCHAR"])
        expect(described.at(-1)?.column_name).toBe("month")
        const months = yield* query(`SELECT month, count(*)::INTEGER AS n FROM read_parquet('${glob}', hive_partitioning = true) GROUP BY month ORDER BY month NULLS LAST`)
        const perDocument = spec.name === "actor_mentions" ? 2 : 1
        expect(months).toEqual([{ month: "2025-06", n: 2 * perDocument }, { month: "2025-07", n: perDocument }, { month: null, n: perDocument }])
        // The same rows as the single file, each with its document's month.
        const key = "start" in spec.columns ? "doc_id, start" : "doc_id"
        const together = yield* query(`SELECT * EXCLUDE (month) FROM read_parquet('${glob}', hive_partitioning = true) ORDER BY ${key}`)
        expect(together).toEqual(yield* query(`SELECT * FROM read_parquet('${single}/parquet/${spec.name}.parquet') ORDER BY ${key}`))
        const wrongMonth = yield* query(
          `SELECT count(*)::INTEGER AS n FROM read_parquet('${glob}', hive_partitioning = true) t JOIN read_parquet('${single}/parquet/documents.parquet') d USING (doc_id)
           WHERE month IS DISTINCT FROM strftime(d.published, '%Y-%m')`
        )
        expect(wrongMonth).toEqual([{ n: 0 }])
      }
    }))

  it.effect("a rerun writes only the months whose rows changed and removes the months left without rows", () =>
    Effect.gen(function*() {
      const out = tempDir("parquet-rerun")
      const monthly = { formats: ["parquet" as const], parquetLayout: "monthly" as const }
      yield* exportTo(base, out, monthly)
      const first = fileIdentities(join(out, "parquet"))

      // The same rows again: no table file is touched (only the index is written).
      yield* exportTo(base, out, monthly)
      const again = fileIdentities(join(out, "parquet"))
      expect(Object.keys(again)).toEqual(Object.keys(first))
      for (const file of parquetFiles(out)) expect([file, again[file]]).toEqual([file, first[file]])

      // Articles of a new month: its folders appear, nothing else is written.
      const august = documentWithRows(5, "2025-08-02")
      yield* exportTo(datasetOf(...june, ...july, ...undated, august), out, monthly)
      const withAugust = fileIdentities(join(out, "parquet"))
      const added = Object.keys(withAugust).filter((file) => first[file] === undefined)
      expect(added.sort()).toEqual(["actor_mentions", "documents", "event_mentions", "quotes", "times"].map((t) => `${t}/month=2025-08/part-0.parquet`))
      for (const file of Object.keys(first).filter((f) => f !== PartitionIndexFile)) expect([file, withAugust[file]]).toEqual([file, first[file]])

      // One quote of July changes: only July's quotes file is written again.
      const julyEdited = documentWithRows(3, "2025-07-01", "An edited quote")
      yield* exportTo(datasetOf(...june, julyEdited, ...undated, august), out, monthly)
      const edited = fileIdentities(join(out, "parquet"))
      const rewritten = Object.keys(edited).filter((file) => edited[file] !== withAugust[file] && file !== PartitionIndexFile)
      expect(rewritten).toEqual(["quotes/month=2025-07/part-0.parquet"])
      expect(yield* query(`SELECT text FROM read_parquet('${out}/parquet/quotes/month=2025-07/part-0.parquet')`)).toEqual([{ text: "An edited quote" }])

      // July's only article goes: July's folders are removed, the rest stays as it was.
      yield* exportTo(datasetOf(...june, ...undated, august), out, monthly)
      const withoutJuly = fileIdentities(join(out, "parquet"))
      for (const table of ["actor_mentions", "documents", "event_mentions", "quotes", "times"]) {
        expect(existsSync(join(out, "parquet", table, "month=2025-07"))).toBe(false)
      }
      for (const file of Object.keys(withoutJuly).filter((f) => f !== PartitionIndexFile)) expect([file, withoutJuly[file]]).toEqual([file, edited[file]])

      // A file someone changed or deleted is written again, even though its rows did not change.
      const juneQuotes = join(out, "parquet", "quotes", "month=2025-06", "part-0.parquet")
      writeFileSync(juneQuotes, "not parquet")
      yield* exportTo(datasetOf(...june, ...undated, august), out, monthly)
      expect((yield* query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${juneQuotes}')`))).toEqual([{ n: 2 }])
    }))

  it.effect("switching layouts removes the other layout's files", () =>
    Effect.gen(function*() {
      const out = tempDir("parquet-switch")
      yield* exportTo(base, out, { parquetLayout: "single" })
      yield* exportTo(base, out, { parquetLayout: "monthly" })
      expect(existsSync(join(out, "parquet", "quotes.parquet"))).toBe(false)
      expect(existsSync(join(out, "parquet", "actors.parquet"))).toBe(true)
      expect(existsSync(join(out, "parquet", "quotes", "month=2025-06", "part-0.parquet"))).toBe(true)
      yield* exportTo(base, out, { parquetLayout: "single" })
      expect(readdirSync(join(out, "parquet")).sort()).toEqual(AllTables.map((spec) => `${spec.name}.parquet`).sort())
    }))

  it.effect("through the pipeline: articles of a new month add its folders, other months stay untouched, and leave with it", () =>
    Effect.gen(function*() {
      const record = (id: string, date: string, text: string) => JSON.stringify({ id, date, text })
      const may = record("may", "2025-05-12", "Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Monday.\n\n\"We agreed to work together on trade,\" Starmer said after the meeting.")
      const june = record("june", "2025-06-03", "Chancellor Olaf Scholz held talks with Polish officials in Berlin on Tuesday.\n\nScholz said the talks had been useful.")
      const july = record("july", "2025-07-20", "Officials from Spain and Portugal met in Madrid on Tuesday to discuss water rights, the ministry said.")
      const input = join(tempDir("parquet-pipeline-in"), "feed.jsonl")
      const out = tempDir("parquet-pipeline")
      const run = () => runPipeline({ input, out, formats: ["json", "parquet"], parquetLayout: "monthly", workers: 0 })
      const monthFiles = (month: string) => parquetFiles(out).filter((file) => file.includes(`month=${month}/`))

      writeFileSync(input, `${may}\n${june}\n`)
      yield* run()
      const first = fileIdentities(join(out, "parquet"))
      expect(monthFiles("2025-05")).toContain("quotes/month=2025-05/part-0.parquet")
      expect(monthFiles("2025-06")).toContain("documents/month=2025-06/part-0.parquet")
      expect(yield* query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${out}/parquet/actor_mentions/*/*.parquet', hive_partitioning = true)`)).toEqual([
        { n: JSON.parse(readFileSync(join(out, "json", "actor_mentions.json"), "utf8")).length }
      ])

      writeFileSync(input, `${may}\n${june}\n${july}\n`)
      expect((yield* run()).run).toMatchObject({ extracted: 1, rewritten: true })
      const second = fileIdentities(join(out, "parquet"))
      expect(monthFiles("2025-07")).toEqual(expect.arrayContaining(["actor_mentions/month=2025-07/part-0.parquet", "documents/month=2025-07/part-0.parquet"]))
      for (const file of [...monthFiles("2025-05"), ...monthFiles("2025-06")]) expect([file, second[file]]).toEqual([file, first[file]])

      expect((yield* run()).run.rewritten).toBe(false)

      writeFileSync(input, `${may}\n${june}\n`)
      yield* run()
      expect(monthFiles("2025-07")).toEqual([])
      expect(readdirSync(join(out, "parquet", "documents"))).toEqual(["month=2025-05", "month=2025-06"])
      const third = fileIdentities(join(out, "parquet"))
      for (const file of [...monthFiles("2025-05"), ...monthFiles("2025-06")]) expect([file, third[file]]).toEqual([file, first[file]])
    }).pipe(Effect.provide(Layer.mergeAll(NodeServices.layer, Nlp.layer))))
})
