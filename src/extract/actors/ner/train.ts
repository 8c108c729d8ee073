/**
 * `npm run train -- ner`: trains the name tagger on CoNLL-2003 train and writes `models/ner.bin.gz`.
 * `npm run train -- ner --folds K` instead cross-validates on train (train on K-1 folds, score and list
 * the errors of the held-out fold), which is how features and epochs are chosen: never on dev.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import type { NlpEngine } from "../../../nlp/Nlp.ts"
import { actorLexicon } from "../lexicon.ts"
import { labelDocument, readAnnotatedRecords } from "./data.ts"
import type { LabelledDocument } from "./data.ts"
import { documentFeatures } from "./features.ts"
import { recognizeSentence } from "../recognize.ts"
import { EntityTypes, decode, serialize, spansOf, train } from "./perceptron.ts"
import type { Sequence, TrainSettings, Weights } from "./perceptron.ts"

export const DefaultSettings: TrainSettings = { epochs: 10, seed: 20260601, minCount: 1 }
/** Quantised weights below this many steps (of 2000 for the largest) are pruned from the file. */
export const PRUNE_STEPS = 2

interface Prepared {
  readonly document: LabelledDocument
  readonly features: ReadonlyArray<ReadonlyArray<string>>
}

/**
 * Cleans, tags and labels every record, then computes its features. `cache` (a file outside the
 * repository) keeps the labelled documents between runs while features are being chosen.
 */
export const prepare = (engine: NlpEngine, path: string, log: (line: string) => void, cache?: string): Array<Prepared> => {
  const lexicon = actorLexicon()
  const records = readAnnotatedRecords(path)
  let documents: Array<LabelledDocument>
  if (cache !== undefined && existsSync(cache)) documents = JSON.parse(readFileSync(cache, "utf8")) as Array<LabelledDocument>
  else {
    documents = records.flatMap((record) => labelDocument(engine, record) ?? [])
    if (cache !== undefined) writeFileSync(cache, JSON.stringify(documents.map(({ record, doc, text, labels, originalSpans }) => ({ record, doc: { sentences: doc.sentences, tokens: doc.tokens }, text, labels, originalSpans }))))
  }
  const prepared = documents.map((document) => {
    const { tokens, sentences } = document.doc
    const ruleSpans = sentences.flatMap((sentence) => recognizeSentence(lexicon, document.text, tokens, sentence))
    return { document, features: documentFeatures({ lexicon, listedTags: engine.listedTags }, tokens, sentences, ruleSpans) }
  })
  log(`${path}: ${prepared.length} of ${records.length} documents, ${prepared.reduce((n, p) => n + p.document.doc.tokens.length, 0)} tokens`)
  return prepared
}

const sequencesOf = (prepared: ReadonlyArray<Prepared>): Array<Sequence> =>
  prepared.flatMap(({ document, features }) =>
    document.doc.sentences.map((sentence) => ({
      features: features.slice(sentence.firstToken, sentence.endToken),
      labels: document.labels.slice(sentence.firstToken, sentence.endToken)
    })))

export interface Scores {
  readonly byType: Record<string, { tp: number; predicted: number; gold: number }>
  readonly errors: Array<string>
}

const f1 = (c: { tp: number; predicted: number; gold: number }) => (c.predicted + c.gold === 0 ? 1 : (2 * c.tp) / (c.predicted + c.gold))

/** Exact span and type against the gold names of each document (offsets into the record's text). */
export const score = (weights: Weights, prepared: ReadonlyArray<Prepared>): Scores => {
  const byType: Scores["byType"] = Object.fromEntries(["ALL", ...EntityTypes].map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]))
  const errors: Array<string> = []
  for (const { document, features } of prepared) {
    const { record, doc, originalSpans } = document
    const predicted: Array<{ start: number; end: number; type: string }> = []
    for (const sentence of doc.sentences) {
      const labels = decode(weights, features.slice(sentence.firstToken, sentence.endToken))
      for (const span of spansOf(labels)) {
        predicted.push({ start: originalSpans[sentence.firstToken + span.first].start, end: originalSpans[sentence.firstToken + span.last].end, type: span.type })
      }
    }
    const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`
    const goldKeys = new Set(record.entities.map(key))
    const predictedKeys = new Set(predicted.map(key))
    for (const type of ["ALL", ...EntityTypes]) {
      const of = (e: { type: string }) => type === "ALL" || e.type === type
      byType[type].gold += record.entities.filter(of).length
      byType[type].predicted += predicted.filter(of).length
      byType[type].tp += predicted.filter((e) => of(e) && goldKeys.has(key(e))).length
    }
    const context = (e: { start: number; end: number }) => record.text.slice(Math.max(0, e.start - 40), e.end + 40).replace(/\n/g, " ⏎ ")
    for (const e of predicted) {
      if (goldKeys.has(key(e))) continue
      const gold = record.entities.find((g) => g.start < e.end && e.start < g.end)
      errors.push(`${record.id}\t${gold === undefined ? "spurious" : gold.start === e.start && gold.end === e.end ? `type ${gold.type}→${e.type}` : `boundary ${gold.type}:${record.text.slice(gold.start, gold.end)}`}\t${e.type}:${record.text.slice(e.start, e.end)}\t${context(e)}`)
    }
    for (const g of record.entities) {
      if (predictedKeys.has(key(g)) || predicted.some((e) => e.start < g.end && g.start < e.end)) continue
      errors.push(`${record.id}\tmissed\t${g.type}:${record.text.slice(g.start, g.end)}\t${context(g)}`)
    }
  }
  return { byType, errors }
}

export const describeScores = (scores: Scores): string =>
  Object.entries(scores.byType).map(([type, c]) => `${type} F1 ${f1(c).toFixed(3)} (P ${(c.tp / Math.max(1, c.predicted)).toFixed(3)} R ${(c.tp / Math.max(1, c.gold)).toFixed(3)})`).join(", ")

/** Cross-validation on train; `only` scores the first N folds alone (quicker, while choosing features). */
export const crossValidate = (prepared: ReadonlyArray<Prepared>, folds: number, settings: TrainSettings, errorsPath: string, log: (line: string) => void, only = folds) => {
  const total: Scores = { byType: Object.fromEntries(["ALL", ...EntityTypes].map((t) => [t, { tp: 0, predicted: 0, gold: 0 }])), errors: [] }
  for (let fold = 0; fold < Math.min(folds, only); fold++) {
    const held = prepared.filter((_, i) => i % folds === fold)
    const rest = prepared.filter((_, i) => i % folds !== fold)
    const weights = train(sequencesOf(rest), settings, log)
    const scores = score(weights, held)
    log(`fold ${fold + 1}/${folds}: ${describeScores(scores)}`)
    for (const type in total.byType) for (const k of ["tp", "predicted", "gold"] as const) total.byType[type][k] += scores.byType[type][k]
    total.errors.push(...scores.errors)
  }
  writeFileSync(errorsPath, total.errors.join("\n") + "\n")
  log(`cross-validation (${folds} folds): ${describeScores(total)}; errors in ${errorsPath}`)
  return total
}

export interface TrainOptions {
  readonly train: string
  readonly out: string
  readonly settings: TrainSettings
  /** Scored after training and written into the header (never used to choose anything). */
  readonly dev?: string
  /** Leave out the records of one fold (index mod `folds` = `fold`), to score the pipeline on them. */
  readonly holdOut?: { readonly fold: number; readonly folds: number }
  readonly cache?: string
}

export const trainNameModel = (engine: NlpEngine, options: TrainOptions, log: (line: string) => void) => {
  const { holdOut } = options
  const prepared = prepare(engine, options.train, log, options.cache).filter((_, i) => holdOut === undefined || i % holdOut.folds !== holdOut.fold)
  const weights = train(sequencesOf(prepared), options.settings, log)
  const figures: Record<string, unknown> = {}
  if (options.dev !== undefined) {
    const dev = score(weights, prepare(engine, options.dev, log))
    log(`dev (tagger alone, exact span and type): ${describeScores(dev)}`)
    figures.conll2003DevTaggerAlone = Object.fromEntries(Object.entries(dev.byType).map(([type, c]) => [type, Number(f1(c).toFixed(4))]))
  }
  const bytes = serialize(weights, {
    name: "newsfacts name tagger (structured averaged perceptron, BIO over PER, ORG, LOC, MISC)",
    source: "CoNLL-2003 English train (Reuters RCV1 news, 1996), ../shared/eval/conll2003.train.jsonl, tokenised by this pipeline's clean and segment stages",
    licence: "Weights derived from Reuters RCV1 through CoNLL-2003: research use only (the Reuters Corpus licence); not for commercial redistribution.",
    settings: { ...options.settings, pruneSteps: PRUNE_STEPS },
    figures
  }, PRUNE_STEPS)
  writeFileSync(options.out, bytes)
  log(`wrote ${options.out} (${(bytes.length / 1e6).toFixed(2)} MB)`)
}
