/** The key of each table: its first column when the data dictionary calls it a "Stable … id". */
import type { TableSpec } from "../../src/model/columns.ts"

export const keyColumn = (spec: TableSpec): string | null => {
  const [first] = Object.keys(spec.columns)
  return /^Stable [\w ]*id\b/.test(spec.columns[first].description) ? first : null
}

/** The key values that occur more than once in `rows`. */
export const repeatedKeys = (rows: ReadonlyArray<Record<string, unknown>>, key: string): Array<unknown> => {
  const seen = new Set<unknown>()
  const repeated = new Set<unknown>()
  for (const row of rows) (seen.has(row[key]) ? repeated : seen).add(row[key])
  return [...repeated]
}
