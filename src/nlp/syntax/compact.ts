/**
 * A trained perceptron as it is used at parse time, laid out for few cache misses (the tables are far
 * larger than the caches, so scoring is bound by memory latency, not arithmetic). Built from a saved
 * snapshot; read-only.
 *
 * - Models with at most three classes (the parser's moves) keep each feature in one 8-byte slot of an
 *   open-addressing table: a 16-bit fingerprint of the key (the slot's position checks the low bits)
 *   and the class weights as 16-bit integers of one model-wide scale, summed as integers. A feature
 *   the model does not know matches a fingerprint about once in 65,536 probes.
 * - Wider models (tagger, labeller) keep each feature's key, row scale and signed-byte weights side by
 *   side in one slot that never straddles two cache lines, placed Robin Hood fashion so that a look-up
 *   of a feature the model does not know stops at the first key nearer its home than it would be,
 *   instead of reading slot after slot (a cache line each) up to an empty one.
 *
 * Look-ups go in two passes: first every feature's home slot is read (independent loads the CPU
 * overlaps), then hits are summed and collisions probed on.
 */
import type { PerceptronSnapshot } from "./perceptron.ts"

export interface Scorer {
  readonly classes: number
  readonly size: number
  score(features: Uint32Array, count: number, scores: Float64Array): void
  /** Like `score`, for the listed classes only (the others' scores are left as they are). */
  scoreClasses(features: Uint32Array, count: number, scores: Float64Array, classes: Int32Array): void
  snapshot(threshold: number): PerceptronSnapshot
}

const MAX_FEATURES = 256

/** Open-addressing slots for `keys` keys: a power of two at most `load` full. */
const tableSize = (keys: number, load: number): number => {
  let slots = 1
  while (slots * load < keys + 16) slots <<= 1
  return slots
}

/** At most three classes: 8-byte slots of a fingerprint and 16-bit weights. */
export class NarrowModel implements Scorer {
  readonly classes: number
  readonly size: number
  private readonly mask: number
  private readonly slots: Int16Array
  /** The value of one integer step of the weights. */
  readonly unit: number
  private readonly source: PerceptronSnapshot
  private readonly home = new Int32Array(MAX_FEATURES)
  private readonly sums = new Int32Array(4)
  private readonly all = new Float64Array(4)

  constructor(snapshot: PerceptronSnapshot) {
    const C = snapshot.classes
    this.classes = C
    this.size = snapshot.keys.length
    this.source = snapshot
    // eight slots to a cache line: probing on is cheap, so the table may be fuller
    const slots = tableSize(snapshot.keys.length, 0.72)
    this.mask = slots - 1
    this.slots = new Int16Array(slots * 4)
    let max = 0
    for (let i = 0; i < snapshot.keys.length; i++) {
      for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(snapshot.quantised[i * C + c] * snapshot.scales[i]))
    }
    this.unit = max > 0 ? max / 32767 : 1
    for (let i = 0; i < snapshot.keys.length; i++) {
      const key = snapshot.keys[i]
      let slot = key & this.mask
      while (this.slots[slot * 4] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot * 4] = NarrowModel.fingerprint(key)
      for (let c = 0; c < C; c++) this.slots[slot * 4 + 1 + c] = Math.round((snapshot.quantised[i * C + c] * snapshot.scales[i]) / this.unit)
    }
  }

  /**
   * 16 bits of the key re-mixed, so that they are independent of the low bits that chose the slot, as a
   * non-zero signed 16-bit value (0 marks an empty slot).
   */
  private static fingerprint(key: number): number {
    const top = Math.imul(key, 0x9e3779b1) >>> 16
    return ((top === 0 ? 1 : top) << 16) >> 16
  }

  score(features: Uint32Array, count: number, scores: Float64Array): void {
    const sums = this.sums
    sums[0] = 0
    sums[1] = 0
    sums[2] = 0
    this.addSums(features, count, sums, 0)
    for (let c = 0; c < this.classes; c++) scores[c] = sums[c] * this.unit
  }

  /**
   * Adds the features' weights, as integers of `unit`, to `sums[at]`, `sums[at + 1]`, `sums[at + 2]`.
   * Integer sums do not depend on the order of the features, so a caller may sum some of them once
   * (those of one word, say) and reuse that part: `score` gives exactly `sums * unit`.
   */
  addSums(features: Uint32Array, count: number, sums: Int32Array, at: number): void {
    const mask = this.mask
    const slots = this.slots
    const home = this.home
    for (let f = 0; f < count; f++) home[f] = slots[(features[f] & mask) << 2]
    for (let f = 0; f < count; f++) {
      const key = features[f]
      const print = NarrowModel.fingerprint(key)
      let slot = key & mask
      let found = home[f]
      while (found !== print && found !== 0) {
        slot = (slot + 1) & mask
        found = slots[slot << 2]
      }
      if (found === 0) continue
      const base = slot << 2
      sums[at] += slots[base + 1]
      sums[at + 1] += slots[base + 2]
      sums[at + 2] += slots[base + 3]
    }
  }

  scoreClasses(features: Uint32Array, count: number, scores: Float64Array, classes: Int32Array): void {
    this.score(features, count, this.all)
    for (let k = 0; k < classes.length; k++) scores[classes[k]] = this.all[classes[k]]
  }

  /**
   * `addSums` for many rows in one pass (so that the CPU overlaps all the look-ups): feature f's
   * weights go to `sums[targets[f]]` and the two after it.
   */
  addSumsAt(features: Uint32Array, count: number, sums: Int32Array, targets: Int32Array): void {
    if (this.batchHome.length < count) this.batchHome = new Int32Array(2 * count)
    const mask = this.mask
    const slots = this.slots
    const home = this.batchHome
    for (let f = 0; f < count; f++) home[f] = slots[(features[f] & mask) << 2]
    for (let f = 0; f < count; f++) {
      const key = features[f]
      const print = NarrowModel.fingerprint(key)
      let slot = key & mask
      let found = home[f]
      while (found !== print && found !== 0) {
        slot = (slot + 1) & mask
        found = slots[slot << 2]
      }
      if (found === 0) continue
      const base = slot << 2
      const at = targets[f]
      sums[at] += slots[base + 1]
      sums[at + 1] += slots[base + 2]
      sums[at + 2] += slots[base + 3]
    }
  }

  private batchHome = new Int32Array(0)

  snapshot(): PerceptronSnapshot {
    return this.source
  }
}

/** Any number of classes: each slot holds its key, its row's scale and its signed-byte weights side by side. */
export class InlineModel implements Scorer {
  readonly classes: number
  readonly size: number
  /** 32-bit words per slot: key, scale, then the weights packed four bytes to a word (padded). */
  private readonly stride: number
  private readonly mask: number
  private readonly keys: Uint32Array
  private readonly scales: Float32Array
  private readonly bytes: Int8Array
  private readonly source: PerceptronSnapshot
  private readonly home = new Uint32Array(MAX_FEATURES)
  private readonly rows = new Int32Array(MAX_FEATURES)

  constructor(snapshot: PerceptronSnapshot) {
    const C = snapshot.classes
    this.classes = C
    this.size = snapshot.keys.length
    this.source = snapshot
    // a power of two words (up to a 64-byte cache line), so that no slot straddles two lines
    const words = 2 + Math.ceil(C / 4)
    let stride = 1
    while (stride < words) stride <<= 1
    this.stride = words <= 16 ? stride : words
    const slots = tableSize(snapshot.keys.length, 1 / 1.5)
    this.mask = slots - 1
    const buffer = new ArrayBuffer(slots * this.stride * 4)
    this.keys = new Uint32Array(buffer)
    this.scales = new Float32Array(buffer)
    this.bytes = new Int8Array(buffer)
    // Robin Hood placement: a key displaced further from its home slot takes the place of one displaced
    // less, so a look-up can stop as soon as it meets a key nearer its home than it is (`locate`)
    const mask = this.mask
    const owner = new Int32Array(slots).fill(-1)
    const slotKey = new Uint32Array(slots)
    for (let i = 0; i < snapshot.keys.length; i++) {
      let item = i
      let key = snapshot.keys[i]
      let slot = key & mask
      let distance = 0
      while (owner[slot] >= 0) {
        const theirs = (slot - (slotKey[slot] & mask)) & mask
        if (theirs < distance) {
          const nextItem = owner[slot]
          const nextKey = slotKey[slot]
          owner[slot] = item
          slotKey[slot] = key
          item = nextItem
          key = nextKey
          distance = theirs
        }
        slot = (slot + 1) & mask
        distance++
      }
      owner[slot] = item
      slotKey[slot] = key
    }
    for (let slot = 0; slot < slots; slot++) {
      const i = owner[slot]
      if (i < 0) continue
      const key = snapshot.keys[i]
      const base = slot * this.stride
      this.keys[base] = key
      this.scales[base + 1] = snapshot.scales[i]
      const from = i * C
      const to = (base + 2) * 4
      for (let c = 0; c < C; c++) this.bytes[to + c] = snapshot.quantised[from + c]
    }
  }

  /** Leaves in `rows[f]` the base of feature f's slot, or -1 when the model does not know it. */
  private locate(features: Uint32Array, count: number): void {
    const stride = this.stride
    const keys = this.keys
    const mask = this.mask
    const rows = this.rows
    const home = this.home
    for (let f = 0; f < count; f++) home[f] = keys[(features[f] & mask) * stride]
    for (let f = 0; f < count; f++) {
      const key = features[f]
      let slot = key & mask
      let found = home[f]
      let distance = 0
      // stop at an empty slot, or at a key nearer its home than this one would be (Robin Hood order)
      while (found !== key && found !== 0 && ((slot - (found & mask)) & mask) >= distance) {
        slot = (slot + 1) & mask
        found = keys[slot * stride]
        distance++
      }
      rows[f] = found === key ? slot * stride : -1
    }
  }

  score(features: Uint32Array, count: number, scores: Float64Array): void {
    scores.fill(0, 0, this.classes)
    this.addScores(features, count, scores)
  }

  /**
   * Adds the features' weights to `scores`, feature after feature as `score` does: so scores that
   * start from the sums of a first group of features (`score` of that group) end exactly as `score`
   * of all of them would, when the group comes first.
   */
  addScores(features: Uint32Array, count: number, scores: Float64Array): void {
    const C = this.classes
    const bytes = this.bytes
    const scales = this.scales
    const rows = this.rows
    this.locate(features, count)
    for (let f = 0; f < count; f++) {
      const base = rows[f]
      if (base < 0) continue
      const scale = scales[base + 1]
      const at = (base + 2) * 4
      for (let c = 0; c < C; c++) scores[c] += bytes[at + c] * scale
    }
  }

  scoreClasses(features: Uint32Array, count: number, scores: Float64Array, classes: Int32Array): void {
    for (let k = 0; k < classes.length; k++) scores[classes[k]] = 0
    this.addClassScores(features, count, scores, classes)
  }

  /** `addScores` for the listed classes only. */
  addClassScores(features: Uint32Array, count: number, scores: Float64Array, classes: Int32Array): void {
    const bytes = this.bytes
    const scales = this.scales
    const rows = this.rows
    const n = classes.length
    this.locate(features, count)
    for (let f = 0; f < count; f++) {
      const base = rows[f]
      if (base < 0) continue
      const scale = scales[base + 1]
      const at = (base + 2) * 4
      for (let k = 0; k < n; k++) scores[classes[k]] += bytes[at + classes[k]] * scale
    }
  }

  snapshot(): PerceptronSnapshot {
    return this.source
  }
}

/** The parse-time form of a saved model. */
export const compactModel = (snapshot: PerceptronSnapshot): Scorer => {
  return snapshot.classes <= 3 ? new NarrowModel(snapshot) : new InlineModel(snapshot)
}
