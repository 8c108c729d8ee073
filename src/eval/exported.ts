/**
 * What a pipeline run exported, read back from `OUT/json/<table>.json` and checked against the table
 * declarations: the scorers see exactly the rows a user of the dataset gets.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Schema } from "effect"
import { AllTables } from "../model/tables.ts"
import type { ActorMentionRow, Dataset, DocumentRow, EventMentionRow, QuoteRow, TimeRow } from "../model/tables.ts"

export const readExportedDataset = (out: string): Dataset => {
  const tables = AllTables.map((spec) => {
    const file = join(out, "json", `${spec.name}.json`)
    const rows = Schema.decodeUnknownSync(Schema.Array(spec.row as Schema.Codec<unknown>))(JSON.parse(readFileSync(file, "utf8")))
    return [spec.name, rows] as const
  })
  return Object.fromEntries(tables) as unknown as Dataset
}

/** The exported rows of one document, by table. */
export interface DocumentRows {
  readonly document: DocumentRow
  readonly actorMentions: ReadonlyArray<ActorMentionRow>
  readonly quotes: ReadonlyArray<QuoteRow>
  readonly eventMentions: ReadonlyArray<EventMentionRow>
  readonly times: ReadonlyArray<TimeRow>
}

/**
 * Exported rows grouped by the input record they came from (`documents.input_id` is the record's
 * `id`). A record the pipeline skipped (not English, a duplicate, …) has no entry: its gold items
 * count as missed.
 */
export const rowsByInputId = (dataset: Dataset): ReadonlyMap<string, DocumentRows> => {
  const byDoc = <R extends { readonly doc_id: string }>(rows: ReadonlyArray<R>) => {
    const grouped = new Map<string, Array<R>>()
    for (const row of rows) {
      const group = grouped.get(row.doc_id)
      if (group === undefined) grouped.set(row.doc_id, [row])
      else group.push(row)
    }
    return grouped
  }
  const mentions = byDoc(dataset.actor_mentions)
  const quotes = byDoc(dataset.quotes)
  const eventMentions = byDoc(dataset.event_mentions)
  const times = byDoc(dataset.times)
  return new Map(
    dataset.documents.map((document) => [document.input_id, {
      document,
      actorMentions: mentions.get(document.doc_id) ?? [],
      quotes: quotes.get(document.doc_id) ?? [],
      eventMentions: eventMentions.get(document.doc_id) ?? [],
      times: times.get(document.doc_id) ?? []
    }])
  )
}
