/**
 * `dates`: gold time expressions (MEANTIME `times`, normalised `value` relative to the document date)
 * vs the exported `times` table. A gold expression is found when an exported expression overlaps it
 * (the best-overlapping one is taken) and resolved when that expression's `value` equals the gold
 * value (case-insensitive). DATE expressions are reported apart from all types.
 */
import type { TimeRow } from "../../model/tables.ts"
import { bestOverlapping } from "../align.ts"
import type { DocumentRows } from "../exported.ts"
import type { GoldRecord, GoldTime } from "../gold.ts"
import { ratio } from "../metrics.ts"
import type { ScoreTable } from "../report.ts"

export interface DateTally {
  readonly gold: number
  readonly found: number
  readonly resolved: number
}

export const sameTimeValue = (gold: string, predicted: string | null): boolean =>
  predicted !== null && gold.trim().toUpperCase() === predicted.trim().toUpperCase()

/** Counts gold expressions found and resolved to their value, keeping the failures for reading. */
export const scoreTimes = (documents: ReadonlyArray<{ readonly id: string; readonly gold: ReadonlyArray<GoldTime>; readonly predicted: ReadonlyArray<TimeRow> }>, keep: (t: GoldTime) => boolean) => {
  let gold = 0
  let found = 0
  let resolved = 0
  const failures: Array<string> = []
  for (const document of documents) {
    for (const time of document.gold) {
      if (!keep(time) || time.value === null || time.value === undefined) continue
      gold++
      const match = bestOverlapping(time, document.predicted, (row) => row)
      if (match === null) {
        failures.push(`${document.id}: "${time.text}" (${time.type} ${time.value}) not found`)
        continue
      }
      found++
      if (sameTimeValue(time.value, match.value)) resolved++
      else failures.push(`${document.id}: "${time.text}" is ${time.value}, exported "${match.text}" = ${match.value ?? "null"}`)
    }
  }
  return { tally: { gold, found, resolved } satisfies DateTally, failures }
}

export const dateTask = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const documents = records.map((record) => ({ id: record.id, gold: record.times ?? [], predicted: rows.get(record.id)?.times ?? [] }))
  const dates = scoreTimes(documents, (t) => t.type === "DATE")
  const all = scoreTimes(documents, () => true)
  const row = (label: string, t: DateTally) => ({ label, cells: [ratio(t.resolved, t.gold), ratio(t.found, t.gold), t.resolved, t.found, t.gold] })
  const table: ScoreTable = {
    title: "time expressions",
    columns: ["resolved", "found", "n resolved", "n found", "gold"],
    rows: [row("DATE", dates.tally), row("all types", all.tally)]
  }
  return {
    tables: [table],
    figures: {
      "date.resolved": ratio(dates.tally.resolved, dates.tally.gold),
      "date.found": ratio(dates.tally.found, dates.tally.gold),
      "all.resolved": ratio(all.tally.resolved, all.tally.gold)
    },
    notes: [
      "resolved = share of gold expressions whose best-overlapping exported time has the gold value (exact, case-insensitive: 2008-03-06, 2008-W10, P1Y, PRESENT_REF); found = share overlapped by any exported time. Gold expressions without a value are left out."
    ],
    failures: all.failures
  }
}
