/**
 * Problems found along the way travel with the data as diagnostics (like vfile messages): they name the
 * input, the stage and the rule, and never stop the run. They end up in the manifest.
 */
import { Schema } from "effect"

export const Severities = ["error", "warning", "info"] as const

export const Diagnostic = Schema.Struct({
  input_id: Schema.String,
  stage: Schema.Literals(["load", "clean", "segment", "extract", "dedupe", "export"]),
  rule: Schema.String,
  severity: Schema.Literals(Severities),
  message: Schema.String,
  line: Schema.optionalKey(Schema.Int),
  start: Schema.optionalKey(Schema.Int),
  end: Schema.optionalKey(Schema.Int)
})
export type Diagnostic = typeof Diagnostic.Type

export const diagnostic = (d: Diagnostic): Diagnostic => d
