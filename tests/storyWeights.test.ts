/**
 * Story weights fixed for an archive (src/state/storyWeights.ts, src/dedupe/stories.ts): two reports
 * joined by words that later articles make common stay one story while the weights are kept, and split
 * once they are counted again; features first seen later are counted over the new documents and then
 * kept; and the rule that decides when the weights are counted again.
 */
import { describe, expect, it } from "vitest"
import { countStoryWeights, extendStoryWeights, groupStories } from "../src/dedupe/stories.ts"
import type { StoryDocument } from "../src/dedupe/stories.ts"
import { storyWeightsOrigin } from "../src/state/storyWeights.ts"

const doc = (docId: string, published: string, features: ReadonlyArray<string>): StoryDocument => ({
  docId,
  published,
  features: new Map(features.map((f) => [f, 1]))
})

// Two January reports sharing "x" and "y", each with five words of its own; eight unrelated reports.
// Over these ten, cos(a, b) = 0.173, above `sameStory` (0.15).
const own = (prefix: string) => [1, 2, 3, 4, 5].map((k) => `${prefix}${k}`)
const archive: Array<StoryDocument> = [
  doc("a", "2024-01-01", ["x", "y", ...own("a")]),
  doc("b", "2024-01-02", ["x", "y", ...own("b")]),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => doc(`filler${k}`, "2024-01-01", [`f${k}`]))
]
// Nine June reports that use "x" and "y" too (too far in time to join the January story), and a word
// none of the archive had.
const added = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => doc(`june${k}`, "2024-06-01", ["x", "y", "new", `j${k}`]))

describe("story weights kept for an archive", () => {
  it("keep two earlier reports one story, with the same link score, when later articles make their shared words common", () => {
    const kept = countStoryWeights(archive)
    const first = groupStories(archive, undefined, kept)
    expect(first.get("a")!.storyId).toBe(first.get("b")!.storyId)
    expect(first.get("a")!.links).toEqual([{ rule: "content-similarity", otherDocId: "b", score: 0.173 }])

    const all = [...archive, ...added]
    const withKept = groupStories(all, undefined, extendStoryWeights(kept, all).weights)
    expect(withKept.get("a")).toEqual(first.get("a"))
    expect(withKept.get("b")).toEqual(first.get("b"))

    // Counted over all nineteen, "x" and "y" are in eleven documents: a and b are two stories.
    const recounted = groupStories(all)
    expect(recounted.get("a")!.storyId).not.toBe(recounted.get("b")!.storyId)
    expect(groupStories(all, undefined, countStoryWeights(all))).toEqual(recounted)
  })

  it("count a feature first seen in added documents over them, and keep every earlier count and the document total", () => {
    const kept = countStoryWeights(archive)
    expect(kept.documents).toBe(10)
    expect(kept.frequencies.get("x")).toBe(2)
    const { added: newFeatures, weights } = extendStoryWeights(kept, [...archive, ...added])
    expect(weights.documents).toBe(10)
    expect(weights.frequencies.get("x")).toBe(2)
    expect(weights.frequencies.get("new")).toBe(9)
    expect(weights.frequencies.get("j1")).toBe(1)
    expect([...newFeatures.keys()].sort()).toEqual(["j1", "j2", "j3", "j4", "j5", "j6", "j7", "j8", "j9", "new"])
    // Nothing new: the kept weights themselves.
    expect(extendStoryWeights(kept, archive).weights).toBe(kept)
  })
})

describe("when the story weights are counted again", () => {
  const basis = { documents: 100, fingerprint: "code-1" }
  it("keeps them while the archive stays between half and twice what they were counted over, with the same code", () => {
    expect(storyWeightsOrigin(basis, "code-1", 100, false)).toBe("kept")
    expect(storyWeightsOrigin(basis, "code-1", 199, false)).toBe("kept")
    expect(storyWeightsOrigin(basis, "code-1", 51, false)).toBe("kept")
  })
  it("counts them on the first run, on --rebuild, with other code, and at twice or half the documents", () => {
    expect(storyWeightsOrigin(undefined, "code-1", 100, false)).toBe("first run")
    expect(storyWeightsOrigin(basis, "code-1", 100, true)).toBe("rebuild")
    expect(storyWeightsOrigin(basis, "code-2", 100, false)).toBe("code changed")
    expect(storyWeightsOrigin(basis, "code-1", 200, false)).toBe("archive grew")
    expect(storyWeightsOrigin(basis, "code-1", 50, false)).toBe("archive shrank")
  })
})
