/**
 * A lab for the quotes extractor: prints its errors on PolNeAR *train* articles (never dev), to read
 * them and find rules worth writing. Nothing is written.
 *
 *   node pipeline/quotesLab.ts [--from N] [--limit N] [--kind missed|extra|speaker|all] [--file FILE]
 *
 * For each article: gold speech-verb attributions no row matched (`MISSED`), rows that matched no
 * attribution (`EXTRA`, with their rule) and matched pairs whose speaker is wrong (`SPEAKER`), each
 * with its sentence. The quote filter applies as in the pipeline (NEWSFACTS_QUOTE_FILTER=none: off).
 */
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { analyzeText, extractContext } from "../src/extract/index.ts"
import { extractActors } from "../src/extract/actors/index.ts"
import { extractQuotes } from "../src/extract/quotes/index.ts"
import { mapExtractionToOriginal } from "../src/extract/offsets.ts"
import { readGoldCorpus } from "../src/eval/gold.ts"
import { overlapOverUnion, pairOneToOne } from "../src/eval/align.ts"
import { isSpeechCue, joinParts, speakerIsRight } from "../src/eval/tasks/quotes.ts"
import type { QuoteRow } from "../src/model/tables.ts"

const repoRoot = fileURLToPath(new URL("..", import.meta.url))
const args = process.argv.slice(2)
const option = (name: string) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}
const file = option("file") ?? join(repoRoot, "..", "shared", "eval", "polnear.train.jsonl")
const from = Number(option("from") ?? 0)
const limit = Number(option("limit") ?? 50)
const kind = option("kind") ?? "all"

const engine = sharedNlpEngine()
const records = readGoldCorpus(file).records.slice(from, from + limit)
const one = (s: string) => s.replace(/\s+/g, " ")
const around = (text: string, start: number, end: number) => one(text.slice(Math.max(0, start - 80), Math.min(text.length, end + 80)))
const counts = { missed: 0, extra: 0, speaker: 0, matched: 0 }
records.forEach((record, n) => {
  const analyzed = analyzeText(engine, record.text, { title: record.title ?? null, date: record.date ?? null }, "json")
  const context = extractContext(engine, analyzed)
  const actors = extractActors(context)
  const { quotes } = extractQuotes(context, actors)
  const mapped = mapExtractionToOriginal(analyzed.clean, { actors: [], actorMentions: [], quotes, events: [], times: [], diagnostics: [], nSentences: 0, lead: "" })
  const names = new Map(actors.actors.map((a) => [a.key, a.name]))
  const rows = joinParts(mapped.quotes.map((q) => ({
    start: q.start, end: q.end, text: q.text, statement_id: String(q.quotation), part: q.part, rule: q.rule,
    speaker: q.speakerKey === null ? null : names.get(q.speakerKey) ?? null, speaker_text: q.speakerText,
    speaker_start: q.speakerStart, speaker_end: q.speakerEnd, cue_start: q.cueStart, cue_end: q.cueEnd
  }) as unknown as QuoteRow))
  const gold = record.quotes ?? []
  const pairing = pairOneToOne(gold, rows, overlapOverUnion, 0.3)
  const pairedGold = new Set(pairing.pairs.map((p) => p.gold))
  const pairedRows = new Set(pairing.pairs.map((p) => p.predicted))
  const text = record.text
  const lines: Array<string> = []
  for (const g of gold) {
    if (pairedGold.has(g) || !isSpeechCue(g.cue?.text ?? null)) continue
    counts.missed++
    if (kind === "all" || kind === "missed") lines.push(`MISSED [${g.speaker?.text ?? "-"} | ${g.cue?.text ?? "-"}] «${one(g.text)}»\n    ${around(text, g.start, g.end)}`)
  }
  for (const r of rows) {
    if (pairedRows.has(r)) continue
    // A row matched to a non-speech attribution is not an error of the speech subset; unmatched ones are.
    counts.extra++
    if (kind === "all" || kind === "extra") lines.push(`EXTRA [${r.speaker_text ?? "-"}] ${r.rule}\n    «${one(r.text)}»\n    ${around(text, r.start, r.end)}`)
  }
  for (const p of pairing.pairs) {
    if (!isSpeechCue(p.gold.cue?.text ?? null)) continue
    counts.matched++
    if (p.gold.speaker === null || speakerIsRight(p.gold, p.predicted)) continue
    counts.speaker++
    if (kind === "all" || kind === "speaker") lines.push(`SPEAKER gold "${p.gold.speaker.text}" got "${p.predicted.speaker_text}" (${p.predicted.speaker ?? "unresolved"}) ${p.predicted.rule}\n    ${around(text, Math.min(p.gold.start, p.gold.speaker.start), Math.max(p.gold.end, p.gold.speaker.end))}`)
  }
  if (lines.length > 0) process.stdout.write(`\n## ${from + n} ${record.id}\n${lines.join("\n")}\n`)
})
process.stdout.write(`\n${records.length} articles: ${counts.matched} speech-verb pairs, ${counts.speaker} wrong speakers, ${counts.missed} speech-verb attributions missed, ${counts.extra} rows unmatched\n`)
