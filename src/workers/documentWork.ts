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
  /**
   * The code threw on this document in `stage`, or the document went over its budget there: the
   * document is skipped and the run goes on. Never cached (a bug fixed or a faster machine changes it).
   */
  | { readonly _tag: "Failed"; readonly stage: DocumentStage; readonly reason: string }

export type DocumentStage = "clean" | "segment" | "extract"

/** `onStage` hears each stage as it starts, so a document stopped midway can say where it was. */
export const processDocument = (engine: NlpEngine, loaded: LoadedDocument, onStage: (stage: DocumentStage) => void = () => {}): DocumentResult => {
  let stage: DocumentStage = "clean"
  const enter = (next: DocumentStage) => {
    stage = next
    onStage(next)
  }
  try {
    enter("clean")
    const cleaned = cleanDocument(loaded)
    if (cleaned._tag === "Skipped") return { _tag: "Skipped", outcome: cleaned.outcome, diagnostic: cleaned.diagnostic }
    enter("segment")
    const analysed = analyze(engine, cleaned.doc)
    enter("extract")
    return { _tag: "Extracted", extraction: extract(engine, analysed), cleanDiagnostics: cleaned.diagnostics }
  } catch (error) {
    const reason = error instanceof RangeError && /call stack/.test(error.message)
      ? "the text nests too deeply for this stage (it ran out of stack)"
      : `the code failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
    return { _tag: "Failed", stage, reason }
  }
}
