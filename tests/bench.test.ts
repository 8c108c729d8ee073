/**
 * The benchmark's pure parts: replayed copies are new, distinct documents made the same way every
 * time, and the report sets each figure beside its target.
 */
import { execFileSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { compromiseParallelSeconds, nameTaggerShareSeconds } from "../src/bench/measure.ts"
import { replay, scaledCorpus } from "../src/bench/corpus.ts"
import { figures, renderMarkdown } from "../src/bench/report.ts"
import type { BenchReport } from "../src/bench/report.ts"
import { tempDir } from "./support/tempDirs.ts"

const article = {
  id: "wire:1",
  text: "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph.",
  title: "A story",
  date: "2025-06-30",
  source: "Wire"
}

describe("replayed corpus", () => {
  it("gives each copy a new id, source and date, and leaves one paragraph out", () => {
    expect(replay(article, 2)).toEqual({
      id: "wire:1~replay2",
      text: "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.",
      title: "A story",
      date: "2025-07-02",
      source: "Wire (replay 2)"
    })
  })

  it("swaps the paragraphs of a short article and keeps an undated one undated", () => {
    expect(replay({ id: "x", text: "One.\n\nTwo.", date: null, source: null }, 1)).toEqual({ id: "x~replay1", text: "Two.\n\nOne.", title: null, date: null, source: "unknown (replay 1)" })
  })

  it("ends a copy beyond an article's variants with a line naming it, so no two copies are the same text", () => {
    const short = { id: "s", text: "One.\n\nTwo.", date: null, source: null }
    expect(replay(short, 1).text).toBe("Two.\n\nOne.")
    expect(replay(short, 2).text).toBe("Two.\n\nOne.\n\nThis is edition 2 of the report.")
    expect(new Set(scaledCorpus([short, article], 40).map((r) => r.text)).size).toBe(80)
  })

  it("scales by whole copies, originals first, every text distinct", () => {
    const corpus = scaledCorpus([article, { ...article, id: "wire:2", text: `${article.text}\n\nFifth paragraph.` }], 3)
    expect(corpus.map((r) => r.id)).toEqual(["wire:1", "wire:2", "wire:1~replay1", "wire:2~replay1", "wire:1~replay2", "wire:2~replay2"])
    expect(new Set(corpus.map((r) => r.text)).size).toBe(6)
  })
})

describe("bench report", () => {
  const cpu = (seconds: number) => ({ total: seconds * 1.25, main: 1, workers: seconds })
  const run = (scale: number, workers: number, seconds: number) => ({ scale, workers, seconds, articles: 100 * scale, megabytes: scale, peakRssMb: 300 * scale, cpu: cpu(seconds), extracted: 100 * scale, reused: 0 })
  const report: BenchReport = {
    command: "npm run bench",
    commit: "0123456789abcdef",
    generated: "2026-01-01T00:00:00.000Z",
    machine: { cpu: "Test CPU", cores: 2, memoryGb: 8, node: "22.0.0", platform: "linux x64" },
    corpus: { files: ["a.jsonl"], articles: 100, megabytes: 1 },
    compromise: { seconds: 10 },
    compromiseParallel: { processes: 2, seconds: 6.25 },
    oneWorker: run(1, 1, 16),
    sizes: [run(1, 2, 9), run(4, 2, 40)],
    addTen: { seconds: 0.4, peakRssMb: 100, cpu: null, extracted: 10, reused: 100 }
  }

  it("compares each figure with its target", () => {
    expect(figures(report).map((f) => [f.measure, f.value, f.met])).toEqual([
      ["compromise tagging alone, 1 thread", "0.100 MB/s, 10.0 articles/s", null],
      ["end to end, 1 worker, 1x", "0.063 MB/s, 6.3 articles/s (0.63x compromise alone)", true],
      ["end to end, 2 workers, 1x", "0.111 MB/s, 11.1 articles/s (1.11x compromise alone)", null],
      ["compromise alone, 2 processes at once vs 1", "1.60x", null],
      ["2 workers vs 1, 1x", "1.78x", true],
      ["4x the articles: time vs 1x", "4.44x", true],
      ["adding 10 articles to the processed 1x corpus", "0.4 s = 4.4 % of the full run (10 extracted, 100 reused)", true],
      ["peak memory at 4x", "1200 MB", null]
    ])
  })

  it("sets the name tagger's added CPU beside #23's 10 %", () => {
    const withNames: BenchReport = { ...report, nameTagger: { withTagger: 10.8, rulesAlone: 10, articles: 600 } }
    expect(figures(withNames).find((f) => f.measure.startsWith("name tagger"))).toEqual({
      measure: "name tagger's added CPU, per-document stages",
      value: "+8.0 % (10.8 s vs 10.0 s without, 600 articles)",
      target: "≤ 10 % (#23)",
      met: true
    })
    expect(figures({ ...report, nameTagger: { withTagger: 11.5, rulesAlone: 10, articles: 600 } }).find((f) => f.measure.startsWith("name tagger"))?.met).toBe(false)
  })

  it("names the machine and the commit in the Markdown", () => {
    expect(renderMarkdown(report)).toContain("at commit `0123456` on Test CPU (2 cores, 8 GB), Node 22.0.0")
  })

  it("shows where each run's CPU time went, leaving out runs whose time was not read", () => {
    const rows = renderMarkdown(report).split("\n").filter((line) => /^\| \dx[,+]/.test(line) || line.startsWith("| 1x + 10"))
    expect(rows).toEqual([
      "| 1x, 1 worker | 16.0 | 20.0 | 16.0 | 1.0 | 3.0 | 1.25 |",
      "| 1x, 2 workers | 9.0 | 11.3 | 9.0 | 1.0 | 1.3 | 1.25 |",
      "| 4x, 2 workers | 40.0 | 50.0 | 40.0 | 1.0 | 9.0 | 1.25 |"
    ])
  })

  it("compares the 10x archive's peak memory, rerun with nothing new and ten added articles with #25's targets", () => {
    const archived: BenchReport = {
      ...report,
      sizes: [run(1, 2, 9), run(10, 2, 95)],
      archive: {
        scale: 10,
        nothingNew: { seconds: 2.5, peakRssMb: 400, cpu: null, extracted: 0, reused: 1000 },
        addTen: { seconds: 12.5, peakRssMb: 2000, cpu: cpu(20), extracted: 10, reused: 1000 }
      }
    }
    expect(figures(archived).filter((f) => f.measure.includes("10x")).map((f) => [f.measure, f.value, f.met])).toEqual([
      ["10x the articles: time vs 1x", "10.56x", false],
      ["peak memory at 10x", "3000 MB = 10.00x the 1x peak", false],
      ["rerun with nothing new, 10x archive", "2.5 s", true],
      ["adding 10 articles to the 10x archive", "12.5 s (10 extracted, 1000 reused)", false]
    ])
    const rows = renderMarkdown(archived).split("\n").filter((line) => /^\| 10x[,+]/.test(line) || line.startsWith("| 10x + "))
    expect(rows).toEqual([
      "| 10x, 2 workers | 95.0 | 118.8 | 95.0 | 1.0 | 22.8 | 1.25 |",
      "| 10x + 10 articles | 12.5 | 25.0 | 20.0 | 1.0 | 4.0 | 2.00 |"
    ])
  })
})

describe("name tagger's share", () => {
  it("runs every article through the per-document stages with the tagger and with the rules alone", () => {
    const share = nameTaggerShareSeconds([article, { ...article, id: "wire:2", text: "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in London on Monday." }], 1)
    expect(share.articles).toBe(2)
    expect(share.withTagger).toBeGreaterThan(0)
    expect(share.rulesAlone).toBeGreaterThan(0)
  })
})

describe("usage of a benchmarked process", () => {
  it("reads the CPU time of the worker threads before they are terminated, and the whole process's", () => {
    const dir = tempDir("usage-test")
    const script = join(dir, "work.mjs")
    writeFileSync(script, [
      `import { Worker } from "node:worker_threads"`,
      `const body = "const p = require('worker_threads').parentPort; p.on('message', () => { let x = 0; for (let i = 0; i < 5e7; i++) x = (x * 31 + i) | 0; p.postMessage(x) })"`,
      `const worker = new Worker(body, { eval: true })`,
      `worker.on("message", () => worker.terminate())`,
      `worker.postMessage("go")`
    ].join("\n"))
    const usageFile = join(dir, "usage.json")
    execFileSync(process.execPath, ["--import", fileURLToPath(new URL("../src/bench/reportUsage.mjs", import.meta.url)), script], { env: { ...process.env, NEWSFACTS_USAGE_FILE: usageFile } })
    const usage = JSON.parse(readFileSync(usageFile, "utf8"))
    expect(usage.workerSeconds).toBeGreaterThan(0.01)
    expect(usage.mainSeconds).toBeGreaterThan(0)
    expect(usage.cpuSeconds).toBeGreaterThanOrEqual(usage.workerSeconds + usage.mainSeconds - 0.01)
    expect(usage.peakRssKb).toBeGreaterThan(10_000)
  }, 30_000)
})

describe("compromise on several processes at once", () => {
  it("tags every share of a corpus and reports the slowest share's seconds", async () => {
    const file = join(tempDir("bench-test"), "corpus.jsonl")
    writeFileSync(file, ["Officials met in London on Monday.", "He said the talks went well.", "Trump spoke with Xi."].map((text, i) => JSON.stringify({ id: `a${i}`, text })).join("\n"))
    const seconds = await compromiseParallelSeconds(file, 2)
    expect(seconds).toBeGreaterThan(0)
    expect(seconds).toBeLessThan(60)
  }, 60_000)
})
