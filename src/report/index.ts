/**
 * Report stage: `OUT/report/index.html`, one page that shows what a run found and why — the overview
 * of the manifest, charts over the tables, and every actor, quote and event with its spans highlighted
 * in the document's text and the rule that produced each.
 *
 * A run writes it after the tables (`writeReport`, with the texts the run read); `npm run report`
 * rebuilds it from the published JSON tables and manifest (`rebuildReport`, reading the texts again from
 * the inputs). Both build the same page from the same rows.
 */
import { statSync } from "node:fs"
import { Effect, FileSystem, Path, Schema } from "effect"
import { checkRows, ExportError, writeChunksAtomic } from "../export/index.ts"
import { Manifest } from "../model/manifest.ts"
import { AllTables } from "../model/tables.ts"
import type { Dataset } from "../model/tables.ts"
import { buildReportData } from "./data.ts"
import type { ReportInput } from "./data.ts"
import { pageLines } from "./page.ts"
import { textsFromInputs, textsFromRun } from "./texts.ts"

export class ReportError extends Schema.TaggedError<ReportError>()("ReportError", {
  path: Schema.String,
  reason: Schema.String
}) {}

export interface WrittenReport {
  readonly file: string
  readonly bytes: number
  readonly documents: number
  /** Documents whose text is in the page. */
  readonly texts: number
}

export const writeReport = Effect.fn("writeReport")(function*(out: string, input: ReportInput) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const file = path.join(out, "report", "index.html")
  const data = yield* Effect.try({
    try: () => buildReportData(input),
    catch: (error) => new ExportError({ path: file, reason: `cannot build the report: ${error instanceof Error ? error.message : String(error)}` })
  })
  yield* fs.makeDirectory(path.dirname(file), { recursive: true }).pipe(
    Effect.mapError((error) => new ExportError({ path: path.dirname(file), reason: `cannot create folder: ${error.message}` }))
  )
  // Written a line at a time (a document's data is one line), never held whole.
  yield* writeChunksAtomic(file, pageLines(data))
  const bytes = statSync(file).size
  return { file, bytes, documents: data.chunks.length, texts: data.summary.textsIncluded } satisfies WrittenReport
})

/** The report of a run that just published `dataset`, with the texts it read (`doc_id` → text). */
export const writeRunReport = (out: string, dataset: Dataset, manifest: Manifest, texts: ReadonlyMap<string, string>) =>
  writeReport(out, { dataset, manifest, textOf: textsFromRun(dataset, texts) })

const readJson = Effect.fn("readJson")(function*(file: string, hint: string) {
  const fs = yield* FileSystem.FileSystem
  const text = yield* fs.readFileString(file).pipe(Effect.mapError(() => new ReportError({ path: file, reason: `not found or unreadable; ${hint}` })))
  return yield* Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: (error) => new ReportError({ path: file, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` })
  })
})

/** The published tables and manifest of `out`, checked against their schemas. */
export const readPublished = Effect.fn("readPublished")(function*(out: string) {
  const path = yield* Path.Path
  const manifestFile = path.join(out, "manifest.json")
  const manifest = yield* Schema.decodeUnknownEffect(Manifest)(yield* readJson(manifestFile, "is this the output folder of a run?")).pipe(
    Effect.mapError((error) => new ReportError({ path: manifestFile, reason: `not a newsfacts manifest: ${error.message}` }))
  )
  const tables: Record<string, ReadonlyArray<unknown>> = {}
  for (const spec of AllTables) {
    const file = path.join(out, "json", `${spec.name}.json`)
    const rows = yield* readJson(file, "the report reads the JSON tables: run the pipeline with json among --formats")
    if (!Array.isArray(rows)) return yield* new ReportError({ path: file, reason: "not an array of rows" })
    const problem = checkRows(spec, rows)
    if (problem !== null) return yield* new ReportError({ path: file, reason: problem })
    tables[spec.name] = rows
  }
  return { dataset: tables as unknown as Dataset, manifest }
})

/**
 * `npm run report`: the page again from `out`'s JSON tables and manifest. The texts are read from
 * `input` (default: the input the manifest names); documents whose text cannot be read are listed
 * with their rows and a note.
 */
export const rebuildReport = Effect.fn("rebuildReport")(function*(out: string, input?: string) {
  const { dataset, manifest } = yield* readPublished(out)
  const named = typeof manifest.options.input === "string" ? manifest.options.input : null
  const textOf = yield* textsFromInputs(dataset, input ?? named)
  return yield* writeReport(out, { dataset, manifest, textOf })
})
