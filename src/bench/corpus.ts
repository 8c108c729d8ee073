/**
 * The benchmark's articles: the shared news corpus, and larger sizes made by replaying it as new
 * sources. A replayed article is a new document to the pipeline and its state store (new id, new
 * publisher, dates a few days later, one paragraph left out or two swapped, as a rewrite would), so a 4x
 * corpus costs 4x the work instead of being recognised as duplicates.
 */
import { readFileSync } from "node:fs"

export interface CorpusRecord {
  readonly id: string
  readonly text: string
  readonly title?: string | null
  readonly date?: string | null
  readonly source?: string | null
}

/** Records of JSON Lines files, in file order, keeping the fields the pipeline reads. */
export const readCorpus = (files: ReadonlyArray<string>): Array<CorpusRecord> =>
  files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const { date, id, source, text, title } = JSON.parse(line) as CorpusRecord
        return { id, text, title: title ?? null, date: date ?? null, source: source ?? null }
      })
  )

const shiftDate = (date: string | null | undefined, days: number): string | null => {
  if (date === null || date === undefined || !/^\d{4}-\d{2}-\d{2}/.test(date)) return date ?? null
  const shifted = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  shifted.setUTCDate(shifted.getUTCDate() + days)
  return shifted.toISOString().slice(0, 10)
}

/**
 * The paragraphs of a text with one of them rewritten away: dropped when there are enough, else two
 * swapped. An article has only so many such variants (n − 1 of n ≥ 4 paragraphs, one of two or three),
 * so a copy beyond them also ends with a line naming it: every copy is a new text, as a larger archive's
 * articles are, not an exact duplicate that dedupe would set aside unread.
 */
const rewriteParagraphs = (text: string, copy: number): string => {
  const paragraphs = text.split(/\n\s*\n/)
  const variants = paragraphs.length >= 4 ? paragraphs.length - 1 : 1
  const rewritten = paragraphs.length >= 4
    ? paragraphs.filter((_, i) => i !== 1 + (copy % (paragraphs.length - 1))).join("\n\n")
    : paragraphs.length >= 2
    ? [paragraphs[1], paragraphs[0], ...paragraphs.slice(2)].join("\n\n")
    : `${text}\n\nThis report was first published elsewhere.`
  return copy <= variants ? rewritten : `${rewritten}\n\nThis is edition ${copy} of the report.`
}

/** Copy `copy` (1, 2, …) of a record, as if another outlet had republished it with light edits. */
export const replay = (record: CorpusRecord, copy: number): CorpusRecord => ({
  id: `${record.id}~replay${copy}`,
  text: rewriteParagraphs(record.text, copy),
  title: record.title ?? null,
  date: shiftDate(record.date, copy),
  source: `${record.source ?? "unknown"} (replay ${copy})`
})

/** The corpus at `scale` times its size: the originals, then each replay copy in turn. */
export const scaledCorpus = (records: ReadonlyArray<CorpusRecord>, scale: number): Array<CorpusRecord> =>
  Array.from({ length: scale }, (_, copy) => (copy === 0 ? [...records] : records.map((r) => replay(r, copy)))).flat()

export const toJsonLines = (records: ReadonlyArray<CorpusRecord>): string => records.map((r) => JSON.stringify(r)).join("\n") + "\n"

/** Megabytes of article text (UTF-8). */
export const megabytes = (records: ReadonlyArray<CorpusRecord>): number =>
  records.reduce((sum, r) => sum + Buffer.byteLength(r.text, "utf8"), 0) / 1e6
