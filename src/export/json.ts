/** JSON: an array of row objects, one row a line (readable, diff-friendly, and what `read_json` expects). */
import type { TableSpec } from "../model/columns.ts"

export const encodeJson = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const columns = Object.keys(spec.columns)
  if (rows.length === 0) return "[]\n"
  // Keys in declaration order, whatever order the row object was built in.
  const lines = rows.map((row) => JSON.stringify(Object.fromEntries(columns.map((name) => [name, row[name] ?? null]))))
  return `[\n${lines.join(",\n")}\n]\n`
}
