/**
 * `npm run train -- <model>`: trains one of the repository's models from its training data and writes
 * it into the repository. Every trainer is seeded: a rerun writes the same bytes.
 *
 *   npm run train -- tagger     UPOS tagger + lemmatiser on UD English EWT → models/tagger.bin.gz
 *   npm run train -- parser     dependency parser on UD English EWT → models/parser.bin.gz (needs the tagger)
 */
import { fileURLToPath } from "node:url"
import { trainParser, trainTagger } from "../src/nlp/syntax/train.ts"

const repoRoot = fileURLToPath(new URL("../", import.meta.url))
const log = (line: string) => process.stderr.write(`${line}\n`)

/** The trainers by name: each takes the repository root and a log, and writes its model. */
const trainers: Record<string, { readonly description: string; readonly run: (root: string, log: (line: string) => void, args: ReadonlyArray<string>) => void }> = {
  tagger: { description: "UPOS tagger and lemmatiser (UD English EWT)", run: trainTagger },
  parser: { description: "dependency parser (UD English EWT; uses models/tagger.bin.gz)", run: trainParser }
}

const name = process.argv[2]
const trainer = name === undefined ? undefined : trainers[name]
if (trainer === undefined) {
  process.stderr.write(
    `usage: npm run train -- <model>\n${Object.entries(trainers).map(([n, t]) => `  ${n.padEnd(8)} ${t.description}`).join("\n")}\n`
  )
  process.exitCode = 1
} else {
  trainer.run(repoRoot, log, process.argv.slice(3))
}
