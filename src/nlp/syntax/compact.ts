/**
 * A trained perceptron as it is used at parse time: each feature's slot holds its key, its row's scale
 * and its quantised weights side by side in one array, so scoring a feature touches one or two cache
 * lines instead of three scattered tables. Built from a saved snapshot; read-only.
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

export class CompactModel implements Scorer {
  readonly classes: number
  readonly size: number
  /** 32-bit words per slot: key, scale, then the weights packed four bytes to a word. */
  private readonly stride: number
  private readonly mask: number
  private readonly keys: Uint32Array
  private readonly scales: Float32Array
  private readonly bytes: Int8Array
  private readonly source: PerceptronSnapshot

  constructor(snapshot: PerceptronSnapshot) {
    const C = snapshot.classes
    this.classes = C
    this.size = snapshot.keys.length
    this.source = snapshot
    this.stride = 2 + Math.ceil(C / 4)
    let slots = 1
    while (slots < snapshot.keys.length * 1.5 + 16) slots <<= 1
    this.mask = slots - 1
    const buffer = new ArrayBuffer(slots * this.stride * 4)
    this.keys = new Uint32Array(buffer)
    this.scales = new Float32Array(buffer)
    this.bytes = new Int8Array(buffer)
    for (let i = 0; i < snapshot.keys.length; i++) {
      const key = snapshot.keys[i]
      let slot = key & this.mask
      while (this.keys[slot * this.stride] !== 0) slot = (slot + 1) & this.mask
      const base = slot * this.stride
      this.keys[base] = key
      this.scales[base + 1] = snapshot.scales[i]
      const from = i * C
      const to = (base + 2) * 4
      for (let c = 0; c < C; c++) this.bytes[to + c] = snapshot.quantised[from + c]
    }
  }

  score(features: Uint32Array, count: number, scores: Float64Array): void {
    const C = this.classes
    const stride = this.stride
    const keys = this.keys
    const bytes = this.bytes
    scores.fill(0, 0, C)
    for (let f = 0; f < count; f++) {
      const key = features[f]
      let slot = key & this.mask
      let base = slot * stride
      while (keys[base] !== key) {
        if (keys[base] === 0) break
        slot = (slot + 1) & this.mask
        base = slot * stride
      }
      if (keys[base] !== key) continue
      const scale = this.scales[base + 1]
      const at = (base + 2) * 4
      for (let c = 0; c < C; c++) scores[c] += bytes[at + c] * scale
    }
  }

  scoreClasses(features: Uint32Array, count: number, scores: Float64Array, classes: Int32Array): void {
    const stride = this.stride
    const keys = this.keys
    const bytes = this.bytes
    const n = classes.length
    for (let k = 0; k < n; k++) scores[classes[k]] = 0
    for (let f = 0; f < count; f++) {
      const key = features[f]
      let slot = key & this.mask
      let base = slot * stride
      while (keys[base] !== key) {
        if (keys[base] === 0) break
        slot = (slot + 1) & this.mask
        base = slot * stride
      }
      if (keys[base] !== key) continue
      const scale = this.scales[base + 1]
      const at = (base + 2) * 4
      for (let k = 0; k < n; k++) scores[classes[k]] += bytes[at + classes[k]] * scale
    }
  }

  snapshot(): PerceptronSnapshot {
    return this.source
  }
}
