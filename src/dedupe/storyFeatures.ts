/**
 * What a document says, as features for story grouping: content words of everything the extractors
 * kept from it (headline, standfirst, quotes, event clauses) and, once more, of its lede (the first
 * sentence, which news writes to say what happened), the actors it names, and the dates it gives.
 * Actor names and dates are the strongest evidence that two reports tell one story, and the features
 * that keep "another earthquake" apart from this one, so they weigh more than a word.
 */
import type { DocumentExtraction } from "../model/extraction.ts"
import { countBag } from "./vectors.ts"
import { contentWords } from "./words.ts"

export interface StoryFeatureWeights {
  readonly word: number
  /** Words of the lede, counted again: the first sentence of a report says what its story is. */
  readonly lead: number
  readonly actor: number
  readonly date: number
}

export const DefaultStoryFeatureWeights: StoryFeatureWeights = { word: 1, lead: 1, actor: 2, date: 2 }

/** Mentions that name an actor; pronouns and bare titles say nothing about which story this is. */
const namingRoles: ReadonlySet<string> = new Set(["name", "surname", "alias", "demonym"])

/** What the features are counted from. */
export type StoryFeatureSource = Pick<DocumentExtraction, "meta" | "quotes" | "events" | "actorMentions" | "actors" | "lead" | "times">

/** The feature an actor of the document counts as (`actor:<name>`). */
const actorFeatures = (x: Pick<DocumentExtraction, "actors" | "actorMentions">): Map<string, string> => {
  const nameOf = new Map(x.actors.map((a) => [a.key, a.name.toLowerCase()]))
  const out = new Map<string, string>()
  for (const m of x.actorMentions) if (namingRoles.has(m.role) && !out.has(m.actorKey)) out.set(m.actorKey, `actor:${nameOf.get(m.actorKey) ?? m.text.toLowerCase()}`)
  return out
}

/**
 * The actors that matter to a report, as their `actor:` features: those its headline or lede names,
 * those taking part in its events, and those it names more than once. A name mentioned once in
 * passing ("a spokesman for Reuters") is not what the report is about. `kinds` keeps only actors of
 * those kinds (the participants: people and organisations, not the country or place of the story).
 */
export const salientActors = (
  x: Pick<DocumentExtraction, "meta" | "lead" | "events" | "actors" | "actorMentions">,
  kinds: ReadonlySet<string> | null = null
): Array<string> => {
  const features = actorFeatures(x)
  const headline = `${x.meta.title ?? ""}\n${x.lead}`.toLowerCase()
  const named = new Map<string, number>()
  const salient = new Set<string>()
  for (const m of x.actorMentions) {
    if (!namingRoles.has(m.role)) continue
    const count = (named.get(m.actorKey) ?? 0) + 1
    named.set(m.actorKey, count)
    if (count > 1 || headline.includes(m.text.toLowerCase())) salient.add(m.actorKey)
  }
  for (const e of x.events) for (const key of e.actorKeys) salient.add(key)
  const kindOf = new Map(x.actors.map((a) => [a.key, a.kind as string]))
  return [...new Set([...salient].filter((key) => kinds === null || kinds.has(kindOf.get(key) ?? "")).flatMap((key) => features.get(key) ?? []))].sort()
}

export const storyFeatures = (
  x: StoryFeatureSource,
  bodyText: string | null = null,
  weights: StoryFeatureWeights = DefaultStoryFeatureWeights
): Map<string, number> => {
  const bag = new Map<string, number>()
  const texts: Array<string> = []
  if (bodyText !== null) texts.push(bodyText)
  else {
    if (x.meta.title !== null) texts.push(x.meta.title)
    if (x.meta.standfirst !== null) texts.push(x.meta.standfirst)
    for (const q of x.quotes) texts.push(q.text)
    for (const e of x.events) texts.push(e.text)
    for (const m of x.actorMentions) if (namingRoles.has(m.role)) texts.push(m.text)
  }
  for (const text of texts) countBag(contentWords(text), weights.word, bag)
  countBag(contentWords(x.lead), weights.lead, bag)

  const nameOf = new Map(x.actors.map((a) => [a.key, a.name.toLowerCase()]))
  countBag(
    x.actorMentions.flatMap((m) => (namingRoles.has(m.role) ? [`actor:${nameOf.get(m.actorKey) ?? m.text.toLowerCase()}`] : [])),
    weights.actor,
    bag
  )
  countBag(
    x.times.flatMap((t) => (t.value !== null && (t.precision === "day" || t.precision === "month") ? [`date:${t.value}`] : [])),
    weights.date,
    bag
  )
  return bag
}
