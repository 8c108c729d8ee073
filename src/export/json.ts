/** JSON: an array of row objects, one row a line (readable, diff-friendly, and what `read_json` expects). */
import type { TableSpec } from "../model/columns.ts"

export const encodeJson = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const columns = Object.keys(spec.columns)
  if (rows.length === 0) return "[]\n"
  // Keys in declaration order, whatever order the row object was built in (a key list as replacer
  // does that natively). Rows are checked against their schema first, so no column is left undefined.
  const lines = rows.map((row) => JSON.stringify(row, columns))
  return `[\n${lines.join(",\n")}\n]\n`
}
