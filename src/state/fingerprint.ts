/**
 * What saved work depends on besides its input.
 *
 * `codeFingerprint`: what a saved extraction depends on: the code the per-document stages run (every
 * module `documentWork.ts` imports, directly or not), the word lists under src/lexicons/ (read at run
 * time, so not seen as imports), the trained models under models/ (their bytes: a retrained tagger,
 * parser or name tagger changes what every document yields; `NEWSFACTS_NER_MODEL`, when it names
 * another name-tagger file, stands for the committed one, `models/ner.bin.gz`) and the NLP package's version. Changing
 * any of them gives another
 * fingerprint, so results made by older code are never reused; changing code that runs on the whole
 * set (dedupe, export) does not, since that runs again on every run anyway.
 *
 * `storyWeightsFingerprint`: what the story weights kept for an archive depend on (storyWeights.ts).
 *
 * `outputFingerprint`: what the published tables depend on besides the inputs: every module the
 * pipeline imports (`pipeline/pipeline.ts` and below: dedupe and export too), the word lists and the
 * versions of the packages that shape the output. A rerun whose inputs and output fingerprint match
 * the last published run has nothing to rewrite.
 */
import { createHash } from "node:crypto"
import { existsSync, readFileSync, readdirSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { basename, dirname, join, resolve } from "node:path"
import type { LoadedDocument } from "../model/document.ts"
import { NAME_MODEL_PATH } from "../extract/actors/ner/tagger.ts"

const sourceRoot = fileURLToPath(new URL("../", import.meta.url))
const repoRoot = fileURLToPath(new URL("../../", import.meta.url))
const unitOfWork = fileURLToPath(new URL("../workers/documentWork.ts", import.meta.url))
const wholePipeline = fileURLToPath(new URL("../../pipeline/pipeline.ts", import.meta.url))
const lexicons = join(sourceRoot, "lexicons")
const models = join(repoRoot, "models")
const require = createRequire(import.meta.url)

/** The NLP packages' versions, read from their package.json (neither exports it). */
const packageVersion = (pkg: string): string => {
  const entry = require.resolve(pkg)
  const root = entry.slice(0, entry.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}/`.length)
  return (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version
}

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g

/** `entry` and every source file it imports relatively, directly or not, sorted. */
export const moduleGraph = (entry: string): Array<string> => {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    for (const match of readFileSync(file, "utf8").matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(file), match[1]))
  }
  visit(entry)
  return [...seen].sort()
}

/**
 * The model files the per-document stages read, each with the label it is hashed under: every file
 * under models/ but its README, and the name tagger `NEWSFACTS_NER_MODEL` points at instead of
 * the committed one (labelled as that file, so the same bytes elsewhere give the same fingerprint).
 */
export const modelFiles = (nameModel: string | undefined = process.env.NEWSFACTS_NER_MODEL): Array<readonly [label: string, path: string]> =>
  readdirSync(models)
    .filter((name) => !name.endsWith(".md"))
    .sort()
    .flatMap((name): Array<readonly [string, string]> => {
      if (name !== basename(NAME_MODEL_PATH) || nameModel === undefined) return [[`models/${name}`, join(models, name)]]
      return nameModel === "none" ? [] : [[`models/${name}`, nameModel]]
    })

/** A hash of `entry`'s module graph, every lexicon, the given model files and the given packages' versions. */
const fingerprintOf = (entry: string, packages: ReadonlyArray<string>, modelFiles: ReadonlyArray<readonly [string, string]>): string => {
  const hash = createHash("sha256")
  const lexiconFiles = readdirSync(lexicons).filter((name) => name.endsWith(".json")).sort().map((name) => join(lexicons, name))
  for (const file of [...moduleGraph(entry), ...lexiconFiles]) {
    const label = file.startsWith(sourceRoot) ? file.slice(sourceRoot.length) : file.slice(repoRoot.length)
    hash.update(`${label}\0`).update(readFileSync(file)).update("\0")
  }
  for (const [label, file] of modelFiles) hash.update(`${label}\0`).update(readFileSync(file)).update("\0")
  for (const pkg of packages) hash.update(`${pkg}@${packageVersion(pkg)}\0`)
  return hash.digest("hex").slice(0, 32)
}

/** Computed once per process for each name-tagger setting (tests switch `NEWSFACTS_NER_MODEL`). */
const computed = new Map<string, string>()
export const codeFingerprint = (): string => {
  const setting = process.env.NEWSFACTS_NER_MODEL ?? ""
  let fingerprint = computed.get(setting)
  if (fingerprint === undefined) computed.set(setting, (fingerprint = fingerprintOf(unitOfWork, ["compromise"], modelFiles())))
  return fingerprint
}

const storyGrouping = fileURLToPath(new URL("../dedupe/stories.ts", import.meta.url))

/**
 * What the archive's story weights depend on: the code fingerprint (the workers count each document's
 * story features) and the code that turns the counts into weights (stories.ts and its imports).
 */
export const storyWeightsFingerprint = (): string => {
  const hash = createHash("sha256").update(`${codeFingerprint()}\0`)
  for (const file of moduleGraph(storyGrouping)) hash.update(`${file.slice(sourceRoot.length)}\0`).update(readFileSync(file)).update("\0")
  return hash.digest("hex").slice(0, 32)
}

const computedForOutput = new Map<string, string>()
export const outputFingerprint = (): string => {
  const setting = process.env.NEWSFACTS_NER_MODEL ?? ""
  let fingerprint = computedForOutput.get(setting)
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(wholePipeline, ["compromise", "effect", "apache-arrow", "csv-stringify", "parquet-wasm"], modelFiles())
    computedForOutput.set(setting, fingerprint)
  }
  return fingerprint
}

/**
 * The cache key of one input: everything the per-document stages read from it, except its line in a
 * JSON Lines file (records added above it do not invalidate it), plus the code fingerprint.
 */
export const documentKey = (fingerprint: string, doc: LoadedDocument): string =>
  createHash("sha256")
    .update(JSON.stringify([fingerprint, doc.docId, doc.inputId, doc.file, doc.format, doc.given, doc.text]))
    .digest("hex")
    .slice(0, 32)
