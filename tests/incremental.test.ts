/**
 * Incremental runs over OUT/.state: a rerun reuses every saved result and writes the same bytes, and
 * with nothing new and untouched outputs rewrites nothing; an added article is the only one extracted and every published id stays; a changed article's old
 * contributions disappear; an added article leaves the earlier reports' stories alone (story weights
 * kept), and the weights are counted again on `rebuild`, on new code or models, and when the archive
 * has doubled or halved; `rebuild` and a fresh folder give the same outputs as an incremental run that
 * counted them again.
 * Runs in this thread (`workers: 0`); tests/workers.test.ts shows threads give the same tables. Then
 * the id keeping on its own, on clusters that grow and split.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { copyFileSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"
import { runPipeline } from "../pipeline/pipeline.ts"
import type { PipelineOptions } from "../pipeline/pipeline.ts"
import { Nlp } from "../src/nlp/Nlp.ts"
import type { Dataset } from "../src/model/tables.ts"
import { keepCitedIds } from "../src/state/citedIds.ts"
import { tempDir } from "./support/cli.ts"
import { dropScratchSchemas, postgresUnavailable, postgresUrl, scratchSchema } from "./support/postgresSchemas.ts"
import { publishedFiles } from "./support/published.ts"

const layer = Layer.mergeAll(NodeServices.layer, Nlp.layer)

const article = {
  talks: "Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Monday.\n\n\"We agreed to work together on trade,\" Starmer said after the meeting.",
  berlin: "Chancellor Olaf Scholz held talks with Polish officials in Berlin on Tuesday.\n\nScholz said the talks had been useful.",
  madrid: "Officials from Spain and Portugal met in Madrid on Tuesday to discuss water rights.",
  followUp: "Emmanuel Macron told reporters in Paris that the talks with Keir Starmer would continue in London."
}

const folderWith = (files: Record<string, string>): string => {
  const dir = tempDir("incr-in")
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/**
 * The two stores the suite runs on: embedded (OUT/.state), and PostgreSQL, each output folder with a
 * schema of its own, unique to this run and dropped after it (skipped, with the reason printed, when no
 * PostgreSQL answers at DATABASE_URL or 127.0.0.1:5432/test).
 */
const postgresMissing = await postgresUnavailable()
if (postgresMissing !== null) console.log(`incremental tests on the PostgreSQL store skipped: ${postgresMissing}`)
const schemaOf = new Map<string, string>()
const stores: ReadonlyArray<{ readonly name: string; readonly unavailable: string | null; readonly options: (out: string) => Partial<PipelineOptions> }> = [
  { name: "embedded", unavailable: null, options: () => ({}) },
  {
    name: "PostgreSQL",
    unavailable: postgresMissing,
    options: (out) => ({ store: postgresUrl, storeSchema: schemaOf.get(out) ?? schemaOf.set(out, scratchSchema("incr")).get(out)! })
  }
]
afterAll(() => (postgresMissing === null ? dropScratchSchemas() : undefined))

const published = (out: string) => publishedFiles(out, "utf8")

const readJson = <T>(out: string, table: string): Array<T> => JSON.parse(readFileSync(join(out, "json", `${table}.json`), "utf8"))

/** The ids an analyst may cite, keyed by the member that carries them. */
const citedIds = (out: string): Record<string, string | null> => ({
  ...Object.fromEntries(readJson<{ mention_id: string; actor_id: string }>(out, "actor_mentions").map((m) => [m.mention_id, m.actor_id])),
  ...Object.fromEntries(readJson<{ quote_id: string; statement_id: string }>(out, "quotes").map((q) => [q.quote_id, q.statement_id])),
  ...Object.fromEntries(readJson<{ mention_id: string; event_id: string }>(out, "event_mentions").map((m) => [m.mention_id, m.event_id])),
  ...Object.fromEntries(readJson<{ doc_id: string; story_id: string | null }>(out, "documents").map((d) => [d.doc_id, d.story_id]))
})

for (const store of stores) {
describe.skipIf(store.unavailable !== null)(`incremental runs (${store.name} store)`, () => {
  const run = (input: string, out: string, options: Partial<PipelineOptions> = {}) =>
    runPipeline({ input, out, formats: ["json", "csv"], workers: 0, ...store.options(out), ...options })

    it.effect("rerunning the same inputs extracts nothing and writes the same bytes", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const out = tempDir("incr-same")
        const first = yield* run(input, out)
        expect(first.run).toMatchObject({ extracted: 2, reused: 0 })
        const before = published(out)
        const second = yield* run(input, out)
        expect(second.run).toMatchObject({ extracted: 0, reused: 2 })
        expect(published(out)).toEqual(before)
      }).pipe(Effect.provide(layer)))

    it.effect("a rerun with nothing new rewrites nothing, unless an output was touched, the formats changed or --rebuild", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const out = tempDir("incr-untouched")
        expect((yield* run(input, out)).run.rewritten).toBe(true)
        const modified = (file: string) => statSync(join(out, file)).mtimeMs
        const before = { csv: modified("csv/actors.csv"), manifest: modified("manifest.json") }

        const again = yield* run(input, out)
        expect(again.run).toMatchObject({ extracted: 0, reused: 2, rewritten: false })
        expect(again.dataset).toBeNull()
        expect(again.manifest.counts.documents).toBe(2)
        expect({ csv: modified("csv/actors.csv"), manifest: modified("manifest.json") }).toEqual(before)

        writeFileSync(join(out, "csv", "actors.csv"), "edited in a spreadsheet")
        expect((yield* run(input, out)).run.rewritten).toBe(true)
        expect(readFileSync(join(out, "csv", "actors.csv"), "utf8")).toMatch(/^\uFEFFactor_id,/)
        rmSync(join(out, "json", "quotes.json"))
        expect((yield* run(input, out)).run.rewritten).toBe(true)
        expect(readJson(out, "quotes").length).toBeGreaterThan(0)
        expect((yield* run(input, out, { formats: ["csv"] })).run.rewritten).toBe(true)
        expect((yield* run(input, out, { rebuild: true })).run.rewritten).toBe(true)
        writeFileSync(join(input, "follow-up.txt"), article.followUp)
        expect((yield* run(input, out)).run).toMatchObject({ extracted: 1, rewritten: true })
      }).pipe(Effect.provide(layer)))

    it.effect("a rerun whose input files are unchanged reads none of them; new times, other options, an edit or a touched output make it read", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const out = tempDir("incr-stamp")
        expect((yield* run(input, out)).run).toMatchObject({ inputsRead: true, rewritten: true, extracted: 2 })
        expect((yield* run(input, out)).run).toMatchObject({ inputsRead: false, rewritten: false, extracted: 0, reused: 2 })

        // The same text under a new time is read, found the same and not rewritten; the run after it need not read.
        const later = new Date(Date.UTC(2030, 0, 1))
        utimesSync(join(input, "talks.txt"), later, later)
        expect((yield* run(input, out)).run).toMatchObject({ inputsRead: true, rewritten: false })
        expect((yield* run(input, out)).run).toMatchObject({ inputsRead: false, rewritten: false })

        expect((yield* run(input, out, { formats: ["csv"] })).run).toMatchObject({ inputsRead: true, rewritten: true })
        writeFileSync(join(input, "berlin.txt"), `${article.berlin}\n\nTalks resume on Monday.`)
        expect((yield* run(input, out, { formats: ["csv"] })).run).toMatchObject({ inputsRead: true, rewritten: true, extracted: 1 })
        writeFileSync(join(out, "csv", "actors.csv"), "edited in a spreadsheet")
        expect((yield* run(input, out, { formats: ["csv"] })).run).toMatchObject({ inputsRead: true, rewritten: true, extracted: 0 })
        expect(readFileSync(join(out, "csv", "actors.csv"), "utf8")).toMatch(/^\uFEFFactor_id,/)
        expect((yield* run(input, out, { formats: ["csv"] })).run).toMatchObject({ inputsRead: false, rewritten: false })

        // One JSON Lines file as the input: its size and time stand for its articles.
        const lines = join(tempDir("incr-stamp-lines"), "articles.jsonl")
        writeFileSync(lines, [article.talks, article.berlin].map((text, k) => JSON.stringify({ id: `a${k}`, text })).join("\n"))
        const linesOut = tempDir("incr-stamp-lines-out")
        expect((yield* run(lines, linesOut)).run).toMatchObject({ inputsRead: true, extracted: 2 })
        expect((yield* run(lines, linesOut)).run).toMatchObject({ inputsRead: false, rewritten: false, reused: 2 })
      }).pipe(Effect.provide(layer)))

    it.effect("adding an article extracts only it and keeps every id already published", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const out = tempDir("incr-add")
        yield* run(input, out)
        const before = citedIds(out)
        expect(Object.keys(before).length).toBeGreaterThan(4)
        writeFileSync(join(input, "follow-up.txt"), article.followUp)
        const added = yield* run(input, out)
        expect(added.run).toMatchObject({ extracted: 1, reused: 2 })
        const after = citedIds(out)
        for (const [member, id] of Object.entries(before)) expect(after[member], member).toBe(id)
        const documents = readJson<{ input_id: string }>(out, "documents").map((d) => d.input_id)
        expect(documents).toEqual(["berlin.txt", "follow-up.txt", "talks.txt"])
      }).pipe(Effect.provide(layer)))

    it.effect("changing an article's text replaces its old contributions", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "news.txt": article.berlin })
        const out = tempDir("incr-change")
        yield* run(input, out)
        const mentionsOf = (docInput: string) => {
          const docId = readJson<{ doc_id: string; input_id: string }>(out, "documents").find((d) => d.input_id === docInput)!.doc_id
          return readJson<{ doc_id: string; text: string }>(out, "actor_mentions").filter((m) => m.doc_id === docId).map((m) => m.text)
        }
        expect(mentionsOf("news.txt")).toContain("Olaf Scholz")
        writeFileSync(join(input, "news.txt"), article.madrid)
        const changed = yield* run(input, out)
        expect(changed.run).toMatchObject({ extracted: 1, reused: 1 })
        expect(mentionsOf("news.txt")).not.toContain("Olaf Scholz")
        expect(mentionsOf("news.txt")).toContain("Madrid")
        expect(readJson<{ name: string }>(out, "actors").map((a) => a.name)).not.toContain("Olaf Scholz")
        expect(readJson(out, "documents")).toHaveLength(2)
      }).pipe(Effect.provide(layer)))

    it.effect("a changed model file (its bytes, not its path) makes every document be extracted again", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const out = tempDir("incr-model")
        const models = tempDir("incr-models")
        const repoModel = new URL("../models/ner.bin.gz", import.meta.url)
        const sameBytes = join(models, "same.bin.gz")
        copyFileSync(repoModel, sameBytes)
        // The same model, compressed differently: other bytes, so another fingerprint.
        const otherBytes = join(models, "other.bin.gz")
        writeFileSync(otherBytes, gzipSync(gunzipSync(readFileSync(repoModel)), { level: 1 }))
        const saved = process.env.NEWSFACTS_NER_MODEL
        const withModel = (path: string | undefined) =>
          Effect.acquireUseRelease(
            Effect.sync(() => (path === undefined ? delete process.env.NEWSFACTS_NER_MODEL : (process.env.NEWSFACTS_NER_MODEL = path))),
            () => run(input, out).pipe(Effect.provide(layer)),
            () => Effect.sync(() => (saved === undefined ? delete process.env.NEWSFACTS_NER_MODEL : (process.env.NEWSFACTS_NER_MODEL = saved)))
          )
        expect((yield* withModel(undefined)).run).toMatchObject({ extracted: 2, reused: 0 })
        const before = published(out)
        expect((yield* withModel(sameBytes)).run).toMatchObject({ extracted: 0, reused: 2 })
        const retrained = yield* withModel(otherBytes)
        expect(retrained.run).toMatchObject({ extracted: 2, reused: 0, rewritten: true, storyWeights: "code changed" })
        expect(published(out)).toEqual(before)
      }))

    it.effect("an added article leaves the earlier reports' stories and story links as they were (story weights kept); a rebuild counts the weights again", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "follow-up.txt": article.followUp })
        const out = tempDir("incr-weights")
        expect((yield* run(input, out)).run.storyWeights).toBe("first run")
        type Row = { input_id: string; story_id: string; story_links: Array<string> }
        const stories = () => Object.fromEntries(readJson<Row>(out, "documents").map((d) => [d.input_id, [d.story_id, ...d.story_links]]))
        const before = stories()
        expect(before["talks.txt"][0]).toBe(before["follow-up.txt"][0])
        expect(before["talks.txt"]).toHaveLength(2)

        writeFileSync(join(input, "berlin.txt"), article.berlin)
        expect((yield* run(input, out)).run).toMatchObject({ extracted: 1, storyWeights: "kept" })
        const after = stories()
        expect(after["talks.txt"]).toEqual(before["talks.txt"])
        expect(after["follow-up.txt"]).toEqual(before["follow-up.txt"])

        // Weights counted over the three documents give the same story another link score.
        expect((yield* run(input, out, { rebuild: true })).run.storyWeights).toBe("rebuild")
        const rebuilt = stories()
        expect(rebuilt["talks.txt"][0]).toBe(before["talks.txt"][0])
        expect(rebuilt["talks.txt"][1]).not.toBe(before["talks.txt"][1])
      }).pipe(Effect.provide(layer)))

    it.effect("the story weights are counted again when the archive has doubled or halved since they were counted", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const out = tempDir("incr-growth")
        expect((yield* run(input, out)).run.storyWeights).toBe("first run")
        writeFileSync(join(input, "madrid.txt"), article.madrid)
        expect((yield* run(input, out)).run.storyWeights).toBe("kept")
        writeFileSync(join(input, "follow-up.txt"), article.followUp)
        expect((yield* run(input, out)).run.storyWeights).toBe("archive grew")
        // Counted over 4 now: 3 keeps them, 2 is half.
        rmSync(join(input, "follow-up.txt"))
        expect((yield* run(input, out)).run.storyWeights).toBe("kept")
        rmSync(join(input, "madrid.txt"))
        expect((yield* run(input, out)).run.storyWeights).toBe("archive shrank")
        // A rerun with nothing new runs no dedupe.
        expect((yield* run(input, out)).run).toMatchObject({ rewritten: false, storyWeights: null })
      }).pipe(Effect.provide(layer)))

    it.effect("rebuild, and a fresh output folder, give the same outputs as an incremental run that counted the story weights again", () =>
      Effect.gen(function*() {
        const input = folderWith({ "talks.txt": article.talks, "berlin.txt": article.berlin })
        const incremental = tempDir("incr-path")
        yield* run(input, incremental)
        writeFileSync(join(input, "follow-up.txt"), article.followUp)
        writeFileSync(join(input, "madrid.txt"), article.madrid)
        expect((yield* run(input, incremental)).run.storyWeights).toBe("archive grew")
        const incrementalOutputs = published(incremental)

        const rebuilt = yield* run(input, incremental, { rebuild: true })
        expect(rebuilt.run).toMatchObject({ extracted: 4, reused: 0 })
        expect(published(incremental)).toEqual(incrementalOutputs)

        const fresh = tempDir("incr-fresh")
        yield* run(input, fresh)
        expect(published(fresh)).toEqual(incrementalOutputs)
      }).pipe(Effect.provide(layer)))
  })
}

describe("keepCitedIds", () => {
  /** Just the columns that carry ids; the other columns play no part. */
  const dataset = (clusters: Record<string, Array<[doc: string, mention: string]>>): Dataset =>
    ({
      documents: [],
      actors: Object.keys(clusters).map((actor_id) => ({ actor_id, name: actor_id })),
      actor_mentions: Object.entries(clusters).flatMap(([actor_id, members]) => members.map(([doc_id, mention_id]) => ({ mention_id, doc_id, actor_id }))),
      quotes: Object.keys(clusters).map((id, i) => ({ quote_id: `quote_${i}`, statement_id: `statement_${i}`, doc_id: "d1", speaker_actor_id: id })),
      events: [{ event_id: "event_1", actor_ids: Object.keys(clusters) }],
      event_mentions: [],
      times: []
    }) as unknown as Dataset
  const cited = (byDoc: Record<string, Record<string, string>>) => (docId: string) => byDoc[docId]

  it("gives a grown cluster the id its known members were published under, everywhere it appears", () => {
    const kept = keepCitedIds(
      dataset({ actor_new: [["d1", "am_1"], ["d1", "am_2"], ["d2", "am_3"]] }),
      cited({ d1: { "actor:am_1": "actor_old", "actor:am_2": "actor_old" } })
    )
    expect(kept.actors.map((a) => a.actor_id)).toEqual(["actor_old"])
    expect(kept.actor_mentions.map((m) => m.actor_id)).toEqual(["actor_old", "actor_old", "actor_old"])
    expect(kept.quotes.map((q) => q.speaker_actor_id)).toEqual(["actor_old"])
    expect(kept.events[0].actor_ids).toEqual(["actor_old"])
  })

  it("keeps the id on the larger part of a split cluster and gives the other part a new one", () => {
    const before = { d1: { "actor:am_1": "actor_A", "actor:am_2": "actor_A" }, d2: { "actor:am_3": "actor_A" } }
    const split = keepCitedIds(dataset({ actor_P: [["d1", "am_1"], ["d1", "am_2"]], actor_Q: [["d2", "am_3"]] }), cited(before))
    expect(split.actors.map((a) => a.actor_id)).toEqual(["actor_A", "actor_Q"])
    // Dedupe named the smaller part with the old id: it must give it up to the larger part.
    const clash = keepCitedIds(dataset({ actor_P: [["d1", "am_1"], ["d1", "am_2"]], actor_A: [["d2", "am_3"]] }), cited(before))
    const [larger, smaller] = clash.actors.map((a) => a.actor_id)
    expect(larger).toBe("actor_A")
    expect(smaller).toMatch(/^actor_[0-9a-f]{12}$/)
    expect(clash.actor_mentions.map((m) => m.actor_id)).toEqual(["actor_A", "actor_A", smaller])
  })

  it("leaves dedupe's ids alone when nothing was published before", () => {
    const fresh = dataset({ actor_X: [["d1", "am_1"]] })
    expect(keepCitedIds(fresh, cited({}))).toBe(fresh)
  })
})
