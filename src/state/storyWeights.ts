/**
 * Story weights fixed for the archive. Stories compare documents by TF-IDF vectors whose IDF part
 * (in how many documents each feature appears, out of how many) is counted over the corpus. Counted
 * afresh on every run, one added article moves every weight, so reports long published change their
 * story links and can leave or join stories. An archive instead keeps the counts of the run that
 * made them and reuses them:
 *
 * - a feature already counted keeps its count, and the number of documents stays the one counted
 *   over, so every document already in the archive keeps its vector, and the similarity of any two of
 *   them does not change;
 * - a feature first seen in documents added since is counted over this run's documents (only the new
 *   ones can have it) and then kept like the others.
 *
 * They are counted again, over the archive as it is, on `--rebuild`, when the code that makes them
 * changes (the extraction code, lexicons and models that count each document's features, or the
 * story code that weighs them: `storyWeightsFingerprint`), and when the archive has grown to
 * `ArchiveGrowth` times the documents they were counted over, or shrunk to 1 / `ArchiveGrowth` of them.
 */
import type { StoryDocument, StoryWeights } from "../dedupe/stories.ts"
import { countStoryWeights, extendStoryWeights } from "../dedupe/stories.ts"
import type { Effect } from "effect"
import type { StoryWeightsBasis } from "./store.ts"
import type { KeptStoryWeights, StoreError, StoreShape } from "./storeService.ts"

/** How far the archive may grow (or shrink, by its inverse) before the weights are counted again. */
export const ArchiveGrowth = 2

/** Why a run used the weights it used. */
export type StoryWeightsOrigin = "kept" | "first run" | "rebuild" | "code changed" | "archive grew" | "archive shrank"

/** Whether the kept weights (counted as `basis` says) still serve `documents` documents by this code. */
export const storyWeightsOrigin = (
  basis: StoryWeightsBasis | undefined,
  fingerprint: string,
  documents: number,
  rebuild: boolean
): StoryWeightsOrigin => {
  if (rebuild) return "rebuild"
  if (basis === undefined) return "first run"
  if (basis.fingerprint !== fingerprint) return "code changed"
  if (documents >= ArchiveGrowth * basis.documents) return "archive grew"
  if (documents * ArchiveGrowth <= basis.documents) return "archive shrank"
  return "kept"
}

/**
 * The weights for this run's documents, kept (`kept`: what the store holds, read before dedupe) or
 * counted again (see above). What changed is written to the store by `save`, once the run has published.
 */
export const storyWeightsFor = (
  kept: KeptStoryWeights | undefined,
  fingerprint: string,
  docs: ReadonlyArray<StoryDocument>,
  rebuild: boolean
): { readonly weights: StoryWeights; readonly origin: StoryWeightsOrigin; readonly save: (store: StoreShape) => Effect.Effect<void, StoreError> } => {
  const origin = storyWeightsOrigin(kept?.basis, fingerprint, docs.length, rebuild)
  if (kept === undefined || origin !== "kept") {
    const weights = countStoryWeights(docs)
    return { weights, origin, save: (store) => store.replaceStoryWeights({ documents: weights.documents, fingerprint }, weights.frequencies) }
  }
  const { added, weights } = extendStoryWeights(kept.weights, docs)
  return { weights, origin, save: (store) => store.addStoryWeights(added) }
}
