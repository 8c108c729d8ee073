/**
 * `actors`: exported actor mentions that are names vs gold entity names, by exact span and class
 * (PER, ORG, LOC), per class, and by span alone.
 *
 * - Gold: entities whose type maps to a class (lexicons/entity-types.json) and that are names: every
 *   CoNLL-2003 entity; MEANTIME `syntactic_type` NAM or PRE.NAM; ECB+ (no syntactic type) by the
 *   capitalisation test of `isNameMention`. Gold entities of unscored types (MISC, products, …) are
 *   "don't care" regions: a prediction lying inside one is not counted.
 * - Predicted: `actor_mentions` rows whose role names the actor (name, surname, alias) and whose kind
 *   maps to a class (person → PER, organization → ORG, country and place → LOC). Pronouns, titles,
 *   demonyms and groups are other kinds of mention, not names.
 * - ECB+ annotates only the sentences in `annotated_spans`, and there only the participants of the
 *   annotated events, so predictions outside those sentences are not counted and its precision is a
 *   lower bound.
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"
import type { ActorKind, ActorMentionRow } from "../../model/tables.ts"
import { contains, sameSpan } from "../align.ts"
import type { Span } from "../align.ts"
import type { DocumentRows } from "../exported.ts"
import { annotatedRegions } from "../gold.ts"
import type { GoldEntity, GoldRecord } from "../gold.ts"
import { prfFromCounts } from "../metrics.ts"
import type { PrfCounts } from "../metrics.ts"
import { PrfColumns, prfRow } from "../report.ts"
import type { ScoreTable } from "../report.ts"

export const EntityClasses = ["PER", "ORG", "LOC"] as const
export type EntityClass = (typeof EntityClasses)[number]

const entityTypes = () =>
  loadLexicon("../eval/lexicons/entity-types.json", Schema.Record(Schema.String, Schema.NullOr(Schema.Literals(EntityClasses))))

const nameWords = () =>
  loadLexicon(
    "../eval/lexicons/name-words.json",
    Schema.Struct({ pronouns: Schema.Array(Schema.String), lowercaseInNames: Schema.Array(Schema.String) })
  )

/** The scored class of a gold type; null for types not scored; undefined for a type the table lacks. */
export const classOfGoldType = (type: string): EntityClass | null | undefined => entityTypes()[type]

const classOfKind: Record<ActorKind, EntityClass | null> = {
  person: "PER",
  organization: "ORG",
  country: "LOC",
  place: "LOC",
  group: null,
  other: null
}

export const NameRoles: ReadonlySet<string> = new Set(["name", "surname", "alias"])

/** Whether a mention's text reads as a proper name: not a pronoun, every word capitalised but connectors. */
export const isNameMention = (text: string): boolean => {
  const { lowercaseInNames, pronouns } = nameWords()
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (words.length === 0) return false
  if (words.length === 1 && pronouns.includes(words[0]!.toLowerCase())) return false
  const first = words[0]!
  if (!/^\p{Lu}/u.test(first) && !/^\p{Lu}/u.test(first.replace(/^\P{L}+/u, ""))) return false
  return words.every((w) => /^\P{L}*\p{Lu}/u.test(w) || /^\p{L}+['’]?s?$/u.test(w) && lowercaseInNames.includes(w.toLowerCase()) || /\d/.test(w))
}

/** Whether a gold entity is a name of a scored class in its corpus. */
export const isGoldName = (entity: GoldEntity): boolean => {
  if (entity.syntactic_type !== undefined && entity.syntactic_type !== null) {
    return entity.syntactic_type === "NAM" || entity.syntactic_type === "PRE.NAM"
  }
  if (entity.in_annotated_sentence !== undefined) return isNameMention(entity.text)
  return true
}

export interface ClassedSpan extends Span {
  readonly class: EntityClass
}

export interface ActorDocumentGold {
  readonly names: ReadonlyArray<ClassedSpan>
  /** Spans of unscored gold entities: predictions inside them are not counted. */
  readonly ignored: ReadonlyArray<Span>
  /** Where predictions are counted at all (null = the whole text). */
  readonly annotated: ReadonlyArray<Span> | null
}

export const actorGoldOf = (record: GoldRecord): ActorDocumentGold => {
  const names: Array<ClassedSpan> = []
  const ignored: Array<Span> = []
  for (const entity of record.entities ?? []) {
    const entityClass = classOfGoldType(entity.type)
    if (entityClass === undefined) throw new Error(`${record.id}: entity type ${entity.type} is not in lexicons/entity-types.json`)
    if (entityClass === null) ignored.push(entity)
    else if (isGoldName(entity)) names.push({ start: entity.start, end: entity.end, class: entityClass })
  }
  const annotated = annotatedRegions(record)
  // Where only some sentences are annotated, names elsewhere are neither gold nor counted.
  const scoredNames = annotated === null ? names : names.filter((name) => annotated.some((sentence) => contains(sentence, name)))
  return { names: dedupeSpans(scoredNames), ignored, annotated }
}

/** The name mentions of a document's exported rows that are scored against its gold. */
export const predictedNames = (mentions: ReadonlyArray<ActorMentionRow>, gold: ActorDocumentGold): Array<ClassedSpan> => {
  const predicted: Array<ClassedSpan> = []
  for (const mention of mentions) {
    const mentionClass = classOfKind[mention.kind]
    if (mentionClass === null || !NameRoles.has(mention.role)) continue
    const span = { start: mention.start, end: mention.end, class: mentionClass }
    if (gold.annotated !== null && !gold.annotated.some((sentence) => contains(sentence, span))) continue
    const isGoldSpan = gold.names.some((g) => sameSpan(g, span))
    if (!isGoldSpan && gold.ignored.some((region) => contains(region, span))) continue
    predicted.push(span)
  }
  return dedupeSpans(predicted)
}

const dedupeSpans = (spans: ReadonlyArray<ClassedSpan>): Array<ClassedSpan> => {
  const seen = new Set<string>()
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}:${s.class}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface ActorScores {
  readonly exact: PrfCounts
  readonly spanOnly: PrfCounts
  readonly byClass: Readonly<Record<EntityClass, PrfCounts>>
}

interface Tally {
  predicted: number
  gold: number
  matched: number
}

/** Exact span + class, span alone, and per class, summed over documents (micro-averaged). */
export const scoreActorNames = (documents: ReadonlyArray<{ gold: ActorDocumentGold; predicted: ReadonlyArray<ClassedSpan> }>): ActorScores => {
  const exact: Tally = { predicted: 0, gold: 0, matched: 0 }
  const spanOnly: Tally = { predicted: 0, gold: 0, matched: 0 }
  const byClass = Object.fromEntries(EntityClasses.map((c) => [c, { predicted: 0, gold: 0, matched: 0 }])) as Record<EntityClass, Tally>
  for (const { gold, predicted } of documents) {
    const goldKeys = new Set(gold.names.map((g) => `${g.start}:${g.end}:${g.class}`))
    const goldSpans = new Set(gold.names.map((g) => `${g.start}:${g.end}`))
    const predictedSpans = new Set(predicted.map((p) => `${p.start}:${p.end}`))
    exact.gold += gold.names.length
    exact.predicted += predicted.length
    spanOnly.gold += goldSpans.size
    spanOnly.predicted += predictedSpans.size
    spanOnly.matched += [...predictedSpans].filter((key) => goldSpans.has(key)).length
    for (const g of gold.names) byClass[g.class].gold++
    for (const p of predicted) {
      byClass[p.class].predicted++
      if (goldKeys.has(`${p.start}:${p.end}:${p.class}`)) {
        exact.matched++
        byClass[p.class].matched++
      }
    }
  }
  const toPrf = (t: Tally) => prfFromCounts({ matchedPredicted: t.matched, predicted: t.predicted, matchedGold: t.matched, gold: t.gold })
  return {
    exact: toPrf(exact),
    spanOnly: toPrf(spanOnly),
    byClass: Object.fromEntries(EntityClasses.map((c) => [c, toPrf(byClass[c])])) as Record<EntityClass, PrfCounts>
  }
}

export const actorTask = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const documents = records.map((record) => {
    const gold = actorGoldOf(record)
    return { gold, predicted: predictedNames(rows.get(record.id)?.actorMentions ?? [], gold) }
  })
  const scores = scoreActorNames(documents)
  const table: ScoreTable = {
    title: "actor names",
    columns: PrfColumns,
    rows: [
      prfRow("exact span + type", scores.exact),
      ...EntityClasses.map((c) => prfRow(`  ${c}`, scores.byClass[c])),
      prfRow("span only", scores.spanOnly)
    ]
  }
  const figures: Record<string, number | null> = {
    "exact.precision": scores.exact.precision,
    "exact.recall": scores.exact.recall,
    "exact.f1": scores.exact.f1,
    "span.f1": scores.spanOnly.f1,
    ...Object.fromEntries(EntityClasses.map((c) => [`${c}.f1`, scores.byClass[c].f1]))
  }
  const corpora = new Set(records.map((r) => r.corpus))
  const notes = [
    "Predicted: actor_mentions with role name, surname or alias and kind person (PER), organization (ORG), country or place (LOC); gold MISC/product/other spans are not counted either way.",
    ...(corpora.has("ecbplus")
      ? ["ECB+ annotates only the participants of annotated events, in annotated sentences: predictions outside annotated sentences are not counted and precision is a lower bound; gold names are told from other mentions by capitalisation."]
      : []),
    ...(corpora.has("meantime")
      ? ["MEANTIME annotates the title and first sentences fully and later ones sparsely: only lines holding an annotation are scored. Gold names are syntactic_type NAM or PRE.NAM; its nested names (\"Apple Computer CEO\" as a PER name) make exact spans strict."]
      : [])
  ]
  return { scores, tables: [table], figures, notes }
}
