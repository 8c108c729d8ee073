/**
 * Finds quotations: spans between quotation marks. Works on typographic marks (“ ” „ « »), on ASCII
 * `"` (normalised text) and on `''`/`` `` `` (text rebuilt from tokens), whose direction is read from
 * the characters around them. Single quotation marks are not openers: in news they mark quotes inside
 * quotes, headline quotes and scare quotes, none of which is a statement of its own.
 * News style leaves an open quote unclosed at a paragraph end when the next paragraph continues it
 * with a fresh opening mark; such a quotation runs over both paragraphs, unless the next paragraph
 * closes its quote and attributes it (`“…,” she said.`), which makes it a statement of its own.
 */

export interface Quotation {
  /** Index of the opening mark. */
  readonly start: number
  /** One past the closing mark (or the end of the content when the quote is never closed). */
  readonly end: number
  /** The quoted words, without the marks. */
  readonly contentStart: number
  readonly contentEnd: number
  readonly closed: boolean
  /** True when the quotation continues over a paragraph break. */
  readonly multiParagraph: boolean
}

type Direction = "open" | "close" | "either"

interface Mark {
  readonly at: number
  readonly length: number
  readonly direction: Direction
}

/** A token's leading punctuation that opens a quotation, as the tokenizer leaves it (`''`, ` `` ` included). */
export const OPENING_MARK = /["“„«]|''|``/
/** A token's trailing punctuation that closes a quotation. */
export const CLOSING_MARK = /["”»]|''/

const OPENERS = new Set(["“", "„", "«"])
const CLOSERS = new Set(["”", "»"])
const OPEN_CONTEXT = /[\s([{—–\-/:]/
const CLOSE_CONTEXT = /[\s.,;:!?)\]}—–\-]/

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)

/** Reads the direction of an ASCII mark from its neighbours, like Markdown's flanking rules. */
const asciiDirection = (before: string | undefined, after: string | undefined): Direction => {
  const opensWord = !isSpace(after)
  const closesWord = !isSpace(before)
  if (opensWord && !closesWord) return "open"
  if (closesWord && !opensWord) return "close"
  if (before !== undefined && OPEN_CONTEXT.test(before) && after !== undefined && /[\p{L}\p{N}'‘]/u.test(after)) return "open"
  if (after !== undefined && CLOSE_CONTEXT.test(after)) return "close"
  return "either"
}

const findMarks = (text: string): Array<Mark> => {
  const marks: Array<Mark> = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (OPENERS.has(c)) marks.push({ at: i, length: 1, direction: "open" })
    else if (CLOSERS.has(c)) marks.push({ at: i, length: 1, direction: "close" })
    else if (c === "\"") marks.push({ at: i, length: 1, direction: asciiDirection(text[i - 1], text[i + 1]) })
    else if ((c === "'" && text[i + 1] === "'") || (c === "`" && text[i + 1] === "`")) {
      const direction = c === "`" ? "open" : asciiDirection(text[i - 1], text[i + 2])
      marks.push({ at: i, length: 2, direction })
      i++
    }
  }
  return marks
}

const paragraphBreakBetween = (text: string, from: number, to: number) => /\n\s*\n/.test(text.slice(from, to))

/**
 * Whether the paragraph that opens with marks[m] closes its quote and goes on in the writer's words
 * (`“…,” Grayson said.`): then it is a statement of its own, not the continuation of an open quote.
 */
const hasOwnAttribution = (text: string, marks: ReadonlyArray<Mark>, m: number): boolean => {
  const paragraphEnd = text.slice(marks[m].at).search(/\n\s*\n/)
  const end = paragraphEnd === -1 ? text.length : marks[m].at + paragraphEnd
  const close = marks.find((mark, k) => k > m && mark.at < end && mark.direction !== "open")
  return close !== undefined && /[\p{L}\p{N}]/u.test(text.slice(close.at + close.length, end))
}

export const findQuotations = (text: string): Array<Quotation> => {
  const marks = findMarks(text)
  const quotations: Array<Quotation> = []
  let open: { mark: Mark; multiParagraph: boolean } | null = null
  let lastMarkEnd = 0

  /** Closes the open quotation without a closing mark, its content ending at `before`. */
  const closeUnterminated = (before: number) => {
    if (open === null) return
    let contentEnd = before
    while (contentEnd > open.mark.at + open.mark.length && /\s/.test(text[contentEnd - 1])) contentEnd--
    const contentStart = open.mark.at + open.mark.length
    if (contentEnd > contentStart) {
      quotations.push({ start: open.mark.at, end: contentEnd, contentStart, contentEnd, closed: false, multiParagraph: open.multiParagraph })
    }
    open = null
  }

  for (let m = 0; m < marks.length; m++) {
    const mark = marks[m]
    if (open !== null && paragraphBreakBetween(text, lastMarkEnd, mark.at)) {
      // The open quote reached a paragraph end. It continues only if the next paragraph starts with an opening mark.
      const breakAt = text.slice(lastMarkEnd, mark.at).search(/\n\s*\n/) + lastMarkEnd
      const nextParagraphStart = text.slice(breakAt).search(/\S/) + breakAt
      const continues = mark.at === nextParagraphStart && mark.direction !== "close" &&
        !paragraphBreakBetween(text, breakAt + 1, mark.at) && !hasOwnAttribution(text, marks, m)
      if (continues) {
        open = { mark: open.mark, multiParagraph: true }
        lastMarkEnd = mark.at + mark.length
        continue
      }
      closeUnterminated(breakAt)
    }
    lastMarkEnd = mark.at + mark.length
    if (open === null) {
      if (mark.direction !== "close") open = { mark, multiParagraph: false }
      continue
    }
    const opensAgain = mark.direction === "open" && (OPENERS.has(text[mark.at]) || isSpace(text[mark.at - 1]))
    if (opensAgain) {
      // A second opening mark before any closing one: the first quote was never closed.
      closeUnterminated(mark.at)
      open = { mark, multiParagraph: false }
      continue
    }
    const contentStart = open.mark.at + open.mark.length
    if (mark.at > contentStart) {
      quotations.push({
        start: open.mark.at,
        end: mark.at + mark.length,
        contentStart,
        contentEnd: mark.at,
        closed: true,
        multiParagraph: open.multiParagraph
      })
    }
    open = null
  }
  if (open !== null) {
    const rest = text.slice(lastMarkEnd)
    const breakAt = rest.search(/\n\s*\n/)
    closeUnterminated(breakAt === -1 ? text.length : lastMarkEnd + breakAt)
  }
  return quotations
}
