/**
 * `npm run train -- quotes`: trains the quote filter (filter.ts) on PolNeAR train and writes
 * `models/quotes-filter.json`.
 *
 * 1. The extractor runs on every train article with the filter off; each candidate (an indirect or
 *    mixed quote with a cue) gives its features and a label: whether its row (its parts joined, as the
 *    eval does) is paired with a gold attribution at overlap/union ≥ 0.3, one to one.
 * 2. Five-fold cross-validation by article (article i in fold i mod 5) gives every candidate a
 *    probability from a model that never saw its article; the threshold is the one whose kept rows
 *    score the best speech-verb F1 on train (the eval's measure, `scoreQuotes`). Dev is never read.
 * 3. The model trained on all of train, with that threshold, is written with its source, licence,
 *    settings and figures. Training is deterministic: full-batch gradient descent from zero weights,
 *    features in sorted order, weights rounded: a rerun writes the same bytes.
 */
import { writeFileSync } from "node:fs"
import type { NlpEngine } from "../../nlp/Nlp.ts"
import { analyzeText, extractContext } from "../index.ts"
import { extractActors } from "../actors/index.ts"
import { mapExtractionToOriginal } from "../offsets.ts"
import { extractQuotes } from "./index.ts"
import { probability, type QuoteFilterModel } from "./filter.ts"
import { readGoldCorpus, type GoldQuote } from "../../eval/gold.ts"
import { overlapOverUnion, pairOneToOne } from "../../eval/align.ts"
import { joinParts, scoreQuotes } from "../../eval/tasks/quotes.ts"
import type { QuoteRow } from "../../model/tables.ts"

export interface FilterSettings {
  readonly epochs: number
  readonly learningRate: number
  readonly l2: number
  /** Features seen in fewer candidates than this are left out. */
  readonly minCount: number
  readonly folds: number
}
export const FilterSettings: FilterSettings = { epochs: 400, learningRate: 0.5, l2: 0.0005, minCount: 3, folds: 5 }

/** One train article: its gold attributions, its rows (filter off) and its candidates by quotation. */
export interface FilterDocument {
  readonly gold: ReadonlyArray<GoldQuote>
  readonly rows: ReadonlyArray<QuoteRow>
  readonly candidates: ReadonlyArray<{ readonly quotation: number; readonly features: ReadonlyArray<string>; readonly label: 0 | 1 }>
}

/**
 * The rows the eval reads, from the extractor's quotes: only the columns scoring uses (span, part,
 * statement, speaker, cue), with the quotation number as statement id.
 */
const rowsOf = (quotes: ReadonlyArray<{ start: number; end: number; text: string; quotation: number; part: number; speakerStart: number | null; speakerEnd: number | null; speakerText: string | null; speakerKey: string | null; cueStart: number | null; cueEnd: number | null }>, names: ReadonlyMap<string, string>): Array<QuoteRow> =>
  quotes.map((q) => ({
    start: q.start, end: q.end, text: q.text, statement_id: String(q.quotation), part: q.part,
    speaker: q.speakerKey === null ? null : names.get(q.speakerKey) ?? null, speaker_text: q.speakerText,
    speaker_start: q.speakerStart, speaker_end: q.speakerEnd, cue_start: q.cueStart, cue_end: q.cueEnd
  }) as unknown as QuoteRow)

/** Runs the extractor (filter off) on the train articles and labels their candidates. */
export const prepareFilterData = (engine: NlpEngine, path: string, log: (line: string) => void, limit = Infinity): Array<FilterDocument> => {
  const records = readGoldCorpus(path).records.slice(0, limit)
  const documents: Array<FilterDocument> = []
  records.forEach((record, n) => {
    if (n % 100 === 0) log(`quotes filter: extracting ${n + 1}/${records.length}…`)
    const analyzed = analyzeText(engine, record.text, { title: record.title ?? null, date: record.date ?? null }, "json")
    const context = extractContext(engine, analyzed)
    const actors = extractActors(context)
    const found: Array<{ quotation: number; features: ReadonlyArray<string> }> = []
    const { quotes } = extractQuotes(context, actors, { filter: null, onCandidate: (c) => found.push(c) })
    const mapped = mapExtractionToOriginal(analyzed.clean, { actors: [], actorMentions: [], quotes, events: [], times: [], diagnostics: [], nSentences: 0, lead: "" })
    const rows = rowsOf(mapped.quotes, new Map(actors.actors.map((a) => [a.key, a.name])))
    const gold = record.quotes ?? []
    const joined = joinParts(rows)
    const matched = new Set(pairOneToOne(gold, joined, overlapOverUnion, 0.3).pairs.map((p) => Number(p.predicted.statement_id)))
    documents.push({ gold, rows, candidates: found.map((c) => ({ ...c, label: matched.has(c.quotation) ? 1 : 0 })) })
  })
  return documents
}

/** Logistic regression by full-batch gradient descent with L2, from zero weights (deterministic). */
export const trainLogistic = (
  examples: ReadonlyArray<{ readonly features: ReadonlyArray<string>; readonly label: 0 | 1 }>,
  settings: Pick<FilterSettings, "epochs" | "learningRate" | "l2" | "minCount">
): { bias: number; weights: Record<string, number> } => {
  const counts = new Map<string, number>()
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1)
  const vocabulary = [...counts].filter(([, n]) => n >= settings.minCount).map(([f]) => f).sort()
  const index = new Map(vocabulary.map((f, i) => [f, i]))
  const rows = examples.map((e) => [...new Set(e.features)].flatMap((f) => (index.has(f) ? [index.get(f)!] : [])).sort((a, b) => a - b))
  const w = new Float64Array(vocabulary.length)
  let bias = 0
  const n = examples.length
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const gradient = new Float64Array(vocabulary.length)
    let gradientBias = 0
    rows.forEach((row, i) => {
      let z = bias
      for (const j of row) z += w[j]
      const error = 1 / (1 + Math.exp(-z)) - examples[i].label
      gradientBias += error
      for (const j of row) gradient[j] += error
    })
    bias -= settings.learningRate * gradientBias / n
    for (let j = 0; j < w.length; j++) w[j] -= settings.learningRate * (gradient[j] / n + settings.l2 * w[j])
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6
  const weights: Record<string, number> = {}
  vocabulary.forEach((f, j) => {
    if (round(w[j]) !== 0) weights[f] = round(w[j])
  })
  return { bias: round(bias), weights }
}

/** The speech-verb scores of train's rows when candidates below `threshold` are dropped. */
const scoreAt = (documents: ReadonlyArray<FilterDocument>, probabilities: ReadonlyArray<ReadonlyMap<number, number>>, threshold: number) =>
  scoreQuotes(documents.map((d, k) => {
    const dropped = new Set([...probabilities[k]].filter(([, p]) => p < threshold).map(([q]) => q))
    return { gold: d.gold, predicted: joinParts(d.rows.filter((r) => !dropped.has(Number(r.statement_id)))) }
  }), 0.3).speech

const thresholds = Array.from({ length: 25 }, (_, k) => Math.round((0.2 + 0.025 * k) * 1000) / 1000)

export const trainQuoteFilter = (
  engine: NlpEngine,
  options: { readonly train: string; readonly out: string; readonly settings: FilterSettings; readonly limit?: number },
  log: (line: string) => void
): QuoteFilterModel => {
  const { settings } = options
  const documents = prepareFilterData(engine, options.train, log, options.limit)
  const all = documents.flatMap((d) => d.candidates)
  log(`quotes filter: ${documents.length} articles, ${all.length} candidates, ${all.filter((c) => c.label === 1).length} matched`)
  // Out-of-fold probabilities: article k is scored by the model of the folds without it.
  const probabilities = documents.map(() => new Map<number, number>())
  for (let fold = 0; fold < settings.folds; fold++) {
    const model = trainLogistic(documents.flatMap((d, k) => (k % settings.folds === fold ? [] : d.candidates)), settings)
    documents.forEach((d, k) => {
      if (k % settings.folds === fold) for (const c of d.candidates) probabilities[k].set(c.quotation, probability(model, c.features))
    })
    log(`quotes filter: fold ${fold + 1}/${settings.folds} done`)
  }
  const r3 = (x: number | null) => (x === null ? "n/a" : Math.round(x * 1000) / 1000)
  const unfiltered = scoreAt(documents, documents.map(() => new Map()), 0)
  let best = { threshold: 0, f1: -1, precision: 0, recall: 0, speaker: 0 as number | null }
  for (const threshold of thresholds) {
    const s = scoreAt(documents, probabilities, threshold)
    const f1 = s.match.f1 ?? 0
    log(`  threshold ${threshold.toFixed(3)}: P ${r3(s.match.precision)} R ${r3(s.match.recall)} F1 ${r3(f1)} speaker ${r3(s.speakerAccuracy)}`)
    if (f1 > best.f1) best = { threshold, f1, precision: s.match.precision ?? 0, recall: s.match.recall ?? 0, speaker: s.speakerAccuracy }
  }
  const final = trainLogistic(all, settings)
  const model: QuoteFilterModel = {
    header: {
      model: "newsfacts quote filter: logistic regression over candidate indirect and mixed quotes (src/extract/quotes/filter.ts)",
      source: `PolNeAR train (../shared/eval/polnear.train.jsonl, ${documents.length} articles; Newell, Margolin & Ruths 2018): candidates of the extractor with the filter off, labelled by a one-to-one match (overlap/union >= 0.3) with a gold attribution`,
      licence: "research use only, like PolNeAR (the weights are derived from it)",
      settings: { ...settings, features: "filterFeatures in src/extract/quotes/filter.ts" },
      figures: {
        candidates: all.length,
        matched: all.filter((c) => c.label === 1).length,
        "cv.threshold": best.threshold,
        "cv.unfiltered.speech.f1": r3(unfiltered.match.f1),
        "cv.unfiltered.speech.precision": r3(unfiltered.match.precision),
        "cv.unfiltered.speech.recall": r3(unfiltered.match.recall),
        "cv.unfiltered.speech.speaker_accuracy": r3(unfiltered.speakerAccuracy),
        "cv.filtered.speech.f1": r3(best.f1),
        "cv.filtered.speech.precision": r3(best.precision),
        "cv.filtered.speech.recall": r3(best.recall),
        "cv.filtered.speech.speaker_accuracy": r3(best.speaker)
      }
    },
    threshold: best.threshold,
    bias: final.bias,
    weights: final.weights
  }
  log(`quotes filter: train ${settings.folds}-fold: unfiltered F1 ${r3(unfiltered.match.f1)} (P ${r3(unfiltered.match.precision)}, R ${r3(unfiltered.match.recall)}), threshold ${best.threshold}: F1 ${r3(best.f1)} (P ${r3(best.precision)}, R ${r3(best.recall)}), speaker ${r3(best.speaker)}`)
  writeFileSync(options.out, JSON.stringify(model, null, 1) + "\n")
  log(`quotes filter: wrote ${options.out} (${Object.keys(final.weights).length} weights)`)
  return model
}
