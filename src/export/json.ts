/** JSON: an array of row objects, one row a line (readable, diff-friendly, and what `read_json` expects). */
import type { TableSpec } from "../model/columns.ts"

/** Rows per chunk: a file is written a chunk at a time, so no whole table is ever one string. */
const ROWS_PER_CHUNK = 5_000

/** The JSON file in chunks of `ROWS_PER_CHUNK` rows; joined, the whole file. */
export function* jsonChunks(spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Generator<string> {
  const columns = Object.keys(spec.columns)
  if (rows.length === 0) {
    yield "[]\n"
    return
  }
  // Keys in declaration order, whatever order the row object was built in (a key list as replacer
  // does that natively). Rows are checked against their schema first, so no column is left undefined.
  for (let from = 0; from < rows.length; from += ROWS_PER_CHUNK) {
    const lines = rows.slice(from, from + ROWS_PER_CHUNK).map((row) => JSON.stringify(row, columns))
    const last = from + ROWS_PER_CHUNK >= rows.length
    yield `${from === 0 ? "[\n" : ""}${lines.join(",\n")}${last ? "\n]\n" : ",\n"}`
  }
}

export const encodeJson = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): string => [...jsonChunks(spec, rows)].join("")
