import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { cleanDocument, type CleanOutcome } from "../src/clean/index.ts"
import { findDates } from "../src/clean/dates.ts"
import { htmlToArticle } from "../src/load/html.ts"
import type { GivenMeta, LoadedDocument } from "../src/model/document.ts"
import { hasShared, readSharedJson, repoRoot } from "./support/shared.ts"

const noMeta: GivenMeta = { title: null, date: null, url: null, source: null, author: null, extra: {} }

const load = (text: string, format: LoadedDocument["format"] = "txt", given: Partial<GivenMeta> = {}): LoadedDocument => ({
  docId: "doc_test",
  inputId: "test",
  file: `test.${format}`,
  line: null,
  format,
  text,
  given: { ...noMeta, ...given }
})

const cleaned = (outcome: CleanOutcome) => {
  if (outcome._tag !== "Cleaned") throw new Error(`expected Cleaned, got ${outcome.outcome.reason}`)
  return outcome.doc
}
const clean = (text: string, format: LoadedDocument["format"] = "txt", given: Partial<GivenMeta> = {}) => cleaned(cleanDocument(load(text, format, given)))
const fixture = (name: string) => readFileSync(`${repoRoot}tests/fixtures/clean/${name}`, "utf8")

/** Every cleaned character comes from the same character of the original, up to the normalisations. */
const expectExactOffsets = (doc: ReturnType<typeof clean>) => {
  const original = doc.loaded.text
  const sameUpToNormalisation = (cleanChar: string, originalChar: string) =>
    cleanChar === originalChar ||
    (cleanChar === "'" && /[\u2018\u2019\u201a\u201b\u2032]/.test(originalChar)) ||
    (cleanChar === "\"" && /[\u201c-\u201f\u2033]/.test(originalChar)) ||
    (/\s/.test(cleanChar) && /[\s\u00a0]/.test(originalChar))
  for (let i = 0; i < doc.text.length; i++) {
    const at = doc.map.origin[i]
    if (!sameUpToNormalisation(doc.text[i], original[at])) {
      throw new Error(`cleaned char ${i} ${JSON.stringify(doc.text[i])} maps to ${JSON.stringify(original[at])} at ${at}`)
    }
  }
}

describe("clean: broken layout", () => {
  it("rejoins a link's text left on its own line, a line starting with a comma and a lone full stop", () => {
    const doc = clean("Washington is represented by Treasury Secretary\nScott Bessent\n, Commerce Secretary Howard Lutnick and others\n.\nThe talks begin today.")
    expect(doc.text).toBe("Washington is represented by Treasury Secretary Scott Bessent, Commerce Secretary Howard Lutnick and others.\n\nThe talks begin today.")
    expectExactOffsets(doc)
  })

  it("rejoins a line that continues in lower case after an unfinished line, but not after a finished one", () => {
    expect(clean("Officials met in London for trade talks\namidst tensions.").text).toBe("Officials met in London for trade talks amidst tensions.")
    expect(clean("Apple shipped the phone.\niPhone sales rose.").text).toBe("Apple shipped the phone.\n\niPhone sales rose.")
  })

  it("keeps one-sentence-per-line wire copy and unpunctuated headlines as separate paragraphs", () => {
    const doc = clean("SOCCER - ROMANIA BEAT LITHUANIA.\nBUCHAREST 1996-08-30\nRomania beat Lithuania 2-1 on Friday.\nScorers:\nRomania - Cosmin Contra", "json", { title: "SOCCER - ROMANIA BEAT LITHUANIA." })
    expect(doc.text.split("\n\n")).toEqual(["SOCCER - ROMANIA BEAT LITHUANIA.", "BUCHAREST 1996-08-30", "Romania beat Lithuania 2-1 on Friday.", "Scorers:", "Romania - Cosmin Contra"])
    expect(doc.meta.dateline).toBe("BUCHAREST")
  })

  it("keeps a stripped speaker label (': …' after a finished paragraph) apart from the paragraph before it", () => {
    expect(clean("He died in 1981.\n\n: \"I joined in 1977.\"").text).toBe("He died in 1981.\n\n: \"I joined in 1977.\"")
  })

  it("normalises NBSP, runs of spaces, zero-width characters and typographic quotes one to one", () => {
    const doc = clean("Burak\u00a0 Bir said \u201cit\u2019s done\u201d\u200b today.")
    expect(doc.text).toBe("Burak Bir said \"it's done\" today.")
    expect(doc.map.toOriginal(6, 9)).toEqual({ start: 7, end: 10 })
    expectExactOffsets(doc)
  })

  it("separates paragraphs by exactly one blank line, whatever the original spacing", () => {
    expect(clean("First paragraph here.\r\n\r\n\r\n   Second paragraph here.  \n").text).toBe("First paragraph here.\n\nSecond paragraph here.")
  })
})

describe("clean: boilerplate out of the body, into metadata", () => {
  it("reads a wire layout: section label, title, byline with an update stamp, inline dateline, credits", () => {
    const doc = clean(fixture("wire.txt"))
    expect(doc.meta).toEqual({
      title: "Senate passes budget bill after all-night session",
      standfirst: null,
      published: "2024-03-04",
      publishedSource: "text",
      author: "Jane Smith and Omar Haddad",
      editor: "Peter Brown",
      publisher: null,
      section: "Politics",
      dateline: "WASHINGTON",
      url: null,
      language: "eng"
    })
    expect(doc.text).toBe(
      "Senate passes budget bill after all-night session\n\n" +
        "WASHINGTON (Reuters) - The U.S. Senate passed a $1.2 trillion spending bill early on Saturday, averting a partial government shutdown."
    )
  })

  it("splits an editor credit glued to the next page element's section label", () => {
    const doc = clean("The talks will continue on Tuesday, officials said.\nEdited by: Zac CrellinWorld")
    expect(doc.meta.editor).toBe("Zac Crellin")
    expect(doc.meta.section).toBe("World")
    expect(doc.text).toBe("The talks will continue on Tuesday, officials said.")
  })

  it("takes the publisher from a known footer and removes the footer", () => {
    const doc = clean("Talks began in London on Monday, officials said.\n\nAnadolu Agency website contains only a portion of the news stories offered to subscribers.")
    expect(doc.meta.publisher).toBe("Anadolu Agency")
    expect(doc.text).toBe("Talks began in London on Monday, officials said.")
  })

  it("removes sharing, photo credit and copyright lines", () => {
    const doc = clean("Talks began in London on Monday, officials said.\nPhoto: Jane Doe/Reuters\nShare this article\nRead more: Trade war explained\n© 2025 Example News")
    expect(doc.text).toBe("Talks began in London on Monday, officials said.")
  })

  it("removes a photo caption that ends in its credit, but keeps a sentence about a photo", () => {
    const text = "Talks began in London on Monday, officials said.\nA banner for the event. Image: Paul Budd.\n" +
      "Kamala Harris Image: U.S. Senate.\nThe photo: a crowd outside, police said."
    expect(clean(text).text).toBe("Talks began in London on Monday, officials said.\n\nThe photo: a crowd outside, police said.")
  })

  it("keeps a sentence that starts like a byline", () => {
    expect(clean("By Monday, the market had fallen by a third.").text).toBe("By Monday, the market had fallen by a third.")
  })

  it("prefers the record's values over the text's and says where the date came from", () => {
    const doc = clean("Burak Bir | 10.06.2025\nTalks began in London on Monday, officials said.", "json", {
      date: "2025-06-09T08:00:00Z",
      author: "Given Author",
      source: "Given Publisher"
    })
    expect([doc.meta.published, doc.meta.publishedSource, doc.meta.author, doc.meta.publisher]).toEqual(["2025-06-09", "input", "Given Author", "Given Publisher"])
    expect(doc.text).toBe("Talks began in London on Monday, officials said.")
  })
})

describe("clean: title and standfirst", () => {
  it("takes a short unpunctuated first line standing alone as the title, and keeps it in the body once", () => {
    const doc = clean("Port strike ends after three days\n\nDock workers returned to work on Tuesday after a deal was agreed.")
    expect(doc.meta.title).toBe("Port strike ends after three days")
    expect(doc.text).toBe("Port strike ends after three days\n\nDock workers returned to work on Tuesday after a deal was agreed.")
  })

  it("does not take a first sentence, or a long unpunctuated lead, as the title; the lead is the standfirst", () => {
    expect(clean("Dock workers returned to work on Tuesday.\n\nThe deal raises pay.").meta.title).toBeNull()
    const lead = "The two countries have begun talks in London and are likely to discuss restrictions on the sale of high-tech products and on rare earths"
    const doc = clean(`${lead}\nTop officials met in London on Monday for trade talks.`)
    expect(doc.meta.title).toBeNull()
    expect(doc.meta.standfirst).toBe(lead)
  })

  it("takes a headline followed by a date stamp as the title and the stamp as the publication date", () => {
    const doc = clean("Lindsay Lohan checks into rehab center\nMay 2, 2013 | 5:03pm\nThe actress checked into a treatment center on Thursday, her lawyer said.")
    expect([doc.meta.title, doc.meta.published, doc.meta.publishedSource]).toEqual(["Lindsay Lohan checks into rehab center", "2013-05-02", "text"])
  })
})

describe("clean: dates", () => {
  it("reads ISO, European, US and month-name dates", () => {
    expect(findDates("10.06.2025 / 06/10/2025 / 25/12/2024 / 2025-06-10 / June 10, 2025 / 10 June 2025 / Sept. 26, 2016").map((d) => d.iso))
      .toEqual(["2025-06-10", "2025-06-10", "2024-12-25", "2025-06-10", "2025-06-10", "2025-06-10", "2016-09-26"])
  })

  it("rejects impossible dates", () => {
    expect(findDates("31.02.2025 and 2025-13-01").map((d) => d.iso)).toEqual([])
  })
})

describe("clean: Markdown and HTML inputs", () => {
  it("takes the # heading as the title, keeps link text, drops images and emphasis markers, with exact offsets", () => {
    const doc = clean(fixture("article.md"), "md")
    expect(doc.meta.title).toBe("Port strike ends after three days")
    expect(doc.text).toBe(
      "Port strike ends after three days\n\n" +
        "Dock workers in Rotterdam returned to work on Tuesday after the union and port operators agreed on a new wage deal.\n\n" +
        "\"We are pleased,\" said union leader Jan de Vries.\n\n" +
        "More than 40 ships were stranded.\n\n" +
        "Shippers lost an estimated 30 million euros a day."
    )
    expectExactOffsets(doc)
    const rotterdam = doc.text.indexOf("Rotterdam")
    const span = doc.map.toOriginal(rotterdam, rotterdam + "Rotterdam".length)
    expect(doc.loaded.text.slice(span.start, span.end)).toBe("Rotterdam")
  })

  it("extracts an HTML article's body and metadata (meta tags, JSON-LD) with Readability", () => {
    const article = htmlToArticle(fixture("article.html"))
    expect([article.title, article.author, article.date, article.publisher, article.language])
      .toEqual(["Port strike ends after three days", "Maria Lopez", "2024-03-05T09:30:00Z", "Harbour Times", "en"])
    expect(article.text).not.toContain("Home")
    expect(article.text).not.toContain("Copyright")
    const doc = clean(article.text, "html", { title: article.title, author: article.author, date: article.date, source: article.publisher })
    expect(doc.text.split("\n\n").map((p) => p.slice(0, 30))).toEqual([
      "Dock workers in Rotterdam retu",
      "The strike had stranded more t",
      "\"We are pleased that an agreem"
    ])
    expect(doc.meta.published).toBe("2024-03-05")
  })
})

describe("clean: language and duplicates", () => {
  it("skips German and Spanish articles with a reason naming the language", () => {
    for (const [file, language] of [["german.txt", "German"], ["spanish.txt", "Spanish"]]) {
      const outcome = cleanDocument(load(fixture(file)))
      expect(outcome._tag).toBe("Skipped")
      if (outcome._tag === "Skipped") {
        expect(outcome.outcome.stage).toBe("clean")
        expect(outcome.outcome.reason).toContain(language)
      }
    }
  })

  it("keeps short texts and tables of names and scores, which say little about their language", () => {
    expect(cleanDocument(load("Rotterdam, Hamburg, Antwerpen."))._tag).toBe("Cleaned")
    const table = "ATHLETICS - RESULTS.\nBERLIN 1996-08-30\n" + "Wilson Kipketer (Denmark) 1:43.34\nHaile Gebrselassie (Ethiopia) 7:35.90\n".repeat(8)
    expect(cleanDocument(load(table))._tag).toBe("Cleaned")
  })

  it("gives equal content hashes to texts that differ only in layout that cleaning removes", () => {
    const a = clean("Talks began in London.\n\nOfficials met.")
    const b = clean("Talks began   in London.\r\n\r\n\r\nOfficials met.\nShare this article")
    expect(a.contentHash).toBe(b.contentHash)
    expect(clean("Talks began in Paris.\n\nOfficials met.").contentHash).not.toBe(a.contentHash)
  })
})

interface GoldDocument {
  readonly file: string
  readonly title: string | null
  readonly published: string | null
  readonly author: string | null
  readonly editor: string | null
  readonly publisher: string | null
  readonly dateline: string | null
  readonly section?: string
  readonly not_body: ReadonlyArray<string>
}

describe.skipIf(!hasShared)("clean: the seed articles against the gold", () => {
  const gold = hasShared ? readSharedJson<{ documents: ReadonlyArray<GoldDocument> }>("gold", "seeds.gold.json").documents : []
  for (const expected of gold) {
    it(`${expected.file}: metadata, no boilerplate in the body, exact offsets`, () => {
      const doc = clean(readFileSync(`${repoRoot}seeds/${expected.file}`, "utf8"))
      const { meta } = doc
      expect({ title: meta.title, published: meta.published, author: meta.author, editor: meta.editor, publisher: meta.publisher, dateline: meta.dateline })
        .toEqual({ title: expected.title, published: expected.published, author: expected.author, editor: expected.editor, publisher: expected.publisher, dateline: expected.dateline })
      if (expected.section !== undefined) expect(meta.section).toBe(expected.section)
      const bodyLines = doc.text.split("\n\n")
      for (const boilerplate of expected.not_body) {
        expect(bodyLines).not.toContain(boilerplate.replace(/\u00a0/g, " ").replace(/\s+/g, " "))
        expect(doc.text).not.toContain(boilerplate.replace(/\u00a0/g, " ").replace(/\s+/g, " ").slice(0, 40))
      }
      expect(doc.text).not.toMatch(/\n\n[,.;:]/)
      expectExactOffsets(doc)
    })
  }
})
