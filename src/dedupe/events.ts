/**
 * Events across documents: one id per real event. Mentions are compared within one story and one block
 * — the trigger's synonym class (`dedupe-event-classes.json`, after WordNet and FrameNet: "quake" and
 * "earthquake"; a "deal" typed AGREE or business), else the event type — and only when they share a
 * participant or a trigger word (an inverted index inside the block), so the work grows with the
 * corpus, not with its square. Across stories (a story split in two would split its events), mentions
 * of one block are compared when they share a person and were published at most two weeks apart.
 * A punishment ("sentenced to death", "a death sentence") is a legal act, compared with sentences,
 * never with the death it punishes.
 *
 * Two mentions score by what they share — participants (`shared-actors`), the day (`same-date`), or a
 * date that one of them gives more precisely (`compatible-date`), the place (`same-location`), the
 * trigger word (`same-trigger`) or a synonym (`synonym-trigger`) — and merge strongest first. One death
 * is often told as a killing (ASSAULT), a death and a murder (crime): those triggers share a class, and
 * two of different types merge only when they share a person among their participants, the victim, or
 * the same word tells both (`same-death`); other classes ask for any shared participant (`same-class`).
 * Dates that
 * disagree (two rounds of talks a month apart, two earthquakes two days apart) never merge, not even
 * through a third, undated mention: a group keeps the dates of its members and refuses an incompatible one.
 * An undated event the report expects ("the issues up for discussion") may be under way but is not over
 * a week before the report was published, so it is never paired with a mention dated earlier
 * ("discussions in Switzerland" in May). (A check on whole groups as well lowered ECB+ event
 * coreference: the modality of a noun inside another event's complement is not reliable enough.)
 * Likewise an action told in opposite directions ("the White House called on China", "China called on
 * the US") is two events: except for the mutual types (meeting, agreeing, cooperating), a group where
 * X acts on Y never takes a mention where Y acts on X.
 */
import { Schema } from "effect"
import { stableId } from "../ids.ts"
import { loadLexicon } from "../lexicons/load.ts"
import { UnionFind } from "./unionFind.ts"
import { foldInflection } from "./words.ts"

export interface EventMentionRef {
  readonly mentionId: string
  readonly docId: string
  readonly storyId: string
  /** The report's publication date (YYYY-MM-DD…), or null. */
  readonly published: string | null
  /** Stable order: publication date (undated last), document id, offset. */
  readonly order: string
  readonly eventType: string
  /** The events lexicon's lemma of the trigger. */
  readonly trigger: string
  /** The three words right before and after the trigger, lower-case ("sentences", "Orozco", "to" of "sentences Orozco to death"). */
  readonly neighbours: ReadonlyArray<string>
  /** YYYY-MM-DD, YYYY-MM or YYYY, or null. */
  readonly date: string | null
  /**
   * True when the date is a relative expression ("on Monday") resolved against a date the story lent
   * an undated report: a guess by a few days, so it keeps events apart only when far from another date.
   */
  readonly dateInferred: boolean
  /**
   * For an undated mention the report expects (modality `expected`: "issues up for discussion are
   * likely to include…"), the earliest day it may be dated (`expectedSince`): under way, not long over.
   */
  readonly notBefore: string | null
  readonly location: string | null
  readonly actorIds: ReadonlyArray<string>
  /** The participants that are people (a death's victim is one). */
  readonly personIds: ReadonlyArray<string>
  /** Who does it and to whom, where the text says. */
  readonly sourceIds: ReadonlyArray<string>
  readonly targetIds: ReadonlyArray<string>
  /** The sources with the country or organisation each acts for: what the direction of an action compares. */
  readonly actingIds: ReadonlyArray<string>
}

export type EventMergeRule =
  | "same-type"
  | "same-death"
  | "same-class"
  | "shared-actors"
  | "same-date"
  | "compatible-date"
  | "same-location"
  | "same-trigger"
  | "synonym-trigger"
  | "synonym-in-document"
  | "across-stories"

export interface EventOptions {
  /** Score needed to merge two mentions (weights below sum to 1). */
  readonly threshold: number
  /** Index keys shared by more mentions than this in a block are too common to propose pairs. */
  readonly maxPostings: number
  /** Mentions of two stories are compared only when their reports were published at most this many days apart (negative: never). */
  readonly windowDays: number
}

export const DefaultEventOptions: EventOptions = { threshold: 0.2, maxPostings: 100, windowDays: 14 }

/**
 * `coarserDate`: two dates of which one refines the other ("May", "May 12"), weaker than the same day.
 * `synonym`: two words of one class ("quake", "earthquake") in two reports: never enough alone, it tips
 * other evidence (chosen on ECB+ topics 1–20: 0.2 gave 0.825, 0.15 0.825, 0.05 0.832, 0 0.829). In one
 * report they weigh as the same word (`synonym-in-document`; topics 1–20 0.803 → 0.806; 0.1 or 0.15
 * changed nothing).
 */
const Weights = { actors: 0.35, date: 0.3, coarserDate: 0.15, location: 0.15, trigger: 0.2, synonym: 0.05 } as const

export interface EventGroup {
  readonly eventId: string
  readonly members: ReadonlyArray<number>
  readonly nDocuments: number
  readonly mergedBy: ReadonlyArray<EventMergeRule>
}

/**
 * Two dates are compatible when the coarser one is a prefix of the finer one (2025-06 and 2025-06-09),
 * or when two days are at most a day apart: reports of one event disagree by a day across time zones,
 * for late-night events, and when "on Monday" is counted from different publication times. A day
 * inferred from the story (`dateInferred`) is allowed up to a week.
 */
export const compatibleDates = (a: string | null, b: string | null, inferred = false): boolean => {
  if (a === null || b === null) return true
  if (a.length === 10 && b.length === 10) return Math.abs(Date.parse(a) - Date.parse(b)) <= (inferred ? INFERRED_DAYS : 1) * ONE_DAY
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b)
}

/**
 * How far a day resolved against a story's borrowed date may be from another report's day: "on
 * Monday" counted from the wrong day of the week lands up to six days off.
 */
const INFERRED_DAYS = 6

const ONE_DAY = 86_400_000

/** Whether the period `date` (YYYY, YYYY-MM or YYYY-MM-DD) is over before `day` begins. */
const endsBefore = (date: string, day: string): boolean => {
  const [year, month, dayOfMonth] = date.split("-").map(Number)
  const last = month === undefined ? `${year}-12-31` : dayOfMonth === undefined ? new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) : date
  return last < day
}

/**
 * The earliest day an event a report published on `published` expects may be dated: it may be under
 * way already ("talks are set to continue"), but not over a week before the report.
 */
export const expectedSince = (published: string): string =>
  new Date(Date.parse(published.slice(0, 10)) - 7 * ONE_DAY).toISOString().slice(0, 10)

/** Whether an event dated `date` may be an expected one (`floor` from `expectedSince`). */
const afterFloor = (floor: string | null, date: string | null) => floor === null || date === null || !endsBefore(date, floor)

interface EventClass {
  readonly id: string
  readonly types: ReadonlyArray<string>
  readonly crossTypes: "person" | "actor"
  readonly lemmas: ReadonlyArray<string>
  readonly punishment: ReadonlyArray<string>
}

const EventClassesLexicon = Schema.Struct({
  classes: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      follows: Schema.String,
      types: Schema.Array(Schema.String),
      crossTypes: Schema.optional(Schema.Literals(["person", "actor"])),
      lemmas: Schema.Array(Schema.String),
      punishment: Schema.optional(Schema.Array(Schema.String))
    })
  )
})

let classIndex: Map<string, EventClass> | undefined
/**
 * Trigger synonym classes (`dedupe-event-classes.json`, after WordNet synsets and FrameNet frames): the
 * words news uses for one kind of event ("quake", "earthquake"; "deal", "merger", "takeover"), keyed by
 * `type␟lemma`, so a word typed two ways by the extractor belongs to its class under each type.
 */
const eventClasses = (): Map<string, EventClass> => {
  if (classIndex !== undefined) return classIndex
  const index = new Map<string, EventClass>()
  for (const c of loadLexicon("dedupe-event-classes.json", EventClassesLexicon).classes) {
    const entry: EventClass = { id: c.id, types: c.types, crossTypes: c.crossTypes ?? "actor", lemmas: c.lemmas, punishment: c.punishment ?? [] }
    for (const type of c.types) for (const lemma of c.lemmas) if (!index.has(`${type}\u241f${lemma}`)) index.set(`${type}\u241f${lemma}`, entry)
  }
  classIndex = index
  return index
}

/** What grouping asks of a mention's trigger again and again (for each pair), worked out once per mention. */
interface TriggerKind {
  readonly cls: EventClass | undefined
  readonly punishment: boolean
  readonly block: string
  /** The trigger lemma with its inflection folded (`triggerKey`). */
  readonly key: string
}

const kinds = new WeakMap<EventMentionRef, TriggerKind>()

const kindOf = (m: EventMentionRef): TriggerKind => {
  const known = kinds.get(m)
  if (known !== undefined) return known
  const cls = eventClasses().get(`${m.eventType}\u241f${m.trigger.toLowerCase()}`)
  const punishment = cls !== undefined && cls.punishment.length > 0 && m.neighbours.some((w) => cls.punishment.includes(w))
  const kind: TriggerKind = { cls, punishment, block: punishment ? "class:sentence" : cls === undefined ? m.eventType : `class:${cls.id}`, key: triggerKey(m.trigger) }
  kinds.set(m, kind)
  return kind
}

const classOf = (m: EventMentionRef): EventClass | undefined => kindOf(m).cls

/**
 * Whether a trigger names a punishment rather than the act it punishes: "death" in "sentenced to
 * death", "a death sentence", "the death penalty" is a legal act (the class's `punishment` words next
 * to the trigger), compared with sentences, never with the death.
 */
const isPunishment = (m: EventMentionRef): boolean => kindOf(m).punishment

/**
 * The block a mention is compared in: its trigger's synonym class when it has one, else its type. A
 * class gathers one kind of event whatever type the extractor gave each word (a deal typed AGREE in
 * one report and business in another; a death told as a killing (ASSAULT), a death and a murder
 * (crime)), and keeps it apart from the other words of those types (a death is not an attack, which
 * ECB+ keeps as an event of its own: before the lexicon, no death block 0.803, the death block 0.805,
 * the three types blocked together 0.802; on topics 1–20 a class's words compared with the rest of
 * their types as well gave 0.827, this 0.832). A punishment ("sentenced to death") is compared with
 * sentences only.
 */
const blockOf = (m: EventMentionRef): string => kindOf(m).block

const shareBlock = (a: EventMentionRef, b: EventMentionRef): boolean => blockOf(a) === blockOf(b)

/** Types whose participants act together: who is named as doing it says nothing about which event it is. */
const MUTUAL_TYPES: ReadonlySet<string> = new Set(["CONSULT", "AGREE", "COOPERATE"])

/** "source→target" for each actor a mention says acts on another. */
const directionsOf = (m: EventMentionRef): Array<string> =>
  m.actingIds.flatMap((s) => m.targetIds.filter((t) => t !== s).map((t) => `${s}\u2192${t}`))

const reversed = (direction: string) => direction.split("\u2192").reverse().join("\u2192")

/** Two groups are opposed when one says X acts on Y and only the other says Y acts on X (mutual types aside). */
const opposed = (type: string, a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  !MUTUAL_TYPES.has(type) && [...a].some((d) => b.has(reversed(d)) && !b.has(d) && !a.has(reversed(d)))

const triggerKey = (trigger: string) => foldInflection(trigger.toLowerCase().trim())

export interface PairEvidence {
  readonly score: number
  readonly rules: ReadonlyArray<EventMergeRule>
}

/** What two mentions of one story and type share, and how much it weighs. */
export const compareMentions = (a: EventMentionRef, b: EventMentionRef): PairEvidence | null => {
  if (!shareBlock(a, b) || !compatibleDates(a.date, b.date, a.dateInferred || b.dateInferred)) return null
  if (!afterFloor(a.notBefore, b.date) || !afterFloor(b.notBefore, a.date)) return null
  // Two types in one class (a death told as a killing, a death or a murder; a deal typed AGREE and
  // business): the class says what they must share — the victim, or any participant — unless the same
  // word tells both (an "accident that killed" is typed a disaster, a driver "killed" an assault).
  const cls = classOf(a)
  if (a.eventType !== b.eventType && a.trigger !== b.trigger) {
    const shared = cls?.crossTypes === "person" ? a.personIds.some((id) => b.personIds.includes(id)) : a.actorIds.some((id) => b.actorIds.includes(id))
    if (!shared) return null
  }
  const rules: Array<EventMergeRule> = [a.eventType === b.eventType ? "same-type" : cls?.id === "death" ? "same-death" : "same-class"]
  let score = 0
  if (a.actorIds.length > 0 && b.actorIds.length > 0) {
    const other = new Set(b.actorIds)
    const shared = a.actorIds.filter((id) => other.has(id)).length
    if (shared > 0) {
      score += Weights.actors * (shared / Math.min(a.actorIds.length, b.actorIds.length))
      rules.push("shared-actors")
    }
  }
  if (a.date !== null && b.date !== null) {
    // Compatible by now: equal, or one the month or year of the other ("the May agreement", "a May 12 agreement").
    score += a.date === b.date ? Weights.date : Weights.coarserDate
    rules.push(a.date === b.date ? "same-date" : "compatible-date")
  }
  if (a.location !== null && b.location !== null && a.location === b.location) {
    score += Weights.location
    rules.push("same-location")
  }
  if (kindOf(a).key === kindOf(b).key) {
    score += Weights.trigger
    rules.push("same-trigger")
  } else if (cls !== undefined && !isPunishment(a) && !isPunishment(b) && cls === classOf(b)) {
    // Synonyms of one class ("quake", "earthquake"; "merger", "takeover").
    // Within one report, a writer varies the word for the event already told ("the earthquake" …
    // "the quake"): there two synonyms count as one word.
    const inDocument = a.docId === b.docId
    score += inDocument ? Weights.trigger : Weights.synonym
    rules.push(inDocument ? "synonym-in-document" : "synonym-trigger")
  }
  return { score, rules }
}

/** The same trigger lemma, or two synonyms of one class. */
const sameKind = (a: EventMentionRef, b: EventMentionRef): boolean =>
  kindOf(a).key === kindOf(b).key || (classOf(a) !== undefined && classOf(a) === classOf(b) && isPunishment(a) === isPunishment(b))

const publishedWithin = (a: string | null, b: string | null, days: number): boolean =>
  a === null || b === null || Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) <= days * ONE_DAY

export const groupEvents = (mentions: ReadonlyArray<EventMentionRef>, options: EventOptions = DefaultEventOptions): Array<EventGroup> => {
  const blocks = new Map<string, Array<number>>()
  mentions.forEach((m, i) => {
    const key = `${m.storyId}\u241f${blockOf(m)}`
    const list = blocks.get(key)
    if (list === undefined) blocks.set(key, [i])
    else list.push(i)
  })

  interface Pair {
    readonly a: number
    readonly b: number
    readonly evidence: PairEvidence
  }
  const pairs: Array<Pair> = []
  // Pairs already compared, as numbers (the lists hold mention indexes in increasing order).
  const seen = new Set<number>()
  const pairKey = (a: number, b: number) => a * mentions.length + b
  for (const block of blocks.values()) {
    const postings = new Map<string, Array<number>>()
    for (const i of block) {
      const m = mentions[i]
      const cls = classOf(m)
      const triggers = [`trigger:${kindOf(m).key}`, ...(cls === undefined ? [] : [`class:${cls.id}`])]
      for (const key of [...new Set(m.actorIds.map((id) => `actor:${id}`)), ...triggers]) {
        const list = postings.get(key)
        if (list === undefined) postings.set(key, [i])
        else list.push(i)
      }
    }
    for (const list of postings.values()) {
      if (list.length > options.maxPostings) continue
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const key = pairKey(list[x], list[y])
          if (seen.has(key)) continue
          seen.add(key)
          const evidence = compareMentions(mentions[list[x]], mentions[list[y]])
          if (evidence !== null && evidence.score >= options.threshold - 1e-9) pairs.push({ a: list[x], b: list[y], evidence })
        }
      }
    }
  }
  // Across stories: a story split in two would split its events too. Mentions of two stories are
  // compared only when they share a person, name one kind of event (the same trigger or synonyms), and
  // were published at most `windowDays` apart: bounded by the people's postings, not all pairs.
  const across = new Map<string, Array<number>>()
  mentions.forEach((m, i) => {
    for (const id of new Set(m.personIds)) {
      const key = `${blockOf(m)}\u241f${id}`
      const list = across.get(key)
      if (list === undefined) across.set(key, [i])
      else list.push(i)
    }
  })
  for (const list of across.values()) {
    if (list.length > options.maxPostings || options.windowDays < 0) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = mentions[list[x]]
        const b = mentions[list[y]]
        if (a.storyId === b.storyId || !sameKind(a, b) || !publishedWithin(a.published, b.published, options.windowDays)) continue
        const key = pairKey(list[x], list[y])
        if (seen.has(key)) continue
        seen.add(key)
        const evidence = compareMentions(a, b)
        if (evidence !== null && evidence.score >= options.threshold - 1e-9) pairs.push({ a: list[x], b: list[y], evidence: { score: evidence.score, rules: [...evidence.rules, "across-stories"] } })
      }
    }
  }
  pairs.sort((p, q) => q.evidence.score - p.evidence.score || p.a - q.a || p.b - q.b)

  const sets = new UnionFind(mentions.length)
  /** Distinct dates of each group, so an undated mention cannot bridge two dated events. */
  interface GroupDate {
    readonly date: string
    readonly inferred: boolean
  }
  const dates = new Map<number, Array<GroupDate>>()
  const datesOf = (root: number): Array<GroupDate> => {
    const known = dates.get(root)
    if (known !== undefined) return known
    const { date, dateInferred } = mentions[root]
    return date === null ? [] : [{ date, inferred: dateInferred }]
  }
  /** Who acts on whom in each group, so a mention that names neither cannot bridge two directions. */
  const directions = new Map<number, Set<string>>()
  const directionsIn = (root: number) => directions.get(root) ?? new Set(directionsOf(mentions[root]))
  const rules = new Map<number, Set<EventMergeRule>>()
  for (const { a, b, evidence } of pairs) {
    const ra = sets.find(a)
    const rb = sets.find(b)
    if (ra === rb) continue
    const da = datesOf(ra)
    const db = datesOf(rb)
    if (!da.every((x) => db.every((y) => compatibleDates(x.date, y.date, x.inferred || y.inferred)))) continue
    const sa = directionsIn(ra)
    const sb = directionsIn(rb)
    if (opposed(mentions[a].eventType, sa, sb)) continue
    const merged = new Set([...(rules.get(ra) ?? []), ...(rules.get(rb) ?? []), ...evidence.rules])
    const root = sets.union(ra, rb)
    dates.set(root, [...new Map([...da, ...db].map((d) => [`${d.date}${d.inferred}`, d])).values()])
    directions.set(root, new Set([...sa, ...sb]))
    rules.set(root, merged)
  }

  return [...sets.groups()].map(([root, members]) => {
    const first = members.reduce((best, i) => (mentions[i].order < mentions[best].order ? i : best))
    const documents = new Set(members.map((i) => mentions[i].docId))
    return {
      eventId: stableId("event", mentions[first].mentionId),
      members,
      nDocuments: documents.size,
      mergedBy: members.length > 1 ? [...(rules.get(root) ?? [])].sort() : []
    }
  })
}
