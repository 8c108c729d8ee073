/**
 * Arrow IPC *file* format. Column types come from the table declaration: dictionary-encoded strings
 * where values repeat, Int32 integers, DateDay dates, List<Utf8> lists, Bool booleans. String columns
 * are laid out directly (one UTF-8 buffer and its offsets); the other kinds go through Arrow's builders.
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
  makeVector,
  tableToIPC
} from "apache-arrow"
import type { DataType, Vector } from "apache-arrow"
import type { ArrowKind, TableSpec } from "../model/columns.ts"

export const arrowType = (kind: ArrowKind): DataType => {
  switch (kind) {
    case "utf8":
      return new Utf8()
    case "dictionary":
      return new Dictionary(new Utf8(), new Int32(), 0)
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

/** A number, boolean or date as Arrow's builders take it. */
const toArrowValue = (kind: ArrowKind, value: unknown): unknown => {
  if (value === null || value === undefined) return null
  // DateDay takes a Date at UTC midnight; the value is a YYYY-MM-DD string.
  if (kind === "date") return new Date(`${value as string}T00:00:00Z`)
  return value
}

/** Validity bitmap (bit set = value present) and null count, as Arrow lays them out. */
const validity = (values: ReadonlyArray<unknown>): { readonly nullBitmap: Uint8Array; readonly nullCount: number } => {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3)
  let nullCount = 0
  values.forEach((value, i) => {
    if (value === null || value === undefined) nullCount++
    else nullBitmap[i >> 3] |= 1 << (i & 7)
  })
  return { nullBitmap, nullCount }
}

/**
 * UTF-8 bytes and offsets of many strings, encoded in one call: Arrow's builders encode value by
 * value, which was most of the export's time on a large corpus. Absent values take no bytes.
 */
const utf8Buffers = (values: ReadonlyArray<string | null>): { readonly valueOffsets: Int32Array; readonly data: Uint8Array } => {
  const valueOffsets = new Int32Array(values.length + 1)
  let bytes = 0
  values.forEach((value, i) => {
    if (value !== null) bytes += Buffer.byteLength(value, "utf8")
    valueOffsets[i + 1] = bytes
  })
  const data = Buffer.from(values.filter((value) => value !== null).join(""), "utf8")
  return { valueOffsets, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
}

const utf8Data = (values: ReadonlyArray<string | null>) =>
  makeData({ type: new Utf8(), length: values.length, ...validity(values), ...utf8Buffers(values) })

/**
 * Each distinct string once, in order of first appearance, and an index per value. The dictionary's
 * id is given (the column's position): left to apache-arrow, it comes from a counter shared by the
 * whole process, so a second table written in one process would get other ids and other bytes.
 */
const dictionaryData = (values: ReadonlyArray<string | null>, id: number) => {
  const indexOf = new Map<string, number>()
  const indices = new Int32Array(values.length)
  values.forEach((value, i) => {
    if (value === null) return
    let index = indexOf.get(value)
    if (index === undefined) indexOf.set(value, (index = indexOf.size))
    indices[i] = index
  })
  const dictionary = makeVector(utf8Data([...indexOf.keys()]))
  return makeData({ type: new Dictionary(new Utf8(), new Int32(), id), length: values.length, ...validity(values), data: indices, dictionary })
}

const listData = (values: ReadonlyArray<ReadonlyArray<string>>) => {
  const valueOffsets = new Int32Array(values.length + 1)
  values.forEach((list, i) => (valueOffsets[i + 1] = valueOffsets[i] + list.length))
  const items = makeData({ type: new Utf8(), length: valueOffsets[values.length], nullCount: 0, ...utf8Buffers(values.flat()) })
  return makeData({ type: arrowType("list") as List<Utf8>, length: values.length, nullCount: 0, valueOffsets, child: items })
}

const buildVector = (kind: ArrowKind, nullable: boolean, values: ReadonlyArray<unknown>, column: number): Vector => {
  const absent = (value: unknown) => value === undefined ? null : value
  switch (kind) {
    case "utf8":
      return makeVector(utf8Data(values.map(absent) as ReadonlyArray<string | null>))
    case "dictionary":
      return makeVector(dictionaryData(values.map(absent) as ReadonlyArray<string | null>, column))
    case "list":
      return makeVector(listData(values as ReadonlyArray<ReadonlyArray<string>>))
    default: {
      const builder = makeBuilder({ type: arrowType(kind), nullValues: nullable ? [null, undefined] : [] })
      for (const value of values) builder.append(toArrowValue(kind, value) as never)
      return builder.finish().toVector()
    }
  }
}

/** The rows of one table as an Arrow table typed by its declaration (Parquet is written from it too). */
export const arrowTable = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Table => {
  const columns = Object.entries(spec.columns)
  const vectors = columns.map(([name, c], i) => buildVector(c.arrow, c.nullable, rows.map((row) => row[name]), i))
  // The schema takes each vector's own type, so dictionary ids match the batches.
  const schema = new ArrowSchema(columns.map(([name, c], i) => new Field(name, vectors[i].type, c.nullable)))
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children: vectors.map((v) => v.data[0]) })
  return new Table(schema, new RecordBatch(schema, data))
}

export const encodeArrow = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Uint8Array =>
  tableToIPC(arrowTable(spec, rows), "file")
