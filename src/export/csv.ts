/**
 * CSV for spreadsheets and data frames: UTF-8 with a BOM (so spreadsheet programs detect the encoding),
 * a header from the table declaration, fields with commas, quotes or line breaks quoted, booleans as
 * true/false, lists joined with ";" and nulls as empty fields.
 *
 * List items are percent-escaped where they could be misread: `%` is written `%25` and `;` is written
 * `%3B` (as in URLs), so splitting on ";" and URL-decoding each item gives the list back exactly
 * (`url_decode` in DuckDB, `urllib.parse.unquote` in Python, `URLdecode` in R). Items without `%` or
 * `;`, nearly all of them, are written as they are.
 */
import { stringify } from "csv-stringify/sync"
import type { TableSpec } from "../model/columns.ts"

export const LIST_SEPARATOR = ";"

/** One list item as written in CSV: `%` → `%25`, `;` → `%3B`. */
export const escapeListItem = (item: string): string => item.replace(/%/g, "%25").replace(/;/g, "%3B")

/** A CSV list field back to its items (the inverse of the encoding above; "" is the empty list). */
export const decodeCsvList = (field: string): Array<string> =>
  field === "" ? [] : field.split(LIST_SEPARATOR).map((item) => item.replace(/%(25|3B)/gi, (escape) => (escape === "%25" ? "%" : ";")))

export const encodeCsv = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const columns = Object.keys(spec.columns)
  const listColumns = new Set(columns.filter((name) => spec.columns[name].arrow === "list"))
  const records = rows.map((row) =>
    columns.map((name) => {
      const value = row[name]
      if (value === null || value === undefined) return null
      if (listColumns.has(name)) return (value as ReadonlyArray<string>).map(escapeListItem).join(LIST_SEPARATOR)
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
