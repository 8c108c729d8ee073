/**
 * Measurements for `npm run bench`: the real command line in a child process (so each run's peak
 * memory is its own), and compromise's tagging alone in this process as the floor the pipeline builds on,
 * and on several processes at once as the most this machine gives the same work for more cores.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { CorpusRecord } from "./corpus.ts"
import { makeNlpEngine } from "../nlp/Nlp.ts"
import type { NlpEngine } from "../nlp/Nlp.ts"
import type { LoadedDocument } from "../model/document.ts"
import { processDocument } from "../workers/documentWork.ts"
import { mapToTokens, udTokensOf } from "../segment/udTokens.ts"

const repoRoot = fileURLToPath(new URL("../../", import.meta.url))

export interface PipelineRun {
  readonly seconds: number
  /** Peak resident set size of the whole process (main and worker threads), in megabytes. */
  readonly peakRssMb: number
  /** CPU seconds of the run, whole process and per kind of thread (see reportUsage.mjs); null if unread. */
  readonly cpu: CpuTime | null
  /** Articles the run extracted, and those it reused from the saved state. */
  readonly extracted: number
  readonly reused: number
}

export interface CpuTime {
  /** Every thread of the process, ended ones included. */
  readonly total: number
  readonly main: number
  /** The pipeline's worker threads (per-document stages). */
  readonly workers: number
}

interface UsageFile {
  readonly peakRssKb: number
  readonly cpuSeconds: number
  readonly mainSeconds: number
  readonly workerSeconds: number
}

const readUsage = (file: string): UsageFile | null => {
  if (!existsSync(file)) return null
  const usage = JSON.parse(readFileSync(file, "utf8")) as UsageFile
  rmSync(file, { force: true })
  return usage
}

/** Runs `npm run pipeline`'s entry point on `input` into `out` and measures it. */
export const runPipelineChild = (input: string, out: string, workers: number, extraArgs: ReadonlyArray<string> = []): Promise<PipelineRun> =>
  new Promise((resolve, reject) => {
    const usageFile = `${out}.usage.json`
    const args = ["--import", join(repoRoot, "src/bench/reportUsage.mjs"), join(repoRoot, "pipeline/main.ts"),
      "--input", input, "--out", out, "--workers", String(workers), ...extraArgs]
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, NEWSFACTS_USAGE_FILE: usageFile }, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    child.on("error", reject)
    child.on("exit", (code) => {
      const seconds = (performance.now() - started) / 1000
      if (code !== 0) return reject(new Error(`the pipeline exited with ${code}: ${stderr.trim().split("\n").at(-1)}`))
      const counts = /extracted (\d+) article\(s\).*reused (\d+)/.exec(stdout)
      const usage = readUsage(usageFile)
      resolve({
        seconds,
        peakRssMb: usage === null ? Number.NaN : usage.peakRssKb / 1024,
        cpu: usage === null ? null : { total: usage.cpuSeconds, main: usage.mainSeconds, workers: usage.workerSeconds },
        extracted: Number(counts?.[1] ?? Number.NaN),
        reused: Number(counts?.[2] ?? Number.NaN)
      })
    })
  })

/**
 * Seconds for compromise alone to do what the segment stage asks of it (tag each article and give
 * its terms with offsets), on one thread, with the same engine and plugins as the pipeline.
 */
export const compromiseSeconds = (engine: NlpEngine, records: ReadonlyArray<CorpusRecord>): number => {
  engine.tagSentences("Warm-up: the engine loads its lexicon on first use.")
  const started = performance.now()
  for (const record of records) engine.tagSentences(record.text)
  return (performance.now() - started) / 1000
}

/**
 * The segment stage's syntax (UD re-tokenisation, tagging, lemmas, parsing, mapping back) beside
 * compromise's tagging of the same articles, timed article by article in turn so that a busy machine
 * slows both alike. The parser sees each sentence as the segment stage gives it.
 */
export const syntaxShareSeconds = (engine: NlpEngine, records: ReadonlyArray<CorpusRecord>): { compromise: number; syntax: number; sentences: number } => {
  const syntax = engine.syntax()
  engine.tagSentences("Warm-up: the engine loads its lexicon on first use.")
  syntax.analyse(["Warm", "-", "up", "."])
  let compromise = 0
  let parsing = 0
  let sentences = 0
  for (const record of records) {
    const started = performance.now()
    const tagged = engine.tagSentences(record.text)
    const tagEnd = performance.now()
    for (const terms of tagged) {
      const tokens = terms.map((t, index) => ({ ...t, index, sentence: 0, start: 0, end: 0, upos: "", lemma: "", head: -1, deprel: "" }))
      const ud = udTokensOf(tokens, 0, tokens.length)
      mapToTokens(ud, syntax.analyse(ud.map((u) => u.text)), 0, tokens.length)
      sentences++
    }
    parsing += performance.now() - tagEnd
    compromise += tagEnd - started
  }
  return { compromise: compromise / 1000, syntax: parsing / 1000, sentences }
}

/**
 * Seconds for compromise alone to tag the corpus in `file` split over `processes` child processes
 * working at once (each loads its engine first; all start together): what the machine's cores give
 * this work when nothing is shared, the ceiling for the pipeline's own speed-up on as many workers.
 */
export const compromiseParallelSeconds = async (file: string, processes: number): Promise<number> => {
  const children = Array.from({ length: processes }, (_, k) =>
    spawn(process.execPath, [join(repoRoot, "src/bench/tagShare.ts"), file, String(k), String(processes)], { cwd: repoRoot, stdio: ["pipe", "pipe", "inherit"] }))
  const outputs = children.map((child) => {
    let stdout = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    const ready = new Promise<void>((resolve) => child.stdout.on("data", () => stdout.includes("ready\n") && resolve()))
    const done = new Promise<number>((resolve, reject) =>
      child.on("exit", (code) => (code === 0 ? resolve(Number(stdout.split("\n").at(-2))) : reject(new Error(`compromise share exited with ${code}`)))))
    return { child, ready, done }
  })
  await Promise.all(outputs.map((o) => o.ready))
  for (const { child } of outputs) child.stdin.end("go\n")
  return Math.max(...(await Promise.all(outputs.map((o) => o.done))))
}

/**
 * The name tagger's cost (issue #23): CPU seconds of the per-document stages (clean, segment, extract)
 * over `records` with the tagger and with the rules alone, on two engines in this process. Each article
 * goes through both, in alternating order (ABBA), so that a load that comes and goes on a shared machine
 * falls on both alike; the first `warmUp` articles go through both first, unmeasured.
 */
export const nameTaggerShareSeconds = (records: ReadonlyArray<CorpusRecord>, warmUp = 20): { withTagger: number; rulesAlone: number; articles: number } => {
  const withTagger = makeNlpEngine()
  const rulesAlone = makeNlpEngine("none")
  withTagger.nameTagger()
  const docs = records.map((record, i): LoadedDocument => ({
    docId: `doc_bench_${i}`,
    inputId: record.id,
    file: "bench",
    line: i + 1,
    format: "json",
    text: record.text,
    given: { title: record.title ?? null, date: record.date ?? null, url: null, source: record.source ?? null, author: null, extra: {} }
  }))
  const cpuSeconds = (engine: NlpEngine, doc: LoadedDocument): number => {
    const started = process.cpuUsage()
    processDocument(engine, doc)
    const used = process.cpuUsage(started)
    return (used.user + used.system) / 1e6
  }
  for (const doc of docs.slice(0, warmUp)) {
    processDocument(withTagger, doc)
    processDocument(rulesAlone, doc)
  }
  let [tagged, rules] = [0, 0]
  docs.forEach((doc, i) => {
    if (i % 2 === 0) {
      tagged += cpuSeconds(withTagger, doc)
      rules += cpuSeconds(rulesAlone, doc)
    } else {
      rules += cpuSeconds(rulesAlone, doc)
      tagged += cpuSeconds(withTagger, doc)
    }
  })
  return { withTagger: tagged, rulesAlone: rules, articles: docs.length }
}
