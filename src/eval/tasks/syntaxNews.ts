/**
 * The hand-checked news sample of the syntax task: sentences of ../shared/corpus, tokenised by the
 * pipeline itself (clean → segment → UD tokens), with their trees checked by hand. The sample file
 * (src/eval/syntax-news-sample.json) holds only record ids, sentence numbers, a hash of the words and the
 * gold analysis: the text stays in ../shared/corpus. A sentence whose words no longer hash the same
 * (the tokenisation changed) is left out and counted.
 *
 *   node src/eval/tasks/syntaxNews.ts draft   writes a draft sample from the parser's own output, to check by hand
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { analyzeText } from "../../extract/index.ts"
import { sharedNlpEngine } from "../../nlp/Nlp.ts"
import type { TreebankSentence } from "../../nlp/syntax/conllu.ts"
import { hashString } from "../../nlp/syntax/hash.ts"
import { udTokensOf } from "../../segment/udTokens.ts"

interface SampleSentence {
  readonly file: string
  readonly record: string
  readonly sentence: number
  readonly wordsHash: number
  /** Per UD token: UPOS, lemma, head (0-based in the sentence, -1 root), relation. */
  readonly gold: ReadonlyArray<readonly [string, string, number, string]>
}

interface SampleFile {
  readonly about: string
  readonly sentences: ReadonlyArray<SampleSentence>
}

const corpusFolder = fileURLToPath(new URL("../../../../shared/corpus/", import.meta.url))

const recordsOf = new Map<string, Map<string, { text: string; title: string | null; date: string | null }>>()
const record = (file: string, id: string) => {
  let records = recordsOf.get(file)
  if (!records) {
    records = new Map()
    for (const line of readFileSync(`${corpusFolder}${file}`, "utf8").split("\n")) {
      if (line.trim() === "") continue
      const r = JSON.parse(line) as { id: string; text: string; title?: string | null; date?: string | null }
      records.set(r.id, { text: r.text, title: r.title ?? null, date: r.date ?? null })
    }
    recordsOf.set(file, records)
  }
  const found = records.get(id)
  if (!found) throw new Error(`${file}: no record ${id}`)
  return found
}

/** The UD words of sentence `sentence` of a corpus record, as the pipeline tokenises it. */
export const pipelineWords = (file: string, id: string, sentence: number): Array<string> => {
  const doc = analyzeText(sharedNlpEngine(), record(file, id).text)
  const s = doc.sentences[sentence]
  return udTokensOf(doc.tokens, s.firstToken, s.endToken).map((u) => u.text)
}

export const readNewsSampleFile = (path: string): Array<TreebankSentence> => {
  const sample = JSON.parse(readFileSync(path, "utf8")) as SampleFile
  const out: Array<TreebankSentence> = []
  for (const s of sample.sentences) {
    const words = pipelineWords(s.file, s.record, s.sentence)
    if (hashString(words.join(" ")) !== s.wordsHash || words.length !== s.gold.length) continue
    out.push({
      id: `${s.record}#${s.sentence}`,
      words,
      upos: s.gold.map((g) => g[0]),
      lemmas: s.gold.map((g) => g[1]),
      heads: s.gold.map((g) => g[2]),
      deprels: s.gold.map((g) => g[3])
    })
  }
  return out
}

/** Draft: one sentence of 8–30 UD words from each of 10 records spread over each corpus file. */
const draft = (path: string) => {
  const engine = sharedNlpEngine()
  const syntax = engine.syntax()
  const sentences: Array<SampleSentence> = []
  for (const file of ["bbc_news.jsonl", "wikinews_plain.jsonl"]) {
    const lines = readFileSync(`${corpusFolder}${file}`, "utf8").split("\n").filter((l) => l.trim() !== "")
    for (let k = 0; k < 10; k++) {
      const r = JSON.parse(lines[Math.floor((k * lines.length) / 10) + 3]) as { id: string; text: string }
      const doc = analyzeText(engine, r.text)
      const index = doc.sentences.findIndex((s, i) => {
        const n = udTokensOf(doc.tokens, s.firstToken, s.endToken).length
        return i >= 1 && n >= 8 && n <= 30
      })
      if (index < 0) continue
      const s = doc.sentences[index]
      const words = udTokensOf(doc.tokens, s.firstToken, s.endToken).map((u) => u.text)
      const analysis = syntax.analyse(words)
      sentences.push({
        file,
        record: r.id,
        sentence: index,
        wordsHash: hashString(words.join(" ")),
        gold: analysis.map((a) => [a.upos, a.lemma, a.head, a.deprel] as const)
      })
      process.stdout.write(`\n# ${r.id} sentence ${index}\n`)
      analysis.forEach((a, i) => process.stdout.write(`${i}\t${words[i]}\t${a.upos}\t${a.lemma}\t${a.head}\t${a.head >= 0 ? words[a.head] : "ROOT"}\t${a.deprel}\n`))
    }
  }
  writeFileSync(path, JSON.stringify({ about: "draft: parser output, to be checked by hand", sentences }, null, 1) + "\n")
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "draft") {
  draft(fileURLToPath(new URL("../syntax-news-sample.json", import.meta.url)))
}
