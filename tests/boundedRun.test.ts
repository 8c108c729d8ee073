/**
 * The bounded extraction phase: while documents are extracted the run keeps a receipt of each result
 * and the extraction waits in the state store, read back for dedupe once the workers are closed. Its
 * outputs are byte for byte those of the path that holds every extraction in memory, on a first run
 * and on a rerun that reuses saved results; and the extractions it made are not held once extraction
 * is over.
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Context, Effect, Exit, Layer, Scope } from "effect"
import { copyFileSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { runPipeline } from "../pipeline/pipeline.ts"
import { Nlp } from "../src/nlp/Nlp.ts"
import type { LoadedDocument } from "../src/model/document.ts"
import type { DocumentExtraction } from "../src/model/extraction.ts"
import { IncrementalRun } from "../src/state/incremental.ts"
import { Store, embeddedStore } from "../src/state/storeService.ts"
import type { DocumentResult } from "../src/workers/index.ts"
import { repoRoot } from "./support/shared.ts"
import { tempDir } from "./support/cli.ts"
import { publishedFiles } from "./support/published.ts"

const layer = Layer.mergeAll(NodeServices.layer, Nlp.layer)

const published = (out: string) => publishedFiles(out, "base64")

describe("the bounded extraction phase", () => {
  it.effect("writes the same bytes as the in-memory path, on a first run and on a rerun that reuses saved results", () =>
    Effect.gen(function*() {
      // The seed articles, an exact copy of one (a duplicate), an empty file (skipped) and a short report.
      const input = tempDir("bounded-in")
      for (const name of readdirSync(join(repoRoot, "seeds"))) copyFileSync(join(repoRoot, "seeds", name), join(input, name))
      const first = readdirSync(input).sort()[0]
      copyFileSync(join(input, first), join(input, `copy-of-${first}`))
      writeFileSync(join(input, "empty.txt"), "")
      const bounded = tempDir("bounded-out")
      const inMemory = tempDir("in-memory-out")
      const both = () =>
        Effect.gen(function*() {
          const a = yield* runPipeline({ input, out: bounded, formats: ["csv", "json", "arrow"], workers: 0 })
          const b = yield* runPipeline({ input, out: inMemory, formats: ["csv", "json", "arrow"], workers: 0, holdInMemory: true })
          return [a.run, b.run] as const
        })
      const [firstBounded, firstInMemory] = yield* both()
      expect(firstBounded).toMatchObject({ extracted: 3, reused: 0 })
      expect(firstInMemory).toEqual(firstBounded)
      const firstOutputs = published(bounded)
      expect(JSON.parse(Buffer.from(firstOutputs["manifest.json"], "base64").toString()).counts).toMatchObject({ processed: 2, duplicates: 1, skipped: 1 })
      expect(published(inMemory)).toEqual(firstOutputs)

      writeFileSync(join(input, "later.txt"), "Emmanuel Macron told reporters in Paris that the talks with Keir Starmer would continue in London.")
      const [rerunBounded, rerunInMemory] = yield* both()
      expect(rerunBounded).toMatchObject({ extracted: 1, reused: 3 })
      expect(rerunInMemory).toEqual(rerunBounded)
      expect(published(inMemory)).toEqual(published(bounded))
      expect(published(bounded)).not.toEqual(firstOutputs)
    }).pipe(Effect.provide(layer)))

  it("holds no extraction once it is made, and reads each back from the store; the in-memory path holds them all", async () => {
    setFlagsFromString("--expose-gc")
    const collectGarbage = runInNewContext("gc") as () => void
    const scope = Scope.makeUnsafe()
    const docs: Array<LoadedDocument> = [1, 2, 3].map((k) => ({
      docId: `doc_${k}`,
      inputId: `input-${k}.txt`,
      file: `input-${k}.txt`,
      line: null,
      format: "txt",
      text: `Article ${k}.`,
      given: { title: null, date: null, url: null, source: null, author: null, extra: {} }
    }))
    const extractionOf = (doc: LoadedDocument) =>
      ({ docId: doc.docId, inputId: doc.inputId, contentHash: `hash-${doc.docId}`, diagnostics: [], payload: "x".repeat(1000) }) as unknown as DocumentExtraction

    const extractAll = async (holdInMemory: boolean) => {
      const store = await Effect.runPromise(Layer.build(embeddedStore(tempDir("bounded-state"))).pipe(Effect.map(Context.get(Store)), Scope.provide(scope)))
      const run = new IncrementalRun(store, "code", { holdInMemory })
      const made: Array<WeakRef<DocumentExtraction>> = []
      const extract = (doc: LoadedDocument) =>
        Effect.sync((): DocumentResult => {
          const extraction = extractionOf(doc)
          made.push(new WeakRef(extraction))
          return { _tag: "Extracted", extraction, cleanDiagnostics: [] }
        })
      const receipts = []
      for (const doc of docs) receipts.push(await Effect.runPromise(run.resultFor(doc, extract)))
      // A WeakRef keeps its target for the rest of the job that made it: collect on a later one.
      await new Promise((resolve) => setTimeout(resolve, 0))
      collectGarbage()
      return { run, receipts, alive: made.filter((ref) => ref.deref() !== undefined).length }
    }

    const bounded = await extractAll(false)
    expect(bounded.receipts).toEqual(docs.map((d) => ({ _tag: "Extracted", contentHash: `hash-${d.docId}`, diagnostics: [], cleanDiagnostics: [] })))
    expect(bounded.alive).toBe(0)
    expect(await Effect.runPromise(Effect.forEach(docs, (d) => bounded.run.savedExtraction(d.inputId)))).toEqual(docs.map(extractionOf))

    const inMemory = await extractAll(true)
    expect(inMemory.alive).toBe(3)
    expect(await Effect.runPromise(Effect.forEach(docs, (d) => inMemory.run.savedExtraction(d.inputId)))).toEqual(docs.map(extractionOf))
    await Effect.runPromise(Scope.close(scope, Exit.void))
  })
})
