import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { withDictionary, withQuality } from "../pipeline/docs.ts"
import { AllTables } from "../src/model/tables.ts"
import { repoRoot } from "./support/shared.ts"

describe("README data dictionary", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8")

  it("is the one generated from the table declarations (run `npm run docs` after changing a table)", () => {
    expect(withDictionary(readme)).toBe(readme)
  })

  it("shows the figures of the committed evaluation report (run `npm run docs` after `npm run eval`)", () => {
    expect(withQuality(readme)).toBe(readme)
    expect(readme).toMatch(/\| CoNLL-2003 actors, exact span \+ type F1 \| 0\.\d{3} \(P 0\.\d{3}, R 0\.\d{3}\) \| ≥ 0\.91 \(#23; #5: ≥ 0\.85\) \|/)
  })

  it("documents every column of every table", () => {
    for (const spec of AllTables) {
      expect(readme).toContain(`#### \`${spec.name}\``)
      for (const column of Object.keys(spec.columns)) expect(readme).toContain(`| \`${column}\` |`)
    }
  })
})
