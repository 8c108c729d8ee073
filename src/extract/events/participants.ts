/**
 * Who takes part in an event and where it happens, read from the actor mentions of its clause.
 * Mentions are first reduced to the ones that can act: a country inside a group ("Chinese officials")
 * stands for the group, an affiliation before a person ("US President Donald Trump") belongs to the
 * person, and a place after "in"/"at" is the event's location, not a participant. Roles then follow
 * the trigger's form: active verb (subject → source, object → target), passive verb ("by" → source),
 * noun (possessor or modifier → source; "with/on/against/to" → target; "between" → both), and a noun
 * without arguments of its own takes those of its clause.
 */
import type { Token } from "../../model/document.ts"
import { partitionPoint } from "../../model/span.ts"
import type { ActorMention, LocalActor } from "../../model/extraction.ts"
import type { Clause } from "./clauses.ts"

export interface Participant {
  readonly key: string
  readonly start: number
  readonly end: number
  /** The mention is a pronoun resolved to the actor ("he", "they"). */
  readonly pronoun?: boolean
  /** The mention is a group noun ("officials", "protesters"). */
  readonly group?: boolean
  /** The mention names a person. */
  readonly person?: boolean
}

export interface ClauseActors {
  readonly participants: ReadonlyArray<Participant>
  readonly locations: ReadonlyArray<Participant>
}

export interface EventRoles {
  readonly actorKeys: ReadonlyArray<string>
  readonly sourceKeys: ReadonlyArray<string>
  readonly targetKeys: ReadonlyArray<string>
  readonly rule: string
}

const LOCATIVE = /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i
const CAN_ACT = new Set(["person", "organization", "country", "group"])

/**
 * The mentions that can take part in events, and the places events happen, with nested and
 * affiliation mentions resolved.
 */
export const actingMentions = (
  text: string,
  tokens: ReadonlyArray<Token>,
  mentions: ReadonlyArray<ActorMention>
): { participants: Array<Participant>; locations: Array<Participant> } => {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)
  const dropped = new Set<ActorMention>()
  // Sorted by start, longest first: a mention nested in another comes after it and starts before its
  // end, so only those are looked at (not every pair).
  for (const [i, outer] of sorted.entries()) {
    for (let j = i + 1; j < sorted.length && sorted[j].start < outer.end; j++) {
      const inner = sorted[j]
      if (inner.end > outer.end || (inner.start === outer.start && inner.end === outer.end)) continue
      // "Chinese officials": the country acts; "British government": the organisation does.
      if (outer.kind === "group" && inner.kind === "country") dropped.add(outer)
      else dropped.add(inner)
    }
  }
  const kept = sorted.filter((m) => !dropped.has(m))
  const participants: Array<Participant> = []
  const locations: Array<Participant> = []
  kept.forEach((m, i) => {
    const next = kept[i + 1]
    const gap = next === undefined ? "" : text.slice(m.end, next.start)
    // "US President Donald Trump", "White House press secretary Karoline Leavitt": an affiliation, not a second actor.
    if (next !== undefined && next.kind === "person" && m.kind !== "person" && isTitleGap(text, tokens, m.end, next.start)) return
    // After "in"/"at" anything but a person is a place ("in China", "at Lancaster House", "in the White House").
    // A possessor is not the place: "at the Iraqi government's request", "in China's interest".
    const possessor = /['’]s?$/.test(text.slice(m.start, m.end)) || /^['’]s?\b/.test(text.slice(m.end, m.end + 2))
    if (m.kind !== "person" && m.kind !== "group" && !possessor) {
      if (LOCATIVE.test(text.slice(Math.max(0, m.start - 12), m.start))) return void locations.push({ key: m.actorKey, start: m.start, end: m.end })
    }
    if (CAN_ACT.has(m.kind)) participants.push({ key: m.actorKey, start: m.start, end: m.end, pronoun: m.role === "pronoun", group: m.kind === "group", person: m.kind === "person" })
  })
  return { participants, locations }
}

/** Between an affiliation and a person only title words stand: no verb, no conjunction, no punctuation. */
const isTitleGap = (text: string, tokens: ReadonlyArray<Token>, start: number, end: number) => {
  const gap = text.slice(start, end)
  if (!/^(?:\s+[\p{L}.-]+){1,4}\s+$/u.test(gap) || /\b(?:and|or|with|to|by|of|from)\b/i.test(gap) || /[.!?]\s/.test(gap)) return false
  // Tokens are in text order: only those from `start` on are looked at (a scan of them all per pair of
  // mentions cost the square of the document's length).
  for (let i = firstTokenFrom(tokens, start); i < tokens.length && tokens[i].start < end; i++) {
    if (tokens[i].end <= end && tokens[i].tags.includes("Verb")) return false
  }
  return true
}

/** The participants (sorted by start) lying within [start, end), in order, found by binary search. */
export const participantsWithin = (sorted: ReadonlyArray<Participant>, start: number, end: number): Array<Participant> => {
  const low = partitionPoint(sorted.length, (i) => sorted[i].start < start)
  const within: Array<Participant> = []
  for (let i = low; i < sorted.length && sorted[i].start < end; i++) if (sorted[i].end <= end) within.push(sorted[i])
  return within
}

/** Index of the first token starting at or after `offset` (binary search; tokens are in text order). */
const firstTokenFrom = (tokens: ReadonlyArray<Token>, offset: number): number =>
  partitionPoint(tokens.length, (i) => tokens[i].start < offset)

/** "the two countries", "both sides", "the country": plural and singular references to the countries named before. */
const COUNTRY_REFERENCE = /\b(?:(?:the\s+)?two(?:\s+[a-z]+)?\s+(?:countries|nations|economies|sides|superpowers|governments|powers)|both\s+(?:countries|nations|sides|economies|governments)|(?<single>the\s+country))\b/gi

/**
 * Participants that a phrase of `pattern` refers back to: for each match in the clause, the actors
 * `pick` chooses among the mentions before it (latest first); none when it finds too few.
 */
const referencesIn = (
  text: string,
  clause: Clause,
  pattern: RegExp,
  pick: (match: RegExpMatchArray, before: (m: ActorMention) => boolean) => ReadonlyArray<string>
): Array<Participant> =>
  [...text.slice(clause.start, clause.end).matchAll(pattern)].flatMap((match) => {
    const start = clause.start + match.index!
    const end = start + match[0].length
    return pick(match, (m) => m.end <= start).map((key) => ({ key, start, end }))
  })

/** The latest distinct actors mentioned before a reference that `fits` accepts, at most `wanted`, or none if fewer. */
const latestActors = (mentions: ReadonlyArray<ActorMention>, before: (m: ActorMention) => boolean, wanted: number, fits: (m: ActorMention) => string | null) => {
  const earlier: Array<string> = []
  for (let i = mentions.length - 1; i >= 0 && earlier.length < wanted; i--) {
    const key = before(mentions[i]) ? fits(mentions[i]) : null
    if (key !== null && !earlier.includes(key)) earlier.push(key)
  }
  return earlier.length === wanted ? earlier : []
}

export const countryReferences = (
  text: string,
  clause: Clause,
  mentions: ReadonlyArray<ActorMention>,
  actors: ReadonlyMap<string, LocalActor>
): Array<Participant> =>
  referencesIn(text, clause, COUNTRY_REFERENCE, (match, before) =>
    latestActors(mentions, before, match.groups?.single !== undefined ? 1 : 2, (m) => (actors.get(m.actorKey)?.kind === "country" ? m.actorKey : null)))

/** "the two presidents", "both leaders": the last two people named before who hold such a title. */
const PERSON_REFERENCE = /\b(?:the\s+two|both)\s+(?<office>presidents|leaders|ministers|prime ministers|heads of state)\b/gi

export const personReferences = (
  text: string,
  clause: Clause,
  mentions: ReadonlyArray<ActorMention>,
  actors: ReadonlyMap<string, LocalActor>
): Array<Participant> =>
  referencesIn(text, clause, PERSON_REFERENCE, (match, before) => {
    const office = match.groups!.office.toLowerCase().replace(/s$/, "").replace(/s of state$/, " of state")
    return latestActors(mentions, before, 2, (m) => {
      const actor = actors.get(m.actorKey)
      if (actor?.kind !== "person") return null
      const title = (actor.title ?? m.title ?? "").toLowerCase()
      return (office === "leader" ? title !== "" : title.includes(office)) ? actor.key : null
    })
  })

const isTagged = (token: Token, tag: string) => token.tags.includes(tag)
const unique = (keys: ReadonlyArray<string>) => [...new Set(keys)]

/** Prepositions that introduce a noun trigger's arguments, and the role they give. */
const NOUN_ARGUMENT: Record<string, "source" | "target" | "both"> = { between: "both", among: "both", with: "target", by: "source", on: "target", against: "target", to: "target", from: "source", of: "target" }

export const rolesFor = (
  tokens: ReadonlyArray<Token>,
  clause: Clause,
  trigger: { first: number; last: number; noun: boolean; start: number; end: number },
  participants: ReadonlyArray<Participant>
): EventRoles => {
  // A fronted phrase ("After the phone call between the two presidents last week, China called…") holds no participant of the main event.
  const frontEnd = frontedPhraseEnd(tokens, clause, trigger.first)
  const inClause = participants.filter((p) => p.start >= Math.max(clause.start, frontEnd) && p.end <= clause.end && (p.end <= trigger.start || p.start >= trigger.end))
  const before = inClause.filter((p) => p.end <= trigger.start)
  const after = inClause.filter((p) => p.start >= trigger.end)
  const keys = (ps: ReadonlyArray<Participant>) => unique(ps.map((p) => p.key))

  if (!trigger.noun) {
    const passive = isTagged(tokens[trigger.first], "Passive") ||
      (isTagged(tokens[trigger.first], "PastTense") || /(?:ed|en)$/.test(tokens[trigger.first].normal)) &&
        tokens.slice(Math.max(clause.firstToken, trigger.first - 3), trigger.first).some((t) => ["is", "are", "was", "were", "be", "been", "being", "get", "got"].includes(t.normal))
    if (passive) {
      const byStart = tokens.slice(trigger.last + 1, clause.endToken).find((t) => t.normal === "by")?.start
      const agents = byStart === undefined ? [] : after.filter((p) => p.start > byStart)
      return { actorKeys: keys([...before, ...after]), sourceKeys: keys(agents), targetKeys: keys(before), rule: "participants:passive-verb" }
    }
    // The object stands before the next main verb after the trigger ("congratulated Pelosi, saying …").
    const objectEnd = nextVerbStart(tokens, trigger.last + 1, clause.endToken) ?? clause.end
    const objects = after.filter((p) => p.end <= objectEnd)
    return { actorKeys: keys([...before, ...objects]), sourceKeys: keys(before), targetKeys: keys(objects), rule: "participants:active-verb" }
  }

  // A noun's own arguments: a possessor or modifier right before it, a prepositional phrase right after.
  const sources: Array<Participant> = []
  const targets: Array<Participant> = []
  const both: Array<Participant> = []
  const modifierZone = tokens[Math.max(clause.firstToken, trigger.first - 3)].start
  for (const p of before) if (p.start >= modifierZone && !/[,;:]/.test(textBetween(tokens, p.end, trigger.start))) sources.push(p)
  let preposition: "source" | "target" | "both" | null = null
  for (let i = trigger.last + 1; i < clause.endToken && i <= trigger.last + 12; i++) {
    const token = tokens[i]
    if (token.normal in NOUN_ARGUMENT) preposition = NOUN_ARGUMENT[token.normal]
    else if (isTagged(token, "Verb") && !isTagged(token, "Gerund")) break
    const here = after.filter((p) => p.start >= token.start && p.start < token.end + 1)
    if (preposition !== null) for (const p of here) (preposition === "source" ? sources : preposition === "target" ? targets : both).push(p)
    if (/[,;:–—]/.test(token.post)) break
  }
  // "Trump spoke on the phone with Xi", "X held talks with Y": the clause's subject acts through the noun.
  if (sources.length === 0 && both.length === 0 && targets.length > 0) sources.push(...before)
  if (sources.length + targets.length + both.length > 0) {
    const sourceKeys = keys(sources)
    return { actorKeys: keys([...sources, ...both, ...targets]), sourceKeys, targetKeys: keys(targets).filter((k) => !sourceKeys.includes(k)), rule: "participants:noun-arguments" }
  }
  return { actorKeys: keys([...before, ...after]), sourceKeys: keys(before), targetKeys: keys(after), rule: "participants:clause-of-noun" }
}

/** End of a clause-initial prepositional phrase closed by a comma, when the trigger comes after it (else the clause start). */
const frontedPhraseEnd = (tokens: ReadonlyArray<Token>, clause: Clause, triggerFirst: number): number => {
  if (!isTagged(tokens[clause.firstToken], "Preposition") && !["according", "following", "after", "before", "during", "despite"].includes(tokens[clause.firstToken].normal)) return clause.start
  for (let i = clause.firstToken; i < triggerFirst; i++) if (tokens[i].post.includes(",")) return tokens[i].end
  return clause.start
}

const AUXILIARY = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "not", "n't", "also", "reportedly", "allegedly"])
const isMainVerb = (token: Token) => isTagged(token, "Verb") && !isTagged(token, "Particle") && !isTagged(token, "Auxiliary") && !isTagged(token, "Modal") && !AUXILIARY.has(token.normal) && !isTagged(token, "Gerund") && !isTagged(token, "Adjective")

/** Start of the first main verb in [from, to), or null. */
const nextVerbStart = (tokens: ReadonlyArray<Token>, from: number, to: number): number | null => {
  for (let i = from; i < to; i++) if (isMainVerb(tokens[i])) return tokens[i].start
  return null
}

const textBetween = (tokens: ReadonlyArray<Token>, start: number, end: number) =>
  tokens.filter((t) => t.start >= start && t.end <= end).map((t) => `${t.pre}${t.text}${t.post}`).join("")
