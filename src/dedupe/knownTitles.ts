/**
 * Speakers named by a title the article itself never gives them. "Tony Blair has backed Gordon Brown
 * … In a speech in Edinburgh, the prime minister said …": the article names Tony Blair but never
 * calls him prime minister, so the quote stays unresolved in its document. Across the corpus his
 * reports call him that most often, so once actors are merged the phrase "the prime minister" finds
 * him: the one person the document names before the quote whose merged title is that title.
 */
import type { DocumentFacts, QuoteMention } from "../model/extraction.ts"
import type { ActorResolution, MergedActor } from "./actors.ts"
import { weightedMode } from "./actors.ts"

/** The title a merged actor's reports give it most (weighted by mentions), normalised; null if none. */
export const mergedTitle = (actor: MergedActor): string | null =>
  weightedMode(actor.members.map((m) => [m.actor.titleNormalized, Math.max(1, m.nMentions)] as const))

/** "the prime minister" → "prime minister"; null for a phrase that is not "the" and a title's words. */
const titleOfPhrase = (phrase: string): string | null => {
  const match = /^the ([\p{Ll} -]+)$/iu.exec(phrase.trim())
  return match === null ? null : match[1].toLowerCase().replace(/\s+/g, " ")
}

/**
 * For quotes left without a speaker actor whose speaker phrase is "the <title>": the quote and the
 * one merged person named earlier in its document whose merged title is that title.
 */
export const speakersByKnownTitle = (
  extractions: ReadonlyArray<DocumentFacts>,
  resolution: ActorResolution
): ReadonlyMap<QuoteMention, string> => {
  const titleOf = new Map(resolution.actors.filter((a) => a.kind === "person").map((a) => [a.actorId, mergedTitle(a)]))
  const found = new Map<QuoteMention, string>()
  for (const x of extractions) {
    for (const q of x.quotes) {
      if (q.speakerKey !== null || q.speakerText === null || q.speakerStart === null) continue
      const title = titleOfPhrase(q.speakerText)
      if (title === null) continue
      const holders = new Set<string>()
      for (const m of x.actorMentions) {
        if (m.start >= q.speakerStart) continue
        const actorId = resolution.actorIdOf(x.docId, m.actorKey)
        if (actorId !== undefined && titleOf.get(actorId) === title) holders.add(actorId)
      }
      if (holders.size === 1) found.set(q, [...holders][0])
    }
  }
  return found
}
