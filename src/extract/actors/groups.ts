/**
 * Collective actors: a plural noun for people ("investors", "officials"), affiliated with the
 * country written before it ("Chinese officials", "US officials"); and a country's government
 * ("the British government"), an organisation of that country. A bare "the government" is the
 * government of the country the article clearly speaks of most (see `clearFavourite`), if any.
 */
import type { ActorMention, LocalActor } from "../../model/extraction.ts"
import { clearFavourite } from "../context.ts"
import type { ExtractContext } from "../context.ts"
import type { ActorLexicon } from "./lexicon.ts"
import type { NameSpan } from "./recognize.ts"
import { joinable, lower, nameCore } from "./tokens.ts"

const GOVERNMENT_NOUNS = new Set(["government", "administration"])
/** "MPs", "MEPs": a plural of initials is written in capitals without being a name. */
const INITIALS_PLURAL = /^\p{Lu}{2,}s$/u

export const findGroups = (lexicon: ActorLexicon, context: ExtractContext, spans: ReadonlyArray<NameSpan>) => {
  const { tokens, text } = context
  const countryEndingAt = new Map<number, NameSpan>()
  const countryStartingAt = new Map<number, NameSpan>()
  for (const s of spans) {
    if (s.kind !== "country" || s.country === undefined) continue
    countryEndingAt.set(s.last, s)
    countryStartingAt.set(s.first, s)
  }
  // "the government of Burma", "the government of the United States".
  const countryAfterOf = (i: number) => {
    if (i + 2 >= tokens.length || lower(tokens[i + 1]) !== "of") return undefined
    return countryStartingAt.get(i + 2) ?? (lower(tokens[i + 2]) === "the" ? countryStartingAt.get(i + 3) : undefined)
  }
  const inName = new Set<number>()
  for (const s of spans) for (let t = s.first; t <= s.last; t++) inName.add(t)
  // Capitalised, a group noun is part of a name ("Police Federation"), unless it opens the sentence
  // alone ("Analysts said").
  const opensSentence = (i: number) =>
    (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) && !inName.has(i) &&
    !(i + 1 < tokens.length && joinable(tokens[i], tokens[i + 1]) && /^\p{Lu}/u.test(tokens[i + 1].text))
  const mainCountry = clearFavourite(spans.flatMap((s) => (s.kind === "country" && s.country !== undefined ? [s.country] : [])).map((c) => c.country))
  const actors = new Map<string, LocalActor>()
  const mentions: Array<ActorMention> = []
  for (let i = 0; i < tokens.length; i++) {
    const word = lower(tokens[i])
    const faith = lexicon.faithGroups.has(word)
    const capitalised = /^\p{Lu}/u.test(tokens[i].text) && !INITIALS_PLURAL.test(tokens[i].text)
    const people = lexicon.peopleNouns.has(word)
    if (!(lexicon.groupNouns.has(word) || people) || (capitalised && !opensSentence(i) && !faith)) continue
    const country = i > 0 && joinable(tokens[i - 1], tokens[i]) ? countryEndingAt.get(i - 1) : undefined
    const isGovernment = GOVERNMENT_NOUNS.has(word)
    // A bare singular ("a spokesman") does not say whose; only plurals stand alone. "The government"
    // is the country's written after it, else the main country's; "the administration" alone is not,
    // as a company can be in one.
    const bareGovernment = word === "government" && lower(tokens[i - 1] ?? tokens[i]) === "the"
    const affiliation = country?.country?.country ?? (bareGovernment ? countryAfterOf(i)?.country?.country ?? mainCountry : null)
    if (isGovernment ? affiliation === null : country === undefined && !word.endsWith("s") && !people) continue
    const start = country?.start ?? tokens[i].start
    const end = tokens[i].end
    const written = text.slice(start, end)
    const kind = isGovernment ? "organization" : "group"
    const noun = faith || INITIALS_PLURAL.test(tokens[i].text) ? nameCore(tokens[i]).text : word
    const name = country !== undefined ? `${written.slice(0, country.end - start)} ${noun}` : isGovernment ? `${affiliation} ${word}` : noun
    // "UK government" and "British government" are one actor: the key is the country's, the name as first written.
    const key = isGovernment ? `organization:government:${affiliation}` : `${kind}:${name.toLowerCase()}`
    const rule = isGovernment ? (country === undefined ? "pattern:main-country-government" : "pattern:country-government") : affiliation === null ? "lexicon:groups" : "lexicon:groups+country"
    const known = actors.get(key)
    actors.set(key, known
      ? { ...known, aliases: known.aliases.includes(written) ? known.aliases : [...known.aliases, written] }
      : { key, name, kind, title: null, titleNormalized: null, affiliation, aliases: [written], gender: null, rule })
    mentions.push({ actorKey: key, start, end, text: written, kind, role: "group", title: null, rule })
  }
  return { actors: [...actors.values()], mentions }
}
