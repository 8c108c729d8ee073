/**
 * Markdown input: block markers (`#` headings, `>` quotes, list bullets, rules, code fences, link
 * reference definitions) and inline syntax (emphasis, code ticks, links, images) are removed by
 * keeping only the ranges of the original that carry text, so offsets into the .md file stay exact.
 * `[text](url)` keeps its text; images and bare URLs in angle brackets are dropped.
 */
import type { Range } from "./lines.ts"

export interface MarkdownLine {
  /** Ranges of the original line that are text; empty for a line that carries none. */
  readonly kept: ReadonlyArray<Range>
  /** Heading level (1–6) of an ATX or setext heading, 0 otherwise. */
  readonly heading: number
  /** A list item, a block quote line or a heading: a block of its own, never joined to the previous line. */
  readonly ownBlock: boolean
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/
const ATX_CLOSING = /[ \t]+#+[ \t]*$/
const BLOCK_QUOTE = /^ {0,3}(?:>[ \t]?)+/
const LIST_BULLET = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/
const FENCE = /^ {0,3}(?:```|~~~)/
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/
/** Inline syntax to drop: images, link targets, autolinks, emphasis runs and code ticks. */
const INLINE = /!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]|\]\([^)]*\)|\]\[[^\]]*\]|<(?:https?:|mailto:)[^>]*>|\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<![\p{L}\p{N}])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\p{L}\p{N}])|`+|~~/gu

/** Removes inline Markdown from original[start, end): the text between the dropped pieces is kept. */
const inlineText = (original: string, start: number, end: number): Array<Range> => {
  const line = original.slice(start, end)
  const kept: Array<Range> = []
  let from = 0
  for (const match of line.matchAll(INLINE)) {
    let dropFrom = match.index
    let dropTo = match.index + match[0].length
    // "[text](url)": the "[" opening the link text is dropped too (the "](url)" match ends the link).
    if (match[0].startsWith("](") || match[0].startsWith("][")) {
      const open = line.lastIndexOf("[", dropFrom)
      if (open >= from) {
        if (open > from) kept.push({ start: start + from, end: start + open })
        from = open + 1
      }
    }
    if (dropFrom > from) kept.push({ start: start + from, end: start + dropFrom })
    from = Math.max(from, dropTo)
  }
  if (from < line.length) kept.push({ start: start + from, end })
  return kept
}

/** Reads each physical line of a Markdown file. */
export const markdownLines = (original: string, lines: ReadonlyArray<Range>): Array<MarkdownLine> => {
  const result: Array<MarkdownLine> = []
  let inFence = false
  lines.forEach((range, i) => {
    const raw = original.slice(range.start, range.end)
    if (FENCE.test(raw)) {
      inFence = !inFence
      result.push({ kept: [], heading: 0, ownBlock: false })
      return
    }
    if (inFence || THEMATIC_BREAK.test(raw) || REFERENCE_DEFINITION.test(raw)) {
      result.push({ kept: [], heading: 0, ownBlock: false })
      return
    }
    // Setext heading: this line underlines the previous one, which becomes a heading.
    if (i > 0 && SETEXT_UNDERLINE.test(raw) && result[i - 1].kept.length > 0 && result[i - 1].heading === 0) {
      result[i - 1] = { ...result[i - 1], heading: raw.trim().startsWith("=") ? 1 : 2, ownBlock: true }
      result.push({ kept: [], heading: 0, ownBlock: false })
      return
    }
    let start = range.start
    let end = range.end
    let heading = 0
    let ownBlock = false
    const quote = BLOCK_QUOTE.exec(raw)
    if (quote) {
      start += quote[0].length
      ownBlock = i === 0 || !BLOCK_QUOTE.test(original.slice(lines[i - 1].start, lines[i - 1].end))
    }
    const rest = original.slice(start, end)
    const atx = ATX_HEADING.exec(rest)
    if (atx) {
      heading = atx[1].length
      ownBlock = true
      start += atx[0].length
      const closing = ATX_CLOSING.exec(original.slice(start, end))
      if (closing) end = start + closing.index
    } else {
      const bullet = LIST_BULLET.exec(rest)
      if (bullet) {
        start += bullet[0].length
        ownBlock = true
      }
    }
    result.push({ kept: inlineText(original, start, end), heading, ownBlock })
  })
  return result
}
