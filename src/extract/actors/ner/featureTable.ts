/**
 * The name model's features by their parts, as one open-addressing table of hashed keys (as the
 * parser's move table is, `src/nlp/syntax/compact.ts`): a feature the tagger meets is found by a hash
 * of its template and value(s), strings it already holds, so no feature name is built and no map of
 * strings is walked. A slot holds two independent 32-bit hashes of the key and the feature's row, side
 * by side (one cache line read per look-up, where nested maps of strings read several). Most look-ups
 * find nothing (a pair of words the model never saw together, a rare word): a bit per key's second hash
 * in a small filter (16 bits per key, about 6 % of absent keys let through) answers those without
 * reading the table, which is 20 times its size.
 *
 * Two keys that share both hashes (64 bits) would read the same row: among the model's own keys that
 * is checked when the table is built; for a key the model lacks, the chance per look-up is the model's
 * size over 2^64, about 10^-14.
 */
import { FEATURE_TEMPLATES, PAIR_TEMPLATES } from "./features.ts"

const TEMPLATES: ReadonlyArray<string> = [...new Set([...FEATURE_TEMPLATES, ...PAIR_TEMPLATES])]
const SINGLE_TEMPLATES: ReadonlySet<string> = new Set(FEATURE_TEMPLATES)
const PAIRED_TEMPLATES: ReadonlySet<string> = new Set(PAIR_TEMPLATES)

/** murmur3's finaliser: every bit of the input moves every bit of the output. */
const finish = (h: number): number => {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}

/** Each template's two starting hashes, from its position among the templates. */
const SEEDS = new Map(TEMPLATES.map((template, k) => [template, [finish(0x9e3779b9 + k), finish(0x7f4a7c15 ^ Math.imul(k + 1, 0x01000193))]] as const))

/** The slot width: first hash, second hash, row + 1 (0 = empty). */
const WIDTH = 3

export class FeatureTable {
  private readonly slots: Int32Array
  private readonly mask: number
  private readonly filter: Uint32Array
  private readonly filterMask: number
  /** The hashes of the last key, written by `hash` (two numbers without allocating a pair). */
  private h1 = 0
  private h2 = 0

  private constructor(capacity: number, filterBits: number) {
    this.slots = new Int32Array(capacity * WIDTH)
    this.mask = capacity - 1
    this.filter = new Uint32Array(filterBits / 32)
    this.filterMask = filterBits - 1
  }

  /**
   * Files every feature name under each template it starts with, and a pair template's name under
   * each "|" of its rest ("lw-1|lw=a|b|c" is "a|b" + "c" and "a" + "b|c"): a look-up by parts finds a
   * row exactly when the name those parts make is in the model.
   */
  static of(features: ReadonlyArray<string>): FeatureTable {
    const keys: Array<readonly [template: string, value: string, second: string | undefined, row: number]> = []
    const byFirstChar = new Map<string, Array<string>>()
    for (const template of TEMPLATES) byFirstChar.set(template[0], [...(byFirstChar.get(template[0]) ?? []), template])
    features.forEach((name, row) => {
      for (const template of byFirstChar.get(name[0]) ?? []) {
        if (!name.startsWith(template)) continue
        const rest = name.slice(template.length)
        if (SINGLE_TEMPLATES.has(template)) keys.push([template, rest, undefined, row])
        if (!PAIRED_TEMPLATES.has(template)) continue
        for (let bar = rest.indexOf("|"); bar >= 0; bar = rest.indexOf("|", bar + 1)) keys.push([template, rest.slice(0, bar), rest.slice(bar + 1), row])
      }
    })
    let capacity = 1024
    while (capacity < keys.length * 2) capacity *= 2
    const table = new FeatureTable(capacity, capacity * 8)
    for (const [template, value, second, row] of keys) table.insert(template, value, second, row)
    return table
  }

  /** The row of the feature `template` + `value` (+ "|" + `second` for a pair), or -1 when the model has none. */
  rowOf(template: string, value: string, second?: string): number {
    this.hash(template, value, second)
    const { slots, mask, h1, h2 } = this
    const bit = h2 & this.filterMask
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return -1
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * WIDTH
      const row = slots[at + 2]
      if (row === 0) return -1
      if (slots[at] === h1 && slots[at + 1] === h2) return row - 1
    }
  }

  private insert(template: string, value: string, second: string | undefined, row: number): void {
    this.hash(template, value, second)
    const { slots, mask, h1, h2 } = this
    const bit = h2 & this.filterMask
    this.filter[bit >>> 5] |= 1 << (bit & 31)
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * WIDTH
      if (slots[at + 2] === 0) {
        slots[at] = h1
        slots[at + 1] = h2
        slots[at + 2] = row + 1
        return
      }
      if (slots[at] === h1 && slots[at + 1] === h2) {
        if (slots[at + 2] === row + 1) return
        throw new Error(`name model: two features share a hash (${template}${value}${second === undefined ? "" : `|${second}`}); change the seeds in featureTable.ts`)
      }
    }
  }

  /**
   * Two hashes of (template, value, second) in one pass over the characters: FNV-1a and a
   * multiply-rotate hash, each from the template's own seed. A pair mixes in the first value's length
   * before the second, so "a|b" + "c" and "a" + "b|c" differ.
   */
  private hash(template: string, value: string, second: string | undefined): void {
    const seeds = SEEDS.get(template)
    if (seeds === undefined) throw new Error(`name model: no feature template "${template}"`)
    let h1 = seeds[0]
    let h2 = seeds[1]
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i)
      h1 = Math.imul(h1 ^ c, 0x01000193)
      h2 = Math.imul(h2 + c, 0x5bd1e995)
      h2 = (h2 << 15) | (h2 >>> 17)
    }
    let length = value.length
    if (second !== undefined) {
      h1 = Math.imul(h1 ^ (value.length + 0x10000), 0x01000193)
      h2 = Math.imul(h2 + value.length + 0x10000, 0x5bd1e995)
      for (let i = 0; i < second.length; i++) {
        const c = second.charCodeAt(i)
        h1 = Math.imul(h1 ^ c, 0x01000193)
        h2 = Math.imul(h2 + c, 0x5bd1e995)
        h2 = (h2 << 15) | (h2 >>> 17)
      }
      length += second.length
    }
    this.h1 = finish(h1 ^ length)
    this.h2 = finish(h2 + length)
  }
}
