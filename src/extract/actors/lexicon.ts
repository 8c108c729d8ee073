/**
 * The world knowledge the actors extractor uses, loaded once from `src/lexicons/actors-*.json` and
 * indexed for lookups by lower-cased surface form.
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"
import { timeWords } from "../events/timeWords.ts"

const Country = Schema.Struct({
  name: Schema.String,
  aliases: Schema.Array(Schema.String),
  demonyms: Schema.Array(Schema.String),
  capitals: Schema.Array(Schema.String)
})
const Organization = Schema.Struct({
  name: Schema.String,
  aliases: Schema.Array(Schema.String),
  affiliation: Schema.NullOr(Schema.String)
})
const Gender = Schema.NullOr(Schema.Literals(["male", "female"]))
const Titles = Schema.Struct({
  heads: Schema.Array(Schema.String),
  modifiers: Schema.Array(Schema.String),
  honorifics: Schema.Record(Schema.String, Gender)
})
export const OrganizationPatterns = Schema.Struct({
  suffixes: Schema.Array(Schema.String),
  ofHeads: Schema.Array(Schema.String),
  placeSuffixes: Schema.Array(Schema.String)
})
/** Counts per word: [PER, ORG, LOC, MISC, capitalised outside a name, lower-case outside a name]. */
const WordStatistics = Schema.Record(Schema.String, Schema.Array(Schema.Number))

/** Counts per context feature of a name (see context.ts): [PER, ORG, LOC, MISC], and the types' prior. */
const ContextStatistics = Schema.Struct({
  prior: Schema.Array(Schema.Number),
  features: Schema.Record(Schema.String, Schema.Array(Schema.Number))
})

export type Gender = typeof Gender.Type

/** How a surface form refers to a country. */
export type CountryForm = "name" | "alias" | "demonym" | "capital"

export interface CountryEntry {
  readonly country: string
  readonly form: CountryForm
  /** The form as the lexicon spells it ("London" for "LONDON"). */
  readonly surface: string
}

export interface OrganizationEntry {
  readonly name: string
  readonly affiliation: string | null
}

export interface ActorLexicon {
  /** Lower-cased surface form (name, alias, demonym, capital) → the country it refers to. */
  readonly countries: ReadonlyMap<string, CountryEntry>
  readonly organizations: ReadonlyMap<string, OrganizationEntry>
  readonly titleHeads: ReadonlySet<string>
  readonly titleModifiers: ReadonlySet<string>
  readonly honorifics: ReadonlyMap<string, Gender>
  readonly organizationSuffixes: ReadonlySet<string>
  readonly ofHeads: ReadonlySet<string>
  readonly placeSuffixes: ReadonlySet<string>
  readonly groupNouns: ReadonlySet<string>
  /** Followers of a religion, lower-cased ("muslims"): groups, though written with a capital (`actors-faiths.json`). */
  readonly faithGroups: ReadonlySet<string>
  /** Plural nouns for people by what they do or undergo ("firefighters", "people"; `actors-people.json`): groups, not a tagger feature. */
  readonly peopleNouns: ReadonlySet<string>
  readonly wordStatistics: ReadonlyMap<string, ReadonlyArray<number>>
  readonly contextStatistics: { readonly prior: ReadonlyArray<number>; readonly features: ReadonlyMap<string, ReadonlyArray<number>> }
  /**
   * Lower-cased names that are things, never actors: initialisms of common nouns ("tv", "dvd", "hiv"),
   * awards ("oscar", "golden globe") and the adjectives of faiths ("muslim", "hindu").
   */
  readonly notActors: ReadonlySet<string>
  /** Lower-cased holiday names ("christmas", "new year's day"): days, never actors. */
  readonly holidays: ReadonlySet<string>
  /** Nouns for a creative work before its title ("film", "album"; `actors-works.json`): the title is no actor. */
  readonly workNouns: ReadonlySet<string>
  /** The longest entry of `countries`/`organizations`, in words: bounds the phrase lookups. */
  readonly longestPhrase: number
  /**
   * Words that `countries`/`organizations` forms write in lower case after their first word ("of",
   * "es" of "Dar es Salaam", "operation" of "Co-operation"): the only lower-case words a gazetteer
   * phrase may contain in running text ("a Scottish executive" is no "Scottish Executive").
   */
  readonly gazetteerLowerCaseWords: ReadonlySet<string>
}

/** The institution and place words of `actors-organization-patterns.json` ("bank", "street", "university"). */
export interface OrganizationWords {
  readonly suffixes: ReadonlySet<string>
  readonly placeSuffixes: ReadonlySet<string>
  readonly ofHeads: ReadonlySet<string>
}
let organizationWordsCache: OrganizationWords | undefined
/** Loaded once, and on their own: dedupe needs them without the rest of the actor lexicon. */
export const organizationWords = (): OrganizationWords => {
  if (organizationWordsCache === undefined) {
    const { suffixes, placeSuffixes, ofHeads } = loadLexicon("actors-organization-patterns.json", OrganizationPatterns)
    organizationWordsCache = { suffixes: new Set(suffixes), placeSuffixes: new Set(placeSuffixes), ofHeads: new Set(ofHeads) }
  }
  return organizationWordsCache
}

let cached: ActorLexicon | undefined

export const actorLexicon = (): ActorLexicon => (cached ??= buildLexicon())

const buildLexicon = (): ActorLexicon => {
  const countries = new Map<string, CountryEntry>()
  const add = (form: string, entry: CountryEntry) => {
    const key = form.toLowerCase()
    // The first country to claim a form keeps it ("Georgia" the country, not a later alias).
    if (!countries.has(key)) countries.set(key, entry)
  }
  for (const c of loadLexicon("actors-countries.json", Schema.Array(Country))) {
    add(c.name, { country: c.name, form: "name", surface: c.name })
    for (const a of c.aliases) add(a, { country: c.name, form: "alias", surface: a })
    for (const d of c.demonyms) add(d, { country: c.name, form: "demonym", surface: d })
    for (const k of c.capitals) add(k, { country: c.name, form: "capital", surface: k })
  }
  const organizations = new Map<string, OrganizationEntry>()
  const loadedOrganizationForms: Array<string> = []
  for (const o of loadLexicon("actors-organizations.json", Schema.Array(Organization))) {
    for (const form of [o.name, ...o.aliases]) {
      organizations.set(form.toLowerCase(), { name: o.name, affiliation: o.affiliation })
      loadedOrganizationForms.push(form)
    }
  }
  const titles = loadLexicon("actors-titles.json", Titles)
  const patterns = organizationWords()
  const groups = loadLexicon("actors-groups.json", Schema.Array(Schema.String))
  const faiths = loadLexicon("actors-faiths.json", Schema.Array(Schema.Struct({ adjective: Schema.String, plural: Schema.NullOr(Schema.String) })))
  const faithGroups = faiths.flatMap((f) => (f.plural === null ? [] : [f.plural.toLowerCase()]))
  const statistics = loadLexicon("actors-word-statistics.json", WordStatistics)
  const context = loadLexicon("actors-context-statistics.json", ContextStatistics)
  const words = (s: string) => s.split(/\s+/).length
  const longestPhrase = Math.max(...[...countries.keys(), ...organizations.keys()].map(words))
  const forms = [...[...countries.values()].map((c) => c.surface), ...loadedOrganizationForms]
  const gazetteerLowerCaseWords = new Set(forms.flatMap((form) => form.split(/[\s-]+/).slice(1).filter((word) => /^\p{Ll}/u.test(word))))
  return {
    countries,
    organizations,
    titleHeads: new Set(titles.heads),
    titleModifiers: new Set(titles.modifiers),
    honorifics: new Map(Object.entries(titles.honorifics)),
    organizationSuffixes: patterns.suffixes,
    ofHeads: patterns.ofHeads,
    placeSuffixes: patterns.placeSuffixes,
    groupNouns: new Set([...groups, ...faithGroups]),
    faithGroups: new Set(faithGroups),
    peopleNouns: new Set(loadLexicon("actors-people.json", Schema.Array(Schema.String))),
    wordStatistics: new Map(Object.entries(statistics)),
    contextStatistics: { prior: context.prior, features: new Map(Object.entries(context.features)) },
    notActors: new Set([
      ...["actors-common-acronyms.json", "actors-awards.json"].flatMap((file) => loadLexicon(file, Schema.Array(Schema.String))),
      ...faiths.map((f) => f.adjective)
    ].map((name) => name.toLowerCase())),
    holidays: new Set(timeWords().holidays.map((h) => h.toLowerCase())),
    workNouns: new Set(loadLexicon("actors-works.json", Schema.Array(Schema.String))),
    longestPhrase,
    gazetteerLowerCaseWords
  }
}
