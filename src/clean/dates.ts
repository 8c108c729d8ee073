/**
 * Publication dates written in bylines and date lines: ISO (2025-06-10), numeric European
 * (10.06.2025, 10-06-2025), numeric US (06/10/2025, read day-first only when the first number
 * cannot be a month), and month names ("June 10, 2025", "10 June 2025", "Sept. 26, 2016").
 */
import { cleanLexicon } from "./lexicon.ts"

export interface FoundDate {
  /** YYYY-MM-DD */
  readonly iso: string
  /** Where the date is in the searched string. */
  readonly start: number
  readonly end: number
  readonly rule: string
}

const pad = (n: number): string => String(n).padStart(2, "0")

const validDate = (year: number, month: number, day: number): string | null => {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day > days ? null : `${year}-${pad(month)}-${pad(day)}`
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?![\d])/g
const DOTTED = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/g

let monthPatterns: { monthFirst: RegExp; dayFirst: RegExp } | undefined
const monthRegexes = () => {
  if (monthPatterns !== undefined) return monthPatterns
  const names = [...cleanLexicon().months.keys()].sort((a, b) => b.length - a.length).join("|")
  monthPatterns = {
    monthFirst: new RegExp(`\\b(${names})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "giu"),
    dayFirst: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${names})\\.?,?\\s+(\\d{4})\\b`, "giu")
  }
  return monthPatterns
}

/** Every date in `text`, in order of position. */
export const findDates = (text: string): Array<FoundDate> => {
  const months = cleanLexicon().months
  const found: Array<FoundDate> = []
  const push = (iso: string | null, index: number, length: number, rule: string) => {
    if (iso === null) return
    if (found.some((d) => index < d.end && d.start < index + length)) return
    found.push({ iso, start: index, end: index + length, rule })
  }
  for (const m of text.matchAll(ISO)) push(validDate(+m[1], +m[2], +m[3]), m.index, m[0].length, "clean/date-iso")
  for (const m of text.matchAll(DOTTED)) {
    const a = +m[1]
    const b = +m[3]
    const year = +m[4]
    if (m[2] === "/") {
      // US order unless the first number cannot be a month.
      if (a > 12) push(validDate(year, b, a), m.index, m[0].length, "clean/date-numeric-day-first")
      else push(validDate(year, a, b), m.index, m[0].length, "clean/date-numeric-us")
    } else {
      push(validDate(year, b, a), m.index, m[0].length, "clean/date-numeric-european")
    }
  }
  const { monthFirst, dayFirst } = monthRegexes()
  for (const m of text.matchAll(monthFirst)) {
    push(validDate(+m[3], months.get(m[1].toLowerCase()) ?? 0, +m[2]), m.index, m[0].length, "clean/date-month-name")
  }
  for (const m of text.matchAll(dayFirst)) {
    push(validDate(+m[3], months.get(m[2].toLowerCase()) ?? 0, +m[1]), m.index, m[0].length, "clean/date-month-name")
  }
  return found.sort((x, y) => x.start - y.start)
}

/** An ISO date or date-time given with an input (`2025-06-10`, `2025-06-10T08:00:00Z`), or any form above. */
export const parseGivenDate = (value: string | null): string | null => {
  if (value === null) return null
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (iso) return validDate(+iso[1], +iso[2], +iso[3])
  return findDates(value)[0]?.iso ?? null
}

const STAMP_WORDS = /\b(?:published|posted|updated?|last updated|modified|first published|created|on|at|am|pm|gmt|utc|bst|cet|cest|est|edt|et|pt|pst|pdt|local time|time)\b/giu

/**
 * Whether a line is only a date stamp ("Friday, January 4, 2019", "May 2, 2013 | 5:03pm",
 * "Published: 2012-04-04 11:47:35"): once its dates, weekdays, times and stamp words are taken out,
 * no word is left.
 */
export const isDateStamp = (line: string, dates: ReadonlyArray<FoundDate>): boolean => {
  if (dates.length === 0) return false
  let rest = ""
  let from = 0
  for (const d of dates) {
    rest += line.slice(from, d.start) + " "
    from = d.end
  }
  rest += line.slice(from)
  const weekdays = cleanLexicon().weekdays
  const words = rest
    .replace(STAMP_WORDS, " ")
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/giu, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "" && !weekdays.has(w.toLowerCase()))
  return words.length === 0
}

/** The first publication among the dates of a byline ("10.06.2025 - Update : 11.06.2025"): the earliest. */
export const firstPublication = (dates: ReadonlyArray<FoundDate>): FoundDate | null =>
  dates.length === 0 ? null : dates.reduce((a, b) => (b.iso < a.iso ? b : a))
