/**
 * `events`: exported event mentions vs annotated event mentions with their arguments.
 *
 * newsfacts events gold (events.dev.jsonl: trigger, `family`, agent / patient spans, `date`, `modality`):
 *
 * - Gold and exported mentions are paired one to one by trigger overlap (largest overlap / union first).
 *   Trigger P/R/F1 counts the pairs; typed-trigger P/R/F1 counts the pairs whose exported type (and CAMEO
 *   code) falls in the gold `family` (src/lexicons/events-types.json says which family each type is).
 * - Agent and patient: an exported mention's `source_actor_ids` are its agents, `target_actor_ids` its
 *   patients. An exported participant is right when its mention is paired with a gold mention that has
 *   an argument of that role overlapping one of the actor's mentions in the document. Precision counts
 *   every exported participant of every exported mention; recall every gold agent / patient. "Participant"
 *   pools agents and patients (role must match); "any role" also lets the roles differ and counts the
 *   exported mention's undirected participants (`actor_ids`).
 * - Date and modality accuracy: over the paired mentions, the exported `date` equals the gold `date`
 *   (a null gold date wants a null date: the text does not say when) and the exported modality the gold
 *   one; "dated" is the accuracy on the pairs whose gold date is not null.
 *
 * MEANTIME (meantime.dev.jsonl): gold events with `participants` Arg0 (agent) / Arg1 (patient) pointing
 * at an actor-like entity (PER, ORG, LOC); only annotated sentences count. Events are paired the same
 * way; a gold participant is found when the paired mention names an actor whose mention overlaps the
 * argument's entity span, with the same role ("role") or in any role.
 *
 * The articles of a file are split in two halves by their line in the file (even lines, counting from 0:
 * tune; odd: report). Errors are listed only for the tuning half, so rules are not read off the
 * reporting half; figures are given for both halves and for all.
 */
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { familyOf } from "../../extract/events/lexicon.ts"
import type { ActorMentionRow, EventMentionRow } from "../../model/tables.ts"
import { overlaps, overlapOverUnion, pairOneToOne } from "../align.ts"
import type { Span } from "../align.ts"
import type { DocumentRows } from "../exported.ts"
import { annotatedRegions } from "../gold.ts"
import type { GoldRecord } from "../gold.ts"
import { prfFromCounts, ratio } from "../metrics.ts"
import type { PrfCounts } from "../metrics.ts"
import { PrfColumns, prfRow } from "../report.ts"
import type { ScoreTable } from "../report.ts"
import { classOfGoldType } from "./actors.ts"

export const Halves = ["tune", "report"] as const
export type Half = (typeof Halves)[number]

/** The half an article belongs to: its line in the gold file, counting from 0, even → tune, odd → report. */
export const halfOf = (lineIndex: number): Half => (lineIndex % 2 === 0 ? "tune" : "report")

const GoldArgument = Schema.Struct({ role: Schema.String, start: Schema.Int, end: Schema.Int, text: Schema.String })
const GoldEventMention = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  family: Schema.optionalKey(Schema.NullOr(Schema.String)),
  arguments: Schema.optionalKey(Schema.Array(GoldArgument)),
  date: Schema.optionalKey(Schema.NullOr(Schema.String)),
  modality: Schema.optionalKey(Schema.NullOr(Schema.String)),
  m_id: Schema.optionalKey(Schema.NullOr(Schema.String)),
  discontinuous: Schema.optionalKey(Schema.NullOr(Schema.Boolean))
})
type GoldEventMention = typeof GoldEventMention.Type
const MeantimeParticipant = Schema.Struct({ event_m_id: Schema.String, arg_m_id: Schema.String, arg_kind: Schema.String, role: Schema.String })
const EventExtras = Schema.Struct({
  events: Schema.optionalKey(Schema.Array(GoldEventMention)),
  entities: Schema.optionalKey(Schema.Array(Schema.Struct({ start: Schema.Int, end: Schema.Int, text: Schema.String, type: Schema.String, m_id: Schema.optionalKey(Schema.NullOr(Schema.String)) }))),
  participants: Schema.optionalKey(Schema.Array(MeantimeParticipant))
})
const decodeExtras = Schema.decodeUnknownSync(EventExtras)

/** Gold records carry the event fields as corpus extras; the scorer reads them from the raw line. */
export type RawRecords = ReadonlyMap<string, unknown>

/** The raw JSON of every record of a gold file by id, and each record's line (counting non-empty lines from 0). */
export const readRawRecords = (path: string): { raw: RawRecords; lineOf: ReadonlyMap<string, number> } => {
  const lines = readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== "")
  const parsed = lines.map((line) => JSON.parse(line) as { id: string })
  return { raw: new Map(parsed.map((r) => [r.id, r])), lineOf: new Map(parsed.map((r, i) => [r.id, i])) }
}

interface GoldArg extends Span {
  readonly role: "agent" | "patient"
  readonly text: string
}
interface GoldEvent extends Span {
  readonly text: string
  readonly family: string | null
  readonly args: ReadonlyArray<GoldArg>
  readonly date: string | null
  readonly modality: string | null
}

interface Tally {
  trigger: { matchedGold: number; matchedPredicted: number; gold: number; predicted: number }
  typed: { matchedGold: number; matchedPredicted: number; gold: number; predicted: number }
  agent: { matchedGold: number; matchedPredicted: number; gold: number; predicted: number }
  patient: { matchedGold: number; matchedPredicted: number; gold: number; predicted: number }
  anyRole: { matchedGold: number; matchedPredicted: number; gold: number; predicted: number }
  paired: number
  dateRight: number
  dated: number
  datedRight: number
  modalityRight: number
  modalityGold: number
}

const emptyCounts = () => ({ matchedGold: 0, matchedPredicted: 0, gold: 0, predicted: 0 })
const emptyTally = (): Tally => ({
  trigger: emptyCounts(), typed: emptyCounts(), agent: emptyCounts(), patient: emptyCounts(), anyRole: emptyCounts(),
  paired: 0, dateRight: 0, dated: 0, datedRight: 0, modalityRight: 0, modalityGold: 0
})
const addCounts = (a: Tally[keyof Tally], b: Tally[keyof Tally]) => {
  if (typeof a === "number" || typeof b === "number") return
  a.matchedGold += b.matchedGold
  a.matchedPredicted += b.matchedPredicted
  a.gold += b.gold
  a.predicted += b.predicted
}
const addTally = (into: Tally, t: Tally) => {
  for (const key of ["trigger", "typed", "agent", "patient", "anyRole"] as const) addCounts(into[key], t[key])
  into.paired += t.paired
  into.dateRight += t.dateRight
  into.dated += t.dated
  into.datedRight += t.datedRight
  into.modalityRight += t.modalityRight
  into.modalityGold += t.modalityGold
}

const triggerSpan = (row: EventMentionRow): Span => ({ start: row.trigger_start, end: row.trigger_end })

/** The actor's mention spans in one document. */
const mentionsByActor = (mentions: ReadonlyArray<ActorMentionRow>) => {
  const byActor = new Map<string, Array<Span>>()
  for (const m of mentions) {
    if (m.actor_id === null) continue
    byActor.set(m.actor_id, [...(byActor.get(m.actor_id) ?? []), m])
  }
  return byActor
}

const pairByTrigger = <G extends Span>(gold: ReadonlyArray<G>, predicted: ReadonlyArray<EventMentionRow>) => {
  const spans = predicted.map((row, index) => ({ ...triggerSpan(row), index }))
  const pairing = pairOneToOne(gold, spans, (g, p) => overlapOverUnion(g, p), 0)
  return pairing.pairs.map((p) => ({ gold: p.gold, predicted: predicted[p.predicted.index]! }))
}

const describe = (row: EventMentionRow) => `"${row.trigger}" ${row.event_type}${row.cameo === null ? "" : `/${row.cameo}`}`

/** Scores one article of the events gold; failures describe its errors. */
const scoreArticle = (id: string, gold: ReadonlyArray<GoldEvent>, rows: DocumentRows | undefined, failures: Array<string>): Tally => {
  const t = emptyTally()
  const at = `${id.replace(/^[^:]*:/, "").slice(0, 40)}: `
  const predicted = rows?.eventMentions ?? []
  const spansOf = mentionsByActor(rows?.actorMentions ?? [])
  const nameOf = (actorId: string) => {
    const span = rows?.actorMentions.find((m) => m.actor_id === actorId)
    return span?.text ?? actorId
  }
  const pairs = pairByTrigger(gold, predicted)
  const pairOfPredicted = new Map(pairs.map((p) => [p.predicted, p.gold]))
  const pairOfGold = new Map(pairs.map((p) => [p.gold, p.predicted]))
  t.trigger = { matchedGold: pairs.length, matchedPredicted: pairs.length, gold: gold.length, predicted: predicted.length }
  const typedPairs = pairs.filter((p) => p.gold.family !== null && familyOf(p.predicted.event_type, p.predicted.cameo) === p.gold.family)
  t.typed = { matchedGold: typedPairs.length, matchedPredicted: typedPairs.length, gold: gold.length, predicted: predicted.length }

  const covers = (actorId: string, arg: Span) => (spansOf.get(actorId) ?? []).some((span) => overlaps(span, arg))
  for (const role of ["agent", "patient"] as const) {
    const counts = t[role]
    const idsOf = (row: EventMentionRow) => (role === "agent" ? row.source_actor_ids : row.target_actor_ids)
    for (const row of predicted) {
      const ids = idsOf(row)
      counts.predicted += ids.length
      const g = pairOfPredicted.get(row)
      for (const id of ids) {
        if (g !== undefined && g.args.some((a) => a.role === role && covers(id, a))) counts.matchedPredicted++
        else failures.push(`${at}${describe(row)}: ${role} "${nameOf(id)}" not in gold${g === undefined ? " (mention not in gold)" : ` (gold ${role}s: ${g.args.filter((a) => a.role === role).map((a) => `"${a.text}"`).join(", ") || "none"})`}`)
      }
    }
    for (const g of gold) {
      for (const arg of g.args.filter((a) => a.role === role)) {
        counts.gold++
        const row = pairOfGold.get(g)
        if (row !== undefined && idsOf(row).some((id) => covers(id, arg))) counts.matchedGold++
        else {
          // Whether the actors stage gave anything there: a miss with no actor mention is not the frame's to fix.
          const named = (rows?.actorMentions ?? []).some((m) => m.actor_id !== null && overlaps(m, arg)) ? "" : "; no actor mention there"
          failures.push(`${at}"${g.text}": gold ${role} "${arg.text}" missed${row === undefined ? ` (trigger not found${named})` : ` (exported ${describe(row)} with ${role}s ${idsOf(row).map(nameOf).map((n) => `"${n}"`).join(", ") || "none"}${named})`}`)
        }
      }
    }
  }
  for (const row of predicted) {
    const g = pairOfPredicted.get(row)
    for (const id of row.actor_ids) {
      t.anyRole.predicted++
      if (g !== undefined && g.args.some((a) => covers(id, a))) t.anyRole.matchedPredicted++
    }
  }
  for (const g of gold) {
    const row = pairOfGold.get(g)
    for (const arg of g.args) {
      t.anyRole.gold++
      if (row !== undefined && row.actor_ids.some((id) => covers(id, arg))) t.anyRole.matchedGold++
    }
  }

  for (const { gold: g, predicted: row } of pairs) {
    t.paired++
    if (g.date === row.date) t.dateRight++
    else failures.push(`${at}date: ${describe(row)} is ${g.date ?? "null"}, exported ${row.date ?? "null"}${row.date_text === null ? "" : ` from "${row.date_text}"`}`)
    if (g.date !== null) {
      t.dated++
      if (g.date === row.date) t.datedRight++
    }
    if (g.modality !== null) {
      t.modalityGold++
      if (g.modality === row.modality) t.modalityRight++
      else failures.push(`${at}modality: ${describe(row)} is ${g.modality}, exported ${row.modality}`)
    }
    const predictedFamily = familyOf(row.event_type, row.cameo)
    if (g.family !== null && predictedFamily !== g.family) failures.push(`${at}type: ${describe(row)} is family ${g.family}, exported family ${predictedFamily ?? "?"}`)
  }
  for (const g of gold) if (!pairOfGold.has(g)) failures.push(`${at}missed: "${g.text}" (${g.family ?? "?"})`)
  for (const row of predicted) if (!pairOfPredicted.has(row)) failures.push(`${at}spurious: ${describe(row)} in "${row.text.replace(/\s+/g, " ").slice(0, 120)}"`)
  return t
}


const goldEventsOf = (raw: unknown): Array<GoldEvent> =>
  (decodeExtras(raw).events ?? []).map((e) => ({
    start: e.start,
    end: e.end,
    text: e.text,
    family: e.family ?? null,
    args: (e.arguments ?? []).flatMap((a) => (a.role === "agent" || a.role === "patient" ? [{ role: a.role, start: a.start, end: a.end, text: a.text }] : [])),
    date: e.date ?? null,
    modality: e.modality ?? null
  }))

const tallyRows = (label: string, t: Tally) => {
  const participant = {
    matchedGold: t.agent.matchedGold + t.patient.matchedGold,
    matchedPredicted: t.agent.matchedPredicted + t.patient.matchedPredicted,
    gold: t.agent.gold + t.patient.gold,
    predicted: t.agent.predicted + t.patient.predicted
  }
  return {
    trigger: prfFromCounts(t.trigger),
    typed: prfFromCounts(t.typed),
    agent: prfFromCounts(t.agent),
    patient: prfFromCounts(t.patient),
    participant: prfFromCounts(participant),
    anyRole: prfFromCounts(t.anyRole),
    date: ratio(t.dateRight, t.paired),
    dated: ratio(t.datedRight, t.dated),
    modality: ratio(t.modalityRight, t.modalityGold),
    label
  }
}

/** The newsfacts events gold: trigger, type, participants, date and modality, per half and for all. */
const scoreEventsGold = (records: ReadonlyArray<GoldRecord>, raw: RawRecords, lineOf: ReadonlyMap<string, number>, rows: ReadonlyMap<string, DocumentRows>) => {
  const byHalf: Record<Half | "all", Tally> = { tune: emptyTally(), report: emptyTally(), all: emptyTally() }
  const failures: Array<string> = []
  for (const record of records) {
    const half = halfOf(lineOf.get(record.id) ?? 0)
    const articleFailures: Array<string> = []
    const t = scoreArticle(record.id, goldEventsOf(raw.get(record.id)), rows.get(record.id), articleFailures)
    addTally(byHalf[half], t)
    addTally(byHalf.all, t)
    if (half === "tune") failures.push(...articleFailures)
  }
  const scored = (["tune", "report", "all"] as const).map((h) => tallyRows(h, byHalf[h]))
  const prfTable = (title: string, pick: (s: (typeof scored)[number]) => PrfCounts): ScoreTable => ({
    title,
    columns: PrfColumns,
    rows: scored.map((s) => prfRow(s.label, pick(s)))
  })
  const summary: ScoreTable = {
    title: "events (by half)",
    columns: ["trigger F1", "typed F1", "agent F1", "patient F1", "participant F1", "date acc", "dated acc", "modality acc"],
    rows: scored.map((s) => ({ label: s.label, cells: [s.trigger.f1, s.typed.f1, s.agent.f1, s.patient.f1, s.participant.f1, s.date, s.dated, s.modality] }))
  }
  const all = scored[2]!
  const report = scored[1]!
  return {
    tables: [
      summary,
      prfTable("triggers", (s) => s.trigger),
      prfTable("typed triggers (family)", (s) => s.typed),
      prfTable("agents", (s) => s.agent),
      prfTable("patients", (s) => s.patient),
      prfTable("participants (agent + patient)", (s) => s.participant),
      prfTable("participants, any role", (s) => s.anyRole)
    ],
    figures: {
      "trigger.f1": all.trigger.f1,
      "typed.f1": all.typed.f1,
      "agent.f1": all.agent.f1,
      "patient.f1": all.patient.f1,
      "participant.f1": all.participant.f1,
      "date.accuracy": all.date,
      "modality.accuracy": all.modality,
      "report.typed.f1": report.typed.f1,
      "report.participant.f1": report.participant.f1,
      "report.date.accuracy": report.date,
      "report.modality.accuracy": report.modality
    },
    notes: [
      "Halves by line in the gold file (from 0): even = tune, odd = report. Failures are listed for the tuning half only.",
      "Gold and exported mentions are paired one to one by trigger overlap. Typed: the exported type's family (src/lexicons/events-types.json) equals the gold family. Agent / patient: an exported source / target actor with a mention overlapping a gold argument of that role of the paired gold mention; precision over every exported source / target. Date and modality accuracy over the paired mentions (a null gold date wants null); 'dated' only over pairs with a gold date."
    ],
    failures
  }
}

/** MEANTIME participants: Arg0 / Arg1 of actor-like entities, on annotated sentences. */
const scoreMeantime = (records: ReadonlyArray<GoldRecord>, raw: RawRecords, rows: ReadonlyMap<string, DocumentRows>) => {
  let gold = 0
  let foundRole = 0
  let foundAny = 0
  let predicted = 0
  let predictedRight = 0
  let goldEvents = 0
  let pairedEvents = 0
  for (const record of records) {
    const extras = decodeExtras(raw.get(record.id))
    const regions = annotatedRegions(record)
    const inAnnotated = (s: Span) => regions === null || regions.some((r) => r.start <= s.start && s.end <= r.end)
    const entities = new Map((extras.entities ?? []).flatMap((e) => (e.m_id === undefined || e.m_id === null ? [] : [[e.m_id, e] as const])))
    const events = (extras.events ?? []).filter((e) => e.m_id !== undefined && e.m_id !== null && e.discontinuous !== true && inAnnotated(e))
    const argsOf = new Map<string, Array<GoldArg>>()
    for (const p of extras.participants ?? []) {
      const role = p.role === "Arg0" ? "agent" : p.role === "Arg1" ? "patient" : null
      const entity = entities.get(p.arg_m_id)
      if (role === null || p.arg_kind !== "entity" || entity === undefined || (classOfGoldType(entity.type) ?? null) === null) continue
      argsOf.set(p.event_m_id, [...(argsOf.get(p.event_m_id) ?? []), { role, start: entity.start, end: entity.end, text: entity.text }])
    }
    const document = rows.get(record.id)
    const spansOf = mentionsByActor(document?.actorMentions ?? [])
    const covers = (actorId: string, arg: Span) => (spansOf.get(actorId) ?? []).some((span) => overlaps(span, arg))
    const exported = (document?.eventMentions ?? []).filter((row) => inAnnotated(triggerSpan(row)))
    goldEvents += events.length
    const pairs = pairByTrigger(events, exported)
    pairedEvents += pairs.length
    const pairOfGold = new Map(pairs.map((p) => [p.gold, p.predicted]))
    for (const e of events) {
      const row = pairOfGold.get(e)
      for (const arg of argsOf.get(e.m_id!) ?? []) {
        gold++
        if (row === undefined) continue
        const ids = arg.role === "agent" ? row.source_actor_ids : row.target_actor_ids
        if (ids.some((id) => covers(id, arg))) foundRole++
        if (row.actor_ids.some((id) => covers(id, arg))) foundAny++
      }
    }
    for (const { gold: e, predicted: row } of pairs) {
      const args = argsOf.get(e.m_id!) ?? []
      for (const id of row.actor_ids) {
        predicted++
        if (args.some((a) => covers(id, a))) predictedRight++
      }
    }
  }
  const table: ScoreTable = {
    title: "MEANTIME participants (Arg0/Arg1 actors)",
    columns: ["R role", "R any role", "P any role (paired)", "gold args", "events paired", "gold events"],
    rows: [{ label: "all", cells: [ratio(foundRole, gold), ratio(foundAny, gold), ratio(predictedRight, predicted), gold, pairedEvents, goldEvents] }]
  }
  return {
    tables: [table],
    figures: {
      "meantime.participant_recall": ratio(foundRole, gold),
      "meantime.participant_recall_any_role": ratio(foundAny, gold),
      "meantime.event_recall": ratio(pairedEvents, goldEvents)
    },
    notes: [
      "MEANTIME: gold Arg0 (agent) / Arg1 (patient) participants that are PER/ORG/LOC entities, of events in annotated sentences. Found when the event is paired by trigger overlap and an exported participant of the right role (or any role) has a mention overlapping the entity. Precision over the participants of paired mentions only (MEANTIME marks arguments for some predicates only)."
    ],
    failures: [] as ReadonlyArray<string>
  }
}

export const eventTask = (records: ReadonlyArray<GoldRecord>, raw: RawRecords, lineOf: ReadonlyMap<string, number>, rows: ReadonlyMap<string, DocumentRows>) => {
  const hasArguments = records.some((r) => (decodeExtras(raw.get(r.id)).events ?? []).some((e) => e.arguments !== undefined))
  return hasArguments ? scoreEventsGold(records, raw, lineOf, rows) : scoreMeantime(records, raw, rows)
}
