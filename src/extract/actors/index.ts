/**
 * Actors extractor: finds every mention of a person, organisation, country, place or group in the
 * tagged tokens (no second NLP pass), then canonicalises the mentions of one document into local
 * actors ("Hassett" joins "Kevin Hassett"; "US", "American" and "Washington" acting as a government
 * join "United States"), with titles, affiliations and gender where the text gives them.
 */
import type { Token } from "../../model/document.ts"
import type { ActorMention, LocalActor } from "../../model/extraction.ts"
import type { ActorKind } from "../../model/tables.ts"
import type { ActorExtraction, ExtractContext } from "../context.ts"
import { actorLexicon } from "./lexicon.ts"
import { recognizeSentence } from "./recognize.ts"
import type { NameSpan } from "./recognize.ts"
import { canonicalize } from "./canonical.ts"
import { creditRanges, inCredit } from "./credits.ts"
import { mergeModelNames } from "./ner/merge.ts"
import { findGroups } from "./groups.ts"
import { findDescriptions, findTitleDescriptions } from "./descriptions.ts"
import { eventsLexicon, familyOf } from "../events/lexicon.ts"
import { FUNCTION_WORD_TAGS, hasTag, isCapitalised, isListedFunctionWord, isListedModifier, isTitleWord, joinable, lower, nameCore, readsAsDate, startsClause } from "./tokens.ts"

/** Forms of "do" and "have", which compromise's word list gives as plain verbs, not auxiliaries. */
const DO_AND_HAVE = new Set(["do", "does", "did", "have", "has", "had"])

/**
 * The events lexicon's nouns for occasions that get names of their own, in every written form:
 * elections, sports events and meetings ("election", "marathon", "summit", "championships").
 */
const OCCASION_FAMILIES: ReadonlySet<string> = new Set(["election", "sports", "meet"])
/**
 * Nouns of those families that also end the names of organisations and teams: "Human Rights Campaign",
 * "National Rally", "Melbourne Victory", "Nippon Telegraph and Telephone", and the results and acts of
 * an occasion rather than the occasion (a win, a call, an interview).
 */
const NOT_OCCASION_NAMES: ReadonlySet<string> = new Set([
  "campaign", "rally", "victory", "win", "defeat", "clash", "call", "phone", "telephone", "interview", "invitation", "visit"
])
let occasionNouns: ReadonlySet<string> | undefined
const isOccasionNoun = (word: string): boolean => {
  occasionNouns ??= new Set([...eventsLexicon().formsByFirstWord.values()].flat()
    .filter((form) => form.words.length === 1 && form.entry.pos === "noun" && !NOT_OCCASION_NAMES.has(form.entry.lemma) && OCCASION_FAMILIES.has(familyOf(form.entry.type, form.entry.cameo) ?? ""))
    .map((form) => form.words[0]))
  return occasionNouns.has(word)
}

/**
 * The nouns before a storm's given name: the tropical cyclones named from the World Meteorological
 * Organization's lists (hurricane, typhoon, cyclone, tropical storm) and the windstorms national
 * weather services name ("Storm Ciara").
 */
const STORM_NOUNS: ReadonlySet<string> = new Set(["hurricane", "typhoon", "cyclone", "storm"])
/** Words before a storm noun in a storm's name: "Tropical Storm", "Winter Storm", "Super Typhoon". */
const STORM_MODIFIERS: ReadonlySet<string> = new Set(["tropical", "winter", "super", "severe"])

/**
 * The names that are storms' ("Hurricane Humberto": the name right after a storm noun, or a name the
 * tagger ran together with the noun, "Tropical Storm Imelda"), and those storms' given names in lower case.
 */
const namedStorms = (tokens: ReadonlyArray<Token>, spans: ReadonlyArray<NameSpan>) => {
  const stormNoun = (i: number) => i >= 0 && STORM_NOUNS.has(lower(tokens[i]))
  const found = new Set<NameSpan>()
  const names = new Set<string>()
  for (const span of spans) {
    const before = span.first - 1
    let given = stormNoun(before) && tokens[before].sentence === tokens[span.first].sentence && joinable(tokens[before], tokens[span.first]) ? span.first : -1
    // "Hurricane Humberto", "Tropical Storm Imelda" read as one name: the word after its storm noun
    // (not "National Hurricane Center", whose noun a storm's name does not follow).
    const noun = STORM_MODIFIERS.has(lower(tokens[span.first])) ? span.first + 1 : span.first
    if (given < 0 && noun < span.last && stormNoun(noun) && isCapitalised(tokens[noun])) given = noun + 1
    if (given < 0) continue
    found.add(span)
    names.add(lower(tokens[given]))
  }
  return { spans: found, names }
}

export const extractActors = (context: ExtractContext): ActorExtraction => {
  const lexicon = actorLexicon()
  const ruleSpans: Array<NameSpan> = []
  for (const sentence of context.sentences) ruleSpans.push(...recognizeSentence(lexicon, context.text, context.tokens, sentence))
  const tagged = context.nlp.nameTagger().tag(lexicon, context.tokens, context.sentences, ruleSpans)
  const spans = mergeModelNames(lexicon, context.nlp.listedTags, context.text, context.tokens, context.sentences, tagged, ruleSpans)
  spans.push(...findKnownNamesAgain(context, spans))
  spans.sort((a, b) => a.start - b.start)
  // One word that compromise's word list knows only as a function word is no name, whatever the tagger
  // made of it in context: "((WN)) So, what…", "However" after a dash. Acronyms aside: "US", "WHO".
  const loneFunctionWord = (span: NameSpan) =>
    span.first === span.last && /\p{Ll}/u.test(span.text) && isListedFunctionWord(context.nlp.listedTags(span.text.toLowerCase()))
  // "((WN)) Can you…", "Had the federation…": a modal or auxiliary opening a clause before a pronoun
  // or a determiner asks a question; it names nobody ("Will" and "May" stay names elsewhere).
  const questionVerb = (span: NameSpan) => {
    const next = context.tokens[span.last + 1]
    return span.first === span.last && next !== undefined && startsClause(context.tokens, span.first, context.sentences[context.tokens[span.first].sentence].firstToken) &&
      (hasTag(next, "Pronoun") || hasTag(next, "Determiner")) &&
      (DO_AND_HAVE.has(span.text.toLowerCase()) || context.nlp.listedTags(span.text.toLowerCase()).some((tag) => tag === "Modal" || tag === "Auxiliary" || tag === "Copula"))
  }
  // "TV", "DVDs", "HIV", "the Oscars": the initials of a common noun or an award name a thing, not an actor.
  const thing = (span: NameSpan) => {
    const name = span.text.toLowerCase()
    return lexicon.notActors.has(name) || (name.endsWith("s") && lexicon.notActors.has(name.slice(0, -1)))
  }
  // Found only because it is capitalised: no statistics or gazetteer know its words.
  const unknownWords = (found: { readonly rule: string }) => /^(?:default|context):/.test(found.rule)
  // "Blu-ray", "Half-Life 2": an unknown word cut off from the rest of its hyphenated word is no name,
  // unless that rest is a participle or an adjective saying what the name does ("Zorblax-led", "Zorblax-owned").
  const cutFromCompound = (span: NameSpan) => {
    const next = context.tokens[span.last + 1]
    return unknownWords(span) && next !== undefined &&
      context.tokens[span.last].post + next.pre === "-" && !hasTag(next, "Verb") && !hasTag(next, "Adjective")
  }
  // "Subs Not Used:": a name of several words no statistics know, every one of which compromise's word
  // list gives only as a modifier (adjective, adverb, "not"), is common words in capitals. One such
  // word may still be a name ("Next" the retailer, "Stern" after Howard Stern).
  const modifiersOnly = (span: NameSpan) =>
    span.last > span.first && unknownWords(span) &&
    context.tokens.slice(span.first, span.last + 1).every((token) => isListedModifier(context.nlp.listedTags(nameCore(token).text.toLowerCase())))
  // "Chief Technology Officer Chris Wright", "the Chief Technological Officer of Red Hat": a word between
  // two words of a title (a capitalised title word before it, a title head after it) is the title's, no person.
  const insideTitle = (span: NameSpan) => {
    const before = context.tokens[span.first - 1]
    const after = context.tokens[span.last + 1]
    return span.kind === "person" && before !== undefined && after !== undefined && after.sentence === context.tokens[span.last].sentence &&
      isCapitalised(before) && isTitleWord(lexicon, lower(before)) && joinable(before, context.tokens[span.first]) &&
      isCapitalised(after) && lexicon.titleHeads.has(lower(after)) && joinable(context.tokens[span.last], after)
  }
  // "The Archbishop of Canterbury said", "the Mayor of London": a name right after an office's "of"
  // is the office's domain, a place, not a person (its holder, when named, comes after it: cue:office-of).
  const officeDomain = (span: NameSpan): NameSpan => {
    const of = context.tokens[span.first - 1]
    const office = context.tokens[span.first - 2]
    if (span.kind !== "person" || of?.normal !== "of" || office === undefined || office.sentence !== of.sentence || !lexicon.titleHeads.has(lower(office))) return span
    return { ...span, kind: "place", rule: `${span.rule}+context:office-of` }
  }
  // "the US Presidential Election", "the New York Marathon", "the G20 Summit": a name of several words
  // ending in an occasion's noun names the occasion (CoNLL-2003's MISC), not an organisation or a place.
  // A person may carry such a word as a surname, and "Court of Appeals" is an institution: both stay.
  const namedOccasion = (span: NameSpan) => {
    if (span.kind === "person" || span.last === span.first) return false
    const last = context.tokens[span.last]
    const words = context.tokens.slice(span.first, span.last + 1)
    return isCapitalised(last) && isOccasionNoun(lower(last)) && !lexicon.organizationSuffixes.has(lower(last)) &&
      !words.some((token) => token.normal === "of" || token.normal === "for")
  }
  // "Hurricane Humberto", "Typhoon Haiyan", "Storm Ciara": the name a storm is given is the storm's, an
  // event's, not a person's, and so are its later mentions ("Humberto had winds of 120 mph").
  const storms = namedStorms(context.tokens, spans)
  const namedStorm = (span: NameSpan) => storms.spans.has(span) || (span.first === span.last && storms.names.has(lower(context.tokens[span.first])))
  // "Reporting by …; Editing by …", "(AP) —", "/PRNewswire/": credits, whose names are metadata.
  const credits = creditRanges(context.text)
  const named = spans.map(officeDomain).filter((span) =>
    !inCredit(credits, span.start, span.end) && !isMetadataName(context, span.text) && !loneFunctionWord(span) && !questionVerb(span) && !thing(span) && !cutFromCompound(span) && !modifiersOnly(span) && !insideTitle(span) && !namedOccasion(span) && !namedStorm(span))
  const { actors, mentions } = canonicalize(lexicon, context, named)
  const groups = findGroups(lexicon, context, named)
  // A span is one mention. Where a group word is also read as a name ("MEPs"), the group lexicon is
  // the better reading when the name was only guessed from capitals or context; a gazetteer's name
  // stands. An actor left with no mention is no actor.
  const key = (m: ActorMention) => `${m.start}:${m.end}`
  const groupSpans = new Set(groups.mentions.map(key))
  const nameMentions = mentions.filter((m) => !(groupSpans.has(key(m)) && unknownWords(m)))
  const nameSpans = new Set(nameMentions.map(key))
  const groupMentions = groups.mentions.filter((m) => !nameSpans.has(key(m)))
  const descriptions = [...findDescriptions(context.text, context.tokens, nameMentions, actors), ...findTitleDescriptions(context.text, context.tokens, nameMentions, actors)]
  const allMentions: Array<ActorMention> = [...nameMentions, ...groupMentions, ...descriptions].sort((a, b) => a.start - b.start || b.end - a.end)
  const mentioned = new Set(allMentions.map((m) => m.actorKey))
  const allActors: Array<LocalActor> = [...actors, ...groups.actors].filter((a) => mentioned.has(a.key))
  return { actors: allActors, mentions: allMentions, diagnostics: [] }
}

/**
 * A name where the first pass could not see it: at the start of a sentence ("Trump spoke", "Yukos
 * said") capitalisation says nothing, and "He Lifeng" there starts like the pronoun. A name the
 * document already gives a person elsewhere is that person there too; so is an organisation's or a
 * place's name that the document writes in capitals inside a sentence, where capitals do tell.
 */
const findKnownNamesAgain = (context: ExtractContext, spans: ReadonlyArray<NameSpan>): Array<NameSpan> => {
  const { tokens, text, sentences } = context
  const names = new Map<string, { readonly length: number; readonly kind: ActorKind }>()
  for (const span of spans) {
    if (span.kind !== "person" || span.confidence < 1) continue
    names.set(span.text, { length: span.last - span.first + 1, kind: "person" })
    names.set(span.text.split(/\s+/).pop() ?? span.text, { length: 1, kind: "person" })
  }
  for (const span of spans) {
    const namedThing = span.kind === "organization" || span.kind === "place"
    // Gazetteer names are found wherever they stand; these are the names the text alone told.
    if (!namedThing || span.country !== undefined || span.organization !== undefined || names.has(span.text)) continue
    if (startsClause(tokens, span.first, sentences[tokens[span.first].sentence].firstToken)) continue
    names.set(span.text, { length: span.last - span.first + 1, kind: span.kind })
  }
  const covered = new Set<number>()
  for (const span of spans) for (let t = span.first; t <= span.last; t++) covered.add(t)
  const byLength = [...names].sort((a, b) => b[1].length - a[1].length)
  // One word that opens a sentence is that organisation or place only if it cannot be a common word
  // there: not a function word ("And", "For", "Yeah"), and not a word the text also writes in lower case
  // ("Radio", "People").
  const lowerCaseWords = new Set(tokens.filter((t) => /^\p{Ll}/u.test(t.text)).map(lower))
  const mayBeCommonWord = (token: Token) => FUNCTION_WORD_TAGS.some((tag) => hasTag(token, tag)) || lowerCaseWords.has(lower(token))
  // Names by their first three characters, so each token is compared with the names it can start
  // (comparing every token with every name cost the square of the document's length).
  const byPrefix = new Map<string, Array<number>>()
  byLength.forEach(([name], k) => {
    const key = name.slice(0, 3)
    const list = byPrefix.get(key)
    if (list === undefined) byPrefix.set(key, [k])
    else list.push(k)
  })
  const candidatesAt = (start: number) =>
    [1, 2, 3].flatMap((n) => byPrefix.get(text.slice(start, start + n)) ?? []).sort((a, b) => a - b).map((k) => byLength[k])
  const found: Array<NameSpan> = []
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !/^\p{Lu}/u.test(tokens[i].text)) continue
    const commonWord = mayBeCommonWord(tokens[i])
    for (const [name, { length, kind }] of candidatesAt(tokens[i].start)) {
      if (kind !== "person" && length === 1 && commonWord) continue
      // A one-word name is not found again where the tagger reads a date: Theresa May, "In May 2016".
      if (length === 1 && readsAsDate(tokens[i])) continue
      const last = i + length - 1
      if (last >= tokens.length || tokens[last].sentence !== tokens[i].sentence) continue
      const end = nameCore(tokens[last]).end
      if (text.slice(tokens[i].start, end) !== name || (last + 1 < tokens.length && !covered.has(last + 1) && joinable(tokens[last], tokens[last + 1]) && /^\p{Lu}/u.test(tokens[last + 1].text))) continue
      const rule = kind === "person" ? "canonical:known-person-name" : "canonical:known-name"
      found.push({ first: i, last, start: tokens[i].start, end, text: name, kind, rule, confidence: 1 })
      for (let t = i; t <= last; t++) covered.add(t)
      break
    }
  }
  return found
}

/** Authors, editors and publishers are the document's metadata, never actors in its news. */
const isMetadataName = (context: ExtractContext, text: string): boolean => {
  const { author, editor, publisher } = context.meta
  const folded = text.toLowerCase()
  // A byline may carry more than the name ("By Burak Bir"); a publisher is matched whole ("Reuters" ≠ "Reuters (RCV1)").
  return [author, editor].some((value) => value !== null && folded.length > 2 && value.toLowerCase().includes(folded)) ||
    (publisher !== null && publisher.toLowerCase() === folded)
}
