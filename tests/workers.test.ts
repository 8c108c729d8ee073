/**
 * Worker threads: the tables do not depend on how many threads did the work (results are kept in
 * input order, not completion order), and threads start only for documents that need extracting.
 * Also shows a worker thread loads the TypeScript sources under vitest (Node strips the types itself).
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { copyFileSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { runPipeline } from "../pipeline/pipeline.ts"
import { Nlp } from "../src/nlp/Nlp.ts"
import { repoRoot } from "./support/shared.ts"
import { tempDir } from "./support/cli.ts"
import { publishedFiles } from "./support/published.ts"

const layer = Layer.mergeAll(NodeServices.layer, Nlp.layer)

const published = (out: string) => publishedFiles(out, "utf8")

describe("worker threads", () => {
  it.effect("give the same tables on 2 worker threads as in the main thread", () =>
    Effect.gen(function*() {
      const input = tempDir("workers-in")
      for (const seed of readdirSync(join(repoRoot, "seeds"))) copyFileSync(join(repoRoot, "seeds", seed), join(input, seed))
      // Short articles finish before the long seeds: completion order differs from input order.
      writeFileSync(join(input, "001_short.txt"), "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Friday.")
      writeFileSync(join(input, "002_short.txt"), "\"We will talk again,\" Prime Minister Keir Starmer said in London.")
      const outputs: Array<Record<string, string>> = []
      for (const workers of [0, 2]) {
        const out = tempDir(`workers-${workers}`)
        const result = yield* runPipeline({ input, out, formats: ["json", "csv"], workers })
        expect(result.run).toEqual({ extracted: 4, reused: 0, storyWeights: "first run", workers, clustered: false, rewritten: true, store: null, inputsRead: true })
        outputs.push(published(out))
      }
      expect(Object.keys(outputs[0]).length).toBeGreaterThan(10)
      expect(outputs[1]).toEqual(outputs[0])
      const documents = JSON.parse(outputs[1]["json/documents.json"]) as Array<{ input_id: string }>
      expect(documents.map((d) => d.input_id)).toEqual(["000_a11e9ca4008d744f.txt", "001_short.txt", "002_short.txt", "003_331db8896ab59be3.txt"])
    }).pipe(Effect.provide(layer)))
})
