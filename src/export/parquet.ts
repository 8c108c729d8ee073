/**
 * Apache Parquet, written from the same Arrow table as the Arrow files, so the two carry the same
 * types: Parquet keeps int32, date32 (DATE), list<utf8> (LIST) and each column's nullability
 * (REQUIRED/OPTIONAL) in its own schema, and the writer stores the Arrow schema beside it, from which
 * pyarrow, pandas and polars restore the dictionary-encoded string columns as dictionaries.
 *
 * The writer is arrow-rs's (the Rust Arrow project's Parquet crate) compiled to WebAssembly: the
 * `parquet-wasm` package. Its output is byte-identical for the same rows (no timestamp; `created_by`
 * names the crate's version). Compiling its 5 MB module takes a noticeable fraction of a second, so it
 * is loaded the first time a Parquet file is written, never by runs that do not write one.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import type * as ParquetWasm from "parquet-wasm"
import { tableToIPC } from "apache-arrow"
import type { TableSpec } from "../model/columns.ts"
import { arrowTable } from "./arrow.ts"

const require = createRequire(import.meta.url)
let engine: typeof ParquetWasm | undefined
/** The package's Node build is CommonJS and compiles its module synchronously on first require. */
const parquetWasm = (): typeof ParquetWasm => (engine ??= require("parquet-wasm") as typeof ParquetWasm)

/** The installed writer's version, for what depends on the bytes it writes (the package exports no package.json). */
export const parquetWriterVersion = (): string => {
  const entry = require.resolve("parquet-wasm") // …/node_modules/parquet-wasm/node/parquet_wasm.js
  return (JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version
}

export const encodeParquet = (spec: TableSpec, rows: ReadonlyArray<Record<string, unknown>>): Uint8Array => {
  const wasm = parquetWasm()
  // ZSTD: about a third smaller than Snappy on these tables, and read by DuckDB, polars, pyarrow and Spark.
  const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.ZSTD).build()
  // writeParquet takes ownership of (and frees) both the table and the properties.
  return wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(arrowTable(spec, rows), "stream")), properties)
}
