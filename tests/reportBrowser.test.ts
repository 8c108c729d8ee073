/**
 * The seeds' report page in a real browser (Debian's chromium, driven by playwright-core): opened from
 * disk with every request off the page refused, it shows the tables' counts, opens a quote with its
 * speaker, cue and content marked in the text, opens rows by keyboard, finds actors by name, and saves
 * a screenshot. The page rebuilt by `npm run report` is the one the run wrote.
 *
 * Needs chromium: `.ci/run` installs it. Without it (a dev machine) the browser tests are skipped with
 * the reason printed; on CI (CI=true) a missing chromium fails them instead.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { chromium } from "playwright-core"
import type { BrowserContext, Page } from "playwright-core"
import { runCli, tempDir } from "./support/cli.ts"
import { repoRoot } from "./support/shared.ts"

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const haveChromium = existsSync(CHROMIUM)
if (!haveChromium) {
  if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing on CI: .ci/run should have installed chromium`)
  console.warn(`reportBrowser.test.ts: skipped, no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)
}

const out = tempDir("report-seeds")
const rows = (table: string): Array<Record<string, unknown>> => JSON.parse(readFileSync(join(out, "json", `${table}.json`), "utf8"))
const count = (text: string | null): number => Number((text ?? "").replace(/,/g, ""))

let context: BrowserContext
let page: Page
const offPage: Array<string> = []
const errors: Array<string> = []

describe.skipIf(!haveChromium)("the report page in chromium", () => {
  beforeAll(async () => {
    const run = runCli(["--input", "seeds", "--out", out, "--formats", "json", "--workers", "0"])
    expect(run.status, run.stderr).toBe(0)
    context = await chromium.launchPersistentContext(tempDir("chromium-profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 800 }
    })
    // Only the file itself may load: anything else would be a request to the network.
    await context.route("**/*", (route) => {
      if (route.request().url().startsWith("file:")) return route.continue()
      offPage.push(route.request().url())
      return route.abort()
    })
    page = await context.newPage()
    page.on("pageerror", (error) => errors.push(error.message))
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text())
    })
    await page.goto(pathToFileURL(join(out, "report", "index.html")).href)
    await page.waitForSelector("main h2")
  }, 240_000)

  afterAll(async () => {
    await context?.close()
  })

  it("shows the manifest's input counts and every table's row count", async () => {
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"))
    for (const key of ["inputs", "processed", "duplicates", "skipped"]) {
      expect(count(await page.textContent(`[data-count="${key}"]`)), key).toBe(manifest.counts[key])
    }
    for (const table of ["documents", "actors", "actor_mentions", "quotes", "events", "event_mentions", "times"]) {
      expect(count(await page.textContent(`[data-table="${table}"]`)), table).toBe(rows(table).length)
    }
    expect(await page.textContent("header .run")).toContain(`${rows("quotes").length} quotes`)
  })

  it("draws the charts, as SVG from the inlined library", async () => {
    await page.click("nav a[data-tab=actors]")
    await page.waitForSelector("figure.chart svg")
    const bars = await page.locator("figure.chart svg a").count()
    expect(bars).toBeGreaterThanOrEqual(Math.min(20, rows("actors").length))
    await page.click("nav a[data-tab=events]")
    // The tab is drawn after the click returns: wait for its chart before counting (under load the
    // actors tab's chart could still be in the page).
    await page.waitForSelector('figure.chart svg[aria-label="Events over time by type"]')
    await page.waitForFunction("document.querySelectorAll('figure.chart svg').length === 1", undefined, { timeout: 10_000 })
    expect(await page.locator("figure.chart svg").count()).toBe(1)
  })

  it("opens a quote from the list with its speaker, cue and content marked in the text, and the rules that found them", async () => {
    const quote = rows("quotes").find((q) => q.speaker_start !== null && q.cue_start !== null && q.kind === "direct") as Record<string, string>
    await page.click("nav a[data-tab=quotes]")
    await page.click(`tr[data-href$="/quote/${quote.quote_id}"]`)
    await page.waitForSelector(".doctext .f-speaker")
    const marked = async (kind: string) => (await page.locator(`.doctext .f-${kind}`).allTextContents()).join("")
    expect(await marked("speaker")).toBe(quote.speaker_text)
    expect(await marked("content")).toBe(quote.text)
    expect(await marked("cue")).toBe(quote.cue)
    // Each marked span is labelled in words, not by colour alone.
    expect(await page.locator(".doctext .chip").allTextContents()).toEqual(expect.arrayContaining(["quote", "speaker", "cue"]))
    const evidence = await page.textContent("#evidence")
    expect(evidence).toContain(quote.speaker)
    expect(evidence).toContain(String(quote.rule).split(";")[0])
    expect(await page.locator(".doctext .f-content").first().isVisible()).toBe(true)
    const screenshot = join(out, "report.png")
    await page.screenshot({ path: screenshot })
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG")
    expect(statSync(screenshot).size).toBeGreaterThan(20_000)
    // REPORT_SCREENSHOT=docs/report.png keeps it (the README's picture).
    if (process.env.REPORT_SCREENSHOT) copyFileSync(screenshot, join(repoRoot, process.env.REPORT_SCREENSHOT))
  })

  it("opens an actor's row with the keyboard and marks each of its mentions in the document", async () => {
    await page.click("nav a[data-tab=actors]")
    await page.focus("tr.row")
    await page.keyboard.press("Enter")
    await page.waitForSelector(".doctext .f-mention")
    const first = rows("actors")
      .slice()
      .sort((a, b) => (b.n_mentions as number) - (a.n_mentions as number) || String(a.name).localeCompare(String(b.name)))[0]
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`/actor/${first.actor_id}`)
    const docId = decodeURIComponent(new URL(page.url()).hash).split("/")[1]
    const mentions = rows("actor_mentions").filter((m) => m.actor_id === first.actor_id && m.doc_id === docId)
    expect(await page.locator("#evidence li").count()).toBe(mentions.length)
  })

  it("finds actors and documents by name", async () => {
    const person = rows("actors").find((a) => a.kind === "person") as Record<string, string>
    await page.fill("#search input", person.name.split(" ").at(-1) as string)
    await page.press("#search input", "Enter")
    await page.waitForSelector("main[data-view=search] table")
    expect(await page.locator("main table").first().textContent()).toContain(person.name)
  })

  it("made no request off the page and raised no error", () => {
    expect(offPage).toEqual([])
    expect(errors).toEqual([])
  })

  it("is rebuilt byte for byte by npm run report from the published tables", () => {
    const written = readFileSync(join(out, "report", "index.html"))
    const rebuilt = spawnSync(process.execPath, [join(repoRoot, "pipeline/reportPage.ts"), "--out", out], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 })
    expect(rebuilt.status, rebuilt.stderr).toBe(0)
    expect(rebuilt.stdout).toMatch(/wrote .*report\/index\.html \(0\.\d MB, 2 documents\)/)
    expect(readFileSync(join(out, "report", "index.html")).equals(written)).toBe(true)
  })
})
