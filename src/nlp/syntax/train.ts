/**
 * The `npm run train -- tagger|parser` commands: read UD English EWT from ../shared/train, train with
 * the default settings (or `--epochs N`, `--folds N` for a quick run), report dev and test, write the
 * model file under models/.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { decodeParser, decodeTagger, parserModelPath, taggerModelPath } from "./index.ts"
import { isNonProjective } from "./conllu.ts"
import { Lemmatiser } from "./lemma.ts"
import {
  attachmentScores,
  DefaultParserSettings,
  DefaultTaggerSettings,
  encodeParser,
  encodeTagger,
  jackknifeTags,
  readTreebank,
  tagAccuracy,
  trainParserModel,
  trainTaggerModel,
  writeModel
} from "./training.ts"
import type { Log } from "./training.ts"
import type { Parser } from "./parser.ts"

const PRUNE_STEPS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1]
const MAX_BYTES = 7_500_000
const ROW_PRUNE_STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2]

const treebankFolder = (root: string) => resolve(root, "../shared/train/ud_english_ewt")

const option = (args: ReadonlyArray<string>, name: string): number | undefined => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 && at + 1 < args.length ? Number(args[at + 1]) : undefined
}

export const trainTagger = (root: string, log: Log, args: ReadonlyArray<string> = []): void => {
  const started = Date.now()
  const bank = readTreebank(treebankFolder(root))
  const settings = { ...DefaultTaggerSettings, epochs: option(args, "epochs") ?? DefaultTaggerSettings.epochs }
  log(`tagger: ${bank.train.length} training sentences, ${settings.epochs} epochs, seed ${settings.seed}`)
  const best = trainTaggerModel(bank.train, bank.dev, settings, log)
  const lemmas = Lemmatiser.fromTreebank(bank.train)
  const bytes = encodeTagger(best.tagger, lemmas, { ...settings, chosenEpoch: best.epoch }, {})
  // figures of the model as saved (pruned and quantised), not of the training copy
  const saved = decodeTagger(bytes, taggerModelPath)
  const lemmatiser = saved.lemmatiser
  const lemmaAccuracy = (sentences: typeof bank.dev) => {
    let right = 0
    let total = 0
    for (const s of sentences) {
      const tags = saved.tagger.predict(s.words)
      s.words.forEach((w, i) => {
        total++
        if (lemmatiser.lemma(w, tags[i]) === s.lemmas[i].toLowerCase()) right++
      })
    }
    return right / total
  }
  const figures = {
    "dev.upos": tagAccuracy(saved.tagger, bank.dev),
    "test.upos": tagAccuracy(saved.tagger, bank.test),
    "dev.lemma": lemmaAccuracy(bank.dev),
    "test.lemma": lemmaAccuracy(bank.test)
  }
  writeModel(taggerModelPath, encodeTagger(best.tagger, lemmas, { ...settings, chosenEpoch: best.epoch }, figures))
  log(`tagger: kept epoch ${best.epoch}; as saved: ${Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(", ")}`)
  log(`wrote ${taggerModelPath} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

export const trainParser = (root: string, log: Log, args: ReadonlyArray<string> = []): void => {
  const started = Date.now()
  const bank = readTreebank(treebankFolder(root))
  const { tagger } = decodeTagger(readFileSync(taggerModelPath), taggerModelPath)
  const settings = {
    ...DefaultParserSettings,
    epochs: option(args, "epochs") ?? DefaultParserSettings.epochs,
    jackknifeFolds: option(args, "folds") ?? DefaultParserSettings.jackknifeFolds
  }
  const taggerSettings = { ...DefaultTaggerSettings, epochs: settings.jackknifeEpochs }
  log(`parser: ${bank.train.length} training sentences, ${settings.epochs} epochs, seed ${settings.seed}, tags from ${settings.jackknifeFolds}-fold jackknifing`)
  const tags = jackknifeTags(bank.train, settings.jackknifeFolds, taggerSettings, log)
  /** The lowest pruning threshold whose file stays well under the 8 MB limit. */
  const pruneFor = (parser: Parser) =>
    PRUNE_STEPS.find((threshold) => encodeParser(parser, { ...settings, prune: threshold, chosenEpoch: 0, skippedNonProjective: 0 }, {}).byteLength <= MAX_BYTES) ??
      PRUNE_STEPS[PRUNE_STEPS.length - 1]
  // the best model so far is written as training goes (dev figures only), so a long run stopped early leaves one
  const skipped = bank.train.filter((s) => isNonProjective(s.heads)).length
  const best = trainParserModel(bank.train, tags, bank.dev, tagger, settings, log, (parser, epoch, dev) => {
    const prune = pruneFor(parser)
    writeModel(parserModelPath, encodeParser(parser, { ...settings, prune, chosenEpoch: epoch, skippedNonProjective: skipped }, { "dev.uas": dev.uas, "dev.las": dev.las }))
  })
  const prune = pruneFor(best.parser)
  // the harshest row pruning that costs no more than 0.001 of dev UAS or LAS
  const devOf = (rowPrune: number) =>
    attachmentScores(tagger, decodeParserBytes(encodeParser(best.parser, { ...settings, prune, rowPrune, chosenEpoch: best.epoch, skippedNonProjective: best.skipped }, {})), bank.dev)
  const unpruned = devOf(0)
  let rowPrune = 0
  for (const step of ROW_PRUNE_STEPS) {
    const scores = devOf(step)
    log(`  rows below ${step}: dev UAS ${scores.uas.toFixed(4)} LAS ${scores.las.toFixed(4)} (unpruned ${unpruned.uas.toFixed(4)} ${unpruned.las.toFixed(4)})`)
    if (scores.uas < unpruned.uas - 0.001 || scores.las < unpruned.las - 0.001) break
    rowPrune = step
  }
  const chosen = { ...settings, prune, rowPrune, chosenEpoch: best.epoch, skippedNonProjective: best.skipped }
  const saved = decodeParserBytes(encodeParser(best.parser, chosen, {}))
  const dev = attachmentScores(tagger, saved, bank.dev)
  const test = attachmentScores(tagger, saved, bank.test)
  const figures = {
    "dev.upos": dev.upos,
    "dev.uas": dev.uas,
    "dev.las": dev.las,
    "dev.las_universal": dev.lasUniversal,
    "test.upos": test.upos,
    "test.uas": test.uas,
    "test.las": test.las,
    "test.las_universal": test.lasUniversal
  }
  writeModel(parserModelPath, encodeParser(best.parser, chosen, figures))
  log(`parser: kept epoch ${best.epoch}; as saved: ${Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(", ")}`)
  log(`wrote ${parserModelPath} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

const decodeParserBytes = (bytes: Uint8Array) => decodeParser(bytes, parserModelPath).parser
