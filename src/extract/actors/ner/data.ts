/**
 * Training data for the name tagger: annotated records (the eval JSON Lines format) run through the
 * pipeline's own clean and segment stages, so the tagger learns on the tokens it will see, with each
 * token labelled B-/I-/O by the gold entity its word lies in.
 */
import { readFileSync } from "node:fs"
import { cleanDocument } from "../../../clean/index.ts"
import type { AnalyzedDocument, LoadedDocument } from "../../../model/document.ts"
import type { NlpEngine } from "../../../nlp/Nlp.ts"
import { analyze } from "../../../segment/index.ts"
import { nameCore } from "../tokens.ts"
import { Labels } from "./perceptron.ts"
import type { EntityType } from "./perceptron.ts"

export interface GoldName {
  readonly start: number
  readonly end: number
  readonly type: EntityType
}

export interface AnnotatedRecord {
  readonly id: string
  readonly text: string
  readonly title: string | null
  readonly date: string | null
  readonly entities: ReadonlyArray<GoldName>
}

export const readAnnotatedRecords = (path: string): Array<AnnotatedRecord> =>
  readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== "").map((line, n) => {
    const record = JSON.parse(line) as { id?: string; text?: string; title?: string | null; date?: string | null; entities?: ReadonlyArray<{ start: number; end: number; type: string }> }
    if (typeof record.text !== "string") throw new Error(`${path}:${n + 1}: a record without text`)
    const entities = (record.entities ?? []).flatMap((e): Array<GoldName> =>
      e.type === "PER" || e.type === "ORG" || e.type === "LOC" || e.type === "MISC" ? [{ start: e.start, end: e.end, type: e.type }] : [])
    return { id: record.id ?? `${path}:${n + 1}`, text: record.text, title: record.title ?? null, date: record.date ?? null, entities }
  })

/** The record as the pipeline loads a JSON Lines record of it (id, text, title, date). */
const loadedOf = (record: AnnotatedRecord): LoadedDocument => ({
  docId: record.id,
  inputId: record.id,
  file: "training.jsonl",
  line: null,
  format: "json",
  text: record.text,
  given: { title: record.title, date: record.date, url: null, source: null, author: null, extra: {} }
})

export interface LabelledDocument {
  readonly record: AnnotatedRecord
  readonly doc: Pick<AnalyzedDocument, "sentences" | "tokens">
  /** The cleaned text the tokens' offsets point into. */
  readonly text: string
  /** Per token, the index of its gold label in `Labels`. */
  readonly labels: ReadonlyArray<number>
  /** Per token, its word's span in the record's text (possessive left out). */
  readonly originalSpans: ReadonlyArray<{ readonly start: number; readonly end: number }>
}

/** Cleans and tags a record and labels its tokens from the gold names. */
export const labelDocument = (engine: NlpEngine, record: AnnotatedRecord): LabelledDocument | undefined => {
  const cleaned = cleanDocument(loadedOf(record))
  if (cleaned._tag === "Skipped") return undefined
  const doc = analyze(engine, cleaned.doc)
  const originalSpans = doc.tokens.map((token) => cleaned.doc.map.toOriginal(token.start, nameCore(token).end))
  const entities = [...record.entities].sort((a, b) => a.start - b.start)
  const labels = originalSpans.map(() => 0)
  let previousEntity: GoldName | undefined
  for (let t = 0; t < originalSpans.length; t++) {
    const span = originalSpans[t]
    const entity = entities.find((e) => span.start < e.end && e.start < span.end)
    if (entity === undefined) {
      previousEntity = undefined
      continue
    }
    const inside = previousEntity === entity && doc.tokens[t - 1]?.sentence === doc.tokens[t].sentence
    labels[t] = Labels.indexOf(`${inside ? "I" : "B"}-${entity.type}`)
    previousEntity = entity
  }
  return { record, doc: { sentences: doc.sentences, tokens: doc.tokens }, text: cleaned.doc.text, labels, originalSpans }
}
