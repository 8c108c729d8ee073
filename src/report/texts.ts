/**
 * The documents' original texts, which the report needs to show spans in place but the tables do not
 * hold (they hold offsets into them).
 *
 * During a run the texts are those the load stage just read. `npm run report` rebuilds the page from
 * the published tables alone, so it reads the inputs again from where the manifest says they were
 * (`options.input`, or another folder given with `--input`), through the same load stage: the load is
 * deterministic, and a document's id derives from its input id, so each text finds its rows. The state
 * in `OUT/.state/` is no source: it keeps extraction results, not texts, and is a cache that any run
 * may discard.
 *
 * An input can have changed or gone since the run. Every text is therefore checked against the tables
 * (its length, and each actor mention's text at its offsets) before the page shows spans in it; a text
 * that fails is left out, and the page says why instead of highlighting the wrong words.
 */
import { Effect, Stream } from "effect"
import type { FileSystem, Path } from "effect"
import { loadInputs } from "../load/index.ts"
import type { Dataset, DocumentRow } from "../model/tables.ts"

/** A document's original text, or why the page cannot show it. */
export type DocumentText = { readonly text: string; readonly note: null } | { readonly text: null; readonly note: string }

const codePoints = (text: string): Array<string> => [...text]

/**
 * Checks texts against the tables: `textOf(doc, text)` is the text when its length and every actor
 * mention of the document match it, and otherwise a note saying what did not.
 */
export const textChecker = (dataset: Dataset) => {
  const spans = new Map<string, Array<{ start: number; end: number; text: string }>>()
  for (const m of dataset.actor_mentions) {
    const list = spans.get(m.doc_id)
    if (list === undefined) spans.set(m.doc_id, [m])
    else list.push(m)
  }
  return (doc: DocumentRow, text: string | undefined, missing: string): DocumentText => {
    if (text === undefined) return { text: null, note: missing }
    const chars = codePoints(text)
    if (chars.length !== doc.n_chars) {
      return { text: null, note: `the input's text has changed since the run (${chars.length} characters, the tables say ${doc.n_chars})` }
    }
    const wrong = (spans.get(doc.doc_id) ?? []).find((m) => chars.slice(m.start, m.end).join("") !== m.text)
    if (wrong !== undefined) {
      return { text: null, note: `the input's text has changed since the run (“${wrong.text}” is no longer at ${wrong.start}–${wrong.end})` }
    }
    return { text, note: null }
  }
}

/** Texts the run has in memory, by document id. */
export const textsFromRun = (dataset: Dataset, texts: ReadonlyMap<string, string>) => {
  const check = textChecker(dataset)
  return (doc: DocumentRow): DocumentText => check(doc, texts.get(doc.doc_id), "the run did not keep this document's text")
}

/**
 * Reads the texts of the documents in `dataset` from `input` (a folder or file, as given to the
 * pipeline) through the load stage. Unreadable or missing inputs give notes, never a failure.
 */
export const textsFromInputs = (
  dataset: Dataset,
  input: string | null
): Effect.Effect<(doc: DocumentRow) => DocumentText, never, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function*() {
    const check = textChecker(dataset)
    const wanted = new Set(dataset.documents.map((d) => d.doc_id))
    if (input === null || input === "-") {
      const note = input === "-" ? "the run read its input from standard input, which cannot be read again: rerun the pipeline to see texts" : "the manifest names no input"
      return (doc: DocumentRow) => check(doc, undefined, note)
    }
    const texts = new Map<string, string>()
    const failure = yield* loadInputs({ input }).pipe(
      Stream.runForEach((outcome) =>
        Effect.sync(() => {
          if (outcome._tag === "Loaded" && wanted.has(outcome.doc.docId)) texts.set(outcome.doc.docId, outcome.doc.text)
        })
      ),
      Effect.as(null),
      Effect.catch((error) => Effect.succeed(error.reason))
    )
    const missing = failure === null ? `not found in the input ${input}` : `cannot read the input ${input}: ${failure}`
    return (doc: DocumentRow) => check(doc, texts.get(doc.doc_id), missing)
  })
