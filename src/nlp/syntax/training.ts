/**
 * Training the tagger and the parser on UD English EWT: train on train, keep the epoch that scores best
 * on dev, report dev and test, write the model file. Everything is seeded, so a rerun writes the same
 * bytes.
 */
import { writeFileSync } from "node:fs"
import { isNonProjective, readConllu } from "./conllu.ts"
import type { TreebankSentence } from "./conllu.ts"
import { seededRandom, shuffled } from "./hash.ts"
import { Lemmatiser } from "./lemma.ts"
import { encodeModel, jsonSection, perceptronSections } from "./modelFile.ts"
import { labelCandidates, labelPairCandidates, Parser } from "./parser.ts"
import type { Perceptron } from "./perceptron.ts"
import { buildTaggerLexicon, Tagger, trainable } from "./tagger.ts"
import type { TaggerLexicon } from "./tagger.ts"

export const SOURCE = "Universal Dependencies English EWT (UD_English-EWT), train split; https://universaldependencies.org"
export const LICENCE =
  "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): derived from UD English EWT; attribution required; share alike: this model file is distributed under the same licence"

export interface Treebank {
  readonly train: ReadonlyArray<TreebankSentence>
  readonly dev: ReadonlyArray<TreebankSentence>
  readonly test: ReadonlyArray<TreebankSentence>
}

export const readTreebank = (folder: string): Treebank => ({
  train: readConllu(`${folder}/en_ewt-ud-train.conllu`),
  dev: readConllu(`${folder}/en_ewt-ud-dev.conllu`),
  test: readConllu(`${folder}/en_ewt-ud-test.conllu`)
})

export type Log = (line: string) => void

const progress = (log: Log, label: string, done: number, total: number, started: number) => {
  if (done % 2000 !== 0 && done !== total) return
  const seconds = (Date.now() - started) / 1000
  log(`  ${label}: ${done}/${total} sentences, ${seconds.toFixed(0)} s`)
}

export const tagAccuracy = (tagger: Tagger, sentences: ReadonlyArray<TreebankSentence>): number => {
  let right = 0
  let total = 0
  for (const s of sentences) {
    const guess = tagger.predict(s.words)
    guess.forEach((t, i) => {
      if (t === s.upos[i]) right++
      total++
    })
  }
  return total === 0 ? 0 : right / total
}

export interface TaggerSettings {
  readonly epochs: number
  readonly seed: number
  readonly prune: number
}

export const DefaultTaggerSettings: TaggerSettings = { epochs: 8, seed: 20, prune: 0.02 }

/** Trains a tagger, keeping the averaged model of the epoch best on `dev` (if given). */
export const trainTaggerModel = (
  train: ReadonlyArray<TreebankSentence>,
  dev: ReadonlyArray<TreebankSentence>,
  settings: TaggerSettings,
  log: Log,
  lexicon: TaggerLexicon = buildTaggerLexicon(train)
): { tagger: Tagger; epoch: number; dev: number } => {
  const random = seededRandom(settings.seed)
  const tagger = new Tagger(lexicon)
  let best: { tagger: Tagger; epoch: number; dev: number } | null = null
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const started = Date.now()
    let right = 0
    let total = 0
    const order = shuffled(train, random)
    order.forEach((s, i) => {
      right += tagger.update(s.words, s.upos)
      total += s.words.length
      progress(log, `tagger epoch ${epoch}`, i + 1, order.length, started)
    })
    const averaged = new Tagger(lexicon, trainable(tagger.model).averagedCopy())
    const devScore = dev.length > 0 ? tagAccuracy(averaged, dev) : right / total
    log(`tagger epoch ${epoch}: train ${(right / total).toFixed(4)}, dev UPOS ${devScore.toFixed(4)}, ${tagger.model.size} feature rows, ${((Date.now() - started) / 1000).toFixed(0)} s`)
    if (best === null || devScore > best.dev) best = { tagger: averaged, epoch, dev: devScore }
  }
  return best!
}

export interface AttachmentScores {
  readonly upos: number
  readonly uas: number
  readonly las: number
  /** LAS on universal relations only (subtypes dropped), as the CoNLL 2018 shared task scores it. */
  readonly lasUniversal: number
  readonly words: number
}

/** Scores predicted tags and trees on gold tokens; all words count, punctuation included. */
export const attachmentScores = (
  tagger: Tagger | null,
  parser: Parser,
  sentences: ReadonlyArray<TreebankSentence>
): AttachmentScores => {
  let words = 0
  let upos = 0
  let uas = 0
  let las = 0
  let lasU = 0
  for (const s of sentences) {
    const tags = tagger ? tagger.predict(s.words) : s.upos
    const parse = parser.parse(s.words, tags)
    for (let i = 0; i < s.words.length; i++) {
      words++
      if (tags[i] === s.upos[i]) upos++
      if (parse.heads[i] !== s.heads[i]) continue
      uas++
      if (parse.deprels[i] === s.deprels[i]) las++
      if (parse.deprels[i].split(":")[0] === s.deprels[i].split(":")[0]) lasU++
    }
  }
  const share = (k: number) => (words === 0 ? 0 : k / words)
  return { upos: share(upos), uas: share(uas), las: share(las), lasUniversal: share(lasU), words }
}

export interface ParserSettings {
  readonly epochs: number
  readonly seed: number
  readonly prune: number
  /** Share of moves that follow the model's own guess (after the first epoch). */
  readonly explore: number
  /** Train on tags from a tagger that did not see the sentence (k-fold), as at parse time; 0 = gold tags. */
  readonly jackknifeFolds: number
  /** Epochs of each fold's tagger. */
  readonly jackknifeEpochs: number
  /** Score only the relations seen in training for the arc's (dependent tag, head tag, direction). */
  readonly pairCandidates: boolean
  /**
   * Rows of the move scorer and the labeller are saved only when their largest weight reaches this (at
   * least `prune`): smaller parse-time tables, fewer cache misses. `npm run train -- parser` picks the
   * largest of `ROW_PRUNE_STEPS` that keeps dev UAS and LAS within 0.001 of the model pruned at `prune`.
   */
  readonly rowPrune: number
}

export const DefaultParserSettings: ParserSettings = {
  epochs: 10,
  seed: 20,
  prune: 0.02,
  explore: 0.9,
  jackknifeFolds: 4,
  jackknifeEpochs: 4,
  pairCandidates: true,
  rowPrune: 0
}

/** Predicted tags for every training sentence, each from a tagger trained on the other folds. */
export const jackknifeTags = (
  train: ReadonlyArray<TreebankSentence>,
  folds: number,
  taggerSettings: TaggerSettings,
  log: Log
): Array<ReadonlyArray<string>> => {
  const tags: Array<ReadonlyArray<string>> = train.map((s) => s.upos)
  if (folds < 2) return tags
  for (let k = 0; k < folds; k++) {
    const rest = train.filter((_, i) => i % folds !== k)
    const { tagger } = trainTaggerModel(rest, [], taggerSettings, () => {})
    train.forEach((s, i) => {
      if (i % folds === k) tags[i] = tagger.predict(s.words)
    })
    log(`jackknife: fold ${k + 1}/${folds} tagged`)
  }
  return tags
}

export const trainParserModel = (
  train: ReadonlyArray<TreebankSentence>,
  trainTags: ReadonlyArray<ReadonlyArray<string>>,
  dev: ReadonlyArray<TreebankSentence>,
  devTagger: Tagger | null,
  settings: ParserSettings,
  log: Log,
  /** Called with each epoch's model that beats the previous best on dev (e.g. to save it as training goes). */
  onBest: (parser: Parser, epoch: number, dev: AttachmentScores) => void = () => {}
): { parser: Parser; epoch: number; dev: AttachmentScores; skipped: number } => {
  const random = seededRandom(settings.seed)
  const tags = [...new Set(train.flatMap((s) => s.upos))].sort()
  const deprels = [...new Set(train.flatMap((s) => s.deprels))].sort()
  const candidates = labelCandidates({ tags, deprels }, train, trainTags)
  const pairCandidates = settings.pairCandidates ? labelPairCandidates({ tags, deprels }, train, trainTags) : undefined
  const parser = new Parser({ tags, deprels, candidates, ...(pairCandidates ? { pairCandidates } : {}) })
  const usable = train.map((s, i) => ({ s, tags: trainTags[i] })).filter(({ s }) => !isNonProjective(s.heads))
  const skipped = train.length - usable.length
  log(`parser: ${usable.length} projective training sentences; ${skipped} non-projective ones skipped`)
  const explore = () => random() < settings.explore
  let best: { parser: Parser; epoch: number; dev: AttachmentScores; skipped: number } | null = null
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const started = Date.now()
    let right = 0
    let total = 0
    const order = shuffled(usable, random)
    order.forEach(({ s, tags }, i) => {
      right += parser.update(s.words, tags, s.heads, s.deprels, epoch === 1 ? null : explore)
      total += s.words.length
      progress(log, `parser epoch ${epoch}`, i + 1, order.length, started)
    })
    const averaged = new Parser(parser.labels, trainable(parser.moves).averagedCopy(), trainable(parser.labeller).averagedCopy())
    const scores = attachmentScores(devTagger, averaged, dev)
    log(
      `parser epoch ${epoch}: train UAS ${(right / total).toFixed(4)}, dev UAS ${scores.uas.toFixed(4)} LAS ${scores.las.toFixed(4)}` +
        ` (universal ${scores.lasUniversal.toFixed(4)}), ${parser.moves.size}+${parser.labeller.size} feature rows, ${((Date.now() - started) / 1000).toFixed(0)} s`
    )
    if (best === null || scores.las > best.dev.las) {
      best = { parser: averaged, epoch, dev: scores, skipped }
      onBest(averaged, epoch, scores)
    }
  }
  return best!
}

const round = (x: number) => Math.round(x * 10000) / 10000

export const encodeTagger = (
  tagger: Tagger,
  lemmas: ReturnType<typeof Lemmatiser.fromTreebank>,
  settings: TaggerSettings & { chosenEpoch: number },
  figures: Record<string, number>
): Uint8Array =>
  encodeModel(
    { model: "newsfacts UPOS tagger and lemmatiser (averaged perceptron)", source: SOURCE, licence: LICENCE, settings: { ...settings }, figures: mapValues(figures, round) },
    [
      jsonSection("lexicon", tagger.lexicon),
      jsonSection("lemmas", lemmas),
      ...perceptronSections("tagger", tagger.model.snapshot(settings.prune))
    ]
  )

export const encodeParser = (parser: Parser, settings: ParserSettings & { chosenEpoch: number; skippedNonProjective: number }, figures: Record<string, number>): Uint8Array =>
  encodeModel(
    {
      model: "newsfacts dependency parser (arc-hybrid, averaged perceptron, dynamic oracle)",
      source: SOURCE,
      licence: LICENCE,
      settings: { ...settings },
      figures: mapValues(figures, round)
    },
    [
      jsonSection("labels", parser.labels),
      ...perceptronSections("moves", parser.moves.snapshot(Math.max(settings.prune, settings.rowPrune))),
      ...perceptronSections("labeller", parser.labeller.snapshot(Math.max(settings.prune, settings.rowPrune)))
    ]
  )

const mapValues = (record: Record<string, number>, f: (x: number) => number) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]))

export const writeModel = (path: string, bytes: Uint8Array): void => writeFileSync(path, bytes)

/** Exported for tests: models from a snapshot behave as the averaged model (up to quantisation). */
export type { Perceptron }
