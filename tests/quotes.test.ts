import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { analyzeText, extractContext } from "../src/extract/index.ts"
import { extractActors } from "../src/extract/actors/index.ts"
import { extractQuotes } from "../src/extract/quotes/index.ts"
import { findQuotations } from "../src/extract/quotes/quotations.ts"
import { QUOTE_FILTER_PATH, filterFeatures, probability, readQuoteFilter } from "../src/extract/quotes/filter.ts"
import { trainLogistic } from "../src/extract/quotes/train.ts"
import type { QuoteOptions } from "../src/extract/quotes/index.ts"
import type { ActorExtraction } from "../src/extract/context.ts"
import type { ActorMention, LocalActor, QuoteMention } from "../src/model/extraction.ts"
import { hasShared, readSharedJson, repoRoot } from "./support/shared.ts"

interface ActorFixture {
  readonly key: string
  readonly name: string
  readonly kind?: LocalActor["kind"]
  readonly gender?: LocalActor["gender"]
  /** The normalised title ("prime minister") and affiliation the actors extractor would have given. */
  readonly title?: string
  readonly affiliation?: string
  /** Surface strings: every occurrence in the text becomes a mention of this actor. */
  readonly mentions: ReadonlyArray<string>
}

/** A hand-built ActorExtraction, so these tests do not depend on the actors extractor. */
const actorsIn = (text: string, fixtures: ReadonlyArray<ActorFixture>): ActorExtraction => {
  const actors: Array<LocalActor> = []
  const mentions: Array<ActorMention> = []
  for (const f of fixtures) {
    const kind = f.kind ?? "person"
    actors.push({ key: f.key, name: f.name, kind, title: f.title ?? null, titleNormalized: f.title ?? null, affiliation: f.affiliation ?? null, aliases: [], gender: f.gender ?? null, rule: "test" })
    for (const surface of f.mentions) {
      for (let at = text.indexOf(surface); at !== -1; at = text.indexOf(surface, at + 1)) {
        mentions.push({ actorKey: f.key, start: at, end: at + surface.length, text: surface, kind, role: "name", title: null, rule: "test" })
      }
    }
  }
  return { actors, mentions, diagnostics: [] }
}

const quotesOf = (text: string, fixtures: ReadonlyArray<ActorFixture> = [], options: QuoteOptions = {}) => {
  const engine = sharedNlpEngine()
  const context = extractContext(engine, analyzeText(engine, text, { date: "2025-06-10" }))
  return extractQuotes(context, actorsIn(text, fixtures), options)
}

/** The opening mark as the cleaned text has it: the cleaner may normalise “ to ASCII. */
const MARK = (() => {
  const engine = sharedNlpEngine()
  return analyzeText(engine, "“x”").clean.text[0]
})()

const hassett: ActorFixture = { key: "hassett", name: "Kevin Hassett", gender: "male", mentions: ["Kevin Hassett", "Hassett"] }
const smith: ActorFixture = { key: "smith", name: "Jane Smith", gender: "female", mentions: ["Jane Smith", "Smith"] }

describe("quotations", () => {
  it("pairs typographic, ASCII and doubled-apostrophe marks and leaves single quotes alone", () => {
    const text = `“One,” he said. "Two," she said. ''Three,'' they said. A ‘scare’ word.`
    expect(findQuotations(text).map((q) => text.slice(q.contentStart, q.contentEnd))).toEqual(["One,", "Two,", "Three,"])
  })

  it("continues an open quote into a paragraph that starts with an opening mark", () => {
    const text = `Smith said: “The first part goes on.\n\n“The second part ends here.”\n\nNarration follows.`
    const [q] = findQuotations(text)
    expect(text.slice(q.contentStart, q.contentEnd)).toBe("The first part goes on.\n\n“The second part ends here.")
    expect(q.multiParagraph).toBe(true)
  })
})

describe("quotes: what is not a statement", () => {
  it("an aspect verb before 'to' ('went on to say', 'was quick to add') leaves a statement made; a request does not", () => {
    const text = `Officials met. Jane Smith went on to say that the plan would fail. Smith was quick to add that she would win the state. Smith is expected to announce that she will run.`
    expect(quotesOf(text, [smith], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.cue, q.rule])).toEqual([
      ["the plan would fail", 46, 65, "Jane Smith", "say", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"],
      ["she would win the state", 95, 118, "Smith", "add", "quote.indirect.speaker-before-cue.content-after.add;speaker.name"]
    ])
  })

  it("a contrast after a comma ('while', 'although', 'compared with … who') opens another statement with its own speaker", () => {
    const text = `Among Trump supporters, 70 percent said they are set on voting for him, while 22 percent said they might change their mind.`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText])).toEqual([
      ["they are set on voting for him", 40, 70, "70 percent"],
      ["they might change their mind", 94, 122, "22 percent"]
    ])
    const compared = `In the poll, 46 percent of voters said she broke the law, compared with 23 percent who said using a private server was improper.`
    expect(quotesOf(compared, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.speakerStart])).toEqual([
      ["she broke the law", 39, 56, "46 percent of voters", 13],
      ["using a private server was improper", 92, 127, "who", 83]
    ])
    const although = `Netanyahu said he would go ahead with the meeting, although he tweeted that he rejects the latest comments.`
    expect(quotesOf(although, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText])).toEqual([
      ["he would go ahead with the meeting", 15, 49, "Netanyahu"],
      ["he rejects the latest comments", 76, 106, "he"]
    ])
  })

  it("a cue in the writer's subordinate clause reports up to the clause's comma, not the main clause", () => {
    const text = `Though Jane Smith said she would hold a hearing, the plan is unlikely to win her support.`
    expect(quotesOf(text, [smith], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.rule])).toEqual([
      ["she would hold a hearing", 23, 47, "Jane Smith", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"]
    ])
    // After the cue's own comma the main clause is what was said, and runs on.
    const as = `As the spokesman explained, three taxes were postponed in the budget deal, depriving the government of revenue.`
    expect(quotesOf(as, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText])).toEqual([
      ["three taxes were postponed in the budget deal, depriving the government of revenue", 28, 110, "the spokesman"]
    ])
  })

  it("', and he' with a verb in the past tense narrates the speaker's next act: the reported clause ends at the comma", () => {
    const text = `Officials met. Jane Smith said the real extremist is her rival, and she railed against the moderators.`
    expect(quotesOf(text, [smith], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText])).toEqual([
      ["the real extremist is her rival", 31, 62, "Jane Smith"]
    ])
    // A modal or an auxiliary may still be reported: `…, and she would win`.
    const modal = `Officials met. Jane Smith said the race was close, and she would win it.`
    expect(quotesOf(modal, [smith], { filter: null }).quotes.map((q) => q.text)).toEqual(["the race was close, and she would win it"])
  })

  it("a verb after a determiner's phrase is the reported clause's where the parse makes the word before it its subject", () => {
    const text = `She said the nonprofit provided a signed statement about its independence.`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText])).toEqual([
      ["the nonprofit provided a signed statement about its independence", 9, 73, "She"]
    ])
    expect(quotesOf(`Smith promised a hefty rise in spending.`, [], { filter: null }).quotes).toEqual([])
  })

  it("a word that stands for a statement is what was said: said so, said yes, say the same", () => {
    const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.rule])
    expect(rows(`Half said so in the earlier poll.`)).toEqual([
      ["so", 10, 12, "Half", "quote.indirect.speaker-before-cue.content-after.pro-form.say;speaker.none"]
    ])
    expect(rows(`About 54 percent say they like Clinton, compared with 64 percent who say the same of Sanders.`)).toEqual([
      ["they like Clinton", 21, 38, "54 percent", "quote.indirect.speaker-before-cue.content-after.say;speaker.none"],
      ["the same", 73, 81, "who", "quote.indirect.speaker-before-cue.content-after.pro-form.say;speaker.antecedent.none"]
    ])
    // `so` that opens a clause is no pro-form: the clause is what was said.
    expect(rows(`He said so far the talks had failed.`)).toEqual([
      ["so far the talks had failed", 8, 35, "He", "quote.indirect.speaker-before-cue.content-after.say;speaker.none"]
    ])
  })

  it("words the tagger reads as no clause are one when the parse gives their head a subject", () => {
    const text = `Ryan said Obama's words and actions amount to a form of intimidation.`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.rule])).toEqual([
      ["Obama's words and actions amount to a form of intimidation", 10, 68, "Ryan", "quote.indirect.speaker-before-cue.content-after.parsed-clause.say;speaker.none"]
    ])
    // A noun phrase stays no statement, and so does a relative clause in it.
    expect(quotesOf(`The mayor said a few words at the opening of the new bridge.`, [], { filter: null }).quotes).toEqual([])
  })

  it("a subordinator in an aside between commas before the clause's verb keeps the clause a statement", () => {
    const text = `Bundlers in both parties said their networks of donors, almost exclusively men until a few years ago, were now mostly women.`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.rule])).toEqual([
      ["their networks of donors, almost exclusively men until a few years ago, were now mostly women", 30, 123, "Bundlers in both parties", "quote.indirect.speaker-before-cue.content-after.say;speaker.none"]
    ])
    // Without the aside's commas the subordinator still ends the object: no statement.
    expect(quotesOf(`Messi added a goal and an assist as Barcelona won.`, [], { filter: null }).quotes).toEqual([])
  })

  it("content that opens with an adverbial and has no finite clause is not what was said", () => {
    expect(quotesOf(`Clinton responded by pointing a finger in the woman's face.`).quotes).toEqual([])
    // (`said so` is a statement of its own: the row is `so`, not the adverbials after it.)
    expect(quotesOf(`Smith has said so in speeches, before becoming a judge in 2009.`, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end])).toEqual([["so", 15, 17]])
    const kept = quotesOf(`Smith said on Thursday he had delivered a letter to the attorney general.`, [smith]).quotes
    expect(kept.map((q) => [q.text, q.speakerKey])).toEqual([["on Thursday he had delivered a letter to the attorney general", "smith"]])
  })

  it("'it is worth noting', 'let's say' and a clause about what someone says are no statements; 'what X said was Y' is one", () => {
    expect(quotesOf(`It is worth noting that this is the first time.`).quotes).toEqual([])
    expect(quotesOf(`So, is it, let's say, what type of cells is involved in the pain.`).quotes).toEqual([])
    expect(quotesOf(`The gap between what Smith says her plan would do and what it does began a year ago.`, [smith]).quotes).toEqual([])
    const { quotes } = quotesOf(`They built hotels, amounting to what Smith said was economic gerrymandering.`, [smith])
    expect(quotes.map((q) => [q.text, q.speakerKey])).toEqual([["was economic gerrymandering", "smith"]])
  })

  it("a phrase ending in a quoted show's title is not content before the cue; the clause after it is", () => {
    const { quotes } = quotesOf(`In an interview on CBS's “Face the Nation,” Smith said the bill was dead.`, [smith])
    expect(quotes.map((q) => [q.text, q.speakerKey])).toEqual([["the bill was dead", "smith"]])
    const kept = quotesOf(`He called it “Very Bad News,” Smith said.`, [smith]).quotes
    expect(kept.map((q) => [q.kind, q.speakerKey])).toEqual([["mixed", "smith"]])
  })

  it("a subordinate phrase before the speaker is not content", () => {
    expect(quotesOf(`Though Jones is gaining ground with voters, Smith maintains a commanding lead.`, [smith]).quotes).toEqual([])
    const { quotes } = quotesOf(`The vote is lost, Smith maintains.`, [smith])
    expect(quotes.map((q) => [q.text, q.speakerKey])).toEqual([["The vote is lost", "smith"]])
  })

  it("words after an 'according to' source without a comma still describe the source", () => {
    const { quotes } = quotesOf(`The talks stalled in May, according to a memo released Friday by the agency's watchdog.`)
    expect(quotes.map((q) => [q.text, q.speakerText])).toEqual([["The talks stalled in May", "a memo"]])
  })

  it("a cue's object followed by another verb phrase is not what was said; a clause whose subject holds 'and' is", () => {
    expect(quotesOf(`Officials met. The administration promised a veto and attempted to make the case to both parties.`).quotes).toEqual([])
    const kept = quotesOf(`Officials met. Jane Smith said the locks and limits on digital files were done to maximise the cash. Smith said the deal, which was signed Monday, will hold.`, [smith]).quotes
    expect(kept.map((q) => q.text)).toEqual(["the locks and limits on digital files were done to maximise the cash", "the deal, which was signed Monday, will hold"])
  })

  it("a cue inside the content another cue reports is part of what was said, not a statement of its own", () => {
    const { quotes } = quotesOf(`Officials met. Jane Smith said this year's festival promises to be the best yet.`, [smith])
    expect(quotes.map((q) => [q.text, q.speakerKey])).toEqual([["this year's festival promises to be the best yet", "smith"]])
  })

  it("a cue after 'to' reports no statement made", () => {
    expect(quotesOf(`Officials met. A performance in April led 12 viewers to complain he was lewd.`).quotes).toEqual([])
  })

  it("an existential 'there' or a bare 'All told' is not a speaker", () => {
    expect(quotesOf(`There have already been telling responses that could resound in the campaign.`).quotes).toEqual([])
    expect(quotesOf(`All told, up to 5 million people could be eligible for the programs.`).quotes).toEqual([])
  })
})

describe("quotes: speakers compromise mis-tags", () => {
  it("keeps a modifier tagged as a bare verb in a subject after a comma, 'long' before the cue, and a verb tagged as a plural noun", () => {
    const a = quotesOf(`The plan is an insult to voters, top black lawmakers said Friday.`).quotes
    expect(a.map((q) => [q.speakerText, q.text])).toEqual([["top black lawmakers", "The plan is an insult to voters"]])
    const b = quotesOf(`Smith has long said that she qualifies as a citizen.`, [smith]).quotes
    expect(b.map((q) => [q.speakerKey, q.cue, q.text])).toEqual([["smith", "said", "she qualifies as a citizen"]])
    const c = quotesOf(`Smith said Jones favors a strongman approach.`, [smith]).quotes
    expect(c.map((q) => [q.speakerKey, q.text])).toEqual([["smith", "Jones favors a strongman approach"]])
  })

  it("reads a cue after an apposition, an unknown surname tagged as a verb, and a name that comes second", () => {
    const a = quotesOf(`Officials met. Scott Goodstein, its chief executive officer, said candidates are aware.`).quotes
    expect(a.map((q) => [q.speakerText, q.text])).toEqual([["Scott Goodstein, its chief executive officer", "candidates are aware"]])
    const b = quotesOf(`Officials met. Weingarten, a longtime Clinton supporter, said that the unions failed.`).quotes
    expect(b.map((q) => [q.speakerText, q.text])).toEqual([["Weingarten, a longtime Clinton supporter", "the unions failed"]])
    const c = quotesOf(`Officials met. The author of the book, Mitchell Zuckoff, said that he stands by it.`).quotes
    expect(c.map((q) => [q.speakerText, q.text])).toEqual([["The author of the book, Mitchell Zuckoff", "he stands by it"]])
  })

  it("takes a long description before the name as its apposition, and never the first word of the quotation as speaker", () => {
    const msallem: ActorFixture = { key: "msallem", name: "Jamel Msallem", mentions: ["Jamel Msallem"] }
    const text = `Officials met. Speaking to reporters, the president of the Tunisian League for the Defence of Human Rights, Jamel Msallem, said, ${MARK}We are for the freedom to dress.${MARK}`
    expect(quotesOf(text, [msallem]).quotes.map((q) => [q.speakerText, q.speakerKey])).toEqual([
      ["the president of the Tunisian League for the Defence of Human Rights, Jamel Msallem", "msallem"]
    ])
    const tutu: ActorFixture = { key: "tutu", name: "Desmond Tutu", mentions: ["Archbishop Tutu"] }
    const saying = `Officials met. Archbishop Tutu spoke out on Monday, saying: ${MARK}I am opposed to any arbitrary detention.${MARK}`
    expect(quotesOf(saying, [tutu]).quotes.map((q) => [q.speakerText, q.speakerKey])).toEqual([["Archbishop Tutu", "tutu"]])
  })

  it("keeps an -ing word before a person's role in the speaker, so the quote before it is not lost", () => {
    const perry: ActorFixture = { key: "perry", name: "Ian Perry", gender: "male", mentions: ["Ian Perry"] }
    const text = `Prices fell. ${MARK}The slowdown has given buyers more power,${MARK} RICS housing spokesman Ian Perry said.`
    expect(quotesOf(text, [perry]).quotes.map((q) => [q.speakerText, q.speakerKey, q.text])).toEqual([
      ["RICS housing spokesman Ian Perry", "perry", "The slowdown has given buyers more power"]
    ])
    // An -ing word before a name is a verb: the phrase stops there, as it did before.
    const clinton: ActorFixture = { key: "clinton", name: "Hillary Clinton", gender: "female", mentions: ["Clinton"] }
    expect(quotesOf("Officials met. Voters supporting Clinton said she would win.", [clinton]).quotes.map((q) => q.speakerText)).toEqual(["Clinton"])
  })

  it("does not take a sentence's first adverb or conjunction, or a date before a pronoun, into the speaker", () => {
    const text = "Jane Smith spoke in Ohio. Though she said the banks were too big, she offered no plan. On Friday she said the plan was dead."
    const { quotes } = quotesOf(text, [smith])
    expect(quotes.map((q) => [q.speakerText, q.speakerKey])).toEqual([["she", "smith"], ["she", "smith"]])
  })
})

describe("quotes: subjects apart from their cue", () => {
  const obama: ActorFixture = { key: "obama", name: "Barack Obama", gender: "male", mentions: ["Barack Obama", "Obama"] }

  it("leaves a time phrase between the subject and the cue out of the speaker", () => {
    const { quotes } = quotesOf(`Officials met. Barack Obama on Tuesday said he would win. Wells Fargo just this month announced it would drop the fees. The report released Friday said the economy grew fast.`, [obama])
    expect(quotes.map((q) => [q.speakerText, q.text])).toEqual([
      ["Barack Obama", "he would win"],
      ["Wells Fargo", "it would drop the fees"],
      ["The report", "the economy grew fast"]
    ])
    // A number makes the time word an amount of people; a month's name may be a name.
    expect(quotesOf(`Officials met. Around one quarter said they would vote.`).quotes.map((q) => q.speakerText)).toEqual(["one quarter"])
    expect(quotesOf(`Officials met. Theresa May said she would resign.`).quotes.map((q) => q.speakerText)).toEqual(["Theresa May"])
  })

  it("skips an -ly adverb between subject and cue, and keeps a 'that' that is the reported clause's subject", () => {
    const cruz: ActorFixture = { key: "cruz", name: "Ted Cruz", gender: "male", mentions: ["Cruz"] }
    const { quotes } = quotesOf(`Officials met. Cruz gingerly said that was an assessment the voters are going to make. Cruz said that the race was close.`, [cruz])
    expect(quotes.map((q) => [q.speakerKey, q.text])).toEqual([
      ["cruz", "that was an assessment the voters are going to make"],
      ["cruz", "the race was close"]
    ])
  })

  it("gives a cue after 'and' or 'but' the sentence's subject, not the object before the conjunction", () => {
    const { quotes } = quotesOf(`Officials met. Barack Obama visited Ohio and said he would win the race. Barack Obama has encouraged nations to spend more but has said he will hold firm.`, [obama])
    expect(quotes.map((q) => [q.speakerText, q.speakerKey, q.text])).toEqual([
      ["Barack Obama", "obama", "he would win the race"],
      ["Barack Obama", "obama", "he will hold firm"]
    ])
    const described = quotesOf(`Officials met. The embassy declined the request and said the family had left.`).quotes
    expect(described.map((q) => [q.speakerText, q.text])).toEqual([["The embassy", "the family had left"]])
  })

  it("splits '… said A and added B', reads a head noun tagged as a verb before an auxiliary, and the antecedent of 'many of whom'", () => {
    const shared = quotesOf(`Officials met. Jane Smith said the plan would fail and added that the budget was too small.`, [smith]).quotes
    expect(shared.map((q) => [q.text, q.speakerKey, q.rule])).toEqual([
      ["the plan would fail", "smith", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"],
      ["the budget was too small", "smith", "quote.indirect.shared-subject.add;speaker.previous-speaker"]
    ])
    const campaign = quotesOf(`Officials met. The Trump campaign has said he is not being audited.`).quotes
    expect(campaign.map((q) => [q.speakerText, q.text])).toEqual([["The Trump campaign", "he is not being audited"]])
    const share = quotesOf(`Officials met. It upset family members of the victims, many of whom say the claims are unfounded.`).quotes
    // (The share with its relative pronoun is what the text calls the speaker; its antecedent resolves it.)
    expect(share.map((q) => [q.speakerText, q.text, q.rule])).toEqual([["many of whom", "the claims are unfounded", "quote.indirect.speaker-before-cue.content-after.say;speaker.antecedent.none"]])
  })
})

describe("quotes: the parse's subject where the windows took an object", () => {
  it("takes the subject across a long interposed phrase, and keeps the phrase after the cue as the addressee", () => {
    const jones: ActorFixture = { key: "jones", name: "Tom Jones", gender: "male", mentions: ["Jones"] }
    const { quotes } = quotesOf(`Officials met. Jones, in the wake of a new poll showing his support down to 14 percent, told Fox News on Sunday that the campaign would go on.`, [jones])
    expect(quotes.map((q) => [q.text, q.speakerText, q.speakerKey, q.addressee, q.rule])).toEqual([
      ["the campaign would go on", "Jones", "jones", "Fox News", "quote.indirect.parse-subject.content-after.tell;speaker.name"]
    ])
  })

  it("never makes the cue's object or a reflexive the speaker", () => {
    const told = quotesOf(`Officials met. Maria Lopez, 31, who was visiting Boston from Texas, told me this week that she could not remember the last time she voted.`).quotes
    expect(told.map((q) => [q.text, q.speakerText])).toEqual([
      ["she could not remember the last time she voted", "Maria Lopez, 31, who was visiting Boston from Texas"]
    ])
    const described = quotesOf(`Officials met. Mr. Biden, recalling weekly breakfasts with the senator, described himself as her "chief adviser."`).quotes
    expect(described.map((q) => [q.speakerText, q.rule])).toEqual([["Mr. Biden", "quote.mixed.parse-subject.quoted-object.describe;speaker.none"]])
  })
})

describe("quotes: a quote after a reported statement", () => {
  const fox: ActorFixture = { key: "fox", name: "Liam Fox", gender: "male", mentions: ["Mr Fox"] }
  const iraq: ActorFixture = { key: "iraq", name: "Iraq", kind: "country", mentions: ["Iraq"] }

  it("gives a quote right after a person's reported statement, in its paragraph, to that person", () => {
    const text = `After the meeting, Mr Fox said closing premises for a day did not make an impact. ${MARK}If you close for 24 hours there is not a lot of pain for the premises.${MARK}`
    expect(quotesOf(text, [fox]).quotes.map((q) => [q.kind, q.speakerKey, q.rule])).toEqual([
      ["indirect", "fox", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"],
      ["direct", "fox", "quote.direct.continued;speaker.previous-speaker"]
    ])
  })

  it("leaves it unattributed after a paragraph break, and unresolved when the statement's subject is no person", () => {
    const broken = `After the meeting, Mr Fox said closing premises for a day did not make an impact.\n\n${MARK}If you close for 24 hours there is not a lot of pain for the premises.${MARK}`
    expect(quotesOf(broken, [fox]).quotes.map((q) => [q.speakerKey, q.rule])).toEqual([
      ["fox", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"],
      [null, "quote.direct.unattributed;speaker.none"]
    ])
    const country = `Officials met. Iraq said the vote would go ahead in January. ${MARK}The biggest problem we have got at the moment is turnout in the cities.${MARK}`
    expect(quotesOf(country, [iraq]).quotes.map((q) => [q.speakerKey, q.rule])).toEqual([
      ["iraq", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"],
      [null, "quote.direct.continued;speaker.none"]
    ])
  })
})

describe("quotes: questions, relatives, shares and headlines", () => {
  it("reads a question asked in the passive, with the asker from the 'by' phrase", () => {
    const a = quotesOf(`Officials met. When asked whether the city should have a vote, he said: "I think so."`).quotes
    expect(a.map((q) => [q.kind, q.text, q.speakerText, q.cue])).toEqual([
      ["indirect", "whether the city should have a vote", null, "asked"],
      ["direct", "I think so.", "he", "said"]
    ])
    const b = quotesOf(`Officials met. Sanders was asked by host John Dickerson whether his aim was similar.`).quotes
    expect(b.map((q) => [q.text, q.speakerText])).toEqual([["whether his aim was similar", "host John Dickerson"]])
  })

  it("reads a question opened by a wh-word, and ends one asked in an opening clause where the main clause begins", () => {
    const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.rule])
    expect(rows(`When asked which candidate she would back, she smiled.`)).toEqual([
      ["which candidate she would back", 11, 41, null, "quote.indirect.asked-question.content-after;speaker.none"]
    ])
    expect(rows(`When asked whom she supported, she smiled.`)).toEqual([
      ["whom she supported", 11, 29, null, "quote.indirect.asked-question.content-after;speaker.none"]
    ])
    expect(rows(`Earhardt then asked Rubio which states he could win.`)).toEqual([
      ["which states he could win", 26, 51, "Earhardt", "quote.indirect.speaker-before-cue.content-after.ask;speaker.none"]
    ])
    // A relative clause inside the question does not end it; the comma before the main clause does.
    expect(rows(`Asked whether the business, which friends described as miserable, hurt him, Mr. Trump said: "I hope not."`).map((r) => r[0])).toEqual([
      "whether the business, which friends described as miserable, hurt him", "I hope not."
    ])
  })

  it("shows a relative clause's relative pronoun as the speaker's text and resolves it through its antecedent", () => {
    const { quotes } = quotesOf(`Officials met. Trump refused to pay an architect who said he was stiffed after the job.`)
    expect(quotes.map((q) => [q.text, q.speakerText, q.speakerStart, q.speakerEnd, q.speakerKey, q.rule])).toEqual([
      ["he was stiffed after the job", "who", 49, 52, null, "quote.indirect.speaker-before-cue.content-after.say;speaker.antecedent.none"]
    ])
    // `that` right after a noun is a relative pronoun too (not `That said, …`).
    const that = `Officials met. It was the firm that said the plan would fail. That said, the plan is good.`
    expect(quotesOf(that, [], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.speakerStart, q.rule])).toEqual([
      ["the plan would fail", 41, 60, "that", 31, "quote.indirect.speaker-before-cue.content-after.say;speaker.antecedent.none"]
    ])
    // The antecedent, a name inside a longer phrase, resolves the pronoun: "who" is Jane Smith.
    const text = `The loss was steep for Jane Smith, who said she intended to take a day off.`
    expect(quotesOf(text, [smith]).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.speakerStart, q.speakerKey, q.rule])).toEqual([
      ["she intended to take a day off", 44, 74, "who", 35, "smith", "quote.indirect.speaker-before-cue.content-after.say;speaker.antecedent.name"]
    ])
  })

  it("takes a share of people as speaker and splits coordinated clauses with their own speakers", () => {
    const { quotes } = quotesOf(`It is clear: 42% say they're liberal, and three-fourths say the government should act.`)
    expect(quotes.map((q) => [q.speakerText, q.text])).toEqual([["42%", "they're liberal"], ["three-fourths", "the government should act"]])
  })

  it("reads a cue in a title-case headline", () => {
    const { quotes } = quotesOf(`Obama Says New Museum Will Tell of 'Suffering and Delight'\n\nWASHINGTON -- President Obama spoke on Saturday.`)
    expect(quotes.map((q) => [q.speakerText, q.cue, q.text])).toEqual([["Obama", "Says", "New Museum Will Tell of 'Suffering and Delight"]])
  })
})

describe("quotes: patterns", () => {
  it("direct quote with the speaker after it and an addressee", () => {
    const { quotes } = quotesOf(`“We will talk to them,” Hassett told CNBC.`, [hassett])
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatchObject({
      kind: "direct", text: "We will talk to them", start: 1, end: 21,
      speakerKey: "hassett", speakerText: "Hassett", cue: "told", cueLemma: "tell", addressee: "CNBC"
    })
    expect(quotes[0].rule).toBe("quote.direct.speaker-before-cue.content-before.tell;speaker.name")
  })

  it("reads ASCII quotation marks like typographic ones", () => {
    const { quotes } = quotesOf(`"We will talk to them," Hassett told CNBC.`, [hassett])
    expect(quotes.map((q) => [q.kind, q.text, q.speakerKey, q.addressee])).toEqual([["direct", "We will talk to them", "hassett", "CNBC"]])
  })

  it("direct quote after a cue and a colon", () => {
    const { quotes } = quotesOf(`Hassett said: “The talks went well.”`, [hassett])
    expect(quotes.map((q) => [q.kind, q.text, q.speakerText, q.cue])).toEqual([["direct", "The talks went well.", "Hassett", "said"]])
  })

  it("inverted attribution with an apposition: said Kevin Hassett, an adviser", () => {
    const { quotes } = quotesOf(`“The talks went well,” said Kevin Hassett, an adviser to the president.`, [hassett])
    expect(quotes.map((q) => [q.kind, q.text, q.speakerText, q.speakerKey])).toEqual([
      ["direct", "The talks went well", "Kevin Hassett, an adviser to the president", "hassett"]
    ])
  })

  it("speaker with an apposition before the cue", () => {
    const { quotes } = quotesOf(`“The talks went well,” Hassett, director of the National Economic Council, told reporters.`, [hassett])
    expect(quotes.map((q) => [q.speakerText, q.speakerKey, q.addressee])).toEqual([
      ["Hassett, director of the National Economic Council", "hassett", "reporters"]
    ])
  })

  it("mixed quote: quoted words inside a reported clause; the speaker found through a description", () => {
    const text = `A spokesperson for the British government said the country “welcomes the dialogue.”`
    const { quotes } = quotesOf(text, [{ key: "uk-gov", name: "British government", kind: "organization", mentions: ["British government"] }])
    expect(quotes.map((q) => [q.kind, q.text, q.speakerText, q.speakerKey, q.cueLemma])).toEqual([
      ["mixed", `the country ${MARK}welcomes the dialogue.`, "A spokesperson for the British government", "uk-gov", "say"]
    ])
  })

  it("indirect speech with a pronoun speaker resolved to the previous sentence's subject", () => {
    const text = `Kevin Hassett spoke on Monday. He said the expectation was that export controls would be eased.`
    const { quotes } = quotesOf(text, [hassett])
    expect(quotes.map((q) => [q.kind, q.text, q.speakerText, q.speakerKey])).toEqual([
      ["indirect", "the expectation was that export controls would be eased", "He", "hassett"]
    ])
  })

  it("'they' is a group or an organisation of the sentence before, never a country, nor one named further back", () => {
    const acme: ActorFixture = { key: "acme", name: "Acme", kind: "organization", mentions: ["Acme"] }
    const turkey: ActorFixture = { key: "turkey", name: "Turkey", kind: "country", mentions: ["Turkey"] }
    const officials: ActorFixture = { key: "officials", name: "officials", kind: "group", mentions: ["officials"] }
    const near = quotesOf(`Turkey sent officials to Cairo. They said the deal was void.`, [turkey, officials]).quotes
    expect(near.map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([["the deal was void", "They", "officials"]])
    const far = quotesOf(`Acme built the pipeline. Turkey signed a deal. The ministers met in Cairo. They said the deal was void.`, [acme, turkey]).quotes
    expect(far.map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([["the deal was void", "They", null]])
  })

  it("a name hyphenated to the next word modifies it: 'US-based software company Acme' is Acme", () => {
    const us: ActorFixture = { key: "us", name: "United States", kind: "country", mentions: ["US"] }
    const acme: ActorFixture = { key: "acme", name: "Acme", kind: "organization", mentions: ["Acme"] }
    const { quotes } = quotesOf(`US-based software company Acme said the deal was void.`, [us, acme])
    expect(quotes.map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([["the deal was void", "US-based software company Acme", "acme"]])
  })

  it("a place in the speaker phrase says nothing: 'The Archbishop of Canterbury' is unresolved, not Canterbury", () => {
    const canterbury: ActorFixture = { key: "canterbury", name: "Canterbury", kind: "place", mentions: ["Canterbury"] }
    const { quotes } = quotesOf(`The Archbishop of Canterbury said the couple had his blessing.`, [canterbury])
    expect(quotes.map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([["the couple had his blessing", "The Archbishop of Canterbury", null]])
  })

  it("a pronoun takes the actor of the fitting gender", () => {
    const text = `Jane Smith met Kevin Hassett in London. She said the meeting was useful.`
    const { quotes } = quotesOf(text, [smith, hassett])
    expect(quotes.map((q) => [q.speakerText, q.speakerKey])).toEqual([["She", "smith"]])
  })

  it("a pronoun may mean a person named in a possessive that owns a thing, not one that owns a person or sits in the quote's sentence", () => {
    const claxton: ActorFixture = { key: "claxton", name: "Sarah Claxton", gender: "female", mentions: ["Sarah Claxton"] }
    const a = quotesOf(`The best race was Sarah Claxton's win in the hurdles. She said the crowd was superb.`, [claxton]).quotes
    expect(a.map((q) => [q.speakerText, q.speakerKey])).toEqual([["She", "claxton"]])
    const b = quotesOf(`Kevin Hassett's spokesman spoke on Monday. He said the talks failed.`, [hassett]).quotes
    expect(b.map((q) => [q.speakerText, q.speakerKey])).toEqual([["He", null]])
    const c = quotesOf(`Kevin Hassett spoke at length. Mr Trump's plan was a failure, he added.`, [hassett, { key: "trump", name: "Donald Trump", gender: "male", mentions: ["Trump"] }], { filter: null }).quotes
    expect(c.map((q) => [q.speakerText, q.speakerKey])).toEqual([["he", "hassett"]])
  })

  it("a pronoun prefers the previous quote's speaker, unless the text has named another fitting subject since", () => {
    const trump: ActorFixture = { key: "trump", name: "Donald Trump", gender: "male", mentions: ["Trump"] }
    const text = `“We are close,” Hassett told CNBC. The talks went on late. He said a deal would follow.`
    expect(quotesOf(text, [hassett, trump]).quotes.map((q) => [q.text, q.speakerKey, q.rule])).toEqual([
      ["We are close", "hassett", "quote.direct.speaker-before-cue.content-before.tell;speaker.name"],
      ["a deal would follow", "hassett", "quote.indirect.speaker-before-cue.content-after.say;speaker.previous-speaker"]
    ])
    const between = `“We are close,” Hassett told CNBC. Trump arrived later. He said a deal would follow. “We will see,” Smith said. “I spoke with Trump,” she said.`
    expect(quotesOf(between, [hassett, trump, smith]).quotes.map((q) => [q.text, q.speakerKey])).toEqual([
      ["We are close", "hassett"], ["a deal would follow", "trump"], ["We will see", "smith"], ["I spoke with Trump", "smith"]
    ])
  })

  it("according to, before and after the content", () => {
    const a = quotesOf(`According to Trump, the talks will focus on trade.`).quotes
    expect(a.map((q) => [q.kind, q.text, q.speakerText, q.cue, q.cueLemma])).toEqual([["indirect", "the talks will focus on trade", "Trump", "According to", "according to"]])
    const b = quotesOf(`The talks will focus on trade, according to the union.`).quotes
    expect(b.map((q) => [q.text, q.speakerText])).toEqual([["The talks will focus on trade", "the union"]])
  })

  /** Rows as [text, start, end, speakerKey, quotation, part], with `text` checked against its span. */
  const pieces = (text: string, quotes: ReadonlyArray<QuoteMention>) =>
    quotes.map((q) => {
      expect(text.slice(q.start, q.end)).toBe(q.text)
      return [q.text, q.start, q.end, q.speakerKey, q.quotation, q.part]
    })
  const at = (text: string, piece: string) => [text.indexOf(piece), text.indexOf(piece) + piece.length]

  it("a quote over two paragraphs, with an opening mark on each, is one quotation in two parts", () => {
    const text = `Smith said: “The first part goes on.\n\n“The second part goes on.\n\n“The third part ends here.”`
    const { quotes } = quotesOf(text, [smith])
    expect(pieces(text, quotes)).toEqual([
      ["The first part goes on.", ...at(text, "The first part goes on."), "smith", 0, 1],
      ["The second part goes on.", ...at(text, "The second part goes on."), "smith", 0, 2],
      ["The third part ends here.", ...at(text, "The third part ends here."), "smith", 0, 3]
    ])
    expect(new Set(quotes.map((q) => q.kind))).toEqual(new Set(["direct"]))
  })

  it("a quote interrupted by its attribution is one quotation in two parts, each without the attribution", () => {
    const text = `“We are ready,” Smith said. “The talks begin today.”`
    const { quotes } = quotesOf(text, [smith])
    expect(pieces(text, quotes)).toEqual([
      ["We are ready", 1, 13, "smith", 0, 1],
      ["The talks begin today.", ...at(text, "The talks begin today."), "smith", 0, 2]
    ])
    expect(quotes.map((q) => q.rule)).toEqual(Array(2).fill("quote.direct.speaker-before-cue.content-before+continued.say;speaker.name"))
    const museum = `The museum, Mr. Smith said, would make history.`
    const indirect = quotesOf(museum).quotes
    expect(pieces(museum, indirect)).toEqual([
      ["The museum", 0, 10, null, 0, 1],
      ["would make history", ...at(museum, "would make history"), null, 0, 2]
    ])
    expect(indirect.map((q) => [q.speakerText, q.rule])).toEqual(Array(2).fill(["Mr. Smith", "quote.indirect.interrupted.say;speaker.none"]))
  })

  it("after an attribution between commas inside reported words the rest of the sentence is the second part, whatever its form", () => {
    const text = `Officials met. Bringing the show back three years later, Jane Smith said, feels particularly appropriate at a time like this.`
    const { quotes } = quotesOf(text, [smith], { filter: null })
    expect(pieces(text, quotes)).toEqual([
      ["Bringing the show back three years later", 15, 55, "smith", 0, 1],
      ["feels particularly appropriate at a time like this", ...at(text, "feels particularly appropriate at a time like this"), "smith", 0, 2]
    ])
    expect(quotes.map((q) => q.rule)).toEqual(Array(2).fill("quote.indirect.interrupted.say;speaker.name"))
    // Not the writer's participle after it, nor words after a quotation.
    const participle = `Officials met. The plan will fail, Jane Smith said, adding her name to the letter.`
    expect(quotesOf(participle, [smith], { filter: null }).quotes.map((q) => [q.text, q.part])).toEqual([["The plan will fail", 1]])
  })

  it("a quote that resumes after a phrase following the cue is one quotation in two parts", () => {
    const text = `“We are ready,” Smith said during a visit to Ohio, “but the talks may take a while.”`
    const { quotes } = quotesOf(text, [smith])
    expect(pieces(text, quotes)).toEqual([
      ["We are ready", 1, 13, "smith", 0, 1],
      ["but the talks may take a while.", ...at(text, "but the talks may take a while."), "smith", 0, 2]
    ])
    expect(quotes[0].rule).toContain("interrupted")
  })

  it("reads the speaker before a parenthesis between name and cue, whatever the content's side", () => {
    const pelosi: ActorFixture = { key: "pelosi", name: "Nancy Pelosi", gender: "female", mentions: ["Nancy Pelosi"] }
    const before = quotesOf(`“The vote will fail,” Rep. Nancy Pelosi (D-Calif.) said.`, [pelosi]).quotes
    const after = quotesOf(`Rep. Nancy Pelosi (D-Calif.) told reporters that the vote would fail.`, [pelosi]).quotes
    expect([...before, ...after].map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([
      ["The vote will fail", "Rep. Nancy Pelosi", "pelosi"],
      ["the vote would fail", "Rep. Nancy Pelosi", "pelosi"]
    ])
  })

  it("a quote in the next paragraph continues the attributed quote before it: one quotation, two parts", () => {
    const text = `“We are ready,” Smith said.\n\n“The talks begin today and will go on for a week.”`
    const { quotes } = quotesOf(text, [smith])
    expect(pieces(text, quotes)).toEqual([
      ["We are ready", 1, 13, "smith", 0, 1],
      ["The talks begin today and will go on for a week.", ...at(text, "The talks begin today and will go on for a week."), "smith", 0, 2]
    ])
  })

  it("a quote after an attribution the segmenter cuts in two is still the quotation's next part", () => {
    const text = `"You can't blame her for what he did," said Jane Smith, 44, a home-care aide from Nashua who attended the rally. "It is not fair."`
    const { quotes } = quotesOf(text, [smith])
    expect(pieces(text, quotes)).toEqual([
      ["You can't blame her for what he did", 1, 36, "smith", 0, 1],
      ["It is not fair.", ...at(text, "It is not fair."), "smith", 0, 2]
    ])
    // One sentence of the writer's after the attribution keeps the quotation whole (PolNeAR spans it so);
    // with two the short quotation is too far from it to continue it; another quotation between keeps
    // it apart too (a broken text's quotations run into each other).
    const narrated = `"We won," Smith said. The talks were delayed twice. "We will see it through."`
    expect(quotesOf(narrated, [smith]).quotes.map((q) => [q.text, q.quotation, q.part])).toEqual([["We won", 0, 1], ["We will see it through.", 0, 2]])
    const longer = `"We won," Smith said. The talks were delayed twice. They resume in May. "We will see it through."`
    expect(quotesOf(longer, [smith]).quotes.map((q) => [q.text, q.quotation, q.part, q.speakerKey])).toEqual([["We won", 0, 1, "smith"]])
  })

  it("a quote after narration keeps the previous speaker on a row of its own", () => {
    const text = `“We are ready,” Smith said. The talks were delayed twice.\n\n“The talks begin today and will go on for a week.”`
    const { quotes } = quotesOf(text, [smith])
    expect(quotes.map((q) => [q.text, q.speakerKey, q.rule])).toEqual([
      ["We are ready", "smith", "quote.direct.speaker-before-cue.content-before.say;speaker.name"],
      ["The talks begin today and will go on for a week.", "smith", "quote.direct.continued;speaker.previous-speaker"]
    ])
  })

  it("an open quote is not continued by a next paragraph that attributes its own quote", () => {
    const text = `Smith said the plan is “a vague position to have.\n\n“We pass laws. That is what we do,” Smith said.`
    expect(findQuotations(text).map((q) => [text.slice(q.contentStart, q.contentEnd), q.closed])).toEqual([
      ["a vague position to have.", false],
      ["We pass laws. That is what we do,", true]
    ])
    const { quotes } = quotesOf(text, [smith])
    expect(quotes.map((q) => [q.kind, q.text])).toEqual([
      ["mixed", `the plan is ${MARK}a vague position to have.`],
      ["direct", "We pass laws. That is what we do"]
    ])
  })

  it("Name: lead-in and — Name trailer", () => {
    const lead = quotesOf(`Smith: “We are ready to sign the deal today.”`, [smith]).quotes
    expect(lead.map((q) => [q.kind, q.text, q.speakerText, q.speakerKey, q.cue])).toEqual([["direct", "We are ready to sign the deal today.", "Smith", "smith", null]])
    const trail = quotesOf(`“We are ready to sign the deal today.” — Jane Smith`, [smith]).quotes
    expect(trail.map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([["We are ready to sign the deal today.", "Jane Smith", "smith"]])
  })

  it("a participle cue shares the speaker: …, adding that …", () => {
    const text = `Smith said the talks were useful, adding that a deal could follow in June.`
    const { quotes } = quotesOf(text, [smith])
    expect(quotes.map((q) => [q.text, q.cueLemma, q.speakerKey])).toEqual([
      ["the talks were useful", "say", "smith"],
      ["a deal could follow in June", "add", "smith"]
    ])
  })

  it("a participle right after the cue starts a second statement, not an interrupted quote", () => {
    const text = `“We cannot afford this any more,” Smith said, adding later, “The alliance costs us a fortune.”`
    expect(quotesOf(text, [smith]).quotes.map((q) => [q.kind, q.text, q.cueLemma, q.speakerKey])).toEqual([
      ["direct", "We cannot afford this any more", "say", "smith"],
      ["direct", "The alliance costs us a fortune.", "add", "smith"]
    ])
  })

  it("a participle after a main clause takes the sentence's subject: …, saying …", () => {
    const text = `A New York judge rejected the request on Monday, saying the courts have no business in it.`
    expect(quotesOf(text).quotes.map((q) => [q.text, q.cueLemma, q.speakerText, q.rule])).toEqual([
      ["the courts have no business in it", "say", "A New York judge", "quote.indirect.sentence-subject.content-after.say;speaker.none"]
    ])
  })

  it("progressive and time words between the speaker and the cue: is warning, now says", () => {
    const warning = quotesOf(`Smith is warning voters that a deal would raise prices.`, [smith]).quotes
    expect(warning.map((q) => [q.text, q.cue, q.speakerKey])).toEqual([["a deal would raise prices", "warning", "smith"]])
    const now = quotesOf(`Smith now says she opposes the deal.`, [smith]).quotes
    expect(now.map((q) => [q.text, q.cue, q.speakerKey])).toEqual([["she opposes the deal", "says", "smith"]])
  })

  it("a subject noun that compromise tags as a verb before the cue: the campaign says", () => {
    const { quotes } = quotesOf(`The Clinton campaign says the ad will air on national cable stations.`)
    expect(quotes.map((q) => [q.text, q.speakerText])).toEqual([["the ad will air on national cable stations", "The Clinton campaign"]])
  })

  it("a demand or proposal whose content is a noun phrase: called for a moratorium", () => {
    const { quotes } = quotesOf(`In July, the NAACP called for a moratorium on charter schools.`)
    expect(quotes.map((q) => [q.text, q.cueLemma, q.speakerText])).toEqual([["a moratorium on charter schools", "call for", "the NAACP"]])
    // A verb of saying still needs a clause: "said a few words" reports nothing.
    expect(quotesOf(`The mayor said a few words at the opening of the new bridge.`).quotes).toEqual([])
  })

  it("a title alone names the one person of the article who holds it, never someone a modifier may mean", () => {
    const blair: ActorFixture = { key: "blair", name: "Tony Blair", gender: "male", title: "prime minister", mentions: ["Tony Blair"] }
    const howard: ActorFixture = { key: "howard", name: "Michael Howard", gender: "male", title: "leader", affiliation: "Conservative Party", mentions: ["Michael Howard"] }
    const tories: ActorFixture = { key: "tories", name: "Conservative Party", kind: "organization", mentions: ["Tory"] }
    const text = "Tony Blair and Tory leader Michael Howard met. The prime minister said taxes would fall. " +
      "The Tory leader said they would rise. The former prime minister said the plan was wrong."
    const speakers = quotesOf(text, [blair, howard, tories]).quotes.map((q) => `${q.speakerText} → ${q.speakerKey} (${q.rule.split(";")[1]})`)
    expect(speakers).toEqual([
      "The prime minister → blair (speaker.title)",
      "The Tory leader → howard (speaker.title)",
      "The former prime minister → null (speaker.none)"
    ])
  })

  it("\"the company\" names the organisation the article is about, or the previous speaker, and nobody when that is unclear", () => {
    const org = (key: string, name: string): ActorFixture => ({ key, name, kind: "organization", mentions: [name] })
    const speakers = (text: string, fixtures: ReadonlyArray<ActorFixture>) =>
      quotesOf(text, fixtures).quotes.map((q) => `${q.speakerText} → ${q.speakerKey} (${q.rule.split(";")[1]})`)
    // Named twice, more than any other.
    expect(speakers("Shares in Unilever rose as Unilever cut jobs, while Shell was flat. The company said sales would grow.", [org("u", "Unilever"), org("s", "Shell")]))
      .toEqual(["The company → u (speaker.description)"])
    // The only organisation named so far.
    expect(speakers("Microsoft will replace 14 million cables. The company said the move was a precaution.", [org("m", "Microsoft")]))
      .toEqual(["The company → m (speaker.description)"])
    // Named once each: the previous quote's speaker decides; without one, nobody.
    expect(speakers("Marsh said it would sell Kroll. The company said the sale would close in May.", [org("m", "Marsh"), org("k", "Kroll")]))
      .toEqual(["Marsh → m (speaker.name)", "The company → m (speaker.description)"])
    expect(speakers("Marsh agreed to sell Kroll. The company said the sale would close in May.", [org("m", "Marsh"), org("k", "Kroll")]))
      .toEqual(["The company → null (speaker.none)"])
    // A country before the noun says where the firm is from; it is not the speaker.
    const us: ActorFixture = { key: "us", name: "United States", kind: "country", mentions: ["US"] }
    expect(speakers("Electronic Arts will be bought for $55bn. Electronic Arts makes FIFA. The US firm says the deal will close in June.", [org("ea", "Electronic Arts"), us]))
      .toEqual(["The US firm → ea (speaker.description)"])
    expect(speakers("Electronic Arts will be bought for $55bn. Electronic Arts makes FIFA. The Texas-based rival firm said the deal would close in June.", [org("ea", "Electronic Arts"), us]))
      .toEqual(["The Texas-based rival firm → null (speaker.none)"])
  })

  it("in a transcript, \"I\" is the person whose name labels the turn; the interviewer's label and a \"Note:\" line name nobody", () => {
    const zara: ActorFixture = { key: "zara", name: "Zara Kay", mentions: ["Zara Kay"] }
    const text = "((WN)) What prompted you?\n\n((Zara Kay)) I grew up there. I said, \"No, I am a Muslim\".\n\n" +
      "((WN)) And then I said it was odd.\n\nZara Kay: Later I said that it was fine.\nNote: the line was bad.\nThen I said that the call was cut."
    const speakers = quotesOf(text, [zara]).quotes.map((q) => `${q.text} → ${q.speakerKey} (${q.rule.split(";")[1]})`)
    expect(speakers).toEqual([
      "No, I am a Muslim → zara (speaker.turn)",
      "it was odd → null (speaker.none)",
      "it was fine → zara (speaker.turn)",
      "the call was cut → zara (speaker.turn)"
    ])
  })

  it("in a transcript, \"you\" in the interviewer's turn is the one interviewee; in the interviewee's turn, or with two people labelled, nobody", () => {
    const zara: ActorFixture = { key: "zara", name: "Zara Kay", mentions: ["Zara Kay"] }
    const text = "((WN)) You said that the city was calm.\n\n((Zara Kay)) Yes, and you said it was odd."
    expect(quotesOf(text, [zara]).quotes.map((q) => `${q.text} → ${q.speakerKey} (${q.rule.split(";")[1]})`)).toEqual([
      "the city was calm → zara (speaker.turn)",
      "it was odd → null (speaker.none)"
    ])
    const lee: ActorFixture = { key: "lee", name: "Tom Lee", mentions: ["Tom Lee"] }
    const panel = `${text}\n\n((Tom Lee)) It was.`
    expect(quotesOf(panel, [zara, lee]).quotes.map((q) => q.speakerKey)).toEqual([null, null])
  })

  it("according to a bare plural source: according to police", () => {
    const { quotes } = quotesOf(`According to police, officers saw the man get out of a car with a handgun.`)
    expect(quotes.map((q) => [q.text, q.speakerText])).toEqual([["officers saw the man get out of a car with a handgun", "police"]])
  })
})

describe("quotes: traps", () => {
  it("cue words that are usually nouns count only before that, a colon or a quotation", () => {
    expect(quotesOf(`Demand for natural gas fell as Chinese gas demand from factories cooled in the spring.`).quotes).toEqual([])
    expect(quotesOf(`Officials in battleground states expect turnout to rise sharply this year.`).quotes).toEqual([])
    const { quotes } = quotesOf(`The report states that turnout increased sharply in every county.`)
    expect(quotes.map((q) => [q.text, q.cueLemma])).toEqual([["turnout increased sharply in every county", "state"]])
  })

  it("scare quotes around a word are not quotes", () => {
    expect(quotesOf(`The so-called “handshake” deal was signed on Monday.`).quotes).toEqual([])
  })

  it("titles of works are not quotes", () => {
    expect(quotesOf(`She starred in “The Apprentice” for many years.`).quotes).toEqual([])
  })

  it("a quote inside a quote is part of the outer quote, not a statement of its own", () => {
    const { quotes } = quotesOf(`“He told me ‘no deal’ twice,” Smith said.`, [smith])
    expect(quotes.map((q) => [q.text.replace(/[‘’]/g, "'"), q.speakerKey])).toEqual([["He told me 'no deal' twice", "smith"]])
  })

  it("a cue inside a quotation does not make a second attribution", () => {
    const { quotes } = quotesOf(`“Every time you say that, you lose,” Smith said.`, [smith])
    expect(quotes.map((q) => [q.text, q.speakerKey])).toEqual([["Every time you say that, you lose", "smith"]])
  })

  it("names and nouns that look like cues are not cues", () => {
    expect(quotesOf(`The Washington Post reported nothing. The United States imports steel. His comments drew praise.`).quotes.map((q) => q.cue)).toEqual([])
  })

  it("a quote without any speaker is kept with a warning", () => {
    const { quotes, diagnostics } = quotesOf(`“This quotation stands entirely on its own in the article.”`)
    expect(quotes.map((q) => [q.kind, q.speakerText, q.rule])).toEqual([["direct", null, "quote.direct.unattributed;speaker.none"]])
    expect(diagnostics.map((d) => [d.rule, d.severity])).toEqual([["quote.no-speaker", "warning"]])
  })
})

interface GoldQuote {
  readonly doc: string
  readonly kind: string
  readonly evidence: string
  readonly speaker: string
  readonly cue: string
}

describe.skipIf(!hasShared)("quotes: seeds", () => {
  const gold = hasShared ? readSharedJson<{ quotes: { must: ReadonlyArray<GoldQuote> } }>("gold", "seeds.gold.json").quotes.must : []
  /** Folds white space and typographic marks, which the cleaner may normalise. */
  const fold = (s: string) => s.replace(/\s+/g, " ").replace(/[‘’]/g, "'").replace(/[“”]/g, "\"")
  const extracted = new Map<string, { quotes: ReturnType<typeof extractQuotes>["quotes"]; names: Map<string, string> }>()
  const seed = (prefix: string) => {
    const cached = extracted.get(prefix)
    if (cached) return cached
    const file = ["000_a11e9ca4008d744f.txt", "003_331db8896ab59be3.txt"].find((f) => f.startsWith(prefix))!
    const engine = sharedNlpEngine()
    const context = extractContext(engine, analyzeText(engine, readFileSync(`${repoRoot}seeds/${file}`, "utf8")))
    const actors = extractActors(context)
    const result = { quotes: extractQuotes(context, actors).quotes, names: new Map(actors.actors.map((a) => [a.key, a.name])) }
    extracted.set(prefix, result)
    return result
  }

  it("finds the eight 'must' quotes with their kind, cue and speaker", () => {
    expect(gold).toHaveLength(8)
    for (const g of gold) {
      const { names, quotes } = seed(g.doc)
      const evidence = fold(g.evidence).replace(/[,.\s]+$/, "")
      const found = quotes.find((q) => fold(q.text).includes(evidence) || evidence.includes(fold(q.text)))
      expect(found, g.evidence).toBeDefined()
      expect([g.evidence, found!.kind, found!.cue?.toLowerCase()]).toEqual([g.evidence, g.kind, g.cue.toLowerCase()])
      const speaker = found!.speakerKey === null ? "" : names.get(found!.speakerKey) ?? ""
      // The actor's name in one document may be the surname only ("Hassett"); dedupe joins it to the full name.
      expect(speaker !== "" && (g.speaker.includes(speaker) || speaker.includes(g.speaker)), `${g.evidence} → ${speaker}`).toBe(true)
    }
  })
})

describe("quotes: speakers around the quotation, partial quotes and other senses of cue words", () => {
  const doe: ActorFixture = { key: "doe", name: "Jane Doe", gender: "female", mentions: ["Jane Doe", "Doe"] }
  const rows = (text: string, fixtures: ReadonlyArray<ActorFixture> = []) =>
    quotesOf(text, fixtures).quotes.map((q) => {
      expect(text.slice(q.start, q.end)).toBe(q.text)
      return [q.kind, q.text, q.start, q.speakerText, q.speakerKey, q.part, q.rule]
    })

  it("a described speaker after the quotation: said the veteran goalkeeper", () => {
    const text = `“We never gave up,” said the veteran goalkeeper after the match.`
    expect(rows(text)).toEqual([["direct", "We never gave up", 1, "the veteran goalkeeper", null, 1, "quote.direct.speaker-after-cue.content-before.say;speaker.none"]])
    // After a clause and its comma too, when the description ends the clause; not where it goes on.
    const clause = `The plant is under intense pressure from Asian imports, said the chief executive of the company.`
    expect(quotesOf(clause, [], { filter: null }).quotes.map((q) => [q.kind, q.text, q.start, q.end, q.speakerText, q.speakerStart, q.rule])).toEqual([
      ["indirect", "The plant is under intense pressure from Asian imports", 0, 54, "the chief executive of the company", 61, "quote.indirect.speaker-after-cue.content-before.say;speaker.none"]
    ])
    const goesOn = `Mike Morrell, a veteran of the CIA, said the simplistic approach put forward by Trump is insufficient.`
    expect(quotesOf(goesOn, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText])).toEqual([
      ["the simplistic approach put forward by Trump is insufficient", "Mike Morrell, a veteran of the CIA"]
    ])
  })

  it("a quotation introduced by a colon after a clause is said by the clause's subject", () => {
    const text = `Jane Doe won on Sunday.\n\nDoe had a message for the fans: “Thank you for everything.”`
    expect(rows(text, [doe])).toEqual([["direct", "Thank you for everything.", text.indexOf("Thank"), "Doe", "doe", 1, "quote.direct.lead-in.clause-subject;speaker.name"]])
  })

  it("a bare quotation in the next paragraph after a quote takes its speaker, as a quotation of its own", () => {
    const text = `“We played well,” Doe said. The match ended late.\n\n“The fans were amazing.”`
    expect(rows(text, [doe]).map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      ["We played well", "doe", 1, "quote.direct.speaker-before-cue.content-before.say;speaker.name"],
      ["The fans were amazing.", "doe", 1, "quote.direct.continued;speaker.previous-speaker"]
    ])
  })

  it("partial quotes in the object of describe, thank, hail and call; no quotation marks, no quote", () => {
    const text = `Doe described the plan as "a disaster for the economy." She thanked the volunteers for "their tireless work." Doe hailed the deal as "a historic step." Doe thanked the volunteers. Doe called the police.`
    expect(rows(text, [doe]).map((r) => [r[0], r[1], r[4], r[6]])).toEqual([
      ["mixed", `the plan as "a disaster for the economy.`, "doe", "quote.mixed.speaker-before-cue.quoted-object.describe;speaker.name"],
      ["mixed", `the volunteers for "their tireless work.`, "doe", "quote.mixed.speaker-before-cue.quoted-object.thank;speaker.previous-speaker"],
      ["mixed", `the deal as "a historic step.`, "doe", "quote.mixed.speaker-before-cue.quoted-object.hail;speaker.name"]
    ])
  })

  it("a participle that names the noun before it quotes nobody; a relative clause with its subject still quotes", () => {
    const named = `In a speech on Monday, Doe introduced an economic plan called "Build Back Better" to revive the economy.`
    expect(rows(named, [doe])).toEqual([])
    const relative = `Doe attacked the plan, which she called "a disaster for the economy."`
    expect(rows(relative, [doe]).map((r) => [r[0], r[1]])).toEqual([["direct", "a disaster for the economy."]])
  })

  it("a quotation that ends bare right before the cue is its subject, a title; with its punctuation it is what was said", () => {
    const title = `Doe unveiled her plan in July. "Build Back Better" calls for an increase in corporate taxes.`
    expect(rows(title, [doe])).toEqual([])
    const said = `Doe unveiled her plan in July. "We will build back better," said Jane Doe.`
    expect(rows(said, [doe]).map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ["We will build back better", "Jane Doe", "doe", "quote.direct.speaker-after-cue.content-before.say;speaker.name"]
    ])
  })

  it("a quoted sentence after an abbreviation's full stop opens a unit of its own and continues the quote", () => {
    const text = `The voters were split.\n\n"She seemed more honest than him," said Jane Doe, 20, of Jacksonville, Fla. "He definitely has the politician's approach to things."`
    expect(rows(text, [doe]).map((r) => [r[1], r[4], r[5]])).toEqual([
      ["She seemed more honest than him", "doe", 1],
      ["He definitely has the politician's approach to things.", "doe", 2]
    ])
  })

  it("an interrupted quotation's second part opens right after the cue's comma, even with 'that'", () => {
    const text = `The ruling was close.\n\n"I don't think it stands to reason," Doe said, "that it's a good thing for the university."`
    expect(rows(text, [doe]).map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      ["I don't think it stands to reason", "doe", 1, "quote.mixed.interrupted.say;speaker.name"],
      ["that it's a good thing for the university.", "doe", 2, "quote.mixed.interrupted.say;speaker.name"]
    ])
  })

  it("a head noun tagged as a verb ends an apposition before its comma after a number or possessive", () => {
    const text = `The speech was copied.\n\n"It's plagiarism. It's flat-out plagiarism," Jane Doe, the chief strategist of Obama's 2008 campaign, said on CNN.`
    expect(rows(text, [doe]).map((r) => [r[1], r[3], r[4]])).toEqual([["It's plagiarism. It's flat-out plagiarism", "Jane Doe, the chief strategist of Obama's 2008 campaign", "doe"]])
  })

  it("a plural noun after a determiner's noun with adjectives between is the reported clause's verb", () => {
    const text = `In the poll, most voters said the nation's economic system favors the wealthy.`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText])).toEqual([["the nation's economic system favors the wealthy", "most voters"]])
  })

  it("the cue after a relative clause and its comma is said by the antecedent: X, who said A, said B", () => {
    const text = `Doe, who said the project was vetted by her counsel, said she was unaware of any disagreements.`
    expect(rows(text, [doe]).map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ["the project was vetted by her counsel", "who", "doe", "quote.indirect.speaker-before-cue.content-after.say;speaker.antecedent.name"],
      ["she was unaware of any disagreements", "Doe", "doe", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"]
    ])
    // Past the cue's modifiers too: `who …, also noted that …`.
    const modifier = `Jane Doe, who still speaks with difficulty from a stroke in 2012, also noted that the bill had failed.`
    expect(quotesOf(modifier, [doe], { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.speakerKey, q.rule])).toEqual([
      ["the bill had failed", 82, 101, "Jane Doe", "doe", "quote.indirect.speaker-before-cue.content-after.note;speaker.name"]
    ])
    const reportsNothing = `Speaking later on the same show, Sen. Jane Doe (D-Mo.), who has endorsed Clinton, said Sanders has made her a stronger candidate.`
    expect(rows(reportsNothing, [doe]).map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ["Sanders has made her a stronger candidate", "Sen. Jane Doe", "doe", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"]
    ])
    const quoted = `The probe continued.\n\n"The agents involved are under a lot of pressure," an intelligence source, who was not authorized to speak, told Fox News.`
    expect(rows(quoted).map((r) => [r[1], r[3], r[6]])).toEqual([
      ["The agents involved are under a lot of pressure", "an intelligence source", "quote.direct.speaker-before-cue.content-before.tell;speaker.none"]
    ])
  })

  it("a share counted as 'N in M' and a participle after 'those' or a plural noun head a speaker", () => {
    const text = `About 4 in 10 say they want the next president to have more liberal policies. By 58%-33%, those surveyed say stricter gun laws would help. Some 56 percent of voters polled said they were less likely to vote this year.`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText, q.rule])).toEqual([
      ["they want the next president to have more liberal policies", "4 in 10", "quote.indirect.speaker-before-cue.content-after.say;speaker.none"],
      ["stricter gun laws would help", "those surveyed", "quote.indirect.speaker-before-cue.content-after.say;speaker.none"],
      ["they were less likely to vote this year", "Some 56 percent of voters polled", "quote.indirect.speaker-before-cue.content-after.say;speaker.none"]
    ])
  })

  it("a person after a plural noun and 'of' names the people around that person, not the person", () => {
    const navalny: ActorFixture = { key: "navalny", name: "Alexei Navalny", gender: "male", mentions: ["Alexei Navalny", "Navalny"] }
    const ministry: ActorFixture = { key: "ministry", name: "Foreign Ministry", kind: "organization", mentions: ["Foreign Ministry"] }
    const text = `Alexei Navalny fell ill on a flight. Associates of Navalny alleged he drank tea laced with poison. A spokesperson for Navalny said he was in a coma. Officials of the Foreign Ministry said there was no evidence.`
    expect(rows(text, [navalny, ministry]).map((r) => [r[1], r[3], r[4]])).toEqual([
      ["he drank tea laced with poison", "Associates of Navalny", null],
      ["he was in a coma", "A spokesperson for Navalny", "navalny"],
      ["there was no evidence", "Officials of the Foreign Ministry", "ministry"]
    ])
  })

  it("cue words in other senses are no quotes: confirmed dead, conceded the goal, added a goal and an assist", () => {
    expect(rows(`At least 75 people were confirmed dead on Monday. Doe conceded the goal in the 80th minute. Doe added a goal and an assist.`, [doe])).toEqual([])
  })

  it("a quotation ending in 'not' or 'is' keeps its cue; a joined negation or passive still blocks one", () => {
    const text = `"Some courses are adapting, others are just not," said one former agency official. "It is what it is," said Doe. Doe did not say whether she would run. Doe was told to leave.`
    expect(rows(text, [doe]).map((r) => [r[1], r[3], r[4]])).toEqual([
      ["Some courses are adapting, others are just not", "one former agency official", null],
      ["It is what it is", "Doe", "doe"]
    ])
  })

  it("words two cues frame are one row, reported by the cue nearest them", () => {
    const jones: ActorFixture = { key: "jones", name: "Tom Jones", gender: "male", mentions: ["Jones"] }
    const text = `Doe said the plan was sound, adding that Jones said of his fiancée: “I’m going to marry her. She’s going to have the Jones name.”`
    const found = quotesOf(text, [doe, jones]).quotes
    expect(found.map((q) => [q.speakerKey, q.part])).toEqual([["doe", 1], ["jones", 1]])
    expect(found[1].text).toMatch(/^I.m going to marry her\. She.s going to have the Jones name\.$/)
  })

  it("the medium is no speaker: who issued the statement said it", () => {
    const blm: ActorFixture = { key: "blm", name: "Black Lives Matter", kind: "organization", mentions: ["Black Lives Matter"] }
    const text = `Minutes later, Black Lives Matter issued a statement saying it took the action because of the police.`
    expect(rows(text, [blm]).map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ["it took the action because of the police", "Black Lives Matter", "blm", "quote.indirect.sentence-subject.content-after.say;speaker.name"]
    ])
  })

  it("the subject of the reported clause, or the cue's object, is never an inverted speaker", () => {
    const paradis: ActorFixture = { key: "paradis", name: "Sandy Paradis", gender: "female", mentions: ["Paradis"] }
    const text = `Paradis, who volunteered for Bill Clinton in 1992, says she could not support the plan.`
    expect(rows(text, [paradis]).map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ["she could not support the plan", "Paradis", "paradis", "quote.indirect.speaker-before-cue.content-after.say;speaker.name"]
    ])
    const urged = `Doe, now director of the Wilson Center, urged Obama last year not to close the prison.`
    expect(rows(urged, [doe]).map((r) => [r[3], r[4]])).toEqual([["Doe", "doe"]])
    const noting = `Prices are too high, Doe said on Tuesday, noting the minister "makes promises he cannot keep."`
    expect(rows(noting, [doe]).map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ["Prices are too high", "Doe", "doe", "quote.indirect.speaker-before-cue.content-before.say;speaker.name"],
      [`the minister "makes promises he cannot keep.`, "Doe", "doe", "quote.mixed.participle.note;speaker.previous-speaker"]
    ])
  })
})

describe("quotes: the trained filter", () => {
  const doe: ActorFixture = { key: "doe", name: "Jane Doe", gender: "female", mentions: ["Jane Doe", "Doe"] }
  const text = "Doe said that the plan would fail. Doe promised that taxes would fall next year."
  const tiny = readQuoteFilter(`${repoRoot}/tests/fixtures/quotes/filter.tiny.json`)

  it("reads a candidate's features from its cue, its parse and its content", () => {
    const engine = sharedNlpEngine()
    const context = extractContext(engine, analyzeText(engine, text, { date: "2025-06-10" }))
    const seen: Array<{ quotation: number; features: ReadonlyArray<string> }> = []
    extractQuotes(context, actorsIn(text, [doe]), { filter: null, onCandidate: (c) => seen.push(c) })
    expect(seen.map((c) => c.quotation)).toEqual([0, 1])
    expect(seen[0].features).toEqual(expect.arrayContaining(["kind=indirect", "lemma=say", "form=said", "speaker=person", "rel=ccomp", "subject=true", "that-before", "len=4-6", "modal"]))
    expect(seen[0].features).toEqual(expect.arrayContaining(["cue-rel=root", "cue-rel×form=root|said", "lemma×pattern=say|speaker-before-cue.content-after", "lemma×len=say|4-6", "to-sentence-end", "verbs=1"]))
    expect(seen[0].features.filter((f) => /^(cue-mark|cue-modal|title-case|cue-no-subject)/.test(f))).toEqual([])
    expect(seen[1].features).toEqual(expect.arrayContaining(["lemma=promise", "form=ed", "rel×lemma=ccomp|promise"]))
    // The same features from the function itself.
    const said = context.text.indexOf("the plan")
    const cue = { cue: { lemma: "say" }, firstToken: 1, endToken: 2, start: 4, end: 8 } as unknown as Parameters<typeof filterFeatures>[2]["cue"]
    expect(filterFeatures(context.doc, context.text, { start: said, end: said + "the plan would fail".length, kind: "indirect", pattern: "speaker-before-cue.content-after", cue, speakerKind: "person", addressee: false, unitIndex: 0, paragraph: 0 }))
      .toEqual(seen[0].features)
  })

  it("reads the cue's place in its sentence: a subordinate clause's marker, a title-case headline", () => {
    const featuresOf = (sentence: string) => {
      const engine = sharedNlpEngine()
      const context = extractContext(engine, analyzeText(engine, sentence, { date: "2025-06-10" }))
      const seen: Array<ReadonlyArray<string>> = []
      extractQuotes(context, actorsIn(sentence, []), { filter: null, onCandidate: (c) => seen.push(c.features) })
      return seen.map((features) => features.filter((f) => /^(cue-rel=|cue-mark|title-case|first=)/.test(f)))
    }
    expect(featuresOf("As Doe reported, the plan would fail.")).toEqual([["cue-rel=advcl", "cue-mark=as", "first=the"]])
    expect(featuresOf("Obama Says Museum Will Tell Story Of His Presidency")).toEqual([["cue-rel=root", "title-case"]])
  })

  it("drops the candidates the model rejects, with a quote.filtered note, and keeps the rest", () => {
    const kept = quotesOf(text, [doe], { filter: tiny })
    expect(kept.quotes.map((q) => [q.text, q.speakerKey, q.cueLemma])).toEqual([["the plan would fail", "doe", "say"]])
    expect(kept.diagnostics.map((d) => [d.rule, d.severity, d.start, d.end])).toEqual([["quote.filtered", "info", 53, 79]])
    expect(kept.diagnostics[0].message).toMatch(/p = 0\.047 < 0\.5/)
    const all = quotesOf(text, [doe], { filter: null })
    expect(all.quotes.map((q) => q.text)).toEqual(["the plan would fail", "taxes would fall next year"])
    expect(all.diagnostics).toEqual([])
  })

  it("ships a model that names its source, licence and cross-validated threshold", () => {
    const { header, threshold } = readQuoteFilter(QUOTE_FILTER_PATH).model
    expect(header.source).toMatch(/^PolNeAR train/)
    expect(header.licence).toMatch(/research use only/)
    expect(header.figures["cv.threshold"]).toBe(threshold)
    expect(threshold).toBeGreaterThan(0.2)
    expect(threshold).toBeLessThan(0.8)
  })

  it("never judges a direct quote", () => {
    const direct = quotesOf(`“Taxes will fall next year,” Doe promised.`, [doe], { filter: tiny })
    expect(direct.quotes.map((q) => [q.kind, q.text])).toEqual([["direct", "Taxes will fall next year"]])
  })

  it("trains a logistic regression deterministically", () => {
    const examples = [
      ...Array.from({ length: 6 }, () => ({ features: ["lemma=say", "subject=true"], label: 1 as const })),
      ...Array.from({ length: 6 }, () => ({ features: ["lemma=promise", "subject=false"], label: 0 as const })),
      { features: ["lemma=say", "subject=false"], label: 1 as const }
    ]
    const settings = { epochs: 200, learningRate: 0.5, l2: 0.001, minCount: 2 }
    const model = trainLogistic(examples, settings)
    expect(model).toEqual(trainLogistic(examples, settings))
    expect(model.weights["lemma=say"]).toBeGreaterThan(0.5)
    expect(model.weights["lemma=promise"]).toBeLessThan(-0.5)
    expect(probability(model, ["lemma=say", "subject=true"])).toBeGreaterThan(0.9)
    expect(probability(model, ["lemma=promise", "subject=false"])).toBeLessThan(0.1)
    expect(probability({ bias: 2, weights: { "lemma=promise": -5 } }, ["lemma=promise"])).toBeCloseTo(1 / (1 + Math.exp(3)), 10)
  })
})

describe("quotes: coordinated clauses of one cue", () => {
  it("gives 'said A and that B' one statement in two parts", () => {
    const smith2: ActorFixture = { key: "smith", name: "Jane Smith", gender: "female", mentions: ["Jane Smith"] }
    const text = "Jane Smith said the plan would fail and that voters would punish the party."
    const { quotes } = quotesOf(text, [smith2], { filter: null })
    expect(quotes.map((q) => [q.text, q.start, q.end, q.quotation, q.part, q.speakerKey, q.kind])).toEqual([
      ["the plan would fail", 16, 35, 0, 1, "smith", "indirect"],
      ["voters would punish the party", 45, 74, 0, 2, "smith", "indirect"]
    ])
    expect(quotes[0].rule).toBe("quote.indirect.speaker-before-cue.content-after.coordinated.say;speaker.name")
  })

  it("joins 'but that' too, and a mixed part makes the statement mixed", () => {
    const text = `The ministry confirmed that the talks will go ahead but that the country "welcomes the dialogue."`
    const { quotes } = quotesOf(text, [], { filter: null })
    expect(quotes.map((q) => [q.text, q.quotation, q.part, q.kind])).toEqual([
      ["the talks will go ahead", 0, 1, "mixed"],
      // A piece ends before its closing mark, as every mixed piece does.
      [`the country "welcomes the dialogue.`, 0, 2, "mixed"]
    ])
  })
})

describe("quotes: a cue and a colon that end a paragraph", () => {
  it("gives the quotation that opens the next paragraph the cue and its subject", () => {
    const ward: ActorFixture = { key: "ward", name: "Kelli Ward", gender: "female", mentions: ["Dr. Ward"] }
    const text = `Officials met on Monday.\n\nDr. Ward stated:\n\n"The department is not about justice anymore. It is about politics."\n\nLynch declined.`
    const { quotes } = quotesOf(text, [ward], { filter: null })
    expect(quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.speakerKey, q.cue, q.part])).toEqual([
      ["The department is not about justice anymore. It is about politics.", 45, 111, "Dr. Ward", "ward", "stated", 1]
    ])
    expect(quotes[0].rule).toBe("quote.direct.speaker-before-cue.content-next-paragraph.state;speaker.name")
  })

  it("leaves a quotation after a paragraph without a cue as it was", () => {
    const text = `Officials met on Monday.\n\nThe rest is history:\n\n"The department is not about justice anymore. It is about politics."`
    expect(quotesOf(text, [], { filter: null }).quotes.map((q) => [q.speakerText, q.cue])).toEqual([[null, null]])
  })
})

describe("quotes: a pronoun speaker's antecedent", () => {
  it("is never a name inside quoted words", () => {
    // "Green Paper" mis-typed as a person by the actors stage, named only inside a quotation.
    const paper: ActorFixture = { key: "paper", name: "Green Paper", mentions: ["Green Paper"] }
    const text = `Officials met. "Pension ages will rise, as the government announced in its Green Paper." On Monday, Jane Smith declined to comment further. She said: "Let's wait."`
    const { quotes } = quotesOf(text, [paper, smith])
    expect(quotes.filter((q) => q.text === "Let's wait.").map((q) => q.speakerKey)).toEqual(["smith"])
    const alone = `Officials met. "Pension ages will rise, as the government announced in its Green Paper." He said: "Let's wait."`
    expect(quotesOf(alone, [paper]).quotes.filter((q) => q.text === "Let's wait.").map((q) => q.speakerKey)).toEqual([null])
  })
})

describe("quotes: phrases that are no speaker of the cue", () => {
  const trump: ActorFixture = { key: "trump", name: "Donald Trump", gender: "male", mentions: ["Donald Trump", "Trump"] }

  it("a modifier before a comma ends another clause: the participle after it shares the previous speaker", () => {
    const text = `Trump argued that a database would keep people from coming into the country illegally, saying it is "all about management."`
    const { quotes } = quotesOf(text, [trump], { filter: null })
    expect(quotes.map((q) => [q.text, q.speakerText, q.speakerKey, q.rule])).toEqual([
      ["a database would keep people from coming into the country illegally", "Trump", "trump", "quote.indirect.speaker-before-cue.content-after.argue;speaker.name"],
      [`it is "all about management.`, "Trump", "trump", "quote.mixed.participle.say;speaker.previous-speaker"]
    ])
  })

  it("a time phrase after the cue is no inverted speaker", () => {
    const text = "Donald Trump, who is vying to be the next president, tweeted on Friday to say he had never suggested a database."
    const { quotes } = quotesOf(text, [trump], { filter: null })
    expect(quotes.map((q) => [q.speakerText, q.speakerKey, q.cue])).toEqual([["Donald Trump", "trump", "tweeted"]])
  })
})

describe("quotes: a cue the trained tagger reads as a verb", () => {
  it("finds 'is telling supporters that …', where compromise tags the cue an adjective", () => {
    const clinton: ActorFixture = { key: "clinton", name: "Hillary Clinton", gender: "female", mentions: ["Hillary Clinton"] }
    const { quotes } = quotesOf("Officials met. Hillary Clinton is telling supporters that she needs them tomorrow.", [clinton], { filter: null })
    expect(quotes.map((q) => [q.text, q.speakerKey, q.cue, q.addressee])).toEqual([["she needs them tomorrow", "clinton", "telling", "supporters"]])
  })
})

describe("quotes: the subject behind openings, datelines and descriptions", () => {
  const doe: ActorFixture = { key: "doe", name: "Jane Doe", gender: "female", mentions: ["Jane Doe", "Doe"] }
  const lopez: ActorFixture = { key: "lopez", name: "Maria Lopez", gender: "female", mentions: ["Maria Lopez", "Lopez"] }
  const speakers = (text: string, fixtures: ReadonlyArray<ActorFixture>) =>
    quotesOf(text, fixtures, { filter: null }).quotes.map((q) => [q.text, q.speakerText, q.speakerKey])

  it("a name and its long description after a quotation speak, whatever words the description ends in", () => {
    const text = `The vote was close. “The budget is a mess,” said Maria Lopez, the finance director at the time the budget was drafted. “We cannot fix it.”`
    const description = "Maria Lopez, the finance director at the time the budget was drafted"
    expect(speakers(text, [lopez, doe])).toEqual([["The budget is a mess", description, "lopez"], ["We cannot fix it.", description, "lopez"]])
  })

  it("a dateline is no speaker: the sentence after it has the subject", () => {
    const text = "OAKLAND, Calif. (AP) — Mayor Jane Doe visited the port on Monday and said the city will expand the docks."
    expect(speakers(text, [doe])).toEqual([["the city will expand the docks", "Mayor Jane Doe", "doe"]])
  })

  it("a dateline the cleaner missed, after a title it did not recognise, is no speaker either", () => {
    const title = "Mayor’s Port Plan Wins Support"
    const text = `${title}\n\nOAKLAND, Calif. (AP) — Mayor Jane Doe visited the port on Monday and said the city will expand the docks.`
    const engine = sharedNlpEngine()
    const analyzed = analyzeText(engine, text, { date: "2025-06-10", title })
    expect(analyzed.clean.meta.dateline).toBeNull()
    const { quotes } = extractQuotes(extractContext(engine, analyzed), actorsIn(analyzed.clean.text, [doe]), { filter: null })
    expect(quotes.map((q) => [q.text, q.speakerText, q.speakerKey])).toEqual([["the city will expand the docks", "Mayor Jane Doe", "doe"]])
  })

  it("an opening phrase goes on past a place's state and a time phrase", () => {
    const ohio = "At a town hall in Dayton, Ohio, on Monday, Jane Doe thanked the workers and said the plant would stay open."
    expect(speakers(ohio, [doe])).toEqual([["the plant would stay open", "Jane Doe", "doe"]])
    const texas = "The day before, at a rally in Austin, Tex., Jane Doe was blunt, claiming that the plant would close."
    expect(speakers(texas, [doe])).toEqual([["the plant would close", "Jane Doe", "doe"]])
  })

  it("a time phrase alone before the cue is no subject: the sentence's subject wrote", () => {
    const text = "The columnist Jane Doe has been critical of the plan but on Tuesday wrote that the council had a point."
    expect(speakers(text, [doe])).toEqual([["the council had a point", "The columnist Jane Doe", "doe"]])
  })

  it("a cue the parse hangs on a noun after a subordinator is said by the subject of the verb above the noun", () => {
    // The parse reads `explaining` as a clause on `message` (acl); the message explained nothing.
    const text = "Jane Doe presented a message about healing and forgiveness before explaining why she supports the mayor."
    expect(speakers(text, [doe])).toEqual([["why she supports the mayor", "Jane Doe", "doe"]])
  })

  it("an aside the parse hangs on the cue is no part of the speaker: the name and its description before it speak", () => {
    const text = "The bank's chief executive, Maria Lopez, of course, said that the timing was unrelated."
    expect(speakers(text, [lopez])).toEqual([["the timing was unrelated", "The bank's chief executive, Maria Lopez", "lopez"]])
  })

  it("a place's state between commas before the cue ends an adverbial or a description: the sentence's subject speaks", () => {
    const text = "Maria Lopez, 22, of Flint, Mich., said she had not given up hope."
    expect(speakers(text, [lopez])).toEqual([["she had not given up hope", "Maria Lopez", "lopez"]])
    const rally = "Jane Doe, during a town hall meeting in Columbus, Ohio, said the plant would stay open."
    expect(speakers(rally, [doe])).toEqual([["the plant would stay open", "Jane Doe", "doe"]])
  })

  it("an 'it' before a copula opens the writer's judgement, no speaker: the participle's own subject speaks", () => {
    const text = "It was a strong rebuke, as Jane Doe repeated the charge, saying the mayor had failed the city."
    expect(speakers(text, [doe])).toEqual([["the mayor had failed the city", "Jane Doe", "doe"]])
  })

  it("after a clause and its comma, a name and its description are the inverted speaker, never the clause's subject", () => {
    const approach = "The Doe approach is made possible by its resources, said Maria Lopez, Acme's global politics and government outreach director."
    expect(speakers(approach, [lopez, doe])).toEqual([
      ["The Doe approach is made possible by its resources", "Maria Lopez, Acme's global politics and government outreach director", "lopez"]
    ])
    const factors = "A variety of factors impact the cost of housing, said Maria Lopez, a national housing debt expert who has published several books on the topic."
    expect(speakers(factors, [lopez])).toEqual([
      ["A variety of factors impact the cost of housing", "Maria Lopez, a national housing debt expert who has published several books on the topic", "lopez"]
    ])
  })

  it("an opening adverb or a counted time phrase before a comma is no sentence subject", () => {
    const later = "Later, Jane Doe's campaign released a statement saying the rally was postponed."
    expect(speakers(later, [doe])).toEqual([["the rally was postponed", "Jane Doe's campaign", "doe"]])
    const years = "Eight years ago, Jane Doe backed the plan and said the city had changed."
    expect(speakers(years, [doe])).toEqual([["the city had changed", "Jane Doe", "doe"]])
  })
})

describe("quotes: the speaker of a quotation that opens its sentence", () => {
  const purner: ActorFixture = { key: "purner", name: "Cecelia Purner", gender: "female", mentions: ["Cecelia Purner"] }
  const rows = (text: string, fixtures: ReadonlyArray<ActorFixture>) =>
    quotesOf(text, fixtures, { filter: null }).quotes.map((q) => [q.text, q.start, q.end, q.speakerText, q.speakerKey, q.rule, q.part])

  it("the sentence's subject is never inside the quotation: the name and its age and description after it speak", () => {
    const text = "Most voters said it was improper. \"I just don't think she's been truthful about the emails,\" Cecelia Purner, 67, a retired representative, said."
    expect(rows(text, [purner])).toEqual([
      ["it was improper", 17, 32, "Most voters", null, "quote.indirect.speaker-before-cue.content-after.say;speaker.none", 1],
      ["I just don't think she's been truthful about the emails", 35, 90, "Cecelia Purner", "purner", "quote.direct.sentence-subject.content-before.say;speaker.name", 1]
    ])
  })

  it("there the parse's subject after the cue speaks (`“…,” said one owner of a shop who …`)", () => {
    const text = "The market was busy. \"After we came here, we realized it was all lies,\" said one owner of a shop that sells women's underwear who declined to be named for fear of trouble with the authorities."
    expect(rows(text, [])).toEqual([
      ["After we came here, we realized it was all lies", 22, 69, "one owner of a shop that sells women's underwear who declined to be named for fear of trouble with the authorities", null, "quote.direct.parse-subject.content-before.say;speaker.none", 1]
    ])
  })

  it("a participle the parse reads as an adjective of the phrase is part of the speaker (`the unsigned opinion said`, `said one unaligned strategist`)", () => {
    const text = "The justices met. \"The court expresses no view on the merits of the case,\" the unsigned opinion said."
    expect(rows(text, [])).toEqual([
      ["The court expresses no view on the merits of the case", 19, 72, "the unsigned opinion", null, "quote.direct.speaker-before-cue.content-before.say;speaker.none", 1]
    ])
    const after = "Bush remains fourth. \"If anybody thinks they are native sons, there is no data to suggest that,\" said one unaligned Florida Republican strategist."
    expect(rows(after, [])).toEqual([
      ["If anybody thinks they are native sons, there is no data to suggest that", 22, 94, "one unaligned Florida Republican strategist", null, "quote.direct.speaker-after-cue.content-before.say;speaker.none", 1]
    ])
  })
})

describe("quotes: a quotation next to a cue whose frame found no speaker phrase", () => {
  const rows = (text: string, fixtures: ReadonlyArray<ActorFixture> = []) =>
    quotesOf(text, fixtures, { filter: null }).quotes.map((q) => [q.text, q.kind, q.cue, q.speakerText, q.rule])

  it("a quotation closing on its comma before the cue: the inverted description speaks", () => {
    const text = `"I'm not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben Carson, asked about the claim.`
    const [row] = quotesOf(text, [], { filter: null }).quotes
    expect([row.text, row.kind, row.cue, row.rule.split(";")[0]]).toEqual([
      "I'm not going to say it is a mistake, so forget about it", "direct", "said", "quote.direct.cue-only.content-before.next-to-cue.say"
    ])
    expect(text.slice(row.start, row.end)).toBe(row.text)
  })

  it("a cue and its comma before the quotation: the phrase between them speaks, or the cue's subject", () => {
    expect(rows(`But, said Solovey, "I don't want to drum up conflict because I know his penchant."`)).toEqual([
      ["I don't want to drum up conflict because I know his penchant.", "direct", "said", "Solovey", "quote.direct.speaker-after-cue.content-after.next-to-cue.say;speaker.none"]
    ])
    expect(rows(`Said Dorothy Poynter, who grew up with Ali in the neighborhood, "We were all so proud of him."`)).toEqual([
      ["We were all so proud of him.", "direct", "Said", "Dorothy Poynter", "quote.direct.speaker-after-cue.content-after.next-to-cue.say;speaker.none"]
    ])
    const far = `Sen. Ron Johnson, R-Wis., said in an op-ed piece before a 2014 Senate hearing, "The State Department not only failed to honor requests for security."`
    expect(rows(far).map((r) => [r[0], r[3]])).toEqual([["The State Department not only failed to honor requests for security.", "Sen. Ron Johnson, R-Wis"]])
  })

  it("a cue whose frame read its adverbials as the statement introduces the quotation after them", () => {
    const text = `As Michael Dell said last week in Tel Aviv, "Israel is the center of the digital future. Technology here improves every year."`
    expect(rows(text)).toEqual([
      ["Israel is the center of the digital future. Technology here improves every year.", "direct", "said", "Michael Dell", "quote.direct.speaker-before-cue.content-after.next-to-cue.say;speaker.none"]
    ])
  })

  it("a quoted name inside a clause is nobody's words, even with a cue later in the sentence", () => {
    expect(rows(`At the time of her murder, Qandeel Baloch, nicknamed the "Kim Kardashian of Pakistan," had about 750,000 followers on Facebook, and wrote about feminism.`)).toEqual([])
  })

  it("a scare quote inside a clause with no cue next to it stays no quote", () => {
    // (No comma closes the title and none opens it: the cue's frame reports the clause after it only.)
    expect(rows(`Fans of the show "Back to the Future" met in May, and the mayor said the budget would grow.`).map((r) => r[0])).toEqual(["the budget would grow"])
  })
})

describe("quotes: speaker phrases and clauses the tagger misreads", () => {
  it("a word the parse hangs on the phrase's noun as a compound stays in the speaker (`State spokesman`, `campaign manager`)", () => {
    const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText])
    expect(rows(`"We take our obligations seriously," State spokesman Mark Toner said.`)).toEqual([["We take our obligations seriously", "State spokesman Mark Toner"]])
    expect(rows(`"Clearly an intelligent person, experienced person," Sanders campaign manager Jeff Weaver said Monday in an interview.`)).toEqual([
      ["Clearly an intelligent person, experienced person", "Sanders campaign manager Jeff Weaver"]
    ])
  })

  it("a `when` that opens a relative clause on the noun before it keeps the reported clause", () => {
    const rows = quotesOf(`Hemsley, the co-author of the book, said the days when the nation had one story are gone.`, [], { filter: null }).quotes
    expect(rows.map((q) => [q.text, q.speakerText])).toEqual([["the days when the nation had one story are gone", "Hemsley, the co-author of the book"]])
  })

  it("a share with its figure between commas is the speaker (`about two-thirds, 67 percent, say`)", () => {
    const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText])
    expect(rows(`Among likely GOP primary voters, about two-thirds, 67 percent, say they will vote for Trump.`)).toEqual([["they will vote for Trump", "two-thirds, 67 percent"]])
    expect(rows(`Just shy of half, 49%, say the sharing economy reflects an improvement.`)).toEqual([["the sharing economy reflects an improvement", "shy of half, 49%"]])
  })

  it("confess, proclaim, affirm and scream are verbs of saying", () => {
    const rows = quotesOf(`"This is a big political win for me," he confessed. "We are back," she proclaimed.`, [], { filter: null }).quotes
    expect(rows.map((q) => [q.text, q.cue])).toEqual([["This is a big political win for me", "confessed"], ["We are back", "proclaimed"]])
  })
})

describe("quotes: content before a cue that an adverbial or a title follows", () => {
  const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.kind, q.speakerText])

  it("after a clause and its comma, a cue followed by an adverbial of place or time reports the clause", () => {
    expect(rows(`Democrats had "put the biggest crack" yet in the glass ceiling for women, she said in a video message to the convention.`)).toEqual([
      [`Democrats had "put the biggest crack" yet in the glass ceiling for women`, "mixed", "she"]
    ])
    expect(rows(`This is not about me, President Obama told his closest advisers as he labored over the speech.`)).toEqual([
      ["This is not about me", "indirect", "President Obama"]
    ])
    // Not where the adverbial has a clause of its own, nor without a clause before the speaker.
    expect(rows(`Smith said on Thursday he delivered the letter.`)).toEqual([["on Thursday he delivered the letter", "indirect", "Smith"]])
  })

  it("a quoted title after a possessive the tokenizer splits off is no content (`On ABC News's “This Week,” Rubio said …`)", () => {
    expect(rows(`On ABC News's "This Week," Rubio said that Democrats are wrong.`)).toEqual([["Democrats are wrong", "indirect", "Rubio"]])
  })
})

describe("quotes: what a nearby cue does not report", () => {
  const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText])

  it("a quoted programme title next to a cue is no quote of anyone", () => {
    expect(rows(`Sunday, on CNN's "State of the Union," while commenting on the racial divide in America, Governor Mary Fallin said it was sad.`)).toEqual([
      ["it was sad", "Governor Mary Fallin"]
    ])
  })

  it("a semicolon right after the cue ends the statement: the clause before it is reported", () => {
    expect(rows(`To win the White House, candidates probably need to capture about 40 percent of the Hispanic vote, political analysts say; in 2012, Mitt Romney stumbled with 27 percent.`)).toEqual([
      ["To win the White House, candidates probably need to capture about 40 percent of the Hispanic vote", "political analysts"]
    ])
  })
})

describe("quotes: a colon after the cue announces the quotation", () => {
  it("the quotation after `warned:` is the cue's, not the quoted words before its speaker", () => {
    const text = `Conceding that there would likely be a trade agreement "down the line" he warned: "It's not going to happen any time soon."`
    const rows = quotesOf(text, [], { filter: null }).quotes
    expect(rows.map((q) => [q.text, q.kind, q.cue, q.speakerText])).toEqual([["It's not going to happen any time soon.", "direct", "warned", "he"]])
  })

  it("a quotation between keeps a later quotation out of the first one's statement", () => {
    const text = `"We won," Smith said. The so-called "miracle" team celebrated. "We will see it through."`
    const rows = quotesOf(text, [smith], { filter: null }).quotes
    expect(rows.map((q) => [q.text, q.quotation, q.part, q.speakerKey])).toEqual([["We won", 0, 1, "smith"], ["We will see it through.", 1, 1, "smith"]])
  })
})

describe("quotes: a cue word that is more often a noun, after a quotation and its speaker", () => {
  it("`“…,” Viguerie notes.` is a report; `several notes` and `the attorney general reports to` are not", () => {
    const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.cue, q.speakerText])
    expect(rows(`"Cruz is there in terms of having the same positions on issues of importance to Reagan Democrats," Viguerie notes.`)).toEqual([
      ["Cruz is there in terms of having the same positions on issues of importance to Reagan Democrats", "notes", "Viguerie"]
    ])
    expect(rows(`He wrote several notes. The state attorney general reports to the governor.`)).toEqual([])
  })
})

describe("quotes: a share's hedge before the next statement's speaker", () => {
  it("`…, and more than 4 in 10 said …` closes the first statement; `…, but 55 percent … say` still does", () => {
    const rows = (text: string) => quotesOf(text, [], { filter: null }).quotes.map((q) => [q.text, q.speakerText])
    expect(rows(`Most voters said they were very worried about the economy, and more than 4 in 10 said billionaire Donald Trump would be best at handling it.`)).toEqual([
      ["they were very worried about the economy", "Most voters"],
      ["billionaire Donald Trump would be best at handling it", "4 in 10"]
    ])
    expect(rows(`Seventy-five percent of Democrats said yes, but 55 percent of all voters say she does not.`)).toEqual([
      ["yes", "Seventy-five percent of Democrats"],
      ["she does not", "55 percent of all voters"]
    ])
  })
})
