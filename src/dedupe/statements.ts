/**
 * Statements: reports of one statement (quoted in one article, paraphrased in another) share a
 * `statement_id`. Two quotes are one statement when the same speaker (the merged actor) says them in
 * the same story and their content words mostly coincide: most of the shorter quote's words are in
 * the longer one (`overlap`), and enough of them that a stock phrase does not count (`minShared`).
 * The same quoted words in one story (`joinSameWords`) are one statement too, when the speakers do not
 * disagree: one report may not resolve the speaker, or give it as an office of its own.
 * The pieces of one quotation (`“…,” she said. “…”`: parts 1, 2, …) are one statement, compared with
 * others by the words of all its pieces.
 */
import { stableId } from "../ids.ts"
import { UnionFind } from "./unionFind.ts"
import { contentWords } from "./words.ts"

export interface StatementQuote {
  readonly quoteId: string
  readonly docId: string
  readonly storyId: string
  readonly speakerActorId: string | null
  /** The speaker's merged name: two reports' "Foreign Ministry", each its document's actor, are one speaker's words. */
  readonly speakerName?: string | null
  readonly text: string
  /** Shared by the pieces of one quotation in a document (and by nothing else). */
  readonly quotation: string
  /** Stable order of reports: publication date (undated last), then document, then offset. */
  readonly order: string
}

export interface StatementOptions {
  readonly overlap: number
  readonly minShared: number
}

export const DefaultStatementOptions: StatementOptions = { overlap: 0.6, minShared: 3 }

export interface StatementAssignment {
  readonly statementId: string
  /** `same-speaker-similar-content` or `same-words` when this quote was joined to another report, else null. */
  readonly mergedBy: string | null
}

export const sharedContent = (a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; overlap: number } => {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  const smaller = Math.min(a.size, b.size)
  return { shared, overlap: smaller === 0 ? 0 : shared / smaller }
}

export const groupStatements = (
  quotes: ReadonlyArray<StatementQuote>,
  options: StatementOptions = DefaultStatementOptions
): Map<string, StatementAssignment> => {
  const sets = new UnionFind(quotes.length)
  // The pieces of a quotation: one statement, represented by its first piece with all its words.
  const firstPiece = new Map<string, number>()
  const words = quotes.map(() => new Set<string>())
  quotes.forEach((q, i) => {
    const first = firstPiece.get(q.quotation)
    if (first === undefined) firstPiece.set(q.quotation, i)
    else sets.union(first, i)
    for (const w of contentWords(q.text)) words[first ?? i].add(w)
  })
  const joined = new Set<number>()
  // Blocking: only quotes of one speaker within one story are ever compared.
  const blocks = new Map<string, Array<number>>()
  quotes.forEach((q, i) => {
    if (q.speakerActorId === null || firstPiece.get(q.quotation) !== i) return
    const key = `${q.storyId}\u241f${q.speakerActorId}`
    const list = blocks.get(key)
    if (list === undefined) blocks.set(key, [i])
    else list.push(i)
  })
  for (const block of blocks.values()) {
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const i = block[x]
        const j = block[y]
        const { overlap, shared } = sharedContent(words[i], words[j])
        if (shared >= options.minShared && overlap >= options.overlap) {
          sets.union(i, j)
          joined.add(i)
          joined.add(j)
        }
      }
    }
  }
  // Only a quotation's first piece carries words (all of its pieces'), so only it is compared here too.
  const sameWords = joinSameWords(quotes, words, sets)
  const out = new Map<string, StatementAssignment>()
  for (const members of sets.groups().values()) {
    const first = members.reduce((best, i) => (quotes[i].order < quotes[best].order ? i : best))
    const statementId = stableId("statement", quotes[first].quoteId)
    for (const i of members) {
      const representative = firstPiece.get(quotes[i].quotation)!
      const mergedBy = joined.has(representative) ? "same-speaker-similar-content" : sameWords.has(representative) ? "same-words" : null
      out.set(quotes[i].quoteId, { statementId, mergedBy })
    }
  }
  return out
}

/** Shares of content words two quotes must have in common, and how many, to be the same quoted words. */
const SameWords = { overlap: 0.9, minShared: 5 } as const

/**
 * The same quoted words in one story are one statement even when the speakers were not resolved to one
 * actor: one report may leave the speaker unresolved, or two reports each give "the Foreign Ministry",
 * an office that is each report's own actor. Speakers that are known and differ (by name) never join.
 * Returns the quotes it joined to another.
 */
const joinSameWords = (quotes: ReadonlyArray<StatementQuote>, words: ReadonlyArray<ReadonlySet<string>>, sets: UnionFind): Set<number> => {
  const joined = new Set<number>()
  const byStory = new Map<string, Array<number>>()
  quotes.forEach((q, i) => {
    if (words[i].size < SameWords.minShared) return
    const list = byStory.get(q.storyId)
    if (list === undefined) byStory.set(q.storyId, [i])
    else list.push(i)
  })
  const speakerOf = (q: StatementQuote) => (q.speakerActorId === null ? null : (q.speakerName ?? q.speakerActorId).toLowerCase())
  for (const block of byStory.values()) {
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const i = block[x]
        const j = block[y]
        if (quotes[i].docId === quotes[j].docId) continue
        const a = speakerOf(quotes[i])
        const b = speakerOf(quotes[j])
        if (a !== null && b !== null && a !== b) continue
        const { overlap, shared } = sharedContent(words[i], words[j])
        if (shared >= SameWords.minShared && overlap >= SameWords.overlap && sets.find(i) !== sets.find(j)) {
          sets.union(i, j)
          joined.add(i)
          joined.add(j)
        }
      }
    }
  }
  return joined
}
