/**
 * Reporting cues in the text: a verb of saying from the cue lexicon ("said", "told", "wrote") or a
 * prepositional cue ("according to"), as the tagged tokens show them.
 */
import type { Token } from "../../model/document.ts"
import type { CueWord, QuotesLexicon } from "./lexicon.ts"

export interface Cue {
  readonly cue: CueWord
  /** First and one-past-last token of the cue words. */
  readonly firstToken: number
  readonly endToken: number
  readonly start: number
  readonly end: number
}

export const PASSIVE_AUXILIARIES = new Set(["was", "were", "is", "are", "be", "been", "being", "am", "'s"])
const NEGATIONS = new Set(["not", "n't", "never", "no"])
const DECLINING = new Set(["declined", "declines", "declining", "decline", "refused", "refuses", "refusing", "refuse"])
/** Words that open a reported question right after its verb, or the "by" of a passive asker. */
export const QUESTION_OPENERS = new Set(["whether", "if", "how", "what", "why", "who", "whom", "when", "where", "which", "by"])
const NOUN_MARKERS = new Set(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"])

/** The lower-case word of a token, without the punctuation compromise may leave in `normal`. */
export const wordOf = (t: Token): string => t.normal.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, "")

/** Whether token i sits in a headline written in title case ("Obama Says Museum Will Tell …"). */
export const inTitleCase = (tokens: ReadonlyArray<Token>, i: number): boolean => titleCaseSentences(tokens).has(tokens[i].sentence)

/** The sentences written in title case, found in one pass per token list (not one per cue). */
const titleCaseCache = new WeakMap<ReadonlyArray<Token>, ReadonlySet<number>>()
const titleCaseSentences = (tokens: ReadonlyArray<Token>): ReadonlySet<number> => {
  const cached = titleCaseCache.get(tokens)
  if (cached !== undefined) return cached
  const words = new Map<number, { all: number; capitalised: number }>()
  for (const t of tokens) {
    if (!/^\p{L}{4,}/u.test(t.text)) continue
    const count = words.get(t.sentence) ?? { all: 0, capitalised: 0 }
    count.all++
    if (/^\p{Lu}/u.test(t.text)) count.capitalised++
    words.set(t.sentence, count)
  }
  const titled = new Set([...words].filter(([, c]) => c.all >= 4 && c.capitalised >= 0.8 * c.all).map(([sentence]) => sentence))
  titleCaseCache.set(tokens, titled)
  return titled
}

const isVerbUse = (tokens: ReadonlyArray<Token>, i: number, cue: CueWord): boolean => {
  if (cue.class === "source") return true
  const t = tokens[i]
  const prev = i > 0 && tokens[i - 1].sentence === t.sentence ? tokens[i - 1] : undefined
  const prevWord = prev ? wordOf(prev) : ""
  // "the said report", "his reports", "a claim": a noun or an adjective, not a reporting verb.
  // (`that` after a noun is a relative pronoun, the cue's subject: `the firm that said …`.)
  const before = i > 1 && tokens[i - 2].sentence === t.sentence ? tokens[i - 2] : undefined
  const relativeThat = prevWord === "that" && before !== undefined && before.tags.includes("Noun") && !before.tags.includes("Pronoun") && before.post.trim() === ""
  if (NOUN_MARKERS.has(prevWord) && !/[,:]/.test(prev!.post) && !relativeThat) return false
  // "The Washington Post", "the United States", "Trump's comments": names and possessed nouns.
  if (/^\p{Lu}/u.test(t.text) && prev !== undefined && !/[.!?:"“”]/.test(prev.post) && !inTitleCase(tokens, i)) return false
  if (prev !== undefined && /\p{L}['’]s?$/u.test(prev.text) && prev.post.trim() === "") return false
  const next = tokens[i + 1]
  const nextWord = next && next.sentence === t.sentence ? wordOf(next) : ""
  // "he was asked whether …", "when asked by a reporter if …": a question, asked by the "by" phrase.
  if (cue.question && QUESTION_OPENERS.has(nextWord)) return true
  // "he was told", "it is said to": the subject is not the speaker. (Not after punctuation: `“… it
  // is,” said Smith`, `“… just not,” said Smith` end a quotation.)
  const joined = prev !== undefined && prev.post.trim() === ""
  if (joined && PASSIVE_AUXILIARIES.has(prevWord) && !wordOf(t).endsWith("ing")) return false
  // "did not say", "declined to say": no statement was made.
  if (joined && NEGATIONS.has(prevWord)) return false
  if (prevWord === "to" && i > 1 && DECLINING.has(wordOf(tokens[i - 2]))) return false
  const opensReport = /:/.test(t.post) || nextWord === "that" || (next !== undefined && /["“]|''/.test(t.post + next.pre))
  // (After a quotation's closing comma and its speaker, ending the clause: `“…,” Viguerie notes.`)
  const closesAttribution = /^\s*[.,;]/.test(t.post) && tokens.slice(Math.max(0, i - 6), i).some((w, k, all) =>
    w.sentence === t.sentence && /[,!?]\s*(["”]|'')/.test(w.post) && all.slice(k + 1).every((x) => !x.tags.includes("Verb") || x.tags.includes("Noun")))
  if (cue.alsoNoun && !/(ed|ing)$/.test(wordOf(t)) && !opensReport && !closesAttribution) return false
  // The trained tagger reads a verb compromise tags as an adjective or noun: `is telling supporters that …`.
  if (t.tags.includes("Verb") || opensReport || t.upos === "VERB") return true
  // "Goodstein, its chief executive officer, said …": after an apposition compromise may tag the verb
  // as an adjective; a cue right after a comma is a verb (the noun uses need a determiner, above).
  if (prev !== undefined && /,\s*$/.test(prev.post) && !cue.alsoNoun) return true
  // compromise tags some verbs as nouns or adjectives ("with Trump saying later that …", "The
  // businessman said China …"): a noun, name or pronoun right before the word, or a quotation right
  // after it, makes it a verb of saying.
  const afterSubject = prev !== undefined && prev.post.trim() === "" && ["ProperNoun", "Pronoun", "Noun"].some((tag) => prev.tags.includes(tag))
  const beforeQuote = next !== undefined && /["“]|''/.test(t.post + next.pre)
  return afterSubject || beforeQuote
}

/** Every cue in tokens [first, end), longest phrase first. */
export const findCues = (tokens: ReadonlyArray<Token>, first: number, end: number, lexicon: QuotesLexicon): Array<Cue> => {
  const cues: Array<Cue> = []
  for (let i = first; i < end; i++) {
    const candidates = lexicon.cuesByForm.get(wordOf(tokens[i]))
    if (!candidates) continue
    const matching = candidates
      .filter((cue) => cue.rest.every((word, k) => i + 1 + k < end && wordOf(tokens[i + 1 + k]) === word))
      .sort((a, b) => b.rest.length - a.rest.length)
    const cue = matching.find((c) => isVerbUse(tokens, i, c))
    if (!cue) continue
    const last = tokens[i + cue.rest.length]
    cues.push({ cue, firstToken: i, endToken: i + cue.rest.length + 1, start: tokens[i].start, end: last.end })
    i += cue.rest.length
  }
  return cues
}
