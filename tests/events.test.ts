import { describe, expect, it } from "@effect/vitest"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { analyzeText, extractContext } from "../src/extract/index.ts"
import { extractEvents } from "../src/extract/events/index.ts"
import { extractActors } from "../src/extract/actors/index.ts"
import type { ActorExtraction } from "../src/extract/context.ts"
import type { ActorMention, EventMention, LocalActor } from "../src/model/extraction.ts"

const engine = sharedNlpEngine()
type Kind = LocalActor["kind"]

/**
 * A hand-built actor extraction: each actor with the surface forms that mention it. Every occurrence
 * of a form in the text becomes a mention, so the events extractor is tested apart from the actors one.
 */
const actorsIn = (text: string, actors: ReadonlyArray<readonly [name: string, kind: Kind, forms: ReadonlyArray<string>]>): ActorExtraction => {
  const local: Array<LocalActor> = []
  const mentions: Array<ActorMention> = []
  for (const [name, kind, forms] of actors) {
    const key = `${kind}:${name}`
    local.push({ key, name, kind, title: null, titleNormalized: null, affiliation: null, aliases: [...forms], gender: null, rule: "test" })
    for (const form of forms) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
        const before = text[at - 1] ?? " "
        const after = text[at + form.length] ?? " "
        if (/\p{L}/u.test(before) || /\p{L}/u.test(after)) continue
        mentions.push({ actorKey: key, start: at, end: at + form.length, text: form, kind, role: "name", title: null, rule: "test" })
      }
    }
  }
  return { actors: local, mentions: mentions.sort((a, b) => a.start - b.start), diagnostics: [] }
}

const US = ["United States", "country", ["US", "Washington"]] as const
const CHINA = ["China", "country", ["China", "Chinese", "Beijing"]] as const
const TRUMP = ["Donald Trump", "person", ["Donald Trump", "Trump"]] as const
const XI = ["Xi Jinping", "person", ["Xi Jinping", "Xi"]] as const
const LONDON = ["London", "place", ["London"]] as const
const UK = ["United Kingdom", "country", ["UK", "British"]] as const

const eventsOf = (text: string, actors: ReadonlyArray<readonly [string, Kind, ReadonlyArray<string>]>, date: string | null = "2025-06-10", dateline?: string) => {
  const doc = analyzeText(engine, text, { date })
  const context = extractContext(engine, doc)
  const withDateline = dateline === undefined ? context : { ...context, meta: { ...context.meta, dateline } }
  return extractEvents(withDateline, actorsIn(text, actors))
}
const names = (keys: ReadonlyArray<string>) => keys.map((k) => k.replace(/^[a-z]+:/, ""))
/** One event as a line a reader can check: type/cameo [trigger] modality date place source→target. */
const line = (e: EventMention) =>
  `${e.eventType}/${e.cameo} [${e.trigger}] ${e.modality} ${e.date ?? e.dateText ?? "-"} ${e.location ?? "-"} ${names(e.sourceKeys).join("+")}→${names(e.targetKeys).join("+")}`

describe("events: trigger families", () => {
  it("types meetings, talks and calls as CONSULT with the specific CAMEO code", () => {
    const text = "Trump spoke on the phone with Xi on Thursday."
    expect(eventsOf(text, [TRUMP, XI]).events.map(line)).toEqual(["CONSULT/041 [spoke on the phone] asserted 2025-06-05 - Donald Trump→Xi Jinping"])
  })

  it("makes one event per predicate: a meeting verb and the talks it is for are two mentions", () => {
    const text = "US and Chinese officials met in London on Monday for trade talks."
    const events = eventsOf(text, [US, CHINA, LONDON]).events
    expect(events.map(line)).toEqual([
      "CONSULT/040 [met] asserted 2025-06-09 London United States+China→",
      "CONSULT/046 [talks] asserted 2025-06-09 London United States+China→"
    ])
    expect(events[1]).toMatchObject({ triggerStart: 59, triggerEnd: 64, locationSource: "text", tense: "past" })
  })

  it("types agreements, requests, support, sanctions and statements", () => {
    const text = [
      "China called on the US to keep its side of the agreement.",
      "The UK welcomes the dialogue.",
      "Washington imposed sanctions on Beijing on Friday.",
      "Trump announced the delegation on Friday.",
      "The US and China signed a trade agreement on May 12."
    ].join(" ")
    expect(eventsOf(text, [US, CHINA, UK, TRUMP]).events.map(line)).toEqual([
      "REQUEST/10 [called] asserted - - China→United States",
      // The parse gives "the agreement" (inside "its side of the agreement") and "the dialogue" (what the UK
      // welcomes) no parties of their own: the UK welcomes a dialogue it does not hold.
      "AGREE/057 [agreement] asserted - - →",
      "SUPPORT/051 [welcomes] asserted - - United Kingdom→",
      "CONSULT/040 [dialogue] asserted - - →",
      "SANCTION/163 [sanctions] asserted 2025-06-06 - United States→China",
      "statement/010 [announced] asserted 2025-06-06 - Donald Trump→",
      "AGREE/057 [agreement] asserted 2025-05-12 - United States+China→"
    ])
  })

  it("types violence, disasters and justice, and needs the right objects for ambiguous verbs", () => {
    const text = "Gunmen shot two guards in London on Sunday. An earthquake hit the city on Monday. The coach was fired on Friday."
    expect(eventsOf(text, [LONDON]).events.map(line)).toEqual([
      "ASSAULT/180 [shot] asserted 2025-06-08 London →",
      "disaster/null [earthquake] asserted 2025-06-09 - →",
      "personnel/null [fired] asserted 2025-06-06 - →"
    ])
  })

  it("reads no violence or request into a price that shot up, a film shot on location, a heart attack or demand for goods", () => {
    const text = [
      "UK exports shot up 7% in May.",
      "The UK film was shot in London.",
      "Trump had a heart attack in April.",
      "UK demand for steel has risen.",
      "A gunman shot two police officers in London."
    ].join(" ")
    expect(eventsOf(text, [LONDON, UK, TRUMP]).events.map((e) => `${e.eventType} [${e.trigger}]`)).toEqual(["other [attack]", "ASSAULT [shot]"])
  })

  it("reads a campaign rally as an election event, a rally of protesters as a protest", () => {
    const types = (text: string) => eventsOf(text, [TRUMP]).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(types("Trump held a campaign rally in Tulsa.")).toEqual(["election [rally]"])
    expect(types("Thousands joined a rally against Trump.")).toEqual(["PROTEST [rally]"])
  })

  it("reads an -ing word with an object of its own as the verb: 'fighting a seat' is no fighting", () => {
    const types = (text: string) => eventsOf(text, [TRUMP]).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(types("Trump is a hopeful fighting an unwinnable seat.")).toEqual([])
    expect(types("The fighting killed ten soldiers.")).toContain("ASSAULT [fighting]")
  })

  it("reads no thanks into the preposition 'thanks to'", () => {
    const thanks = (text: string) => eventsOf(text, [TRUMP, XI]).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(thanks("Trump won the vote thanks to Xi.")).not.toContain("SUPPORT [thanks]")
    expect(thanks("Trump thanks Xi for the talks.")).toContain("SUPPORT [thanks]")
  })

  it("keeps an event word without a type as other, with a diagnostic", () => {
    const { events, diagnostics } = eventsOf("The ceremony took place in London on Monday.", [LONDON])
    expect(events.map(line)).toEqual(["other/null [ceremony] asserted 2025-06-09 London →"])
    expect(diagnostics.map((d) => `${d.rule}@${d.start}:${d.end}`)).toEqual(["events:untyped-trigger@4:12"])
  })

  it("does not make an event of a trigger word inside a name or of a goal with nobody of its own", () => {
    const text = "Other countries want to reach deals. The Trade Representative spoke."
    expect(eventsOf(text, [["Trade Representative", "organization", ["Trade Representative"]]]).events).toEqual([])
  })
})

describe("events: reciprocal concessions", () => {
  it("types concessions both sides make as an agreement, one side's as a concession", () => {
    const text = "Tariffs on both sides were cut back after talks between the US and China. The US and China lifted sanctions on each other. The US eased tariffs on China."
    expect(eventsOf(text, [US, CHINA]).events.filter((e) => e.eventType !== "CONSULT").map((e) => `${e.eventType}/${e.cameo} [${e.trigger}]`)).toEqual([
      "AGREE/057 [cut]",
      "AGREE/057 [lifted]",
      "SANCTION/163 [sanctions]",
      "CONCEDE/081 [eased]"
    ])
  })
})

describe("events: participants", () => {
  it("reads subject and object of an active verb", () => {
    expect(eventsOf("China criticized the US on Monday.", [US, CHINA]).events.map(line)).toEqual(["ACCUSE/111 [criticized] asserted 2025-06-09 - China→United States"])
  })

  it("reads the agent of a passive verb after 'by' and its subject as the target", () => {
    expect(eventsOf("The US was criticized by China on Monday.", [US, CHINA]).events.map(line)).toEqual(["ACCUSE/111 [criticized] asserted 2025-06-09 - China→United States"])
  })

  it("reads a noun's possessor as source and 'between' as both sides (both agents)", () => {
    const text = "Trump's announcement came on Friday. Talks between the US and China began on Monday."
    const events = eventsOf(text, [US, CHINA, TRUMP]).events
    expect(events.map(line)).toEqual(["statement/010 [announcement] asserted 2025-06-06 - Donald Trump→", "CONSULT/046 [Talks] asserted 2025-06-09 - United States+China→"])
    expect(names(events[1].actorKeys)).toEqual(["United States", "China"])
  })

  it("resolves 'the two countries' to the last two countries named", () => {
    const text = "The US and China quarrelled. The two countries held talks on Monday."
    const talks = eventsOf(text, [US, CHINA]).events.find((e) => e.trigger === "talks")!
    expect(names(talks.actorKeys).sort()).toEqual(["China", "United States"])
    expect(names(talks.sourceKeys).sort()).toEqual(["China", "United States"])
  })

  it("drops the affiliation written before a person's title", () => {
    const text = "US President Donald Trump met Chinese President Xi Jinping on Monday."
    expect(eventsOf(text, [US, CHINA, TRUMP, XI]).events.map(line)).toEqual(["CONSULT/040 [met] asserted 2025-06-09 - Donald Trump→Xi Jinping"])
  })
})

describe("events: participants named by a description", () => {
  it("takes 'the company' for the organisation the actors extractor links it to", () => {
    const text = "Unilever said profits fell. Unilever cut 200 jobs. The company apologized to its staff on Monday."
    const context = extractContext(engine, analyzeText(engine, text, { date: "2025-06-10" }))
    const actors = extractActors(context)
    const apology = extractEvents(context, actors).events.find((e) => e.trigger === "apologized")
    expect(apology?.sourceKeys.map((k) => actors.actors.find((a) => a.key === k)?.name)).toEqual(["Unilever"])
  })
})

describe("events: modality", () => {
  const modalityOf = (text: string) => eventsOf(text, [US, CHINA]).events.map((e) => `${e.trigger}:${e.modality}`)

  it("tells asserted, expected, negated and hypothetical events apart", () => {
    expect(modalityOf("The US and China held talks on Monday.")).toEqual(["talks:asserted"])
    expect(modalityOf("The US and China are likely to discuss tariffs.")).toEqual(["discuss:expected"])
    expect(modalityOf("The US will meet China on Thursday.")).toEqual(["meet:expected"])
    expect(modalityOf("The US did not meet China on Monday.")).toEqual(["meet:negated"])
    expect(modalityOf("The US could sanction China.")).toEqual(["sanction:hypothetical"])
  })

  it("negates an event a verb of non-occurrence governs through 'from' (refrain from)", () => {
    expect(modalityOf("China urged the US to keep the deal, while refraining from criticism.").filter((m) => m.startsWith("criticism"))).toEqual(["criticism:negated"])
  })

  it("resolves the weekday of an expected event forward", () => {
    expect(eventsOf("The US will meet China on Thursday.", [US, CHINA]).events.map((e) => `${e.date}:${e.tense}`)).toEqual(["2025-06-12:future"])
  })
})

describe("events: place and date", () => {
  it("uses the dateline only for an event of the publication's days, and says so", () => {
    const { events } = eventsOf("The US and China met on Monday. The US and China met in 1991.", [US, CHINA], "2025-06-10", "LONDON")
    expect(events.map((e) => `${e.date}:${e.location}:${e.locationSource}`)).toEqual(["2025-06-09:London:dateline", "1991:null:null"])
  })

  it("dates a definite event noun by the event it refers back to", () => {
    const text = "US and Chinese officials met for talks on Monday. Trump sent the US delegation to the talks."
    const later = eventsOf(text, [US, CHINA, TRUMP]).events.find((e) => e.triggerStart > 50)!
    expect(later).toMatchObject({ trigger: "talks", date: "2025-06-09", dateText: "Monday" })
    expect(later.rule).toContain("date:antecedent-event")
  })

  it("keeps the time expression of an undated document for dedupe to resolve", () => {
    const [event] = eventsOf("US and Chinese officials met in London on Monday.", [US, CHINA, LONDON], null).events
    expect(event).toMatchObject({ date: null, dateText: "Monday", tense: "past", location: "London" })
  })

  it("does not take the bound of a period as the event's date", () => {
    const [event] = eventsOf("Officials from the US and China are meeting since May.", [US, CHINA]).events
    expect(event).toMatchObject({ trigger: "meeting", date: null })
  })

  it("dates a when-clause by the time it follows, even the bound of a period", () => {
    const text = "The US and China have met twice since May, when the US eased tariffs on China. The US met China on Monday, when Xi agreed."
    expect(eventsOf(text, [US, CHINA, XI]).events.map((e) => `${e.trigger}:${e.date ?? "-"}:${e.rule.includes("date:when-clause")}`)).toEqual([
      "met:-:false",
      "eased:2025-05:true",
      "met:2025-06-09:false",
      "agreed:2025-06-09:true"
    ])
  })
})

describe("events: new types and word-sense checks", () => {
  const typesOf = (text: string, actors: ReadonlyArray<readonly [string, Kind, ReadonlyArray<string>]> = []) =>
    eventsOf(text, actors).events.map((e) => `${e.eventType} [${e.trigger}]`)

  it("types injuries, damage, sports results, products and job cuts", () => {
    expect(typesOf("Five people were injured on Monday.")).toEqual(["injury [injured]"])
    expect(typesOf("The storm damaged 40 homes on Monday.")).toEqual(["disaster [storm]", "damage [damaged]"])
    expect(typesOf("Arsenal defeated Chelsea in the league match on Sunday.", [["Arsenal", "organization", ["Arsenal"]], ["Chelsea", "organization", ["Chelsea"]]])).toEqual(["sports [defeated]", "sports [match]"])
    expect(typesOf("Apple unveiled a new iPhone model on Tuesday.", [["Apple", "organization", ["Apple"]]])).toEqual(["product [unveiled]"])
    expect(typesOf("Ford will cut 5,000 jobs in Europe next year.", [["Ford", "organization", ["Ford"]]])).toEqual(["job_cuts [cut]"])
  })

  it("splits justice into arrest, charge, trial, verdict and sentence", () => {
    const text = "Police arrested Smith on Monday. He was charged with fraud. His trial opened in June. A jury convicted Smith. He was sentenced to ten years in prison."
    expect(typesOf(text, [["John Smith", "person", ["Smith"]]])).toEqual(["arrest [arrested]", "charge [charged]", "crime [fraud]", "trial [trial]", "verdict [convicted]", "sentence [sentenced]"])
  })

  it("checks the frame before it types: conviction, trials, a title drought, immune cells, dismissed reports", () => {
    expect(typesOf("She spoke with strong conviction about the plan on Monday.")).toEqual([])
    expect(typesOf("His conviction for fraud was overturned by the court on Monday.")).toContain("verdict [conviction]")
    expect(typesOf("The vaccine entered clinical trials in May.")).toEqual([])
    expect(typesOf("The club ended a 30-year title drought on Sunday.")).toEqual([])
    expect(typesOf("Immune cells attack the virus in the lungs.")).toEqual([])
    expect(typesOf("The minister dismissed reports of a rift on Monday.")).toEqual(["REJECT [dismissed]"])
    expect(typesOf("The club dismissed its coach on Monday.")).toEqual(["personnel [dismissed]"])
    // A clash between teams is a match (FrameNet Competition); between police and protesters, a fight.
    expect(typesOf("Lehmann could return for the top-of-the-table clash with Chelsea on Sunday.")).toContain("sports [clash]")
    expect(typesOf("Clashes between police and protesters left 20 people injured.")).toContain("ASSAULT [Clashes]")
    // A word is no sports word near itself: "race" among a minister's portfolios is no race.
    expect(typesOf("He had been in charge of portfolios including race, policing and immigration.")).toEqual([])
    expect(typesOf("Hamilton won the race at Silverstone by two seconds on Sunday.")).toContain("sports [race]")
    // A march is a protest where it is written in lower case; "March" is the month.
    expect(typesOf("About a million people marched in London during an anti-Brexit march. The vote is due in March.")).toEqual(["PROTEST [marched]", "PROTEST [march]", "election [vote]"])
    // "invasions of civil liberties", "a raw deal": no assault, no agreement.
    expect(typesOf("Questions were raised over cost and invasions of civil liberties.")).toEqual([])
    expect(typesOf("Workers would still face a raw deal.")).toEqual([])
    expect(typesOf("Russia's invasion of Ukraine began in 2022.", [["Russia", "country", ["Russia"]], ["Ukraine", "country", ["Ukraine"]]])).toContain("ASSAULT [invasion]")
  })
})

describe("events: frames", () => {
  it("gives each coordinated predicate its own event", () => {
    const events = eventsOf("Police arrested Smith and charged him on Monday.", [["John Smith", "person", ["Smith"]]]).events
    expect(events.map((e) => `${e.eventType} [${e.trigger}] ${e.date}`)).toEqual(["arrest [arrested] 2025-06-09", "charge [charged] 2025-06-09"])
  })

  it("lets a light verb yield to its event noun", () => {
    const events = eventsOf("Rebels carried out an attack on the town on Monday. The US and China signed a trade agreement.", [US, CHINA]).events
    expect(events.map((e) => `${e.eventType} [${e.trigger}]`)).toEqual(["ASSAULT [attack]", "AGREE [agreement]"])
  })

  it("reads a noun's 'of' argument and a possessor, and makes who dies or is hurt the patient", () => {
    expect(eventsOf("The arrest of Smith came on Monday.", [["John Smith", "person", ["Smith"]]]).events.map(line)).toEqual(["arrest/173 [arrest] asserted 2025-06-09 - →John Smith"])
    expect(eventsOf("Trump died on Monday.", [TRUMP]).events.map(line)).toEqual(["death/null [died] asserted 2025-06-09 - →Donald Trump"])
    expect(eventsOf("Trump's death on Monday shocked Washington.", [TRUMP]).events.map(line)).toEqual(["death/null [death] asserted 2025-06-09 - →Donald Trump"])
  })
})

describe("events: who is not a participant", () => {
  const REUTERS = ["Reuters", "organization", ["Reuters"]] as const
  it("leaves out a news agency that reports the event, unless it is the subject of the event verb", () => {
    expect(eventsOf("China criticized the US on Monday, Reuters reported.", [US, CHINA, REUTERS]).events.map(line)).toEqual(["ACCUSE/111 [criticized] asserted 2025-06-09 - China→United States"])
    expect(eventsOf("Asked by Reuters, China criticized the US on Monday.", [US, CHINA, REUTERS]).events.flatMap((e) => names(e.actorKeys))).not.toContain("Reuters")
    expect(eventsOf("Reuters sued the US on Monday.", [US, REUTERS]).events.map(line)).toEqual(["ACCUSE/115 [sued] asserted 2025-06-09 - Reuters→United States"])
  })

  it("leaves out the byline author and the dateline city", () => {
    const text = "China criticized both the US and Jane Doe on Monday in Geneva."
    const doc = analyzeText(engine, text, { date: "2025-06-10" })
    const context = extractContext(engine, doc)
    const withMeta = { ...context, meta: { ...context.meta, author: "Jane Doe", dateline: "Geneva" } }
    const events = extractEvents(withMeta, actorsIn(text, [US, CHINA, ["Jane Doe", "person", ["Jane Doe"]], ["Geneva", "organization", ["Geneva"]]])).events
    expect(events.flatMap((e) => names(e.actorKeys))).toEqual(["China", "United States"])
  })
})

describe("events: dates ahead and behind", () => {
  it("puts a month-day of a planned event ahead and of a past event behind the publication date", () => {
    const planned = eventsOf("A court hearing is set for February 3.", [], "2025-12-10").events
    expect(planned.map((e) => `${e.trigger} ${e.date} ${e.modality}`)).toEqual(["hearing 2026-02-03 expected"])
    const past = eventsOf("The court hearing was held on November 3.", [], "2025-12-10").events
    expect(past.map((e) => `${e.trigger} ${e.date}`)).toEqual(["hearing 2025-11-03"])
  })

  it("dates a past event by the dated one it follows, but not one told in the past perfect", () => {
    const JAPAN = ["Japan", "country", ["Japan"]] as const
    const dated = (text: string) => eventsOf(text, [US, CHINA, JAPAN]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("China attacked the US on Friday. Japan criticized China.")).toEqual(["attacked 2025-06-06", "criticized 2025-06-06"])
    expect(dated("China attacked the US on Friday. Japan had criticized China.")).toEqual(["attacked 2025-06-06", "criticized -"])
    expect(dated("China attacked the US on Friday. Japan had made threats against China.")).toEqual(["attacked 2025-06-06", "threats -"])
  })

  it("moves the narrative's day with a clause's date, not with a date written before a noun", () => {
    const JAPAN = ["Japan", "country", ["Japan"]] as const
    const dated = (text: string) => eventsOf(text, [US, CHINA, JAPAN]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    // "the May 27 agreement" names the agreement's day: "the following day" counts from Friday, and the
    // next past event takes no date from it (nor from Friday, two sentences back: NARRATIVE_REACH).
    expect(dated("China met Japan on Friday. They said the May 27 agreement is void. The US criticized them the following day."))
      .toEqual(["met 2025-06-06", "agreement 2025-05-27", "criticized 2025-06-07"])
    expect(dated("China met Japan on Friday. They said the May 27 agreement is void. Japan criticized China."))
      .toEqual(["met 2025-06-06", "agreement 2025-05-27", "criticized -"])
  })

  it("takes an event the text dates after publication for expected, not asserted", () => {
    const modal = (text: string) => eventsOf(text, [TRUMP, XI]).events.map((e) => `${e.trigger} ${e.modality} ${e.date ?? "-"}`)
    expect(modal("Trump is the favourite in the 2026 election.")).toEqual(["election expected 2026"])
    expect(modal("Trump met Xi on Friday in May 2025.")).toEqual(["met asserted 2025-06-06"])
  })

  it("reads a weekday after 'will' forward and a past weekday back", () => {
    expect(eventsOf("China will meet the US on Friday.", [US, CHINA]).events.map((e) => e.date)).toEqual(["2025-06-13"])
    expect(eventsOf("China met the US on Friday.", [US, CHINA]).events.map((e) => e.date)).toEqual(["2025-06-06"])
  })

  it("reads the weekday of a scheduled event forward, whatever the tense of the verb group", () => {
    expect(eventsOf("The talks are scheduled to resume on Monday.", []).events.map((e) => `${e.trigger} ${e.modality} ${e.date}`)).toEqual(["talks expected 2025-06-16"])
    // A forecast (FrameNet's Predicting frame) is expected too: the next Saturday, not the last one.
    expect(eventsOf("Meteorologists predict landfall Saturday morning.", [], "2019-07-12").events.map((e) => `${e.trigger} ${e.modality} ${e.date}`))
      .toEqual(["landfall expected 2019-07-13"])
  })

  it("does not carry the narrative's day to a present perfect", () => {
    const dated = (text: string) => eventsOf(text, [US, CHINA]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("China attacked the US on Friday. The US has condemned China.")).toEqual(["attacked 2025-06-06", "condemned -"])
  })

  it("dates damage and deaths by the disaster that caused them, not by the day they were reported", () => {
    const dated = (text: string) => eventsOf(text, []).events.map((e) => `${e.trigger} ${e.date ?? "-"} ${e.rule.split(";").find((r) => r.startsWith("date:")) ?? "-"}`)
    expect(dated("A fire broke out at the airport on Tuesday. Reports as of Wednesday said 300 cars had been damaged."))
      .toEqual(["fire 2025-06-10 date:time:weekday", "damaged 2025-06-10 date:cause-event"])
    expect(dated("Rockets struck the base on Friday. The attack produced no casualties.")).toContain("casualties 2025-06-06 date:cause-event")
    // A habitual consequence in the present is no death of the story's.
    expect(dated("A boat sank on Monday. Migrants drown in the Mediterranean daily.")).toContain("drown - -")
    // "as of Wednesday" is when the count was given: no date of its own for the damage.
    expect(dated("Reports as of Wednesday said 300 cars had been damaged.")).toEqual(["damaged - -"])
  })

  it("shares a clause's time with a participial adjunct after a comma", () => {
    const dated = (text: string) => eventsOf(text, [["Nancy Pelosi", "person", ["Pelosi"]], ["House", "organization", ["House"]]]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("Pelosi yesterday resumed the office of Speaker, being voted into the position by the House."))
      .toEqual(["resumed 2025-06-09", "voted 2025-06-09"])
  })

  it("keeps a word's event sense through the report, and takes the report's first event for 'the fire'", () => {
    const text = "A fire was reported at the airport on Tuesday. The car was recalled after a similar fire in Cork in August. The fire produced heavy smoke."
    expect(eventsOf(text, [], "2020-01-10").events.map((e) => `${e.trigger} ${e.date} ${e.rule.split(";").find((r) => r.startsWith("date:"))}`)).toEqual([
      "fire 2020-01-07 date:time:weekday",
      "recalled 2019-08 date:clause:time:month",
      // "a similar fire": no "the" or "a" right before it, a fire all the same in a report about a fire.
      "fire 2019-08 date:time:month",
      "fire 2020-01-07 date:antecedent-event"
    ])
  })

  it("dates an event by a clock time on the day the text has reached, and by the day when the clause names one", () => {
    const dated = (text: string) => eventsOf(text, [], "2020-11-07").events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("Rockets struck a base on Friday. The attack took place at about 7:45 p.m.")).toEqual(["struck 2020-11-06", "attack 2020-11-06"])
    expect(dated("The attack took place at 3 pm on Tuesday.")).toEqual(["attack 2020-11-03"])
  })

  it("takes 'the' before an event noun's modifiers as definite: another mention of an event dated before", () => {
    const rules = eventsOf("Turkey launched a military offensive on Wednesday. Officials later condemned the Turkish aggression.", [], "2019-10-15").events
      .map((e) => `${e.trigger} ${e.date} ${e.rule.split(";").find((r) => r.startsWith("date:"))}`)
    expect(rules).toContain("aggression 2019-10-09 date:antecedent-event")
  })

  it("dates an event told over a range by what the range's ends share", () => {
    const dated = (text: string) => eventsOf(text, [], "2019-03-01").events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("Protests were held between February 18 and 21.")).toEqual(["Protests 2019-02"])
    expect(dated("Protests were held between 18 and 21 February 2019.")).toEqual(["Protests 2019-02"])
    expect(dated("Protests were held from December 2018 to January 2019.")).toEqual(["Protests -"])
  })

  it("takes the same verb with other undergoers for another event", () => {
    const SMITH = ["John Smith", "person", ["Smith"]] as const
    const JONES = ["Mary Jones", "person", ["Jones"]] as const
    const dated = (text: string) => eventsOf(text, [SMITH, JONES]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("Smith died on Monday. Traffic was heavy. Jones died in hospital.")).toEqual(["died 2025-06-09", "died -"])
    expect(dated("Smith died on Monday. Traffic was heavy. Smith died in hospital.")).toEqual(["died 2025-06-09", "died 2025-06-09"])
  })

  it("does not share the time of a statement with what it reports", () => {
    const RCMP = ["RCMP", "organization", ["RCMP"]] as const
    const dated = eventsOf("In a statement issued on Monday, the RCMP confirmed they seized the substance.", [RCMP]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated).toContain("seized -")
  })

  it("does not date an event by a year that describes a thing", () => {
    expect(eventsOf("The fire started in a recalled 2005 Opel Zafira.", []).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)).toEqual(["fire -"])
  })

  it("takes a possessed event noun as another mention of the event, but not the same verb done by someone else", () => {
    const FORD = ["Ford", "organization", ["Ford"]] as const
    const CITY = ["Detroit", "organization", ["The city"]] as const
    const SCHOOLS = ["Schools", "organization", ["Schools"]] as const
    const dated = (text: string) => eventsOf(text, [FORD, CITY, SCHOOLS]).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dated("Ford opened an investigation in February. Ford later expanded its investigation.")).toEqual(["investigation 2025-02", "investigation 2025-02"])
    expect(dated("The city announced closures on Monday. Traffic was heavy. Schools announced the closings.")).toEqual(["announced 2025-06-09", "closures 2025-06-09", "announced -", "closings 2025-06-09"])
  })
})

describe("events: modality cues", () => {

  it("makes no event of a tally of a month's deaths, but keeps the toll of a disaster", () => {
    const triggers = (text: string) => eventsOf(text, [], "2020-07-08").events.map((e) => e.trigger)
    expect(triggers("There were 170 suspected deaths in May alone.")).toEqual([])
    expect(triggers("The earthquake caused 170 deaths in May.")).toContain("deaths")
  })

  it("makes no event of what a condition or a counterfactual supposes", () => {
    const SMITH = ["John Smith", "person", ["Smith"]] as const
    const triggers = (text: string) => eventsOf(text, [SMITH]).events.map((e) => `${e.trigger} ${e.modality}`)
    expect(triggers("If convicted, Smith could be sentenced to life in prison.")).not.toContain("convicted hypothetical")
    expect(triggers("Smith said he would have died had he not been armed.")).toEqual([])
    expect(triggers("Smith was convicted on Monday.")).toEqual(["convicted asserted"])
  })
  const modalityOf = (text: string) => eventsOf(text, [US, CHINA]).events.map((e) => `${e.trigger}:${e.modality}`)
  it.each([
    ["China will meet the US on Friday.", "meet:expected"],
    ["China plans to meet the US on Friday.", "meet:expected"],
    ["China is expected to meet the US on Friday.", "meet:expected"],
    ["China could sanction the US.", "sanction:hypothetical"],
    ["If China sanctions the US, prices rise.", "sanctions:hypothetical"],
    ["China hopes to meet the US soon.", "meet:hypothetical"],
    ["China did not meet the US on Friday.", "meet:negated"],
    ["China refused to meet the US on Friday.", "meet:negated"]
  ])("%s", (text, expected) => {
    expect(modalityOf(text)).toContain(expected)
  })
})

describe("events: frames from the dependency parse", () => {
  const TURKEY = ["Turkey", "country", ["Turkey"]] as const
  const SYRIA = ["Syria", "country", ["Syria"]] as const
  const JAPAN = ["Japan", "country", ["Japan"]] as const
  const SMITH = ["John Smith", "person", ["John Smith", "Smith"]] as const
  const JONES = ["Ann Jones", "person", ["Ann Jones", "Jones"]] as const
  const REUTERS = ["Reuters", "organization", ["Reuters"]] as const
  const lines = (text: string, actors: ReadonlyArray<readonly [string, Kind, ReadonlyArray<string>]>) => eventsOf(text, actors).events.map(line)

  it("active verb: subject → agent, object → patient; coordinated predicates share the subject and keep their own objects", () => {
    expect(lines("China arrested Smith and deported Jones.", [CHINA, SMITH, JONES])).toEqual([
      "arrest/173 [arrested] asserted - - China→John Smith",
      "COERCE/174 [deported] asserted - - China→Ann Jones"
    ])
  })

  it("passive verb and reduced relative: the by-phrase is the agent, the subject or the noun modified the patient", () => {
    // With an auxiliary on the main verb: the parser reads "…, met Jones" after a passive relative
    // clause as the clause's adverbial (docs/syntax.md, what it gets wrong).
    expect(lines("Smith, who was arrested by the US on Monday, has met Jones.", [US, SMITH, JONES])).toEqual([
      "arrest/173 [arrested] asserted 2025-06-09 - United States→John Smith",
      // Monday is the arrest's, attached to it in the parse: the meeting is not dated by it.
      "CONSULT/040 [met] asserted - - John Smith→Ann Jones"
    ])
  })

  it("event noun: 'on' is the patient, 'by' the agent, a possessor of an arrest its patient", () => {
    expect(lines("The attack on the US by China began on Monday.", [US, CHINA])).toEqual(["ASSAULT/180 [attack] asserted 2025-06-09 - China→United States"])
    // The statement's object is an event: its participants are the arrest's, not the statement's.
    expect(lines("Police announced Smith's arrest on Monday.", [SMITH])).toEqual([
      "statement/010 [announced] asserted 2025-06-09 - →",
      "arrest/173 [arrest] asserted 2025-06-09 - →John Smith"
    ])
  })

  it("support verbs lend their subject to the event noun they take, and their 'with' to its patient", () => {
    expect(lines("Turkey carried out an attack on Syria on Wednesday.", [TURKEY, SYRIA])).toEqual(["ASSAULT/180 [attack] asserted 2025-06-04 - Turkey→Syria"])
    expect(lines("Turkey began a military offensive against Syria.", [TURKEY, SYRIA])).toEqual(["ASSAULT/190 [offensive] asserted - - Turkey→Syria"])
    expect(lines("The US held talks with China on Monday.", [US, CHINA])).toEqual(["CONSULT/046 [talks] asserted 2025-06-09 - United States→China"])
    // Verbs of organising and scheduling lend their subject too.
    const PGE = ["PG&E", "organization", ["PG&E"]] as const
    expect(lines("PG&E scheduled the blackouts for Wednesday.", [PGE])).toEqual(["policy/null [blackouts] expected 2025-06-11 - PG&E→"])
    expect(lines("Smith is known for organizing the safe return of the diplomats.", [SMITH])).toEqual(["movement/null [return] asserted - - John Smith→"])
  })

  it("a support verb in the passive lends its agent to the event noun that is its subject", () => {
    const FAA = ["Federal Aviation Administration", "organization", ["Federal Aviation Administration"]] as const
    const NTSB = ["National Transportation Safety Board", "organization", ["National Transportation Safety Board"]] as const
    expect(lines("Investigations have been launched by the Federal Aviation Administration and the National Transportation Safety Board.", [FAA, NTSB])).toEqual([
      "justice/null [Investigations] asserted - - Federal Aviation Administration+National Transportation Safety Board→"
    ])
  })

  it("a group stands for whom it comes from, not for the place it is in", () => {
    const PROTESTERS = ["protesters", "group", ["protesters"]] as const
    const KENOSHA = ["Kenosha", "place", ["Kenosha"]] as const
    const text = "Smith, the suspect in a shooting of protesters in Kenosha, Wisconsin, United States that left two people dead, was released from a Wisconsin jail Friday."
    expect(lines(text, [SMITH, PROTESTERS, KENOSHA, ["United States", "country", ["United States"]]]).filter((l) => l.includes("[shooting]"))).toEqual([
      "ASSAULT/180 [shooting] asserted - Kenosha →protesters"
    ])
  })

  it("a group stands for the head of its 'of' phrase, not for what that phrase holds in turn", () => {
    const RESIDENTS = ["residents", "group", ["Residents"]] as const
    const PARISH = ["Jefferson Parish", "organization", ["Jefferson Parish"]] as const
    expect(lines("Residents of some other areas, such as Jefferson Parish, have been instructed to evacuate.", [RESIDENTS, PARISH])).toEqual([
      "REQUEST/020 [instructed] asserted - - →residents",
      "movement/null [evacuate] asserted - - residents→"
    ])
  })

  it("a verb the parser hung on a root noun is the predicate, with the noun its subject, not a reduced relative", () => {
    const DIPLOMATS = ["US diplomats", "group", ["diplomats"]] as const
    expect(lines("Six other diplomats fled to the Canadian embassy and hid there.", [DIPLOMATS])).toEqual(["movement/null [fled] asserted - - US diplomats→"])
  })

  it("a passive subject label without a form of 'be' or 'get' is an active subject", () => {
    const VOTERS = ["voters", "group", ["voters"]] as const
    expect(lines("About 52% of participating voters voted to leave and 48% to stay.", [VOTERS])).toEqual(["election/null [voted] asserted - - voters→"])
  })

  it("a relative clause's object is the noun it modifies: through 'whom'/'that', or by the gap of a clause with a subject and no object", () => {
    const DIPLOMATS = ["diplomats", "group", ["diplomats"]] as const
    expect(lines("China expelled the diplomats whom the US had accused.", [CHINA, US, DIPLOMATS])).toEqual([
      "SANCTION/164 [expelled] asserted - - China→diplomats",
      "ACCUSE/112 [accused] asserted - - United States→diplomats"
    ])
    expect(lines("Smith questioned the diplomats China arrested on Monday.", [SMITH, CHINA, DIPLOMATS]).filter((l) => l.includes("[arrested]"))).toEqual([
      "arrest/173 [arrested] asserted 2025-06-09 - China→diplomats"
    ])
  })

  it("who is left dead is the noun 'dead' describes; an apposition the parser read as a second subject is the object", () => {
    const PEOPLE = ["people", "group", ["people"]] as const
    expect(lines("The shooting left two people dead.", [PEOPLE]).filter((l) => l.includes("[dead]"))).toEqual(["death/null [dead] asserted - - →people"])
    expect(lines("China arrested her brother, John Smith, on Monday.", [CHINA, SMITH])).toEqual(["arrest/173 [arrested] asserted 2025-06-09 - China→John Smith"])
  })

  it("a title the parser made the head stands for the person it holds, not for the country of the title", () => {
    const BIDEN = ["Joe Biden", "person", ["Joe Biden"]] as const
    expect(lines("On Saturday, former Vice President of the United States Joe Biden won the South Carolina primary.", [BIDEN, ["United States", "country", ["United States"]]])
      .filter((l) => l.includes("[won]"))).toEqual(["election/null [won] asserted 2025-06-07 - Joe Biden→"])
  })

  it("a possessor after 'at' is who acts, not where: 'at the Iraqi government's request'", () => {
    const IRAQ_GOVERNMENT = ["Iraqi government", "organization", ["Iraqi government"]] as const
    expect(lines("US troops returned three years later at the Iraqi government's request.", [US, IRAQ_GOVERNMENT]).filter((l) => l.includes("[request]"))).toEqual([
      "REQUEST/020 [request] asserted - - Iraqi government→"
    ])
  })

  it("a passive verb's 'by' phrase the parser hung on its object is its agent", () => {
    const LIBDEMS = ["Liberal Democrats", "organization", ["Liberal Democrats"]] as const
    expect(lines("Pensioners are being promised energy savings by the Liberal Democrats, as snow continues.", [LIBDEMS])).toEqual([
      "statement/010 [promised] asserted - - Liberal Democrats→"
    ])
  })

  it("a support verb the parse left without a subject takes the nearest actor before it, as a verb trigger does", () => {
    // The parser hangs "Turkey" on "government" and gives "began" no subject.
    const ALLIANCE = ["Northern Alliance", "organization", ["Northern Alliance", "NA"]] as const
    const text = "Early on Friday, the rebel-led Northern Alliance (NA) said it had entered into an agreement with the government of Syria after Turkey began a ground offensive into northern Syria on Tuesday."
    expect(eventsOf(text, [ALLIANCE, TURKEY, SYRIA]).events.filter((e) => e.trigger === "offensive").map((e) => [names(e.sourceKeys), e.rule.includes("participants:nearest-subject")])).toEqual([[["Turkey"], true]])
  })

  it("a support verb passes the time attached to it to its event noun, and a time in an adverbial clause does not climb to the main verb", () => {
    const dates = (text: string, actors: ReadonlyArray<readonly [string, Kind, ReadonlyArray<string>]>) =>
      eventsOf(text, actors).events.map((e) => `${e.trigger} ${e.date ?? "-"}`)
    expect(dates("China announced new tariffs after the US began talks with Turkey on Monday.", [CHINA, US, TURKEY])).toEqual(["announced -", "talks 2025-06-09"])
    const ALLIANCE = ["Northern Alliance", "organization", ["Northern Alliance"]] as const
    expect(dates("The Northern Alliance said it had entered into an agreement with Syria after Turkey began a ground offensive into northern Syria on Wednesday.", [ALLIANCE, TURKEY, SYRIA]))
      .toContain("offensive 2025-06-04")
  })

  it("a pronoun subject in a relative clause on a noun climbs past the noun to its predicate's subject", () => {
    const YOUTUBE = ["YouTube", "organization", ["YouTube"]] as const
    expect(lines("Smith made his announcement via a YouTube video in which he thanked Jones.", [SMITH, JONES, YOUTUBE]).filter((l) => l.includes("[thanked]"))).toEqual([
      "SUPPORT/051 [thanked] asserted - - John Smith→Ann Jones"
    ])
  })

  it("a reporting verb's complement is its own event, without the reporter; a pronoun subject there is the reporting subject", () => {
    expect(lines("Reuters reported that China attacked the US.", [US, CHINA, REUTERS])).toEqual(["ASSAULT/180 [attacked] asserted - - China→United States"])
    expect(lines("China said it would sanction the US.", [US, CHINA])).toEqual(["SANCTION/163 [sanction] hypothetical - - China→United States"])
  })

  it("dates each predicate by the time expression attached to it, future or past by its tense (published Tuesday 2025-06-10)", () => {
    expect(lines("Smith, the suspect in an attack on Jones, was arrested by the US on Friday.", [US, SMITH, JONES]).map((l) => l.replace(/ - .*$/, ""))).toEqual([
      "ASSAULT/180 [attack] asserted",
      "arrest/173 [arrested] asserted 2025-06-06"
    ])
    expect(lines("China met Japan on Monday, a week after it attacked the US on Friday.", [US, CHINA, JAPAN])).toEqual([
      "CONSULT/040 [met] asserted 2025-06-09 - China→Japan",
      "ASSAULT/180 [attacked] asserted 2025-06-06 - China→United States"
    ])
    expect(lines("China will meet the US on Thursday.", [US, CHINA])).toEqual(["CONSULT/040 [meet] expected 2025-06-12 - China→United States"])
    expect(lines("China met the US on Thursday.", [US, CHINA])).toEqual(["CONSULT/040 [met] asserted 2025-06-05 - China→United States"])
    // A week inside one month dates the event to the month; a week across two months leaves it undated.
    expect(lines("China attacked the US last week.", [US, CHINA])).toEqual(["ASSAULT/180 [attacked] asserted 2025-06 - China→United States"])
    expect(eventsOf("China attacked the US earlier this week.", [US, CHINA], "2025-07-01").events.map((e) => e.date)).toEqual([null])
    // A planned event on the publication's own weekday is that day, not a week later.
    expect(lines("China will meet the US on Tuesday.", [US, CHINA])).toEqual(["CONSULT/040 [meet] expected 2025-06-10 - China→United States"])
  })

  it("reads modality from the arcs: negated support verb, accusation, and a 'not' that belongs to another predicate", () => {
    expect(lines("China could not reach an agreement with the US.", [US, CHINA])).toEqual(["AGREE/057 [agreement] negated - - China→United States"])
    expect(lines("Smith was accused of attacking Jones.", [SMITH, JONES])).toEqual([
      "ACCUSE/112 [accused] asserted - - →John Smith",
      "ASSAULT/180 [attacking] hypothetical - - John Smith→Ann Jones"
    ])
    expect(lines("Officials said they were not concerned about the attack on the US by China.", [US, CHINA])).toEqual(["ASSAULT/180 [attack] asserted - - China→United States"])
  })

  it("a 'by' phrase hung on a verb with an active subject and an object leaves the verb active", () => {
    const SCIENCE = ["Science", "organization", ["Science"]] as const
    expect(lines("On Thursday the journal Science published a report by a team from the University of Hawaii.", [SCIENCE])).toEqual([
      "occurrence/null [published] asserted 2025-06-05 - Science→"
    ])
  })

  it("a complement shares every subject the parser gave its governor", () => {
    const RITTENHOUSE = ["Kyle Rittenhouse", "person", ["Rittenhouse"]] as const
    const ANTIOCH = ["Antioch", "place", ["Antioch"]] as const
    expect(lines("A resident of Antioch, Illinois, Rittenhouse is accused of attacking two people.", [RITTENHOUSE, ANTIOCH])).toEqual([
      "ACCUSE/112 [accused] asserted - - →Kyle Rittenhouse",
      "ASSAULT/180 [attacking] hypothetical - - Kyle Rittenhouse→"
    ])
  })

  it("a nominal right after a preposition the parser took for a marker is not the verb's subject", () => {
    const SOLBERG = ["Erna Solberg", "person", ["Solberg"]] as const
    const TWITTER = ["Twitter", "organization", ["Twitter"]] as const
    expect(lines("Solberg posted on Twitter asking for places to eat.", [SOLBERG, TWITTER])).toEqual(["REQUEST/020 [asking] asserted - - Erna Solberg→"])
    // "after", "as" open clauses with subjects of their own (both seen on unseen BBC reports).
    expect(lines("The move came after the US lifted a trade ban on China.", [US, CHINA])).toContain("CONCEDE/081 [lifted] asserted - - United States→")
  })

  it("a 'to' phrase names the addressee of a statement verb and the receiver of a transfer, not the goal of a movement", () => {
    const FORD = ["Ford", "organization", ["Ford"]] as const
    const EPA = ["Environmental Protection Agency", "organization", ["EPA"]] as const
    expect(lines("Ford disclosed the matter to the EPA.", [FORD, EPA])).toEqual(["statement/010 [disclosed] asserted - - Ford→Environmental Protection Agency"])
    expect(lines("Smith traveled to China on Monday.", [SMITH, CHINA])).toEqual(["movement/null [traveled] asserted 2025-06-09 - John Smith→"])
  })

  it("a pronoun object before a complement with no 'to' is its subject ('stated it scheduled'); a controlling object is not ('asked them to leave')", () => {
    const PGE = ["PG&E", "organization", ["PG&E"]] as const
    // "scheduled" also makes the blackouts expected.
    expect(lines("PG&E stated it scheduled the blackouts in response to forecasts for high winds.", [PGE])).toEqual(["policy/null [blackouts] expected - - PG&E→"])
    expect(lines("China asked them to attack the US.", [CHINA, US]).at(-1)).toEqual("ASSAULT/180 [attack] hypothetical - - →United States")
  })

  it("an 'of' phrase is the agent of a statement, request, meeting or agreement noun and the patient of others", () => {
    const IRAQ = ["Iraq", "country", ["Iraq"]] as const
    expect(lines("Coalition forces are in Iraq at the invitation of the Government of Iraq.", [IRAQ])).toEqual(["CONSULT/040 [invitation] asserted - Iraq Iraq→"])
    expect(lines("Beijing rejected the criticism of China on Monday.", [CHINA]).at(-1)).toEqual("ACCUSE/111 [criticism] asserted 2025-06-09 - →China")
    expect(lines("China announced the arrest of Smith.", [CHINA, SMITH])).toEqual([
      "statement/010 [announced] asserted - - China→",
      "arrest/173 [arrest] asserted - - →John Smith"
    ])
  })

  it("an event noun in a 'with' phrase of a verb that is no event itself is done by the verb's subject; a charge's crime is not the charger's", () => {
    const PGE = ["PG&E", "organization", ["PG&E"]] as const
    expect(lines("PG&E announced the schedule and followed it up with a press conference last night.", [PGE])).toEqual([
      "statement/010 [announced] asserted - - PG&E→",
      "statement/010 [press conference] asserted 2025-06-09 - PG&E→"
    ])
    expect(lines("Police charged Smith with murder on Monday.", [SMITH])).toEqual(["charge/null [charged] asserted - - →John Smith", "ASSAULT/1823 [murder] asserted 2025-06-09 - →"])
  })
})

describe("events: word sense from the frame", () => {
  it("types 'conviction' as a verdict only with an argument of its own (of, for, a possessor)", () => {
    const kinds = (text: string) => eventsOf(text, [["John Smith", "person", ["Smith"]]]).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(kinds("The conviction of Smith was overturned by the court on Monday.")).toContain("verdict [conviction]")
    expect(kinds("Smith spoke with a conviction that surprised the court on Monday.")).not.toContain("verdict [conviction]")
  })

  it("leaves report frames to the quotes table: 'said in a statement', 'tweeted'", () => {
    const kinds = (text: string) => eventsOf(text, [US, CHINA]).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(kinds("China said in a statement that the US attacked its ships.")).toEqual(["ASSAULT [attacked]"])
    expect(kinds("China issued a statement on Monday.")).toEqual(["statement [statement]"])
    expect(kinds("Trump tweeted that China had attacked the US.")).toEqual(["ASSAULT [attacked]"])
  })

  it("makes no event of a candidacy, a role: the verb that announces or withdraws it is the event", () => {
    const kinds = (text: string) => eventsOf(text, []).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(kinds("The princess announced her candidacy for prime minister on Friday.")).toEqual(["statement [announced]"])
    // A state of emergency is a state; declaring one is the event, and a policy, not a statement.
    expect(kinds("The governor declared a state of emergency on Thursday.")).toEqual(["policy [declared]"])
    expect(kinds("The governor declared that the storm was over.")).toEqual(["statement [declared]", "disaster [storm]"])
  })

  it("takes 'meet' for a meeting only with someone to meet: not 'meet the demand' or 'met its target'", () => {
    const kinds = (text: string) => eventsOf(text, [US, CHINA, ["Joe Biden", "person", ["Biden"]]]).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(kinds("China met the US in London on Monday.")).toEqual(["CONSULT [met]"])
    expect(kinds("Biden met the president in London on Monday.")).toEqual(["CONSULT [met]"])
    expect(kinds("Biden met them in London on Monday.")).toEqual(["CONSULT [met]"])
    expect(kinds("Biden met with officials in London on Monday.")).toEqual(["CONSULT [met]"])
    expect(kinds("Small drives are unable to meet the demand of consumers.")).toEqual([])
    expect(kinds("The firm met its sales target in June.")).toEqual([])
  })

  it("takes 'call' with an object for a statement, but not a name given ('called a plume') or 'called off'", () => {
    const AP = ["Associated Press", "organization", ["Associated Press"]] as const
    const BIDEN = ["Joe Biden", "person", ["Biden"]] as const
    expect(eventsOf("The Associated Press called the election for Biden on Saturday.", [AP, BIDEN]).events.map(line)).toEqual([
      "statement/010 [called] asserted 2025-06-07 - Associated Press→",
      "election/null [election] asserted 2025-06-07 - →"
    ])
    const kinds = (text: string) => eventsOf(text, []).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(kinds("A mother called the police in Kamloops on Sunday.")).toEqual(["statement [called]"])
    expect(kinds("The mass of microbe-rich water, called a plume, was large enough to detect from space.")).toEqual([])
    expect(kinds("It increased the population of phytoplankton, also called green algae, in the waters surrounding the island.")).toEqual([])
    expect(kinds("Biden announced a plan called Build Back Better.")).toEqual(["statement [announced]"])
    expect(kinds("The union called off the strike.")).toEqual(["PROTEST [strike]"])
  })

  it("makes no event of a tally of votes, but keeps the vote itself", () => {
    const kinds = (text: string) => eventsOf(text, []).events.map((e) => `${e.eventType} [${e.trigger}]`)
    expect(kinds("The members voted for Pelosi with 220 votes, giving him an additional six electoral college votes.")).toEqual(["election [voted]"])
    expect(kinds("She received 11% of the votes.")).toEqual(["election [votes]"])
  })

  it("makes no event of an event noun that only modifies a thing, but keeps one that modifies an event or a time", () => {
    const kinds = (text: string) => eventsOf(text, []).events.map((e) => `${e.eventType} [${e.trigger}] ${e.date ?? "-"}`)
    expect(kinds("The election commission will meet on Monday to review wildfire risks.")).toEqual(["CONSULT [meet] 2025-06-16"])
    expect(kinds("Smith was charged in the murder trial on Monday.")).toEqual(["charge [charged] -", "ASSAULT [murder] -", "trial [trial] 2025-06-09"])
    expect(eventsOf("Meteorologists predict landfall Saturday morning.", []).events.map((e) => e.trigger)).toEqual(["landfall"])
  })
})
