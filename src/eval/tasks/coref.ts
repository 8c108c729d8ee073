/**
 * `coref`: cross-document coreference, on the gold mentions the pipeline found.
 *
 * - Events: a gold event mention (with a cluster) is found when an exported event mention's trigger
 *   overlaps it; its response cluster is that mention's `event_id`.
 * - Entities: a gold entity mention of a scored class (PER, ORG, LOC; lexicons/entity-types.json), with
 *   a cluster, is found when an exported actor mention overlaps it (any role: pronouns and titles
 *   count); its response cluster is that mention's `actor_id`.
 *
 * The key is the gold clusters restricted to the found mentions; MUC, B-cubed and CEAF-e compare the
 * two partitions of those mentions, across all documents of the file at once. Mention recall says how
 * many gold mentions that is.
 */
import { bestOverlapping } from "../align.ts"
import type { Span } from "../align.ts"
import type { DocumentRows } from "../exported.ts"
import type { GoldRecord } from "../gold.ts"
import { corefScores, ratio } from "../metrics.ts"
import type { CorefScores } from "../metrics.ts"
import type { ScoreTable } from "../report.ts"
import { inTopics, scoredParts, TopicHalves } from "../topics.ts"
import { classOfGoldType } from "./actors.ts"

export interface CorefMention extends Span {
  readonly docId: string
  readonly cluster: string
  readonly annotated: boolean
}

export interface CorefResult {
  readonly gold: number
  readonly found: number
  readonly goldAnnotated: number
  readonly foundAnnotated: number
  readonly scores: CorefScores
}

/**
 * Aligns gold mentions with exported ones (`responseOf` gives the predicted cluster of the best
 * overlapping exported mention, or null) and scores the partitions of the found mentions.
 */
export const scoreCoreference = (
  gold: ReadonlyArray<CorefMention>,
  responseOf: (mention: CorefMention) => string | null
): CorefResult => {
  const key = new Map<string, string>()
  const response = new Map<string, string>()
  const seen = new Set<string>()
  let found = 0
  let goldAnnotated = 0
  let foundAnnotated = 0
  for (const mention of gold) {
    const item = `${mention.docId}:${mention.start}:${mention.end}`
    // One gold mention per span (the first cluster given wins); `seen` also covers the ones not found.
    if (seen.has(item)) continue
    seen.add(item)
    if (mention.annotated) goldAnnotated++
    const predicted = responseOf(mention)
    if (predicted === null) continue
    found++
    if (mention.annotated) foundAnnotated++
    key.set(item, mention.cluster)
    response.set(item, predicted)
  }
  return { gold: seen.size, found, goldAnnotated, foundAnnotated, scores: corefScores(key, response) }
}

export const goldEventMentions = (records: ReadonlyArray<GoldRecord>): Array<CorefMention> =>
  records.flatMap((record) =>
    (record.events ?? []).flatMap((e) =>
      e.cluster === undefined || e.cluster === null ? [] : [{ docId: record.id, start: e.start, end: e.end, cluster: e.cluster, annotated: e.in_annotated_sentence ?? true }]
    )
  )

export const goldEntityMentions = (records: ReadonlyArray<GoldRecord>): Array<CorefMention> =>
  records.flatMap((record) =>
    (record.entities ?? []).flatMap((e) =>
      e.cluster === undefined || e.cluster === null || (classOfGoldType(e.type) ?? null) === null
        ? []
        : [{ docId: record.id, start: e.start, end: e.end, cluster: e.cluster, annotated: e.in_annotated_sentence ?? true }]
    )
  )

const scoreParts = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => ({
  events: scoreCoreference(goldEventMentions(records), (m) => {
    const candidates = rows.get(m.docId)?.eventMentions ?? []
    return bestOverlapping(m, candidates, (row) => ({ start: row.trigger_start, end: row.trigger_end }))?.event_id ?? null
  }),
  entities: scoreCoreference(goldEntityMentions(records), (m) => {
    const candidates = rows.get(m.docId)?.actorMentions ?? []
    return bestOverlapping(m, candidates, (row) => row)?.actor_id ?? null
  })
})

/**
 * The entity clusters the pipeline got wrong, for reading: a gold cluster whose found mentions carry
 * more than one `actor_id` (split), and an `actor_id` whose mentions belong to more than one gold
 * cluster (merged). Only the tuning half of a topic-numbered file is listed (errors are read there).
 */
export const entityClusterErrors = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>): Array<string> => {
  const tuning = TopicHalves.find((half) => half.role === "tuning")
  const read = tuning === undefined || inTopics(records, tuning).length === 0 ? records : inTopics(records, tuning)
  const texts = new Map(read.map((r) => [r.id, Array.from(r.text)]))
  const byGold = new Map<string, Array<{ text: string; actor: string }>>()
  const byActor = new Map<string, Array<{ text: string; gold: string }>>()
  const seen = new Set<string>()
  for (const mention of goldEntityMentions(read)) {
    const item = `${mention.docId}:${mention.start}:${mention.end}`
    if (seen.has(item)) continue
    seen.add(item)
    const row = bestOverlapping(mention, rows.get(mention.docId)?.actorMentions ?? [], (r) => r)
    if (row === null) continue
    const actor = row.actor_id
    const goldText = (texts.get(mention.docId) ?? []).slice(mention.start, mention.end).join("")
    const text = `${goldText}${row.text === goldText ? "" : ` → ${row.text}`} (${mention.docId})`
    byGold.set(mention.cluster, [...(byGold.get(mention.cluster) ?? []), { text, actor }])
    byActor.set(actor, [...(byActor.get(actor) ?? []), { text, gold: mention.cluster }])
  }
  // Each group: its size and its distinct texts (the largest group first).
  const groups = <T,>(found: ReadonlyArray<T>, key: (f: T) => string, text: (f: T) => string): string => {
    const byKey = new Map<string, Array<string>>()
    for (const f of found) byKey.set(key(f), [...(byKey.get(key(f)) ?? []), text(f)])
    return [...byKey.values()]
      .sort((a, b) => b.length - a.length)
      .map((texts) => `[${texts.length}: ${[...new Set(texts)].slice(0, 6).join("; ")}]`)
      .join(" ")
  }
  const split = [...byGold].flatMap(([cluster, found]) =>
    new Set(found.map((f) => f.actor)).size < 2 ? [] : [`split ${cluster}: ${groups(found, (f) => f.actor, (f) => f.text)}`]
  )
  const merged = [...byActor].flatMap(([actor, found]) =>
    new Set(found.map((f) => f.gold)).size < 2 ? [] : [`merged in ${actor}: ${groups(found, (f) => f.gold, (f) => f.text)}`]
  )
  return [...split, ...merged]
}

export const corefTask = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const parts = scoredParts(records).map((part) => ({ ...part, ...scoreParts(part.records, rows) }))
  const suffix = (p: (typeof parts)[number]) => (p.key === "" ? "" : `, ${p.label}`)
  const row = (label: string, r: CorefResult) => ({
    label,
    cells: [ratio(r.found, r.gold), ratio(r.foundAnnotated, r.goldAnnotated), r.found, r.gold, r.scores.muc.f1, r.scores.bCubed.f1, r.scores.ceafE.f1, r.scores.conllF1]
  })
  const table: ScoreTable = {
    title: "cross-document coreference",
    columns: ["mention R", "R annotated", "found", "gold", "MUC F1", "B³ F1", "CEAF-e F1", "CoNLL F1"],
    rows: parts.flatMap((p) => [row(`events (event_id)${suffix(p)}`, p.events), row(`entities (actor_id)${suffix(p)}`, p.entities)])
  }
  const detail: ScoreTable = {
    title: "P / R",
    columns: ["MUC P", "MUC R", "B³ P", "B³ R", "CEAF-e P", "CEAF-e R"],
    rows: parts.flatMap((p) =>
      [["events", p.events], ["entities", p.entities]].map(([label, r]) => {
        const s = (r as CorefResult).scores
        return { label: `${label as string}${suffix(p)}`, cells: [s.muc.precision, s.muc.recall, s.bCubed.precision, s.bCubed.recall, s.ceafE.precision, s.ceafE.recall] }
      })
    )
  }
  return {
    tables: [table, detail],
    figures: Object.fromEntries(
      parts.flatMap(({ entities, events, key }) => [
        [`${key}events.mention_recall`, ratio(events.found, events.gold)],
        [`${key}events.mention_recall_annotated`, ratio(events.foundAnnotated, events.goldAnnotated)],
        [`${key}events.conll_f1`, events.scores.conllF1],
        [`${key}entities.mention_recall`, ratio(entities.found, entities.gold)],
        [`${key}entities.conll_f1`, entities.scores.conllF1]
      ])
    ),
    notes: [
      "Scored on the gold mentions the pipeline found (an exported event trigger / actor mention overlapping the gold mention): key = gold clusters of those mentions, response = event_id / actor_id. Mention recall is the share found; 'R annotated' counts only ECB+'s fully annotated sentences.",
      "Entities: gold PER/ORG/LOC-like mentions with a cluster, including pronouns and nominals (any exported actor mention may cover them).",
      ...(parts.length > 1 ? ["The pipeline runs once on the whole file; each topic half is scored on its own documents. Errors are read on the tuning half only; the reporting half is reported, never tuned on."] : [])
    ],
    failures: entityClusterErrors(records, rows)
  }
}
