/**
 * A structured averaged perceptron over BIO labels (Collins 2002): a weight per (feature, label), a
 * weight per (previous label, label), Viterbi decoding under the BIO constraint (I-X only after B-X or
 * I-X). Training visits the sentences in an order shuffled by a fixed seed, so the weights are the
 * same bytes on every run.
 */
import { gunzipSync, gzipSync } from "node:zlib"

export const EntityTypes = ["PER", "ORG", "LOC", "MISC"] as const
export type EntityType = (typeof EntityTypes)[number]
export const Labels: ReadonlyArray<string> = ["O", ...EntityTypes.flatMap((type) => [`B-${type}`, `I-${type}`])]
const L = Labels.length
const START = L

/** Whether label `to` may follow label `from` (`START` before the first token). */
const allowedPair = (from: number, to: number): boolean => {
  const label = Labels[to]
  if (!label.startsWith("I-")) return true
  if (from === START) return false
  return Labels[from] === `B-${label.slice(2)}` || Labels[from] === label
}
/** `allowedPair` as a table [from (L = start)][to], read in Viterbi's inner loop. */
const ALLOWED = Uint8Array.from({ length: (L + 1) * L }, (_, k) => (allowedPair(Math.floor(k / L), k % L) ? 1 : 0))
const allowed = (from: number, to: number): boolean => ALLOWED[from * L + to] === 1

/** One sentence for training or tagging: each token's feature strings, and (training) its gold labels. */
export interface Sequence {
  readonly features: ReadonlyArray<ReadonlyArray<string>>
  readonly labels?: ReadonlyArray<number>
}

/** The decoded scorer: emission weights by feature, transition weights [from (L = start)][to]. */
export interface Weights {
  readonly features: ReadonlyMap<string, Float32Array>
  readonly transitions: Float32Array
}

/** The best label sequence under `weights` (Viterbi). */
export const decode = (weights: Weights, features: ReadonlyArray<ReadonlyArray<string>>): Array<number> => {
  const n = features.length
  if (n === 0) return []
  const emissions = new Float64Array(n * L)
  for (let t = 0; t < n; t++) {
    for (const feature of features[t]) {
      const w = weights.features.get(feature)
      if (w === undefined) continue
      for (let y = 0; y < L; y++) emissions[t * L + y] += w[y]
    }
  }
  return viterbi(n, emissions, (from, to) => weights.transitions[from * L + to])
}

/** The best label sequence for `n` tokens whose emission scores (n × label) are already summed. */
export const decodeEmissions = (weights: Weights, n: number, emissions: Float64Array): Array<number> =>
  n === 0 ? [] : viterbi(n, emissions, (from, to) => weights.transitions[from * L + to])

/** Adds the weights of `features` to `into` (one score per label). */
export const addScores = (weights: Weights, features: Iterable<string>, into: Float64Array, offset = 0): void => {
  for (const feature of features) {
    const w = weights.features.get(feature)
    if (w === undefined) continue
    for (let y = 0; y < L; y++) into[offset + y] += w[y]
  }
}

export const LABEL_COUNT = L

const viterbi = (n: number, emissions: Float64Array, transition: (from: number, to: number) => number): Array<number> => {
  const score = new Float64Array(n * L).fill(-Infinity)
  const back = new Int32Array(n * L)
  for (let y = 0; y < L; y++) if (allowed(START, y)) score[y] = emissions[y] + transition(START, y)
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity
      let arg = 0
      for (let p = 0; p < L; p++) {
        if (!allowed(p, y)) continue
        const s = score[(t - 1) * L + p] + transition(p, y)
        if (s > best) {
          best = s
          arg = p
        }
      }
      score[t * L + y] = best + emissions[t * L + y]
      back[t * L + y] = arg
    }
  }
  let last = 0
  for (let y = 1; y < L; y++) if (score[(n - 1) * L + y] > score[(n - 1) * L + last]) last = y
  const path = new Array<number>(n)
  path[n - 1] = last
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * L + path[t]]
  return path
}

/** A small deterministic generator (mulberry32) for the shuffles. */
const random = (seed: number) => () => {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export interface TrainSettings {
  readonly epochs: number
  readonly seed: number
  /** Features seen fewer times than this in training are left out. */
  readonly minCount: number
}

/** Trains averaged weights on labelled sequences. */
export const train = (sequences: ReadonlyArray<Sequence>, settings: TrainSettings, log: (line: string) => void = () => {}): Weights => {
  const counts = new Map<string, number>()
  for (const sequence of sequences) for (const token of sequence.features) for (const f of token) counts.set(f, (counts.get(f) ?? 0) + 1)
  const index = new Map<string, number>()
  for (const [feature, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= settings.minCount) index.set(feature, index.size)
  const encoded = sequences.map((sequence) => ({
    features: sequence.features.map((token) => Int32Array.from(token.map((f) => index.get(f) ?? -1).filter((k) => k >= 0))),
    labels: sequence.labels ?? []
  }))
  const size = index.size * L
  const w = new Float64Array(size)
  const total = new Float64Array(size)
  const stamp = new Float64Array(size)
  const tw = new Float64Array((L + 1) * L)
  const tTotal = new Float64Array((L + 1) * L)
  const tStamp = new Float64Array((L + 1) * L)
  let clock = 0
  const update = (weights: Float64Array, totals: Float64Array, stamps: Float64Array, k: number, delta: number) => {
    totals[k] += (clock - stamps[k]) * weights[k]
    stamps[k] = clock
    weights[k] += delta
  }
  const order = encoded.map((_, i) => i)
  const next = random(settings.seed)
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    let mistakes = 0
    let tokens = 0
    for (const s of order) {
      const { features, labels } = encoded[s]
      const n = features.length
      if (n === 0) continue
      clock++
      const emissions = new Float64Array(n * L)
      for (let t = 0; t < n; t++) for (const k of features[t]) for (let y = 0; y < L; y++) emissions[t * L + y] += w[k * L + y]
      const guess = viterbi(n, emissions, (from, to) => tw[from * L + to])
      tokens += n
      for (let t = 0; t < n; t++) {
        const gold = labels[t]
        const predicted = guess[t]
        const goldFrom = t === 0 ? START : labels[t - 1]
        const guessFrom = t === 0 ? START : guess[t - 1]
        if (gold !== predicted) {
          mistakes++
          for (const k of features[t]) {
            update(w, total, stamp, k * L + gold, 1)
            update(w, total, stamp, k * L + predicted, -1)
          }
        }
        if (gold !== predicted || goldFrom !== guessFrom) {
          update(tw, tTotal, tStamp, goldFrom * L + gold, 1)
          update(tw, tTotal, tStamp, guessFrom * L + predicted, -1)
        }
      }
    }
    log(`epoch ${epoch + 1}: ${(100 * (1 - mistakes / Math.max(1, tokens))).toFixed(2)} % of training tokens right`)
  }
  const averaged = (weights: Float64Array, totals: Float64Array, stamps: Float64Array, k: number) =>
    (totals[k] + (clock - stamps[k]) * weights[k]) / Math.max(1, clock)
  const features = new Map<string, Float32Array>()
  for (const [feature, k] of index) {
    const row = new Float32Array(L)
    let any = false
    for (let y = 0; y < L; y++) {
      row[y] = averaged(w, total, stamp, k * L + y)
      if (row[y] !== 0) any = true
    }
    if (any) features.set(feature, row)
  }
  const transitions = new Float32Array((L + 1) * L)
  for (let k = 0; k < transitions.length; k++) transitions[k] = averaged(tw, tTotal, tStamp, k)
  return { features, transitions }
}

/** What the model file carries besides its weights. */
export interface ModelHeader {
  readonly name: string
  readonly source: string
  readonly licence: string
  readonly settings: Record<string, unknown>
  readonly figures: Record<string, unknown>
}

/**
 * The model file: gzip'd JSON with a header, the labels, and weights quantised to integers with one
 * scale. Features whose weights all round to less than `prune` quantised steps are left out.
 */
export const serialize = (weights: Weights, header: ModelHeader, prune = 1): Buffer => {
  let max = 0
  for (const row of weights.features.values()) for (const v of row) max = Math.max(max, Math.abs(v))
  for (const v of weights.transitions) max = Math.max(max, Math.abs(v))
  const scale = max === 0 ? 1 : 2000 / max
  const quantise = (v: number) => Math.round(v * scale)
  const features: Record<string, Array<number>> = {}
  for (const [feature, row] of [...weights.features].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const q = Array.from(row, quantise)
    if (q.every((v) => Math.abs(v) < prune)) continue
    features[feature] = q
  }
  const body = { header, labels: Labels, scale, transitions: Array.from(weights.transitions, quantise), features }
  return gzipSync(Buffer.from(JSON.stringify(body)), { level: 9 })
}

export interface LoadedModel {
  readonly header: ModelHeader
  readonly weights: Weights
}

export const deserialize = (bytes: Uint8Array): LoadedModel => {
  const body = JSON.parse(gunzipSync(bytes).toString("utf8")) as {
    header: ModelHeader
    labels: ReadonlyArray<string>
    scale: number
    transitions: ReadonlyArray<number>
    features: Record<string, ReadonlyArray<number>>
  }
  if (body.labels.join(" ") !== Labels.join(" ")) throw new Error(`name model: labels ${body.labels.join(" ")} are not ${Labels.join(" ")}`)
  // One buffer for every row, each feature a view on it: loading is a large share of a short run.
  const names = Object.keys(body.features)
  const all = new Float32Array(names.length * L)
  const features = new Map<string, Float32Array>()
  for (let k = 0; k < names.length; k++) {
    const row = body.features[names[k]]
    for (let y = 0; y < L; y++) all[k * L + y] = row[y] / body.scale
    features.set(names[k], all.subarray(k * L, (k + 1) * L))
  }
  return { header: body.header, weights: { features, transitions: Float32Array.from(body.transitions, (v) => v / body.scale) } }
}

/** Labels → entity spans [first, last] of token indices within the sequence. */
export const spansOf = (labels: ReadonlyArray<number>): Array<{ first: number; last: number; type: EntityType }> => {
  const spans: Array<{ first: number; last: number; type: EntityType }> = []
  for (let t = 0; t < labels.length; t++) {
    const label = Labels[labels[t]]
    if (label === "O") continue
    const type = label.slice(2) as EntityType
    if (label.startsWith("I-") && spans.length > 0 && spans[spans.length - 1].last === t - 1 && spans[spans.length - 1].type === type) {
      spans[spans.length - 1].last = t
    } else spans.push({ first: t, last: t, type })
  }
  return spans
}
