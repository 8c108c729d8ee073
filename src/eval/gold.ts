/**
 * Gold records of ../shared/eval/ (format in its README), decoded once at the edge. Only the fields the
 * scorers read are declared; corpus extras that are not listed are ignored.
 */
import { readFileSync } from "node:fs"
import { basename } from "node:path"
import { Schema } from "effect"

const OptionalString = Schema.optionalKey(Schema.NullOr(Schema.String))

export const GoldSpan = Schema.Struct({ start: Schema.Int, end: Schema.Int, text: Schema.String })
export type GoldSpan = typeof GoldSpan.Type

export const GoldEntity = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  type: Schema.String,
  cluster: OptionalString,
  /** MEANTIME: NAM for names, PRE.NAM for names used as modifiers, NOM/PRO/… otherwise. */
  syntactic_type: OptionalString,
  sentence: Schema.optionalKey(Schema.Int),
  in_annotated_sentence: Schema.optionalKey(Schema.Boolean)
})
export type GoldEntity = typeof GoldEntity.Type

export const GoldEvent = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  type: OptionalString,
  cluster: OptionalString,
  sentence: Schema.optionalKey(Schema.Int),
  in_annotated_sentence: Schema.optionalKey(Schema.Boolean)
})
export type GoldEvent = typeof GoldEvent.Type

export const GoldTime = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  type: Schema.String,
  value: OptionalString,
  sentence: Schema.optionalKey(Schema.Int)
})
export type GoldTime = typeof GoldTime.Type

export const GoldQuote = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  speaker: Schema.NullOr(GoldSpan),
  cue: Schema.NullOr(GoldSpan),
  kind: Schema.String
})
export type GoldQuote = typeof GoldQuote.Type

export const GoldRecord = Schema.Struct({
  id: Schema.String,
  corpus: Schema.String,
  split: Schema.String,
  title: OptionalString,
  date: OptionalString,
  text: Schema.String,
  entities: Schema.optionalKey(Schema.Array(GoldEntity)),
  events: Schema.optionalKey(Schema.Array(GoldEvent)),
  times: Schema.optionalKey(Schema.Array(GoldTime)),
  quotes: Schema.optionalKey(Schema.Array(GoldQuote)),
  topic: OptionalString,
  subtopic: OptionalString,
  /** ECB+: the sentences that were fully annotated, as [start, end) code-point ranges. */
  annotated_spans: Schema.optionalKey(Schema.Array(Schema.Tuple([Schema.Int, Schema.Int])))
})
export type GoldRecord = typeof GoldRecord.Type

/**
 * The parts of a record's text that were annotated, as code point spans, or null when all of it was.
 * ECB+ lists them (`annotated_spans`). MEANTIME annotates the title and first sentences fully and later
 * sentences only here and there, without saying which: there, where every mention's `sentence` index
 * is its line in the text, the lines holding at least one annotation (entity, event or time) are taken
 * as the annotated ones.
 */
export const annotatedRegions = (record: GoldRecord): ReadonlyArray<{ start: number; end: number }> | null => {
  if (record.annotated_spans !== undefined) return record.annotated_spans.map(([start, end]) => ({ start, end }))
  const mentions = [...(record.entities ?? []), ...(record.events ?? []), ...(record.times ?? [])]
  if (mentions.length === 0 || mentions.some((m) => m.sentence === undefined)) return null
  const lines: Array<{ start: number; end: number }> = []
  let start = 0
  const points = Array.from(record.text)
  points.forEach((c, i) => {
    if (c === "\n") {
      lines.push({ start, end: i })
      start = i + 1
    }
  })
  lines.push({ start, end: points.length })
  const lineOf = (offset: number) => lines.findIndex((line) => offset >= line.start && offset <= line.end)
  if (mentions.some((m) => lineOf(m.start) !== m.sentence)) return null
  const annotated = new Set(mentions.map((m) => m.sentence!))
  return lines.filter((_, index) => annotated.has(index))
}

const decodeGoldRecord = Schema.decodeUnknownSync(GoldRecord)

export interface GoldCorpus {
  /** File the records came from, e.g. `conll2003.dev.jsonl`. */
  readonly file: string
  readonly corpus: string
  readonly split: string
  readonly records: ReadonlyArray<GoldRecord>
}

/** Reads an eval JSON Lines file; a malformed line fails with its file and line number. */
export const readGoldCorpus = (path: string): GoldCorpus => {
  const records = readFileSync(path, "utf8").split("\n").flatMap((line, index) => {
    if (line.trim() === "") return []
    try {
      return [decodeGoldRecord(JSON.parse(line))]
    } catch (error) {
      throw new Error(`${path}:${index + 1}: not a gold record: ${(error as Error).message.split("\n")[0]}`)
    }
  })
  const distinct = (values: ReadonlyArray<string>) => [...new Set(values)].join("+") || "unknown"
  return {
    file: basename(path),
    corpus: distinct(records.map((r) => r.corpus)),
    split: distinct(records.map((r) => r.split)),
    records
  }
}

/**
 * A deterministic sample of `limit` records. Records that share a `topic` are kept together (a topic
 * is where cross-document stories and coreference live, so cutting one apart would score the sampling,
 * not the pipeline): whole topics are taken in a fixed hash order until `limit` records are reached.
 */
export const sampleRecords = (records: ReadonlyArray<GoldRecord>, limit: number | null): ReadonlyArray<GoldRecord> => {
  if (limit === null || records.length <= limit) return records
  const groups = new Map<string, Array<GoldRecord>>()
  for (const record of records) {
    const group = record.topic ?? record.id
    const members = groups.get(group)
    if (members === undefined) groups.set(group, [record])
    else members.push(record)
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => stableHash(a) - stableHash(b) || (a < b ? -1 : 1))
  const chosen = new Set<string>()
  let count = 0
  for (const [, members] of ordered) {
    if (count >= limit) break
    for (const member of members) chosen.add(member.id)
    count += members.length
  }
  // Keep the file's order so runs are comparable.
  return records.filter((record) => chosen.has(record.id))
}

/** FNV-1a, 32 bit: a fixed, platform-independent order for sampling. */
const stableHash = (text: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
