/**
 * Content words: the vocabulary story grouping and statement matching compare. Function words and
 * words every report uses (reporting verbs, weekdays) are dropped because they are evidence of nothing.
 */
import { Schema } from "effect"
import { loadLexicon } from "../lexicons/load.ts"

const stopWords = (): ReadonlySet<string> => new Set(loadLexicon("dedupe-stopwords.json", Schema.Array(Schema.String)))
let stopWordSet: ReadonlySet<string> | undefined

const wordPattern = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

/** Folds inflection just enough that "talks"/"talk" and "agreed"/"agrees" meet; not a full stemmer. */
export const foldInflection = (word: string): string => {
  if (word.length <= 4 || /\d/.test(word)) return word
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`
  if (word.endsWith("sses")) return word.slice(0, -2)
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2)
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3)
  return word
}

/** The content words of `text`, lower-cased, possessives removed, inflection folded, in text order. */
export const contentWords = (text: string): Array<string> => {
  stopWordSet ??= stopWords()
  const words: Array<string> = []
  for (const match of text.toLowerCase().matchAll(wordPattern)) {
    const word = match[0].replace(/['’]s$/, "").replace(/[’]/g, "'")
    if (word.length < 2 || stopWordSet.has(word)) continue
    // Bare numbers below 100 are counts and list items, too common to tell stories apart.
    if (/^\d+$/.test(word) && word.length < 3) continue
    words.push(foldInflection(word))
  }
  return words
}
