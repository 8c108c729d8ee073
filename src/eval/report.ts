/**
 * What a task reports: tables of figures (rendered for the terminal and as Markdown), the headline
 * figures by name for machines, notes on how to read them, and the failures worth looking at.
 */
import type { PrfCounts } from "./metrics.ts"

export const Tasks = ["actors", "quotes", "dates", "stories", "coref", "seeds", "syntax"] as const
export type Task = (typeof Tasks)[number]

export type Cell = number | string | null

export interface ScoreTable {
  readonly title: string
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<{ readonly label: string; readonly cells: ReadonlyArray<Cell> }>
}

export interface TaskReport {
  readonly task: Task
  /** Gold file, e.g. `conll2003.dev.jsonl`, or `seeds.gold.json`. */
  readonly file: string
  readonly corpus: string
  readonly split: string
  /** Gold documents scored, and how many of them the pipeline skipped (their gold counts as missed). */
  readonly documents: number
  readonly skipped: number
  /** Headline figures by name (`exact.f1`, `speech.lenient.f1`, …); null when undefined. */
  readonly figures: Readonly<Record<string, number | null>>
  readonly tables: ReadonlyArray<ScoreTable>
  readonly notes: ReadonlyArray<string>
  /** Failed checks (seeds) or a sample of errors, for reading. */
  readonly failures: ReadonlyArray<string>
}

export interface EvalReport {
  readonly commit: string
  /** Files changed in the working tree but not committed when the run started. */
  readonly uncommittedChanges: number
  readonly generated: string
  readonly command: string
  readonly limit: number | null
  readonly pipelineSeconds: Readonly<Record<string, number>>
  readonly reports: ReadonlyArray<TaskReport>
}

export const PrfColumns = ["P", "R", "F1", "matched", "predicted", "gold"] as const

export const prfRow = (label: string, score: PrfCounts) => ({
  label,
  cells: [score.precision, score.recall, score.f1, score.truePositives, score.predicted, score.gold]
})

const formatCell = (cell: Cell): string => {
  if (cell === null) return "—"
  if (typeof cell === "string") return cell
  return Number.isInteger(cell) ? String(cell) : cell.toFixed(3)
}

const heading = (report: TaskReport) =>
  `${report.task} · ${report.file} (${report.corpus}, ${report.split}) · ${report.documents} docs${
    report.skipped > 0 ? `, ${report.skipped} skipped by the pipeline` : ""
  }`

/** Plain text, columns aligned, for the terminal. */
export const renderTerminal = (report: EvalReport): string => {
  const blocks = report.reports.map((task) => {
    const tables = task.tables.map((table) => {
      const header = [table.title, ...table.columns]
      const body = table.rows.map((row) => [row.label, ...row.cells.map(formatCell)])
      const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => (line[i] ?? "").length)))
      const line = (cells: ReadonlyArray<string>) =>
        "  " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")
      return [line(header), ...body.map(line)].join("\n")
    })
    const failures = task.failures.length === 0 ? [] : [
      `  failures (${task.failures.length}):`,
      ...task.failures.slice(0, 25).map((f) => `    - ${f}`),
      ...(task.failures.length > 25 ? [`    … ${task.failures.length - 25} more in the report`] : [])
    ]
    return [heading(task), ...tables, ...failures].join("\n")
  })
  return [...blocks, `commit ${report.commit}${report.uncommittedChanges > 0 ? ` (+${report.uncommittedChanges} uncommitted files)` : ""}`].join("\n\n")
}

/** The Markdown report: the same tables, the notes, and every failure. */
export const renderMarkdown = (report: EvalReport): string => {
  const lines: Array<string> = [
    "# newsfacts evaluation report",
    "",
    `- command: \`${report.command}\``,
    `- commit: \`${report.commit}\`${report.uncommittedChanges > 0 ? ` with ${report.uncommittedChanges} uncommitted file(s) in the tree` : ""}`,
    `- generated: ${report.generated}`,
    `- sample: ${report.limit === null ? "all documents of each file" : `about ${report.limit} documents per file (whole topics until the limit is reached, deterministic)`}`,
    `- pipeline time: ${Object.entries(report.pipelineSeconds).map(([file, s]) => `${file} ${s.toFixed(1)} s`).join(", ")}`,
    ""
  ]
  for (const task of report.reports) {
    lines.push(`## ${heading(task)}`, "")
    for (const table of task.tables) {
      lines.push(`| ${[table.title, ...table.columns].join(" | ")} |`, `|${["---", ...table.columns.map(() => "--:")].join("|")}|`)
      for (const row of table.rows) lines.push(`| ${[row.label, ...row.cells.map(formatCell)].join(" | ")} |`)
      lines.push("")
    }
    if (task.notes.length > 0) lines.push(...task.notes.map((n) => `- ${n}`), "")
    if (task.failures.length > 0) {
      lines.push(`Failures (${task.failures.length}):`, "", ...task.failures.map((f) => `- ${f.replaceAll("|", "\\|")}`), "")
    }
  }
  return lines.join("\n")
}
