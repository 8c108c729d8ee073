/**
 * `stories`: documents' exported `story_id` vs the gold story (ECB+ `subtopic`: one story told by
 * several sources), B-cubed over documents. A document without a story id, or skipped by the
 * pipeline, is a story of its own.
 */
import type { DocumentRows } from "../exported.ts"
import type { GoldRecord } from "../gold.ts"
import { bCubed } from "../metrics.ts"
import type { ScoreTable } from "../report.ts"

export const storyTask = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const withStory = records.filter((r) => r.subtopic !== undefined && r.subtopic !== null)
  const key = new Map(withStory.map((r) => [r.id, r.subtopic!]))
  const response = new Map(withStory.map((r) => [r.id, rows.get(r.id)?.document.story_id ?? `alone:${r.id}`]))
  const score = bCubed(key, response)
  const goldStories = new Set(key.values()).size
  const predictedStories = new Set(response.values()).size
  const table: ScoreTable = {
    title: "stories (B-cubed over documents)",
    columns: ["P", "R", "F1", "documents", "predicted stories", "gold stories"],
    rows: [{ label: "story_id vs subtopic", cells: [score.precision, score.recall, score.f1, key.size, predictedStories, goldStories] }]
  }
  return {
    tables: [table],
    figures: { "bcubed.precision": score.precision, "bcubed.recall": score.recall, "bcubed.f1": score.f1 },
    notes: ["Documents without a story_id (or skipped) count as stories of their own. The other subtopic of an ECB+ topic is a similar but different story."],
    failures: withStory.length === 0 ? ["no gold record has a subtopic: nothing to score"] : []
  }
}
