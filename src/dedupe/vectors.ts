/**
 * Sparse TF-IDF vectors and their cosine, for comparing documents and quotes by what they say.
 * A vector is a Map from feature to weight, L2-normalised so the dot product is the cosine.
 */

export type Bag = ReadonlyMap<string, number>
export type Vector = ReadonlyMap<string, number>

export const countBag = (features: Iterable<string>, weight = 1, into: Map<string, number> = new Map()): Map<string, number> => {
  for (const f of features) into.set(f, (into.get(f) ?? 0) + weight)
  return into
}

export const documentFrequencies = (bags: ReadonlyArray<Bag>): Map<string, number> => {
  const df = new Map<string, number>()
  for (const bag of bags) for (const f of bag.keys()) df.set(f, (df.get(f) ?? 0) + 1)
  return df
}

/** Smoothed inverse document frequency: never zero, so a corpus of two documents still compares. */
export const inverseDocumentFrequency = (df: number, n: number): number => Math.log((n + 1) / (df + 1)) + 1

/** Sublinear TF-IDF, L2-normalised. */
export const tfidfVector = (bag: Bag, df: ReadonlyMap<string, number>, n: number, idfPower = 1): Vector => {
  const v = new Map<string, number>()
  let norm = 0
  for (const [f, tf] of bag) {
    if (tf <= 0) continue
    const w = (1 + Math.log(tf)) * inverseDocumentFrequency(df.get(f) ?? 0, n) ** idfPower
    v.set(f, w)
    norm += w * w
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [f, w] of v) v.set(f, w / norm)
  return v
}

export const dot = (a: Vector, b: Vector): number => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let sum = 0
  for (const [f, w] of small) {
    const other = large.get(f)
    if (other !== undefined) sum += w * other
  }
  return sum
}

export const norm = (a: Vector): number => {
  let sum = 0
  for (const w of a.values()) sum += w * w
  return Math.sqrt(sum)
}

export const cosine = (a: Vector, b: Vector): number => {
  const d = dot(a, b)
  if (d === 0) return 0
  return d / (norm(a) * norm(b))
}

export const addInto = (into: Map<string, number>, v: Vector): void => {
  for (const [f, w] of v) into.set(f, (into.get(f) ?? 0) + w)
}
