/**
 * Arrow IPC *file* format. Column types come from the table declaration: dictionary-encoded strings
 * where values repeat, Int32 integers, DateDay dates, List<Utf8> lists, Bool booleans.
 */
import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  List,
  RecordBatch,
  Schema as ArrowSchema,
  Struct,
  Table,
  Utf8,
  makeBuilder,
  makeData,
  tableToIPC
} from "apache-arrow"
import type { DataType, Vector } from "apache-arrow"
import type { ArrowKind, TableSpec } from "../model/columns.ts"

export const arrowType = (kind: ArrowKind): DataType => {
  switch (kind) {
    case "utf8":
      return new Utf8()
    case "dictionary":
      return new Dictionary(new Utf8(), new Int32())
    case "int32":
      return new Int32()
    case "float64":
      return new Float64()
    case "bool":
      return new Bool()
    case "date":
      return new DateDay()
    case "list":
      return new List(new Field("item", new Utf8(), false))
  }
}

const toArrowValue = (kind: ArrowKind, value: unknown): unknown => {
  if (value === null || value === undefined) return null
  // DateDay takes a Date at UTC midnight; the value is a YYYY-MM-DD string.
  if (kind === "date") return new Date(`${value as string}T00:00:00Z`)
  return value
}

const buildVector = (kind: ArrowKind, nullable: boolean, values: ReadonlyArray<unknown>): Vector => {
  const builder = makeBuilder({ type: arrowType(kind), nullValues: nullable ? [null, undefined] : [] })
  for (const value of values) builder.append(toArrowValue(kind, value) as never)
  return builder.finish().toVector()
}

export const encodeArrow = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Uint8Array => {
  const columns = Object.entries(spec.columns)
  const vectors = columns.map(([name, c]) => buildVector(c.arrow, c.nullable, rows.map((row) => row[name])))
  // The schema takes each vector's own type, so dictionary ids match the batches.
  const schema = new ArrowSchema(columns.map(([name, c], i) => new Field(name, vectors[i].type, c.nullable)))
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children: vectors.map((v) => v.data[0]) })
  return tableToIPC(new Table(schema, new RecordBatch(schema, data)), "file")
}
