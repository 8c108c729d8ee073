/** What a person sees on the terminal: a progress line on stderr during long runs, a summary at the end. */
import type { Manifest } from "../src/model/manifest.ts"
import type { PipelineResult } from "./pipeline.ts"

/** Prints progress at most every two seconds, and only once a run has lasted that long. */
export const progressReporter = (stream: NodeJS.WriteStream = process.stderr) => {
  const startedAt = Date.now()
  let lastPrinted = startedAt
  return (done: number, skipped: number) => {
    const now = Date.now()
    if (now - lastPrinted < 2000) return
    lastPrinted = now
    const rate = done / ((now - startedAt) / 1000)
    const line = `newsfacts: ${done} documents processed, ${skipped} skipped (${rate.toFixed(1)} docs/s)`
    stream.write(stream.isTTY ? `\r${line}` : `${line}\n`)
  }
}

const extractedOn = (run: PipelineResult["run"]): string =>
  run.clustered ? "the cluster's runners" : run.workers === 0 ? "the main thread" : `up to ${run.workers} worker thread(s)`

/** Skipped inputs listed in the summary; the rest are counted, and all are in the manifest. */
const SKIPPED_SHOWN = 10

export const summaryTable = (manifest: Manifest, out: string, run?: PipelineResult["run"]): string => {
  const rows: Array<[string, number]> = [
    ["documents", manifest.counts.documents ?? 0],
    ["actors", manifest.counts.actors ?? 0],
    ["actor mentions", manifest.counts.actor_mentions ?? 0],
    ["quotes", manifest.counts.quotes ?? 0],
    ["events", manifest.counts.events ?? 0],
    ["event mentions", manifest.counts.event_mentions ?? 0],
    ["duplicates", manifest.counts.duplicates ?? 0],
    ["skipped", manifest.counts.skipped ?? 0]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  const lines = rows.map(([label, n]) => `  ${label.padEnd(width)}  ${String(n).padStart(7)}`)
  const skipped = manifest.inputs.filter((i) => i.status === "skipped")
  const skippedLines = skipped.slice(0, SKIPPED_SHOWN).map((i) => `  skipped ${i.file}${i.line === null ? "" : `:${i.line}`}: ${i.reason}`)
  if (skipped.length > SKIPPED_SHOWN) skippedLines.push(`  … and ${skipped.length - SKIPPED_SHOWN} more skipped: every one is in ${out}/manifest.json with its reason`)
  const work =
    run === undefined
      ? []
      : [
        run.inputsRead
          ? `  extracted ${run.extracted} article(s)${run.extracted > 0 ? ` on ${extractedOn(run)}` : ""}, reused ${run.reused} saved in ${run.store ?? `${out}/.state/`}`
          : `  input files unchanged since that run (paths, sizes, times): none read; --rebuild reads them all again`,
        ...(run.storyWeights === null ? [] : [`  story weights: ${run.storyWeights === "kept" ? "kept from earlier runs (--rebuild counts them again)" : `counted over this run's articles (${run.storyWeights})`}`])
      ]
  const headline = run === undefined || run.rewritten
    ? `newsfacts: wrote ${out}/ (manifest.json lists every input; open report/index.html in a browser to see the data)`
    : `newsfacts: ${out}/ is up to date: same inputs and code as its last run, nothing rewritten (manifest.json lists every input)`
  return [headline, ...lines, ...work, ...skippedLines].join("\n")
}
