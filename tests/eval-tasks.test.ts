/**
 * The eval's alignment and task scorers: span arithmetic in code points, what counts as a name and as a
 * speech verb, locating seed evidence, and that gold rows scored against the same gold give 1.0.
 */
import { describe, expect, it } from "@effect/vitest"
import { bestOverlapping, overlapOverUnion, pairOneToOne, sliceCodePoints } from "../src/eval/align.ts"
import type { DocumentRows } from "../src/eval/exported.ts"
import type { GoldRecord } from "../src/eval/gold.ts"
import { sampleRecords } from "../src/eval/gold.ts"
import { actorTask, isNameMention, predictedNames, actorGoldOf } from "../src/eval/tasks/actors.ts"
import { corefTask } from "../src/eval/tasks/coref.ts"
import { dateTask } from "../src/eval/tasks/dates.ts"
import { isSpeechCue, joinParts, nameContains, quoteTask } from "../src/eval/tasks/quotes.ts"
import { locateEvidence } from "../src/eval/tasks/seeds.ts"
import { storyTask } from "../src/eval/tasks/stories.ts"
import { inTopics, parseTopicRange } from "../src/eval/topics.ts"
import type { ActorMentionRow, DocumentRow, EventMentionRow, QuoteRow, TimeRow } from "../src/model/tables.ts"
import { hasShared, readSharedJsonl } from "./support/shared.ts"

describe("span alignment", () => {
  it("measures overlap over union", () => {
    expect(overlapOverUnion({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(1 / 3, 10)
    expect(overlapOverUnion({ start: 3, end: 7 }, { start: 3, end: 7 })).toBe(1)
    expect(overlapOverUnion({ start: 0, end: 3 }, { start: 3, end: 6 })).toBe(0)
  })

  it("pairs one to one, best first, above the threshold", () => {
    const gold = [{ start: 0, end: 10 }, { start: 20, end: 30 }]
    const predicted = [{ start: 0, end: 9 }, { start: 1, end: 10 }, { start: 40, end: 50 }]
    const pairing = pairOneToOne(gold, predicted, overlapOverUnion, 0.3)
    expect(pairing.pairs.map((p) => [p.gold.start, p.predicted.start])).toEqual([[0, 0]])
    expect(pairing.unmatchedGold).toEqual([{ start: 20, end: 30 }])
    expect(pairing.unmatchedPredicted).toEqual([{ start: 1, end: 10 }, { start: 40, end: 50 }])
  })

  it("prefers the tightest overlapping prediction", () => {
    const clause = { start: 0, end: 40, id: "clause" }
    const word = { start: 10, end: 14, id: "word" }
    expect(bestOverlapping({ start: 10, end: 14 }, [clause, word], (p) => p)?.id).toBe("word")
    expect(bestOverlapping({ start: 50, end: 54 }, [clause, word], (p) => p)).toBeNull()
  })

  it("counts offsets in code points, as gold and export both do", () => {
    // The flag is two code points (four UTF-16 units): "Merkel" starts at code point 10, UTF-16 unit 12.
    const text = "🇩🇪 Angela Merkel spoke."
    expect(sliceCodePoints(text, { start: 10, end: 16 })).toBe("Merkel")
    expect(text.slice(10, 16)).not.toBe("Merkel")
  })
})

describe("what the scorers count", () => {
  it("tells names from other mentions by capitalisation", () => {
    expect(isNameMention("Tara Reid")).toBe(true)
    expect(isNameMention("Bank of England")).toBe(true)
    expect(isNameMention("He")).toBe(false)
    expect(isNameMention("the actress")).toBe(false)
    expect(isNameMention("The company")).toBe(false)
  })

  it("finds a speech verb in any word of the cue, but not beliefs or 'according to'", () => {
    expect(isSpeechCue("said:")).toBe(true)
    expect(isSpeechCue("has told")).toBe(true)
    expect(isSpeechCue("according to")).toBe(false)
    expect(isSpeechCue("believes")).toBe(false)
    expect(isSpeechCue(null)).toBe(false)
  })

  it("reads the gold speaker's name inside the canonical name, as whole words", () => {
    expect(nameContains("Donald Trump", "Trump")).toBe(true)
    expect(nameContains("New York Post", "The New York Post")).toBe(true)
    expect(nameContains("Stephen Miller", "he")).toBe(false)
    expect(nameContains(null, "Trump")).toBe(false)
  })

  it("locates seed evidence with line breaks folded to spaces, in code points", () => {
    const text = "Treasury Secretary\nScott Bessent\n, Commerce Secretary"
    expect(locateEvidence(text, "Secretary Scott Bessent , Commerce")).toEqual({ start: 9, end: 43 })
    expect(locateEvidence("😀 it’s here", "it's here")).toEqual({ start: 2, end: 11 })
    expect(locateEvidence(text, "Treasury Secretary Howard")).toBeNull()
  })

  it("samples whole topics, deterministically", () => {
    const records = ["a", "a", "b", "b", "c"].map((topic, i) => ({ id: `d${i}`, topic }) as unknown as GoldRecord)
    const first = sampleRecords(records, 2).map((r) => r.id)
    expect(sampleRecords(records, 2).map((r) => r.id)).toEqual(first)
    expect(new Set(first.map((id) => records.find((r) => r.id === id)!.topic)).size).toBe(1)
    expect(first).toHaveLength(2)
  })

  it("does not count predictions inside MISC spans, nor pronouns, titles or groups", () => {
    const record = {
      id: "x", corpus: "t", split: "dev", text: "West Indian Phil Simmons said he won.",
      entities: [{ start: 0, end: 11, text: "West Indian", type: "MISC" }, { start: 12, end: 24, text: "Phil Simmons", type: "PER" }]
    } as GoldRecord
    const gold = actorGoldOf(record)
    const mention = (start: number, end: number, kind: ActorMentionRow["kind"], role: string) =>
      ({ start, end, kind, role }) as ActorMentionRow
    const predicted = predictedNames([
      mention(5, 11, "place", "name"), // "Indian" inside the MISC span: not counted
      mention(12, 24, "person", "name"),
      mention(30, 32, "person", "pronoun")
    ], gold)
    expect(predicted).toEqual([{ start: 12, end: 24, class: "PER" }])
  })
})

/** Exported-table rows that say exactly what the gold says, for the self-scoring check. */
const rowsFromGold = (records: ReadonlyArray<GoldRecord>): Map<string, DocumentRows> =>
  new Map(records.map((record) => {
    const kindOf = (type: string): ActorMentionRow["kind"] =>
      /PER/.test(type) ? "person" : /ORG/.test(type) ? "organization" : "place"
    const actorMentions = (record.entities ?? []).map((e) => ({
      doc_id: record.id, start: e.start, end: e.end, text: e.text, kind: kindOf(e.type),
      role: isScoredName(record, e) ? "name" : "pronoun", actor_id: e.cluster ?? `${record.id}:${e.start}`
    }) as unknown as ActorMentionRow)
    const quotes = (record.quotes ?? []).map((q) => ({
      doc_id: record.id, start: q.start, end: q.end, text: q.text, kind: "direct",
      speaker: q.speaker?.text ?? null, speaker_text: q.speaker?.text ?? null,
      speaker_start: q.speaker?.start ?? null, speaker_end: q.speaker?.end ?? null,
      cue: q.cue?.text ?? null, cue_start: q.cue?.start ?? null, cue_end: q.cue?.end ?? null
    }) as unknown as QuoteRow)
    const eventMentions = (record.events ?? []).map((e) => ({
      doc_id: record.id, start: e.start, end: e.end, trigger_start: e.start, trigger_end: e.end,
      event_id: e.cluster ?? `${record.id}:${e.start}`
    }) as unknown as EventMentionRow)
    const times = (record.times ?? []).map((t) => ({ doc_id: record.id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value ?? null }) as unknown as TimeRow)
    const document = { doc_id: record.id, input_id: record.id, story_id: record.subtopic ?? null } as unknown as DocumentRow
    return [record.id, { document, actorMentions, quotes, eventMentions, times }]
  }))

/** Whether the actors task scores this gold entity as a name (then its row gets the role "name"). */
const isScoredName = (record: GoldRecord, entity: NonNullable<GoldRecord["entities"]>[number]) =>
  actorGoldOf({ ...record, entities: [entity] }).names.length > 0

const handMade: Array<GoldRecord> = [
  {
    id: "a", corpus: "hand", split: "dev", text: "Angela Merkel said on Monday that Berlin would help. She left.",
    subtopic: "s1", topic: "t",
    entities: [
      { start: 0, end: 13, text: "Angela Merkel", type: "PER", cluster: "merkel" },
      { start: 34, end: 40, text: "Berlin", type: "LOC", cluster: "berlin" },
      { start: 53, end: 56, text: "She", type: "PER", cluster: "merkel", syntactic_type: "PRO" }
    ],
    events: [{ start: 14, end: 18, text: "said", cluster: "say1" }, { start: 57, end: 61, text: "left", cluster: "leave" }],
    times: [{ start: 19, end: 28, text: "on Monday", type: "DATE", value: "2025-06-09" }],
    quotes: [{ start: 29, end: 52, text: "that Berlin would help.", kind: "indirect",
      speaker: { start: 0, end: 13, text: "Angela Merkel" }, cue: { start: 14, end: 18, text: "said" } }]
  },
  {
    id: "b", corpus: "hand", split: "dev", text: "Merkel left Berlin.", subtopic: "s1", topic: "t",
    entities: [
      { start: 0, end: 6, text: "Merkel", type: "PER", cluster: "merkel" },
      { start: 12, end: 18, text: "Berlin", type: "LOC", cluster: "berlin" }
    ],
    events: [{ start: 7, end: 11, text: "left", cluster: "leave" }]
  }
]

describe("quotes: the parts of a statement", () => {
  const row = (statement_id: string, part: number, start: number, end: number, text: string) =>
    ({ statement_id, part, start, end, text, speaker: "Smith" }) as unknown as QuoteRow
  it("joins the parts of one quotation into one span, and leaves a second report of the statement apart", () => {
    const joined = joinParts([row("s1", 1, 1, 13, "We are ready"), row("s2", 1, 20, 30, "Other words"), row("s1", 2, 28, 50, "The talks begin today."), row("s1", 1, 60, 72, "We are ready")])
    expect(joined.map((r) => [r.statement_id, r.start, r.end, r.text])).toEqual([
      ["s1", 1, 50, "We are ready … The talks begin today."],
      ["s2", 20, 30, "Other words"],
      ["s1", 60, 72, "We are ready"]
    ])
  })

  it("scores a quotation PolNeAR annotates as one span against its joined parts", () => {
    const text = "“We are ready,” Smith said. “The talks begin today.”"
    const record: GoldRecord = {
      id: "q", corpus: "hand", split: "dev", text,
      quotes: [{ start: 1, end: 50, text: text.slice(1, 50), kind: "direct", speaker: { start: 16, end: 21, text: "Smith" }, cue: { start: 22, end: 26, text: "said" } }]
    }
    const piece = (part: number, start: number, end: number) => ({
      doc_id: "q", statement_id: "s1", part, start, end, text: text.slice(start, end), kind: "direct", speaker: "Jane Smith",
      speaker_text: "Smith", speaker_start: 16, speaker_end: 21, cue: "said", cue_start: 22, cue_end: 26
    }) as unknown as QuoteRow
    const rows = new Map([["q", { quotes: [piece(1, 1, 13), piece(2, 28, 50)] } as unknown as DocumentRows]])
    const figures = quoteTask([record], rows).figures
    expect([figures["speech.strict.f1"], figures["speech.speaker_accuracy"]]).toEqual([1, 1])
  })
})

describe("gold scored against itself", () => {
  const expectAllOnes = (figures: Readonly<Record<string, number | null>>, where = "hand-made") => {
    for (const [name, value] of Object.entries(figures)) {
      if (value !== null) expect(value, `${where} ${name}`).toBeCloseTo(1, 10)
    }
  }
  const selfScores = (records: ReadonlyArray<GoldRecord>): Array<{ readonly figures: Readonly<Record<string, number | null>> }> => {
    const rows = rowsFromGold(records)
    return [actorTask(records, rows), quoteTask(records, rows), dateTask(records, rows), storyTask(records, rows), corefTask(records, rows)]
  }

  it("gives 1.0 on every figure of a hand-made pair of documents", () => {
    const [actors, quotes, dates, stories, coref] = selfScores(handMade)
    expect(actors!.figures["exact.f1"]).toBe(1)
    expect(quotes!.figures["speech.lenient.f1"]).toBe(1)
    expect(quotes!.figures["all.speaker_accuracy"]).toBe(1)
    expect(dates!.figures["date.resolved"]).toBe(1)
    expect(stories!.figures["bcubed.f1"]).toBe(1)
    expect(coref!.figures["events.conll_f1"]).toBe(1)
    expect(coref!.figures["entities.conll_f1"]).toBe(1)
    for (const task of [actors, quotes, dates, stories, coref]) expectAllOnes(task!.figures)
  })

  it.skipIf(!hasShared)("gives 1.0 on samples of every dev corpus", () => {
    for (const file of ["conll2003.dev.jsonl", "polnear.dev.jsonl", "meantime.dev.jsonl", "ecbplus.dev.jsonl"]) {
      const records = sampleRecords(readSharedJsonl<GoldRecord>("eval", file), 25)
      for (const task of selfScores(records)) expectAllOnes(task.figures, file)
    }
  })
})

describe("topic halves", () => {
  const record = (id: string, topic: string, subtopic: string): GoldRecord =>
    ({ id, topic, subtopic, corpus: "ecbplus", split: "dev", text: "x", title: null, date: null }) as unknown as GoldRecord
  const rowsWithStories = (stories: Record<string, string>): ReadonlyMap<string, DocumentRows> =>
    new Map(Object.entries(stories).map(([id, story]) => [id, { document: { input_id: id, story_id: story } as unknown as DocumentRow, actorMentions: [], quotes: [], eventMentions: [], times: [] }]))

  it("reads a topic range, or says what is wrong with it", () => {
    expect(parseTopicRange("1-20")).toEqual({ from: 1, to: 20 })
    expect(parseTopicRange("7")).toEqual({ from: 7, to: 7 })
    expect(parseTopicRange("20-1")).toContain("ends before it starts")
    expect(parseTopicRange("odd")).toContain("--topics")
  })

  it("keeps the records of a range", () => {
    const records = [record("a", "3", "3_ecb"), record("b", "21", "21_ecb"), record("c", "x", "x_ecb")]
    expect(inTopics(records, { from: 1, to: 20 }).map((r) => r.id)).toEqual(["a"])
  })

  it("scores stories on the whole file and on each half", () => {
    // Tuning half right, reporting half split in two.
    const records = [record("a", "1", "1_ecb"), record("b", "1", "1_ecb"), record("c", "30", "30_ecb"), record("d", "30", "30_ecb")]
    const { figures } = storyTask(records, rowsWithStories({ a: "s1", b: "s1", c: "s2", d: "s3" }))
    expect(figures["topics_1-20.bcubed.f1"]).toBe(1)
    expect(figures["topics_21-35.bcubed.recall"]).toBe(0.5)
    expect(figures["bcubed.recall"]).toBe(0.75)
    // One half present: one row, no half figures.
    expect(Object.keys(storyTask(records.slice(0, 2), rowsWithStories({ a: "s1", b: "s1" })).figures)).toEqual(["bcubed.precision", "bcubed.recall", "bcubed.f1"])
  })
})
