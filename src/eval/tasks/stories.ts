/**
 * `stories`: documents' exported `story_id` vs the gold story (ECB+ `subtopic`: one story told by
 * several sources), B-cubed over documents. A document without a story id, or skipped by the
 * pipeline, is a story of its own. Scored on the whole file and on each topic half (topics.ts).
 */
import type { DocumentRows } from "../exported.ts"
import type { GoldRecord } from "../gold.ts"
import { bCubed } from "../metrics.ts"
import type { ScoreTable } from "../report.ts"
import { scoredParts } from "../topics.ts"

const scoreStories = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const withStory = records.filter((r) => r.subtopic !== undefined && r.subtopic !== null)
  const key = new Map(withStory.map((r) => [r.id, r.subtopic!]))
  const response = new Map(withStory.map((r) => [r.id, rows.get(r.id)?.document.story_id ?? `alone:${r.id}`]))
  return { score: bCubed(key, response), documents: key.size, predicted: new Set(response.values()).size, gold: new Set(key.values()).size }
}

export const storyTask = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const parts = scoredParts(records).map((part) => ({ ...part, ...scoreStories(part.records, rows) }))
  const table: ScoreTable = {
    title: "stories (B-cubed over documents)",
    columns: ["P", "R", "F1", "documents", "predicted stories", "gold stories"],
    rows: parts.map((p) => ({
      label: p.key === "" ? "story_id vs subtopic" : p.label,
      cells: [p.score.precision, p.score.recall, p.score.f1, p.documents, p.predicted, p.gold]
    }))
  }
  return {
    tables: [table],
    figures: Object.fromEntries(
      parts.flatMap((p) => [[`${p.key}bcubed.precision`, p.score.precision], [`${p.key}bcubed.recall`, p.score.recall], [`${p.key}bcubed.f1`, p.score.f1]])
    ),
    notes: [
      "Documents without a story_id (or skipped) count as stories of their own. The other subtopic of an ECB+ topic is a similar but different story.",
      ...(parts.length > 1 ? ["The pipeline runs once on the whole file; each topic half is scored on its own documents. Errors are read on the tuning half only; the reporting half is reported, never tuned on."] : [])
    ],
    failures: records.some((r) => r.subtopic !== undefined && r.subtopic !== null) ? [] : ["no gold record has a subtopic: nothing to score"]
  }
}
