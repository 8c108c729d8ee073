/**
 * Whether the published tables are still those of a run with the same inputs and code, so a rerun with
 * nothing new can leave them as they are. After publishing, the run records its key (the inputs' keys,
 * their outcomes and the output fingerprint) and each file it wrote with its size and modification
 * time. A later run with the same key skips dedupe and export only if every one of those files is still
 * there, unchanged in size and time: a table someone edited, replaced or deleted is written again.
 */
import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { Option, Schema } from "effect"
import { monthlyLayoutFiles } from "../export/partitioned.ts"
import type { ParquetLayout } from "../export/partitioned.ts"
import { Manifest } from "../model/manifest.ts"
import { AllTables } from "../model/tables.ts"

const PublishedFile = Schema.Struct({ path: Schema.String, size: Schema.Number, mtimeMs: Schema.Number })
export const PublishedRecord = Schema.Struct({
  runKey: Schema.String,
  /** The key of the input files as they were when the run began (inputStamp.ts), when it had one. */
  inputsKey: Schema.optional(Schema.String),
  files: Schema.Array(PublishedFile)
})
export type PublishedRecord = typeof PublishedRecord.Type

/**
 * Every file a run publishes in `out` for `formats`: the tables and the manifest. The monthly Parquet
 * layout's files depend on the data: those there now are listed.
 */
export const publishedFiles = (out: string, formats: ReadonlyArray<string>, parquetLayout: ParquetLayout = "single"): Array<string> => [
  ...formats.flatMap((format) =>
    format === "parquet" && parquetLayout === "monthly"
      ? monthlyLayoutFiles(join(out, format)).map((file) => join(out, format, file))
      : AllTables.map((spec) => join(out, format, `${spec.name}.${format}`))
  ),
  join(out, "manifest.json")
]

const describe = (path: string): typeof PublishedFile.Type | undefined => {
  try {
    const stats = statSync(path)
    return { path, size: stats.size, mtimeMs: stats.mtimeMs }
  } catch {
    return undefined
  }
}

/** The record as saved, or undefined when it is not one (an older or damaged record vouches for nothing). */
export const decodePublishedRecord = (saved: string): PublishedRecord | undefined =>
  Option.getOrUndefined(Schema.decodeUnknownOption(Schema.fromJsonString(PublishedRecord))(saved))

/** The record of a finished publication of `files` under `runKey` (and `inputsKey`, when given). */
export const recordPublished = (runKey: string, files: ReadonlyArray<string>, inputsKey?: string): PublishedRecord => ({
  runKey,
  ...(inputsKey === undefined ? {} : { inputsKey }),
  files: files.flatMap((path) => describe(path) ?? [])
})

/**
 * Whether `record` (as saved) vouches for `files` under `key`, the run's key or its inputs' key (`by`):
 * same key, same files, untouched.
 */
export const stillPublished = (saved: string | undefined, key: string, files: ReadonlyArray<string>, by: "runKey" | "inputsKey" = "runKey"): boolean => {
  const record = saved === undefined ? undefined : decodePublishedRecord(saved)
  if (record === undefined || record[by] !== key || record.files.length !== files.length) return false
  return record.files.every((file, k) => {
    const now = describe(file.path)
    return file.path === files[k] && now !== undefined && now.size === file.size && now.mtimeMs === file.mtimeMs
  })
}

/**
 * The manifest of the outputs in `out`, for a rerun that found them up to date: the published record
 * vouches for the file (this code wrote it, and its size and time are unchanged), so it is parsed, not
 * checked against the schema again (on an archive's manifest, 25,000 inputs, that check took 0.4 s).
 */
export const readPublishedManifest = (out: string): Manifest => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest
