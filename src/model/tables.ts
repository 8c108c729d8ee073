/**
 * The output tables of ../shared/CONTRACT.md, declared once. CSV headers, the JSON row shape, the Arrow
 * schema and the README's data dictionary are all derived from these declarations.
 */
import { col, table } from "./columns.ts"
import type { RowOf } from "./columns.ts"

export const ActorKinds = ["person", "organization", "country", "place", "group", "other"] as const
export type ActorKind = (typeof ActorKinds)[number]

export const QuoteKinds = ["direct", "mixed", "indirect"] as const
export type QuoteKind = (typeof QuoteKinds)[number]

export const Modalities = ["asserted", "expected", "negated", "hypothetical"] as const
export type Modality = (typeof Modalities)[number]

export const PublishedSources = ["input", "text", "inferred"] as const
export type PublishedSource = (typeof PublishedSources)[number]

export const DatePrecisions = ["day", "month", "year"] as const
export type DatePrecision = (typeof DatePrecisions)[number]

export const Documents = table("documents", "One row per input article that was processed.", {
  doc_id: col.id("Stable document id, derived from `input_id`."),
  input_id: col.text("File name (relative to the input folder) or the record's `id`."),
  title: col.optText("Headline, from the record or found in the text."),
  standfirst: col.optText("Summary line under the headline, where the text has one."),
  published: col.optDate("Publication date (YYYY-MM-DD)."),
  published_source: col.optCategory("Where `published` came from: `input`, `text` or `inferred` (from the story)."),
  author: col.optText("Byline author (metadata, never an actor)."),
  editor: col.optText("Editor credit (metadata, never an actor)."),
  publisher: col.optText("Publisher named by the record or the text."),
  section: col.optCategory("Section label found in the text."),
  dateline: col.optText("Dateline city (\"LONDON\")."),
  url: col.optText("URL given with the record."),
  story_id: col.optCategory("Documents reporting the same story share this id."),
  duplicate_of: col.optText("`doc_id` of an earlier input with the same text after cleaning."),
  n_chars: col.int("Length of the original text in Unicode code points."),
  n_sentences: col.int("Sentences in the cleaned body."),
  content_hash: col.id("SHA-256 (first 16 hex digits) of the cleaned body."),
  near_copy_of: col.optText("`doc_id` of the earliest report this one nearly copies (a wire story republished with small edits)."),
  story_links: col.list("Why the document is in its story: its strongest links to other documents of it, as `doc_id rule score` (rule: content-similarity, near-duplicate, or nearest-story for a report, or a group of two or three, that linked to no other report of its story and joined the story nearest to it).")
})

export const Actors = table("actors", "One row per real-world actor, deduplicated across documents.", {
  actor_id: col.id("Stable actor id."),
  name: col.text("Canonical name."),
  kind: col.literal(ActorKinds)("person, organization, country, place, group or other."),
  title: col.optText("Role or title as written (\"Treasury Secretary\")."),
  title_normalized: col.optCategory("Title in lower case, without a leading affiliation (\"treasury secretary\") or article (\"an MSP\" → \"msp\") and with organisations by their canonical names (\"director of the national economic council\")."),
  affiliation: col.optCategory("Canonical name of the country or organisation the actor belongs to."),
  aliases: col.list("Every distinct surface form seen."),
  n_mentions: col.int("Mentions across all documents."),
  n_documents: col.int("Documents that mention the actor."),
  rules: col.list("Rules and lexicons that found the mentions."),
  merged_by: col.list("Rules that merged mentions from different documents into this actor.")
})

export const ActorMentions = table("actor_mentions", "One row per mention of an actor in a document.", {
  mention_id: col.id("Stable mention id."),
  actor_id: col.id("The actor mentioned."),
  doc_id: col.id("The document."),
  start: col.int("Start offset (code points, original text)."),
  end: col.int("End offset, exclusive."),
  text: col.text("The mention as written."),
  kind: col.literal(ActorKinds)("Kind of the mention."),
  role: col.category("How the actor is referred to: name, surname, title, alias, demonym, group, pronoun, description ('the company' for the organisation the article speaks of; 'the governor' is a title)."),
  title: col.optText("Title attached to this mention, as written."),
  rule: col.category("Rule or lexicon that found the mention.")
})

export const Quotes = table("quotes", "One row per contiguous piece of quoted content (direct, mixed or indirect) in a document.", {
  quote_id: col.id("Stable quote id."),
  statement_id: col.id("Shared by the pieces of one interrupted quotation and by reports of one statement across documents."),
  part: col.int("1, 2, … : the piece's place in its quotation (`“…,” she said. “…”` has parts 1 and 2; a quotation over several paragraphs has one part per paragraph)."),
  doc_id: col.id("The document."),
  kind: col.literal(QuoteKinds)("direct, mixed (partial) or indirect (reported)."),
  text: col.text("The quoted content, without quotation marks or attribution."),
  start: col.int("Start of the content (code points, original text)."),
  end: col.int("End of the content, exclusive."),
  speaker_actor_id: col.optText("The speaking actor's id."),
  speaker: col.optText("The speaker's canonical name."),
  speaker_text: col.optText("What the text calls the speaker (\"He\", \"a spokesperson\", the \"who\" of a relative clause, resolved through its antecedent)."),
  speaker_start: col.optInt("Start of `speaker_text`."),
  speaker_end: col.optInt("End of `speaker_text`."),
  cue: col.optText("Cue word(s) as written (\"said\", \"according to\")."),
  cue_lemma: col.optCategory("Cue in lexicon form (\"say\", \"according to\")."),
  cue_start: col.optInt("Start of the cue."),
  cue_end: col.optInt("End of the cue."),
  addressee: col.optText("Addressee or medium (\"CNBC\" in \"told CNBC\")."),
  rule: col.category("Rule that found the quote.")
})

export const Events = table("events", "One row per real-world event, deduplicated across documents.", {
  event_id: col.id("Stable event id."),
  event_type: col.category("PLOVER category or a newsfacts type (see README): the type most of its mentions give."),
  cameo: col.optCategory("CAMEO code where one fits (the most common among the mentions of that type)."),
  date: col.optText("YYYY-MM-DD, YYYY-MM or YYYY, by `date_precision`."),
  date_precision: col.optCategory("day, month or year."),
  date_source: col.optCategory("text (resolved from the mention), story (from a merged report) or dateline."),
  location: col.optText("Canonical place name."),
  actor_ids: col.list("Participating actors' ids."),
  actors: col.list("Participating actors' canonical names."),
  source_actor_ids: col.list("Actors doing the action, where clear (as the text names them: a person, not also the country they act for)."),
  target_actor_ids: col.list("Actors the action is aimed at, where clear."),
  summary: col.text("The earliest report's evidence clause, on one line (its exact span is in event_mentions)."),
  modality: col.literal(Modalities)("asserted, expected, negated or hypothetical."),
  n_mentions: col.int("Mentions across all documents."),
  n_documents: col.int("Documents that report the event."),
  merged_by: col.list("Rules that merged mentions from different documents into this event.")
})

export const EventMentions = table("event_mentions", "One row per mention of an event in a document.", {
  mention_id: col.id("Stable mention id."),
  event_id: col.id("The event."),
  doc_id: col.id("The document."),
  start: col.int("Start of the evidence clause (code points, original text)."),
  end: col.int("End of the evidence clause, exclusive."),
  text: col.text("The evidence clause."),
  trigger: col.text("Trigger word(s) as written."),
  trigger_start: col.int("Start of the trigger."),
  trigger_end: col.int("End of the trigger."),
  event_type: col.category("Type given to this mention."),
  cameo: col.optCategory("CAMEO code for this mention."),
  date: col.optText("Date resolved from this mention."),
  date_text: col.optText("Time expression as written."),
  location: col.optText("Place named in this mention."),
  modality: col.literal(Modalities)("Modality of this mention."),
  actor_ids: col.list("Actors taking part, in this mention."),
  source_actor_ids: col.list("Actors doing the action in this mention (agent), where the clause says."),
  target_actor_ids: col.list("Actors the action is aimed at in this mention (patient), where the clause says."),
  rule: col.category("Rule or lexicon entry that found the mention.")
})

export const Times = table("times", "One row per time expression in a document, resolved against the publication date.", {
  doc_id: col.id("The document."),
  start: col.int("Start of the expression (code points, original text)."),
  end: col.int("End of the expression, exclusive."),
  text: col.text("The expression as written (\"on Monday\", \"a day earlier\")."),
  type: col.category("DATE, TIME, DURATION or SET."),
  value: col.optText("Normalised value (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, PnD…), or null when unresolved."),
  precision: col.optCategory("day, month, year (or null)."),
  anchor: col.optCategory("What it was resolved against: published, story, or absolute."),
  rule: col.category("Rule that found and resolved it.")
})

export const AllTables = [Documents, Actors, ActorMentions, Quotes, Events, EventMentions, Times] as const

export type DocumentRow = RowOf<typeof Documents>
export type ActorRow = RowOf<typeof Actors>
export type ActorMentionRow = RowOf<typeof ActorMentions>
export type QuoteRow = RowOf<typeof Quotes>
export type EventRow = RowOf<typeof Events>
export type EventMentionRow = RowOf<typeof EventMentions>
export type TimeRow = RowOf<typeof Times>

/** The whole dataset a run exports: one array of rows per table, in output order. */
export interface Dataset {
  readonly documents: ReadonlyArray<DocumentRow>
  readonly actors: ReadonlyArray<ActorRow>
  readonly actor_mentions: ReadonlyArray<ActorMentionRow>
  readonly quotes: ReadonlyArray<QuoteRow>
  readonly events: ReadonlyArray<EventRow>
  readonly event_mentions: ReadonlyArray<EventMentionRow>
  readonly times: ReadonlyArray<TimeRow>
}
