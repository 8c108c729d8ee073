/**
 * Between compromise's tokens and the parser's. compromise keeps punctuation in a word's `pre`/`post`
 * and clitics inside the word ("Trump's"), writing an expanded contraction as the word plus empty
 * tokens ("don't" → "don't" + "" for "not"). UD English, which the parser learnt from, splits both:
 * "Trump 's", "do n't", ", " and quotes as tokens of their own. So each sentence is re-tokenised the UD
 * way, parsed, and the arcs mapped back: every document token takes the analysis of its piece nearest
 * the root, and its head is the document token owning that piece's head (punctuation owns nothing and
 * passes the arc on to its own head).
 */
import type { Token } from "../model/document.ts"
import type { WordAnalysis } from "../nlp/syntax/index.ts"

export interface UdToken {
  readonly text: string
  /** Index of the document token this piece belongs to, or -1 for punctuation from `pre`/`post`. */
  readonly owner: number
}

/** The syntactic analysis a document token carries (see SYNTAX-INTERFACE.md). */
export interface TokenSyntax {
  readonly upos: string
  readonly lemma: string
  /** Document token index of the head, -1 for the sentence's root. */
  readonly head: number
  readonly deprel: string
}

const NEGATION = /^(.+?)(n['’]t)$/i
const CLITIC = /^(.+?)(['’](?:s|re|ve|ll|d|m))$/i
const CURRENCY = /^([$£€¥])(\d.*)$/
const PERCENT = /^(\d[\d.,]*)(%)$/

/** UD pieces of one word: "don't" → do + n't, "Trump's" → Trump + 's, "$5" → $ + 5. */
export const splitWord = (text: string): Array<string> => {
  for (const pattern of [NEGATION, CLITIC, CURRENCY, PERCENT]) {
    const match = pattern.exec(text)
    if (match && match[1].length > 0) return [...splitWord(match[1]), match[2]]
  }
  return [text]
}

/** Punctuation tokens of a `pre`/`post` string: runs of one character ("--", "...") stay together. */
export const splitPunctuation = (text: string): Array<string> => {
  const out: Array<string> = []
  for (const match of text.matchAll(/(\S)\1*/gu)) out.push(match[0])
  return out
}

/** UD tokens of document tokens [first, end) of one sentence. */
export const udTokensOf = (tokens: ReadonlyArray<Token>, first: number, end: number): Array<UdToken> => {
  const out: Array<UdToken> = []
  for (let i = first; i < end; i++) {
    const token = tokens[i]
    for (const p of splitPunctuation(token.pre)) out.push({ text: p, owner: -1 })
    if (token.text.length > 0) {
      const pieces = splitWord(token.text)
      // compromise's empty expansion tokens that follow take the clitic pieces, in order
      let empties = 0
      while (i + 1 + empties < end && tokens[i + 1 + empties].text.length === 0 && empties < pieces.length - 1) empties++
      const kept = pieces.length - empties
      pieces.forEach((piece, k) => out.push({ text: piece, owner: k < kept ? i : i + 1 + (k - kept) }))
    }
    for (const p of splitPunctuation(token.post)) out.push({ text: p, owner: -1 })
  }
  return out
}

/**
 * Maps the analysis of the UD tokens back onto document tokens [first, end). A document token with no
 * piece (an empty expansion left without a clitic) hangs under the token before it, sharing its tags.
 */
export const mapToTokens = (
  ud: ReadonlyArray<UdToken>,
  analysis: ReadonlyArray<WordAnalysis>,
  first: number,
  end: number
): Array<TokenSyntax> => {
  const depth = new Int32Array(ud.length).fill(-1)
  const depthOf = (i: number): number => {
    if (depth[i] >= 0) return depth[i]
    let d = 0
    let at = i
    while (analysis[at].head >= 0 && d <= ud.length) {
      at = analysis[at].head
      d++
    }
    depth[i] = d
    return d
  }
  // each document token's representative piece: the one nearest the root
  const piece = new Int32Array(end - first).fill(-1)
  ud.forEach((u, k) => {
    if (u.owner < 0) return
    const slot = u.owner - first
    if (piece[slot] < 0 || depthOf(k) < depthOf(piece[slot])) piece[slot] = k
  })
  const out: Array<TokenSyntax> = []
  for (let i = first; i < end; i++) {
    const k = piece[i - first]
    if (k < 0) {
      const previous = out.length > 0 ? out[out.length - 1] : null
      out.push({ upos: previous?.upos ?? "X", lemma: previous?.lemma ?? "", head: i > first ? i - 1 : -1, deprel: i > first ? "fixed" : "root" })
      continue
    }
    // climb past pieces of the same token and punctuation to the first piece owned by another token
    let h = analysis[k].head
    while (h >= 0 && (ud[h].owner < 0 || ud[h].owner === i)) h = analysis[h].head
    const a = analysis[k]
    out.push({ upos: a.upos, lemma: a.lemma, head: h < 0 ? -1 : ud[h].owner, deprel: h < 0 ? "root" : a.deprel })
  }
  // a sentence keeps one root: if the root piece was punctuation, several tokens may now claim it
  const roots = out.flatMap((t, j) => (t.head < 0 ? [j] : []))
  if (roots.length > 1) {
    const main = roots.find((j) => out[j].upos === "VERB" || out[j].upos === "AUX") ?? roots[0]
    for (const j of roots) if (j !== main) out[j] = { ...out[j], head: first + main, deprel: out[j].deprel === "root" ? "parataxis" : out[j].deprel }
  }
  return out
}
