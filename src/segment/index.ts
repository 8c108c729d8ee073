/**
 * Segment stage: splits the cleaned body into paragraphs and sentences and tags every word once, so
 * the extractors share one analysis instead of each re-tagging the text.
 */
import { Effect } from "effect"
import type { AnalyzedDocument, CleanDocument, Sentence, Token } from "../model/document.ts"
import { Nlp } from "../nlp/Nlp.ts"
import type { NlpEngine } from "../nlp/Nlp.ts"

const PARAGRAPH_BREAK = /\n{2,}/g

/** Paragraph ranges [start, end) of `text`, trimmed of surrounding white space. */
export const paragraphRanges = (text: string): Array<{ start: number; end: number }> => {
  const ranges: Array<{ start: number; end: number }> = []
  let from = 0
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++
    while (end > start && /\s/.test(text[end - 1])) end--
    if (end > start) ranges.push({ start, end })
  }
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(from, match.index)
    from = match.index + match[0].length
  }
  push(from, text.length)
  return ranges
}

/**
 * Tags the whole body in one call (compromise ends sentences at line breaks, so no sentence crosses a
 * paragraph) and numbers each sentence's paragraph by offset.
 */
export const analyze = (engine: NlpEngine, clean: CleanDocument): AnalyzedDocument => {
  const sentences: Array<Sentence> = []
  const tokens: Array<Token> = []
  const paragraphs = paragraphRanges(clean.text)
  let paragraph = 0
  for (const terms of engine.tagSentences(clean.text)) {
    if (terms.length === 0) continue
    const sentenceIndex = sentences.length
    const firstToken = tokens.length
    for (const term of terms) {
      tokens.push({
        index: tokens.length,
        sentence: sentenceIndex,
        text: term.text,
        normal: term.normal,
        pre: term.pre,
        post: term.post,
        tags: term.tags,
        start: term.offset.start,
        end: term.offset.start + term.offset.length
      })
    }
    const first = tokens[firstToken]
    const last = tokens[tokens.length - 1]
    while (paragraph < paragraphs.length - 1 && paragraphs[paragraph].end <= first.start) paragraph++
    const limit = paragraphs[paragraph]?.end ?? clean.text.length
    sentences.push({
      index: sentenceIndex,
      paragraph,
      start: Math.max(paragraphs[paragraph]?.start ?? 0, first.start - first.pre.trimStart().length),
      end: Math.min(limit, last.end + last.post.trimEnd().length),
      firstToken,
      endToken: tokens.length
    })
  }
  return { clean, sentences, tokens }
}

export const segmentDocument = Effect.fn("segmentDocument")(function*(clean: CleanDocument) {
  const engine = yield* Nlp
  return analyze(engine, clean)
})
