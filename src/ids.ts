/** Stable ids: a short SHA-256 of what identifies the record, so the same input always gets the same id. */
import { createHash } from "node:crypto"

export const shortHash = (value: string, length = 16): string =>
  createHash("sha256").update(value).digest("hex").slice(0, length)

export const stableId = (prefix: string, ...parts: ReadonlyArray<string | number>): string =>
  `${prefix}_${shortHash(parts.join("\u241f"), 12)}`
