/**
 * The per-document budget: what one article may cost before it is skipped (with the stage and the
 * reason) so that the run goes on. Both limits are options (`--doc-size-limit`, `--doc-time-limit`)
 * and the manifest records them. A news article is far below either: the corpus's longest is 60 KB
 * and takes about a second.
 */
export interface DocumentBudget {
  /** Bytes of one article: a file's size, or a JSON / JSON Lines record's size. */
  readonly maxBytes: number
  /** Milliseconds one article may spend in clean → segment → extract on a worker thread. */
  readonly timeoutMs: number
}

export const DefaultBudget: DocumentBudget = { maxBytes: 5 * 1024 * 1024, timeoutMs: 120_000 }

/** JSON nesting a record's metadata may have: deeper values are not article metadata (and overflow recursive code). */
export const MAX_JSON_DEPTH = 64

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
