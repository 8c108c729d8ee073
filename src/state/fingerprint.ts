/**
 * What a saved extraction depends on besides its input: the code the per-document stages run (every
 * module `documentWork.ts` imports, directly or not), the word lists under src/lexicons/ (read at run
 * time, so not seen as imports) and the NLP packages' versions. Changing any of them gives another
 * fingerprint, so results made by older code are never reused; changing code that runs on the whole
 * set (dedupe, export) does not, since that runs again on every run anyway.
 */
import { createHash } from "node:crypto"
import { existsSync, readFileSync, readdirSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { dirname, join, resolve } from "node:path"
import type { LoadedDocument } from "../model/document.ts"

const sourceRoot = fileURLToPath(new URL("../", import.meta.url))
const unitOfWork = fileURLToPath(new URL("../workers/documentWork.ts", import.meta.url))
const lexicons = join(sourceRoot, "lexicons")
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

let computed: string | undefined

export const codeFingerprint = (): string => {
  if (computed !== undefined) return computed
  const hash = createHash("sha256")
  const lexiconFiles = readdirSync(lexicons).filter((name) => name.endsWith(".json")).sort().map((name) => join(lexicons, name))
  for (const file of [...moduleGraph(unitOfWork), ...lexiconFiles]) {
    hash.update(`${file.slice(sourceRoot.length)}\0`).update(readFileSync(file)).update("\0")
  }
  for (const pkg of ["compromise"]) hash.update(`${pkg}@${packageVersion(pkg)}\0`)
  computed = hash.digest("hex").slice(0, 32)
  return computed
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
