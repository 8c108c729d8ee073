/**
 * Part-of-speech tagger: an averaged perceptron that tags a sentence left to right, each word from its
 * own form, its neighbours' forms and the two tags it has just given (Honnibal's tagger, with the
 * word's ambiguity class from the training data added). Frequent words that the training data always
 * tags the same way are tagged from that dictionary directly.
 */
import { feature1, feature2, feature3, hashString } from "./hash.ts"
import { InlineModel } from "./compact.ts"
import type { Scorer } from "./compact.ts"
import { Perceptron } from "./perceptron.ts"

/** The form the features see: lower case, every digit as 0 (so years and amounts share features). */
export const normaliseWord = (word: string): string => word.toLowerCase().replace(/[0-9]/g, "0")

/** Character classes of the word, runs cut at two: "McDonald's" → "XxXx'x", "2019" → "dd". */
export const wordShape = (word: string): string => {
  let out = ""
  let last = ""
  let run = 0
  for (const ch of word) {
    const code = ch.charCodeAt(0)
    const cls =
      code >= 65 && code <= 90 ? "X" : code >= 97 && code <= 122 ? "x" : code >= 48 && code <= 57 ? "d" : code >= 128 && /\p{L}/u.test(ch) ? "l" : ch
    run = cls === last ? run + 1 : 1
    last = cls
    if (run <= 2) out += cls
  }
  return out
}

/** The model as a trainable perceptron (a loaded model is read-only). */
export const trainable = (model: Scorer): Perceptron => {
  if (!(model instanceof Perceptron)) throw new Error("a loaded model cannot be trained further")
  return model
}

const NONE = 0x1f3a5c
const START = 0x2c4b1d

/** Per-word atoms, computed once per sentence. */
interface WordAtoms {
  readonly form: Uint32Array
  readonly norm: Uint32Array
  readonly suffix: ReadonlyArray<Uint32Array>
  readonly prefix: ReadonlyArray<Uint32Array>
  readonly shape: Uint32Array
  readonly ambiguity: Uint32Array
  readonly initial: Uint32Array
  /** The word's one tag, or -1. */
  readonly known: Int32Array
  /** Mask of the tags scored for the word, or -1 for all. */
  readonly allowed: Int32Array
}

export interface TaggerLexicon {
  /** UPOS tags, the classes in order. */
  readonly tags: ReadonlyArray<string>
  /** Normalised word → bit set of the tags it takes at least 5 % of the time (words seen ≥ 5 times). */
  readonly ambiguity: Readonly<Record<string, number>>
  /** Normalised word → the one tag it always takes (seen ≥ 50 times, ≥ 99.5 % one tag). */
  readonly unambiguous: Readonly<Record<string, number>>
  /** Normalised word → bit set of every tag it took (words seen ≥ 20 times): the only tags scored for it. */
  readonly allowed?: Readonly<Record<string, number>>
}

export const buildTaggerLexicon = (sentences: ReadonlyArray<{ words: ReadonlyArray<string>; upos: ReadonlyArray<string> }>): TaggerLexicon => {
  const tags = [...new Set(sentences.flatMap((s) => s.upos))].sort()
  const tagId = new Map(tags.map((t, i) => [t, i]))
  const counts = new Map<string, Array<number>>()
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      const key = normaliseWord(w)
      let row = counts.get(key)
      if (!row) counts.set(key, (row = new Array(tags.length).fill(0)))
      row[tagId.get(s.upos[i])!]++
    })
  }
  const ambiguity: Record<string, number> = {}
  const unambiguous: Record<string, number> = {}
  const allowed: Record<string, number> = {}
  for (const key of [...counts.keys()].sort()) {
    const row = counts.get(key)!
    const total = row.reduce((a, b) => a + b, 0)
    if (total < 5) continue
    let mask = 0
    row.forEach((n, t) => {
      if (n / total >= 0.05) mask |= 1 << t
    })
    ambiguity[key] = mask
    if (total >= 20) allowed[key] = row.reduce((mask, n, t) => (n > 0 ? mask | (1 << t) : mask), 0)
    const top = Math.max(...row)
    if (total >= 50 && top / total >= 0.995) unambiguous[key] = row.indexOf(top)
  }
  return { tags, ambiguity, unambiguous, allowed }
}

export class Tagger {
  readonly model: Scorer
  readonly lexicon: TaggerLexicon
  private readonly features = new Uint32Array(64)
  private readonly scores: Float64Array
  private readonly classLists = new Map<number, Int32Array>()

  /** The lexicon's tables as maps (look-ups in large plain objects are slow). */
  private readonly ambiguityOf: ReadonlyMap<string, number>
  private readonly unambiguousOf: ReadonlyMap<string, number>
  private readonly allowedOf: ReadonlyMap<string, number>

  constructor(lexicon: TaggerLexicon, model?: Scorer) {
    this.lexicon = lexicon
    this.ambiguityOf = new Map(Object.entries(lexicon.ambiguity))
    this.unambiguousOf = new Map(Object.entries(lexicon.unambiguous))
    this.allowedOf = new Map(Object.entries(lexicon.allowed ?? {}))
    this.model = model ?? new Perceptron(lexicon.tags.length, 1 << 18)
    this.scores = new Float64Array(lexicon.tags.length)
  }

  /**
   * What the tagger needs of a word, computed once and kept (news repeats its words): form, normalised
   * form, suffixes 1–4, prefixes 1–3, shape, ambiguity class, then the word's one tag + 1 (0: none)
   * and its allowed-tags mask + 1 (0: any tag). Cleared when it grows large.
   */
  private readonly wordCache = new Map<string, Uint32Array>()

  private wordAtoms(word: string): Uint32Array {
    const cached = this.wordCache.get(word)
    if (cached) return cached
    const normal = normaliseWord(word)
    const out = new Uint32Array(13)
    out[0] = hashString(word)
    out[1] = hashString(normal)
    for (let k = 0; k < 4; k++) out[2 + k] = hashString(normal.slice(-(k + 1)))
    for (let k = 0; k < 3; k++) out[6 + k] = hashString(normal.slice(0, k + 1))
    out[9] = hashString(wordShape(word))
    out[10] = (this.ambiguityOf.get(normal) ?? 0) + 1
    const known = this.unambiguousOf.get(normal)
    out[11] = known === undefined ? 0 : known + 1
    const allowed = this.allowedOf.get(normal)
    out[12] = allowed === undefined ? 0 : allowed + 1
    if (this.wordCache.size >= 200_000) this.wordCache.clear()
    this.wordCache.set(word, out)
    return out
  }

  private atoms(words: ReadonlyArray<string>): WordAtoms {
    const n = words.length
    const form = new Uint32Array(n)
    const norm = new Uint32Array(n)
    const suffix = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)]
    const prefix = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)]
    const shape = new Uint32Array(n)
    const ambiguity = new Uint32Array(n)
    const initial = new Uint32Array(n)
    const known = new Int32Array(n)
    const allowed = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const w = this.wordAtoms(words[i])
      form[i] = w[0]
      norm[i] = w[1]
      for (let k = 0; k < 4; k++) suffix[k][i] = w[2 + k]
      for (let k = 0; k < 3; k++) prefix[k][i] = w[6 + k]
      shape[i] = w[9]
      ambiguity[i] = w[10]
      initial[i] = i === 0 ? 1 : 2
      known[i] = w[11] - 1
      allowed[i] = w[12] - 1
    }
    return { form, norm, suffix, prefix, shape, ambiguity, initial, known, allowed }
  }

  /** The features of word i given the two previous tags; returns their count. */
  private featuresAt(a: WordAtoms, i: number, p1: number, p2: number): number {
    return this.contextFeatures(a, i, p1, p2, this.wordFeatures(a, i))
  }

  /** The first features of word i, those of the word alone (and whether it starts the sentence); returns their count. */
  private wordFeatures(a: WordAtoms, i: number): number {
    const f = this.features
    let k = 0
    f[k++] = feature1(1, 1)
    f[k++] = feature1(2, a.norm[i])
    f[k++] = feature1(3, a.suffix[0][i])
    f[k++] = feature1(4, a.suffix[1][i])
    f[k++] = feature1(5, a.suffix[2][i])
    f[k++] = feature1(6, a.suffix[3][i])
    f[k++] = feature1(7, a.prefix[0][i])
    f[k++] = feature1(8, a.prefix[1][i])
    f[k++] = feature1(9, a.prefix[2][i])
    f[k++] = feature2(10, a.shape[i], a.initial[i])
    f[k++] = feature1(11, a.ambiguity[i])
    return k
  }

  /** The rest of word i's features, from `this.features[k]` on: its neighbours and the previous tags; returns the count. */
  private contextFeatures(a: WordAtoms, i: number, p1: number, p2: number, from: number): number {
    const f = this.features
    const n = a.norm.length
    const at = (arr: Uint32Array, j: number) => (j < 0 ? START : j >= n ? NONE : arr[j])
    let k = from
    f[k++] = feature1(12, p1)
    f[k++] = feature1(13, p2)
    f[k++] = feature2(14, p1, p2)
    f[k++] = feature2(15, p1, a.norm[i])
    f[k++] = feature1(16, at(a.norm, i - 1))
    f[k++] = feature1(17, at(a.suffix[2], i - 1))
    f[k++] = feature1(18, at(a.norm, i - 2))
    f[k++] = feature1(19, at(a.norm, i + 1))
    f[k++] = feature1(20, at(a.suffix[2], i + 1))
    f[k++] = feature1(21, at(a.norm, i + 2))
    f[k++] = feature1(22, at(a.ambiguity, i + 1))
    f[k++] = feature1(23, at(a.ambiguity, i + 2))
    f[k++] = feature2(24, at(a.norm, i - 1), a.norm[i])
    f[k++] = feature2(25, a.norm[i], at(a.norm, i + 1))
    f[k++] = feature2(26, p1, a.ambiguity[i])
    f[k++] = feature2(27, a.ambiguity[i], at(a.ambiguity, i + 1))
    f[k++] = feature1(28, at(a.shape, i + 1))
    f[k++] = feature2(29, p1, a.suffix[2][i])
    f[k++] = feature2(30, a.form[i], a.initial[i])
    f[k++] = feature3(31, p1, a.ambiguity[i], at(a.ambiguity, i + 1))
    f[k++] = feature2(32, at(a.ambiguity, i - 1), a.ambiguity[i])
    f[k++] = feature1(33, at(a.shape, i - 1))
    f[k++] = feature2(34, at(a.suffix[1], i - 1), a.suffix[1][i])
    return k
  }

  /**
   * Whether a compact model takes the sums of a word's own features from `wordRows` (computed once
   * per word) rather than looking them up at every occurrence: the same scores, so the same tags; off
   * only to test exactly that.
   */
  shortcuts = true
  /** Per word: the sums of its own features for each class, not sentence-initial then initial (NaN until computed); cleared when large. */
  private readonly wordRows = new Map<string, Float64Array>()

  private wordRow(model: InlineModel, word: string, a: WordAtoms, i: number): Float64Array {
    const T = this.lexicon.tags.length
    let rows = this.wordRows.get(word)
    if (!rows) {
      if (this.wordRows.size >= 50_000) this.wordRows.clear()
      rows = new Float64Array(2 * T).fill(Number.NaN)
      this.wordRows.set(word, rows)
    }
    const at = a.initial[i] === 1 ? T : 0
    if (Number.isNaN(rows[at])) {
      model.score(this.features, this.wordFeatures(a, i), this.scores)
      rows.set(this.scores, at)
    }
    this.rowAt = at
    return rows
  }

  /** Where `wordRow`'s row starts in the array it returned. */
  private rowAt = 0

  private classesOf(mask: number): Int32Array {
    let list = this.classLists.get(mask)
    if (!list) {
      list = Int32Array.from(this.lexicon.tags.keys()).filter((t) => (mask & (1 << t)) !== 0)
      this.classLists.set(mask, list)
    }
    return list
  }

  /** Tags ids for `words`; with `gold`, also learns from each word (one training pass over the sentence). */
  private run(words: ReadonlyArray<string>, gold?: ReadonlyArray<number>): Int32Array {
    const a = this.atoms(words)
    const out = new Int32Array(words.length)
    const T = this.lexicon.tags.length
    let p1 = T + 1
    let p2 = T + 2
    const fast = this.shortcuts && !gold && this.model instanceof InlineModel ? this.model : null
    for (let i = 0; i < words.length; i++) {
      const known = a.known[i]
      const allowed = a.allowed[i]
      let tag: number
      if (known >= 0) tag = known
      else if (fast) {
        // the word's own features' sums from the cache, then the others in the same order: the same scores
        const scores = this.scores
        const row = this.wordRow(fast, words[i], a, i)
        const at = this.rowAt
        const count = this.contextFeatures(a, i, p1, p2, 0)
        if (allowed >= 0) {
          const classes = this.classesOf(allowed)
          for (let k = 0; k < classes.length; k++) scores[classes[k]] = row[at + classes[k]]
          fast.addClassScores(this.features, count, scores, classes)
          tag = classes[0]
          for (let k = 1; k < classes.length; k++) if (scores[classes[k]] > scores[tag]) tag = classes[k]
        } else {
          for (let c = 0; c < T; c++) scores[c] = row[at + c]
          fast.addScores(this.features, count, scores)
          tag = Perceptron.best(scores, T)
        }
      } else if (allowed >= 0) {
        // a frequent word: only the tags it took in training compete
        const classes = this.classesOf(allowed)
        const count = this.featuresAt(a, i, p1, p2)
        this.model.scoreClasses(this.features, count, this.scores, classes)
        tag = classes[0]
        for (let k = 1; k < classes.length; k++) if (this.scores[classes[k]] > this.scores[tag]) tag = classes[k]
        if (gold) trainable(this.model).update(gold[i], tag, this.features, count)
      } else {
        const count = this.featuresAt(a, i, p1, p2)
        this.model.score(this.features, count, this.scores)
        tag = Perceptron.best(this.scores, T)
        if (gold) trainable(this.model).update(gold[i], tag, this.features, count)
      }
      out[i] = tag
      p2 = p1
      p1 = tag
    }
    return out
  }

  predict(words: ReadonlyArray<string>): Array<string> {
    return Array.from(this.run(words), (t) => this.lexicon.tags[t])
  }

  /** Learns from one sentence; returns the number of words it tagged right before learning. */
  update(words: ReadonlyArray<string>, upos: ReadonlyArray<string>): number {
    const gold = upos.map((t) => this.lexicon.tags.indexOf(t))
    const guess = this.run(words, gold)
    let right = 0
    for (let i = 0; i < guess.length; i++) if (guess[i] === gold[i]) right++
    return right
  }
}
