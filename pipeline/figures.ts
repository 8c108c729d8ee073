/**
 * The README's quality table, built from the committed evaluation report (`eval-reports/latest.json`,
 * written by `npm run eval`), with the targets the extraction issues set beside each figure. Generated,
 * so the README cannot quote a figure that no report backs.
 */
import type { EvalReport, TaskReport } from "../src/eval/report.ts"

interface QualityRow {
  readonly measure: string
  readonly target: string
  /** The figure as shown, or null when the report lacks it (the row then says "not measured"). */
  readonly value: (find: (task: string, file: string) => TaskReport | undefined) => string | null
}

type Figures = Readonly<Record<string, number | null>>

const fixed = (x: number | null | undefined): string => (x == null ? "–" : x.toFixed(3))

const figure = (task: string, file: string, key: string, detail?: (figures: Figures) => string) =>
  (find: (task: string, file: string) => TaskReport | undefined): string | null => {
    const figures = find(task, file)?.figures
    const value = figures?.[key]
    if (figures === undefined || value == null) return null
    return detail === undefined ? fixed(value) : `${fixed(value)} (${detail(figures)})`
  }

/** A cell of a report table, by table title prefix, row label and column name. */
const cell = (report: TaskReport | undefined, table: string, row: string, column: string): number | null => {
  const found = report?.tables.find((t) => t.title.startsWith(table))
  const index = found?.columns.indexOf(column) ?? -1
  const value = found?.rows.find((r) => r.label.trim() === row)?.cells[index]
  return typeof value === "number" ? value : null
}

const seedsPassed = (find: (task: string, file: string) => TaskReport | undefined): string | null => {
  const report = find("seeds", "seeds.gold.json")
  const passed = cell(report, "seeds", "all", "passed")
  const items = cell(report, "seeds", "all", "items")
  return passed === null || items === null ? null : `${passed} / ${items}`
}

const rows: ReadonlyArray<QualityRow> = [
  { measure: "CoNLL-2003 actors, exact span + type F1", target: "≥ 0.91 (#23; #5: ≥ 0.85)", value: figure("actors", "conll2003.dev.jsonl", "exact.f1", (f) => `P ${fixed(f["exact.precision"])}, R ${fixed(f["exact.recall"])}`) },
  { measure: "— PER / ORG / LOC F1", target: "ORG ≥ 0.85 (#23)", value: (find) => {
    const f = find("actors", "conll2003.dev.jsonl")?.figures
    return f === undefined ? null : [f["PER.f1"], f["ORG.f1"], f["LOC.f1"]].map(fixed).join(" / ")
  } },
  { measure: "MEANTIME actor names, exact F1", target: "report (#5)", value: figure("actors", "meantime.dev.jsonl", "exact.f1") },
  { measure: "ECB+ actor names, exact F1", target: "report (#5)", value: figure("actors", "ecbplus.dev.jsonl", "exact.f1") },
  { measure: "PolNeAR speech-verb quotes, lenient F1 (overlap ≥ 0.3)", target: "≥ 0.90 (#22; #6: ≥ 0.85)", value: (find) => {
    const report = find("quotes", "polnear.dev.jsonl")
    const f1 = cell(report, "quotes", "speech verbs, overlap ≥ 0.3", "F1")
    const p = cell(report, "quotes", "speech verbs, overlap ≥ 0.3", "P")
    const r = cell(report, "quotes", "speech verbs, overlap ≥ 0.3", "R")
    return f1 === null || p === null || r === null ? null : `${fixed(f1)} (P ${fixed(p)}, R ${fixed(r)})`
  } },
  { measure: "— speaker accuracy on matched quotes", target: "≥ 0.95 (#22; #6: ≥ 0.90)", value: figure("quotes", "polnear.dev.jsonl", "speech.speaker_accuracy") },
  { measure: "— cue accuracy on matched quotes", target: "≥ 0.90 (#6)", value: figure("quotes", "polnear.dev.jsonl", "speech.cue_accuracy") },
  { measure: "PolNeAR all attributions, lenient F1", target: "report (#6)", value: figure("quotes", "polnear.dev.jsonl", "all.lenient.f1") },
  { measure: "MEANTIME DATE expressions resolved to the gold value", target: "≥ 0.85 (#7)", value: figure("dates", "meantime.dev.jsonl", "date.resolved", (f) => `found ${fixed(f["date.found"])}`) },
  { measure: "MEANTIME all time types resolved", target: "report (#7)", value: figure("dates", "meantime.dev.jsonl", "all.resolved") },
  { measure: "ECB+ event-mention recall, annotated sentences", target: "report (#7)", value: figure("coref", "ecbplus.dev.jsonl", "events.mention_recall_annotated") },
  { measure: "ECB+ stories, B-cubed F1", target: "≥ 0.90 (#8)", value: figure("stories", "ecbplus.dev.jsonl", "bcubed.f1", (f) => `P ${fixed(f["bcubed.precision"])}, R ${fixed(f["bcubed.recall"])}`) },
  { measure: "ECB+ event coreference, CoNLL F1 on the mentions found", target: "≥ 0.80 (#8)", value: figure("coref", "ecbplus.dev.jsonl", "events.conll_f1") },
  { measure: "ECB+ entity coreference, CoNLL F1 on the mentions found", target: "≥ 0.80 (#8)", value: figure("coref", "ecbplus.dev.jsonl", "entities.conll_f1", (f) => `${Math.round((f["entities.mention_recall"] ?? 0) * 100)} % of mentions found`) },
  { measure: "— on ECB+ topics 21–35 (reporting half): stories / event / entity coreference", target: "≥ 0.95 / 0.85 / 0.85 (#24)", value: (find) => {
    const stories = find("stories", "ecbplus.dev.jsonl")?.figures
    const coref = find("coref", "ecbplus.dev.jsonl")?.figures
    return stories === undefined || coref === undefined
      ? null
      : [stories["topics_21-35.bcubed.f1"], coref["topics_21-35.events.conll_f1"], coref["topics_21-35.entities.conll_f1"]].map(fixed).join(" / ")
  } },
  { measure: "events.dev typed-trigger F1 (all 40 articles; reporting half)", target: "≥ 0.65 (#21)", value: figure("events", "events.dev.jsonl", "typed.f1", (f) => `report ${fixed(f["report.typed.f1"])}; trigger F1 ${fixed(f["trigger.f1"])}`) },
  { measure: "— participant (agent + patient) F1", target: "≥ 0.60 (#21)", value: figure("events", "events.dev.jsonl", "participant.f1", (f) => `report ${fixed(f["report.participant.f1"])}`) },
  { measure: "— date accuracy / modality accuracy", target: "≥ 0.80 / ≥ 0.85 (#21)", value: (find) => {
    const f = find("events", "events.dev.jsonl")?.figures
    return f === undefined ? null : `${fixed(f["date.accuracy"])} / ${fixed(f["modality.accuracy"])}`
  } },
  { measure: "MEANTIME participants (Arg0/Arg1 actors), recall with the right role", target: "report (#21)", value: figure("events", "meantime.dev.jsonl", "meantime.participant_recall") },
  { measure: "UD English EWT test: UPOS / UAS / LAS (gold tokens)", target: "≥ 0.95 / 0.86 / 0.83 (#20)", value: (find) => {
    const f = find("syntax", "en_ewt-ud-{dev,test}.conllu")?.figures
    return f === undefined ? null : `${[f["test.upos"], f["test.uas"], f["test.las"]].map(fixed).join(" / ")} (news sample: ${[f["news.upos"], f["news.uas"], f["news.las"]].map(fixed).join(" / ")})`
  } },
  { measure: "seeds 'must' items passed", target: "all (#5–#8)", value: seedsPassed }
]

/** The Markdown quality table for an evaluation report, with the commit and command that produced it. */
export const qualityTable = (report: EvalReport): string => {
  const find = (task: string, file: string) => report.reports.find((r) => r.task === task && r.file === file)
  const source = `Measured by \`${report.command}\` at commit \`${report.commit.slice(0, 7)}\`${report.uncommittedChanges > 0 ? ` (+${report.uncommittedChanges} uncommitted files)` : ""}, full dev files${report.limit === null ? "" : `, --limit ${report.limit}`}; the whole report is \`eval-reports/latest.md\`.`
  return [
    source,
    "",
    "| measure (dev files) | now | target (issue) |",
    "|---|---:|---:|",
    ...rows.map((row) => `| ${row.measure} | ${row.value(find) ?? "not measured"} | ${row.target} |`)
  ].join("\n")
}
