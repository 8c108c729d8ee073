import { describe, expect, it } from "@effect/vitest"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { analyzeText } from "../src/extract/index.ts"
import { paragraphRanges } from "../src/segment/index.ts"

describe("segment", () => {
  it("splits paragraphs on blank lines and trims them", () => {
    const text = "First para.\n\n  Second para.\n\n\n"
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(["First para.", "Second para."])
  })

  it("gives sentences and tokens offsets into the cleaned text", () => {
    const text = "Officials met in London. “We talked,” Hassett said.\n\nA new paragraph starts here."
    const doc = analyzeText(sharedNlpEngine(), text)
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      "Officials met in London.",
      "“We talked,” Hassett said.",
      "A new paragraph starts here."
    ])
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1])
    for (const token of doc.tokens) expect(text.slice(token.start, token.end)).toBe(token.text)
    expect(doc.tokens.find((t) => t.text === "Hassett")?.sentence).toBe(1)
  })

  it("ends a sentence at a paragraph break even where compromise runs on over it", () => {
    const text = "He said it is “a vague position to have.\n\n“We pass laws. That is what we do,” he said."
    const doc = analyzeText(sharedNlpEngine(), text)
    expect(doc.sentences.map((s) => [s.paragraph, text.slice(s.start, s.end)])).toEqual([
      [0, "He said it is “a vague position to have."],
      [1, "“We pass laws."],
      [1, "That is what we do,” he said."]
    ])
    expect(doc.tokens.every((t) => doc.sentences[t.sentence].firstToken <= t.index && t.index < doc.sentences[t.sentence].endToken)).toBe(true)
  })
})
