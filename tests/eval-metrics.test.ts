/**
 * The scores of src/eval/metrics.ts against cases worked by hand from the definitions, including the
 * degenerate ones (no predictions, no gold, one cluster, all singletons).
 */
import { describe, expect, it } from "@effect/vitest"
import { bCubed, ceafE, corefScores, maximumAssignment, muc, prfFromCounts } from "../src/eval/metrics.ts"

const clustering = (clusters: Record<string, ReadonlyArray<string>>) =>
  new Map(Object.entries(clusters).flatMap(([cluster, items]) => items.map((item) => [item, cluster] as const)))

describe("precision, recall, F1 from counts", () => {
  it("computes the ratios and the harmonic mean", () => {
    const score = prfFromCounts({ matchedPredicted: 3, predicted: 4, matchedGold: 3, gold: 6 })
    expect(score.precision).toBe(0.75)
    expect(score.recall).toBe(0.5)
    expect(score.f1).toBeCloseTo(0.6, 10)
  })

  it("leaves precision undefined with no predictions, recall undefined with no gold", () => {
    expect(prfFromCounts({ matchedPredicted: 0, predicted: 0, matchedGold: 0, gold: 5 })).toMatchObject({ precision: null, recall: 0, f1: 0 })
    expect(prfFromCounts({ matchedPredicted: 0, predicted: 3, matchedGold: 0, gold: 0 })).toMatchObject({ precision: 0, recall: null, f1: 0 })
    expect(prfFromCounts({ matchedPredicted: 0, predicted: 0, matchedGold: 0, gold: 0 })).toMatchObject({ precision: null, recall: null, f1: null })
  })
})

describe("coreference metrics", () => {
  // Key: one entity {a b c d}; response splits it in two {a b} {c d}.
  const key = clustering({ k: ["a", "b", "c", "d"] })
  const split = clustering({ r1: ["a", "b"], r2: ["c", "d"] })

  it("MUC counts links: recall (4 − 2) / (4 − 1), precision (1 + 1) / (1 + 1)", () => {
    const score = muc(key, split)
    expect(score.recall).toBeCloseTo(2 / 3, 10)
    expect(score.precision).toBe(1)
    expect(score.f1).toBeCloseTo(0.8, 10)
  })

  it("B-cubed averages per item: precision 2/2, recall 2/4", () => {
    const score = bCubed(key, split)
    expect(score.precision).toBe(1)
    expect(score.recall).toBe(0.5)
    expect(score.f1).toBeCloseTo(2 / 3, 10)
  })

  it("CEAF-e aligns one response cluster: φ4 = 2·2 / (4 + 2); recall φ4 / 1, precision φ4 / 2", () => {
    const score = ceafE(key, split)
    expect(score.recall).toBeCloseTo(2 / 3, 10)
    expect(score.precision).toBeCloseTo(1 / 3, 10)
    expect(score.f1).toBeCloseTo(4 / 9, 10)
  })

  it("CoNLL F1 is the mean of the three F1", () => {
    expect(corefScores(key, split).conllF1).toBeCloseTo((0.8 + 2 / 3 + 4 / 9) / 3, 10)
  })

  it("scores a partition against itself as 1 on every metric", () => {
    const gold = clustering({ x: ["a", "b", "c"], y: ["d", "e"], z: ["f"] })
    const scores = corefScores(gold, gold)
    for (const metric of [scores.muc, scores.bCubed, scores.ceafE]) expect(metric).toEqual({ precision: 1, recall: 1, f1: 1 })
    expect(scores.conllF1).toBe(1)
  })

  it("one cluster against one cluster is perfect; against all singletons MUC recall is 0 and precision undefined", () => {
    const one = clustering({ k: ["a", "b", "c"] })
    expect(corefScores(one, clustering({ r: ["a", "b", "c"] })).conllF1).toBe(1)
    const singletons = clustering({ r1: ["a"], r2: ["b"], r3: ["c"] })
    expect(muc(one, singletons)).toEqual({ precision: null, recall: 0, f1: 0 })
    expect(bCubed(one, singletons).precision).toBe(1)
    expect(bCubed(one, singletons).recall).toBeCloseTo(1 / 3, 10)
    // Each singleton has φ4 = 2·1 / (3 + 1) = 0.5 with the key cluster; only one can be aligned.
    expect(ceafE(one, singletons).recall).toBe(0.5)
    expect(ceafE(one, singletons).precision).toBeCloseTo(0.5 / 3, 10)
  })

  it("has no MUC score when key and response are all singletons, so no CoNLL F1", () => {
    const singletons = clustering({ a: ["a"], b: ["b"] })
    const scores = corefScores(singletons, singletons)
    expect(scores.muc).toEqual({ precision: null, recall: null, f1: null })
    expect(scores.bCubed.f1).toBe(1)
    expect(scores.ceafE.f1).toBe(1)
    expect(scores.conllF1).toBeNull()
  })

  it("with no predictions: recall 0, precision undefined; with no gold: precision 0", () => {
    const none = new Map<string, string>()
    expect(bCubed(key, none)).toEqual({ precision: null, recall: 0, f1: 0 })
    expect(ceafE(key, none)).toEqual({ precision: null, recall: 0, f1: 0 })
    expect(bCubed(none, split)).toEqual({ precision: 0, recall: null, f1: 0 })
    expect(corefScores(none, none).conllF1).toBeNull()
  })
})

describe("maximum-weight assignment (CEAF alignment)", () => {
  it("finds the best one-to-one assignment, not the greedy one", () => {
    // Greedy would take 0.9 then 0.1 (1.0); the best is 0.5 + 0.8.
    expect(maximumAssignment([[0.9, 0.5], [0.8, 0.1]])).toBeCloseTo(1.3, 10)
    expect(maximumAssignment([[1, 0], [0, 1]])).toBe(2)
  })

  it("handles rectangular and empty matrices", () => {
    expect(maximumAssignment([[1, 2, 3]])).toBe(3)
    expect(maximumAssignment([[3], [5], [1]])).toBe(5)
    expect(maximumAssignment([])).toBe(0)
  })
})
