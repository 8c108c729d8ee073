/**
 * Dedupe stage: sees every document's extraction at once and gives records their global ids.
 *
 * 1. Stories (`stories.ts`): documents that report the same story share a `story_id`.
 * 2. Actors (`actors.ts`): one `actor_id` per real actor, names and surnames linked within a story.
 * 3. Events (`events.ts`): one `event_id` per real event, within a story and an event type.
 * 4. Undated documents (`dating.ts`): take their story's date, and their time expressions are resolved
 *    again against it; events are then grouped once more with those dates.
 * 5. Speakers (`knownTitles.ts`): a quote said by "the prime minister" in an article that never gives
 *    anyone that title goes to the one person it names whose merged title it is.
 * 6. Statements (`statements.ts`): quotes of one speaker saying the same thing share a `statement_id`.
 *
 * Nothing is dropped: every mention keeps its row and points at its merged record, which counts its
 * mentions and documents and lists the rules that merged it (`merged_by`). See docs/dedupe.md.
 */
import type { DocumentExtraction, DocumentFacts, EventMention } from "../model/extraction.ts"
import type { ActorMentionRow, ActorRow, Dataset, DocumentRow, EventMentionRow, EventRow, QuoteRow, TimeRow } from "../model/tables.ts"
import { stableId } from "../ids.ts"
import { DefaultStoryOptions, groupStories } from "./stories.ts"
import type { StoryDocument, StoryWeights } from "./stories.ts"
import { salientActors } from "./storyFeatures.ts"
import type { StoryAssignment } from "./stories.ts"
import { mergeActors, weightedMode } from "./actors.ts"
import type { MergedActor } from "./actors.ts"
import { expectedSince, groupEvents } from "./events.ts"
import type { EventMentionRef } from "./events.ts"
import { dateUndatedDocuments } from "./dating.ts"
import type { DatedDocument } from "./dating.ts"
import { groupStatements } from "./statements.ts"
import { mergedTitle, speakersByKnownTitle } from "./knownTitles.ts"

/**
 * Who acts when an actor acts, in one document: the actor, and the country or organisation its role
 * belongs to ("White House press secretary Karoline Leavitt" acts for the United States).
 */
const actingFor = (x: DocumentFacts): ((key: string) => ReadonlyArray<string>) => {
  const keyByName = new Map(x.actors.map((a) => [a.name, a.key]))
  const affiliationOf = new Map(x.actors.flatMap((a) => {
    const key = a.affiliation === null ? undefined : keyByName.get(a.affiliation)
    return key === undefined ? [] : [[a.key, key] as const]
  }))
  return (key) => {
    const affiliation = affiliationOf.get(key)
    return affiliation === undefined ? [key] : [key, affiliation]
  }
}

/** The `n` words before and after an event's trigger in its clause, lower-case. */
const triggerNeighbours = (e: EventMention, n: number): Array<string> => {
  const chars = Array.from(e.text)
  const at = e.triggerStart - e.start
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? []
  if (at < 0 || at > chars.length) return []
  return [...words(chars.slice(0, at).join("")).slice(-n), ...words(chars.slice(at + (e.triggerEnd - e.triggerStart)).join("")).slice(0, n)]
}

/**
 * Whether the events extractor gave a mention its date by borrowing it rather than from a time
 * expression about the mention itself (its rule says how: `date:antecedent-event`, another mention of
 * the event dated earlier in the report; `date:narrative`, a past event right after a dated one;
 * `date:clause`, the one time of the clause; `date:cause-event`, a death or damage dated by its cause). Such a date is often another event's (the report's
 * main event, an earlier one it recalls), so events are grouped without it: it neither keeps two
 * mentions apart nor joins them. The mention's row keeps it. (On ECB+ topics 1–20 event coreference
 * 0.781 → 0.801; counting it when two mentions agree but never as a conflict gave 0.795.)
 */
const BORROWED_DATE = /date:(antecedent-event|narrative|clause|cause-event)\b/
const borrowedDate = (rule: string): boolean => BORROWED_DATE.test(rule)

/**
 * The actors a lone report must share with a story to join it: people. (On ECB+ topics 1–20 people and
 * organisations gave the same stories B-cubed, 0.948; on 200 BBC business reports, mostly single
 * reports, organisations such as "EU" or "Boeing" still glued 9 reports of one theme to stories that
 * were not theirs, people 1.)
 */
const ParticipantKinds: ReadonlySet<string> = new Set(["person"])

const uniqueSorted = (values: Iterable<string>): Array<string> => [...new Set(values)].sort()

/** Sort key that puts reports in publication order (undated last), then by document and offset. */
const reportOrder = (published: string | null, docId: string, offset: number) =>
  `${published ?? "9999-99-99"}\u241f${docId}\u241f${String(offset).padStart(10, "0")}`

export interface DedupeResult {
  readonly dataset: Dataset
  /** Per document: its story, near-copy and the links that put it there (not yet a table column). */
  readonly stories: ReadonlyMap<string, StoryAssignment>
}

/** What story grouping sees of a document: its features, date and salient actors. */
export const storyDocument = (x: DocumentExtraction): StoryDocument => ({
  docId: x.docId,
  published: x.meta.published,
  features: new Map(x.storyFeatures),
  salientActors: salientActors(x),
  participants: salientActors(x, ParticipantKinds)
})

/**
 * What story grouping sees of each document. Exact duplicates (same cleaned text) were not extracted
 * again: they join their original, so only originals are grouped (and counted in the story weights).
 */
export const storyDocuments = (extractions: ReadonlyArray<DocumentExtraction>): Array<StoryDocument> =>
  extractions.filter((x) => x.duplicateOf === null).map(storyDocument)

/**
 * 1. Stories. `storyWeights`: the archive's fixed story weights (src/state/storyWeights.ts), given the
 * documents grouped; absent, the weights of these documents.
 */
export const groupIntoStories = (
  docs: ReadonlyArray<StoryDocument>,
  storyWeights?: (docs: ReadonlyArray<StoryDocument>) => StoryWeights
): Map<string, StoryAssignment> => groupStories(docs, DefaultStoryOptions, storyWeights?.(docs))

export const dedupe = (
  extractions: ReadonlyArray<DocumentExtraction>,
  storyWeights?: (docs: ReadonlyArray<StoryDocument>) => StoryWeights
): Dataset => dedupeWithEvidence(extractions, storyWeights).dataset

export const dedupeWithEvidence = (
  extractions: ReadonlyArray<DocumentExtraction>,
  storyWeights?: (docs: ReadonlyArray<StoryDocument>) => StoryWeights
): DedupeResult => dedupeGrouped(extractions, groupIntoStories(storyDocuments(extractions), storyWeights))

/**
 * Steps 2 to 6, once the documents are grouped into `stories` (`groupIntoStories`): a run groups them
 * first and passes the documents without their story features, which nothing after grouping reads.
 */
export const dedupeGrouped = (extractions: ReadonlyArray<DocumentFacts>, stories: ReadonlyMap<string, StoryAssignment>): DedupeResult => {
  const storyOf = new Map<string, string>()
  for (const x of extractions) {
    const own = stories.get(x.duplicateOf ?? x.docId)
    storyOf.set(x.docId, own?.storyId ?? stableId("story", x.docId))
  }

  // 2. Actors.
  const resolution = mergeActors(extractions, storyOf)
  const actorIds = (docId: string, keys: ReadonlyArray<string>) =>
    uniqueSorted(keys.flatMap((k) => resolution.actorIdOf(docId, k) ?? []))

  // 3–4. Events, dated documents, events again with the dates the story gave.
  const people = new Set(resolution.actors.filter((a) => a.kind === "person").map((a) => a.actorId))
  const actingIn = new Map(extractions.map((x) => [x.docId, actingFor(x)]))
  const eventRefs = (dated: ReadonlyMap<string, DatedDocument>): Array<EventMentionRef> =>
    extractions.flatMap((x) => {
      const acting = actingIn.get(x.docId)!
      const document = dated.get(x.docId)!
      return document.events.map((e, k) => {
        const participants = actorIds(x.docId, e.actorKeys)
        return {
          mentionId: stableId("em", x.docId, e.start, e.triggerStart),
          docId: x.docId,
          storyId: storyOf.get(x.docId)!,
          published: document.published,
          order: reportOrder(document.published, x.docId, e.start),
          eventType: e.eventType,
          // The lexicon's lemma, so that "fired" and "firing" are one trigger.
          trigger: e.triggerLemma,
          neighbours: triggerNeighbours(e, 3),
          // A borrowed date says nothing of which event this is (see `borrowedDate`).
          date: borrowedDate(e.rule) ? null : e.date,
          dateInferred: document.redated && e.date !== x.events[k].date,
          notBefore: e.modality === "expected" && e.date === null && document.published !== null ? expectedSince(document.published) : null,
          location: e.location,
          actorIds: participants,
          personIds: participants.filter((id) => people.has(id)),
          // The affiliation a source acts for ("White House press secretary Karoline Leavitt" for the
          // United States) tells the direction of an action, but is not a participant the text names.
          sourceIds: actorIds(x.docId, e.sourceKeys),
          targetIds: actorIds(x.docId, e.targetKeys),
          actingIds: actorIds(x.docId, e.sourceKeys.flatMap(acting))
        }
      })
    })
  const asGiven = new Map(extractions.map((x) => [x.docId, { published: x.meta.published, publishedSource: x.meta.publishedSource, events: x.events, times: x.times, redated: false } satisfies DatedDocument]))
  const firstPass = eventRefs(asGiven)
  const dated = dateUndatedDocuments(extractions, storyOf, firstPass, groupEvents(firstPass))
  const refs = eventRefs(dated)
  const eventGroups = groupEvents(refs)

  // 5. Speakers named by a title the merged actors give. 6. Statements.
  const byKnownTitle = speakersByKnownTitle(extractions, resolution)
  const quoteRows0 = extractions.flatMap((x) =>
    x.quotes.map((q) => {
      const quoteId = stableId("quote", x.docId, q.start, q.end)
      const speakerId = (q.speakerKey === null ? null : resolution.actorIdOf(x.docId, q.speakerKey)) ?? byKnownTitle.get(q) ?? null
      const rule = byKnownTitle.has(q) ? q.rule.replace(/;speaker\.none$/, ";speaker.known-title") : q.rule
      return { x, q, quoteId, speakerId, rule }
    })
  )
  const mergedNames = new Map(resolution.actors.map((a) => [a.actorId, a.name]))
  const statements = groupStatements(
    quoteRows0.map(({ x, q, quoteId, speakerId }) => ({
      quoteId,
      docId: x.docId,
      storyId: storyOf.get(x.docId)!,
      speakerActorId: speakerId,
      speakerName: speakerId === null ? null : mergedNames.get(speakerId) ?? null,
      text: q.text,
      quotation: `${x.docId}#${q.quotation}`,
      order: reportOrder(dated.get(x.docId)!.published, x.docId, q.start)
    }))
  )

  // Rows.
  const documents: Array<DocumentRow> = extractions.map((x) => {
    const d = dated.get(x.docId)!
    const story = stories.get(x.docId)
    return {
      doc_id: x.docId,
      input_id: x.inputId,
      title: x.meta.title,
      standfirst: x.meta.standfirst,
      published: d.published,
      published_source: d.publishedSource,
      author: x.meta.author,
      editor: x.meta.editor,
      publisher: x.meta.publisher,
      section: x.meta.section,
      dateline: x.meta.dateline,
      url: x.meta.url,
      story_id: storyOf.get(x.docId)!,
      duplicate_of: x.duplicateOf,
      n_chars: x.nChars,
      n_sentences: x.nSentences,
      content_hash: x.contentHash,
      near_copy_of: story?.nearDuplicateOf ?? null,
      story_links: (story?.links ?? []).map((link) => `${link.otherDocId} ${link.rule} ${link.score}`)
    }
  })

  const actorMentions: Array<ActorMentionRow> = []
  for (const x of extractions) {
    for (const m of x.actorMentions) {
      const actorId = resolution.actorIdOf(x.docId, m.actorKey)
      if (actorId === undefined) continue
      actorMentions.push({
        mention_id: stableId("am", x.docId, m.start, m.end),
        actor_id: actorId,
        doc_id: x.docId,
        start: m.start,
        end: m.end,
        text: m.text,
        kind: m.kind,
        role: m.role,
        title: m.title,
        rule: m.rule
      })
    }
  }
  const mentionsByActor = new Map<string, Array<ActorMentionRow>>()
  for (const m of actorMentions) {
    const list = mentionsByActor.get(m.actor_id)
    if (list === undefined) mentionsByActor.set(m.actor_id, [m])
    else list.push(m)
  }
  const actors: Array<ActorRow> = resolution.actors.map((a) => actorRow(a, mentionsByActor.get(a.actorId) ?? []))
  actors.sort((a, b) => b.n_mentions - a.n_mentions || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind) || a.actor_id.localeCompare(b.actor_id))
  const actorName = new Map(actors.map((a) => [a.actor_id, a.name]))

  const quotes: Array<QuoteRow> = quoteRows0.map(({ x, q, quoteId, speakerId, rule }) => ({
    quote_id: quoteId,
    statement_id: statements.get(quoteId)!.statementId,
    part: q.part,
    doc_id: x.docId,
    kind: q.kind,
    text: q.text,
    start: q.start,
    end: q.end,
    speaker_actor_id: speakerId,
    speaker: speakerId === null ? null : actorName.get(speakerId) ?? null,
    speaker_text: q.speakerText,
    speaker_start: q.speakerStart,
    speaker_end: q.speakerEnd,
    cue: q.cue,
    cue_lemma: q.cueLemma,
    cue_start: q.cueStart,
    cue_end: q.cueEnd,
    addressee: q.addressee,
    rule
  }))

  // Events: one row per group, one mention row per mention, in input order.
  interface Located {
    readonly x: DocumentFacts
    readonly e: EventMention
    readonly redated: boolean
  }
  const located: Array<Located> = extractions.flatMap((x) => {
    const d = dated.get(x.docId)!
    return d.events.map((e) => ({ x, e, redated: d.redated }))
  })
  const eventIdOf = new Array<string>(refs.length)
  const events: Array<EventRow> = eventGroups.map((group) => {
    for (const i of group.members) eventIdOf[i] = group.eventId
    const members = group.members.map((i) => ({ ...located[i], ref: refs[i] }))
    const first = members.reduce((best, m) => (m.ref.order < best.ref.order ? m : best))
    const textDated = members.filter((m) => m.e.date !== null && !m.redated)
    const storyDated = members.filter((m) => m.e.date !== null && m.redated)
    // Dates read from the mentions' own time expressions first; a borrowed one only when no other.
    const ownDated = textDated.filter((m) => !borrowedDate(m.e.rule))
    const dateFrom = ownDated.length > 0 ? ownDated : textDated.length > 0 ? textDated : storyDated
    const date = mostPreciseMode(dateFrom.map((m) => m.e.date!))
    const precision = date === null ? null : dateFrom.find((m) => m.e.date === date)!.e.datePrecision
    const ids = uniqueSorted(members.flatMap((m) => m.ref.actorIds))
    // One death told as a killing, a death and a murder: the type most mentions give, and its CAMEO code.
    const eventType = weightedMode(members.map((m) => [m.e.eventType, 1] as const)) ?? first.e.eventType
    return {
      event_id: group.eventId,
      event_type: eventType,
      cameo: weightedMode(members.filter((m) => m.e.eventType === eventType).map((m) => [m.e.cameo, 1] as const)),
      date,
      date_precision: precision,
      date_source: date === null ? null : textDated.length > 0 ? "text" : "story",
      location: weightedMode(members.map((m) => [m.e.location, m.e.locationSource === "text" ? 2 : 1] as const)),
      actor_ids: ids,
      actors: ids.map((id) => actorName.get(id) ?? id),
      source_actor_ids: uniqueSorted(members.flatMap((m) => actorIds(m.x.docId, m.e.sourceKeys))),
      target_actor_ids: uniqueSorted(members.flatMap((m) => actorIds(m.x.docId, m.e.targetKeys))),
      // The earliest report's evidence clause, on one line (a stripped link can leave a line break in it).
      summary: first.e.text.replace(/\s+/g, " ").trim(),
      modality: weightedMode(members.map((m) => [m.e.modality, 1] as const)) ?? first.e.modality,
      n_mentions: members.length,
      n_documents: group.nDocuments,
      merged_by: [...group.mergedBy]
    }
  })
  const eventMentions: Array<EventMentionRow> = located.map(({ x, e }, i) => ({
    mention_id: refs[i].mentionId,
    event_id: eventIdOf[i],
    doc_id: x.docId,
    start: e.start,
    end: e.end,
    text: e.text,
    trigger: e.trigger,
    trigger_start: e.triggerStart,
    trigger_end: e.triggerEnd,
    event_type: e.eventType,
    cameo: e.cameo,
    date: e.date,
    date_text: e.dateText,
    location: e.location,
    modality: e.modality,
    actor_ids: refs[i].actorIds,
    source_actor_ids: refs[i].sourceIds,
    target_actor_ids: refs[i].targetIds,
    rule: e.rule
  }))

  const times: Array<TimeRow> = extractions.flatMap((x) =>
    dated.get(x.docId)!.times.map((t) => ({
      doc_id: x.docId,
      start: t.start,
      end: t.end,
      text: t.text,
      type: t.type,
      value: t.value,
      precision: t.precision,
      anchor: t.anchor,
      rule: t.rule
    }))
  )

  return {
    dataset: { documents, actors, actor_mentions: actorMentions, quotes, events, event_mentions: eventMentions, times },
    stories
  }
}

/** The most frequent date, preferring day over month over year precision. */
const mostPreciseMode = (dates: ReadonlyArray<string>): string | null => {
  if (dates.length === 0) return null
  const longest = Math.max(...dates.map((d) => d.length))
  return weightedMode(dates.filter((d) => d.length === longest).map((d) => [d, 1] as const))
}

const actorRow = (a: MergedActor, mentions: ReadonlyArray<ActorMentionRow>): ActorRow => {
  const weighted = <A extends string>(pick: (m: MergedActor["members"][number]) => A | null) =>
    weightedMode(a.members.map((m) => [pick(m), Math.max(1, m.nMentions)] as const))
  return {
    actor_id: a.actorId,
    name: a.name,
    kind: a.kind,
    title: weighted((m) => m.actor.title),
    title_normalized: mergedTitle(a),
    affiliation: weighted((m) => m.actor.affiliation),
    aliases: uniqueSorted([
      ...a.members.flatMap((m) => [m.actor.name, ...m.actor.aliases]),
      ...mentions.filter((m) => m.role !== "pronoun" && m.role !== "description").map((m) => m.text)
    ]),
    n_mentions: mentions.length,
    n_documents: new Set(a.members.map((m) => m.docId)).size,
    rules: uniqueSorted([...a.members.map((m) => m.actor.rule), ...mentions.map((m) => m.rule)]),
    merged_by: [...a.mergedBy]
  }
}
