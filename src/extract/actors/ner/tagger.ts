/**
 * The name tagger: features (features.ts) scored by the averaged perceptron's weights
 * (perceptron.ts), decoded sentence by sentence. The model file is `models/ner.bin.gz`, trained by
 * `npm run train -- ner`; it is read once per process or worker (the NLP service holds the tagger).
 *
 * Scoring builds no feature name: the model's names are split once, at load, into a template and its
 * value(s) ("lw=" + "paris"; "lw-1|lw=" + "in" + "paris"), and each feature the document emits is
 * looked up by its parts, which are strings the tagger already holds (a word's lower form, its shape,
 * a tag). A word's own features and its features as a neighbour are summed once per distinct word.
 * The weights are the model's (step / scale as 32-bit floats, `floatWeights`) and a token's sum is
 * taken in the same order as before the index (own, neighbours, then the rest as emitted): a label
 * whose score ties another's in steps is broken by the same rounding, so the names are the same.
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
 * What the tagger keeps per distinct word: its forms, and in one array of `LABEL_COUNT`-wide blocks
 * the sums of its own features, of its features as each neighbour (`NEIGHBOUR_OFFSETS`' order), and
 * of its shape in each place (`emitShapeInPlace`: line kind × clause start, filled when first met).
 */
interface WordEntry {
  readonly forms: WordForms
  readonly sums: Float64Array
  /** Bit p set: place p's block is filled. */
  placesFilled: number
}
const NEIGHBOURS = NEIGHBOUR_OFFSETS.length
const PLACES = LINE_KINDS.length * 2
const OWN_BLOCK = 0
const neighbourBlock = (k: number) => 1 + k
const placeBlock = (place: number) => 1 + NEIGHBOURS + place
const placeOf = (line: string, clauseStart: boolean) => 2 * LINE_KINDS.indexOf(line as (typeof LINE_KINDS)[number]) + (clauseStart ? 1 : 0)

/** Words kept; the memo is cleared when it grows past this many (a long run meets new words). */
const MEMO_LIMIT = 200_000

/** Adds block `from` of `sums` to the token at `at` of `into`. */
const addBlock = (into: Float64Array, at: number, sums: Float64Array, from: number) => {
  const base = from * LABEL_COUNT
  for (let y = 0; y < LABEL_COUNT; y++) into[at + y] += sums[base + y]
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

  /** Writes the sum of `features`' weights into block `block` of `sums`. */
  sumInto(sums: Float64Array, block: number, features: (emit: Emit) => void): void {
    const { into, at } = this
    this.into = sums
    this.at = block * LABEL_COUNT
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
      for (let k = 0; k < NEIGHBOURS; k++) scorer.sumInto(noNeighbour, k, (e) => emitNeighbourFeatures(context, k, undefined, e))
    }
    return noNeighbour
  }
  const memo = new Map<string, WordEntry>()
  const entryOf = (context: FeatureContext, word: string): WordEntry => {
    let entry = memo.get(word)
    if (entry === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear()
      const forms = wordForms(word)
      const sums = new Float64Array((1 + NEIGHBOURS + PLACES) * LABEL_COUNT)
      scorer.sumInto(sums, OWN_BLOCK, (e) => emitWordFeatures(context, word, forms, e))
      for (let k = 0; k < NEIGHBOURS; k++) scorer.sumInto(sums, neighbourBlock(k), (e) => emitNeighbourFeatures(context, k, forms, e))
      entry = { forms, sums, placesFilled: 0 }
      memo.set(word, entry)
    }
    return entry
  }
  /** The block of `entry`'s sums for its shape in `place`, filled when first asked. */
  const placeSums = (entry: WordEntry, line: string, clauseStart: boolean): number => {
    const place = placeOf(line, clauseStart)
    if ((entry.placesFilled & (1 << place)) === 0) {
      scorer.sumInto(entry.sums, placeBlock(place), (e) => emitShapeInPlace(entry.forms, line, clauseStart, e))
      entry.placesFilled |= 1 << place
    }
    return placeBlock(place)
  }
  return {
    header: model.header,
    tag: (lexicon, tokens, sentences, ruleSpans = []) => {
      const context: FeatureContext = { lexicon, listedTags }
      const emissions = new Float64Array(tokens.length * LABEL_COUNT)
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
          addBlock(emissions, at, entry.sums, OWN_BLOCK)
          for (let k = 0; k < NEIGHBOURS; k++) {
            const j = i + NEIGHBOUR_OFFSETS[k]
            if (j >= first && j < end) addBlock(emissions, at, entries[j].sums, neighbourBlock(k))
            else addBlock(emissions, at, none, k)
          }
          addBlock(emissions, at, entry.sums, placeSums(entry, line, clauseStart))
          // The token's other features, which `emit` adds next.
          scorer.into = emissions
          scorer.at = at
        },
        emit: scorer.emit
      })
      scorer.into = new Float64Array(LABEL_COUNT)
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
