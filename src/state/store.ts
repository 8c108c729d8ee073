/**
 * The state kept beside the outputs (`OUT/.state/state.sqlite`), so a rerun redoes only what changed.
 *
 * Why SQLite (`node:sqlite`, built into Node 22, nothing to install): every saved extraction is its own
 * committed transaction, and SQLite's write-ahead log keeps committed work through SIGKILL or a power
 * cut, so a run killed midway resumes from the last saved document and never holds half a record.
 * Lookups by key, replacement of an input's row and pruning are one indexed statement each.
 *
 * Two tables:
 * - `extractions`: per input id, the key of the content and code that produced it (`documentKey`) and
 *   its `DocumentResult` as JSON. A changed text or changed code gives another key, so the old result is
 *   replaced, never merged with the new one.
 * - `citations`: per document, the cluster id each of its members was last published under
 *   (see citedIds.ts), so ids analysts cite survive later runs.
 * - `story_weights`: per story feature, in how many documents it appears, counted once for the
 *   archive and kept (see storyWeights.ts); under `story_weights` in `meta`, out of how many documents
 *   and by which code.
 * And in `meta`, under `published`: the key of the last run that finished publishing and the files
 * it wrote (see published.ts), so a rerun with nothing new need not rewrite them.
 */
import { mkdirSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import type { DatabaseSync } from "node:sqlite"
import type { Diagnostic } from "../model/diagnostic.ts"
import type { DocumentResult } from "../workers/documentWork.ts"
import type { StoryWeights } from "../dedupe/stories.ts"
import type { Citations } from "./citedIds.ts"

/** What the kept story weights were counted over: how many documents, by which code. */
export interface StoryWeightsBasis {
  readonly documents: number
  readonly fingerprint: string
}

/** Bumped when the tables' layout or the stored JSON's shape changes: older state is then discarded. */
export const STATE_VERSION = "1"

export const stateFolder = (out: string): string => join(out, ".state")

const require = createRequire(import.meta.url)

/** Loads node:sqlite without its one-time "experimental feature" warning on every run's stderr. */
const loadSqlite = (): typeof import("node:sqlite") => {
  const emitWarning = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: Array<unknown>) => {
    if (/SQLite/.test(String(warning))) return
    return (emitWarning as (...args: Array<unknown>) => void).call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    return require("node:sqlite") as typeof import("node:sqlite")
  } finally {
    process.emitWarning = emitWarning
  }
}

type Statement = ReturnType<DatabaseSync["prepare"]>

/**
 * What a run keeps of a document's result while the others are extracted: for an extraction, what
 * the run log needs (its text's hash, to find exact duplicates, and its diagnostics), the extraction
 * itself staying in the store until dedupe reads it back; a skip or a failure whole (they are small).
 */
export type ResultReceipt =
  | {
    readonly _tag: "Extracted"
    readonly contentHash: string
    readonly diagnostics: ReadonlyArray<Diagnostic>
    readonly cleanDiagnostics: ReadonlyArray<Diagnostic>
  }
  | Exclude<DocumentResult, { readonly _tag: "Extracted" }>

export const receiptOf = (result: DocumentResult): ResultReceipt =>
  result._tag === "Extracted"
    ? { _tag: "Extracted", contentHash: result.extraction.contentHash, diagnostics: result.extraction.diagnostics, cleanDiagnostics: result.cleanDiagnostics }
    : result

/** The columns a store's receipt query picks out of a saved result (JSON text where not null). */
export interface ReceiptRow {
  readonly tag: string
  readonly contentHash: string | null
  readonly diagnostics: string | null
  readonly cleanDiagnostics: string | null
  /** The whole result, for a skip or a failure. */
  readonly whole: string | null
}

export const receiptOfRow = (row: ReceiptRow): ResultReceipt =>
  row.tag !== "Extracted"
    ? (JSON.parse(row.whole!) as ResultReceipt)
    : {
      _tag: "Extracted",
      contentHash: row.contentHash!,
      diagnostics: JSON.parse(row.diagnostics ?? "[]") as ReadonlyArray<Diagnostic>,
      cleanDiagnostics: JSON.parse(row.cleanDiagnostics ?? "[]") as ReadonlyArray<Diagnostic>
    }

/**
 * The `receipts` table: each saved result's receipt, a few hundred bytes, beside the result (tens of
 * kilobytes). A state made before it had none: they are picked out of the saved results once, by
 * SQLite (`->>` on the stored JSON), when the table is created.
 */
const addReceipts = (db: DatabaseSync): void => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'receipts'").get() !== undefined
  if (exists) return
  db.exec(`
    BEGIN;
    CREATE TABLE receipts (input_id TEXT PRIMARY KEY, document_key TEXT NOT NULL, receipt TEXT NOT NULL);
    INSERT INTO receipts (input_id, document_key, receipt)
      SELECT input_id, document_key, CASE WHEN result ->> '$._tag' = 'Extracted'
        THEN json_object('_tag', 'Extracted', 'contentHash', result ->> '$.extraction.contentHash',
          'diagnostics', json(coalesce(result -> '$.extraction.diagnostics', '[]')),
          'cleanDiagnostics', json(coalesce(result -> '$.cleanDiagnostics', '[]')))
        ELSE result END
      FROM extractions;
    COMMIT;
  `)
}

export class StateStore {
  private readonly selectResult: Statement
  private readonly upsertResult: Statement
  private readonly selectCitations: Statement
  private readonly selectReceipt: Statement
  private readonly upsertReceipt: Statement
  private readonly db: DatabaseSync

  private constructor(db: DatabaseSync) {
    this.db = db
    this.selectResult = db.prepare("SELECT result FROM extractions WHERE input_id = ? AND document_key = ?")
    this.upsertResult = db.prepare("INSERT OR REPLACE INTO extractions (input_id, document_key, result) VALUES (?, ?, ?)")
    this.selectCitations = db.prepare("SELECT ids FROM citations WHERE doc_id = ?")
    this.selectReceipt = db.prepare("SELECT receipt FROM receipts WHERE input_id = ? AND document_key = ?")
    this.upsertReceipt = db.prepare("INSERT OR REPLACE INTO receipts (input_id, document_key, receipt) VALUES (?, ?, ?)")
  }

  static open(folder: string): StateStore {
    mkdirSync(folder, { recursive: true })
    const { DatabaseSync } = loadSqlite()
    const db = new DatabaseSync(join(folder, "state.sqlite"))
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;")
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    const version = db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value: string } | undefined
    if (version?.value !== STATE_VERSION) {
      db.exec("DROP TABLE IF EXISTS extractions; DROP TABLE IF EXISTS receipts; DROP TABLE IF EXISTS citations;")
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)").run(STATE_VERSION)
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS extractions (input_id TEXT PRIMARY KEY, document_key TEXT NOT NULL, result TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS citations (doc_id TEXT PRIMARY KEY, ids TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS story_weights (feature TEXT PRIMARY KEY, documents INTEGER NOT NULL);
    `)
    addReceipts(db)
    return new StateStore(db)
  }

  /** The saved result for this input, if it was made from the same content by the same code. */
  savedResult(inputId: string, documentKey: string): DocumentResult | undefined {
    const row = this.selectResult.get(inputId, documentKey) as { result: string } | undefined
    return row === undefined ? undefined : (JSON.parse(row.result) as DocumentResult)
  }

  /**
   * The receipt of the saved result for this input (see `ResultReceipt`), if it was made from the same
   * content by the same code: read from the small `receipts` table, so the extraction itself is
   * neither read from disk nor parsed (a rerun checks every input's receipt).
   */
  savedReceipt(inputId: string, documentKey: string): ResultReceipt | undefined {
    const row = this.selectReceipt.get(inputId, documentKey) as { receipt: string } | undefined
    return row === undefined ? undefined : (JSON.parse(row.receipt) as ResultReceipt)
  }

  /** Saves (commits) one input's result and its receipt, replacing what the input had before. */
  saveResult(inputId: string, documentKey: string, result: DocumentResult): void {
    this.inTransaction(() => {
      this.upsertResult.run(inputId, documentKey, JSON.stringify(result))
      this.upsertReceipt.run(inputId, documentKey, JSON.stringify(receiptOf(result)))
    })
  }

  /** Every saved result with its input id, in input id order (for tools such as the benchmark). */
  *savedResults(): Generator<{ readonly inputId: string; readonly result: DocumentResult }> {
    for (const row of this.db.prepare("SELECT input_id, result FROM extractions ORDER BY input_id").iterate()) {
      const { input_id, result } = row as { input_id: string; result: string }
      yield { inputId: input_id, result: JSON.parse(result) as DocumentResult }
    }
  }

  /** `--rebuild`: forgets every saved extraction (cited ids stay: analysts still cite them). */
  forgetExtractions(): void {
    this.db.exec("DELETE FROM extractions; DELETE FROM receipts;")
  }

  /** Drops the saved results of inputs that are no longer given, so the state mirrors the outputs. */
  keepOnlyInputs(inputIds: ReadonlySet<string>): void {
    const stale = (this.db.prepare("SELECT input_id FROM extractions").all() as Array<{ input_id: string }>)
      .map((row) => row.input_id)
      .filter((id) => !inputIds.has(id))
    this.inTransaction(() => {
      const remove = this.db.prepare("DELETE FROM extractions WHERE input_id = ?")
      const removeReceipt = this.db.prepare("DELETE FROM receipts WHERE input_id = ?")
      for (const id of stale) {
        remove.run(id)
        removeReceipt.run(id)
      }
    })
  }

  citations(docId: string): Citations | undefined {
    const row = this.selectCitations.get(docId) as { ids: string } | undefined
    return row === undefined ? undefined : (JSON.parse(row.ids) as Citations)
  }

  /** Records what each document's members were published under; rows that did not change are left alone. */
  saveCitations(byDocument: ReadonlyMap<string, Citations>): void {
    const upsert = this.db.prepare("INSERT OR REPLACE INTO citations (doc_id, ids) VALUES (?, ?)")
    this.inTransaction(() => {
      for (const [docId, citations] of byDocument) {
        const ids = JSON.stringify(citations)
        if ((this.selectCitations.get(docId) as { ids: string } | undefined)?.ids !== ids) upsert.run(docId, ids)
      }
    })
  }

  /** The story weights kept for the archive, with what they were counted over, if any are kept. */
  storyWeights(): { readonly basis: StoryWeightsBasis; readonly weights: StoryWeights } | undefined {
    const basis = (this.db.prepare("SELECT value FROM meta WHERE key = 'story_weights'").get() as { value: string } | undefined)?.value
    if (basis === undefined) return undefined
    const frequencies = new Map<string, number>()
    for (const row of this.db.prepare("SELECT feature, documents FROM story_weights").iterate()) {
      const { feature, documents } = row as { feature: string; documents: number }
      frequencies.set(feature, documents)
    }
    const parsed = JSON.parse(basis) as StoryWeightsBasis
    return { basis: parsed, weights: { documents: parsed.documents, frequencies } }
  }

  /** Replaces the kept story weights (`basis.documents` is what they were counted over). */
  replaceStoryWeights(basis: StoryWeightsBasis, frequencies: ReadonlyMap<string, number>): void {
    this.inTransaction(() => {
      this.db.exec("DELETE FROM story_weights")
      this.insertStoryWeights(frequencies)
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('story_weights', ?)").run(JSON.stringify(basis))
    })
  }

  /** Adds features first seen since the kept weights were counted; the others stay as they are. */
  addStoryWeights(frequencies: ReadonlyMap<string, number>): void {
    if (frequencies.size > 0) this.inTransaction(() => this.insertStoryWeights(frequencies))
  }

  private insertStoryWeights(frequencies: ReadonlyMap<string, number>): void {
    const insert = this.db.prepare("INSERT OR REPLACE INTO story_weights (feature, documents) VALUES (?, ?)")
    for (const [feature, documents] of frequencies) insert.run(feature, documents)
  }

  /** What the last run that finished publishing recorded, if the outputs have not been touched since. */
  publishedRecord(): string | undefined {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'published'").get() as { value: string } | undefined)?.value
  }

  savePublishedRecord(record: string): void {
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('published', ?)").run(record)
  }

  /** Called before any output file is replaced: until the run completes, nothing vouches for the outputs. */
  forgetPublishedRecord(): void {
    this.db.exec("DELETE FROM meta WHERE key = 'published'")
  }

  close(): void {
    if (this.db.isOpen) this.db.close()
  }

  private inTransaction(work: () => void): void {
    this.db.exec("BEGIN")
    try {
      work()
      this.db.exec("COMMIT")
    } catch (error) {
      this.db.exec("ROLLBACK")
      throw error
    }
  }
}
