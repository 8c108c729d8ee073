/**
 * Aligning predicted spans with gold spans. Both sides are `[start, end)` Unicode code point offsets into
 * the same original text (../shared/CONTRACT.md and the eval README use the same convention), so
 * alignment is plain interval arithmetic; no text is compared.
 */

export interface Span {
  readonly start: number
  readonly end: number
}

export const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end

/** Length of the common part of two spans (0 when they do not touch). */
export const overlapLength = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))

export const overlaps = (a: Span, b: Span): boolean => overlapLength(a, b) > 0

export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end

/** Overlap / union of two spans: 1 for the same span, 0 for disjoint ones. */
export const overlapOverUnion = (a: Span, b: Span): number => {
  const shared = overlapLength(a, b)
  const union = (a.end - a.start) + (b.end - b.start) - shared
  return union <= 0 ? (sameSpan(a, b) ? 1 : 0) : shared / union
}

export interface Pairing<G, P> {
  /** Matched pairs, each gold and each prediction used at most once. */
  readonly pairs: ReadonlyArray<{ readonly gold: G; readonly predicted: P; readonly score: number }>
  readonly unmatchedGold: ReadonlyArray<G>
  readonly unmatchedPredicted: ReadonlyArray<P>
}

/**
 * One-to-one matching: candidate pairs scoring at least `threshold` are taken best first (ties in input
 * order), each gold item and each prediction at most once. Greedy is what lenient span scorers use;
 * with overlap/union ≥ 0.3 conflicting candidates are rare.
 */
export const pairOneToOne = <G extends Span, P extends Span>(
  gold: ReadonlyArray<G>,
  predicted: ReadonlyArray<P>,
  score: (gold: G, predicted: P) => number,
  threshold: number
): Pairing<G, P> => {
  const candidates: Array<{ g: number; p: number; score: number }> = []
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (!overlaps(g, p) && !sameSpan(g, p)) return
      const s = score(g, p)
      if (s >= threshold) candidates.push({ g: gi, p: pi, score: s })
    })
  )
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p)
  const usedGold = new Set<number>()
  const usedPredicted = new Set<number>()
  const pairs: Array<{ gold: G; predicted: P; score: number }> = []
  for (const c of candidates) {
    if (usedGold.has(c.g) || usedPredicted.has(c.p)) continue
    usedGold.add(c.g)
    usedPredicted.add(c.p)
    pairs.push({ gold: gold[c.g]!, predicted: predicted[c.p]!, score: c.score })
  }
  return {
    pairs,
    unmatchedGold: gold.filter((_, i) => !usedGold.has(i)),
    unmatchedPredicted: predicted.filter((_, i) => !usedPredicted.has(i))
  }
}

/**
 * The prediction that best covers a gold span: the same span if there is one, else the one with the
 * largest overlap / union (so "Reid" is preferred to a whole clause that also contains it). Null when
 * nothing overlaps.
 */
export const bestOverlapping = <P>(gold: Span, predicted: ReadonlyArray<P>, spanOf: (p: P) => Span): P | null => {
  let best: P | null = null
  let bestScore = 0
  for (const p of predicted) {
    const span = spanOf(p)
    if (!overlaps(gold, span) && !sameSpan(gold, span)) continue
    const score = overlapOverUnion(gold, span)
    if (score > bestScore) {
      best = p
      bestScore = score
    }
  }
  return best
}

/** Slices a string by code point offsets (what both gold and export offsets count). */
export const sliceCodePoints = (text: string, span: Span): string => Array.from(text).slice(span.start, span.end).join("")
