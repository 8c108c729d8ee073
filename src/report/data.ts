/**
 * What the report page shows, computed from the tables, the manifest and the documents' original texts.
 *
 * The page carries two kinds of data (see page.ts): one summary that is read when the page opens (the
 * overview, the lists of documents, actors, quotes, events and stories, and the charts' figures, all
 * small per row), and one chunk per document (its text and every span found in it) that the page
 * parses only when that document is opened. So an archive's page opens as fast as its summary parses,
 * whatever the size of its texts.
 *
 * The long lists are labelled tuples rather than objects: on an archive they are most of the summary,
 * and the keys would double it. The page's script (client/report.js) reads them by the same labels.
 */
import type { Diagnostic } from "../model/diagnostic.ts"
import type { Manifest } from "../model/manifest.ts"
import type { Dataset, DocumentRow, EventRow } from "../model/tables.ts"
import type { DocumentText } from "./texts.ts"

/** Quote and summary texts in the lists are cut to this many characters (the document view has them whole). */
const LIST_TEXT_CHARS = 220
/** Examples kept per diagnostic kind in the overview. */
const EXAMPLES_PER_KIND = 3

export type DocumentCell = [
  doc_id: string,
  input_id: string,
  title: string | null,
  published: string | null,
  publisher: string | null,
  story: number | null,
  duplicate_of: number | null,
  near_copy_of: number | null,
  n_chars: number,
  n_actors: number,
  n_quotes: number,
  n_events: number,
  /** null when the text is in the page; otherwise why it is not. */
  text_note: string | null
]
export type ActorCell = [
  actor_id: string,
  name: string,
  kind: string,
  title: string | null,
  affiliation: string | null,
  aliases: Array<string>,
  n_mentions: number,
  n_documents: number,
  rules: Array<number>,
  merged_by: Array<string>,
  /** Indexes into `documents` of the documents that mention the actor, in document order. */
  documents: Array<number>
]
export type QuoteCell = [
  quote_id: string,
  statement_id: string,
  document: number,
  kind: string,
  speaker: string | null,
  speaker_actor: number | null,
  text: string,
  cue: string | null
]
export type EventCell = [
  event_id: string,
  event_type: string,
  cameo: string | null,
  date: string | null,
  location: string | null,
  actors: Array<number>,
  summary: string,
  modality: string,
  n_mentions: number,
  merged_by: Array<string>,
  documents: Array<number>
]
export type StoryCell = [story_id: string, documents: Array<number>]

/** Per document, the spans the document view draws. Offsets: code points into the original text. */
export type MentionSpan = [start: number, end: number, actor: number, role: string, title: string | null, rule: number]
export type QuoteSpan = [
  quote: number,
  start: number,
  end: number,
  speaker_text: string | null,
  speaker_start: number | null,
  speaker_end: number | null,
  cue_lemma: string | null,
  cue_start: number | null,
  cue_end: number | null,
  addressee: string | null,
  rule: number,
  /** The quote's text when it is not the document text between start and end (null when it is). */
  text: string | null
]
export type EventSpan = [
  event: number,
  start: number,
  end: number,
  trigger_start: number,
  trigger_end: number,
  event_type: string,
  cameo: string | null,
  date: string | null,
  date_text: string | null,
  location: string | null,
  modality: string,
  actors: Array<number>,
  rule: number
]
export type TimeSpan = [start: number, end: number, type: string, value: string | null, anchor: string | null, rule: number]
export type DiagnosticNote = [stage: string, rule: string, severity: string, message: string, start: number | null, end: number | null]

export interface DocumentChunk {
  /** What the document view shows under the headline (found in the text or given with the record). */
  readonly meta: { readonly standfirst: string | null; readonly author: string | null; readonly editor: string | null; readonly dateline: string | null; readonly section: string | null; readonly url: string | null }
  readonly text: string | null
  readonly mentions: Array<MentionSpan>
  readonly quotes: Array<QuoteSpan>
  readonly events: Array<EventSpan>
  readonly times: Array<TimeSpan>
  readonly diagnostics: Array<DiagnosticNote>
}

export interface DiagnosticKind {
  readonly stage: string
  readonly rule: string
  readonly severity: string
  readonly count: number
  readonly documents: number
  readonly examples: Array<string>
}

export interface Charts {
  /** Events with a day date, counted per day and type (types beyond the most common are "other"). */
  readonly timeline: Array<{ readonly date: string; readonly type: string; readonly events: number }>
  readonly timelineTypes: Array<string>
  /**
   * How many events the timeline leaves out: dated to a month or year only, undated, or dated far
   * from the rest (a news archive's events cluster; "the 1995 election" would stretch the axis to nothing).
   */
  readonly undatedEvents: { readonly monthOrYear: number; readonly none: number; readonly outside: number }
  readonly topActors: Array<{ readonly actor: number; readonly mentions: number; readonly documents: number }>
  /** The actors in the most events, and for each pair the events they share (`i < j`; `i == j`: their own count). */
  readonly cooccurrence: { readonly actors: Array<number>; readonly cells: Array<[i: number, j: number, events: number]> }
  readonly speakers: Array<{ readonly actor: number | null; readonly name: string; readonly direct: number; readonly mixed: number; readonly indirect: number }>
  /** Stories with several dated reports: the reports' outlets and days. */
  readonly stories: Array<{ readonly story: number; readonly reports: Array<{ readonly document: number; readonly outlet: string; readonly day: string | null }> }>
}

export interface ReportSummary {
  readonly tool: Manifest["tool"]
  readonly versions: Manifest["versions"]
  readonly options: Manifest["options"]
  readonly counts: Manifest["counts"]
  /** Inputs that were not processed as themselves: skipped (with stage and reason) or duplicates. */
  readonly notProcessed: Array<{ readonly input_id: string; readonly file: string; readonly line: number | null; readonly status: string; readonly stage: string | null; readonly reason: string | null }>
  readonly diagnostics: Array<DiagnosticKind>
  /** Every rule and lexicon id named in the spans, once; spans point into this list. */
  readonly rules: Array<string>
  readonly documents: Array<DocumentCell>
  readonly actors: Array<ActorCell>
  readonly quotes: Array<QuoteCell>
  readonly events: Array<EventCell>
  readonly stories: Array<StoryCell>
  readonly charts: Charts
  /** How many documents' texts are in the page (the others are listed without their text). */
  readonly textsIncluded: number
}

export interface ReportData {
  readonly summary: ReportSummary
  /** One chunk per entry of `summary.documents`, in the same order. */
  readonly chunks: Array<DocumentChunk>
}

export interface ReportInput {
  readonly dataset: Dataset
  readonly manifest: Manifest
  /** The original text of a document, or why it cannot be shown. */
  readonly textOf: (doc: DocumentRow) => DocumentText
}

const cut = (text: string, max = LIST_TEXT_CHARS): string => {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`
}

/** Index of each id in a list of rows, for the tuples' cross-references. */
const indexBy = <R>(rows: ReadonlyArray<R>, id: (row: R) => string): Map<string, number> => new Map(rows.map((row, k) => [id(row), k]))

/** Interns strings (rule ids) into one list, in first-seen order. */
class Interner {
  readonly values: Array<string> = []
  private readonly index = new Map<string, number>()
  of(value: string): number {
    let k = this.index.get(value)
    if (k === undefined) {
      k = this.values.length
      this.values.push(value)
      this.index.set(value, k)
    }
    return k
  }
}

const groupBy = <R>(rows: ReadonlyArray<R>, key: (row: R) => string): Map<string, Array<R>> => {
  const groups = new Map<string, Array<R>>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group === undefined) groups.set(k, [row])
    else group.push(row)
  }
  return groups
}

const byCountThenName = <T>(count: (t: T) => number, name: (t: T) => string) => (a: T, b: T): number =>
  count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)

export const diagnosticKinds = (diagnostics: ReadonlyArray<Diagnostic>): Array<DiagnosticKind> => {
  const groups = groupBy(diagnostics, (d) => `${d.stage}\u0000${d.rule}\u0000${d.severity}`)
  const severityOrder = { error: 0, warning: 1, info: 2 } as Record<string, number>
  return [...groups.values()]
    .map((group) => ({
      stage: group[0].stage,
      rule: group[0].rule,
      severity: group[0].severity,
      count: group.length,
      documents: new Set(group.map((d) => d.input_id)).size,
      examples: group.slice(0, EXAMPLES_PER_KIND).map((d) => d.message)
    }))
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || b.count - a.count || (a.rule < b.rule ? -1 : 1))
}

/** How many event types the timeline shows by name; the rest are counted as "other". */
const TIMELINE_TYPES = 8
const TOP_ACTORS = 20
const COOCCURRENCE_ACTORS = 12
const TOP_SPEAKERS = 20
const CHART_STORIES = 25

/** Share of the day-dated events whose shortest window sets the timeline's range (see `timelineWindow`). */
const TIMELINE_CORE = 0.9

/**
 * The dates the timeline spans: the shortest window that holds 90 % of the dates, widened by its own
 * length on both sides (and never beyond the dates). Dates spread evenly all fall inside; only dates
 * far from where the rest cluster (historical references) fall outside.
 */
export const timelineWindow = (sortedDates: ReadonlyArray<string>): { from: string; to: string } | null => {
  const n = sortedDates.length
  if (n === 0) return null
  const days = sortedDates.map((d) => Date.parse(`${d}T00:00:00Z`) / 864e5)
  const k = Math.max(1, Math.ceil(TIMELINE_CORE * n))
  let best = 0
  for (let i = 0; i + k - 1 < n; i++) if (days[i + k - 1] - days[i] < days[best + k - 1] - days[best]) best = i
  const length = Math.max(days[best + k - 1] - days[best], 31)
  const from = days.findIndex((d) => d >= days[best] - length)
  let to = n - 1
  while (days[to] > days[best + k - 1] + length) to--
  return { from: sortedDates[from], to: sortedDates[to] }
}

const timeline = (events: ReadonlyArray<EventRow>): Pick<Charts, "timeline" | "timelineTypes" | "undatedEvents"> => {
  const allDayDated = events.filter((e) => e.date !== null && e.date_precision === "day")
  const window = timelineWindow(allDayDated.map((e) => e.date as string).sort())
  const dayDated = window === null ? [] : allDayDated.filter((e) => (e.date as string) >= window.from && (e.date as string) <= window.to)
  const typeCounts = [...groupBy(dayDated, (e) => e.event_type)].map(([type, rows]) => ({ type, n: rows.length }))
  typeCounts.sort(byCountThenName((t) => t.n, (t) => t.type))
  const named = new Set(typeCounts.slice(0, TIMELINE_TYPES).map((t) => t.type))
  const typeOf = (e: EventRow) => (named.has(e.event_type) ? e.event_type : "other")
  const cells = [...groupBy(dayDated, (e) => `${e.date}\u0000${typeOf(e)}`).values()].map((rows) => ({
    date: rows[0].date as string,
    type: typeOf(rows[0]),
    events: rows.length
  }))
  cells.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type < b.type ? -1 : 1))
  const timelineTypes = typeCounts.slice(0, TIMELINE_TYPES).map((t) => t.type)
  if (typeCounts.length > TIMELINE_TYPES) timelineTypes.push("other")
  return {
    timeline: cells,
    timelineTypes,
    undatedEvents: {
      monthOrYear: events.filter((e) => e.date !== null && e.date_precision !== "day").length,
      none: events.filter((e) => e.date === null).length,
      outside: allDayDated.length - dayDated.length
    }
  }
}

const cooccurrence = (events: ReadonlyArray<EventRow>, actorIndex: ReadonlyMap<string, number>): Charts["cooccurrence"] => {
  const inEvents = new Map<string, number>()
  for (const e of events) for (const id of new Set(e.actor_ids)) inEvents.set(id, (inEvents.get(id) ?? 0) + 1)
  const top = [...inEvents].sort(byCountThenName(([, n]) => n, ([id]) => id)).slice(0, COOCCURRENCE_ACTORS).map(([id]) => id)
  const position = new Map(top.map((id, k) => [id, k]))
  const counts = new Map<string, number>()
  for (const e of events) {
    const present = [...new Set(e.actor_ids)].map((id) => position.get(id)).filter((k) => k !== undefined).sort((a, b) => a - b)
    for (let a = 0; a < present.length; a++) {
      for (let b = a; b < present.length; b++) {
        const key = `${present[a]},${present[b]}`
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
  }
  const cells = [...counts].map(([key, n]) => {
    const [i, j] = key.split(",").map(Number)
    return [i, j, n] as [number, number, number]
  })
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  return { actors: top.map((id) => actorIndex.get(id) as number), cells }
}

const speakers = (dataset: Dataset, actorIndex: ReadonlyMap<string, number>): Charts["speakers"] => {
  const withSpeaker = dataset.quotes.filter((q) => q.speaker !== null)
  const groups = groupBy(withSpeaker, (q) => q.speaker_actor_id ?? `name:${q.speaker}`)
  const rows = [...groups.values()].map((quotes) => ({
    actor: quotes[0].speaker_actor_id === null ? null : (actorIndex.get(quotes[0].speaker_actor_id) ?? null),
    name: quotes[0].speaker as string,
    direct: quotes.filter((q) => q.kind === "direct").length,
    mixed: quotes.filter((q) => q.kind === "mixed").length,
    indirect: quotes.filter((q) => q.kind === "indirect").length
  }))
  const total = (s: (typeof rows)[number]) => s.direct + s.mixed + s.indirect
  return rows.sort(byCountThenName(total, (s) => s.name)).slice(0, TOP_SPEAKERS)
}

/** The outlet a report is from: its publisher, as the record or the text names it. */
const outletOf = (doc: DocumentRow): string => doc.publisher ?? "unknown outlet"

/** Stories with at least two dated reports, the most reported first: a story's reports drawn by day. */
const storyCharts = (stories: ReadonlyArray<StoryCell>, documents: ReadonlyArray<DocumentRow>): Charts["stories"] =>
  stories
    .map(([, docs], story) => ({ story, docs: docs.filter((k) => documents[k].published !== null) }))
    .filter(({ docs }) => docs.length > 1)
    .sort(byCountThenName(({ docs }) => docs.length, ({ story }) => String(story).padStart(9, "0")))
    .slice(0, CHART_STORIES)
    .map(({ story, docs }) => ({
      story,
      reports: docs.map((k) => ({ document: k, outlet: outletOf(documents[k]), day: documents[k].published }))
    }))

export const buildReportData = ({ dataset, manifest, textOf }: ReportInput): ReportData => {
  const rules = new Interner()
  const docIndex = indexBy(dataset.documents, (d) => d.doc_id)
  const actorIndex = indexBy(dataset.actors, (a) => a.actor_id)
  const quoteIndex = indexBy(dataset.quotes, (q) => q.quote_id)
  const eventIndex = indexBy(dataset.events, (e) => e.event_id)
  const docOf = (id: string) => docIndex.get(id) as number
  const actorOf = (id: string) => actorIndex.get(id) as number

  const storyIds = [...new Set(dataset.documents.map((d) => d.story_id).filter((s) => s !== null))].sort()
  const storyIndex = new Map(storyIds.map((id, k) => [id, k]))
  const stories: Array<StoryCell> = storyIds.map((id) => [id, []])
  dataset.documents.forEach((d, k) => {
    if (d.story_id !== null) stories[storyIndex.get(d.story_id) as number][1].push(k)
  })

  const mentionsByDoc = groupBy(dataset.actor_mentions, (m) => m.doc_id)
  const quotesByDoc = groupBy(dataset.quotes, (q) => q.doc_id)
  const eventMentionsByDoc = groupBy(dataset.event_mentions, (m) => m.doc_id)
  const timesByDoc = groupBy(dataset.times, (t) => t.doc_id)
  const diagnosticsByInput = groupBy(manifest.diagnostics, (d) => d.input_id)

  const actorDocs = dataset.actors.map(() => new Set<number>())
  for (const m of dataset.actor_mentions) actorDocs[actorOf(m.actor_id)].add(docOf(m.doc_id))
  const eventDocs = dataset.events.map(() => new Set<number>())
  for (const m of dataset.event_mentions) eventDocs[eventIndex.get(m.event_id) as number].add(docOf(m.doc_id))
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b)

  const chunks: Array<DocumentChunk> = []
  const documents: Array<DocumentCell> = dataset.documents.map((d) => {
    const mentions = mentionsByDoc.get(d.doc_id) ?? []
    const quotes = quotesByDoc.get(d.doc_id) ?? []
    const eventMentions = eventMentionsByDoc.get(d.doc_id) ?? []
    const text = d.duplicate_of === null ? textOf(d) : { text: null, note: `same text as ${d.duplicate_of} after cleaning: its rows are under that document` }
    const chars = text.text === null || quotes.length === 0 ? null : [...text.text]
    const unlessInText = (value: string, start: number, end: number) => (chars !== null && chars.slice(start, end).join("") === value ? null : value)
    chunks.push({
      meta: { standfirst: d.standfirst, author: d.author, editor: d.editor, dateline: d.dateline, section: d.section, url: d.url },
      text: text.text,
      mentions: mentions.map((m) => [m.start, m.end, actorOf(m.actor_id), m.role, m.title, rules.of(m.rule)]),
      quotes: quotes.map((q) => [
        quoteIndex.get(q.quote_id) as number, q.start, q.end,
        q.speaker_text, q.speaker_start, q.speaker_end, q.cue_lemma, q.cue_start, q.cue_end, q.addressee, rules.of(q.rule), unlessInText(q.text, q.start, q.end)
      ]),
      events: eventMentions.map((m) => [
        eventIndex.get(m.event_id) as number, m.start, m.end, m.trigger_start, m.trigger_end, m.event_type, m.cameo,
        m.date, m.date_text, m.location, m.modality, m.actor_ids.map(actorOf), rules.of(m.rule)
      ]),
      times: (timesByDoc.get(d.doc_id) ?? []).map((t) => [t.start, t.end, t.type, t.value, t.anchor, rules.of(t.rule)]),
      diagnostics: (diagnosticsByInput.get(d.input_id) ?? []).map((g) => [g.stage, g.rule, g.severity, g.message, g.start ?? null, g.end ?? null])
    })
    return [
      d.doc_id, d.input_id, d.title, d.published, d.publisher,
      d.story_id === null ? null : (storyIndex.get(d.story_id) as number),
      d.duplicate_of === null ? null : (docIndex.get(d.duplicate_of) ?? null),
      d.near_copy_of === null ? null : (docIndex.get(d.near_copy_of) ?? null),
      d.n_chars, new Set(mentions.map((m) => m.actor_id)).size, quotes.length, new Set(eventMentions.map((m) => m.event_id)).size,
      text.note
    ]
  })

  const actors: Array<ActorCell> = dataset.actors.map((a, k) => [
    a.actor_id, a.name, a.kind, a.title, a.affiliation, [...a.aliases], a.n_mentions, a.n_documents,
    a.rules.map((r) => rules.of(r)), [...a.merged_by], sorted(actorDocs[k])
  ])
  const quotes: Array<QuoteCell> = dataset.quotes.map((q) => [
    q.quote_id, q.statement_id, docOf(q.doc_id), q.kind, q.speaker, q.speaker_actor_id === null ? null : (actorIndex.get(q.speaker_actor_id) ?? null), cut(q.text), q.cue
  ])
  const events: Array<EventCell> = dataset.events.map((e, k) => [
    e.event_id, e.event_type, e.cameo, e.date, e.location, e.actor_ids.map(actorOf), cut(e.summary), e.modality, e.n_mentions,
    [...e.merged_by], sorted(eventDocs[k])
  ])

  const topActors = dataset.actors
    .map((a, actor) => ({ actor, mentions: a.n_mentions, documents: a.n_documents, name: a.name }))
    .sort(byCountThenName((a) => a.mentions, (a) => a.name))
    .slice(0, TOP_ACTORS)
    .map(({ actor, mentions, documents }) => ({ actor, mentions, documents }))

  return {
    summary: {
      tool: manifest.tool,
      versions: manifest.versions,
      options: manifest.options,
      counts: manifest.counts,
      notProcessed: manifest.inputs
        .filter((i) => i.status !== "processed")
        .map(({ input_id, file, line, status, stage, reason }) => ({ input_id, file, line, status, stage, reason })),
      diagnostics: diagnosticKinds(manifest.diagnostics),
      rules: rules.values,
      documents,
      actors,
      quotes,
      events,
      stories,
      charts: {
        ...timeline(dataset.events),
        topActors,
        cooccurrence: cooccurrence(dataset.events, actorIndex),
        speakers: speakers(dataset, actorIndex),
        stories: storyCharts(stories, dataset.documents)
      },
      textsIncluded: chunks.filter((c) => c.text !== null).length
    },
    chunks
  }
}
