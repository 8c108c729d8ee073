/**
 * JSON and JSON Lines records: `{"id", "text", "title"?, "date"?, "url"?, "source"?, "author"?}`.
 * Extra keys are kept in `extra` (the document's meta). Decoded once here, at the edge.
 */
import { Result, Schema } from "effect"
import { MAX_JSON_DEPTH, megabytes } from "../model/budget.ts"
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

/** How deep a parsed JSON value nests (iteratively: a hostile value must not overflow the stack here). */
export const jsonDepth = (value: unknown): number => {
  let deepest = 0
  const pending: Array<[unknown, number]> = [[value, 1]]
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!
    if (typeof node !== "object" || node === null) continue
    deepest = Math.max(deepest, depth)
    for (const child of Object.values(node)) pending.push([child, depth + 1])
  }
  return deepest
}

const FIELD_TYPES: ReadonlyArray<[string, string]> = [
  ["id", "a string or a number"],
  ["text", "a string"],
  ...["title", "date", "url", "source", "author"].map((key): [string, string] => [key, "a string or null"])
]

/** Which known field has the wrong type, by name ("\"text\" is a number, not a string"). */
const wrongField = (value: object): string | null => {
  for (const [key, wanted] of FIELD_TYPES) {
    if (!(key in value)) continue
    const field = (value as Record<string, unknown>)[key]
    const ok = typeof field === "string" || (key === "id" && typeof field === "number") || (wanted.endsWith("null") && field === null)
    if (!ok) return `"${key}" is ${field === null ? "null" : Array.isArray(field) ? "an array" : `a ${typeof field}`}, not ${wanted}`
  }
  return null
}

/** Checks one parsed JSON value as an input record of at most `maxBytes` of text. */
export const readRecord = (value: unknown, maxBytes = Infinity): RecordResult => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "record is not a JSON object" }
  }
  if (!("text" in value)) return { ok: false, reason: "record has no \"text\" field" }
  const depth = jsonDepth(value)
  if (depth > MAX_JSON_DEPTH) return { ok: false, reason: `record nests ${depth} levels deep, over the limit of ${MAX_JSON_DEPTH} for article metadata` }
  const decoded = decodeRecord(value)
  if (Result.isFailure(decoded)) {
    const field = wrongField(value)
    const detail = field ?? decoded.failure.message.split("\n")[0]
    return { ok: false, reason: `record does not match {id, text, title?, date?, url?, source?, author?}: ${detail}` }
  }
  const record = decoded.success
  if (record.text.trim() === "") return { ok: false, reason: "record has an empty \"text\"" }
  const bytes = Buffer.byteLength(record.text)
  if (bytes > maxBytes) return { ok: false, reason: `record's text is ${megabytes(bytes)}, over the ${maxBytes / 1024 / 1024} MB limit for one article` }
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

/**
 * Parses JSON Lines text; each non-blank line becomes a record or a reason it is not one. A line over
 * `maxBytes` is not parsed at all (its metadata alone could be any size).
 */
export const readJsonLines = (content: string, maxBytes = Infinity): Array<{ line: number } & RecordResult> => {
  const results: Array<{ line: number } & RecordResult> = []
  content.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return
    const bytes = raw.length > maxBytes / 3 ? Buffer.byteLength(raw) : raw.length
    if (bytes > maxBytes) {
      results.push({ line: index + 1, ok: false, reason: `record is ${megabytes(bytes)}, over the ${maxBytes / 1024 / 1024} MB limit for one article` })
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch (error) {
      results.push({ line: index + 1, ok: false, reason: `not valid JSON (${(error as Error).message})` })
      return
    }
    results.push({ line: index + 1, ...readRecord(parsed, maxBytes) })
  })
  return results
}
