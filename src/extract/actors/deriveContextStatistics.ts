/**
 * Derives `src/lexicons/actors-context-statistics.json` from the CoNLL-2003 training split: the
 * documents go through the same cleaning and tagging as the pipeline, and for every gold PER, ORG,
 * LOC or MISC name the context features of `context.ts` are counted per type. Only features seen at
 * least MIN_COUNT times are kept, and only counts are committed, never the corpus text.
 *
 *   node src/extract/actors/deriveContextStatistics.ts [../shared/eval/conll2003.train.jsonl]
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { sharedNlpEngine } from "../../nlp/Nlp.ts"
import { analyzeText } from "../index.ts"
import { CONTEXT_TYPES, contextFeatures } from "./context.ts"

interface GoldEntity { readonly start: number; readonly end: number; readonly type: string }
interface GoldDocument { readonly text: string; readonly entities: ReadonlyArray<GoldEntity> }

const MIN_COUNT = 5
const input = process.argv[2] ?? fileURLToPath(new URL("../../../../shared/eval/conll2003.train.jsonl", import.meta.url))
const output = fileURLToPath(new URL("../../lexicons/actors-context-statistics.json", import.meta.url))

const engine = sharedNlpEngine()
const prior = CONTEXT_TYPES.map(() => 0)
const counts = new Map<string, Array<number>>()
let skipped = 0
for (const line of readFileSync(input, "utf8").split("\n")) {
  if (line.trim() === "") continue
  const gold = JSON.parse(line) as GoldDocument
  const doc = analyzeText(engine, gold.text)
  // Tokens are in the cleaned text; CoNLL text is ASCII, so original UTF-16 offsets are the gold's code points.
  const origin = doc.tokens.map((t) => doc.clean.map.toOriginal(t.start, t.end))
  for (const entity of gold.entities) {
    const type = CONTEXT_TYPES.indexOf(entity.type as (typeof CONTEXT_TYPES)[number])
    if (type < 0) continue
    const first = origin.findIndex((t) => t.end > entity.start)
    let last = first
    while (last + 1 < origin.length && origin[last + 1].start < entity.end) last++
    if (first < 0 || origin[first].start > entity.start + 1) { skipped++; continue }
    prior[type]++
    for (const feature of contextFeatures(doc.tokens, first, last)) {
      const row = counts.get(feature) ?? CONTEXT_TYPES.map(() => 0)
      row[type]++
      counts.set(feature, row)
    }
  }
}

const kept = [...counts].filter(([, row]) => row.reduce((a, b) => a + b, 0) >= MIN_COUNT).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
const body = kept.map(([feature, row]) => `      ${JSON.stringify(feature)}: ${JSON.stringify(row)}`).join(",\n")
writeFileSync(
  output,
  `{\n  "source": "Derived by src/extract/actors/deriveContextStatistics.ts from CoNLL-2003 train (Reuters 1996): per context feature of a gold name (see context.ts), counts as [${CONTEXT_TYPES.join(", ")}]; features seen fewer than ${MIN_COUNT} times dropped.",\n  "entries": {\n    "prior": ${JSON.stringify(prior)},\n    "features": {\n${body}\n    }\n  }\n}\n`
)
console.log(`${kept.length} features from ${prior.reduce((a, b) => a + b, 0)} names (${skipped} names not aligned to tokens) → ${output}`)
