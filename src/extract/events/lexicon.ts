/**
 * The events extractor's world knowledge, loaded from data files: event triggers with their PLOVER /
 * newsfacts type and CAMEO code (`events-triggers.json`, indexed here by every written form),
 * modality cues (`events-modality.json`) and the phrases that make an action mutual (`events-reciprocal.json`).
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"

const TriggerEntry = Schema.Struct({
  lemma: Schema.String,
  pos: Schema.Literals(["verb", "noun"]),
  type: Schema.String,
  cameo: Schema.NullOr(Schema.String),
  irregular: Schema.optionalKey(Schema.Array(Schema.String)),
  plural: Schema.optionalKey(Schema.Boolean),
  next: Schema.optionalKey(Schema.Array(Schema.String)),
  before: Schema.optionalKey(Schema.Array(Schema.String)),
  objects: Schema.optionalKey(Schema.Array(Schema.String)),
  notNext: Schema.optionalKey(Schema.Array(Schema.String)),
  notNear: Schema.optionalKey(Schema.Array(Schema.String)),
  /** Only written in lower case: "the march", not the month "March" (which English capitalises). */
  lowercase: Schema.optionalKey(Schema.Boolean),
  /** Word sense from the parse: the noun needs an argument of its own, by preposition ("conviction for fraud") or "poss" for a possessor ("his conviction"). */
  argument: Schema.optionalKey(Schema.Array(Schema.String)),
  /** Not an event when the parse makes the noun the medium of another verb ("said in a statement"): a report frame, left to the quotes table. */
  notMedium: Schema.optionalKey(Schema.Boolean),
  /** A verb that is an event only with an object of its own in the parse, not as a participle modifying a noun and not after a comma without a subject ("a mother called the police", not "a plan called 'Build Back Better'", "the water, called a plume,"). */
  needsObject: Schema.optionalKey(Schema.Boolean),
  /**
   * An interaction with someone: when the parse gives the verb a direct object, the object must be
   * able to take part (a name or an actor the text names, a pronoun, a title or a noun for people):
   * "met the president" and "met them" are meetings, "meet the needs" and "met its target" are not.
   */
  humanObject: Schema.optionalKey(Schema.Boolean),
  /** Not an event when a number counts it ("with 220 votes", "six electoral college votes"): a tally, not the act. */
  notCounted: Schema.optionalKey(Schema.Boolean),
  reciprocal: Schema.optionalKey(Schema.Struct({ type: Schema.String, cameo: Schema.NullOr(Schema.String) }))
})
export type TriggerEntry = typeof TriggerEntry.Type

const ModalityCues = Schema.Struct({
  negated: Schema.Array(Schema.String),
  hypothetical: Schema.Array(Schema.String),
  expected: Schema.Array(Schema.String)
})
export type ModalityCues = typeof ModalityCues.Type

/** One way a trigger can be written: its words in lower case, and the entry it stands for. */
export interface TriggerForm {
  readonly words: ReadonlyArray<string>
  readonly entry: TriggerEntry
  /** Position of the entry in the lexicon, so the first applicable entry of a lemma wins. */
  readonly order: number
}

export interface EventsLexicon {
  /** First word of every written form (lower case) → the forms that start with it. */
  readonly formsByFirstWord: ReadonlyMap<string, ReadonlyArray<TriggerForm>>
  readonly modality: ModalityCues
  /** Phrases that make an action mutual ("on both sides", "each other"), lower case. */
  readonly reciprocal: ReadonlyArray<string>
  /** Light verbs that yield to the event noun they take ("launched an attack", "signed a deal"), by lexicon lemma. */
  readonly lightVerbs: ReadonlySet<string>
  /** Support verbs by UD lemma: their subject is the agent of the event noun they take ("Turkey began an offensive"). */
  readonly supportVerbs: ReadonlySet<string>
  /** News agencies and outlets (lower case): the source of a report, not a participant. */
  readonly newsMedia: ReadonlyArray<string>
}

/** Regular English verb inflections: -s, -ed, -ing with the usual spelling changes. */
const verbForms = (verb: string): Array<string> => {
  const stem = verb.endsWith("e") && !verb.endsWith("ee") ? verb.slice(0, -1) : verb
  const third = /(s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`
  const past = verb.endsWith("e") ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : `${verb}ed`
  return [verb, third, past, `${stem}ing`]
}
const nounForms = (noun: string, plural: boolean): Array<string> => {
  if (!plural) return [noun]
  const pluralForm = /(s|sh|ch|x|z)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`
  return [noun, pluralForm]
}

let loaded: EventsLexicon | undefined

export const eventsLexicon = (): EventsLexicon => {
  if (loaded) return loaded
  const formsByFirstWord = new Map<string, Array<TriggerForm>>()
  const types = eventTypes()
  loadLexicon("events-triggers.json", Schema.Array(TriggerEntry)).forEach((entry, order) => {
    if (types[entry.type] === undefined) throw new Error(`lexicon events-triggers.json: "${entry.lemma}" has type "${entry.type}", which events-types.json does not list`)
    const words = entry.lemma.split(" ")
    const written = entry.pos === "verb"
      // A phrasal verb inflects its first word ("roll back" → "rolled back").
      ? [...verbForms(words[0]).map((form) => [form, ...words.slice(1)].join(" ")), ...(entry.irregular ?? [])]
      // A compound noun inflects its last word ("export control" → "export controls").
      : nounForms(words[words.length - 1], entry.plural ?? true).map((form) => [...words.slice(0, -1), form].join(" "))
    for (const form of new Set(written)) {
      const formWords = form.split(" ")
      formsByFirstWord.set(formWords[0], [...(formsByFirstWord.get(formWords[0]) ?? []), { words: formWords, entry, order }])
    }
  })
  loaded = {
    formsByFirstWord,
    modality: loadLexicon("events-modality.json", ModalityCues),
    reciprocal: loadLexicon("events-reciprocal.json", Schema.Array(Schema.String)),
    lightVerbs: new Set(loadLexicon("events-light-verbs.json", Schema.Array(Schema.String))),
    supportVerbs: new Set(loadLexicon("events-support-verbs.json", Schema.Array(Schema.String))),
    newsMedia: loadLexicon("events-news-media.json", Schema.Array(Schema.String))
  }
  return loaded
}

const EventTypeEntry = Schema.Struct({
  kind: Schema.Literals(["plover", "newsfacts"]),
  family: Schema.String,
  meaning: Schema.String,
  cameoFamily: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  /** The participants undergo the event (who dies, who is hurt): patients, never agents. */
  undergoer: Schema.optionalKey(Schema.Boolean),
  /** A possessor of the event noun undergoes it ("Smith's arrest", "his trial"). */
  possessorPatient: Schema.optionalKey(Schema.Boolean)
})
export type EventTypeEntry = typeof EventTypeEntry.Type

/** The stable list of event types (`events-types.json`): kind, gold family and meaning of each. */
export const eventTypes = (): Readonly<Record<string, EventTypeEntry>> => loadLexicon("events-types.json", Schema.Record(Schema.String, EventTypeEntry))

/** The coarse family of a type and CAMEO code (the code's own family where the file gives one); null for an unknown type. */
export const familyOf = (type: string, cameo: string | null): string | null => {
  const entry = eventTypes()[type]
  if (entry === undefined) return null
  return (cameo !== null ? entry.cameoFamily?.[cameo] : undefined) ?? entry.family
}

/** Whether the participants of a type undergo it (patients only). */
export const isUndergoerType = (type: string): boolean => eventTypes()[type]?.undergoer === true

/** Whether a possessor of an event noun of this type is its patient ("Smith's arrest") rather than its agent ("Trump's announcement"). */
export const possessorIsPatient = (type: string): boolean => eventTypes()[type]?.possessorPatient === true || isUndergoerType(type)

/** Whether a type is one of newsfacts' own (lower case), not a PLOVER category. */
export const isNewsfactsType = (type: string): boolean => eventTypes()[type]?.kind === "newsfacts"
