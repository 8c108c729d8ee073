/**
 * Derives `src/lexicons/actors-word-statistics.json` from the CoNLL-2003 training split: for every
 * word (lower-cased) that is part of a name at least once or is seen capitalised outside a name at
 * least twice, how often it was part of a PER, ORG, LOC or MISC name, capitalised outside a name,
 * and lower-case outside a name; then how often it was a PER, ORG, LOC or MISC name on its own. The
 * last four tell a word's own type from the names it is part of: "United" alone is a club (ORG),
 * though most of its uses are in "United States" (LOC). Only these counts are committed, never the
 * corpus text.
 *
 *   node src/extract/actors/deriveWordStatistics.ts [../shared/eval/conll2003.train.jsonl]
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

interface GoldEntity { readonly start: number; readonly end: number; readonly type: string }
interface GoldDocument { readonly text: string; readonly entities: ReadonlyArray<GoldEntity> }

const input = process.argv[2] ?? fileURLToPath(new URL("../../../../shared/eval/conll2003.train.jsonl", import.meta.url))
const output = fileURLToPath(new URL("../../lexicons/actors-word-statistics.json", import.meta.url))
const types = ["PER", "ORG", "LOC", "MISC"] as const
const columns = [...types, "capitalisedOther", "lowercaseOther", "alonePER", "aloneORG", "aloneLOC", "aloneMISC"] as const

const counts = new Map<string, Array<number>>()
const count = (word: string, column: number) => {
  const row = counts.get(word) ?? columns.map(() => 0)
  row[column]++
  counts.set(word, row)
}

for (const line of readFileSync(input, "utf8").split("\n")) {
  if (line.trim() === "") continue
  const doc = JSON.parse(line) as GoldDocument
  // CoNLL text is tokens joined by spaces, all ASCII, so UTF-16 and code point offsets agree.
  const typeAt = new Map<number, string>()
  for (const entity of doc.entities) {
    const words = [...doc.text.slice(entity.start, entity.end).matchAll(/\S+/g)]
    for (const word of words) typeAt.set(entity.start + word.index, entity.type)
    if (words.length === 1) count(words[0][0].toLowerCase(), 6 + types.indexOf(entity.type as (typeof types)[number]))
  }
  for (const word of doc.text.matchAll(/\S+/g)) {
    const type = typeAt.get(word.index)
    const column = type !== undefined ? types.indexOf(type as (typeof types)[number]) : /^\p{Lu}/u.test(word[0]) ? 4 : 5
    count(word[0].toLowerCase(), column)
  }
}

const kept = [...counts].filter(([, row]) => row[0] + row[1] + row[2] + row[3] >= 1 || row[4] >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
const body = kept.map(([word, row]) => `    ${JSON.stringify(word)}: ${JSON.stringify(row)}`).join(",\n")
writeFileSync(
  output,
  `{\n  "source": "Derived by src/extract/actors/deriveWordStatistics.ts from CoNLL-2003 train (Reuters 1996): per lower-cased word, counts [${columns.join(", ")}]: as part of a name of each type, capitalised and lower-case outside names, then as a name of each type on its own.",\n  "entries": {\n${body}\n  }\n}\n`
)
console.log(`${kept.length} words → ${output}`)
