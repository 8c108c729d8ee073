/**
 * One incremental run over the state beside the outputs: each loaded document gets the result saved
 * for the same content and code when there is one, and is extracted otherwise (the new result is saved
 * at once, so a run killed midway resumes from there). After publishing, the run remembers the ids it
 * published and forgets inputs that are no longer given.
 */
import { Effect } from "effect"
import type { LoadedDocument } from "../model/document.ts"
import type { Dataset } from "../model/tables.ts"
import type { DocumentResult } from "../workers/documentWork.ts"
import { citationsOf, keepCitedIds } from "./citedIds.ts"
import { codeFingerprint, documentKey } from "./fingerprint.ts"
import { StateStore, stateFolder } from "./store.ts"

export interface IncrementalStats {
  /** Documents whose saved result was reused. */
  readonly reused: number
  /** Documents extracted in this run. */
  readonly extracted: number
}

export class IncrementalRun {
  private readonly inputs = new Set<string>()
  private reused = 0
  private extracted = 0

  private readonly store: StateStore
  private readonly fingerprint: string
  constructor(store: StateStore, fingerprint: string) {
    this.store = store
    this.fingerprint = fingerprint
  }

  resultFor = <E, R>(
    doc: LoadedDocument,
    extractFresh: (doc: LoadedDocument) => Effect.Effect<DocumentResult, E, R>
  ): Effect.Effect<DocumentResult, E, R> =>
    Effect.suspend(() => {
      this.inputs.add(doc.inputId)
      const key = documentKey(this.fingerprint, doc)
      const saved = this.store.savedResult(doc.inputId, key)
      if (saved !== undefined) {
        this.reused++
        return Effect.succeed(saved)
      }
      return extractFresh(doc).pipe(
        Effect.tap((result) =>
          Effect.sync(() => {
            this.extracted++
            if (result._tag !== "Failed") this.store.saveResult(doc.inputId, key, result)
          })
        )
      )
    })

  /** Dedupe's dataset with every id published before kept (see citedIds.ts). */
  keepCitedIds = (dataset: Dataset): Dataset => keepCitedIds(dataset, (docId) => this.store.citations(docId))

  /** Called once the dataset is published: its ids are now cited. */
  complete = (dataset: Dataset): void => {
    this.store.saveCitations(citationsOf(dataset))
    this.store.keepOnlyInputs(this.inputs)
  }

  get stats(): IncrementalStats {
    return { reused: this.reused, extracted: this.extracted }
  }
}

/** The run's state in `OUT/.state/`, closed with the scope. `rebuild` forgets saved extractions first. */
export const openIncrementalRun = (out: string, options: { readonly rebuild: boolean }) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const store = StateStore.open(stateFolder(out))
      if (options.rebuild) store.forgetExtractions()
      return { run: new IncrementalRun(store, codeFingerprint()), store }
    }),
    ({ store }) => Effect.sync(() => store.close())
  ).pipe(Effect.map(({ run }) => run))
