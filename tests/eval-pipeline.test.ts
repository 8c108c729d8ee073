/**
 * The eval end to end on two tiny records: they go through the real pipeline, and what it exports lines
 * up with gold offsets in code points, even after characters outside the Basic Multilingual Plane.
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { Nlp } from "../src/nlp/Nlp.ts"
import type { GoldRecord } from "../src/eval/gold.ts"
import { sliceCodePoints } from "../src/eval/align.ts"
import { runPipelineOnRecords } from "../src/eval/run.ts"
import { actorTask } from "../src/eval/tasks/actors.ts"

const layer = Layer.mergeAll(NodeServices.layer, Nlp.layer)

const text = "🇩🇪🇫🇷 Angela Merkel met Emmanuel Macron in Paris on Monday."
const records: Array<GoldRecord> = [{
  id: "emoji-1",
  corpus: "hand",
  split: "test",
  date: "2019-05-20",
  text,
  entities: [
    { start: 5, end: 18, text: "Angela Merkel", type: "PER" },
    { start: 23, end: 38, text: "Emmanuel Macron", type: "PER" },
    { start: 42, end: 47, text: "Paris", type: "LOC" }
  ]
}]

describe("eval over the real pipeline", () => {
  it("checks the fixture's gold offsets are code points", () => {
    for (const entity of records[0]!.entities!) expect(sliceCodePoints(text, entity)).toBe(entity.text)
  })

  it.effect("exports mentions whose code point offsets match the gold spans", () =>
    Effect.gen(function*() {
      const output = yield* runPipelineOnRecords(records)
      expect(output.skipped).toEqual([])
      const rows = output.rows.get("emoji-1")!
      expect(rows.document.published).toBe("2019-05-20")
      const merkel = rows.actorMentions.find((m) => m.text === "Angela Merkel")!
      expect([merkel.start, merkel.end]).toEqual([5, 18])
      const scored = actorTask(records, output.rows)
      expect(scored.scores.exact.truePositives).toBeGreaterThanOrEqual(2)
      expect(scored.scores.byClass.PER.recall).toBe(1)
    }).pipe(Effect.provide(layer)), 60_000)
})
