/**
 * `quotes`: exported quotes vs gold attributions (PolNeAR). A quote matches an attribution when the
 * overlap / union of their content spans is ≥ 0.3 (lenient) or ≥ 0.8 (strict), one to one, best first.
 * On matched pairs: speaker accuracy (the speaker spans overlap, or the resolved speaker's canonical
 * name contains the gold speaker's name) over pairs whose gold has a speaker, and cue accuracy (the
 * cue spans overlap) over pairs whose gold has a cue.
 *
 * PolNeAR annotates a quotation its attribution interrupts (`“…,” she said. “…”`) as one span, where
 * the quotes table has one row per piece (`part` 1, 2, …, one `statement_id`): the pieces of a
 * statement in a document are joined into one span before matching (`joinParts`).
 *
 * The speech-verb subset keeps gold attributions whose cue contains a speech verb
 * (lexicons/speech-verbs.json). Its precision does not count predictions that matched an attribution
 * outside the subset (a belief or "according to" found is not wrong, just not part of the subset).
 */
import { Schema } from "effect"
import { loadLexicon } from "../../lexicons/load.ts"
import type { QuoteRow } from "../../model/tables.ts"
import { overlapOverUnion, overlaps, pairOneToOne } from "../align.ts"
import type { DocumentRows } from "../exported.ts"
import type { GoldQuote, GoldRecord } from "../gold.ts"
import { prfFromCounts, ratio } from "../metrics.ts"
import type { PrfCounts } from "../metrics.ts"
import type { ScoreTable } from "../report.ts"

const speechVerbForms = (): ReadonlySet<string> => {
  const entries = loadLexicon("../eval/lexicons/speech-verbs.json", Schema.Record(Schema.String, Schema.Array(Schema.String)))
  return new Set(Object.values(entries).flat())
}

/** Whether an attribution's cue is a speech verb ("said", "has told", "said:"), by any of its words. */
export const isSpeechCue = (cue: string | null): boolean => {
  if (cue === null) return false
  const forms = speechVerbForms()
  return cue.toLowerCase().split(/[^\p{L}]+/u).some((word) => forms.has(word))
}

/** Lower case, no punctuation, no leading article: "The New York Post" → "new york post". */
const normalisedName = (name: string) =>
  name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().replace(/^(the|a|an) /, "")

/** The gold speaker's name read inside the predicted canonical name, as whole words. */
export const nameContains = (canonical: string | null, goldName: string): boolean => {
  if (canonical === null) return false
  const gold = normalisedName(goldName)
  if (gold === "") return false
  return ` ${normalisedName(canonical)} `.includes(` ${gold} `)
}

export const speakerIsRight = (gold: GoldQuote, predicted: QuoteRow): boolean => {
  if (gold.speaker === null) return false
  if (predicted.speaker_start !== null && predicted.speaker_end !== null &&
    overlaps(gold.speaker, { start: predicted.speaker_start, end: predicted.speaker_end })) return true
  return nameContains(predicted.speaker, gold.speaker.text)
}

export const cueIsRight = (gold: GoldQuote, predicted: QuoteRow): boolean =>
  gold.cue !== null && predicted.cue_start !== null && predicted.cue_end !== null &&
  overlaps(gold.cue, { start: predicted.cue_start, end: predicted.cue_end })

export interface QuoteScores {
  readonly match: PrfCounts
  readonly speakerAccuracy: number | null
  readonly speakerJudged: number
  readonly cueAccuracy: number | null
  readonly cueJudged: number
}

interface QuoteTally {
  predicted: number
  matchedPredicted: number
  gold: number
  matchedGold: number
  speakerRight: number
  speakerJudged: number
  cueRight: number
  cueJudged: number
}

const emptyTally = (): QuoteTally => ({
  predicted: 0, matchedPredicted: 0, gold: 0, matchedGold: 0, speakerRight: 0, speakerJudged: 0, cueRight: 0, cueJudged: 0
})

const scoresOf = (t: QuoteTally): QuoteScores => ({
  match: prfFromCounts(t),
  speakerAccuracy: ratio(t.speakerRight, t.speakerJudged),
  speakerJudged: t.speakerJudged,
  cueAccuracy: ratio(t.cueRight, t.cueJudged),
  cueJudged: t.cueJudged
})

export interface QuoteDocument {
  readonly gold: ReadonlyArray<GoldQuote>
  readonly predicted: ReadonlyArray<QuoteRow>
}

/** Scores all attributions and the speech-verb subset at one overlap/union threshold. */
export const scoreQuotes = (documents: ReadonlyArray<QuoteDocument>, threshold: number) => {
  const all = emptyTally()
  const speech = emptyTally()
  const errors: Array<string> = []
  for (const { gold, predicted } of documents) {
    const pairing = pairOneToOne(gold, predicted, overlapOverUnion, threshold)
    const isSpeech = (g: GoldQuote) => isSpeechCue(g.cue?.text ?? null)
    all.gold += gold.length
    all.predicted += predicted.length
    speech.gold += gold.filter(isSpeech).length
    // Predictions that matched a non-speech attribution are left out of the subset's precision.
    speech.predicted += predicted.length - pairing.pairs.filter((p) => !isSpeech(p.gold)).length
    for (const pair of pairing.pairs) {
      const tallies = isSpeech(pair.gold) ? [all, speech] : [all]
      const speakerJudged = pair.gold.speaker !== null
      const speakerRight = speakerIsRight(pair.gold, pair.predicted)
      const cueJudged = pair.gold.cue !== null
      const cueRight = cueIsRight(pair.gold, pair.predicted)
      for (const t of tallies) {
        t.matchedGold++
        t.matchedPredicted++
        if (speakerJudged) t.speakerJudged++
        if (speakerRight) t.speakerRight++
        if (cueJudged) t.cueJudged++
        if (cueRight) t.cueRight++
      }
      if (speakerJudged && !speakerRight) {
        errors.push(`speaker: "${pair.gold.speaker!.text}" expected, got ${JSON.stringify(pair.predicted.speaker_text)} (${pair.predicted.speaker ?? "unresolved"}) for "${pair.gold.text.slice(0, 60)}…"`)
      }
    }
  }
  return { all: scoresOf(all), speech: scoresOf(speech), errors }
}

/**
 * One row per quotation of a document: a row with `part` > 1 extends the latest row of its
 * `statement_id` whose last part is the one before (a statement_id may also join separate reports of
 * one statement, each starting at part 1). The joined row spans from its first part's start to its last
 * part's end and keeps the first part's speaker and cue.
 */
export const joinParts = (rows: ReadonlyArray<QuoteRow>): Array<QuoteRow> => {
  const joined: Array<{ row: QuoteRow; lastPart: number }> = []
  for (const row of rows) {
    const open = row.part > 1 ? joined.findLast((j) => j.row.statement_id === row.statement_id && j.lastPart === row.part - 1) : undefined
    if (open === undefined) {
      joined.push({ row, lastPart: row.part })
      continue
    }
    open.row = { ...open.row, start: Math.min(open.row.start, row.start), end: Math.max(open.row.end, row.end), text: `${open.row.text} … ${row.text}` }
    open.lastPart = row.part
  }
  return joined.map((j) => j.row)
}

export const quoteTask = (records: ReadonlyArray<GoldRecord>, rows: ReadonlyMap<string, DocumentRows>) => {
  const documents = records.map((record) => ({ gold: record.quotes ?? [], predicted: joinParts(rows.get(record.id)?.quotes ?? []) }))
  const lenient = scoreQuotes(documents, 0.3)
  const strict = scoreQuotes(documents, 0.8)
  const row = (label: string, s: QuoteScores) => ({
    label,
    cells: [s.match.precision, s.match.recall, s.match.f1, s.match.truePositives, s.match.predicted, s.match.gold, s.speakerAccuracy, s.cueAccuracy]
  })
  const table: ScoreTable = {
    title: "quotes",
    columns: ["P", "R", "F1", "matched", "predicted", "gold", "speaker acc", "cue acc"],
    rows: [
      row("speech verbs, overlap ≥ 0.3", lenient.speech),
      row("speech verbs, overlap ≥ 0.8", strict.speech),
      row("all attributions, overlap ≥ 0.3", lenient.all),
      row("all attributions, overlap ≥ 0.8", strict.all)
    ]
  }
  const figures = {
    "speech.lenient.f1": lenient.speech.match.f1,
    "speech.strict.f1": strict.speech.match.f1,
    "speech.speaker_accuracy": lenient.speech.speakerAccuracy,
    "speech.cue_accuracy": lenient.speech.cueAccuracy,
    "all.lenient.f1": lenient.all.match.f1,
    "all.strict.f1": strict.all.match.f1,
    "all.speaker_accuracy": lenient.all.speakerAccuracy,
    "all.cue_accuracy": lenient.all.cueAccuracy
  }
  const notes = [
    "The pieces of one interrupted quotation (parts 1, 2, … of a statement_id in a document) are joined into one span, as PolNeAR annotates it.",
    "Overlap = overlap / union of the content spans; pairs are one to one, best first. Speaker and cue accuracy are over matched pairs (overlap ≥ 0.3) whose gold has a speaker / a cue.",
    "Speech verbs: src/eval/lexicons/speech-verbs.json (say, tell, add, announce, …; not think, report, show or 'according to'). The subset's precision leaves out predictions matched to other attributions."
  ]
  return { tables: [table], figures, notes, failures: lenient.all.match.gold > 0 ? lenient.errors.slice(0, 40) : [] }
}
