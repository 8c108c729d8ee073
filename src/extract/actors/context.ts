/**
 * The context a name sits in, as evidence for what it names. Word statistics know that "Chicago" is
 * a team more often than a city in Reuters sports pages, but not which one this "Chicago" is; the
 * words around it do: "CHICAGO 3 New York 2" (a team in a results line), "MILWAUKEE 1996-08-30" (a
 * dateline: a city), "in Chicago" (a place), "(P. Simmons 4-38)" (a bowler).
 *
 * Features are small strings: the word or punctuation before and after the name (numbers by shape),
 * line starts and ends, and whether the line is a results table. Their counts per entity type are
 * learned from CoNLL-2003 train (`deriveContextStatistics.ts`) and read here as naive-Bayes evidence.
 */
import type { Token } from "../../model/document.ts"
import type { ActorLexicon } from "./lexicon.ts"
import { nameCore } from "./tokens.ts"

/** Entity types of the statistics, in their column order. */
export const CONTEXT_TYPES = ["PER", "ORG", "LOC", "MISC"] as const

const DIGIT = /\p{Nd}/u
const LETTER = /\p{L}/u

/** A word's shape as context: numbers by form (a score, a date, a count), words lower-cased. */
const shape = (token: Token): string => {
  const text = nameCore(token).text
  if (DIGIT.test(text) && !LETTER.test(text)) {
    if (/^\d{4}-\d\d-\d\d$/.test(text)) return "<date>"
    if (/^\d+$/.test(text)) return "<num>"
    if (/^\d+[-:/]\d+$/.test(text)) return "<score>"
    if (/^\d+[.,]\d+$/.test(text)) return "<decimal>"
    return "<numeric>"
  }
  if (DIGIT.test(text)) return "<alnum>"
  return text.toLowerCase()
}

/** What separates two neighbouring tokens, as a feature value: a line break, punctuation, or nothing. */
const separator = (gap: string): string | undefined => {
  if (gap.includes("\n")) return "|"
  const mark = gap.replace(/\s+/g, "")
  return mark === "" ? undefined : mark
}

/** Each token's line (text between line breaks) and each line's kind, computed once per token list. */
interface Lines {
  /** For token i: the first and last token of its line. */
  readonly first: Int32Array
  readonly last: Int32Array
  /** The kind of the line starting at token i (set at line starts only). */
  readonly kind: Map<number, string>
}

/**
 * Lines are found once per document's token list (one pass), not once per name: a long line with
 * many names (a list of capitalised words, a page without line breaks) would otherwise cost the
 * square of its length.
 */
const linesCache = new WeakMap<ReadonlyArray<Token>, Lines>()
const linesOf = (tokens: ReadonlyArray<Token>): Lines => {
  const cached = linesCache.get(tokens)
  if (cached !== undefined) return cached
  const first = new Int32Array(tokens.length)
  const last = new Int32Array(tokens.length)
  const kind = new Map<number, string>()
  let start = 0
  for (let i = 0; i < tokens.length; i++) {
    const endsLine = i + 1 === tokens.length || (tokens[i].post + tokens[i + 1].pre).includes("\n")
    if (!endsLine) continue
    for (let t = start; t <= i; t++) {
      first[t] = start
      last[t] = i
    }
    kind.set(start, lineKind(tokens, { first: start, last: i }))
    start = i + 1
  }
  const lines = { first, last, kind }
  linesCache.set(tokens, lines)
  return lines
}

/** The token range of the line (text between line breaks) holding token `i`. */
const lineAround = (tokens: ReadonlyArray<Token>, i: number): { first: number; last: number } => {
  const lines = linesOf(tokens)
  return { first: lines.first[i], last: lines.last[i] }
}

/**
 * A results line ("CHICAGO 3 New York 2", "Somerset 83 and 174 (P. Simmons 4-38)"): at least four
 * words, a quarter or more of them numbers.
 */
const lineKind = (tokens: ReadonlyArray<Token>, line: { first: number; last: number }): string => {
  const words = line.last - line.first + 1
  let numbers = 0
  for (let t = line.first; t <= line.last; t++) if (DIGIT.test(tokens[t].text) && !LETTER.test(tokens[t].text)) numbers++
  return words >= 4 && numbers * 4 >= words ? "table" : "text"
}

/** The context features of the name spanning tokens [first, last]. */
export const contextFeatures = (tokens: ReadonlyArray<Token>, first: number, last: number): Array<string> => {
  const line = lineAround(tokens, first)
  const kind = linesOf(tokens).kind.get(line.first)!
  const before = first === line.first ? "^" : (separator(tokens[first - 1].post + tokens[first].pre) ?? shape(tokens[first - 1]))
  const after = last >= line.last ? "$" : (nameCore(tokens[last]).possessive ? "'s" : separator(tokens[last].post + tokens[last + 1].pre) ?? shape(tokens[last + 1]))
  return [`before:${before}`, `after:${after}`, `line:${kind}`, `line:${kind}+after:${after}`, `line:${kind}+before:${before}`]
}

/**
 * Log evidence per type (PER, ORG, LOC, MISC) from the context of a name: for each feature seen
 * often enough in training, log P(type | feature) / P(type), smoothed towards the prior. Zero where
 * the context says nothing.
 */
export const contextEvidence = (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, first: number, last: number): Array<number> => {
  const { prior, features } = lexicon.contextStatistics
  const evidence = [0, 0, 0, 0]
  const priorTotal = prior.reduce((a, b) => a + b, 0)
  for (const feature of contextFeatures(tokens, first, last)) {
    const counts = features.get(feature)
    if (counts === undefined) continue
    const total = counts.reduce((a, b) => a + b, 0)
    for (let t = 0; t < 4; t++) {
      const p = prior[t] / priorTotal
      evidence[t] += Math.log((counts[t] + SMOOTHING * p) / (total + SMOOTHING) / p)
    }
  }
  return evidence
}

/** Pseudo-counts pulling a rare feature towards the prior. */
const SMOOTHING = 4
