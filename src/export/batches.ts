/**
 * The text formats are written a batch of rows at a time (`writeChunksAtomic` in index.ts), so no
 * whole table is ever one string in memory.
 */
export const ROWS_PER_BATCH = 5_000

/** `rows` in consecutive batches of `ROWS_PER_BATCH`, each with whether it is the first and the last. */
export function* rowBatches<A>(rows: ReadonlyArray<A>): Generator<{ readonly batch: ReadonlyArray<A>; readonly first: boolean; readonly last: boolean }> {
  for (let from = 0; from < rows.length; from += ROWS_PER_BATCH) {
    yield { batch: rows.slice(from, from + ROWS_PER_BATCH), first: from === 0, last: from + ROWS_PER_BATCH >= rows.length }
  }
}
