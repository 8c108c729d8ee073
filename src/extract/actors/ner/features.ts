/**
 * The name tagger's features: a plain function of the document's tokens that a reader can list.
 *
 * Per token: the word, its lower form, prefixes and suffixes, its shape; compromise's tags in context
 * and its word list's tags out of context; the gazetteers (countries and their forms, institutions,
 * titles, honorifics, organisation and place words, groups); the neighbouring words; the line's case
 * pattern (a line in capitals or in title case, where capitals say nothing) and whether the word opens a
 * clause; what the rules that need no training data found there (gazetteer phrases, titles' and
 * honorifics' names, institution and place patterns); and what the rest of the document says of the same word: whether it is written with a
 * capital inside a sentence elsewhere, in lower case elsewhere, and whether it is part of a longer
 * capitalised name there (and where in it).
 */
import type { Sentence, Token } from "../../../model/document.ts"
import type { ActorLexicon } from "../lexicon.ts"
import type { NameSpan } from "../recognize.ts"
import { capsLineFlags, isCapitalised, joinable, nameCore, startsClause } from "../tokens.ts"

export interface FeatureContext {
  readonly lexicon: ActorLexicon
  /** compromise's word-list tags of a lower-case word, whatever its context. */
  readonly listedTags: (word: string) => ReadonlyArray<string>
}

/** The tags compromise sets that say something about names; the rest (Noun under ProperNoun, …) repeat these. */
const USEFUL_TAGS = new Set([
  "ProperNoun", "Person", "FirstName", "LastName", "MaleName", "FemaleName", "Honorific", "Place", "Country", "City", "Region",
  "Organization", "Company", "SportsTeam", "School", "Acronym", "Abbreviation", "Noun", "Plural", "Singular", "Verb",
  "PastTense", "Gerund", "Adjective", "Comparable", "Adverb", "Determiner", "Preposition", "Conjunction", "Pronoun",
  "Value", "Cardinal", "Date", "Month", "WeekDay", "Demonym", "Possessive", "Actor", "Unit", "Expression", "Auxiliary",
  "Modal", "Copula", "Infinitive", "Participle", "TitleCase", "UpperCase", "Hyphenated", "Currency", "Money", "Ordinal"
])

/** "Xxxx", "XX", "xx", "X.X.", "dd": letters and digits collapsed, runs shortened to two. */
export const wordShape = (word: string): string => {
  let shape = ""
  for (const char of word) {
    const c = /\p{Lu}/u.test(char) ? "X" : /\p{Ll}/u.test(char) ? "x" : /\d/.test(char) ? "d" : char
    if (shape.length >= 2 && shape[shape.length - 1] === c && shape[shape.length - 2] === c) continue
    shape += c
  }
  return shape
}

/** The word as a name writes it: without a possessive "'s". */
const core = (token: Token): string => nameCore(token).text

interface DocumentEvidence {
  /** Lower forms written with a capital inside a sentence, not on a caps line. */
  readonly capitalisedInside: Set<string>
  /** Lower forms written in lower case. */
  readonly lowerCase: Set<string>
  /** Lower form → where it sits in a longer capitalised run ("first", "inner", "last"), and the run's last word. */
  readonly inLonger: Map<string, Set<string>>
}

const documentEvidence = (tokens: ReadonlyArray<Token>, sentences: ReadonlyArray<Sentence>, capsLine: ReadonlyArray<boolean>): DocumentEvidence => {
  const capitalisedInside = new Set<string>()
  const lowerCase = new Set<string>()
  const inLonger = new Map<string, Set<string>>()
  const note = (word: string, value: string) => {
    const set = inLonger.get(word) ?? new Set<string>()
    set.add(value)
    inLonger.set(word, set)
  }
  for (const sentence of sentences) {
    let runStart = -1
    const closeRun = (end: number) => {
      if (runStart >= 0 && end - runStart >= 2) {
        const lastWord = core(tokens[end - 1]).toLowerCase()
        for (let k = runStart; k < end; k++) {
          const word = core(tokens[k]).toLowerCase()
          note(word, k === runStart ? "first" : k === end - 1 ? "last" : "inner")
          if (k < end - 1) note(word, `before:${lastWord}`)
        }
      }
      runStart = -1
    }
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i]
      const word = core(token).toLowerCase()
      if (/^\p{Ll}/u.test(token.text)) lowerCase.add(word)
      const capital = isCapitalised(token) && !capsLine[i]
      if (capital && !startsClause(tokens, i, sentence.firstToken)) capitalisedInside.add(word)
      if (capital) {
        if (runStart < 0 || !joinable(tokens[i - 1], token)) {
          closeRun(i)
          runStart = i
        }
      } else closeRun(i)
    }
    closeRun(sentence.endToken)
  }
  return { capitalisedInside, lowerCase, inLonger }
}

/**
 * What the rules that need no training data say of a token: a gazetteer's phrase, a cue's name (after
 * a title, an honorific, an office), a pattern's name ("Bank of England", "… Group Inc", "Lancaster
 * House"), as B-/I- of the rule and of its kind. The rules built on CoNLL-2003 word statistics are
 * left out: on the training data they would look better than they are.
 */
const ruleMarks = (length: number, spans: ReadonlyArray<NameSpan>): Array<Array<string> | undefined> => {
  const marks: Array<Array<string> | undefined> = new Array(length).fill(undefined)
  for (const span of spans) {
    if (!TRAINING_FREE_RULE.test(span.rule)) continue
    const rule = span.rule.replace(/:(?:name|alias|capital-as-place|capital-as-government)$/, "")
    for (let t = span.first; t <= span.last; t++) {
      const at = t === span.first ? "B" : "I"
      ;(marks[t] ??= []).push(`rule=${at}-${rule}`, `rule-kind=${at}-${span.kind}`)
    }
  }
  return marks
}
const TRAINING_FREE_RULE = /^(?:lexicon|cue|pattern):/

/** Per token, its line's case pattern: "caps" (all capitals), "title" (a title-case headline) or "prose". */
export const lineKinds = (tokens: ReadonlyArray<Token>, capsLine: ReadonlyArray<boolean>): Array<string> => {
  const kinds: Array<string> = new Array(tokens.length).fill("prose")
  let lineStart = 0
  for (let k = 1; k <= tokens.length; k++) {
    if (k < tokens.length && !/\n/.test(tokens[k - 1].post + tokens[k].pre)) continue
    let lowerCase = false
    for (let j = lineStart; j < k && !lowerCase; j++) lowerCase = /\p{Ll}/u.test(tokens[j].text)
    for (let j = lineStart; j < k; j++) if (capsLine[j]) kinds[j] = lowerCase ? "title" : "caps"
    lineStart = k
  }
  return kinds
}

/** Gazetteer phrases over a sentence: per token, "B-"/"I-" and the entry's kind, longest match first. */
const gazetteerMarks = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, from: number, to: number): Array<string | undefined> => {
  const marks: Array<string | undefined> = new Array(to - from).fill(undefined)
  let i = from
  while (i < to) {
    let matched = 0
    let kind = ""
    let phrase = ""
    for (let k = i; k < Math.min(to, i + lexicon.longestPhrase); k++) {
      phrase = k === i ? core(tokens[k]).toLowerCase() : `${phrase}${tokens[k - 1].post + tokens[k].pre === "-" ? "-" : " "}${core(tokens[k]).toLowerCase()}`
      const country = lexicon.countries.get(phrase)
      const organization = lexicon.organizations.get(phrase)
      if (country !== undefined) {
        matched = k - i + 1
        kind = `country-${country.form}`
      } else if (organization !== undefined) {
        matched = k - i + 1
        kind = "organization"
      }
      if (k > i && nameCore(tokens[k]).possessive) break
    }
    if (matched === 0) {
      i++
      continue
    }
    for (let k = i; k < i + matched; k++) marks[k - from] = `${k === i ? "B" : "I"}-${kind}`
    i += matched
  }
  return marks
}

/**
 * The features that depend on the word alone, not on its context: the tagger sums their weights once
 * per distinct word and keeps the sum (tagger.ts), as most of a text's words repeat.
 */
export const wordLevelFeatures = (context: FeatureContext, word: string): Array<string> => {
  const { lexicon } = context
  const lowerWord = word.toLowerCase()
  const f: Array<string> = ["bias", `w=${word}`, `lw=${lowerWord}`, `sh=${wordShape(word)}`]
  for (let n = 1; n <= 3 && n < lowerWord.length; n++) f.push(`p${n}=${lowerWord.slice(0, n)}`)
  for (let n = 1; n <= 4 && n < lowerWord.length; n++) f.push(`s${n}=${lowerWord.slice(-n)}`)
  if (/\d/.test(word)) f.push("digit")
  if (word.includes("-")) f.push("hyphen")
  const listed = context.listedTags(lowerWord)
  for (const tag of listed) f.push(`lt=${tag}`)
  if (listed.length === 0) f.push("unlisted")
  // Title lexicons and the organisation, place and group words.
  if (lexicon.titleHeads.has(lowerWord)) f.push("title-head")
  if (lexicon.titleModifiers.has(lowerWord)) f.push("title-modifier")
  if (lexicon.honorifics.has(lowerWord.replace(/\.$/, ""))) f.push("honorific")
  if (lexicon.organizationSuffixes.has(lowerWord)) f.push("org-suffix")
  if (lexicon.ofHeads.has(lowerWord)) f.push("of-head")
  if (lexicon.placeSuffixes.has(lowerWord)) f.push("place-suffix")
  if (lexicon.groupNouns.has(lowerWord)) f.push("group-noun")
  if (lexicon.notActors.has(lowerWord)) f.push("not-actor")
  return f
}

/** The features of a neighbour at `at` ("-1", "+2"), which depend on its word alone; "" = none. */
export const neighbourFeatures = (at: string, word: string): Array<string> =>
  word === "" ? [`${at}w=<none>`] : [`${at}lw=${word.toLowerCase()}`, `${at}sh=${wordShape(word)}`]

export const NEIGHBOUR_OFFSETS = [-1, 1, -2, 2] as const
/** How a neighbour's offset is written in its features: "-1", "+2". */
export const offsetName = (offset: number) => (offset > 0 ? `+${offset}` : `${offset}`)

/** Per token: its word (the key of its word-level features), its neighbours' words, and the rest of its features. */
export interface TokenFeatureParts {
  readonly word: string
  /** The words at `NEIGHBOUR_OFFSETS` within the sentence, "" where there is none. */
  readonly neighbours: ReadonlyArray<string>
  readonly contextual: ReadonlyArray<string>
}

/** The features of every token of a document, as lists of strings. */
export const documentFeatures = (
  context: FeatureContext,
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<Sentence>,
  ruleSpans: ReadonlyArray<NameSpan> = []
): Array<Array<string>> =>
  documentFeatureParts(context, tokens, sentences, ruleSpans).map((part) => [
    ...wordLevelFeatures(context, part.word),
    ...part.neighbours.flatMap((word, k) => neighbourFeatures(offsetName(NEIGHBOUR_OFFSETS[k]), word)),
    ...part.contextual
  ])

/** The features of every token of a document, split as `TokenFeatureParts`. */
export const documentFeatureParts = (
  context: FeatureContext,
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<Sentence>,
  ruleSpans: ReadonlyArray<NameSpan> = []
): Array<TokenFeatureParts> => {
  const { lexicon } = context
  const rules = ruleMarks(tokens.length, ruleSpans)
  const capsLine: Array<boolean> = []
  const gazetteer: Array<string | undefined> = []
  for (const sentence of sentences) {
    capsLine.push(...capsLineFlags(tokens, sentence.firstToken, sentence.endToken))
    gazetteer.push(...gazetteerMarks(lexicon, tokens, sentence.firstToken, sentence.endToken))
  }
  const evidence = documentEvidence(tokens, sentences, capsLine)
  const lines = lineKinds(tokens, capsLine)
  const result: Array<TokenFeatureParts> = []
  for (const sentence of sentences) {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i]
      const previous = i > sentence.firstToken ? tokens[i - 1] : undefined
      const next = i + 1 < sentence.endToken ? tokens[i + 1] : undefined
      const word = core(token)
      const lowerWord = word.toLowerCase()
      const shape = wordShape(word)
      const f: Array<string> = []
      if (nameCore(token).possessive) f.push("possessive")
      for (const tag of token.tags) if (USEFUL_TAGS.has(tag)) f.push(`t=${tag}`)
      // The line's case pattern and the clause's start: where capitals say nothing.
      const clauseStart = startsClause(tokens, i, sentence.firstToken)
      const capitalised = isCapitalised(token)
      const line = lines[i]
      f.push(`line=${line}`, `line=${line}|sh=${shape}`)
      if (clauseStart) f.push("clause-start", `clause-start|sh=${shape}`)
      if (/[(]$/.test(token.pre.trim()) || /^[(]/.test(token.pre.trim())) f.push("after-paren")
      if (/^[)]/.test(token.post.trim())) f.push("before-paren")
      if (/^,/.test(token.post.trim())) f.push("before-comma")
      // Gazetteer phrases.
      const mark = gazetteer[i]
      if (mark !== undefined) f.push(`gaz=${mark}`, `gaz=${mark}|line=${line}`)
      const rule = rules[i]
      if (rule !== undefined) f.push(...rule)
      // Neighbours.
      const neighbours = NEIGHBOUR_OFFSETS.map((offset) => {
        const k = i + offset
        return k >= sentence.firstToken && k < sentence.endToken ? core(tokens[k]) : ""
      })
      if (previous !== undefined) {
        const previousLower = core(previous).toLowerCase()
        f.push(`lw-1|lw=${previousLower}|${lowerWord}`)
        if (lexicon.titleHeads.has(previousLower) || lexicon.titleModifiers.has(previousLower)) f.push("after-title")
        if (lexicon.honorifics.has(previousLower.replace(/\.$/, ""))) f.push("after-honorific")
        if (!joinable(previous, token)) f.push("gap-before")
        const previousMark = gazetteer[i - 1]
        if (previousMark !== undefined) f.push(`gaz-1=${previousMark}`)
        for (const tag of previous.tags) if (tag === "Person" || tag === "Place" || tag === "Organization" || tag === "ProperNoun") f.push(`t-1=${tag}`)
      }
      if (next !== undefined) {
        const nextLower = core(next).toLowerCase()
        f.push(`lw|lw+1=${lowerWord}|${nextLower}`)
        if (lexicon.organizationSuffixes.has(nextLower)) f.push("before-org-suffix")
        if (!joinable(token, next)) f.push("gap-after")
        const nextMark = gazetteer[i + 1]
        if (nextMark !== undefined) f.push(`gaz+1=${nextMark}`)
        for (const tag of next.tags) if (tag === "Person" || tag === "Place" || tag === "Organization" || tag === "ProperNoun") f.push(`t+1=${tag}`)
      }
      // What the rest of the document says of the word.
      if (capitalised) {
        if (evidence.capitalisedInside.has(lowerWord)) f.push(`doc:capitalised-inside|line=${line}`)
        if (evidence.lowerCase.has(lowerWord)) f.push(`doc:lower-case|line=${line}`)
        for (const where of evidence.inLonger.get(lowerWord) ?? []) f.push(`doc:in-longer=${where}`)
      }
      result.push({ word, neighbours, contextual: f })
    }
  }
  return result
}
