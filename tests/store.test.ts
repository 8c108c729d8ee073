/**
 * The store's one interface (`Store`, src/state/storeService.ts) on its two implementations: embedded
 * (SQLite in a folder) and PostgreSQL (a schema of its own, unique to this test run and dropped after
 * it; skipped with the reason printed when no PostgreSQL answers). Each operation is checked for the
 * values it keeps and gives back. Then what only PostgreSQL has: the embedded and PostgreSQL stores give
 * the same bytes, one run at a time per schema, and one line with exit 1 for a wrong or unreachable URL.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { readdirSync } from "node:fs"
import { DatabaseSync } from "node:sqlite"
import { join } from "node:path"
import { runPipeline } from "../pipeline/pipeline.ts"
import type { DocumentExtraction } from "../src/model/extraction.ts"
import { Nlp } from "../src/nlp/Nlp.ts"
import type { Citations } from "../src/state/citedIds.ts"
import { postgresStore } from "../src/state/postgresStore.ts"
import { STATE_VERSION, StateStore } from "../src/state/store.ts"
import { Store, embeddedStore } from "../src/state/storeService.ts"
import type { DocumentResult } from "../src/workers/index.ts"
import { runCli, tempDir } from "./support/cli.ts"
import { dropScratchSchemas, postgresUnavailable, postgresUrl, scratchSchema } from "./support/postgresSchemas.ts"
import { repoRoot } from "./support/shared.ts"
import { publishedFiles } from "./support/published.ts"

const postgresMissing = await postgresUnavailable()
if (postgresMissing !== null) console.log(`PostgreSQL store tests skipped: ${postgresMissing}`)
afterAll(() => (postgresMissing === null ? dropScratchSchemas() : undefined))

const extracted = (contentHash: string): DocumentResult => ({
  _tag: "Extracted",
  // The fields a receipt reads, in the order the pipeline writes them, and a payload that stands for the rest.
  extraction: { docId: "d", inputId: "a.txt", contentHash, diagnostics: [{ code: "date", message: "no date" }], zeta: 1, alpha: [2] } as unknown as DocumentExtraction,
  cleanDiagnostics: [{ code: "clean", message: "boilerplate removed" }]
} as unknown as DocumentResult)
const skippedResult = { _tag: "Skipped", stage: "clean", reason: "empty after cleaning" } as unknown as DocumentResult

const implementations = [
  { name: "embedded", unavailable: null, layer: () => embeddedStore(tempDir("store")) },
  { name: "PostgreSQL", unavailable: postgresMissing, layer: () => postgresStore({ url: postgresUrl, schema: scratchSchema("store") }) }
] as const

for (const implementation of implementations) {
  describe.skipIf(implementation.unavailable !== null)(`the ${implementation.name} store`, () => {
    it.effect("keeps a result under its input and key, gives its receipt, and replaces it when the input's key changes", () =>
      Effect.gen(function*() {
        const store = yield* Store
        expect(yield* store.savedResult("a.txt", "k1")).toBeUndefined()
        yield* store.saveResult("a.txt", "k1", extracted("h1"))
        yield* store.saveResult("b.txt", "k2", skippedResult)
        // Same JSON text back, key order included (the outputs depend on it).
        expect(JSON.stringify(yield* store.savedResult("a.txt", "k1"))).toBe(JSON.stringify(extracted("h1")))
        expect(yield* store.savedReceipt("a.txt", "k1")).toEqual({
          _tag: "Extracted",
          contentHash: "h1",
          diagnostics: [{ code: "date", message: "no date" }],
          cleanDiagnostics: [{ code: "clean", message: "boilerplate removed" }]
        })
        expect(yield* store.savedReceipt("b.txt", "k2")).toEqual(skippedResult)
        expect(yield* store.savedReceipt("a.txt", "other")).toBeUndefined()
        yield* store.saveResult("a.txt", "k3", extracted("h3"))
        expect(yield* store.savedResult("a.txt", "k1")).toBeUndefined()
        expect((yield* store.savedReceipt("a.txt", "k3"))).toMatchObject({ contentHash: "h3" })

        yield* store.keepOnlyInputs(new Set(["b.txt", "c.txt"]))
        expect(yield* store.savedResult("a.txt", "k3")).toBeUndefined()
        expect(yield* store.savedReceipt("a.txt", "k3")).toBeUndefined()
        expect(yield* store.savedResult("b.txt", "k2")).toEqual(skippedResult)
        yield* store.forgetExtractions
        expect(yield* store.savedResult("b.txt", "k2")).toBeUndefined()
        expect(yield* store.savedReceipt("b.txt", "k2")).toBeUndefined()
      }).pipe(Effect.provide(implementation.layer())))

    if (implementation.name === "embedded") {
      it("gives the receipts of a state saved before the receipts table, picked out of its saved results", () => {
        const folder = tempDir("store-old")
        // A state as runs before the table left it: the results only.
        const db = new DatabaseSync(join(folder, "state.sqlite"))
        db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('version', '" + STATE_VERSION + "');")
        db.exec("CREATE TABLE extractions (input_id TEXT PRIMARY KEY, document_key TEXT NOT NULL, result TEXT NOT NULL)")
        const insert = db.prepare("INSERT INTO extractions VALUES (?, ?, ?)")
        insert.run("a.txt", "k1", JSON.stringify(extracted("h1")))
        insert.run("b.txt", "k2", JSON.stringify(skippedResult))
        insert.run("c.txt", "k3", JSON.stringify({ _tag: "Extracted", extraction: { contentHash: "h3" } }))
        db.close()
        const store = StateStore.open(folder)
        expect(store.savedReceipt("a.txt", "k1")).toEqual({
          _tag: "Extracted",
          contentHash: "h1",
          diagnostics: [{ code: "date", message: "no date" }],
          cleanDiagnostics: [{ code: "clean", message: "boilerplate removed" }]
        })
        expect(store.savedReceipt("b.txt", "k2")).toEqual(skippedResult)
        // A result without diagnostics gives empty lists, as a fresh receipt would.
        expect(store.savedReceipt("c.txt", "k3")).toEqual({ _tag: "Extracted", contentHash: "h3", diagnostics: [], cleanDiagnostics: [] })
        expect(store.savedReceipt("a.txt", "other")).toBeUndefined()
        store.close()
      })
    }

    it.effect("keeps each document's citations, the story weights with their basis, and the published record", () =>
      Effect.gen(function*() {
        const store = yield* Store
        expect(yield* store.citations(["d1"])).toEqual(new Map())
        yield* store.saveCitations(new Map<string, Citations>([["d1", { "actor:m1": "actor_a" }], ["d2", { "story:d2": "story_x" }]]))
        yield* store.saveCitations(new Map<string, Citations>([["d1", { "actor:m1": "actor_b" }]]))
        expect(yield* store.citations(["d1", "d2", "d3"])).toEqual(new Map([["d1", { "actor:m1": "actor_b" }], ["d2", { "story:d2": "story_x" }]]))

        expect(yield* store.storyWeights).toBeUndefined()
        yield* store.replaceStoryWeights({ documents: 4, fingerprint: "f1" }, new Map([["w:talks", 2], ["a:macron", 1]]))
        yield* store.addStoryWeights(new Map([["w:trade", 1]]))
        expect(yield* store.storyWeights).toEqual({
          basis: { documents: 4, fingerprint: "f1" },
          weights: { documents: 4, frequencies: new Map([["w:talks", 2], ["a:macron", 1], ["w:trade", 1]]) }
        })
        yield* store.replaceStoryWeights({ documents: 9, fingerprint: "f2" }, new Map([["w:rain", 3]]))
        expect(yield* store.storyWeights).toEqual({ basis: { documents: 9, fingerprint: "f2" }, weights: { documents: 9, frequencies: new Map([["w:rain", 3]]) } })

        expect(yield* store.publishedRecord).toBeUndefined()
        yield* store.savePublishedRecord("{\"runKey\":\"r1\"}")
        expect(yield* store.publishedRecord).toBe("{\"runKey\":\"r1\"}")
        yield* store.forgetPublishedRecord
        expect(yield* store.publishedRecord).toBeUndefined()
      }).pipe(Effect.provide(implementation.layer())))
  })
}

const published = (out: string) => publishedFiles(out, "utf8")

describe.skipIf(postgresMissing !== null)("the pipeline on the PostgreSQL store", () => {
  it.effect("writes the same bytes as on the embedded store, keeps no state in the output folder, and a rerun reuses every result", () =>
    Effect.gen(function*() {
      const input = join(repoRoot, "seeds")
      const embedded = tempDir("store-embedded")
      const onPostgres = tempDir("store-postgres")
      const options = { input, formats: ["json", "csv", "arrow"] as const, workers: 0 }
      yield* runPipeline({ ...options, out: embedded })
      const storeSchema = scratchSchema("seeds")
      const first = yield* runPipeline({ ...options, out: onPostgres, store: postgresUrl, storeSchema })
      expect(first.run.store).toMatch(/^postgres:\/\/.* \(schema nf_test_seeds_/)
      expect(published(onPostgres)).toEqual(published(embedded))
      expect(readdirSync(join(onPostgres, ".state"))).not.toContain("state.sqlite")
      const again = yield* runPipeline({ ...options, out: onPostgres, store: postgresUrl, storeSchema })
      expect(again.run).toMatchObject({ extracted: 0, reused: first.run.extracted, rewritten: false })
    }).pipe(Effect.provide(Layer.mergeAll(NodeServices.layer, Nlp.layer))))

  it.effect("one run at a time per schema: a second store on the same schema fails with its reason while the first is open", () =>
    Effect.gen(function*() {
      const schema = scratchSchema("lock")
      const openStore = Effect.gen(function*() {
        return yield* Store
      }).pipe(Effect.provide(postgresStore({ url: postgresUrl, schema })))
      const second = yield* Effect.flip(openStore).pipe(Effect.provide(postgresStore({ url: postgresUrl, schema })))
      expect(second).toMatchObject({ _tag: "StoreError", reason: expect.stringMatching(/another run is using this store/) })
      // Once the first is closed, the schema is free again.
      expect((yield* openStore).location).toContain(schema)
    }))

  it("a wrong or unreachable URL stops the run with one line and exit code 1, the password masked", () => {
    const out = tempDir("store-bad-url")
    const refused = runCli(["--input", "seeds", "--out", out, "--store", "postgres://postgres:secret@127.0.0.1:1/test"])
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim()).toMatch(/^newsfacts: cannot run: store postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test \(schema newsfacts\): .*ECONNREFUSED/)
    expect(refused.stderr.trim().split("\n")).toHaveLength(1)
    const noDatabase = runCli(["--input", "seeds", "--out", out, "--store", `${new URL("/newsfacts_no_such_db", postgresUrl)}`])
    expect(noDatabase.status).toBe(1)
    expect(noDatabase.stderr.trim()).toMatch(/^newsfacts: cannot run: store .*: .*database "newsfacts_no_such_db" does not exist$/)
    const notPostgres = runCli(["--input", "seeds", "--out", out, "--store", "mysql://127.0.0.1/test"])
    expect(notPostgres.stderr.trim()).toBe("newsfacts: cannot run: store mysql://127.0.0.1/test (schema newsfacts): not a postgres:// URL")
    expect(notPostgres.status).toBe(1)
  })
})
