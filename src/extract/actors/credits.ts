/**
 * Credits inside the body: "Reporting by …; Writing by …; Editing by …", an agency's "(AP) —" tag,
 * a press release's "/PRNewswire/" dateline. They credit the copy; the names in them are metadata,
 * never actors (`actors-credits.json` lists the layouts).
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"

const CreditPatterns = Schema.Array(Schema.Struct({ rule: Schema.String, pattern: Schema.String }))

let compiled: ReadonlyArray<{ readonly rule: string; readonly pattern: RegExp }> | undefined
const creditPatterns = () =>
  (compiled ??= loadLexicon("actors-credits.json", CreditPatterns).map(({ rule, pattern }) => ({ rule, pattern: new RegExp(pattern, "gu") })))

export interface CreditRange {
  readonly start: number
  readonly end: number
  readonly rule: string
}

/** The stretches of `text` that credit the copy. */
export const creditRanges = (text: string): Array<CreditRange> => {
  const ranges: Array<CreditRange> = []
  for (const { rule, pattern } of creditPatterns()) {
    for (const match of text.matchAll(pattern)) ranges.push({ start: match.index, end: match.index + match[0].length, rule })
  }
  return ranges.sort((a, b) => a.start - b.start)
}

/** Whether [start, end) lies in a credit, wholly or in part. */
export const inCredit = (ranges: ReadonlyArray<CreditRange>, start: number, end: number): boolean =>
  ranges.some((range) => start < range.end && range.start < end)
