import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { isNonProjective, parseConllu } from "../src/nlp/syntax/conllu.ts"
import { compactModel } from "../src/nlp/syntax/compact.ts"
import { decodeParser, decodeTagger } from "../src/nlp/syntax/index.ts"
import { Lemmatiser } from "../src/nlp/syntax/lemma.ts"
import { labelPairCandidates, Parser } from "../src/nlp/syntax/parser.ts"
import { Perceptron } from "../src/nlp/syntax/perceptron.ts"
import {
  DefaultParserSettings,
  DefaultTaggerSettings,
  encodeParser,
  encodeTagger,
  trainParserModel,
  trainTaggerModel
} from "../src/nlp/syntax/training.ts"

const bank = parseConllu(readFileSync(new URL("./fixtures/syntax/tiny.conllu", import.meta.url), "utf8"))
const projective = bank.filter((s) => !isNonProjective(s.heads))
const quiet = () => {}
const taggerSettings = { ...DefaultTaggerSettings, epochs: 10 }
const parserSettings = { ...DefaultParserSettings, epochs: 15, jackknifeFolds: 0 }

const trainTiny = () => {
  const { tagger, epoch } = trainTaggerModel(projective, projective, taggerSettings, quiet)
  const parsed = trainParserModel(projective, projective.map((s) => s.upos), projective, tagger, parserSettings, quiet)
  const lemmas = Lemmatiser.fromTreebank(projective)
  return {
    tagger,
    parser: parsed.parser,
    skipped: parsed.skipped,
    taggerBytes: encodeTagger(tagger, lemmas, { ...taggerSettings, chosenEpoch: epoch }, {}),
    parserBytes: encodeParser(parsed.parser, { ...parserSettings, chosenEpoch: parsed.epoch, skippedNonProjective: parsed.skipped }, {})
  }
}

describe("syntax models", () => {
  it("reads CoNLL-U and tells a non-projective tree", () => {
    expect(bank.map((s) => s.id)).toEqual(["s1", "s2", "s3", "s4", "s5"])
    expect(bank[3].words).toEqual(["She", "did", "n't", "go", "."])
    expect(bank[2].heads).toEqual([1, 3, 3, -1, 6, 6, 3, 3])
    expect(bank.map((s) => isNonProjective(s.heads))).toEqual([false, false, false, false, true])
  })

  it("learns a tiny treebank exactly, and skips and counts its non-projective tree", () => {
    const { tagger, parser } = trainTiny()
    for (const s of projective) {
      expect(tagger.predict(s.words)).toEqual(s.upos)
      const parse = parser.parse(s.words, s.upos)
      expect(parse.heads).toEqual(s.heads)
      expect(parse.deprels).toEqual(s.deprels)
    }
    const withCrossing = trainParserModel(bank, bank.map((s) => s.upos), projective, null, { ...parserSettings, epochs: 2 }, quiet)
    expect(withCrossing.skipped).toBe(1)
    // a non-projective sentence still gets a well-formed tree: one root, heads inside the sentence
    const s5 = bank[4]
    const parse = parser.parse(s5.words, s5.upos)
    expect(parse.heads.filter((h) => h === -1)).toHaveLength(1)
    expect(parse.heads.every((h) => h >= -1 && h < s5.words.length)).toBe(true)
  })

  it("trains reproducibly: the same bytes twice", () => {
    const a = trainTiny()
    const b = trainTiny()
    expect(Buffer.from(a.taggerBytes).equals(Buffer.from(b.taggerBytes))).toBe(true)
    expect(Buffer.from(a.parserBytes).equals(Buffer.from(b.parserBytes))).toBe(true)
  })

  it("saves and loads a model without changing its predictions or weights", () => {
    const { tagger, parser, taggerBytes, parserBytes } = trainTiny()
    const loadedTagger = decodeTagger(taggerBytes, "tiny tagger").tagger
    const loadedParser = decodeParser(parserBytes, "tiny parser").parser
    for (const s of projective) {
      expect(loadedTagger.predict(s.words)).toEqual(tagger.predict(s.words))
      expect(loadedParser.parse(s.words, s.upos)).toEqual(parser.parse(s.words, s.upos))
    }
    const original = parser.moves.snapshot(DefaultParserSettings.prune)
    const reloaded = loadedParser.moves.snapshot(DefaultParserSettings.prune)
    expect(Array.from(reloaded.keys)).toEqual(Array.from(original.keys))
    expect(Array.from(reloaded.quantised)).toEqual(Array.from(original.quantised))
    expect(() => decodeParser(new Uint8Array([1, 2, 3]), "broken.bin.gz")).toThrow()
  })

  it("scores a saved model at parse time as its weights say, for 3 classes and for many", () => {
    for (const classes of [3, 17]) {
      const p = new Perceptron(classes, 64)
      // feature 11 pushes class 2 up and class 0 down three times, feature 12 class 1 up once
      for (let k = 0; k < 3; k++) p.update(2, 0, new Uint32Array([11]), 1)
      p.update(1, 0, new Uint32Array([12]), 1)
      const averaged = p.averagedCopy()
      const parseTime = compactModel(averaged.snapshot(0))
      const want = new Float64Array(classes)
      const got = new Float64Array(classes)
      const features = new Uint32Array([11, 12, 99])
      averaged.score(features, 3, want)
      parseTime.score(features, 3, got)
      // 16-bit (3 classes) or 8-bit (more) weights: equal within the quantisation step
      for (let c = 0; c < classes; c++) expect(Math.abs(got[c] - want[c])).toBeLessThan(0.02)
      expect(Perceptron.best(got, classes)).toBe(2)
      // a feature the model never saw scores nothing
      parseTime.score(new Uint32Array([99, 100]), 2, got)
      expect(Array.from(got).every((x) => x === 0)).toBe(true)
      // only the listed classes are scored
      const some = new Float64Array(classes).fill(-7)
      parseTime.scoreClasses(features, 3, some, Int32Array.from([1]))
      expect(some[0]).toBe(-7)
      expect(Math.abs(some[1] - want[1])).toBeLessThan(0.02)
    }
  })

  it("lists the relations an arc can take by dependent tag, head tag and direction", () => {
    const tags = [...new Set(bank.flatMap((s) => s.upos))].sort()
    const deprels = [...new Set(bank.flatMap((s) => s.deprels))].sort()
    const lists = labelPairCandidates({ tags, deprels }, bank, bank.map((s) => s.upos))
    const at = (dependent: string, head: string, headRight: boolean) =>
      lists[(tags.indexOf(dependent) * (tags.length + 1) + tags.indexOf(head)) * 2 + (headRight ? 0 : 1)].map((l) => deprels[l])
    expect(at("NOUN", "VERB", true)).toEqual(["nsubj", "nsubj:pass"])
    expect(at("DET", "NOUN", true)).toEqual(["det"])
    expect(at("NOUN", "VERB", false)).toContain("obj")
    expect(at("NOUN", "VERB", false)).not.toContain("nsubj")
  })

  it("prunes the parser's weak rows when asked, and keeps the strong ones", () => {
    const { parser } = trainTiny()
    const settings = { ...parserSettings, chosenEpoch: 1, skippedNonProjective: 0 }
    const all = decodeParser(encodeParser(parser, { ...settings, rowPrune: 0 }, {}), "all").parser
    const strong = decodeParser(encodeParser(parser, { ...settings, rowPrune: 1 }, {}), "strong").parser
    expect(strong.moves.size).toBeGreaterThan(0)
    expect(strong.moves.size).toBeLessThan(all.moves.size)
    expect(strong.labeller.size).toBeLessThan(all.labeller.size)
    const kept = strong.moves.snapshot(0)
    for (let i = 0; i < kept.keys.length; i++) {
      const row = Array.from(kept.quantised.subarray(i * 3, i * 3 + 3), (q) => Math.abs(q * kept.scales[i]))
      expect(Math.max(...row)).toBeGreaterThanOrEqual(0.99)
    }
  })

  it("averages the perceptron's weights over all steps", () => {
    const p = new Perceptron(2, 16)
    const features = new Uint32Array([7])
    p.update(0, 1, features, 1) // step 1 ends with class 0 at +1, class 1 at -1
    p.update(0, 0, features, 1) // step 2: right, no change
    // the weights held 0 during step 1 and ±1 during step 2
    const averaged = p.averagedCopy()
    const scores = new Float64Array(2)
    averaged.score(features, 1, scores)
    expect(Array.from(scores)).toEqual([0.5, -0.5])
    expect(Perceptron.best(scores, 2)).toBe(0)
    expect(new Parser({ tags: ["NOUN"], deprels: ["root", "dep"] }).parse([], [])).toEqual({ heads: [], deprels: [] })
  })

  it("lemmatises by the treebank's exceptions and by rule", () => {
    const lemmatiser = new Lemmatiser(Lemmatiser.fromTreebank(bank))
    expect(lemmatiser.lemma("men", "NOUN")).toBe("man")
    expect(lemmatiser.lemma("was", "AUX")).toBe("be")
    expect(lemmatiser.lemma("ministers", "NOUN")).toBe("minister")
    expect(lemmatiser.lemma("arrests", "NOUN")).toBe("arrest")
    expect(lemmatiser.lemma("Paris", "PROPN")).toBe("paris")
  })
})
