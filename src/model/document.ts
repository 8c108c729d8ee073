/**
 * A document as it moves through the per-document stages: loaded (original text and given metadata),
 * cleaned (body text for the NLP with an offset map back to the original, metadata found in the text),
 * then segmented (sentences and tagged tokens).
 */
import { Schema } from "effect"
import { PublishedSources } from "./tables.ts"
import type { OffsetMap } from "./span.ts"

/** Metadata given with the input (JSON record fields); null where the input gave none. */
export const GivenMeta = Schema.Struct({
  title: Schema.NullOr(Schema.String),
  date: Schema.NullOr(Schema.String),
  url: Schema.NullOr(Schema.String),
  source: Schema.NullOr(Schema.String),
  author: Schema.NullOr(Schema.String),
  extra: Schema.Record(Schema.String, Schema.Unknown)
})
export type GivenMeta = typeof GivenMeta.Type

export const InputFormats = ["txt", "md", "html", "json"] as const

/** One article read from an input, before cleaning. `text` is the original text offsets refer to. */
export const LoadedDocument = Schema.Struct({
  docId: Schema.String,
  inputId: Schema.String,
  /** The file the article came from (relative to the input root), and its line for JSON Lines. */
  file: Schema.String,
  line: Schema.NullOr(Schema.Int),
  format: Schema.Literals(InputFormats),
  text: Schema.String,
  given: GivenMeta
})
export type LoadedDocument = typeof LoadedDocument.Type

/** Metadata of a document after cleaning: given values win over values found in the text. */
export const DocumentMeta = Schema.Struct({
  title: Schema.NullOr(Schema.String),
  standfirst: Schema.NullOr(Schema.String),
  published: Schema.NullOr(Schema.String),
  publishedSource: Schema.NullOr(Schema.Literals(PublishedSources)),
  author: Schema.NullOr(Schema.String),
  editor: Schema.NullOr(Schema.String),
  publisher: Schema.NullOr(Schema.String),
  section: Schema.NullOr(Schema.String),
  dateline: Schema.NullOr(Schema.String),
  url: Schema.NullOr(Schema.String),
  language: Schema.NullOr(Schema.String)
})
export type DocumentMeta = typeof DocumentMeta.Type

/**
 * The cleaned body: `text` is what the NLP sees (boilerplate removed, broken lines rejoined, quotes
 * and spaces normalised); `map` carries each of its characters back to `loaded.text`.
 */
export interface CleanDocument {
  readonly loaded: LoadedDocument
  readonly text: string
  readonly map: OffsetMap
  readonly meta: DocumentMeta
  /** SHA-256 prefix of `text`: equal hashes mean duplicate inputs. */
  readonly contentHash: string
}

export const Sentence = Schema.Struct({
  index: Schema.Int,
  paragraph: Schema.Int,
  start: Schema.Int,
  end: Schema.Int,
  /** Index of the sentence's first token in `AnalyzedDocument.tokens`, and one past its last. */
  firstToken: Schema.Int,
  endToken: Schema.Int
})
export type Sentence = typeof Sentence.Type

/**
 * A word as the NLP tagged it; offsets are into the cleaned text and exclude punctuation. Besides
 * compromise's tags it carries the trained tagger's UPOS and lemma and the parser's dependency arc
 * (SYNTAX-INTERFACE.md; helpers in src/segment/syntax.ts).
 */
export const Token = Schema.Struct({
  index: Schema.Int,
  sentence: Schema.Int,
  text: Schema.String,
  normal: Schema.String,
  /** Punctuation and spaces before and after the word, as compromise splits them. */
  pre: Schema.String,
  post: Schema.String,
  tags: Schema.Array(Schema.String),
  start: Schema.Int,
  end: Schema.Int,
  /** Universal Dependencies part of speech (NOUN, PROPN, VERB, AUX, …) from the trained tagger. */
  upos: Schema.String,
  /** Lower-case lemma. */
  lemma: Schema.String,
  /** Index in `AnalyzedDocument.tokens` of the syntactic head, -1 for the sentence's root; never outside the sentence. */
  head: Schema.Int,
  /** UD relation to the head, with subtype as UD English EWT writes it (nsubj:pass, obl:agent, …); "root" for the root. */
  deprel: Schema.String
})
export type Token = typeof Token.Type

export interface AnalyzedDocument {
  readonly clean: CleanDocument
  readonly sentences: ReadonlyArray<Sentence>
  readonly tokens: ReadonlyArray<Token>
}
