import { execFileSync } from "node:child_process"
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Stream } from "effect"
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { articlesFromContent, loadInputs, MAX_ARTICLE_BYTES } from "../src/load/index.ts"
import type { LoadOutcome } from "../src/load/index.ts"
import { tempDir } from "./support/tempDirs.ts"

const utf8 = (text: string) => new TextEncoder().encode(text)
const reasons = (outcomes: ReadonlyArray<LoadOutcome>) =>
  outcomes.map((o) => (o._tag === "Skipped" ? `${o.outcome.file}${o.outcome.line === null ? "" : `:${o.outcome.line}`} ${o.outcome.reason}` : `loaded ${o.doc.inputId}`))

describe("load: one file's content", () => {
  it("reads a .txt article, removing a BOM", () => {
    const [outcome] = articlesFromContent("a.txt", utf8("\uFEFFHello world."))
    expect(outcome._tag).toBe("Loaded")
    if (outcome._tag === "Loaded") {
      expect(outcome.doc.text).toBe("Hello world.")
      expect(outcome.doc.inputId).toBe("a.txt")
      expect(outcome.doc.docId).toMatch(/^doc_[0-9a-f]{12}$/)
    }
  })

  it("skips empty, white-space-only, binary and invalid UTF-8 files with a reason naming the file", () => {
    expect(reasons(articlesFromContent("empty.txt", new Uint8Array()))).toEqual(["empty.txt empty file"])
    expect(reasons(articlesFromContent("blank.txt", utf8(" \n\t\n")))).toEqual(["blank.txt empty file (only white space)"])
    expect(reasons(articlesFromContent("image.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))))
      .toEqual(["image.txt binary file (contains NUL bytes), not text"])
    expect(reasons(articlesFromContent("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f]))))
      .toEqual(["latin1.txt not valid UTF-8 text"])
  })

  it("skips a file over the size limit for one article", () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61)
    expect(reasons(articlesFromContent("huge.txt", big))).toEqual(["huge.txt file is 5.0 MB, over the 5 MB limit for one article"])
  })

  it("reads JSON Lines records and skips bad lines with their line numbers", () => {
    const content = [
      JSON.stringify({ id: "r1", text: "One.", date: "2025-06-10", title: "T", lang: "en" }),
      "{not json",
      "",
      JSON.stringify({ id: "r3", body: "no text field" }),
      JSON.stringify({ id: 4, text: "Four." }),
      JSON.stringify({ text: "No id." }),
      JSON.stringify({ id: "r6", text: 42 })
    ].join("\n")
    const outcomes = articlesFromContent("feed.jsonl", utf8(content))
    expect(reasons(outcomes)).toEqual([
      "loaded r1",
      expect.stringMatching(/^feed\.jsonl:2 not valid JSON/),
      "feed.jsonl:4 record has no \"text\" field",
      "loaded 4",
      "loaded feed.jsonl:6",
      expect.stringMatching(/^feed\.jsonl:7 record does not match/)
    ])
    const first = outcomes[0]
    if (first._tag !== "Loaded") throw new Error("expected a loaded record")
    expect(first.doc.given).toEqual({ title: "T", date: "2025-06-10", url: null, source: null, author: null, extra: { lang: "en" } })
  })

  it("reads a .json file holding one record or an array of records", () => {
    expect(reasons(articlesFromContent("one.json", utf8(JSON.stringify({ id: "x", text: "Hi." }))))).toEqual(["loaded x"])
    expect(reasons(articlesFromContent("many.json", utf8(JSON.stringify([{ id: "a", text: "A." }, { id: "b" }])))))
      .toEqual(["loaded a", "many.json:2 record 2: record has no \"text\" field"])
    expect(reasons(articlesFromContent("bad.json", utf8("[1, 2")))).toEqual([expect.stringMatching(/^bad\.json not valid JSON/)])
  })
})

describe("load: a folder", () => {
  it.effect("streams every supported file in sorted order, skipping unreadable paths, special files and repeated ids, through folder loops", () =>
    Effect.gen(function*() {
      const dir = tempDir("load")
      writeFileSync(join(dir, "b.txt"), "Second article.")
      writeFileSync(join(dir, "a.md"), "# Title\n\nFirst article.")
      writeFileSync(join(dir, "notes.csv"), "ignored,because,not,an,article")
      writeFileSync(join(dir, "feed.jsonl"), `${JSON.stringify({ id: "a.md", text: "Same id as a file." })}\n`)
      mkdirSync(join(dir, "folder.txt"))
      writeFileSync(join(dir, "folder.txt", "inner.txt"), "A folder named like an article is a folder.")
      symlinkSync(join(dir, "missing-target"), join(dir, "dangling.txt"))
      symlinkSync(dir, join(dir, "folder.txt", "loop")) // back to the root: read once
      execFileSync("mkfifo", [join(dir, "pipe.jsonl")]) // never opened: reading it would wait forever
      const outcomes = yield* Stream.runCollect(loadInputs({ input: dir }))
      expect(reasons(outcomes)).toEqual([
        "loaded a.md",
        "loaded b.txt",
        expect.stringMatching(/^dangling\.txt cannot read file/),
        "feed.jsonl:1 input id \"a.md\" was already used by a.md",
        "loaded folder.txt/inner.txt",
        "pipe.jsonl a FIFO, not an article file"
      ])
    }).pipe(Effect.provide(NodeServices.layer)))

  it.effect("fails with InputError when the input does not exist", () =>
    Effect.gen(function*() {
      const error = yield* Stream.runCollect(loadInputs({ input: "/nonexistent/newsfacts" })).pipe(Effect.flip)
      expect(error._tag).toBe("InputError")
      expect(error.reason).toMatch(/^cannot read input/)
    }).pipe(Effect.provide(NodeServices.layer)))
})
