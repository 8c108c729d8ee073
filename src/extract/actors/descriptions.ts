/**
 * Definite descriptions of an organisation: "the company", "the bank", "the US firm" refer back to the
 * organisation the article speaks of, as a definite description takes the entity already in the
 * discourse that its head noun fits (Poesio & Vieira 1998). Each becomes a mention of that actor
 * (role `description`), so an event whose subject is "the company" has the company as its source and
 * the mentions table shows where the article refers to it.
 *
 * The nouns are `quotes-descriptions.json` (the quotes extractor resolves speakers by the same list).
 * A description is resolved only when the article is clear: the organisation named at least twice
 * before it and more often than any other, or the only one named so far; otherwise it stays unresolved
 * (a wrong actor is worse than none).
 */
import type { Token } from "../../model/document.ts"
import type { ActorMention, LocalActor } from "../../model/extraction.ts"
import { clearFavourite } from "../context.ts"
import { loadLexicon } from "../../lexicons/load.ts"
import { Schema } from "effect"

let nouns: ReadonlySet<string> | undefined
/** Nouns that refer back to an organisation ("the company", "the bank"): `quotes-descriptions.json`, loaded once. */
export const descriptionNouns = (): ReadonlySet<string> => (nouns ??= new Set(loadLexicon("quotes-descriptions.json", Schema.Array(Schema.String))))

/**
 * Nouns for a business: they never refer back to a public body, one the organisations gazetteer lists
 * with the country it belongs to or one whose name ends in a state's institution noun ("the company"
 * after the SEC and Merck is Merck).
 */
const BUSINESS: ReadonlySet<string> = new Set([
  "company", "firm", "business", "corporation", "conglomerate", "giant", "chain", "lender", "insurer", "retailer",
  "airline", "carrier", "carmaker", "maker", "manufacturer", "operator", "broadcaster", "network", "publisher", "studio", "developer"
])

/**
 * The last words of a public body's name: the institution nouns of `actors-organization-patterns.json`
 * that name parts of a state ("Securities and Exchange Commission", "Food and Drug Administration").
 */
const PUBLIC_BODY: ReadonlySet<string> = new Set([
  "agency", "council", "committee", "commission", "ministry", "department", "office", "bureau", "authority", "board",
  "parliament", "assembly", "senate", "congress", "court", "tribunal", "police", "army", "navy", "cabinet",
  "government", "administration", "secretariat", "pentagon"
])

/** Whether [start, end) overlaps one of `mentions`: a name there is no description. */
const overlapsMention = (mentions: ReadonlyArray<ActorMention>, start: number, end: number): boolean =>
  mentions.some((m) => m.start < end && start < m.end)

/** Roles of the mentions that name an organisation (a description does not count as naming it again). */
const NAMING: ReadonlySet<string> = new Set(["name", "surname", "alias"])

/**
 * Whether the noun phrase ending at token `last` goes on with "of" ("the party of Lincoln", "the
 * president of France": maybe another one) or a capitalised word (an apposition names it: "the company
 * Apple"), with no punctuation between.
 */
const specifiedAfter = (tokens: ReadonlyArray<Token>, last: number): boolean => {
  const next = tokens[last + 1]
  return next !== undefined && next.sentence === tokens[last].sentence && !/[,;:.!?]/.test(tokens[last].post) &&
    (next.normal === "of" || /^\p{Lu}/u.test(next.text))
}

/**
 * The descriptions in `tokens` and the organisation each refers to. `mentions` are the document's
 * name mentions, sorted by start. A description is "the" + noun, or "the" + a country's or place's
 * mention + noun ("the US firm"); the noun in lower case, not followed by "of" ("the party of
 * Lincoln" is another party) or by a capitalised word (an apposition names it: "the company Apple").
 */
export const findDescriptions = (
  text: string,
  tokens: ReadonlyArray<Token>,
  mentions: ReadonlyArray<ActorMention>,
  actors: ReadonlyArray<LocalActor>
): Array<ActorMention> => {
  const publicBody = (a: LocalActor) => a.affiliation !== null || PUBLIC_BODY.has(a.name.toLowerCase().split(/\s+/).at(-1) ?? "")
  const institutions = new Set(actors.filter((a) => a.kind === "organization" && publicBody(a)).map((a) => a.key))
  const lexicon = descriptionNouns()
  const found: Array<ActorMention> = []
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].normal !== "the") continue
    let head = i + 1
    // "the US firm", "the Chinese carmaker": a country's or place's mention between (its tokens).
    const modifier = mentions.find((m) => m.start === tokens[head].start && (m.kind === "country" || m.kind === "place"))
    if (modifier !== undefined) while (head < tokens.length && tokens[head].start < modifier.end) head++
    const noun = tokens[head]
    if (noun === undefined || noun.sentence !== tokens[i].sentence || noun.text !== noun.text.toLowerCase() || !lexicon.has(noun.normal)) continue
    if (specifiedAfter(tokens, head)) continue
    if (overlapsMention(mentions, noun.start, noun.end)) continue
    const start = tokens[i].start
    const end = noun.end
    const business = BUSINESS.has(noun.normal)
    const named = mentions.filter((m) => m.end <= start && m.kind === "organization" && NAMING.has(m.role) && !(business && institutions.has(m.actorKey)))
    const actorKey = clearFavourite(named.map((m) => m.actorKey))
    if (actorKey === null) continue
    found.push({ actorKey, start, end, text: text.slice(start, end), kind: "organization", role: "description", title: null, rule: "description:organization" })
  }
  return found
}

/**
 * "the governor", "the prime minister", "the treasury secretary": a person's title after "the" refers
 * to the one person of the document named before with that title (`titleNormalized`); with two such
 * people (two presidents) it refers to neither. Not before a capitalised word or "of": "the president
 * Donald Trump" is an apposition, "the president of France" may be someone else. Role `title`.
 */
export const findTitleDescriptions = (
  text: string,
  tokens: ReadonlyArray<Token>,
  mentions: ReadonlyArray<ActorMention>,
  actors: ReadonlyArray<LocalActor>
): Array<ActorMention> => {
  const titled = actors.filter((a) => a.kind === "person" && a.titleNormalized !== null && a.titleNormalized !== "")
  if (titled.length === 0) return []
  const firstMention = new Map<string, number>()
  for (const m of mentions) if (!firstMention.has(m.actorKey) || m.start < firstMention.get(m.actorKey)!) firstMention.set(m.actorKey, m.start)
  const found: Array<ActorMention> = []
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].normal !== "the") continue
    const fits = (actor: LocalActor) => {
      const words = actor.titleNormalized!.split(" ")
      const last = i + words.length
      if (last >= tokens.length || tokens[last].sentence !== tokens[i].sentence) return false
      if (words.some((word, k) => tokens[i + 1 + k].text.toLowerCase() !== word)) return false
      if (specifiedAfter(tokens, last)) return false
      return (firstMention.get(actor.key) ?? Infinity) < tokens[i].start
    }
    const holders = titled.filter(fits)
    if (holders.length !== 1) continue
    const end = tokens[i + holders[0].titleNormalized!.split(" ").length].end
    if (overlapsMention(mentions, tokens[i].start, end)) continue
    found.push({ actorKey: holders[0].key, start: tokens[i].start, end, text: text.slice(tokens[i].start, end), kind: "person", role: "title", title: null, rule: "description:title" })
  }
  return found
}
