/**
 * `NEWSFACTS_CLUSTER_TRACE=1` on the coordinator and the runners: one stderr line per document and side,
 * with the wall-clock times (ms) of its path through the cluster, to tell waiting from working:
 *
 *     newsfacts-trace coordinator <key> sent=… seen=…      (message sent; reply received)
 *     newsfacts-trace runner <key> started=… finished=…    (handler entered; extraction done)
 *
 * `started − sent` is delivery (storage, transport, entity activation), `finished − started` is the
 * runner's queue and extraction, `seen − finished` the reply's way back. Off, it costs one check.
 */
import { Effect } from "effect"

const enabled = (process.env.NEWSFACTS_CLUSTER_TRACE ?? "") !== ""

export const traceDocument = (side: "coordinator" | "runner", key: string, times: Readonly<Record<string, number>>): Effect.Effect<void> =>
  enabled
    ? Effect.sync(() => {
      process.stderr.write(`newsfacts-trace ${side} ${key.slice(0, 16)} ${Object.entries(times).map(([k, v]) => `${k}=${v}`).join(" ")}\n`)
    })
    : Effect.void
