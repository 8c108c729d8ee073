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

export const exportDataset = Effect.fn("exportDataset")(function*(dataset: Dataset, manifest: Manifest, options: ExportOptions) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  for (const spec of AllTables) {
    const problem = checkRows(spec, dataset[spec.name as keyof Dataset])
    if (problem !== null) return yield* new ExportError({ path: spec.name, reason: problem })
  }
  for (const format of options.formats) {
    const folder = path.join(options.out, format)
    yield* fs.makeDirectory(folder, { recursive: true }).pipe(
      Effect.mapError((error) => new ExportError({ path: folder, reason: `cannot create folder: ${error.message}` }))
    )
    const { extension, encode } = encoders[format]
    for (const spec of AllTables) {
      const rows = dataset[spec.name as keyof Dataset] as ReadonlyArray<Record<string, unknown>>
      yield* writeFileAtomic(path.join(folder, `${spec.name}.${extension}`), encode(spec, rows))
    }
  }
  yield* writeFileAtomic(path.join(options.out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`)
})
