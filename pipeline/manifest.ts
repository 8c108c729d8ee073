/** The run manifest: inputs and their outcomes, counts per table, versions and options (no timestamps). */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { DefaultBudget } from "../src/model/budget.ts"
import type { DocumentBudget } from "../src/model/budget.ts"
import type { Dataset } from "../src/model/tables.ts"
import type { Manifest } from "../src/model/manifest.ts"
import type { RunLog } from "./runLog.ts"

const require = createRequire(import.meta.url)
/** The installed version of a dependency (some packages do not export their package.json). */
const versionOf = (pkg: string): string => {
  let dir = dirname(require.resolve(pkg))
  while (dir !== dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string }
      if (json.name === pkg && json.version !== undefined) return json.version
    } catch {
      // no package.json at this level: keep walking up
    }
    dir = dirname(dir)
  }
  return "unknown"
}
const own = require("../package.json") as { name: string; version: string }

/** The versions the manifest records: the tool's and those of the packages that shape the output. */
export const toolVersions = () => ({
  tool: { name: own.name, version: own.version },
  versions: Object.fromEntries(["effect", "compromise", "apache-arrow", "csv-stringify", "parquet-wasm"].map((p) => [p, versionOf(p)]))
})

type ManifestOptions = {
  readonly input: string
  readonly formats: ReadonlyArray<string>
  readonly parquetLayout?: string
  readonly budget?: DocumentBudget
}
/** The options that shape the outputs (not `--workers`, `--rebuild` or `--cluster`, which never change them). */
export const manifestOptions = (options: ManifestOptions) => {
  const budget = options.budget ?? DefaultBudget
  return {
    input: options.input,
    formats: [...options.formats],
    ...(options.formats.includes("parquet") ? { parquet_layout: options.parquetLayout ?? "single" } : {}),
    doc_size_limit_mb: budget.maxBytes / 1024 / 1024,
    doc_time_limit_s: Number.isFinite(budget.timeoutMs) ? budget.timeoutMs / 1000 : null
  }
}

export const buildManifest = (options: ManifestOptions, dataset: Dataset, log: RunLog): Manifest => ({
  ...toolVersions(),
  options: manifestOptions(options),
  counts: {
    ...Object.fromEntries(Object.entries(dataset).map(([table, rows]) => [table, (rows as ReadonlyArray<unknown>).length])),
    inputs: log.outcomes.length,
    processed: log.outcomes.filter((o) => o.status === "processed").length,
    duplicates: log.outcomes.filter((o) => o.status === "duplicate").length,
    skipped: log.skipped
  },
  inputs: log.inputsInOrder,
  diagnostics: log.diagnostics
})
