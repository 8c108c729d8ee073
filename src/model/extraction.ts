/**
 * What the extractors find in one document, before dedupe gives records their global ids.
 * Extractors work in UTF-16 offsets into the cleaned text; the extract stage maps every span to code
 * point offsets into the original text before the result leaves it (see `mapExtractionToOriginal`).
 * Actors are clustered within the document under a local `key`; quotes and events point at those keys.
 */
import { Schema } from "effect"
import { ActorKinds, DatePrecisions, Modalities, QuoteKinds } from "./tables.ts"
import { Diagnostic } from "./diagnostic.ts"
import { DocumentMeta } from "./document.ts"

export const ActorMentionRoles = ["name", "surname", "title", "alias", "demonym", "group", "pronoun", "description"] as const

/** An actor as one document knows it: every mention that refers to it shares `key`. */
export const LocalActor = Schema.Struct({
  key: Schema.String,
  name: Schema.String,
  kind: Schema.Literals(ActorKinds),
  title: Schema.NullOr(Schema.String),
  titleNormalized: Schema.NullOr(Schema.String),
  affiliation: Schema.NullOr(Schema.String),
  aliases: Schema.Array(Schema.String),
  /** Grammatical gender where known, for pronoun resolution ("he" → a male person). */
  gender: Schema.NullOr(Schema.Literals(["male", "female"])),
  rule: Schema.String
})
export type LocalActor = typeof LocalActor.Type

export const ActorMention = Schema.Struct({
  actorKey: Schema.String,
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  kind: Schema.Literals(ActorKinds),
  role: Schema.Literals(ActorMentionRoles),
  title: Schema.NullOr(Schema.String),
  rule: Schema.String
})
export type ActorMention = typeof ActorMention.Type

export const QuoteMention = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  kind: Schema.Literals(QuoteKinds),
  speakerKey: Schema.NullOr(Schema.String),
  speakerText: Schema.NullOr(Schema.String),
  speakerStart: Schema.NullOr(Schema.Int),
  speakerEnd: Schema.NullOr(Schema.Int),
  cue: Schema.NullOr(Schema.String),
  cueLemma: Schema.NullOr(Schema.String),
  cueStart: Schema.NullOr(Schema.Int),
  cueEnd: Schema.NullOr(Schema.Int),
  addressee: Schema.NullOr(Schema.String),
  rule: Schema.String,
  /**
   * The quotation this piece belongs to, numbered within the document: the pieces of a quotation its
   * attribution interrupts (`“…,” she said. “…”`) or a paragraph break splits share it.
   */
  quotation: Schema.Int,
  /** 1, 2, … : the piece's place in its quotation. */
  part: Schema.Int
})
export type QuoteMention = typeof QuoteMention.Type

export const Tenses = ["past", "present", "future"] as const

export const EventMention = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  trigger: Schema.String,
  triggerStart: Schema.Int,
  triggerEnd: Schema.Int,
  /** The events lexicon's lemma the trigger matched ("fire" for "fired", "firing"). */
  triggerLemma: Schema.String,
  eventType: Schema.String,
  cameo: Schema.NullOr(Schema.String),
  /** Resolved date (YYYY-MM-DD, YYYY-MM or YYYY), or null. */
  date: Schema.NullOr(Schema.String),
  datePrecision: Schema.NullOr(Schema.Literals(DatePrecisions)),
  /** The time expression as written, kept so an undated document can be dated later by its story. */
  dateText: Schema.NullOr(Schema.String),
  tense: Schema.Literals(Tenses),
  location: Schema.NullOr(Schema.String),
  /** Where the location came from: the mention's own text or, as a fallback, the dateline. */
  locationSource: Schema.NullOr(Schema.Literals(["text", "dateline"])),
  modality: Schema.Literals(Modalities),
  actorKeys: Schema.Array(Schema.String),
  sourceKeys: Schema.Array(Schema.String),
  targetKeys: Schema.Array(Schema.String),
  rule: Schema.String
})
export type EventMention = typeof EventMention.Type

/** A time expression with its normalised value (TimeML-like: YYYY-MM-DD, YYYY-MM, YYYY, PnD…). */
export const TimeMention = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  type: Schema.Literals(["DATE", "TIME", "DURATION", "SET"]),
  value: Schema.NullOr(Schema.String),
  precision: Schema.NullOr(Schema.Literals(DatePrecisions)),
  anchor: Schema.NullOr(Schema.Literals(["published", "story", "absolute"])),
  tense: Schema.Literals(Tenses),
  rule: Schema.String
})
export type TimeMention = typeof TimeMention.Type

/** Everything the per-document stages produced for one article. Spans: code points, original text. */
export const DocumentExtraction = Schema.Struct({
  docId: Schema.String,
  inputId: Schema.String,
  nChars: Schema.Int,
  nSentences: Schema.Int,
  /** The body's first sentence, the lede: what the story is about, for grouping stories. */
  lead: Schema.String,
  contentHash: Schema.String,
  /** `docId` of an earlier input with the same cleaned text; such a document is not extracted again. */
  duplicateOf: Schema.NullOr(Schema.String),
  meta: DocumentMeta,
  actors: Schema.Array(LocalActor),
  actorMentions: Schema.Array(ActorMention),
  quotes: Schema.Array(QuoteMention),
  events: Schema.Array(EventMention),
  times: Schema.Array(TimeMention),
  diagnostics: Schema.Array(Diagnostic),
  /**
   * Story grouping's features of this document (content words, names, dates; see
   * dedupe/storyFeatures.ts), in the order they were counted. They depend on this document alone, so
   * they are made with its extraction, on a worker, and saved with it: a rerun does not count them again.
   */
  storyFeatures: Schema.Array(Schema.Tuple([Schema.String, Schema.Number]))
})
export type DocumentExtraction = typeof DocumentExtraction.Type

/**
 * An extraction as dedupe reads it once its story features have gone to story grouping, the one step
 * that reads them (they are about a third of an extraction in memory; see dedupe/index.ts).
 */
export type DocumentFacts = Omit<DocumentExtraction, "storyFeatures">
