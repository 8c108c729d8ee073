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
/** Per label `to`, the labels that may come before it, in order: what Viterbi's inner loop visits. */
const ALLOWED_BEFORE: ReadonlyArray<Int32Array> = Labels.map((_, to) => Int32Array.from(Labels.flatMap((__, from) => (allowedPair(from, to) ? [from] : []))))
/** Per label, whether a sentence may open with it. */
const ALLOWED_FIRST: ReadonlyArray<boolean> = Labels.map((_, to) => allowedPair(START, to))

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
  return viterbi(n, emissions, weights.transitions)
}

/** The best label sequence for `n` tokens whose emission scores (n × label) are already summed, under `transitions` [from (L = start)][to]. */
export const decodeScores = (transitions: ArrayLike<number>, n: number, emissions: Float64Array): Array<number> =>
  n === 0 ? [] : viterbi(n, emissions, transitions)

export const LABEL_COUNT = L

/** Viterbi's tables, kept from one sentence to the next (not two new typed arrays per sentence) and grown when a longer one comes. */
let scoreTable = new Float64Array(256 * L)
let backTable = new Int32Array(256 * L)

/** Viterbi under `transitions` [from (L = start)][to], visiting only the pairs the BIO constraint allows. */
const viterbi = (n: number, emissions: Float64Array, transitions: ArrayLike<number>): Array<number> => {
  if (scoreTable.length < n * L) {
    scoreTable = new Float64Array(n * L * 2)
    backTable = new Int32Array(n * L * 2)
  }
  const score = scoreTable.fill(-Infinity, 0, n * L)
  const back = backTable
  for (let y = 0; y < L; y++) if (ALLOWED_FIRST[y]) score[y] = emissions[y] + transitions[START * L + y]
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity
      let arg = 0
      const before = ALLOWED_BEFORE[y]
      for (let q = 0; q < before.length; q++) {
        const p = before[q]
        const s = score[(t - 1) * L + p] + transitions[p * L + y]
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
      const guess = viterbi(n, emissions, tw)
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
 * The model as stored: every weight quantised to an integer step of one scale (weight = step / scale),
 * features whose steps all fall below the pruning threshold left out. Scores summed in steps are
 * exact whatever the order, and rank the labels as the weights do.
 */
export interface QuantisedModel {
  readonly header: ModelHeader
  readonly scale: number
  /** Feature names in code-unit order; feature k's steps are `steps[k × labels …]`. */
  readonly features: ReadonlyArray<string>
  readonly steps: Int16Array
  /** Transition steps [from (labels = start)][to]. */
  readonly transitions: Int16Array
}

/** The largest weight becomes this many steps. */
const STEPS = 2000

export const quantise = (weights: Weights, header: ModelHeader, prune = 1): QuantisedModel => {
  let max = 0
  for (const row of weights.features.values()) for (const v of row) max = Math.max(max, Math.abs(v))
  for (const v of weights.transitions) max = Math.max(max, Math.abs(v))
  const scale = max === 0 ? 1 : STEPS / max
  const step = (v: number) => Math.round(v * scale)
  const features: Array<string> = []
  const rows: Array<Array<number>> = []
  for (const [feature, row] of [...weights.features].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const q = Array.from(row, step)
    if (q.every((v) => Math.abs(v) < prune)) continue
    features.push(feature)
    rows.push(q)
  }
  return { header, scale, features, steps: Int16Array.from(rows.flat()), transitions: Int16Array.from(weights.transitions, step) }
}

/** The weights a quantised model stands for (step / scale): the reference the tagger's sums are tested against. */
export const floatWeights = (model: QuantisedModel): Weights => {
  const all = weightsOfSteps(model.steps, model.scale)
  const features = new Map<string, Float32Array>()
  model.features.forEach((feature, k) => features.set(feature, all.subarray(k * L, (k + 1) * L)))
  return { features, transitions: weightsOfSteps(model.transitions, model.scale) }
}

/** step / scale, as the 32-bit floats the weights were read as (a plain loop: `Float32Array.from` with a function takes 50 ms here). */
export const weightsOfSteps = (steps: Int16Array, scale: number): Float32Array => {
  const weights = new Float32Array(steps.length)
  for (let k = 0; k < steps.length; k++) weights[k] = steps[k] / scale
  return weights
}

const MAGIC = "newsfacts-name-model 1"
/** Between two feature names in the file (a name may hold a line break: a neighbour's word ".\"\n\n"). */
const NAME_END = "\u0000"
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1

/**
 * The model file: gzip of a line `newsfacts-name-model 1`, a JSON line (header, labels, scale, sizes),
 * then the feature names (UTF-8, NUL between two), their steps and the transitions' steps (16-bit
 * little-endian integers). Reading it takes no JSON parse of the weights and no number per feature;
 * the same model gives the same bytes (gzip without a timestamp).
 */
export const encodeModel = (model: QuantisedModel): Buffer => {
  if (!LITTLE_ENDIAN) throw new Error("name model: writing needs a little-endian machine")
  const bad = model.features.find((f) => f.includes(NAME_END))
  if (bad !== undefined) throw new Error(`name model: a feature name holds a NUL character: ${JSON.stringify(bad)}`)
  const names = Buffer.from(model.features.join(NAME_END), "utf8")
  const head = { header: model.header, labels: Labels, scale: model.scale, features: model.features.length, nameBytes: names.byteLength }
  const body = Buffer.concat([
    Buffer.from(`${MAGIC}\n${JSON.stringify(head)}\n`, "utf8"),
    names,
    Buffer.from(model.steps.buffer, model.steps.byteOffset, model.steps.byteLength),
    Buffer.from(model.transitions.buffer, model.transitions.byteOffset, model.transitions.byteLength)
  ])
  return gzipSync(body, { level: 9 })
}

export const decodeModel = (bytes: Uint8Array, file = "name model"): QuantisedModel => {
  if (!LITTLE_ENDIAN) throw new Error("name model: reading needs a little-endian machine")
  const body = gunzipSync(bytes)
  const firstBreak = body.indexOf(10)
  const secondBreak = body.indexOf(10, firstBreak + 1)
  if (firstBreak < 0 || secondBreak < 0 || body.toString("utf8", 0, firstBreak) !== MAGIC) throw new Error(`${file}: not a newsfacts name model (no "${MAGIC}" line)`)
  const head = JSON.parse(body.toString("utf8", firstBreak + 1, secondBreak)) as { header: ModelHeader; labels: ReadonlyArray<string>; scale: number; features: number; nameBytes: number }
  if (head.labels.join(" ") !== Labels.join(" ")) throw new Error(`${file}: labels ${head.labels.join(" ")} are not ${Labels.join(" ")}`)
  const namesStart = secondBreak + 1
  const stepsStart = namesStart + head.nameBytes
  const transitionsStart = stepsStart + head.features * L * 2
  if (transitionsStart + (L + 1) * L * 2 !== body.byteLength) throw new Error(`${file}: sections do not add up to the file's length`)
  const features = head.features === 0 ? [] : body.toString("utf8", namesStart, stepsStart).split(NAME_END)
  if (features.length !== head.features) throw new Error(`${file}: ${features.length} feature names for ${head.features} features`)
  // Copied out of the gunzipped buffer so that the 16-bit views are aligned.
  const int16s = (start: number, count: number) => new Int16Array(Uint8Array.prototype.slice.call(body, start, start + count * 2).buffer)
  return { header: head.header, scale: head.scale, features, steps: int16s(stepsStart, head.features * L), transitions: int16s(transitionsStart, (L + 1) * L) }
}

/** Quantised, encoded weights: what `npm run train -- ner` writes. */
export const serialize = (weights: Weights, header: ModelHeader, prune = 1): Buffer => encodeModel(quantise(weights, header, prune))

/**
 * The model file of the first trained tagger (until 2026-12-07), gzip'd JSON: header, labels, scale,
 * transitions' steps and each feature's steps by name. `npm run train -- ner --convert` rewrites it in
 * the current format with the same steps.
 */
export const decodeJsonModel = (bytes: Uint8Array): QuantisedModel => {
  const body = JSON.parse(gunzipSync(bytes).toString("utf8")) as {
    header: ModelHeader
    labels: ReadonlyArray<string>
    scale: number
    transitions: ReadonlyArray<number>
    features: Record<string, ReadonlyArray<number>>
  }
  if (body.labels.join(" ") !== Labels.join(" ")) throw new Error(`name model: labels ${body.labels.join(" ")} are not ${Labels.join(" ")}`)
  const features = Object.keys(body.features).sort((a, b) => (a < b ? -1 : 1))
  return {
    header: body.header,
    scale: body.scale,
    features,
    steps: Int16Array.from(features.flatMap((f) => body.features[f])),
    transitions: Int16Array.from(body.transitions)
  }
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
