/**
 * Publishes a run's files so that a kill at any instant leaves the previous outputs or the new ones,
 * never an unmarked mix (docs/reliability.md walks through each point):
 *
 * 1. Every new file is written under `OUT/.state/staging/` (with the monthly Parquet layout, only the
 *    month files whose rows changed). A kill here leaves the old outputs whole (the next run throws the
 *    staging folder away).
 * 2. The journal `OUT/.state/publish.json` is written (atomically: temporary file, then rename). It
 *    lists the staged files and the old files to remove (tables of formats not asked for this time,
 *    months of the monthly layout left without rows).
 *    From here on the publication is decided: whoever finds the journal completes it.
 * 3. The old `manifest.json` is removed first, so while files are being switched the folder has no
 *    manifest: a folder without one is incomplete. Each staged file is renamed into place, the files
 *    to remove are removed, and the new manifest is renamed in last.
 * 4. The journal and the staging folder are removed.
 *
 * Each step of 3 is idempotent (a staged file already moved is not moved again), so `repairPublication`,
 * which every run calls before anything else (under the output folder's lock), rolls an interrupted
 * publication forward from its journal. Protection is against killed processes: nothing is fsynced, so
 * a power cut during publishing is not covered.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { Effect, Schema } from "effect"
import { checkDataset, datasetFiles, ExportError, Formats, tablePath, writeChunksAtomic, writeFileAtomic } from "../export/index.ts"
import { singleLayoutLeftovers, writeMonthlyLayout } from "../export/partitioned.ts"
import type { Chunks, ExportOptions, OutputFile } from "../export/index.ts"
import { AllTables } from "../model/tables.ts"
import type { Dataset } from "../model/tables.ts"
import type { Manifest } from "../model/manifest.ts"
import { stateFolder } from "./store.ts"

const Journal = Schema.Struct({ files: Schema.Array(Schema.String), remove: Schema.Array(Schema.String) })
type Journal = typeof Journal.Type

const MANIFEST = "manifest.json"
const stagingFolder = (out: string) => join(stateFolder(out), "staging")
const journalFile = (out: string) => join(stateFolder(out), "publish.json")

/** Removes a file, or a folder with what it holds (a month of the monthly layout). */
const removeQuietly = (file: string) => rmSync(file, { force: true, recursive: true })

/** Step 3 and 4: switches the staged files in (idempotent, so it also completes an interrupted publication). */
const applyJournal = (out: string, journal: Journal): void => {
  const staging = stagingFolder(out)
  const staged = (file: string) => existsSync(join(staging, file))
  if (staged(MANIFEST)) removeQuietly(join(out, MANIFEST))
  for (const file of journal.files) {
    if (file === MANIFEST || !staged(file)) continue
    mkdirSync(dirname(join(out, file)), { recursive: true })
    renameSync(join(staging, file), join(out, file))
  }
  for (const file of journal.remove) {
    removeQuietly(join(out, file))
    const folder = dirname(join(out, file))
    if (folder !== out && existsSync(folder) && readdirSync(folder).length === 0) rmSync(folder, { recursive: true, force: true })
  }
  if (staged(MANIFEST)) renameSync(join(staging, MANIFEST), join(out, MANIFEST))
  removeQuietly(journalFile(out))
  rmSync(staging, { recursive: true, force: true })
}

/**
 * Called at the start of every run, under the lock: completes a publication a killed run had decided
 * (its journal is there), or throws away the staging folder of one killed before deciding. Returns
 * what it did, for a diagnostic (null when there was nothing to repair).
 */
export const repairPublication = (out: string): string | null => {
  const journal = journalFile(out)
  if (existsSync(journal)) {
    const decoded = Schema.decodeUnknownOption(Schema.fromJsonString(Journal))(readFileSync(journal, "utf8"))
    if (decoded._tag === "Some") {
      applyJournal(out, decoded.value)
      return "completed the publication an interrupted run had started"
    }
    removeQuietly(journal)
  }
  if (existsSync(stagingFolder(out))) {
    rmSync(stagingFolder(out), { recursive: true, force: true })
    return "removed the files an interrupted run had not yet published"
  }
  return null
}

const failed = (out: string) => (error: unknown) => new ExportError({ path: out, reason: error instanceof Error ? error.message : String(error) })

/** Step 1 for one file: writes its chunks into the staging folder (`path` relative to `out`). */
const stageFile = (out: string, path: string, chunks: Chunks) =>
  Effect.suspend(() => {
    const target = join(stagingFolder(out), path)
    mkdirSync(dirname(target), { recursive: true })
    return writeChunksAtomic(target, chunks)
  })

/**
 * Steps 2 to 4: writes the journal of the `staged` files and of those to `remove`, and switches.
 * Uninterruptible: it takes milliseconds once the files are staged, and a signal then waits for it
 * rather than leaving the journal for the next run.
 */
const switchStaged = (out: string, staged: ReadonlyArray<string>, remove: ReadonlyArray<string>) =>
  Effect.try({
    try: () => {
      const journal: Journal = { files: staged, remove: remove.filter((f) => !staged.includes(f)) }
      mkdirSync(stateFolder(out), { recursive: true })
      writeFileSync(`${journalFile(out)}.tmp`, JSON.stringify(journal))
      renameSync(`${journalFile(out)}.tmp`, journalFile(out))
      applyJournal(out, journal)
    },
    catch: failed(out)
  }).pipe(Effect.uninterruptible)

const clearStaging = (out: string) => Effect.try({ try: () => rmSync(stagingFolder(out), { recursive: true, force: true }), catch: failed(out) })

/** Publishes `files` (paths relative to `out`, the manifest last) and removes `remove`, by the protocol above. */
export const publishFiles = (out: string, files: ReadonlyArray<OutputFile>, remove: ReadonlyArray<string>) =>
  clearStaging(out).pipe(
    Effect.andThen(Effect.forEach(files, (file) => stageFile(out, file.path, [file.data]), { discard: true })),
    Effect.andThen(switchStaged(out, files.map((file) => file.path), remove))
  )

/**
 * What a run removes of the formats it was not asked for, so the folder never mixes two runs' formats:
 * their tables, and for Parquet the monthly layout's folders and index.
 */
export const otherFormatsFiles = (out: string, formats: ReadonlyArray<string>): Array<string> =>
  Formats.filter((format) => !formats.includes(format)).flatMap((format) => [
    ...AllTables.map((spec) => tablePath(format, spec.name)),
    ...(format === "parquet" ? singleLayoutLeftovers(join(out, "parquet")).map((file) => `parquet/${file}`) : [])
  ])

export const publishDataset = Effect.fn("publishDataset")(function*(dataset: Dataset, manifest: Manifest, options: ExportOptions) {
  const out = options.out
  const monthly = options.parquetLayout === "monthly" && options.formats.includes("parquet")
  const problem = checkDataset(dataset)
  if (problem !== null) return yield* problem
  yield* clearStaging(out)
  // One file at a time: each is encoded while it is written, and let go before the next.
  const staged: Array<string> = []
  for (const file of datasetFiles(dataset, manifest, monthly ? options.formats.filter((format) => format !== "parquet") : options.formats)) {
    yield* stageFile(out, file.path, file.chunks)
    staged.push(file.path)
  }
  const inParquet = (list: ReadonlyArray<string>) => list.map((file) => `parquet/${file}`)
  // The monthly layout stages only the files whose rows changed, comparing with what is published.
  const layout = monthly
    ? yield* writeMonthlyLayout(dataset, join(stagingFolder(out), "parquet"), join(out, "parquet"), writeFileAtomic).pipe(
      Effect.mapError((error) => (error instanceof ExportError ? error : failed(out)(error)))
    )
    : { written: [], removed: options.formats.includes("parquet") ? singleLayoutLeftovers(join(out, "parquet")) : [] }
  yield* switchStaged(out, [...inParquet(layout.written), ...staged], [...otherFormatsFiles(out, options.formats), ...inParquet(layout.removed)])
})

/** Leftovers of the writer before this protocol (`<file>.<pid>.tmp` beside the tables). */
export const removeOldTemporaryFiles = (out: string): void => {
  for (const format of Formats) {
    const folder = join(out, format)
    if (!existsSync(folder)) continue
    for (const name of readdirSync(folder)) if (/\.\d+\.tmp$/.test(name)) unlinkSync(join(folder, name))
  }
}
