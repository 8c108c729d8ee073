/**
 * The report page's data and HTML, on a small dataset written by hand: what the overview counts, what
 * the charts are given, what each document's chunk holds, how texts are checked, and that the page is
 * one file whose data cannot break out of its script blocks. (The page in a browser: reportBrowser.test.ts.)
 */
import { describe, expect, it } from "@effect/vitest"
import { spawnSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Manifest } from "../src/model/manifest.ts"
import type { ActorMentionRow, ActorRow, Dataset, DocumentRow, EventMentionRow, EventRow, QuoteRow } from "../src/model/tables.ts"
import { buildReportData, diagnosticKinds, timelineWindow } from "../src/report/data.ts"
import { jsonForScript, renderPage } from "../src/report/page.ts"
import { textChecker, textsFromRun } from "../src/report/texts.ts"
import { tempDir } from "./support/tempDirs.ts"
import { repoRoot } from "./support/shared.ts"

const TEXT_A = "Ann Lee met Bob Ray in Paris on 3 June. “We agreed,” Lee said."
const TEXT_B = "Bob Ray met Ann Lee again. Ray said talks went well. </script><b>x</b> 😀 Lee"

const cp = (text: string, part: string, from = 0): [number, number] => {
  const chars = [...text]
  for (let i = from; i < chars.length; i++) if (chars.slice(i, i + [...part].length).join("") === part) return [i, i + [...part].length]
  throw new Error(`${part} not in text`)
}

const doc = (doc_id: string, text: string, extra: Partial<DocumentRow> = {}): DocumentRow => ({
  doc_id, input_id: `${doc_id}.txt`, title: null, standfirst: null, published: null, published_source: null, author: null, editor: null,
  publisher: null, section: null, dateline: null, url: null, story_id: null, duplicate_of: null, n_chars: [...text].length, n_sentences: 2,
  content_hash: doc_id, near_copy_of: null, story_links: [], ...extra
})
const actor = (actor_id: string, name: string, n_mentions: number, n_documents: number): ActorRow => ({
  actor_id, name, kind: "person", title: null, title_normalized: null, affiliation: null, aliases: [name], n_mentions, n_documents,
  rules: ["ner.person"], merged_by: []
})
const mention = (doc_id: string, text: string, actor_id: string, part: string, from = 0): ActorMentionRow => {
  const [start, end] = cp(text, part, from)
  return { mention_id: `m_${doc_id}_${start}`, actor_id, doc_id, start, end, text: part, kind: "person", role: "name", title: null, rule: "ner.person" }
}
const event = (event_id: string, actor_ids: Array<string>, date: string | null, event_type = "CONSULT"): EventRow => ({
  event_id, event_type, cameo: null, date, date_precision: date === null ? null : "day", date_source: null, location: null, actor_ids,
  actors: actor_ids, source_actor_ids: [], target_actor_ids: [], summary: "met", modality: "asserted", n_mentions: 1, n_documents: 1, merged_by: []
})
const eventMention = (event_id: string, doc_id: string, text: string, clause: string, trigger: string, actor_ids: Array<string>): EventMentionRow => {
  const [start, end] = cp(text, clause)
  const [trigger_start, trigger_end] = cp(text, trigger, start)
  return {
    mention_id: `em_${event_id}_${doc_id}`, event_id, doc_id, start, end, text: clause, trigger, trigger_start, trigger_end, event_type: "CONSULT",
    cameo: null, date: null, date_text: null, location: null, modality: "asserted", actor_ids, source_actor_ids: [], target_actor_ids: [], rule: "trigger:meet/verb;participants:subject-object"
  }
}

const [qs, qe] = cp(TEXT_A, "We agreed,")
const [ss, se] = cp(TEXT_A, "Lee", 40)
const [cs, ce] = cp(TEXT_A, "said")
const quote: QuoteRow = {
  quote_id: "quote_1", statement_id: "statement_1", part: 1, doc_id: "doc_a", kind: "direct", text: "We agreed,", start: qs, end: qe,
  speaker_actor_id: "actor_ann", speaker: "Ann Lee", speaker_text: "Lee", speaker_start: ss, speaker_end: se, cue: "said", cue_lemma: "say",
  cue_start: cs, cue_end: ce, addressee: null, rule: "quote.direct.content-before-cue.say;speaker.surname"
}
const [rs, re] = cp(TEXT_B, "talks went well")
const quoteB: QuoteRow = {
  ...quote, quote_id: "quote_2", statement_id: "statement_2", doc_id: "doc_b", kind: "indirect", text: "talks went well", start: rs, end: re,
  speaker_actor_id: "actor_bob", speaker: "Bob Ray", speaker_text: "Ray", speaker_start: cp(TEXT_B, "Ray", 20)[0], speaker_end: cp(TEXT_B, "Ray", 20)[1],
  cue_start: cp(TEXT_B, "said")[0], cue_end: cp(TEXT_B, "said")[1], rule: "quote.indirect.speaker-before-cue.say;speaker.surname"
}

const dataset: Dataset = {
  documents: [
    doc("doc_a", TEXT_A, { title: "Talks in Paris", standfirst: "Two leaders met.", author: "C. Writer", publisher: "Daily A", published: "2025-06-03", story_id: "story_1" }),
    doc("doc_b", TEXT_B, { publisher: "Weekly B", published: "2025-06-04", story_id: "story_1" }),
    doc("doc_c", TEXT_A, { duplicate_of: "doc_a", n_sentences: 0 })
  ],
  actors: [actor("actor_ann", "Ann Lee", 4, 2), actor("actor_bob", "Bob Ray", 3, 2), actor("actor_paris", "Paris", 1, 1)],
  actor_mentions: [
    mention("doc_a", TEXT_A, "actor_ann", "Ann Lee"), mention("doc_a", TEXT_A, "actor_bob", "Bob Ray"), mention("doc_a", TEXT_A, "actor_paris", "Paris"),
    mention("doc_a", TEXT_A, "actor_ann", "Lee", 40), mention("doc_b", TEXT_B, "actor_bob", "Bob Ray"), mention("doc_b", TEXT_B, "actor_ann", "Ann Lee"),
    mention("doc_b", TEXT_B, "actor_bob", "Ray", 20), mention("doc_b", TEXT_B, "actor_ann", "Lee", 60)
  ],
  quotes: [quote, quoteB],
  events: [event("event_1", ["actor_ann", "actor_bob"], "2025-06-03"), event("event_2", ["actor_ann", "actor_bob", "actor_paris"], null, "AGREE")],
  event_mentions: [
    eventMention("event_1", "doc_a", TEXT_A, "Ann Lee met Bob Ray in Paris", "met", ["actor_ann", "actor_bob"]),
    eventMention("event_1", "doc_b", TEXT_B, "Bob Ray met Ann Lee again", "met", ["actor_ann", "actor_bob"]),
    eventMention("event_2", "doc_a", TEXT_A, "We agreed", "agreed", ["actor_ann", "actor_bob", "actor_paris"])
  ],
  times: [{ doc_id: "doc_a", start: cp(TEXT_A, "3 June")[0], end: cp(TEXT_A, "3 June")[1], text: "3 June", type: "DATE", value: "2025-06-03", precision: "day", anchor: "published", rule: "time:day-month" }]
}

const manifest: Manifest = {
  tool: { name: "newsfacts", version: "0.1.0" },
  versions: { effect: "4.1.0" },
  options: { input: "articles", formats: ["json"] },
  counts: { documents: 3, actors: 3, actor_mentions: 8, quotes: 2, events: 2, event_mentions: 3, times: 1, inputs: 4, processed: 2, duplicates: 1, skipped: 1 },
  inputs: [
    { input_id: "doc_a.txt", file: "doc_a.txt", line: null, doc_id: "doc_a", status: "processed", stage: null, reason: null },
    { input_id: "doc_b.txt", file: "doc_b.txt", line: null, doc_id: "doc_b", status: "processed", stage: null, reason: null },
    { input_id: "doc_c.txt", file: "doc_c.txt", line: null, doc_id: "doc_c", status: "duplicate", stage: "clean", reason: "same text as doc_a.txt after cleaning; processed once" },
    { input_id: "empty.txt", file: "empty.txt", line: null, doc_id: null, status: "skipped", stage: "load", reason: "empty file" }
  ],
  diagnostics: [
    { input_id: "empty.txt", stage: "load", rule: "load/empty", severity: "error", message: "empty.txt: empty file" },
    { input_id: "doc_a.txt", stage: "clean", rule: "clean/byline", severity: "info", message: "byline removed", start: 0, end: 3 },
    { input_id: "doc_b.txt", stage: "clean", rule: "clean/byline", severity: "info", message: "byline removed again" }
  ]
}

const texts = new Map([["doc_a", TEXT_A], ["doc_b", TEXT_B]])
const data = buildReportData({ dataset, manifest, textOf: textsFromRun(dataset, texts) })

describe("report data", () => {
  it("keeps the manifest's counts, the inputs not processed and the diagnostics by kind, errors first", () => {
    expect(data.summary.counts).toEqual(manifest.counts)
    expect(data.summary.notProcessed.map((i) => `${i.input_id} ${i.status} ${i.reason}`)).toEqual([
      "doc_c.txt duplicate same text as doc_a.txt after cleaning; processed once",
      "empty.txt skipped empty file"
    ])
    expect(diagnosticKinds(manifest.diagnostics).map((d) => [d.severity, d.rule, d.count, d.documents])).toEqual([
      ["error", "load/empty", 1, 1],
      ["info", "clean/byline", 2, 2]
    ])
  })

  it("lists documents with their counts, story and text, and says why a duplicate has no text", () => {
    const [a, b, c] = data.summary.documents
    expect(a.slice(0, 5)).toEqual(["doc_a", "doc_a.txt", "Talks in Paris", "2025-06-03", "Daily A"])
    expect(a.slice(9)).toEqual([3, 1, 2, null]) // 3 actors, 1 quote, 2 events, text present
    expect(b[5]).toBe(a[5]) // same story
    expect(c[6]).toBe(0) // duplicate of document 0
    expect(c[12]).toMatch(/^same text as doc_a/)
    expect(data.chunks.map((chunk) => chunk.text)).toEqual([TEXT_A, TEXT_B, null])
    expect(data.chunks[0].meta).toEqual({ standfirst: "Two leaders met.", author: "C. Writer", editor: null, dateline: null, section: null, url: null })
    expect(data.summary.textsIncluded).toBe(2)
    expect(data.summary.stories).toEqual([["story_1", [0, 1]]])
  })

  it("gives each document's spans with their rules, in code points, and the quote text only when it is not the text's", () => {
    const chunk = data.chunks[1]
    const rules = data.summary.rules
    expect(chunk.mentions.map(([start, end, k, role, , rule]) => `${[...TEXT_B].slice(start, end).join("")} ${data.summary.actors[k][1]} ${role} ${rules[rule]}`)).toEqual([
      "Bob Ray Bob Ray name ner.person", "Ann Lee Ann Lee name ner.person", "Ray Bob Ray name ner.person", "Lee Ann Lee name ner.person"
    ])
    // The last mention comes after an emoji (two UTF-16 units, one code point): offsets stay code points.
    expect(chunk.mentions[3].slice(0, 2)).toEqual([[...TEXT_B].length - 3, [...TEXT_B].length])
    const [q] = chunk.quotes
    expect([data.summary.quotes[q[0]][0], rules[q[10]], q[11]]).toEqual(["quote_2", "quote.indirect.speaker-before-cue.say;speaker.surname", null])
    expect(chunk.events.map((e) => [data.summary.events[e[0]][0], rules[e[12]]])).toEqual([["event_1", "trigger:meet/verb;participants:subject-object"]])
    expect(data.chunks[0].times).toEqual([[32, 38, "DATE", "2025-06-03", "published", rules.indexOf("time:day-month")]])
    expect(data.chunks[0].diagnostics).toEqual([["clean", "clean/byline", "info", "byline removed", 0, 3]])
  })

  it("counts who appears with whom in events, quotes per speaker by kind, and the actors most mentioned", () => {
    const { cooccurrence, speakers, topActors } = data.summary.charts
    const name = (k: number) => data.summary.actors[k][1]
    expect(cooccurrence.actors.map(name)).toEqual(["Ann Lee", "Bob Ray", "Paris"])
    expect(cooccurrence.cells).toEqual([[0, 0, 2], [0, 1, 2], [0, 2, 1], [1, 1, 2], [1, 2, 1], [2, 2, 1]])
    expect(speakers.map((s) => [s.name, s.direct, s.mixed, s.indirect])).toEqual([["Ann Lee", 1, 0, 0], ["Bob Ray", 0, 0, 1]])
    expect(topActors.map((a) => [name(a.actor), a.mentions, a.documents])).toEqual([["Ann Lee", 4, 2], ["Bob Ray", 3, 2], ["Paris", 1, 1]])
    expect(data.summary.actors[0][10]).toEqual([0, 1]) // Ann Lee: mentioned in documents 0 and 1
  })

  it("draws events dated to a day by type, and stories with their reports' outlets and days", () => {
    const { timeline, timelineTypes, undatedEvents, stories } = data.summary.charts
    expect(timeline).toEqual([{ date: "2025-06-03", type: "CONSULT", events: 1 }])
    expect(timelineTypes).toEqual(["CONSULT"])
    expect(undatedEvents).toEqual({ monthOrYear: 0, none: 1, outside: 0 })
    expect(stories).toEqual([{ story: 0, reports: [{ document: 0, outlet: "Daily A", day: "2025-06-03" }, { document: 1, outlet: "Weekly B", day: "2025-06-04" }] }])
  })

  it("spans the timeline over where dates cluster: evenly spread dates all stay, far outliers go", () => {
    const year = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10))
    expect(timelineWindow(year)).toEqual({ from: "2024-01-01", to: "2024-12-30" })
    const news = [...Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2025, 2, 1 + (i % 30))).toISOString().slice(0, 10)), "1914-07-28", "1990-10-03"].sort()
    expect(timelineWindow(news)).toEqual({ from: "2025-03-01", to: "2025-03-30" })
    expect(timelineWindow([])).toBeNull()
  })
})

describe("report texts", () => {
  const check = textChecker(dataset)
  it("takes a text only when its length and every mention match the tables", () => {
    expect(check(dataset.documents[0], TEXT_A, "gone")).toEqual({ text: TEXT_A, note: null })
    expect(check(dataset.documents[0], undefined, "not found in the input articles")).toEqual({ text: null, note: "not found in the input articles" })
    expect(check(dataset.documents[0], `${TEXT_A}!`, "gone").note).toMatch(/has changed since the run \(63 characters, the tables say 62\)/)
    expect(check(dataset.documents[0], TEXT_A.replace("Bob Ray", "Bob Roy"), "gone").note).toMatch(/“Bob Ray” is no longer at 12–19/)
  })
})

describe("report page", () => {
  const assets = { css: "body{}", script: "/* page script */", libraries: [{ name: "plotlib", version: "1.2.3", code: "var Plot = {}" }] }
  const html = renderPage(data, assets)

  it("is one HTML file with its style, libraries, script and data inline, and a policy that forbids the network", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline';/)
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/)
    expect(html).toContain("var Plot = {}")
    expect(html.match(/<script type="application\/json" id="nf-doc-\d+">/g)).toHaveLength(3)
  })

  it("keeps a text holding </script> inside its data block, and parses back to the same data", () => {
    const blocks = [...html.matchAll(/<script type="application\/json" id="([^"]+)">(.*?)<\/script>/gs)]
    expect(blocks.map((b) => b[1])).toEqual(["nf-summary", "nf-doc-0", "nf-doc-1", "nf-doc-2"])
    expect(JSON.parse(blocks[2][2]).text).toBe(TEXT_B)
    expect(JSON.parse(blocks[0][2]).page).toEqual({ plotlib: "1.2.3" })
    expect(jsonForScript({ t: "</script><!-- \u2028" })).toBe(String.raw`{"t":"\u003c/script>\u003c!-- \u2028"}`)
  })

  it("refuses to inline a library that would close its script block", () => {
    expect(() => renderPage(data, { ...assets, libraries: [{ name: "bad", version: "0", code: "'</script>'" }] })).toThrow(/bad cannot be inlined/)
  })

  it("is the same bytes for the same data", () => {
    expect(renderPage(buildReportData({ dataset, manifest, textOf: textsFromRun(dataset, texts) }), assets)).toBe(html)
  })
})

describe("npm run report", () => {
  it("says which file is missing when the folder holds no run's JSON tables, and exits 1", () => {
    const empty = tempDir("report-empty")
    writeFileSync(join(empty, "manifest.json"), JSON.stringify(manifest))
    const run = spawnSync(process.execPath, [join(repoRoot, "pipeline/reportPage.ts"), "--out", empty], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^newsfacts report: cannot build: .*json\/documents\.json: not found or unreadable; the report reads the JSON tables: run the pipeline with json among --formats/m)
  })
})
