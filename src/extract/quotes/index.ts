/**
 * Quotes extractor: who said what, as direct, mixed or indirect quotes.
 *
 * 1. `findQuotations` pairs quotation marks; `buildUnits` groups tokens into attribution units.
 * 2. Every reporting cue in a unit (`findCues`) is read as an attribution frame: its speaker phrase
 *    (before the cue, or after it when inverted: `said Smith`), its addressee (`told CNBC`) and its
 *    content (the clause after the cue, or before it: `"…," he said`, or both around it).
 * 3. The content's quotation marks decide the kind: all quoted → direct, partly quoted → mixed,
 *    none → indirect.
 * 4. Quotations no frame covers are attributed by a `Name: "…"` lead-in, a `"…" — Name` trailer, or
 *    as the continuation of the previous speaker's quote; short ones are scare quotes or titles and
 *    are left out.
 * 5. Speakers are resolved to actors in document order, so a pronoun can fall back on the previous
 *    speaker. A quote without a speaker carries a diagnostic.
 */
import type { Diagnostic } from "../../model/diagnostic.ts"
import type { Token } from "../../model/document.ts"
import type { LocalActor, QuoteMention } from "../../model/extraction.ts"
import type { QuoteKinds } from "../../model/tables.ts"
import type { ActorExtraction, ExtractContext, QuoteExtraction } from "../context.ts"
import { isLowerInTitles } from "../actors/tokens.ts"
import { type Cue, findCues, inTitleCase, PASSIVE_AUXILIARIES, QUESTION_OPENERS, wordOf } from "./cues.ts"
import { quotesLexicon } from "./lexicon.ts"
import { CLOSING_MARK, findQuotations, OPENING_MARK, type Quotation } from "./quotations.ts"
import {
  actorByDescription,
  actorByTitle,
  turnListener,
  turnSpeaker,
  actorInPhrase,
  addresseeAfter,
  type ResolvedSpeaker,
  resolvePronoun,
  type SpeakerContext,
  speakerAfter,
  speakerBefore,
  relativeAntecedent,
  sentenceSubject,
  subjectEnd,
  type TokenRange,
  ADVERBIAL_AFTER_SPEAKER,
  isTimeWord
} from "./speakers.ts"
import { buildUnits, type Unit } from "./units.ts"
import { filterFeatures, type QuoteFilter, sharedQuoteFilter } from "./filter.ts"
import { dependents, hasRelation, headOfSpan, passiveAgentOf, subjectOf, subtreeRange } from "../../segment/syntax.ts"

type QuoteKind = (typeof QuoteKinds)[number]

/** An attribution before its speaker is resolved. Offsets: UTF-16, cleaned text. */
interface Attribution {
  unit: Unit
  start: number
  end: number
  kind: QuoteKind
  pattern: string
  speaker: { start: number; end: number } | null
  /**
   * The relative pronoun that is the cue's subject when `speaker` is its antecedent (`Podesta, who
   * said …`, `family members, many of whom say …`): what the text calls the speaker, as `He` is for a
   * pronoun; the antecedent resolves it.
   */
  relativePronoun?: { start: number; end: number } | null
  /** Set for a continuation: the attribution whose speaker this one inherits. */
  inheritsFrom: Attribution | null
  cue: Cue | null
  addressee: { start: number; end: number } | null
  /** Attribution words inside the span (`"…," Smith said, "…"`), left out of the quote's text. */
  gaps: Array<{ start: number; end: number }>
}

const INTRODUCERS = new Set(["that"])
/** Content cannot start with a relative pronoun: "said Smith, who runs …" describes the speaker. */
const RELATIVE_STARTS = new Set(["who", "whom", "whose", "which", "where", "when"])
/**
 * Words that open an adverbial when they follow the cue directly: "responded by pointing …", "said in
 * speeches, before becoming …", "pleaded with his grandfather to …", "said so after …". Such content
 * is a statement only if a finite clause follows ("said on Thursday he delivered …"). ("to" is not one:
 * "told them to leave" reports a request.)
 */
const ADVERBIAL_STARTS = new Set(["by", "of", "in", "on", "at", "during", "with", "without", "after", "before", "for", "from", "since", "through", "over", "into", "against", "among", "so", "and", "or", "but", "nor"])
/** Words that open a subordinate phrase before a main clause: "Though X is gaining ground, Clinton maintains …". */
/** Words that hedge a share of people before it: `more than 4 in 10`, `nearly three in five`, `only 49 percent`. */
const SHARE_HEDGES = new Set(["more", "less", "fewer", "than", "nearly", "almost", "about", "only", "just", "some", "roughly", "around", "over", "under"])
/** Words after a cue that open an adverbial of place or time: `she said in a video message to the convention`. */
const ADVERBIAL_AFTER_CUE = new Set(["in", "on", "at", "during", "after", "before"])
/** Subordinators that open the writer's clause after a cue: `… told his advisers as he labored over …`. */
const SUBORDINATE_AFTER_CUE = new Set(["as", "while", "because", "although", "though", "whereas"])
const SUBORDINATORS = new Set(["though", "although", "while", "whereas", "when", "whenever", "because", "unless", "until", "after", "before", "looking"])
/** Words that open the writer's subordinate clause right before a cue's subject: "While most said …, others …". */
const CLAUSE_SUBORDINATORS = new Set(["though", "although", "while", "whereas", "when", "whenever", "because", "unless", "until", "after", "before", "as", "if", "since", "once"])
/** Words before a passive "asked" that make it the asking of a question: "when asked whether …". */
const PASSIVE_QUESTION_LEADS = new Set(["when", "after", "once", "if", "before", "while"])
const FINITE_TAGS = ["PastTense", "PresentTense", "Modal", "Copula", "Auxiliary"]
/**
 * Subjects that cannot be a speaker: an existential "there", a bare quantifier ("All told, …"), a
 * clause ("How he answers …"), "worth" of "it is worth noting that …".
 */
/**
 * "what Trump says his plan would do", "how experts say it works": a clause about what is said, no
 * statement ("what the senators said was gerrymandering" is one: the senators called it that).
 */
const WH_OPENERS = new Set(["how", "what", "whether", "why"])
const NOT_A_SPEAKER = new Set(["there", "here", "all", "worth", ...WH_OPENERS])
const COORDINATORS = new Set(["and", "or", "but"])
/** Words that stand for a whole statement after a verb of saying (`said so`, `said yes`). */
const PRO_FORMS = new Set(["so", "yes", "no"])
/** Words of a time phrase besides its time words: `on Friday`, `last week`, `this morning`. */
const TIME_PHRASE_WORDS = new Set(["on", "in", "at", "last", "this", "next", "early", "late", "earlier", "later", "the", "week", "month", "year", "morning", "afternoon", "evening", "night"])
/** Words that name a show, book or event before its quoted title: "on “Face the Nation”", "of “Fox News Sunday”". */
const TITLE_LEADS = new Set(["of", "on", "in", "at", "to", "from", "during"])
/** Words that join a second verb phrase of the same subject: "… said A and added B", "… but has said …". */
const SAME_SUBJECT_LINKS = new Set(["and", "but"])
/** Patterns whose speaker is the previous frame's: "…, adding that …", "… said A and added B". */
const inheritsSpeaker = (pattern: string) => pattern === "participle" || pattern === "shared-subject"
const MIN_UNATTRIBUTED_WORDS = 6
/** Words that open the writer's subordinate clause after a cue's object: "added a goal as Barcelona won". */
const SUBORDINATORS_AFTER_OBJECT = new Set(["as", "while", "whereas", "because", "since", "although", "though", "until", "unless", "after", "before", "when", "whenever"])
const NARRATION_AFTER_QUOTE = /^\s*,?\s*(as|while|whereas|because|since|amid|although|though|even as)\b/

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length

/** Offsets of a token range including the quotation marks glued to its ends. */
const rangeOffsets = (tokens: ReadonlyArray<Token>, range: TokenRange) => {
  const first = tokens[range.first]
  const last = tokens[range.end - 1]
  const pre = first.pre.replace(/^\s+/, "")
  const opening = OPENING_MARK.exec(pre)
  const start = opening ? first.start - pre.length + opening.index : first.start
  const post = last.post
  let end = last.end
  const closing = post.match(/^[^\s]*?(["”»]|'')/)
  if (closing) end = last.end + closing[0].length
  return { start, end }
}

const phraseOffsets = (tokens: ReadonlyArray<Token>, range: TokenRange) => ({ start: tokens[range.first].start, end: tokens[range.end - 1].end })

export interface QuoteOptions {
  /** The trained filter of candidate indirect and mixed quotes; default the process's (`sharedQuoteFilter`), null for none. */
  readonly filter?: QuoteFilter | null
  /** Called with each emitted candidate's filter features and its quotation number (training reads them). */
  readonly onCandidate?: (candidate: { readonly quotation: number; readonly features: ReadonlyArray<string> }) => void
}

export const extractQuotes = (context: ExtractContext, actors: ActorExtraction, options: QuoteOptions = {}): QuoteExtraction => {
  const filter = options.filter === undefined ? sharedQuoteFilter() : options.filter
  const lexicon = quotesLexicon()
  const { text, tokens } = context
  const quotations = findQuotations(text)
  const isCueWord = (i: number) => i < tokens.length && lexicon.cuesByForm.has(wordOf(tokens[i]))
  const units = buildUnits(context, quotations, (i) => isCueWord(i) || isCueWord(i + 1) || isCueWord(i + 2))
  const attributions: Array<Attribution> = []

  const insideQuotation = (offset: number) => quotations.some((q) => q.contentStart <= offset && offset < q.contentEnd)
  /**
   * "Trump favors a strongman approach": compromise tags "favors" a plural noun, but a plural noun
   * between a name or pronoun and a determiner is that subject's verb.
   */
  const misTaggedVerb = (k: number) => {
    const t = tokens[k]
    const prev = tokens[k - 1]
    const next = tokens[k + 1]
    return t.tags.includes("Plural") && /^\p{Ll}+s$/u.test(t.text) && prev !== undefined && next !== undefined &&
      (prev.tags.includes("ProperNoun") || prev.tags.includes("Pronoun")) && !prev.tags.includes("Possessive") &&
      prev.post.trim() === "" && t.post.trim() === "" && (next.tags.includes("Determiner") || next.tags.includes("Possessive"))
  }
  /**
   * `On this weekend's broadcast of “Fox News Sunday,” Mike Pence said …`: a phrase that ends in a
   * quoted title (a few capitalised words, quoted after other words) is no quotation of the speaker.
   */
  const endsWithQuotedTitle = (first: number, end: number): boolean => {
    if (end <= first || !CLOSING_MARK.test(tokens[end - 1].post)) return false
    let open = end - 1
    while (open > first && !OPENING_MARK.test(tokens[open].pre) && end - open <= 8) open--
    if (open === first || !OPENING_MARK.test(tokens[open].pre)) return false
    // The title is named by what comes before it: "of", "on", "in" or a possessive ("CBS's “Face the Nation”").
    const before = tokens[open - 1]
    // (The tokenizer may leave the possessive `'s` as a token of its own without text: `ABC's “This Week”`.)
    const clitic = before.text.trim() === "" && open - 2 >= first
    if (!TITLE_LEADS.has(wordOf(before)) && !before.tags.includes("Possessive") && !clitic) return false
    const words = tokens.slice(open, end)
    return words.length <= 7 && words.every((t) => /^[\p{Lu}\d]/u.test(t.text) || isLowerInTitles(wordOf(t)))
  }
  const hasVerb = (first: number, end: number) => {
    for (let k = first; k < end; k++) if (tokens[k].tags.includes("Verb") || (k > first && misTaggedVerb(k))) return true
    return false
  }
  const isFiniteVerb = (t: Token) => FINITE_TAGS.some((tag) => t.tags.includes(tag)) && !t.tags.includes("Gerund")
  const hasFiniteVerb = (first: number, end: number) => tokens.slice(first, end).some(isFiniteVerb)

  /**
   * Whether words right after a cue (no "that", colon or quotation) hold a reported clause: a verb that
   * follows its subject in the same clause. A "verb" after a determiner or possessive, or after an
   * adjective of one, heads a noun phrase (`promised a hefty rise in spending`), and one after a
   * subordinator belongs to the writer's clause (`added a goal and an assist as Barcelona won`): then the
   * words are the cue's object, another sense of the word than a statement.
   */
  /**
   * Whether token k sits in an aside between commas that a finite verb follows: `their networks of
   * donors, almost exclusively men until a few years ago, were now …` (the subordinator there is the
   * aside's, and the verb after it the clause's).
   */
  const inAside = (first: number, k: number, end: number): boolean => {
    if (!tokens.slice(first, k).some((t) => /,/.test(t.post))) return false
    let close = k
    while (close < end - 1 && !/[,;:.]/.test(tokens[close].post)) close++
    return /,/.test(tokens[close].post) && close + 1 < end && isFiniteVerb(tokens[close + 1])
  }

  /**
   * `said the days when the nation had one story are gone`: a `when` the parse puts in a relative
   * clause on the noun before it (its verb an `acl` of that noun) opens no clause of the writer's.
   */
  const relativeWhen = (k: number): boolean => {
    const verb = tokens[k].head
    return wordOf(tokens[k]) === "when" && verb !== undefined && verb > k && hasRelation(tokens[verb].deprel, "acl") && tokens[verb].head === k - 1
  }

  const reportedClause = (first: number, end: number): boolean => {
    for (let k = first; k < end; k++) {
      const t = tokens[k]
      if (k > first && SUBORDINATORS_AFTER_OBJECT.has(wordOf(t)) && tokens[k - 1].tags.includes("Noun") && tokens[k - 1].post.trim() === "" && !inAside(first, k, end) && !relativeWhen(k)) return false
      const prev = k > first ? tokens[k - 1] : null
      // "her plan works", "the nation's economic system favors …": a plural noun right after a
      // determiner's singular noun (adjectives between) is its verb.
      let det = k - 2
      while (det > first && tokens[det].tags.includes("Adjective") && tokens[det].post.trim() === "") det--
      const pluralVerb = prev !== null && det >= first && t.tags.includes("Plural") && /^\p{Ll}+s$/u.test(t.text) &&
        prev.tags.includes("Singular") && prev.post.trim() === "" && ["Determiner", "Possessive"].some((tag) => tokens[det].tags.includes(tag))
      if (!(t.tags.includes("Verb") && isFiniteVerb(t)) && !(k > first && misTaggedVerb(k)) && !pluralVerb) continue
      const nounLike = prev !== null && !["Auxiliary", "Modal", "Copula"].some((tag) => t.tags.includes(tag)) &&
        (["Determiner", "Possessive"].some((tag) => prev.tags.includes(tag)) ||
          (prev.tags.includes("Adjective") && k - 2 >= first && ["Determiner", "Possessive"].some((tag) => tokens[k - 2].tags.includes(tag))))
      if (!nounLike) return true
      // A "verb" after a determiner's phrase is the clause's verb after all where the parse reads it so,
      // as the cue's complement with the word before it as its subject (`said the nonprofit provided a
      // statement …`, where the tagger reads "nonprofit" as an adjective).
      if (hasRelation(t.deprel, "ccomp") && dependents(context.doc, k, "nsubj").includes(k - 1)) return true
    }
    return false
  }

  /** Whether a noun followed by a finite verb comes before the next clause boundary ("that", a comma). */
  const clauseFollows = (first: number, end: number): boolean => {
    for (let k = first + 1; k < end; k++) {
      if (INTRODUCERS.has(wordOf(tokens[k - 1])) || /[,;:]/.test(tokens[k - 1].post)) return false
      if (isFiniteVerb(tokens[k]) && tokens[k - 1].tags.includes("Noun") && !tokens[k - 1].tags.includes("Pronoun")) return true
    }
    return false
  }

  /**
   * Whether the words after a cue are its object followed by another verb phrase, not a reported
   * clause: "promised a veto and attempted to …". A reported clause's first verb follows its subject,
   * not a conjunction; unless a finite verb follows a noun further on, and the "verb" was a noun
   * ("said the locks and limits on digital files were …", "claims the cease and desist order did …").
   */
  const objectThenVerb = (first: number, end: number): boolean => {
    const verbAt = tokens.slice(first, end).findIndex((t) => t.tags.includes("Verb")) + first
    return verbAt > first && COORDINATORS.has(wordOf(tokens[verbAt - 1])) && !clauseFollows(verbAt + 1, end)
  }

  /** Where the main clause after a question asked in an opening clause starts: its comma's next token. */
  const mainClauseAfterQuestion = (first: number, end: number): number => {
    for (let k = first + 1; k < end - 1; k++) {
      if (!/,/.test(tokens[k].post) || insideQuotation(tokens[k].end) || !hasFiniteVerb(first, k + 1)) continue
      const next = tokens[k + 1]
      if (isFiniteVerb(next) || next.tags.includes("Verb") || RELATIVE_STARTS.has(wordOf(next))) continue
      let close = k + 1
      while (close < end - 1 && !/[,;:]/.test(tokens[close].post)) close++
      if (hasFiniteVerb(k + 1, close + 1)) return k + 1
    }
    return end
  }

  /**
   * What the word rules read as no statement after a cue may still be one, for the quote filter to
   * judge: a word that stands for a statement (`said so in the earlier poll`, `said yes`, `say the same
   * of Sanders`: the row is that word), or a clause by the parse (the words' head has a subject of its
   * own before it, where the tagger misread a word: `said Obama's words and actions “amount to …”`).
   * Null for a noun phrase or anything else: `promised a hefty rise in spending` reports nothing.
   */
  const reportedFormAfterCue = (first: number, end: number): { form: "pro-form" | "parsed-clause"; end: number } | null => {
    const opening = wordOf(tokens[first])
    const next = first + 1 < end ? tokens[first + 1] : null
    const closes = next === null || /[,;.:—–]/.test(tokens[first].post) || next.tags.includes("Preposition") || isTimeWord(next)
    if (PRO_FORMS.has(opening) && closes) return { form: "pro-form", end: first + 1 }
    if (opening === "the" && next !== null && wordOf(next) === "same") {
      return { form: "pro-form", end: first + 2 < end && wordOf(tokens[first + 2]) === "thing" ? first + 3 : first + 2 }
    }
    const head = headOfSpan(context.doc, first, end)
    if (head === null) return null
    const subjects = dependents(context.doc, head, "nsubj", "expl").filter((j) => j >= first && j < head)
    return subjects.length > 0 && !RELATIVE_STARTS.has(wordOf(tokens[subjects[0]])) ? { form: "parsed-clause", end } : null
  }

  /**
   * The noun phrase a subject heads: its subtree without what the parse hangs on it as a clause's
   * modifier (an oblique, an adverbial clause: `Jones, in the wake of a poll, told …` →
   * Jones); appositions and relative clauses stay (`Maria Lopez, 31, who was visiting Boston, told …`).
   */
  const speakerPhraseRange = (head: number): [number, number] => {
    const [first, end] = subtreeRange(context.doc, head)
    const cut = new Set<number>()
    for (const j of dependents(context.doc, head, "obl", "advcl", "dep")) {
      const [a, b] = subtreeRange(context.doc, j)
      for (let k = a; k < b; k++) cut.add(k)
    }
    let lo = head
    let hi = head + 1
    while (lo > first && !cut.has(lo - 1)) lo--
    while (hi < end && !cut.has(hi)) hi++
    return [lo, hi]
  }

  /**
   * The subject of a cue the parse hangs on a noun as a clause (`acl`) that is no reduced relative of
   * it: one after a comma (`expressed admiration for Clinton's skills, telling CNBC: …`), after a
   * subordinator (`presented a message about healing before explaining why …`) or finite (`RNC
   * members and officials, in fact, even insist that …`). Such a clause belongs to the sentence the
   * noun is in: the subject of the verb above the noun, or the noun phrase the sentence is about when
   * no verb is. Null for any other cue, and for a reduced relative (`911 calls saying …`: the calls).
   */
  const clauseOnANoun = (cue: number): number | null => {
    const t = tokens[cue]
    if (!hasRelation(t.deprel, "acl") || t.head === undefined || t.head < 0) return null
    if (dependents(context.doc, cue, "nsubj", "csubj").length > 0) return null
    const afterComma = cue > 0 && /[,;—–]/.test(tokens[cue - 1].post)
    const participle = /(ing|ed)$/.test(wordOf(t)) || t.tags.includes("Gerund") || t.tags.includes("Participle")
    if (!afterComma && dependents(context.doc, cue, "mark").length === 0 && participle) return null
    let noun = t.head
    for (let steps = 0; steps < 6; steps++) {
      const n = tokens[noun]
      if (n.head === undefined || n.head < 0 || hasRelation(n.deprel, "nsubj")) return noun
      if (!["nmod", "obl", "obj", "iobj", "conj", "appos", "compound"].some((r) => hasRelation(n.deprel, r))) return null
      const above = tokens[n.head]
      if (above.upos === "VERB" || above.upos === "AUX") return subjectOf(context.doc, n.head)
      noun = n.head
    }
    return null
  }

  /**
   * The speaker the dependency parse gives a cue: the subject of the cue verb (through conjuncts,
   * participles and relative clauses, `subjectOf`) or its passive agent, as the subject's subtree on
   * its side of the cue, within [from, to): a noun phrase not inside a quotation, not a word that names
   * no speaker. Null where the parse has none (`urged voters to say`, `is expected to announce`: an
   * infinitive reports no statement made).
   */
  const parseSpeaker = (cue: Cue, from: number, to: number): TokenRange | null => {
    const cueToken = cue.firstToken
    if (tokens[cueToken].head === undefined || (cueToken > from && wordOf(tokens[cueToken - 1]) === "to")) return null
    const head = clauseOnANoun(cueToken) ?? subjectOf(context.doc, cueToken) ?? passiveAgentOf(context.doc, cueToken)
    if (head === null || head < from || head >= to || (head >= cueToken && head < cue.endToken) || insideQuotation(tokens[head].start)) return null
    if (NOT_A_SPEAKER.has(wordOf(tokens[head])) || RELATIVE_STARTS.has(wordOf(tokens[head])) || !["NOUN", "PROPN", "PRON", "NUM"].includes(tokens[head].upos)) return null
    const [first, end] = speakerPhraseRange(head)
    const range = head < cueToken ? { first: Math.max(first, from), end: Math.min(end, cueToken) } : { first: Math.max(first, cue.endToken), end: Math.min(end, to) }
    let last = range.end
    while (last > range.first && insideQuotation(tokens[last - 1].start)) last--
    return last > range.first ? { first: range.first, end: last } : null
  }

  /** Whether token k, or a word it hangs from (up to six steps up), heads a clause modifying a noun (`acl`, `acl:relcl`). */
  const inRelativeClause = (k: number): boolean => {
    for (let at = k, steps = 0; at >= 0 && steps < 6; at = tokens[at].head ?? -1, steps++) if (hasRelation(tokens[at].deprel, "acl")) return true
    return false
  }

  /**
   * Whether the parse reads the word windows' speaker as no subject of the cue's clause while it has a
   * subject of its own (`parsed`): the windows' phrase is an object, indirect object or expletive, or it
   * follows the cue, is no subject or oblique there, and the parse's subject precedes the cue.
   */
  const readsAsNoSubject = (windows: TokenRange, parsed: TokenRange, cue: Cue): boolean => {
    if (parsed.first < windows.end && parsed.end > windows.first) return false
    // Not where a finite verb follows the parse's subject before the cue: that is the subject of the
    // content before an inverted cue (`The approach is made possible by its resources, said Katie
    // Harbath, …`), where the parse read the whole clause as the cue's subject.
    // (The parse may also take that verb into its subject, `A variety of factors impact the cost of
    // college, said …`; a relative clause's verb, `Lopez, who was visiting Boston, told …`, is no sign.)
    if (windows.first >= cue.endToken && parsed.end <= cue.firstToken &&
      tokens.slice(parsed.first + 1, cue.firstToken).some((t, k) => !inRelativeClause(parsed.first + 1 + k) &&
        !tokens.slice(parsed.first, parsed.first + 1 + k).some((w) => RELATIVE_STARTS.has(wordOf(w))) &&
        isFiniteVerb(t) && t.tags.includes("Verb"))) return false
    const relation = tokens[headOfSpan(context.doc, windows.first, windows.end) ?? windows.first].deprel
    if (["obj", "iobj", "expl"].some((r) => hasRelation(relation, r))) return true
    return windows.first >= cue.endToken && parsed.end <= cue.firstToken && !hasRelation(relation, "nsubj") && !hasRelation(relation, "obl")
  }

  /** The kind and the content span of a content range, read from the quotation marks inside it. */
  const classify = (start: number, end: number): { kind: QuoteKind; start: number; end: number; quoted: Array<Quotation> } => {
    const quoted = quotations.filter((q) => q.contentStart < end && q.contentEnd > start)
    if (quoted.length === 0) return { kind: "indirect", start, end, quoted }
    let outside = ""
    let at = start
    for (const q of quoted) {
      outside += text.slice(at, Math.max(at, q.start))
      at = Math.max(at, q.end)
    }
    outside += text.slice(at, Math.max(at, end))
    const first = quoted[0]
    const last = quoted[quoted.length - 1]
    if (!/[\p{L}\p{N}]/u.test(outside)) {
      return { kind: "direct", start: first.contentStart, end: last.contentEnd, quoted }
    }
    // `The expectation was that "…"`: a whole quoted clause after a short frame is a direct quote.
    const frame = text.slice(start, last.start)
    const quotedText = text.slice(last.contentStart, last.contentEnd)
    if (
      last.end >= end - 1 && /(\bthat|:|,)\s*$/.test(frame) && wordCount(quotedText) >= 4 &&
      wordCount(quotedText) >= 2 * wordCount(text.slice(start, last.start)) && quoted.length === 1
    ) {
      return { kind: "direct", start: last.contentStart, end: last.contentEnd, quoted }
    }
    const contentStart = first.start <= start ? first.contentStart : start
    // `…that the talks "resulted in X" as both nations seek …`: the narration after the quoted words
    // (a subordinate clause of the writer's) is not part of what was said.
    const narrationAfter = NARRATION_AFTER_QUOTE.test(text.slice(last.end, end))
    const contentEnd = last.end >= end || narrationAfter ? last.contentEnd : end
    return { kind: "mixed", start: contentStart, end: contentEnd, quoted }
  }

  /** Trims spaces and clause punctuation from a content span; a direct quote keeps its own punctuation. */
  const trimContent = (start: number, end: number, kind: QuoteKind) => {
    while (start < end && /[\s,;:—–]/.test(text[start])) start++
    while (end > start && /[\s,;:—–]/.test(text[end - 1])) end--
    if (kind === "indirect") while (end > start && /[.\s]/.test(text[end - 1])) end--
    return { start, end }
  }

  /**
   * Whether the last comma-separated part before the speaker is an adverbial or subordinate phrase
   * ("Though Sanders is gaining ground, Clinton maintains …", "Looking back to 2008, Devine argued …"):
   * then it modifies the speaker's clause and is not what was said. Quoted words always count as said.
   */
  const subordinateBefore = (from: number, end: number): boolean => {
    let first = from
    for (let k = end - 2; k >= from; k--) {
      if (/[,;—–]/.test(tokens[k].post)) {
        first = k + 1
        break
      }
    }
    return !quotations.some((q) => q.contentStart < tokens[end - 1].end && q.contentEnd > tokens[first].start) &&
      SUBORDINATORS.has(wordOf(tokens[first]))
  }

  /** "was asked", "when asked", or a sentence opening with "Asked": the subject, if any, is the one asked. */
  const asksPassively = (cue: Cue, from: number): boolean => {
    const before = cue.firstToken - 1
    return before < from || PASSIVE_AUXILIARIES.has(wordOf(tokens[before])) || PASSIVE_QUESTION_LEADS.has(wordOf(tokens[before]))
  }

  /**
   * The antecedent of a relative clause that ends, with its comma, right before a cue: `Podesta, who
   * said the project was vetted, said …`, `Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton,
   * said …` (the clause may hold commas of its own). Null when no such clause, outside quotation
   * marks, opens within 30 words before the cue.
   */
  const relativeClauseBefore = (cue: Cue, unit: Unit): TokenRange | null => {
    // (Past the cue's modifiers: `Mr. Kirk, who …, also noted that …`.)
    const last = subjectEnd(tokens, cue.firstToken, unit.firstToken)
    if (last <= unit.firstToken || !/,\s*$/.test(tokens[last].post) || insideQuotation(tokens[last].start)) return null
    for (let k = last - 1; k >= unit.firstToken && last - k <= 30; k--) {
      if (/[;:"“”—–]|''/.test(tokens[k].post) || insideQuotation(tokens[k].start)) return null
      // (A parenthesis after the name is left out: `Sen. Claire McCaskill (D-Mo.), who …`.)
      if (/,/.test(tokens[k].post) && ["who", "which"].includes(wordOf(tokens[k + 1]))) {
        let end = k + 1
        if (/^\.?\)/.test(tokens[k].post)) {
          let open = k
          while (open > unit.firstToken && !tokens[open].pre.includes("(") && k - open < 4) open--
          if (tokens[open].pre.includes("(")) end = open
        }
        return relativeAntecedent(tokens, end, unit.firstToken)
      }
    }
    return null
  }

  /** Reads one cue as an attribution frame within its unit. */
  const readFrame = (unit: Unit, cue: Cue, fromToken: number, to: number, previous: Attribution | null): Array<Attribution> | null => {
    let from = fromToken
    let speaker: TokenRange | null = null
    let relativePronoun: TokenRange | null = null
    let addressee: TokenRange | null = null
    let afterFirst = cue.endToken
    let beforeEnd = cue.firstToken
    let pattern: string
    if (cue.cue.class === "source") {
      // "According to Trump, the talks …" / "…, according to Trump."
      speaker = speakerAfter(tokens, cue.endToken, to, false, true)
      if (!speaker) return null
      afterFirst = speaker.end
      pattern = "according-to"
      // "…, according to a memo released Friday by the watchdog.": words after the source that follow
      // no comma still describe the source; the statement is the clause before it.
      if (afterFirst < to && !/[,:]/.test(tokens[afterFirst - 1].post) && !OPENING_MARK.test(tokens[afterFirst].pre)) afterFirst = to
    } else if (cue.cue.question && asksPassively(cue, from)) {
      // "When asked by a reporter whether …, he said": the question is what was said, by the "by" phrase.
      let k = cue.endToken
      if (k < to && wordOf(tokens[k]) === "by") {
        speaker = speakerAfter(tokens, k + 1, to, false, true)
        if (!speaker) return null
        k = speaker.end
      }
      if (k >= to || wordOf(tokens[k]) === "by" || !QUESTION_OPENERS.has(wordOf(tokens[k]))) return null
      afterFirst = k
      pattern = "asked-question"
    } else {
      // "an architect who said …", "Democrats, who have argued …": the speaker is the relative
      // pronoun's antecedent (compromise may tag "who" as a preposition, so it is read by its word).
      const relative = subjectEnd(tokens, cue.firstToken, from)
      // (`that` right after a noun is one too: `the firm that said …`.)
      const relativeThat = relative - 1 >= from && wordOf(tokens[relative]) === "that" && tokens[relative - 1].tags.includes("Noun") &&
        !tokens[relative - 1].tags.includes("Pronoun") && tokens[relative - 1].post.trim() === ""
      const antecedent = relative >= from && ((RELATIVE_STARTS.has(wordOf(tokens[relative])) && !["when", "where"].includes(wordOf(tokens[relative]))) || relativeThat)
      speaker = antecedent ? relativeAntecedent(tokens, relative, unit.firstToken) : speakerBefore(tokens, cue.firstToken, from)
      if (antecedent && !speaker) return null
      if (antecedent) {
        const share = relative - 2 >= from && wordOf(tokens[relative - 1]) === "of" ? relative - 2 : relative
        relativePronoun = { first: share, end: relative + 1 }
      }
      // "Podesta, who said the project was vetted, said he was unaware …": the cue right after the
      // relative clause and its comma is the main clause's verb, and the antecedent its subject.
      // (Also where the relative clause reports nothing: `McCaskill, who has endorsed Clinton, said …`.)
      const afterRelative = !speaker && !/ing$/.test(wordOf(tokens[cue.firstToken])) ? relativeClauseBefore(cue, unit) : null
      if (afterRelative) speaker = afterRelative
      // "Black Lives Matter issued a statement saying …": a medium before a participle carries the
      // statement; its issuer, the sentence's subject, made it.
      let issuer = false
      if (speaker && !antecedent && speaker.first > from && /ing$/.test(wordOf(tokens[cue.firstToken])) && lexicon.media.has(wordOf(tokens[speaker.end - 1]))) {
        const subject = sentenceSubject(tokens, from, speaker.first, true)
        if (subject !== null) {
          speaker = subject
          issuer = true
        }
      }
      // "let's say, …": the hidden "us" of a contraction, an aside, is no speaker and reports no statement.
      if (speaker && (NOT_A_SPEAKER.has(wordOf(tokens[speaker.first])) || tokens.slice(speaker.first, speaker.end).every((t) => t.text.trim() === ""))) return null
      const opener = speaker && speaker.first - 1 >= unit.firstToken ? tokens[speaker.first - 1] : null
      const copulaAfter = cue.endToken < to && tokens[cue.endToken].tags.includes("Copula")
      if (opener && WH_OPENERS.has(wordOf(opener)) && opener.post.trim() === "" && !copulaAfter) return null
      if (speaker) {
        // (After a quotation, `"…," an intelligence source, who …, told Fox News`, the quotation is
        // what the antecedent said.)
        const quotationBefore = speaker.first - 1 >= from && CLOSING_MARK.test(tokens[speaker.first - 1].post)
        if ((antecedent || (afterRelative && !quotationBefore)) && speaker.end < cue.firstToken) {
          // Antecedent: the content cannot start before the cue.
          from = cue.firstToken
        } else {
          beforeEnd = speaker.first
        }
        if (cue.cue.addressee) addressee = addresseeAfter(tokens, cue.endToken, to)
        if (addressee) afterFirst = addressee.end
        pattern = issuer ? "sentence-subject" : "speaker-before-cue"
      } else {
        const prev = cue.firstToken - 1
        // A participle never has its subject after it: `…, saying the nominee “makes …”`.
        const participle = /ing$/.test(wordOf(tokens[cue.firstToken]))
        // Nor does a cue after a subject's apposition (`Harman, now director of …, urged Obama …`): words
        // before an inverted cue are what was said, a quotation or a clause with its verb.
        // A quotation that ends bare, with no punctuation at its closing mark, right before the cue is
        // the cue's subject, a title or a name (`“Build Back Better” calls for …`), not what was said.
        const bareQuotation = prev >= from && CLOSING_MARK.test(tokens[prev].post) && !/[,.!?…;:—–-]/.test(tokens[prev].post)
        const inverted = !participle && !bareQuotation && (prev < from || (/[,"”]|''/.test(tokens[prev].post) && (CLOSING_MARK.test(tokens[prev].post) || hasVerb(from, cue.firstToken))))
        // `“…,” said the veteran goalkeeper`: after a quotation a description names the speaker too.
        const afterQuotation = prev >= from && CLOSING_MARK.test(tokens[prev].post)
        // After a clause and its comma too, when the description ends the clause: `…, said the company's
        // chief executive, John J. Ferriola.` (not `…, asked a federal judge to block …`).
        const described = inverted && (afterQuotation || (prev >= from && /,/.test(tokens[prev].post))) ? speakerAfter(tokens, cue.endToken, to, true, false, true) : null
        const describedEnds = described !== null && (afterQuotation || described.end >= to || /[,.;:!?)"”—–]|''/.test(tokens[described.end - 1].post))
        const found = inverted ? speakerAfter(tokens, cue.endToken, to) ?? (describedEnds ? described : null) : null
        // A time phrase is no speaker: `…, tweeted on Friday to say …` (its subject comes before).
        const after = found !== null && tokens.slice(found.first, found.end).every((t) => isTimeWord(t) || TIME_PHRASE_WORDS.has(wordOf(t))) ? null : found
        // An inverted speaker ends its clause (`said Smith.`, `said Smith, an analyst`, `said Smith in a
        // statement`); words that go on after it make it the subject of the reported clause (`Paradis,
        // who …, says she identifies as …`) or the cue's object (`urged Obama last year not to …`).
        const endsClause = (r: TokenRange) => r.end >= to || /[,.;:!?)"”—–]|''/.test(tokens[r.end - 1].post) ||
          ADVERBIAL_AFTER_SPEAKER.has(wordOf(tokens[r.end])) || isTimeWord(tokens[r.end])
        const goesOn = (r: TokenRange) => {
          const next = tokens[r.end]
          const pronoun = r.end - r.first === 1 && lexicon.pronouns.has(wordOf(tokens[r.first]).replace(/['’]\p{L}+$/u, ""))
          return pronoun || (isFiniteVerb(next) && !next.tags.includes("Infinitive")) || INTRODUCERS.has(wordOf(next))
        }
        // After a quotation or a clause and its comma, a name with its apposition is the speaker whatever
        // follows: the words after a long description (`“…,” said Carole Taylor, the minister of finance
        // at the time the tax was introduced.`, `…, said Katie Harbath, Facebook's outreach director.`)
        // are still the description's, not a reported clause (the content came before).
        const appositionAfterQuotation = (r: TokenRange) => prev >= from && tokens.slice(r.first, r.end - 1).some((t) => /,/.test(t.post))
        const reportedSubject = after !== null && !endsClause(after) && !appositionAfterQuotation(after) && goesOn(after)
        speaker = reportedSubject ? null : after
        // The description runs to the end of its clause (`…, the minister of finance at the time the tax
        // was introduced.`): the phrase stopped at the first word it could not read as a noun's.
        if (speaker !== null && !endsClause(speaker) && appositionAfterQuotation(speaker)) {
          let end = speaker.end
          while (end < to && !OPENING_MARK.test(tokens[end].pre) && !/[,.;:!?)"”—–]|''/.test(tokens[end - 1].post)) end++
          speaker = { first: speaker.first, end }
        }
        if (speaker) {
          afterFirst = speaker.end
          pattern = "speaker-after-cue"
        } else if (/ing$/.test(wordOf(tokens[cue.firstToken])) && prev >= unit.firstToken && /,/.test(tokens[prev].post) && previous !== null && previous.unit === unit) {
          // "…, adding that …": the participle shares the subject of the previous frame.
          pattern = "participle"
        } else if (previous !== null && previous.unit === unit && from === subjectEnd(tokens, cue.firstToken, from) && from > unit.firstToken) {
          // "… said that A and predicted that B": the content before ended at this "and"; the second
          // cue shares the previous frame's subject.
          pattern = "shared-subject"
        } else {
          // "Cruz exhorted Republicans … and said …", "… but has said …", "Brunner, a developer …, which is …, said …",
          // "A judge rejected the request, saying …": the subject that opens the sentence.
          // (A time phrase may stand between the link and the cue: `… but on Tuesday wrote …`.)
          let link = subjectEnd(tokens, cue.firstToken, from)
          while (link > from && (isTimeWord(tokens[link]) || TIME_PHRASE_WORDS.has(wordOf(tokens[link]))) && !/,/.test(tokens[link - 1].post)) link--
          const joined = prev >= from && (/,/.test(tokens[prev].post) || (!participle && link >= from && SAME_SUBJECT_LINKS.has(wordOf(tokens[link]))))
          // A subject without a name only for a cue joined by "and"/"but" or a participle: after a comma
          // a plain "said" more often ends a statement (`Sales have tripled, said analysts`).
          // After a reported clause's subject was taken for an inverted speaker, the cue is the clause's
          // main verb, and a noun phrase without a name will do too (`Several candidates, including X, said …`).
          let quotedSubject = false
          let subject = joined ? sentenceSubject(tokens, from, cue.firstToken, reportedSubject ? "any-noun" : participle || !/,/.test(tokens[prev].post)) : null
          // The sentence's subject is never inside the quotation that opens it (`“I just don't think …,”
          // Cecelia Purner, 67, a retired …, said` gave "I"): the subject is the phrase after the quotation.
          if (subject !== null && insideQuotation(tokens[subject.first].start)) {
            quotedSubject = true
            let closed = cue.firstToken - 1
            while (closed >= from && !CLOSING_MARK.test(tokens[closed].post)) closed--
            subject = closed >= from && closed + 1 < cue.firstToken ? sentenceSubject(tokens, closed + 1, cue.firstToken, true) : null
            if (subject !== null && insideQuotation(tokens[subject.first].start)) subject = null
          }
          // Where the word windows find no subject, the parse may: the subject of the cue verb, whole
          // with its description (`Weingarten, who has visited several states, said she …`, where the
          // tagger read the name as a verb).
          // (There the parse's subject may also follow the cue: `“…,” said one owner of a shop who …`.)
          let parsed = subject === null ? parseSpeaker(cue, from, quotedSubject ? to : cue.firstToken) : null
          if (parsed !== null && insideQuotation(tokens[parsed.first].start)) parsed = null
          if (!subject && !parsed) return null
          speaker = subject ?? parsed!
          beforeEnd = speaker.first
          if (speaker.first >= cue.endToken) {
            beforeEnd = cue.firstToken
            afterFirst = speaker.end
          } else if (cue.cue.addressee) addressee = addresseeAfter(tokens, cue.endToken, to)
          if (addressee) afterFirst = addressee.end
          pattern = subject ? "sentence-subject" : "parse-subject"
        }
      }
    }
    // The parse has the last word on a speaker it reads as no subject: where the word windows took an
    // object, an indirect object or an expletive of the clause ("told Fox News", "There was …"), or a
    // phrase after the cue that is neither subject nor oblique while the parse's subject comes before
    // it, the parse's subject of the cue speaks. On 400 PolNeAR train articles this fixed 23 speakers
    // and broke 5; where both readings are subjects the windows are right more often (92 to 16).
    if (speaker !== null && /^(speaker-before-cue|speaker-after-cue|sentence-subject)/.test(pattern)) {
      const parsed = parseSpeaker(cue, from, to)
      if (parsed !== null && readsAsNoSubject(speaker, parsed, cue)) {
        // The windows' phrase after the cue was its addressee (`Jones, …, told Fox News that …`).
        if (speaker.first >= cue.endToken && parsed.end <= cue.firstToken && cue.cue.addressee) addressee = speaker
        speaker = parsed
        relativePronoun = null
        pattern = "parse-subject"
      }
    }
    if (cue.cue.quotedObject) {
      // "described the plan as “a disaster”": the quoted words in the object are the speaker's, the
      // rest is the writer's; without them nothing was quoted.
      // A participle on the noun before it (`an economic plan called “Build Back Better”`, the parse's
      // `acl` with no subject of its own, no comma between) names or describes that noun: nobody in
      // the sentence says the quoted words.
      const cueWord = tokens[cue.firstToken]
      if (hasRelation(cueWord.deprel, "acl") && cue.firstToken > 0 && !/[,;:—–]/.test(tokens[cue.firstToken - 1].post) &&
        dependents(context.doc, cue.firstToken, "nsubj").length === 0) return null
      const limit = Math.min(to, cue.endToken + 15)
      const quoted = speaker === null || limit <= cue.endToken ? undefined :
        quotations.find((q) => q.start >= tokens[cue.endToken - 1].end && q.start < tokens[limit - 1].end && q.contentEnd <= tokens[to - 1].end + 1)
      if (quoted === undefined || speaker === null) return null
      // The object with its quoted words, as a mixed quote keeps its clause: `the plan as “a disaster”`.
      const classified = classify(tokens[cue.endToken].start - (tokens[cue.endToken].pre.length - tokens[cue.endToken].pre.trimStart().length), quoted.end)
      const content = trimContent(classified.start, classified.end, classified.kind)
      if (content.end <= content.start) return null
      return [{
        gaps: [], unit, start: content.start, end: content.end, kind: classified.kind, pattern: `${pattern}.quoted-object`,
        speaker: phraseOffsets(tokens, speaker), relativePronoun: relativePronoun && phraseOffsets(tokens, relativePronoun), inheritsFrom: null, cue, addressee: null
      }]
    }
    // Content after the cue: skip "on Monday", "in a statement" up to "that", ":" or an opening quote.
    let contentFirst = afterFirst
    for (let k = afterFirst; k < Math.min(to, afterFirst + 8); k++) {
      const t = tokens[k]
      // `said on Monday, "…"`: an opening quote after the cue's adverbials opens the content; one
      // inside a clause (`said the country "welcomes …"`) does not. Right after the cue's comma it
      // opens the content whatever its first word (`"…," Scalia said, "that it's a good thing …"`:
      // that `that` is the speaker's).
      if (OPENING_MARK.test(t.pre) && /[,:]/.test(tokens[k - 1].post)) {
        contentFirst = k
        break
      }
      if (INTRODUCERS.has(wordOf(t))) {
        // "said that was …": a "that" right before a finite verb is the clause's subject, not its introducer.
        contentFirst = k + 1 < to && isFiniteVerb(tokens[k + 1]) ? k : k + 1
        break
      }
      if (/:/.test(t.post) && k + 1 < to) {
        contentFirst = k + 1
        break
      }
      if (t.tags.includes("Verb")) break
    }
    const beforeTokens = beforeEnd - from
    const beforeLast = beforeTokens > 0 ? tokens[beforeEnd - 1] : null
    const beforeEndsQuote = beforeLast !== null && CLOSING_MARK.test(beforeLast.post)
    // `"…," Tester said, referring to X, "…"`, `"…," Trump said during a rally in Ohio, "…"`: the quote
    // resumes after a phrase that follows the cue.
    let resumes = false
    if (beforeEndsQuote && !(contentFirst < to && OPENING_MARK.test(tokens[contentFirst].pre))) {
      for (let k = afterFirst + 1; k < Math.min(to, afterFirst + 12); k++) {
        if (OPENING_MARK.test(tokens[k].pre) && /,/.test(tokens[k - 1].post)) {
          contentFirst = k
          resumes = true
          break
        }
      }
    }
    const afterTokens = to - contentFirst
    const opensWithQuote = contentFirst < to && OPENING_MARK.test(tokens[contentFirst].pre)
    const introduced = contentFirst > afterFirst
    // A clause, or a noun phrase where the cue takes one; in a title-case headline tags are unreliable.
    const clauseLike = (introduced ? hasVerb(contentFirst, to) : reportedClause(contentFirst, to) && !objectThenVerb(contentFirst, to)) ||
      cue.cue.nounContent || inTitleCase(tokens, cue.firstToken)
    // (A semicolon right after the cue or its speaker ends the statement: `…, political analysts say; in
    // 2012, Mitt Romney stumbled …` is the writer's.)
    const afterSemicolon = afterFirst > 0 && /;/.test(tokens[afterFirst - 1].post)
    // (After a verb of asking a wh-word opens the reported question, no relative clause or adverbial:
    // `asked Rubio which states he could win`, `when asked whom she supported`.)
    const opensQuestion = cue.cue.question && contentFirst < to && QUESTION_OPENERS.has(wordOf(tokens[contentFirst])) && wordOf(tokens[contentFirst]) !== "by"
    const afterSubstantial = afterTokens > 0 && !afterSemicolon && (opensWithQuote || (afterTokens >= 3 && clauseLike &&
      (opensQuestion || !RELATIVE_STARTS.has(wordOf(tokens[contentFirst]))) &&
      (introduced || opensQuestion || !ADVERBIAL_STARTS.has(wordOf(tokens[contentFirst])) || hasFiniteVerb(contentFirst + 1, to))))
    const beforeEndsComma = beforeLast !== null && /[,—–]/.test(beforeLast.post)
    const beforeValid = beforeLast !== null && !endsWithQuotedTitle(from, beforeEnd) &&
      (beforeEndsQuote || (beforeEndsComma && hasVerb(from, beforeEnd) && !subordinateBefore(from, beforeEnd)))
    // "The museum, Mr. Obama said, would make …": the attribution sits inside its content.
    const cueEndsWithComma = /,/.test(tokens[afterFirst - 1].post) || resumes ||
      (contentFirst > afterFirst && OPENING_MARK.test(tokens[contentFirst].pre) && /,/.test(tokens[contentFirst - 1].post))
    // "Bringing the show back, he said, feels appropriate …": after an attribution between commas inside
    // reported words (not a quotation's) the rest of the sentence goes on with what was said, whatever
    // its form, unless it opens the writer's participle or subordinate clause (`…, he said, adding …`).
    const continuesAfter = pattern === "speaker-before-cue" && /,/.test(tokens[afterFirst - 1].post) && contentFirst === afterFirst &&
      afterTokens >= 2 && !/ing$/.test(wordOf(tokens[contentFirst])) && !CLAUSE_SUBORDINATORS.has(wordOf(tokens[contentFirst])) &&
      !RELATIVE_STARTS.has(wordOf(tokens[contentFirst])) && !OPENING_MARK.test(tokens[contentFirst].pre)
    // `Democrats had “put the biggest crack” yet in the glass ceiling, she said in a video message to the
    // convention.`: after a clause and its comma, a cue whose next words open an adverbial (no `that`,
    // colon or quotation) reports the clause before it; the words after it say where or how.
    // (Only an adverbial of place or time that runs to the sentence's end with no clause of its own, after
    // a main clause: `In a direct appeal to voters, Obama pleaded with them …`, `…, he said on Saturday,
    // and it has …` report what follows.)
    const opener = tokens[from]
    // (Or the writer's subordinate clause: `This is not about me, President Obama told his closest advisers
    // as he labored over …`.)
    const afterWord = contentFirst < to ? wordOf(tokens[contentFirst]) : ""
    const adverbialAfter = beforeEndsComma && !introduced && !opensWithQuote && pattern === "speaker-before-cue" && contentFirst < to &&
      (ADVERBIAL_AFTER_CUE.has(afterWord) || isTimeWord(tokens[contentFirst]) || SUBORDINATE_AFTER_CUE.has(afterWord)) &&
      tokens.slice(contentFirst, to - 1).every((t) => !/[,;:—–]/.test(t.post) && (SUBORDINATE_AFTER_CUE.has(afterWord) || !(isFiniteVerb(t) && !t.tags.includes("Infinitive")))) &&
      !["Preposition", "Conjunction", "Gerund"].some((tag) => opener.tags.includes(tag)) && !/ing$/.test(wordOf(opener)) && !CLAUSE_SUBORDINATORS.has(wordOf(opener))
    // `Conceding that there would be a deal “down the line” he warned: “It's not going to happen …”`: a
    // colon after the cue announces the quotation after it; the quoted words before it (not a
    // quotation that opens the sentence) are the writer's.
    const colonQuotation = opensWithQuote && /:/.test(tokens[contentFirst - 1].post) && !OPENING_MARK.test(tokens[from].pre)
    let range: TokenRange
    if (inheritsSpeaker(pattern)) {
      if (!afterSubstantial) return null
      range = { first: contentFirst, end: to }
    } else if ((beforeValid || beforeEndsComma) && (afterSubstantial || continuesAfter) && cueEndsWithComma && (beforeEndsQuote ? opensWithQuote : !opensWithQuote)) {
      range = { first: from, end: to }
      pattern = "interrupted"
    } else if (beforeValid && (beforeEndsQuote || !afterSubstantial || adverbialAfter) && !colonQuotation) {
      range = { first: from, end: beforeEnd }
      pattern = pattern === "according-to" ? "according-to" : `${pattern}.content-before`
    } else if (afterSubstantial) {
      range = { first: contentFirst, end: to }
      // A cue in the writer's subordinate clause (`While only 7 percent said they are undecided, 27
      // percent …`, `as Cruz said on Monday, only magnifies …`): what it reports ends with the clause,
      // at its comma or dash after the reported clause's verb; the main clause after it is the writer's
      // (a comma before any verb closes adverbials; after the cue's own comma the main clause is what was
      // said: `As Earnest explained, three taxes were postponed, depriving …`).
      if (speaker !== null && speaker.first - 1 >= unit.firstToken && CLAUSE_SUBORDINATORS.has(wordOf(tokens[speaker.first - 1])) && !/,/.test(tokens[contentFirst - 1].post)) {
        for (let k = contentFirst + 1; k < to - 1; k++) {
          if (/[,;—–]/.test(tokens[k].post) && !insideQuotation(tokens[k].end) && hasFiniteVerb(contentFirst, k + 1)) {
            range = { first: contentFirst, end: k + 1 }
            break
          }
        }
      }
      // `When asked which candidate she would back, she smiled`: a question asked in a clause that opens
      // the sentence ends at the comma after which the main clause, the writer's, opens: a subject (no
      // verb, no relative pronoun) and a finite verb before the next comma. An apposition or a relative
      // clause inside the question (`whether Trump, the nominee, who has …, would win`) does not end it.
      if (pattern === "asked-question" && tokens.slice(unit.firstToken, cue.firstToken).every((t) => PASSIVE_QUESTION_LEADS.has(wordOf(t)))) {
        range = { first: contentFirst, end: mainClauseAfterQuestion(contentFirst, range.end) }
      }
      // `…, and he railed against …`: after a comma, a personal pronoun with a verb in the past tense
      // (no auxiliary) narrates what the speaker did next; what was said ended at the comma.
      for (let k = range.first + 2; k + 2 < range.end; k++) {
        const verb = tokens[k + 2]
        if (wordOf(tokens[k]) === "and" && /,/.test(tokens[k - 1].post) && ["he", "she", "they"].includes(wordOf(tokens[k + 1])) &&
          verb.tags.includes("PastTense") && !["Auxiliary", "Copula", "Modal"].some((tag) => verb.tags.includes(tag)) && !insideQuotation(tokens[k].start)) {
          range = { first: range.first, end: k }
          break
        }
      }
      pattern = pattern === "according-to" ? "according-to" : `${pattern}.content-after`
    } else if (afterTokens > 0 && !afterSemicolon && pattern !== "according-to" && !inheritsSpeaker(pattern) && !cue.cue.nounContent) {
      const reported = reportedFormAfterCue(contentFirst, to)
      if (reported === null) return null
      range = { first: contentFirst, end: reported.end }
      pattern = `${pattern}.content-after.${reported.form}`
    } else {
      return null
    }
    // "confirmed that the meeting will take place and that the country …": two reported clauses of one
    // cue, the parts of one statement (one row each, one statement_id); the "and that" between them is
    // a gap, like an interrupting attribution.
    const ranges: Array<TokenRange> = []
    let clauseFirst = range.first
    if (pattern.endsWith("content-after") || inheritsSpeaker(pattern)) {
      for (let k = range.first + 2; k + 1 < range.end; k++) {
        if (COORDINATORS.has(wordOf(tokens[k])) && wordOf(tokens[k + 1]) === "that" && !insideQuotation(tokens[k].start)) {
          ranges.push({ first: clauseFirst, end: k })
          clauseFirst = k + 2
        }
      }
    }
    ranges.push({ first: clauseFirst, end: range.end })
    // "The museum, Mr. Obama said, would make …": the speaker and cue between the two parts.
    const gaps = pattern === "interrupted" ? [{ start: tokens[beforeEnd - 1].end, end: tokens[contentFirst].start }] : []
    const clauses = ranges.filter((clause) => clause.end > clause.first).flatMap((clause) => {
      const offsets = rangeOffsets(tokens, clause)
      const classified = classify(offsets.start, offsets.end)
      const content = trimContent(classified.start, classified.end, classified.kind)
      return content.end > content.start ? [{ ...content, kind: classified.kind }] : []
    })
    if (clauses.length === 0) return []
    for (let k = 1; k < clauses.length; k++) gaps.push({ start: clauses[k - 1].end, end: clauses[k].start })
    const kinds = new Set(clauses.map((c) => c.kind))
    return [{
      gaps,
      unit,
      start: clauses[0].start,
      end: clauses[clauses.length - 1].end,
      kind: kinds.size === 1 ? clauses[0].kind : "mixed",
      pattern: clauses.length > 1 ? `${pattern}.coordinated` : pattern,
      speaker: speaker ? phraseOffsets(tokens, speaker) : null,
      relativePronoun: speaker && relativePronoun ? phraseOffsets(tokens, relativePronoun) : null,
      inheritsFrom: inheritsSpeaker(pattern) ? previous : null,
      cue,
      addressee: addressee ? phraseOffsets(tokens, addressee) : null
    }]
  }

  /** The word before a speaker phrase, past up to two hedges of a share (`more than`, `nearly`, `only`). */
  const linkBefore = (phraseFirst: number): number => {
    let link = phraseFirst - 1
    while (link > 0 && phraseFirst - link <= 2 && SHARE_HEDGES.has(wordOf(tokens[link])) && tokens[link].post.trim() === "") link--
    return link
  }

  for (const unit of units) {
    // A cue inside quoted words belongs to the quoted speaker's own report, not to this article's.
    const cues = findCues(tokens, unit.firstToken, unit.endToken, lexicon).filter((c) => !insideQuotation(c.start))
    const frames: Array<Attribution> = []
    let from = unit.firstToken
    cues.forEach((cue, c) => {
      // "Ellis said this year's event promises to be the best yet": a cue inside the content an earlier
      // cue of the unit reports is part of what was reported, not a report of its own.
      const previous = frames[frames.length - 1]
      if (previous !== undefined && !previous.pattern.endsWith("content-before") && previous.start <= cue.start && cue.start < previous.end) return
      // A later cue after a comma ("…, adding that …", "…, sources said") closes this frame's content.
      const next = cues[c + 1]
      let to = unit.endToken
      if (next) {
        // (`…, compared with 23 percent who said …`: the relative pronoun's antecedent opens the next frame.)
        const relative = subjectEnd(tokens, next.firstToken, cue.endToken)
        const antecedent = next.cue.class !== "source" && relative > cue.endToken && wordOf(tokens[relative]) === "who"
        const nextSpeaker = next.cue.class === "source" ? null : antecedent ? relativeAntecedent(tokens, relative, cue.endToken) : speakerBefore(tokens, next.firstToken, cue.endToken)
        const boundary = nextSpeaker ? nextSpeaker.first : next.firstToken
        // (Also right after the cue: `"…," Trump said, adding later, "…"` is two statements, not one interrupted.)
        // (An antecedent after a bare comma is more often an apposition's: `Trump, the nominee, who has …`.)
        if (boundary >= cue.endToken && /[,;]/.test(tokens[boundary - 1].post) && !antecedent) to = boundary
        // "…, and three-fourths say …": a coordinated clause with its own speaker.
        // (Also a contrast: `46 percent said yes, while 23 percent said …`, `…, compared with 23 percent who said …`.)
        // (A share's hedge may stand between the link and the speaker phrase: `…, and more than 4 in 10 said …`,
        // `…, while only 49 percent of Republicans say …`.)
        else if (linkBefore(boundary) > cue.endToken && ["and", "but", "while", "whereas", "though", "although"].includes(wordOf(tokens[linkBefore(boundary)])) && /[,;]/.test(tokens[linkBefore(boundary) - 1].post)) to = linkBefore(boundary)
        else if (boundary - 2 > cue.endToken && wordOf(tokens[boundary - 2]) === "compared" && ["with", "to"].includes(wordOf(tokens[boundary - 1])) && /[,;]/.test(tokens[boundary - 3].post)) to = boundary - 2
        // "… said that A and predicted that B": a second cue that shares the subject.
        else if (!nextSpeaker) {
          const link = subjectEnd(tokens, next.firstToken, cue.endToken)
          if (link > cue.endToken && SAME_SUBJECT_LINKS.has(wordOf(tokens[link])) && !insideQuotation(tokens[link].start)) to = link
        }
      }
      const read = readFrame(unit, cue, from, to, frames[frames.length - 1] ?? null)
      if (!read || read.length === 0) return
      const frame = read[read.length - 1]
      if (frame.pattern.endsWith("content-before") || frame.pattern === "interrupted") {
        // The frame's content holds earlier frames of this unit ("X called for Y, sources said"):
        // those are reports inside the report; the outer attribution stands for them.
        for (let k = frames.length - 1; k >= 0; k--) if (frames[k].start >= frame.start && frames[k].end <= frame.end + 2) frames.splice(k, 1)
      }
      frames.push(...read)
      // A partial quote in a verb's object (`He called it “Very Bad News,” Smith said`) may sit in a
      // later frame's content: the content before the next cue still starts where this one's did.
      if (frame.pattern.endsWith("quoted-object")) return
      if (!frame.pattern.endsWith("content-before")) from = Math.max(from, to === unit.endToken ? from : to)
      else from = Math.max(from, cue.endToken)
    })
    attributions.push(...frames)
  }

  /**
   * A quotation inside a sentence that no frame read, right next to a cue of its sentence that no frame
   * used: the quotation ends with its comma and the cue follows within a few words (`“…,” Texas delegate
   * Bill Eastland, wearing a cowboy hat, said`), or a comma or colon after the cue and its adverbials opens
   * it (`Mr. Trump was prompted to say, “…”`, `Said Dorothy Poynter, who grew up with Ali, “…”`). The
   * frame failed on the speaker phrase; the quotation is the cue's all the same, said by the phrase the
   * word windows find next to the cue, else the parse's subject, else nobody found.
   */
  const nearbyCueFrame = (unit: Unit, q: Quotation): Attribution | null => {
    const first = tokens.findIndex((t) => t.start >= q.contentStart)
    const last = tokens.findLastIndex((t) => t.end <= q.contentEnd)
    if (first < unit.firstToken || last < first || last >= unit.endToken) return null
    // A quoted title names a work or a programme (`on CNN's “State of the Union,”`): nobody says it.
    if (endsWithQuotedTitle(unit.firstToken, last + 1)) return null
    const framesOf = (c: Cue) => attributions.filter((a) => a.cue?.start === c.start)
    const used = (c: Cue) => framesOf(c).length > 0
    // A cue whose only frame read its adverbials as an indirect statement (`As Michael Dell said last week in
    // Tel Aviv, “…”` gave "last week in Tel Aviv") introduces the quotation after them all the same.
    const misread = (c: Cue) => framesOf(c).every((a) => a.kind === "indirect" && a.start >= c.end && a.end <= q.start)
    const candidates = findCues(tokens, unit.firstToken, unit.endToken, lexicon)
      .filter((c) => !insideQuotation(c.start) && c.cue.class !== "source" && !c.cue.quotedObject && !c.cue.question)
    const cues = candidates.filter((c) => !used(c))
    const between = (a: number, b: number) => tokens.slice(a, b).some((t) => insideQuotation(t.start) || OPENING_MARK.test(t.pre))
    // After: `“…,” [speaker] cue` — the quotation closes on a comma (or a question or exclamation mark).
    // (Only a quotation that opens its sentence or follows a comma or colon: a quoted name inside a clause,
    // `Qandeel Baloch, nicknamed the “Kim Kardashian of Pakistan,” had … and wrote about …`, is nobody's words.)
    const opensClause = /(^|[,:;])\s*$/.test(text.slice(unit.start, q.start).replace(/^\W*(but|and|yet)\b\W*/i, ""))
    const closesOnComma = opensClause && (/^[,!?]/.test(text.slice(q.contentEnd - 1, q.contentEnd)) || /^[,]/.test(text.slice(q.end, q.end + 1)))
    const after = closesOnComma ? cues.find((c) => c.firstToken > last && c.firstToken - last <= 20 && !between(last + 1, c.firstToken)) : undefined
    // Before: `cue [adverbials], “…”` or `cue: “…”`.
    const before = after === undefined && first - 1 >= unit.firstToken && /[,:]\s*$/.test(tokens[first - 1].post.replace(/["“”]|''|``/g, ""))
      ? candidates.filter((c) => (!used(c) || misread(c)) && c.endToken <= first && first - c.endToken <= 14 && !between(c.endToken, first)).pop() : undefined
    const cue = after ?? before
    if (cue === undefined) return null
    for (const misreadFrame of framesOf(cue)) attributions.splice(attributions.indexOf(misreadFrame), 1)
    // (An inverted speaker may be a description: `“…,” said one well-connected Democrat familiar with …`.)
    const inverted = (end: number) => speakerAfter(tokens, cue.endToken, end) ?? speakerAfter(tokens, cue.endToken, end, true, false, true)
    const windows = after !== undefined
      ? cue.firstToken === last + 1 ? inverted(unit.endToken) : speakerBefore(tokens, cue.firstToken, last + 1)
      : speakerBefore(tokens, cue.firstToken, unit.firstToken) ?? (cue.endToken < first ? inverted(first) : null)
    const speaker = windows ?? parseSpeaker(cue, unit.firstToken, unit.endToken)
    const pattern = windows !== null ? (windows.first > cue.firstToken ? "speaker-after-cue" : "speaker-before-cue") : speaker !== null ? "parse-subject" : "cue-only"
    return {
      unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: `${pattern}.${after !== undefined ? "content-before" : "content-after"}.next-to-cue`,
      speaker: speaker && phraseOffsets(tokens, speaker), inheritsFrom: null, cue, addressee: null, gaps: []
    }
  }

  // Quotations no frame covers.
  const covered = (q: Quotation) => attributions.some((a) => a.start < q.contentEnd && a.end > q.contentStart)
  const unitAt = (offset: number) => units.find((u) => u.start <= offset && offset < u.end) ?? null
  const byStart = () => [...attributions].sort((a, b) => a.start - b.start)
  for (const q of quotations) {
    if (covered(q)) continue
    const unit = unitAt(q.contentStart)
    if (!unit) continue
    const content = text.slice(q.contentStart, q.contentEnd)
    const words = wordCount(content)
    const before = text.slice(unit.start, q.start)
    const after = text.slice(q.end, unit.end)
    const unitTokens = tokens.slice(unit.firstToken, unit.endToken)
    // `Dr. Ward stated:` ending a paragraph, the quotation opening the next: the cue's. Its speaker is
    // the cue's subject, before it (`he declared:`), after it (`Stated Stone:`) or the parse's.
    const lead = unit.index > 0 ? units[unit.index - 1] : null
    if (lead !== null && lead.paragraph < unit.paragraph && !/[\p{L}\p{N}]/u.test(before) && words >= 2 && /:/.test(tokens[lead.endToken - 1].post)) {
      const cue = findCues(tokens, lead.firstToken, lead.endToken, lexicon)
        .filter((c) => !insideQuotation(c.start) && c.cue.class !== "source" && !c.cue.quotedObject && lead.endToken - c.endToken <= 25).pop()
      const framed = cue !== undefined && attributions.some((a) => a.cue?.start === cue.start)
      if (cue !== undefined && !framed && !/ing$/.test(wordOf(tokens[cue.firstToken]))) {
        const before = speakerBefore(tokens, cue.firstToken, lead.firstToken)
        const inverted = before === null && cue.firstToken === lead.firstToken ? speakerAfter(tokens, cue.endToken, lead.endToken) : null
        const parsed = before === null && inverted === null ? parseSpeaker(cue, lead.firstToken, lead.endToken) : null
        const speaker = before ?? inverted ?? parsed
        if (speaker !== null && !NOT_A_SPEAKER.has(wordOf(tokens[speaker.first]))) {
          const pattern = before !== null ? "speaker-before-cue" : inverted !== null ? "speaker-after-cue" : "parse-subject"
          attributions.push({ unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: `${pattern}.content-next-paragraph`, speaker: phraseOffsets(tokens, speaker), inheritsFrom: null, cue, addressee: null, gaps: [] })
          continue
        }
      }
    }
    // `The coach was blunt: “…”`, `Smith had a message for fans: “…”`: a clause and a colon introduce
    // the quote, which its subject says.
    const clauseLeadIn = /^\s*([^:"“”]{2,160}):\s*$/.exec(before)
    if (clauseLeadIn && words >= 2) {
      const last = unitTokens.findLastIndex((t) => t.end <= q.start) + unit.firstToken
      const verb = tokens.slice(unit.firstToken, last + 1).findIndex((t) => t.tags.includes("Verb")) + unit.firstToken
      const subject = verb > unit.firstToken ? sentenceSubject(tokens, unit.firstToken, verb + 1, true) : null
      if (subject && subject.end - 1 === subjectEnd(tokens, verb, unit.firstToken) && !NOT_A_SPEAKER.has(wordOf(tokens[subject.first]))) {
        attributions.push({ unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: "lead-in.clause-subject", speaker: phraseOffsets(tokens, subject), inheritsFrom: null, cue: null, addressee: null, gaps: [] })
        continue
      }
    }
    // "Hassett: “…”" — a name and a colon introduce the quote.
    const leadIn = /^\s*([^:"“”]{2,60}):\s*$/.exec(before)
    if (leadIn && words >= 2) {
      const speakerTokens = unitTokens.filter((t) => t.end <= q.start && t.start >= unit.start)
      if (speakerTokens.length > 0 && speakerTokens.length <= 8 && speakerTokens.some((t) => t.tags.includes("ProperNoun") || /^\p{Lu}/u.test(t.text))) {
        const first = speakerTokens[0]
        const last = speakerTokens[speakerTokens.length - 1]
        attributions.push({ unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: "lead-in", speaker: { start: first.start, end: last.end }, inheritsFrom: null, cue: null, addressee: null, gaps: [] })
        continue
      }
    }
    // "“…” — Kevin Hassett" — a dash trailer names the speaker.
    const trailer = /^\s*[—–-]{1,2}\s*/.exec(text.slice(q.end, q.end + 4))
    if (trailer && words >= 3) {
      const trailerStart = q.end + trailer[0].length
      // The trailer's sentence from its start (tokens are in text order and sentences contiguous; a
      // search of all tokens for each token cost the cube of a long article's length).
      let from = 0
      for (let high = tokens.length; from < high;) {
        const mid = (from + high) >> 1
        if (tokens[mid].start < trailerStart) from = mid + 1
        else high = mid
      }
      const nameTokens: Array<Token> = []
      for (let k = from; k < tokens.length && tokens[k].sentence === tokens[from].sentence; k++) nameTokens.push(tokens[k])
      const name = [] as Array<Token>
      for (const t of nameTokens) {
        if (!/^\p{Lu}/u.test(t.text) && name.length === 0) break
        name.push(t)
        if (/[,.;]/.test(t.post) || name.length >= 4) break
      }
      if (name.length > 0 && name.every((t) => /^\p{Lu}/u.test(t.text))) {
        attributions.push({ unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: "trailer", speaker: { start: name[0].start, end: name[name.length - 1].end }, inheritsFrom: null, cue: null, addressee: null, gaps: [] })
        continue
      }
    }
    const standsAlone = !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)
    if (!standsAlone) {
      const nearby = words >= 3 ? nearbyCueFrame(unit, q) : null
      if (nearby !== null) attributions.push(nearby)
      continue
    }
    if (words < 3) continue
    // A quote that is a sentence of its own continues the previous speaker's quote nearby.
    const earlier = byStart().filter((a) => a.end <= q.start)
    const quotedBefore = earlier.filter((a) => a.kind !== "indirect").pop()
    // Else a reported statement right before it in its paragraph:
    // `Mr Fox said closures did not work. "If you close for 24 hours …"`.
    const reported = earlier[earlier.length - 1]
    const reportedJustBefore = reported?.kind === "indirect" && reported.unit.paragraph === unit.paragraph && unit.index - reported.unit.index === 1
    const near = (a: Attribution | undefined) => a !== undefined && a.unit.paragraph >= unit.paragraph - 1 && unit.index - a.unit.index <= 2
    const previous = near(quotedBefore) ? quotedBefore : reportedJustBefore ? reported : undefined
    if (previous) {
      // `"…," he said. "…"`, also over a paragraph break when the previous quote ends before its
      // attribution: one statement that its attribution interrupts; one row whose span runs over both
      // parts (and the attribution between them), as PolNeAR annotates it.
      const endsBeforeAttribution = previous.pattern.endsWith("content-before") || previous.pattern.includes("continued")
      // In its paragraph the attribution may run over more than one sentence as the segmenter cuts
      // it (`“…,” said Sara Walker, 44, a home-care aide from Nashua who …. “…”`), and one sentence of the
      // writer's may follow it (`“…,” Woolson said. They also lie in a media market dead zone. “…”`, which
      // PolNeAR annotates as one attribution): what matters is that no other attribution and at most
      // three full stops (an abbreviation's counts: `a U.S. citizen`) and no other quotation stand between,
      // within two units (`near`).
      // (PolNeAR train, all 840 articles: 3 more matches, 8 fewer rows that matched nothing.)
      const between = text.slice(previous.end, q.start)
      const onlyItsAttribution = previous.unit.paragraph === unit.paragraph && endsBeforeAttribution && previous.cue !== null &&
        previous.cue.start >= previous.end && previous.cue.end <= q.start && (between.match(/[.!?]["”']?(\s+|$)/g) ?? []).length <= 3 &&
        !quotations.some((other) => other.start >= previous.end && other.end <= q.start) &&
        !attributions.some((other) => other !== previous && other.start >= previous.end && other.start < q.start)
      const adjacent = onlyItsAttribution || (unit.index - previous.unit.index === 1 &&
        (previous.unit.paragraph === unit.paragraph || (unit.paragraph === previous.unit.paragraph + 1 && endsBeforeAttribution)))
      const quoted = previous.kind === "direct" || (previous.kind === "mixed" && endsBeforeAttribution)
      if (adjacent && quoted) {
        previous.gaps.push({ start: previous.end, end: q.contentStart })
        previous.end = q.contentEnd
        previous.pattern = `${previous.pattern}+continued`
        continue
      }
      attributions.push({ unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: "continued", speaker: null, inheritsFrom: previous, cue: null, addressee: null, gaps: [] })
      continue
    }
    if (words >= MIN_UNATTRIBUTED_WORDS) {
      attributions.push({ unit, start: q.contentStart, end: q.contentEnd, kind: "direct", pattern: "unattributed", speaker: null, inheritsFrom: null, cue: null, addressee: null, gaps: [] })
    }
  }

  /**
   * The pieces of a quotation: the words around each gap (the attribution inside its span) and around
   * each paragraph break (`…goes on.\n\n“The second part …`), each trimmed of its quotation marks,
   * clause punctuation and spaces; an indirect piece also of its full stop. Pieces with no word are
   * left out.
   */
  const piecesOf = (a: Attribution): Array<{ start: number; end: number }> => {
    const raw: Array<{ start: number; end: number }> = []
    let at = a.start
    for (const gap of a.gaps) {
      raw.push({ start: at, end: gap.start })
      at = gap.end
    }
    raw.push({ start: at, end: a.end })
    const split = raw.flatMap((piece) => {
      const out: Array<{ start: number; end: number }> = []
      let from = piece.start
      for (const br of text.slice(piece.start, piece.end).matchAll(/\n\s*\n/g)) {
        out.push({ start: from, end: piece.start + br.index })
        from = piece.start + br.index + br[0].length
      }
      out.push({ start: from, end: piece.end })
      return out
    })
    return split.flatMap(({ start, end }) => {
      for (;;) {
        const lead = /^(?:[\s,;:—–"“”„«»]|''|``)+/u.exec(text.slice(start, end))
        if (!lead) break
        start += lead[0].length
      }
      for (;;) {
        const trail = (a.kind === "indirect" ? /(?:[\s,;:—–"“”„«».]|'')+$/u : /(?:[\s,;:—–"“”„«»]|'')+$/u).exec(text.slice(start, end))
        if (!trail) break
        end -= trail[0].length
      }
      return /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? [{ start, end }] : []
    })
  }

  /** The parts of [start, end) in the writer's words: a name inside a quotation is no subject of the text's. */
  const outsideQuotations = (start: number, end: number): Array<{ start: number; end: number }> => {
    const parts: Array<{ start: number; end: number }> = []
    let at = start
    for (const q of quotations) {
      if (q.end <= at || q.start >= end) continue
      if (q.start > at) parts.push({ start: at, end: q.start })
      at = Math.max(at, q.end)
    }
    if (at < end) parts.push({ start: at, end })
    return parts
  }

  // Resolve speakers in document order.
  const sorted = byStart()
  // Speakers named by a description ("the company said", "the governor said") are resolved here by their
  // own rules (`actorByDescription`, `actorByTitle`), not by the actors extractor's description mentions.
  const mentions = actors.mentions.filter((m) => !m.rule.startsWith("description:")).sort((a, b) => a.start - b.start)
  const actorsByKey = new Map<string, LocalActor>(actors.actors.map((a) => [a.key, a]))
  const speakerContext: SpeakerContext = { actors, actorsByKey, pronouns: lexicon.pronouns, mentions, text }
  const resolvedOf = new Map<Attribution, ResolvedSpeaker & { speaker: { start: number; end: number } | null }>()
  const quotes: Array<QuoteMention> = []
  /** Each diagnostic with the index of its quote, so a quote given up takes its diagnostics along. */
  const diagnostics: Array<Diagnostic & { quote: number }> = []
  let lastSpeaker: { key: string; unit: number } | null = null
  let quotationCount = 0
  const emitted = new Set<string>()
  const cueDistance = (a: Attribution) => (a.cue === null ? Infinity : Math.abs(a.start - a.cue.end))
  const nearerFrame = (a: Attribution) =>
    sorted.some((b) => b !== a && b.start === a.start && b.end === a.end && (cueDistance(b) < cueDistance(a) || (cueDistance(b) === cueDistance(a) && sorted.indexOf(b) < sorted.indexOf(a))))
  for (const a of sorted) {
    let speaker = a.speaker
    let resolved: ResolvedSpeaker = { actorKey: null, resolution: "none" }
    if (a.inheritsFrom) {
      const inherited = resolvedOf.get(a.inheritsFrom)
      // A quote after a reported statement is taken as the same person's; an organisation or country
      // there is more often a misread subject ("Iraq, they insisted, …") than the voice of the quote.
      const reporter = inherited?.actorKey ? speakerContext.actorsByKey.get(inherited.actorKey) : undefined
      if (a.inheritsFrom.kind !== "indirect" || reporter?.kind === "person") {
        speaker = inherited?.speaker ?? a.inheritsFrom.speaker
        resolved = { actorKey: inherited?.actorKey ?? null, resolution: "previous-speaker" }
      }
    } else if (speaker) {
      const phrase = text.slice(speaker.start, speaker.end)
      const pronoun = lexicon.pronouns.get(phrase.toLowerCase())
      const recent = lastSpeaker !== null && a.unit.index - lastSpeaker.unit <= 3 ? lastSpeaker.key : null
      if (pronoun?.speaker === true) {
        resolved = turnSpeaker(speakerContext, speaker.start) ?? resolved
      } else if (pronoun?.listener === true) {
        resolved = turnListener(speakerContext, speaker.start) ?? resolved
      } else if (pronoun) {
        const previousUnit = a.unit.index > 0 ? units[a.unit.index - 1] : null
        resolved = resolvePronoun(speakerContext, pronoun, speaker.start, {
          previousSpeaker: recent,
          since: recent === null ? [] : units.slice(lastSpeaker!.unit + 1, a.unit.index + 1).flatMap((u) => outsideQuotations(u.start, Math.min(u.end, speaker!.start))),
          unitStart: a.unit.start,
          previousUnit,
          searchFrom: units[Math.max(0, a.unit.index - 5)].start,
          quoted: insideQuotation
        }) ?? resolved
      } else {
        resolved = actorByTitle(speakerContext, speaker.start, speaker.end) ??
          actorByDescription(speakerContext, lexicon.descriptions, speaker.start, speaker.end, recent) ??
          actorInPhrase(speakerContext, speaker.start, speaker.end) ?? resolved
      }
    }
    resolvedOf.set(a, { ...resolved, speaker })
    // An indirect or mixed quote with a cue is a candidate the trained filter judges (filter.ts); one
    // it rejects is no row, and leaves a `quote.filtered` note with its probability.
    let features: ReadonlyArray<string> | null = null
    if (a.kind !== "direct" && a.cue !== null && (filter !== null || options.onCandidate !== undefined)) {
      const phrase = speaker ? text.slice(speaker.start, speaker.end).toLowerCase() : null
      const actor = resolved.actorKey === null ? undefined : actorsByKey.get(resolved.actorKey)
      const speakerKind = actor?.kind ?? (speaker === null ? "none" : lexicon.pronouns.has(phrase!) ? "pronoun" : "unresolved")
      features = filterFeatures(context.doc, text, {
        start: a.start, end: a.end, kind: a.kind, pattern: a.pattern, cue: a.cue, speakerKind,
        addressee: a.addressee !== null, unitIndex: a.unit.index, paragraph: a.unit.paragraph
      })
      const judged = filter?.judge(features)
      if (judged !== undefined && !judged.keep) {
        if (!nearerFrame(a)) {
          diagnostics.push({
            quote: -1,
            input_id: context.inputId,
            stage: "extract",
            rule: "quote.filtered",
            severity: "info",
            message: `candidate quote left out by the quote filter (p = ${judged.probability.toFixed(3)} < ${filter!.model.threshold}): "${text.slice(a.start, Math.min(a.end, a.start + 60))}${a.end - a.start > 60 ? "…" : ""}"`,
            start: a.start,
            end: a.end
          })
        }
        continue
      }
    }
    if (resolved.actorKey !== null) lastSpeaker = { key: resolved.actorKey, unit: a.unit.index }
    const cue = a.cue
    const lemma = cue ? cue.cue.lemma.replace(/ /g, "-") : null
    // `who said`: the row shows the relative pronoun, as it shows `He`, resolved through its antecedent.
    const shown = a.inheritsFrom === null && a.relativePronoun ? a.relativePronoun : speaker
    const resolution = shown !== speaker ? `antecedent.${resolved.resolution}` : resolved.resolution
    const rule = `quote.${a.kind}.${a.pattern}${lemma && !a.pattern.startsWith(lemma) ? `.${lemma}` : ""};speaker.${resolution}`
    // Two cues may frame the same words (`…, adding that Jones said: “…”`): the one nearest the words
    // reports them (Jones), and a piece is one row, so quote_id stays a unique key.
    if (nearerFrame(a)) continue
    const pieces = piecesOf(a).filter((piece) => !emitted.has(`${piece.start}:${piece.end}`))
    if (pieces.length === 0) continue
    for (const piece of pieces) emitted.add(`${piece.start}:${piece.end}`)
    const quotation = quotationCount++
    if (features !== null) options.onCandidate?.({ quotation, features })
    pieces.forEach((piece, k) => quotes.push({
      start: piece.start,
      end: piece.end,
      text: text.slice(piece.start, piece.end),
      quotation,
      part: k + 1,
      kind: a.kind,
      speakerKey: resolved.actorKey,
      speakerText: shown ? text.slice(shown.start, shown.end) : null,
      speakerStart: shown?.start ?? null,
      speakerEnd: shown?.end ?? null,
      cue: cue ? text.slice(cue.start, cue.end) : null,
      cueLemma: cue?.cue.lemma ?? null,
      cueStart: cue?.start ?? null,
      cueEnd: cue?.end ?? null,
      addressee: a.addressee ? text.slice(a.addressee.start, a.addressee.end) : null,
      rule
    }))
    if (speaker === null) {
      diagnostics.push({
        quote: quotes.length - 1,
        input_id: context.inputId,
        stage: "extract",
        rule: "quote.no-speaker",
        severity: "warning",
        message: `quote without a speaker: "${text.slice(a.start, Math.min(a.end, a.start + 60))}${a.end - a.start > 60 ? "…" : ""}"`,
        start: a.start,
        end: a.end
      })
    } else if (resolved.actorKey === null) {
      diagnostics.push({
        quote: quotes.length - 1,
        input_id: context.inputId,
        stage: "extract",
        rule: "quote.speaker-unresolved",
        severity: "info",
        message: `speaker "${text.slice(speaker.start, speaker.end)}" is not linked to an actor`,
        start: speaker.start,
        end: speaker.end
      })
    }
  }
  return { quotes, diagnostics: diagnostics.map(({ quote: _, ...diagnostic }) => diagnostic) }
}
