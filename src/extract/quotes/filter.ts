/**
 * The quote filter: a logistic-regression classifier that judges a candidate indirect or mixed quote
 * (reported speech without quotation marks, or with quoted words in a clause) before it becomes a row.
 * The rules propose; the filter drops the candidates that, on PolNeAR train, were mostly not
 * attributions (`promised a hefty rise`, `added a goal`, a cue's object read as a clause).
 *
 * Its features are a plain function of the candidate (`filterFeatures`, listed there): the cue verb,
 * the parse relation of the content to the cue, the content's length and form, whether it is a clause
 * with its own subject and verb, the speaker's kind, the position and the punctuation around it.
 * The model file is `models/quotes-filter.json`, written by `npm run train -- quotes`
 * (src/extract/quotes/train.ts); it is read once per process or worker. `NEWSFACTS_QUOTE_FILTER=none`
 * switches the filter off, `NEWSFACTS_QUOTE_FILTER=FILE` reads another model.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Schema } from "effect"
import type { Token } from "../../model/document.ts"
import type { SyntaxDocument } from "../../segment/syntax.ts"
import { dependents, hasRelation, headOfSpan } from "../../segment/syntax.ts"
import type { Cue } from "./cues.ts"
import { inTitleCase, wordOf } from "./cues.ts"

export const QUOTE_FILTER_PATH = fileURLToPath(new URL("../../../models/quotes-filter.json", import.meta.url))

export const QuoteFilterHeader = Schema.Struct({
  model: Schema.String,
  source: Schema.String,
  licence: Schema.String,
  settings: Schema.Record(Schema.String, Schema.Union([Schema.Number, Schema.String])),
  figures: Schema.Record(Schema.String, Schema.Union([Schema.Number, Schema.String]))
})

export const QuoteFilterModel = Schema.Struct({
  header: QuoteFilterHeader,
  /** A candidate is kept when its probability is at least this (chosen by cross-validation on train). */
  threshold: Schema.Number,
  bias: Schema.Number,
  weights: Schema.Record(Schema.String, Schema.Number)
})
export type QuoteFilterModel = typeof QuoteFilterModel.Type

/** A candidate quote as the filter sees it. Offsets: the cleaned text; token indices: the document's. */
export interface FilterCandidate {
  readonly start: number
  readonly end: number
  readonly kind: string
  /** The frame's pattern (`speaker-before-cue.content-after`, `participle`, …). */
  readonly pattern: string
  readonly cue: Cue
  /** The actor kind of the resolved speaker, `pronoun`, `unresolved` (a phrase, no actor) or `none`. */
  readonly speakerKind: string
  readonly addressee: boolean
  /** The attribution unit's index and paragraph in the document. */
  readonly unitIndex: number
  readonly paragraph: number
}

const lengthBucket = (words: number) => (words <= 3 ? "1-3" : words <= 6 ? "4-6" : words <= 10 ? "7-10" : words <= 20 ? "11-20" : words <= 40 ? "21-40" : "41+")
/** Words whose identity says more than their part of speech when they open the content. */
const OPENING_WORDS = new Set(["that", "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "to", "there", "this", "his", "her", "their", "its", "if", "whether", "what", "how", "why", "when", "in", "on", "for", "of", "by", "with", "and", "but", "so", "not", "no", "after", "as", "before", "during", "while", "since", "because", "about", "at", "from", "yes"])
const MODALS = new Set(["will", "would", "could", "should", "might", "may", "must", "can", "wo", "'ll"])
const NEGATIONS = new Set(["not", "n't", "never", "no"])
const QUOTE_MARK = /["“”„«»]|''|``/

/**
 * The candidate's features, as strings (each worth 1). A reader can list them here:
 * kind, pattern, cue lemma, cue form, the parse relation between content and cue (and with the lemma),
 * the content head's part of speech and whether it has a subject of its own, content length (and with
 * the kind), first content word, what stands between cue and content (`that`, a colon, a comma, the
 * distance), content's last mark, quotation marks, a modal, a negation, commas, no verb at all, the
 * speaker's kind, an addressee, the first unit or paragraph of the document.
 */
export const filterFeatures = (doc: SyntaxDocument, text: string, c: FilterCandidate): Array<string> => {
  const tokens = doc.tokens
  const inContent = (t: Token) => t.start >= c.start && t.end <= c.end
  let first = -1
  let end = -1
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].end <= c.start) continue
    if (tokens[i].start >= c.end) break
    if (!inContent(tokens[i])) continue
    if (first < 0) first = i
    end = i + 1
  }
  const content = text.slice(c.start, c.end)
  const words = first < 0 ? 0 : end - first
  const cueWord = wordOf(tokens[c.cue.firstToken])
  const form = /ing$/.test(cueWord) ? "ing" : /ed$/.test(cueWord) ? "ed" : /s$/.test(cueWord) ? "s" : cueWord === c.cue.cue.lemma ? "base" : cueWord
  const lemma = c.cue.cue.lemma.replace(/ /g, "-")
  const pattern = c.pattern.replace(/\+continued$/, "")
  const features = [`kind=${c.kind}`, `pattern=${pattern}`, `lemma=${lemma}`, `form=${form}`, `speaker=${c.speakerKind}`, `len=${lengthBucket(words)}`, `len×kind=${lengthBucket(words)}|${c.kind}`]
  if (c.addressee) features.push("addressee")
  if (c.unitIndex === 0) features.push("first-unit")
  if (c.paragraph === 0) features.push("first-paragraph")
  if (first < 0) return [...features, "no-tokens"]

  // The content's head and how the parse joins it to the cue.
  const head = headOfSpan(doc, first, end) ?? first
  const cueTokens = (i: number) => i >= c.cue.firstToken && i < c.cue.endToken
  const cueHead = c.cue.firstToken
  let relation = "none"
  if (cueTokens(tokens[head].head)) relation = tokens[head].deprel
  else if (tokens[cueHead].head >= first && tokens[cueHead].head < end) relation = `cue-in-content:${tokens[cueHead].deprel}`
  else if (tokens[head].head >= 0 && tokens[tokens[head].head].head !== undefined && cueTokens(tokens[tokens[head].head].head)) relation = `grandchild:${tokens[head].deprel}`
  const ownSubject = dependents(doc, head, "nsubj", "csubj", "expl").some((j) => j >= first && j < end)
  const headPos = tokens[head].upos
  features.push(`rel=${relation}`, `rel×lemma=${relation}|${lemma}`, `head=${headPos}`, `subject=${ownSubject}`, `subject×head=${ownSubject}|${headPos}`, `subject×lemma=${ownSubject}|${lemma}`, `rel×subject=${relation}|${ownSubject}`)
  // The cue's own place in its sentence: the main verb, a complement, a clause on a noun (`a report
  // saying`), a subordinate clause (`as X reported`, its marker), a modal on it (`would signal`).
  const cueToken = tokens[cueHead]
  const cueRelation = cueToken.deprel.split(":")[0]
  features.push(`cue-rel=${cueRelation}`, `cue-rel×form=${cueRelation}|${form}`)
  for (const j of dependents(doc, cueHead, "mark")) features.push(`cue-mark=${wordOf(tokens[j])}`)
  if (dependents(doc, cueHead, "aux").some((j) => MODALS.has(wordOf(tokens[j])))) features.push("cue-modal")
  if (inTitleCase(tokens, cueHead)) features.push("title-case")
  if (dependents(doc, cueHead, "nsubj").length === 0) features.push("cue-no-subject")
  features.push(`lemma×pattern=${lemma}|${pattern}`, `lemma×len=${lemma}|${lengthBucket(words)}`)
  const sentence = doc.sentences[tokens[first].sentence]
  if (sentence !== undefined && end >= sentence.endToken - 1) features.push("to-sentence-end")
  const verbs = tokens.slice(first, end).filter((t) => t.upos === "VERB").length
  features.push(`verbs=${verbs >= 3 ? "3+" : verbs}`)
  const opening = wordOf(tokens[first])
  features.push(OPENING_WORDS.has(opening) ? `first=${opening}` : `first-pos=${tokens[first].upos}`)

  // Between the cue and the content (content after the cue), or after the content (content before it).
  if (c.start >= c.cue.end) {
    const between = text.slice(c.cue.end, c.start)
    const gap = first - c.cue.endToken
    features.push("content-after", `gap=${gap <= 0 ? "0" : gap === 1 ? "1" : gap <= 3 ? "2-3" : "4+"}`)
    if (/\bthat\b/i.test(between)) features.push("that-before")
    if (/:/.test(between)) features.push("colon-before")
    if (/,/.test(between)) features.push("comma-before")
  } else if (c.end <= c.cue.start) features.push("content-before")
  else features.push("content-around")

  const last = content.trimEnd().slice(-1)
  features.push(`ends=${/[.?!]/.test(last) ? last : /[\p{L}\p{N}]/u.test(last) ? "word" : "mark"}`)
  if (QUOTE_MARK.test(content)) features.push("quote-marks")
  const contentTokens = tokens.slice(first, end)
  if (contentTokens.some((t) => MODALS.has(wordOf(t)))) features.push("modal")
  if (contentTokens.some((t) => NEGATIONS.has(wordOf(t)))) features.push("negation")
  if (!contentTokens.some((t) => t.upos === "VERB" || t.upos === "AUX")) features.push("no-verb")
  const commas = (content.match(/,/g) ?? []).length
  features.push(`commas=${commas >= 3 ? "3+" : commas}`)
  return features
}

/** The probability the filter gives a candidate's features. */
export const probability = (model: Pick<QuoteFilterModel, "bias" | "weights">, features: ReadonlyArray<string>): number => {
  let z = model.bias
  for (const f of features) z += Object.hasOwn(model.weights, f) ? model.weights[f] : 0
  return 1 / (1 + Math.exp(-z))
}

export interface QuoteFilter {
  readonly model: QuoteFilterModel
  /** Whether a candidate with these features is kept, and its probability. */
  readonly judge: (features: ReadonlyArray<string>) => { keep: boolean; probability: number }
}

export const makeQuoteFilter = (model: QuoteFilterModel): QuoteFilter => ({
  model,
  judge: (features) => {
    const p = probability(model, features)
    return { keep: p >= model.threshold, probability: p }
  }
})

export const readQuoteFilter = (path: string): QuoteFilter =>
  makeQuoteFilter(Schema.decodeUnknownSync(QuoteFilterModel)(JSON.parse(readFileSync(path, "utf8"))))

let loaded: { filter: QuoteFilter | null } | undefined
/**
 * The filter of this process or worker, read on first use: `models/quotes-filter.json`, another file
 * named by `NEWSFACTS_QUOTE_FILTER`, or none (`NEWSFACTS_QUOTE_FILTER=none`).
 */
export const sharedQuoteFilter = (): QuoteFilter | null => {
  if (loaded === undefined) {
    const path = process.env.NEWSFACTS_QUOTE_FILTER ?? QUOTE_FILTER_PATH
    loaded = { filter: path === "none" ? null : readQuoteFilter(path) }
  }
  return loaded.filter
}
