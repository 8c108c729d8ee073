/**
 * Titles and affiliations of people: a title before the name ("US Treasury Secretary Scott
 * Bessent", "White House press secretary Karoline Leavitt") or in an appositive after it ("Kevin
 * Hassett, director of the National Economic Council,"). The affiliation is the country or
 * institution written with the title, else — for a national office only — the country the
 * sentence names before the person.
 */
import type { Token } from "../../model/document.ts"
import type { ExtractContext } from "../context.ts"
import type { ActorLexicon, Gender } from "./lexicon.ts"
import type { NameSpan } from "./recognize.ts"
import { isAbbreviatedTitle, lower, nameCore } from "./tokens.ts"

export interface TitleFacts {
  readonly title: string
  readonly titleNormalized: string
  readonly affiliation: string | null
  readonly gender?: Gender
  readonly rule: string
}

/** Offices that belong to a state, so a country named nearby is their affiliation. */
const NATIONAL_OFFICES = new Set([
  "president", "vice president", "premier", "vice premier", "prime minister", "chancellor", "minister", "secretary",
  "secretary of state", "trade representative", "representative", "ambassador", "envoy", "negotiator", "king", "queen",
  "senator", "attorney general", "press secretary"
])
/** Titles written short, as their normalised title says them in full. */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["rep", "representative"], ["sen", "senator"], ["gov", "governor"], ["gen", "general"], ["col", "colonel"],
  ["lt", "lieutenant"], ["maj", "major"], ["capt", "captain"], ["sgt", "sergeant"], ["prof", "professor"]
])
const APPOSITIVE_STARTERS = new Set(["the", "a", "an", "former", "its", "his", "her", "their"])

export const attachTitle = (lexicon: ActorLexicon, context: ExtractContext, span: NameSpan, spans: ReadonlyArray<NameSpan>): TitleFacts | undefined =>
  titleBeforeName(lexicon, context, span, spans) ?? appositiveTitle(lexicon, context, span, spans)

const affiliationOf = (s: NameSpan): string | null =>
  s.country !== undefined && s.kind === "country" ? s.country.country : s.organization !== undefined ? (s.organization.affiliation ?? s.organization.name) : s.kind === "organization" ? s.text : null

const titleBeforeName = (lexicon: ActorLexicon, context: ExtractContext, span: NameSpan, spans: ReadonlyArray<NameSpan>): TitleFacts | undefined => {
  const titleFirst = span.titleFirst
  if (titleFirst === undefined) return undefined
  const { tokens, text } = context
  const titleTokens = tokens.slice(titleFirst, span.first)
  const words = titleTokens.map((token) => (isAbbreviatedTitle(lexicon, token) ? TITLE_ABBREVIATIONS.get(lower(token)) ?? lower(token) : lower(token)))
  if (words.length === 1 && lexicon.honorifics.has(words[0].replace(/\.$/, "")) && !lexicon.titleHeads.has(words[0])) return undefined
  let titleStart = tokens[titleFirst].start
  // An abbreviated title keeps its period: "Rep.", not "Rep".
  const titleEnd = tokens[span.first - 1].end + (isAbbreviatedTitle(lexicon, tokens[span.first - 1]) ? 1 : 0)
  let affiliation: string | null = null
  let rule = "title:before-name"
  // What sits right before the title: a country ("US", "Chinese", "China's") or an institution ("White House").
  // Only within the sentence: "… contacted the US Anti-Doping Agency. Communications director Nick Davies"
  // names no affiliation (the gap holds the full stop; an abbreviation's own period is the name's).
  const before = spans.find((s) => s.last === titleFirst - 1 && !/[.!?;:]/.test(text.slice(nameCore(tokens[s.last]).end, tokens[titleFirst].start)))
  if (before !== undefined) {
    affiliation = affiliationOf(before)
    if (affiliation !== null) rule = "title:before-name+affiliation:written"
    if (before.kind === "organization" && !nameCore(tokens[before.last]).possessive) titleStart = before.start
  }
  const title = text.slice(titleStart, titleEnd)
  const titleNormalized = words.join(" ")
  if (affiliation === null && NATIONAL_OFFICES.has(headOf(lexicon, words))) {
    affiliation = countryInSentence(context, span, spans)
    if (affiliation !== null) rule = "title:before-name+affiliation:sentence-country"
  }
  return { title, titleNormalized, affiliation, rule, ...(span.gender ? { gender: span.gender } : {}) }
}

/** The title's head: the longest title head its words end with ("vice premier" over "premier"). */
const headOf = (lexicon: ActorLexicon, words: ReadonlyArray<string>): string => {
  for (let k = 0; k < words.length; k++) {
    const tail = words.slice(k).join(" ")
    if (lexicon.titleHeads.has(tail)) return tail
  }
  return words[words.length - 1] ?? ""
}

/** "Hassett, director of the National Economic Council," → title and affiliation after the name. */
const appositiveTitle = (lexicon: ActorLexicon, context: ExtractContext, span: NameSpan, spans: ReadonlyArray<NameSpan>): TitleFacts | undefined => {
  const { tokens, text } = context
  const comma = tokens[span.last]
  if (!/^,\s/.test(comma.post)) return undefined
  const sentence = context.sentences[comma.sentence]
  let t = span.last + 1
  let sawHead = false
  let end = -1
  const startToken = t
  while (t < sentence.endToken) {
    const token: Token = tokens[t]
    const word = lower(token)
    if (t === startToken && APPOSITIVE_STARTERS.has(word)) { t++; continue }
    if (lexicon.titleHeads.has(word)) sawHead = true
    else if (!sawHead && !lexicon.titleModifiers.has(word) && !/^\p{Lu}/u.test(token.text)) return undefined
    end = t
    // An opening bracket ends it too: "director of the National Infrastructure Security Coordination
    // Centre (NISCC)" holds the title and then the institution's initials.
    if (/[,;.!?()]/.test(token.post) || /\(/.test(tokens[t + 1]?.pre ?? "") || token.post.includes("—") || token.post.includes("–")) break
    t++
  }
  if (!sawHead || end < 0 || end - startToken > 12) return undefined
  const first = tokens[startToken]
  const title = text.slice(first.start, tokens[end].end)
  const inside = spans.filter((s) => s.first > span.last && s.last <= end)
  const affiliation = inside.map(affiliationOf).find((a) => a !== null) ?? null
  // Normalised without the article or possessive it opened with: "a senator" is a senator.
  const normalized = canonicalOrganizations(title, first.start, inside).toLowerCase().replace(/^(the|an?|its|his|her|their)\s+/, "")
  return { title, titleNormalized: normalized, affiliation, rule: "title:appositive" }
}

/**
 * The title with each organisation written in it replaced by its canonical name, so that "director of the
 * White House National Economic Council" and "director of the National Economic Council" normalise alike.
 */
const canonicalOrganizations = (title: string, titleStart: number, inside: ReadonlyArray<NameSpan>): string => {
  const outermost = inside.filter((s) => !inside.some((o) => o !== s && o.first <= s.first && o.last >= s.last))
  let result = title
  for (const s of outermost.toSorted((a, b) => b.start - a.start)) {
    if (s.organization === undefined) continue
    result = result.slice(0, s.start - titleStart) + s.organization.name + result.slice(s.end - titleStart)
  }
  return result
}

/** The nearest country acting in the sentence before the person, else right after (", Beijing's"). */
const countryInSentence = (context: ExtractContext, span: NameSpan, spans: ReadonlyArray<NameSpan>): string | null => {
  const sentence = context.tokens[span.first].sentence
  const inSentence = spans.filter((s) => s.kind === "country" && s.country !== undefined && context.tokens[s.first].sentence === sentence)
  const before = inSentence.filter((s) => s.last < span.first).pop()
  if (before?.country) return before.country.country
  // "He Lifeng, Beijing's top trade negotiator": a possessive country in an appositive.
  const after = inSentence.find((s) => s.first === span.last + 1 && context.tokens[span.last].post.trim() === "," && s.country?.form !== "demonym")
  return after?.country?.country ?? null
}
