/** JSON: an array of row objects, one row a line (readable, diff-friendly, and what `read_json` expects). */
import type { TableSpec } from "../model/columns.ts"
import { rowBatches } from "./batches.ts"

/** The JSON file a batch of rows at a time; joined, the whole file. */
export function* jsonChunks(spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Generator<string> {
  const columns = Object.keys(spec.columns)
  if (rows.length === 0) {
    yield "[]\n"
    return
  }
  // Keys in declaration order, whatever order the row object was built in (a key list as replacer
  // does that natively). Rows are checked against their schema first, so no column is left undefined.
  for (const { batch, first, last } of rowBatches(rows)) {
    const lines = batch.map((row) => JSON.stringify(row, columns))
    yield `${first ? "[\n" : ""}${lines.join(",\n")}${last ? "\n]\n" : ",\n"}`
  }
}
