/**
 * Segment stage: splits the cleaned body into paragraphs and sentences, tags every word once and
 * parses every sentence (UPOS, lemma, dependency head and relation), so the extractors share one
 * analysis instead of each re-tagging the text.
 */
import { Effect } from "effect"
import type { AnalyzedDocument, CleanDocument, Sentence, Token } from "../model/document.ts"
import { Nlp } from "../nlp/Nlp.ts"
import type { NlpEngine } from "../nlp/Nlp.ts"
import type { SyntaxAnalyser } from "../nlp/syntax/index.ts"
import { mapToTokens, udTokensOf } from "./udTokens.ts"

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
 * Gives the tokens [first, end) of one sentence their UPOS, lemma and dependency arc: the sentence is
 * re-tokenised the UD way (udTokens.ts), tagged and parsed, and the analysis mapped back.
 */
const parseSentence = (syntax: SyntaxAnalyser, tokens: Array<Token>, first: number, end: number): void => {
  const ud = udTokensOf(tokens, first, end)
  const analysis = syntax.analyse(ud.map((u) => u.text))
  mapToTokens(ud, analysis, first, end).forEach((arc, k) => {
    tokens[first + k] = { ...tokens[first + k], ...arc }
  })
}

/**
 * Tags the whole body in one call and numbers each sentence's paragraph by offset. compromise ends most
 * sentences at line breaks, but not all (`…to have.\n\n"What …`), so a sentence is also cut where a
 * paragraph ends: no sentence crosses a paragraph.
 */
export const analyze = (engine: NlpEngine, clean: CleanDocument): AnalyzedDocument => {
  const sentences: Array<Sentence> = []
  const tokens: Array<Token> = []
  const paragraphs = paragraphRanges(clean.text)
  let current = 0
  /** The paragraph holding `offset`; offsets only grow, so the search only moves forward. */
  const paragraphOf = (offset: number) => {
    while (current < paragraphs.length - 1 && paragraphs[current].end <= offset) current++
    return current
  }
  const syntax = engine.syntax()
  const pushSentence = (firstToken: number, paragraph: number) => {
    parseSentence(syntax, tokens, firstToken, tokens.length)
    const first = tokens[firstToken]
    const last = tokens[tokens.length - 1]
    sentences.push({
      index: sentences.length,
      paragraph,
      start: Math.max(paragraphs[paragraph]?.start ?? 0, first.start - first.pre.trimStart().length),
      end: Math.min(paragraphs[paragraph]?.end ?? clean.text.length, last.end + last.post.trimEnd().length),
      firstToken,
      endToken: tokens.length
    })
  }
  for (const terms of engine.tagSentences(clean.text)) {
    let firstToken = tokens.length
    let paragraph = -1
    for (const term of terms) {
      const start = term.offset.start
      const at = paragraphOf(start)
      if (tokens.length > firstToken && at !== paragraph) {
        pushSentence(firstToken, paragraph)
        firstToken = tokens.length
      }
      paragraph = at
      tokens.push({
        index: tokens.length,
        sentence: sentences.length,
        text: term.text,
        normal: term.normal,
        pre: term.pre,
        post: term.post,
        tags: term.tags,
        start,
        end: start + term.offset.length,
        // set when the sentence is complete (parseSentence)
        upos: "X",
        lemma: term.normal,
        head: -1,
        deprel: "root"
      })
    }
    if (tokens.length > firstToken) pushSentence(firstToken, paragraph)
  }
  return { clean, sentences, tokens }
}

export const segmentDocument = Effect.fn("segmentDocument")(function*(clean: CleanDocument) {
  const engine = yield* Nlp
  return analyze(engine, clean)
})
