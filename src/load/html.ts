/**
 * HTML input: the article body and its metadata, found by Mozilla Readability (Firefox Reader View)
 * on a linkedom DOM. Readability picks the body out of navigation, ads and comments and reads the
 * title, byline, site name and publication time from meta tags and JSON-LD; where it finds no date,
 * the usual meta tags and `<time datetime>` are read. The body becomes plain text with one paragraph
 * per block element, separated by blank lines: that text is the document's original text, so the
 * offsets of an HTML input refer to it (not to the HTML source).
 */
import { Readability } from "@mozilla/readability"
import { parseHTML } from "linkedom"

export interface HtmlArticle {
  readonly text: string
  readonly title: string | null
  readonly author: string | null
  readonly date: string | null
  readonly publisher: string | null
  /** The page's declared language (`<html lang>`), if any. */
  readonly language: string | null
}

/** Elements whose content is a paragraph of its own. */
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3",
  "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL"
])
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON"])

interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly textContent: string | null
  readonly childNodes: ArrayLike<DomNode>
}

/** Plain text of a DOM subtree: inline text runs joined, block elements and <br> as line breaks. */
const blockText = (root: DomNode): string => {
  const paragraphs: Array<string> = []
  let current = ""
  const flush = () => {
    const text = current.replace(/[ \t\r\n\f]+/g, " ").trim()
    if (text !== "") paragraphs.push(text)
    current = ""
  }
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? ""
      return
    }
    if (node.nodeType !== 1 || SKIPPED.has(node.nodeName)) return
    if (node.nodeName === "BR") {
      flush()
      return
    }
    const block = BLOCKS.has(node.nodeName)
    if (block) flush()
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i])
    if (block) flush()
  }
  walk(root)
  flush()
  return paragraphs.join("\n\n")
}

const nonEmpty = (value: string | null | undefined): string | null => {
  const trimmed = value?.replace(/\s+/g, " ").trim()
  return trimmed === undefined || trimmed === "" ? null : trimmed
}

/** "By Jane Doe" → "Jane Doe": Readability returns the byline as written. */
const authorOf = (byline: string | null): string | null => nonEmpty(byline?.replace(/^\s*by\s+/i, "") ?? null)

const DATE_META = [
  "meta[property='article:published_time']",
  "meta[name='article:published_time']",
  "meta[itemprop='datePublished']",
  "meta[name='date']",
  "meta[name='pubdate']",
  "meta[name='publish-date']",
  "meta[name='dc.date']",
  "meta[name='DC.date.issued']",
  "meta[property='og:published_time']"
]

/**
 * How deep elements may nest. Real news pages stay well under 100; Readability's time grows with the
 * cube of the depth (800 nested <div>s: 21 s, 3,000: hours) and the DOM library recurses on it until
 * the stack runs out, so a deeper page is refused before parsing (`nestingDepth`).
 */
export const MAX_HTML_DEPTH = 256

/** Elements whose end tag may be left out (the parser closes them): they do not count as nesting. */
const SELF_CLOSING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "tr",
  "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body"
])

/** The deepest element nesting in `html`, from its tags alone (linear, no parsing). */
export const nestingDepth = (html: string): number => {
  let depth = 0
  let deepest = 0
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = match[2].toLowerCase()
    if (SELF_CLOSING.has(name) || match[3] === "/") continue
    if (match[1] === "/") depth = Math.max(0, depth - 1)
    else deepest = Math.max(deepest, ++depth)
  }
  return deepest
}

export const htmlToArticle = (html: string): HtmlArticle => {
  const { document } = parseHTML(html)
  const language = nonEmpty(document.documentElement?.getAttribute("lang"))
  const metaDate = DATE_META.map((selector) => document.querySelector(selector)?.getAttribute("content")).find((v) => nonEmpty(v) !== null)
    ?? document.querySelector("time[datetime]")?.getAttribute("datetime")
  const metaPublisher = document.querySelector("meta[property='og:site_name']")?.getAttribute("content")
  // Readability changes the document it reads; metadata above is read first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
  if (article === null || nonEmpty(article.content) === null) {
    const body = document.body as unknown as DomNode | null
    return {
      text: body === null ? "" : blockText(body),
      title: nonEmpty(document.title),
      author: null,
      date: nonEmpty(metaDate),
      publisher: nonEmpty(metaPublisher),
      language
    }
  }
  const content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as DomNode
  return {
    text: blockText(content),
    title: nonEmpty(article.title),
    author: authorOf(article.byline ?? null),
    date: nonEmpty(article.publishedTime) ?? nonEmpty(metaDate),
    publisher: nonEmpty(article.siteName) ?? nonEmpty(metaPublisher),
    language
  }
}
