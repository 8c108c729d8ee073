/**
 * No input can hang, crash or corrupt a run: hostile inputs become skipped documents with a reason,
 * a document over its time budget is stopped and the run goes on, the output folder is checked and
 * locked before any work, and an interrupted publication is completed by the next run. The hostile
 * inputs are generated here (small), never committed as big files.
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { spawn } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { hostname } from "node:os"
import { join } from "node:path"
import { runPipeline } from "../pipeline/pipeline.ts"
import { articlesFromContent } from "../src/load/index.ts"
import type { LoadOutcome } from "../src/load/index.ts"
import { acquireLock, checkOutputFolder, lockFile, releaseLock } from "../src/state/outputFolder.ts"
import { publishFiles, repairPublication } from "../src/state/publish.ts"
import { runCli, tempDir } from "./support/cli.ts"
import { deepRecord, nestedHtml } from "./support/hostile.ts"
import { repoRoot } from "./support/shared.ts"

const utf8 = (text: string) => new TextEncoder().encode(text)
const reasonOf = (outcomes: ReadonlyArray<LoadOutcome>) => outcomes.map((o) => (o._tag === "Loaded" ? `loaded ${o.doc.inputId}` : o.outcome.reason))

describe("hostile inputs are skipped with a reason, and the loader never throws", () => {
  it("a record whose metadata nests 5,000 levels", () => {
    expect(reasonOf(articlesFromContent("deep.json", utf8(deepRecord(5000))))).toEqual([
      "record nests 5001 levels deep, over the limit of 64 for article metadata"
    ])
    expect(reasonOf(articlesFromContent("feed.jsonl", utf8(`${deepRecord(5000)}\n${JSON.stringify({ id: "ok", text: "Fine." })}\n`)))).toEqual([
      "record nests 5001 levels deep, over the limit of 64 for article metadata",
      "loaded ok"
    ])
  })

  it("HTML nesting 3,000 <div>s (the DOM library's recursion and Readability's cubic time)", () => {
    expect(reasonOf(articlesFromContent("divs.html", utf8(nestedHtml(3000))))).toEqual([
      "HTML elements nest 3000 deep, over the limit of 256 (no article page does)"
    ])
    expect(reasonOf(articlesFromContent("ok.html", utf8(nestedHtml(20))))).toEqual(["loaded ok.html"])
  })

  it("a JSON Lines record over the size limit, whatever its fields", () => {
    const big = JSON.stringify({ id: "big", text: "word ".repeat(3000) })
    const small = JSON.stringify({ id: "small", text: "A short article." })
    expect(reasonOf(articlesFromContent("feed.jsonl", utf8(`${big}\n${small}\n`), 10_000))).toEqual([
      expect.stringMatching(/^record is 0\.0 MB, over the 0\.0095\d* MB limit for one article$/),
      "loaded small"
    ])
    const array = JSON.stringify([{ id: "a", text: "x".repeat(20_000) }, { id: "b", text: "Short." }])
    expect(reasonOf(articlesFromContent("many.json", utf8(array), 10_000))).toEqual([
      expect.stringMatching(/^record 1: record's text is 0\.0 MB, over the/),
      "loaded b"
    ])
  })

  it("a field of the wrong type is named", () => {
    expect(reasonOf(articlesFromContent("n.jsonl", utf8(`${JSON.stringify({ id: "n", text: 42 })}\n`)))).toEqual([
      "record does not match {id, text, title?, date?, url?, source?, author?}: \"text\" is a number, not a string"
    ])
  })
})

describe("the per-document time budget", () => {
  it.effect("stops a worker that overruns, replaces it, skips the document with its stage, and goes on", () =>
    Effect.gen(function*() {
      const input = tempDir("budget-in")
      const out = tempDir("budget-out")
      for (const seed of readdirSync(join(repoRoot, "seeds"))) copyFileSync(join(repoRoot, "seeds", seed), join(input, seed))
      writeFileSync(join(input, "deep.json"), deepRecord(500))
      const result = yield* runPipeline({ input, out, formats: ["json"], workers: 1, budget: { maxBytes: 5 * 1024 * 1024, timeoutMs: 1 } })
      const seeds = result.manifest.inputs.filter((i) => i.file.endsWith(".txt"))
      expect(seeds.map((i) => [i.status, i.reason?.replace(/^\w+ stage: /, "")])).toEqual([
        ["skipped", "took more than 0 s, the time limit for one document (--doc-time-limit)"],
        ["skipped", "took more than 0 s, the time limit for one document (--doc-time-limit)"]
      ])
      for (const input of seeds) expect(["clean", "segment", "extract"]).toContain(input.stage)
      expect(result.manifest.inputs.find((i) => i.file === "deep.json")?.stage).toBe("load")
      expect(result.manifest.options).toMatchObject({ doc_size_limit_mb: 5, doc_time_limit_s: 0.001 })
      expect(JSON.parse(readFileSync(join(out, "json", "documents.json"), "utf8"))).toEqual([])
      // Inputs that ran out of time are tried again: the rerun reads the files, though none has changed.
      const again = yield* runPipeline({ input, out, formats: ["json"], workers: 1, budget: { maxBytes: 5 * 1024 * 1024, timeoutMs: 1 } })
      expect(again.run.inputsRead).toBe(true)
    }).pipe(Effect.provide(NodeServices.layer)), 120_000)
})

describe("the output folder", () => {
  it("is checked before any work: a file in the way or a place that cannot hold folders is one line on stderr", () => {
    const dir = tempDir("out-check")
    writeFileSync(join(dir, "taken"), "a file")
    expect(checkOutputFolder(join(dir, "taken"))?.reason).toBe(`${join(dir, "taken")} is a file, not a folder`)
    expect(checkOutputFolder(join(dir, "taken", "below"))?.reason).toBe(`${join(dir, "taken")} is a file, not a folder`)
    expect(checkOutputFolder(join(dir, "new", "nested"))).toBeNull()
    expect(existsSync(join(dir, "new", "nested"))).toBe(true)
    const run = runCli(["--input", "seeds", "--out", "/proc/newsfacts-out", "--workers", "0"])
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toMatch(/^newsfacts: cannot run: --out \/proc\/newsfacts-out: cannot create folder \/proc\/newsfacts-out \(\w+\)$/)
    expect(run.stdout).toBe("")
  }, 120_000)

  it("is locked by one run at a time; a lock whose process is gone is taken over", () => {
    const out = tempDir("lock")
    mkdirSync(join(out, ".state"))
    // A live holder (this test's parent process, which is certainly running).
    writeFileSync(lockFile(out), JSON.stringify({ pid: process.ppid, host: hostname() }))
    expect(acquireLock(out)?.reason).toMatch(new RegExp(`^another newsfacts run \\(pid ${process.ppid}\\) is writing to `))
    // A dead holder: a process that has exited.
    const dead = spawn(process.execPath, ["-e", ""])
    const deadPid = dead.pid!
    return new Promise<void>((resolve) => dead.on("exit", () => resolve())).then(() => {
      writeFileSync(lockFile(out), JSON.stringify({ pid: deadPid, host: hostname() }))
      expect(acquireLock(out)).toBeNull()
      expect(JSON.parse(readFileSync(lockFile(out), "utf8")).pid).toBe(process.pid)
      releaseLock(out)
      expect(existsSync(lockFile(out))).toBe(false)
    })
  })

  it.effect("publishing: a run killed after deciding is completed by the next; formats not asked for are removed", () =>
    Effect.gen(function*() {
      const out = tempDir("publish")
      yield* publishFiles(out, [{ path: "csv/t.csv", data: "old" }, { path: "json/t.json", data: "old" }, { path: "manifest.json", data: "old" }], [])
      expect(readFileSync(join(out, "csv/t.csv"), "utf8")).toBe("old")
      // Simulate a run killed right after writing its journal: staged files, journal, nothing moved.
      const staging = join(out, ".state", "staging")
      mkdirSync(join(staging, "csv"), { recursive: true })
      writeFileSync(join(staging, "csv/t.csv"), "new")
      writeFileSync(join(staging, "manifest.json"), "new")
      writeFileSync(join(out, ".state", "publish.json"), JSON.stringify({ files: ["csv/t.csv", "manifest.json"], remove: ["json/t.json"] }))
      expect(repairPublication(out)).toBe("completed the publication an interrupted run had started")
      expect([readFileSync(join(out, "csv/t.csv"), "utf8"), readFileSync(join(out, "manifest.json"), "utf8")]).toEqual(["new", "new"])
      expect(existsSync(join(out, "json"))).toBe(false)
      expect(existsSync(staging)).toBe(false)
      expect(repairPublication(out)).toBeNull()
      // A run killed before deciding: its staged files are thrown away, the outputs stay.
      mkdirSync(staging, { recursive: true })
      writeFileSync(join(staging, "manifest.json"), "half")
      expect(repairPublication(out)).toBe("removed the files an interrupted run had not yet published")
      expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe("new")
    }).pipe(Effect.provide(NodeServices.layer)))
})
