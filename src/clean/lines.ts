/**
 * The original text as lines. Each line's text is already normalised for the NLP (white space runs
 * and NBSP → one space, typographic quotes → ASCII, zero-width characters dropped, ends trimmed), and
 * `origins[i]` is the UTF-16 index in the original of its character i, so offsets stay exact.
 */

export interface Range {
  readonly start: number
  readonly end: number
}

export interface Line {
  /** Physical line number (0-based) in the original. */
  readonly index: number
  /** The line's extent in the original, without its line break. */
  readonly start: number
  readonly end: number
  readonly text: string
  readonly origins: ReadonlyArray<number>
}

const SPACE = /[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/
/** Typographic quotes the NLP does not know, each replaced by one ASCII character (offsets stay 1:1). */
const QUOTE_REPLACEMENTS: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "\u201f": "\"", "\u2033": "\""
}

/** Physical lines of `original` ([start, end) without the break; \r\n, \r, \n, U+2028/9 all break). */
export const physicalLines = (original: string): Array<Range> => {
  const lines: Array<Range> = []
  let start = 0
  for (let i = 0; i < original.length; i++) {
    const c = original[i]
    if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") {
      lines.push({ start, end: i })
      if (c === "\r" && original[i + 1] === "\n") i++
      start = i + 1
    }
  }
  lines.push({ start, end: original.length })
  return lines
}

/** Normalises the kept ranges of one line into text with per-character origins. */
export const normalizeLine = (original: string, index: number, extent: Range, kept: ReadonlyArray<Range>): Line => {
  const chars: Array<string> = []
  const origins: Array<number> = []
  let pendingSpace = -1
  for (const range of kept) {
    for (let i = range.start; i < range.end; i++) {
      const c = original[i]
      if (SPACE.test(c)) {
        if (pendingSpace < 0) pendingSpace = i
        continue
      }
      if (INVISIBLE.test(c)) continue
      if (pendingSpace >= 0) {
        if (chars.length > 0) {
          chars.push(" ")
          origins.push(pendingSpace)
        }
        pendingSpace = -1
      }
      chars.push(QUOTE_REPLACEMENTS[c] ?? c)
      origins.push(i)
    }
  }
  return { index, start: extent.start, end: extent.end, text: chars.join(""), origins }
}

/** The part [from, to) of a line's text, with its origins. */
export const sliceLine = (line: Line, from: number, to: number): Line => {
  let a = from
  let b = to
  while (a < b && line.text[a] === " ") a++
  while (b > a && line.text[b - 1] === " ") b--
  return { ...line, text: line.text.slice(a, b), origins: line.origins.slice(a, b) }
}

export const wordCount = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
