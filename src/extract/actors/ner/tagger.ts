/**
 * The name tagger: features (features.ts) scored by the averaged perceptron's weights
 * (perceptron.ts), decoded sentence by sentence. The model file is `models/ner.bin.gz`, trained by
 * `npm run train -- ner`; it is read once per process or worker (the NLP service holds the tagger).
 *
 * Scoring builds no feature name: the model's names are filed once, at load, by template and value(s)
 * in a table of hashed keys (featureTable.ts), and each feature the document emits is found by its
 * parts, which are strings the tagger already holds (a word's lower form, its shape, a tag). A word's
 * own features, its features as each neighbour and its shape in each place are summed once per
 * distinct word. The weights are the model's (step / scale as 32-bit floats, `floatWeights`); any sum
 * of them is exact in 64 bits (`FeatureScorer`), so the grouping changes no score and no name.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { Sentence, Token } from "../../../model/document.ts"
import type { ActorLexicon } from "../lexicon.ts"
import type { NameSpan } from "../recognize.ts"
import { FeatureTable } from "./featureTable.ts"
import { LINE_KINDS, NEIGHBOUR_OFFSETS, emitDocumentFeatures, emitNeighbourFeatures, emitShapeInPlace, emitWordFeatures, wordForms } from "./features.ts"
import type { Emit, FeatureContext, WordForms } from "./features.ts"
import { LABEL_COUNT, decodeModel, decodeScores, spansOf, weightsOfSteps } from "./perceptron.ts"
import type { EntityType, ModelHeader, QuantisedModel } from "./perceptron.ts"

export const NAME_MODEL_PATH = fileURLToPath(new URL("../../../../models/ner.bin.gz", import.meta.url))

/** A name the tagger found: tokens [first, last] of the document and its CoNLL type. */
export interface TaggedName {
  readonly first: number
  readonly last: number
  readonly type: EntityType
}

export interface NameTagger {
  readonly header: ModelHeader
  /** The names in a document's tokens. */
  readonly tag: (lexicon: ActorLexicon, tokens: ReadonlyArray<Token>, sentences: ReadonlyArray<Sentence>, ruleSpans?: ReadonlyArray<NameSpan>) => Array<TaggedName>
}

/**
 * What the tagger keeps per distinct word: its forms, and where its sums start in the pool
 * (`WordSums`): `LABEL_COUNT`-wide blocks for its own features and its features as each neighbour
 * (`NEIGHBOUR_OFFSETS`' order), and per place (`emitShapeInPlace`: line kind × clause start) a block
 * for its shape there, made when the word is first met there (-1 until then; most words meet one or two).
 */
interface WordEntry {
  readonly forms: WordForms
  readonly offset: number
  readonly places: Int32Array
}
const NEIGHBOURS = NEIGHBOUR_OFFSETS.length
const PLACES = LINE_KINDS.length * 2
const OWN_BLOCK = 0
const neighbourBlock = (k: number) => 1 + k
const WORD_BLOCKS = 1 + NEIGHBOURS
const placeOf = (line: string, clauseStart: boolean) => 2 * LINE_KINDS.indexOf(line as (typeof LINE_KINDS)[number]) + (clauseStart ? 1 : 0)

/**
 * Every word's sums in one array, grown by doubling: a token reads the blocks of five words, and one
 * array keeps them near each other instead of behind an object each.
 */
class WordSums {
  values = new Float64Array(1 << 16)
  private used = 0
  /** Room for `blocks` more blocks, zeroed; where they start. */
  allocate(blocks: number): number {
    const size = blocks * LABEL_COUNT
    if (this.used + size > this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.used += size
    return this.used - size
  }
  clear(): void {
    this.values.fill(0, 0, this.used)
    this.used = 0
  }
}

/** Words kept; the memo is cleared when it grows past this many (a long run meets new words). */
const MEMO_LIMIT = 200_000

/** Adds the block at `from` of `sums` to the token at `at` of `into`. */
const addBlock = (into: Float64Array, at: number, sums: Float64Array, from: number) => {
  for (let y = 0; y < LABEL_COUNT; y++) into[at + y] += sums[from + y]
}

/**
 * The one scorer: `emit` adds the weights of the feature it names to `into` at `at`. Every weight is a
 * 32-bit float of step / scale, so every sum of them is exact in 64 bits (a step is at least 1/2000 of
 * the largest, far within 53 bits of precision): sums grouped per word give the same numbers, to the
 * last bit, as adding each feature in turn, and the labels are the same.
 */
class FeatureScorer {
  into: Float64Array = new Float64Array(LABEL_COUNT)
  at = 0
  private readonly weights: Float32Array
  private readonly table: FeatureTable
  constructor(weights: Float32Array, table: FeatureTable) {
    this.weights = weights
    this.table = table
  }

  readonly emit: Emit = (template, value, second) => {
    const row = this.table.rowOf(template, value, second)
    if (row < 0) return
    const { into, at, weights } = this
    const base = row * LABEL_COUNT
    for (let y = 0; y < LABEL_COUNT; y++) into[at + y] += weights[base + y]
  }

  /** Adds the sum of `features`' weights to the block at `from` of `sums`. */
  sumInto(sums: Float64Array, from: number, features: (emit: Emit) => void): void {
    const { into, at } = this
    this.into = sums
    this.at = from
    features(this.emit)
    this.into = into
    this.at = at
  }
}

export const makeNameTagger = (model: QuantisedModel, listedTags: FeatureContext["listedTags"]): NameTagger => {
  const scorer = new FeatureScorer(weightsOfSteps(model.steps, model.scale), FeatureTable.of(model.features))
  const transitions = weightsOfSteps(model.transitions, model.scale)
  // Per neighbour offset, the sums of its features where the sentence has no word there.
  let noNeighbour: Float64Array | undefined
  const noNeighbourSums = (context: FeatureContext): Float64Array => {
    if (noNeighbour === undefined) {
      noNeighbour = new Float64Array(NEIGHBOURS * LABEL_COUNT)
      for (let k = 0; k < NEIGHBOURS; k++) scorer.sumInto(noNeighbour, k * LABEL_COUNT, (e) => emitNeighbourFeatures(context, k, undefined, e))
    }
    return noNeighbour
  }
  const memo = new Map<string, WordEntry>()
  const sums = new WordSums()
  const entryOf = (context: FeatureContext, word: string): WordEntry => {
    let entry = memo.get(word)
    if (entry === undefined) {
      if (memo.size >= MEMO_LIMIT) {
        memo.clear()
        sums.clear()
      }
      const forms = wordForms(word)
      const offset = sums.allocate(WORD_BLOCKS)
      scorer.sumInto(sums.values, offset + OWN_BLOCK * LABEL_COUNT, (e) => emitWordFeatures(context, word, forms, e))
      for (let k = 0; k < NEIGHBOURS; k++) scorer.sumInto(sums.values, offset + neighbourBlock(k) * LABEL_COUNT, (e) => emitNeighbourFeatures(context, k, forms, e))
      entry = { forms, offset, places: new Int32Array(PLACES).fill(-1) }
      memo.set(word, entry)
    }
    return entry
  }
  /** Where `entry`'s sums for its shape in its place start, filled when first asked. */
  const placeSums = (entry: WordEntry, line: string, clauseStart: boolean): number => {
    const place = placeOf(line, clauseStart)
    let from = entry.places[place]
    if (from < 0) {
      from = entry.places[place] = sums.allocate(1)
      scorer.sumInto(sums.values, from, (e) => emitShapeInPlace(entry.forms, line, clauseStart, e))
    }
    return from
  }
  // The document's scores, kept from one document to the next (zeroed before use).
  let scratch = new Float64Array(1 << 14)
  return {
    header: model.header,
    tag: (lexicon, tokens, sentences, ruleSpans = []) => {
      const context: FeatureContext = { lexicon, listedTags }
      if (scratch.length < tokens.length * LABEL_COUNT) scratch = new Float64Array(tokens.length * LABEL_COUNT * 2)
      const emissions = scratch
      emissions.fill(0, 0, tokens.length * LABEL_COUNT)
      const none = noNeighbourSums(context)
      let entries: Array<WordEntry> = []
      emitDocumentFeatures(context, tokens, sentences, ruleSpans, {
        forms: (words) => {
          entries = words.map((word) => entryOf(context, word))
          return entries.map((entry) => entry.forms)
        },
        word: (i, _, first, end, line, clauseStart) => {
          const at = i * LABEL_COUNT
          const entry = entries[i]
          const place = placeSums(entry, line, clauseStart)
          const pool = sums.values
          addBlock(emissions, at, pool, entry.offset + OWN_BLOCK * LABEL_COUNT)
          for (let k = 0; k < NEIGHBOURS; k++) {
            const j = i + NEIGHBOUR_OFFSETS[k]
            if (j >= first && j < end) addBlock(emissions, at, pool, entries[j].offset + neighbourBlock(k) * LABEL_COUNT)
            else addBlock(emissions, at, none, k * LABEL_COUNT)
          }
          addBlock(emissions, at, pool, place)
          // The token's other features, which `emit` adds next.
          scorer.into = emissions
          scorer.at = at
        },
        emit: scorer.emit
      })
      const names: Array<TaggedName> = []
      for (const sentence of sentences) {
        const n = sentence.endToken - sentence.firstToken
        const scores = emissions.subarray(sentence.firstToken * LABEL_COUNT, sentence.endToken * LABEL_COUNT)
        for (const span of spansOf(decodeScores(transitions, n, scores))) {
          names.push({ first: sentence.firstToken + span.first, last: sentence.firstToken + span.last, type: span.type })
        }
      }
      return names
    }
  }
}

/** Reads the committed model file. */
export const loadNameModel = (path = NAME_MODEL_PATH): QuantisedModel => decodeModel(readFileSync(path), path)
