/**
 * Canonicalisation within one document: every mention gets the `key` of the real actor it names,
 * and each actor its canonical name, title, affiliation and gender.
 */
import { isGenerationalSuffix } from "../../dedupe/names.ts"
import type { ActorMention, LocalActor } from "../../model/extraction.ts"
import type { ActorKind } from "../../model/tables.ts"
import type { ExtractContext } from "../context.ts"
import type { ActorLexicon, Gender } from "./lexicon.ts"
import type { NameSpan } from "./recognize.ts"
import { attachTitle } from "./titles.ts"
import type { TitleFacts } from "./titles.ts"

type Role = ActorMention["role"]

interface Resolved {
  readonly span: NameSpan
  readonly key: string
  readonly kind: ActorKind
  readonly role: Role
  readonly canonical: string
  readonly rule: string
  readonly title?: TitleFacts
  readonly gender?: Gender
  readonly affiliation?: string | null
}

export const canonicalize = (lexicon: ActorLexicon, context: ExtractContext, spans: ReadonlyArray<NameSpan>) => {
  const consistent = harmonizeKinds(spans)
  // Full names of people, by their last word, so a later (or earlier) "Hassett" joins "Kevin Hassett".
  const bySurname = new Map<string, Array<NameSpan>>()
  for (const span of consistent) {
    if (span.kind !== "person" || span.last === span.first) continue
    const surname = surnameOf(span.text)
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), span])
  }
  const organizationsByInitials = new Map<string, NameSpan>()
  for (const span of consistent) {
    if (span.kind !== "organization" || span.last === span.first) continue
    const initials = span.text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("")
    if (initials.length >= 2) organizationsByInitials.set(initials, span)
  }

  const resolved: Array<Resolved> = []
  for (const span of consistent) {
    if (span.kind === "other") continue
    if (span.country !== undefined && span.kind === "country") {
      const role: Role = span.country.form === "demonym" ? "demonym" : span.country.form === "name" ? "name" : "alias"
      resolved.push({ span, key: `country:${span.country.country}`, kind: "country", role, canonical: span.country.country, rule: span.rule })
      continue
    }
    if (span.country !== undefined && span.kind === "place") {
      resolved.push({ span, key: `place:${span.country.surface}`, kind: "place", role: "name", canonical: span.country.surface, rule: span.rule })
      continue
    }
    if (span.organization !== undefined) {
      const role: Role = span.organization.name.toLowerCase() === span.text.toLowerCase() ? "name" : "alias"
      resolved.push({ span, key: `organization:${span.organization.name}`, kind: "organization", role, canonical: span.organization.name, rule: span.rule, affiliation: span.organization.affiliation })
      continue
    }
    const single = span.first === span.last
    const fullNames = single ? bySurname.get(span.text) : undefined
    if (fullNames !== undefined && (span.kind === "person" || span.confidence <= 1)) {
      const full = fullNameFor(fullNames)
      resolved.push({ span, key: `person:${full.text}`, kind: "person", role: "surname", canonical: full.text, rule: span.kind === "person" ? span.rule : "canonical:surname-of-person" })
      continue
    }
    const acronymOf = single && /^\p{Lu}{2,}$/u.test(span.text) ? organizationsByInitials.get(span.text) : undefined
    if (acronymOf !== undefined) {
      resolved.push({ span, key: `organization:${acronymOf.text}`, kind: "organization", role: "alias", canonical: acronymOf.text, rule: "canonical:acronym-of-organization" })
      continue
    }
    resolved.push({ span, key: `${span.kind}:${span.text}`, kind: span.kind, role: "name", canonical: span.text, rule: span.rule, ...(span.gender ? { gender: span.gender } : {}) })
  }

  const withTitles = resolved.map((r): Resolved => {
    if (r.kind !== "person") return r
    const first = context.tokens[r.span.first]
    const gender = r.gender ?? r.span.gender ?? (first.tags.includes("MaleName") ? "male" : first.tags.includes("FemaleName") ? "female" : undefined)
    const title = attachTitle(lexicon, context, r.span, spans)
    return { ...r, ...(title ? { title } : {}), ...(gender ? { gender } : {}) }
  })

  const mentions: Array<ActorMention> = withTitles.map((r) => ({
    actorKey: r.key,
    start: r.span.start,
    end: r.span.end,
    text: r.span.text,
    kind: r.kind,
    role: r.role,
    title: r.title?.title ?? null,
    rule: r.rule
  }))
  return { actors: buildActors(withTitles), mentions }
}

/** A full name's surname: its last word, before a generational suffix ("Arcade Joseph Comeaux Jr" → Comeaux). */
const surnameOf = (text: string): string => {
  const words = text.split(/\s+/).map((w) => w.replace(/,$/, ""))
  while (words.length > 2 && isGenerationalSuffix(words[words.length - 1])) words.pop()
  return words[words.length - 1]
}

/** The full name closest before the surname mention, else the first one after it. */
/**
 * The full name a lone surname stands for. Where the document names several people of that surname in
 * full ("Donald Trump", then "Trump's niece Mary Trump"), the one a writer goes on calling by surname
 * is the one the story is about, and the other is named in full again when meant (the AP Stylebook's
 * rule for people who share a surname): the name written in full most often, then the one written
 * first. The nearest full name before the surname would hand every later "Trump" to the niece.
 */
const fullNameFor = (candidates: ReadonlyArray<NameSpan>): NameSpan => {
  const byText = new Map<string, { readonly first: NameSpan; count: number }>()
  for (const c of candidates) {
    const known = byText.get(c.text)
    if (known === undefined) byText.set(c.text, { first: c, count: 1 })
    else known.count++
  }
  return [...byText.values()].reduce((best, x) => (x.count > best.count || (x.count === best.count && x.first.start < best.first.start) ? x : best)).first
}

/**
 * One name, one kind within a document: the same text found by a weak rule (statistics, default)
 * takes the kind a stronger rule gave it elsewhere in the document, or the majority's.
 */
const harmonizeKinds = (spans: ReadonlyArray<NameSpan>): Array<NameSpan> => {
  const votes = new Map<string, Map<ActorKind, number>>()
  for (const span of spans) {
    if (span.country !== undefined || span.organization !== undefined) continue
    const byKind = votes.get(span.text) ?? new Map<ActorKind, number>()
    byKind.set(span.kind, (byKind.get(span.kind) ?? 0) + 1 + 2 * span.confidence)
    votes.set(span.text, byKind)
  }
  return spans.map((span) => {
    const byKind = votes.get(span.text)
    if (byKind === undefined || byKind.size < 2 || span.confidence >= 2) return span
    const [kind] = [...byKind].sort((a, b) => b[1] - a[1])[0]
    return kind === span.kind ? span : { ...span, kind, rule: `${span.rule}+canonical:document-majority` }
  })
}

const buildActors = (resolved: ReadonlyArray<Resolved>): Array<LocalActor> => {
  const byKey = new Map<string, Array<Resolved>>()
  for (const r of resolved) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
  return [...byKey].map(([key, group]): LocalActor => {
    const first = group[0]
    const titled = group.find((r) => r.title !== undefined && r.title.affiliation !== null) ?? group.find((r) => r.title !== undefined)
    const name = first.kind === "person" ? group.reduce((a, r) => (r.canonical.length > a.length ? r.canonical : a), first.canonical) : first.canonical
    return {
      key,
      name,
      kind: first.kind,
      title: titled?.title?.title ?? null,
      titleNormalized: titled?.title?.titleNormalized ?? null,
      affiliation: titled?.title?.affiliation ?? group.find((r) => r.affiliation)?.affiliation ?? null,
      aliases: [...new Set(group.map((r) => r.span.text))],
      gender: group.find((r) => r.gender)?.gender ?? titled?.title?.gender ?? null,
      rule: first.rule
    }
  })
}
