/**
 * Export stage: writes every table in each requested format, then the manifest. Each file is written to
 * a temporary name and renamed into place, and the manifest goes last, so an interrupted run never
 * leaves a half-written file behind and a complete manifest means a complete dataset. Parquet may
 * instead use the monthly layout (partitioned.ts), which writes only the files whose rows changed.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs"
import { Effect, FileSystem, Path, Schema } from "effect"
import type { TableSpec } from "../model/columns.ts"
import { AllTables } from "../model/tables.ts"
import type { Dataset } from "../model/tables.ts"
import type { Manifest } from "../model/manifest.ts"
import { encodeArrow } from "./arrow.ts"
import { csvChunks } from "./csv.ts"
import { jsonChunks } from "./json.ts"
import { encodeParquet } from "./parquet.ts"
import { singleLayoutLeftovers, writeMonthlyLayout } from "./partitioned.ts"
import type { ParquetLayout } from "./partitioned.ts"

export const Formats = ["csv", "json", "arrow", "parquet"] as const
export type Format = (typeof Formats)[number]

export class ExportError extends Schema.TaggedError<ExportError>()("ExportError", {
  path: Schema.String,
  reason: Schema.String
}) {}

/** A file's bytes as they are made, in pieces: text (written as UTF-8) or bytes. */
export type Chunks = Iterable<string | Uint8Array>

/**
 * Each format's encoder gives its file in chunks, written one after the other (`writeChunksAtomic`):
 * the text formats a batch of rows at a time (batches.ts), so a large table is never one string in memory.
 */
const encoders: Record<Format, { extension: string; encode: (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>) => Chunks }> = {
  csv: { extension: "csv", encode: csvChunks },
  json: { extension: "json", encode: jsonChunks },
  arrow: { extension: "arrow", encode: (spec, rows) => [encodeArrow(spec, rows)] },
  parquet: { extension: "parquet", encode: (spec, rows) => [encodeParquet(spec, rows)] }
}

/** `table`'s file in `format`, in chunks. */
export const encodeTable = (format: Format, spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Chunks => encoders[format].encode(spec, rows)

/** Checks every row against its table's Schema: a row that breaks the contract is a bug, not output. */
export const checkRows = (spec: TableSpec, rows: ReadonlyArray<unknown>): string | null => {
  const isRow = Schema.is(spec.row)
  const bad = rows.findIndex((row) => !isRow(row))
  if (bad < 0) return null
  const row = rows[bad] as Record<string, unknown>
  const fields = Object.entries(spec.columns)
    .filter(([name, c]) => !Schema.is(c.schema as Schema.Codec<unknown>)(row?.[name]))
    .map(([name]) => `${name}=${JSON.stringify(row?.[name])}`)
  return `row ${bad} of ${spec.name} does not match its schema (${fields.join(", ")})`
}

export const writeFileAtomic = (file: string, data: string | Uint8Array) => writeChunksAtomic(file, [data])

/** Writes `chunks` to a temporary file beside `file`, one after the other, then renames it into place. */
export const writeChunksAtomic = (file: string, chunks: Chunks): Effect.Effect<void, ExportError> =>
  Effect.try({
    try: () => {
      const temp = `${file}.${process.pid}.tmp`
      const fd = openSync(temp, "w")
      try {
        for (const chunk of chunks) writeAll(fd, chunk)
      } catch (error) {
        closeSync(fd)
        rmSync(temp, { force: true })
        throw error
      }
      closeSync(fd)
      renameSync(temp, file)
    },
    catch: (error) => new ExportError({ path: file, reason: error instanceof Error ? error.message : String(error) })
  })

/** `writeSync` may write less than it is given: loops until the whole chunk is out. */
const writeAll = (fd: number, chunk: string | Uint8Array): void => {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
}

export interface ExportOptions {
  readonly out: string
  readonly formats: ReadonlyArray<Format>
  /** `single` (default): one file per table; `monthly`: per-document tables split by publication month. */
  readonly parquetLayout?: ParquetLayout
  /**
   * The folder the files written to `out` will be published into (publish.ts stages them): the monthly
   * layout writes only what differs from what is there. Default: `out` itself, written in place.
   */
  readonly publishTo?: string
}

/** One output file: its path relative to the output folder (`/`-separated) and its bytes. */
export interface OutputFile {
  readonly path: string
  readonly data: string | Uint8Array
}

/** The relative path of `table` in `format` (as one file per table). */
export const tablePath = (format: Format, table: string): string => `${format}/${table}.${encoders[format].extension}`

/** The first table whose rows break their schema, as an error; none, null. */
export const checkDataset = (dataset: Dataset): ExportError | null => {
  for (const spec of AllTables) {
    const problem = checkRows(spec, dataset[spec.name as keyof Dataset])
    if (problem !== null) return new ExportError({ path: spec.name, reason: problem })
  }
  return null
}

/**
 * Every file of the dataset in `formats`, one per table, the manifest last (a complete manifest means a
 * complete dataset), each encoded only when it is written: the caller writes one file's chunks before
 * asking for the next, so no two tables' encodings are held at once. Writing them is the publisher's
 * job (src/state/publish.ts).
 */
export function* datasetFiles(dataset: Dataset, manifest: Manifest, formats: ReadonlyArray<Format>): Generator<{ readonly path: string; readonly chunks: Chunks }> {
  for (const format of formats) {
    for (const spec of AllTables) {
      const rows = dataset[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
      yield { path: tablePath(format, spec.name), chunks: encodeTable(format, spec, rows) }
    }
  }
  yield { path: "manifest.json", chunks: [`${JSON.stringify(manifest, null, 2)}\n`] }
}

/** What an export leaves to publish, relative to its `out`: the files it wrote and the paths to remove. */
export interface ExportPlan {
  readonly written: ReadonlyArray<string>
  readonly removed: ReadonlyArray<string>
}

/**
 * Writes the dataset straight into `options.out` (each file atomically, the manifest last): for tools
 * and tests; a run publishes through src/state/publish.ts, which stages, journals and switches.
 */
export const exportDataset = Effect.fn("exportDataset")(function*(dataset: Dataset, manifest: Manifest, options: ExportOptions) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const problem = checkDataset(dataset)
  if (problem !== null) return yield* problem
  const publishTo = options.publishTo ?? options.out
  const written: Array<string> = []
  const removed: Array<string> = []
  for (const format of options.formats) {
    const folder = path.join(options.out, format)
    yield* fs.makeDirectory(folder, { recursive: true }).pipe(
      Effect.mapError((error) => new ExportError({ path: folder, reason: `cannot create folder: ${error.message}` }))
    )
    if (format === "parquet" && options.parquetLayout === "monthly") {
      const plan = yield* writeMonthlyLayout(dataset, folder, path.join(publishTo, format), writeFileAtomic).pipe(
        Effect.mapError((error) => error instanceof ExportError ? error : new ExportError({ path: folder, reason: error.message }))
      )
      written.push(...plan.written.map((file) => `${format}/${file}`))
      removed.push(...plan.removed.map((file) => `${format}/${file}`))
      continue
    }
    for (const spec of AllTables) {
      const rows = dataset[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
      yield* writeChunksAtomic(path.join(options.out, tablePath(format, spec.name)), encodeTable(format, spec, rows))
      written.push(tablePath(format, spec.name))
    }
    if (format === "parquet") removed.push(...singleLayoutLeftovers(path.join(publishTo, format)).map((file) => `${format}/${file}`))
  }
  if (options.publishTo === undefined) {
    for (const stale of removed) {
      const target = path.join(options.out, stale)
      yield* fs.remove(target, { recursive: true, force: true }).pipe(Effect.mapError((error) => new ExportError({ path: target, reason: error.message })))
    }
  }
  yield* writeFileAtomic(path.join(options.out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  return { written, removed } satisfies ExportPlan
})
