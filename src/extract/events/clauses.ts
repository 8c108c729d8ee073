/**
 * Clauses, tense and modality from the tagged tokens. A clause is the stretch of a sentence an event's
 * evidence, date and participants are read from: sentences are cut before subordinating words
 * ("while", "which", "but", a complementiser "that") and at semicolons. Tense and modality come from
 * the verb group nearest to a word and the cue words just before it.
 */
import type { Sentence, Token } from "../../model/document.ts"
import type { Tense } from "./dates.ts"
import type { ModalityCues } from "./lexicon.ts"
import type { Modality } from "../../model/tables.ts"

export interface Clause {
  readonly sentence: number
  /** Token range [firstToken, endToken) in the document's tokens. */
  readonly firstToken: number
  readonly endToken: number
  /** Character range in the cleaned text. */
  readonly start: number
  readonly end: number
}

/** Words that open a new clause wherever they stand. */
const CLAUSE_OPENERS = new Set(["while", "whereas", "although", "though", "because", "which", "who", "whom", "whose", "but", "unless"])
/** Words that open a new clause after a comma or dash (elsewhere they are prepositions or adverbs). */
const CLAUSE_OPENERS_AFTER_COMMA = new Set(["when", "where", "as", "since", "until", "and", "so", "yet"])

const isTagged = (token: Token, tag: string) => token.tags.includes(tag)

/** A complementiser "that" ("said that he…", "announcement on Friday that US…"), not the determiner of "that day". */
const opensThatClause = (tokens: ReadonlyArray<Token>, i: number): boolean => {
  const token = tokens[i]
  if (token.normal !== "that") return false
  if (isTagged(token, "Conjunction")) return true
  const next = tokens[i + 1]
  return next !== undefined && next.sentence === token.sentence &&
    (isTagged(next, "Pronoun") || isTagged(next, "Determiner") || /^\p{Lu}/u.test(next.text)) && !isTagged(next, "Date")
}

export const clausesOf = (tokens: ReadonlyArray<Token>, sentence: Sentence): Array<Clause> => {
  const clauses: Array<Clause> = []
  let first = sentence.firstToken
  const close = (end: number) => {
    if (end > first) {
      const last = tokens[end - 1]
      clauses.push({ sentence: sentence.index, firstToken: first, endToken: end, start: tokens[first].start, end: last.end })
    }
    first = end
  }
  for (let i = sentence.firstToken + 1; i < sentence.endToken; i++) {
    const previous = tokens[i - 1]
    const token = tokens[i]
    const separated = /[,–—(]/.test(previous.post)
    if (/[;]/.test(previous.post) || CLAUSE_OPENERS.has(token.normal) || (separated && CLAUSE_OPENERS_AFTER_COMMA.has(token.normal) && followedByClause(tokens, i)) || opensThatClause(tokens, i)) {
      close(i)
    }
  }
  close(sentence.endToken)
  return clauses
}

/** "…, and the country welcomes" opens a clause; "…, and Trade Representative Greer" does not: a verb must follow soon. */
const followedByClause = (tokens: ReadonlyArray<Token>, i: number): boolean => {
  if (tokens[i].normal !== "and" && tokens[i].normal !== "so" && tokens[i].normal !== "yet") return true
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && tokens[j].sentence === tokens[i].sentence; j++) {
    if (isTagged(tokens[j], "Verb") && !isTagged(tokens[j], "Gerund")) return true
    if (/[,;]/.test(tokens[j].post)) return false
  }
  return false
}

const phraseIn = (text: string, cue: string) => new RegExp(`(?:^| )${cue.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}(?: |$)`).test(text)

/** The cue words (lower case, one space apart) of a token range, leaving out tokens that belong to time expressions. */
const wordsOf = (tokens: ReadonlyArray<Token>, from: number, to: number, skip: (t: Token) => boolean) =>
  tokens.slice(Math.max(0, from), Math.max(0, to)).filter((t) => !skip(t)).map((t) => t.normal.replace(/'s$/, "")).join(" ")

/**
 * Tense of the clause around a token: the verb group nearest to it (future if a future or modal cue
 * governs it, past if it is past or perfect), falling back to the sentence, then to "present".
 */
export const tenseAt = (tokens: ReadonlyArray<Token>, clause: Clause, sentence: Sentence, index: number, cues: ModalityCues, skip: (t: Token) => boolean): Tense => {
  const nearestVerb = (from: number, to: number) => {
    let best = -1
    for (let i = from; i < to; i++) {
      if (!isTagged(tokens[i], "Verb") || skip(tokens[i])) continue
      if (best === -1 || Math.abs(i - index) < Math.abs(best - index)) best = i
    }
    return best
  }
  let verb = nearestVerb(clause.firstToken, clause.endToken)
  let scope = clause as { firstToken: number; endToken: number }
  if (verb === -1) {
    verb = nearestVerb(sentence.firstToken, sentence.endToken)
    scope = sentence
  }
  if (verb === -1) return "present"
  // The verb group: auxiliaries, modals, adverbs and "to" right before the verb, and the verb itself.
  let groupStart = verb
  while (groupStart > scope.firstToken && verbGroupWord(tokens[groupStart - 1])) groupStart--
  const group = wordsOf(tokens, groupStart, verb + 1, () => false)
  const futureCues = [...cues.expected, ...cues.hypothetical.filter((c) => ["could", "might", "may", "should"].includes(c))]
  if (futureCues.some((cue) => phraseIn(group, cue))) return "future"
  const groupTokens = tokens.slice(groupStart, verb + 1)
  if (groupTokens.some((t) => isTagged(t, "PastTense") || ["had", "was", "were", "did", "has", "have"].includes(t.normal))) return "past"
  return "present"
}

const verbGroupWord = (token: Token) =>
  isTagged(token, "Verb") || isTagged(token, "Auxiliary") || isTagged(token, "Modal") || isTagged(token, "Adverb") || isTagged(token, "Negative") ||
  ["to", "not", "likely", "expected", "set", "due", "going", "able", "about"].includes(token.normal)

/**
 * Modality of an event: the cue words in the few words before its trigger (within the clause), and for
 * a noun trigger the verb group right after it ("the meeting will take place"). Negation wins over
 * hypothesis, hypothesis over expectation.
 */
export const modalityAt = (
  tokens: ReadonlyArray<Token>,
  clause: Clause,
  trigger: { first: number; last: number; noun: boolean },
  cues: ModalityCues,
  skip: (t: Token) => boolean
): { modality: Modality; cue: string | null } => {
  const before = wordsOf(tokens, Math.max(clause.firstToken, trigger.first - 8), trigger.first, skip)
  let after = ""
  if (trigger.noun) {
    const next = tokens[trigger.last + 1]
    if (next !== undefined && trigger.last + 1 < clause.endToken && (isTagged(next, "Verb") || isTagged(next, "Modal") || isTagged(next, "Auxiliary"))) {
      after = wordsOf(tokens, trigger.last + 1, Math.min(clause.endToken, trigger.last + 5), skip)
    }
  }
  const text = `${before} ${after}`.trim()
  for (const modality of ["negated", "hypothetical", "expected"] as const) {
    const cue = cues[modality].find((c) => phraseIn(text, c))
    if (cue !== undefined) return { modality, cue }
  }
  return { modality: "asserted", cue: null }
}
