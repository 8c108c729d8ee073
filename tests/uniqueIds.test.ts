/**
 * Ids are unique keys, on real news: the whole pipeline over the Wikinews half of the news corpus
 * (295 articles of ../shared/corpus), and every table's key column holds each value once. A statement
 * never joins quotes of different known speakers. (Before: one quotation read by two cues of one sentence
 * gave two rows with one quote_id, and the statement of that id then joined two speakers; a group
 * word read as a name too, "MEPs", gave two mentions with one mention_id.)
 */
import { describe, expect, it } from "@effect/vitest"
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { runPipeline } from "../pipeline/pipeline.ts"
import { AllTables } from "../src/model/tables.ts"
import { keyColumn, repeatedKeys } from "./support/keys.ts"
import { hasShared, sharedPath } from "./support/shared.ts"
import { tempDir } from "./support/tempDirs.ts"

describe.skipIf(!hasShared)("ids over the news corpus", () => {
  it.effect("every table's key is unique, and each statement has one speaker", () =>
    Effect.gen(function*() {
      const out = tempDir("unique-ids")
      yield* runPipeline({ input: sharedPath("corpus", "wikinews_plain.jsonl"), out, formats: ["json"], workers: 2 })
      const table = (name: string) => JSON.parse(readFileSync(join(out, "json", `${name}.json`), "utf8")) as Array<Record<string, unknown>>
      const keyed = AllTables.flatMap((spec) => {
        const key = keyColumn(spec)
        return key === null ? [] : [[`${spec.name}.${key}`, repeatedKeys(table(spec.name), key)] as const]
      })
      expect(keyed.map(([column]) => column)).toEqual(expect.arrayContaining(["quotes.quote_id", "actor_mentions.mention_id", "event_mentions.mention_id"]))
      expect(Object.fromEntries(keyed)).toEqual(Object.fromEntries(keyed.map(([column]) => [column, []])))
      // A report that leaves the speaker unresolved may join another's quote of the same words
      // (docs/dedupe.md, statements): only known speakers count.
      const speakers = new Map<unknown, Set<unknown>>()
      for (const quote of table("quotes")) {
        if (quote.speaker_actor_id !== null) speakers.set(quote.statement_id, (speakers.get(quote.statement_id) ?? new Set()).add(quote.speaker_actor_id))
      }
      expect([...speakers].filter(([, who]) => who.size > 1)).toEqual([])
    }).pipe(Effect.provide(NodeServices.layer)), 900_000)
})
