/**
 * Publishes a run's tables without ever showing a mix of two runs for longer than a few renames:
 * export writes everything into `OUT/.state/staging/`, then each file is renamed into place, what
 * the export no longer has (a month of the monthly Parquet layout left without rows) is removed, and
 * the manifest goes last. A run killed before that leaves the previous outputs whole; one killed during the
 * renames (milliseconds) is completed by the next run, which rewrites every file.
 */
import { Effect, FileSystem, Path } from "effect"
import { ExportError, exportDataset } from "../export/index.ts"
import type { ExportOptions } from "../export/index.ts"
import type { Dataset } from "../model/tables.ts"
import type { Manifest } from "../model/manifest.ts"
import { stateFolder } from "./store.ts"

export const publishDataset = Effect.fn("publishDataset")(function*(dataset: Dataset, manifest: Manifest, options: ExportOptions) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const staging = path.join(stateFolder(options.out), "staging")
  const failed = (target: string) => (error: { readonly message: string }) => new ExportError({ path: target, reason: error.message })
  yield* fs.remove(staging, { recursive: true, force: true }).pipe(Effect.mapError(failed(staging)))
  const plan = yield* exportDataset(dataset, manifest, { ...options, out: staging, publishTo: options.out })
  for (const file of plan.written) {
    const target = path.join(options.out, file)
    yield* fs.makeDirectory(path.dirname(target), { recursive: true }).pipe(Effect.mapError(failed(path.dirname(target))))
    yield* fs.rename(path.join(staging, file), target).pipe(Effect.mapError(failed(target)))
  }
  for (const stale of plan.removed) {
    yield* fs.remove(path.join(options.out, stale), { recursive: true, force: true }).pipe(Effect.mapError(failed(path.join(options.out, stale))))
  }
  const manifestFile = path.join(options.out, "manifest.json")
  yield* fs.rename(path.join(staging, "manifest.json"), manifestFile).pipe(Effect.mapError(failed(manifestFile)))
  yield* fs.remove(staging, { recursive: true, force: true }).pipe(Effect.mapError(failed(staging)))
})
