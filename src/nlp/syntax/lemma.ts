/**
 * Lemmas: English inflection rules by part of speech, and a table of the (word, UPOS) pairs of the
 * training data whose lemma the rules get wrong ("went" → "go", "news" → "news"). A rule only strips
 * an ending when what it leaves is a known lemma (or the word is unseen and the stem looks right).
 */

export interface LemmaTable {
  /** "word\tUPOS" (lower case) → lemma, only where the rules differ from the treebank. */
  readonly exceptions: Readonly<Record<string, string>>
  /** Lemmas of the training data, lower case: a stripped stem must be one of these (or end a known way). */
  readonly known: ReadonlyArray<string>
}

const VOWEL = /[aeiou]/

/** Candidate stems of `word` for its part of speech, most likely first. */
const stems = (word: string, upos: string): Array<string> => {
  const out: Array<string> = []
  const strip = (ending: string) => word.length > ending.length + 1 && word.endsWith(ending)
  if (upos === "NOUN" || upos === "PROPN") {
    if (strip("ies")) out.push(word.slice(0, -3) + "y")
    if (/(ches|shes|sses|xes|zes|oes)$/.test(word)) out.push(word.slice(0, -2))
    if (strip("s") && !/(ss|us|is)$/.test(word)) out.push(word.slice(0, -1))
    if (strip("men")) out.push(word.slice(0, -3) + "man")
  } else if (upos === "VERB" || upos === "AUX") {
    if (strip("ies")) out.push(word.slice(0, -3) + "y")
    if (strip("ied")) out.push(word.slice(0, -3) + "y")
    for (const ending of ["ing", "ed"]) {
      if (!strip(ending)) continue
      const stem = word.slice(0, -ending.length)
      if (/([bdgklmnprtz])\1$/.test(stem)) out.push(stem.slice(0, -1))
      out.push(stem + "e", stem)
    }
    if (/(ches|shes|sses|xes|zes|oes)$/.test(word)) out.push(word.slice(0, -2))
    if (strip("s") && !/ss$/.test(word)) out.push(word.slice(0, -1))
  } else if (upos === "ADJ") {
    for (const ending of ["est", "er"]) {
      if (!strip(ending)) continue
      const stem = word.slice(0, -ending.length)
      if (stem.endsWith("i")) out.push(stem.slice(0, -1) + "y")
      if (/([bdgmnpt])\1$/.test(stem)) out.push(stem.slice(0, -1))
      out.push(stem + "e", stem)
    }
  }
  return out
}

export class Lemmatiser {
  private readonly exceptions: ReadonlyMap<string, string>
  private readonly known: ReadonlySet<string>

  constructor(table: LemmaTable) {
    this.exceptions = new Map(Object.entries(table.exceptions))
    this.known = new Set(table.known)
  }

  /** The rules alone: the first candidate stem that is a known lemma; else, for an unseen word, a plausible stem. */
  byRule(lower: string, upos: string): string {
    const candidates = stems(lower, upos)
    for (const stem of candidates) if (this.known.has(stem)) return stem
    if (this.known.has(lower)) return lower
    // unseen word: plural nouns and regular verb forms still lose their ending
    const regular = candidates.find((s) => VOWEL.test(s) && s.length >= 3 && !s.endsWith("e"))
    return upos === "NOUN" && candidates.length > 0 ? candidates[candidates.length - 1] : regular ?? lower
  }

  /**
   * Lemmas given so far, by word and then UPOS (news repeats its words; by two maps, so that a look-up
   * builds no key string; cleared when it grows large).
   */
  private readonly given = new Map<string, Map<string, string>>()

  lemma(word: string, upos: string): string {
    let byTag = this.given.get(word)
    const known = byTag?.get(upos)
    if (known !== undefined) return known
    const lower = word.toLowerCase()
    const lemma = this.exceptions.get(`${lower}\t${upos}`) ?? this.byRule(lower, upos)
    if (!byTag) {
      if (this.given.size >= 200_000) this.given.clear()
      this.given.set(word, (byTag = new Map()))
    }
    byTag.set(upos, lemma)
    return lemma
  }

  /** Learns the exception table from treebank sentences: the most frequent lemma of each (word, UPOS). */
  static fromTreebank(sentences: ReadonlyArray<{ words: ReadonlyArray<string>; upos: ReadonlyArray<string>; lemmas: ReadonlyArray<string> }>): LemmaTable {
    const counts = new Map<string, Map<string, number>>()
    const known = new Set<string>()
    for (const s of sentences) {
      s.words.forEach((w, i) => {
        const lemma = s.lemmas[i].toLowerCase()
        if (lemma === "_") return
        known.add(lemma)
        const key = `${w.toLowerCase()}\t${s.upos[i]}`
        let row = counts.get(key)
        if (!row) counts.set(key, (row = new Map()))
        row.set(lemma, (row.get(lemma) ?? 0) + 1)
      })
    }
    const rules = new Lemmatiser({ exceptions: {}, known: [...known] })
    const exceptions: Record<string, string> = {}
    for (const key of [...counts.keys()].sort()) {
      const row = counts.get(key)!
      const best = [...row.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]
      const [lower, upos] = key.split("\t")
      if (rules.byRule(lower, upos) !== best) exceptions[key] = best
    }
    return { exceptions, known: [...known].sort() }
  }
}
