/**
 * Reading CoNLL-U treebanks (Universal Dependencies): one sentence per block, one word per line.
 * Multi-word token ranges ("2-3 don't") and empty nodes ("8.1") are skipped: the parser works on the
 * syntactic words, which is what the treebank's heads and relations refer to.
 */
import { readFileSync } from "node:fs"

export interface TreebankSentence {
  readonly id: string
  readonly words: ReadonlyArray<string>
  readonly lemmas: ReadonlyArray<string>
  readonly upos: ReadonlyArray<string>
  /** 0-based head index, or -1 for the root. */
  readonly heads: ReadonlyArray<number>
  readonly deprels: ReadonlyArray<string>
}

export const parseConllu = (text: string): Array<TreebankSentence> => {
  const sentences: Array<TreebankSentence> = []
  let id = ""
  let words: Array<string> = []
  let lemmas: Array<string> = []
  let upos: Array<string> = []
  let heads: Array<number> = []
  let deprels: Array<string> = []
  const flush = () => {
    if (words.length > 0) sentences.push({ id: id || `s${sentences.length + 1}`, words, lemmas, upos, heads, deprels })
    id = ""
    words = []
    lemmas = []
    upos = []
    heads = []
    deprels = []
  }
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      flush()
      continue
    }
    if (line.startsWith("#")) {
      const match = /^# sent_id = (.*)$/.exec(line)
      if (match) id = match[1].trim()
      continue
    }
    const cols = line.split("\t")
    if (cols.length < 8 || !/^\d+$/.test(cols[0])) continue
    words.push(cols[1])
    lemmas.push(cols[2])
    upos.push(cols[3])
    heads.push(Number(cols[6]) - 1)
    deprels.push(cols[7])
  }
  flush()
  return sentences
}

export const readConllu = (path: string): Array<TreebankSentence> => parseConllu(readFileSync(path, "utf8"))

/** True when two arcs of the tree cross (the tree cannot be built by a projective transition system). */
export const isNonProjective = (heads: ReadonlyArray<number>): boolean => {
  for (let d = 0; d < heads.length; d++) {
    const h = heads[d]
    if (h < 0) continue
    const lo = Math.min(h, d)
    const hi = Math.max(h, d)
    for (let k = lo + 1; k < hi; k++) {
      // every word strictly inside the arc must descend from the arc's head
      let a = heads[k]
      let steps = 0
      while (a !== h && a >= 0 && steps++ < heads.length) a = heads[a]
      if (a !== h) return true
    }
  }
  return false
}
