/**
 * Extract stage: a small chain of its own. Actors first (quotes and events point at them), then
 * quotes and events; finally every span is mapped from the cleaned text to the original text.
 */
import { Effect } from "effect"
import type { AnalyzedDocument, LoadedDocument } from "../model/document.ts"
import { cleanDocument } from "../clean/index.ts"
import { analyze } from "../segment/index.ts"
import type { DocumentExtraction } from "../model/extraction.ts"
import { Nlp } from "../nlp/Nlp.ts"
import type { NlpEngine } from "../nlp/Nlp.ts"
import type { ExtractContext } from "./context.ts"
import { extractActors } from "./actors/index.ts"
import { extractQuotes } from "./quotes/index.ts"
import { extractEvents } from "./events/index.ts"
import { mapExtractionToOriginal } from "./offsets.ts"
// Dedupe's per-document part: story features depend on one document only, so workers count them.
import { storyFeatures } from "../dedupe/storyFeatures.ts"

export const extract = (engine: NlpEngine, doc: AnalyzedDocument): DocumentExtraction => {
  const { clean } = doc
  const context = extractContext(engine, doc)
  const actors = extractActors(context)
  const quotes = extractQuotes(context, actors)
  const events = extractEvents(context, actors)
  const extraction = mapExtractionToOriginal(clean, {
    actors: actors.actors,
    actorMentions: actors.mentions,
    quotes: quotes.quotes,
    events: events.events,
    times: events.times,
    diagnostics: [...actors.diagnostics, ...quotes.diagnostics, ...events.diagnostics],
    nSentences: doc.sentences.length,
    lead: doc.sentences.length === 0 ? "" : clean.text.slice(doc.sentences[0].start, doc.sentences[0].end)
  })
  return { ...extraction, storyFeatures: [...storyFeatures(extraction)] }
}

export const extractDocument = Effect.fn("extractDocument")(function*(doc: AnalyzedDocument) {
  const engine = yield* Nlp
  return extract(engine, doc)
})

/**
 * Runs load-free cleaning, segmentation and extraction on one text: the same code path as the
 * pipeline, for tests and tools that start from a string.
 */
export const analyzeText = (
  engine: NlpEngine,
  text: string,
  given: Partial<LoadedDocument["given"]> = {},
  format: LoadedDocument["format"] = "txt"
): AnalyzedDocument => {
  const loaded: LoadedDocument = {
    docId: "doc_test",
    inputId: "test.txt",
    file: "test.txt",
    line: null,
    format,
    text,
    given: { title: null, date: null, url: null, source: null, author: null, extra: {}, ...given }
  }
  const cleaned = cleanDocument(loaded)
  if (cleaned._tag === "Skipped") throw new Error(`analyzeText: ${cleaned.outcome.reason}`)
  return analyze(engine, cleaned.doc)
}

/** Builds the context extractors receive, for an analysed document. */
export const extractContext = (engine: NlpEngine, doc: AnalyzedDocument): ExtractContext => ({
  inputId: doc.clean.loaded.inputId,
  doc,
  text: doc.clean.text,
  sentences: doc.sentences,
  tokens: doc.tokens,
  meta: doc.clean.meta,
  published: doc.clean.meta.published,
  nlp: engine
})
