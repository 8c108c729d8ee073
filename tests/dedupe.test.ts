import { describe, expect, it } from "@effect/vitest"
import { dedupe, dedupeWithEvidence } from "../src/dedupe/index.ts"
import { salientActors, storyFeatures } from "../src/dedupe/storyFeatures.ts"
import { DefaultStoryOptions, groupStories } from "../src/dedupe/stories.ts"
import type { StoryDocument } from "../src/dedupe/stories.ts"
import { isGenericOffice } from "../src/dedupe/actors.ts"
import { isSpellingVariant, isSurnameVariant } from "../src/dedupe/names.ts"
import { groupEvents } from "../src/dedupe/events.ts"
import type { EventMentionRef } from "../src/dedupe/events.ts"
import { extraction } from "./fixtures/dedupe/factory.ts"
import type { DocSpec } from "./fixtures/dedupe/factory.ts"

const run = (...specs: ReadonlyArray<DocSpec>) => dedupe(specs.map(extraction))
const storyIds = (...specs: ReadonlyArray<DocSpec>) => {
  const { documents } = run(...specs)
  return Object.fromEntries(documents.map((d) => [d.doc_id, d.story_id]))
}

// Two reports of one earthquake, in different words; a third about another earthquake (the hard negative).
const chileA: DocSpec = {
  id: "chile-a",
  published: "2024-03-05",
  title: "Magnitude 7.1 earthquake strikes northern Chile near Arica",
  actors: [{ name: "Chile", kind: "country" }, { name: "Arica", kind: "place", mentions: ["Arica", "Arica"] }, { name: "Gabriel Boric", mentions: ["Gabriel Boric", "Boric"] }],
  events: [{ type: "disaster", trigger: "earthquake", text: "A magnitude 7.1 earthquake struck near the port of Arica, killing 12 miners", actors: ["Arica"], date: "2024-03-04" }]
}
const chileB: DocSpec = {
  id: "chile-b",
  published: "2024-03-05",
  title: "Chile quake near Arica leaves 12 dead, Boric visits port",
  actors: [{ name: "Chile", kind: "country" }, { name: "Arica", kind: "place" }, { name: "Gabriel Boric", mentions: ["President Gabriel Boric"] }],
  events: [{ type: "disaster", trigger: "quake", text: "The 7.1 quake hit the port city of Arica on Monday and 12 miners died", actors: ["Arica"], date: "2024-03-04" }]
}
const turkey: DocSpec = {
  id: "turkey",
  published: "2024-03-06",
  title: "Earthquake of magnitude 6.2 hits eastern Turkey near Van",
  actors: [{ name: "Turkey", kind: "country" }, { name: "Van", kind: "place", mentions: ["Van", "Van"] }, { name: "Recep Tayyip Erdogan", mentions: ["Erdogan"] }],
  events: [{ type: "disaster", trigger: "earthquake", text: "The earthquake destroyed villages around Van and killed 30 farmers", actors: ["Van"], date: "2024-03-06" }]
}

describe("dedupe: stories", () => {
  it("puts two reports of one story together and keeps a similar story apart", () => {
    const ids = storyIds(chileA, chileB, turkey)
    expect(ids["chile-a"]).toBe(ids["chile-b"])
    expect(ids["turkey"]).not.toBe(ids["chile-a"])
  })

  it("counts the words of the lede once more than the rest", () => {
    const features = storyFeatures(extraction({ id: "a", title: "Klitschko retains his titles", lead: "Klitschko stopped Thompson in the sixth round." }))
    expect([features.get("klitschko"), features.get("thompson"), features.get("title"), features.get("round")]).toEqual([2, 1, 1, 1])
  })

  it("keeps apart two established groups that each name an opponent the other never does", () => {
    // Five reports of each fight: same champion, same vocabulary, a different opponent.
    const fight = (opponent: string, k: number) => ({
      docId: `${opponent}-${k}`,
      published: null,
      features: new Map([["actor:klitschko", 2], [`actor:${opponent}`, 2], ["heavyweight", 3], ["title", 3], ["round", 3], ["knockout", 3], ["champion", 3], ["belt", 3], [`note-${opponent}-${k}`, 1]])
    })
    const docs = [0, 1, 2, 3, 4].flatMap((k) => [fight("rahman", k), fight("thompson", k)])
    const storiesOf = (conflictMinSize: number) => {
      const stories = groupStories(docs, { ...DefaultStoryOptions, conflictMinSize })
      return new Set(docs.map((d) => stories.get(d.docId)!.storyId)).size
    }
    expect(storiesOf(5)).toBe(2)
    // Without the test (groups never large enough), shared vocabulary joins the two fights.
    expect(storiesOf(1000)).toBe(1)
  })

  /** A report as story features: one of each word. */
  const report = (docId: string, words: ReadonlyArray<string>) => ({ docId, published: null, features: new Map(words.map((w) => [w, 1])) })
  /** The words every report of the fire story of these tests shares. */
  const fire = ["dairy", "warehouse", "palmer", "fire", "historic", "destroyed", "firefighters", "building", "arson", "alaska"]

  it("lets a report linked to nothing join the story nearest to it", () => {
    // A short report shares a word or two with each report of the fire story, too little to link to
    // any one of them (cosine < 0.15), but on average it is nearest that story.
    const docs = [
      report("fire-1", [...fire, "matanuska", "tuesday", "n1"]),
      report("fire-2", [...fire, "matanuska", "smolder", "n2"]),
      report("fire-3", [...fire, "investigators", "n3"]),
      report("short", ["matanuska", "smolder", "investigators", "burned", "overnight", "short1", "short2", "short3", "short4"]),
      report("vote-1", ["election", "turkmenistan", "voters", "parliament", "ballots", "o1"]),
      report("vote-2", ["election", "turkmenistan", "voters", "parliament", "candidates", "o2"])
    ]
    const stories = groupStories(docs)
    expect(stories.get("short")!.storyId).toBe(stories.get("fire-1")!.storyId)
    expect(stories.get("vote-1")!.storyId).not.toBe(stories.get("fire-1")!.storyId)
    expect(stories.get("short")!.links).toEqual([{ rule: "nearest-story", otherDocId: "fire-2", score: 0.128 }])
    // Without the rule it stays a story of its own.
    const alone = groupStories(docs, { ...DefaultStoryOptions, loneStory: 1.1 })
    expect(alone.get("short")!.storyId).not.toBe(alone.get("fire-1")!.storyId)
    // A lone report whose people the story never names stays alone: reports of one theme are not one story.
    const withPeople = docs.map((d) => (d.docId === "short" ? { ...d, participants: ["actor:jane roe"] } : d))
    const strangers = groupStories(withPeople)
    expect(strangers.get("short")!.storyId).not.toBe(strangers.get("fire-1")!.storyId)
    const named = groupStories(withPeople.map((d) => (d.docId === "fire-2" ? { ...d, features: new Map([...d.features, ["actor:jane roe", 1]]) } : d)))
    expect(named.get("short")!.storyId).toBe(named.get("fire-1")!.storyId)
  })

  it("lets two reports linked only to each other join the larger story nearest to them", () => {
    // Two short follow-ups of the fire share their own words (they link to each other), and a word or
    // two with each report of the fire story: too little to join it by the agglomeration.
    const docs = [
      report("fire-1", [...fire, "matanuska", "tuesday", "n1"]),
      report("fire-2", [...fire, "matanuska", "smolder", "n2"]),
      report("fire-3", [...fire, "investigators", "n3"]),
      report("short-1", ["matanuska", "investigators", "palmer", "burned", "overnight", "embers", "s1"]),
      report("short-2", ["matanuska", "investigators", "dairy", "burned", "overnight", "embers", "s2"]),
      report("vote-1", ["election", "turkmenistan", "voters", "parliament", "ballots", "o1"]),
      report("vote-2", ["election", "turkmenistan", "voters", "parliament", "candidates", "o2"])
    ]
    const storyOf = (stories: ReturnType<typeof groupStories>, docId: string) => stories.get(docId)!.storyId
    const stories = groupStories(docs)
    expect(storyOf(stories, "short-1")).toBe(storyOf(stories, "short-2"))
    expect(storyOf(stories, "short-1")).toBe(storyOf(stories, "fire-1"))
    expect(storyOf(stories, "vote-1")).not.toBe(storyOf(stories, "fire-1"))
    expect(stories.get("short-1")!.links).toEqual([
      { rule: "content-similarity", otherDocId: "short-2", score: 0.614 },
      { rule: "nearest-story", otherDocId: "fire-3", score: 0.122 }
    ])
    // The two vote reports, a pair too, have no larger story near them and stay their own.
    expect(storyOf(stories, "vote-1")).toBe(storyOf(stories, "vote-2"))
    // With only lone reports joining, the pair stays a story of its own.
    const lonesOnly = groupStories(docs, { ...DefaultStoryOptions, smallStory: 1 })
    expect(storyOf(lonesOnly, "short-1")).toBe(storyOf(lonesOnly, "short-2"))
    expect(storyOf(lonesOnly, "short-1")).not.toBe(storyOf(lonesOnly, "fire-1"))
  })

  it("lets a lone report that names no person join the nearest story on its words, when they are nearer", () => {
    const withNoPeople = (docId: string, words: ReadonlyArray<string>) => ({ ...report(docId, words), participants: [] as Array<string> })
    const docs = (short: ReadonlyArray<string>) => [
      { ...withNoPeople("fire-1", [...fire, "matanuska", "tuesday", "n1"]), participants: ["actor:jane roe"] },
      withNoPeople("fire-2", [...fire, "matanuska", "smolder", "n2"]),
      withNoPeople("fire-3", [...fire, "investigators", "n3"]),
      withNoPeople("short", short),
      withNoPeople("vote-1", ["election", "turkmenistan", "voters", "parliament", "ballots", "o1"]),
      withNoPeople("vote-2", ["election", "turkmenistan", "voters", "parliament", "candidates", "o2"])
    ]
    const joined = (list: ReadonlyArray<StoryDocument>) => {
      const stories = groupStories(list)
      return stories.get("short")!.storyId === stories.get("fire-1")!.storyId
    }
    // Mean cosine with the fire reports 0.128: at least 0.12, it joins.
    expect(joined(docs(["matanuska", "smolder", "investigators", "palmer", "burned", "overnight", "short1", "short2"]))).toBe(true)
    // 0.085 would do for a report sharing a person (0.08), not for one that names none.
    expect(joined(docs(["matanuska", "smolder", "investigators", "burned", "overnight", "short1", "short2", "short3", "short4"]))).toBe(false)
    // Before this rule a report without people never joined: the same 0.128 report stays alone.
    expect(joined(docs(["matanuska", "smolder", "investigators", "palmer", "burned", "overnight", "short1", "short2"]).map((d) => (d.docId === "short" ? { ...d, participants: ["actor:john doe"] } : d)))).toBe(false)
  })

  it("finds a lone report's person in the story by the surname it alone gives", () => {
    const rehab = ["checked", "rehab", "clinic", "promises", "treatment", "malibu", "actress", "publicist", "actor:tara reid"]
    const docs = [
      report("rehab-1", [...rehab, "tuesday", "n1"]),
      report("rehab-2", [...rehab, "privacy", "n2"]),
      report("rehab-3", [...rehab, "statement", "n3"]),
      { ...report("short", ["actor:reid", "privacy", "statement", "malibu", "partying", "antics", "surgery", "s1"]), participants: ["actor:reid"] }
    ]
    const stories = groupStories(docs)
    expect(stories.get("short")!.storyId).toBe(stories.get("rehab-1")!.storyId)
    // Another person of that surname is not the story's: a first name alone is no surname.
    const other = groupStories(docs.map((d) => (d.docId === "short" ? { ...d, features: new Map([...d.features].map(([f, n]) => [f === "actor:reid" ? "actor:tara" : f, n])), participants: ["actor:tara"] } : d)))
    expect(other.get("short")!.storyId).not.toBe(other.get("rehab-1")!.storyId)
  })

  it("counts only the actors that matter to a report in the different-participants test", () => {
    // Ten reports of one flood; half of them name one official in passing, the other half another.
    const flood = (k: number, passing: string) => ({
      docId: `flood-${k}`,
      published: null,
      features: new Map([["actor:valencia", 2], [`actor:${passing}`, 2], ["flood", 3], ["river", 3], ["rain", 3], ["rescue", 3], ["evacuated", 3], ["homes", 3], [`note-${k}`, 1]]),
      salientActors: ["actor:valencia"]
    })
    const docs = [0, 1, 2, 3, 4].flatMap((k) => [flood(k, "ana lopez"), flood(k + 5, "jose ruiz")])
    const count = (list: ReadonlyArray<StoryDocument>) => {
      const stories = groupStories(list)
      return new Set(list.map((d) => stories.get(d.docId)!.storyId)).size
    }
    expect(count(docs)).toBe(1)
    // Counting every name, the two passing names split the story.
    expect(count(docs.map(({ salientActors: _, ...d }) => d))).toBe(2)
  })

  it("reads the actors that matter from the headline, the lede, the events and repeated names", () => {
    const x = extraction({
      id: "a",
      title: "Flood hits Valencia",
      lead: "Rescuers evacuated homes as the Turia burst its banks.",
      actors: [
        { name: "Valencia", kind: "place" },
        { name: "Turia", kind: "place" },
        { name: "Ana Lopez", mentions: ["Ana Lopez", "Lopez"] },
        { name: "Jose Ruiz" },
        { name: "Red Cross", kind: "organization" }
      ],
      events: [{ type: "AID", trigger: "aid", text: "the Red Cross sent aid", actors: ["Red Cross"] }]
    })
    expect(salientActors(x)).toEqual(["actor:ana lopez", "actor:red cross", "actor:turia", "actor:valencia"])
  })

  it("names a story after its earliest report, whatever the input order", () => {
    const forward = storyIds(chileA, chileB, turkey)
    const backward = storyIds(turkey, chileB, chileA)
    expect(backward).toEqual(forward)
  })

  it("never joins reports published further apart than the time window", () => {
    const later = { ...chileB, id: "chile-later", published: "2024-06-20" }
    const ids = storyIds(chileA, later)
    expect(ids["chile-a"]).not.toBe(ids["chile-later"])
  })

  it("recognises a near-copy of a wire story and points it at the earliest copy", () => {
    const copy = { ...chileA, id: "chile-copy", published: "2024-03-06" }
    const { dataset, stories } = dedupeWithEvidence([chileA, chileB, copy].map(extraction))
    expect(stories.get("chile-copy")).toMatchObject({ nearDuplicateOf: "chile-a" })
    expect(stories.get("chile-a")!.nearDuplicateOf).toBeNull()
    expect(stories.get("chile-b")!.nearDuplicateOf).toBeNull()
    expect(stories.get("chile-copy")!.links[0]).toMatchObject({ rule: "near-duplicate", otherDocId: "chile-a" })
    // The documents table says it too: the copy's original, and each document's links as evidence.
    const copyRow = dataset.documents.find((d) => d.doc_id === "chile-copy")!
    expect(copyRow.near_copy_of).toBe("chile-a")
    expect(copyRow.story_links[0]).toBe("chile-a near-duplicate 1")
    expect(dataset.documents.find((d) => d.doc_id === "chile-a")!.near_copy_of).toBeNull()
  })

  it("gives an exact duplicate (same cleaned text) its original's story", () => {
    const dup = { ...extraction({ id: "dup" }), duplicateOf: "chile-a" }
    const { documents } = dedupe([extraction(chileA), extraction(turkey), dup])
    expect(documents.find((d) => d.doc_id === "dup")!.story_id).toBe(documents.find((d) => d.doc_id === "chile-a")!.story_id)
  })
})

// The seeds' pattern: one article names "Hassett" only, the other gives his full name and title.
const talks = (id: string, published: string | null, extra: Partial<DocSpec>): DocSpec => ({
  id,
  published,
  title: "US and China hold trade talks in London on tariffs and rare earths",
  ...extra,
  actors: [
    { name: "United States", kind: "country" },
    { name: "China", kind: "country" },
    { name: "London", kind: "place" },
    ...(extra.actors ?? [])
  ]
})

describe("dedupe: actors", () => {
  it("links a surname in one report to the full name in another report of the story", () => {
    const { actors, actor_mentions } = run(
      talks("a", null, { actors: [{ name: "Hassett", mentions: ["Hassett", "He"] }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Kevin Hassett", title: "Director of the National Economic Council", gender: "male" }] })
    )
    const hassett = actors.filter((a) => a.name.endsWith("Hassett"))
    expect(hassett).toHaveLength(1)
    expect(hassett[0]).toMatchObject({
      name: "Kevin Hassett",
      title: "Director of the National Economic Council",
      aliases: ["Hassett", "Kevin Hassett"],
      n_mentions: 3,
      n_documents: 2,
      merged_by: ["surname-in-story"]
    })
    expect(new Set(actor_mentions.filter((m) => m.text.includes("Hassett") || m.text === "He").map((m) => m.actor_id))).toEqual(new Set([hassett[0].actor_id]))
  })

  it("does not pick between two people of the story who share the surname", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Smith" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "John Smith" }, { name: "Jane Smith", gender: "female" }] })
    )
    expect(actors.map((a) => a.name).filter((n) => n.includes("Smith")).sort()).toEqual(["Jane Smith", "John Smith", "Smith"])
  })

  it("uses gender to rule out a namesake", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Smith", gender: "male" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "John Smith", gender: "male" }, { name: "Jane Smith", gender: "female" }] })
    )
    expect(actors.find((a) => a.name === "John Smith")).toMatchObject({ aliases: ["John Smith", "Smith"], merged_by: ["surname-in-story"] })
    expect(actors.some((a) => a.name === "Smith")).toBe(false)
  })

  it("keeps a one-word name apart across stories, and merges full names everywhere", () => {
    const { actors } = run(
      { ...chileA, actors: [...chileA.actors!, { name: "Jackson" }, { name: "Maria Lopez" }] },
      { ...turkey, actors: [...turkey.actors!, { name: "Jackson" }, { name: "Maria Lopez" }] }
    )
    expect(actors.filter((a) => a.name === "Jackson").map((a) => a.n_documents)).toEqual([1, 1])
    expect(actors.find((a) => a.name === "Maria Lopez")).toMatchObject({ n_documents: 2, merged_by: ["same-name"] })
  })

  it("joins a generic office across reports only with its country, and keeps an unqualified one to its report", () => {
    const ministry = (affiliation?: string) => ({ name: "Foreign Ministry", kind: "organization" as const, ...(affiliation === undefined ? {} : { affiliation }) })
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [ministry("China")] }),
      talks("b", "2025-06-10", { actors: [ministry("Japan")] }),
      talks("c", "2025-06-11", { actors: [ministry("China")] }),
      talks("d", "2025-06-11", { actors: [ministry()] }),
      talks("e", "2025-06-11", { actors: [ministry(), { name: "White House", kind: "organization", rule: "lexicon:organization" }] }),
      talks("f", "2025-06-11", { actors: [{ name: "White House", kind: "organization", rule: "lexicon:organization" }] })
    )
    const ministries = actors.filter((a) => a.name === "Foreign Ministry").map((a) => [a.affiliation, a.n_documents, a.merged_by])
    expect(ministries.sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ["China", 2, ["same-office"]],
      ["Japan", 1, []],
      [null, 1, []],
      [null, 1, []]
    ])
    // A name the gazetteers know is one institution, not a generic office.
    expect(actors.find((a) => a.name === "White House")).toMatchObject({ n_documents: 2, merged_by: ["same-name"] })
  })

  it("gives an unqualified office the one country its report, or else its story, names, and none when it names two or none", () => {
    const office = { name: "Interior Ministry", kind: "organization" as const }
    const { actors } = run(
      { ...chileA, actors: [...chileA.actors!, office] },
      { ...chileB, actors: [...chileB.actors!, office] },
      // A report of the Chile story that names no country: its story's one country.
      { ...chileB, id: "chile-c", actors: [...chileB.actors!.filter((a) => a.kind !== "country"), office] },
      { ...turkey, actors: [...turkey.actors!, office] },
      talks("a", "2025-06-10", { actors: [office] }),
      { id: "none", published: "2024-03-05", title: "Interior Ministry statement", actors: [office] }
    )
    expect(actors.filter((a) => a.name === "Interior Ministry").map((a) => [a.n_documents, a.merged_by]).sort()).toEqual([
      [1, []], [1, []], [1, []], [3, ["same-office"]]
    ])
  })

  it("reads an unqualified office as the one qualified office of its report, and only there", () => {
    const navy = { name: "Navy", kind: "organization" as const }
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [navy, { name: "Indian Navy", kind: "organization" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Indian Navy", kind: "organization" }] }),
      talks("c", "2025-06-11", { actors: [navy, { name: "Indian Navy", kind: "organization" }, { name: "British Royal Navy", kind: "organization" }] }),
      talks("d", "2025-06-11", { actors: [navy] }),
      talks("e", "2025-06-11", { actors: [navy, { name: "Navy", kind: "person" }] })
    )
    expect(actors.find((a) => a.name === "Indian Navy")).toMatchObject({ aliases: ["Indian Navy", "Navy"], n_mentions: 4, n_documents: 3 })
    // Beside two navies, or with none named, "the Navy" stays its report's own: one actor of the report,
    // whatever kind each mention was read as.
    expect(actors.filter((a) => a.name === "Navy").map((a) => [a.n_documents, a.n_mentions]).sort()).toEqual([[1, 1], [1, 1], [1, 2]])
  })

  it("joins a country to its alias in the story, but not a capital read as the city to the state", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Greece", kind: "country", aliases: ["Athens", "Hellenic Republic"] }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Athens", kind: "place" }, { name: "Hellenic Republic", kind: "country" }] })
    )
    expect(actors.find((a) => a.aliases.includes("Greece"))).toMatchObject({ kind: "country", n_documents: 2, merged_by: ["alias-in-story"] })
    expect(actors.find((a) => a.name === "Athens")).toMatchObject({ kind: "place", n_documents: 1 })
  })

  it("tells a generic office from a particular institution", () => {
    const generic = (name: string) => isGenericOffice({ name, rule: "fixture" })
    expect(["Foreign Ministry", "the president", "Prime Minister", "Supreme Court", "Interior Ministry", "Police", "Ministry of Defence"].map(generic)).toEqual([
      true, true, true, true, true, true, true
    ])
    expect(["Chinese Foreign Ministry", "Bank of England", "Acme Corp", "Kevin Hassett", "Indianapolis Colts", "Department of Work and Pensions"].map(generic)).toEqual([
      false, false, false, false, false, false
    ])
  })

  it("reads a long name written with a word in the plural and in the singular as one name, not a person's", () => {
    const { actors } = run(
      { ...chileA, actors: [...chileA.actors!, { name: "Central Elections Commission", kind: "organization" }, { name: "John Quincy Adams" }] },
      { ...turkey, actors: [...turkey.actors!, { name: "Central Election Commission", kind: "organization" }, { name: "John Quincy Adam" }] }
    )
    expect(actors.filter((a) => a.name.startsWith("Central")).map((a) => [a.n_documents, a.merged_by])).toEqual([[2, ["same-name"]]])
    expect(actors.filter((a) => a.name.startsWith("John")).map((a) => a.n_documents)).toEqual([1, 1])
  })

  it("reads a hyphen and a space in a full name as one spelling, across stories", () => {
    const { actors } = run(
      { ...chileA, actors: [...chileA.actors!, { name: "Robert Kilroy-Silk" }, { name: "Coca-Cola", kind: "organization" }] },
      { ...turkey, actors: [...turkey.actors!, { name: "Robert Kilroy Silk" }, { name: "Coca Cola", kind: "organization" }] }
    )
    expect(actors.find((a) => a.aliases.includes("Robert Kilroy Silk"))).toMatchObject({ n_documents: 2, merged_by: ["same-name"] })
    expect(actors.find((a) => a.aliases.includes("Coca Cola"))).toMatchObject({ kind: "organization", n_documents: 2, merged_by: ["same-name"] })
  })

  it("links a first name to the one full name of the story that starts with it, unless it is someone's surname", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Lindsay", gender: "female" }, { name: "Morgan" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Lindsay Lohan", gender: "female" }, { name: "Morgan Freeman" }, { name: "Tracy Morgan" }] })
    )
    expect(actors.find((a) => a.name === "Lindsay Lohan")).toMatchObject({ aliases: ["Lindsay", "Lindsay Lohan"], merged_by: ["first-name-in-story"] })
    // "Morgan" is Tracy Morgan's surname: it is not taken for Morgan Freeman's first name.
    expect(actors.find((a) => a.name === "Morgan Freeman")!.aliases).toEqual(["Morgan Freeman"])
  })

  it("links an organisation's short form and initials to its full name in the story, not to one of another kind", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Promises", kind: "organization" }, { name: "THR", kind: "organization" }, { name: "Washington", kind: "place" }] }),
      talks("b", "2025-06-10", {
        actors: [{ name: "Promises Treatment Center", kind: "organization" }, { name: "The Hollywood Reporter", kind: "organization" }, { name: "Washington Post", kind: "organization" }]
      })
    )
    expect(actors.filter((a) => a.kind !== "country").map((a) => [a.name, a.merged_by]).sort()).toEqual([
      ["London", ["same-name"]],
      ["Promises Treatment Center", ["short-form-in-story"]],
      ["The Hollywood Reporter", ["short-form-in-story"]],
      ["Washington Post", []],
      ["Washington", []]
    ])
  })

  it("does not let a short name that stands for different long names in two stories join those long names", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "New", kind: "place" }, { name: "Promises", kind: "organization" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "New York", kind: "place" }, { name: "Promises Treatment Center", kind: "organization" }] }),
      { ...chileA, actors: [...chileA.actors!, { name: "New", kind: "place" }] },
      { ...chileB, actors: [...chileB.actors!, { name: "New Caledonia", kind: "place" }] }
    )
    const names = actors.filter((a) => a.kind === "place" || a.kind === "organization").map((a) => [a.name, a.merged_by]).sort()
    expect(names).toEqual([
      ["Arica", ["same-name"]],
      ["London", ["same-name"]],
      ["New Caledonia", []],
      ["New York", []],
      ["New", ["same-name"]],
      ["Promises Treatment Center", ["short-form-in-story"]]
    ])
  })

  it("reads a name and a phrase read as one name as no long form of the name, unless an institution is named so", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Red Sox", kind: "organization" }, { name: "Red Sox for Teixeira", kind: "organization" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Boston Red Sox", kind: "organization" }] }),
      { ...chileA, actors: [...chileA.actors!, { name: "Center", kind: "organization" }] },
      { ...chileB, actors: [...chileB.actors!, { name: "Center for Public Integrity", kind: "organization" }] }
    )
    expect(actors.find((a) => a.name === "Boston Red Sox")).toMatchObject({ aliases: ["Boston Red Sox", "Red Sox"], merged_by: ["short-form-in-story"] })
    expect(actors.find((a) => a.name === "Red Sox for Teixeira")!.n_documents).toBe(1)
    expect(actors.find((a) => a.name === "Center for Public Integrity")).toMatchObject({ aliases: ["Center", "Center for Public Integrity"], merged_by: ["short-form-in-story"] })
  })

  it("reads a team's name read as a place by its leading words as the team its last word names", () => {
    const team = run(
      talks("a", "2025-06-10", { actors: [{ name: "Angels", kind: "organization", mentions: ["Angels", "Angels"] }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Los Angeles Angels", kind: "place" }] })
    )
    expect(team.actors.find((a) => a.aliases.includes("Los Angeles Angels"))).toMatchObject({ kind: "organization", aliases: ["Angels", "Los Angeles Angels"], merged_by: ["short-form-in-story"] })
  })

  it("does not read a name the gazetteers know as the short form of a longer name", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Berlin", kind: "place", rule: "lexicon:countries:capital-as-place" }, { name: "Promises", kind: "organization" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Berlin Film Festival", kind: "place" }, { name: "Promises Treatment Center", kind: "organization" }] })
    )
    expect(actors.filter((a) => a.name.startsWith("Berlin") || a.name.startsWith("Promises")).map((a) => [a.name, a.merged_by]).sort()).toEqual([
      ["Berlin Film Festival", []],
      ["Berlin", []],
      ["Promises Treatment Center", ["short-form-in-story"]]
    ])
  })

  it("does not read the town a place is named for as the place's short form", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Edinburgh", kind: "place" }, { name: "Promises", kind: "organization" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Edinburgh Airport", kind: "place" }, { name: "Promises Treatment Center", kind: "organization" }] })
    )
    expect(actors.filter((a) => a.name.startsWith("Edinburgh") || a.name.startsWith("Promises")).map((a) => [a.name, a.merged_by]).sort()).toEqual([
      ["Edinburgh Airport", []],
      ["Edinburgh", []],
      ["Promises Treatment Center", ["short-form-in-story"]]
    ])
  })

  it("keeps a group named by a plain noun to its story: the officials of two stories are two actors", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "officials", kind: "group" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "officials", kind: "group" }] }),
      { ...chileA, actors: [...chileA.actors!, { name: "officials", kind: "group" }] }
    )
    expect(actors.filter((a) => a.name === "officials").map((a) => [a.n_documents, a.merged_by])).toEqual([[2, ["same-name-in-story"]], [1, []]])
  })

  it("reads a one-word name as one actor within a story whatever kind each report gave it, not across stories", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Lionsgate", kind: "organization", mentions: ["Lionsgate", "Lionsgate"] }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Lionsgate", kind: "person" }] }),
      { ...chileA, actors: [...chileA.actors!, { name: "Lionsgate", kind: "person" }] }
    )
    expect(actors.filter((a) => a.name === "Lionsgate").map((a) => [a.kind, a.n_documents, a.merged_by]).sort()).toEqual([
      ["organization", 2, ["same-name-in-story"]],
      ["person", 1, []]
    ])
  })

  it("reads a one-word organisation that is the surname of one person of the story as that person", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Craig Zadan", mentions: ["Craig Zadan", "Zadan"] }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Zadan", kind: "organization" }, { name: "Berlin", kind: "place", rule: "lexicon:places" }] })
    )
    expect(actors.filter((a) => a.name.includes("Zadan")).map((a) => [a.name, a.kind, a.n_documents, a.merged_by])).toEqual([["Craig Zadan", "person", 2, ["surname-in-story"]]])
  })

  it("reads a group named by its noun alone as the one group of the story that qualifies that noun", () => {
    const { actors } = run(
      { ...chileA, actors: [...chileA.actors!, { name: "officials", kind: "group" }, { name: "forces", kind: "group" }] },
      { ...chileB, actors: [...chileB.actors!, { name: "Chilean authorities", kind: "group" }, { name: "Chilean forces", kind: "group" }, { name: "U.S. forces", kind: "group" }] }
    )
    expect(actors.find((a) => a.name === "Chilean authorities")).toMatchObject({ aliases: ["Chilean authorities", "officials"], merged_by: ["qualified-group-in-story"] })
    // Two forces in the story: "forces" may be either.
    expect(actors.filter((a) => a.name.endsWith("forces")).map((a) => a.n_documents)).toEqual([1, 1, 1])
  })

  it("reads a story's demonstrators as its protesters (one WordNet synset), not another story's", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "protesters", kind: "group" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "demonstrators", kind: "group" }] }),
      { ...chileA, actors: [...chileA.actors!, { name: "demonstrators", kind: "group" }] }
    )
    expect(actors.filter((a) => a.kind === "group").map((a) => [a.n_documents, a.merged_by]).sort()).toEqual([[1, []], [2, ["same-name-in-story"]]])
  })

  it("joins full names that differ only by a middle initial within a story", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "George W. Bush", mentions: ["George W. Bush", "Bush"] }] }),
      talks("b", "2025-06-10", { actors: [{ name: "George Bush" }] })
    )
    expect(actors.filter((a) => a.name.includes("Bush")).map((a) => [a.name, a.merged_by])).toEqual([["George W. Bush", ["name-variant-in-story"]]])
  })

  it("joins a short given name, a nickname, a middle name and a generational suffix to the one person they fit", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Fred LaRue" }, { name: "Mo Cheeks" }, { name: "Joseph Comeaux Jr." }, { name: "W. Mark Felt" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Frederick Cheney LaRue" }, { name: "Maurice Cheeks" }, { name: "Arcade Joseph Comeaux" }, { name: "Mark Felt" }] })
    )
    const people = actors.filter((a) => a.kind === "person").map((a) => [a.name, a.aliases.length, a.merged_by])
    expect(people.sort()).toEqual([
      ["Arcade Joseph Comeaux", 2, ["name-variant-in-story"]],
      ["Frederick Cheney LaRue", 2, ["name-variant-in-story"]],
      ["Maurice Cheeks", 2, ["name-variant-in-story"]],
      ["W. Mark Felt", 2, ["name-variant-in-story"]]
    ])
  })

  it("reads a nickname written inside a full name as no part of the name, and as a given name in the story", () => {
    const { actors } = run(
      { ...chileA, actors: [...chileA.actors!, { name: "Maria (Mimi) Santos" }, { name: "The Associated Press", kind: "organization" }] },
      { ...turkey, actors: [...turkey.actors!, { name: "Maria Santos" }, { name: "Associated Press", kind: "organization" }] },
      talks("a", "2025-06-10", { actors: [{ name: "Daniel 'Danny' Reyes" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Danny Reyes" }] })
    )
    // Across stories: the same name once the nickname is left out; an organisation's leading article is no part of its name.
    expect(actors.find((a) => a.aliases.includes("Maria (Mimi) Santos"))).toMatchObject({ n_documents: 2, merged_by: ["same-name"] })
    expect(actors.find((a) => a.aliases.includes("The Associated Press"))).toMatchObject({ n_documents: 2, merged_by: ["same-name"] })
    // Within a story: the nickname is the given name the other report uses.
    expect(actors.find((a) => a.aliases.includes("Danny Reyes"))).toMatchObject({ n_documents: 2, merged_by: ["name-variant-in-story"] })
  })

  it("reads a full name with a nickname inside as the nickname and the surname, whoever else that name fits", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Luis Gerardo (Jerry) Ortiz" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Jerry Ortiz" }] }),
      // A title read into a name: "Jerry" is its middle word, so "Jerry Ortiz" fits it too.
      talks("c", "2025-06-10", { actors: [{ name: "Sheriff Jerry Ortiz" }] })
    )
    expect(actors.filter((a) => a.kind === "person").map((a) => [a.aliases.length, a.n_documents, a.merged_by])).toEqual([[3, 3, ["name-variant-in-story"]]])
  })

  it("names a merged person by the full name most mentions use, not by a one-off longer form", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Singer Britney Spears" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Britney Spears", mentions: ["Britney Spears", "Spears", "Britney Spears"] }] })
    )
    expect(actors.filter((a) => a.kind === "person").map((a) => [a.name, a.aliases])).toEqual([["Britney Spears", ["Britney Spears", "Singer Britney Spears", "Spears"]]])
  })

  it("joins spellings of one name within a story: vowels, a surname's one slip, a surname alone", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Heidar Alishvandi" }, { name: "Bettie Page", gender: "female" }, { name: "Klistchko" }, { name: "Robert Smith" }, { name: "Mario Lopez", gender: "male" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Heydar Alishvandi" }, { name: "Betty Page" }, { name: "Wladimir Klitschko" }, { name: "Rupert Smith" }, { name: "Maria Lopez", gender: "female" }] }),
      talks("c", "2025-06-10", { actors: [{ name: "Heydar Alishbandi" }] })
    )
    const people = actors.filter((a) => a.kind === "person").map((a) => [a.name, a.n_documents, a.merged_by])
    expect(people.sort()).toEqual([
      ["Bettie Page", 2, ["spelling-variant-in-story"]],
      ["Heidar Alishvandi", 3, ["spelling-variant-in-story"]],
      ["Maria Lopez", 1, []],
      ["Mario Lopez", 1, []],
      ["Robert Smith", 1, []],
      ["Rupert Smith", 1, []],
      ["Wladimir Klitschko", 2, ["spelling-variant-in-story"]]
    ])
  })

  it("tells a spelling of a name from another name", () => {
    expect([["heidar", "heydar"], ["betty", "bettie"], ["mohammed", "muhammad"], ["jon", "john"], ["robert", "rupert"], ["dan", "don"], ["alishvandi", "alishbandi"]].map(([a, b]) => isSpellingVariant(a, b))).toEqual([
      true, true, true, true, false, false, false
    ])
    expect([["alishvandi", "alishbandi"], ["klitschko", "klistchko"], ["carter", "carver"], ["owens", "owen"], ["klitschko", "klitchsko"]].map(([a, b]) => isSurnameVariant(a, b))).toEqual([
      true, true, true, false, false
    ])
  })

  it("keeps two people of one surname apart when a short name fits both", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Chris Evans" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Christopher Evans" }, { name: "Christine Evans" }] })
    )
    expect(actors.filter((a) => a.kind === "person").map((a) => a.name).sort()).toEqual(["Chris Evans", "Christine Evans", "Christopher Evans"])
  })

  it("joins a full name read as a place in one report to the person of another, in any story, and a team to its last word", () => {
    const { actors } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Zurana Horton", kind: "place" }, { name: "Colts", kind: "organization" }, { name: "Center", kind: "organization" }] }),
      talks("b", "2025-06-10", {
        actors: [{ name: "Zurana Horton", mentions: ["Zurana Horton", "Zurana Horton"] }, { name: "Indianapolis Colts", kind: "organization" }, { name: "Betty Ford Center", kind: "organization" }]
      })
    )
    expect(actors.find((a) => a.name === "Zurana Horton")).toMatchObject({ kind: "person", n_documents: 2, merged_by: ["same-name"] })
    const apart = run(
      { ...chileA, actors: [...chileA.actors!, { name: "Kanye West", kind: "place" }] },
      { ...turkey, actors: [...turkey.actors!, { name: "Kanye West", mentions: ["Kanye West", "Kanye West"] }] }
    )
    expect(apart.actors.filter((a) => a.name === "Kanye West").map((a) => [a.kind, a.n_documents])).toEqual([["person", 2]])
    // A one-word name keeps a person apart from a place.
    const oneWord = run({ ...chileA, actors: [...chileA.actors!, { name: "Jordan", kind: "country" }] }, { ...turkey, actors: [...turkey.actors!, { name: "Jordan" }] })
    expect(oneWord.actors.filter((a) => a.name === "Jordan").map((a) => a.kind).sort()).toEqual(["country", "person"])
    expect(actors.find((a) => a.name === "Indianapolis Colts")).toMatchObject({ aliases: ["Colts", "Indianapolis Colts"], merged_by: ["short-form-in-story"] })
    expect(run(
      talks("a", "2025-06-10", { actors: [{ name: "Betty Ford Centre", kind: "organization" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Betty Ford Center", kind: "organization" }] })
    ).actors.filter((a) => a.name.startsWith("Betty")).map((a) => a.n_documents)).toEqual([2])
    // "Center" is an institution word: it may be any centre.
    expect(actors.find((a) => a.name === "Betty Ford Center")!.aliases).toEqual(["Betty Ford Center"])
  })
})

describe("dedupe: events", () => {
  const meeting = (date: string | null, dateText: string | null = null) => ({
    type: "CONSULT",
    trigger: "talks",
    text: "US and Chinese officials held talks in London",
    actors: ["United States", "China"],
    date,
    dateText,
    location: "London"
  })

  it("merges one event reported by two documents, with the rules that matched", () => {
    const { events, event_mentions } = run(
      talks("a", "2025-06-10", { events: [meeting("2025-06-09", "Monday")] }),
      talks("b", "2025-06-10", { events: [{ ...meeting("2025-06-09", "Monday"), trigger: "met", lemma: "meet", text: "Officials of the US and China met in London" }] })
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      event_type: "CONSULT",
      date: "2025-06-09",
      date_source: "text",
      location: "London",
      n_mentions: 2,
      n_documents: 2,
      merged_by: ["same-date", "same-location", "same-type", "shared-actors", "synonym-trigger"]
    })
    expect(event_mentions.map((m) => m.event_id)).toEqual([events[0].event_id, events[0].event_id])
  })

  it("keeps two rounds of talks apart, even when an undated mention could bridge them", () => {
    const { events } = run(
      talks("a", "2025-06-10", { events: [meeting("2025-05-10"), meeting(null), meeting("2025-06-09")] })
    )
    expect(events.map((e) => e.date).sort()).toEqual(["2025-05-10", "2025-06-09"])
    expect(events.map((e) => e.n_mentions).sort()).toEqual([1, 2])
  })

  it("merges a month-dated report of an agreement with a day-dated one of the same story, saying so", () => {
    const agreement = (date: string, actors: Array<string>) => ({ type: "AGREE", trigger: "agreement", text: "the May trade agreement", actors, date, dateText: "May", location: null })
    const { events } = run(
      talks("a", "2025-06-10", { events: [agreement("2025-05", [])] }),
      talks("b", "2025-06-10", { events: [{ ...agreement("2025-05-12", ["United States", "China"]), text: "a May 12 agreement between the two economies" }] })
    )
    expect(events.map((e) => [e.event_type, e.date, e.n_documents, e.merged_by])).toEqual([["AGREE", "2025-05-12", 2, ["compatible-date", "same-trigger", "same-type"]]])
  })

  it("merges reports of one story whose triggers share a lemma, with nothing else in common", () => {
    const sacking = (trigger: string, text: string) => ({ type: "personnel", trigger, lemma: "fire", text, actors: [], date: null, dateText: null, location: null })
    const { events } = run(
      talks("a", "2025-06-10", { events: [sacking("fired", "The club fired its coach")] }),
      talks("b", "2025-06-10", { events: [sacking("firing", "after the firing of the coach")] })
    )
    expect(events.map((e) => [e.event_type, e.n_mentions, e.n_documents, e.merged_by])).toEqual([["personnel", 2, 2, ["same-trigger", "same-type"]]])
  })

  it("takes days a day apart for one event, and days two apart for two, never chaining across", () => {
    const { events } = run(
      talks("a", "2025-06-10", { events: [meeting("2025-06-09")] }),
      talks("b", "2025-06-11", { events: [meeting("2025-06-10")] }),
      talks("c", "2025-06-12", { events: [meeting("2025-06-11")] })
    )
    // 9 and 10 join (a time zone, a late night); 11 is two days from 9 and may not join their event.
    expect(events.map((e) => [e.date, e.n_documents]).sort()).toEqual([["2025-06-09", 2], ["2025-06-11", 1]])
  })

  it("keeps a demand apart from the opposite demand, reading a person as acting for their country", () => {
    const demand = (text: string, source: string, target: string) => ({ type: "REQUEST", trigger: "called", lemma: "call on", text, actors: [source, target], source: [source], target: [target], date: null })
    const leavitt = { name: "Karoline Leavitt", affiliation: "United States" }
    const { events, actors } = run(
      talks("a", "2025-06-10", { actors: [leavitt], events: [demand("Karoline Leavitt called on China to keep the deal", "Karoline Leavitt", "China")] }),
      talks("b", "2025-06-10", { events: [demand("China called on the United States to stick to the deal", "China", "United States")] }),
      talks("c", "2025-06-10", { actors: [leavitt], events: [demand("Karoline Leavitt called on China to honour the deal", "Karoline Leavitt", "China")] })
    )
    expect(events.map((e) => [e.n_documents, e.summary]).sort()).toEqual([
      [1, "China called on the United States to stick to the deal"],
      [2, "Karoline Leavitt called on China to keep the deal"]
    ])
    // The country she acts for tells the direction; the row's source is the one the text names.
    const idOf = (name: string) => actors.find((a) => a.name === name)!.actor_id
    expect(events.find((e) => e.summary.startsWith("Karoline"))!.source_actor_ids).toEqual([idOf("Karoline Leavitt")])
  })

  it("keeps agreements of different days apart although the trigger is the same", () => {
    const agreement = (date: string) => ({ type: "AGREE", trigger: "agreement", text: "an agreement", actors: [], date, dateText: null, location: null })
    const { events } = run(talks("a", "2025-06-10", { events: [agreement("2025-05-12"), agreement("2025-06-02")] }))
    expect(events.map((e) => e.date).sort()).toEqual(["2025-05-12", "2025-06-02"])
  })

  it("groups without a date the extractor borrowed from another mention, and keeps it on the row", () => {
    // Report a dated its talks by borrowing the date of an earlier mention of another meeting
    // ("date:antecedent-event"); report b dates the same talks from its own "Monday".
    const borrowed = { ...meeting("2025-05-10"), rule: "trigger:talks/noun;date:antecedent-event" }
    const { events, event_mentions } = run(talks("a", "2025-06-10", { events: [borrowed] }), talks("b", "2025-06-10", { events: [meeting("2025-06-09", "Monday")] }))
    expect(events.map((e) => [e.date, e.n_documents])).toEqual([["2025-06-09", 2]])
    expect(event_mentions.map((m) => m.date)).toEqual(["2025-05-10", "2025-06-09"])
    // Read from the mention's own time expression, the same date keeps the two apart.
    const own = run(talks("a", "2025-06-10", { events: [meeting("2025-05-10", "May 10")] }), talks("b", "2025-06-10", { events: [meeting("2025-06-09", "Monday")] }))
    expect(own.events).toHaveLength(2)
  })

  it("keeps events of different types apart", () => {
    const { events } = run(
      talks("a", "2025-06-10", { events: [meeting("2025-06-09"), { ...meeting("2025-06-09"), type: "AGREE", trigger: "agreed" }] })
    )
    expect(events.map((e) => e.event_type).sort()).toEqual(["AGREE", "CONSULT"])
  })
})

describe("dedupe: undated documents", () => {
  it("dates an undated report by the events it shares with its story and resolves its days again", () => {
    const { documents, events, event_mentions, times } = run(
      talks("undated", null, {
        events: [
          meeting2("Monday"),
          { type: "CONSULT", trigger: "phone call", text: "Trump and Xi agreed to the meeting in a phone call on Thursday", actors: ["Donald Trump"], dateText: "Thursday" }
        ],
        times: [{ text: "Thursday", value: null, precision: null, tense: "past" }]
      }),
      talks("dated", "2025-06-10", { events: [{ ...meeting2("Monday"), date: "2025-06-09" }] })
    )
    expect(documents.map((d) => [d.doc_id, d.published, d.published_source])).toEqual([
      ["undated", "2025-06-09", "inferred"],
      ["dated", "2025-06-10", "input"]
    ])
    expect(event_mentions.map((m) => [m.doc_id, m.trigger, m.date])).toEqual([
      ["undated", "talks", "2025-06-09"],
      ["undated", "phone call", "2025-06-05"],
      ["dated", "talks", "2025-06-09"]
    ])
    expect(events.map((e) => [e.summary.slice(0, 20), e.date, e.date_source, e.n_documents])).toEqual([
      ["US and Chinese offic", "2025-06-09", "text", 2],
      ["Trump and Xi agreed ", "2025-06-05", "story", 1]
    ])
    expect(times.map((t) => [t.text, t.value, t.anchor])).toEqual([["Thursday", "2025-06-05", "story"]])
  })

  it("lets a weekday counted from a borrowed date miss the other reports' day by a few days, never a text date", () => {
    // "Friday", counted back from the Monday the story lends the undated report, is June 6: three days
    // from the dated report's June 9. Only the borrowed anchor is unsure, so the talks stay one event.
    const { events, event_mentions } = run(
      talks("undated", null, { events: [meeting2("Friday")] }),
      talks("dated", "2025-06-10", { events: [{ ...meeting2("Monday"), date: "2025-06-09" }] })
    )
    expect(event_mentions.map((m) => [m.doc_id, m.date])).toEqual([["undated", "2025-06-06"], ["dated", "2025-06-09"]])
    expect(events.map((e) => [e.date, e.n_documents])).toEqual([["2025-06-09", 2]])
    // The same three days between two reports that each date the talks themselves: two rounds.
    const apart = run(
      talks("a", "2025-06-10", { events: [{ ...meeting2("Friday"), date: "2025-06-06" }] }),
      talks("b", "2025-06-10", { events: [{ ...meeting2("Monday"), date: "2025-06-09" }] })
    )
    expect(apart.events.map((e) => e.date)).toEqual(["2025-06-06", "2025-06-09"])
  })

  it("joins a killing and a death told of the same victim, not a murder of someone else", () => {
    const people = [{ name: "Zurana Horton", gender: "female" as const }, { name: "Rosa Diaz", gender: "female" as const }]
    const { events } = run(
      talks("a", "2011-10-22", { actors: people, events: [{ type: "ASSAULT", trigger: "killed", lemma: "kill", text: "a gunman killed Zurana Horton", actors: ["Zurana Horton"], date: "2011-10-21" }] }),
      talks("b", "2011-10-22", {
        actors: people,
        events: [
          { type: "death", trigger: "died", lemma: "die", text: "Zurana Horton died in hospital", actors: ["Zurana Horton"], date: "2011-10-21" },
          { type: "crime", trigger: "murder", text: "the murder of Rosa Diaz", actors: ["Rosa Diaz"], date: null }
        ]
      })
    )
    expect(events.map((e) => [e.event_type, e.n_documents, e.merged_by.includes("same-death")])).toEqual([
      ["ASSAULT", 2, true],
      ["crime", 1, false]
    ])
    // A country both name is no victim: a hurricane's deaths and a killing there stay apart.
    const country = run(
      talks("c", "2004-12-27", { events: [{ type: "ASSAULT", trigger: "killed", lemma: "kill", text: "gunmen killed ten in China", actors: ["China"], date: "2004-12-26" }] }),
      talks("d", "2004-12-27", { events: [{ type: "death", trigger: "died", lemma: "die", text: "thousands died in China", actors: ["China"], date: "2004-12-26" }] })
    )
    expect(country.events.map((e) => e.event_type)).toEqual(["ASSAULT", "death"])
    // The same word for a death, typed differently by its clause ("an accident that killed"), is one death.
    const sameWord = run(
      talks("e", "2013-09-14", { events: [{ type: "ASSAULT", trigger: "killed", lemma: "kill", text: "a woman was killed by a drunk driver", actors: [], date: "2013-09-13" }] }),
      talks("f", "2013-09-14", { events: [{ type: "disaster", trigger: "killed", lemma: "kill", text: "a hit and run accident that killed a woman", actors: [], date: "2013-09-13" }] })
    )
    expect(sameWord.events.map((e) => [e.n_documents, e.merged_by.includes("same-death")])).toEqual([[2, true]])
  })

  it("gives an event's summary on one line, while its mention keeps the text as written", () => {
    const { events, event_mentions } = run(
      talks("a", "2025-06-10", { events: [{ type: "AGREE", trigger: "agreed", lemma: "agree", text: "Trump and Xi agreed to the meeting\nin a phone call", actors: [], date: null }] })
    )
    expect(events.map((e) => e.summary)).toEqual(["Trump and Xi agreed to the meeting in a phone call"])
    expect(event_mentions.map((m) => m.text)).toEqual(["Trump and Xi agreed to the meeting\nin a phone call"])
  })

  it("never pairs an event the report expects with one over a week before the report", () => {
    const discussion = (text: string, date: string | null, modality: "asserted" | "expected") =>
      ({ type: "CONSULT", trigger: "discussion", text, actors: [], date, modality, location: null })
    const { events } = run(
      talks("a", "2025-06-10", {
        events: [
          discussion("Issues up for discussion are likely to include export controls", null, "expected"),
          discussion("tariffs were cut back following discussions in Switzerland", "2025-05", "asserted"),
          discussion("the discussion on Monday in London", "2025-06-09", "asserted")
        ]
      })
    )
    // The expected discussion may be the one under way since Monday; not May's.
    expect(events.map((e) => [e.date, e.n_mentions])).toEqual([["2025-06-09", 2], ["2025-05", 1]])
  })

  it("leaves a story without any dated report undated", () => {
    const { documents } = run(talks("a", null, { events: [meeting2("Monday")] }), talks("b", null, { events: [meeting2("Monday")] }))
    expect(documents.map((d) => d.published)).toEqual([null, null])
  })
})

const meeting2 = (dateText: string) => ({
  type: "CONSULT",
  trigger: "talks",
  text: "US and Chinese officials held talks in London",
  actors: ["United States", "China"],
  dateText,
  location: "London"
})

describe("dedupe: statements", () => {
  const hassett = { name: "Kevin Hassett" }
  it("gives a quoted and a paraphrased report of one statement the same statement_id", () => {
    const { quotes } = run(
      talks("a", null, {
        actors: [hassett],
        quotes: [
          { speaker: "Kevin Hassett", kind: "indirect", text: "the expectation was that immediately after the handshake, export controls would be eased and rare earths released in volume" },
          { speaker: "Kevin Hassett", text: "The purpose of the meeting today is to make sure that they're serious" }
        ]
      }),
      talks("b", "2025-06-10", {
        actors: [hassett],
        quotes: [{ speaker: "Kevin Hassett", text: "immediately after the handshake, any export controls from the US will be eased, and the rare earths will be released in volume" }]
      })
    )
    expect(quotes[0].statement_id).toBe(quotes[2].statement_id)
    expect(quotes[1].statement_id).not.toBe(quotes[0].statement_id)
  })

  it("gives the same quoted words one statement_id when one report leaves the speaker unresolved, or gives it as its own office", () => {
    const denial = "the reports of a secret meeting in Geneva are groundless and irresponsible"
    const ministry = { name: "Foreign Ministry", kind: "organization" as const }
    const { quotes } = run(
      talks("a", "2025-06-10", { actors: [ministry], quotes: [{ speaker: "Foreign Ministry", text: denial }] }),
      talks("b", "2025-06-10", { actors: [ministry], quotes: [{ speaker: "Foreign Ministry", text: `${denial}.` }] }),
      talks("c", "2025-06-11", { quotes: [{ speaker: null, text: denial }] }),
      talks("d", "2025-06-11", { quotes: [{ speaker: null, text: "the talks in Geneva were useful and frank" }] })
    )
    expect(new Set(quotes.slice(0, 3).map((q) => q.statement_id)).size).toBe(1)
    expect(quotes[3].statement_id).not.toBe(quotes[0].statement_id)
    // Each report's "Foreign Ministry" is its own actor (no country given): the words make the statement one.
    expect(quotes[0].speaker_actor_id).not.toBe(quotes[1].speaker_actor_id)
  })

  it("gives the parts of one quotation one statement_id, and their words together join another report", () => {
    const { quotes } = run(
      talks("a", null, {
        actors: [hassett],
        quotes: [
          { speaker: "Kevin Hassett", text: "We are ready to talk" },
          { speaker: "Kevin Hassett", text: "controls will be eased", part: 2 },
          { speaker: "Kevin Hassett", text: "The purpose of the meeting today is to make sure that they're serious" }
        ]
      }),
      talks("b", "2025-06-10", {
        actors: [hassett],
        quotes: [{ speaker: "Kevin Hassett", text: "we are ready to talk, and controls will be eased" }]
      })
    )
    expect(quotes.map((q) => [q.part, q.statement_id === quotes[0].statement_id])).toEqual([[1, true], [2, true], [1, false], [1, true]])
    expect(new Set(quotes.map((q) => q.quote_id)).size).toBe(4)
  })

  it("never joins the same words said by different speakers", () => {
    const { quotes } = run(
      talks("a", "2025-06-10", { actors: [{ name: "Kevin Hassett" }], quotes: [{ speaker: "Kevin Hassett", text: "export controls will be eased and rare earths released" }] }),
      talks("b", "2025-06-10", { actors: [{ name: "Scott Bessent" }], quotes: [{ speaker: "Scott Bessent", text: "export controls will be eased and rare earths released" }] })
    )
    expect(quotes[0].statement_id).not.toBe(quotes[1].statement_id)
  })
})

describe("dedupe: speakers named by a title the merged actor holds", () => {
  const blairTitled = { name: "Tony Blair", title: "Prime Minister" }
  const blair = { name: "Tony Blair" }
  const brown = { name: "Gordon Brown", title: "Chancellor" }
  const speakers = (...specs: ReadonlyArray<DocSpec>) => run(...specs).quotes.map((q) => [q.doc_id, q.speaker, q.rule])

  it("gives 'the prime minister' to the one person the article names whom other reports call that", () => {
    const quote = { speaker: "the prime minister", text: "the economy was stable" }
    expect(speakers(
      talks("a", "2025-06-10", { actors: [blairTitled] }),
      talks("b", "2025-06-10", { actors: [blair, brown], quotes: [quote] })
    )).toEqual([["b", "Tony Blair", "fixture;speaker.known-title"]])
  })

  it("leaves it unresolved when no named person, or more than one, holds the title", () => {
    const quote = { speaker: "the prime minister", text: "the economy was stable" }
    const howard = { name: "Michael Howard", title: "Prime Minister" }
    expect(speakers(talks("a", "2025-06-10", { actors: [blairTitled] }), talks("b", "2025-06-10", { actors: [brown], quotes: [quote] })))
      .toEqual([["b", null, "fixture;speaker.none"]])
    expect(speakers(talks("a", "2025-06-10", { actors: [blairTitled, howard] }), talks("b", "2025-06-10", { actors: [blair, howard], quotes: [quote] })))
      .toEqual([["b", null, "fixture;speaker.none"]])
    // "the former prime minister" may be someone else.
    expect(speakers(talks("a", "2025-06-10", { actors: [blairTitled] }), talks("b", "2025-06-10", { actors: [blair], quotes: [{ ...quote, speaker: "the former prime minister" }] })))
      .toEqual([["b", null, "fixture;speaker.none"]])
  })
})

describe("dedupe: evidence and ids", () => {
  it("keeps every mention, and gives the same ids whatever the input order", () => {
    const specs = [chileA, chileB, turkey]
    const forward = run(...specs)
    const backward = run(...[...specs].reverse())
    expect(forward.actor_mentions).toHaveLength(specs.reduce((n, s) => n + s.actors!.reduce((k, a) => k + (a.mentions?.length ?? 1), 0), 0))
    const ids = (d: typeof forward) => ({
      actors: d.actors.map((a) => a.actor_id).sort(),
      events: d.events.map((e) => e.event_id).sort(),
      stories: d.documents.map((x) => x.story_id).sort()
    })
    expect(ids(backward)).toEqual(ids(forward))
  })
})

describe("dedupe: event classes and blocks", () => {
  let n = 0
  const ref = (spec: Partial<EventMentionRef> & Pick<EventMentionRef, "eventType" | "trigger">): EventMentionRef => {
    n++
    return {
      mentionId: `m${n}`,
      docId: `d${n}`,
      storyId: "s1",
      published: "2024-03-05",
      order: String(n).padStart(4, "0"),
      neighbours: [],
      date: null,
      dateInferred: false,
      notBefore: null,
      location: null,
      actorIds: [],
      personIds: [],
      sourceIds: [],
      targetIds: [],
      actingIds: [],
      ...spec
    }
  }
  const groupsOf = (mentions: ReadonlyArray<EventMentionRef>) => {
    const groups = groupEvents(mentions)
    return mentions.map((_, i) => groups.findIndex((g) => g.members.includes(i)))
  }

  it("joins synonyms of one class ('quake', 'earthquake') on evidence a lone date would not give", () => {
    const [a, b] = groupsOf([
      ref({ eventType: "disaster", trigger: "earthquake", date: "2024-03-04" }),
      ref({ eventType: "disaster", trigger: "quake", date: "2024-03" })
    ])
    expect(a).toBe(b)
    const merged = groupEvents([ref({ eventType: "disaster", trigger: "earthquake", date: "2024-03-04" }), ref({ eventType: "disaster", trigger: "quake", date: "2024-03" })])
    expect(merged[0].mergedBy).toContain("synonym-trigger")
    // Two words of no class, the same evidence: apart.
    const [c, d] = groupsOf([ref({ eventType: "disaster", trigger: "landslide", date: "2024-03-04" }), ref({ eventType: "disaster", trigger: "drought", date: "2024-03" })])
    expect(c).not.toBe(d)
  })

  it("joins two synonyms within one report on nothing else, but not across two reports", () => {
    const [a, b] = groupsOf([ref({ eventType: "disaster", trigger: "earthquake", docId: "r1" }), ref({ eventType: "disaster", trigger: "quake", docId: "r1" })])
    expect(a).toBe(b)
    expect(groupEvents([ref({ eventType: "disaster", trigger: "earthquake", docId: "r2" }), ref({ eventType: "disaster", trigger: "quake", docId: "r2" })])[0].mergedBy).toContain("synonym-in-document")
    const [c, d] = groupsOf([ref({ eventType: "disaster", trigger: "earthquake" }), ref({ eventType: "disaster", trigger: "quake" })])
    expect(c).not.toBe(d)
  })

  it("compares a deal typed two ways (AGREE, business) when the reports share a participant", () => {
    const [a, b, c] = groupsOf([
      ref({ eventType: "AGREE", trigger: "deal", actorIds: ["acme", "globex"] }),
      ref({ eventType: "business", trigger: "takeover", actorIds: ["globex"] }),
      ref({ eventType: "business", trigger: "acquisition", actorIds: ["initech"] })
    ])
    expect(a).toBe(b)
    expect(c).not.toBe(a)
  })

  it("keeps a death sentence apart from the death, and joins it to the sentencing", () => {
    const [death, sentencedToDeath, sentenced] = groupsOf([
      ref({ eventType: "death", trigger: "die", actorIds: ["ortiz"], personIds: ["ortiz"] }),
      ref({ eventType: "death", trigger: "death", neighbours: ["sentences", "orozco", "to", "for", "the", "murder"], actorIds: ["orozco", "ortiz"], personIds: ["orozco", "ortiz"] }),
      ref({ eventType: "justice", trigger: "sentence", actorIds: ["orozco"], personIds: ["orozco"] })
    ])
    expect(sentencedToDeath).not.toBe(death)
    expect(sentencedToDeath).toBe(sentenced)
  })

  it("keeps a shooting apart from the killing it caused (FrameNet Use_firearm vs Killing)", () => {
    const victim = { actorIds: ["ortiz"], personIds: ["ortiz"], date: "2005-06-24" }
    const [shot, shooting, killed, murder] = groupsOf([
      ref({ eventType: "ASSAULT", trigger: "shoot", ...victim }),
      ref({ eventType: "ASSAULT", trigger: "shooting", ...victim }),
      ref({ eventType: "ASSAULT", trigger: "kill", ...victim }),
      ref({ eventType: "ASSAULT", trigger: "murder", ...victim })
    ])
    expect(shot).toBe(shooting)
    expect(killed).toBe(murder)
    expect(killed).not.toBe(shot)
  })

  it("reads a capture typed ASSAULT as an arrest, and keeps a riot apart from the demonstration", () => {
    const pirates = { actorIds: ["navy", "pirates"], date: "2011-11-10" }
    const [captured, arrested, attack] = groupsOf([
      ref({ eventType: "ASSAULT", trigger: "capture", ...pirates }),
      ref({ eventType: "arrest", trigger: "arrest", ...pirates }),
      ref({ eventType: "ASSAULT", trigger: "attack", ...pirates })
    ])
    expect(captured).toBe(arrested)
    expect(attack).not.toBe(captured)
    const protesters = { actorIds: ["protesters"], date: "2013-03-12", location: "Brooklyn" }
    const [riot, protest, rally] = groupsOf([
      ref({ eventType: "PROTEST", trigger: "riot", ...protesters }),
      ref({ eventType: "PROTEST", trigger: "protest", ...protesters }),
      ref({ eventType: "PROTEST", trigger: "rally", ...protesters })
    ])
    expect(protest).toBe(rally)
    expect(riot).not.toBe(protest)
  })

  it("counts a death toll as the deaths it counts", () => {
    const [died, toll] = groupsOf([
      ref({ eventType: "death", trigger: "die", actorIds: ["iran"], date: "2005-11-27", docId: "k1" }),
      ref({ eventType: "death", trigger: "death toll", actorIds: ["iran"], date: "2005-11-27", docId: "k2" })
    ])
    expect(died).toBe(toll)
  })

  it("compares events across two stories only when they share a person and were published close together", () => {
    const page = (storyId: string, published: string) => ref({ eventType: "death", trigger: "die", storyId, published, actorIds: ["bettie-page"], personIds: ["bettie-page"] })
    const [a, b] = groupsOf([page("s1", "2008-12-12"), page("s2", "2008-12-13")])
    expect(a).toBe(b)
    const [c, d] = groupsOf([page("s1", "2008-12-12"), page("s2", "2009-03-01")])
    expect(c).not.toBe(d)
    const [e, f] = groupsOf([page("s1", "2008-12-12"), ref({ eventType: "death", trigger: "die", storyId: "s2", published: "2008-12-12", actorIds: ["los-angeles"] })])
    expect(e).not.toBe(f)
  })
})
