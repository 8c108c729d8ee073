/**
 * Column kinds: the one place a table's fields are declared. Each kind carries its Schema (for the
 * JSON shape and validation), how it is written to CSV, and its Arrow type (Parquet is written from the
 * Arrow table), so the four formats are derived from one definition and cannot drift apart.
 */
import { Schema } from "effect"

export type ArrowKind =
  | "utf8" // plain string, values mostly unique (ids, text)
  | "dictionary" // string that repeats (kinds, types, names): dictionary-encoded
  | "int32"
  | "float64"
  | "bool"
  | "date" // YYYY-MM-DD string in JSON/CSV, DateDay in Arrow
  | "list" // list of strings

export interface Column<S extends Schema.Top = Schema.Top> {
  readonly schema: S
  readonly arrow: ArrowKind
  readonly nullable: boolean
  readonly description: string
}

const column = <S extends Schema.Top>(schema: S, arrow: ArrowKind, nullable: boolean) =>
(description: string): Column<S> => ({ schema, arrow, nullable, description })

const IsoDate = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/))

export const col = {
  id: column(Schema.String, "utf8", false),
  text: column(Schema.String, "utf8", false),
  optText: column(Schema.NullOr(Schema.String), "utf8", true),
  category: column(Schema.String, "dictionary", false),
  optCategory: column(Schema.NullOr(Schema.String), "dictionary", true),
  literal: <const L extends ReadonlyArray<string>>(values: L) => column(Schema.Literals(values), "dictionary", false),
  int: column(Schema.Int, "int32", false),
  optInt: column(Schema.NullOr(Schema.Int), "int32", true),
  number: column(Schema.Number, "float64", false),
  bool: column(Schema.Boolean, "bool", false),
  optDate: column(Schema.NullOr(IsoDate), "date", true),
  list: column(Schema.Array(Schema.String), "list", false)
}

export type Columns = Record<string, Column>

export interface TableSpec<C extends Columns = Columns> {
  readonly name: string
  readonly description: string
  readonly columns: C
  readonly row: Schema.Struct<{ [K in keyof C]: C[K]["schema"] }>
}

export type RowOf<T extends TableSpec> = T["row"]["Type"]

export const table = <const C extends Columns>(name: string, description: string, columns: C): TableSpec<C> => {
  const fields = Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, c.schema])) as {
    [K in keyof C]: C[K]["schema"]
  }
  return { name, description, columns, row: Schema.Struct(fields) }
}
