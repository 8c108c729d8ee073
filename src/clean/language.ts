/**
 * Language of the cleaned body. The extractors are for English, so a confidently non-English article
 * is skipped; anything uncertain (short texts, tables, names) is kept. Two signals must agree before
 * skipping: franc-min's trigram guess is not English, and English function words are nearly absent.
 */
import { francAll } from "franc-min"
import { cleanLexicon } from "./lexicon.ts"

export interface LanguageGuess {
  /** ISO 639-3 code, or null when the text is too short or too mixed to say. */
  readonly code: string | null
  readonly name: string | null
  /** True only when the text is confidently not English. */
  readonly skip: boolean
  /** Share of words that are English function words (the, of, and, said, …). */
  readonly englishWordShare: number
}

/** Below this many letters a trigram guess is noise. */
const MIN_LETTERS = 60
/** Fewer different lower-case words than this (a table, a list of names) is too little evidence to skip. */
const MIN_LOWER_CASE_WORDS = 30
/** Share of all words that are lower case in running prose (English ~0.7, German ~0.6); tables are far below. */
const MIN_PROSE_SHARE = 0.4
/** franc's score for English relative to the best language (1): near 1 means "could well be English". */
const MAX_ENGLISH_TRIGRAM_SCORE = 0.9
/** From this share of English function words on, the text is English, whatever franc would say. */
const SETTLED_ENGLISH_SHARE = 0.15
/** English news runs at 0.25–0.45; other languages near 0; tables of names and scores lie between. */
const MAX_ENGLISH_SHARE_TO_SKIP = 0.05

export const detectLanguage = (text: string): LanguageGuess => {
  const sample = text.slice(0, 4000)
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  // Lower-case words only: tables of names and scores (wire results) are mostly capitals and
  // numbers, and their few lower-case words are still English ("not out", "results of").
  const words = sample.match(/(?<![\p{L}'])\p{Ll}{2,}(?:'\p{Ll}+)?(?![\p{L}])/gu) ?? []
  const functionWords = cleanLexicon().englishFunctionWords
  const englishWordShare = words.length === 0 ? 0 : words.filter((w) => functionWords.has(w)).length / words.length
  if (letters < MIN_LETTERS) return { code: null, name: null, skip: false, englishWordShare }
  // This many English function words settles it whatever the trigrams say (see below): no need to ask.
  if (englishWordShare >= SETTLED_ENGLISH_SHARE) return { code: "eng", name: "English", skip: false, englishWordShare }
  const scores = francAll(sample, { minLength: MIN_LETTERS })
  const guess = scores[0]?.[0] ?? "und"
  const code = guess === "und" ? null : guess
  const name = code === null ? null : cleanLexicon().languageNames.get(code) ?? code
  // Prose, not a table: enough different lower-case words, and most words lower-case.
  const allWords = sample.match(/\p{L}+/gu)?.length ?? 0
  const prose = new Set(words).size >= MIN_LOWER_CASE_WORDS && words.length >= MIN_PROSE_SHARE * allWords
  const englishScore = scores.find(([lang]) => lang === "eng")?.[1] ?? 0
  const skip = code !== null && code !== "eng" && prose && englishWordShare < MAX_ENGLISH_SHARE_TO_SKIP && englishScore <= MAX_ENGLISH_TRIGRAM_SCORE
  // A text franc calls non-English but full of English function words is English with odd content.
  const settled = code !== "eng" && englishWordShare >= SETTLED_ENGLISH_SHARE ? "eng" : code
  return { code: settled, name: settled === code ? name : "English", skip, englishWordShare }
}
