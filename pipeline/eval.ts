/**
 * `npm run eval`: scores what the pipeline exports against the annotated corpora of ../shared/eval/ and
 * the seed gold (docs/eval.md). Prints a table, writes `eval-reports/latest.md` and `latest.json`
 * (or `--report NAME`).
 *
 *   npm run eval                                   all tasks, all dev files, and the seeds
 *   npm run eval -- --task quotes                  one task on its default dev file(s)
 *   npm run eval -- --task syntax                  tagger and parser on UD English EWT dev and test
 *   npm run eval -- --gold FILE.jsonl --task T     any file in the eval format
 *   npm run eval -- --limit 100                    about 100 documents per file (whole topics)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { DefaultGold, runEvaluation, tasksFor } from "../src/eval/evaluate.ts"
import type { EvalPlan } from "../src/eval/evaluate.ts"
import { readGoldCorpus } from "../src/eval/gold.ts"
import { renderMarkdown, renderTerminal, Tasks } from "../src/eval/report.ts"
import type { Task } from "../src/eval/report.ts"
import { withQuality } from "./docs.ts"

const repoRoot = fileURLToPath(new URL("../", import.meta.url))
const sharedEval = (file: string) => resolve(repoRoot, "../shared/eval", file)
const seedsGold = resolve(repoRoot, "../shared/gold/seeds.gold.json")
const syntaxInputs = { treebank: resolve(repoRoot, "../shared/train/ud_english_ewt"), newsSample: join(repoRoot, "src/eval/syntax-news-sample.json") }

/** Gold files and their tasks for the options given. */
const planFor = (task: Task | null, gold: string | null, limit: number | null, command: string): EvalPlan | string => {
  if (gold !== null) {
    if (task === "seeds" || task === "syntax") return "--gold takes a file in the eval JSON Lines format; the seeds task reads ../shared/gold/seeds.gold.json"
    const path = resolve(gold)
    const tasks = task === null ? tasksFor(readGoldCorpus(path).records) : [task]
    if (tasks.length === 0) return `${gold}: annotates nothing a task scores (entities, quotes, times with values, subtopics, clusters)`
    return { files: [{ path, tasks }], seeds: null, limit, command }
  }
  const wanted = task === null ? (Object.keys(DefaultGold) as Array<keyof typeof DefaultGold>) : task === "seeds" || task === "syntax" ? [] : [task]
  const byFile = new Map<string, Array<keyof typeof DefaultGold>>()
  for (const t of wanted) for (const file of DefaultGold[t]) byFile.set(file, [...(byFile.get(file) ?? []), t])
  return {
    files: [...byFile.entries()].map(([file, tasks]) => ({ path: sharedEval(file), tasks })),
    seeds: task === null || task === "seeds" ? { gold: seedsGold, folder: join(repoRoot, "seeds") } : null,
    syntax: task === null || task === "syntax" ? syntaxInputs : null,
    limit,
    command
  }
}

const evaluate = Command.make(
  "eval",
  {
    task: Flag.Literals("task", Tasks).pipe(Flag.withDescription("Score one task: actors, quotes, dates, stories, coref, seeds or syntax"), Flag.optional),
    gold: Flag.String("gold").pipe(Flag.withDescription("A gold file in the eval JSON Lines format (default: the dev files of ../shared/eval/)"), Flag.optional),
    limit: Flag.Int("limit").pipe(Flag.withDescription("About N documents per file: whole topics in a fixed order until N are reached"), Flag.optional),
    report: Flag.String("report").pipe(
      Flag.withDescription("Report name under eval-reports/ (NAME.md and NAME.json); default latest for a full run, partial otherwise"),
      Flag.optional
    )
  },
  Effect.fn(function*({ gold, limit, report, task }) {
    const command = ["npm run eval", ...process.argv.slice(2).length > 0 ? ["--", ...process.argv.slice(2)] : []].join(" ")
    const limitValue = Option.getOrNull(limit)
    if (limitValue !== null && limitValue < 1) return yield* fail("--limit must be at least 1")
    const plan = planFor(Option.getOrNull(task), Option.getOrNull(gold), limitValue, command)
    if (typeof plan === "string") return yield* fail(plan)
    const full = Option.isNone(task) && Option.isNone(gold) && limitValue === null
    const name = Option.getOrElse(report, () => (full ? "latest" : "partial"))
    const result = yield* runEvaluation(plan, (line) => process.stderr.write(`${line}\n`))
    const folder = join(repoRoot, "eval-reports")
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${name}.md`), renderMarkdown(result))
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(result, null, 2) + "\n")
    yield* Console.log(renderTerminal(result))
    yield* Console.log(`\nwrote eval-reports/${name}.md and eval-reports/${name}.json`)
    // The README's quality table shows the full report; refresh it so the two cannot drift apart.
    if (name === "latest" && full) {
      const readme = join(repoRoot, "README.md")
      writeFileSync(readme, withQuality(readFileSync(readme, "utf8"), result))
      yield* Console.log("updated the quality table in README.md")
    }
  })
).pipe(Command.withDescription("Score the pipeline's exported datasets against annotated news (../shared/eval) and the seed gold."))

const fail = (reason: string) =>
  Effect.gen(function*() {
    yield* Console.error(`newsfacts eval: ${reason}`)
    process.exitCode = 1
  })

evaluate.pipe(
  Command.run({ version: "0.1.0" }),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
