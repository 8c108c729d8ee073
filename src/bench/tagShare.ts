/**
 * A child process of `npm run bench`: compromise's tagging alone on one share of a JSON Lines corpus
 * (records k, k + n, k + 2n, …). It loads and warms up the engine, says "ready", waits for "go" on
 * stdin so that all shares start together, and prints the seconds its tagging took.
 *
 *   node src/bench/tagShare.ts CORPUS.jsonl K N
 */
import { createInterface } from "node:readline"
import { sharedNlpEngine } from "../nlp/Nlp.ts"
import { readCorpus } from "./corpus.ts"
import { compromiseSeconds } from "./measure.ts"

const [file, k, n] = process.argv.slice(2)
const share = readCorpus([file]).filter((_, i) => i % Number(n) === Number(k))
const engine = sharedNlpEngine()
engine.tagSentences("Warm-up: the engine loads its lexicon on first use.")
process.stdout.write("ready\n")
const lines = createInterface({ input: process.stdin })
lines.once("line", () => {
  lines.close()
  process.stdout.write(`${compromiseSeconds(engine, share)}\n`)
})
