/**
 * The head of an article: title, standfirst, date stamp and dateline, read from the first lines
 * when the input did not give them. A first line becomes the title only on good evidence (it is
 * short and unpunctuated like a headline and stands alone, is repeated later as a caption, or is
 * followed by a byline, date or dateline); a long unpunctuated first line is a standfirst.
 */
import { findDates, isDateStamp, type FoundDate } from "./dates.ts"
import { wordCount } from "./lines.ts"

export interface HeadLine {
  readonly text: string
  /** Position among the non-blank lines. */
  readonly position: number
  /** A blank line follows it in the original. */
  readonly blankAfter: boolean
  /** Removed as boilerplate. */
  readonly removed: boolean
  /** Removed as a byline, credit or section label: metadata that follows a headline or standfirst. */
  readonly credit: boolean
  /** A Markdown heading level, 0 for none. */
  readonly heading: number
}

export type HeadRole = "title" | "standfirst" | "date-stamp" | "dateline"

export interface Head {
  /** Index (into the lines given) of each line that has a head role. */
  readonly roles: ReadonlyMap<number, { role: HeadRole; rule: string; value: string; date?: FoundDate }>
  /** Index of the first line of the article's first sentence, or the number of lines. */
  readonly firstSentence: number
}

const MAX_HEAD_LINES = 10
const MAX_TITLE_WORDS = 20
const ENDS_SENTENCE = /[.!?]["')\]]*$/u
const ENDS_WITH_PERIOD = /\.["')\]]*$/u

/** A line that reads as a sentence of the body: long enough and finished. */
export const isSentenceLine = (text: string): boolean => wordCount(text) >= 8 && ENDS_SENTENCE.test(text)

/** A line that continues the previous one's sentence (so the previous one is not a unit of its own). */
const continues = (line: HeadLine | undefined): boolean => line !== undefined && /^(?:[,.;:)\]]|\p{Ll})/u.test(line.text)

/** All letters upper case (a wire headline or dateline). */
const isUpperCase = (text: string): boolean => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)

/** "LONDON", "WASHINGTON, D.C.", "HEMPSTEAD, N.Y.", optionally followed by a date stamp ("LONDON 1996-08-30"). */
const DATELINE_LINE = /^(\p{Lu}[\p{Lu}. -]{1,30}?(?:,\s*\p{Lu}[\p{L}.]{0,15}(?:\s\p{Lu}[\p{L}.]{0,15})?)?)(?:\s+(.*\d.*))?$/u
/** A dateline opening the first paragraph: "WASHINGTON (Reuters) - ", "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ". */
export const INLINE_DATELINE = /^(\p{Lu}{2}[\p{Lu}'’. -]{1,30}?(?:,\s*\p{Lu}[\p{L}.]{0,15}(?:\s\p{Lu}[\p{L}.]{0,15})?)?)(?:,\s*\p{Lu}\p{Ll}{2,4}\.?\s+\d{1,2})?\s*(?:\([\p{L} .&-]{2,40}\))?\s*(?:--|[—–-])\s/u

const datelineOf = (text: string): string | null => {
  const m = DATELINE_LINE.exec(text)
  if (!m || wordCount(m[1]) > 4) return null
  const place = m[1].replace(/[\s,]+$/u, "")
  if (!isUpperCase(place.replace(/,.*$/u, "")) || place.replace(/[^\p{L}]/gu, "").length < 3) return null
  // "LETTERS.": a one-word capital line with a full stop is a label, not a place ("N.Y." is).
  if (/^\p{Lu}{3,}\.$/u.test(place)) return null
  if (m[2] !== undefined && !isDateStamp(m[2], findDates(m[2]))) return null
  return place
}

/** Lines equal but for case and final punctuation. */
export const sameText = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/[\s.]+$/u, "") === b.toLowerCase().replace(/[\s.]+$/u, "")

const titleLike = (line: HeadLine): boolean => {
  const words = wordCount(line.text)
  if (words < 2 || words > MAX_TITLE_WORDS || line.text.length > 160) return false
  if (/^\p{Ll}/u.test(line.text) || /[,;:]$/.test(line.text)) return false
  // Headlines carry no final period, except all-capital wire headlines ("… VICTORY.").
  return !ENDS_WITH_PERIOD.test(line.text) || isUpperCase(line.text)
}

/** Reads the head roles of an article's first lines. A title given with the input is not looked for. */
export const readHead = (lines: ReadonlyArray<HeadLine>, givenTitle: string | null): Head => {
  const titleGiven = givenTitle !== null
  const roles = new Map<number, { role: HeadRole; rule: string; value: string; date?: FoundDate }>()
  let firstSentence = lines.findIndex((l, i) => i < MAX_HEAD_LINES && !l.removed && isSentenceLine(l.text))
  if (firstSentence < 0) firstSentence = Math.min(lines.length, MAX_HEAD_LINES)
  const headEnd = Math.min(firstSentence, MAX_HEAD_LINES)
  const isMeta = (i: number): boolean => {
    const l = lines[i]
    if (l === undefined) return false
    return l.credit || datelineOf(l.text) !== null || isDateStamp(l.text, findDates(l.text))
  }
  for (let i = 0; i < headEnd; i++) {
    const line = lines[i]
    if (line.removed) continue
    const dates = findDates(line.text)
    if (isDateStamp(line.text, dates)) {
      roles.set(i, { role: "date-stamp", rule: "clean/date-stamp-line", value: line.text, date: dates[0] })
      continue
    }
    const dateline = datelineOf(line.text)
    if (dateline !== null) {
      const date = findDates(line.text)[0]
      roles.set(i, { role: "dateline", rule: "clean/dateline-line", value: dateline, ...(date ? { date } : {}) })
    }
  }
  const firstKept = lines.findIndex((l, i) => !l.removed && !roles.has(i))
  if (firstKept < 0 || firstKept >= headEnd + 1) return { roles, firstSentence }
  const first = lines[firstKept]
  const nextIndex = firstKept + 1
  let titleFound = false
  if (!titleGiven) {
    if (first.heading > 0) {
      roles.set(firstKept, { role: "title", rule: "clean/title-markdown-heading", value: first.text })
      titleFound = true
    } else if (titleLike(first)) {
      const repeated = lines.some((l, i) => i > firstKept && sameText(l.text, first.text))
      const metaFollows = isMeta(nextIndex)
      const standsAlone = first.blankAfter && !ENDS_SENTENCE.test(first.text) && lines.length > firstKept + 1
      const rule = repeated ? "clean/title-repeated-headline" : metaFollows ? "clean/title-before-byline" : standsAlone ? "clean/title-headline-block" : null
      if (rule !== null) {
        roles.set(firstKept, { role: "title", rule, value: first.text })
        titleFound = true
      }
    }
  }
  // The standfirst: after a title, a summary line followed by the byline or dateline (or left unfinished);
  // without a title, a first line too long for a headline that ends without punctuation.
  const givenTitleFirst = givenTitle !== null && sameText(first.text, givenTitle)
  if (titleFound || givenTitleFirst) {
    const candidate = lines.findIndex((l, i) => i > firstKept && !l.removed && !roles.has(i))
    const after = candidate + 1
    const line = lines[candidate]
    if (
      line !== undefined && candidate < headEnd + 1 && line.heading === 0 && wordCount(line.text) >= 8 && !/:$/.test(line.text) &&
      /^[\p{Lu}\p{N}"']/u.test(line.text) && !continues(lines[after]) && !INLINE_DATELINE.test(line.text) &&
      (isMeta(after) || (!ENDS_SENTENCE.test(line.text) && wordCount(line.text) >= 12))
    ) {
      roles.set(candidate, { role: "standfirst", rule: "clean/standfirst-after-title", value: line.text })
    }
  } else if (!ENDS_SENTENCE.test(first.text) && wordCount(first.text) > MAX_TITLE_WORDS && lines.length > firstKept + 1 && !continues(lines[firstKept + 1])) {
    roles.set(firstKept, { role: "standfirst", rule: "clean/standfirst-unpunctuated-lead", value: first.text })
  }
  return { roles, firstSentence }
}
