/**
 * The clean stage's world knowledge, loaded once from `src/lexicons/clean-*.json`: section labels,
 * byline and credit layouts, boilerplate lines, publisher footers, month names and language data.
 * Patterns are data; this module only compiles them.
 */
import { Schema } from "effect"
import { loadLexicon } from "../lexicons/load.ts"

const LinePattern = Schema.Struct({ rule: Schema.String, pattern: Schema.String, maxWords: Schema.Int })
const Footer = Schema.Struct({ publisher: Schema.String, pattern: Schema.String })
const Months = Schema.Struct({ months: Schema.Record(Schema.String, Schema.Int), weekdays: Schema.Array(Schema.String) })
const Languages = Schema.Struct({ names: Schema.Record(Schema.String, Schema.String), englishFunctionWords: Schema.Array(Schema.String) })

export interface CompiledLinePattern {
  readonly rule: string
  readonly regex: RegExp
  readonly maxWords: number
}

export interface CleanLexicon {
  readonly sectionLabels: ReadonlyMap<string, string>
  readonly credits: ReadonlyArray<CompiledLinePattern>
  readonly boilerplate: ReadonlyArray<CompiledLinePattern>
  readonly footers: ReadonlyArray<{ readonly publisher: string; readonly regex: RegExp }>
  readonly months: ReadonlyMap<string, number>
  readonly weekdays: ReadonlySet<string>
  readonly languageNames: ReadonlyMap<string, string>
  readonly englishFunctionWords: ReadonlySet<string>
}

const compile = (entries: ReadonlyArray<typeof LinePattern.Type>): Array<CompiledLinePattern> =>
  entries.map((entry) => ({ rule: entry.rule, regex: new RegExp(entry.pattern, "iu"), maxWords: entry.maxWords }))

let cached: CleanLexicon | undefined

export const cleanLexicon = (): CleanLexicon => {
  if (cached !== undefined) return cached
  const sections = loadLexicon("clean-section-labels.json", Schema.Array(Schema.String))
  const months = loadLexicon("clean-months.json", Months)
  const languages = loadLexicon("clean-languages.json", Languages)
  cached = {
    sectionLabels: new Map(sections.map((label) => [label.toLowerCase(), label])),
    credits: compile(loadLexicon("clean-credits.json", Schema.Array(LinePattern))),
    boilerplate: compile(loadLexicon("clean-boilerplate.json", Schema.Array(LinePattern))),
    footers: loadLexicon("clean-footers.json", Schema.Array(Footer)).map((f) => ({ publisher: f.publisher, regex: new RegExp(f.pattern, "iu") })),
    months: new Map(Object.entries(months.months)),
    weekdays: new Set(months.weekdays),
    languageNames: new Map(Object.entries(languages.names)),
    englishFunctionWords: new Set(languages.englishFunctionWords)
  }
  return cached
}
