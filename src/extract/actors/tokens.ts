/**
 * Token-level facts the actors rules share: the word without its possessive ending, whether two
 * neighbouring tokens can belong to one name, and whether a token reads as part of a name.
 */
import type { Token } from "../../model/document.ts"
import type { ActorLexicon } from "./lexicon.ts"

const POSSESSIVE = /(?:['’]s|s['’])$/u
const ABBREVIATION = /^(?:\p{Lu}\.)+\p{Lu}$/u
const INITIAL = /^\p{Lu}$/u
const CAPITALISED = /^\p{Lu}/u
const HAS_LOWER = /\p{Ll}/u
const LETTER = /\p{L}/u

/** The word as a name part: "Beijing's" → "Beijing" (with its end offset), "U.S." stays. */
export const nameCore = (token: Token): { readonly text: string; readonly end: number; readonly possessive: boolean } => {
  // "U.S." at the end of a sentence: compromise moves the last period into the token's punctuation.
  if (ABBREVIATION.test(token.text) && token.post.startsWith(".")) return { text: `${token.text}.`, end: token.end + 1, possessive: false }
  const match = POSSESSIVE.exec(token.text)
  if (match === null || token.text.length <= match[0].length) {
    // "Corp.", "Fla.": an abbreviation's own period belongs to the name (the word stays without it),
    // unless it also ends the line or the text, where it is the sentence's full stop ("… at Lear Corp.").
    const period = hasTag(token, "Abbreviation") && CAPITALISED.test(token.text) && /^\.[ \t\u00a0]+$/.test(token.post) ? 1 : 0
    return { text: token.text, end: token.end + period, possessive: false }
  }
  const text = token.text.slice(0, token.text.length - (match[0].startsWith("s") ? 1 : match[0].length))
  return { text, end: token.start + text.length, possessive: true }
}

export const lower = (token: Token): string => nameCore(token).text.toLowerCase()

/** The word as the CoNLL statistics count it: an initial ("P. Simmons") with its period, "p." not "p". */
export const statisticsWord = (token: Token): string =>
  INITIAL.test(token.text) && token.post.startsWith(".") ? `${lower(token)}.` : lower(token)

export const isCapitalised = (token: Token): boolean => CAPITALISED.test(token.text)

export const hasTag = (token: Token, tag: string): boolean => token.tags.includes(tag)

/**
 * Whether tokens `a` and `b = a + 1` may sit in one name: only a space or a joining hyphen between.
 * `possessive`: whether `a` ends in a possessive (`nameCore`), when the caller has worked it out.
 */
export const joinable = (a: Token, b: Token, possessive: boolean = nameCore(a).possessive): boolean => {
  if (possessive) return false
  const gap = a.post + b.pre
  // An initial ("J. Smith") keeps its period inside the name.
  if (INITIAL.test(a.text) && /^\.[ \t\u00a0]+$/.test(gap)) return true
  // "St. Petersburg", "Ft. Worth": a place abbreviation starts the name it abbreviates a word of.
  if (hasTag(a, "Abbreviation") && hasTag(a, "Place") && /^\.[ \t\u00a0]+$/.test(gap) && CAPITALISED.test(b.text)) return true
  return gap === "-" || /^[ \t\u00a0]+(?:&[ \t\u00a0]+)?$/.test(gap)
}

/**
 * A line written in capitals or in title case (a headline: "Tara Reid Checks Into Rehab For Undisclosed
 * Reasons", "Woman Killed In Queens Hit-And-Run"): capitalisation says nothing about names there. Title
 * case needs four words or more, most of them capitalised, the others words that titles leave in lower
 * case ("in", "of", "to"), and a sign that the capitals are not a list of names ("Bank of the West and
 * Wells Fargo"): a function word of a kind names are not built with ("Into", "In", "Is", "to"), a
 * capitalised word compromise reads as a verb and not as a name ("Killed", "Escapes"), or the line being
 * the text's first, without a full stop.
 */
export const isCapsLine = (tokens: ReadonlyArray<Token>, opensText = false): boolean => {
  let words = 0
  let upper = 0
  let capitalised = 0
  let otherLowerCase = 0
  let headlineSigns = 0
  tokens.forEach((token, k) => {
    if (!LETTER.test(token.text)) return
    words++
    if (!HAS_LOWER.test(token.text)) upper++
    const word = lower(token)
    if (CAPITALISED.test(token.text)) {
      capitalised++
      const functionWord = (LOWER_IN_TITLES.has(word) || CAPITALISED_IN_TITLES.has(word)) && !IN_NAMES.has(word)
      const verb = VERB_TAGS.some((t) => hasTag(token, t)) && !NAME_TAGS.some((t) => hasTag(token, t)) && !hasTag(token, "ProperNoun")
      if (k > 0 && (functionWord || verb)) headlineSigns++
    } else if (LOWER_IN_TITLES.has(word)) {
      if (!IN_NAMES.has(word) && !IN_NAMES_LOWER_CASE.has(word)) headlineSigns++
    } else {
      otherLowerCase++
    }
  })
  if (words >= 2 && upper / words >= 0.8) return true
  // The text's first line, left without a full stop, is a headline when it has the shape of one.
  if (opensText && tokens.length > 0 && !/[.!?:]/.test(tokens[tokens.length - 1].post + tokens[tokens.length - 1].text.slice(-1))) headlineSigns++
  return words >= 4 && capitalised >= 3 && capitalised >= 0.6 * words && otherLowerCase === 0 && headlineSigns > 0
}
/** Words title case leaves in lower case (AP and Chicago styles): articles, conjunctions, short prepositions. */
const LOWER_IN_TITLES = new Set(["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "by", "for", "with", "from", "into", "onto", "over", "as", "vs", "per", "via"])
/** Whether title case leaves `word` (lower-cased) in lower case: "the" and "of" of "Face the Nation". */
export const isLowerInTitles = (word: string): boolean => LOWER_IN_TITLES.has(word)
/** Function words a headline capitalises: auxiliaries and longer prepositions ("Is", "Amid", "After"). */
const CAPITALISED_IN_TITLES = new Set(["is", "are", "was", "were", "be", "has", "have", "had", "will", "can", "after", "amid", "against", "before", "during", "despite", "following", "through", "toward", "towards", "without"])
/** Function words names are built with, even capitalised ("Bank Of America", "Procter And Gamble"). */
const IN_NAMES = new Set(["a", "an", "the", "and", "of", "for"])
/** …and in lower case ("Stratford on Avon", "Bank for International Settlements"). */
const IN_NAMES_LOWER_CASE = new Set(["in", "on", "at"])
const VERB_TAGS = ["PastTense", "PresentTense"]

/**
 * Per token of `[from, to)`: whether its line (within the sentence) is a capitals or title-case line.
 * The rules, the name tagger's features and the merge of the two all ask it of every sentence, so the
 * answer is kept per tokens array and sentence (the tokens of a document do not change once segmented).
 */
export const capsLineFlags = (tokens: ReadonlyArray<Token>, from: number, to: number): ReadonlyArray<boolean> => {
  let bySentence = capsLineMemo.get(tokens)
  if (bySentence === undefined) capsLineMemo.set(tokens, (bySentence = new Map()))
  const key = `${from}:${to}`
  let flags = bySentence.get(key)
  if (flags === undefined) bySentence.set(key, (flags = computeCapsLineFlags(tokens, from, to)))
  return flags
}
const capsLineMemo = new WeakMap<ReadonlyArray<Token>, Map<string, ReadonlyArray<boolean>>>()

const computeCapsLineFlags = (tokens: ReadonlyArray<Token>, from: number, to: number): Array<boolean> => {
  const flags: Array<boolean> = []
  let lineStart = from
  for (let k = from + 1; k <= to; k++) {
    if (k < to && !/\n/.test(tokens[k - 1].post + tokens[k].pre)) continue
    const caps = isCapsLine(tokens.slice(lineStart, k), lineStart === 0)
    for (let j = lineStart; j < k; j++) flags.push(caps)
    lineStart = k
  }
  return flags
}

/**
 * Whether `token` starts a sentence, a line or a speaker's turn in a transcript ("((WN)) Do you…"),
 * where every word is capitalised.
 */
export const startsClause = (tokens: ReadonlyArray<Token>, index: number, sentenceStart: number): boolean => {
  if (index === sentenceStart) return true
  const gap = tokens[index - 1].post + tokens[index].pre
  return /[\n:“"‘(\-–—|]|\)\)/.test(gap)
}

/** Word classes no name belongs to, whatever the context: "So", "However", "Which". */
const NEVER_NAME_CLASSES = ["Pronoun", "Determiner", "Preposition", "Conjunction", "Adverb", "QuestionWord"]
const CLOSED_CLASS = [...NEVER_NAME_CLASSES, "Auxiliary", "Modal", "Copula"]
/** What compromise tags these is a function word, even capitalised ("And", "Yeah"). */
export const FUNCTION_WORD_TAGS = [...CLOSED_CLASS, "Expression"]

/**
 * Whether compromise's word list, out of context, gives a word (its `listedTags`) only classes no name
 * belongs to, interjections included ("Yeah"). Modals and auxiliaries are left out: "May" and "Will"
 * are names too.
 */
export const isListedFunctionWord = (listedTags: ReadonlyArray<string>): boolean =>
  listedTags.length > 0 && listedTags.every((tag) => NEVER_NAME_CLASSES.includes(tag) || tag === "Expression")

const MODIFIER_CLASSES = [...NEVER_NAME_CLASSES, "Expression", "Negative", "Adjective", "Comparative", "Superlative"]

/** Whether compromise's word list gives a word only classes that modify ("not", "used", "half", "independent"). */
export const isListedModifier = (listedTags: ReadonlyArray<string>): boolean =>
  listedTags.length > 0 && listedTags.every((tag) => MODIFIER_CLASSES.includes(tag))

const NAME_TAGS = ["Person", "FirstName", "LastName", "Place", "Organization", "Country", "City", "Region"]
const NOT_NAME_TAGS = ["Date", "WeekDay", "Month", "Value", "Pronoun"]

/**
 * Counts of `word` in the CoNLL-derived statistics: as part of a name (`row`: PER, ORG, LOC, MISC),
 * capitalised non-names, lower-case uses, and as a name on its own (`alone`, same order).
 */
export const wordCounts = (lexicon: ActorLexicon, word: string) => {
  const row = lexicon.wordStatistics.get(word)
  if (row === undefined) return undefined
  const alone = row.slice(6, 10)
  return { name: row[0] + row[1] + row[2] + row[3], capitalised: row[4], lowercase: row[5], row, alone, aloneName: alone[0] + alone[1] + alone[2] + alone[3] }
}

/** Title words ("President", "Secretary") introduce names rather than belong to them. */
export const isTitleWord = (lexicon: ActorLexicon, word: string): boolean =>
  lexicon.titleHeads.has(word) || lexicon.titleModifiers.has(word) || lexicon.honorifics.has(word)

/** A title written short with its period: "Rep.", "Sen.", "Gov.", "Gen." (not "Gen" of "Gen Z"). */
export const isAbbreviatedTitle = (lexicon: ActorLexicon, token: Token): boolean =>
  /^\.(?:\s|$)/.test(token.post) && lexicon.titleHeads.has(`${lower(token)}.`)

/**
 * A capitalised word neither the statistics, the gazetteers nor compromise know as anything but a noun,
 * and no abbreviation ("RB").
 */
export const readsAsUnknownWord = (lexicon: ActorLexicon, token: Token): boolean =>
  isCapitalised(token) && HAS_LOWER.test(token.text) && wordCounts(lexicon, statisticsWord(token)) === undefined &&
  !lexicon.countries.has(lower(token)) && !lexicon.organizations.has(lower(token)) && !isTitleWord(lexicon, lower(token)) &&
  NOT_UNKNOWN_WORD_TAGS.every((t) => !hasTag(token, t))
const NOT_UNKNOWN_WORD_TAGS = [...CLOSED_CLASS, ...NOT_NAME_TAGS, "Verb", "Adjective"]

/** Whether the tagger reads `token`, in context, as a date ("In May 2016"). */
export const readsAsDate = (token: Token): boolean => DATE_TAGS.some((t) => hasTag(token, t))
const DATE_TAGS = ["Date", "WeekDay", "Month"]

/**
 * "Brian May", "Theresa May", "Billy King": after a person's word, a capitalised word the tagger reads
 * in context as a family name, or as a name where the statistics mostly see the word in lower case
 * (the modal "may"), continues the name, though the statistics would not start a name with it. Never
 * a title ("Professor", "Chief") or a date.
 */
export const continuesPersonName = (lexicon: ActorLexicon, previous: Token, next: Token): boolean => {
  if (!/^\p{Lu}\p{Ll}/u.test(next.text) || !hasTag(previous, "Person") || readsAsDate(next) || isTitleWord(lexicon, lower(next))) return false
  if (hasTag(next, "LastName")) return true
  const counts = wordCounts(lexicon, statisticsWord(next))
  return hasTag(next, "Person") && counts !== undefined && counts.lowercase > counts.capitalised
}

/**
 * Whether a token reads as part of a name. In running text that is a capitalised word that is not
 * a sentence-initial common word, a date, a pronoun or a title; in a capitals line the word must be
 * known as a name (statistics, gazetteer or compromise's lexicon), since every word is capitalised.
 */
export const readsAsName = (lexicon: ActorLexicon, token: Token, capsLine: boolean, clauseStart: boolean): boolean => {
  if (!LETTER.test(token.text)) return false
  const word = lower(token)
  const counts = wordCounts(lexicon, statisticsWord(token))
  const gazetteer = lexicon.countries.has(word) || lexicon.organizations.has(word)
  if (capsLine) {
    if (counts !== undefined) return counts.name >= counts.capitalised + counts.lowercase
    return gazetteer || NAME_TAGS.some((t) => hasTag(token, t))
  }
  if (!isCapitalised(token)) return false
  if (NOT_NAME_TAGS.some((t) => hasTag(token, t)) && !(counts !== undefined && counts.name > 2 * (counts.capitalised + counts.lowercase))) return false
  if ((isTitleWord(lexicon, word) || isAbbreviatedTitle(lexicon, token)) && !(counts !== undefined && counts.name > counts.capitalised + counts.lowercase)) return false
  if (clauseStart) {
    if (counts !== undefined) return counts.name >= counts.capitalised + counts.lowercase
    if (gazetteer) return true
    return NAME_TAGS.some((t) => hasTag(token, t)) || (hasTag(token, "ProperNoun") && !CLOSED_CLASS.some((t) => hasTag(token, t)))
  }
  if (counts !== undefined && counts.capitalised >= 3 && counts.name < counts.capitalised / 3) return false
  return true
}
