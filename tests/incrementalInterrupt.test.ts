/**
 * A run killed midway (SIGKILL, SIGINT) leaves the previous outputs as they were, and the next run
 * finishes from where the killed one stopped: it extracts only what was not saved and lists every
 * article once. The killed run is the real command line in a child process.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { spawn } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { runPipeline } from "../pipeline/pipeline.ts"
import type { PipelineOptions } from "../pipeline/pipeline.ts"
import { Nlp } from "../src/nlp/Nlp.ts"
import { repoRoot } from "./support/shared.ts"
import { tempDir } from "./support/cli.ts"
import { countRows, dropScratchSchemas, postgresUnavailable, postgresUrl, scratchSchema } from "./support/postgresSchemas.ts"
import { publishedFiles } from "./support/published.ts"

const layer = Layer.mergeAll(NodeServices.layer, Nlp.layer)

/** Thirty short, distinct articles (enough that one worker needs a few seconds for them all). */
const writeArticles = (dir: string, from: number, to: number) => {
  const people = ["Keir Starmer", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sanchez", "Donald Tusk"]
  const cities = ["London", "Paris", "Berlin", "Rome", "Madrid", "Warsaw"]
  for (let i = from; i < to; i++) {
    const [a, b] = [people[i % 6], people[(i + 1) % 6]]
    const text = [
      `${a} met ${b} in ${cities[i % 6]} on Monday for talks on trade and energy, round ${i + 1}.`,
      `"We made progress on the ${i + 1} points we set out," ${a} told reporters after the meeting.`,
      `${b} said the two governments would meet again in ${cities[(i + 2) % 6]} next month to sign an agreement.`
    ].join("\n\n")
    writeFileSync(join(dir, `article-${String(i).padStart(2, "0")}.txt`), text)
  }
}

const published = (out: string) => publishedFiles(out, "utf8")

const embeddedSavedCount = (out: string): number => {
  const file = join(out, ".state", "state.sqlite")
  if (!existsSync(file)) return 0
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return (db.prepare("SELECT count(*) AS n FROM extractions").get() as { n: number }).n
  } catch {
    return 0 // the table is being created
  } finally {
    db.close()
  }
}

/** Where a run keeps its state: embedded in OUT/.state, or in a PostgreSQL schema of its own (skipped without PostgreSQL). */
interface StoreUnderTest {
  readonly name: string
  readonly unavailable: string | null
  /** The pipeline's options and the CLI's flags that choose the store, per output folder. */
  readonly options: (out: string) => Partial<PipelineOptions>
  readonly flags: (out: string) => ReadonlyArray<string>
  /** How many results are saved so far. */
  readonly savedCount: (out: string) => Promise<number>
}

const postgresMissing = await postgresUnavailable()
if (postgresMissing !== null) console.log(`interrupted runs on the PostgreSQL store skipped: ${postgresMissing}`)
afterAll(() => (postgresMissing === null ? dropScratchSchemas() : undefined))
const schemaOf = new Map<string, string>()
const schemaFor = (out: string) => schemaOf.get(out) ?? schemaOf.set(out, scratchSchema("kill")).get(out)!

const embedded: StoreUnderTest = {
  name: "embedded",
  unavailable: null,
  options: () => ({}),
  flags: () => [],
  savedCount: async (out) => embeddedSavedCount(out)
}
const onPostgres: StoreUnderTest = {
  name: "PostgreSQL",
  unavailable: postgresMissing,
  options: (out) => ({ store: postgresUrl, storeSchema: schemaFor(out) }),
  flags: (out) => ["--store", postgresUrl, "--store-schema", schemaFor(out)],
  savedCount: (out) => countRows(schemaFor(out), "extractions")
}

/**
 * Starts the CLI in one process (Node runs the TypeScript sources itself), sends `signal` once `killAt` results are saved, and resolves with the
 * exit when the process is gone.
 */
const runAndKill = (args: ReadonlyArray<string>, out: string, killAt: number, signal: NodeJS.Signals, savedCount: StoreUnderTest["savedCount"]) =>
  Effect.promise(
    () =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; savedAtKill: number }>((resolve) => {
        const child = spawn(process.execPath, [join(repoRoot, "pipeline/main.ts"), ...args], { cwd: repoRoot, stdio: "ignore" })
        let savedAtKill = -1
        let counting = false
        const poll = setInterval(() => {
          if (counting) return
          counting = true
          void savedCount(out).then((saved) => {
            counting = false
            if (saved >= killAt && savedAtKill < 0) {
              savedAtKill = saved
              child.kill(signal)
            }
          })
        }, 25)
        child.on("exit", (code, exitSignal) => {
          clearInterval(poll)
          resolve({ code, signal: exitSignal, savedAtKill })
        })
      })
  )

const killMidway = (signal: NodeJS.Signals, store: StoreUnderTest) =>
  Effect.gen(function*() {
    const input = tempDir("kill-in")
    const out = tempDir("kill-out")
    writeArticles(input, 0, 4)
    yield* runPipeline({ input, out, formats: ["json"], workers: 0, ...store.options(out) })
    const before = published(out)

    writeArticles(input, 4, 30)
    const killed = yield* runAndKill(["--input", input, "--out", out, "--formats", "json", "--workers", "1", ...store.flags(out)], out, 7, signal, store.savedCount)
    expect(killed.savedAtKill).toBeGreaterThanOrEqual(7)
    expect(killed.code === 0, "the run was killed before it finished").toBe(false)
    expect(published(out)).toEqual(before)

    const resumed = yield* runPipeline({ input, out, formats: ["json"], workers: 0, ...store.options(out) })
    const saved = resumed.run.reused
    expect(saved).toBeGreaterThanOrEqual(killed.savedAtKill)
    expect(resumed.run.extracted + saved).toBe(30)
    expect(saved).toBeLessThan(30)
    const documents = JSON.parse(readFileSync(join(out, "json", "documents.json"), "utf8")) as Array<{ input_id: string }>
    expect(documents.map((d) => d.input_id)).toEqual(Array.from({ length: 30 }, (_, i) => `article-${String(i).padStart(2, "0")}.txt`))

    // The same two runs without the kill give the same tables (ids cited after the first run are kept
    // in both, so the comparison is with the uninterrupted incremental path, not with a fresh build).
    const calmInput = tempDir("calm-in")
    const calm = tempDir("calm-out")
    writeArticles(calmInput, 0, 4)
    yield* runPipeline({ input: calmInput, out: calm, formats: ["json"], workers: 0 })
    writeArticles(calmInput, 4, 30)
    yield* runPipeline({ input: calmInput, out: calm, formats: ["json"], workers: 0 })
    // The manifest and the report name the input folder, which differs.
    const tables = (dir: string) => Object.entries(published(dir)).filter(([file]) => file !== "manifest.json" && file !== "report/index.html")
    expect(tables(out)).toEqual(tables(calm))
  }).pipe(Effect.provide(layer))

describe("interrupted runs", () => {
  it.effect("SIGKILL midway leaves the previous outputs intact and the next run completes the rest", () => killMidway("SIGKILL", embedded))
  it.effect("SIGINT midway leaves the previous outputs intact and the next run completes the rest", () => killMidway("SIGINT", embedded))
})

describe.skipIf(onPostgres.unavailable !== null)("interrupted runs on the PostgreSQL store", () => {
  it.effect("SIGKILL midway leaves the previous outputs intact and the next run completes the rest from the results saved in PostgreSQL", () =>
    killMidway("SIGKILL", onPostgres))
})
