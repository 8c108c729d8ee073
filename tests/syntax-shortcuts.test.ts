import { existsSync, readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { parseConllu } from "../src/nlp/syntax/conllu.ts"
import { compactModel } from "../src/nlp/syntax/compact.ts"
import { feature1, feature2, feature3, mix } from "../src/nlp/syntax/hash.ts"
import { SyntaxAnalyser } from "../src/nlp/syntax/index.ts"

// every 8th sentence of UD English EWT dev (250 sentences), gold tokens
const devFile = new URL("../../shared/train/ud_english_ewt/en_ewt-ud-dev.conllu", import.meta.url)
const sample = () => parseConllu(readFileSync(devFile, "utf8")).filter((_, i) => i % 8 === 0)

describe("syntax shortcuts (precomputed sums at parse time)", () => {
  it.skipIf(!existsSync(devFile))("give the committed models' tags, heads and relations exactly, on EWT dev", () => {
    const analyser = SyntaxAnalyser.load()
    const run = (shortcuts: boolean) => {
      analyser.parser.shortcuts = shortcuts
      analyser.tagger.shortcuts = shortcuts
      return sample().map((s) => {
        const upos = analyser.tagger.predict(s.words)
        const parse = analyser.parser.parse(s.words, s.upos)
        return { upos, heads: parse.heads, deprels: parse.deprels }
      })
    }
    const plain = run(false)
    const fast = run(true)
    expect(fast.length).toBe(251)
    expect(fast).toEqual(plain)
    // the sample is parsed, not empty: most heads right (dev UAS is 0.83)
    const words = sample().flatMap((s, k) => s.heads.map((h, i) => h === plain[k].heads[i]))
    expect(words.filter(Boolean).length / words.length).toBeGreaterThan(0.8)
  })
})

describe("the parser's reused configuration", () => {
  it.skipIf(!existsSync(devFile))("leaves nothing of one sentence to the next: the same parses in any order, and past its first size", () => {
    const { parser } = SyntaxAnalyser.load()
    const sentences = sample().slice(0, 60)
    // a sentence longer than the configuration's first size (64 words) makes it grow
    const long = sentences.slice(0, 8).flatMap((s) => s.words)
    const longTags = sentences.slice(0, 8).flatMap((s) => s.upos)
    expect(long.length).toBeGreaterThan(64)
    const forward = sentences.map((s) => parser.parse(s.words, s.upos))
    const longParse = parser.parse(long, longTags)
    const backward = [...sentences].reverse().map((s) => parser.parse(s.words, s.upos)).reverse()
    expect(backward).toEqual(forward)
    expect(parser.parse(long, longTags)).toEqual(longParse)
    expect(longParse.heads.filter((h) => h === -1).length).toBe(1)
  })
})

describe("feature hashing", () => {
  it("gives a template's features the same keys whether the first atom is small (read from a table) or not", () => {
    const seed = (t: number) => mix(t, 0x5bd1e995)
    for (const t of [1, 17, 89, 255, 300]) {
      for (const a of [0, 5, 17, 63, 64, 1000, 0xdeadbeef, -5]) {
        expect(feature1(t, a) >>> 0).toBe(mix(seed(t), a) >>> 0)
        expect(feature2(t, a, 42) >>> 0).toBe(mix(mix(seed(t), a), 42) >>> 0)
        expect(feature3(t, a, 7, 0x12345678) >>> 0).toBe(mix(mix(mix(seed(t), a), 7), 0x12345678) >>> 0)
      }
    }
    // keys are 32-bit and never 0
    expect(mix(0, 0)).not.toBe(0)
    // as the committed models were trained with (hash.ts before the table)
    expect(feature2(17, 3, 4) >>> 0).toBe(2157376030)
  })
})

describe("wide parse-time model (Robin Hood slots)", () => {
  it("finds every known feature and no unknown one, even where many keys share a home slot", () => {
    const C = 17
    // 40 keys at home slot 5, 10 at 6, 5 at 4 (of 128 slots): long runs, displaced keys
    const keys = [
      ...Array.from({ length: 40 }, (_, j) => ((j + 1) << 7) | 5),
      ...Array.from({ length: 10 }, (_, j) => ((j + 1) << 7) | 6),
      ...Array.from({ length: 5 }, (_, j) => ((j + 1) << 7) | 4)
    ].sort((a, b) => a - b)
    const snapshot = {
      classes: C,
      keys: Uint32Array.from(keys),
      scales: Float32Array.from(keys, (_, i) => (i + 1) / 64),
      quantised: Int8Array.from({ length: keys.length * C }, (_, k) => ((k * 7) % 255) - 127)
    }
    const model = compactModel(snapshot)
    const scores = new Float64Array(C)
    keys.forEach((key, i) => {
      model.score(Uint32Array.of(key), 1, scores)
      expect(Array.from(scores)).toEqual(Array.from({ length: C }, (_, c) => snapshot.quantised[i * C + c] * snapshot.scales[i]))
    })
    for (const unknown of [(999 << 7) | 5, (1000 << 7) | 6, (7 << 7) | 4, (3 << 7) | 7, (2 << 7) | 9]) {
      model.score(Uint32Array.of(unknown), 1, scores)
      expect(Array.from(scores).every((x) => x === 0)).toBe(true)
    }
  })
})
