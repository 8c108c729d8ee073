/**
 * JSON and JSON Lines records: `{"id", "text", "title"?, "date"?, "url"?, "source"?, "author"?}`.
 * Extra keys are kept in `extra` (the document's meta). Decoded once here, at the edge.
 */
import { Result, Schema } from "effect"
import type { GivenMeta } from "../model/document.ts"

const OptionalText = Schema.optionalKey(Schema.NullOr(Schema.String))

export const InputRecord = Schema.Struct({
  id: Schema.optionalKey(Schema.Union([Schema.String, Schema.Number])),
  text: Schema.String,
  title: OptionalText,
  date: OptionalText,
  url: OptionalText,
  source: OptionalText,
  author: OptionalText
})
export type InputRecord = typeof InputRecord.Type

const KNOWN_KEYS = new Set(["id", "text", "title", "date", "url", "source", "author"])
const decodeRecord = Schema.decodeUnknownResult(InputRecord)

export type RecordResult =
  | { readonly ok: true; readonly id: string | null; readonly text: string; readonly given: GivenMeta }
  | { readonly ok: false; readonly reason: string }

/** Checks one parsed JSON value as an input record. */
export const readRecord = (value: unknown): RecordResult => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "record is not a JSON object" }
  }
  if (!("text" in value)) return { ok: false, reason: "record has no \"text\" field" }
  const decoded = decodeRecord(value)
  if (Result.isFailure(decoded)) {
    return { ok: false, reason: `record does not match {id, text, title?, date?, url?, source?, author?}: ${decoded.failure.message.split("\n")[0]}` }
  }
  const record = decoded.success
  if (record.text.trim() === "") return { ok: false, reason: "record has an empty \"text\"" }
  const extra = Object.fromEntries(Object.entries(value).filter(([key]) => !KNOWN_KEYS.has(key)))
  return {
    ok: true,
    id: record.id === undefined ? null : String(record.id),
    text: record.text,
    given: {
      title: record.title ?? null,
      date: record.date ?? null,
      url: record.url ?? null,
      source: record.source ?? null,
      author: record.author ?? null,
      extra
    }
  }
}

/** Parses JSON Lines text; each non-blank line becomes a record or a reason it is not one. */
export const readJsonLines = (content: string): Array<{ line: number } & RecordResult> => {
  const results: Array<{ line: number } & RecordResult> = []
  content.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch (error) {
      results.push({ line: index + 1, ok: false, reason: `not valid JSON (${(error as Error).message})` })
      return
    }
    results.push({ line: index + 1, ...readRecord(parsed) })
  })
  return results
}
