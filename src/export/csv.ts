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
import { rowBatches } from "./batches.ts"

export const LIST_SEPARATOR = ";"

/** One list item as written in CSV: `%` → `%25`, `;` → `%3B`. */
export const escapeListItem = (item: string): string => item.replace(/%/g, "%25").replace(/;/g, "%3B")

/** A CSV list field back to its items (the inverse of the encoding above; "" is the empty list). */
export const decodeCsvList = (field: string): Array<string> =>
  field === "" ? [] : field.split(LIST_SEPARATOR).map((item) => item.replace(/%(25|3B)/gi, (escape) => (escape === "%25" ? "%" : ";")))

/** The CSV file a batch of rows at a time (the BOM and header in the first); joined, the whole file. */
export function* csvChunks(spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Generator<string> {
  const columns = Object.keys(spec.columns)
  const listColumns = new Set(columns.filter((name) => spec.columns[name].arrow === "list"))
  const record = (row: Record<string, unknown>) =>
    columns.map((name) => {
      const value = row[name]
      if (value === null || value === undefined) return null
      if (listColumns.has(name)) return (value as ReadonlyArray<string>).map(escapeListItem).join(LIST_SEPARATOR)
      return value
    })
  const options = (first: boolean) => ({
    bom: first,
    header: first,
    columns,
    record_delimiter: "\n",
    quoted_match: /[\r\n]/,
    cast: { boolean: (value: boolean) => (value ? "true" : "false") }
  })
  if (rows.length === 0) yield stringify([], options(true))
  for (const { batch, first } of rowBatches(rows)) yield stringify(batch.map(record), options(first))
}

export const encodeCsv = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => [...csvChunks(spec, rows)].join("")
