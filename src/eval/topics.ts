/**
 * Topic ranges: ECB+ numbers its topics, and the dev topics are read in two halves — topics 1–20 are
 * the tuning half (errors may be read there, settings chosen there), topics 21–35 the reporting half
 * (only its figures are reported; nothing is chosen by them). The stories and coref tasks score each
 * half as well as the whole file, and `--topics A-B` runs the pipeline on one range only.
 */
import type { GoldRecord } from "./gold.ts"

export interface TopicRange {
  readonly from: number
  readonly to: number
}

/** The halves the stories and coref tasks report besides the whole file. */
export const TopicHalves: ReadonlyArray<TopicRange & { readonly role: "tuning" | "reporting" }> = [
  { from: 1, to: 20, role: "tuning" },
  { from: 21, to: 35, role: "reporting" }
]

/** "1-20" or "7" → a range; anything else → an error message. */
export const parseTopicRange = (text: string): TopicRange | string => {
  const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(text)
  if (match === null) return `--topics takes a topic number or a range such as 1-20, not '${text}'`
  const from = Number(match[1])
  const to = match[2] === undefined ? from : Number(match[2])
  return from <= to ? { from, to } : `--topics ${text}: the range ends before it starts`
}

export const rangeLabel = (range: TopicRange): string => (range.from === range.to ? `topic ${range.from}` : `topics ${range.from}-${range.to}`)

/** Records whose numeric topic lies in the range (records without one are outside every range). */
export const inTopics = (records: ReadonlyArray<GoldRecord>, range: TopicRange): Array<GoldRecord> =>
  records.filter((r) => {
    const topic = r.topic === undefined || r.topic === null ? Number.NaN : Number(r.topic)
    return Number.isInteger(topic) && topic >= range.from && topic <= range.to
  })

/**
 * The parts a cross-document task scores: the whole file, then each half that holds records (only
 * when the file has numbered topics and more than one half is present, so a one-topic file has one row).
 */
export const scoredParts = (records: ReadonlyArray<GoldRecord>): Array<{ readonly label: string; readonly key: string; readonly records: ReadonlyArray<GoldRecord> }> => {
  const halves = TopicHalves.map((half) => ({ half, records: inTopics(records, half) })).filter((p) => p.records.length > 0)
  const all = { label: "all", key: "", records }
  if (halves.length < 2) return [all]
  return [all, ...halves.map(({ half, records }) => ({ label: `${rangeLabel(half)} (${half.role})`, key: `topics_${half.from}-${half.to}.`, records }))]
}
