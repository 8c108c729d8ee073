/**
 * The monthly Parquet layout, for archives: each per-document table (one with a `doc_id` column) is a
 * Hive-partitioned dataset, one file per publication month of its documents,
 *
 *     parquet/quotes/month=2025-06/part-0.parquet
 *     parquet/quotes/month=__HIVE_DEFAULT_PARTITION__/part-0.parquet   (documents without a date)
 *
 * and the deduplicated tables (actors, events) are whole files, `parquet/actors.parquet`. DuckDB, polars,
 * pyarrow and Spark read a table's folder as one table with a `month` column (a string; null for the
 * undated partition: `__HIVE_DEFAULT_PARTITION__` is the name all four read as null).
 *
 * A rerun writes only the files whose rows changed. `parquet/.partitions.json` records, for each file,
 * a hash of its rows and the size and modification time it was published with; a file whose rows hash
 * the same and which nobody touched is neither encoded nor written again. A file whose rows changed is
 * encoded, and written only if its bytes differ from the published file's. Months that no longer have
 * rows are removed. So an archive synchronised elsewhere (rsync, object storage) moves only what changed.
 */
import { createHash } from "node:crypto"
import { readFileSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { Effect, FileSystem, Path, Schema } from "effect"
import type { TableSpec } from "../model/columns.ts"
import type { Dataset } from "../model/tables.ts"
import { AllTables } from "../model/tables.ts"
import { encodeParquet, parquetWriterVersion } from "./parquet.ts"

export const ParquetLayouts = ["single", "monthly"] as const
export type ParquetLayout = (typeof ParquetLayouts)[number]

/** The Hive partition column the monthly layout adds, and the folder name every reader takes as null. */
export const PartitionKey = "month"
export const NullPartition = "__HIVE_DEFAULT_PARTITION__"
/** The record of the monthly layout's files, beside the tables (a dot file: no reader lists it). */
export const PartitionIndexFile = ".partitions.json"
const PartFile = "part-0.parquet"

/** Tables with a row per something in a document are split by the document's month. */
export const isPartitioned = (spec: TableSpec): boolean => "doc_id" in spec.columns

const IndexEntry = Schema.Struct({ rows: Schema.String, size: Schema.Number, mtimeMs: Schema.Number })
type IndexEntry = typeof IndexEntry.Type
const PartitionIndex = Schema.Struct({ writer: Schema.String, files: Schema.Record(Schema.String, IndexEntry) })
type PartitionIndex = typeof PartitionIndex.Type

/**
 * What the bytes of a file depend on besides its rows: the Parquet and Arrow writers (package versions
 * and our two encoders' source) and the table's columns. A change to any of them re-encodes every file
 * (still written only where the bytes differ).
 */
const writerKey = (() => {
  let key: string | undefined
  return (): string => {
    if (key !== undefined) return key
    const hash = createHash("sha256").update(`parquet-wasm@${parquetWriterVersion()}\0`)
    for (const encoder of ["./parquet.ts", "./arrow.ts"]) hash.update(readFileSync(new URL(encoder, import.meta.url)))
    hash.update(JSON.stringify(AllTables.map((spec) => [spec.name, Object.entries(spec.columns).map(([name, c]) => [name, c.arrow, c.nullable])])))
    return (key = hash.digest("hex").slice(0, 32))
  }
})()

/** A hash of the rows as the file holds them: the declared columns, in order. */
const rowsHash = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const names = Object.keys(spec.columns)
  const hash = createHash("sha256")
  for (const row of rows) hash.update(JSON.stringify(names.map((name) => row[name] ?? null))).update("\n")
  return hash.digest("hex").slice(0, 32)
}

/** Each document's publication month (YYYY-MM), or the null partition for an undated one. */
const documentMonths = (dataset: Dataset): Map<string, string> =>
  new Map(dataset.documents.map((doc) => [doc.doc_id, doc.published === null ? NullPartition : doc.published.slice(0, 7)]))

/** The rows of a per-document table by month, each month's rows in table order, months sorted. */
export const rowsByMonth = (
  rows: ReadonlyArray<Record<string, unknown>>,
  months: ReadonlyMap<string, string>
): Array<[string, Array<Record<string, unknown>>]> => {
  const groups = new Map<string, Array<Record<string, unknown>>>()
  for (const row of rows) {
    const month = months.get(row.doc_id as string) ?? NullPartition
    let group = groups.get(month)
    if (group === undefined) groups.set(month, (group = []))
    group.push(row)
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

const partitionFile = (table: string, month: string): string => `${table}/${PartitionKey}=${month}/${PartFile}`

const statOf = (file: string): { readonly size: number; readonly mtimeMs: number } | undefined => {
  try {
    const stats = statSync(file)
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs } : undefined
  } catch {
    return undefined
  }
}

const listDirectory = (folder: string): Array<string> => {
  try {
    return readdirSync(folder).sort()
  } catch {
    return []
  }
}

/** Each month folder of a partitioned table under `parquet` (a published `OUT/parquet/`). */
const monthFolders = (parquet: string, table: string): Array<string> =>
  listDirectory(join(parquet, table)).filter((name) => name.startsWith(`${PartitionKey}=`)).map((name) => `${table}/${name}`)

/**
 * The files of the monthly layout published in `parquet` (`OUT/parquet/`), relative to it: the whole
 * tables, every month's part file there now, and the index.
 */
export const monthlyLayoutFiles = (parquet: string): Array<string> => [
  ...AllTables.flatMap((spec) =>
    isPartitioned(spec)
      ? monthFolders(parquet, spec.name).map((folder) => `${folder}/${PartFile}`).filter((file) => statOf(join(parquet, file)) !== undefined)
      : [`${spec.name}.parquet`]
  ),
  PartitionIndexFile
]

const readIndex = (parquet: string): PartitionIndex | undefined => {
  try {
    const decoded = Schema.decodeUnknownOption(Schema.fromJsonString(PartitionIndex))(readFileSync(join(parquet, PartitionIndexFile), "utf8"))
    return decoded._tag === "Some" ? decoded.value : undefined
  } catch {
    return undefined
  }
}

const sameBytes = (file: string, bytes: Uint8Array): boolean => {
  try {
    return Buffer.compare(readFileSync(file), bytes) === 0
  } catch {
    return false
  }
}

/** What writing one layout leaves to publish: files written (relative to the format folder) and paths to remove. */
export interface LayoutPlan {
  readonly written: ReadonlyArray<string>
  readonly removed: ReadonlyArray<string>
}

/** What the single-file layout replaces: the monthly layout's folders and index, if a run left them. */
export const singleLayoutLeftovers = (published: string): Array<string> => [
  ...AllTables.filter(isPartitioned).map((spec) => spec.name).filter((table) => statSync(join(published, table), { throwIfNoEntry: false })?.isDirectory() === true),
  ...(statOf(join(published, PartitionIndexFile)) === undefined ? [] : [PartitionIndexFile])
]

/**
 * Writes the monthly layout into `staging` (a format folder: `…/parquet/`), comparing with what is
 * published in `published` (`OUT/parquet/`): only new or changed files are written there, and the plan
 * lists the month folders (and single-layout files) that publishing must remove.
 */
export const writeMonthlyLayout = Effect.fn("writeMonthlyLayout")(function*<E, R>(
  dataset: Dataset,
  staging: string,
  published: string,
  writeFile: (file: string, data: Uint8Array) => Effect.Effect<void, E, R>
) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const key = writerKey()
  const previous = readIndex(published)
  const vouched = previous?.writer === key ? previous.files : {}
  const months = documentMonths(dataset)
  const files: Record<string, IndexEntry> = {}
  const written: Array<string> = []

  const publishFile = Effect.fnUntraced(function*(file: string, spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>) {
    const hash = rowsHash(spec, rows)
    const there = statOf(join(published, file))
    const before = vouched[file]
    if (there !== undefined && before?.rows === hash && before.size === there.size && before.mtimeMs === there.mtimeMs) {
      files[file] = before
      return
    }
    const bytes = encodeParquet(spec, rows)
    if (there !== undefined && there.size === bytes.length && sameBytes(join(published, file), bytes)) {
      files[file] = { rows: hash, ...there }
      return
    }
    const target = path.join(staging, file)
    yield* fs.makeDirectory(path.dirname(target), { recursive: true })
    yield* writeFile(target, bytes)
    // A rename keeps the modification time, so the staged file's is the published one's.
    files[file] = { rows: hash, ...statOf(target)! }
    written.push(file)
  })

  for (const spec of AllTables) {
    const rows = dataset[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
    if (!isPartitioned(spec)) {
      yield* publishFile(`${spec.name}.parquet`, spec, rows)
      continue
    }
    for (const [month, monthRows] of rowsByMonth(rows, months)) yield* publishFile(partitionFile(spec.name, month), spec, monthRows)
  }

  const removed = AllTables.filter(isPartitioned).flatMap((spec) => [
    ...monthFolders(published, spec.name).filter((folder) => files[`${folder}/${PartFile}`] === undefined),
    ...(statOf(join(published, `${spec.name}.parquet`)) === undefined ? [] : [`${spec.name}.parquet`])
  ])
  yield* fs.makeDirectory(staging, { recursive: true })
  const index: PartitionIndex = { writer: key, files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) }
  yield* writeFile(path.join(staging, PartitionIndexFile), new TextEncoder().encode(`${JSON.stringify(index, null, 1)}\n`))
  written.push(PartitionIndexFile)
  return { written, removed } satisfies LayoutPlan
})
