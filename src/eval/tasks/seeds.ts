/**
 * `seeds`: each 'must' item of ../shared/gold/seeds.gold.json checked against what the pipeline exports
 * for the repo's seeds/ folder (run as `npm run pipeline` does). Evidence strings are located in the
 * article text with line breaks folded to single spaces (how the gold file defines them), and matched
 * to exported rows by offsets.
 */
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import type { ActorRow, Dataset, DocumentRow, EventMentionRow, EventRow, QuoteRow } from "../../model/tables.ts"
import { bestOverlapping, overlapOverUnion } from "../align.ts"
import type { Span } from "../align.ts"
import type { ScoreTable } from "../report.ts"

const OptionalText = Schema.optionalKey(Schema.NullOr(Schema.String))

export const SeedsGold = Schema.Struct({
  documents: Schema.Array(Schema.Struct({
    file: Schema.String,
    title: OptionalText,
    standfirst_evidence: OptionalText,
    published: OptionalText,
    published_inferred: OptionalText,
    author: OptionalText,
    editor: OptionalText,
    publisher: OptionalText,
    section: OptionalText,
    dateline: OptionalText
  })),
  actors: Schema.Struct({
    must: Schema.Array(Schema.Struct({
      name: Schema.String,
      kind: Schema.String,
      title: OptionalText,
      affiliation: OptionalText,
      in: Schema.Array(Schema.String)
    })),
    must_not: Schema.Array(Schema.Struct({ text: Schema.String, why: Schema.String }))
  }),
  quotes: Schema.Struct({
    must: Schema.Array(Schema.Struct({ doc: Schema.String, kind: Schema.String, evidence: Schema.String, speaker: Schema.String })),
    same_statement_across_sources: Schema.Array(Schema.Struct({
      why: Schema.String,
      members: Schema.Array(Schema.Struct({ doc: Schema.String, evidence: Schema.String }))
    }))
  }),
  events: Schema.Struct({
    must: Schema.Array(Schema.Struct({
      id: Schema.String,
      what: Schema.String,
      plover: OptionalText,
      cameo: OptionalText,
      date: OptionalText,
      actors: Schema.Array(Schema.String),
      evidence: Schema.Record(Schema.String, Schema.String)
    })),
    same_event_across_sources: Schema.Array(Schema.String)
  })
})
export type SeedsGold = typeof SeedsGold.Type

export const readSeedsGold = (path: string): SeedsGold => Schema.decodeUnknownSync(SeedsGold)(JSON.parse(readFileSync(path, "utf8")))

/** Folds whitespace, straightens quotes and lowers case, for comparing values written by people. */
export const normalisedValue = (value: string | null | undefined): string | null =>
  value === null || value === undefined ? null : value.replace(/[‘’]/g, "'").replace(/[“”]/g, "\"").replace(/\s+/g, " ").trim().toLowerCase()

const sameValue = (a: string | null | undefined, b: string | null | undefined) => normalisedValue(a) === normalisedValue(b)

/**
 * Where an evidence string is in a text whose line breaks are folded to single spaces (a run of
 * whitespace holding a line break becomes one space), as code point offsets of the original text.
 * Curly and straight quotes are treated alike.
 */
export const locateEvidence = (text: string, evidence: string): Span | null => {
  const points = Array.from(text)
  const folded: Array<string> = []
  const origin: Array<number> = []
  for (let i = 0; i < points.length;) {
    if (/\s/.test(points[i]!)) {
      let j = i
      while (j < points.length && /\s/.test(points[j]!)) j++
      const run = points.slice(i, j)
      const replacement = run.some((c) => c === "\n" || c === "\r") ? [" "] : run
      replacement.forEach((c, k) => {
        folded.push(c)
        origin.push(i + Math.min(k, run.length - 1))
      })
      i = j
    } else {
      folded.push(points[i]!)
      origin.push(i)
      i++
    }
  }
  const straight = (c: string) => c.replace(/[‘’]/g, "'").replace(/[“”]/g, "\"")
  const haystack = folded.map(straight)
  const needle = Array.from(evidence).map(straight)
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer
    const last = start + needle.length - 1
    return { start: origin[start]!, end: origin[last]! + 1 }
  }
  return null
}

export interface SeedCheck {
  readonly section: "documents" | "actors" | "must_not" | "quotes" | "events" | "same_event_across_sources" | "same_statement_across_sources"
  readonly item: string
  readonly problems: ReadonlyArray<string>
}

export interface SeedArticle {
  /** The file name, as `documents.input_id`. */
  readonly file: string
  readonly text: string
}

/** Checks every 'must' item; an item passes when it has no problem. */
export const checkSeeds = (gold: SeedsGold, articles: ReadonlyArray<SeedArticle>, dataset: Dataset): Array<SeedCheck> => {
  const documentOf = (prefix: string): DocumentRow | undefined =>
    dataset.documents.find((d) => d.input_id === prefix || d.input_id.startsWith(`${prefix}_`) || d.input_id.startsWith(prefix))
  const textOf = (prefix: string) => {
    const document = documentOf(prefix)
    return document === undefined ? undefined : articles.find((a) => a.file === document.input_id)?.text
  }
  const actorByName = (name: string): ActorRow | undefined => dataset.actors.find((a) => sameValue(a.name, name))
  const eventById = new Map<string, EventRow>(dataset.events.map((e) => [e.event_id, e]))
  const checks: Array<SeedCheck> = []

  for (const doc of gold.documents) {
    const row = documentOf(doc.file)
    const problems: Array<string> = []
    if (row === undefined) problems.push("document not in documents.json")
    else {
      const compare = (field: string, expected: string | null | undefined, actual: string | null) => {
        if (expected === undefined) return
        if (!sameValue(expected, actual)) problems.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
      }
      compare("title", doc.title, row.title)
      compare("author", doc.author, row.author)
      compare("editor", doc.editor, row.editor)
      compare("publisher", doc.publisher, row.publisher)
      compare("section", doc.section, row.section)
      compare("dateline", doc.dateline, row.dateline)
      const published = doc.published ?? doc.published_inferred ?? null
      compare("published", published, row.published)
      if (doc.published === null && doc.published_inferred !== undefined && doc.published_inferred !== null && row.published_source !== "inferred") {
        problems.push(`published_source: expected "inferred", got ${JSON.stringify(row.published_source)}`)
      }
      const standfirst = normalisedValue(doc.standfirst_evidence)
      if (standfirst !== null && !(normalisedValue(row.standfirst) ?? "").includes(standfirst)) {
        problems.push(`standfirst: expected to contain ${JSON.stringify(doc.standfirst_evidence)}, got ${JSON.stringify(row.standfirst)}`)
      }
    }
    checks.push({ section: "documents", item: doc.file, problems })
  }

  for (const actor of gold.actors.must) {
    const row = actorByName(actor.name)
    const problems: Array<string> = []
    if (row === undefined) {
      const alias = dataset.actors.find((a) => a.aliases.some((x) => sameValue(x, actor.name)))
      problems.push(`no actor named "${actor.name}"${alias === undefined ? "" : ` (an alias of "${alias.name}")`}`)
    } else {
      if (row.kind !== actor.kind) problems.push(`kind: expected ${actor.kind}, got ${row.kind}`)
      if (actor.title !== undefined && actor.title !== null && !sameValue(actor.title, row.title) && !sameValue(actor.title, row.title_normalized)) {
        problems.push(`title: expected ${JSON.stringify(actor.title)}, got ${JSON.stringify(row.title)}`)
      }
      if (actor.affiliation !== undefined && actor.affiliation !== null && !sameValue(actor.affiliation, row.affiliation)) {
        problems.push(`affiliation: expected ${JSON.stringify(actor.affiliation)}, got ${JSON.stringify(row.affiliation)}`)
      }
      for (const prefix of actor.in) {
        const doc = documentOf(prefix)
        if (doc === undefined || !dataset.actor_mentions.some((m) => m.actor_id === row.actor_id && m.doc_id === doc.doc_id)) {
          problems.push(`not mentioned in ${prefix}`)
        }
      }
    }
    checks.push({ section: "actors", item: actor.name, problems })
  }

  const NameRoles = new Set(["name", "surname", "alias"])
  for (const wrong of gold.actors.must_not) {
    const problems: Array<string> = []
    const actor = dataset.actors.find((a) => a.name === wrong.text || a.aliases.includes(wrong.text))
    if (actor !== undefined) problems.push(`actor "${actor.name}" (${actor.kind}) is named or aliased "${wrong.text}"`)
    const mentions = dataset.actor_mentions.filter((m) => m.text === wrong.text && NameRoles.has(m.role))
    if (mentions.length > 0) problems.push(`${mentions.length} name mention(s) "${wrong.text}" (${wrong.why})`)
    checks.push({ section: "must_not", item: wrong.text, problems })
  }

  const quoteAt = (prefix: string, evidence: string): { quote: QuoteRow | null; problem: string | null } => {
    const document = documentOf(prefix)
    const text = textOf(prefix)
    if (document === undefined || text === undefined) return { quote: null, problem: `document ${prefix} not exported` }
    const span = locateEvidence(text, evidence)
    if (span === null) return { quote: null, problem: `evidence not found in ${prefix}'s text` }
    const candidates = dataset.quotes.filter((q) => q.doc_id === document.doc_id)
    const best = bestOverlapping(span, candidates, (q) => q)
    if (best === null || overlapOverUnion(span, best) < 0.3) return { quote: null, problem: "no exported quote overlaps it (overlap/union ≥ 0.3)" }
    return { quote: best, problem: null }
  }

  for (const quote of gold.quotes.must) {
    const found = quoteAt(quote.doc, quote.evidence)
    const problems: Array<string> = []
    if (found.quote === null) problems.push(found.problem!)
    else {
      if (found.quote.kind !== quote.kind) problems.push(`kind: expected ${quote.kind}, got ${found.quote.kind}`)
      if (!sameValue(found.quote.speaker, quote.speaker)) {
        problems.push(`speaker: expected "${quote.speaker}", got ${JSON.stringify(found.quote.speaker)} (text ${JSON.stringify(found.quote.speaker_text)})`)
      }
    }
    checks.push({ section: "quotes", item: `${quote.doc}: "${quote.evidence.slice(0, 50)}…"`, problems })
  }

  for (const statement of gold.quotes.same_statement_across_sources) {
    const found = statement.members.map((m) => ({ member: m, ...quoteAt(m.doc, m.evidence) }))
    const problems = found.filter((f) => f.quote === null).map((f) => `${f.member.doc}: ${f.problem}`)
    const ids = new Set(found.flatMap((f) => (f.quote === null ? [] : [f.quote.statement_id])))
    if (problems.length === 0 && ids.size > 1) problems.push(`different statement_ids: ${[...ids].join(", ")}`)
    checks.push({ section: "same_statement_across_sources", item: statement.why, problems })
  }

  /** The exported event mention that best covers an evidence clause in a document, if any. */
  const eventMentionAt = (prefix: string, evidence: string): { mention: EventMentionRow | null; problem: string | null } => {
    const document = documentOf(prefix)
    const text = textOf(prefix)
    if (document === undefined || text === undefined) return { mention: null, problem: `document ${prefix} not exported` }
    const span = locateEvidence(text, evidence)
    if (span === null) return { mention: null, problem: `evidence not found in ${prefix}'s text` }
    const candidates = dataset.event_mentions.filter((m) => m.doc_id === document.doc_id)
    const best = bestOverlapping(span, candidates, (m) => m)
    return best === null ? { mention: null, problem: `no event mention in ${prefix} overlaps "${evidence.slice(0, 40)}…"` } : { mention: best, problem: null }
  }

  const eventMentionsOf = new Map<string, Array<EventMentionRow>>()
  for (const event of gold.events.must) {
    const problems: Array<string> = []
    const mentions: Array<EventMentionRow> = []
    for (const [prefix, evidence] of Object.entries(event.evidence)) {
      const found = eventMentionAt(prefix, evidence)
      if (found.mention === null) problems.push(found.problem!)
      else mentions.push(found.mention)
    }
    eventMentionsOf.set(event.id, mentions)
    for (const eventId of new Set(mentions.map((m) => m.event_id))) {
      const row = eventById.get(eventId)
      if (row === undefined) {
        problems.push(`event ${eventId} not in events.json`)
        continue
      }
      const expectedType = event.plover ?? null
      if (expectedType !== null && !sameValue(expectedType, row.event_type)) problems.push(`type: expected ${expectedType}, got ${row.event_type}`)
      if (expectedType === null && event.cameo !== undefined && event.cameo !== null && row.cameo !== event.cameo) {
        problems.push(`cameo: expected ${event.cameo}, got ${row.cameo}`)
      }
      if (event.date !== undefined && event.date !== null && row.date !== event.date) problems.push(`date: expected ${event.date}, got ${row.date}`)
      const missing = event.actors.filter((name) => !row.actors.some((a) => sameValue(a, name)))
      if (missing.length > 0) problems.push(`actors missing: ${missing.join(", ")} (has ${row.actors.join(", ") || "none"})`)
    }
    checks.push({ section: "events", item: `${event.id}: ${event.what}`, problems })
  }

  for (const id of gold.events.same_event_across_sources) {
    const event = gold.events.must.find((e) => e.id === id)
    const mentions = eventMentionsOf.get(id) ?? []
    const problems: Array<string> = []
    if (event === undefined) problems.push(`no must event "${id}" in the gold`)
    else if (mentions.length < Object.keys(event.evidence).length) problems.push("not found in every source")
    else if (new Set(mentions.map((m) => m.event_id)).size > 1) problems.push(`split into ${new Set(mentions.map((m) => m.event_id)).size} events`)
    checks.push({ section: "same_event_across_sources", item: id, problems })
  }
  return checks
}

export const seedTask = (checks: ReadonlyArray<SeedCheck>) => {
  const sections = [...new Set(checks.map((c) => c.section))]
  const table: ScoreTable = {
    title: "seeds: 'must' items",
    columns: ["passed", "items", "share"],
    rows: [...sections.map((section) => {
      const items = checks.filter((c) => c.section === section)
      const passed = items.filter((c) => c.problems.length === 0).length
      return { label: section, cells: [passed, items.length, passed / items.length] }
    }), {
      label: "all",
      cells: [checks.filter((c) => c.problems.length === 0).length, checks.length, checks.length === 0 ? null : checks.filter((c) => c.problems.length === 0).length / checks.length]
    }]
  }
  const figures = Object.fromEntries([
    ...sections.map((section) => {
      const items = checks.filter((c) => c.section === section)
      return [`${section}.passed`, items.filter((c) => c.problems.length === 0).length / items.length]
    }),
    ["all.passed", checks.length === 0 ? null : checks.filter((c) => c.problems.length === 0).length / checks.length]
  ])
  return {
    tables: [table],
    figures,
    notes: ["Evidence strings are located with line breaks folded to spaces and matched by offsets: quotes by overlap/union ≥ 0.3, events by the best-overlapping event mention. Names, titles and values compare case-insensitively with whitespace and quotes normalised."],
    failures: checks.filter((c) => c.problems.length > 0).map((c) => `${c.section} · ${c.item}: ${c.problems.join("; ")}`)
  }
}
