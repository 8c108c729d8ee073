/**
 * The document's time expressions: found sentence by sentence with the grammar of `dates.ts`, each
 * resolved against the publication date with the tense of its clause, and relative expressions
 * ("a day earlier") counted from the last day the text named before them.
 */
import type { Token } from "../../model/document.ts"
import { partitionPoint } from "../../model/span.ts"
import type { TimeMention } from "../../model/extraction.ts"
import type { ExtractContext } from "../context.ts"
import { findTimeExpressions, resolveTimeExpression } from "./dates.ts"
import type { Clause } from "./clauses.ts"
import { tenseAt } from "./clauses.ts"
import type { EventsLexicon } from "./lexicon.ts"

export interface LocatedTime {
  readonly mention: TimeMention
  readonly clause: Clause
  /** False for a date written before the noun it describes ("the November 27 agreement"): no narrative time. */
  readonly narrative: boolean
}

const expressionsOf = (context: ExtractContext) => {
  const { text, sentences } = context
  const found: Array<{ start: number; end: number; text: string; sentence: number }> = []
  for (const sentence of sentences) {
    for (const expression of findTimeExpressions(text.slice(sentence.start, sentence.end))) {
      found.push({ start: sentence.start + expression.start, end: sentence.start + expression.end, text: expression.text, sentence: sentence.index })
    }
  }
  return found
}

/** Indices of the tokens that belong to time expressions ("May" in "a May 12 agreement" is no modal). */
export const findTimeExpressionTokens = (context: ExtractContext): Array<number> =>
  expressionsOf(context).flatMap((f) => tokensIn(context.tokens, f.start, f.end).map((t) => t.index))

/**
 * `notVerb`: tokens the tagger read as verbs that are not ("trade talks"), so they cannot set the tense.
 */
export const findTimes = (
  context: ExtractContext,
  lexicon: EventsLexicon,
  clauses: ReadonlyArray<Clause>,
  notVerb: (t: Token) => boolean = () => false
): { times: Array<LocatedTime>; isTimeToken: (t: Token) => boolean } => {
  const { tokens, sentences } = context
  const found = expressionsOf(context)
  const timeTokens = new Set<number>()
  for (const f of found) for (const t of tokensIn(tokens, f.start, f.end)) timeTokens.add(t.index)
  const isTimeToken = (t: Token) => timeTokens.has(t.index)

  const times: Array<LocatedTime> = []
  let previous: string | null = null
  let previousPeriod: string | null = null
  for (const f of found) {
    const sentence = sentences[f.sentence]
    const span = tokensIn(tokens, f.start, f.end)
    const first = span[0]?.index ?? sentence.firstToken
    const clause = clauses.find((c) => c.firstToken <= first && first < c.endToken) ?? clauses.find((c) => c.sentence === sentence.index)!
    const tense = tenseAt(tokens, clause, sentence, first, lexicon.modality, (t) => isTimeToken(t) || notVerb(t))
    const resolved = resolveTimeExpression(f.text, context.published, tense, { previous, previousPeriod })
    if (resolved === null) continue
    const narrative = !premodifiesNoun(tokens, span)
    if (narrative && resolved.value !== null && /^\d{4}-\d{2}-\d{2}/.test(resolved.value) && resolved.precision === "day") previous = resolved.value.slice(0, 10)
    if (resolved.value !== null && resolved.precision !== null && /^\d{4}(?:-\d{2}){0,2}$/.test(resolved.value)) previousPeriod = resolved.value
    times.push({
      mention: { start: f.start, end: f.end, text: f.text, type: resolved.type, value: resolved.value, precision: resolved.precision, anchor: resolved.anchor, tense, rule: resolved.rule },
      clause,
      narrative
    })
  }
  return { times, isTimeToken }
}

/**
 * A date written before the noun it describes ("the November 27 agreement", "a May 12 deal") names when
 * that thing happened, not the time the narrative has reached, so "the following day" after it counts
 * from the last date of a clause (Reichenbach's reference time moves with the clauses' adverbials):
 * a determiner before it, and by the parse a noun after it that is its head, joined as a compound or modifier.
 */
const premodifiesNoun = (tokens: ReadonlyArray<Token>, span: ReadonlyArray<Token>): boolean => {
  if (span.length === 0) return false
  const last = span[span.length - 1].index
  if (tokens[span[0].index - 1]?.upos !== "DET") return false
  return span.some((t) => {
    const head = tokens[t.head]
    return t.head > last && head !== undefined && head.upos === "NOUN" && ["compound", "amod", "nummod", "nmod:unmarked"].includes(t.deprel)
  })
}

export const tokensIn = (tokens: ReadonlyArray<Token>, start: number, end: number): Array<Token> => {
  // Tokens are in text order: binary search for the first that ends after `start`.
  const lo = partitionPoint(tokens.length, (i) => tokens[i].end <= start)
  const out: Array<Token> = []
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) out.push(tokens[i])
  return out
}
