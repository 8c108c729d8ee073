/**
 * Bookkeeping of one run: every input's outcome and every diagnostic, in input order, so the manifest
 * accounts for everything that went in. Also recognises exact duplicate inputs (same cleaned text).
 */
import type { LoadedDocument } from "../src/model/document.ts"
import type { Diagnostic } from "../src/model/diagnostic.ts"
import type { DocumentExtraction } from "../src/model/extraction.ts"
import type { InputOutcome } from "../src/model/manifest.ts"
import type { LoadOutcome } from "../src/load/index.ts"
import type { ResultReceipt } from "../src/state/store.ts"

/** A document the run extracted (or reused), to be read back for dedupe once all are done. */
export interface AdmittedDocument {
  readonly inputId: string
  /** Set when its cleaned text is an earlier input's: that input's document, and this one's length. */
  readonly duplicate: { readonly of: string; readonly nChars: number } | null
}

export class RunLog {
  readonly outcomes: Array<InputOutcome> = []
  readonly diagnostics: Array<Diagnostic> = []
  private readonly byHash = new Map<string, LoadedDocument>()

  /** Records a load outcome; returns the document to process, or null when the input was skipped. */
  admitLoaded = (outcome: LoadOutcome): LoadedDocument | null => {
    if (outcome._tag === "Loaded") return outcome.doc
    this.record(outcome.outcome, outcome.diagnostic)
    return null
  }

  /**
   * Records a document's result, by its receipt (called in input order); returns the document to read
   * back for dedupe (marked as a duplicate of an earlier input when its cleaned text is the same), or
   * null when the document was skipped.
   */
  admitResult = (loaded: LoadedDocument, result: ResultReceipt): AdmittedDocument | null => {
    const base = { input_id: loaded.inputId, file: loaded.file, line: loaded.line, doc_id: loaded.docId }
    if (result._tag === "Skipped") {
      this.record(result.outcome, result.diagnostic)
      return null
    }
    if (result._tag === "Failed") {
      const reason = `${result.stage} stage: ${result.reason}`
      const message = `${loaded.file}${loaded.line === null ? "" : `:${loaded.line}`}: ${reason}`
      this.record({ ...base, doc_id: null, status: "skipped", stage: result.stage, reason }, { input_id: loaded.inputId, stage: result.stage, rule: `${result.stage}/failed`, severity: "error", message })
      return null
    }
    this.diagnostics.push(...result.cleanDiagnostics)
    const original = this.byHash.get(result.contentHash)
    if (original === undefined) {
      this.byHash.set(result.contentHash, loaded)
      this.record({ ...base, status: "processed", stage: null, reason: null }, null)
      this.diagnostics.push(...result.diagnostics)
      return { inputId: loaded.inputId, duplicate: null }
    }
    const reason = `same text as ${original.inputId} after cleaning; processed once`
    this.record({ ...base, status: "duplicate", stage: "clean", reason }, { input_id: loaded.inputId, stage: "clean", rule: "clean/duplicate", severity: "info", message: `${loaded.file}: ${reason}` })
    return { inputId: loaded.inputId, duplicate: { of: original.docId, nChars: [...loaded.text].length } }
  }

  /** An admitted document's extraction as dedupe sees it: a duplicate's is empty and points at its original. */
  extractionOf = (admitted: AdmittedDocument, extraction: DocumentExtraction): DocumentExtraction =>
    admitted.duplicate === null
      ? extraction
      : {
        ...extraction,
        nChars: admitted.duplicate.nChars,
        nSentences: 0,
        duplicateOf: admitted.duplicate.of,
        actors: [],
        actorMentions: [],
        quotes: [],
        events: [],
        times: [],
        diagnostics: []
      }

  /** The original text of each document processed (a duplicate's rows are its original's), for the report. */
  get texts(): ReadonlyMap<string, string> {
    return new Map([...this.byHash.values()].map((doc) => [doc.docId, doc.text]))
  }

  /** Outcomes in input order (file, then line), whatever order the stages finished in. */
  get inputsInOrder(): Array<InputOutcome> {
    return [...this.outcomes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)))
  }

  get skipped(): number {
    return this.skippedCount
  }
  private skippedCount = 0
  private record(outcome: InputOutcome, diagnostic: Diagnostic | null): void {
    this.outcomes.push(outcome)
    if (diagnostic !== null) this.diagnostics.push(diagnostic)
    if (outcome.status === "skipped") this.skippedCount++
  }
}
