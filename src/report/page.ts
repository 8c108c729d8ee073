/**
 * The report as one HTML file that opens from disk: its style, its script, the charting library and
 * the data are all inside it, and its Content-Security-Policy forbids every network request, so what
 * the page shows can only come from the page.
 *
 * Charts are drawn with Observable Plot (on d3), inlined from their UMD bundles in node_modules
 * (about 490 KB together, minified). Plot was chosen over Vega-Lite because it is about half the size
 * (Vega-Lite needs Vega and vega-embed, over 1 MB), draws plain SVG whose marks carry <title>s, ARIA
 * labels and links (so a chart's bars open the evidence, by keyboard too), and its few lines per chart
 * read like the figure they draw.
 *
 * Data goes in as JSON script blocks (`type="application/json"`, which the browser does not run): one
 * for the summary and one per document, so a document's text and spans are parsed only when it is
 * opened.
 */
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import type { ReportData } from "./data.ts"

const CLIENT = join(import.meta.dirname, "client")

/** A file of an installed package (looked up from here towards the root, as Node resolves packages). */
const packageFile = (pkg: string, file: string): string => {
  let dir = import.meta.dirname
  for (;;) {
    const candidate = join(dir, "node_modules", pkg, file)
    try {
      return readFileSync(candidate, "utf8")
    } catch {
      if (dir === dirname(dir)) throw new Error(`the report needs ${pkg}/${file}: run npm install`)
      dir = dirname(dir)
    }
  }
}

export interface PageAssets {
  readonly css: string
  readonly script: string
  readonly libraries: ReadonlyArray<{ readonly name: string; readonly version: string; readonly code: string }>
}

let assets: PageAssets | undefined
/** The page's own style and script and the charting library, read once. */
export const pageAssets = (): PageAssets => {
  if (assets === undefined) {
    const library = (name: string, file: string) => ({
      name,
      version: (JSON.parse(packageFile(name, "package.json")) as { version: string }).version,
      code: packageFile(name, file)
    })
    assets = {
      css: readFileSync(join(CLIENT, "report.css"), "utf8"),
      script: readFileSync(join(CLIENT, "report.js"), "utf8"),
      libraries: [library("d3", "dist/d3.min.js"), library("@observablehq/plot", "dist/plot.umd.min.js")]
    }
  }
  return assets
}

/** JSON that cannot end its script block: `<` is written as \u003c (JSON.parse reads it back). */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")

/** Code inlined in a <script> must not close it or open an HTML comment there. */
const scriptBody = (name: string, code: string): string => {
  if (/<\/script|<!--/i.test(code)) throw new Error(`${name} cannot be inlined: it contains </script or <!--`)
  return code
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/**
 * The page in pieces, one line each (a document's data block is one line), so a large run's page is
 * written as it is made and never held whole; joined, `renderPage`.
 */
export function* pageLines(data: ReportData, pageAssetsOverride?: PageAssets): Generator<string> {
  const { css, script, libraries } = pageAssetsOverride ?? pageAssets()
  const summary = { ...data.summary, page: Object.fromEntries(libraries.map((l) => [l.name, l.version])) }
  const input = typeof data.summary.options.input === "string" ? data.summary.options.input : "?"
  const counts = data.summary.counts
  const runLine = `${data.summary.tool.name} ${data.summary.tool.version} · input ${input} · ${counts.documents ?? 0} documents, ${counts.actors ?? 0} actors, ${counts.quotes ?? 0} quotes, ${counts.events ?? 0} events`
  const head = [
    "<!doctype html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="generator" content="${escapeHtml(`${data.summary.tool.name} ${data.summary.tool.version}`)}">`,
    `<title>newsfacts report · ${escapeHtml(input)}</title>`,
    `<style>\n${css}</style>`,
    "</head>",
    "<body>",
    `<a class="skip" href="#main">Skip to the content</a>`,
    `<header class="top"><h1>newsfacts report</h1><span class="run">${escapeHtml(runLine)}</span>`,
    `<form id="search" role="search"><input type="search" name="q" placeholder="Search by name" aria-label="Search actors, speakers and documents by name"><button type="submit">Search</button></form></header>`,
    `<nav class="tabs" id="tabs" aria-label="Views"></nav>`,
    `<main id="main" tabindex="-1"><noscript><p>This report draws its views with JavaScript: allow scripts for this file to see it.</p></noscript></main>`,
    `<script type="application/json" id="nf-summary">${jsonForScript(summary)}</script>`
  ]
  for (const line of head) yield `${line}\n`
  for (const [k, chunk] of data.chunks.entries()) yield `<script type="application/json" id="nf-doc-${k}">${jsonForScript(chunk)}</script>\n`
  const tail = [
    ...libraries.map((l) => `<script>/* ${l.name} ${l.version} (ISC licence) */\n${scriptBody(l.name, l.code)}\n</script>`),
    `<script>\n${scriptBody("report.js", script)}</script>`,
    "</body>",
    "</html>"
  ]
  for (const line of tail) yield `${line}\n`
}

export const renderPage = (data: ReportData, pageAssetsOverride?: PageAssets): string => [...pageLines(data, pageAssetsOverride)].join("")
