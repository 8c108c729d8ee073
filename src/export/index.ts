/**
 * Export stage: writes every table in each requested format, then the manifest. Each file is written to
 * a temporary name and renamed into place, and the manifest goes last, so an interrupted run never
 * leaves a half-written file behind and a complete manifest means a complete dataset.
 */
import { Effect, FileSystem, Path, Schema } from "effect"
import type { TableSpec } from "../model/columns.ts"
import { AllTables } from "../model/tables.ts"
import type { Dataset } from "../model/tables.ts"
import type { Manifest } from "../model/manifest.ts"
import { encodeArrow } from "./arrow.ts"
import { encodeCsv } from "./csv.ts"
import { encodeJson } from "./json.ts"

export const Formats = ["csv", "json", "arrow"] as const
export type Format = (typeof Formats)[number]

export class ExportError extends Schema.TaggedError<ExportError>()("ExportError", {
  path: Schema.String,
  reason: Schema.String
}) {}

const encoders: Record<Format, { extension: string; encode: (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>) => string | Uint8Array }> = {
  csv: { extension: "csv", encode: encodeCsv },
  json: { extension: "json", encode: encodeJson },
  arrow: { extension: "arrow", encode: encodeArrow }
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
}

/** One output file: its path relative to the output folder (`/`-separated) and its bytes. */
export interface OutputFile {
  readonly path: string
  readonly data: string | Uint8Array
}

/** The relative path of `table` in `format`. */
export const tablePath = (format: Format, table: string): string => `${format}/${table}.${encoders[format].extension}`

/**
 * Every file of the dataset in `formats`, the manifest last (a complete manifest means a complete
 * dataset). Pure: writing them is the publisher's job (src/state/publish.ts).
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

/** Writes the dataset's files straight into `options.out` (each atomically); runs publish through src/state/publish.ts. */
export const exportDataset = Effect.fn("exportDataset")(function*(dataset: Dataset, manifest: Manifest, options: ExportOptions) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  for (const file of yield* encodeDataset(dataset, manifest, options.formats)) {
    const target = path.join(options.out, file.path)
    yield* fs.makeDirectory(path.dirname(target), { recursive: true }).pipe(
      Effect.mapError((error) => new ExportError({ path: path.dirname(target), reason: `cannot create folder: ${error.message}` }))
    )
    yield* writeFileAtomic(target, file.data)
  }
})
