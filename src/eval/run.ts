/**
 * Running the real pipeline on gold records: the records are written as JSON Lines
 * (`{id, text, title, date}`, `date` being the publication date) into a temporary folder, the pipeline
 * runs on that file with the same stages and options as `npm run pipeline`, exporting JSON, and the
 * exported tables are read back for scoring.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { runPipeline } from "../../pipeline/pipeline.ts"
import type { Dataset } from "../model/tables.ts"
import type { GoldRecord } from "./gold.ts"
import { readExportedDataset, rowsByInputId } from "./exported.ts"
import type { DocumentRows } from "./exported.ts"

export interface SkippedInput {
  readonly inputId: string
  readonly reason: string
}

export interface PipelineOutput {
  readonly dataset: Dataset
  /** Exported rows by input id (the record id, or the file name for a folder input). */
  readonly rows: ReadonlyMap<string, DocumentRows>
  /** Inputs the pipeline did not process (not English, empty, …), from `manifest.json`. */
  readonly skipped: ReadonlyArray<SkippedInput>
  readonly seconds: number
}

/** Runs the pipeline on a file or folder into a temporary output folder and reads the export back. */
export const runPipelineOnInput = Effect.fn("eval.runPipelineOnInput")(function*(input: string, options: { readonly keepOutput?: boolean } = {}) {
  const out = mkdtempSync(join(tmpdir(), "newsfacts-eval-out-"))
  const startedAt = Date.now()
  yield* runPipeline({ input, out, formats: ["json"] })
  const seconds = (Date.now() - startedAt) / 1000
  const dataset = readExportedDataset(out)
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
    inputs: ReadonlyArray<{ input_id: string | null; file: string; status: string; reason: string | null }>
  }
  const skipped = manifest.inputs
    .filter((i) => i.status !== "processed")
    .map((i) => ({ inputId: i.input_id ?? i.file, reason: `${i.status}: ${i.reason ?? ""}`.trim() }))
  if (options.keepOutput !== true) rmSync(out, { recursive: true, force: true })
  return { dataset, rows: rowsByInputId(dataset), skipped, seconds } satisfies PipelineOutput
})

/** The input record the pipeline reads for a gold record: its text, title and publication date only. */
export const inputRecordOf = (record: GoldRecord) => ({
  id: record.id,
  text: record.text,
  title: record.title ?? null,
  date: record.date ?? null
})

/** Runs the pipeline on gold records (as one JSON Lines file, so cross-document stages see them all). */
export const runPipelineOnRecords = Effect.fn("eval.runPipelineOnRecords")(function*(records: ReadonlyArray<GoldRecord>) {
  const folder = mkdtempSync(join(tmpdir(), "newsfacts-eval-in-"))
  const input = join(folder, "records.jsonl")
  writeFileSync(input, records.map((record) => JSON.stringify(inputRecordOf(record))).join("\n") + "\n")
  return yield* runPipelineOnInput(input).pipe(Effect.ensuring(Effect.sync(() => rmSync(folder, { recursive: true, force: true }))))
})
