/**
 * Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored by an averaged
 * perceptron, trained with the dynamic oracle of Goldberg & Nivre (2013), which tells the cost of
 * every move from any configuration, so training can follow the model's own mistakes.
 *
 * Configuration: a stack, a buffer (words b..n-1 then an artificial ROOT at n), and the arcs so far.
 *   SHIFT  pushes the buffer's first word;
 *   LEFT   makes the buffer's first word the head of the stack's top, and pops it;
 *   RIGHT  makes the stack's second word the head of the top, and pops it.
 * A word is popped exactly when it gets its head, so all its dependents are already attached: a second
 * perceptron gives the arc its relation at that moment, seeing the dependent's complete subtree, and
 * the relations then serve as features of later moves (Zhang & Nivre 2011's rich features, without
 * the beam).
 */
import { feature1, feature2, feature3, hashString, mix } from "./hash.ts"
import { Perceptron } from "./perceptron.ts"
import { normaliseWord, trainable } from "./tagger.ts"
import { NarrowModel } from "./compact.ts"
import type { Scorer } from "./compact.ts"

export const SHIFT = 0
export const LEFT = 1
export const RIGHT = 2
const MOVES = 3

const NONE = 0x3d1f7a

export interface ParserLabels {
  /** Universal Dependencies relations (with subtypes), the labeller's classes in order. */
  readonly deprels: ReadonlyArray<string>
  /** UPOS tags the features know (others count as X). */
  readonly tags: ReadonlyArray<string>
  /**
   * The relations (ids) an arc can get, by the dependent's tag and the arc's direction (index
   * tag * 2 + 0 for a head to the right, + 1 to the left): those seen in training. Scoring only these
   * saves most of the labeller's time. Absent: every relation.
   */
  readonly candidates?: ReadonlyArray<ReadonlyArray<number>>
  /**
   * Narrower lists by the dependent's tag, the head's tag and the direction (index
   * (dependentTag * (tags + 1) + headTag) * 2 + direction): the relations seen in training for that
   * pair. Absent (or an empty list): `candidates`.
   */
  readonly pairCandidates?: ReadonlyArray<ReadonlyArray<number>>
}

/** Candidate relations by dependent tag, head tag and direction, from training sentences (with the tags the parser will see). */
export const labelPairCandidates = (
  labels: Omit<ParserLabels, "candidates" | "pairCandidates">,
  sentences: ReadonlyArray<{ readonly heads: ReadonlyArray<number>; readonly deprels: ReadonlyArray<string> }>,
  tags: ReadonlyArray<ReadonlyArray<string>>
): Array<Array<number>> => {
  const NT = labels.tags.length + 1
  const id = (tag: string) => {
    const t = labels.tags.indexOf(tag)
    return t < 0 ? labels.tags.length : t
  }
  const sets = Array.from({ length: NT * NT * 2 }, () => new Set<number>())
  sentences.forEach((s, k) => {
    s.heads.forEach((h, d) => {
      if (h < 0) return
      sets[(id(tags[k][d]) * NT + id(tags[k][h])) * 2 + (d < h ? 0 : 1)].add(labels.deprels.indexOf(s.deprels[d]))
    })
  })
  const root = labels.deprels.indexOf("root")
  return sets.map((set) => [...set].filter((l) => l >= 0 && l !== root).sort((x, y) => x - y))
}

/** Candidate relations by dependent tag and direction, from training sentences (with the tags the parser will see). */
export const labelCandidates = (
  labels: Omit<ParserLabels, "candidates">,
  sentences: ReadonlyArray<{ readonly heads: ReadonlyArray<number>; readonly deprels: ReadonlyArray<string> }>,
  tags: ReadonlyArray<ReadonlyArray<string>>
): Array<Array<number>> => {
  const sets = Array.from({ length: (labels.tags.length + 1) * 2 }, () => new Set<number>())
  sentences.forEach((s, k) => {
    s.heads.forEach((h, d) => {
      if (h < 0) return
      for (const tag of new Set([tags[k][d]])) {
        const t = labels.tags.indexOf(tag)
        sets[(t < 0 ? labels.tags.length : t) * 2 + (d < h ? 0 : 1)].add(labels.deprels.indexOf(s.deprels[d]))
      }
    })
  })
  const root = labels.deprels.indexOf("root")
  return sets.map((set) => [...set].filter((l) => l >= 0 && l !== root).sort((x, y) => x - y))
}

export interface Parse {
  /** 0-based head per word, -1 for the root. */
  readonly heads: Array<number>
  readonly deprels: Array<string>
}

/** Distance buckets: 1, 2, 3, 4, 5–6, 7–9, 10+. */
const bucket = (d: number): number => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7)

class Configuration {
  n: number
  readonly stack: Int32Array
  sp = 0
  b = 0
  readonly heads: Int32Array
  readonly labels: Int32Array
  /** Leftmost, second leftmost, rightmost and second rightmost dependents so far (-1 if none). */
  readonly l1: Int32Array
  readonly l2: Int32Array
  readonly r1: Int32Array
  readonly r2: Int32Array
  readonly nl: Int32Array
  readonly nr: Int32Array
  /** Bit sets of the relations of left and right dependents (relation ids < 64: two words each). */
  readonly lset: Uint32Array
  readonly rset: Uint32Array

  constructor(n: number) {
    this.n = n
    this.stack = new Int32Array(n + 1)
    const make = () => new Int32Array(n + 1).fill(-1)
    this.heads = make()
    this.labels = make()
    this.l1 = make()
    this.l2 = make()
    this.r1 = make()
    this.r2 = make()
    this.nl = new Int32Array(n + 1)
    this.nr = new Int32Array(n + 1)
    this.lset = new Uint32Array(2 * (n + 1))
    this.rset = new Uint32Array(2 * (n + 1))
  }

  /** Empties it for a sentence of n words (n + 1 at most its size): a parser reuses one configuration. */
  reset(n: number): void {
    this.n = n
    this.sp = 0
    this.b = 0
    this.heads.fill(-1, 0, n + 1)
    this.labels.fill(-1, 0, n + 1)
    this.l1.fill(-1, 0, n + 1)
    this.l2.fill(-1, 0, n + 1)
    this.r1.fill(-1, 0, n + 1)
    this.r2.fill(-1, 0, n + 1)
    this.nl.fill(0, 0, n + 1)
    this.nr.fill(0, 0, n + 1)
    this.lset.fill(0, 0, 2 * (n + 1))
    this.rset.fill(0, 0, 2 * (n + 1))
  }

  get terminal(): boolean {
    return this.b === this.n && this.sp === 0
  }

  valid(move: number): boolean {
    if (move === SHIFT) return this.b < this.n
    if (move === LEFT) return this.sp >= 1
    return this.sp >= 2
  }

  /** Attaches d to h and pops d (the stack's top). */
  attach(h: number, d: number, label: number): void {
    this.heads[d] = h
    this.labels[d] = label
    const word = label >>> 5
    const bit = 1 << (label & 31)
    if (d < h) {
      this.nl[h]++
      this.lset[2 * h + word] |= bit
      if (this.l1[h] < 0 || d < this.l1[h]) {
        this.l2[h] = this.l1[h]
        this.l1[h] = d
      } else if (this.l2[h] < 0 || d < this.l2[h]) this.l2[h] = d
    } else {
      this.nr[h]++
      this.rset[2 * h + word] |= bit
      if (this.r1[h] < 0 || d > this.r1[h]) {
        this.r2[h] = this.r1[h]
        this.r1[h] = d
      } else if (this.r2[h] < 0 || d > this.r2[h]) this.r2[h] = d
    }
    this.sp--
  }
}

/** Per-word atoms of a sentence; index n is the ROOT. */
interface SentenceAtoms {
  readonly word: Uint32Array
  readonly tag: Uint32Array
  readonly suffix: Uint32Array
}

const wordAt = (a: SentenceAtoms, p: number): number => (p < 0 ? NONE : a.word[p])
const tagAt = (a: SentenceAtoms, none: number, p: number): number => (p < 0 ? none : a.tag[p])
const labelAt = (c: Configuration, p: number): number => (p < 0 ? 127 : c.labels[p] < 0 ? 126 : c.labels[p])
const childAt = (arr: Int32Array, p: number): number => (p < 0 ? -1 : arr[p])
const labelSet = (arr: Uint32Array, p: number): number => (p < 0 ? 0 : mix(arr[2 * p], arr[2 * p + 1]))

/*
 * The move templates that read one position only: one word of the stack (by its depth), or the
 * buffer's first three words (all fixed by the first's position). Written once here, used by
 * `moveFeatures` in its order and by `PositionRows`, which sums them once per word of a sentence.
 */

/** Templates of the stack word at `depth` (0: top, 2–4; 1: second, 5–7; 2: third, 16) at position p. */
const stackFeatures = (f: Uint32Array, k: number, a: SentenceAtoms, NT: number, p: number, depth: number): number => {
  const w = wordAt(a, p), t = tagAt(a, NT, p)
  if (depth === 0) {
    f[k++] = feature1(2, w)
    f[k++] = feature1(3, t)
    f[k++] = feature1(4, mix(w, t))
  } else if (depth === 1) {
    f[k++] = feature1(5, w)
    f[k++] = feature1(6, t)
    f[k++] = feature1(7, mix(w, t))
  } else f[k++] = feature1(16, t)
  return k
}

/** Parts of the buffer's templates with the front at b0: 0, the bias (1); 1, words 8–15; 2, 24; 3, 29; 4, 79. */
const bufferFeatures = (f: Uint32Array, k: number, a: SentenceAtoms, NT: number, b0: number, part: number): number => {
  const n = a.word.length - 1
  const b1 = b0 + 1 <= n ? b0 + 1 : -1
  const b2 = b0 + 2 <= n ? b0 + 2 : -1
  const b0w = wordAt(a, b0), b0t = tagAt(a, NT, b0), b1w = wordAt(a, b1), b1t = tagAt(a, NT, b1)
  if (part === 0) f[k++] = feature1(1, 1)
  else if (part === 1) {
    f[k++] = feature1(8, b0w)
    f[k++] = feature1(9, b0t)
    f[k++] = feature1(10, mix(b0w, b0t))
    f[k++] = feature1(11, b1w)
    f[k++] = feature1(12, b1t)
    f[k++] = feature2(13, b1w, b1t)
    f[k++] = feature1(14, wordAt(a, b2))
    f[k++] = feature1(15, tagAt(a, NT, b2))
  } else if (part === 2) f[k++] = feature2(24, b0t, b1t)
  else if (part === 3) f[k++] = feature3(29, b0t, b1t, tagAt(a, NT, b2))
  else f[k++] = feature2(79, b0w, b1w)
  return k
}

export class Parser {
  readonly moves: Scorer
  readonly labeller: Scorer
  readonly labels: ParserLabels
  private readonly tagId: ReadonlyMap<string, number>
  private readonly rootLabel: number
  private readonly features = new Uint32Array(128)
  private readonly labelFeatures = new Uint32Array(64)
  private readonly moveScores = new Float64Array(MOVES)
  private readonly moveSums = new Int32Array(MOVES)
  /** The configuration `parse` reuses from sentence to sentence, grown as needed. */
  private config = new Configuration(64)
  /** `positionRows`' buffer, grown as needed. */
  private rows = new Int32Array(0)
  /**
   * Whether a compact model scores the positional templates once per word (`positionRows`) rather
   * than on every move: the same sums, so the same parses; off only to test exactly that.
   */
  shortcuts = true
  private readonly labelScores: Float64Array
  private readonly candidateLists: ReadonlyArray<Int32Array>
  /** A word's form and ending hashes, computed once (cleared when it grows large). */
  private readonly wordCache = new Map<string, readonly [number, number]>()

  constructor(labels: ParserLabels, moves?: Scorer, labeller?: Scorer) {
    if (labels.deprels.length > 64) throw new Error("the parser keeps relation sets in 64 bits: too many relations")
    this.labels = labels
    this.moves = moves ?? new Perceptron(MOVES, 1 << 19)
    this.labeller = labeller ?? new Perceptron(labels.deprels.length, 1 << 18)
    this.tagId = new Map(labels.tags.map((t, i) => [t, i]))
    this.rootLabel = labels.deprels.indexOf("root")
    this.labelScores = new Float64Array(labels.deprels.length)
    const all = Int32Array.from(labels.deprels.keys()).filter((l) => l !== this.rootLabel)
    const NT = labels.tags.length + 1
    const byTag = Array.from({ length: NT * 2 }, (_, k) => {
      const listed = labels.candidates?.[k]
      return listed && listed.length > 0 ? Int32Array.from(listed) : all
    })
    this.candidateLists = Array.from({ length: NT * NT * 2 }, (_, k) => {
      const listed = labels.pairCandidates?.[k]
      const dependentTag = Math.floor(k / (NT * 2))
      return listed && listed.length > 0 ? Int32Array.from(listed) : byTag[dependentTag * 2 + (k & 1)]
    })
  }

  private atoms(words: ReadonlyArray<string>, tags: ReadonlyArray<string>): SentenceAtoms {
    const n = words.length
    const word = new Uint32Array(n + 1)
    const tag = new Uint32Array(n + 1)
    const suffix = new Uint32Array(n + 1)
    const unknownTag = this.tagId.get("X") ?? 0
    for (let i = 0; i < n; i++) {
      let hashes = this.wordCache.get(words[i])
      if (!hashes) {
        const normal = normaliseWord(words[i])
        hashes = [hashString(normal), hashString(normal.slice(-3))]
        if (this.wordCache.size >= 200_000) this.wordCache.clear()
        this.wordCache.set(words[i], hashes)
      }
      word[i] = hashes[0]
      tag[i] = this.tagId.get(tags[i]) ?? unknownTag
      suffix[i] = hashes[1]
    }
    word[n] = hashString("<ROOT>")
    tag[n] = this.labels.tags.length
    suffix[n] = word[n]
    return { word, tag, suffix }
  }

  /**
   * The move features of configuration `c` in `this.features`; returns their count. With `positional`,
   * only those that are not of one stack word or of the buffer's front alone (`PositionRows` has those).
   */
  private moveFeatures(c: Configuration, a: SentenceAtoms, positional = false): number {
    const f = this.features
    const s0 = c.sp > 0 ? c.stack[c.sp - 1] : -1
    const s1 = c.sp > 1 ? c.stack[c.sp - 2] : -1
    const s2 = c.sp > 2 ? c.stack[c.sp - 3] : -1
    const b0 = c.b
    const b1 = b0 + 1 <= c.n ? b0 + 1 : -1
    const NT = this.labels.tags.length + 1
    const s0w = wordAt(a, s0), s0t = tagAt(a, NT, s0), s1w = wordAt(a, s1), s1t = tagAt(a, NT, s1), s2t = tagAt(a, NT, s2)
    const b0w = wordAt(a, b0), b0t = tagAt(a, NT, b0), b1t = tagAt(a, NT, b1)
    const s0l = childAt(c.l1, s0), s0l2 = childAt(c.l2, s0), s0r = childAt(c.r1, s0), s0r2 = childAt(c.r2, s0)
    const b0l = childAt(c.l1, b0), b0l2 = childAt(c.l2, b0), s1r = childAt(c.r1, s1)
    const s0wt = mix(s0w, s0t), s1wt = mix(s1w, s1t), b0wt = mix(b0w, b0t)
    const d = s0 < 0 ? 0 : b0 === c.n ? 15 : bucket(b0 - s0)
    const d1 = s0 < 0 || s1 < 0 ? 0 : bucket(s0 - s1)
    const nr = s0 < 0 ? 0 : c.nr[s0], nl = s0 < 0 ? 0 : c.nl[s0], bnl = c.nl[b0]
    const s0rs = labelSet(c.rset, s0), s0ls = labelSet(c.lset, s0), b0ls = labelSet(c.lset, b0)
    let k = 0
    if (!positional) {
      k = bufferFeatures(f, k, a, NT, b0, 0)
      k = stackFeatures(f, k, a, NT, s0, 0)
      k = stackFeatures(f, k, a, NT, s1, 1)
      k = bufferFeatures(f, k, a, NT, b0, 1)
      k = stackFeatures(f, k, a, NT, s2, 2)
    }
    f[k++] = feature2(17, s0wt, b0wt)
    f[k++] = feature2(18, s0wt, b0w)
    f[k++] = feature2(19, s0w, b0wt)
    f[k++] = feature2(20, s0wt, b0t)
    f[k++] = feature2(21, s0t, b0wt)
    f[k++] = feature2(22, s0w, b0w)
    f[k++] = feature2(23, s0t, b0t)
    if (!positional) k = bufferFeatures(f, k, a, NT, b0, 2)
    f[k++] = feature2(25, s1t, s0t)
    f[k++] = feature2(26, s1w, s0w)
    f[k++] = feature2(27, s1wt, s0t)
    f[k++] = feature2(28, s1t, s0wt)
    if (!positional) k = bufferFeatures(f, k, a, NT, b0, 3)
    f[k++] = feature3(30, s0t, b0t, b1t)
    f[k++] = feature3(31, s1t, s0t, b0t)
    f[k++] = feature3(32, s2t, s1t, s0t)
    f[k++] = feature3(33, s0t, tagAt(a, NT, s0l), b0t)
    f[k++] = feature3(34, s0t, tagAt(a, NT, s0r), b0t)
    f[k++] = feature3(35, s0t, b0t, tagAt(a, NT, b0l))
    f[k++] = feature3(36, s1t, tagAt(a, NT, s1r), s0t)
    f[k++] = feature3(37, s1t, s0t, tagAt(a, NT, s0r))
    f[k++] = feature2(38, s0w, d)
    f[k++] = feature2(39, s0t, d)
    f[k++] = feature2(40, b0w, d)
    f[k++] = feature2(41, b0t, d)
    f[k++] = feature3(42, s0w, b0w, d)
    f[k++] = feature3(43, s0t, b0t, d)
    f[k++] = feature3(44, s1t, s0t, d1)
    f[k++] = feature2(45, s0w, nr)
    f[k++] = feature2(46, s0t, nr)
    f[k++] = feature2(47, s0w, nl)
    f[k++] = feature2(48, s0t, nl)
    f[k++] = feature2(49, b0w, bnl)
    f[k++] = feature2(50, b0t, bnl)
    f[k++] = feature1(51, wordAt(a, s0l))
    f[k++] = feature1(52, tagAt(a, NT, s0l))
    f[k++] = feature1(53, labelAt(c, s0l))
    f[k++] = feature1(54, wordAt(a, s0r))
    f[k++] = feature1(55, tagAt(a, NT, s0r))
    f[k++] = feature1(56, labelAt(c, s0r))
    f[k++] = feature1(57, wordAt(a, b0l))
    f[k++] = feature1(58, tagAt(a, NT, b0l))
    f[k++] = feature1(59, labelAt(c, b0l))
    f[k++] = feature2(60, tagAt(a, NT, s1r), labelAt(c, s1r))
    f[k++] = feature1(61, wordAt(a, s0l2))
    f[k++] = feature1(62, tagAt(a, NT, s0l2))
    f[k++] = feature1(63, labelAt(c, s0l2))
    f[k++] = feature1(64, wordAt(a, s0r2))
    f[k++] = feature1(65, tagAt(a, NT, s0r2))
    f[k++] = feature1(66, labelAt(c, s0r2))
    f[k++] = feature1(67, wordAt(a, b0l2))
    f[k++] = feature1(68, tagAt(a, NT, b0l2))
    f[k++] = feature1(69, labelAt(c, b0l2))
    f[k++] = feature3(70, s0t, tagAt(a, NT, s0l), tagAt(a, NT, s0l2))
    f[k++] = feature3(71, s0t, tagAt(a, NT, s0r), tagAt(a, NT, s0r2))
    f[k++] = feature3(72, b0t, tagAt(a, NT, b0l), tagAt(a, NT, b0l2))
    f[k++] = feature2(73, s0w, s0rs)
    f[k++] = feature2(74, s0t, s0rs)
    f[k++] = feature2(75, s0w, s0ls)
    f[k++] = feature2(76, s0t, s0ls)
    f[k++] = feature2(77, b0w, b0ls)
    f[k++] = feature2(78, b0t, b0ls)
    if (!positional) k = bufferFeatures(f, k, a, NT, b0, 4)
    f[k++] = feature2(80, s1t, b0t)
    f[k++] = feature3(81, s1wt, b0t, s0t)
    f[k++] = feature3(82, s1t, b0wt, s0t)
    f[k++] = feature3(83, s0t, labelAt(c, s0l), b0t)
    f[k++] = feature3(84, s0t, labelAt(c, s0r), b0t)
    f[k++] = feature3(85, s0t, b0t, labelAt(c, b0l))
    f[k++] = feature2(86, a.suffix[s0 < 0 ? c.n : s0], b0t)
    // endings stand in for the finer tags UPOS lacks (-ed, -ing, -s: participle, gerund, plural)
    f[k++] = feature3(87, a.suffix[s0 < 0 ? c.n : s0], s0t, b0t)
    f[k++] = feature3(88, a.suffix[b0], b0t, s0t)
    f[k++] = feature3(89, a.suffix[s1 < 0 ? c.n : s1], s1t, s0t)
    return k
  }

  private arcFeatures(c: Configuration, a: SentenceAtoms, h: number, d: number): number {
    const f = this.labelFeatures
    const NT = this.labels.tags.length + 1
    const dw = a.word[d], dt = a.tag[d], hw = a.word[h], ht = a.tag[h]
    const dir = d < h ? 1 : 2
    const dist = h === c.n ? 15 : bucket(Math.abs(h - d))
    const dl = c.l1[d], dr = c.r1[d], hl = c.l1[h], hr = c.r1[h]
    const prev = d > 0 ? a.word[d - 1] : NONE
    const next = d + 1 < c.n ? a.word[d + 1] : NONE
    let k = 0
    f[k++] = feature1(1, 1)
    f[k++] = feature1(2, dw)
    f[k++] = feature1(3, dt)
    f[k++] = feature2(4, dw, dt)
    f[k++] = feature1(5, hw)
    f[k++] = feature1(6, ht)
    f[k++] = feature2(7, hw, ht)
    f[k++] = feature3(8, dt, ht, dir)
    f[k++] = feature3(9, dw, ht, dir)
    f[k++] = feature3(10, dt, hw, dir)
    f[k++] = feature3(11, dw, hw, dir)
    f[k++] = feature3(12, mix(dt, ht), dir, dist)
    f[k++] = feature2(13, wordAt(a, dl), dt)
    f[k++] = feature3(14, tagAt(a, NT, dl), labelAt(c, dl), dt)
    f[k++] = feature3(15, tagAt(a, NT, dr), labelAt(c, dr), dt)
    f[k++] = feature2(16, wordAt(a, dr), dt)
    f[k++] = feature2(17, labelSet(c.lset, d), dt)
    f[k++] = feature2(18, labelSet(c.rset, d), dt)
    f[k++] = feature3(19, labelSet(c.lset, h), dt, dir)
    f[k++] = feature3(20, labelSet(c.rset, h), dt, dir)
    f[k++] = feature3(21, a.suffix[h], dt, dir)
    f[k++] = feature2(22, prev, dt)
    f[k++] = feature2(23, next, dt)
    f[k++] = feature2(24, a.suffix[d], dt)
    f[k++] = feature3(25, wordAt(a, hl), dt, dir)
    f[k++] = feature3(26, wordAt(a, dl), ht, dir)
    f[k++] = feature3(27, wordAt(a, hr), dt, dir)
    f[k++] = feature3(28, mix(dt, ht), dir, labelAt(c, hl))
    f[k++] = feature3(29, mix(dt, ht), dir, labelAt(c, hr))
    f[k++] = feature3(30, dw, a.suffix[h], dir)
    f[k++] = feature3(31, mix(dt, tagAt(a, NT, dl)), ht, dir)
    return k
  }

  /** Relation of the arc h → d: "root" exactly when h is the ROOT. */
  private label(c: Configuration, a: SentenceAtoms, h: number, d: number, gold: number): number {
    if (h === c.n) return this.rootLabel
    const NT = this.labels.tags.length + 1
    const candidates = this.candidateLists[(Math.min(a.tag[d], NT - 1) * NT + Math.min(a.tag[h], NT - 1)) * 2 + (d < h ? 0 : 1)]
    // one possible relation (punctuation): nothing to score at parse time
    if (candidates.length === 1 && gold < 0) return candidates[0]
    const count = this.arcFeatures(c, a, h, d)
    this.labeller.scoreClasses(this.labelFeatures, count, this.labelScores, candidates)
    let guess = candidates[0]
    for (let k = 1; k < candidates.length; k++) if (this.labelScores[candidates[k]] > this.labelScores[guess]) guess = candidates[k]
    if (gold >= 0) trainable(this.labeller).update(gold, guess, this.labelFeatures, count)
    return guess
  }

  private apply(c: Configuration, a: SentenceAtoms, move: number, goldHeads?: Int32Array, goldLabels?: Int32Array): void {
    if (move === SHIFT) {
      c.stack[c.sp++] = c.b++
      return
    }
    const d = c.stack[c.sp - 1]
    const h = move === LEFT ? c.b : c.stack[c.sp - 2]
    const gold = goldHeads && goldLabels && goldHeads[d] === h ? goldLabels[d] : -1
    c.attach(h, d, this.label(c, a, h, d, gold))
  }

  parse(words: ReadonlyArray<string>, tags: ReadonlyArray<string>): Parse {
    const n = words.length
    if (n === 0) return { heads: [], deprels: [] }
    const a = this.atoms(words, tags)
    if (this.config.heads.length < n + 1) this.config = new Configuration(Math.max(n, 2 * this.config.heads.length))
    const c = this.config
    c.reset(n)
    const scores = this.moveScores
    const narrow = this.moves instanceof NarrowModel && this.shortcuts ? this.moves : null
    const rows = narrow ? this.positionRows(narrow, a) : this.rows
    const sums = this.moveSums
    while (!c.terminal) {
      // one valid move (an empty stack: SHIFT; only ROOT left in the buffer and one word on the stack: LEFT): nothing to score
      const shift = c.b < n, right = c.sp >= 2
      if (this.shortcuts && (c.sp === 0 || (!shift && !right))) {
        this.apply(c, a, shift ? SHIFT : LEFT)
        continue
      }
      if (narrow) {
        // the positional templates' sums from the rows, the rest looked up (integers: the same sums in any order)
        const none = n + 1
        const s0 = c.sp > 0 ? c.stack[c.sp - 1] : none
        const s1 = c.sp > 1 ? c.stack[c.sp - 2] : none
        const s2 = c.sp > 2 ? c.stack[c.sp - 3] : none
        const B = 3 * c.b, S0 = 3 * (n + 2 + s0), S1 = 3 * (2 * (n + 2) + s1), S2 = 3 * (3 * (n + 2) + s2)
        sums[0] = rows[B] + rows[S0] + rows[S1] + rows[S2]
        sums[1] = rows[B + 1] + rows[S0 + 1] + rows[S1 + 1] + rows[S2 + 1]
        sums[2] = rows[B + 2] + rows[S0 + 2] + rows[S1 + 2] + rows[S2 + 2]
        narrow.addSums(this.features, this.moveFeatures(c, a, true), sums, 0)
        for (let m = 0; m < MOVES; m++) scores[m] = sums[m] * narrow.unit
      } else {
        const count = this.moveFeatures(c, a)
        this.moves.score(this.features, count, scores)
      }
      // the best valid move, ties to the lower one (as Perceptron.best)
      let move = -1
      let bestScore = -Infinity
      for (let m = 0; m < MOVES; m++) {
        if (c.valid(m) && scores[m] > bestScore) {
          bestScore = scores[m]
          move = m
        }
      }
      this.apply(c, a, move)
    }
    return this.finish(c, n)
  }

  /**
   * The integer sums of the positional templates, per position of the sentence: four blocks of n + 2
   * rows of three (buffer front at p; stack top, second and third at p; index n + 1 for "no word").
   */
  private positionRows(model: NarrowModel, a: SentenceAtoms): Int32Array {
    const n = a.word.length - 1
    const NT = this.labels.tags.length + 1
    const size = 4 * 3 * (n + 2)
    if (this.rows.length < size) this.rows = new Int32Array(Math.max(size, 2 * this.rows.length))
    const rows = this.rows
    rows.fill(0, 0, size)
    // all the sentence's positional features first, then one pass of look-ups
    const most = 20 * (n + 2)
    if (this.rowFeatures.length < most) {
      this.rowFeatures = new Uint32Array(2 * most)
      this.rowTargets = new Int32Array(2 * most)
    }
    const f = this.rowFeatures
    const targets = this.rowTargets
    let k = 0
    for (let p = 0; p <= n + 1; p++) {
      const at = p <= n ? p : -1
      if (at >= 0) {
        const from = k
        for (let part = 0; part <= 4; part++) k = bufferFeatures(f, k, a, NT, at, part)
        targets.fill(3 * p, from, k)
      }
      for (let depth = 0; depth < 3; depth++) {
        const from = k
        k = stackFeatures(f, k, a, NT, at, depth)
        targets.fill(3 * ((depth + 1) * (n + 2) + p), from, k)
      }
    }
    model.addSumsAt(f, k, rows, targets)
    return rows
  }

  /** `positionRows`' features and where each one's weights go, grown as needed. */
  private rowFeatures = new Uint32Array(0)
  private rowTargets = new Int32Array(0)

  /** Heads as 0-based indices with -1 for the root; a second word attached to ROOT goes under the first. */
  private finish(c: Configuration, n: number): Parse {
    const heads: Array<number> = []
    const deprels: Array<string> = []
    let root = -1
    for (let i = 0; i < n; i++) {
      if (c.heads[i] === n) {
        if (root < 0) {
          root = i
          heads.push(-1)
          deprels.push("root")
          continue
        }
        heads.push(root)
        deprels.push("parataxis")
        continue
      }
      heads.push(c.heads[i])
      deprels.push(this.labels.deprels[c.labels[i]])
    }
    return { heads, deprels }
  }

  /**
   * Cost of each move (gold arcs it makes unreachable) for a projective gold tree; `deps[h]` lists the
   * gold dependents of h, and the ROOT's dependent has head n.
   */
  private static costs(c: Configuration, gold: Int32Array, deps: ReadonlyArray<ReadonlyArray<number>>, out: Int32Array): void {
    const s0 = c.sp > 0 ? c.stack[c.sp - 1] : -1
    const s1 = c.sp > 1 ? c.stack[c.sp - 2] : -1
    const b = c.b
    const depsInBuffer = (x: number) => {
      let k = 0
      for (const d of deps[x]) if (d >= b) k++
      return k
    }
    out.fill(0)
    if (c.valid(SHIFT)) {
      let cost = 0
      for (let i = 0; i < c.sp; i++) {
        const x = c.stack[i]
        if (gold[x] === b) cost++
        if (gold[b] === x && x !== s0) cost++
      }
      out[SHIFT] = cost
    }
    if (c.valid(LEFT)) {
      const h = gold[s0]
      out[LEFT] = (h !== b && (h === s1 || h > b) ? 1 : 0) + depsInBuffer(s0)
    }
    if (c.valid(RIGHT)) {
      out[RIGHT] = (gold[s0] >= b ? 1 : 0) + depsInBuffer(s0)
    }
  }

  /**
   * Learns from one projective sentence. With `explore`, follows its own best move (when `explore()`
   * says so) instead of the cheapest correct one. Returns the number of words whose head it found.
   */
  update(
    words: ReadonlyArray<string>,
    tags: ReadonlyArray<string>,
    heads: ReadonlyArray<number>,
    deprels: ReadonlyArray<string>,
    explore: (() => boolean) | null
  ): number {
    const n = words.length
    const a = this.atoms(words, tags)
    const gold = Int32Array.from(heads, (h) => (h < 0 ? n : h))
    const goldLabels = Int32Array.from(deprels, (l) => this.labels.deprels.indexOf(l))
    const deps: Array<Array<number>> = Array.from({ length: n + 1 }, () => [])
    gold.forEach((h, d) => deps[h].push(d))
    const c = new Configuration(n)
    const cost = new Int32Array(MOVES)
    while (!c.terminal) {
      const count = this.moveFeatures(c, a)
      this.moves.score(this.features, count, this.moveScores)
      Parser.costs(c, gold, deps, cost)
      const guess = Perceptron.best(this.moveScores, MOVES, (m) => c.valid(m))
      let best = -1
      let bestScore = -Infinity
      let cheapest = Infinity
      for (let m = 0; m < MOVES; m++) if (c.valid(m)) cheapest = Math.min(cheapest, cost[m])
      for (let m = 0; m < MOVES; m++) {
        if (c.valid(m) && cost[m] === cheapest && this.moveScores[m] > bestScore) {
          bestScore = this.moveScores[m]
          best = m
        }
      }
      trainable(this.moves).update(best, guess, this.features, count)
      this.apply(c, a, explore !== null && explore() ? guess : best, gold, goldLabels)
    }
    let right = 0
    for (let i = 0; i < n; i++) if (c.heads[i] === gold[i]) right++
    return right
  }
}
