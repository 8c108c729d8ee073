/**
 * The trained syntax models (UPOS tagger with lemmatiser, dependency parser) as one analyser, loaded
 * from models/ once per process. Model files: models/tagger.bin.gz and models/parser.bin.gz, trained
 * by `npm run train -- tagger|parser` from UD English EWT (CC BY-SA 4.0; see models/README.md).
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Lemmatiser } from "./lemma.ts"
import type { LemmaTable } from "./lemma.ts"
import { decodeModel } from "./modelFile.ts"
import type { ModelHeader } from "./modelFile.ts"
import { Parser } from "./parser.ts"
import type { ParserLabels } from "./parser.ts"
import { compactModel } from "./compact.ts"
import { Tagger } from "./tagger.ts"
import type { TaggerLexicon } from "./tagger.ts"

export const modelsFolder = fileURLToPath(new URL("../../../models/", import.meta.url))
export const taggerModelPath = `${modelsFolder}tagger.bin.gz`
export const parserModelPath = `${modelsFolder}parser.bin.gz`

/** Rule and model ids that extracted values can cite. */
export const TaggerModelId = "syntax.tagger.ewt"
export const ParserModelId = "syntax.parser.ewt"

export interface WordAnalysis {
  readonly upos: string
  readonly lemma: string
  /** 0-based index of the head word in the same sentence, -1 for the root. */
  readonly head: number
  readonly deprel: string
}

export const decodeTagger = (bytes: Uint8Array, file: string): { tagger: Tagger; lemmatiser: Lemmatiser; header: ModelHeader } => {
  const model = decodeModel(bytes, file)
  const tagger = new Tagger(model.json<TaggerLexicon>("lexicon"), compactModel(model.perceptron("tagger")))
  return { tagger, lemmatiser: new Lemmatiser(model.json<LemmaTable>("lemmas")), header: model.header }
}

export const decodeParser = (bytes: Uint8Array, file: string): { parser: Parser; header: ModelHeader } => {
  const model = decodeModel(bytes, file)
  const parser = new Parser(
    model.json<ParserLabels>("labels"),
    compactModel(model.perceptron("moves")),
    compactModel(model.perceptron("labeller"))
  )
  return { parser, header: model.header }
}

export class SyntaxAnalyser {
  readonly tagger: Tagger
  readonly lemmatiser: Lemmatiser
  readonly parser: Parser

  constructor(tagger: Tagger, lemmatiser: Lemmatiser, parser: Parser) {
    this.tagger = tagger
    this.lemmatiser = lemmatiser
    this.parser = parser
  }

  /** Tags, lemmatises and parses one sentence of UD-style tokens. */
  analyse(words: ReadonlyArray<string>): Array<WordAnalysis> {
    if (words.length === 0) return []
    const upos = this.tagger.predict(words)
    const parse = this.parser.parse(words, upos)
    return words.map((word, i) => ({
      upos: upos[i],
      lemma: this.lemmatiser.lemma(word, upos[i]),
      head: parse.heads[i],
      deprel: parse.deprels[i]
    }))
  }

  static load(taggerPath = taggerModelPath, parserPath = parserModelPath): SyntaxAnalyser {
    const tagger = decodeTagger(readFileSync(taggerPath), taggerPath)
    const parser = decodeParser(readFileSync(parserPath), parserPath)
    return new SyntaxAnalyser(tagger.tagger, tagger.lemmatiser, parser.parser)
  }
}
