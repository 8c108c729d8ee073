/**
 * Clean stage: turns an article's original text into the body the NLP reads, plus its metadata.
 *
 *   lines (normalised, Markdown syntax dropped) → boilerplate lines removed (credits, footers,
 *   section labels, sharing lines) → head read (title, standfirst, date stamp, dateline) →
 *   repeated title lines removed → broken lines rejoined → paragraphs joined by "\n\n" →
 *   language checked.
 *
 * The body is built with `TextBuilder`, so every character maps back to the original text. Removed
 * lines and metadata found in the text are reported as `info` diagnostics naming their rule and span.
 */
import { createHash } from "node:crypto"
import type { CleanDocument, DocumentMeta, LoadedDocument } from "../model/document.ts"
import type { Diagnostic } from "../model/diagnostic.ts"
import type { InputOutcome } from "../model/manifest.ts"
import { CodePointIndex, TextBuilder } from "../model/span.ts"
import { matchBoilerplate, type BoilerplateMatch } from "./boilerplate.ts"
import { parseGivenDate, type FoundDate } from "./dates.ts"
import { INLINE_DATELINE, isSentenceLine, readHead, sameText, type HeadLine, type HeadRole } from "./header.ts"
import { detectLanguage } from "./language.ts"
import { joinLines } from "./layout.ts"
import { normalizeLine, physicalLines, type Line } from "./lines.ts"
import { markdownLines } from "./markdown.ts"

export type CleanOutcome =
  | { readonly _tag: "Cleaned"; readonly doc: CleanDocument; readonly diagnostics: ReadonlyArray<Diagnostic> }
  | { readonly _tag: "Skipped"; readonly outcome: InputOutcome; readonly diagnostic: Diagnostic }

/** A non-blank line of the article with what the clean stage decided about it. */
interface ArticleLine {
  readonly line: Line
  readonly heading: number
  readonly ownBlock: boolean
  /** A blank line (or a line with no text) precedes it. */
  readonly blankBefore: boolean
  blankAfter: boolean
  removed: BoilerplateMatch | null
  role: HeadRole | null
}

/** Removed lines that are an article's own metadata (a headline or standfirst comes before them). */
const CREDIT_RULES = /^clean\/(?:byline|editor|wire|section)/

/** Lines read in the head to find the first sentence before boilerplate is known. */
const HEAD_WINDOW = 10

const readLines = (loaded: LoadedDocument): Array<ArticleLine> => {
  const original = loaded.text
  const ranges = physicalLines(original)
  const markdown = loaded.format === "md" ? markdownLines(original, ranges) : null
  const lines: Array<ArticleLine> = []
  let blank = false
  ranges.forEach((range, i) => {
    const line = normalizeLine(original, i, range, markdown === null ? [range] : markdown[i].kept)
    if (line.text === "") {
      blank = true
      if (lines.length > 0) lines[lines.length - 1].blankAfter = true
      return
    }
    lines.push({
      line,
      heading: markdown?.[i].heading ?? 0,
      ownBlock: markdown?.[i].ownBlock ?? false,
      blankBefore: blank,
      blankAfter: false,
      removed: null,
      role: null
    })
    blank = false
  })
  return lines
}

const contentHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16)

interface Found {
  value: string
  rule: string
  line: Line
}

export const cleanDocument = (loaded: LoadedDocument): CleanOutcome => {
  const original = loaded.text
  const codePoints = new CodePointIndex(original)
  const lines = readLines(loaded)

  // Boilerplate: credits, footers and sharing lines anywhere; section labels only above the first sentence.
  const firstSentence = lines.findIndex((l, i) => i < HEAD_WINDOW && isSentenceLine(l.line.text))
  const headEnd = firstSentence < 0 ? Math.min(lines.length, HEAD_WINDOW) : firstSentence
  const found: Partial<Record<"author" | "editor" | "publisher" | "section" | "title" | "standfirst" | "dateline", Found>> = {}
  let textDate: { date: FoundDate; rule: string; line: Line } | null = null
  const keep = (key: keyof typeof found, value: string | undefined, rule: string, line: Line) => {
    if (value !== undefined && value !== "" && found[key] === undefined) found[key] = { value, rule, line }
  }
  let keptSeen = false
  lines.forEach((l, i) => {
    // Section labels sit above the title: only while every line so far was boilerplate.
    const match = matchBoilerplate(l.line.text, i < headEnd && !keptSeen)
    if (match === null) {
      keptSeen = true
      return
    }
    l.removed = match
    keep("author", match.author, match.rule, l.line)
    keep("editor", match.editor, match.rule, l.line)
    keep("publisher", match.publisher, match.rule, l.line)
    keep("section", match.section, match.rule, l.line)
    if (match.date !== undefined && textDate === null) textDate = { date: match.date, rule: match.rule, line: l.line }
  })

  // Head: title, standfirst, date stamp, dateline.
  const headLines: Array<HeadLine> = lines.map((l, i) => ({
    text: l.line.text,
    position: i,
    blankAfter: l.blankAfter,
    removed: l.removed !== null,
    credit: l.removed !== null && CREDIT_RULES.test(l.removed.rule),
    heading: l.heading
  }))
  const head = readHead(headLines, loaded.given.title)
  for (const [i, role] of head.roles) {
    const l = lines[i]
    l.role = role.role
    if (role.role === "title" || role.role === "standfirst" || role.role === "dateline") keep(role.role, role.value, role.rule, l.line)
    if (role.date !== undefined && textDate === null) textDate = { date: role.date, rule: role.rule, line: l.line }
  }

  // A title shown again (as an image caption, or at the foot) is not news a second time.
  const title = loaded.given.title ?? found.title?.value ?? null
  if (title !== null) {
    let seen = false
    for (const l of lines) {
      if (l.removed !== null || !sameText(l.line.text, title)) continue
      if (seen) l.removed = { rule: "clean/repeated-title" }
      seen = true
    }
  }

  const keptAt = lines.flatMap((l, i) => (l.removed === null ? [i] : []))
  const kept = keptAt.map((i) => lines[i])
  // A dateline opening the first paragraph: "WASHINGTON (Reuters) - …".
  if (found.dateline === undefined) {
    const opening = kept.find((l) => l.role === null && (title === null || !sameText(l.line.text, title)))
    const inline = opening === undefined ? null : INLINE_DATELINE.exec(opening.line.text)
    // The dateline opens a sentence: an all-capital line ("CRICKET - ENGLAND WIN") is a headline.
    if (opening !== undefined && inline !== null && /\p{Ll}/u.test(opening.line.text.slice(inline[0].length))) keep("dateline", inline[1].replace(/[\s,]+$/u, ""), "clean/dateline-inline", opening.line)
  }

  // Broken lines rejoined; every other line break becomes a paragraph break.
  const joins = joinLines(
    kept.map((l, i) => ({
      text: l.line.text,
      // A blank line or a removed line between two kept lines separates them like a paragraph break.
      gapBefore: i > 0 && (l.blankBefore || keptAt[i - 1] + 1 !== keptAt[i]),
      standsAlone: l.ownBlock || l.heading > 0 || l.role !== null
    }))
  )
  const builder = new TextBuilder()
  const joinCounts = new Map<string, number>()
  kept.forEach((l, i) => {
    if (i > 0) {
      const previousEnd = kept[i - 1].line.end
      const { join, rule } = joins[i]
      if (join === "paragraph") builder.insert("\n\n", previousEnd)
      else if (join === "space") builder.insert(" ", previousEnd)
      if (rule !== null) joinCounts.set(rule, (joinCounts.get(rule) ?? 0) + 1)
    }
    const { text, origins } = l.line
    for (let c = 0; c < text.length; c++) {
      const at = origins[c]
      if (text[c] === original[at]) builder.copy(original, at, at + 1)
      else builder.insert(text[c], at)
    }
  })
  const { text, map } = builder.finish(original.length)

  const language = detectLanguage(text)
  const where = (line: Line): { start: number; end: number } => ({ start: codePoints.toCodePoint(line.start), end: codePoints.toCodePoint(line.end) })
  if (language.skip) {
    const reason = `not English: detected ${language.name} (${language.code}); the extractors read English only`
    return {
      _tag: "Skipped",
      outcome: { input_id: loaded.inputId, file: loaded.file, line: loaded.line, doc_id: loaded.docId, status: "skipped", stage: "clean", reason },
      diagnostic: { input_id: loaded.inputId, stage: "clean", rule: "clean/language", severity: "warning", message: reason, ...(loaded.line === null ? {} : { line: loaded.line }) }
    }
  }

  const givenDate = parseGivenDate(loaded.given.date)
  const publishedFromText: { date: FoundDate; rule: string; line: Line } | null = textDate
  const published = givenDate ?? publishedFromText?.date.iso ?? null
  const meta: DocumentMeta = {
    title,
    standfirst: found.standfirst?.value ?? null,
    published,
    publishedSource: givenDate !== null ? "input" : published !== null ? "text" : null,
    author: loaded.given.author ?? found.author?.value ?? null,
    editor: found.editor?.value ?? null,
    publisher: loaded.given.source ?? found.publisher?.value ?? null,
    section: found.section?.value ?? null,
    dateline: found.dateline?.value ?? null,
    url: loaded.given.url,
    language: language.code
  }

  const diagnostics: Array<Diagnostic> = []
  const info = (rule: string, message: string, line: Line) =>
    diagnostics.push({ input_id: loaded.inputId, stage: "clean", rule, severity: "info", message, ...where(line), ...(loaded.line === null ? {} : { line: loaded.line }) })
  for (const l of lines) if (l.removed !== null) info(l.removed.rule, `removed from the body: "${l.line.text.slice(0, 80)}"`, l.line)
  for (const [key, value] of Object.entries(found)) {
    const given = (key === "title" && loaded.given.title !== null) || (key === "author" && loaded.given.author !== null) || (key === "publisher" && loaded.given.source !== null)
    if (value !== undefined && !given) info(value.rule, `${key} "${value.value}" found in the text`, value.line)
  }
  if (givenDate === null && publishedFromText !== null) {
    info(publishedFromText.rule, `published ${publishedFromText.date.iso} read from "${publishedFromText.line.text.slice(0, 80)}" (${publishedFromText.date.rule})`, publishedFromText.line)
  }
  if (loaded.given.date !== null && givenDate === null) {
    diagnostics.push({ input_id: loaded.inputId, stage: "clean", rule: "clean/given-date-unreadable", severity: "warning", message: `the input's date "${loaded.given.date}" is not a date` })
  }
  for (const [rule, count] of joinCounts) {
    diagnostics.push({ input_id: loaded.inputId, stage: "clean", rule, severity: "info", message: `${count} broken line(s) rejoined` })
  }

  return { _tag: "Cleaned", doc: { loaded, text, map, meta, contentHash: contentHash(text) }, diagnostics }
}
