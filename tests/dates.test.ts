import { describe, expect, it } from "@effect/vitest"
import { endsName, findTimeExpressions, resolveTimeExpression } from "../src/extract/events/dates.ts"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { analyzeText, extractContext } from "../src/extract/index.ts"
import { extractEvents } from "../src/extract/events/index.ts"

// 2025-06-10 is a Tuesday; every fixture names its publication date, the clock is never read.
const TUESDAY = "2025-06-10"
const value = (text: string, tense: "past" | "present" | "future" = "past", anchor: string | null = TUESDAY, previous: string | null = null) =>
  resolveTimeExpression(text, anchor, tense, { previous })?.value

describe("dates: explicit dates", () => {
  it("reads month-day-year, day-month-year, ISO and day-first numeric dates without an anchor", () => {
    expect(value("March 06, 2008", "past", null)).toBe("2008-03-06")
    expect(value("Monday, June 9, 2025", "past", null)).toBe("2025-06-09")
    expect(value("24 February 1955", "past", null)).toBe("1955-02-24")
    expect(value("2025-06-10", "past", null)).toBe("2025-06-10")
    expect(value("10.06.2025", "past", null)).toBe("2025-06-10")
    expect(resolveTimeExpression("March 2008", null, "past")).toMatchObject({ value: "2008-03", precision: "month", anchor: "absolute" })
    expect(resolveTimeExpression("1991", null, "past")).toMatchObject({ value: "1991", precision: "year", anchor: "absolute" })
  })

  it("gives a month-day the publication year, or the year before when a past clause puts it far ahead", () => {
    expect(resolveTimeExpression("May 12", TUESDAY, "past")).toMatchObject({ value: "2025-05-12", precision: "day", anchor: "published", rule: "time:month-day" })
    expect(value("December 24", "past")).toBe("2024-12-24")
    expect(value("December 24", "future")).toBe("2025-12-24")
    expect(value("January 3", "future")).toBe("2026-01-03")
  })

  it("gives a bare month or a modified one the nearest year the tense allows", () => {
    expect(resolveTimeExpression("May", TUESDAY, "past")).toMatchObject({ value: "2025-05", precision: "month" })
    expect(value("early April")).toBe("2025-04")
    expect(value("November", "past")).toBe("2024-11")
    expect(value("mid-2011")).toBe("2011")
  })
})

describe("dates: weekdays by tense", () => {
  it("puts a weekday of a past clause in the publication's week or the one before", () => {
    expect(value("Monday", "past")).toBe("2025-06-09")
    expect(value("Tuesday", "past")).toBe("2025-06-10")
    expect(value("Friday", "past")).toBe("2025-06-06")
    expect(value("Thursday", "present")).toBe("2025-06-05")
  })

  it("puts a weekday of a future clause on the next such day (the publication's own weekday is that day), and honours last/next", () => {
    // "is scheduled to meet on Tuesday" in a Tuesday's paper is that day (events.dev tuning half, b11aff8).
    expect(value("Tuesday", "future")).toBe("2025-06-10")
    expect(value("Thursday", "future")).toBe("2025-06-12")
    expect(value("last Tuesday", "past")).toBe("2025-06-03")
    expect(value("next Monday", "past")).toBe("2025-06-16")
  })

  it("codes a part of the day as a TIME", () => {
    expect(resolveTimeExpression("Friday morning", TUESDAY, "past")).toMatchObject({ type: "TIME", value: "2025-06-06TMO" })
  })
})

describe("dates: relative expressions", () => {
  it("resolves deictic days and calendar periods against the publication date", () => {
    expect(value("yesterday")).toBe("2025-06-09")
    expect(value("today")).toBe("2025-06-10")
    expect(value("tomorrow", "future")).toBe("2025-06-11")
    expect(value("last week")).toBe("2025-W23")
    expect(value("last month")).toBe("2025-05")
    expect(value("earlier this year")).toBe("2025")
    expect(value("next year", "future")).toBe("2026")
    expect(value("the last quarter")).toBe("2025-Q1")
    expect(value("three days ago")).toBe("2025-06-07")
    expect(value("two years ago")).toBe("2023")
  })

  it("counts 'a day earlier' from the previous date in the text, or from publication when there is none", () => {
    expect(resolveTimeExpression("A day earlier", TUESDAY, "past", { previous: "2025-06-06" })).toMatchObject({ value: "2025-06-05", precision: "day" })
    expect(value("two weeks later", "past", TUESDAY, "2025-05-12")).toBe("2025-W22")
    expect(value("the next day", "past", TUESDAY, "2025-05-12")).toBe("2025-05-13")
    expect(value("a day earlier", "past", TUESDAY, null)).toBe("2025-06-09")
  })

  it("counts years from the last year the text named, months from the last month, days only from a day", () => {
    const from = (text: string, previous: string | null, previousPeriod: string | null) => resolveTimeExpression(text, TUESDAY, "past", { previous, previousPeriod })
    expect(from("three years later", null, "2011")).toMatchObject({ value: "2014", precision: "year", anchor: "published" })
    expect(from("the following year", null, "2011-05")).toMatchObject({ value: "2012", precision: "year" })
    expect(from("two months later", null, "2011-05")).toMatchObject({ value: "2011-07", precision: "month" })
    // A year names no month to count months from, nor a day to count days from: those count from publication.
    expect(from("two months later", null, "2011")?.value).toBe("2025-08")
    expect(from("two days later", null, "2011")?.value).toBe("2025-06-12")
    expect(from("two days later", "2011-05-03", "2011-05-03")?.value).toBe("2011-05-05")
  })

  it("keeps relative expressions of an undated document unresolved, and marks a story anchor when asked", () => {
    expect(resolveTimeExpression("Monday", null, "past")).toMatchObject({ value: null, precision: null, anchor: null, rule: "time:weekday" })
    expect(resolveTimeExpression("since May", null, "past")).toBeNull()
    expect(resolveTimeExpression("Monday", "2025-06-09", "past", { anchorKind: "story" })).toMatchObject({ value: "2025-06-09", anchor: "story" })
  })
})

describe("dates: durations, sets and references", () => {
  it("normalises durations, sets and reference words the TimeML way", () => {
    expect(resolveTimeExpression("90-day", TUESDAY, "past")).toMatchObject({ type: "DURATION", value: "P90D" })
    expect(value("five years")).toBe("P5Y")
    expect(value("more than a week")).toBe("P1W")
    expect(value("the past decade")).toBe("P10Y")
    expect(value("several months")).toBe("PXM")
    expect(resolveTimeExpression("every Monday", TUESDAY, "past")).toMatchObject({ type: "SET", value: "XXXX-WXX-1" })
    expect(value("annual")).toBe("P1Y")
    expect(value("recently")).toBe("PAST_REF")
    expect(value("now")).toBe("PRESENT_REF")
  })
})

describe("dates: finding expressions", () => {
  it("finds the longest expression, leaves out prepositions and tells the month May from the modal", () => {
    const text = "Talks that may resume since May stalled after a May 12 agreement on Monday, June 9, 2025 in 2,000 cities."
    expect(findTimeExpressions(text).map((f) => `${f.text}@${f.start}`)).toEqual(["May@28", "May 12@48", "Monday, June 9, 2025@68"])
  })

  it("does not read counts or money as years", () => {
    expect(findTimeExpressions("About 2000 troops and $2025 were sent, 1999 people fled.").map((f) => f.text)).toEqual([])
  })

  it("tells a year that ends a name from one that dates", () => {
    const at = (text: string) => endsName(text, text.lastIndexOf("20"))
    expect(at('voted to pass the "Reproductive Health Care Reform Bill 2019"')).toBe(true)
    expect(at("keynote to WWDC 2005")).toBe(true)
    expect(at("they met in May 2019")).toBe(false)
    expect(at("sales rose over Christmas 2019")).toBe(false)
    expect(at('she said. "In 2019')).toBe(false)
    expect(at("In 2019")).toBe(false)
  })

  it("does not read a clock time in a time zone or in hours as a year", () => {
    // "11:30 am" is a clock time (TIME), not a year; the four-digit clock times in a zone or in hours are nothing.
    expect(findTimeExpressions("It was completed around 11:30 am (1830 UTC), and at 0600 GMT, 2100 hrs and in 1990.").map((f) => f.text)).toEqual(["11:30 am", "1990"])
  })

  it("puts a clock time on the last day the text named, else the publication day, and reads no score or verse as one", () => {
    const clock = (text: string, previous: string | null) => {
      const found = findTimeExpressions(text).map((f) => resolveTimeExpression(f.text, "2020-11-07", "past", { previous }))
      return found.map((r) => `${r?.type} ${r?.value}`)
    }
    expect(clock("The AP called the race at 11:25am.", null)).toEqual(["TIME 2020-11-07T11:25"])
    expect(clock("The attack took place at about 7:45 p.m.", "2020-11-06")).toEqual(["TIME 2020-11-06T19:45"])
    expect(clock("Power was restored by 20:21.", null)).toEqual(["TIME 2020-11-07T20:21"])
    expect(clock("John 3:16 is quoted; they won 3:1.", null)).toEqual([])
    // Undated: only a day the text gave places it, and then the value is absolute.
    expect(resolveTimeExpression("7:45 p.m.", null, "past", { previous: "2020-11-06" })).toMatchObject({ value: "2020-11-06T19:45", anchor: "absolute" })
    expect(resolveTimeExpression("7:45 p.m.", null, "past")).toMatchObject({ value: null, anchor: null })
  })
})

describe("dates: in a document", () => {
  const engine = sharedNlpEngine()
  const timesOf = (text: string, date: string | null) =>
    extractEvents(extractContext(engine, analyzeText(engine, text, { date })), { actors: [], mentions: [], diagnostics: [] }).times

  it("takes each weekday's tense from its clause and chains 'a day earlier' to the date before it", () => {
    const text = "The talks started on Monday. Trump announced them on Friday. A day earlier, he spoke to Xi. They will meet again on Thursday."
    expect(timesOf(text, TUESDAY).map((t) => `${t.text}=${t.value}:${t.tense}`)).toEqual([
      "Monday=2025-06-09:past", "Friday=2025-06-06:past", "A day earlier=2025-06-05:past", "Thursday=2025-06-12:future"
    ])
  })

  it("counts 'three years later' from the year named before it", () => {
    const text = "US troops left Iraq in 2011. They returned three years later, on Monday."
    expect(timesOf(text, TUESDAY).map((t) => `${t.text}=${t.value}`)).toEqual(["2011=2011", "three years later=2014", "Monday=2025-06-09"])
  })

  it("does not date an event by the year that ends a name, and takes the day the clause names", () => {
    const text = 'Yesterday, the parliament voted to pass the "Reproductive Health Care Reform Bill 2019".'
    const doc = analyzeText(engine, text, { date: "2019-09-27" })
    const events = extractEvents(extractContext(engine, doc), { actors: [], mentions: [], diagnostics: [] }).events
    expect(events.map((e) => `${e.trigger} ${e.date}`)).toEqual(["voted 2019-09-26"])
  })

  it("keeps the expressions of an undated document with a null value, and explicit dates resolved", () => {
    const times = timesOf("The officials met on Monday. The deal of 12 May 2025 holds.", null)
    expect(times.map((t) => `${t.text}=${t.value}:${t.anchor}`)).toEqual(["Monday=null:null", "12 May 2025=2025-05-12:absolute"])
  })
})
