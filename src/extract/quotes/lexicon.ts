/**
 * The quotes extractor's world knowledge, loaded from data files: reporting cues (`quotes-cues.json`)
 * with every inflected form they take in text, and speaker pronouns (`quotes-pronouns.json`).
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"
import { descriptionNouns } from "../actors/descriptions.ts"

export const CueClasses = ["speech", "writing", "source"] as const
export type CueClass = (typeof CueClasses)[number]

const CueEntry = Schema.Struct({
  lemma: Schema.String,
  class: Schema.Literals(CueClasses),
  addressee: Schema.optionalKey(Schema.Boolean),
  irregular: Schema.optionalKey(Schema.Array(Schema.String)),
  phrase: Schema.optionalKey(Schema.Array(Schema.String)),
  nounContent: Schema.optionalKey(Schema.Boolean),
  alsoNoun: Schema.optionalKey(Schema.Boolean),
  question: Schema.optionalKey(Schema.Boolean),
  quotedObject: Schema.optionalKey(Schema.Boolean)
})

const PronounEntry = Schema.Struct({
  pronoun: Schema.String,
  gender: Schema.NullOr(Schema.Literals(["male", "female"])),
  number: Schema.Literals(["singular", "plural"]),
  referent: Schema.Array(Schema.Literals(["person", "organization", "country", "place", "group", "other"])),
  /** "I": the pronoun names whoever is speaking (in a transcript, the person who has the floor). */
  speaker: Schema.optional(Schema.Boolean),
  /** "You": the pronoun names whoever is spoken to (in an interviewer's turn, the one interviewee). */
  listener: Schema.optional(Schema.Boolean)
})
export type SpeakerPronoun = typeof PronounEntry.Type

export interface CueWord {
  readonly lemma: string
  readonly class: CueClass
  readonly addressee: boolean
  /** Words after the first that must follow it ("according" → ["to"]). */
  readonly rest: ReadonlyArray<string>
  /** What was said can be a noun phrase: a demand or proposal ("called for a moratorium on …"). */
  readonly nounContent: boolean
  /** The plain and -s forms are more often nouns ("the state attorney general", "gas demand"). */
  readonly alsoNoun: boolean
  /** The verb reports a question, also in the passive ("when asked whether …", "was asked by X if …"). */
  readonly question: boolean
  /** Only quoted words in the verb's object are what was said: "described the plan as “a disaster”". */
  readonly quotedObject: boolean
}

/** Regular English inflections of a verb: -s, -ed, -ing with the usual spelling changes. */
export const regularForms = (verb: string): Array<string> => {
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb
  const third = /(s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`
  const past = verb.endsWith("e") ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : `${verb}ed`
  return [verb, third, past, `${stem}ing`]
}

export interface QuotesLexicon {
  /** Every written form of a cue's first word (lower case) → the cues it can start. */
  readonly cuesByForm: ReadonlyMap<string, ReadonlyArray<CueWord>>
  readonly pronouns: ReadonlyMap<string, SpeakerPronoun>
  /** Nouns that refer back to an organisation ("the company", "the bank"): `quotes-descriptions.json`. */
  readonly descriptions: ReadonlySet<string>
  /** Nouns for what carries a statement ("issued a statement saying …"): `quotes-media.json`. */
  readonly media: ReadonlySet<string>
}

let loaded: QuotesLexicon | undefined

export const quotesLexicon = (): QuotesLexicon => {
  if (loaded) return loaded
  const cuesByForm = new Map<string, Array<CueWord>>()
  for (const entry of loadLexicon("quotes-cues.json", Schema.Array(CueEntry))) {
    const words = entry.phrase ?? [entry.lemma]
    const cue: CueWord = { lemma: entry.lemma, class: entry.class, addressee: entry.addressee ?? false, rest: words.slice(1), nounContent: entry.nounContent ?? false, alsoNoun: entry.alsoNoun ?? false, question: entry.question ?? false, quotedObject: entry.quotedObject ?? false }
    // Only verbs inflect; "according to" is matched as written.
    const forms = entry.class === "source" ? [words[0]] : [...regularForms(words[0]), ...(entry.irregular ?? [])]
    for (const form of new Set(forms)) cuesByForm.set(form, [...(cuesByForm.get(form) ?? []), cue])
  }
  const pronouns = new Map<string, SpeakerPronoun>()
  for (const entry of loadLexicon("quotes-pronouns.json", Schema.Array(PronounEntry))) pronouns.set(entry.pronoun, entry)
  const descriptions = descriptionNouns()
  const media = new Set(loadLexicon("quotes-media.json", Schema.Array(Schema.String)))
  loaded = { cuesByForm, pronouns, descriptions, media }
  return loaded
}
