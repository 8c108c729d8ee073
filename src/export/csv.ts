/**
 * CSV for spreadsheets and data frames: UTF-8 with a BOM (so spreadsheet programs detect the encoding),
 * a header from the table declaration, fields with commas, quotes or line breaks quoted, booleans as
 * true/false, lists joined with ";" and nulls as empty fields.
 */
import { stringify } from "csv-stringify/sync"
import type { TableSpec } from "../model/columns.ts"

export const LIST_SEPARATOR = ";"

export const encodeCsv = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const columns = Object.keys(spec.columns)
  const listColumns = new Set(columns.filter((name) => spec.columns[name].arrow === "list"))
  const records = rows.map((row) =>
    columns.map((name) => {
      const value = row[name]
      if (value === null || value === undefined) return null
      if (listColumns.has(name)) return (value as ReadonlyArray<string>).join(LIST_SEPARATOR)
      return value
    })
  )
  return stringify(records, {
    bom: true,
    header: true,
    columns,
    record_delimiter: "\n",
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => (value ? "true" : "false") }
  })
}
