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
    const c = shapeOf(char)
    if (shape.length >= 2 && shape[shape.length - 1] === c && shape[shape.length - 2] === c) continue
    shape += c
  }
  return shape
}

/** A character's class in a shape; ASCII is told by its code, as most words are (a regular expression per character was most of a new word's cost). */
const shapeOf = (char: string): string => {
  const code = char.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90 ? "X" : code >= 97 && code <= 122 ? "x" : code >= 48 && code <= 57 ? "d" : char
  return /\p{Lu}/u.test(char) ? "X" : /\p{Ll}/u.test(char) ? "x" : char
}

/** `/^\p{Ll}/u`, with ASCII told by its code. */
const startsLowerCase = (text: string): boolean => {
  const code = text.charCodeAt(0)
  return code < 128 ? code >= 97 && code <= 122 : /^\p{Ll}/u.test(text)
}

/** What several features ask of each token, worked out once per document. */
interface TokenFacts {
  readonly capitalised: ReadonlyArray<boolean>
  /** Whether the token opens a clause (`startsClause`) within its sentence. */
  readonly clauseStart: ReadonlyArray<boolean>
  /** Whether the token may sit in one name with the one before it (`joinable`); false at a sentence's first. */
  readonly joinsPrevious: ReadonlyArray<boolean>
}

const tokenFacts = (tokens: ReadonlyArray<Token>, sentences: ReadonlyArray<Sentence>, cores: ReadonlyArray<{ readonly possessive: boolean }>): TokenFacts => {
  const capitalised = tokens.map(isCapitalised)
  const clauseStart: Array<boolean> = new Array(tokens.length).fill(false)
  const joinsPrevious: Array<boolean> = new Array(tokens.length).fill(false)
  for (const sentence of sentences) {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      clauseStart[i] = startsClause(tokens, i, sentence.firstToken)
      if (i > sentence.firstToken) joinsPrevious[i] = joinable(tokens[i - 1], tokens[i], cores[i - 1].possessive)
    }
  }
  return { capitalised, clauseStart, joinsPrevious }
}

interface DocumentEvidence {
  /** Lower forms written with a capital inside a sentence, not on a caps line. */
  readonly capitalisedInside: Set<string>
  /** Lower forms written in lower case. */
  readonly lowerCase: Set<string>
  /** Lower form → where it sits in a longer capitalised run ("first", "inner", "last"), and the run's last word. */
  readonly inLonger: Map<string, Set<string>>
}

const documentEvidence = (
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<Sentence>,
  capsLine: ReadonlyArray<boolean>,
  forms: ReadonlyArray<WordForms>,
  facts: TokenFacts
): DocumentEvidence => {
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
        const lastWord = forms[end - 1].lower
        for (let k = runStart; k < end; k++) {
          const word = forms[k].lower
          note(word, k === runStart ? "first" : k === end - 1 ? "last" : "inner")
          if (k < end - 1) note(word, `before:${lastWord}`)
        }
      }
      runStart = -1
    }
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const word = forms[i].lower
      if (startsLowerCase(tokens[i].text)) lowerCase.add(word)
      const capital = facts.capitalised[i] && !capsLine[i]
      if (capital && !facts.clauseStart[i]) capitalisedInside.add(word)
      if (capital) {
        if (runStart < 0 || !facts.joinsPrevious[i]) {
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
const ruleMarks = (length: number, spans: ReadonlyArray<NameSpan>): Array<Array<readonly [string, string]> | undefined> => {
  const marks: Array<Array<readonly [string, string]> | undefined> = new Array(length).fill(undefined)
  for (const span of spans) {
    if (!TRAINING_FREE_RULE.test(span.rule)) continue
    const rule = span.rule.replace(/:(?:name|alias|capital-as-place|capital-as-government)$/, "")
    for (let t = span.first; t <= span.last; t++) {
      const at = t === span.first ? "B" : "I"
      ;(marks[t] ??= []).push(["rule=", `${at}-${rule}`], ["rule-kind=", `${at}-${span.kind}`])
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
    if (k < tokens.length && !tokens[k - 1].post.includes("\n") && !tokens[k].pre.includes("\n")) continue
    let onCapsLine = false
    for (let j = lineStart; j < k && !onCapsLine; j++) onCapsLine = capsLine[j]
    if (onCapsLine) {
      let lowerCase = false
      for (let j = lineStart; j < k && !lowerCase; j++) lowerCase = /\p{Ll}/u.test(tokens[j].text)
      for (let j = lineStart; j < k; j++) if (capsLine[j]) kinds[j] = lowerCase ? "title" : "caps"
    }
    lineStart = k
  }
  return kinds
}

/**
 * Every gazetteer phrase cut before each of its spaces and hyphens: a phrase not in this set begins no
 * entry, so a longer one need not be tried.
 */
const phraseStarts = new WeakMap<ActorLexicon, Set<string>>()
const startsOfPhrases = (lexicon: ActorLexicon): Set<string> => {
  let starts = phraseStarts.get(lexicon)
  if (starts === undefined) {
    starts = new Set()
    for (const phrase of [...lexicon.countries.keys(), ...lexicon.organizations.keys()]) {
      for (let c = 0; c < phrase.length; c++) if (phrase[c] === " " || phrase[c] === "-") starts.add(phrase.slice(0, c))
    }
    phraseStarts.set(lexicon, starts)
  }
  return starts
}

/** Gazetteer phrases over a sentence: per token, "B-"/"I-" and the entry's kind, longest match first. */
const gazetteerMarks = (
  lexicon: ActorLexicon,
  tokens: ReadonlyArray<Token>,
  forms: ReadonlyArray<WordForms>,
  cores: ReadonlyArray<{ readonly possessive: boolean }>,
  from: number,
  to: number
): Array<string | undefined> => {
  const starts = startsOfPhrases(lexicon)
  const marks: Array<string | undefined> = new Array(to - from).fill(undefined)
  let i = from
  while (i < to) {
    let matched = 0
    let kind = ""
    let phrase = ""
    for (let k = i; k < Math.min(to, i + lexicon.longestPhrase); k++) {
      phrase = k === i ? forms[k].lower : `${phrase}${tokens[k - 1].post + tokens[k].pre === "-" ? "-" : " "}${forms[k].lower}`
      const country = lexicon.countries.get(phrase)
      const organization = lexicon.organizations.get(phrase)
      if (country !== undefined) {
        matched = k - i + 1
        kind = `country-${country.form}`
      } else if (organization !== undefined) {
        matched = k - i + 1
        kind = "organization"
      }
      if ((k > i && cores[k].possessive) || !starts.has(phrase)) break
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
 * Where a token's features go, one call per feature: `emit(template, value)` for the feature named
 * template + value ("w=" + "Paris", "bias" + ""), `emit(template, first, second)` for a pair, named
 * template + first + "|" + second. Training collects the names (`documentFeatures`); the tagger looks
 * the parts up in its model without building a name per token (tagger.ts).
 */
export type Emit = (template: string, value: string, second?: string) => void

/** The name `emit` stands for. */
export const featureName = (template: string, value: string, second?: string): string =>
  second === undefined ? template + value : `${template}${value}|${second}`

/** A word's lower form and shape, which several features read. */
export interface WordForms {
  readonly lower: string
  readonly shape: string
}
export const wordForms = (word: string): WordForms => ({ lower: word.toLowerCase(), shape: wordShape(word) })

/**
 * The features that depend on the word alone, not on its context: the tagger sums their weights once
 * per distinct word and keeps the sum (tagger.ts), as most of a text's words repeat.
 */
export const emitWordFeatures = (context: FeatureContext, word: string, forms: WordForms, emit: Emit): void => {
  const { lexicon } = context
  const lowerWord = forms.lower
  emit("bias", "")
  emit("w=", word)
  emit("lw=", lowerWord)
  emit("sh=", forms.shape)
  for (let n = 1; n <= 3 && n < lowerWord.length; n++) emit(PREFIX_TEMPLATES[n], lowerWord.slice(0, n))
  for (let n = 1; n <= 4 && n < lowerWord.length; n++) emit(SUFFIX_TEMPLATES[n], lowerWord.slice(-n))
  if (/\d/.test(word)) emit("digit", "")
  if (word.includes("-")) emit("hyphen", "")
  const listed = context.listedTags(lowerWord)
  for (const tag of listed) emit("lt=", tag)
  if (listed.length === 0) emit("unlisted", "")
  // Title lexicons and the organisation, place and group words.
  if (lexicon.titleHeads.has(lowerWord)) emit("title-head", "")
  if (lexicon.titleModifiers.has(lowerWord)) emit("title-modifier", "")
  if (lexicon.honorifics.has(lowerWord.replace(/\.$/, ""))) emit("honorific", "")
  if (lexicon.organizationSuffixes.has(lowerWord)) emit("org-suffix", "")
  if (lexicon.ofHeads.has(lowerWord)) emit("of-head", "")
  if (lexicon.placeSuffixes.has(lowerWord)) emit("place-suffix", "")
  if (lexicon.groupNouns.has(lowerWord)) emit("group-noun", "")
  if (lexicon.notActors.has(lowerWord)) emit("not-actor", "")
}
const PREFIX_TEMPLATES = ["", "p1=", "p2=", "p3="]
const SUFFIX_TEMPLATES = ["", "s1=", "s2=", "s3=", "s4="]

/** The word-level features as names. */
export const wordLevelFeatures = (context: FeatureContext, word: string): Array<string> => {
  const names: Array<string> = []
  emitWordFeatures(context, word, wordForms(word), (template, value, second) => names.push(featureName(template, value, second)))
  return names
}

export const NEIGHBOUR_OFFSETS = [-1, 1, -2, 2] as const
/** How a neighbour's offset is written in its features: "-1", "+2". */
export const offsetName = (offset: number) => (offset > 0 ? `+${offset}` : `${offset}`)
/** Per neighbour offset, the templates of its features: lower form, shape, and no word. */
const NEIGHBOUR_TEMPLATES = NEIGHBOUR_OFFSETS.map((offset) => ({ lower: `${offsetName(offset)}lw=`, shape: `${offsetName(offset)}sh=`, none: `${offsetName(offset)}w=` }))

/**
 * The features of the neighbour at `NEIGHBOUR_OFFSETS[k]`, which depend on its word alone; `forms`
 * undefined = none. The word before may be a title or an honorific, the word after a company word.
 */
export const emitNeighbourFeatures = (context: FeatureContext, k: number, forms: WordForms | undefined, emit: Emit): void => {
  const templates = NEIGHBOUR_TEMPLATES[k]
  if (forms === undefined) {
    emit(templates.none, "<none>")
    return
  }
  emit(templates.lower, forms.lower)
  emit(templates.shape, forms.shape)
  const { lexicon } = context
  if (NEIGHBOUR_OFFSETS[k] === -1) {
    if (lexicon.titleHeads.has(forms.lower) || lexicon.titleModifiers.has(forms.lower)) emit("after-title", "")
    if (lexicon.honorifics.has(forms.lower.replace(/\.$/, ""))) emit("after-honorific", "")
  } else if (NEIGHBOUR_OFFSETS[k] === 1 && lexicon.organizationSuffixes.has(forms.lower)) emit("before-org-suffix", "")
}

/** The case patterns of a line (`lineKinds`). */
export const LINE_KINDS = ["prose", "caps", "title"] as const

/**
 * The features of the word's shape in its place: on a line of the case pattern `line` (where capitals
 * may say nothing) and at a clause's start. They depend on the word and those two facts alone, so the
 * tagger sums them once per word and place.
 */
export const emitShapeInPlace = (forms: WordForms, line: string, clauseStart: boolean, emit: Emit): void => {
  emit("line=", line)
  emit(LINE_SHAPE_TEMPLATES[line], forms.shape)
  if (clauseStart) {
    emit("clause-start", "")
    emit("clause-start|sh=", forms.shape)
  }
}

/** A line's case pattern as the second value of a pair, and as a template before the shape. */
const LINE_VALUES: Record<string, string> = { prose: "line=prose", caps: "line=caps", title: "line=title" }
const LINE_SHAPE_TEMPLATES: Record<string, string> = { prose: "line=prose|sh=", caps: "line=caps|sh=", title: "line=title|sh=" }

/** Every template `emit` is called with, so that a model's feature names can be split into template and value. */
export const FEATURE_TEMPLATES: ReadonlyArray<string> = [
  "bias", "w=", "lw=", "sh=", ...PREFIX_TEMPLATES.slice(1), ...SUFFIX_TEMPLATES.slice(1), "digit", "hyphen", "lt=", "unlisted",
  "title-head", "title-modifier", "honorific", "org-suffix", "of-head", "place-suffix", "group-noun", "not-actor",
  ...NEIGHBOUR_TEMPLATES.flatMap((t) => [t.lower, t.shape, t.none]),
  "possessive", "t=", "line=", ...Object.values(LINE_SHAPE_TEMPLATES), "clause-start", "clause-start|sh=", "after-paren", "before-paren", "before-comma", "gaz=", "rule=", "rule-kind=",
  "after-title", "after-honorific", "gap-before", "gaz-1=", "t-1=", "before-org-suffix", "gap-after", "gaz+1=", "t+1=",
  "doc:capitalised-inside|line=", "doc:lower-case|line=", "doc:in-longer="
]
/** Templates whose features carry a pair of values. */
export const PAIR_TEMPLATES: ReadonlyArray<string> = ["gaz=", "lw-1|lw=", "lw|lw+1="]

/**
 * The features of every token of a document, as lists of names: what training reads, and the
 * reference the tagger's sums are tested against.
 */
export const documentFeatures = (
  context: FeatureContext,
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<Sentence>,
  ruleSpans: ReadonlyArray<NameSpan> = []
): Array<Array<string>> => {
  const result: Array<Array<string>> = []
  let names: Array<string> = []
  let words: ReadonlyArray<string> = []
  let forms: ReadonlyArray<WordForms> = []
  const emit: Emit = (template, value, second) => names.push(featureName(template, value, second))
  emitDocumentFeatures(context, tokens, sentences, ruleSpans, {
    forms: (documentWords) => {
      words = documentWords
      return (forms = words.map(wordForms))
    },
    word: (i, word, first, end, line, clauseStart) => {
      names = []
      result.push(names)
      emitWordFeatures(context, word, forms[i], emit)
      NEIGHBOUR_OFFSETS.forEach((offset, k) => emitNeighbourFeatures(context, k, isNeighbour(words, i + offset, first, end) ? forms[i + offset] : undefined, emit))
      emitShapeInPlace(forms[i], line, clauseStart, emit)
    },
    emit
  })
  return result
}

/**
 * Whether token `j` stands as a neighbour within its sentence [first, end). A token with no word (a
 * lone "'s") is a neighbour with an empty lower form and shape, as the committed model was trained
 * (so `npm run train -- ner` writes the committed file byte for byte).
 */
export const isNeighbour = (_words: ReadonlyArray<string>, j: number, first: number, end: number): boolean =>
  j >= first && j < end

/** What `emitDocumentFeatures` asks and tells. */
export interface DocumentFeatureSink {
  /** Each token's word's lower form and shape (the tagger keeps them per distinct word). */
  readonly forms: (words: ReadonlyArray<string>) => ReadonlyArray<WordForms>
  /**
   * The next token, in document order: its index, its word (the key of its word-level features), its
   * sentence's tokens [first, end), within which its neighbours at `NEIGHBOUR_OFFSETS` lie, and its
   * place (`emitShapeInPlace`): its line's case pattern and whether it opens a clause.
   */
  readonly word: (index: number, word: string, first: number, end: number, line: string, clauseStart: boolean) => void
  /** The token's other features. */
  readonly emit: Emit
}

/** Every token's features: `sink.word` for those that depend on words and their place alone, then `sink.emit` for the rest. */
export const emitDocumentFeatures = (
  context: FeatureContext,
  tokens: ReadonlyArray<Token>,
  sentences: ReadonlyArray<Sentence>,
  ruleSpans: ReadonlyArray<NameSpan>,
  sink: DocumentFeatureSink
): void => {
  const { lexicon } = context
  const { emit } = sink
  const cores = tokens.map(nameCore)
  const words = cores.map((c) => c.text)
  const forms = sink.forms(words)
  const rules = ruleMarks(tokens.length, ruleSpans)
  const capsLine: Array<boolean> = []
  const gazetteer: Array<string | undefined> = []
  for (const sentence of sentences) {
    capsLine.push(...capsLineFlags(tokens, sentence.firstToken, sentence.endToken))
    gazetteer.push(...gazetteerMarks(lexicon, tokens, forms, cores, sentence.firstToken, sentence.endToken))
  }
  const facts = tokenFacts(tokens, sentences, cores)
  const evidence = documentEvidence(tokens, sentences, capsLine, forms, facts)
  const lines = lineKinds(tokens, capsLine)
  for (const sentence of sentences) {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i]
      const lowerWord = forms[i].lower
      const line = lines[i]
      sink.word(i, words[i], sentence.firstToken, sentence.endToken, line, facts.clauseStart[i])
      if (cores[i].possessive) emit("possessive", "")
      for (const tag of token.tags) if (USEFUL_TAGS.has(tag)) emit("t=", tag)
      const before = token.pre.trim()
      const after = token.post.trim()
      if (before.endsWith("(") || before.startsWith("(")) emit("after-paren", "")
      if (after.startsWith(")")) emit("before-paren", "")
      if (after.startsWith(",")) emit("before-comma", "")
      // Gazetteer phrases.
      const mark = gazetteer[i]
      if (mark !== undefined) {
        emit("gaz=", mark)
        emit("gaz=", mark, LINE_VALUES[line])
      }
      const rule = rules[i]
      if (rule !== undefined) for (const [template, value] of rule) emit(template, value)
      if (i > sentence.firstToken) {
        emit("lw-1|lw=", forms[i - 1].lower, lowerWord)
        if (!facts.joinsPrevious[i]) emit("gap-before", "")
        const previousMark = gazetteer[i - 1]
        if (previousMark !== undefined) emit("gaz-1=", previousMark)
        for (const tag of tokens[i - 1].tags) if (NAME_TAGS.has(tag)) emit("t-1=", tag)
      }
      if (i + 1 < sentence.endToken) {
        emit("lw|lw+1=", lowerWord, forms[i + 1].lower)
        if (!facts.joinsPrevious[i + 1]) emit("gap-after", "")
        const nextMark = gazetteer[i + 1]
        if (nextMark !== undefined) emit("gaz+1=", nextMark)
        for (const tag of tokens[i + 1].tags) if (NAME_TAGS.has(tag)) emit("t+1=", tag)
      }
      // What the rest of the document says of the word.
      if (facts.capitalised[i]) {
        if (evidence.capitalisedInside.has(lowerWord)) emit("doc:capitalised-inside|line=", line)
        if (evidence.lowerCase.has(lowerWord)) emit("doc:lower-case|line=", line)
        for (const where of evidence.inLonger.get(lowerWord) ?? []) emit("doc:in-longer=", where)
      }
    }
  }
}
/** The neighbours' tags that say a name is near. */
const NAME_TAGS: ReadonlySet<string> = new Set(["Person", "Place", "Organization", "ProperNoun"])
