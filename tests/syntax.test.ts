import { describe, expect, it } from "@effect/vitest"
import { analyzeText } from "../src/extract/index.ts"
import type { AnalyzedDocument } from "../src/model/document.ts"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import type { WordAnalysis } from "../src/nlp/syntax/index.ts"
import {
  auxiliariesOf,
  complementOf,
  dependents,
  headOfSpan,
  isNegated,
  isPassive,
  objectOf,
  obliquesOf,
  passiveAgentOf,
  subjectOf,
  subtreeRange
} from "../src/segment/syntax.ts"
import { mapToTokens, splitPunctuation, splitWord, udTokensOf } from "../src/segment/udTokens.ts"

const analyse = (text: string) => analyzeText(sharedNlpEngine(), text)
/** Index of the n-th token whose text is `word`. */
const at = (doc: AnalyzedDocument, word: string, nth = 0): number => {
  const found = doc.tokens.filter((t) => t.text === word)
  if (found.length <= nth) throw new Error(`no token ${word}`)
  return found[nth].index
}
const text = (doc: AnalyzedDocument, i: number | null) => (i === null ? null : doc.tokens[i].text)

describe("UD tokens for compromise's tokens", () => {
  it("splits clitics, currency and punctuation the way UD English does", () => {
    expect(splitWord("don't")).toEqual(["do", "n't"])
    expect(splitWord("can't")).toEqual(["ca", "n't"])
    expect(splitWord("Trump's")).toEqual(["Trump", "'s"])
    expect(splitWord("We’re")).toEqual(["We", "’re"])
    expect(splitWord("$5.5")).toEqual(["$", "5.5"])
    expect(splitWord("U.S.")).toEqual(["U.S."])
    expect(splitPunctuation(",” ")).toEqual([",", "”"])
    expect(splitPunctuation(" -- ")).toEqual(["--"])
  })

  it("gives clitics to compromise's empty expansion tokens and maps the arcs back", () => {
    const doc = analyse("Trump's aides don't know.")
    const s = doc.sentences[0]
    const ud = udTokensOf(doc.tokens, s.firstToken, s.endToken)
    expect(ud.map((u) => [u.text, u.owner])).toEqual([
      ["Trump", 0],
      ["'s", 0],
      ["aides", 1],
      ["do", 2],
      ["n't", 3],
      ["know", 4],
      [".", -1]
    ])
    // a hand-made analysis, so the mapping is checked apart from the model
    const arc = (head: number, deprel: string, upos = "X"): WordAnalysis => ({ upos, lemma: "", head, deprel })
    const analysis = [arc(2, "nmod:poss", "PROPN"), arc(0, "case", "PART"), arc(5, "nsubj"), arc(5, "aux", "AUX"), arc(5, "advmod", "PART"), arc(-1, "root", "VERB"), arc(5, "punct")]
    expect(mapToTokens(ud, analysis, s.firstToken, s.endToken).map((t) => [t.head, t.deprel, t.upos])).toEqual([
      [1, "nmod:poss", "PROPN"],
      [4, "nsubj", "X"],
      [4, "aux", "AUX"],
      [4, "advmod", "PART"],
      [-1, "root", "VERB"]
    ])
    // punctuation as root passes the root on to one word; the others hang under it
    const punctRoot = [arc(2, "nmod:poss"), arc(0, "case"), arc(5, "nsubj"), arc(5, "aux"), arc(5, "advmod"), arc(6, "parataxis", "VERB"), arc(-1, "root")]
    const mapped = mapToTokens(ud, punctRoot, s.firstToken, s.endToken)
    expect(mapped.filter((t) => t.head === -1)).toHaveLength(1)
    expect(mapped[4].head).toBe(-1)
  })

  it("gives every token of a parsed document a tree inside its sentence", () => {
    const doc = analyse("“We will not back down,” said the minister, who spoke in Paris.\n\nThe bill was passed by the Senate on Tuesday.")
    for (const s of doc.sentences) {
      const tokens = doc.tokens.slice(s.firstToken, s.endToken)
      expect(tokens.filter((t) => t.head === -1)).toHaveLength(1)
      for (const t of tokens) {
        expect(t.head === -1 || (t.head >= s.firstToken && t.head < s.endToken && t.head !== t.index)).toBe(true)
        // following heads reaches the root without a cycle
        let steps = 0
        for (let h = t.head; h !== -1; h = doc.tokens[h].head) expect(steps++).toBeLessThan(tokens.length)
      }
    }
    expect(doc.tokens.every((t) => t.upos !== "" && t.deprel !== "" && t.lemma === t.lemma.toLowerCase())).toBe(true)
  })
})

describe("tree helpers on the trained model", () => {
  it("active: subject, object and obliques", () => {
    const doc = analyse("On Tuesday, police arrested two men.")
    const verb = at(doc, "arrested")
    expect(doc.tokens[verb].upos).toBe("VERB")
    expect(doc.tokens[verb].lemma).toBe("arrest")
    expect(text(doc, subjectOf(doc, verb))).toBe("police")
    expect(text(doc, objectOf(doc, verb))).toBe("men")
    expect(isPassive(doc, verb)).toBe(false)
    expect(passiveAgentOf(doc, verb)).toBeNull()
    expect(obliquesOf(doc, verb).map((o) => [text(doc, o.token), text(doc, o.caseWord)])).toEqual([["Tuesday", "On"]])
    const place = analyse("Police arrested them in Paris.")
    expect(obliquesOf(place, at(place, "arrested")).map((o) => [text(place, o.token), text(place, o.caseWord)])).toEqual([["Paris", "in"]])
    expect(subtreeRange(doc, at(doc, "men"))).toEqual([at(doc, "two"), at(doc, "men") + 1])
    expect(headOfSpan(doc, at(doc, "two"), at(doc, "men") + 1)).toBe(at(doc, "men"))
    expect(dependents(doc, verb, "nsubj", "obj").map((i) => text(doc, i))).toEqual(["police", "men"])
  })

  it("passive: the subject is the patient, the by-phrase the agent", () => {
    const doc = analyse("The bill was passed by the Senate.")
    const verb = at(doc, "passed")
    expect(isPassive(doc, verb)).toBe(true)
    expect(text(doc, subjectOf(doc, verb))).toBe("bill")
    expect(doc.tokens[subjectOf(doc, verb)!].deprel).toBe("nsubj:pass")
    expect(text(doc, passiveAgentOf(doc, verb))).toBe("Senate")
    expect(auxiliariesOf(doc, verb).map((i) => text(doc, i))).toEqual(["was"])
  })

  it("inverted reporting clause: the speaker follows the verb, the quote is its complement", () => {
    const doc = analyse("“We will win the vote,” said the minister.")
    const said = at(doc, "said")
    expect(text(doc, subjectOf(doc, said))).toBe("minister")
    expect(text(doc, complementOf(doc, said))).toBe("win")
  })

  it("reported speech: the subject of the cue, not of the reported clause", () => {
    const doc = analyse("The group says it raised $5 million last year.")
    const says = at(doc, "says")
    expect(text(doc, subjectOf(doc, says))).toBe("group")
    expect(text(doc, complementOf(doc, says))).toBe("raised")
    expect(text(doc, subjectOf(doc, at(doc, "raised")))).toBe("it")
  })

  it("shared subjects of conjuncts and of relative clauses", () => {
    const doc = analyse("The minister arrived in Kyiv and said the talks had failed.")
    expect(text(doc, subjectOf(doc, at(doc, "said")))).toBe("minister")
    expect(text(doc, complementOf(doc, at(doc, "said")))).toBe("failed")
    const relative = analyse("Police questioned a man who said he saw the attack.")
    expect(text(relative, subjectOf(relative, at(relative, "said")))).toBe("man")
    expect(text(relative, subjectOf(relative, at(relative, "saw")))).toBe("he")
  })

  it("nominal predicate: the subject of a copular clause", () => {
    const doc = analyse("Smith is the new chairman of the bank.")
    const chairman = at(doc, "chairman")
    expect(doc.tokens[at(doc, "is")].deprel).toBe("cop")
    expect(text(doc, subjectOf(doc, chairman))).toBe("Smith")
  })

  it("negation, also through a contraction", () => {
    const doc = analyse("Trump's aides don't know. She did not go. They went.")
    expect(isNegated(doc, at(doc, "know"))).toBe(true)
    expect(isNegated(doc, at(doc, "go"))).toBe(true)
    expect(isNegated(doc, at(doc, "went"))).toBe(false)
    expect(doc.tokens[at(doc, "Trump's")].deprel).toBe("nmod:poss")
  })
})
