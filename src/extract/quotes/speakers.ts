/**
 * Who is speaking: the noun phrase that the attribution names as its source (`attributeSpeaker`), and
 * the actor it refers to (`resolveSpeaker`): by a name or title mention inside the phrase, or for a
 * pronoun by the most recent fitting actor (previous speaker first, then the subject of the sentence
 * or of the one before, then the nearest mention), by gender and number where known.
 */
import type { Token } from "../../model/document.ts"
import type { ActorMention, LocalActor } from "../../model/extraction.ts"
import type { ActorExtraction } from "../context.ts"
import { clearFavourite } from "../context.ts"
import { actorLexicon } from "../actors/lexicon.ts"
import { quotesLexicon } from "./lexicon.ts"
import type { SpeakerPronoun } from "./lexicon.ts"
import { wordOf } from "./cues.ts"
import { OPENING_MARK } from "./quotations.ts"
import { hasRelation } from "../../segment/syntax.ts"

export interface TokenRange {
  readonly first: number
  /** One past the last token. */
  readonly end: number
}

const NOUN_PHRASE_TAGS = ["Noun", "ProperNoun", "Pronoun", "Determiner", "Adjective", "Possessive", "Value", "Acronym", "Honorific", "Abbreviation", "Organization", "Person", "Place"]
const NOUN_PHRASE_LINKS = new Set(["of", "for", "at", "from", "in", "and", "&", "the", "on", "to", "with"])
/** Words between a subject and its cue: "he also said", "Trump has repeatedly said", "she is saying". */
const CUE_MODIFIERS = new Set(["also", "later", "earlier", "then", "has", "have", "had", "will", "would", "previously", "once", "again", "reportedly", "recently", "repeatedly", "further", "simply", "just", "publicly", "privately", "separately", "frequently", "often", "did", "does", "do", "first", "since", "already", "quickly", "flatly", "bluntly", "only", "still", "even", "famously", "subsequently", "elsewhere", "specifically", "initially", "directly", "explicitly", "openly", "angrily", "may", "might", "could", "should", "can", "shall",
  // Progressive and time words of live-blog reporting: "Trump is warning voters that …", "Clinton now says …".
  "is", "are", "was", "were", "been", "now", "currently", "today", "yesterday", "tonight", "formally", "officially", "falsely", "wrongly", "long"])
/** Words that end a noun phrase even though compromise may tag them as nouns or adjectives. */
const PHRASE_STOPS = new Set(["that", "who", "which", "whose", "where", "when", "while", "as", "but", "because", "if", "said", "says", "according"])
/** Punctuation after a token that ends a speaker phrase (parentheses do not: "Rep. Gwen Moore (D-Wis.)"). */
const BOUNDARY_AFTER = /["“”„«»:;\[\]—–]|''|``/

const isNounPhraseWord = (t: Token) => {
  const word = wordOf(t)
  if (PHRASE_STOPS.has(word)) return false
  if (NOUN_PHRASE_LINKS.has(word)) return true
  // A verb is no noun, unless the trained tagger reads it as one (`The Trump campaign on Tuesday
  // responded`: compromise reads `campaign` as a verb after the name).
  if (t.tags.includes("Verb") && !t.tags.includes("Noun") && !t.tags.includes("ProperNoun")) return false
  if (NOUN_PHRASE_TAGS.some((tag) => t.tags.includes(tag))) return true
  // A capital says nothing of a sentence's first word: "Though she said", "Maybe he said".
  return /^\p{Lu}/u.test(t.text) && !SENTENCE_OPENER_TAGS.some((tag) => t.tags.includes(tag))
}
/**
 * A participle the tagger reads as a verb but the parse hangs on a noun (as the tagger reads it) of the phrase as an adjective,
 * after a determiner or another word of the phrase: `the unsigned opinion`, `said one unaligned strategist`.
 */
const isParsedAdjective = (tokens: ReadonlyArray<Token>, k: number, phraseEnd: number) => {
  const t = tokens[k]
  return k > 0 && hasRelation(t.deprel, "amod") && t.head > k && t.head <= phraseEnd && /^\p{Ll}+ed$/u.test(t.text) && tokens[t.head].tags.includes("Noun") &&
    (tokens[k - 1].tags.includes("Determiner") || isNounPhraseWord(tokens[k - 1]))
}
/**
 * A word the tagger reads as a verb but the parse hangs on a later noun of the phrase as a compound:
 * `“…,” State spokesman Mark Toner said` (compromise tags `State` an imperative), `Sanders campaign
 * manager Jeff Weaver said` (`campaign` a verb). A lower-case one stands inside a phrase, after a word
 * of it, and is no past or -ing form; a capitalised one may also be the parse's adjective.
 */
const isParsedNameModifier = (tokens: ReadonlyArray<Token>, k: number, phraseEnd: number) => {
  const t = tokens[k]
  if (!t.tags.includes("Verb") || t.head <= k || t.head > phraseEnd || !tokens[t.head].tags.includes("Noun")) return false
  if (/^\p{Lu}\p{Ll}/u.test(t.text)) return hasRelation(t.deprel, "compound") || hasRelation(t.deprel, "amod")
  return hasRelation(t.deprel, "compound") && !["PastTense", "Gerund", "Participle"].some((tag) => t.tags.includes(tag)) &&
    k > 0 && tokens[k - 1].post.trim() === "" && isNounPhraseWord(tokens[k - 1])
}
const SENTENCE_OPENER_TAGS = ["Conjunction", "Adverb", "Preposition"]
/** A capitalised word compromise did not tag as a name, that is not a function word: "Weingarten" read as a verb. */
const isCapitalisedName = (t: Token) =>
  /^\p{Lu}\p{Ll}/u.test(t.text) && !["Determiner", "Adverb", "Conjunction", "Preposition", "Pronoun", "Gerund"].some((tag) => t.tags.includes(tag))
const isNamedWord = (t: Token) => t.tags.includes("ProperNoun") || t.tags.includes("Pronoun") || (/^\p{Lu}/u.test(t.text) && !t.tags.includes("Determiner"))
/** A word that can head a speaker phrase; a share of people counts ("42% say", "three-fourths say"). */
const isHeadWord = (t: Token) =>
  (["Noun", "ProperNoun", "Pronoun", "Percent", "Fraction"].some((tag) => t.tags.includes(tag)) || /^\p{Lu}/u.test(t.text)) && !NOUN_PHRASE_LINKS.has(wordOf(t))

/** Trims linking words ("of", "and") from both ends of a phrase. */
const trimLinks = (tokens: ReadonlyArray<Token>, range: TokenRange): TokenRange | null => {
  let { end, first } = range
  while (first < end && (NOUN_PHRASE_LINKS.has(wordOf(tokens[first])) && wordOf(tokens[first]) !== "the")) first++
  while (end > first && !isHeadWord(tokens[end - 1])) end--
  return end > first ? { first, end } : null
}

/** Words that name a share of people without a number: `half`, `a third`, `most`. */
const SHARE_OF_PEOPLE = new Set(["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "minority", "most", "plurality"])

const NOT_A_NOUN_USE = ["Auxiliary", "Copula", "Modal", "PastTense", "Gerund", "Participle", "Adverb"]
const NOUN_PHRASE_OPENERS = ["Determiner", "Possessive", "ProperNoun", "Adjective", "Value"]

/**
 * A noun that compromise tagged as a verb because a verb follows it ("The Clinton campaign says …",
 * "one slide says …"): two verbs in a row cannot both be the clause's verb, so a bare present-tense
 * "verb" right after a determiner, possessive, name, adjective or number and right before the cue is
 * the subject's head noun.
 */
const isMisTaggedHeadNoun = (tokens: ReadonlyArray<Token>, i: number): boolean => {
  const t = tokens[i]
  const prev = tokens[i - 1]
  if (!t.tags.includes("Verb") || NOT_A_NOUN_USE.some((tag) => t.tags.includes(tag)) || /[;:]/.test(t.post)) return false
  if (prev === undefined || prev.sentence !== t.sentence || prev.post.trim() !== "") return false
  // Before a comma (an apposition's end: `David Axelrod, the chief strategist of Barack Obama's 2008
  // campaign, said`) only after a determiner, a possessive or a number.
  const openers = /,/.test(t.post) ? ["Determiner", "Possessive", "Value"] : NOUN_PHRASE_OPENERS
  return openers.some((tag) => prev.tags.includes(tag))
}

/**
 * A head of people that is no noun to the tagger: a count of a share (`About 4 in 10 say`, `one in
 * five said`) or a participle after `those` or a plural noun (`those surveyed say`, `Cuban-Americans
 * polled said`): the people the participle picks out.
 */
const isPeopleHead = (tokens: ReadonlyArray<Token>, i: number, unitFirst: number): boolean => {
  const t = tokens[i]
  const joined = (k: number) => k >= unitFirst && !/[,;:()—–"“”]/.test(tokens[k].post)
  if (!joined(i - 1)) return false
  const before = tokens[i - 1]
  const share = t.tags.includes("Value") && wordOf(before) === "in" && joined(i - 2) && tokens[i - 2].tags.includes("Value")
  const people = wordOf(before) === "those" || (before.tags.includes("Plural") && /s$/.test(wordOf(before)))
  return share || (isPastParticiple(t) && /ed$/.test(wordOf(t)) && people)
}

/**
 * "housing spokesman": a lower-case "-ing" word before a person's role (a title head, or a noun
 * compromise tags Actor) is in its phrase, not a verb ("supporting Clinton", "requiring candidates").
 */
const isGerundModifier = (t: Token, next: Token) =>
  t.tags.includes("Gerund") && /^\p{Ll}/u.test(t.text) && /^\p{Ll}/u.test(next.text) &&
  (next.tags.includes("Actor") || actorLexicon().titleHeads.has(wordOf(next).replace(/s$/, "")))

/**
 * "…, top black lawmakers said": compromise tags "top" a bare verb, but a clause that opens after a
 * comma with a bare lower-case verb before a noun phrase and its cue is no command; the word
 * modifies the subject.
 */
const opensClauseAsModifier = (tokens: ReadonlyArray<Token>, i: number, unitFirst: number): boolean => {
  const t = tokens[i]
  const next = tokens[i + 1]
  const opensClause = i === unitFirst || /,\s*$/.test(tokens[i - 1].post)
  const describes = next !== undefined && (next.tags.includes("Adjective") || (next.tags.includes("Noun") && !["Date", "Value", "Pronoun"].some((tag) => next.tags.includes(tag))))
  return opensClause && t.tags.includes("Infinitive") && /^\p{Ll}+$/u.test(t.text) && describes
}

/**
 * A word between a subject and its cue: a listed one, or a lower-case "-ly" adverb ("Cruz gingerly
 * said"); not a name that is spelled like one ("Theresa May said").
 */
const isCueModifier = (t: Token) =>
  (CUE_MODIFIERS.has(wordOf(t)) && !t.tags.includes("Person")) || (t.tags.includes("Adverb") && /^\p{Ll}+ly$/u.test(t.text))

/**
 * Verbs of aspect before `to` that leave the cue a statement made (`went on to say`, `was quick to
 * add`, `continued to insist`), unlike a request or expectation (`urged voters to say`, `is expected to
 * announce`). Each is the words before `to`, last word first.
 */
const ASPECT_BEFORE_TO: ReadonlyArray<ReadonlyArray<string>> = [
  ["on", "went"], ["on", "goes"], ["on", "go"], ["on", "going"], ["on", "gone"],
  ["quick", "was"], ["quick", "were"], ["quick", "is"], ["quick", "are"],
  ["continued"], ["continues"], ["continue"], ["proceeded"], ["hastened"]
]

/** The first token of an aspect phrase and its `to` ending right before `cueFirst`, or `cueFirst`. */
const aspectBefore = (tokens: ReadonlyArray<Token>, cueFirst: number, unitFirst: number): number => {
  const to = cueFirst - 1
  if (to <= unitFirst || wordOf(tokens[to]) !== "to") return cueFirst
  const phrase = ASPECT_BEFORE_TO.find((words) => to - words.length >= unitFirst && words.every((w, k) => wordOf(tokens[to - 1 - k]) === w && tokens[to - 1 - k].post.trim() === ""))
  return phrase === undefined ? cueFirst : to - phrase.length
}

/** Skips cue modifiers (and an aspect verb with its `to`) before a cue; returns the index of the last token of the subject, or -1. */
export const subjectEnd = (tokens: ReadonlyArray<Token>, cueFirst: number, unitFirst: number): number => {
  let j = aspectBefore(tokens, cueFirst, unitFirst) - 1
  // A modifier before a comma ends another clause: `coming into the country illegally, saying …`.
  while (j >= unitFirst && isCueModifier(tokens[j]) && !BOUNDARY_AFTER.test(tokens[j].post) && !/,/.test(tokens[j].post)) j--
  return j
}

/** A day or a span of time ("Friday", "month"); not a month's name, which may be a name ("Theresa May"). */
export const isTimeWord = (t: Token) => t.tags.includes("Date") && !["Month", "Person", "Organization", "ProperNoun"].some((tag) => t.tags.includes(tag))
/** Words that end a time phrase: "the day before", "two weeks ago". */
const TIME_AFTER = new Set(["before", "after", "ago", "earlier", "later"])
/** Words that open a time phrase before a cue: "on Tuesday", "just this month", "earlier this year". */
const TIME_LEADS = new Set(["on", "in", "this", "last", "next", "past", "that", "the", "early", "earlier", "late", "later", "just", "each", "every"])
const isPastParticiple = (t: Token) => t.tags.includes("PastTense") || t.tags.includes("Participle")

/**
 * The end of the subject when a time phrase stands between it and the cue: "Wells Fargo just this
 * month announced", "Obama on Tuesday said", "The report released Friday said" (the participle
 * describes the subject). Otherwise `last` itself.
 */
const subjectBeforeTime = (tokens: ReadonlyArray<Token>, last: number, unitFirst: number): number => {
  if (last < unitFirst || !isTimeWord(tokens[last]) || /,/.test(tokens[last].post)) return last
  let k = last
  while (k - 1 >= unitFirst && (isTimeWord(tokens[k - 1]) || TIME_LEADS.has(wordOf(tokens[k - 1]))) && !/,/.test(tokens[k - 1].post)) k--
  // "around one quarter said": a number makes the time word an amount of people.
  if (k - 1 >= unitFirst && tokens[k - 1].tags.includes("Value")) return last
  let subject = subjectEnd(tokens, k, unitFirst)
  const joined = (i: number) => i >= unitFirst && !/,/.test(tokens[i].post) && !BOUNDARY_AFTER.test(tokens[i].post)
  if (joined(subject) && isPastParticiple(tokens[subject]) && joined(subject - 1) && isNounPhraseWord(tokens[subject - 1])) subject--
  return joined(subject) && isNounPhraseWord(tokens[subject]) && !NOUN_PHRASE_LINKS.has(wordOf(tokens[subject])) ? subject : last
}

/**
 * The subject's last token when a short parenthesis stands between it and the cue: "Paul D. Ryan
 * (R-Wis.) said", "Nancy Pelosi (D-Calif.) told", "the Office for National Statistics (ONS) said".
 * Otherwise `last`.
 */
const beforeParenthesis = (tokens: ReadonlyArray<Token>, last: number, unitFirst: number): number => {
  // A comma after the parenthesis ends a clause there: "is suing Hewlett Packard (HP), saying …".
  if (last < unitFirst || !/^\.?\)\s*$/.test(tokens[last].post)) return last
  let open = last
  while (open > unitFirst && !tokens[open].pre.includes("(") && last - open < 4) open--
  if (!tokens[open].pre.includes("(") || open - 1 < unitFirst || tokens[open - 1].post.trim() !== "") return last
  return open - 1
}

/** Whether tokens first..last are the state or country after a place and its comma: `Flint, Mich.`, `Columbus, Ohio`. */
const isStateOfPlace = (tokens: ReadonlyArray<Token>, first: number, last: number, unitFirst: number): boolean =>
  first - 1 >= unitFirst && last - first <= 1 && /,/.test(tokens[first - 1].post) &&
  (tokens[first - 1].tags.includes("Place") || tokens[first - 1].tags.includes("ProperNoun")) &&
  tokens.slice(first, last + 1).every((t) => t.tags.includes("Place") || /^\p{Lu}[\p{L}.]{0,4}\.$/u.test(t.text + t.post.trim().replace(/,$/, "")))

/** Relations of a comma-enclosed aside that modifies the cue's clause: `, of course,`, `, in fact,`, `, for his part,`. */
const ASIDE_RELATIONS = ["advmod", "obl", "discourse"]

/**
 * The last token before a short aside between two commas right before the cue (`Andrew Liveris, of
 * course, said`), where the parse hangs the aside on the cue as an adverbial or oblique; otherwise `last`.
 * An apposition (`Smith, a lawyer, said`) hangs on the name and stays.
 */
const beforeAside = (tokens: ReadonlyArray<Token>, last: number, unitFirst: number, cueFirst: number): number => {
  if (last < unitFirst || !/,/.test(tokens[last].post)) return last
  let k = last
  while (k - 1 >= unitFirst && !/[,;:()—–"“”]/.test(tokens[k - 1].post) && last - k < 3) k--
  if (k - 1 < unitFirst || !/,/.test(tokens[k - 1].post)) return last
  const inAside = (h: number) => h >= k && h <= last
  const roots = tokens.slice(k, last + 1).filter((t) => !inAside(t.head))
  if (roots.length !== 1 || roots[0].head !== cueFirst || !ASIDE_RELATIONS.some((r) => hasRelation(roots[0].deprel, r))) return last
  return k - 1
}

/**
 * The subject of a cue: the noun phrase right before it, with an apposition ("Hassett, director of
 * the National Economic Council, told") when the phrase before the comma holds a name.
 */
export const speakerBefore = (tokens: ReadonlyArray<Token>, cueFirst: number, unitFirst: number): TokenRange | null => {
  const modified = subjectEnd(tokens, cueFirst, unitFirst)
  const aside = beforeAside(tokens, modified, unitFirst, cueFirst)
  const last = subjectBeforeTime(tokens, beforeParenthesis(tokens, aside, unitFirst), unitFirst)
  if (last < unitFirst) return null
  if (BOUNDARY_AFTER.test(tokens[last].post)) return null
  // A subject does not end in "and" or "of": "visited Ohio and said" shares the sentence's subject.
  // Nor in "to": "urged voters to say", "is expected to announce" report no statement made.
  if (NOUN_PHRASE_LINKS.has(wordOf(tokens[last]))) return null
  /** Walks back over one comma-free noun phrase ending at `from`; returns its first token. */
  const walkBack = (from: number): number => {
    let k = from
    while (k - 1 >= unitFirst && (isNounPhraseWord(tokens[k - 1]) || isGerundModifier(tokens[k - 1], tokens[k]) || opensClauseAsModifier(tokens, k - 1, unitFirst) || isParsedAdjective(tokens, k - 1, from) || isParsedNameModifier(tokens, k - 1, from)) && !/[,]/.test(tokens[k - 1].post) && !BOUNDARY_AFTER.test(tokens[k - 1].post) && from - k < 12) k--
    return k
  }
  // Between it and the cue only cue modifiers may stand ("The Trump campaign has said …").
  const misTaggedHead = isMisTaggedHeadNoun(tokens, last) || isPeopleHead(tokens, last, unitFirst)
  if (!isNounPhraseWord(tokens[last]) && !misTaggedHead) return null
  // A personal pronoun is the whole subject: "On Friday he said" is said by "he", not "Friday he".
  let first = quotesLexicon().pronouns.has(wordOf(tokens[last])) ? last : walkBack(last)
  // A place's state or country between commas (`Cory James, 22, of Flint, Mich., said`, `Clinton,
  // during a town hall in Columbus, Ohio, said`) ends a description or an adverbial, not the subject: the
  // sentence's subject, before it, speaks.
  if (/,/.test(tokens[last].post) && isStateOfPlace(tokens, first, last, unitFirst)) return null
  if (/,/.test(tokens[last].post)) {
    // Apposition: "Hassett, director of the National Economic Council, told": the description ends at
    // `last`, the name before it ends with a comma. Without such a name the comma ends a clause.
    // The name may come second ("The author of the book, Mitchell Zuckoff, said"), and compromise may
    // tag an unknown surname as a verb ("Weingarten, a longtime supporter, said").
    // After an aside (`RNC members and officials, in fact, insist`) the comma is the aside's, and
    // the phrase before it may stand alone.
    const nameEnd = first - 1
    const nameFirst = nameEnd < unitFirst ? nameEnd : isNounPhraseWord(tokens[nameEnd]) ? walkBack(nameEnd) : nameEnd
    const nameTokens = tokens.slice(nameFirst, nameEnd + 1)
    const named = (range: ReadonlyArray<Token>) => range.some((t) => t.tags.includes("ProperNoun") || isCapitalisedName(t))
    // The part before the comma is a short name, or a description of the name that follows it.
    const secondNamed = named(tokens.slice(first, last + 1)) && last - first < 6
    const apposition = nameEnd >= unitFirst && /,/.test(tokens[nameEnd].post) && (isNounPhraseWord(tokens[nameEnd]) || isCapitalisedName(tokens[nameEnd])) &&
      (named(nameTokens) || secondNamed) && !(nameTokens.length > 5 && !secondNamed) && last - first <= 12
    // A share with its figure between commas: `about two-thirds, 67 percent, say`, `A third of
    // independents, 33%, say` (the figure restates the share; no name in either).
    const figure = tokens.slice(first, last + 1)
    const shareWithFigure = nameEnd >= unitFirst && /,/.test(tokens[nameEnd].post) && figure.length <= 3 &&
      figure.some((t) => t.tags.includes("Value")) && figure.some((t) => t.tags.includes("Percent") || wordOf(t) === "percent" || /%$/.test(t.text)) &&
      nameTokens.some((t) => t.tags.includes("Value") || SHARE_OF_PEOPLE.has(wordOf(t)))
    if (apposition || shareWithFigure) first = nameFirst
    else if (aside === modified) return null
  }
  const trimmed = trimLinks(tokens, { first, end: last + 1 }) ?? (misTaggedHead ? { first, end: last + 1 } : null)
  if (!trimmed) return null
  const range = misTaggedHead ? { first: trimmed.first, end: last + 1 } : trimmed
  const words = tokens.slice(range.first, range.end)
  // A time phrase alone is no subject: `… but on Tuesday wrote that …` (the sentence's subject wrote).
  if (words.every((t) => isTimeWord(t) || TIME_LEADS.has(wordOf(t)))) return null
  return misTaggedHead || words.some(isHeadWord) ? range : null
}

/**
 * Words that open an adverbial after an inverted speaker, not a part of its name or description:
 * `said Jane Doe in a statement on Monday`, `said the goalkeeper after the match` (`of`, `for`, `at`,
 * `from` stay: `director of …`, `an analyst at Goldman Sachs`, `a senator from Ohio`).
 */
export const ADVERBIAL_AFTER_SPEAKER = new Set(["in", "on", "during", "after", "before", "while", "as", "when", "last", "this", "yesterday", "today"])

/**
 * The phrase after an inverted cue: `said Rem Korteweg, a security analyst at …`. `anyHead` accepts a
 * phrase without a name (`according to exit polls`); `described` a determiner's noun phrase after a
 * quotation (`“…,” said the veteran goalkeeper`), where a description is as good as a name.
 */
export const speakerAfter = (tokens: ReadonlyArray<Token>, cueEnd: number, unitEnd: number, apposition = true, anyHead = false, described = false): TokenRange | null => {
  if (described && !(cueEnd < unitEnd && ["Determiner", "Possessive", "Cardinal"].some((tag) => tokens[cueEnd].tags.includes(tag)) && !quotesLexicon().pronouns.has(wordOf(tokens[cueEnd])))) return null
  let k = cueEnd
  const first = k
  let commas = 0
  // "according to police": compromise reads a bare noun after "to" as a verb ("to police").
  const sourceNoun = (t: Token, at: number) =>
    anyHead && at === first && t.tags.includes("Verb") && !NOT_A_NOUN_USE.some((tag) => t.tags.includes(tag)) && !/^(be|have|do)$/.test(wordOf(t))
  // `said: "We …"`, `said, "We …"`: the quotation opens there, and its first words are no speaker.
  if (first > 0 && BOUNDARY_AFTER.test(tokens[first - 1].post)) return null
  while (k < unitEnd && k - first < 20) {
    const t = tokens[k]
    if ((!isNounPhraseWord(t) && !sourceNoun(t, k) && !(k > first && isParsedAdjective(tokens, k, unitEnd))) || OPENING_MARK.test(t.pre)) break
    if (!anyHead && commas === 0 && k > first && ADVERBIAL_AFTER_SPEAKER.has(wordOf(t)) && !/[,]/.test(tokens[k - 1].post)) break
    k++
    if (BOUNDARY_AFTER.test(t.post)) break
    if (/,/.test(t.post)) {
      // Apposition after a name: "said Smith, an analyst at …".
      const next = tokens[k]
      if (!apposition || commas > 0 || !next || !isNounPhraseWord(next) || !tokens.slice(first, k).some(isNamedWord)) break
      commas++
    }
  }
  const range = k === first + 1 && sourceNoun(tokens[first], first) ? { first, end: k } : trimLinks(tokens, { first, end: k })
  if (!range) return null
  if (range.end - range.first === 1 && sourceNoun(tokens[range.first], range.first)) return range
  // After "said" only a name makes an inverted subject ("said Smith"); "according to" takes any source
  // ("exit polls"), and a quotation's attribution a description ("said the veteran goalkeeper").
  const words = tokens.slice(range.first, range.end)
  if (described) return words[words.length - 1].tags.includes("Noun") && !isTimeWord(words[words.length - 1]) ? range : null
  return words.some(anyHead ? isHeadWord : isNamedWord) ? range : null
}

/** The hearer of a cue that takes one: "told CNBC", "told reporters on Monday". */
export const addresseeAfter = (tokens: ReadonlyArray<Token>, cueEnd: number, unitEnd: number): TokenRange | null => {
  let k = cueEnd
  while (k < unitEnd && k - cueEnd < 6) {
    const t = tokens[k]
    const word = wordOf(t)
    if (!isNounPhraseWord(t) || (NOUN_PHRASE_LINKS.has(word) && word !== "the")) break
    if (k > cueEnd && t.tags.includes("Date")) break
    // "told reporters the deal was dead": a determiner after a noun opens the reported clause.
    if (k > cueEnd && t.tags.includes("Determiner") && tokens[k - 1].tags.includes("Noun") && !tokens[k - 1].tags.includes("Possessive")) break
    k++
    if (/[,:;"“”]|''/.test(t.post)) break
  }
  return trimLinks(tokens, { first: cueEnd, end: k })
}

/** Where the speaker's actor came from, recorded in the quote's rule. */
export type SpeakerResolution = "name" | "title" | "description" | "pronoun" | "previous-speaker" | "turn" | "none"

export interface ResolvedSpeaker {
  readonly actorKey: string | null
  readonly resolution: SpeakerResolution
}

export interface SpeakerContext {
  readonly actors: ActorExtraction
  readonly actorsByKey: ReadonlyMap<string, LocalActor>
  readonly pronouns: ReadonlyMap<string, SpeakerPronoun>
  /** Mentions sorted by start. */
  readonly mentions: ReadonlyArray<ActorMention>
  readonly text: string
}

const isPossessive = (text: string, mention: ActorMention) => /^['’]s?\b/.test(text.slice(mention.end, mention.end + 2))

/** People a possessive name may own, who are then the ones a pronoun means: "Obama's spokesman … He added". */
const PERSON_NOUNS = new Set(["wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "family", "children",
  "parents", "widow", "friend", "friends", "girlfriend", "boyfriend", "partner", "lawyer", "lawyers", "attorney", "aide", "aides",
  "campaign", "agent", "team", "staff", "office"])

/**
 * Whether a possessive name is a person's that owns a thing ("Sarah Claxton's win", "Conti's 17th
 * turn"): then a later pronoun may mean that person. One that owns a person ("Obama's spokesman",
 * "Smith's lawyer") points at the person owned, and a country's or firm's ("Britain's biggest bank")
 * is a modifier.
 */
const personOwnsAThing = (text: string, mention: ActorMention): boolean => {
  if (mention.kind !== "person") return false
  const next = /^['’]s?\s+(?:(?:new|former|top|own|longtime|chief)\s+)?([\p{L}\p{N}]+)/u.exec(text.slice(mention.end, mention.end + 40))
  if (next === null) return false
  const word = next[1].toLowerCase()
  const titles = actorLexicon().titleHeads
  return !PERSON_NOUNS.has(word) && !titles.has(word) && !titles.has(word.replace(/s$/, ""))
}

export const fitsPronoun = (actor: LocalActor, pronoun: SpeakerPronoun): boolean => {
  if (!pronoun.referent.includes(actor.kind)) return false
  if (pronoun.number === "plural" && actor.kind === "person") return false
  return pronoun.gender === null || actor.gender === null || actor.gender === pronoun.gender
}

/**
 * A person named after a plural noun and `of`/`for` ("Associates of Navalny", "supporters of Mr.
 * Trump"): the people around that person, a group that is not the person. (An organisation's or a
 * country's, "officials of the ministry", may speak for it, as its spokesperson does.)
 */
const PLURAL_BEFORE_OF = /(?:^|[^\p{L}])\p{L}+[^s'’\s]s\s+(?:of|for)\s+(?:the\s+)?$/u
const namesGroupAround = (context: SpeakerContext, start: number, mention: ActorMention) =>
  mention.kind === "person" && PLURAL_BEFORE_OF.test(context.text.slice(start, mention.start))

/**
 * A name joined by a hyphen to the word after it modifies that word ("US-based software company Red
 * Hat", "Kremlin-backed"): it is not what the phrase names.
 */
const modifiesByHyphen = (text: string, mention: ActorMention) => /^-\p{L}/u.test(text.slice(mention.end, mention.end + 2))

/**
 * The actor a speaker phrase names: its person mention first, else the first actor mentioned, leaving
 * out possessors and hyphenated modifiers where another mention is left.
 */
export const actorInPhrase = (context: SpeakerContext, start: number, end: number): ResolvedSpeaker | null => {
  // A place says nothing ("The Archbishop of Canterbury said": the archbishop, whom no name gives here);
  // a capital that speaks is its country's government, a mention of the country.
  const inside = context.mentions.filter((m) => m.start >= start && m.end <= end && m.role !== "pronoun" && m.kind !== "place" && !namesGroupAround(context, start, m))
  if (inside.length === 0) return null
  const heads = inside.filter((m) => !isPossessive(context.text, m) && !modifiesByHyphen(context.text, m))
  const pool = heads.length > 0 ? heads : inside
  const person = pool.find((m) => m.kind === "person" && m.role !== "title")
  const chosen = person ?? pool.find((m) => m.role !== "title") ?? pool[0]
  return { actorKey: chosen.actorKey, resolution: chosen.role === "title" ? "title" : "name" }
}

/**
 * A speaker named by a title alone ("the prime minister", "the shadow home secretary", "the Tory
 * leader"): the one person of the document whose title the phrase ends with, named before the quote.
 * Words between "the" and the title must name that person's affiliation ("Tory"); any other word
 * ("the former prime minister") may mean someone else, so such a phrase resolves to nobody here.
 */
export const actorByTitle = (context: SpeakerContext, start: number, end: number): ResolvedSpeaker | null => {
  const tokens = [...context.text.slice(start, end).matchAll(/[\p{L}\p{N}'’.-]+/gu)].map((m) => ({ word: m[0].toLowerCase().replace(/['’]s$/, ""), start: start + m.index }))
  if (tokens.length < 2 || tokens[0].word !== "the") return null
  const inside = context.mentions.filter((m) => m.start >= start && m.end <= end && m.role !== "pronoun")
  if (inside.some((m) => m.kind === "person" && m.role !== "title")) return null
  const named = (offset: number) => inside.find((m) => m.start <= offset && offset < m.end)
  const holders = context.actors.actors.filter((actor) => {
    if (actor.kind !== "person" || actor.titleNormalized === null) return false
    const title = actor.titleNormalized.split(" ")
    const rest = tokens.length - 1 - title.length
    if (rest < 0 || title.some((word, k) => tokens[1 + rest + k].word !== word)) return false
    const between = tokens.slice(1, 1 + rest).map((t) => named(t.start))
    if (between.some((m) => m === undefined || context.actorsByKey.get(m.actorKey)?.name !== actor.affiliation)) return false
    return context.mentions.some((m) => m.actorKey === actor.key && m.start < start)
  })
  return holders.length === 1 ? { actorKey: holders[0].key, resolution: "title" } : null
}

/**
 * A speaker named by a noun that refers back to an organisation ("the company", "the bank";
 * `descriptions`): the previous quote's speaker if it is recent and an organisation, else the
 * organisation the article has named most before the phrase, when that is clear: named at least
 * twice and more often than any other, or the only one named so far. Otherwise nobody: a wrong
 * speaker is worse than none.
 */
export const actorByDescription = (
  context: SpeakerContext,
  descriptions: ReadonlySet<string>,
  start: number,
  end: number,
  previousSpeaker: string | null
): ResolvedSpeaker | null => {
  const spans = [...context.text.slice(start, end).matchAll(/\S+/g)].map((m) => ({ word: m[0].toLowerCase(), at: start + m.index }))
  const words = spans.map((w) => w.word)
  if (words.length < 2 || words[0] !== "the" || !descriptions.has(words[words.length - 1])) return null
  // "the US firm", "the Chinese carmaker": words between may only say where the organisation is from
  // (a country's or place's mention); "the former company" may mean another one.
  if (words.length > 2) {
    const from = spans[1].at
    const to = spans[spans.length - 1].at
    const places = context.mentions.filter((m) => m.start >= from && m.end <= to && ["country", "place"].includes(m.kind))
    const covered = places.reduce((at, m) => (m.start <= at + 1 ? Math.max(at, m.end) : at), from)
    if (places.length === 0 || places[0].start !== from || covered < to - 1) return null
  }
  if (previousSpeaker !== null && context.actorsByKey.get(previousSpeaker)?.kind === "organization") {
    return { actorKey: previousSpeaker, resolution: "description" }
  }
  const named = context.mentions.filter((m) =>
    m.start < start && m.role !== "pronoun" && context.actorsByKey.get(m.actorKey)?.kind === "organization")
  const favourite = clearFavourite(named.map((m) => m.actorKey))
  return favourite === null ? null : { actorKey: favourite, resolution: "description" }
}

const BRACKETED_LABEL = /^[ \t]*\(\(([^()\n]{1,80})\)\)/
const COLON_LABEL = /^[ \t]*([^\n:]{2,80}):[ \t]/

/**
 * In a transcript, "I" is whoever has the floor: the person whose name labels the turn at the start of
 * a line above, as "((Naomi Martisius))" or "Naomi Martisius:". The nearest label decides; a bracketed
 * label that names no person ("((WN))", the interviewer) leaves "I" unresolved, and a "Word:" line
 * that names no person ("Note:") is no label.
 */
export const turnSpeaker = (context: SpeakerContext, at: number): ResolvedSpeaker | null => {
  const label = turnLabelBefore(context, at)
  return label?.person == null ? null : { actorKey: label.person, resolution: "turn" }
}

/**
 * In a transcript, "you" in the interviewer's turn (a label that names no person, "((WN))") is the
 * interviewee: the one person whose name labels turns in the document. With two or more people
 * labelled, or in a turn a person has, "you" stays unresolved.
 */
export const turnListener = (context: SpeakerContext, at: number): ResolvedSpeaker | null => {
  const label = turnLabelBefore(context, at)
  if (label === null || label.person !== null) return null
  const people = new Set<string>()
  for (let lineEnd = context.text.length; lineEnd > 0;) {
    const lineStart = context.text.lastIndexOf("\n", lineEnd - 1) + 1
    const person = labelOfLine(context, lineStart, lineEnd)?.person
    if (person != null) people.add(person)
    lineEnd = lineStart - 1
  }
  return people.size === 1 ? { actorKey: [...people][0], resolution: "turn" } : null
}

/** The label that opens the turn `at` is in: the nearest label at a line's start above it. */
const turnLabelBefore = (context: SpeakerContext, at: number): TurnLabel | null => {
  for (let lineEnd = at; lineEnd > 0;) {
    const lineStart = context.text.lastIndexOf("\n", lineEnd - 1) + 1
    const label = labelOfLine(context, lineStart, lineEnd)
    if (label !== null) return label
    lineEnd = lineStart - 1
  }
  return null
}

interface TurnLabel {
  /** The local key of the person the label names; null for a label that names nobody ("((WN))"). */
  readonly person: string | null
}

/** A turn label at the start of a line: "((Name))" (a person or not) or "Name:" (only a person's). */
const labelOfLine = (context: SpeakerContext, lineStart: number, lineEnd: number): TurnLabel | null => {
  const personAt = (start: number, end: number) =>
    context.mentions.find((m) => m.start === start && m.end === end && context.actorsByKey.get(m.actorKey)?.kind === "person")
  const line = context.text.slice(lineStart, lineEnd)
  const bracketed = BRACKETED_LABEL.exec(line)
  if (bracketed !== null) {
    const start = lineStart + bracketed[0].indexOf("((") + 2
    return { person: personAt(start, start + bracketed[1].length)?.actorKey ?? null }
  }
  const colon = COLON_LABEL.exec(line)
  if (colon === null) return null
  const start = lineStart + colon[0].indexOf(colon[1])
  const person = personAt(start, start + colon[1].length)
  return person === undefined ? null : { person: person.actorKey }
}

export interface PronounCandidates {
  /** The previous quote's speaker, when it is recent. */
  readonly previousSpeaker: string | null
  /** The sentences between the previous quote's and the pronoun's (offsets), where another subject may be named. */
  readonly since: ReadonlyArray<{ readonly start: number; readonly end: number }>
  /** Token-free offsets: the current and previous units, to find their subjects. */
  readonly unitStart: number
  readonly previousUnit: { readonly start: number; readonly end: number } | null
  /** How far back (offset) a plain nearest-mention search may look. */
  readonly searchFrom: number
  /** Whether an offset lies in quoted words: a name there is the quoted speaker's, no antecedent of the article's pronoun. */
  readonly quoted: (offset: number) => boolean
}

/** Resolves a pronoun speaker to an actor. */
export const resolvePronoun = (
  context: SpeakerContext,
  pronoun: SpeakerPronoun,
  at: number,
  candidates: PronounCandidates
): ResolvedSpeaker | null => {
  // The actors extractor may already have linked the pronoun.
  const linked = context.mentions.find((m) => m.role === "pronoun" && m.start <= at && m.end > at)
  if (linked) return { actorKey: linked.actorKey, resolution: "pronoun" }
  const fits = (key: string) => {
    const actor = context.actorsByKey.get(key)
    return actor !== undefined && fitsPronoun(actor, pronoun)
  }
  // A possessive is never the subject of a unit ("Mr Brown's closest aide, Ed Balls, hinted … He said");
  // nor is a name in quoted words ("… announced in its Green Paper …" He said: the speaker's words).
  const named = context.mentions.filter((m) => m.role !== "pronoun" && !isPossessive(context.text, m) && !candidates.quoted(m.start))
  const subjectOf = (start: number, end: number) => named.find((m) => m.start >= start && m.start < end && fits(m.actorKey))
  // The previous quote's speaker, unless a sentence since has named another fitting subject: "“…,”
  // Smith said. Jones disagreed. “…,” he said" is Jones's.
  const intervening = candidates.since.some((unit) => {
    const subject = subjectOf(unit.start, Math.min(unit.end, at))
    return subject !== undefined && subject.actorKey !== candidates.previousSpeaker
  })
  if (candidates.previousSpeaker !== null && fits(candidates.previousSpeaker) && !intervening) {
    return { actorKey: candidates.previousSpeaker, resolution: "previous-speaker" }
  }
  const sameUnit = subjectOf(candidates.unitStart, at)
  if (sameUnit) return { actorKey: sameUnit.actorKey, resolution: "pronoun" }
  if (candidates.previousUnit) {
    const previous = subjectOf(candidates.previousUnit.start, candidates.previousUnit.end)
    if (previous) return { actorKey: previous.actorKey, resolution: "pronoun" }
  }
  // "They" reaches back no further than the sentence before: beyond it, the group it stands for is
  // seldom one the text named ("Shoukry and his Greek, Cypriot and French counterparts gathered …
  // They concluded": not the last organisation named before them).
  if (pronoun.number === "plural") return null
  // The most recent person, a possessive one that owns a thing included ("Sarah Claxton's win … she")
  // when it stands in an earlier sentence: in the quote's own one it is what the quote is about
  // ("Mr Blair's government was …, he added").
  const recent = context.mentions.filter((m) => m.role !== "pronoun" && !candidates.quoted(m.start) &&
    (!isPossessive(context.text, m) || (m.end <= candidates.unitStart && personOwnsAThing(context.text, m))))
  for (let i = recent.length - 1; i >= 0; i--) {
    const m = recent[i]
    if (m.end > at || m.start < candidates.searchFrom) continue
    if (fits(m.actorKey)) return { actorKey: m.actorKey, resolution: "pronoun" }
  }
  return null
}

/** A share of a group: "many of whom", "4,000 of whom". */
const SHARE_WORDS = new Set(["many", "some", "most", "all", "several", "both", "none", "few", "each", "half", "one", "dozens", "hundreds", "thousands", "millions"])
const isShareWord = (t: Token) => SHARE_WORDS.has(wordOf(t)) || t.tags.includes("Value")

/** The noun phrase a relative pronoun points back to: "an architect who said" → "an architect". */
export const relativeAntecedent = (tokens: ReadonlyArray<Token>, pronounAt: number, unitFirst: number): TokenRange | null => {
  // "family members of the victims, many of whom say …": the antecedent precedes the share.
  const share = pronounAt - 2
  if (share > unitFirst && wordOf(tokens[pronounAt - 1]) === "of" && isShareWord(tokens[share]) && /,/.test(tokens[share - 1].post)) {
    return relativeAntecedent(tokens, share, unitFirst)
  }
  const end = pronounAt
  let first = end
  while (first - 1 >= unitFirst && isNounPhraseWord(tokens[first - 1]) && end - first < 8 &&
    (first === end || !/[,]/.test(tokens[first - 1].post)) && !BOUNDARY_AFTER.test(tokens[first - 1].post)) first--
  const range = trimLinks(tokens, { first, end })
  return range && tokens.slice(range.first, range.end).some(isHeadWord) ? range : null
}

const SENTENCE_OPENERS = new Set(["but", "and", "however", "meanwhile", "still", "yet", "so", "also", "then"])

/**
 * The noun phrase that opens a sentence: the subject a later "and said" shares. It must hold a name or
 * a pronoun, or, when `nameless` is allowed, be a noun after its determiner or a bare plural.
 */
export const sentenceSubject = (tokens: ReadonlyArray<Token>, unitFirst: number, before: number, nameless: boolean | "any-noun"): TokenRange | null => {
  let first = unitFirst
  while (first < before && SENTENCE_OPENERS.has(wordOf(tokens[first]))) first++
  // "In a video message posted to Twitter, Warren commended …", "Nevertheless, Collins …": the subject
  // follows the opening phrase.
  // ("Minutes later, the campaign …", "Last week, Smith …": a time phrase opens the same way.)
  // (The trained tagger's ADP, SCONJ or ADV counts too: compromise reads a capital mid-sentence as a
  // name, as it does after a dateline, `WASHINGTON (UPI) — In response to …`, and `Later,` as an adjective.) The opening may hold several
  // comma-separated pieces: more such phrases, a place's state or country (`At an event in Ames, Iowa,
  // …`, `at a rally in Beaumont, Tex., …`) or a time phrase (`The day before, at …`, `…, on Sunday, …`).
  const opensPhrase = (k: number) => ["Preposition", "Adverb", "Conjunction", "Expression"].some((tag) => tokens[k].tags.includes(tag)) ||
    ["ADP", "SCONJ", "ADV"].includes(tokens[k].upos) || isTimeWord(tokens[k]) || (TIME_LEADS.has(wordOf(tokens[k])) && k + 1 < before && isTimeWord(tokens[k + 1]))
  for (let pieces = 0; first < before; pieces++) {
    const comma = tokens.slice(first, before).findIndex((t) => /,/.test(t.post))
    if (comma < 0) break
    const words = tokens.slice(first, first + comma + 1)
    const place = pieces > 0 && words.length <= 2 && words.every((t) => t.tags.includes("Place") || /^\p{Lu}\p{L}{0,4}\.$/u.test(t.text + t.post.trim().replace(/,$/, "")))
    const time = words.some(isTimeWord) && words.every((t) => isTimeWord(t) || TIME_LEADS.has(wordOf(t)) || TIME_AFTER.has(wordOf(t)) || t.tags.includes("Value"))
    if (!(opensPhrase(first) || place || time)) break
    first += comma + 1
  }
  let end = first
  while (end < before && isNounPhraseWord(tokens[end]) && end - first < 8) {
    end++
    if (/[,;:"“”]|''/.test(tokens[end - 1].post)) break
  }
  const range = trimLinks(tokens, { first, end })
  if (!range || range.end >= before) return null
  const words = tokens.slice(range.first, range.end)
  // `It was a potent punch, as Mrs. Clinton echoed …, saying …`, `It was three years ago that …`: an
  // `it` before a copula opens a cleft or a judgement of the writer's, and says nothing.
  if (words.length === 1 && wordOf(words[0]) === "it" && tokens[range.end].tags.includes("Copula")) return null
  // A capital names someone anywhere but in a sentence's first word, where only a singular one does
  // ("Trump had welcomed …", not "Sales have tripled …").
  const named = words.some((t, i) => t.tags.includes("ProperNoun") || t.tags.includes("Pronoun") ||
    (isCapitalisedName(t) && (range.first + i > unitFirst || !t.tags.includes("Plural"))))
  // Or a common noun phrase that opens with its determiner, or a bare plural: "The embassy declined the
  // request and said …", "Authorities moved to … and demanded …".
  const head = words[words.length - 1]
  // Where the cue is known to be the clause's main verb (`Another pollster, David Woodard of …, said …`),
  // any noun phrase will do.
  const described = nameless !== false && head.tags.includes("Noun") && !isTimeWord(head) &&
    (nameless === "any-noun" || (["Determiner", "Possessive"].some((tag) => words[0].tags.includes(tag)) && words.length <= 4) || (words.length === 1 && head.tags.includes("Plural")))
  return named || described ? range : null
}
