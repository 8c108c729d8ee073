/**
 * Feature hashing: a feature is a template number mixed with the integer atoms it combines (word
 * hashes, tag ids, distances), so no feature string is ever built. 32-bit keys; 0 is reserved for
 * "empty slot" in the weight tables, so a hash never returns 0.
 */

/** FNV-1a over the UTF-16 code units of `text`. */
export const hashString = (text: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Mixes atom `b` into hash `a` (murmur3-style finaliser). */
export const mix = (a: number, b: number): number => {
  let h = Math.imul(a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b), 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h, 0x27d4eb2f)
  h ^= h >>> 15
  return h || 1
}

/** A template's own seed, `mix(template, 0x5bd1e995)`, computed once for the templates in use (< 256). */
const SEEDS = Uint32Array.from({ length: 256 }, (_, t) => mix(t, 0x5bd1e995))
const seed = (template: number): number => (template < 256 ? SEEDS[template] : mix(template, 0x5bd1e995))

/**
 * `mix(seed(template), a)` for the templates in use and a first atom below 64 (a tag, a count, a
 * distance), computed once: most templates start with a tag, so this saves one mix in three.
 */
const SMALL = Uint32Array.from({ length: 256 * 64 }, (_, i) => mix(SEEDS[i >>> 6], i & 63))
const first = (template: number, a: number): number =>
  a >= 0 && a < 64 && template < 256 ? SMALL[(template << 6) | a] : mix(seed(template), a)

export const feature1 = (template: number, a: number): number => first(template, a)
export const feature2 = (template: number, a: number, b: number): number => mix(first(template, a), b)
export const feature3 = (template: number, a: number, b: number, c: number): number => mix(mix(first(template, a), b), c)

/** A seeded pseudo-random generator (mulberry32): training shuffles and explores reproducibly. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle of a copy, driven by `random`. */
export const shuffled = <A>(items: ReadonlyArray<A>, random: () => number): Array<A> => {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = out[i]
    out[i] = out[j]
    out[j] = t
  }
  return out
}
