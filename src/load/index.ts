/**
 * Load stage: turns the `--input` (a folder, a file, or `-` for JSON Lines on stdin) into a stream of
 * articles. Every input either becomes a `LoadedDocument` or is skipped with a reason that names the
 * file (and line); nothing is dropped silently. Only an input that cannot be read at all fails the run.
 */
import { Effect, FileSystem, Path, Schema, Stream } from "effect"
import { DefaultBudget, megabytes } from "../model/budget.ts"
import type { GivenMeta, LoadedDocument } from "../model/document.ts"
import type { Diagnostic } from "../model/diagnostic.ts"
import type { InputOutcome } from "../model/manifest.ts"
import { stableId } from "../ids.ts"
import { htmlToArticle, MAX_HTML_DEPTH, nestingDepth } from "./html.ts"
import { readJsonLines, readRecord } from "./records.ts"
import { walkFolder } from "./walk.ts"

/** The default size limit of one article (`--doc-size-limit`): a larger file is not one article. */
export const MAX_ARTICLE_BYTES = DefaultBudget.maxBytes

const EXTENSIONS = new Map<string, "txt" | "md" | "html" | "json" | "jsonl">([
  [".txt", "txt"],
  [".md", "md"],
  [".markdown", "md"],
  [".html", "html"],
  [".htm", "html"],
  [".json", "json"],
  [".jsonl", "jsonl"],
  [".ndjson", "jsonl"]
])

export class InputError extends Schema.TaggedError<InputError>()("InputError", {
  input: Schema.String,
  reason: Schema.String
}) {}

export type LoadOutcome =
  | { readonly _tag: "Loaded"; readonly doc: LoadedDocument }
  | { readonly _tag: "Skipped"; readonly outcome: InputOutcome; readonly diagnostic: Diagnostic }

const noMeta: GivenMeta = { title: null, date: null, url: null, source: null, author: null, extra: {} }

export const skipped = (file: string, line: number | null, inputId: string, reason: string, rule: string): LoadOutcome => ({
  _tag: "Skipped",
  outcome: { input_id: inputId, file, line, doc_id: null, status: "skipped", stage: "load", reason },
  diagnostic: {
    input_id: inputId,
    stage: "load",
    rule,
    severity: "error",
    message: `${file}${line === null ? "" : `:${line}`}: ${reason}`,
    ...(line === null ? {} : { line })
  }
})

const loaded = (
  file: string,
  line: number | null,
  inputId: string,
  format: LoadedDocument["format"],
  text: string,
  given: GivenMeta
): LoadOutcome => ({
  _tag: "Loaded",
  doc: { docId: stableId("doc", inputId), inputId, file, line, format, text, given }
})

/** Decodes file bytes as UTF-8 text (BOM removed), or says why they are not an article's text. */
export const decodeText = (bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string; rule: string } => {
  if (bytes.length === 0) return { ok: false, reason: "empty file", rule: "load/empty" }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: "binary file (contains NUL bytes), not text", rule: "load/binary" }
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, reason: "not valid UTF-8 text", rule: "load/encoding" }
  }
  if (text.trim() === "") return { ok: false, reason: "empty file (only white space)", rule: "load/empty" }
  return { ok: true, text }
}

/**
 * Turns one file's content into articles (or reasons to skip). `file` is relative to the input root.
 * Whatever the content, nothing thrown escapes: a parser that fails on it (an HTML page nested too
 * deep for the DOM library, say) makes the file a skipped input with the error as its reason.
 */
export const articlesFromContent = (file: string, bytes: Uint8Array, maxBytes = MAX_ARTICLE_BYTES): Array<LoadOutcome> => {
  try {
    return readArticles(file, bytes, maxBytes)
  } catch (error) {
    const reason = error instanceof RangeError && /call stack/.test(error.message)
      ? "nests too deeply to parse (the parser ran out of stack)"
      : `cannot be parsed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
    return [skipped(file, null, file, reason, "load/unparsable")]
  }
}

const readArticles = (file: string, bytes: Uint8Array, maxBytes: number): Array<LoadOutcome> => {
  const format = EXTENSIONS.get(extensionOf(file))
  if (format === undefined) return [skipped(file, null, file, "unsupported file type", "load/type")]
  // A JSON or JSON Lines file may hold many articles: each record is checked against the limit instead.
  if (format !== "jsonl" && format !== "json" && bytes.length > maxBytes) {
    return [skipped(file, null, file, `file is ${megabytes(bytes.length)}, over the ${maxBytes / 1024 / 1024} MB limit for one article`, "load/too-large")]
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return [skipped(file, null, file, decoded.reason, decoded.rule)]
  const text = decoded.text
  switch (format) {
    case "txt":
    case "md":
      return [loaded(file, null, file, format, text, noMeta)]
    case "html": {
      const depth = nestingDepth(text)
      if (depth > MAX_HTML_DEPTH) {
        return [skipped(file, null, file, `HTML elements nest ${depth} deep, over the limit of ${MAX_HTML_DEPTH} (no article page does)`, "load/html-depth")]
      }
      const article = htmlToArticle(text)
      if (article.text.trim() === "") return [skipped(file, null, file, "HTML has no article text", "load/empty")]
      const given = { ...noMeta, title: article.title, author: article.author, date: article.date, source: article.publisher }
      return [loaded(file, null, file, "html", article.text, given)]
    }
    case "json":
      return articlesFromJson(file, text, maxBytes)
    case "jsonl":
      return articlesFromRecords(file, readJsonLines(text, maxBytes))
  }
}

const articlesFromJson = (file: string, text: string, maxBytes: number): Array<LoadOutcome> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return [skipped(file, null, file, `not valid JSON (${(error as Error).message})`, "load/json")]
  }
  if (Array.isArray(parsed)) {
    return articlesFromRecords(file, parsed.map((value, index) => ({ line: index + 1, ...readRecord(value, maxBytes) })), "record")
  }
  const record = readRecord(parsed, maxBytes)
  if (!record.ok) return [skipped(file, null, file, record.reason, "load/record")]
  return [loaded(file, null, record.id ?? file, "json", record.text, record.given)]
}

const articlesFromRecords = (
  file: string,
  records: ReadonlyArray<{ line: number } & ReturnType<typeof readRecord>>,
  position: "line" | "record" = "line"
): Array<LoadOutcome> => {
  if (records.length === 0) return [skipped(file, null, file, "no records in file", "load/empty")]
  return records.map((record) => {
    const fallbackId = `${file}:${record.line}`
    if (!record.ok) {
      const reason = position === "line" ? record.reason : `record ${record.line}: ${record.reason}`
      return skipped(file, record.line, fallbackId, reason, "load/record")
    }
    return loaded(file, record.line, record.id ?? fallbackId, "json", record.text, record.given)
  })
}

const extensionOf = (file: string): string => {
  const dot = file.lastIndexOf(".")
  return dot < 0 ? "" : file.slice(dot).toLowerCase()
}

/** Whether a folder's file is read as articles (by its extension): the others are not inputs. */
export const isArticleFile = (file: string): boolean => EXTENSIONS.has(extensionOf(file))

const readStdin = Effect.promise(async () => {
  const chunks: Array<Buffer> = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
})

/** Rejects a second input with an id already seen: ids must identify one article. */
const rejectDuplicateIds = () => {
  const seen = new Map<string, string>()
  return (outcome: LoadOutcome): LoadOutcome => {
    if (outcome._tag === "Skipped") return outcome
    const { doc } = outcome
    const where = doc.line === null ? doc.file : `${doc.file}:${doc.line}`
    const first = seen.get(doc.inputId)
    if (first !== undefined) {
      return skipped(doc.file, doc.line, `${doc.inputId}@${where}`, `input id "${doc.inputId}" was already used by ${first}`, "load/duplicate-id")
    }
    seen.set(doc.inputId, where)
    return outcome
  }
}

export interface LoadOptions {
  /** A folder, a file, or `-` for JSON Lines on standard input. */
  readonly input: string
  /** Size limit of one article in bytes (default: `MAX_ARTICLE_BYTES`). */
  readonly maxBytes?: number
}

/**
 * Streams the articles of `input`. Files are read one at a time, so memory holds one file's content
 * (plus what downstream stages keep), whatever the size of the folder.
 */
export const loadInputs = (options: LoadOptions): Stream.Stream<LoadOutcome, InputError, FileSystem.FileSystem | Path.Path> =>
  Stream.unwrap(
    Effect.gen(function*() {
      const checkIds = rejectDuplicateIds()
      const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES
      if (options.input === "-") {
        const bytes = yield* readStdin
        return Stream.fromIterable(articlesFromContent("stdin.jsonl", bytes, maxBytes)).pipe(Stream.map(checkIds))
      }
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const info = yield* fs.stat(options.input).pipe(
        Effect.mapError((error) => new InputError({ input: options.input, reason: `cannot read input: ${error.message}` }))
      )
      if (info.type !== "Directory" && info.type !== "File") {
        return yield* new InputError({ input: options.input, reason: `not a file or a folder (${info.type})` })
      }
      const root = info.type === "Directory" ? options.input : path.dirname(options.input)
      const listing = info.type === "Directory"
        ? yield* Effect.try({
          try: () => walkFolder(root, isArticleFile),
          catch: (error) => new InputError({ input: root, reason: `cannot read folder: ${(error as Error).message}` })
        })
        : { files: [path.basename(options.input)], unreadable: [] }
      if (listing.files.length === 0 && listing.unreadable.length === 0) {
        return yield* new InputError({ input: options.input, reason: "no .txt, .md, .html, .json or .jsonl files found" })
      }
      const entries: Array<{ file: string; reason: string | null }> = [
        ...listing.files.map((file) => ({ file, reason: null })),
        ...listing.unreadable
      ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      return Stream.fromIterable(entries).pipe(
        Stream.mapEffect(({ file, reason }) =>
          reason !== null
            ? Effect.succeed([skipped(file, null, file, reason, "load/unreadable")])
            : fs.readFile(path.join(root, file)).pipe(
              Effect.map((bytes) => articlesFromContent(file, bytes, maxBytes)),
              Effect.catch((error) => Effect.succeed([skipped(file, null, file, `cannot read file: ${error.message}`, "load/unreadable")]))
            )
        ),
        Stream.flatMap((outcomes) => Stream.fromIterable(outcomes)),
        Stream.map(checkIds)
      )
    })
  )
