/**
 * Scores, from their definitions. A ratio whose denominator is zero is `null` (undefined), not 0 or 1:
 * "no predictions" has no precision, "no gold" has no recall, and a report must show that rather than
 * invent a number. F1 is 0 when either side is 0 and null only when both sides are undefined.
 */

export interface Prf {
  readonly precision: number | null
  readonly recall: number | null
  readonly f1: number | null
}

export interface PrfCounts extends Prf {
  readonly truePositives: number
  readonly predicted: number
  readonly gold: number
}

export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator

export const f1Of = (precision: number | null, recall: number | null): number | null => {
  if (precision === null && recall === null) return null
  if (precision === null || recall === null) return 0
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

export const prf = (precision: number | null, recall: number | null): Prf => ({ precision, recall, f1: f1Of(precision, recall) })

/**
 * Precision, recall and F1 from match counts. True positives are counted separately on each side
 * because a lenient matcher may pair one prediction with one gold item only, but the two counts can
 * differ when the matching is not one-to-one.
 */
export const prfFromCounts = (counts: {
  readonly matchedPredicted: number
  readonly predicted: number
  readonly matchedGold: number
  readonly gold: number
}): PrfCounts => ({
  truePositives: counts.matchedGold,
  predicted: counts.predicted,
  gold: counts.gold,
  ...prf(ratio(counts.matchedPredicted, counts.predicted), ratio(counts.matchedGold, counts.gold))
})

/** One set of items split into clusters; each item is in exactly one cluster. */
export type Clustering = ReadonlyMap<string, string>

/** Groups items by cluster id: cluster id → items. */
export const clustersOf = (clustering: Clustering): Map<string, Array<string>> => {
  const clusters = new Map<string, Array<string>>()
  for (const [item, cluster] of clustering) {
    const members = clusters.get(cluster)
    if (members === undefined) clusters.set(cluster, [item])
    else members.push(item)
  }
  return clusters
}

/**
 * B-cubed (Bagga & Baldwin 1998): for each item, the share of its response cluster that is in its
 * key cluster (precision, averaged over response items) and the share of its key cluster that is in
 * its response cluster (recall, averaged over key items). An item missing from one side has an empty
 * cluster there, so it scores 0 on the other side's average.
 */
export const bCubed = (key: Clustering, response: Clustering): Prf => {
  const keyClusters = clustersOf(key)
  const responseClusters = clustersOf(response)
  const shared = (item: string) => {
    const keyCluster = key.get(item)
    const responseCluster = response.get(item)
    if (keyCluster === undefined || responseCluster === undefined) return 0
    const inKey = new Set(keyClusters.get(keyCluster)!)
    return responseClusters.get(responseCluster)!.filter((other) => inKey.has(other)).length
  }
  let precision = 0
  for (const [item, cluster] of response) precision += shared(item) / responseClusters.get(cluster)!.length
  let recall = 0
  for (const [item, cluster] of key) recall += shared(item) / keyClusters.get(cluster)!.length
  return prf(ratio(precision, response.size), ratio(recall, key.size))
}

/**
 * MUC (Vilain et al. 1995): recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K) is the partition
 * of key cluster K by the response clusters (an item the response lacks is its own part); precision
 * is the same with key and response swapped. Singletons contribute nothing, so a key of singletons
 * has no MUC recall.
 */
export const muc = (key: Clustering, response: Clustering): Prf => {
  const linkScore = (from: Clustering, against: Clustering): number | null => {
    let numerator = 0
    let denominator = 0
    for (const members of clustersOf(from).values()) {
      const parts = new Set(members.map((item) => against.get(item) ?? `singleton:${item}`))
      numerator += members.length - parts.size
      denominator += members.length - 1
    }
    return ratio(numerator, denominator)
  }
  return prf(linkScore(response, key), linkScore(key, response))
}

/**
 * CEAF-e (Luo 2005), entity-based: the best one-to-one alignment of key and response clusters under
 * φ4(K, R) = 2|K ∩ R| / (|K| + |R|); recall = Σφ4 / |key clusters|, precision = Σφ4 / |response clusters|.
 * The alignment is solved exactly (Hungarian algorithm), per connected component of overlapping
 * clusters so that large sets stay fast.
 */
export const ceafE = (key: Clustering, response: Clustering): Prf => {
  const keyClusters = [...clustersOf(key).values()]
  const responseClusters = [...clustersOf(response).values()]
  if (keyClusters.length === 0 && responseClusters.length === 0) return prf(null, null)
  const keyIndexOfItem = new Map<string, number>()
  keyClusters.forEach((members, index) => members.forEach((item) => keyIndexOfItem.set(item, index)))
  // Overlaps between key cluster k and response cluster r.
  const overlaps = new Map<number, Map<number, number>>()
  responseClusters.forEach((members, r) => {
    for (const item of members) {
      const k = keyIndexOfItem.get(item)
      if (k === undefined) continue
      const row = overlaps.get(k) ?? new Map<number, number>()
      row.set(r, (row.get(r) ?? 0) + 1)
      overlaps.set(k, row)
    }
  })
  let total = 0
  for (const component of connectedComponents(overlaps)) {
    const weights = component.keys.map((k) =>
      component.responses.map((r) => {
        const shared = overlaps.get(k)?.get(r) ?? 0
        return shared === 0 ? 0 : (2 * shared) / (keyClusters[k]!.length + responseClusters[r]!.length)
      })
    )
    total += maximumAssignment(weights)
  }
  return prf(ratio(total, responseClusters.length), ratio(total, keyClusters.length))
}

/** Bipartite components of the key–response overlap graph. */
const connectedComponents = (overlaps: ReadonlyMap<number, ReadonlyMap<number, number>>) => {
  const responsesOfKey = overlaps
  const keysOfResponse = new Map<number, Array<number>>()
  for (const [k, row] of overlaps) for (const r of row.keys()) keysOfResponse.set(r, [...(keysOfResponse.get(r) ?? []), k])
  const seenKeys = new Set<number>()
  const components: Array<{ keys: Array<number>; responses: Array<number> }> = []
  for (const start of responsesOfKey.keys()) {
    if (seenKeys.has(start)) continue
    const keys: Array<number> = []
    const responses = new Set<number>()
    const queue = [start]
    seenKeys.add(start)
    while (queue.length > 0) {
      const k = queue.pop()!
      keys.push(k)
      for (const r of responsesOfKey.get(k)!.keys()) {
        if (responses.has(r)) continue
        responses.add(r)
        for (const other of keysOfResponse.get(r)!) {
          if (!seenKeys.has(other)) {
            seenKeys.add(other)
            queue.push(other)
          }
        }
      }
    }
    components.push({ keys, responses: [...responses] })
  }
  return components
}

/**
 * The largest total weight of a one-to-one assignment of rows to columns (either may be left over):
 * the Hungarian algorithm (Kuhn–Munkres, shortest augmenting paths) on costs = −weight, with the
 * smaller side as rows. O(n²m).
 */
export const maximumAssignment = (weights: ReadonlyArray<ReadonlyArray<number>>): number => {
  if (weights.length === 0 || weights[0]!.length === 0) return 0
  const transpose = weights.length > weights[0]!.length
  const rowsCount = transpose ? weights[0]!.length : weights.length
  const columnsCount = transpose ? weights.length : weights[0]!.length
  const cost = (i: number, j: number) => -(transpose ? weights[j]![i]! : weights[i]![j]!)
  // 1-based arrays as in the classic formulation; column 0 is the virtual start.
  const u = new Array<number>(rowsCount + 1).fill(0)
  const v = new Array<number>(columnsCount + 1).fill(0)
  const rowOfColumn = new Array<number>(columnsCount + 1).fill(0)
  const way = new Array<number>(columnsCount + 1).fill(0)
  for (let i = 1; i <= rowsCount; i++) {
    rowOfColumn[0] = i
    let j0 = 0
    const minv = new Array<number>(columnsCount + 1).fill(Infinity)
    const used = new Array<boolean>(columnsCount + 1).fill(false)
    do {
      used[j0] = true
      const i0 = rowOfColumn[j0]!
      let delta = Infinity
      let j1 = 0
      for (let j = 1; j <= columnsCount; j++) {
        if (used[j]) continue
        const reduced = cost(i0 - 1, j - 1) - u[i0]! - v[j]!
        if (reduced < minv[j]!) {
          minv[j] = reduced
          way[j] = j0
        }
        if (minv[j]! < delta) {
          delta = minv[j]!
          j1 = j
        }
      }
      for (let j = 0; j <= columnsCount; j++) {
        if (used[j]) {
          u[rowOfColumn[j]!] = u[rowOfColumn[j]!]! + delta
          v[j] = v[j]! - delta
        } else minv[j] = minv[j]! - delta
      }
      j0 = j1
    } while (rowOfColumn[j0] !== 0)
    do {
      const j1 = way[j0]!
      rowOfColumn[j0] = rowOfColumn[j1]!
      j0 = j1
    } while (j0 !== 0)
  }
  let total = 0
  for (let j = 1; j <= columnsCount; j++) {
    const i = rowOfColumn[j]!
    if (i !== 0) total += -cost(i - 1, j - 1)
  }
  return total
}

export interface CorefScores {
  readonly muc: Prf
  readonly bCubed: Prf
  readonly ceafE: Prf
  /** Mean of the MUC, B-cubed and CEAF-e F1 (the CoNLL-2012 score); null if any is undefined. */
  readonly conllF1: number | null
}

export const corefScores = (key: Clustering, response: Clustering): CorefScores => {
  const scores = { muc: muc(key, response), bCubed: bCubed(key, response), ceafE: ceafE(key, response) }
  const f1s = [scores.muc.f1, scores.bCubed.f1, scores.ceafE.f1]
  const conllF1 = f1s.some((f) => f === null) ? null : (f1s as Array<number>).reduce((a, b) => a + b, 0) / 3
  return { ...scores, conllF1 }
}
