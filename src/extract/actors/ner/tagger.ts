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
import { FEATURE_TEMPLATES, NEIGHBOUR_OFFSETS, PAIR_TEMPLATES, emitDocumentFeatures, emitNeighbourFeatures, emitWordFeatures, isNeighbour, wordForms } from "./features.ts"
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

/** The model's features by their parts: template → value → row, and template → first → second → row for pairs. */
interface FeatureIndex {
  readonly singles: Map<string, Map<string, number>>
  readonly pairs: Map<string, Map<string, Map<string, number>>>
}

/**
 * Splits every feature name by each template it starts with. A name that splits more than one way
 * ("lw-1|lw=a|b|c" is "a|b" + "c" and "a" + "b|c") is filed under each split: a lookup by parts
 * finds a row exactly when the name those parts make is in the model.
 */
export const indexFeatures = (features: ReadonlyArray<string>): FeatureIndex => {
  const singles = new Map(FEATURE_TEMPLATES.map((template) => [template, new Map<string, number>()]))
  const pairs = new Map(PAIR_TEMPLATES.map((template) => [template, new Map<string, Map<string, number>>()]))
  const byFirstChar = new Map<string, Array<string>>()
  for (const template of new Set([...FEATURE_TEMPLATES, ...PAIR_TEMPLATES])) {
    const list = byFirstChar.get(template[0]) ?? []
    list.push(template)
    byFirstChar.set(template[0], list)
  }
  features.forEach((name, row) => {
    for (const template of byFirstChar.get(name[0]) ?? []) {
      if (!name.startsWith(template)) continue
      const rest = name.slice(template.length)
      singles.get(template)?.set(rest, row)
      const byFirst = pairs.get(template)
      if (byFirst === undefined) continue
      for (let bar = rest.indexOf("|"); bar >= 0; bar = rest.indexOf("|", bar + 1)) {
        const first = rest.slice(0, bar)
        let seconds = byFirst.get(first)
        if (seconds === undefined) byFirst.set(first, (seconds = new Map()))
        seconds.set(rest.slice(bar + 1), row)
      }
    }
  })
  return { singles, pairs }
}

/** What the tagger keeps per distinct word: its forms, and the sums of its own and its neighbour features. */
interface WordEntry {
  readonly forms: WordForms
  readonly own: Float64Array
  /** Per `NEIGHBOUR_OFFSETS` entry, the word's features as that neighbour. */
  readonly asNeighbour: ReadonlyArray<Float64Array>
}

/** Words kept; the memo is cleared when it grows past this many (a long run meets new words). */
const MEMO_LIMIT = 200_000

export const makeNameTagger = (model: QuantisedModel, listedTags: FeatureContext["listedTags"]): NameTagger => {
  const weights = weightsOfSteps(model.steps, model.scale)
  const index = indexFeatures(model.features)
  const transitions = weightsOfSteps(model.transitions, model.scale)
  // The one scorer: `emit` adds the steps of the feature it names to `into` at `at`.
  let into = new Float64Array(LABEL_COUNT)
  let at = 0
  const emit: Emit = (template, value, second) => {
    const row = second === undefined ? index.singles.get(template)?.get(value) : index.pairs.get(template)?.get(value)?.get(second)
    if (row === undefined) return
    const base = row * LABEL_COUNT
    for (let y = 0; y < LABEL_COUNT; y++) into[at + y] += weights[base + y]
  }
  const sumOf = (features: (emit: Emit) => void): Float64Array => {
    const [savedInto, savedAt] = [into, at]
    into = new Float64Array(LABEL_COUNT)
    at = 0
    features(emit)
    const sum = into
    ;[into, at] = [savedInto, savedAt]
    return sum
  }
  const noNeighbour = NEIGHBOUR_OFFSETS.map((_, k) => sumOf((e) => emitNeighbourFeatures(k, undefined, e)))
  const memo = new Map<string, WordEntry>()
  const entryOf = (context: FeatureContext, word: string): WordEntry => {
    let entry = memo.get(word)
    if (entry === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear()
      const forms = wordForms(word)
      entry = {
        forms,
        own: sumOf((e) => emitWordFeatures(context, word, forms, e)),
        asNeighbour: NEIGHBOUR_OFFSETS.map((_, k) => sumOf((e) => emitNeighbourFeatures(k, forms, e)))
      }
      memo.set(word, entry)
    }
    return entry
  }
  const add = (scores: Float64Array) => {
    for (let y = 0; y < LABEL_COUNT; y++) into[at + y] += scores[y]
  }
  return {
    header: model.header,
    tag: (lexicon, tokens, sentences, ruleSpans = []) => {
      const context: FeatureContext = { lexicon, listedTags }
      into = new Float64Array(tokens.length * LABEL_COUNT)
      const emissions = into
      let words: ReadonlyArray<string> = []
      let entries: Array<WordEntry> = []
      emitDocumentFeatures(context, tokens, sentences, ruleSpans, {
        forms: (documentWords) => {
          words = documentWords
          entries = words.map((word) => entryOf(context, word))
          return entries.map((entry) => entry.forms)
        },
        word: (i, _, first, end) => {
          at = i * LABEL_COUNT
          add(entries[i].own)
          for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
            const j = i + NEIGHBOUR_OFFSETS[k]
            add(isNeighbour(words, j, first, end) ? entries[j].asNeighbour[k] : noNeighbour[k])
          }
        },
        emit
      })
      into = new Float64Array(LABEL_COUNT)
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
