/**
 * `npm run train -- <name> [options]`: trains one of the repository's models. Each entry of the table
 * names the model, says what it learns from, and trains it; training is deterministic (fixed seed:
 * the same bytes on every run).
 *
 *   npm run train -- tagger              UPOS tagger + lemmatiser on UD English EWT → models/tagger.bin.gz
 *   npm run train -- parser              dependency parser on UD English EWT → models/parser.bin.gz (needs the tagger)
 *   npm run train -- ner                 the name tagger → models/ner.bin.gz
 *   npm run train -- ner --convert OLD.json.gz
 *                                        rewrites a model file of the first format (gzip'd JSON) as
 *                                        models/ner.bin.gz, with the same weights (docs/actors.md)
 *   npm run train -- ner --folds 5       cross-validation on train only (errors → /tmp/ner-cv-errors.tsv);
 *                                        --only N scores the first N folds alone
 *   npm run train -- ner --hold-out 0/5 --out /tmp/m.bin.gz
 *                                        a model without fold 0 of train, to run the pipeline on that fold
 *                                        (NEWSFACTS_NER_MODEL=/tmp/m.bin.gz npm run eval -- --gold FOLD)
 *   --epochs N, --cache FILE (keeps the tagged training documents between runs)
 *   npm run train -- quotes              the quote filter on PolNeAR train (threshold by 5-fold
 *                                        cross-validation on train) → models/quotes-filter.json;
 *                                        --limit N reads the first N articles, --out FILE
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { sharedNlpEngine } from "../src/nlp/Nlp.ts"
import { DefaultSettings, crossValidate, prepare, trainNameModel } from "../src/extract/actors/ner/train.ts"
import { decodeJsonModel, encodeModel } from "../src/extract/actors/ner/perceptron.ts"
import { trainParser, trainTagger } from "../src/nlp/syntax/train.ts"
import { FilterSettings, trainQuoteFilter } from "../src/extract/quotes/train.ts"

const repoRoot = fileURLToPath(new URL("..", import.meta.url))
const sharedEval = (file: string) => join(repoRoot, "..", "shared", "eval", file)
const log = (line: string) => process.stderr.write(`${line}\n`)

const option = (args: ReadonlyArray<string>, name: string): string | undefined => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}

interface Trainer {
  readonly description: string
  readonly run: (args: ReadonlyArray<string>) => void
}

const trainers: Record<string, Trainer> = {
  tagger: { description: "UPOS tagger and lemmatiser (UD English EWT) → models/tagger.bin.gz", run: (args) => trainTagger(repoRoot, log, args) },
  parser: { description: "dependency parser (UD English EWT; uses models/tagger.bin.gz) → models/parser.bin.gz", run: (args) => trainParser(repoRoot, log, args) },
  quotes: {
    description: "quote filter (logistic regression over candidate indirect/mixed quotes) on PolNeAR train → models/quotes-filter.json",
    run: (args) => {
      trainQuoteFilter(sharedNlpEngine(), {
        train: option(args, "train") ?? sharedEval("polnear.train.jsonl"),
        out: option(args, "out") ?? join(repoRoot, "models", "quotes-filter.json"),
        settings: { ...FilterSettings, epochs: Number(option(args, "epochs") ?? FilterSettings.epochs) },
        ...(option(args, "limit") === undefined ? {} : { limit: Number(option(args, "limit")) })
      }, log)
    }
  },
  ner: {
    description: "name tagger (PER, ORG, LOC, MISC) on CoNLL-2003 train → models/ner.bin.gz",
    run: (args) => {
      const out = option(args, "out") ?? join(repoRoot, "models", "ner.bin.gz")
      const convert = option(args, "convert")
      if (convert !== undefined) {
        const bytes = encodeModel(decodeJsonModel(readFileSync(convert)))
        writeFileSync(out, bytes)
        log(`${convert} → ${out} (${(bytes.length / 1e6).toFixed(2)} MB, the same weights)`)
        return
      }
      const engine = sharedNlpEngine()
      const train = option(args, "train") ?? sharedEval("conll2003.train.jsonl")
      const epochs = Number(option(args, "epochs") ?? DefaultSettings.epochs)
      const settings = { ...DefaultSettings, epochs }
      const folds = option(args, "folds")
      if (folds !== undefined) {
        crossValidate(prepare(engine, train, log, option(args, "cache")), Number(folds), settings, option(args, "errors") ?? "/tmp/ner-cv-errors.tsv", log, Number(option(args, "only") ?? folds))
        return
      }
      trainNameModel(engine, {
        train,
        out,
        settings,
        ...(option(args, "hold-out") === undefined ? { dev: option(args, "dev") ?? sharedEval("conll2003.dev.jsonl") } : {}),
        ...(option(args, "hold-out") === undefined ? {} : { holdOut: { fold: Number(option(args, "hold-out")!.split("/")[0]), folds: Number(option(args, "hold-out")!.split("/")[1]) } }),
        ...(option(args, "cache") === undefined ? {} : { cache: option(args, "cache")! })
      }, log)
    }
  }
}

const [name, ...args] = process.argv.slice(2)
const trainer = name === undefined ? undefined : trainers[name]
if (trainer === undefined) {
  log(`usage: npm run train -- <model> [options]\nmodels:\n${Object.entries(trainers).map(([n, t]) => `  ${n.padEnd(8)} ${t.description}`).join("\n")}`)
  process.exitCode = name === undefined ? 0 : 1
} else trainer.run(args)
