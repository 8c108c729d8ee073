/**
 * Undated documents take their story's date. A report without a publication date cannot resolve "on
 * Monday"; once dedupe knows its story, it can. The date it takes is, in order of preference:
 * - `events`: the latest day-precise date of the events it shares with dated reports of the story (an
 *   article reporting Monday's talks as news is Monday's article);
 * - `story`: otherwise the earliest publication date among the story's dated documents.
 * Its relative time expressions (event mentions' `dateText`, and its `times`) are then resolved again
 * against that date by the events extractor's own resolver, with the anchor `story`.
 */
import type { DocumentFacts, EventMention, TimeMention } from "../model/extraction.ts"
import type { PublishedSource } from "../model/tables.ts"
import { resolveTimeExpression } from "../extract/events/dates.ts"
import type { EventGroup, EventMentionRef } from "./events.ts"

export interface DatedDocument {
  readonly published: string | null
  readonly publishedSource: PublishedSource | null
  readonly events: ReadonlyArray<EventMention>
  readonly times: ReadonlyArray<TimeMention>
  /** True when the dates of `events` and `times` were resolved against the story's date. */
  readonly redated: boolean
}

const isDay = (date: string | null): date is string => date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)

/** Resolves a document's expressions again in text order, so "a day earlier" counts from the last date. */
const inTextOrder = <A extends { readonly start: number }>(
  items: ReadonlyArray<A>,
  resolve: (item: A, previous: string | null) => A,
  dayOf: (item: A) => string | null
): Array<A> => {
  let previous: string | null = null
  const out = [...items]
  for (const i of [...items.keys()].sort((a, b) => items[a].start - items[b].start)) {
    out[i] = resolve(items[i], previous)
    const day = dayOf(out[i])
    if (isDay(day)) previous = day
  }
  return out
}

export const redateEvents = (events: ReadonlyArray<EventMention>, anchor: string): Array<EventMention> =>
  inTextOrder(events, (e, previous) => {
    if (e.dateText === null) return e
    const r = resolveTimeExpression(e.dateText, anchor, e.tense, { previous, anchorKind: "story" })
    if (r === null || r.value === null || !/^\d{4}(-\d{2}){0,2}$/.test(r.value)) return e
    return { ...e, date: r.value, datePrecision: r.precision }
  }, (e) => e.date)

export const redateTimes = (times: ReadonlyArray<TimeMention>, anchor: string): Array<TimeMention> =>
  inTextOrder(times, (t, previous) => {
    if (t.value !== null && t.anchor === "absolute") return t
    const r = resolveTimeExpression(t.text, anchor, t.tense, { previous, anchorKind: "story" })
    if (r === null || r.value === null) return t
    return { ...t, value: r.value, precision: r.precision, anchor: r.anchor }
  }, (t) => t.value)

export const dateUndatedDocuments = (
  extractions: ReadonlyArray<DocumentFacts>,
  storyOf: ReadonlyMap<string, string>,
  refs: ReadonlyArray<EventMentionRef>,
  groups: ReadonlyArray<EventGroup>
): Map<string, DatedDocument> => {
  const publishedOf = new Map(extractions.map((x) => [x.docId, x.meta.published]))
  const earliestInStory = new Map<string, string>()
  for (const x of extractions) {
    const p = x.meta.published
    if (p === null) continue
    const story = storyOf.get(x.docId)!
    const known = earliestInStory.get(story)
    if (known === undefined || p < known) earliestInStory.set(story, p)
  }
  // The latest date of the events that dated reports give, seen from each undated document that
  // shares them (only the latest is used: keeping every date for every member costs the square of a
  // group's size, and a story an archive republishes many times has large groups).
  const latestSharedDate = new Map<string, string>()
  for (const group of groups) {
    let latest: string | null = null
    for (const i of group.members) {
      const date = refs[i].date
      if (publishedOf.get(refs[i].docId) !== null && isDay(date) && (latest === null || date > latest)) latest = date
    }
    if (latest === null) continue
    for (const i of group.members) {
      const docId = refs[i].docId
      if (publishedOf.get(docId) !== null) continue
      const known = latestSharedDate.get(docId)
      if (known === undefined || latest > known) latestSharedDate.set(docId, latest)
    }
  }
  const out = new Map<string, DatedDocument>()
  for (const x of extractions) {
    const given: DatedDocument = { published: x.meta.published, publishedSource: x.meta.publishedSource, events: x.events, times: x.times, redated: false }
    if (x.meta.published !== null) {
      out.set(x.docId, given)
      continue
    }
    const anchor = latestSharedDate.get(x.docId) ?? earliestInStory.get(storyOf.get(x.docId)!)
    if (anchor === undefined) {
      out.set(x.docId, given)
      continue
    }
    out.set(x.docId, {
      published: anchor,
      publishedSource: "inferred",
      events: redateEvents(x.events, anchor),
      times: redateTimes(x.times, anchor),
      redated: true
    })
  }
  return out
}
