/**
 * Lexicons are data files under src/lexicons/: `{ "source": "...", "entries": ... }` JSON, decoded and
 * validated through Schema when first used, so a malformed file fails loudly with its name.
 */
import { readFileSync } from "node:fs"
import { Schema } from "effect"

const cache = new Map<string, unknown>()

export const loadLexicon = <S extends Schema.Top & { readonly DecodingServices: never }>(file: string, entries: S): S["Type"] => {
  const cached = cache.get(file)
  if (cached !== undefined) return cached as S["Type"]
  const url = new URL(`./${file}`, import.meta.url)
  const raw = JSON.parse(readFileSync(url, "utf8")) as { source?: unknown; entries?: unknown }
  if (typeof raw.source !== "string") throw new Error(`lexicon ${file}: missing "source" (where the data comes from)`)
  try {
    const decoded = Schema.decodeUnknownSync(entries)(raw.entries)
    cache.set(file, decoded)
    return decoded
  } catch (error) {
    throw new Error(`lexicon ${file}: ${(error as Error).message}`)
  }
}
