/**
 * Keeps the ids analysts already cite. Dedupe names each cluster (actor, event, statement, story) by
 * its own rule; when articles are added a cluster may grow, merge or split, and a rule that names it by
 * its members could rename it. So each run records, per document, which cluster id each of its members
 * (a mention, a quote, the document itself — fixed by document and span) belonged to, and the next run
 * gives every cluster the id most of its already-known members had. A cluster split in two keeps the
 * id on its larger part; a new cluster keeps dedupe's id.
 */
import { stableId } from "../ids.ts"
import type { Dataset } from "../model/tables.ts"

/** Per document: `kind:member` → the cluster id it was published under. */
export type Citations = Readonly<Record<string, string>>

interface Membership {
  readonly docId: string
  readonly member: string
  readonly id: string
}

/** The clusters whose ids are kept, each by the table that lists its members. */
const clusterKinds: ReadonlyArray<{ readonly kind: string; readonly members: (d: Dataset) => ReadonlyArray<Membership> }> = [
  { kind: "actor", members: (d) => d.actor_mentions.map((m) => ({ docId: m.doc_id, member: m.mention_id, id: m.actor_id })) },
  { kind: "event", members: (d) => d.event_mentions.map((m) => ({ docId: m.doc_id, member: m.mention_id, id: m.event_id })) },
  { kind: "statement", members: (d) => d.quotes.map((q) => ({ docId: q.doc_id, member: q.quote_id, id: q.statement_id })) },
  { kind: "story", members: (d) => d.documents.flatMap((x) => (x.story_id === null ? [] : [{ docId: x.doc_id, member: x.doc_id, id: x.story_id }])) }
]

/** Old id for each of dedupe's new ids, where the cluster's known members agree on one. */
const carriedIds = (memberships: ReadonlyArray<Membership>, kind: string, cited: (docId: string) => Citations | undefined) => {
  const votes = new Map<string, Map<string, number>>()
  for (const { docId, member, id } of memberships) {
    const old = cited(docId)?.[`${kind}:${member}`]
    if (old === undefined) continue
    const forId = votes.get(id) ?? new Map<string, number>()
    forId.set(old, (forId.get(old) ?? 0) + 1)
    votes.set(id, forId)
  }
  const claims = [...votes].flatMap(([id, olds]) => [...olds].map(([old, n]) => ({ id, old, n })))
  claims.sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.old < b.old ? -1 : a.old > b.old ? 1 : 0))
  const oldFor = new Map<string, string>()
  const taken = new Set<string>()
  for (const { id, old } of claims) {
    if (oldFor.has(id) || taken.has(old)) continue
    oldFor.set(id, old)
    taken.add(old)
  }
  const renames = new Map<string, string>()
  for (const id of new Set(memberships.map((m) => m.id))) {
    const old = oldFor.get(id)
    if (old !== undefined && old !== id) renames.set(id, old)
    // A new cluster whose id another cluster now carries (that one split off from it) needs a fresh id.
    else if (old === undefined && taken.has(id)) renames.set(id, stableId(id.slice(0, id.indexOf("_")), id, "split"))
  }
  return renames
}

/** Replaces every id in `renames` wherever it appears: as a column value or inside a list column. */
const renameIds = (dataset: Dataset, renames: ReadonlyMap<string, string>): Dataset => {
  if (renames.size === 0) return dataset
  // A value, list or row that names no renamed id is kept as it is (most rows): only what changes is copied.
  const rename = (value: unknown): unknown => {
    if (typeof value === "string") return renames.get(value) ?? value
    if (!Array.isArray(value)) return value
    const renamed = value.map(rename)
    return renamed.some((v, k) => v !== value[k]) ? renamed : value
  }
  const renameRow = (row: Record<string, unknown>) => {
    let copy: Record<string, unknown> | undefined
    for (const column in row) {
      const value = row[column]
      const renamed = rename(value)
      if (renamed !== value) (copy ??= { ...row })[column] = renamed
    }
    return copy ?? row
  }
  return Object.fromEntries(Object.entries(dataset).map(([table, rows]) => [table, (rows as ReadonlyArray<Record<string, unknown>>).map(renameRow)])) as unknown as Dataset
}

/** Dedupe's dataset with the ids published before put back; `cited` gives a document's last citations. */
export const keepCitedIds = (dataset: Dataset, cited: (docId: string) => Citations | undefined): Dataset => {
  // Each document's citations are read once, not once per member (a read decodes the whole record).
  const read = new Map<string, Citations | undefined>()
  const citedOnce = (docId: string) => (read.has(docId) ? read.get(docId) : read.set(docId, cited(docId)).get(docId))
  const renames = new Map<string, string>()
  for (const { kind, members } of clusterKinds) {
    for (const [from, to] of carriedIds(members(dataset), kind, citedOnce)) renames.set(from, to)
  }
  return renameIds(dataset, renames)
}

/** The documents whose members carry cluster ids in `dataset`: whose citations `keepCitedIds` reads. */
export const citedDocuments = (dataset: Dataset): Set<string> => {
  const docIds = new Set<string>()
  for (const { members } of clusterKinds) for (const { docId } of members(dataset)) docIds.add(docId)
  return docIds
}

/** What each document's members are published under in `dataset`, to remember for the next run. */
export const citationsOf = (dataset: Dataset): Map<string, Record<string, string>> => {
  const byDocument = new Map<string, Record<string, string>>()
  for (const { kind, members } of clusterKinds) {
    for (const { docId, member, id } of members(dataset)) {
      const citations = byDocument.get(docId) ?? {}
      citations[`${kind}:${member}`] = id
      byDocument.set(docId, citations)
    }
  }
  return byDocument
}
