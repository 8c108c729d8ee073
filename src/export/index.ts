/**
 * Export stage: writes every table in each requested format, then the manifest. Each file is written to
 * a temporary name and renamed into place, and the manifest goes last, so an interrupted run never
 * leaves a half-written file behind and a complete manifest means a complete dataset. Parquet may
 * instead use the monthly layout (partitioned.ts), which writes only the files whose rows changed.
 */
import { Effect, FileSystem, Path, Schema } from "effect"
import type { TableSpec } from "../model/columns.ts"
import { AllTables } from "../model/tables.ts"
import type { Dataset } from "../model/tables.ts"
import type { Manifest } from "../model/manifest.ts"
import { encodeArrow } from "./arrow.ts"
import { encodeCsv } from "./csv.ts"
import { encodeJson } from "./json.ts"
import { encodeParquet } from "./parquet.ts"
import { singleLayoutLeftovers, writeMonthlyLayout } from "./partitioned.ts"
import type { ParquetLayout } from "./partitioned.ts"

export const Formats = ["csv", "json", "arrow", "parquet"] as const
export type Format = (typeof Formats)[number]

export class ExportError extends Schema.TaggedError<ExportError>()("ExportError", {
  path: Schema.String,
  reason: Schema.String
}) {}

const encoders: Record<Format, { extension: string; encode: (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>) => string | Uint8Array }> = {
  csv: { extension: "csv", encode: encodeCsv },
  json: { extension: "json", encode: encodeJson },
  arrow: { extension: "arrow", encode: encodeArrow },
  parquet: { extension: "parquet", encode: encodeParquet }
}

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

export const writeFileAtomic = Effect.fn("writeFileAtomic")(function*(file: string, data: string | Uint8Array) {
  const fs = yield* FileSystem.FileSystem
  const temp = `${file}.${process.pid}.tmp`
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data
  yield* fs.writeFile(temp, bytes).pipe(
    Effect.andThen(fs.rename(temp, file)),
    Effect.mapError((error) => new ExportError({ path: file, reason: error.message }))
  )
})

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

/**
 * Every file of the dataset in `formats`, one per table, the manifest last (a complete manifest means a
 * complete dataset). Pure: writing them is the publisher's job (src/state/publish.ts).
 */
export const encodeDataset = (dataset: Dataset, manifest: Manifest, formats: ReadonlyArray<Format>): Effect.Effect<Array<OutputFile>, ExportError> =>
  Effect.suspend(() => {
    for (const spec of AllTables) {
      const problem = checkRows(spec, dataset[spec.name as keyof Dataset])
      if (problem !== null) return Effect.fail(new ExportError({ path: spec.name, reason: problem }))
    }
    const files = formats.flatMap((format) =>
      AllTables.map((spec): OutputFile => {
        const rows = dataset[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
        return { path: tablePath(format, spec.name), data: encoders[format].encode(spec, rows) }
      })
    )
    return Effect.succeed([...files, { path: "manifest.json", data: `${JSON.stringify(manifest, null, 2)}\n` }])
  })

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
  for (const spec of AllTables) {
    const problem = checkRows(spec, dataset[spec.name as keyof Dataset])
    if (problem !== null) return yield* new ExportError({ path: spec.name, reason: problem })
  }
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
    const { extension, encode } = encoders[format]
    for (const spec of AllTables) {
      const rows = dataset[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
      yield* writeFileAtomic(path.join(folder, `${spec.name}.${extension}`), encode(spec, rows))
      written.push(`${format}/${spec.name}.${extension}`)
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
