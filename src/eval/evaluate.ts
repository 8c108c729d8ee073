/**
 * The evaluation plan: which gold file each task reads, one pipeline run per file shared by its tasks,
 * and the reports they give.
 */
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { basename, join } from "node:path"
import { Effect } from "effect"
import { readGoldCorpus, sampleRecords } from "./gold.ts"
import type { GoldCorpus, GoldRecord } from "./gold.ts"
import type { EvalReport, Task, TaskReport } from "./report.ts"
import { runPipelineOnInput, runPipelineOnRecords } from "./run.ts"
import type { PipelineOutput } from "./run.ts"
import { actorTask } from "./tasks/actors.ts"
import { corefTask } from "./tasks/coref.ts"
import { dateTask } from "./tasks/dates.ts"
import { quoteTask } from "./tasks/quotes.ts"
import { checkSeeds, readSeedsGold, seedTask } from "./tasks/seeds.ts"
import { storyTask } from "./tasks/stories.ts"
import { readNewsSample, syntaxTask } from "./tasks/syntax.ts"
import { readNewsSampleFile } from "./tasks/syntaxNews.ts"

/** Tasks scored on the pipeline's output for gold files (seeds and syntax have their own inputs). */
export type PipelineTask = Exclude<Task, "seeds" | "syntax">

/** The dev files each task scores by default (under ../shared/eval/). */
export const DefaultGold: Readonly<Record<PipelineTask, ReadonlyArray<string>>> = {
  actors: ["conll2003.dev.jsonl", "meantime.dev.jsonl", "ecbplus.dev.jsonl"],
  quotes: ["polnear.dev.jsonl"],
  dates: ["meantime.dev.jsonl"],
  stories: ["ecbplus.dev.jsonl"],
  coref: ["ecbplus.dev.jsonl"]
}

/** Tasks a gold file can be scored on, from what it annotates (for `--gold FILE` without `--task`). */
export const tasksFor = (records: ReadonlyArray<GoldRecord>): Array<PipelineTask> => {
  const has = (test: (r: GoldRecord) => boolean) => records.some(test)
  const tasks: Array<PipelineTask> = []
  if (has((r) => (r.entities ?? []).length > 0)) tasks.push("actors")
  if (has((r) => (r.quotes ?? []).length > 0)) tasks.push("quotes")
  if (has((r) => (r.times ?? []).some((t) => t.value !== undefined && t.value !== null))) tasks.push("dates")
  if (has((r) => r.subtopic !== undefined && r.subtopic !== null)) tasks.push("stories")
  if (has((r) => [...(r.events ?? []), ...(r.entities ?? [])].some((m) => m.cluster !== undefined && m.cluster !== null))) tasks.push("coref")
  return tasks
}

export interface EvalPlan {
  /** Gold files with the tasks to score on each. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly tasks: ReadonlyArray<PipelineTask> }>
  readonly seeds: { readonly gold: string; readonly folder: string } | null
  /** UD English EWT folder for the syntax task, and the hand-checked news sample; null to skip. */
  readonly syntax?: { readonly treebank: string; readonly newsSample: string } | null
  readonly limit: number | null
  readonly command: string
}

const scoreTask = (task: PipelineTask, records: ReadonlyArray<GoldRecord>, output: PipelineOutput) => {
  switch (task) {
    case "actors": {
      const { figures, notes, tables } = actorTask(records, output.rows)
      return { figures, notes, tables, failures: [] as ReadonlyArray<string> }
    }
    case "quotes":
      return quoteTask(records, output.rows)
    case "dates":
      return dateTask(records, output.rows)
    case "stories":
      return storyTask(records, output.rows)
    case "coref":
      return corefTask(records, output.rows)
  }
}

const scoreCorpus = (corpus: GoldCorpus, records: ReadonlyArray<GoldRecord>, tasks: ReadonlyArray<PipelineTask>, output: PipelineOutput): Array<TaskReport> => {
  const ids = new Set(records.map((r) => r.id))
  const skipped = output.skipped.filter((s) => ids.has(s.inputId)).length
  return tasks.map((task) => {
    const scored = scoreTask(task, records, output)
    return {
      task,
      file: corpus.file,
      corpus: corpus.corpus,
      split: corpus.split,
      documents: records.length,
      skipped,
      figures: scored.figures,
      tables: scored.tables,
      notes: scored.notes,
      failures: scored.failures
    }
  })
}

export const runEvaluation = Effect.fn("runEvaluation")(function*(plan: EvalPlan, log: (line: string) => void) {
  const reports: Array<TaskReport> = []
  const pipelineSeconds: Record<string, number> = {}
  for (const file of plan.files) {
    const corpus = readGoldCorpus(file.path)
    const records = sampleRecords(corpus.records, plan.limit)
    log(`eval: ${corpus.file}: running the pipeline on ${records.length} of ${corpus.records.length} documents…`)
    const output = yield* runPipelineOnRecords(records)
    pipelineSeconds[corpus.file] = output.seconds
    reports.push(...scoreCorpus(corpus, records, file.tasks, output))
  }
  if (plan.seeds !== null) {
    log(`eval: seeds: running the pipeline on ${plan.seeds.folder}…`)
    const output = yield* runPipelineOnInput(plan.seeds.folder)
    pipelineSeconds["seeds"] = output.seconds
    const articles = readdirSync(plan.seeds.folder).map((file) => ({ file, text: readFileSync(join(plan.seeds!.folder, file), "utf8").replace(/^\uFEFF/, "") }))
    const checks = checkSeeds(readSeedsGold(plan.seeds.gold), articles, output.dataset)
    const scored = seedTask(checks)
    reports.push({
      task: "seeds",
      file: basename(plan.seeds.gold),
      corpus: "seeds",
      split: "gold",
      documents: articles.length,
      skipped: output.skipped.length,
      ...scored
    })
  }
  if (plan.syntax) {
    log(`eval: syntax: tagging and parsing UD English EWT dev and test…`)
    const sample = readNewsSample(plan.syntax.newsSample, readNewsSampleFile)
    const { documents, ...scored } = syntaxTask(plan.syntax.treebank, plan.limit, sample)
    reports.push({ task: "syntax", file: "en_ewt-ud-{dev,test}.conllu", corpus: "UD English EWT", split: "dev+test", documents, skipped: 0, ...scored })
  }
  return {
    ...gitState(),
    generated: new Date().toISOString(),
    command: plan.command,
    limit: plan.limit,
    pipelineSeconds,
    reports
  } satisfies EvalReport
})

const gitState = () => {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim()
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" })
    return { commit, uncommittedChanges: status.split("\n").filter((l) => l.trim() !== "").length }
  } catch {
    return { commit: "unknown", uncommittedChanges: 0 }
  }
}
