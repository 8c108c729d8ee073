/** The run manifest: every input with its outcome, counts per table, versions and options. */
import { Schema } from "effect"
import { Diagnostic } from "./diagnostic.ts"

export const InputStatuses = ["processed", "skipped", "duplicate"] as const

export const InputOutcome = Schema.Struct({
  input_id: Schema.String,
  file: Schema.String,
  line: Schema.NullOr(Schema.Int),
  doc_id: Schema.NullOr(Schema.String),
  status: Schema.Literals(InputStatuses),
  stage: Schema.NullOr(Schema.String),
  reason: Schema.NullOr(Schema.String)
})
export type InputOutcome = typeof InputOutcome.Type

export const Manifest = Schema.Struct({
  tool: Schema.Struct({ name: Schema.String, version: Schema.String }),
  versions: Schema.Record(Schema.String, Schema.String),
  options: Schema.Record(Schema.String, Schema.Unknown),
  counts: Schema.Record(Schema.String, Schema.Int),
  inputs: Schema.Array(InputOutcome),
  diagnostics: Schema.Array(Diagnostic)
})
export type Manifest = typeof Manifest.Type
