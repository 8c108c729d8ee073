/**
 * Time expressions: one grammar, used twice. `findTimeExpressions` scans a text for every DATE, TIME,
 * DURATION and SET expression; `resolveTimeExpression` normalises one expression (TimeML-style value:
 * YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn, PnD, PRESENT_REF…) against an anchor date and the tense
 * of its clause. The dedupe stage calls the resolver again with a story's date for undated documents,
 * so nothing here reads the clock: without an anchor, relative expressions stay unresolved (null).
 */
import type { DatePrecision } from "../../model/tables.ts"
import { timeWords } from "./timeWords.ts"
import type { TimeUnit } from "./timeWords.ts"

export type Tense = "past" | "present" | "future"
export type TimeType = "DATE" | "TIME" | "DURATION" | "SET"
export type TimeAnchor = "published" | "story" | "absolute"

export interface TimeResolution {
  readonly type: TimeType
  readonly value: string | null
  readonly precision: DatePrecision | null
  readonly anchor: TimeAnchor | null
  readonly rule: string
}

export interface ResolveOptions {
  /** The last day-precision date resolved before this expression in the text ("a day earlier" counts back from it). */
  readonly previous?: string | null
  /**
   * The last date of at least year precision resolved before it (YYYY, YYYY-MM or YYYY-MM-DD): "in 2011 …
   * three years later" counts years from it, months from it when it names a month.
   */
  readonly previousPeriod?: string | null
  /** What `anchorDate` is: the publication date (default) or the date of the story an undated document belongs to. */
  readonly anchorKind?: "published" | "story"
}

export interface FoundTimeExpression {
  readonly start: number
  readonly end: number
  readonly text: string
}

// ---------------------------------------------------------------------------------------------------
// Calendar arithmetic on ISO dates (UTC, so no time zone ever shifts a day).

const pad = (n: number, width = 2) => String(n).padStart(width, "0")
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`
const ym = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`
const toUtc = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))))
const fromUtc = (d: Date) => ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
export const addDays = (iso: string, days: number): string => {
  const d = toUtc(iso)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}
/** ISO weekday: Monday 1 … Sunday 7. */
const isoWeekday = (iso: string) => ((toUtc(iso).getUTCDay() + 6) % 7) + 1
/** ISO 8601 week of a date, as TimeML writes it: 2025-W24. */
/** The month an ISO week ("2019-W28") lies in, or null when it straddles two months. */
export const monthOfIsoWeek = (week: string): string | null => {
  const m = /^(\d{4})-W(\d{2})$/.exec(week)
  if (m === null) return null
  // ISO week 1 holds January 4th; its Monday is that day minus its weekday.
  const jan4 = `${m[1]}-01-04`
  const monday = addDays(jan4, 1 - isoWeekday(jan4) + 7 * (Number(m[2]) - 1))
  const sunday = addDays(monday, 6)
  return monday.slice(0, 7) === sunday.slice(0, 7) ? monday.slice(0, 7) : null
}

export const isoWeek = (iso: string): string => {
  const d = toUtc(iso)
  d.setUTCDate(d.getUTCDate() + 4 - (isoWeekday(iso)))
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7)
  return `${d.getUTCFullYear()}-W${pad(week)}`
}
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
const dayDistance = (a: string, b: string) => Math.round((toUtc(a).getTime() - toUtc(b).getTime()) / 86400000)
const shiftMonth = (y: number, m: number, by: number) => {
  const index = y * 12 + (m - 1) + by
  return { y: Math.floor(index / 12), m: (index % 12) + 1 }
}

/**
 * The year of a month-day written without one: the anchor's year, unless the tense says the date is
 * past (or future) and that year puts it more than a month on the wrong side of the anchor. A clause
 * with no clear tense takes the nearest candidate.
 */
const yearForMonthDay = (anchor: string, month: number, day: number, tense: Tense): number => {
  const year = Number(anchor.slice(0, 4))
  const distance = (y: number) => (validDay(y, month, day) ? dayDistance(ymd(y, month, day), anchor) : Number.NaN)
  if (tense === "past" && distance(year) > 31) return year - 1
  if (tense === "future" && distance(year) < -31) return year + 1
  if (tense === "present") {
    const candidates = [year - 1, year, year + 1].filter((y) => !Number.isNaN(distance(y)))
    return candidates.reduce((best, y) => (Math.abs(distance(y)) < Math.abs(distance(best)) ? y : best), year)
  }
  return year
}

/**
 * A weekday named without a date: in a past (or present, the news headline tense) clause it is that
 * day of the anchor's week or the one before (the anchor day itself included); in a future clause the
 * next one (the anchor day itself included). "last Monday" is always before the anchor, "next Monday" always after.
 */
const resolveWeekday = (anchor: string, weekday: number, tense: Tense, relation: string | undefined): string => {
  const today = isoWeekday(anchor)
  const back = (today - weekday + 7) % 7
  const forward = (weekday - today + 7) % 7
  switch (relation) {
    case "last":
    case "past":
    case "previous":
      return addDays(anchor, -(back === 0 ? 7 : back))
    case "next":
    case "coming":
      return addDays(anchor, forward === 0 ? 7 : forward)
    default:
      // A planned event on the publication's own weekday is that day ("is scheduled to meet on Monday", published Monday).
      return tense === "future" ? addDays(anchor, forward) : addDays(anchor, -back)
  }
}

// ---------------------------------------------------------------------------------------------------
// The grammar: each pattern is a regular expression over the text and a resolver for its match.

interface ResolveInput {
  readonly groups: Record<string, string | undefined>
  readonly text: string
  readonly anchor: string | null
  readonly anchorKind: "published" | "story"
  readonly tense: Tense
  readonly previous: string | null
  readonly previousPeriod: string | null
}

type Resolved = { value: string | null; precision: DatePrecision | null; anchor: TimeAnchor | null }

interface TimePattern {
  readonly rule: string
  readonly type: TimeType | ((groups: Record<string, string | undefined>) => TimeType)
  readonly source: string
  /** Rejects a match the context shows is not a time ("May" the verb, "2000 troops"). */
  readonly accept?: (text: string, start: number, end: number, groups: Record<string, string | undefined>) => boolean
  readonly resolve: (input: ResolveInput) => Resolved
}

const B = "(?<![\\p{L}\\p{N}])"
const E = "(?![\\p{L}\\p{N}])"
/** A lower-case keyword that may also start a sentence: "today" → "[Tt]oday". */
const word = (w: string) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1).replace(/ /g, "\\s+")}`
const alternatives = (words: ReadonlyArray<string>) => [...words].sort((a, b) => b.length - a.length).map(word).join("|")
const exactAlternatives = (words: ReadonlyArray<string>) => [...words].sort((a, b) => b.length - a.length).join("|")

const absolute = (value: string | null, precision: DatePrecision | null): Resolved => ({ value, precision, anchor: value === null ? null : "absolute" })
const unresolved: Resolved = { value: null, precision: null, anchor: null }

let grammar: ReadonlyArray<TimePattern> | undefined

const buildGrammar = (): ReadonlyArray<TimePattern> => {
  const words = timeWords()
  const monthNumber = (name: string) => words.months[name.replace(/\.$/, "")] ?? words.months[name.replace(/\.$/, "").slice(0, 3)]
  const weekdayNumber = (name: string) => words.weekdays[name]
  const fullMonths = Object.keys(words.months).filter((m) => m.length > 3 || m === "May")
  const abbreviatedMonths = Object.keys(words.months).filter((m) => m.length <= 4 && m !== "May" && m !== "June" && m !== "July")
  const fullWeekdays = Object.keys(words.weekdays).filter((w) => w.endsWith("day"))
  const unitNames = Object.keys(words.units)
  const unitOf = (raw: string): [string, TimeUnit] => {
    const singular = raw.toLowerCase().replace(/ies$/, "y").replace(/s$/, "")
    return [singular, words.units[singular]]
  }
  const numberOf = (raw: string | undefined): number | null => {
    if (raw === undefined) return 1
    const folded = raw.toLowerCase().replace(/\s+/g, " ").replace(/,/g, "")
    if (/^\d+$/.test(folded)) return Number(folded)
    if (folded in words.numbers) return words.numbers[folded]
    const parts = folded.split("-")
    if (parts.length === 2 && parts.every((p) => p in words.numbers)) return words.numbers[parts[0]] + words.numbers[parts[1]]
    return null
  }

  const MONTH = `(?<month>${exactAlternatives(fullMonths)}|(?:${exactAlternatives(abbreviatedMonths)})\\.?)${E}`
  const BARE_MONTH = `(?<month>${exactAlternatives(fullMonths)})${E}`
  const WEEKDAY = `(?<weekday>${exactAlternatives(fullWeekdays)})${E}`
  const DAY = `(?<day>[0-3]?\\d)(?:st|nd|rd|th)?${E}`
  const YEAR = `(?<year>(?:1[89]|20)\\d\\d)${E}`
  const WEEKDAY_PREFIX = `(?:${exactAlternatives(fullWeekdays)}),?\\s+`
  const MODIFIER = `(?:(?<modifier>${word("early")}|${word("late")}|${word("mid")}|(?:${word("the")}\\s+)?(?:${["beginning", "start", "end", "middle"].map(word).join("|")})\\s+of)[\\s-]*)?`
  const numberWords = [...Object.keys(words.numbers)].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, "\\s+"))
  const NUMBER = `(?<number>\\d[\\d,]*|(?:${numberWords.map(word).join("|")})(?:-(?:${numberWords.join("|")}))?)`
  const VAGUE = `(?<vague>${alternatives(words.vagueNumbers)})`
  const UNIT = `(?<unit>${unitNames.map((u) => (u === "century" ? "centur(?:y|ies)" : `${u}s?`)).join("|")})${E}`
  const APPROXIMATOR = `(?:(?:${alternatives(words.approximators)})\\s+)?`
  const PART = `(?:\\s+(?<part>${Object.keys(words.partsOfDay).join("|")}))?`

  const anchored = (input: ResolveInput, value: string | null, precision: DatePrecision | null): Resolved =>
    value === null ? unresolved : { value, precision, anchor: input.anchorKind }
  const partCode = (part: string | undefined) => (part === undefined ? "" : `T${words.partsOfDay[part.toLowerCase()]}`)
  /** A year is a number standing alone: not money, not a count of things ("2000 troops"), not a range piece. */
  const looksLikeYear = (text: string, start: number, end: number) => {
    const before = text.slice(Math.max(0, start - 2), start)
    const after = text.slice(end, end + 30)
    if (/[$€£¥#]\s?$|\d[.,]$/.test(before) || /^(?:[.,]\d|\s*%|\s*(?:percent|per cent))/.test(after)) return false
    // A clock time in a time zone or in hours ("1830 UTC", "0600 GMT", "2100 hrs") is no year.
    if (/^\s?(?:UTC|GMT|Z|[A-Z]{1,3}[SD]?T|h|hrs?|hours|local time)\b/.test(after)) return false
    const next = /^\s+([a-z]+)/.exec(after)?.[1]
    if (next !== undefined && words.pluralsWithoutS.includes(next)) return false
    return next === undefined || !/(?<!ss)s$/.test(next) || ["was", "has", "is", "as", "this", "its", "plus", "thus", "versus"].includes(next)
  }
  /** "May" is a month only with a day or year, or after a word that introduces a date. */
  const monthNotVerb = (text: string, start: number, _end: number, groups: Record<string, string | undefined>) =>
    groups.month !== "May" || groups.modifier !== undefined ||
    /(?:\b(?:in|since|until|till|by|from|of|during|before|after|through|last|next|this|early|late|mid|the|and|or|to|between)\s+)$/i.test(text.slice(Math.max(0, start - 12), start))
  const relativePeriod = (input: ResolveInput, relation: string, unit: string): Resolved => {
    const anchor = input.anchor
    if (anchor === null) return unresolved
    const step = ["last", "past", "previous"].includes(relation) ? -1 : ["next", "coming", "following"].includes(relation) ? 1 : 0
    const y = Number(anchor.slice(0, 4))
    const m = Number(anchor.slice(5, 7))
    switch (unit) {
      case "week":
        return anchored(input, isoWeek(addDays(anchor, 7 * step)), null)
      case "weekend":
        return anchored(input, `${isoWeek(addDays(anchor, 7 * step))}-WE`, null)
      case "month": {
        const shifted = shiftMonth(y, m, step)
        return anchored(input, ym(shifted.y, shifted.m), "month")
      }
      case "quarter": {
        const q = Math.floor((m - 1) / 3) + step
        const year = y + Math.floor(q / 4)
        return anchored(input, `${year}-Q${((q % 4) + 4) % 4 + 1}`, null)
      }
      case "year":
        return anchored(input, String(y + step), "year")
      case "decade":
        return anchored(input, String(Math.floor(y / 10) + step), null)
      case "century":
        return anchored(input, String(Math.floor(y / 100) + step), null)
      default:
        return unresolved
    }
  }
  /**
   * The date of the text a count of this unit starts from: days and weeks from the last day named;
   * months from the last month or day named, years from the last year, month or day ("in 2011 … three
   * years later"), whichever came last.
   */
  const previousFor = (input: ResolveInput, unitName: string): string | null => {
    const [singular] = unitOf(unitName)
    const period = input.previousPeriod
    if (period === null || (singular !== "year" && singular !== "decade" && singular !== "month")) return input.previous
    if (singular === "month" && period.length < 7) return input.previous
    return period
  }
  /** Counts `n` units back (or forward) from a date, at the precision the unit implies. */
  const countFrom = (input: ResolveInput, from: string, n: number, unitName: string, direction: number): Resolved => {
    const [singular, unit] = unitOf(unitName)
    if (unit === undefined || unit.time) return unresolved
    const y = Number(from.slice(0, 4))
    const m = Number(from.slice(5, 7))
    if (singular === "day") return anchored(input, addDays(from, n * direction), "day")
    if (singular === "week" || singular === "fortnight") return anchored(input, isoWeek(addDays(from, 7 * n * (unit.count ?? 1) * direction)), null)
    if (singular === "month") {
      const shifted = shiftMonth(y, m, n * direction)
      return anchored(input, ym(shifted.y, shifted.m), "month")
    }
    if (singular === "year") return anchored(input, String(y + n * direction), "year")
    if (singular === "decade") return anchored(input, String(Math.floor((y + 10 * n * direction) / 10)), null)
    return unresolved
  }
  const durationValue = (n: number | null, unitName: string) => {
    const [, unit] = unitOf(unitName)
    const count = n === null ? "X" : String(n * (unit.count ?? 1))
    return unit.time ? `PT${count}${unit.letter}` : `P${count}${unit.letter}`
  }

  return [
    {
      rule: "time:iso-date",
      type: "DATE",
      source: `${B}(?<year>\\d{4})-(?<m>[01]\\d)-(?<d>[0-3]\\d)${E}`,
      resolve: ({ groups }) => absolute(validDay(+groups.year!, +groups.m!, +groups.d!) ? ymd(+groups.year!, +groups.m!, +groups.d!) : null, "day")
    },
    {
      // Day first, as European bylines write it (10.06.2025).
      rule: "time:numeric-date-dmy",
      type: "DATE",
      source: `${B}(?<d>[0-3]?\\d)\\.(?<m>[01]?\\d)\\.(?<year>\\d{4})${E}`,
      resolve: ({ groups }) => absolute(validDay(+groups.year!, +groups.m!, +groups.d!) ? ymd(+groups.year!, +groups.m!, +groups.d!) : null, "day")
    },
    {
      // Month first, as US news writes it, unless the first number cannot be a month.
      rule: "time:numeric-date-slash",
      type: "DATE",
      source: `${B}(?<a>[0-3]?\\d)/(?<b>[0-3]?\\d)/(?<year>\\d{4})${E}`,
      resolve: ({ groups }) => {
        const [m, d] = +groups.a! > 12 ? [+groups.b!, +groups.a!] : [+groups.a!, +groups.b!]
        return absolute(validDay(+groups.year!, m, d) ? ymd(+groups.year!, m, d) : null, "day")
      }
    },
    {
      rule: "time:month-day-year",
      type: "DATE",
      source: `${B}(?:${WEEKDAY_PREFIX})?${MONTH}\\s*${DAY},?\\s+${YEAR}`,
      resolve: ({ groups }) => {
        const [y, m, d] = [+groups.year!, monthNumber(groups.month!), +groups.day!]
        return absolute(validDay(y, m, d) ? ymd(y, m, d) : null, "day")
      }
    },
    {
      rule: "time:day-month-year",
      type: "DATE",
      source: `${B}(?:${WEEKDAY_PREFIX})?(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}`,
      resolve: ({ groups }) => {
        const [y, m, d] = [+groups.year!, monthNumber(groups.month!), +groups.day!]
        return absolute(validDay(y, m, d) ? ymd(y, m, d) : null, "day")
      }
    },
    {
      rule: "time:month-year",
      type: "DATE",
      source: `${B}${MODIFIER}${MONTH},?\\s+(?:of\\s+)?${YEAR}`,
      resolve: ({ groups }) => absolute(ym(+groups.year!, monthNumber(groups.month!)), "month")
    },
    {
      rule: "time:month-day",
      type: "DATE",
      source: `${B}(?:${WEEKDAY_PREFIX})?${MONTH}\\s*${DAY}`,
      accept: (text, _start, end) => !/^\s*[-–]\s*\d/.test(text.slice(end, end + 4)) && !/^[.,:]\d/.test(text.slice(end, end + 2)),
      resolve: (input) => {
        const [m, d] = [monthNumber(input.groups.month!), +input.groups.day!]
        if (input.anchor === null || d < 1 || d > 31) return unresolved
        const y = yearForMonthDay(input.anchor, m, d, input.tense)
        return anchored(input, validDay(y, m, d) ? ymd(y, m, d) : null, "day")
      }
    },
    {
      rule: "time:day-month",
      type: "DATE",
      source: `${B}(?:${WEEKDAY_PREFIX})?(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH}`,
      resolve: (input) => {
        const [m, d] = [monthNumber(input.groups.month!), +input.groups.day!]
        if (input.anchor === null) return unresolved
        const y = yearForMonthDay(input.anchor, m, d, input.tense)
        return anchored(input, validDay(y, m, d) ? ymd(y, m, d) : null, "day")
      }
    },
    {
      rule: "time:month",
      type: "DATE",
      source: `${B}${MODIFIER}(?:(?<relation>${["last", "next", "this", "past", "coming"].map(word).join("|")})\\s+)?${BARE_MONTH}`,
      accept: monthNotVerb,
      resolve: (input) => {
        if (input.anchor === null) return unresolved
        const m = monthNumber(input.groups.month!)
        const y = Number(input.anchor.slice(0, 4))
        const am = Number(input.anchor.slice(5, 7))
        const relation = input.groups.relation?.toLowerCase()
        let year = y
        if (relation === "last" || relation === "past") year = m < am ? y : y - 1
        else if (relation === "next" || relation === "coming") year = m > am ? y : y + 1
        else if (relation === "this") year = y
        else if (input.tense === "past" && m > am + 1) year = y - 1
        else if (input.tense === "future" && m < am - 1) year = y + 1
        else if (input.tense === "present" && Math.abs(m - am) > 6) year = m > am ? y - 1 : y + 1
        return anchored(input, ym(year, m), "month")
      }
    },
    {
      rule: "time:year",
      type: "DATE",
      source: `${B}${MODIFIER}(?:(?:${word("the")}\\s+)?(?:year|fiscal year|financial year)\\s+)?${YEAR}`,
      accept: looksLikeYear,
      resolve: ({ groups }) => absolute(groups.year!, "year")
    },
    {
      rule: "time:decade",
      type: "DATE",
      source: `${B}(?:${word("the")}\\s+)?${MODIFIER}(?<decade>(?:1[89]|20)\\d)0s${E}`,
      resolve: ({ groups }) => absolute(groups.decade!, null)
    },
    {
      rule: "time:weekday",
      type: (groups) => (groups.part === undefined ? "DATE" : "TIME"),
      source: `${B}(?:(?<relation>${["last", "next", "this", "coming", "past", "previous"].map(word).join("|")})\\s+)?${WEEKDAY}${PART}`,
      resolve: (input) => {
        if (input.anchor === null) return unresolved
        const date = resolveWeekday(input.anchor, weekdayNumber(input.groups.weekday!), input.tense, input.groups.relation?.toLowerCase())
        return anchored(input, `${date}${partCode(input.groups.part)}`, "day")
      }
    },
    {
      rule: "time:deictic-day",
      type: (groups) => (groups.part === undefined ? "DATE" : "TIME"),
      source: `${B}(?<deictic>${alternatives(["today", "yesterday", "tomorrow", "the day before yesterday", "the day after tomorrow"])})${E}${PART}`,
      resolve: (input) => {
        if (input.anchor === null) return unresolved
        const shift: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1, "the day before yesterday": -2, "the day after tomorrow": 2 }
        const deictic = input.groups.deictic!.toLowerCase().replace(/\s+/g, " ")
        return anchored(input, `${addDays(input.anchor, shift[deictic])}${partCode(input.groups.part)}`, "day")
      }
    },
    {
      rule: "time:deictic-part-of-day",
      type: "TIME",
      source: `${B}(?<deictic>${alternatives(["tonight", "last night", "this morning", "this afternoon", "this evening", "overnight"])})${E}`,
      resolve: (input) => {
        if (input.anchor === null) return unresolved
        const deictic = input.groups.deictic!.toLowerCase().replace(/\s+/g, " ")
        if (deictic === "last night") return anchored(input, `${addDays(input.anchor, -1)}TNI`, "day")
        if (deictic === "tonight" || deictic === "overnight") return anchored(input, `${input.anchor}TNI`, "day")
        return anchored(input, `${input.anchor}T${words.partsOfDay[deictic.split(" ")[1]]}`, "day")
      }
    },
    {
      // "11:25am", "7:45 p.m.", "at 20:21", "15:30 local time": a clock time on the day the text has
      // reached (the last day it named, as for "a day earlier"), else the anchor's day. A 24-hour time
      // needs a preposition before it or a zone after it ("at 20:21", "15:30 UTC"), so a score or a
      // verse ("3:16") is none.
      rule: "time:clock",
      type: "TIME",
      source: `${B}(?:(?<hour>1[0-2]|0?[1-9])(?::(?<minute>[0-5]\\d))?\\s?(?<meridiem>[AaPp]\\.?\\s?[Mm]\\.?)(?![\\p{L}])|(?<hour24>[01]?\\d|2[0-3]):(?<minute24>[0-5]\\d)(?![\\p{N}:]))`,
      accept: (text, start, end, groups) => groups.hour24 === undefined ||
        /\b(?:at|by|around|about|until|till|from|after|before|since|approximately|roughly|shortly after|shortly before)\s+$/i.test(text.slice(Math.max(0, start - 20), start)) ||
        /^\s?(?:local time|UTC|GMT|[A-Z]{1,3}[SD]?T|hrs?|h)\b/.test(text.slice(end, end + 12)),
      resolve: (input) => {
        const day = input.previous ?? input.anchor
        if (day === null) return unresolved
        let hour = Number(input.groups.hour ?? input.groups.hour24)
        const meridiem = input.groups.meridiem?.[0]?.toLowerCase()
        if (meridiem === "p" && hour < 12) hour += 12
        if (meridiem === "a" && hour === 12) hour = 0
        const minute = input.groups.minute ?? input.groups.minute24 ?? "00"
        const resolved = anchored(input, `${day.slice(0, 10)}T${String(hour).padStart(2, "0")}:${minute}`, "day")
        // In an undated document the day can only be one the text gave: the value is then absolute, as for "a day earlier".
        return input.previous !== null && input.anchor === null ? { ...resolved, anchor: "absolute" } : resolved
      }
    },
    {
      // "last week", "earlier this month", "the end of last year", "next quarter": a calendar period counted from the anchor.
      rule: "time:relative-period",
      type: "DATE",
      source: `${B}${MODIFIER}(?:(?:${word("earlier")}|${word("later")})\\s+)?(?<relation>${["last", "this", "next", "coming", "current"].map(word).join("|")})\\s+(?<period>week|weekend|month|year|quarter|decade|century)${E}`,
      resolve: (input) => relativePeriod(input, input.groups.relation!.toLowerCase(), input.groups.period!)
    },
    {
      rule: "time:relative-period",
      type: "DATE",
      source: `${B}(?:${word("the")}\\s+)?(?:(?<modifier>beginning|start|end|middle)\\s+of\\s+)the\\s+(?<period>week|month|year|quarter|decade)${E}`,
      resolve: (input) => relativePeriod(input, "this", input.groups.period!)
    },
    {
      rule: "time:relative-period",
      type: "DATE",
      source: `${B}${word("the")}\\s+(?<relation>last|previous)\\s+(?<period>quarter)${E}`,
      resolve: (input) => relativePeriod(input, "last", input.groups.period!)
    },
    {
      // "three days ago": counted back from the anchor.
      rule: "time:ago",
      type: "DATE",
      source: `${B}${APPROXIMATOR}${NUMBER}\\s+${UNIT}\\s+ago${E}`,
      resolve: (input) => {
        const n = numberOf(input.groups.number)
        return input.anchor === null || n === null ? unresolved : countFrom(input, input.anchor, n, input.groups.unit!, -1)
      }
    },
    {
      // "a day earlier", "two weeks later": counted from the last date the text gave.
      rule: "time:relative-to-previous-date",
      type: "DATE",
      source: `${B}${APPROXIMATOR}${NUMBER}\\s+${UNIT}\\s+(?<direction>earlier|later|before|after|afterwards|prior)(?=\\s*[,.;:)]|\\s*$)`,
      resolve: (input) => {
        const n = numberOf(input.groups.number)
        const textual = previousFor(input, input.groups.unit!)
        const from = textual ?? input.anchor
        if (from === null || n === null) return unresolved
        const resolved = countFrom(input, from, n, input.groups.unit!, ["earlier", "before", "prior"].includes(input.groups.direction!) ? -1 : 1)
        return textual !== null && resolved.value !== null ? { ...resolved, anchor: input.anchor === null ? "absolute" : input.anchorKind } : resolved
      }
    },
    {
      rule: "time:relative-to-previous-date",
      type: "DATE",
      source: `${B}${word("the")}\\s+(?:(?<relation>previous|next|following|same)\\s+(?<unit>day|week|month|year)|(?<unit2>day|week|month|year)\\s+(?<direction>before|after)(?=\\s*[,.;:)]|\\s*$))${E}`,
      resolve: (input) => {
        const unit = input.groups.unit ?? input.groups.unit2!
        const textual = previousFor(input, unit)
        const from = textual ?? input.anchor
        if (from === null) return unresolved
        const relation = input.groups.relation ?? input.groups.direction!
        const direction = relation === "same" ? 0 : ["previous", "before"].includes(relation) ? -1 : 1
        const resolved = countFrom(input, from, 1, unit, direction)
        return textual !== null && resolved.value !== null ? { ...resolved, anchor: input.anchor === null ? "absolute" : input.anchorKind } : resolved
      }
    },
    {
      // "five years", "the next six months", "90-day", "more than a week", "several months".
      rule: "time:duration",
      type: "DURATION",
      source: `${B}(?:${word("the")}\\s+(?:(?:past|last|next|coming|previous|first|final|following)\\s+)?)?${APPROXIMATOR}(?:${NUMBER}|${VAGUE})[\\s-]+${UNIT}(?:-(?:long|old))?`,
      accept: (_text, _start, _end, groups) => {
        // "a week" is a duration but "a day" alone is mostly "a day when…"; keep article + unit only for weeks and longer.
        const n = groups.number?.toLowerCase()
        return !((n === "a" || n === "an") && /^day$/i.test(groups.unit ?? ""))
      },
      resolve: ({ groups }) => ({ value: durationValue(groups.vague !== undefined ? null : numberOf(groups.number), groups.unit!), precision: null, anchor: null })
    },
    {
      rule: "time:duration",
      type: "DURATION",
      source: `${B}${word("the")}\\s+(?:past|last|next|coming|previous)\\s+(?<unit>week|month|year|decade|century)${E}`,
      resolve: ({ groups }) => ({ value: durationValue(1, groups.unit!), precision: null, anchor: null })
    },
    {
      rule: "time:duration-vague",
      type: "DURATION",
      source: `${B}(?:(?:recent|past|coming|many|several)\\s+)?(?<unit>days|weeks|months|years|decades|centuries)${E}(?!\\s+(?:old|ago))`,
      resolve: ({ groups }) => ({ value: durationValue(null, groups.unit!), precision: null, anchor: null })
    },
    {
      rule: "time:set",
      type: "SET",
      source: `${B}(?:(?<every>${word("every")}|${word("each")})\\s+(?:(?<unit>day|week|month|year|quarter)|${WEEKDAY})|(?<setWord>${alternatives(Object.keys(words.sets))}))${E}`,
      resolve: ({ groups }) => {
        if (groups.setWord !== undefined) return { value: words.sets[groups.setWord.toLowerCase()], precision: null, anchor: null }
        if (groups.weekday !== undefined) return { value: `XXXX-WXX-${weekdayNumber(groups.weekday)}`, precision: null, anchor: null }
        return { value: durationValue(1, groups.unit!), precision: null, anchor: null }
      }
    },
    {
      rule: "time:reference",
      type: "DATE",
      source: `${B}(?<reference>${alternatives(Object.keys(words.references))})${E}`,
      resolve: ({ groups }) => ({ value: words.references[groups.reference!.toLowerCase().replace(/\s+/g, " ")], precision: null, anchor: null })
    }
  ]
}

const patterns = () => (grammar ??= buildGrammar())
const scanners = new Map<TimePattern, RegExp>()
const wholes = new Map<TimePattern, RegExp>()
const scanner = (p: TimePattern) => {
  let r = scanners.get(p)
  if (!r) scanners.set(p, (r = new RegExp(p.source, "gu")))
  r.lastIndex = 0
  return r
}
const whole = (p: TimePattern) => {
  let r = wholes.get(p)
  if (!r) wholes.set(p, (r = new RegExp(`^(?:${p.source})$`, "u")))
  return r
}

/**
 * Every time expression in `text`, longest first where two overlap (the earlier pattern wins a tie),
 * in text order. Offsets are UTF-16 indices into `text`.
 */
export const findTimeExpressions = (text: string): Array<FoundTimeExpression> => {
  const candidates: Array<{ start: number; end: number; order: number }> = []
  patterns().forEach((pattern, order) => {
    for (const match of text.matchAll(scanner(pattern))) {
      const start = match.index
      const end = start + match[0].length
      if (end === start) continue
      if (pattern.accept && !pattern.accept(text, start, end, match.groups ?? {})) continue
      candidates.push({ start, end, order })
    }
  })
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.order - b.order || a.start - b.start)
  const taken: Array<FoundTimeExpression> = []
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue
    taken.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end) })
  }
  return taken.sort((a, b) => a.start - b.start)
}

/** Capitalised words that may stand before a year inside a sentence ("in May 2019", "Christmas 2019", "Summer 2020"). */
let calendarWords: ReadonlySet<string> | undefined
/**
 * Whether a year ends a name: a capitalised word that is no calendar word stands right before it inside
 * the sentence ("the Reproductive Health Care Reform Bill 2019", "WWDC 2005"). TimeML still marks it
 * as a date; the year names the thing, and does not date what is done to it ("voted to pass the … Bill
 * 2019" yesterday).
 */
export const endsName = (text: string, start: number): boolean => {
  const words = timeWords()
  calendarWords ??= new Set([...Object.keys(words.months), ...Object.keys(words.weekdays), ...words.holidays, "Spring", "Summer", "Autumn", "Fall", "Winter", "FY",
    "In", "By", "Since", "From", "Until", "During", "Before", "After", "Early", "Late", "Mid", "The", "And", "Or"])
  const before = /[\p{L}\d,;]\s+(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]
  return before !== undefined && !calendarWords.has(before)
}

/**
 * Normalises one time expression (as `findTimeExpressions` found it) against `anchorDate` (YYYY-MM-DD,
 * or null when the document is undated) and the tense of its clause. Returns null when the grammar does
 * not recognise the text. Expressions that need an anchor and have none come back with `value` null.
 */
export const resolveTimeExpression = (
  text: string,
  anchorDate: string | null,
  tense: Tense,
  options: ResolveOptions = {}
): TimeResolution | null => {
  for (const pattern of patterns()) {
    const match = whole(pattern).exec(text)
    if (!match) continue
    const groups = match.groups ?? {}
    const resolved = pattern.resolve({
      groups,
      text,
      anchor: anchorDate,
      anchorKind: options.anchorKind ?? "published",
      tense,
      previous: options.previous ?? null,
      previousPeriod: options.previousPeriod ?? null
    })
    const type = typeof pattern.type === "function" ? pattern.type(groups) : pattern.type
    return { type, ...resolved, rule: pattern.rule }
  }
  return null
}
