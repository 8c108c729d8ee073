/**
 * Stories: documents that report the same story share a `story_id`.
 *
 * Each document becomes a TF-IDF vector of what it says (content words, the actors it names, the dates
 * it gives), weighed by the corpus's document frequencies, or by the frequencies an archive keeps fixed
 * (`StoryWeights`). Candidate pairs come from an inverted index over the *rarer* features only (a feature in
 * more than `maxPostings` documents is too common to suggest a story), so the work grows with the corpus,
 * not with its square. Pairs published too far apart are never joined. Pairs are then merged strongest
 * first, and two groups join only while their centroids stay similar (a centroid test, not single
 * links, so a chain of loosely related reports does not snowball into one story — the usual failure on
 * "another earthquake" or "another rehab" stories). Two established groups whose reports each have
 * an actor that matters to them (headline, lede, events) and to none of the other group's reports are
 * two stories with different participants, and stay apart. A report left alone after all this, or a
 * group of two or three that link only to each other, joins the larger story nearest to it, when near
 * enough and one of its people is the story's (or, naming no one, nearer still): short reports share too few
 * words with any one report.
 *
 * Near-copies of one report (wire copies, republished text) are recognised by a very high similarity
 * and point at the earliest copy.
 */
import type { Bag } from "./vectors.ts"
import { inverseDocumentFrequency } from "./vectors.ts"
import { UnionFind } from "./unionFind.ts"
import { Heap } from "./heap.ts"
import { stableId } from "../ids.ts"

export interface StoryDocument {
  readonly docId: string
  /** YYYY-MM-DD or null. */
  readonly published: string | null
  /** What the document says, as counted features. */
  readonly features: Bag
  /**
   * The actors that matter to the report (`actor:…` features: named in its headline or lede, taking
   * part in its events, or named more than once): only these make a group's own participants in the
   * different-participants test. Absent: every actor it names.
   */
  readonly salientActors?: ReadonlyArray<string>
  /**
   * The people among them: a lone report joins a story only when one of its reports names one of
   * these. Absent: no such test.
   */
  readonly participants?: ReadonlyArray<string>
}

export interface StoryOptions {
  /** Minimum cosine for two documents (or two groups' centroids) to be one story. */
  readonly sameStory: number
  /** Cosine above which two documents are copies of one report. */
  readonly nearDuplicate: number
  /** Candidate neighbours kept per document. */
  readonly neighbours: number
  /** Features in more documents than this do not propose candidates (they still count in the cosine). */
  readonly maxPostings: number
  /** A document's highest-weighted features that look for candidates. */
  readonly queryFeatures: number
  /** Dated documents further apart than this are never one story. */
  readonly windowDays: number
  /** IDF exponent: above 1 favours rare features (names, places, figures) over the topic's vocabulary. */
  readonly idfPower: number
  /** Groups of at least this many documents are tested for conflicting participants before they join. */
  readonly conflictMinSize: number
  /** An actor named by at least this share of one group's documents and by none of the other's is its own. */
  readonly conflictShare: number
  /**
   * A report left alone (linked to no other at `sameStory`) joins the story nearest to it when its
   * mean cosine with that story's reports reaches this.
   */
  readonly loneStory: number
  /**
   * Groups of at most this many reports left after the agglomeration are fragments of a story, as a
   * lone report is: each may join a larger story nearest to it in the same way.
   */
  readonly smallStory: number
  /**
   * The mean cosine such a report or group needs when it names no person, so that no shared person can
   * be asked of it: higher, since words alone join reports of one theme too.
   */
  readonly loneStoryWithoutPerson: number
}

export const DefaultStoryOptions: StoryOptions = {
  sameStory: 0.15,
  nearDuplicate: 0.9,
  neighbours: 30,
  maxPostings: 100,
  queryFeatures: 40,
  windowDays: 14,
  idfPower: 2,
  conflictMinSize: 5,
  conflictShare: 0.5,
  loneStory: 0.08,
  smallStory: 3,
  loneStoryWithoutPerson: 0.12
}

export interface StoryLink {
  readonly rule: "near-duplicate" | "content-similarity" | "nearest-story"
  readonly otherDocId: string
  readonly score: number
}

export interface StoryAssignment {
  readonly storyId: string
  /** The earliest near-copy of this document, or null. */
  readonly nearDuplicateOf: string | null
  /** The links that joined this document to others of its story. */
  readonly links: ReadonlyArray<StoryLink>
}

const dayNumber = (date: string | null): number | null => {
  if (date === null) return null
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000)
}

interface Edge {
  readonly a: number
  readonly b: number
  readonly score: number
}

/** A TF-IDF vector over interned feature numbers, ascending, L2-normalised. */
interface SparseVector {
  readonly ids: Int32Array
  readonly weights: Float64Array
}

const sparseDot = (a: SparseVector, b: SparseVector): number => {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]
    const y = b.ids[j]
    if (x === y) sum += a.weights[i++] * b.weights[j++]
    else if (x < y) i++
    else j++
  }
  return sum
}

/**
 * The corpus-level part of the story vectors: in how many documents each feature appears, out of how
 * many. Counted over the documents being grouped, unless an archive keeps them fixed (see
 * `extendStoryWeights`), so that an article added later moves no other report's vector.
 */
export interface StoryWeights {
  readonly documents: number
  readonly frequencies: ReadonlyMap<string, number>
}

const countFrequencies = (docs: ReadonlyArray<StoryDocument>, keep: (feature: string) => boolean = () => true): Map<string, number> => {
  const df = new Map<string, number>()
  for (const d of docs) for (const [f, tf] of d.features) if (tf > 0 && keep(f)) df.set(f, (df.get(f) ?? 0) + 1)
  return df
}

/** The weights of `docs` themselves: what `groupStories` uses when given none. */
export const countStoryWeights = (docs: ReadonlyArray<StoryDocument>): StoryWeights => ({
  documents: docs.length,
  frequencies: countFrequencies(docs)
})

/**
 * Kept weights, plus the features none of their documents had, counted over `docs` (only documents
 * added since can have them). The kept frequencies and document count do not change, so every
 * document that was there when they were counted keeps its vector; the added features are fixed from
 * then on in the same way. Returns the added features on their own, for the store.
 */
export const extendStoryWeights = (
  kept: StoryWeights,
  docs: ReadonlyArray<StoryDocument>
): { readonly weights: StoryWeights; readonly added: ReadonlyMap<string, number> } => {
  const added = countFrequencies(docs, (f) => !kept.frequencies.has(f))
  if (added.size === 0) return { weights: kept, added }
  const frequencies = new Map(kept.frequencies)
  for (const [f, df] of added) frequencies.set(f, df)
  return { weights: { documents: kept.documents, frequencies }, added }
}

const vectorize = (docs: ReadonlyArray<StoryDocument>, idfPower: number, weights?: StoryWeights): Array<SparseVector> => {
  const numbers = new Map<string, number>()
  const df: Array<number> = []
  const interned = docs.map((d) => {
    const entries: Array<[number, number]> = []
    for (const [f, tf] of d.features) {
      if (tf <= 0) continue
      let id = numbers.get(f)
      if (id === undefined) {
        id = df.length
        numbers.set(f, id)
        df.push(0)
      }
      df[id]++
      entries.push([id, tf])
    }
    return entries.sort((x, y) => x[0] - y[0])
  })
  let n = docs.length
  if (weights !== undefined) {
    n = weights.documents
    for (const [f, id] of numbers) df[id] = weights.frequencies.get(f) ?? df[id]
  }
  return interned.map((entries) => {
    const vector = new Float64Array(entries.length)
    let norm = 0
    entries.forEach(([id, tf], k) => {
      const w = (1 + Math.log(tf)) * inverseDocumentFrequency(df[id], n) ** idfPower
      vector[k] = w
      norm += w * w
    })
    norm = Math.sqrt(norm) || 1
    for (let k = 0; k < vector.length; k++) vector[k] /= norm
    return { ids: Int32Array.from(entries.map((e) => e[0])), weights: vector }
  })
}

/**
 * Candidate pairs through the inverted index of rarer features, scored by full cosine: those that may
 * join two reports (`sameStory`) or a lone report to its nearest story (`loneStory`).
 */
const candidateEdges = (vectors: ReadonlyArray<SparseVector>, days: ReadonlyArray<number | null>, options: StoryOptions): Array<Edge> => {
  const n = vectors.length
  const postingDocs = new Map<number, Array<number>>()
  const postingWeights = new Map<number, Array<number>>()
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.ids.length; k++) {
      const f = v.ids[k]
      const docs = postingDocs.get(f)
      if (docs === undefined) {
        postingDocs.set(f, [i])
        postingWeights.set(f, [v.weights[k]])
      } else {
        docs.push(i)
        postingWeights.get(f)!.push(v.weights[k])
      }
    }
  })
  const edges: Array<Edge> = []
  const partial = new Float64Array(n)
  const touched: Array<number> = []
  const pairs = new Set<number>()
  for (let i = 0; i < n; i++) {
    const v = vectors[i]
    // Only a document's most telling features look for neighbours: enough to find its story, and the
    // cost per document stays bounded (queryFeatures × maxPostings) however large the corpus grows.
    const order = [...v.ids.keys()].sort((x, y) => v.weights[y] - v.weights[x] || v.ids[x] - v.ids[y]).slice(0, options.queryFeatures)
    for (const k of order) {
      const docs = postingDocs.get(v.ids[k])!
      if (docs.length > options.maxPostings) continue
      const weights = postingWeights.get(v.ids[k])!
      for (let p = 0; p < docs.length; p++) {
        const j = docs[p]
        if (j === i) continue
        if (partial[j] === 0) touched.push(j)
        partial[j] += v.weights[k] * weights[p]
      }
    }
    const best = touched.sort((x, y) => partial[y] - partial[x] || x - y).slice(0, options.neighbours)
    for (const j of best) {
      const a = Math.min(i, j)
      const b = Math.max(i, j)
      const key = a * n + b
      if (pairs.has(key)) continue
      pairs.add(key)
      const di = days[i]
      const dj = days[j]
      if (di !== null && dj !== null && Math.abs(di - dj) > options.windowDays) continue
      const score = sparseDot(vectors[i], vectors[j])
      if (score >= Math.min(options.sameStory, options.loneStory)) edges.push({ a, b, score })
    }
    for (const j of touched) partial[j] = 0
    touched.length = 0
  }
  return edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
}

/** The earliest document by publication date (undated last), then by id: a stable representative. */
const earliest = (docs: ReadonlyArray<StoryDocument>, members: ReadonlyArray<number>): number =>
  members.reduce((best, i) => {
    const a = docs[i]
    const b = docs[best]
    const pa = a.published ?? "\uffff"
    const pb = b.published ?? "\uffff"
    return pa < pb || (pa === pb && a.docId < b.docId) ? i : best
  })

/** `weights`: the archive's fixed weights (see `extendStoryWeights`); absent, those of `docs`. */
export const groupStories = (
  docs: ReadonlyArray<StoryDocument>,
  options: StoryOptions = DefaultStoryOptions,
  weights?: StoryWeights
): Map<string, StoryAssignment> => {
  const n = docs.length
  const vectors = vectorize(docs, options.idfPower, weights)
  const days = docs.map((d) => dayNumber(d.published))
  const near = candidateEdges(vectors, days, options)
  const edges = near.filter((edge) => edge.score >= options.sameStory)

  const stories = new UnionFind(n)
  const copies = new UnionFind(n)
  // Each group's sum of unit vectors; a one-document group has none stored and uses its vector.
  const centroids = new Map<number, Map<number, number>>()
  const centroidOf = (root: number): Map<number, number> => {
    let c = centroids.get(root)
    if (c === undefined) {
      const v = vectors[root]
      c = new Map<number, number>()
      for (let k = 0; k < v.ids.length; k++) c.set(v.ids[k], v.weights[k])
      centroids.set(root, c)
    }
    return c
  }
  const sizes = new Map<number, number>()
  const sizeOf = (root: number) => sizes.get(root) ?? 1
  /** Mean cosine over all cross pairs: the sums of unit vectors make it one sparse dot product. */
  const averageLink = (ra: number, rb: number) => {
    const ca = centroidOf(ra)
    const cb = centroidOf(rb)
    const [small, large] = ca.size <= cb.size ? [ca, cb] : [cb, ca]
    let sum = 0
    for (const [f, w] of small) {
      const other = large.get(f)
      if (other !== undefined) sum += w * other
    }
    return sum / (sizeOf(ra) * sizeOf(rb))
  }
  // Per group: to how many of its documents each actor matters (named in the headline or lede, taking
  // part in an event, named more than once).
  const actorCounts = new Map<number, Map<string, number>>()
  const actorCountsOf = (root: number): Map<string, number> => {
    let counts = actorCounts.get(root)
    if (counts === undefined) {
      const salient = docs[root].salientActors ?? [...docs[root].features.keys()].filter((f) => f.startsWith("actor:"))
      counts = new Map(salient.map((f) => [f, 1]))
      actorCounts.set(root, counts)
    }
    return counts
  }
  /**
   * An actor that matters to most of one group's reports and to none of the other's: "Klitschko beats
   * Rahman" vs "Klitschko beats Thompson" (a report of the Thompson fight may recall Rahman in
   * passing). A name mentioned once in passing is no participant, so it never keeps two halves of one
   * story apart.
   */
  const ownActor = (ra: number, rb: number) => {
    const a = actorCountsOf(ra)
    const b = actorCountsOf(rb)
    for (const [actor, n] of a) if (n >= options.conflictShare * sizeOf(ra) && !b.has(actor)) return true
    return false
  }
  const conflicting = (ra: number, rb: number) =>
    sizeOf(ra) >= options.conflictMinSize && sizeOf(rb) >= options.conflictMinSize && ownActor(ra, rb) && ownActor(rb, ra)
  const join = (ra: number, rb: number): number => {
    const countsA = actorCountsOf(ra)
    const countsB = actorCountsOf(rb)
    const ca = centroidOf(ra)
    const cb = centroidOf(rb)
    const root = stories.union(ra, rb)
    const [more, fewer] = countsA.size >= countsB.size ? [countsA, countsB] : [countsB, countsA]
    for (const [actor, n] of fewer) more.set(actor, (more.get(actor) ?? 0) + n)
    actorCounts.delete(ra)
    actorCounts.delete(rb)
    actorCounts.set(root, more)
    const [big, small] = ca.size >= cb.size ? [ca, cb] : [cb, ca]
    for (const [f, w] of small) big.set(f, (big.get(f) ?? 0) + w)
    centroids.delete(ra)
    centroids.delete(rb)
    centroids.set(root, big)
    const size = sizeOf(ra) + sizeOf(rb)
    sizes.delete(ra)
    sizes.delete(rb)
    sizes.set(root, size)
    return root
  }

  // Copies of one report first: they always share a story, whatever the rest of the story says.
  for (const edge of edges) {
    if (edge.score < options.nearDuplicate) break
    copies.union(edge.a, edge.b)
    const ra = stories.find(edge.a)
    const rb = stories.find(edge.b)
    if (ra !== rb) join(ra, rb)
  }

  // Average-linkage agglomeration over the candidate graph: always merge the two adjacent groups
  // whose documents are, on average, most alike, until no adjacent pair reaches `sameStory`.
  const adjacent = new Map<number, Set<number>>()
  const adjacentOf = (root: number) => adjacent.get(root) ?? adjacent.set(root, new Set()).get(root)!
  for (const edge of edges) {
    const ra = stories.find(edge.a)
    const rb = stories.find(edge.b)
    if (ra === rb) continue
    adjacentOf(ra).add(rb)
    adjacentOf(rb).add(ra)
  }
  const version = new Map<number, number>()
  const versionOf = (root: number) => version.get(root) ?? 0
  interface Candidate {
    readonly score: number
    readonly a: number
    readonly b: number
    readonly va: number
    readonly vb: number
  }
  const queue = new Heap<Candidate>((x, y) => x.score > y.score || (x.score === y.score && (x.a < y.a || (x.a === y.a && x.b < y.b))))
  const propose = (ra: number, rb: number) => {
    const [a, b] = ra < rb ? [ra, rb] : [rb, ra]
    const score = averageLink(a, b)
    if (score >= options.sameStory && !conflicting(a, b)) queue.push({ score, a, b, va: versionOf(a), vb: versionOf(b) })
  }
  for (const [ra, others] of adjacent) for (const rb of others) if (ra < rb) propose(ra, rb)
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const { a, b } = next
    if (stories.find(a) !== a || stories.find(b) !== b || versionOf(a) !== next.va || versionOf(b) !== next.vb) continue
    const others = new Set([...adjacentOf(a), ...adjacentOf(b)].map((r) => stories.find(r)))
    adjacent.delete(a)
    adjacent.delete(b)
    const root = join(a, b)
    others.delete(root)
    version.set(root, Math.max(versionOf(a), versionOf(b)) + 1)
    adjacent.set(root, others)
    for (const other of others) {
      const back = adjacentOf(other)
      back.delete(a)
      back.delete(b)
      back.add(root)
      propose(root, other)
    }
  }

  // Reports left alone, or in a small group: short reports, or ones told in other words, share too
  // little with any single report of their story to link at `sameStory`, yet their nearest story is
  // nearly always theirs. A group of at most `smallStory` reports (a lone report, or two or three that
  // link only to each other) joins the larger story, as the agglomeration left it, whose reports are,
  // on average, most like its own, when that mean reaches `loneStory`. All are decided on the same
  // groups, so the order does not matter.
  const nearby: Array<Array<Edge>> = docs.map(() => [])
  for (const edge of near) {
    nearby[edge.a].push(edge)
    nearby[edge.b].push(edge)
  }
  // A participant (a person that matters to one of the small group's reports) named by the story too:
  // reports of one theme ("Japan's economy", "US jobs") share words, a country and institutions, not
  // their people.
  const members = stories.groups()
  const membersOf = (root: number) => members.get(root) ?? [root]
  // A person a report names by the surname alone ("Reid") is the story's when one of its reports gives
  // the full name ("Tara Reid"): each report's names of two words or more, as their surnames.
  const surnames = new Map<number, ReadonlySet<string>>()
  const surnamesOf = (j: number): ReadonlySet<string> => {
    let known = surnames.get(j)
    if (known === undefined) {
      known = new Set([...docs[j].features.keys()].flatMap((f) => (f.startsWith("actor:") && f.includes(" ") ? [`actor:${f.slice(f.lastIndexOf(" ") + 1)}`] : [])))
      surnames.set(j, known)
    }
    return known
  }
  const sharesParticipant = (lone: number, root: number): boolean => {
    const own = membersOf(lone).flatMap((i) => docs[i].participants ?? [])
    if (membersOf(lone).every((i) => docs[i].participants === undefined)) return true
    return membersOf(root).some((j) => own.some((a) => docs[j].features.has(a) || surnamesOf(j).has(a)))
  }
  const loneJoins: Array<{ readonly lone: number; readonly root: number; readonly via: Edge }> = []
  for (const [lone, group] of members) {
    if (group.length > options.smallStory) continue
    // A report that names no person (a short wire item: "One man is dead after an ex-employee opened
    // fire…") has no one to share: it joins on its words alone, when they are nearer.
    const personless = group.some((i) => docs[i].participants !== undefined) && group.every((i) => (docs[i].participants ?? []).length === 0)
    let best: { root: number; score: number; via: Edge } | null = null
    for (const i of group) {
      for (const edge of nearby[i]) {
        const root = stories.find(edge.a === i ? edge.b : edge.a)
        // A larger story, not another lone report or a group of the same size: two loners sharing a
        // topic's words are as often two stories ("another earthquake") as one.
        if (root === lone || sizeOf(root) <= group.length || (!personless && !sharesParticipant(lone, root))) continue
        const score = averageLink(lone, root)
        if (best === null || score > best.score || (score === best.score && root < best.root)) best = { root, score, via: edge }
        else if (root === best.root && edge.score > best.via.score) best.via = edge
      }
    }
    if (best !== null && best.score >= (personless ? options.loneStoryWithoutPerson : options.loneStory)) loneJoins.push({ lone, root: best.root, via: best.via })
  }
  for (const { lone, root } of loneJoins) {
    const ra = stories.find(lone)
    const rb = stories.find(root)
    if (ra !== rb) join(ra, rb)
  }

  // Evidence: each document's strongest links to others of its story.
  const links: Array<Array<StoryLink>> = docs.map(() => [])
  const addLink = (edge: Edge, rule: StoryLink["rule"]) => {
    if (links[edge.a].length < MaxLinks) links[edge.a].push({ rule, otherDocId: docs[edge.b].docId, score: round(edge.score) })
    if (links[edge.b].length < MaxLinks) links[edge.b].push({ rule, otherDocId: docs[edge.a].docId, score: round(edge.score) })
  }
  for (const edge of edges) {
    if (stories.find(edge.a) !== stories.find(edge.b)) continue
    addLink(edge, edge.score >= options.nearDuplicate ? "near-duplicate" : "content-similarity")
  }
  for (const { via } of loneJoins) if (via.score < options.sameStory) addLink(via, "nearest-story")

  const out = new Map<string, StoryAssignment>()
  const copyOf = new Map<number, number>()
  for (const members of copies.groups().values()) {
    const first = earliest(docs, members)
    for (const i of members) copyOf.set(i, first)
  }
  for (const members of stories.groups().values()) {
    const storyId = stableId("story", docs[earliest(docs, members)].docId)
    for (const i of members) {
      const original = copyOf.get(i)!
      out.set(docs[i].docId, {
        storyId,
        nearDuplicateOf: original === i ? null : docs[original].docId,
        links: links[i]
      })
    }
  }
  return out
}

/** Links kept per document as evidence. */
const MaxLinks = 3

const round = (x: number): number => Math.round(x * 1000) / 1000
