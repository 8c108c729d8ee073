/**
 * Attribution units: the sentences the attribution rules read. compromise's sentences are a good start,
 * but a quotation never straddles two units (`"One. Two," she said.` is one unit), and a closed
 * quotation that ends a sentence (`…."`) followed by a capitalised word that is not its attribution
 * starts a new unit (`"More to come." He said …`). The dateline the cleaner read at the start of a
 * paragraph (`WASHINGTON, Dec. 8 (UPI) — …`) is in no unit: it says where the copy was filed, and is
 * neither a speaker nor what was said.
 */
import type { Token } from "../../model/document.ts"
import { INLINE_DATELINE } from "../../clean/header.ts"
import type { ExtractContext } from "../context.ts"
import type { Quotation } from "./quotations.ts"

export interface Unit {
  readonly index: number
  readonly paragraph: number
  readonly start: number
  readonly end: number
  readonly firstToken: number
  readonly endToken: number
}

const CLOSING_MARK = /[.!?]\s*(["”»]|'')/

const tokenSpanStart = (t: Token) => t.start - t.pre.replace(/^\s+/, "").length
const tokenSpanEnd = (t: Token) => t.end + t.post.replace(/\s+$/, "").length

export const buildUnits = (
  context: ExtractContext,
  quotations: ReadonlyArray<Quotation>,
  isAttributionStart: (tokenIndex: number) => boolean
): Array<Unit> => {
  const { tokens, sentences } = context
  const insideQuotation = (at: number) => quotations.some((q) => q.contentStart < at && at < q.contentEnd)
  // Token indices where a unit starts.
  const starts = new Set<number>()
  sentences.forEach((s, i) => {
    if (s.endToken <= s.firstToken) return
    // A sentence inside a quotation stays with the sentence that opened it, unless it opens a paragraph.
    const opensParagraph = i === 0 || sentences[i - 1].paragraph !== s.paragraph
    if (opensParagraph || !insideQuotation(tokenSpanStart(tokens[s.firstToken]))) starts.add(s.firstToken)
  })
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]
    const next = tokens[i + 1]
    // `…, said Rachel Woolard, 20, of Jacksonville, Fla. "She definitely …."`: the segmenter reads the
    // abbreviation's full stop as no sentence end, but a quoted sentence of its own opens there.
    if (/^\.\s+$/.test(t.post) && !insideQuotation(t.end) && /^\p{Lu}/u.test(next.text) &&
      quotations.some((q) => q.contentStart === next.start && /[.!?]\s*$/.test(context.text.slice(q.contentStart, q.contentEnd)) &&
        context.text.slice(q.contentStart, q.contentEnd).split(/\s+/).length >= 4)) {
      starts.add(i + 1)
      continue
    }
    if (!CLOSING_MARK.test(t.post)) continue
    if (insideQuotation(t.end + t.post.length)) continue
    const nextOpensQuote = /["“„«]|''|``/.test(next.pre)
    if (!nextOpensQuote && !/^\p{Lu}/u.test(next.text)) continue
    // `"Hi!" Hassett said.` stays one sentence; after a full stop (`…." He said …`) a new one starts.
    if (!nextOpensQuote && !/\.\s*(["”»]|'')/.test(t.post) && isAttributionStart(i + 1)) continue
    starts.add(i + 1)
  }
  const ordered = [...starts].sort((a, b) => a - b)
  // The cleaner's dateline, or where it found none (a title it did not recognise in the text), one that
  // opens the first or second paragraph and a sentence.
  const datelineEnd = (first: number): number => {
    const dateline = context.meta.dateline
    const paragraph = sentences[tokens[first].sentence].paragraph
    if (dateline === null && paragraph > sentences[0].paragraph + 1) return first
    const from = tokenSpanStart(tokens[first])
    const match = INLINE_DATELINE.exec(context.text.slice(from, from + 80))
    // (An all-capital line, "CRICKET - ENGLAND WIN", is a headline.)
    if (match === null || !/\p{Ll}/u.test(context.text.slice(from + match[0].length, from + match[0].length + 40).split("\n")[0])) return first
    if (dateline !== null && match[1].replace(/[\s,]+$/u, "") !== dateline) return first
    let k = first
    while (k < tokens.length && tokens[k].start < from + match[0].length) k++
    return k
  }
  const units: Array<Unit> = []
  ordered.forEach((opening, k) => {
    const endToken = k + 1 < ordered.length ? ordered[k + 1] : tokens.length
    const first = datelineEnd(opening)
    if (first >= endToken) return
    const firstTok = tokens[first]
    const lastTok = tokens[endToken - 1]
    const sentence = sentences[firstTok.sentence]
    units.push({
      index: units.length,
      paragraph: sentence.paragraph,
      start: tokenSpanStart(firstTok),
      end: tokenSpanEnd(lastTok),
      firstToken: first,
      endToken
    })
  })
  return units
}
