/**
 * The tagger proposes the names and their types; the rules add what the training data cannot teach.
 *
 * - A name the tagger and a rule both found with the same words keeps the rule's facts (the country or
 *   institution of the gazetteer, a title before the name) under the tagger's type; its `rule` reads
 *   `model:ner+<rule>`. Where the two disagree on the type, the tagger's type wins, except after a title
 *   or honorific ("Mr. Jordan", "President Washington").
 * - A name only the tagger found is `model:ner`; a location is a country, or a capital acting as its
 *   government, where the gazetteer says so, else a place.
 * - A rule's name the tagger did not find is kept only from the gazetteers and the cues (titles,
 *   honorifics, offices): a demonym ("British"), an international body. The statistics, defaults and
 *   compromise's tags are what the tagger replaces.
 * - In a document, a short form takes the type of its long form: "Blackburn" after "Peter Blackburn"
 *   is a person, "Reuters" after "Reuters Holdings" an organisation (`+document:long-form`).
 */
import { isGenerationalSuffix } from "../../../dedupe/names.ts"
import type { Sentence, Token } from "../../../model/document.ts"
import type { ActorKind } from "../../../model/tables.ts"
import type { ActorLexicon } from "../lexicon.ts"
import { countrySpan, titleBefore } from "../recognize.ts"
import type { NameSpan } from "../recognize.ts"
import { capsLineFlags, isCapitalised, isListedFunctionWord, joinable, nameCore, startsClause } from "../tokens.ts"
import { lineKinds } from "./features.ts"
import type { EntityType } from "./perceptron.ts"
import type { TaggedName } from "./tagger.ts"
import { descriptionNouns } from "../descriptions.ts"

const KINDS: Record<Exclude<EntityType, "MISC">, ReadonlyArray<ActorKind>> = {
  PER: ["person"],
  ORG: ["organization"],
  LOC: ["country", "place"]
}

const TRAINING_FREE = /^(?:lexicon|cue|pattern):/
const NAME_TAGS = ["Person", "Place", "Organization", "Country", "City", "FirstName", "LastName"]

/** Rules whose names stand where the tagger found none: gazetteers and cues. */
const KEPT_ALONE = /^(?:lexicon:|cue:|pattern:country-government)/

const words = (tokens: ReadonlyArray<Token>, name: { first: number; last: number }): Array<string> => {
  const found: Array<string> = []
  for (let t = name.first; t <= name.last; t++) found.push(nameCore(tokens[t]).text)
  return found
}

/**
 * A short form takes the type of its long form in the document: a person's surname (the last word
 * before a generational suffix: "Fenton" after "Robert Lee Fenton Jr.") or first name after the full
 * name ("Blackburn" after "Peter Blackburn"), a firm's name without its company word
 * ("Reuters" after "Reuters Holdings", "Scorpion" after "Scorpion Minerals Inc"), a place's last word
 * ("Delhi" after "New Delhi") unless compromise lists it as a common noun. A country the gazetteer
 * knows keeps its own type.
 */
export const typeShortForms = <N extends TaggedName>(
  lexicon: ActorLexicon,
  listedTags: (word: string) => ReadonlyArray<string>,
  tokens: ReadonlyArray<Token>,
  names: ReadonlyArray<N>
): Array<N & { readonly longForm: boolean }> => {
  const texts = names.map((name) => words(tokens, name))
  const longForms = new Map<string, Map<EntityType, number>>()
  const vote = (form: string, type: EntityType) => {
    const votes = longForms.get(form) ?? new Map<EntityType, number>()
    votes.set(type, (votes.get(type) ?? 0) + 1)
    longForms.set(form, votes)
  }
  names.forEach((name, m) => {
    const long = texts[m]
    if (long.length < 2) return
    if (name.type === "PER") {
      let end = long.length
      while (end > 2 && isGenerationalSuffix(long[end - 1])) end--
      vote(long[end - 1], "PER")
      vote(long[0], "PER")
    } else if (name.type === "LOC") {
      // "Delhi" after "New Delhi"; not a word compromise lists as a common noun ("House" of "White
      // House" is another body) or a person's name ("Santos").
      const last = long[long.length - 1]
      if (!listedTags(last.toLowerCase()).some((tag) => NOT_PLACE_WORD_TAGS.has(tag))) vote(last, "LOC")
    } else if (name.type === "ORG") {
      let end = long.length
      while (end > 1 && lexicon.organizationSuffixes.has(long[end - 1].toLowerCase().replace(/\.$/, ""))) end--
      if (end < long.length) {
        vote(long.slice(0, end).join(" "), "ORG")
        vote(long[0], "ORG")
      }
    }
  })
  return names.map((name, n) => {
    const short = texts[n].join(" ")
    const votes = longForms.get(short)
    const best = votes === undefined ? undefined : [...votes].sort((a, b) => b[1] - a[1])[0]
    const country = lexicon.countries.get(short.toLowerCase())
    if (best === undefined || best[0] === name.type || (country !== undefined && country.form !== "capital")) return { ...name, longForm: false }
    return { ...name, type: best[0], longForm: true }
  })
}

/** Tokens [first, last] of a document. */
interface TokenRange {
  readonly first: number
  readonly last: number
}

/**
 * The last token (`step` 1) or the first (`step` -1) of the run of capitalised words, joined by spaces
 * or hyphens within one sentence, that token `from` belongs to.
 */
const capitalisedRunEnd = (tokens: ReadonlyArray<Token>, from: number, step: 1 | -1): number => {
  let end = from
  for (let next = from + step; next >= 0 && next < tokens.length; next += step) {
    const [a, b] = step === 1 ? [tokens[end], tokens[next]] : [tokens[next], tokens[end]]
    if (tokens[next].sentence !== tokens[from].sentence || !isCapitalised(tokens[next]) || !joinable(a, b)) break
    end = next
  }
  return end
}

/**
 * "German retailer Promodes", "trade union Aslef", "rival airline Flybe": the capitalised words right
 * after a noun by which news refers to an organisation (`quotes-descriptions.json`: company, retailer,
 * union, club, …), in lower case and with nothing but a space between, name that organisation. The
 * token ranges of such names.
 */
export const organizationNounCues = (tokens: ReadonlyArray<Token>): Array<TokenRange> => {
  const nouns = descriptionNouns()
  const cues: Array<TokenRange> = []
  for (let i = 1; i < tokens.length; i++) {
    const noun = tokens[i - 1]
    if (!nouns.has(noun.text) || noun.sentence !== tokens[i].sentence || !isCapitalised(tokens[i]) || !joinable(noun, tokens[i])) continue
    cues.push({ first: i, last: capitalisedRunEnd(tokens, i, 1) })
  }
  return cues
}

/**
 * "Oldham v Ipswich", "Brighton vs Scunthorpe": the capitalised words on each side of a "v" or "vs"
 * (without a period: "Roe v. Wade" is a court's case) name the two teams of a fixture, organisations
 * (CoNLL-2003 train: 54 of the 55 fixtures with a name on both sides are two ORG). The token ranges
 * of such names; a country the gazetteer knows stays a country (a national team).
 */
export const versusCues = (tokens: ReadonlyArray<Token>): Array<TokenRange> => {
  const cues: Array<TokenRange> = []
  const spaced = (gap: string) => /^\s+$/.test(gap)
  for (let i = 1; i + 1 < tokens.length; i++) {
    const v = tokens[i]
    if ((v.text !== "v" && v.text !== "vs") || !spaced(tokens[i - 1].post + v.pre) || !spaced(v.post + tokens[i + 1].pre)) continue
    if (!isCapitalised(tokens[i - 1]) || !isCapitalised(tokens[i + 1])) continue
    cues.push({ first: capitalisedRunEnd(tokens, i - 1, -1), last: i - 1 }, { first: i + 1, last: capitalisedRunEnd(tokens, i + 1, 1) })
  }
  return cues
}

/**
 * "the Karol Bagh area", "Kandahar province": capitalised words right before a lower-case noun for a
 * part of a country name a place. The nouns are those before which CoNLL-2003 train has places or
 * adjectives (MISC: "the Chechen region"), never a person or an organisation: area, district, province,
 * region, suburb, valley, neighbourhood. The token ranges of such names.
 */
const PLACE_NOUNS: ReadonlySet<string> = new Set(["area", "district", "province", "region", "suburb", "valley", "neighbourhood", "neighborhood"])
export const placeNounCues = (tokens: ReadonlyArray<Token>): Array<TokenRange> => {
  const cues: Array<TokenRange> = []
  for (let i = 1; i < tokens.length; i++) {
    const noun = tokens[i]
    if (!PLACE_NOUNS.has(noun.text) || noun.sentence !== tokens[i - 1].sentence || !isCapitalised(tokens[i - 1]) || !joinable(tokens[i - 1], noun)) continue
    cues.push({ first: capitalisedRunEnd(tokens, i - 1, -1), last: i - 1 })
  }
  return cues
}

/** Token ranges of names whose neighbours say what they are (`organizationNounCues`, `versusCues`, `placeNounCues`). */
export interface NameCues {
  readonly organizationNoun: ReadonlyArray<TokenRange>
  readonly versus: ReadonlyArray<TokenRange>
  readonly placeNoun: ReadonlyArray<TokenRange>
}

/** Why `typeBySameName` gave a name another type (its rule's suffix), or null. */
export type Retyped = "document:majority" | "cue:organization-noun" | "cue:versus" | "cue:place-noun" | null

/**
 * One reading per name in a document, where the evidence is clear:
 * - a name right after an organisation noun (`organizationNounCues`) is an organisation there,
 *   whatever the tagger read (`+cue:organization-noun`); a name before a place noun (`placeNounCues`)
 *   is a place there if the tagger read a person (`+cue:place-noun`); both readings count, twice, for
 *   the name's other mentions, found by the tagger there or not;
 * - the teams of a fixture (`versusCues`) are organisations there (`+cue:versus`), unless the
 *   gazetteer knows the name as a country (a national team);
 * - a name the tagger reads as a person in fewer than half of its readings (the others organisations,
 *   places or other names: MISC, as in "the Doboj area") is no person: its person readings take the
 *   organisation or place type it has most often, read at least twice (`+document:majority`).
 *   "Doboj": three places, six other names ("the Doboj knot"), and three persons ("Doboj's imam",
 *   "enter Doboj").
 * A type a long form gave (`typeShortForms`) counts as a reading and stays. Only person readings give
 * way to the majority: a city and its club ("Leeds", "Milan") are both in sports news, and taking the
 * majority between organisations and places cost 7 matches on CoNLL-2003 train fold 0 (model
 * without it).
 */
export const typeBySameName = <N extends TaggedName & { readonly longForm: boolean }>(
  isCountry: (name: string) => boolean,
  tokens: ReadonlyArray<Token>,
  names: ReadonlyArray<N>,
  cues: NameCues = { organizationNoun: [], versus: [], placeNoun: [] }
): Array<N & { readonly retyped: Retyped }> => {
  const keyOf = (range: TokenRange) => words(tokens, range).join(" ").toLowerCase()
  const at = (ranges: NameCues[keyof NameCues]) => new Set(ranges.map((cue) => `${cue.first}:${cue.last}`))
  const [organizationNoun, versus, placeNoun] = [at(cues.organizationNoun), at(cues.versus), at(cues.placeNoun)]
  const readings = new Map<string, Map<EntityType, number>>()
  const read = (key: string, type: EntityType, weight = 1) => {
    const votes = readings.get(key) ?? new Map<EntityType, number>()
    votes.set(type, (votes.get(type) ?? 0) + weight)
    readings.set(key, votes)
  }
  const keys = names.map(keyOf)
  const places = names.map((name) => name.type === "PER" && placeNoun.has(`${name.first}:${name.last}`))
  names.forEach((name, n) => {
    const range = `${name.first}:${name.last}`
    if (!organizationNoun.has(range) && !placeNoun.has(range)) read(keys[n], name.type)
  })
  // A cue says more than the tagger's reading of a mention: it counts twice.
  for (const cue of cues.organizationNoun) read(keyOf(cue), "ORG", 2)
  for (const cue of cues.placeNoun) read(keyOf(cue), "LOC", 2)
  return names.map((name, n) => {
    const range = `${name.first}:${name.last}`
    if (organizationNoun.has(range)) return { ...name, type: "ORG", retyped: name.type === "ORG" ? null : "cue:organization-noun" }
    if (versus.has(range) && name.type !== "ORG" && !isCountry(keys[n])) return { ...name, type: "ORG", retyped: "cue:versus" }
    if (places[n]) return { ...name, type: "LOC", retyped: "cue:place-noun" }
    const votes = readings.get(keys[n])
    if (name.type !== "PER" || name.longForm || votes === undefined) return { ...name, retyped: null }
    const total = [...votes.values()].reduce((sum, count) => sum + count, 0)
    const best = [...votes].filter(([type]) => type === "ORG" || type === "LOC").sort((a, b) => b[1] - a[1])[0]
    if (best === undefined || best[1] < 2 || (votes.get("PER") ?? 0) * 2 >= total) return { ...name, retyped: null }
    return { ...name, type: best[0], retyped: "document:majority" }
  })
}

/**
 * "G. Gooch": compromise ends a sentence at an initial's period, so the tagger sees the initial and
 * the surname apart; an initial right before a name is its first word.
 */
const joinInitials = (tokens: ReadonlyArray<Token>, names: ReadonlyArray<TaggedName>): Array<TaggedName> => {
  const joined: Array<TaggedName> = []
  for (const name of names) {
    const previous = joined[joined.length - 1]
    if (previous !== undefined && previous.last + 1 === name.first && /^\p{Lu}$/u.test(tokens[previous.last].text) && joinable(tokens[previous.last], tokens[name.first])) {
      joined[joined.length - 1] = { first: previous.first, last: name.last, type: name.type }
    } else joined.push(name)
  }
  return joined
}

const NOT_PLACE_WORD_TAGS: ReadonlySet<string> = new Set(["Noun", "Singular", "Plural", "Person", "FirstName", "LastName", "MaleName", "FemaleName"])

const GIVEN_NAME_TAGS = ["FirstName", "MaleName", "FemaleName"]

/** "(Kiki)", "'Jerry'": one capitalised word in brackets or quotes, between two capitalised words. */
const isNicknameBetween = (tokens: ReadonlyArray<Token>, k: number): boolean => {
  const [before, word, after] = [tokens[k - 1], tokens[k], tokens[k + 1]]
  if (before === undefined || after === undefined || before.sentence !== after.sentence) return false
  return /^\s*[(“‘"']$/u.test(before.post + word.pre) && /^[)”’"']\s+$/u.test(word.post + after.pre) &&
    /^\p{Lu}\p{Ll}+$/u.test(word.text) && isCapitalised(before) && isCapitalised(after)
}

/**
 * "Kimani (Kiki) Gray", "Luis Gerardo 'Jerry' Ortiz": a nickname in brackets or quotes between a
 * person's given names and surname is inside the name; the tagger, which rarely saw one, cuts the
 * name there (or types the surname apart). The names around it become one person's name.
 */
const joinNicknames = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, names: ReadonlyArray<TaggedName>): Array<TaggedName & { readonly nickname?: true }> => {
  let joined: Array<TaggedName & { readonly nickname?: true }> = [...names]
  for (let k = 1; k < tokens.length - 1; k++) {
    if (!isNicknameBetween(tokens, k)) continue
    const touching = joined.filter((n) => n.first <= k + 1 && n.last >= k - 1)
    // "Olaf Ludwig (Germany) Telekom": a country or place in brackets is the person's country, not a nickname.
    if (lexicon.countries.has(tokens[k].text.toLowerCase()) || touching.some((n) => n.first <= k && k <= n.last && n.type === "LOC")) continue
    // The pattern says "person" where the tagger typed a part so, or compromise knows the first word
    // as a given name, even where the tagger typed the rest otherwise ("Gray", "Mimi").
    if (!touching.some((n) => n.type === "PER") && !GIVEN_NAME_TAGS.some((tag) => tokens[k - 1].tags.includes(tag))) continue
    const first = Math.min(k - 1, ...touching.map((n) => n.first))
    const last = Math.max(k + 1, ...touching.map((n) => n.last))
    joined = [...joined.filter((n) => !touching.includes(n)), { first, last, type: "PER" as const, nickname: true as const }].sort((x, y) => x.first - y.first)
  }
  return joined
}

/** "Christmas", "Christmas Eve Tony Blair": a holiday's name is a day; what follows it may be a name. */
const withoutHoliday = <N extends TaggedName>(lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, name: N): N | undefined => {
  const all = words(tokens, name).map((w) => w.toLowerCase())
  for (let k = Math.min(all.length, 3); k >= 1; k--) {
    if (!lexicon.holidays.has(all.slice(0, k).join(" "))) continue
    // "Christmas Island": a place or institution word after the holiday makes it a name.
    const next = all[k]
    if (next !== undefined && (lexicon.placeSuffixes.has(next) || lexicon.organizationSuffixes.has(next) || next === "island")) return name
    return k === all.length ? undefined : { ...name, first: name.first + k }
  }
  return name
}

/**
 * Courtesy titles, which stand only before a person's name (AP and Reuters style; the title lexicon
 * lists them among the honorifics with their gender). Other honorifics also begin names of places and
 * institutions ("King Fahd University", "Queen Elizabeth Hospital", "Prince Albert Park").
 */
const COURTESY_TITLES: ReadonlySet<string> = new Set(["mr", "mrs", "ms", "miss", "dr", "prof"])

/**
 * "Mr King", "Dr Major": a name the tagger began with a courtesy title is a person named by what
 * follows, whatever that word is elsewhere (a title, a place); the title is the name's title, as
 * CoNLL-2003 leaves it outside the name.
 */
const withoutCourtesyTitle = <N extends TaggedName>(tokens: ReadonlyArray<Token>, name: N): N => {
  if (name.last === name.first || !COURTESY_TITLES.has(tokens[name.first].text.toLowerCase().replace(/\.$/, ""))) return name
  return { ...name, first: name.first + 1, type: "PER" }
}

/**
 * "With Wikinews, Richardson discussed": a person's name holds no comma (CoNLL-2003's names have none;
 * a generational suffix aside, "Robert Fenton, Jr."), so a person the tagger ran over one is what
 * follows the last comma.
 */
const afterLastComma = <N extends TaggedName>(tokens: ReadonlyArray<Token>, name: N): N => {
  if (name.type !== "PER") return name
  for (let t = name.last - 1; t >= name.first; t--) {
    if (tokens[t].post.includes(",") && !isGenerationalSuffix(tokens[t + 1].text)) return { ...name, first: t + 1 }
  }
  return name
}

/**
 * "During Ramadan", "A Muslim", "And Scorpion Minerals Inc": a word compromise's word list knows only
 * as a function word, opening the clause, is not the name's first word ("The Sun" keeps its article).
 */
const withoutLeadingFunctionWord = <N extends TaggedName>(tokens: ReadonlyArray<Token>, sentences: ReadonlyArray<Sentence>, listedTags: (word: string) => ReadonlyArray<string>, name: N): N | undefined => {
  const token = tokens[name.first]
  const word = token.text.toLowerCase()
  if (word === "the" || !/^\p{Lu}(?:\p{Ll}|$)/u.test(token.text) || !startsClause(tokens, name.first, sentences[token.sentence].firstToken)) return name
  if (!isListedFunctionWord(listedTags(word))) return name
  return name.first === name.last ? undefined : { ...name, first: name.first + 1 }
}

/**
 * "Obama Reverses Bush on Species Protection Measure", "Director Gary Ross Still in Negotiations": in a
 * title-case headline the tagger runs a name into the capitalised words around it. A headline name
 * the prose never uses is cut to the names inside it that the prose does use, each with its prose
 * type (longest first, left to right); with none inside, it stays as it is.
 */
const headlineParts = <N extends TaggedName>(name: N, isTitleLine: boolean, textOf: (span: TaggedName) => string, proseTypes: ReadonlyMap<string, EntityType>): Array<N> => {
  if (!isTitleLine || proseTypes.has(textOf(name))) return [name]
  const parts: Array<N> = []
  for (let first = name.first; first <= name.last; ) {
    let last = name.last
    while (last >= first && !proseTypes.has(textOf({ first, last, type: name.type }))) last--
    if (last < first) {
      first++
      continue
    }
    parts.push({ ...name, first, last, type: proseTypes.get(textOf({ first, last, type: name.type }))! })
    first = last + 1
  }
  return parts.length === 0 ? [name] : parts
}

export const mergeModelNames = (
  lexicon: ActorLexicon,
  listedTags: (word: string) => ReadonlyArray<string>,
  text: string,
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<Sentence>,
  tagged: ReadonlyArray<TaggedName>,
  ruleSpans: ReadonlyArray<NameSpan>
): Array<NameSpan> => {
  const allTyped = typeBySameName(
    (name) => lexicon.countries.get(name)?.form === "name" || lexicon.countries.get(name)?.form === "alias",
    tokens,
    typeShortForms(lexicon, listedTags, tokens, joinNicknames(lexicon, tokens, joinInitials(tokens, tagged))),
    { organizationNoun: organizationNounCues(tokens), versus: versusCues(tokens), placeNoun: placeNounCues(tokens) }
  )
  const typed = allTyped.filter((name) => name.type !== "MISC")
  // Tokens of the names the tagger reads as neither person, organisation nor place ("PREMIER LEAGUE").
  const inMiscName = new Set(allTyped.filter((name) => name.type === "MISC").flatMap((name) => Array.from({ length: name.last - name.first + 1 }, (_, k) => name.first + k)))
  const merged: Array<NameSpan> = []
  const claimed = new Set<number>()
  // A gazetteer phrase or a cue's name the tagger cut differently stands as the rule found it:
  // "Dar es Salaam", "Vice Premier He Lifeng", "Secretary of State Condoleezza Rice".
  // Only where the rule's name holds the tagger's, or the tagger took a title's words into the name.
  const strongRule = (name: TaggedName) =>
    ruleSpans.some((span) => span.confidence >= 3 && KEPT_ALONE.test(span.rule) && span.first <= name.last && name.first <= span.last &&
      (span.first !== name.first || span.last !== name.last) &&
      ((span.first <= name.first && name.last <= span.last) || (span.rule.startsWith("cue:") && name.first < span.first)))
  // "The Muslim Council of Britain", "Bank of the West and Wells Fargo Bank": where the rules found the
  // name without the sentence's article, or found two names the tagger ran together, the rules' stand.
  const training = ruleSpans.filter((span) => KEPT_ALONE.test(span.rule) || span.rule.startsWith("pattern:"))
  const ruleNamesInside = (name: TaggedName) => {
    const inside = training.filter((span) => name.first <= span.first && span.last <= name.last && (span.first !== name.first || span.last !== name.last))
    const articleOnly = inside.length === 1 && inside[0].first === name.first + 1 && inside[0].last === name.last && tokens[name.first].text === "The"
    return articleOnly || inside.length >= 2 ? inside : undefined
  }
  // A work's title after its noun ("the film Vera Drake"), and the same title elsewhere, is no actor.
  const works = new Set(ruleSpans.filter((span) => span.kind === "other").map((span) => span.text))
  const work = (name: TaggedName) =>
    ruleSpans.some((span) => span.kind === "other" && span.first <= name.last && name.first <= span.last) ||
    works.has(text.slice(tokens[name.first].start, nameCore(tokens[name.last]).end))
  // "US Treasury Secretary Scott Bessent": a title's words before a person are the title, not a name
  // ("US" stays the affiliation).
  const titleTokens = new Set<number>()
  // The place of an office inside the title ("Senator from Vermont") stays a name.
  // and so does an institution that began before the title ("Department of Health Secretary John Reid").
  const inOtherName = (t: number, titleFirst: number) =>
    ruleSpans.some((span) => span.titleFirst === undefined && span.first <= t && t <= span.last &&
      (span.kind === "place" || span.kind === "country" || (span.kind === "organization" && span.first < titleFirst)))
  for (const span of ruleSpans) {
    const titleFirst = span.titleFirst
    if (titleFirst !== undefined) for (let t = titleFirst; t < span.first; t++) if (!inOtherName(t, titleFirst)) titleTokens.add(t)
  }
  const withoutTitle = <N extends TaggedName>(name: N): N | undefined => {
    let last = name.last
    while (last >= name.first && titleTokens.has(last)) last--
    if (last < name.last) while (last >= name.first && !isCapitalised(tokens[last])) last--
    if (last < name.first) return undefined
    if (last === name.last) return name
    // What is left was typed as part of the longer name: a country the gazetteer knows is a location.
    const country = lexicon.countries.get(text.slice(tokens[name.first].start, nameCore(tokens[last]).end).toLowerCase())
    return { ...name, last, ...(country !== undefined && country.form !== "demonym" ? { type: "LOC" as const } : {}) }
  }
  /** "Deputy Luis Gerardo 'Jerry' Ortiz": the title's words before a joined name are the title. */
  const withoutLeadingTitle = <N extends TaggedName>(name: N): N => {
    let first = name.first
    while (first < name.last && titleTokens.has(first)) first++
    return { ...name, first }
  }
  // In a title-case headline capitals say nothing: a name there stands only where the document names
  // it again below, a rule needing no training data found it, or compromise knows a word of it as a name.
  const capsLine: Array<boolean> = []
  for (const sentence of sentences) capsLine.push(...capsLineFlags(tokens, sentence.firstToken, sentence.endToken))
  const lines = lineKinds(tokens, capsLine)
  const textOf = (name: TaggedName) => text.slice(tokens[name.first].start, nameCore(tokens[name.last]).end)
  const proseTypes = new Map<string, EntityType>()
  for (const name of typed) {
    if (lines[name.first] !== "prose") continue
    if (!proseTypes.has(textOf(name))) proseTypes.set(textOf(name), name.type)
    // "Pelosi Defends Schumer" over a report that names Nancy Pelosi: a person's surname is a prose name too.
    const surname = { first: name.last, last: name.last, type: name.type }
    if (name.type === "PER" && name.last > name.first && !proseTypes.has(textOf(surname))) proseTypes.set(textOf(surname), "PER")
  }
  const names = typed.flatMap((name) => headlineParts(name, lines[name.first] === "title", textOf, proseTypes))
  const proseNames = new Set(proseTypes.keys())
  const unsupportedInHeadline = (name: TaggedName) =>
    lines[name.first] === "title" && !proseNames.has(textOf(name)) &&
    !ruleSpans.some((span) => TRAINING_FREE.test(span.rule) && span.first <= name.last && name.first <= span.last) &&
    !tokens.slice(name.first, name.last + 1).some((token) => NAME_TAGS.some((tag) => token.tags.includes(tag)))
  for (const tagged of names) {
    // "I've", "Everyone has an opinion": a pronoun (compromise or the trained tagger reads it so in
    // context) is no name.
    if (tagged.first === tagged.last && (tokens[tagged.first].tags.includes("Pronoun") || tokens[tagged.first].upos === "PRON")) continue
    if (unsupportedInHeadline(tagged)) continue
    const trimmed = withoutLeadingFunctionWord(tokens, sentences, listedTags, withoutCourtesyTitle(tokens, afterLastComma(tokens, tagged.nickname === true ? withoutLeadingTitle(tagged) : tagged)))
    const untitled = trimmed === undefined ? undefined : withoutTitle(trimmed)
    const name = untitled === undefined ? undefined : withoutHoliday(lexicon, tokens, untitled)
    // A name joined across a nickname stands over a title's cue that cut it there ("Deputy Luis
    // Gerardo") and over a word read as a work or a demonym ("Jerry" from its CoNLL MISC statistics).
    if (name === undefined || (name.nickname !== true && (strongRule(name) || work(name)))) continue
    const ruleNames = ruleNamesInside(name)
    if (ruleNames !== undefined) {
      for (const span of ruleNames) {
        merged.push({ ...span, rule: `model:ner+${span.rule}`, confidence: Math.max(2, span.confidence) })
        for (let t = span.first; t <= span.last; t++) claimed.add(t)
      }
      continue
    }
    const type = name.type as Exclude<EntityType, "MISC">
    const suffix = name.longForm ? "+document:long-form" : name.retyped === null ? "" : `+${name.retyped}`
    const sentenceStart = sentences[tokens[name.first].sentence].firstToken
    const sentenceEnd = sentences[tokens[name.first].sentence].endToken
    const same = ruleSpans.find((span) => span.first === name.first && span.last === name.last)
    if (same?.kind === "other") continue
    // Where the two disagree on the type, a person after a title and a known institution ("White House",
    // which CoNLL-2003 mostly types LOC) keep the rule's.
    if (same !== undefined && (KINDS[type].includes(same.kind) || (same.kind === "person" && same.rule.startsWith("cue:")) || same.rule.startsWith("lexicon:organizations"))) {
      merged.push({ ...same, rule: `model:ner+${same.rule}${suffix}`, confidence: Math.max(2, same.confidence) })
      for (let t = name.first; t <= name.last; t++) claimed.add(t)
      continue
    }
    const start = tokens[name.first].start
    const end = nameCore(tokens[name.last]).end
    const found = { first: name.first, last: name.last, start, end, text: text.slice(start, end) }
    const rule = `model:ner${suffix}`
    const folded = found.text.toLowerCase()
    let span: NameSpan
    if (type === "PER") {
      const title = titleBefore(lexicon, tokens, name.first, sentenceStart)
      span = { ...found, kind: "person", rule, confidence: 2, ...(title ? { titleFirst: title.first, ...(title.gender ? { gender: title.gender } : {}) } : {}) }
    } else if (type === "ORG") {
      const organization = lexicon.organizations.get(folded)
      span = { ...found, kind: "organization", rule, confidence: 2, ...(organization ? { organization } : {}) }
    } else {
      const country = lexicon.countries.get(folded)
      span = country !== undefined && country.form !== "demonym"
        ? { ...countrySpan(tokens, found, country, sentenceEnd), rule: `${rule}+${countrySpan(tokens, found, country, sentenceEnd).rule}` }
        : { ...found, kind: "place", rule, confidence: 2 }
    }
    merged.push(span)
    for (let t = name.first; t <= name.last; t++) claimed.add(t)
  }
  for (const span of ruleSpans) {
    if (!KEPT_ALONE.test(span.rule)) continue
    // "White House" inside "White House National Economic Council" is an actor of its own.
    if (span.rule.endsWith(":inside-name")) {
      merged.push(span)
      continue
    }
    // A title's or honorific's cue inside what the tagger reads as one other name is no person's:
    // "Premier" of "PREMIER LEAGUE" titles no one called "League".
    const inside = span.kind === "person" && span.rule.startsWith("cue:") ? inMiscName : undefined
    let overlaps = false
    for (let t = span.first; t <= span.last && !overlaps; t++) overlaps = claimed.has(t) || inside?.has(t) === true
    if (!overlaps) merged.push(span)
  }
  return merged.sort((a, b) => a.start - b.start)
}
