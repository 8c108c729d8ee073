/**
 * `NEWSFACTS_CLUSTER_TRACE` on the coordinator and the runners: one line per document and side, with
 * the wall-clock times (ms) of its path through the cluster, to tell waiting from working:
 *
 *     newsfacts-trace coordinator <key> sent=… seen=…      (message sent; reply received)
 *     newsfacts-trace runner <key> started=… finished=…    (handler entered; extraction done)
 *
 * `started − sent` is delivery (storage, transport, entity activation), `finished − started` is the
 * runner's queue and extraction, `seen − finished` the reply's way back. `1` writes the lines to
 * stderr, any other value is a file they are appended to (the cluster bench's). Unset, it costs one check.
 */
import { appendFileSync } from "node:fs"
import { Effect } from "effect"

const target = process.env.NEWSFACTS_CLUSTER_TRACE ?? ""

export const traceDocument = (side: "coordinator" | "runner", key: string, times: Readonly<Record<string, number>>): Effect.Effect<void> =>
  target === ""
    ? Effect.void
    : Effect.sync(() => {
      const line = `newsfacts-trace ${side} ${key.slice(0, 16)} ${Object.entries(times).map(([k, v]) => `${k}=${v}`).join(" ")}\n`
      if (target === "1") process.stderr.write(line)
      else appendFileSync(target, line)
    })

export interface TraceSummary {
  readonly documents: number
  /** Milliseconds from the coordinator's send to the runner's handler: median and 90th percentile. */
  readonly deliveryMs: readonly [number, number]
  /** Milliseconds from the runner's result to the coordinator's receipt of the reply. */
  readonly replyMs: readonly [number, number]
}

const percentile = (values: ReadonlyArray<number>, p: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

/**
 * The delivery and reply times of a trace's documents. A document traced twice on a side (redone after
 * a runner died, or resent by a restarted coordinator) counts with its last line.
 */
export const summarizeTrace = (text: string): TraceSummary => {
  const times = new Map<string, Record<string, number>>()
  for (const line of text.split("\n")) {
    const [tag, , key, ...fields] = line.split(" ")
    if (tag !== "newsfacts-trace" || key === undefined) continue
    const entry = times.get(key) ?? {}
    for (const field of fields) {
      const [name, value] = field.split("=")
      entry[name!] = Number(value)
    }
    times.set(key, entry)
  }
  const complete = [...times.values()].filter((t) => ["sent", "started", "finished", "seen"].every((k) => Number.isFinite(t[k])))
  const delivery = complete.map((t) => t.started! - t.sent!)
  const reply = complete.map((t) => t.seen! - t.finished!)
  return {
    documents: complete.length,
    deliveryMs: [percentile(delivery, 0.5), percentile(delivery, 0.9)],
    replyMs: [percentile(reply, 0.5), percentile(reply, 0.9)]
  }
}
