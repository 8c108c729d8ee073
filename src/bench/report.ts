/**
 * The benchmark's report: what was measured, on which machine, and each figure beside the target that
 * issue #9 sets. The same data as JSON (`bench-reports/latest.json`) and Markdown (`latest.md`).
 */
import type { PipelineRun } from "./measure.ts"

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGb: number
  readonly node: string
  readonly platform: string
}

export interface SizedRun extends PipelineRun {
  readonly scale: number
  readonly articles: number
  readonly megabytes: number
  readonly workers: number
}

export interface BenchReport {
  readonly command: string
  readonly commit: string
  readonly generated: string
  readonly machine: Machine
  readonly corpus: { readonly files: ReadonlyArray<string>; readonly articles: number; readonly megabytes: number }
  /** compromise's tagging alone on the 1x corpus, one thread. */
  readonly compromise: { readonly seconds: number } | null
  /** compromise's tagging alone on the 1x corpus split over as many processes as the workers, at once. */
  readonly compromiseParallel?: { readonly processes: number; readonly seconds: number } | null
  /** Tagging and parsing (src/nlp/syntax) beside compromise's tagging of the same articles, one thread. */
  readonly syntax?: { readonly compromiseSeconds: number; readonly syntaxSeconds: number; readonly sentences: number } | null
  /** The per-document stages' CPU seconds with the name tagger and with the rules alone, interleaved in one process (#23). */
  readonly nameTagger?: { readonly withTagger: number; readonly rulesAlone: number; readonly articles: number } | null
  /** The pipeline end to end on the 1x corpus with one worker thread. */
  readonly oneWorker: SizedRun | null
  /** The pipeline end to end on each size with the chosen number of workers. */
  readonly sizes: ReadonlyArray<SizedRun>
  /** Ten new articles added to the processed 1x corpus, rerun into the same output folder. */
  readonly addTen: PipelineRun | null
  /**
   * The largest size above 1x as an archive (#25): rerun with nothing new, then with ten new articles
   * appended to its input, into the same output folder.
   */
  readonly archive?: { readonly scale: number; readonly nothingNew: PipelineRun; readonly addTen: PipelineRun } | null
}

const perSecond = (amount: number, seconds: number) => amount / seconds

interface Figure {
  readonly measure: string
  readonly value: string
  readonly target: string
  readonly met: boolean | null
}

const ratio = (x: number) => `${x.toFixed(2)}x`

/** Each headline figure with its target; figures whose runs were skipped are left out. */
export const figures = (report: BenchReport): Array<Figure> => {
  const rows: Array<Figure> = []
  const base = report.sizes.find((s) => s.scale === 1)
  const largest = report.sizes.find((s) => s.scale === 4)
  const compromiseMbs = report.compromise === null ? null : perSecond(report.corpus.megabytes, report.compromise.seconds)
  if (report.compromise !== null && compromiseMbs !== null) {
    rows.push({ measure: "compromise tagging alone, 1 thread", value: `${compromiseMbs.toFixed(3)} MB/s, ${perSecond(report.corpus.articles, report.compromise.seconds).toFixed(1)} articles/s`, target: "the floor", met: null })
  }
  if (report.syntax) {
    const share = report.syntax.syntaxSeconds / report.syntax.compromiseSeconds
    rows.push({
      measure: "tagging + parsing vs compromise's tagging",
      value: `${(share * 100).toFixed(1)} % (${report.syntax.syntaxSeconds.toFixed(1)} s vs ${report.syntax.compromiseSeconds.toFixed(1)} s, ${report.syntax.sentences} sentences)`,
      target: "≤ 25 % (#20)",
      met: share <= 0.25
    })
  }
  if (report.nameTagger) {
    const added = report.nameTagger.withTagger / report.nameTagger.rulesAlone - 1
    rows.push({
      measure: "name tagger's added CPU, per-document stages",
      value: `+${(added * 100).toFixed(1)} % (${report.nameTagger.withTagger.toFixed(1)} s vs ${report.nameTagger.rulesAlone.toFixed(1)} s without, ${report.nameTagger.articles} articles)`,
      target: "≤ 10 % (#23)",
      met: added <= 0.1
    })
  }
  for (const run of [report.oneWorker, base].filter((r): r is SizedRun => r !== null && r !== undefined)) {
    const mbs = perSecond(run.megabytes, run.seconds)
    rows.push({
      measure: `end to end, ${run.workers} worker${run.workers === 1 ? "" : "s"}, 1x`,
      value: `${mbs.toFixed(3)} MB/s, ${perSecond(run.articles, run.seconds).toFixed(1)} articles/s${compromiseMbs === null ? "" : ` (${ratio(mbs / compromiseMbs)} compromise alone)`}`,
      target: run.workers === 1 ? "≥ 0.5x compromise alone" : "report",
      met: run.workers === 1 && compromiseMbs !== null ? mbs / compromiseMbs >= 0.5 : null
    })
  }
  const parallel = report.compromiseParallel ?? null
  if (report.compromise !== null && parallel !== null) {
    rows.push({
      measure: `compromise alone, ${parallel.processes} processes at once vs 1`,
      value: ratio(report.compromise.seconds / parallel.seconds),
      target: `reference for ${parallel.processes} workers vs 1 (this run)`,
      met: null
    })
  }
  if (report.oneWorker !== null && base !== undefined && base.workers > 1) {
    const speedup = report.oneWorker.seconds / base.seconds
    rows.push({ measure: `${base.workers} workers vs 1, 1x`, value: ratio(speedup), target: base.workers === 2 ? "≥ 1.7x" : "report", met: base.workers === 2 ? speedup >= 1.7 : null })
  }
  if (base !== undefined) {
    for (const run of report.sizes.filter((s) => s.scale !== 1)) {
      const cost = run.seconds / base.seconds
      const target = run.scale === 4 ? 5 : run.scale === 10 ? 10.5 : null
      rows.push({ measure: `${run.scale}x the articles: time vs 1x`, value: ratio(cost), target: target === null ? "report" : `≤ ${target}x${run.scale === 10 ? " (#25)" : ""}`, met: target === null ? null : cost <= target })
    }
  }
  if (report.addTen !== null && base !== undefined) {
    const share = report.addTen.seconds / base.seconds
    rows.push({ measure: "adding 10 articles to the processed 1x corpus", value: `${report.addTen.seconds.toFixed(1)} s = ${(share * 100).toFixed(1)} % of the full run (${report.addTen.extracted} extracted, ${report.addTen.reused} reused)`, target: "≤ 5 %", met: share <= 0.05 })
  }
  if (largest !== undefined) rows.push({ measure: "peak memory at 4x", value: `${Math.round(largest.peakRssMb)} MB`, target: "bounded (report)", met: null })
  const archive = report.archive ?? null
  const archiveRun = archive === null ? undefined : report.sizes.find((s) => s.scale === archive.scale)
  if (archive !== null && archiveRun !== undefined && archive.scale !== 4) {
    const growth = base === undefined ? null : archiveRun.peakRssMb / base.peakRssMb
    const atTen = archive.scale === 10
    rows.push({
      measure: `peak memory at ${archive.scale}x`,
      value: `${Math.round(archiveRun.peakRssMb)} MB${growth === null ? "" : ` = ${ratio(growth)} the 1x peak`}`,
      target: atTen ? "≤ 1.3x the 1x peak and ≤ 1.5 GB (#25)" : "report",
      met: atTen && growth !== null ? growth <= 1.3 && archiveRun.peakRssMb <= 1536 : null
    })
  }
  if (archive !== null) {
    const atTen = archive.scale === 10
    rows.push({
      measure: `rerun with nothing new, ${archive.scale}x archive`,
      value: `${archive.nothingNew.seconds.toFixed(1)} s`,
      target: atTen ? "≤ 3 s (#25)" : "report",
      met: atTen ? archive.nothingNew.seconds <= 3 : null
    })
    rows.push({
      measure: `adding 10 articles to the ${archive.scale}x archive`,
      value: `${archive.addTen.seconds.toFixed(1)} s (${archive.addTen.extracted} extracted, ${archive.addTen.reused} reused)`,
      target: atTen ? "≤ 10 s (#25)" : "report",
      met: atTen ? archive.addTen.seconds <= 10 : null
    })
  }
  return rows
}

/**
 * Where each run's CPU time went: the worker threads (the per-document stages), the main thread
 * (reading, saving, dedupe, export) and the rest, V8's background threads (compiling hot code,
 * helping the garbage collector). Cores used is CPU time over wall time: a one-worker run uses more
 * than one core when V8's background threads run beside it.
 */
const cpuTable = (runs: ReadonlyArray<{ readonly label: string; readonly run: PipelineRun }>): Array<string> => {
  const measured = runs.filter(({ run }) => run.cpu != null)
  if (measured.length === 0) return []
  return [
    "",
    "| run | seconds | CPU seconds | worker threads | main thread | V8 background threads | cores used |",
    "|---|--:|--:|--:|--:|--:|--:|",
    ...measured.map(({ label, run }) => {
      const cpu = run.cpu!
      return `| ${label} | ${run.seconds.toFixed(1)} | ${cpu.total.toFixed(1)} | ${cpu.workers.toFixed(1)} | ${cpu.main.toFixed(1)} | ${(cpu.total - cpu.workers - cpu.main).toFixed(1)} | ${(cpu.total / run.seconds).toFixed(2)} |`
    })
  ]
}

const mark = (met: boolean | null) => (met === null ? "" : met ? "yes" : "no")

export const renderMarkdown = (report: BenchReport): string => {
  const m = report.machine
  const sizedRuns = [report.oneWorker, ...report.sizes].filter((r): r is SizedRun => r !== null)
  const labelled = [
    ...sizedRuns.map((run) => ({ label: `${run.scale}x, ${run.workers} worker${run.workers === 1 ? "" : "s"}`, run })),
    ...(report.addTen === null ? [] : [{ label: "1x + 10 articles", run: report.addTen }]),
    ...(report.archive == null
      ? []
      : [{ label: `${report.archive.scale}x, nothing new`, run: report.archive.nothingNew }, { label: `${report.archive.scale}x + 10 articles`, run: report.archive.addTen }])
  ]
  return [
    "# newsfacts benchmark",
    "",
    `Measured by \`${report.command}\` at commit \`${report.commit.slice(0, 7)}\` on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB), Node ${m.node}, ${m.platform}; corpus ${report.corpus.files.join(", ")}: ${report.corpus.articles} articles, ${report.corpus.megabytes.toFixed(1)} MB of text.`,
    "",
    "| measure | figure | target | met |",
    "|---|---|---|---|",
    ...figures(report).map((f) => `| ${f.measure} | ${f.value} | ${f.target} | ${mark(f.met)} |`),
    "",
    "| size | articles | MB | workers | seconds | articles/s | MB/s | peak RSS (MB) |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
    ...sizedRuns.map((r) =>
      `| ${r.scale}x | ${r.articles} | ${r.megabytes.toFixed(1)} | ${r.workers} | ${r.seconds.toFixed(1)} | ${perSecond(r.articles, r.seconds).toFixed(1)} | ${perSecond(r.megabytes, r.seconds).toFixed(3)} | ${Math.round(r.peakRssMb)} |`
    ),
    ...cpuTable(labelled)
  ].join("\n") + "\n"
}

export const renderTerminal = (report: BenchReport): string =>
  figures(report).map((f) => `${f.measure.padEnd(48)} ${f.value}${f.met === null ? "" : `  [target ${f.target}: ${mark(f.met)}]`}`).join("\n")
