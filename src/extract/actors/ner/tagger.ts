/**
 * The name tagger: features (features.ts) scored by the averaged perceptron's weights
 * (perceptron.ts), decoded sentence by sentence. The model file is `models/ner.json.gz`, trained by
 * `npm run train -- ner`; it is read once per process or worker (the NLP service holds the tagger).
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { Sentence, Token } from "../../../model/document.ts"
import type { ActorLexicon } from "../lexicon.ts"
import type { NameSpan } from "../recognize.ts"
import { NEIGHBOUR_OFFSETS, documentFeatureParts, neighbourFeatures, offsetName, wordLevelFeatures } from "./features.ts"
import type { FeatureContext } from "./features.ts"
import { LABEL_COUNT, addScores, decodeEmissions, deserialize, spansOf } from "./perceptron.ts"
import type { EntityType, LoadedModel, ModelHeader, Weights } from "./perceptron.ts"

export const NAME_MODEL_PATH = fileURLToPath(new URL("../../../../models/ner.json.gz", import.meta.url))

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

/** Sums kept per distinct word; cleared when they grow past this many (a long run meets new words). */
const MEMO_LIMIT = 200_000

export const makeNameTagger = (
  model: { readonly header: ModelHeader; readonly weights: Weights },
  listedTags: FeatureContext["listedTags"]
): NameTagger => {
  const { weights } = model
  // The same scores as summing every feature of `documentFeatures`, but a word's own features and its
  // features as a neighbour at each offset are summed once per distinct word (a map per kind, keyed by
  // the word itself: no key strings built per token).
  const memos = Array.from({ length: 1 + NEIGHBOUR_OFFSETS.length }, () => new Map<string, Float64Array>())
  const memoised = (kind: number, word: string, features: () => Iterable<string>) => {
    const memo = memos[kind]
    let scores = memo.get(word)
    if (scores === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear()
      scores = new Float64Array(LABEL_COUNT)
      addScores(weights, features(), scores)
      memo.set(word, scores)
    }
    return scores
  }
  const offsetNames = NEIGHBOUR_OFFSETS.map(offsetName)
  return {
    header: model.header,
    tag: (lexicon, tokens, sentences, ruleSpans = []) => {
      const context = { lexicon, listedTags }
      const parts = documentFeatureParts(context, tokens, sentences, ruleSpans)
      const names: Array<TaggedName> = []
      for (const sentence of sentences) {
        const n = sentence.endToken - sentence.firstToken
        const emissions = new Float64Array(n * LABEL_COUNT)
        for (let t = 0; t < n; t++) {
          const part = parts[sentence.firstToken + t]
          const offset = t * LABEL_COUNT
          const own = memoised(0, part.word, () => wordLevelFeatures(context, part.word))
          for (let y = 0; y < LABEL_COUNT; y++) emissions[offset + y] += own[y]
          for (let k = 0; k < part.neighbours.length; k++) {
            const word = part.neighbours[k]
            const scores = memoised(k + 1, word, () => neighbourFeatures(offsetNames[k], word))
            for (let y = 0; y < LABEL_COUNT; y++) emissions[offset + y] += scores[y]
          }
          addScores(weights, part.contextual, emissions, offset)
        }
        for (const span of spansOf(decodeEmissions(weights, n, emissions))) {
          names.push({ first: sentence.firstToken + span.first, last: sentence.firstToken + span.last, type: span.type })
        }
      }
      return names
    }
  }
}

/** Reads the committed model file. */
export const loadNameModel = (path = NAME_MODEL_PATH): LoadedModel => deserialize(readFileSync(path))
