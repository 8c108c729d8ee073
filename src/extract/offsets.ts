/**
 * Maps an extraction's spans from the cleaned text (UTF-16) to the original text (code points), the
 * coordinates the contract promises. The text of each span is re-read from the original so a row's
 * `text` is exactly `original[start:end]`; only a quote whose clean text is not its cleaned span keeps
 * the extractor's text (a span never holds an attribution: each piece of a quotation is its own row).
 */
import type { CleanDocument } from "../model/document.ts"
import type { Diagnostic } from "../model/diagnostic.ts"
import type { ActorMention, DocumentExtraction, EventMention, LocalActor, QuoteMention, TimeMention } from "../model/extraction.ts"
import { CodePointIndex, codePointLength } from "../model/span.ts"

export interface CleanExtraction {
  readonly actors: ReadonlyArray<LocalActor>
  readonly actorMentions: ReadonlyArray<ActorMention>
  readonly quotes: ReadonlyArray<QuoteMention>
  readonly events: ReadonlyArray<EventMention>
  readonly times: ReadonlyArray<TimeMention>
  readonly diagnostics: ReadonlyArray<Diagnostic>
  readonly nSentences: number
  readonly lead: string
}

export const mapExtractionToOriginal = (clean: CleanDocument, found: CleanExtraction): Omit<DocumentExtraction, "storyFeatures"> => {
  const original = clean.loaded.text
  const codePoints = new CodePointIndex(original)
  /** Maps a cleaned [start, end) to original code points; returns the original text too. */
  const span = (start: number, end: number) => {
    const o = clean.map.toOriginal(start, end)
    return { start: codePoints.toCodePoint(o.start), end: codePoints.toCodePoint(o.end), text: original.slice(o.start, o.end) }
  }
  const optionalSpan = (start: number | null, end: number | null) =>
    start === null || end === null ? { start: null, end: null, text: null } : span(start, end)

  const actorMentions = found.actorMentions.map((m) => ({ ...m, ...span(m.start, m.end) }))
  const quotes = found.quotes.map((q) => {
    const mapped = span(q.start, q.end)
    const content = q.text === clean.text.slice(q.start, q.end) ? mapped : { ...mapped, text: q.text }
    const speaker = optionalSpan(q.speakerStart, q.speakerEnd)
    const cue = optionalSpan(q.cueStart, q.cueEnd)
    return {
      ...q,
      ...content,
      speakerStart: speaker.start,
      speakerEnd: speaker.end,
      speakerText: speaker.text ?? q.speakerText,
      cueStart: cue.start,
      cueEnd: cue.end,
      cue: cue.text ?? q.cue
    }
  })
  const events = found.events.map((e) => {
    const clause = span(e.start, e.end)
    const trigger = span(e.triggerStart, e.triggerEnd)
    return { ...e, ...clause, trigger: trigger.text, triggerStart: trigger.start, triggerEnd: trigger.end }
  })
  const times = found.times.map((t) => ({ ...t, ...span(t.start, t.end) }))
  const diagnostics = found.diagnostics.map((d) =>
    d.start === undefined || d.end === undefined ? d : { ...d, start: span(d.start, d.end).start, end: span(d.start, d.end).end }
  )
  return {
    docId: clean.loaded.docId,
    inputId: clean.loaded.inputId,
    nChars: codePointLength(original),
    nSentences: found.nSentences,
    lead: found.lead,
    contentHash: clean.contentHash,
    duplicateOf: null,
    meta: clean.meta,
    actors: found.actors,
    actorMentions,
    quotes,
    events,
    times,
    diagnostics
  }
}
