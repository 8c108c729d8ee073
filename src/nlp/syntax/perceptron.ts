/**
 * An averaged perceptron over hashed features (Collins 2002; Honnibal's "Parsing English in 500
 * lines of Python"). Each feature key owns a dense row of one weight per class, found through an
 * open-addressing table of 32-bit keys. Training keeps, per weight, the running total and the step of
 * its last change, so averaging at the end is exact without touching every weight on every step.
 *
 * Saved compactly: rows whose largest averaged weight is below a threshold are pruned, and each kept
 * row is quantised to signed bytes with its own scale.
 */

import type { Scorer } from "./compact.ts"

export interface PerceptronSnapshot {
  readonly classes: number
  readonly keys: Uint32Array
  readonly scales: Float32Array
  readonly quantised: Int8Array
}

export class Perceptron implements Scorer {
  readonly classes: number
  private keys: Uint32Array
  private rowOf: Int32Array
  private mask: number
  private rows = 0
  private weights: Float32Array
  /** Training state: running totals and the step each weight last changed (null once averaged or loaded). */
  private totals: Float64Array | null
  private stamps: Int32Array | null
  private steps = 0

  constructor(classes: number, capacity = 1 << 16, training = true) {
    this.classes = classes
    let size = 1
    while (size < capacity * 2) size <<= 1
    this.keys = new Uint32Array(size)
    this.rowOf = new Int32Array(size).fill(-1)
    this.mask = size - 1
    const initialRows = Math.min(Math.max(1024, capacity), 1 << 14)
    this.weights = new Float32Array(initialRows * classes)
    this.totals = training ? new Float64Array(initialRows * classes) : null
    this.stamps = training ? new Int32Array(initialRows * classes) : null
  }

  get size(): number {
    return this.rows
  }

  private find(key: number): number {
    let slot = key & this.mask
    for (;;) {
      const k = this.keys[slot]
      if (k === key) return this.rowOf[slot]
      if (k === 0) return -1
      slot = (slot + 1) & this.mask
    }
  }

  private add(key: number): number {
    let slot = key & this.mask
    for (;;) {
      const k = this.keys[slot]
      if (k === key) return this.rowOf[slot]
      if (k === 0) break
      slot = (slot + 1) & this.mask
    }
    const row = this.rows++
    this.keys[slot] = key
    this.rowOf[slot] = row
    if (this.rows * this.classes > this.weights.length) this.growRows()
    if (this.rows * 2 > this.mask) this.growTable()
    return row
  }

  private growRows(): void {
    const grow = <T extends Float32Array | Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(old.length * 2)
      next.set(old)
      return next
    }
    this.weights = grow(this.weights, (n) => new Float32Array(n))
    if (this.totals) this.totals = grow(this.totals, (n) => new Float64Array(n))
    if (this.stamps) this.stamps = grow(this.stamps, (n) => new Int32Array(n))
  }

  private growTable(): void {
    const oldKeys = this.keys
    const oldRows = this.rowOf
    const size = oldKeys.length * 2
    this.keys = new Uint32Array(size)
    this.rowOf = new Int32Array(size).fill(-1)
    this.mask = size - 1
    for (let s = 0; s < oldKeys.length; s++) {
      const key = oldKeys[s]
      if (key === 0) continue
      let slot = key & this.mask
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask
      this.keys[slot] = key
      this.rowOf[slot] = oldRows[s]
    }
  }

  /** Adds the weights of `count` features to `scores` (which it first zeroes). */
  score(features: Uint32Array, count: number, scores: Float64Array): void {
    const C = this.classes
    scores.fill(0, 0, C)
    const w = this.weights
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f])
      if (row < 0) continue
      const base = row * C
      for (let c = 0; c < C; c++) scores[c] += w[base + c]
    }
  }

  scoreClasses(features: Uint32Array, count: number, scores: Float64Array, classes: Int32Array): void {
    const C = this.classes
    for (let k = 0; k < classes.length; k++) scores[classes[k]] = 0
    const w = this.weights
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f])
      if (row < 0) continue
      const base = row * C
      for (let k = 0; k < classes.length; k++) scores[classes[k]] += w[base + classes[k]]
    }
  }

  /** Best class by score among those `allowed` (all when omitted); ties go to the lower class. */
  static best(scores: Float64Array, classes: number, allowed?: (c: number) => boolean): number {
    let best = -1
    let bestScore = -Infinity
    for (let c = 0; c < classes; c++) {
      if (allowed && !allowed(c)) continue
      if (scores[c] > bestScore) {
        bestScore = scores[c]
        best = c
      }
    }
    return best
  }

  /** One training step: counts the step, and if `guess` was wrong moves weight from it to `truth`. */
  update(truth: number, guess: number, features: Uint32Array, count: number): void {
    this.steps++
    if (truth === guess) return
    for (let f = 0; f < count; f++) {
      const row = this.add(features[f])
      this.bump(row * this.classes + truth, 1)
      this.bump(row * this.classes + guess, -1)
    }
  }

  private bump(index: number, delta: number): void {
    const totals = this.totals!
    const stamps = this.stamps!
    totals[index] += (this.steps - stamps[index]) * this.weights[index]
    stamps[index] = this.steps
    this.weights[index] += delta
  }

  /** Replaces every weight by its average over all training steps; ends training. */
  average(): void {
    const totals = this.totals
    const stamps = this.stamps
    if (!totals || !stamps) return
    const n = this.rows * this.classes
    const steps = Math.max(1, this.steps)
    for (let i = 0; i < n; i++) {
      const total = totals[i] + (this.steps - stamps[i]) * this.weights[i]
      this.weights[i] = total / steps
    }
    this.totals = null
    this.stamps = null
  }

  /** An inference copy with the averaged weights, leaving this model training (for dev figures per epoch). */
  averagedCopy(): Perceptron {
    const copy = new Perceptron(this.classes, 16, false)
    copy.keys = this.keys.slice()
    copy.rowOf = this.rowOf.slice()
    copy.mask = this.mask
    copy.rows = this.rows
    copy.weights = this.weights.slice(0, this.rows * this.classes)
    copy.totals = this.totals ? this.totals.slice(0, this.rows * this.classes) : null
    copy.stamps = this.stamps ? this.stamps.slice(0, this.rows * this.classes) : null
    copy.steps = this.steps
    copy.average()
    return copy
  }

  /** The model as pruned, quantised arrays: rows whose largest weight is below `threshold` are dropped. */
  snapshot(threshold: number): PerceptronSnapshot {
    const C = this.classes
    const keep: Array<[number, number]> = []
    for (let s = 0; s < this.keys.length; s++) {
      const key = this.keys[s]
      if (key === 0) continue
      const row = this.rowOf[s]
      let max = 0
      for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(this.weights[row * C + c]))
      if (max >= threshold && max > 0) keep.push([key, row])
    }
    keep.sort((a, b) => a[0] - b[0])
    const keys = new Uint32Array(keep.length)
    const scales = new Float32Array(keep.length)
    const quantised = new Int8Array(keep.length * C)
    keep.forEach(([key, row], i) => {
      let max = 0
      for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(this.weights[row * C + c]))
      const scale = Math.fround(max / 127)
      keys[i] = key
      scales[i] = scale
      for (let c = 0; c < C; c++) quantised[i * C + c] = Math.round(this.weights[row * C + c] / scale)
    })
    return { classes: C, keys, scales, quantised }
  }

}
