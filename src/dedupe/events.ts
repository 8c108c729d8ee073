/**
 * Events across documents: one id per real event. Mentions are only ever compared within one story and
 * one event type (blocking), and only when they share a participant or a trigger word (an inverted
 * index inside the block), so the work grows with the corpus, not with its square.
 *
 * Two mentions score by what they share — participants (`shared-actors`), the day (`same-date`), or a
 * date that one of them gives more precisely (`compatible-date`), the place (`same-location`), the
 * trigger word (`same-trigger`) — and merge strongest first. One death is often told as a killing
 * (ASSAULT), a death and a murder (crime): those triggers share a block, and two of different types
 * merge only when they share a person among their participants, the victim, or the same word tells
 * both (`same-death`). Dates that
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
import { stableId } from "../ids.ts"
import { UnionFind } from "./unionFind.ts"
import { foldInflection } from "./words.ts"

export interface EventMentionRef {
  readonly mentionId: string
  readonly docId: string
  readonly storyId: string
  /** Stable order: publication date (undated last), document id, offset. */
  readonly order: string
  readonly eventType: string
  readonly trigger: string
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
  /** Who does it (with the country or organisation they act for) and to whom, where the text says. */
  readonly sourceIds: ReadonlyArray<string>
  readonly targetIds: ReadonlyArray<string>
}

export type EventMergeRule = "same-type" | "same-death" | "shared-actors" | "same-date" | "compatible-date" | "same-location" | "same-trigger"

export interface EventOptions {
  /** Score needed to merge two mentions (weights below sum to 1). */
  readonly threshold: number
  /** Index keys shared by more mentions than this in a block are too common to propose pairs. */
  readonly maxPostings: number
}

export const DefaultEventOptions: EventOptions = { threshold: 0.2, maxPostings: 100 }

/** `coarserDate`: two dates of which one refines the other ("May", "May 12"), weaker than the same day. */
const Weights = { actors: 0.35, date: 0.3, coarserDate: 0.15, location: 0.15, trigger: 0.2 } as const

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

/**
 * Triggers that tell a death: a killing or shooting (ASSAULT), a death and a murder (crime) may be one
 * death told several ways, so they are compared with each other, not with the other triggers of their
 * types (an attack, a robbery), which ECB+ keeps as events of their own. (ECB+ event coreference:
 * no such block 0.803, this block 0.805, the three types blocked together 0.802.)
 */
const FATAL: ReadonlySet<string> = new Set(["kill", "killing", "shoot", "shooting", "stabbing", "die", "death", "murder"])
const blockOf = (m: EventMentionRef): string => (FATAL.has(m.trigger) ? "fatal" : m.eventType)

/** Types whose participants act together: who is named as doing it says nothing about which event it is. */
const MUTUAL_TYPES: ReadonlySet<string> = new Set(["CONSULT", "AGREE", "COOPERATE"])

/** "source→target" for each actor a mention says acts on another. */
const directionsOf = (m: EventMentionRef): Array<string> =>
  m.sourceIds.flatMap((s) => m.targetIds.filter((t) => t !== s).map((t) => `${s}\u2192${t}`))

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
  if (blockOf(a) !== blockOf(b) || !compatibleDates(a.date, b.date, a.dateInferred || b.dateInferred)) return null
  if (!afterFloor(a.notBefore, b.date) || !afterFloor(b.notBefore, a.date)) return null
  // One death told as a killing, a death or a murder: the types differ, so the victim must be shared,
  // unless the same word tells it (an "accident that killed" is typed a disaster, a driver "killed" an assault).
  if (a.eventType !== b.eventType && a.trigger !== b.trigger && !a.personIds.some((id) => b.personIds.includes(id))) return null
  const rules: Array<EventMergeRule> = [a.eventType === b.eventType ? "same-type" : "same-death"]
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
  if (triggerKey(a.trigger) === triggerKey(b.trigger)) {
    score += Weights.trigger
    rules.push("same-trigger")
  }
  return { score, rules }
}

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
  for (const block of blocks.values()) {
    const postings = new Map<string, Array<number>>()
    for (const i of block) {
      const m = mentions[i]
      for (const key of [...new Set(m.actorIds.map((id) => `actor:${id}`)), `trigger:${triggerKey(m.trigger)}`]) {
        const list = postings.get(key)
        if (list === undefined) postings.set(key, [i])
        else list.push(i)
      }
    }
    const seen = new Set<string>()
    for (const list of postings.values()) {
      if (list.length > options.maxPostings) continue
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const key = `${list[x]},${list[y]}`
          if (seen.has(key)) continue
          seen.add(key)
          const evidence = compareMentions(mentions[list[x]], mentions[list[y]])
          if (evidence !== null && evidence.score >= options.threshold - 1e-9) pairs.push({ a: list[x], b: list[y], evidence })
        }
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
