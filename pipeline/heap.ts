/**
 * How far V8 lets a heap grow before it collects. By default it sizes the next limit from the last
 * collection with a factor of up to 4 when collections are rare, so a run's tail (dedupe and export,
 * which make much short-lived garbage) reached two to four times its live data before the first full
 * collection. Capping the factor at 2 keeps the peak near twice the live data for the same CPU time
 * (docs/scale.md, "How far the heap grows").
 */
import { setFlagsFromString } from "node:v8"

/** The heap may grow to (1 + this / 100) times what it held after its last full collection. */
export const HeapGrowingPercent = 100

/** Sets the factor for this process and its worker threads (V8's flags are the process's). */
export const boundHeapGrowth = (): void => setFlagsFromString(`--heap-growing-percent=${HeapGrowingPercent}`)
