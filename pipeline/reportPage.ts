/**
 * `npm run report -- --out OUT`: rebuilds `OUT/report/index.html` from the JSON tables and the manifest
 * a run published there, reading the documents' texts again from the run's input (or `--input`).
 * Exit code 0 when the page was written, 1 with a one-line reason when it could not be.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { rebuildReport } from "../src/report/index.ts"

const report = Command.make(
  "newsfacts-report",
  {
    out: Flag.String("out").pipe(
      Flag.withAlias("o"),
      Flag.withDescription("The output folder of a run (with json/ and manifest.json); the page goes to OUT/report/index.html"),
      Flag.withDefault("output")
    ),
    input: Flag.String("input").pipe(
      Flag.withAlias("i"),
      Flag.withDescription("Where the run's inputs are now, if not where the manifest says (the page shows their texts)"),
      Flag.optional
    )
  },
  Effect.fn(function*({ out, input }) {
    const written = yield* rebuildReport(out, Option.getOrUndefined(input)).pipe(
      Effect.catchTags({
        ReportError: (error) => fail(`${error.path}: ${error.reason}`),
        ExportError: (error) => fail(`cannot write ${error.path}: ${error.reason}`)
      })
    )
    if (written === undefined) return
    const missing = written.documents - written.texts
    yield* Console.log(
      `newsfacts: wrote ${written.file} (${(written.bytes / 1e6).toFixed(1)} MB, ${written.documents} documents` +
        `${missing > 0 ? `; ${missing} without their text: the page says why` : ""})`
    )
  })
).pipe(Command.withDescription("Rebuild the report page OUT/report/index.html from a run's tables."))

const fail = (reason: string) =>
  Effect.gen(function*() {
    yield* Console.error(`newsfacts report: cannot build: ${reason}`)
    process.exitCode = 1
    return undefined
  })

report.pipe(
  Command.run({ version: "0.1.0" }),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
