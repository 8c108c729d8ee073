import { describe, expect, it } from "@effect/vitest"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { makeNlpEngine, sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { analyzeText, extractContext } from "../src/extract/index.ts"
import { extractActors } from "../src/extract/actors/index.ts"
import { creditRanges } from "../src/extract/actors/credits.ts"
import { actorLexicon } from "../src/extract/actors/lexicon.ts"
import { documentFeatures, wordShape } from "../src/extract/actors/ner/features.ts"
import { organizationNounCues, placeNounCues, typeBySameName, typeShortForms, versusCues } from "../src/extract/actors/ner/merge.ts"
import { Labels, decode, decodeJsonModel, decodeModel, encodeModel, floatWeights, quantise, serialize, spansOf, train } from "../src/extract/actors/ner/perceptron.ts"
import { loadNameModel, makeNameTagger } from "../src/extract/actors/ner/tagger.ts"
import { FeatureTable } from "../src/extract/actors/ner/featureTable.ts"
import { recognizeSentence } from "../src/extract/actors/recognize.ts"
import { prepare, score } from "../src/extract/actors/ner/train.ts"
import { labelDocument, readAnnotatedRecords } from "../src/extract/actors/ner/data.ts"
import { hasShared, sharedPath } from "./support/shared.ts"

const engine = sharedNlpEngine()
const fixture = fileURLToPath(new URL("./fixtures/ner/tiny.jsonl", import.meta.url))
const header = { name: "test", source: "tests/fixtures/ner/tiny.jsonl", licence: "test", settings: {}, figures: {} }
const analyzed = (text: string) => analyzeText(engine, text, { date: "2025-06-10" })
const actorsOf = (text: string) => extractActors(extractContext(engine, analyzed(text)))

describe("name tagger: training, saving and loading", () => {
  const prepared = prepare(engine, fixture, () => {})
  const sequences = prepared.flatMap(({ document, features }) =>
    document.doc.sentences.map((s) => ({ features: features.slice(s.firstToken, s.endToken), labels: document.labels.slice(s.firstToken, s.endToken) })))

  it("labels the fixture's tokens from its gold names (B-/I-)", () => {
    const { document } = prepared[0]
    const labelled = document.doc.tokens.map((t, i) => `${t.text}/${Labels[document.labels[i]]}`)
    expect(labelled.slice(0, 6)).toEqual(["Angela/B-PER", "Merkel/I-PER", "met/O", "Emmanuel/B-PER", "Macron/I-PER", "in/O"])
  })

  it("learns the fixture and tags it back", () => {
    const weights = train(sequences, { epochs: 10, seed: 1, minCount: 1 })
    const scores = score(weights, prepared)
    expect(scores.byType.ALL.tp).toBe(scores.byType.ALL.gold)
    expect(scores.byType.ALL.predicted).toBe(scores.byType.ALL.gold)
  })

  it("gives the same bytes on a second run, and the loaded model decodes as the trained one", () => {
    const first = serialize(train(sequences, { epochs: 5, seed: 7, minCount: 1 }), header)
    const second = serialize(train(sequences, { epochs: 5, seed: 7, minCount: 1 }), header)
    expect(Buffer.compare(first, second)).toBe(0)
    const weights = train(sequences, { epochs: 5, seed: 7, minCount: 1 })
    const loaded = decodeModel(serialize(weights, header, 0))
    expect(loaded.header).toEqual(header)
    for (const sequence of sequences) expect(decode(floatWeights(loaded), sequence.features)).toEqual(decode(weights, sequence.features))
  })

  it("reads back the steps it wrote, and a model of the first format (gzip'd JSON) converts with the same steps", () => {
    const model = quantise(train(sequences, { epochs: 5, seed: 7, minCount: 1 }), header, 2)
    const read = decodeModel(encodeModel(model))
    expect(read.features).toEqual(model.features)
    expect(Array.from(read.steps)).toEqual(Array.from(model.steps))
    expect(Array.from(read.transitions)).toEqual(Array.from(model.transitions))
    expect(read.scale).toBe(model.scale)
    const rows = Object.fromEntries(model.features.map((f, k) => [f, Array.from(model.steps.subarray(k * Labels.length, (k + 1) * Labels.length))]))
    const json = gzipSync(Buffer.from(JSON.stringify({ header, labels: Labels, scale: model.scale, transitions: Array.from(model.transitions), features: rows })))
    expect(Buffer.compare(encodeModel(decodeJsonModel(json)), encodeModel(model))).toBe(0)
  })

  it("tags a new document with a loaded model through the tagger", () => {
    const loaded = decodeModel(serialize(train(sequences, { epochs: 10, seed: 1, minCount: 1 }), header))
    const tagger = makeNameTagger(loaded, engine.listedTags)
    const doc = analyzed("Angela Merkel met Satya Nadella in Berlin.")
    const ruleSpans = doc.sentences.flatMap((s) => recognizeSentence(actorLexicon(), doc.clean.text, doc.tokens, s))
    const names = tagger.tag(actorLexicon(), doc.tokens, doc.sentences, ruleSpans).map((n) => `${doc.tokens.slice(n.first, n.last + 1).map((t) => t.text).join(" ")}:${n.type}`)
    expect(names).toEqual(["Angela Merkel:PER", "Satya Nadella:PER", "Berlin:LOC"])
  })

  it("tags as decoding every feature would, with a word's own and neighbour features summed once per word", () => {
    const model = decodeModel(serialize(train(sequences, { epochs: 5, seed: 3, minCount: 1 }), header, 0))
    const weights = floatWeights(model)
    const tagger = makeNameTagger(model, engine.listedTags)
    for (const { document, features } of prepared) {
      const { tokens, sentences } = document.doc
      const expected = sentences.flatMap((s) =>
        spansOf(decode(weights, features.slice(s.firstToken, s.endToken))).map((span) => ({ first: s.firstToken + span.first, last: s.firstToken + span.last, type: span.type })))
      const ruleSpans = sentences.flatMap((s) => recognizeSentence(actorLexicon(), document.text, tokens, s))
      expect(tagger.tag(actorLexicon(), tokens, sentences, ruleSpans)).toEqual(expected)
    }
  })

  it("files a model's feature names by template and value, a name with a bar in a value under each split", () => {
    const table = FeatureTable.of(["bias", "line=caps|sh=XX", "lw-1|lw=a|b|c", "w=New", "gaz=B-organization|line=caps"])
    expect(table.rowOf("bias", "")).toBe(0)
    expect(table.rowOf("line=caps|sh=", "XX")).toBe(1)
    expect(table.rowOf("line=", "caps|sh=XX")).toBe(1)
    expect(table.rowOf("lw-1|lw=", "a", "b|c")).toBe(2)
    expect(table.rowOf("lw-1|lw=", "a|b", "c")).toBe(2)
    expect(table.rowOf("lw-1|lw=", "a", "b")).toBe(-1)
    expect(table.rowOf("w=", "New")).toBe(3)
    expect(table.rowOf("lw=", "New")).toBe(-1)
    expect(table.rowOf("w=", "new")).toBe(-1)
    // "gaz=" takes one value or a pair: the pair and the one value with a bar in it are the same name.
    expect(table.rowOf("gaz=", "B-organization", "line=caps")).toBe(4)
    expect(table.rowOf("gaz=", "B-organization|line=caps")).toBe(4)
    expect(table.rowOf("gaz=", "B-organization")).toBe(-1)
  })

  it("turns BIO labels into spans, an I- after O opening none", () => {
    const at = (label: string) => Labels.indexOf(label)
    expect(spansOf([at("B-PER"), at("I-PER"), at("O"), at("B-ORG"), at("B-LOC"), at("I-LOC")])).toEqual([
      { first: 0, last: 1, type: "PER" }, { first: 3, last: 3, type: "ORG" }, { first: 4, last: 5, type: "LOC" }
    ])
  })
})

describe.skipIf(!hasShared)("name tagger: the committed model", () => {
  it("tags CoNLL-2003 dev documents as decoding every feature by name does", () => {
    const model = loadNameModel()
    const weights = floatWeights(model)
    const tagger = makeNameTagger(model, engine.listedTags)
    const lexicon = actorLexicon()
    let names = 0
    for (const document of readAnnotatedRecords(sharedPath("eval", "conll2003.dev.jsonl")).slice(0, 40).flatMap((r) => labelDocument(engine, r) ?? [])) {
      const { tokens, sentences } = document.doc
      const ruleSpans = sentences.flatMap((s) => recognizeSentence(lexicon, document.text, tokens, s))
      const features = documentFeatures({ lexicon, listedTags: engine.listedTags }, tokens, sentences, ruleSpans)
      const expected = sentences.flatMap((s) =>
        spansOf(decode(weights, features.slice(s.firstToken, s.endToken))).map((span) => ({ first: s.firstToken + span.first, last: s.firstToken + span.last, type: span.type })))
      expect(tagger.tag(lexicon, tokens, sentences, ruleSpans)).toEqual(expected)
      names += expected.length
    }
    expect(names).toBeGreaterThan(500)
  })
})

describe("name tagger: features", () => {
  const featuresOf = (text: string) => {
    const doc = analyzed(text)
    const features = documentFeatures({ lexicon: actorLexicon(), listedTags: engine.listedTags }, doc.tokens, doc.sentences)
    return (word: string) => features[doc.tokens.findIndex((t) => t.text === word)]
  }

  it("writes word shapes with runs shortened", () => {
    expect([wordShape("Merkel"), wordShape("NATO"), wordShape("U.S."), wordShape("1996-08-22")]).toEqual(["Xxx", "XX", "X.X.", "dd-dd-dd"])
    // Letters beyond ASCII by their Unicode case; digits beyond ASCII stay as they are.
    expect([wordShape("Zürich"), wordShape("ÉLYSÉE"), wordShape("café-au-lait"), wordShape("٣٤")]).toEqual(["Xxx", "XX", "xx-xx-xx", "٣٤"])
  })

  it("marks brackets and commas around a word", () => {
    const get = featuresOf("The firm (Acme Corp) grew, said Smith.")
    expect(get("Acme")).toContain("after-paren")
    expect(get("Corp")).toContain("before-paren")
    expect(get("grew")).toContain("before-comma")
    expect(get("firm")).not.toContain("before-comma")
    expect(get("firm")).not.toContain("after-paren")
  })

  it("marks a line in capitals and a title-case headline, and prose", () => {
    const caps = featuresOf("RUGBY UNION - CUTTITTA BACK FOR ITALY AFTER A YEAR.\nItaly recalled Marcello Cuttitta on Friday.")
    expect(caps("CUTTITTA")).toContain("line=caps")
    expect(caps("Cuttitta")).toContain("line=prose")
    const title = featuresOf("Tara Reid Finally Checks Into Rehab For Undisclosed Reasons\nThe actress entered a clinic in Malibu.")
    expect(title("Rehab")).toContain("line=title")
    expect(title("Malibu")).toContain("line=prose")
  })

  it("carries what the document says of the word elsewhere", () => {
    const get = featuresOf("Peter Blackburn arrived. Blackburn said the talks went well, said Blackburn.")
    expect(get("Blackburn")).toContain("doc:in-longer=last")
    expect(get("Blackburn")).toContain("doc:capitalised-inside|line=prose")
    expect(get("Peter")).toContain("doc:in-longer=first")
  })

  it("marks gazetteer phrases and title words", () => {
    const get = featuresOf("Chancellor Angela Merkel visited the United Nations in New York.")
    expect(get("United")).toContain("gaz=B-organization")
    expect(get("Nations")).toContain("gaz=I-organization")
    expect(get("Angela")).toContain("after-title")
  })
})

describe("name tagger: short forms", () => {
  it("gives a short form the type of its long form in the document", () => {
    const doc = analyzed("Peter Blackburn met Reuters Holdings staff. Blackburn said Reuters would grow.")
    const at = (word: string, from = 0) => doc.tokens.findIndex((t, i) => i >= from && t.text === word)
    const names = typeShortForms(actorLexicon(), sharedNlpEngine().listedTags, doc.tokens, [
      { first: 0, last: 1, type: "PER" },
      { first: at("Reuters"), last: at("Reuters") + 1, type: "ORG" },
      { first: at("Blackburn", 2), last: at("Blackburn", 2), type: "LOC" },
      { first: at("Reuters", at("Reuters") + 1), last: at("Reuters", at("Reuters") + 1), type: "PER" }
    ])
    expect(names.map((n) => `${n.type}${n.longForm ? "+long-form" : ""}`)).toEqual(["PER", "ORG", "PER+long-form", "ORG+long-form"])
  })

  it("gives a place's last word the place's type, unless it is a common noun or a person's name", () => {
    const doc = analyzed("A fire in New Delhi. Delhi mourned. The White House spoke. House leaders met. Rio dos Santos fell. Santos said so.")
    const at = (word: string, from = 0) => doc.tokens.findIndex((t, i) => i >= from && t.text === word)
    const names = typeShortForms(actorLexicon(), sharedNlpEngine().listedTags, doc.tokens, [
      { first: at("New"), last: at("Delhi"), type: "LOC" },
      { first: at("Delhi", at("Delhi") + 1), last: at("Delhi", at("Delhi") + 1), type: "PER" },
      { first: at("White"), last: at("House"), type: "LOC" },
      { first: at("House", at("House") + 1), last: at("House", at("House") + 1), type: "ORG" },
      { first: at("Rio"), last: at("Santos"), type: "LOC" },
      { first: at("Santos", at("Santos") + 1), last: at("Santos", at("Santos") + 1), type: "PER" }
    ])
    expect(names.map((n) => `${n.type}${n.longForm ? "+long-form" : ""}`)).toEqual(["LOC", "LOC+long-form", "LOC", "ORG", "LOC", "PER"])
  })
})

describe("name tagger: a name that is mostly no person", () => {
  const doc = analyzed("Refugees marched to Doboj. In Doboj police waited. Doboj's mayor spoke. The Doboj area was calm. Smith met Smith's aides in Leeds.")
  const at = (word: string, nth = 0) => doc.tokens.map((t, i) => [t.text, i] as const).filter(([text]) => text.startsWith(word))[nth][1]
  const typed = (type: string, first: number, last = first) => ({ first, last, type: type as "PER" | "ORG" | "LOC" | "MISC", longForm: false })

  it("gives its person readings the place or organisation type it has most often", () => {
    const names = typeBySameName(() => false, doc.tokens, [typed("LOC", at("Doboj", 0)), typed("LOC", at("Doboj", 1)), typed("PER", at("Doboj", 2)), typed("MISC", at("Doboj", 3))])
    expect(names.map((n) => `${n.type}${n.retyped === null ? "" : `+${n.retyped}`}`)).toEqual(["LOC", "LOC", "LOC+document:majority", "MISC"])
  })

  it("leaves a name read as a person half the time or more, and one read as a place only once", () => {
    expect(typeBySameName(() => false, doc.tokens, [typed("LOC", at("Doboj", 0)), typed("PER", at("Doboj", 2))]).map((n) => n.type)).toEqual(["LOC", "PER"])
    expect(typeBySameName(() => false, doc.tokens, [typed("PER", at("Smith", 0)), typed("PER", at("Smith", 1)), typed("LOC", at("Leeds"))]).map((n) => n.type)).toEqual(["PER", "PER", "LOC"])
  })
})

describe("name tagger: a name after an organisation noun", () => {
  it("finds the capitalised words right after a noun news uses for an organisation", () => {
    const doc = analyzed("German retailer Promodes is in talks. The trade union Aslef spoke. The company's Bob Smith and company founder Tim Lee left.")
    expect(organizationNounCues(doc.tokens).map((cue) => doc.tokens.slice(cue.first, cue.last + 1).map((t) => t.text).join(" "))).toEqual(["Promodes", "Aslef"])
  })

  it("makes the name an organisation there, and counts that reading for its other mentions", () => {
    const doc = analyzed("German retailer Promodes is in talks. In June, Promodes signed. Promodes gained.")
    const at = (nth: number) => doc.tokens.map((t, i) => [t.text, i] as const).filter(([text]) => text === "Promodes")[nth][1]
    const typed = (type: "PER" | "ORG", first: number) => ({ first, last: first, type, longForm: false })
    const names = typeBySameName(() => false, doc.tokens, [typed("PER", at(0)), typed("PER", at(1)), typed("ORG", at(2))], { organizationNoun: organizationNounCues(doc.tokens), versus: [], placeNoun: [] })
    expect(names.map((n) => `${n.type}${n.retyped === null ? "" : `+${n.retyped}`}`)).toEqual(["ORG+cue:organization-noun", "ORG+document:majority", "ORG"])
  })
})

describe("name tagger: a name before a place noun", () => {
  it("finds the capitalised words right before area, district, province and the like", () => {
    const doc = analyzed("A fire broke out in the Karol Bagh area of Delhi. Troops left Kandahar province. The Area Manager spoke.")
    expect(placeNounCues(doc.tokens).map((cue) => doc.tokens.slice(cue.first, cue.last + 1).map((t) => t.text).join(" "))).toEqual(["Karol Bagh", "Kandahar"])
  })

  it("makes a person reading there a place, and counts it twice for the name's other mentions", () => {
    const doc = analyzed("Hotel fire kills 17 in Karol Bagh. The hotel in the Karol Bagh area burned.")
    const bagh = doc.tokens.map((t, i) => [t.text, i] as const).filter(([text]) => text === "Karol").map(([, i]) => i)
    const typed = (first: number) => ({ first, last: first + 1, type: "PER" as const, longForm: false })
    const names = typeBySameName(() => false, doc.tokens, bagh.map(typed), { organizationNoun: [], versus: [], placeNoun: placeNounCues(doc.tokens) })
    expect(names.map((n) => `${n.type}${n.retyped === null ? "" : `+${n.retyped}`}`)).toEqual(["LOC+document:majority", "LOC+cue:place-noun"])
  })
})

describe("name tagger: the teams of a fixture", () => {
  const doc = analyzed("English division two - Port Vale v Oxford, Cambridge v\nCardiff. Japan vs Syria ended 1-1. The court heard Roe v. Wade.")
  const text = (range: { first: number; last: number }) => doc.tokens.slice(range.first, range.last + 1).map((t) => t.text).join(" ")

  it("finds the names on each side of a v or vs, not of a court case's v.", () => {
    expect(versusCues(doc.tokens).map(text)).toEqual(["Port Vale", "Oxford", "Cambridge", "Cardiff", "Japan", "Syria"])
  })

  it("makes them organisations there, unless the gazetteer knows a country", () => {
    const cues = versusCues(doc.tokens)
    const names = typeBySameName((name) => name === "japan" || name === "syria", doc.tokens, cues.map((cue) => ({ ...cue, type: "LOC" as const, longForm: false })), { organizationNoun: [], versus: cues, placeNoun: [] })
    expect(names.map((n) => `${text(n)}:${n.type}${n.retyped === null ? "" : `+${n.retyped}`}`)).toEqual([
      "Port Vale:ORG+cue:versus", "Oxford:ORG+cue:versus", "Cambridge:ORG+cue:versus", "Cardiff:ORG+cue:versus", "Japan:LOC", "Syria:LOC"
    ])
  })
})

describe("actors: credits are metadata", () => {
  const creditsIn = (text: string) => creditRanges(text).map((r) => `${r.rule}:${text.slice(r.start, r.end)}`)

  it("finds a wire story's reporting, writing and editing credits", () => {
    expect(creditsIn("The talks ended. Reporting by John Smith in Paris; Writing by Jane Doe; Editing by Peter Graff")).toEqual([
      "credit:wire-credits:Reporting by John Smith in Paris", "credit:wire-credits:Writing by Jane Doe", "credit:wire-credits:Editing by Peter Graff"
    ])
    expect(creditsIn("(Additional reporting by Bob Lee)")).toEqual(["credit:wire-credits:Additional reporting by Bob Lee"])
    expect(creditsIn("The book was edited by John Smith.")).toEqual([])
  })

  it("finds an agency's dateline tag, not the agency named in a sentence", () => {
    expect(creditsIn("WASHINGTON (AP) — The Senate voted on Tuesday.")).toEqual(["credit:agency-tag:(AP)"])
    expect(creditsIn("the Associated Press (AP) called the election")).toEqual([])
    expect(creditsIn("A protester (AP Photo/Evan Vucci) stands.")).toEqual(["credit:agency-photo:(AP Photo/Evan Vucci)"])
  })

  it("finds press-release distributors' datelines", () => {
    expect(creditsIn("NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme Corp. announced")).toEqual(["credit:press-release-dateline:/PRNewswire/"])
    expect(creditsIn("SAN JOSE, Calif.--(BUSINESS WIRE)--Acme Inc. today")).toEqual(["credit:press-release-dateline:(BUSINESS WIRE)"])
    expect(creditsIn("TORONTO, May 3, 2021 (GLOBE NEWSWIRE) -- Acme")).toContain("credit:press-release-dateline:(GLOBE NEWSWIRE)")
  })

  it("emits no actor from a credit inside the body", () => {
    const { mentions } = actorsOf(
      "WASHINGTON (AP) — Senator Bernie Sanders spoke in Ohio on Monday. Reporting by Jonathan Landay; Writing by David Brunnstrom; Editing by Peter Cooney"
    )
    const names = mentions.map((m) => m.text)
    expect(names).toContain("Bernie Sanders")
    for (const credited of ["AP", "Jonathan Landay", "David Brunnstrom", "Peter Cooney", "Writing", "Editing", "Reporting"]) expect(names).not.toContain(credited)
  })

  it("emits no actor from a press-release dateline", () => {
    const names = actorsOf("NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme Holdings announced a deal with Zorblax Corp. on Friday.").mentions.map((m) => m.text)
    expect(names.some((n) => /newswire/i.test(n))).toBe(false)
  })
})

describe("actors: the tagger in the pipeline", () => {
  it("runs the rules alone with NEWSFACTS_NER_MODEL=none (how the tagger's time is measured)", () => {
    const saved = process.env.NEWSFACTS_NER_MODEL
    process.env.NEWSFACTS_NER_MODEL = "none"
    try {
      const engine = makeNlpEngine()
      expect(engine.nameTagger().header.name).toBe("none")
      const context = extractContext(engine, analyzeText(engine, "Shares of Zorblax Industries fell after chief executive Maria Gonzalez resigned.", { date: "2025-06-10" }))
      expect(engine.nameTagger().tag(actorLexicon(), context.tokens, context.sentences)).toEqual([])
      expect(extractActors(context).mentions.every((m) => !m.rule.startsWith("model:"))).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.NEWSFACTS_NER_MODEL
      else process.env.NEWSFACTS_NER_MODEL = saved
    }
  })

  it("says in the row's rule that the model found the name", () => {
    const { mentions } = actorsOf("Shares of Zorblax Industries fell after chief executive Maria Gonzalez resigned.")
    const maria = mentions.find((m) => m.text === "Maria Gonzalez")
    expect(maria?.kind).toBe("person")
    expect(maria?.rule).toMatch(/^model:ner/)
  })

  it("reads names on an all-caps line", () => {
    const { mentions } = actorsOf("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.\nJapan beat Syria 2-1 in Al Ain on Friday.")
    const kinds = mentions.map((m) => `${m.text}:${m.kind}`)
    expect(kinds).toContain("JAPAN:country")
    expect(kinds).toContain("CHINA:country")
    expect(kinds).not.toContain("LUCKY:person")
  })

  it("reads a title-case headline without taking its words for names", () => {
    const names = actorsOf("Woman Killed In Queens Hit-And-Run\nA woman was killed in Queens on Sunday.").mentions.map((m) => m.text)
    expect(names).not.toContain("Woman")
    expect(names).not.toContain("Woman Killed")
  })

  it("takes no pronoun for a name, contracted or not", () => {
    const names = actorsOf("\"I've been there,\" she said. I've seen it. Angela Merkel agreed.").mentions.map((m) => m.text)
    expect(names).toEqual(["Angela Merkel"])
  })

  it("keeps a group as a group and a common noun out", () => {
    const { mentions } = actorsOf("Protesters gathered outside as MPs voted. Banks and armed forces stayed quiet.")
    expect(mentions.filter((m) => m.kind === "group").map((m) => m.text)).toEqual(expect.arrayContaining(["Protesters", "MPs"]))
    // "Banks" opening a sentence is the collective noun (a group, if anything), never a named actor.
    expect(mentions.filter((m) => m.role !== "group").map((m) => m.text)).not.toContain("Banks")
  })
})
