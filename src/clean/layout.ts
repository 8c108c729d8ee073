/**
 * Broken layout: sentences split over lines where links or markup were stripped ("Treasury
 * Secretary\nScott Bessent\n, Commerce Secretary", a lone "." line) are rejoined; every other line
 * break is a paragraph break. One-sentence-per-line texts (wire copy, CoNLL) keep their lines apart:
 * a line is glued to the previous one only on strong evidence (it starts with punctuation or a
 * lower-case word after an unfinished line, or it is a link's text followed by such a line).
 */

export interface LayoutLine {
  readonly text: string
  /** A blank or removed line lies between this line and the previous kept one. */
  readonly gapBefore: boolean
  /** Headings, list items, titles, datelines: never joined to what precedes or follows. */
  readonly standsAlone: boolean
}

/** How a line attaches to the previous kept line. */
export type Join = "paragraph" | "space" | "none"

const STARTS_WITH_CONTINUING_PUNCTUATION = /^(?:[,.;:)\]!?%]|…)/u
/** "iPhone", "eBay": brand names start lower-case but start sentences. */
const STARTS_LOWER_CASE_WORD = /^\p{Ll}(?!\p{Ll}*\p{Lu})/u
const ENDS_SENTENCE = /[.!?]["')\]]*$/u
const ENDS_WITH_ELLIPSIS = /(?:\.\.\.|…)["')\]]*$/u

const unfinished = (text: string): boolean => !ENDS_SENTENCE.test(text) || ENDS_WITH_ELLIPSIS.test(text)

/** For each line, how it joins the previous one (the first line's value is "paragraph"). */
export const joinLines = (lines: ReadonlyArray<LayoutLine>): Array<{ join: Join; rule: string | null }> =>
  lines.map((line, i) => {
    if (i === 0) return { join: "paragraph", rule: null }
    const prev = lines[i - 1]
    if (line.standsAlone || prev.standsAlone) return { join: "paragraph", rule: null }
    // ", Commerce Secretary …" or a lone ".": the rest of the previous line's sentence.
    // Across a blank line only when the previous line is unfinished (": …" after a finished paragraph is a stripped speaker label).
    if (
      STARTS_WITH_CONTINUING_PUNCTUATION.test(line.text) && !/^\.\.\.\s*\p{Lu}/u.test(line.text) &&
      (!line.gapBefore || !ENDS_SENTENCE.test(prev.text))
    ) {
      return { join: "none", rule: "clean/join-leading-punctuation" }
    }
    if (line.gapBefore) return { join: "paragraph", rule: null }
    if (STARTS_LOWER_CASE_WORD.test(line.text) && unfinished(prev.text)) return { join: "space", rule: "clean/join-lower-case-continuation" }
    // A link's text left on its own line: the previous line is unfinished and the next one continues with punctuation.
    const next = lines[i + 1]
    if (
      next !== undefined && !next.gapBefore && !next.standsAlone && !ENDS_SENTENCE.test(prev.text) && !/:$/.test(prev.text) &&
      STARTS_WITH_CONTINUING_PUNCTUATION.test(next.text)
    ) {
      return { join: "space", rule: "clean/join-link-text" }
    }
    return { join: "paragraph", rule: null }
  })
