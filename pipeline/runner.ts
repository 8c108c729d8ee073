/**
 * `npm run runner -- --cluster postgres://…`: a cluster runner. It registers in the database, takes its
 * share of the shards and extracts the documents a coordinator (`npm run pipeline -- --cluster …`) sends,
 * on its own worker threads, until it is stopped (SIGINT or SIGTERM hand its shards to the others;
 * after SIGKILL they move once its shard locks expire). Exit 1 with one line when it cannot start.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Console, Effect, Layer, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { checkDatabase, redactedUrl, runnerLayer } from "../src/cluster/layers.ts"
import { defaultWorkerCount } from "../src/workers/index.ts"

export const DEFAULT_RUNNER_PORT = 34431

const runner = Command.make(
  "newsfacts-runner",
  {
    cluster: Flag.String("cluster").pipe(Flag.withDescription("PostgreSQL URL of the cluster's storage (postgres://user@host:5432/db)")),
    host: Flag.String("host").pipe(
      Flag.withDescription("Address the coordinator and the other runners reach this runner at (default 127.0.0.1: one machine)"),
      Flag.withDefault("127.0.0.1")
    ),
    port: Flag.Int("port").pipe(Flag.withDescription(`Port this runner listens on (default ${DEFAULT_RUNNER_PORT})`), Flag.withDefault(DEFAULT_RUNNER_PORT)),
    workers: Flag.Int("workers").pipe(
      Flag.withDescription(`Worker threads extracting documents (default: one per core, here ${defaultWorkerCount()})`),
      Flag.optional
    )
  },
  Effect.fn(function*({ cluster, host, port, workers }) {
    const failed = yield* Effect.result(checkDatabase(cluster))
    if (failed._tag === "Failure") {
      yield* Console.error(`newsfacts runner: cannot start: database ${failed.failure.url}: ${failed.failure.reason}`)
      process.exitCode = 1
      return
    }
    const workerCount = Math.max(1, Option.getOrElse(workers, defaultWorkerCount))
    yield* Console.error(`newsfacts runner: ${host}:${port}, ${workerCount} worker(s), storage ${redactedUrl(cluster)}`)
    yield* Layer.launch(runnerLayer({ url: cluster, host, port, workers: workerCount }))
  })
).pipe(Command.withDescription("A runner of a newsfacts cluster: extracts the documents a coordinator sends."))

runner.pipe(
  Command.run({ version: "0.1.0" }),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
