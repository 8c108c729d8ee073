/**
 * The command line end to end on seeds/: exit codes, the summary, the six tables in three formats,
 * byte-identical reruns, bad inputs landing in the manifest, stdin, and the input as a plain argument.
 */
import { describe, expect, it } from "@effect/vitest"
import { readFileSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { AllTables } from "../src/model/tables.ts"
import { runCli, tempDir } from "./support/cli.ts"

/** The published files, without the pipeline's own state in `.state/`. */
const listFiles = (dir: string): Array<string> =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((file) => !file.startsWith(".state/"))
    .sort()

describe("npm run pipeline", () => {
  it("writes every table in csv, json and arrow plus a manifest, and reruns byte-identically", () => {
    const first = tempDir("cli-a")
    const second = tempDir("cli-b")
    const run = runCli(["--input", "seeds", "--out", first])
    expect(run.stderr).not.toMatch(/ERROR/)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/documents\s+2/)
    expect(runCli(["--input", "seeds", "--out", second]).status).toBe(0)

    const expected = ["manifest.json", ...["csv", "json", "arrow"].flatMap((f) => AllTables.map((t) => `${f}/${t.name}.${f}`))].sort()
    expect(listFiles(first)).toEqual(expected)
    for (const file of expected) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true)
    }
    const manifest = JSON.parse(readFileSync(join(first, "manifest.json"), "utf8"))
    expect(manifest.inputs.map((i: { input_id: string; status: string }) => `${i.input_id} ${i.status}`)).toEqual([
      "000_a11e9ca4008d744f.txt processed",
      "003_331db8896ab59be3.txt processed"
    ])
    expect(manifest.counts.documents).toBe(2)
    // two full runs, each loading compromise and the syntax models in its workers: minutes on a busy machine
  }, 300_000)

  it("goes on past bad inputs, listing each in the manifest with its reason, and exits 0", () => {
    const input = tempDir("bad-in")
    const out = tempDir("bad-out")
    writeFileSync(join(input, "good.txt"), "Officials met in London on Monday for trade talks.")
    writeFileSync(join(input, "copy.txt"), "Officials met in London on Monday for trade talks.")
    writeFileSync(join(input, "empty.txt"), "")
    writeFileSync(join(input, "binary.txt"), Buffer.from([0x00, 0x01, 0x02, 0xff]))
    writeFileSync(join(input, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    writeFileSync(join(input, "feed.jsonl"), `${JSON.stringify({ id: "r1", text: "Talks began." })}\nnot json\n${JSON.stringify({ id: "r3" })}\n`)
    const run = runCli(["--input", input, "--out", out, "--formats", "json"])
    expect(run.status).toBe(0)
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"))
    const outcomes = manifest.inputs.map((i: { input_id: string; status: string; reason: string | null }) => `${i.input_id}: ${i.status}${i.reason ? ` (${i.reason})` : ""}`)
    expect(outcomes).toEqual([
      "binary.txt: skipped (binary file (contains NUL bytes), not text)",
      "copy.txt: processed",
      "empty.txt: skipped (empty file)",
      "r1: processed",
      expect.stringMatching(/^feed\.jsonl:2: skipped \(not valid JSON/),
      "feed.jsonl:3: skipped (record has no \"text\" field)",
      "good.txt: duplicate (same text as copy.txt after cleaning; processed once)",
      "latin1.txt: skipped (not valid UTF-8 text)"
    ])
    expect(manifest.counts).toMatchObject({ inputs: 8, processed: 2, duplicates: 1, skipped: 5 })
    const documents = JSON.parse(readFileSync(join(out, "json/documents.json"), "utf8"))
    expect(documents.map((d: { input_id: string; duplicate_of: string | null }) => [d.input_id, d.duplicate_of !== null])).toEqual([
      ["copy.txt", false],
      ["r1", false],
      ["good.txt", true]
    ])
    expect(run.stdout).toMatch(/skipped\s+5/)
  })

  it("reads JSON Lines on standard input with --input -", () => {
    const out = tempDir("stdin")
    const lines = `${JSON.stringify({ id: "s1", text: "Leaders met in Paris.", date: "2024-03-01" })}\n`
    const run = runCli(["--input", "-", "--out", out, "--formats", "csv"], lines)
    expect(run.status).toBe(0)
    const csv = readFileSync(join(out, "csv/documents.csv"), "utf8")
    expect(csv.split("\n")[1]).toMatch(/^doc_[0-9a-f]{12},s1,/)
    expect(csv).toContain("2024-03-01")
  })

  it("takes the input as a plain argument too, before or after the flags", () => {
    const lines = `${JSON.stringify({ id: "p1", text: "Ministers met in Rome.", date: "2024-04-02" })}\n`
    for (const args of [["-", "--formats", "csv", "--out"], ["--formats", "csv", "-", "--out"]]) {
      const out = tempDir("positional")
      const run = runCli([...args, out], lines)
      expect(run.status).toBe(0)
      expect(readFileSync(join(out, "csv/documents.csv"), "utf8").split("\n")[1]).toMatch(/^doc_[0-9a-f]{12},p1,/)
    }
  })

  it("exits 1 with a one-line reason when it cannot run", () => {
    const missing = runCli(["--input", "does-not-exist", "--out", tempDir("missing")])
    expect(missing.status).toBe(1)
    expect(missing.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^newsfacts: cannot run: does-not-exist: cannot read input/)])
    const badFormat = runCli(["--formats", "xlsx", "--out", tempDir("fmt")])
    expect(badFormat.status).toBe(1)
    expect(badFormat.stderr.trim()).toBe("newsfacts: cannot run: unknown format(s) xlsx; choose from csv, json, arrow")
    const twice = runCli(["--input", "seeds", "other", "--out", tempDir("twice")])
    expect(twice.status).toBe(1)
    expect(twice.stderr.trim()).toBe("newsfacts: cannot run: give the input once: --input seeds or other, not both")
  })
})
