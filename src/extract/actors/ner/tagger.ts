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
import { documentFeatures } from "./features.ts"
import type { FeatureContext } from "./features.ts"
import { decode, deserialize, spansOf } from "./perceptron.ts"
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

export const makeNameTagger = (
  model: { readonly header: ModelHeader; readonly weights: Weights },
  listedTags: FeatureContext["listedTags"]
): NameTagger => ({
  header: model.header,
  tag: (lexicon, tokens, sentences, ruleSpans = []) => {
    const features = documentFeatures({ lexicon, listedTags }, tokens, sentences, ruleSpans)
    const names: Array<TaggedName> = []
    for (const sentence of sentences) {
      const labels = decode(model.weights, features.slice(sentence.firstToken, sentence.endToken))
      for (const span of spansOf(labels)) {
        names.push({ first: sentence.firstToken + span.first, last: sentence.firstToken + span.last, type: span.type })
      }
    }
    return names
  }
})

/** Reads the committed model file. */
export const loadNameModel = (path = NAME_MODEL_PATH): LoadedModel => deserialize(readFileSync(path))
