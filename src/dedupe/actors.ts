/**
 * Actors across documents: one id per real actor.
 *
 * Rules, each recorded in `merged_by` when it joins actors from different documents:
 * - `same-name`: the same normalised full name, a hyphen counting as a space (a person's name of two
 *   or more words, or any other kind's name but a group's) is the same actor everywhere in the corpus;
 *   so is another kind's name of three words or more written with a word in the plural once and in
 *   the singular once ("Central Election(s) Commission").
 * - `same-name-in-story`: a one-word person name ("Jackson") or a group ("officials", "Chinese
 *   officials") is the same actor only within a story: across stories it may be anyone. Within a
 *   story, a person's full name also joins the same name that another report read as a place or
 *   organisation (the kind most mentions give wins).
 * - `name-variant-in-story`: two full names of a person with the same first and last word
 *   ("George W. Bush", "George Bush", "W. Mark Felt Sr."), or with the same last word and given names
 *   that agree ("Fred LaRue" and "Frederick Cheney LaRue", "Mo Cheeks" and "Maurice Cheeks", "Joseph
 *   Comeaux" and "Arcade Joseph Comeaux") where that points at one person, within a story; a
 *   nickname written inside a name with the surname is the name ("Luis Gerardo 'Jerry' Ortiz" is
 *   "Jerry Ortiz").
 * - `spelling-variant-in-story`: two full names of a person in a story that spell one name two ways
 *   (vowels: "Heidar", "Heydar"; a surname's one slip: "Alishvandi", "Alishbandi"), and a surname
 *   alone misspelt ("Klistchko" → "Wladimir Klitschko"), with the same guards as name variants.
 * - `surname-in-story`: a one-word person name joins the one full name in its story that ends with it
 *   ("Hassett" → "Kevin Hassett"). When two people of the story share that surname, or the genders
 *   disagree, it joins neither: never merge two people on a surname alone.
 * - `first-name-in-story`: a one-word person name that is no full name's surname joins the one full
 *   name of its story that starts with it ("Lindsay" → "Lindsay Lohan"), with the same guards.
 * - `short-form-in-story`: an organisation's or place's name that is the first words ("Promises" →
 *   "Promises Treatment Center"), the initials ("THR" → "The Hollywood Reporter") or, for a name that
 *   ends in no institution word, the last words ("Colts" → "Indianapolis Colts") of exactly one longer
 *   name of the same kind in its story (a name and a phrase read as one, "Red Sox for Teixeira", is
 *   no long form). Not a name the gazetteers know ("Berlin" is no short form of
 *   "Berlin Film Festival"), not the town a place is named for ("Edinburgh" of "Edinburgh Airport"),
 *   and not a name that stands for different long names in different stories
 *   ("New" for New York and for New Labour): it joins neither.
 * - `alias-in-story`: a non-person actor whose name another actor of the story lists as an alias
 *   (never a place and a country: a capital read as the city is not the state).
 * - `qualified-group-in-story`: a group named by its noun alone ("officials") is the one group of its
 *   story that qualifies that noun ("Iranian officials").
 * - `same-office`: a generic office or institution ("Foreign Ministry", "the president") is one actor
 *   only with its country or organisation (the same affiliation, anywhere in the corpus; an
 *   unqualified one in a report, or else a story, that names exactly one country has that
 *   country); any other unqualified one is its document's alone, and no other rule joins it.
 * - `office-in-document`: within its document, an unqualified office ("the Navy") is the one actor of
 *   the document that qualifies that office ("Indian Navy", "China's Foreign Ministry").
 */
import { Schema } from "effect"
import type { DocumentFacts, LocalActor } from "../model/extraction.ts"
import type { ActorKind } from "../model/tables.ts"
import { stableId } from "../ids.ts"
import { UnionFind } from "./unionFind.ts"
import { actorLexicon, organizationWords } from "../extract/actors/lexicon.ts"
import { loadLexicon } from "../lexicons/load.ts"
import { firstAndLast, firstNameWord, givenNamesAgree, isSpellingVariant, isSurnameVariant, lastNameWord, nameWords, nicknameWords, normalizeName, personNameKey, personNameWords } from "./names.ts"

let groupSynonymIndex: Map<string, string> | undefined
/** Each word of a group synonym list → the list's first word (`dedupe-group-synonyms.json`, WordNet synsets). */
const groupSynonyms = (): Map<string, string> =>
  (groupSynonymIndex ??= new Map(
    Object.values(loadLexicon("dedupe-group-synonyms.json", Schema.Record(Schema.String, Schema.Array(Schema.String)))).flatMap((words) => words.map((w) => [normalizeName(w), normalizeName(words[0])] as const))
  ))

export type ActorMergeRule = "same-name" | "same-office" | "office-in-document" | "same-name-in-story" | "name-variant-in-story" | "surname-in-story" | "first-name-in-story" | "short-form-in-story" | "alias-in-story" | "spelling-variant-in-story" | "qualified-group-in-story"

export interface ActorMember {
  readonly docId: string
  readonly storyId: string
  /** Position of the document in the input, for a stable order. */
  readonly docOrder: number
  readonly actor: LocalActor
  /** Mentions of this actor in its document. */
  readonly nMentions: number
}

export interface MergedActor {
  readonly actorId: string
  readonly name: string
  readonly kind: ActorKind
  readonly members: ReadonlyArray<ActorMember>
  readonly mergedBy: ReadonlyArray<ActorMergeRule>
}

export interface ActorResolution {
  readonly actors: ReadonlyArray<MergedActor>
  /** The global id of a document's local actor. */
  readonly actorIdOf: (docId: string, localKey: string) => string | undefined
}

const isCountryAndPlace = (a: ActorKind, b: ActorKind) => (a === "country" && b === "place") || (a === "place" && b === "country")

const gendersAgree = (a: LocalActor, b: LocalActor) => a.gender === null || b.gender === null || a.gender === b.gender

const isSingleWordPerson = (a: LocalActor) => a.kind === "person" && nameWords(a.name).length < 2

/** Most frequent value weighted by mentions; ties go to the longer, then alphabetically first value. */
const weightedMode = <A extends string>(pairs: ReadonlyArray<readonly [A | null, number]>): A | null => {
  const weights = new Map<A, number>()
  for (const [value, weight] of pairs) if (value !== null) weights.set(value, (weights.get(value) ?? 0) + weight)
  let best: A | null = null
  let bestWeight = -1
  for (const [value, weight] of weights) {
    if (
      weight > bestWeight ||
      (weight === bestWeight && best !== null && (value.length > best.length || (value.length === best.length && value < best)))
    ) {
      best = value
      bestWeight = weight
    }
  }
  return best
}

/**
 * The canonical name of a merged actor: the most used name, for a person among their full names
 * ("Kevin Hassett" over "Hassett"; "Andy Roddick" over a one-off "Americans Andy Roddick"), ties going
 * to the longer name.
 */
const canonicalName = (kind: ActorKind, members: ReadonlyArray<ActorMember>): string => {
  if (kind === "person") {
    const words = Math.min(2, Math.max(...members.map((m) => nameWords(m.actor.name).length)))
    return weightedMode(members.filter((m) => nameWords(m.actor.name).length >= words).map((m) => [m.actor.name, m.nMentions] as const))!
  }
  return weightedMode(members.map((m) => [m.actor.name, m.nMentions] as const))!
}

const withoutArticle = (words: ReadonlyArray<string>) => (words[0] === "the" ? words.slice(1) : words)
const initialsOf = (words: ReadonlyArray<string>) => words.filter((w) => !["of", "and", "for", "&"].includes(w)).map((w) => w[0]).join("")

/** Places built in a town and named for it; "Atlantic Ocean" and "Westchester County" are their leading words. */
const FACILITY_WORDS: ReadonlySet<string> = new Set(["airport", "street", "avenue", "road", "square", "bridge", "stadium", "plaza", "beach", "hall", "harbour", "harbor", "station"])

/**
 * The short forms a name may be written as, normalised: its leading words ("words:promises" of
 * "Promises Treatment Center") and its initials with and without "the" ("initials:thr" of "The
 * Hollywood Reporter"). The leading words of a facility named for its town ("Edinburgh Airport",
 * "Miami Beach") are the town, not a short form.
 */
const shortFormsOf = (name: string): Array<string> => {
  const all = nameWords(name)
  const words = withoutArticle(all)
  const prefixes = FACILITY_WORDS.has(words[words.length - 1]) || isNameAndPhrase(words) ? [] : words.slice(0, -1).map((_, k) => `words:${words.slice(0, k + 1).join(" ")}`)
  const initials = words.length < 2 ? [] : [initialsOf(words), initialsOf(all)].filter((i) => i.length >= 2).map((i) => `initials:${i}`)
  return [...new Set([...prefixes, ...initials, ...teamNameTails(words)])]
}

/**
 * A name with a preposition after a word that names no institution ("Red Sox for Teixeira", from a
 * title-case headline) is a name and the phrase after it, read as one: its leading words are that
 * name, not a short form of it. An institution's name is built that way ("Center for Disease
 * Control", "Court of Appeal"), so its leading words still are.
 */
const isNameAndPhrase = (words: ReadonlyArray<string>): boolean => {
  const { suffixes, placeSuffixes, ofHeads } = organizationWords()
  return words.some((w, k) => k > 0 && PHRASE_PREPOSITIONS.has(w) && ![suffixes, placeSuffixes, ofHeads].some((list) => list.has(words[k - 1])))
}
const PHRASE_PREPOSITIONS = new Set(["for", "at", "in", "on", "to", "with", "after", "over", "against"])

/**
 * A team's name may be written by its last words ("Colts" of "Indianapolis Colts", "Red Sox" of
 * "Boston Red Sox"): a plural word or several words, unless the last word names a kind of
 * institution or place ("Holdings", "Street"), or the name is built with function words ("Bank of
 * America").
 */
const teamNameTails = (words: ReadonlyArray<string>): Array<string> => {
  const { suffixes, placeSuffixes, ofHeads } = organizationWords()
  const last = words[words.length - 1]
  if (words.length < 2 || words.some((w) => NAME_CONNECTORS.has(w)) || [suffixes, placeSuffixes, ofHeads].some((list) => list.has(last))) return []
  // A one-word tail must read as a plural, as teams' names do ("Colts", "Saints"), not as a noun ("Center").
  return words.slice(1).map((_, k) => words.slice(k + 1)).filter((tail) => tail.length > 1 || /s$/.test(tail[0])).map((tail) => `words:${tail.join(" ")}`)
}
const NAME_CONNECTORS = new Set(["of", "and", "for", "&", "de", "the", "on", "at", "in"])

/** How a name would appear among the short forms of a longer one: as an initialism only when written in capitals. */
const asShortForms = (name: string): Array<string> => {
  const words = withoutArticle(nameWords(name))
  const leading = `words:${words.join(" ")}`
  return words.length === 1 && /^\p{Lu}{2,}$/u.test(name.trim()) ? [leading, `initials:${words[0]}`] : [leading]
}

/**
 * Full names of a story that may name one person: one surname and given names that agree otherwise (a
 * short form, a nickname, a middle name: `name-variant-in-story`), or two spellings of one name —
 * given names or surnames that differ only in vowels ("Heidar", "Heydar"; "Betty", "Bettie"), or a
 * surname misspelt by one slip ("Alishvandi", "Alishbandi": `spelling-variant-in-story`). Joined
 * only when each of the names fits exactly the others. Every name's fitting people are read before
 * any join, so "Chris" fitting both Christopher and Christine joins neither, and neither of them
 * joins "Chris".
 */
const joinAgreeingGivenNames = (
  fullNames: ReadonlyArray<number>,
  members: ReadonlyArray<ActorMember>,
  sets: UnionFind,
  join: (a: number, b: number, rule: ActorMergeRule) => void
): void => {
  if (fullNames.length < 2) return
  const words = fullNames.map((i) => personNameWords(members[i].actor.name))
  const nicknames = fullNames.map((i) => nicknameWords(members[i].actor.name))
  const surnames = words.map((w) => w[w.length - 1])
  const ruleFor = (k: number, l: number): ActorMergeRule | null => {
    const agree = givenNamesAgree(words[k], words[l], nicknames[k], nicknames[l])
    if (surnames[k] === surnames[l]) return agree ? "name-variant-in-story" : isSpellingVariant(words[k][0], words[l][0]) ? "spelling-variant-in-story" : null
    if (!isSurnameVariant(surnames[k], surnames[l])) return null
    return words[k][0] === words[l][0] || agree || isSpellingVariant(words[k][0], words[l][0]) ? "spelling-variant-in-story" : null
  }
  // Every way two names may fit keeps the surname's first letter: only names of one initial are compared.
  const byInitial = new Map<string, Array<number>>()
  surnames.forEach((surname, k) => (byInitial.get(surname[0]) ?? byInitial.set(surname[0], []).get(surname[0])!).push(k))
  const fitting = fullNames.map((i, k) =>
    byInitial.get(surnames[k][0])!.flatMap((l) => {
      const j = fullNames[l]
      if (l === k || sets.find(j) === sets.find(i) || !gendersAgree(members[i].actor, members[j].actor)) return []
      const rule = ruleFor(k, l)
      return rule === null ? [] : [{ j, l, rule }]
    })
  )
  // A name and the names it fits, when each of those fits exactly the same names: two names that fit
  // only each other, or three spellings that all fit one another ("Heidar Alishvandi", "Heydar
  // Alishvandi", "Heydar Alishbandi"). "Chris Evans" fits Christopher and Christine, who do not fit
  // each other: no join.
  const closed = fitting.map((list, k) => [...new Set([sets.find(fullNames[k]), ...list.map(({ j }) => sets.find(j))])].sort((a, b) => a - b).join(" "))
  const joins = fullNames.flatMap((i, k) => fitting[k].length > 0 && fitting[k].every(({ l }) => closed[l] === closed[k]) ? fitting[k].map(({ j, rule }) => ({ i, j, rule })) : [])
  for (const { i, j, rule } of joins) join(j, i, rule)
}

interface ShortFormJoin {
  readonly short: number
  readonly long: number
}

/**
 * A short name is one actor across the corpus (`same-name`), so where it stands for one long name in
 * one story and for another elsewhere ("New" for New York, and for New Labour), joining both would
 * make the two long names one actor. Such a short name joins neither: it points at one long name
 * everywhere, or stays itself.
 */
const joinShortForms = (
  joins: ReadonlyArray<ShortFormJoin>,
  sets: UnionFind,
  join: (a: number, b: number, rule: ActorMergeRule) => void
): void => {
  // Decided on the sets as they are before any short form joins.
  const roots = joins.map(({ short, long }) => ({ short: sets.find(short), long: sets.find(long) }))
  const targets = new Map<number, Set<number>>()
  for (const { short, long } of roots) (targets.get(short) ?? targets.set(short, new Set()).get(short)!).add(long)
  joins.forEach(({ short, long }, k) => {
    if (targets.get(roots[k].short)!.size === 1) join(short, long, "short-form-in-story")
  })
}

/**
 * A generic office or institution: a name made only of a title or institution head ("President",
 * "Ministry", "Police", "Supreme Court", "Ministry of Defence") and the words that qualify one ("Foreign", "Interior",
 * "Prime"; `actors-titles.json`, `dedupe-offices.json`), naming no country or
 * organisation of its own. Every country has a "Foreign Ministry", so the name says nothing about
 * which one; a name the gazetteers know ("White House") is a particular institution.
 */
let officeHeads: ReadonlySet<string> | undefined

export const isGenericOffice = (actor: Pick<LocalActor, "name" | "rule">): boolean => {
  if (actor.rule.startsWith("lexicon:")) return false
  const words = withoutArticle(nameWords(actor.name))
  if (words.length === 0) return false
  const { titleHeads, titleModifiers } = actorLexicon()
  const offices = (officeHeads ??= new Set(loadLexicon("dedupe-offices.json", Schema.Array(Schema.String))))
  const isHead = (k: number) => titleHeads.has(words.slice(k).join(" ")) || offices.has(words.slice(k).join(" "))
  // Some head phrase ends the name ("prime minister", "ministry") and every word before it qualifies,
  // or a head is qualified after "of" ("Ministry of Defence", "Department of Justice").
  for (let k = 0; k < words.length; k++) if (isHead(k) && words.slice(0, k).every((w) => titleModifiers.has(w))) return true
  const of = words.indexOf("of")
  return of > 0 && offices.has(words.slice(0, of).join(" ")) && of < words.length - 1 && words.slice(of + 1).every((w) => w === "and" || titleModifiers.has(w))
}

/**
 * Within a story, a group named by its noun alone ("officials") is the one group of the story that
 * qualifies that noun ("Iranian officials"; a synonym's noun counts: "Iranian authorities"), as a
 * definite description takes the entity of its head noun already in the discourse (Poesio & Vieira
 * 1998). Beside two such groups ("Indian forces", "U.S. forces") it joins neither.
 */
const joinBareGroups = (
  indices: ReadonlyArray<number>,
  members: ReadonlyArray<ActorMember>,
  sets: UnionFind,
  join: (a: number, b: number, rule: ActorMergeRule) => void
): void => {
  const head = (words: ReadonlyArray<string>) => groupSynonyms().get(words[words.length - 1]) ?? words[words.length - 1]
  const qualified = new Map<string, Map<number, number>>()
  const bare: Array<[number, string]> = []
  for (const i of indices) {
    if (members[i].actor.kind !== "group") continue
    const words = withoutArticle(nameWords(members[i].actor.name))
    if (words.length === 1) bare.push([i, head(words)])
    else if (words.length > 1) {
      const roots = qualified.get(head(words)) ?? qualified.set(head(words), new Map()).get(head(words))!
      roots.set(sets.find(i), i)
    }
  }
  for (const [i, noun] of bare) {
    const roots = qualified.get(noun)
    if (roots?.size === 1) join([...roots.values()][0], i, "qualified-group-in-story")
  }
}

/**
 * The country or organisation each actor's office belongs to: its own affiliation, or for an
 * unqualified office ("the Interior Department") the one country its report names, when it names
 * exactly one, or else, when the report names none, the one country its story names — a report about
 * one country speaks of that country's offices; a report naming two leaves its "Foreign Ministry" to
 * neither.
 */
const officeAffiliations = (members: ReadonlyArray<ActorMember>, generic: ReadonlyArray<boolean>): Array<string | null> => {
  const countries = new Map<string, Set<string>>()
  const add = (key: string, name: string) => (countries.get(key) ?? countries.set(key, new Set()).get(key)!).add(name)
  for (const m of members) {
    if (m.actor.kind !== "country") continue
    add(`document:${m.docId}`, m.actor.name)
    add(`story:${m.storyId}`, m.actor.name)
  }
  return members.map((m, i) => {
    if (m.actor.affiliation !== null || !generic[i]) return m.actor.affiliation
    const named = countries.get(`document:${m.docId}`) ?? countries.get(`story:${m.storyId}`)
    return named?.size === 1 ? [...named][0] : null
  })
}

/**
 * Within a report, an unqualified office ("the Navy", "the Foreign Ministry") refers to the one actor
 * of the report that names that office with its country or organisation ("Indian Navy", "China's
 * Foreign Ministry"): a definite description takes the entity of its head noun already in the
 * discourse (direct anaphora; Poesio & Vieira 1998, "A corpus-based investigation of definite
 * description use"). With two such actors ("Indian Navy", "British Royal Navy") it joins neither.
 * It stays within its document: across documents it still names no country.
 */
const joinOfficesToTheirQualifiedForm = (
  members: ReadonlyArray<ActorMember>,
  generic: ReadonlyArray<boolean>,
  sets: UnionFind,
  join: (a: number, b: number) => void
): void => {
  const byDocument = new Map<string, Array<number>>()
  members.forEach((m, i) => (byDocument.get(m.docId) ?? byDocument.set(m.docId, []).get(m.docId)!).push(i))
  const unqualified = (i: number) => generic[i] && members[i].actor.affiliation === null
  for (const indices of byDocument.values()) {
    for (const i of indices.filter(unqualified)) {
      const office = withoutArticle(nameWords(members[i].actor.name)).join(" ")
      const qualified = indices.filter((j) => {
        if (j === i || unqualified(j) || members[j].actor.kind === "person" || members[j].actor.kind === "group") return false
        const name = withoutArticle(nameWords(members[j].actor.name)).join(" ")
        return generic[j] ? name === office : name.endsWith(` ${office}`)
      })
      const distinct = new Set(qualified.map((j) => sets.find(j)))
      if (distinct.size === 1) join(qualified[0], i)
    }
  }
}

export const mergeActors = (
  extractions: ReadonlyArray<DocumentFacts>,
  storyOf: ReadonlyMap<string, string>
): ActorResolution => {
  const members: Array<ActorMember> = []
  extractions.forEach((x, docOrder) => {
    const counts = new Map<string, number>()
    for (const m of x.actorMentions) counts.set(m.actorKey, (counts.get(m.actorKey) ?? 0) + 1)
    for (const actor of x.actors) {
      members.push({ docId: x.docId, storyId: storyOf.get(x.docId) ?? x.docId, docOrder, actor, nMentions: counts.get(actor.key) ?? 0 })
    }
  })
  const sets = new UnionFind(members.length)
  const unions: Array<{ readonly a: number; readonly b: number; readonly rule: ActorMergeRule }> = []
  const generic = members.map((m) => isGenericOffice(m.actor))
  const affiliations = officeAffiliations(members, generic)
  /** Two generic offices, or an office and another name, join only when they name the same country or organisation. */
  const officesAgree = (a: number, b: number) =>
    (!generic[a] && !generic[b]) || (affiliations[a] !== null && affiliations[a] === affiliations[b]) ||
    // One report's offices of one name are one office ("the Navy", read once as a person).
    (generic[a] && generic[b] && members[a].docId === members[b].docId && normalizeName(members[a].actor.name) === normalizeName(members[b].actor.name))
  const join = (a: number, b: number, rule: ActorMergeRule) => {
    if (!officesAgree(a, b)) return
    if (sets.union(a, b) !== -1) unions.push({ a, b, rule })
  }

  // Exact names. A one-word person name is only trusted within its story. A name of two words or more
  // is one actor whatever kind each report read it as ("Kanye West", a place by its words' statistics
  // in one report, a person in another); a one-word name keeps persons apart from other kinds.
  const byName = new Map<string, number>()
  members.forEach((m, i) => {
    // A generic office ("Foreign Ministry", "the president") is one actor only with its country or
    // organisation (its affiliation, across the corpus); without one it stays its document's.
    const scope = generic[i]
      ? affiliations[i] === null ? `document:${m.docId}` : `affiliation:${normalizeName(affiliations[i]!)}`
      : isSingleWordPerson(m.actor) || m.actor.kind === "group" ? `story:${m.storyId}` : "corpus"
    // A hyphen or a space between two words of a name is a spelling, not another name ("Kilroy-Silk").
    // A person's name without a nickname between the names; another kind's name without a leading
    // article ("The Associated Press" at a sentence's start is the Associated Press).
    const written = (m.actor.kind === "person" ? personNameKey(m.actor.name) : normalizeName(m.actor.name).replace(/^the /, "")).replace(/-/g, " ")
    // A story's "demonstrators" are its "protesters" (one WordNet synset, `dedupe-group-synonyms.json`).
    const name = m.actor.kind === "group" && scope.startsWith("story:") ? (groupSynonyms().get(written) ?? written) : written
    // An office is one actor of its document or affiliation whatever kind a mention gave it ("the Navy said").
    const kinds = name.includes(" ") || generic[i] ? "any" : m.actor.kind === "person" ? "person" : "thing"
    const key = `${kinds}\u241f${scope}\u241f${name}`
    const first = byName.get(key)
    if (first === undefined) byName.set(key, i)
    else join(first, i, scope === "corpus" ? "same-name" : scope.startsWith("affiliation:") ? "same-office" : "same-name-in-story")
  })

  // A name of three words or more written once with a word in the plural and once in the singular is
  // one name ("Central Election Commission", "Central Elections Commission"; "Academy of Motion
  // Picture(s) Arts and Sciences"): not for persons, whose names end in "s" as they are ("Adams").
  const bySingular = new Map<string, number>()
  members.forEach((m, i) => {
    if (m.actor.kind === "person" || m.actor.kind === "group" || generic[i]) return
    const words = withoutArticle(nameWords(m.actor.name.replace(/-/g, " ")))
    if (words.length < 3) return
    const key = words.map((w) => w.replace(/s$/, "")).join(" ")
    const first = bySingular.get(key)
    if (first === undefined) bySingular.set(key, i)
    else join(first, i, "same-name")
  })

  joinOfficesToTheirQualifiedForm(members, generic, sets, (a, b) => {
    if (sets.union(a, b) !== -1) unions.push({ a, b, rule: "office-in-document" })
  })

  // Within each story: name variants, surnames, aliases; short forms are joined after every story.
  const shortFormJoins: Array<ShortFormJoin> = []
  const byStory = new Map<string, Array<number>>()
  members.forEach((m, i) => {
    const list = byStory.get(m.storyId)
    if (list === undefined) byStory.set(m.storyId, [i])
    else list.push(i)
  })
  for (const indices of byStory.values()) {
    const fullNames = indices.filter((i) => members[i].actor.kind === "person" && !isSingleWordPerson(members[i].actor))
    const variants = new Map<string, number>()
    for (const i of fullNames) {
      // A nickname written inside a name is the name the person goes by: "Luis Gerardo 'Jerry' Ortiz"
      // is also "Jerry Ortiz".
      const { name } = members[i].actor
      for (const key of [firstAndLast(name)!, ...nicknameWords(name).map((nickname) => `${nickname} ${lastNameWord(name)}`)]) {
        const first = variants.get(key)
        if (first === undefined) variants.set(key, i)
        else join(first, i, "name-variant-in-story")
      }
    }
    joinAgreeingGivenNames(fullNames, members, sets, join)
    // Within a story, a one-word name read as a person in one report and an organisation or place in
    // another ("Comeaux", "Lionsgate", "Troy") is one actor, the kind most mentions give winning: a story
    // rarely has two things of one name. Across stories the kinds stay apart ("Jordan").
    const oneWordNames = new Map<string, number>()
    for (const i of indices) {
      const { kind, name } = members[i].actor
      if (kind === "group" || nameWords(name).length !== 1) continue
      const first = oneWordNames.get(normalizeName(name))
      if (first === undefined) oneWordNames.set(normalizeName(name), i)
      else if (members[first].actor.kind !== kind) join(first, i, "same-name-in-story")
    }
    // Full-name actors of the story by surname, after the joins above (one entry per distinct actor).
    const bySurname = new Map<string, Map<number, number>>()
    const byFirstName = new Map<string, Map<number, number>>()
    for (const i of fullNames) {
      for (const [index, word] of [[bySurname, lastNameWord(members[i].actor.name)], [byFirstName, firstNameWord(members[i].actor.name)]] as const) {
        const roots = index.get(word) ?? index.set(word, new Map()).get(word)!
        roots.set(sets.find(i), i)
      }
    }
    for (const i of indices) {
      const m = members[i].actor
      // A one-word organisation or place no gazetteer knows, that is the surname of one person of the
      // story ("Zadan" beside "Craig Zadan"), is that person read as another kind.
      const surnameAsThing = (m.kind === "organization" || m.kind === "place") && nameWords(m.name).length === 1 && !m.rule.startsWith("lexicon:")
      if (!isSingleWordPerson(m) && !(surnameAsThing && bySurname.has(normalizeName(m.name)))) continue
      const fitting = (index: ReadonlyMap<string, ReadonlyMap<number, number>>) =>
        [...(index.get(normalizeName(m.name))?.values() ?? [])].filter((j) => gendersAgree(m, members[j].actor))
      // A surname shared by two people joins neither; only a word that is nobody's surname may be a first name.
      let [candidates, rule]: [Array<number>, ActorMergeRule] = bySurname.has(normalizeName(m.name)) ? [fitting(bySurname), "surname-in-story"] : [fitting(byFirstName), "first-name-in-story"]
      // A one-word name that is nobody's surname or first name may be a surname misspelt ("Klistchko").
      if (candidates.length === 0 && isSingleWordPerson(m)) {
        const word = normalizeName(m.name)
        candidates = [...bySurname].filter(([surname]) => isSurnameVariant(word, surname)).flatMap(([, roots]) => [...roots.values()]).filter((j) => gendersAgree(m, members[j].actor))
        rule = "spelling-variant-in-story"
      }
      const distinct = new Set(candidates.map((j) => sets.find(j)))
      if (distinct.size === 1) join(candidates[0], i, rule)
    }
    joinBareGroups(indices, members, sets, join)
    const things = indices.filter((i) => members[i].actor.kind !== "person")
    const thingByName = new Map<string, number>()
    for (const i of things) thingByName.set(normalizeName(members[i].actor.name), i)
    for (const i of things) {
      for (const alias of members[i].actor.aliases) {
        const j = thingByName.get(normalizeName(alias))
        // A capital the extractor read as the city ("in Athens") is not the state it stands for when
        // it acts ("Athens said", an alias of Greece): a country's alias never joins a place.
        if (j !== undefined && j !== i && !isCountryAndPlace(members[i].actor.kind, members[j].actor.kind)) join(i, j, "alias-in-story")
      }
    }
    // Short forms: each longer name indexed under its leading words and initials (after the joins above,
    // one entry per distinct actor), so a short name finds its long forms without comparing all pairs.
    const shortForms = new Map<string, Map<number, number>>()
    const named = things.filter((i) => members[i].actor.kind === "organization" || members[i].actor.kind === "place")
    for (const j of named) {
      const { kind, name } = members[j].actor
      // A team's last words ("Angels") are indexed whatever kind its name was read as: "Los Angeles
      // Angels" reads as a place by its leading words, and is the team an organisation "Angels" names.
      const forms = [...shortFormsOf(name).map((form) => `${kind}\u241f${form}`), ...teamNameTails(withoutArticle(nameWords(name))).map((form) => `team\u241f${form}`)]
      for (const key of forms) {
        const roots = shortForms.get(key) ?? shortForms.set(key, new Map()).get(key)!
        roots.set(sets.find(j), j)
      }
    }
    for (const i of named) {
      const { kind, name, rule } = members[i].actor
      // A name the gazetteers know is that entity, not a short form ("Berlin", "Berlin Film Festival").
      if (rule.startsWith("lexicon:")) continue
      const keys = asShortForms(name).flatMap((form) => [`${kind}\u241f${form}`, ...(kind === "organization" ? [`team\u241f${form}`] : [])])
      const longer = new Map(keys.flatMap((key) => [...(shortForms.get(key) ?? [])]))
      if (longer.size === 1 && !longer.has(sets.find(i))) shortFormJoins.push({ short: i, long: [...longer.values()][0] })
    }
  }
  joinShortForms(shortFormJoins, sets, join)

  // Build the merged actors in a stable order: by their earliest member.
  const groups = [...sets.groups().values()].map((indices) => indices.map((i) => members[i]))
  const rulesByRoot = new Map<number, Set<ActorMergeRule>>()
  for (const u of unions) {
    if (members[u.a].docId === members[u.b].docId) continue
    const root = sets.find(u.a)
    const set = rulesByRoot.get(root) ?? rulesByRoot.set(root, new Set()).get(root)!
    set.add(u.rule)
  }
  const roots = [...sets.groups().keys()]
  const ordered = groups
    .map((group, k) => ({ group, root: roots[k] }))
    .sort((x, y) => x.group[0].docOrder - y.group[0].docOrder || x.group[0].actor.key.localeCompare(y.group[0].actor.key))

  const taken = new Set<string>()
  const idByMember = new Map<string, string>()
  const actors: Array<MergedActor> = []
  for (const { group, root } of ordered) {
    const kind = weightedMode(group.map((m) => [m.actor.kind, Math.max(1, m.nMentions)] as const))!
    const name = canonicalName(kind, group)
    const stories = new Set(group.map((m) => m.storyId))
    // A one-word person name that stayed alone in its story is only that story's actor.
    const scoped = kind === "person" && nameWords(name).length < 2 && stories.size === 1
    let actorId = scoped ? stableId("actor", kind, normalizeName(name), [...stories][0]) : stableId("actor", kind, normalizeName(name))
    if (taken.has(actorId)) actorId = stableId("actor", kind, normalizeName(name), group[0].docId, group[0].actor.key)
    taken.add(actorId)
    for (const m of group) idByMember.set(`${m.docId}\u241f${m.actor.key}`, actorId)
    actors.push({ actorId, name, kind, members: group, mergedBy: [...(rulesByRoot.get(root) ?? [])].sort() })
  }
  return { actors, actorIdOf: (docId, key) => idByMember.get(`${docId}\u241f${key}`) }
}

export { weightedMode }
