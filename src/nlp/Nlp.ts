/**
 * The NLP engine behind a service, configured once at start-up: compromise without its chunker, and
 * the trained syntax models (src/nlp/syntax/), loaded once per process or worker.
 * Stages never import compromise directly; they ask this service, so tests and workers can provide
 * their own configured instance.
 *
 * No compromise-dates plugin: the stages resolve dates themselves against the publication date
 * (src/extract/events/dates.ts) and only read compromise's tags. The plugin's phrase tagging took about
 * a quarter of the pipeline's time, and without it `npm run eval` moved by at most 0.003 on any figure
 * (stories and event coreference up, ECB+ names down by 0.001).
 */
import { Context, Layer } from "effect"
import nlp from "compromise"
import { SyntaxAnalyser } from "./syntax/index.ts"
import { NAME_MODEL_PATH, loadNameModel, makeNameTagger } from "../extract/actors/ner/tagger.ts"
import type { NameTagger } from "../extract/actors/ner/tagger.ts"

export type Compromise = typeof nlp
export type View = ReturnType<Compromise>

/** compromise's JSON for one term, with offsets requested. */
export interface TermJson {
  readonly text: string
  readonly normal: string
  readonly pre: string
  readonly post: string
  readonly tags: ReadonlyArray<string>
  readonly offset: { readonly start: number; readonly length: number }
}

export interface NlpEngine {
  /** The configured compromise instance. */
  readonly nlp: Compromise
  /** Tags `text` and returns its sentences as lists of terms with offsets into `text`. */
  readonly tagSentences: (text: string) => ReadonlyArray<ReadonlyArray<TermJson>>
  /** The tags compromise's own word list gives `word` (lower case) whatever its context; empty if unlisted. */
  readonly listedTags: (word: string) => ReadonlyArray<string>
  /** The trained UPOS tagger, lemmatiser and dependency parser (models/), loaded on first use. */
  readonly syntax: () => SyntaxAnalyser
  /** The name tagger (models/ner.bin.gz), read on first use and kept for the engine's life. */
  readonly nameTagger: () => NameTagger
}

/**
 * compromise runs its chunker (noun and verb phrases) on every text, and no stage reads its output:
 * left out, tagging takes about 6 % less time and allocates less, and no term's tags or offsets change
 * (checked on 400 corpus articles; `npm run eval` gives the same figures).
 */
const withoutChunker = (engine: Compromise): void => {
  const world = engine.world() as { hooks: Array<string> }
  world.hooks = world.hooks.filter((hook) => hook !== "chunks")
}

/**
 * `nameModel`: the name tagger's model file, or "none" for the rules alone (default: the file
 * NEWSFACTS_NER_MODEL names, else models/ner.bin.gz).
 */
export const makeNlpEngine = (nameModel: string = process.env.NEWSFACTS_NER_MODEL ?? NAME_MODEL_PATH): NlpEngine => {
  const engine = nlp
  withoutChunker(engine)
  const tagSentences = (text: string) => {
    const view = engine(text)
    const json = view.json({ offset: true, terms: { offset: true } }) as ReadonlyArray<{ terms: ReadonlyArray<TermJson> }>
    return json.map((sentence) => sentence.terms)
  }
  const lexicon = (engine.model() as { one: { lexicon: Record<string, string | ReadonlyArray<string>> } }).one.lexicon
  const listedTags = (word: string): ReadonlyArray<string> => {
    const listed = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined
    return listed === undefined ? [] : typeof listed === "string" ? [listed] : listed
  }
  let syntax: SyntaxAnalyser | undefined
  let tagger: NameTagger | undefined
  // NEWSFACTS_NER_MODEL points at another model file: cross-validation scores a fold's model this way;
  // "none" runs the rules alone, which is how the tagger's share of the time is measured (docs/actors.md).
  const modelPath = nameModel
  const nameTagger = () => (tagger ??= modelPath === "none" ? rulesOnly : makeNameTagger(loadNameModel(modelPath), listedTags))
  return { nlp: engine, tagSentences, listedTags, syntax: () => (syntax ??= SyntaxAnalyser.load()), nameTagger }
}

/** No name tagger: the rules alone find the names. */
const rulesOnly: NameTagger = {
  header: { name: "none", source: "NEWSFACTS_NER_MODEL=none", licence: "", settings: {}, figures: {} },
  tag: () => []
}

let shared: NlpEngine | undefined
/** One engine per process (or worker): compromise's plugins are global to its instance. */
export const sharedNlpEngine = (): NlpEngine => (shared ??= makeNlpEngine())

export class Nlp extends Context.Service<Nlp, NlpEngine>()("newsfacts/nlp/Nlp") {
  static readonly layer = Layer.sync(Nlp, sharedNlpEngine)
}
