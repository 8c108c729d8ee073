/**
 * What every extractor receives: the analysed document (cleaned text, sentences, tagged tokens) and
 * the configured NLP engine. All offsets here are UTF-16 indices into `text`, the cleaned body.
 */
import type { AnalyzedDocument, DocumentMeta, Sentence, Token } from "../model/document.ts"
import type { Diagnostic } from "../model/diagnostic.ts"
import type { ActorMention, EventMention, LocalActor, QuoteMention, TimeMention } from "../model/extraction.ts"
import type { NlpEngine } from "../nlp/Nlp.ts"

export interface ExtractContext {
  readonly inputId: string
  readonly doc: AnalyzedDocument
  /** The cleaned body text the NLP saw. */
  readonly text: string
  readonly sentences: ReadonlyArray<Sentence>
  readonly tokens: ReadonlyArray<Token>
  readonly meta: DocumentMeta
  /** Publication date (YYYY-MM-DD) to resolve relative dates against, or null when unknown. */
  readonly published: string | null
  readonly nlp: NlpEngine
}

export interface ActorExtraction {
  readonly actors: ReadonlyArray<LocalActor>
  readonly mentions: ReadonlyArray<ActorMention>
  readonly diagnostics: ReadonlyArray<Diagnostic>
}

export interface QuoteExtraction {
  readonly quotes: ReadonlyArray<QuoteMention>
  readonly diagnostics: ReadonlyArray<Diagnostic>
}

export interface EventExtraction {
  readonly events: ReadonlyArray<EventMention>
  readonly times: ReadonlyArray<TimeMention>
  readonly diagnostics: ReadonlyArray<Diagnostic>
}

/**
 * What an article clearly speaks of most among `values` (one per mention): the value named at least
 * twice and more often than any other, or the only one named. Null when no value is clear.
 */
export const clearFavourite = <A>(values: Iterable<A>): A | null => {
  const counts = new Map<A, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1])
  if (first === undefined) return null
  return second === undefined || (first[1] >= 2 && first[1] > second[1]) ? first[0] : null
}
