/**
 * The per-document unit of work, the same in a worker thread and in the main thread:
 * clean → analyse → extract, one `DocumentResult` per loaded article. It is a plain value (structured
 * clone and JSON both carry it), so a worker can send it back and the state store can keep it.
 */
import { cleanDocument } from "../clean/index.ts"
import { analyze } from "../segment/index.ts"
import { extract } from "../extract/index.ts"
import type { NlpEngine } from "../nlp/Nlp.ts"
import type { LoadedDocument } from "../model/document.ts"
import type { Diagnostic } from "../model/diagnostic.ts"
import type { DocumentExtraction } from "../model/extraction.ts"
import type { InputOutcome } from "../model/manifest.ts"

export type DocumentResult =
  /** Extracted; `cleanDiagnostics` are what cleaning noted on the way. */
  | { readonly _tag: "Extracted"; readonly extraction: DocumentExtraction; readonly cleanDiagnostics: ReadonlyArray<Diagnostic> }
  /** Cleaning found no article to extract (its outcome says why). */
  | { readonly _tag: "Skipped"; readonly outcome: InputOutcome; readonly diagnostic: Diagnostic }
  /** The code threw on this document: a bug to report, not a property of the text, so never cached. */
  | { readonly _tag: "Failed"; readonly reason: string }

export const processDocument = (engine: NlpEngine, loaded: LoadedDocument): DocumentResult => {
  try {
    const cleaned = cleanDocument(loaded)
    if (cleaned._tag === "Skipped") return { _tag: "Skipped", outcome: cleaned.outcome, diagnostic: cleaned.diagnostic }
    return { _tag: "Extracted", extraction: extract(engine, analyze(engine, cleaned.doc)), cleanDiagnostics: cleaned.diagnostics }
  } catch (error) {
    return { _tag: "Failed", reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
}
