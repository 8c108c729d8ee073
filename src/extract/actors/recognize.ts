/**
 * Finds name spans in a sentence's tokens and decides what each names. Three families of rules:
 * gazetteer phrases (countries, their aliases, demonyms and capitals; international bodies and
 * institutions), capitalised runs (joined over name particles and "of" after an institution word),
 * and the cues around a run (a title or honorific before it makes a person).
 */
import type { Sentence, Token } from "../../model/document.ts"
import type { ActorKind } from "../../model/tables.ts"
import type { ActorLexicon, CountryEntry, Gender, OrganizationEntry } from "./lexicon.ts"
import { contextEvidence } from "./context.ts"
import { FUNCTION_WORD_TAGS, capsLineFlags, continuesPersonName, hasTag, isAbbreviatedTitle, isCapitalised, isTitleWord, joinable, lower, nameCore, readsAsDate, readsAsName, readsAsUnknownWord, startsClause, statisticsWord, wordCounts } from "./tokens.ts"

/** A span of tokens [first, last] found as a name, before canonicalisation. */
export interface NameSpan {
  readonly first: number
  readonly last: number
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: ActorKind
  readonly rule: string
  readonly country?: CountryEntry
  readonly organization?: OrganizationEntry
  /** Token range of the title before the name ("Vice Premier"), when there is one. */
  readonly titleFirst?: number
  readonly gender?: Gender
  /** How sure the kind is: cues and gazetteers beat word statistics, which beat defaults. */
  readonly confidence: number
}

const NAME_PARTICLES = new Set(["de", "van", "von", "der", "den", "du", "da", "di", "le", "la", "del", "dos", "bin", "ibn", "al", "el", "ter", "zu"])
const LOCATIVE = new Set(["in", "at", "from", "to", "near", "into", "outside", "across", "around", "via", "toward", "towards", "through", "inside", "within", "between", "visit", "visited", "visiting", "of"])
const PLACE_OF_HEADS = new Set(["gulf", "bay", "sea", "isle", "isles", "island", "islands", "cape", "strait", "straits", "lake", "mount", "city", "port", "province", "county", "district", "region"])
/** Heads before "of" that are a person's rank ("Duke of Edinburgh"), not an institution or a place. */
const RANK_OF_HEADS = new Set(["duke", "prince", "princess", "queen", "king", "archbishop", "bishop", "governor"])
const LETTER_START = /^\p{L}/u
const PERSON_TAGS = ["Person", "FirstName", "LastName", "MaleName", "FemaleName"]
const PLACE_TAGS = ["Place", "City", "Country", "Region"]
const TYPES = ["person", "organization", "place", "misc"] as const
/**
 * How the context evidence (context.ts) weighs against the words' own statistics, the floor that
 * keeps a type the words never had reachable, and the margin by which context must favour another
 * type over person for an unknown word. Chosen on CoNLL-2003 train: statistics derived from four
 * fifths of it, scored on the held-out fifth (F1 0.822 → 0.854), not on dev.
 */
const CONTEXT_WEIGHT = 0.3
const WORD_FLOOR = 0.05
const CONTEXT_MARGIN = 1
/**
 * What compromise reading every word of a name as a person's weighs in the vote: as much as a last
 * word seen about 60 times in places' names ("West"). Set by hand (3 was too little for "Kanye
 * West"), then checked on CoNLL-2003 dev and the news corpus (docs/actors.md), not tuned on them.
 */
const PERSON_READING_BONUS = 6

export const recognizeSentence = (
  lexicon: ActorLexicon,
  text: string,
  tokens: ReadonlyArray<Token>,
  sentence: Sentence
): Array<NameSpan> => {
  const from = sentence.firstToken
  const to = sentence.endToken
  // A headline glued to the sentence after it has its own capitalisation: judged line by line.
  const capsLines = capsLineFlags(tokens, from, to)
  const found: Array<NameSpan> = []
  const nameLike = (i: number) => readsAsName(lexicon, tokens[i], capsLines[i - from], startsClause(tokens, i, from))
  const span = (first: number, last: number) => {
    const start = tokens[first].start
    const end = nameCore(tokens[last]).end
    return { first, last, start, end, text: text.slice(start, end) }
  }

  // "Wladimir Klitschko blasted…": a word the statistics have never seen, opening a clause, right before
  // a name word, is the name's first word. Not before a first name, where it describes the person
  // ("Charger Jamal Williams"), and not an abbreviation or a plural ("RB", "Saints").
  const unknownWordBeforeName = (i: number) =>
    !capsLines[i - from] && i + 1 < to && startsClause(tokens, i, from) && readsAsUnknownWord(lexicon, tokens[i]) &&
    !hasTag(tokens[i], "Plural") &&
    joinable(tokens[i], tokens[i + 1]) && isCapitalised(tokens[i + 1]) && nameLike(i + 1) &&
    !isTitleWord(lexicon, lower(tokens[i + 1])) && !hasTag(tokens[i + 1], "FirstName")

  let i = from
  while (i < to) {
    const capsLine = capsLines[i - from]
    const office = capsLine ? undefined : officeHolder(lexicon, tokens, i, to, from, span)
    if (office !== undefined) {
      // "Secretary of Energy", "Director of National Intelligence": common words name the office's
      // portfolio, not an actor.
      const portfolio = office.ownsWords || tokens.slice(i, office.personFirst).every((token) => readsAsCommonWord(lexicon, token))
      const where = portfolio ? undefined : placeOfOffice(lexicon, tokens, span(i, office.personFirst - 1), to, from)
      if (portfolio || where !== undefined) {
        if (where !== undefined) found.push(where)
        found.push({ ...span(office.personFirst, office.last), kind: "person", rule: "cue:office-of", titleFirst: office.titleFirst, confidence: 3 })
        i = office.last + 1
        continue
      }
    }
    const phrase = gazetteerPhrase(lexicon, tokens, i, to, capsLine)
    if (phrase !== undefined && phrase.entry.kind === "country" && demonymAsPerson(tokens, phrase.entry.country, i, phrase.last, from, to)) {
      i = phrase.last + 1
      continue
    }
    if (phrase !== undefined && !(phrase.last + 1 < to && joinable(tokens[phrase.last], tokens[phrase.last + 1]) && nameLike(phrase.last + 1) && !isTitleWord(lexicon, lower(tokens[phrase.last + 1])))) {
      found.push(phrase.entry.kind === "country" ? countrySpan(tokens, span(i, phrase.last), phrase.entry.country, to) : { ...span(i, phrase.last), kind: "organization", rule: "lexicon:organizations", organization: phrase.entry.organization, confidence: 3 })
      // "White House National Economic Council": the institution that leads the name is an actor too.
      const outer = phrase.entry
      const inner = outer.kind === "organization" && phrase.last > i ? gazetteerPhrase(lexicon, tokens, i, phrase.last, capsLine) : undefined
      const innerEntry = inner?.entry
      if (inner !== undefined && outer.kind === "organization" && innerEntry?.kind === "organization" && innerEntry.organization.name !== outer.organization.name) {
        found.push({ ...span(i, inner.last), kind: "organization", rule: "lexicon:organizations:inside-name", organization: innerEntry.organization, confidence: 3 })
      }
      i = phrase.last + 1
      continue
    }
    // "Christmas", "Christmas Eve", "Ramadan": a holiday is a day, whatever its capitals suggest.
    const holiday = holidayPhrase(lexicon, tokens, i, to)
    if (holiday !== undefined) {
      i = holiday + 1
      continue
    }
    const institution = !capsLine && isCapitalised(tokens[i]) && isTitleWord(lexicon, lower(tokens[i])) && i + 1 < to &&
      joinable(tokens[i], tokens[i + 1]) && isCapitalised(tokens[i + 1]) && lexicon.organizationSuffixes.has(lower(tokens[i + 1]))
    // "National Hurricane Center": capitalised common words that an institution word ends are its name.
    const opensInstitution = () => !capsLine && institutionNameEnd(lexicon, tokens, i, to) !== undefined
    if (!institution && !nameLike(i) && !opensInstitution() && !unknownWordBeforeName(i) && !pronounAfterTitle(lexicon, tokens, i, to)) {
      i++
      continue
    }
    let last = i
    while (last + 1 < to) {
      const next = last + 1
      if (!joinable(tokens[last], tokens[next])) break
      // "Kurdistan Democratic Party": an organisation word ends the name even where it could start a title.
      const institutionWord = !capsLine && isCapitalised(tokens[next]) && lexicon.organizationSuffixes.has(lower(tokens[next]))
      if ((institutionWord || nameLike(next) || (!capsLine && continuesPersonName(lexicon, tokens[last], tokens[next]))) && !(capsLine && gazetteerPhrase(lexicon, tokens, next, to, capsLine) !== undefined)) {
        last = next
        continue
      }
      const nextInstitutionEnd = capsLine ? undefined : institutionNameEnd(lexicon, tokens, next, to)
      if (nextInstitutionEnd !== undefined) {
        last = nextInstitutionEnd
        continue
      }
      // "Bank of England", "Ludwig van Beethoven": a small word between two name words.
      const connector = lower(tokens[next])
      const after = next + 1
      // "Douglas & Lomason Co": compromise makes "&" a token of its own; it joins two name words.
      if (tokens[next].text === "&" && after < to && joinable(tokens[last], tokens[next]) && joinable(tokens[next], tokens[after]) && isCapitalised(tokens[after]) && nameLike(after)) {
        last = after
        continue
      }
      // "Ata-ur-Rehman": a lower-case part inside a hyphenated name.
      if (tokens[last].post === "-" && after < to && tokens[next].post === "-" && isCapitalised(tokens[after])) {
        last = after
        continue
      }
      // "Commerce Department": a title word that names an institution, not a person's office.
      if (isCapitalised(tokens[next]) && isTitleWord(lexicon, connector) && after < to && joinable(tokens[next], tokens[after]) &&
        lexicon.organizationSuffixes.has(lower(tokens[after]))) {
        last = after
        continue
      }
      if (capsLine || after >= to || !joinable(tokens[next], tokens[after])) break
      // "Ministry of Defence", "Office for National Statistics": after an institution word, "of" or "for"
      // and the capitalised words after it are the institution's name, common words though they are.
      if ((connector === "of" || connector === "for") && lexicon.organizationSuffixes.has(lower(tokens[last])) && lexicon.ofHeads.has(lower(tokens[last]))) {
        const complement = lower(tokens[after]) === "the" && after + 1 < to && joinable(tokens[after], tokens[after + 1]) ? after + 1 : after
        if (isNameComplementWord(lexicon, tokens[complement])) {
          last = complementEnd(lexicon, tokens, complement, to)
          continue
        }
      }
      const headOf = connector === "of" && (lexicon.ofHeads.has(lower(tokens[i])) || lexicon.ofHeads.has(lower(tokens[last])))
      const particle = NAME_PARTICLES.has(connector) && !isCapitalised(tokens[next])
      if (headOf && lower(tokens[after]) === "the" && after + 1 < to && joinable(tokens[after], tokens[after + 1]) && isCapitalised(tokens[after + 1])) {
        last = after + 1
        continue
      }
      if ((headOf || particle) && isCapitalised(tokens[after]) && nameLike(after)) {
        last = after
        continue
      }
      break
    }
    // One letter names no actor ("you and I", the numeral of "Pech-de-l'Azé I" cut off by a hyphen), nor
    // one function word ("And for stores…", "Yeah.").
    const run = span(i, last)
    const functionWord = i === last && FUNCTION_WORD_TAGS.some((tag) => hasTag(tokens[i], tag))
    if ([...run.text].length > 1 && !functionWord) found.push(classifyRun(lexicon, tokens, run, from))
    i = last + 1
  }
  return found.map((span, k) => coordinatedKind(tokens, found, k) ?? span)
}

/**
 * "Qwest and MCI", "Vodafone, Zorblax and BT": a name no statistics know, typed a person by default,
 * takes the kind of a known organisation or place it is listed with.
 */
const coordinatedKind = (tokens: ReadonlyArray<Token>, spans: ReadonlyArray<NameSpan>, k: number): NameSpan | undefined => {
  const span = spans[k]
  // Two unknown words are a person's names more often than not ("Didier Drogba").
  if (span.rule !== "default:capitalised-name" || span.first !== span.last) return undefined
  const listed = (a: NameSpan, b: NameSpan) => {
    const between = tokens.slice(a.last + 1, b.first)
    const gap = `${tokens[a.last].post}${between.map((t) => `${t.pre}${t.text}${t.post}`).join("")}`
    return /^(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+)$/.test(gap)
  }
  const neighbours = [k > 0 && listed(spans[k - 1], span) ? spans[k - 1] : undefined, k + 1 < spans.length && listed(span, spans[k + 1]) ? spans[k + 1] : undefined]
  // An unknown acronym is no strong evidence, but it is an organisation far more often than not; a
  // place must come from a pattern ("… Airport"), as the word statistics make "Amazon" a river.
  const known = neighbours.find((n) => n !== undefined &&
    ((n.kind === "organization" && (n.confidence >= 1 || n.rule === "default:acronym")) || (n.kind === "place" && n.confidence >= 2)))
  return known === undefined ? undefined : { ...span, kind: known.kind, rule: "context:coordinated" }
}

/**
 * A capitalised word that can go on an institution's name: no person's title ("Secretary", "Mr";
 * "Defence" of "Defence Secretary" can), date or function word.
 */
const isNameComplementWord = (lexicon: ActorLexicon, token: Token): boolean =>
  isCapitalised(token) && LETTER_START.test(token.text) && !lexicon.titleHeads.has(lower(token)) && !lexicon.honorifics.has(lower(token)) && !readsAsDate(token) &&
  !FUNCTION_WORD_TAGS.some((tag) => hasTag(token, tag))

/**
 * The last token of the capitalised words from `first` on, with "and" between two of them ("Department
 * of Health and Social Care"): the complement of an institution's "of" or "for".
 */
const complementEnd = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, first: number, to: number): number => {
  let last = first
  while (last + 1 < to && joinable(tokens[last], tokens[last + 1])) {
    const next = tokens[last + 1]
    if (isNameComplementWord(lexicon, next)) last++
    else if (lower(next) === "and" && last + 2 < to && joinable(next, tokens[last + 2]) && isNameComplementWord(lexicon, tokens[last + 2])) {
      // "and Social Care" goes on; "and Wells Fargo Bank", "and Britain", "and John Smith" are other names.
      let end = last + 2
      while (end + 1 < to && joinable(tokens[end], tokens[end + 1]) && isNameComplementWord(lexicon, tokens[end + 1])) end++
      for (let k = last + 2; k <= end; k++) {
        const word = lower(tokens[k])
        if (lexicon.organizationSuffixes.has(word) || lexicon.countries.has(word) || lexicon.organizations.has(word) || PERSON_TAGS.some((tag) => hasTag(tokens[k], tag))) return last
      }
      last = end
    } else break
  }
  return last
}

/**
 * "National Hurricane Center", "World Trade Centre": from token `first`, capitalised words (no title,
 * date or function word) that an institution word ends; the institution word's token, if one does.
 */
const institutionNameEnd = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, first: number, to: number): number | undefined => {
  if (!isNameComplementWord(lexicon, tokens[first]) || lexicon.organizationSuffixes.has(lower(tokens[first]))) return undefined
  for (let k = first + 1; k < to && joinable(tokens[k - 1], tokens[k]) && isNameComplementWord(lexicon, tokens[k]); k++) {
    if (lexicon.organizationSuffixes.has(lower(tokens[k]))) return k
  }
  return undefined
}

const GIVEN_NAME_TAGS = ["FirstName", "MaleName", "FemaleName"]

/**
 * A word also written in lower case ("energy", "national", "affairs"): the statistics saw it so, or,
 * for a word they never saw ("commerce"), compromise reads it as no name.
 */
const readsAsCommonWord = (lexicon: ActorLexicon, token: Token): boolean => {
  const counts = wordCounts(lexicon, statisticsWord(token))
  if (counts !== undefined) return counts.lowercase > 0
  return ![...PERSON_TAGS, ...PLACE_TAGS, "Organization", "ProperNoun"].some((tag) => hasTag(token, tag))
}

/**
 * "Senator from Vermont Bernie Sanders", "First Minister of Scotland Nicola Sturgeon", "Mayor of London
 * Sadiq Khan", "Secretary of State Condoleezza Rice": after an office's "of" or "from", the place or
 * institution and the office holder's name run together in capitals. The name starts at the first
 * given name after the run's first word, or else is the run's last two words; an office whose name
 * includes the words ("secretary of state") leaves only the name. Returns the name's tokens and where
 * the title starts, or nothing when the run is no such pair.
 */
const officeHolder = (
  lexicon: ActorLexicon,
  tokens: ReadonlyArray<Token>,
  i: number,
  to: number,
  sentenceStart: number,
  span: (first: number, last: number) => { first: number; last: number; start: number; end: number; text: string }
) => {
  if (i - 2 < sentenceStart || !isCapitalised(tokens[i])) return undefined
  const connector = lower(tokens[i - 1])
  if ((connector !== "of" && connector !== "from") || !joinable(tokens[i - 2], tokens[i - 1]) || !joinable(tokens[i - 1], tokens[i])) return undefined
  const office = lower(tokens[i - 2])
  if (!lexicon.titleHeads.has(office) || !isCapitalised(tokens[i - 2])) return undefined
  let last = i
  while (last + 1 < to && joinable(tokens[last], tokens[last + 1]) && isCapitalised(tokens[last + 1]) && LETTER_START.test(tokens[last + 1].text)) last++
  if (last - i < 1) return undefined
  let titleFirst = i - 2
  while (titleFirst - 1 >= sentenceStart && joinable(tokens[titleFirst - 1], tokens[titleFirst]) && isTitleWord(lexicon, lower(tokens[titleFirst - 1]))) titleFirst--
  // "Secretary of State Condoleezza Rice": the office's own name takes the words before the person's.
  for (let k = i; k < last; k++) {
    if (lexicon.titleHeads.has(`${office} ${connector} ${tokens.slice(i, k + 1).map(lower).join(" ")}`)) {
      return last - k >= 1 ? { personFirst: k + 1, last, titleFirst, ownsWords: true } : undefined
    }
  }
  if (last - i < 2) return undefined
  let personFirst = i + 1
  while (personFirst < last && !GIVEN_NAME_TAGS.some((tag) => hasTag(tokens[personFirst], tag))) personFirst++
  if (personFirst < last) return { personFirst, last, titleFirst, ownsWords: false }
  // No given name known: the last two words, if they read as a person's name on their own.
  if (FUNCTION_WORD_TAGS.some((tag) => hasTag(tokens[i], tag)) || classifyRun(lexicon, tokens, span(last - 1, last), sentenceStart).kind !== "person") return undefined
  return { personFirst: last - 1, last, titleFirst, ownsWords: false }
}

/** The place or institution of an office ("Vermont", "Scotland", "Microsoft"), if the words name one and no person. */
const placeOfOffice = (
  lexicon: ActorLexicon,
  tokens: ReadonlyArray<Token>,
  found: { first: number; last: number; start: number; end: number; text: string },
  to: number,
  sentenceStart: number
): NameSpan | undefined => {
  const phrase = gazetteerPhrase(lexicon, tokens, found.first, found.last + 1, false)
  if (phrase !== undefined && phrase.last === found.last) {
    return phrase.entry.kind === "country"
      ? countrySpan(tokens, found, phrase.entry.country, to)
      : { ...found, kind: "organization", rule: "lexicon:organizations", organization: phrase.entry.organization, confidence: 3 }
  }
  const named = classifyRun(lexicon, tokens, found, sentenceStart)
  return named.kind !== "person" && named.confidence >= 1 ? named : undefined
}

/** "He" is a pronoun, except as a family name after a title: "Vice Premier He Lifeng". */
const pronounAfterTitle = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, i: number, to: number): boolean =>
  i > 0 && i + 1 < to && isCapitalised(tokens[i]) && hasTag(tokens[i], "Pronoun") && lexicon.titleHeads.has(lower(tokens[i - 1])) &&
  isCapitalised(tokens[i - 1]) && joinable(tokens[i - 1], tokens[i]) && joinable(tokens[i], tokens[i + 1]) && isCapitalised(tokens[i + 1]) && !hasTag(tokens[i + 1], "Verb")

/** The last token of the holiday's name starting at token `i` ("Christmas Eve", "Ramadan"), if one does. */
const holidayPhrase = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, i: number, to: number): number | undefined => {
  if (!isCapitalised(tokens[i])) return undefined
  let found: number | undefined
  let words = ""
  for (let j = i; j < to && j - i < 4; j++) {
    if (j > i && !joinable(tokens[j - 1], tokens[j])) break
    words = j === i ? lower(tokens[j]) : `${words} ${lower(tokens[j])}`
    if (lexicon.holidays.has(words)) found = j
  }
  if (found === undefined) return undefined
  // "Christmas Island", "Easter Parade Committee": a holiday that opens a place's or institution's name.
  const next = found + 1
  const opensName = next < to && joinable(tokens[found], tokens[next]) && isCapitalised(tokens[next]) &&
    (lexicon.placeSuffixes.has(lower(tokens[next])) || lexicon.organizationSuffixes.has(lower(tokens[next])))
  return opensName ? undefined : found
}

type GazetteerEntry = { readonly kind: "country"; readonly country: CountryEntry } | { readonly kind: "organization"; readonly organization: OrganizationEntry }

/** The longest country or organisation form starting at token `i`, if any. */
const gazetteerPhrase = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, i: number, to: number, capsLine: boolean): { last: number; entry: GazetteerEntry } | undefined => {
  if (!isCapitalised(tokens[i])) return undefined
  let best: { last: number; entry: GazetteerEntry } | undefined
  let words = ""
  for (let j = i; j < to && j - i < lexicon.longestPhrase; j++) {
    if (j > i && !joinable(tokens[j - 1], tokens[j])) break
    const core = nameCore(tokens[j]).text
    // "a Scottish executive" is no "Scottish Executive": past its first word a name is written as the gazetteer writes it.
    if (j > i && !capsLine && /^\p{Ll}/u.test(core) && !lexicon.gazetteerLowerCaseWords.has(core)) break
    words = j === i ? core.toLowerCase() : `${words}${tokens[j - 1].post.includes("-") ? "-" : " "}${core.toLowerCase()}`
    const organization = lexicon.organizations.get(words)
    const country = lexicon.countries.get(words)
    // Short capitalised aliases ("US", "UN", "WHO") must be written in capitals: "us", "Who" are words.
    const shortAlias = j === i && core.replace(/\./g, "").length <= 3 && core.toUpperCase() === core
    const exactCase = j > i || !/^[\p{Lu}.]+$/u.test(core) || shortAlias || capsLine
    if (organization !== undefined && (exactCase && (j > i || core.length > 3 || shortAlias))) best = { last: j, entry: { kind: "organization", organization } }
    else if (country !== undefined && (j > i || core.length > 3 || shortAlias || core === core.toUpperCase() || /^\p{Lu}\p{Ll}+$/u.test(core))) best = { last: j, entry: { kind: "country", country } }
    if (nameCore(tokens[j]).possessive) break
  }
  if (best !== undefined && best.last === i) {
    // One ambiguous word ("Who", "Chad" as a first name, "Jordan"): reject when the text reads it as a person.
    if (hasTag(tokens[i], "FirstName") && i + 1 < to && joinable(tokens[i], tokens[i + 1]) && hasTag(tokens[i + 1], "LastName")) return undefined
  }
  return best
}

const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"])

/**
 * A demonym that names one person, not the nation: "the 40-year-old American never recovered", "before
 * the Ukrainian emerged triumphant". After an article (an age or adjectives may come between) and
 * with no noun after it, a demonym of the -an / -i kind ("American", "Ukrainian", "Iraqi") is a count
 * noun for a person of that nation; such a mention is not the country's. The -ese / -ish / -ch kind
 * ("the Chinese", "the British") names the people as a whole, and a demonym before a noun ("the
 * American embassy") qualifies it: both stay the country's.
 */
const demonymAsPerson = (tokens: ReadonlyArray<Token>, country: CountryEntry, first: number, last: number, from: number, to: number): boolean => {
  if (country.form !== "demonym" || first !== last || !/(an|i)$/.test(lower(tokens[first]))) return false
  const next = last + 1 < to ? tokens[last + 1] : undefined
  if (next !== undefined && (hasTag(next, "Noun") || isCapitalised(next))) return false
  let k = first - 1
  while (k >= from && first - k <= 4 && !ARTICLES.has(lower(tokens[k])) && (hasTag(tokens[k], "Adjective") || hasTag(tokens[k], "Hyphenated") || hasTag(tokens[k], "Value"))) k--
  return k >= from && ARTICLES.has(lower(tokens[k]))
}

/** A country form: the country itself, or for a capital a place unless it acts ("Beijing said"). */
export const countrySpan = (
  tokens: ReadonlyArray<Token>,
  found: { first: number; last: number; start: number; end: number; text: string },
  country: CountryEntry,
  to: number
): NameSpan => {
  if (country.form !== "capital") return { ...found, kind: "country", rule: `lexicon:countries:${country.form}`, country, confidence: 3 }
  const before = found.first > 0 ? lower(tokens[found.first - 1]) : ""
  const next = found.last + 1 < to ? tokens[found.last + 1] : undefined
  const acts = nameCore(tokens[found.last]).possessive ||
    (next !== undefined && !LOCATIVE.has(before) && (hasTag(next, "Verb") || hasTag(next, "Modal") || hasTag(next, "Auxiliary") ||
      (lower(next) === "and" && found.last + 2 < to && isCapitalised(tokens[found.last + 2])) ||
      // "expects Beijing to ramp up": the capital is the subject of the infinitive.
      (lower(next) === "to" && found.last + 2 < to && isBareVerbLike(tokens[found.last + 2]))))
  return acts
    ? { ...found, kind: "country", rule: "lexicon:countries:capital-as-government", country, confidence: 3 }
    : { ...found, kind: "place", rule: "lexicon:countries:capital-as-place", country, confidence: 3 }
}

/**
 * The start of a name built on a particle: a long one ("MacArthur", "FitzGerald", "VanDyke"), or two
 * letters before a capitalised word ("McCain", "DeSantis", "LeBron", "LuAnn"; not "TiVo", "PwC").
 */
const NAME_PARTICLE = /^(?:Mac|Fitz|Van|Von|Del|Della|Vander)(?=\p{Lu})|^\p{Lu}\p{Ll}(?=\p{Lu}\p{Ll}{2})/u

/** "WorldCom", "CentOS": a capitalised word with another capital after its lower-case start, name particles aside. */
export const hasInnerCapital = (word: string): boolean => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) && !NAME_PARTICLE.test(word)

/** A word after "to" that reads as a verb (compromise tags "ramp" a noun): lower case, not a determiner or number. */
const isBareVerbLike = (token: Token): boolean =>
  !isCapitalised(token) && !["Determiner", "Value", "Adjective", "Possessive", "Pronoun", "Plural"].some((tag) => hasTag(token, tag))

/**
 * The head word of "<head> of …" or "<institution> for …" inside a name ("Bank of England",
 * "Manchester High School for Girls", "Gulf of Mexico"), if the name is built that way: the words
 * before the head only qualify it, so the head says what the whole name is.
 */
const institutionOfHead = (lexicon: ActorLexicon, words: ReadonlyArray<string>): string | undefined => {
  const k = words.findIndex((word, n) => n >= 1 && n < words.length - 1 && (word === "of" || word === "for"))
  if (k < 0) return undefined
  const head = words[k - 1]
  // Deeper in a name a person's rank heads no name: "Crown Prince of …" is a title.
  const fits = lexicon.ofHeads.has(head) && (words[k] === "of" || lexicon.organizationSuffixes.has(head)) &&
    (k === 1 || !RANK_OF_HEADS.has(head))
  return fits ? head : undefined
}

/** Decides what a capitalised run names, from the strongest evidence available. */
const classifyRun = (
  lexicon: ActorLexicon,
  tokens: ReadonlyArray<Token>,
  run: { first: number; last: number; start: number; end: number; text: string },
  sentenceStart: number
): NameSpan => {
  const words: Array<string> = []
  for (let t = run.first; t <= run.last; t++) words.push(statisticsWord(tokens[t]))
  const firstWord = words[0]
  const lastWord = words[words.length - 1]
  const title = titleBefore(lexicon, tokens, run.first, sentenceStart)
  if (title !== undefined) return { ...run, kind: "person", rule: title.honorific ? "cue:honorific" : "cue:title", titleFirst: title.first, gender: title.gender, confidence: 3 }
  if (followsWorkNoun(lexicon, tokens, run.first, sentenceStart)) return { ...run, kind: "other", rule: "cue:work", confidence: 3 }
  if (words.length >= 2 && lexicon.organizationSuffixes.has(lastWord)) return { ...run, kind: "organization", rule: "pattern:organization-suffix", confidence: 2 }
  const head = institutionOfHead(lexicon, words)
  if (head !== undefined) {
    return PLACE_OF_HEADS.has(head) ? { ...run, kind: "place", rule: "pattern:place-of", confidence: 2 } : { ...run, kind: "organization", rule: "pattern:institution-of", confidence: 2 }
  }
  if (words.length >= 2 && lexicon.placeSuffixes.has(lastWord)) return { ...run, kind: "place", rule: "pattern:place-suffix", confidence: 2 }
  // A capital inside a word ("WorldCom", "CentOS", "YouTube") marks a company or its product, not a
  // person: CoNLL-2003 has 48 such words in organisations' names and 7 in persons'. Name particles
  // ("McCain", "DeSantis", "LeBron") are no such capital.
  for (let t = run.first; t <= run.last; t++) {
    if (hasInnerCapital(nameCore(tokens[t]).text)) return { ...run, kind: "organization", rule: "pattern:inner-capital", confidence: 2 }
  }

  // Word statistics (CoNLL-2003 train) and compromise's lexicon vote; the last word weighs most.
  const score = [0, 0, 0, 0]
  words.forEach((word, k) => {
    const counts = wordCounts(lexicon, word)
    if (counts === undefined || counts.name === 0) return
    // A one-word name votes with what the word was as a name on its own, where it ever was one.
    const [row, name] = words.length === 1 && counts.aloneName > 0 ? [counts.alone, counts.aloneName] : [counts.row, counts.name]
    const weight = Math.log(1 + name) * (k === words.length - 1 ? 1.5 : 1)
    for (let t = 0; t < 4; t++) score[t] += weight * (row[t] + 0.1) / (name + 0.4)
  })
  const statistics = Math.max(...score) > 0
  let compromise = false
  let personTagged = 0
  for (let t = run.first; t <= run.last; t++) {
    const token = tokens[t]
    if (PERSON_TAGS.some((tag) => hasTag(token, tag))) { score[0] += 0.6; compromise = true; personTagged++ }
    if (hasTag(token, "Organization")) { score[1] += 0.6; compromise = true }
    if (PLACE_TAGS.some((tag) => hasTag(token, tag))) { score[2] += 0.6; compromise = true }
  }
  // "Kanye West", "Hunter Biden": compromise reads every word of the name as a person's, which outweighs
  // what one of its words was elsewhere ("West" in places' names); not a last word mostly seen in
  // organisations' names, as a firm named for its founders is ("Merrill Lynch", "Eli Lilly").
  const lastCounts = wordCounts(lexicon, lastWord)
  const firmName = lastCounts !== undefined && lastCounts.row[1] > 0 && lastCounts.row[1] === Math.max(...lastCounts.row.slice(0, 4))
  if (words.length >= 2 && personTagged === words.length && !firmName) score[0] += PERSON_READING_BONUS
  // The words' vote as a distribution, corrected by the words around the name ("CHICAGO 3" is a team).
  const context = contextEvidence(lexicon, tokens, run.first, run.last)
  const total = score.reduce((a, b) => a + b, 0)
  const combined = score.map((s, t) => Math.log(s / (total || 1) + WORD_FLOOR) + CONTEXT_WEIGHT * context[t])
  const best = combined.indexOf(Math.max(...combined))
  if (!statistics && !compromise) {
    // An unknown acronym ("IDLC", "FOMC") is far more often an organisation than a person.
    if (words.length === 1 && /^[\p{Lu}&]{2,}$/u.test(run.text)) return { ...run, kind: "organization", rule: "default:acronym", confidence: 0 }
    // An unknown word: a person unless its context clearly says otherwise ("Atalanta 2", "in Qalandia").
    const guess = context.indexOf(Math.max(...context))
    if (guess !== 0 && context[guess] - context[0] >= CONTEXT_MARGIN) {
      const type = TYPES[guess]
      return type === "misc" ? { ...run, kind: "other", rule: "context:conll2003:misc", confidence: 0 } : { ...run, kind: type, rule: "context:conll2003", confidence: 0 }
    }
    return { ...run, kind: "person", rule: "default:capitalised-name", confidence: 0 }
  }
  const type = TYPES[best]
  const rule = statistics ? "statistics:conll2003-words" : "compromise:tags"
  if (type === "misc") return { ...run, kind: "other", rule: `${rule}:misc`, confidence: 1 }
  const gender: Gender | undefined = type === "person" ? (hasTag(tokens[run.first], "MaleName") ? "male" : hasTag(tokens[run.first], "FemaleName") ? "female" : undefined) : undefined
  return { ...run, kind: type, rule, confidence: 1, ...(gender ? { gender } : {}) }
}

/**
 * "the film Vera Drake", "BBC comedy The Office", "his album Final Straw": a lower-case noun for a
 * creative work (`actors-works.json`) right before the title the name is in makes it a work.
 */
const followsWorkNoun = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, first: number, sentenceStart: number): boolean => {
  // Back over the title's capitalised words before the name ("Final" of "Final Straw", "The").
  let t = first - 1
  while (t > sentenceStart && isCapitalised(tokens[t]) && joinable(tokens[t], tokens[t + 1]) && first - t < 6) t--
  if (t < sentenceStart || !joinable(tokens[t], tokens[t + 1])) return false
  const noun = tokens[t]
  return !isCapitalised(noun) && lexicon.workNouns.has(lower(noun)) && hasTag(noun, "Noun") && !hasTag(noun, "Verb")
}

/** A title or honorific right before a name ("Treasury Secretary", "Mr."): its first token. */
export const titleBefore = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, first: number, sentenceStart: number) => {
  let t = first - 1
  if (t < sentenceStart) return undefined
  const word = lower(tokens[t]).replace(/\.$/, "")
  const gap = tokens[t].post + tokens[first].pre
  if (lexicon.honorifics.has(word) || lexicon.honorifics.has(`${word}.`)) {
    if (!/^\.?[ \t\u00a0]+$/.test(gap)) return undefined
    return { first: t, honorific: true, gender: lexicon.honorifics.get(word) ?? lexicon.honorifics.get(`${word}.`) ?? undefined }
  }
  // "Rep. Nancy Pelosi", "Sen. Rand Paul": a title written short keeps its period before the name.
  const abbreviated = isAbbreviatedTitle(lexicon, tokens[t]) && /^\.[ \t\u00a0]+$/.test(gap)
  if (!abbreviated && (!lexicon.titleHeads.has(word) || !joinable(tokens[t], tokens[first]))) return undefined
  while (t - 1 >= sentenceStart && joinable(tokens[t - 1], tokens[t]) && isTitleWord(lexicon, lower(tokens[t - 1]))) t--
  return { first: t, honorific: false, gender: undefined }
}
