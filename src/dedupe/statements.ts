/**
 * Statements: reports of one statement (quoted in one article, paraphrased in another) share a
 * `statement_id`. Two quotes are one statement when the same speaker (the merged actor) says them in
 * the same story and their content words mostly coincide: most of the shorter quote's words are in
 * the longer one (`overlap`), and enough of them that a stock phrase does not count (`minShared`).
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
  /** `same-speaker-similar-content` when this quote was joined to another report, else null. */
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
  const out = new Map<string, StatementAssignment>()
  for (const members of sets.groups().values()) {
    const first = members.reduce((best, i) => (quotes[i].order < quotes[best].order ? i : best))
    const statementId = stableId("statement", quotes[first].quoteId)
    for (const i of members) {
      const representative = firstPiece.get(quotes[i].quotation)!
      out.set(quotes[i].quoteId, { statementId, mergedBy: joined.has(representative) ? "same-speaker-similar-content" : null })
    }
  }
  return out
}
