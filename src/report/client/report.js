// newsfacts report page: reads the summary embedded in the page, draws the overview, the lists and the
// charts (Observable Plot), and opens documents on demand: each document's text and spans sit in their own
// JSON script block, parsed the first time the document is shown. Plain browser JavaScript, no network.
// The tuple layouts read here are declared in src/report/data.ts.
;(() => {
  "use strict"
  performance.mark("nf-start") // the HTML is read: from here on, the summary is parsed and the first view drawn

  const PAGE_SIZE = 50
  const fmt = new Intl.NumberFormat("en")
  const summary = JSON.parse(document.getElementById("nf-summary").textContent)
  const rules = summary.rules

  // ---- the summary's tuples, as objects --------------------------------------------------------------
  const docs = summary.documents.map(
    ([doc_id, input_id, title, published, publisher, story, duplicate_of, near_copy_of, n_chars, n_actors, n_quotes, n_events, text_note], index) => ({
      index, doc_id, input_id, title, published, publisher, story, duplicate_of, near_copy_of, n_chars, n_actors, n_quotes, n_events, text_note
    })
  )
  const actors = summary.actors.map(
    ([actor_id, name, kind, title, affiliation, aliases, n_mentions, n_documents, actorRules, merged_by, documents], index) => ({
      index, actor_id, name, kind, title, affiliation, aliases, n_mentions, n_documents, rules: actorRules.map((r) => rules[r]), merged_by, documents
    })
  )
  const quotes = summary.quotes.map(([quote_id, statement_id, document, kind, speaker, speaker_actor, text, cue], index) => ({
    index, quote_id, statement_id, document, kind, speaker, speaker_actor, text, cue
  }))
  const events = summary.events.map(
    ([event_id, event_type, cameo, date, location, eventActors, text, modality, n_mentions, merged_by, documents], index) => ({
      index, event_id, event_type, cameo, date, location, actors: eventActors, summary: text, modality, n_mentions, merged_by, documents
    })
  )
  const stories = summary.stories.map(([story_id, documents], index) => ({ index, story_id, documents }))
  const byId = (rows, key) => new Map(rows.map((row) => [row[key], row]))
  const docById = byId(docs, "doc_id")
  const actorById = byId(actors, "actor_id")
  const quoteById = byId(quotes, "quote_id")
  const eventById = byId(events, "event_id")
  const storyById = byId(stories, "story_id")
  const quotesByStatement = new Map()
  for (const q of quotes) quotesByStatement.set(q.statement_id, [...(quotesByStatement.get(q.statement_id) ?? []), q])

  // ---- per-document chunks, parsed on demand ---------------------------------------------------------
  const chunkCache = new Map()
  const chunkOf = (k) => {
    let chunk = chunkCache.get(k)
    if (chunk === undefined) {
      const raw = JSON.parse(document.getElementById(`nf-doc-${k}`).textContent)
      chunk = {
        meta: raw.meta,
        text: raw.text,
        mentions: raw.mentions.map(([start, end, actor, role, title, rule]) => ({ start, end, actor, role, title, rule: rules[rule] })),
        quotes: raw.quotes.map(
          ([quote, start, end, speaker_text, speaker_start, speaker_end, cue_lemma, cue_start, cue_end, addressee, rule, text]) => ({
            quote, start, end, speaker_text, speaker_start, speaker_end, cue_lemma, cue_start, cue_end, addressee, rule: rules[rule], text
          })
        ),
        events: raw.events.map(
          ([event, start, end, trigger_start, trigger_end, event_type, cameo, date, date_text, location, modality, mentionActors, rule]) => ({
            event, start, end, trigger_start, trigger_end, event_type, cameo, date, date_text, location, modality, actors: mentionActors, rule: rules[rule]
          })
        ),
        times: raw.times.map(([start, end, type, value, anchor, rule]) => ({ start, end, type, value, anchor, rule: rules[rule] })),
        diagnostics: raw.diagnostics.map(([stage, rule, severity, message, start, end]) => ({ stage, rule, severity, message, start, end }))
      }
      chunkCache.set(k, chunk)
    }
    return chunk
  }

  // ---- small helpers ---------------------------------------------------------------------------------
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag)
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue
      if (key === "class") node.className = value
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value)
      else node.setAttribute(key, value === true ? "" : String(value))
    }
    for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child))
    return node
  }
  const link = (href, ...children) => el("a", { href }, ...children)
  const num = (n) => fmt.format(n)
  /** Text for search: lower case, accents off ("Sánchez" is found by "sanchez"); remembered, as lists filter on every key. */
  const folded = new Map()
  const fold = (s) => {
    const text = s ?? ""
    let f = folded.get(text)
    if (f === undefined) {
      f = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      folded.set(text, f)
    }
    return f
  }
  const plural = (n, word, words = `${word}s`) => `${num(n)} ${n === 1 ? word : words}`
  const docLabel = (d) => d.title ?? d.input_id
  /** A story is named by the headline of its first report that has one. */
  const storyTitle = (s) => docLabel(docs[s.documents.find((k) => docs[k].title !== null) ?? s.documents[0]])
  const esc = encodeURIComponent
  /** The text of a span: offsets are code points, so texts with characters outside the BMP need a map. */
  const codePointsOf = (text) => {
    if (!/[\uD800-\uDFFF]/.test(text)) return null
    const map = []
    let u = 0
    for (const ch of text) {
      map.push(u)
      u += ch.length
    }
    map.push(u)
    return map
  }
  const toUnits = (map, cp) => (map === null ? cp : map[cp])
  const sliceCp = (text, map, start, end) => text.slice(toUnits(map, start), toUnits(map, end))
  /** A compound rule id ("quote.direct…;speaker.name") lists each part's rule; `prefix` picks one part. */
  const rulePart = (rule, prefix) => {
    const parts = rule.split(";").filter((p) => p.startsWith(prefix))
    return parts.length > 0 ? parts.join(";") : rule
  }

  /** A table whose rows are focusable and open with Enter or a click. */
  const rowTable = (columns, rows, hrefOf, caption) => {
    const cls = (c) => (c.num ? "num" : c.nowrap ? "nowrap" : null)
    const head = el("tr", {}, columns.map((c) => el("th", { scope: "col", class: cls(c) }, c.label)))
    const body = rows.map((row) => {
      const href = hrefOf(row)
      const open = () => (location.hash = href)
      return el(
        "tr",
        {
          class: "row", tabindex: 0, "data-href": href,
          onclick: (e) => { if (!(e.target instanceof HTMLAnchorElement)) open() },
          onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); open() } }
        },
        columns.map((c) => el("td", { class: cls(c) }, c.cell(row)))
      )
    })
    return el("table", {}, caption ? el("caption", { class: "skip" }, caption) : null, el("thead", {}, head), el("tbody", {}, body))
  }

  /** A filterable, paged list: `filter(row, q)` decides what shows; the state survives tab switches. */
  const listStates = new Map()
  const pagedList = (name, rows, { columns, hrefOf, filter, placeholder, extraControls = [], caption }) => {
    const state = listStates.get(name) ?? { q: "", page: 0 }
    listStates.set(name, state)
    const holder = el("div")
    const input = el("input", { type: "search", placeholder, "aria-label": placeholder, value: state.q })
    const draw = () => {
      const q = fold(state.q.trim())
      const shown = rows.filter((row) => filter(row, q))
      const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE))
      state.page = Math.min(state.page, pages - 1)
      const from = state.page * PAGE_SIZE
      const slice = shown.slice(from, from + PAGE_SIZE)
      const pager = el(
        "div", { class: "pager" },
        el("button", { type: "button", disabled: state.page === 0, onclick: () => { state.page--; draw() } }, "‹ previous"),
        el("span", { "aria-live": "polite" }, shown.length === 0 ? "nothing matches" : `${num(from + 1)}–${num(from + slice.length)} of ${num(shown.length)}`),
        el("button", { type: "button", disabled: state.page >= pages - 1, onclick: () => { state.page++; draw() } }, "next ›")
      )
      holder.replaceChildren(rowTable(columns, slice, hrefOf, caption), shown.length > PAGE_SIZE ? pager : el("div", { class: "pager" }, pager.children[1]))
    }
    input.addEventListener("input", () => { state.q = input.value; state.page = 0; draw() })
    for (const control of extraControls) control.addEventListener("change", () => { state.page = 0; draw() })
    draw()
    return el("div", {}, el("div", { class: "toolbar" }, input, extraControls), holder)
  }
  const selectOf = (label, values, state, key) => {
    const select = el("select", { "aria-label": label }, el("option", { value: "" }, `${label}: all`), values.map((v) => el("option", { value: v, selected: state[key] === v }, v)))
    select.addEventListener("change", () => { state[key] = select.value })
    return select
  }
  const distinct = (values) => [...new Set(values.filter((v) => v !== null))].sort()

  // ---- charts (Observable Plot) ----------------------------------------------------------------------
  const chartWidth = () => Math.max(480, Math.min(1100, document.querySelector("main").clientWidth - 8))
  const figure = (svg, caption) => el("figure", { class: "chart" }, svg, el("figcaption", {}, caption))
  const actorLabel = (k) => {
    const a = actors[k]
    return `${a.name} (${a.kind})`
  }
  const actorHref = (k) => `#doc/${esc(docs[actors[k].documents[0]].doc_id)}/actor/${esc(actors[k].actor_id)}`
  const noData = (what) => el("p", { class: "note" }, `No ${what} in this run.`)
  const plotReady = () => typeof Plot !== "undefined"
  /** A UTC time axis over whole days: a day's margin either side, and day ticks when the span is short. */
  const dayAxis = (days) => {
    const times = days.map((d) => d.getTime())
    const [min, max] = [Math.min(...times) - 864e5, Math.max(...times) + 864e5]
    const span = (max - min) / 864e5
    return { type: "utc", domain: [new Date(min), new Date(max)], ...(span <= 14 ? { ticks: "day", tickFormat: "%b %-d" } : {}) }
  }

  const charts = {
    topActors() {
      const data = summary.charts.topActors.map((d) => ({ ...d, label: actorLabel(d.actor), href: actorHref(d.actor) }))
      if (data.length === 0) return noData("actors")
      const svg = Plot.plot({
        width: chartWidth(), height: 24 * data.length + 40, marginLeft: 260, marginRight: 60,
        ariaLabel: "Most mentioned actors",
        x: { label: "mentions →", grid: true },
        y: { label: null, domain: data.map((d) => d.label) },
        marks: [
          Plot.barX(data, { x: "mentions", y: "label", fill: "#4a6fa5", href: "href", title: (d) => `${d.label}: ${d.mentions} mentions in ${d.documents} documents` }),
          Plot.text(data, { x: "mentions", y: "label", text: (d) => `${d.mentions} in ${d.documents} doc.`, dx: 4, textAnchor: "start" }),
          Plot.ruleX([0])
        ]
      })
      return figure(svg, `The ${data.length} actors with the most mentions (bar: mentions; label: mentions and documents). Click a bar to read the mentions.`)
    },
    cooccurrence() {
      const { actors: top, cells } = summary.charts.cooccurrence
      if (top.length < 2) return noData("events with two or more known actors")
      const labels = top.map(actorLabel)
      const data = cells.flatMap(([i, j, n]) => {
        const cell = (a, b) => ({
          a: labels[a], b: labels[b], n, self: a === b,
          href: a === b ? `#events/with/${esc(actors[top[a]].actor_id)}` : `#events/with/${esc(actors[top[a]].actor_id)}/${esc(actors[top[b]].actor_id)}`,
          title: a === b ? `${labels[a]}: in ${n} events` : `${labels[a]} and ${labels[b]}: together in ${n} events`
        })
        return i === j ? [cell(i, i)] : [cell(i, j), cell(j, i)]
      })
      const maxPair = Math.max(1, ...data.filter((d) => !d.self).map((d) => d.n))
      const size = Math.min(56, Math.max(30, Math.floor((chartWidth() - 260) / labels.length)))
      const svg = Plot.plot({
        width: 260 + size * labels.length + 20, height: 170 + size * labels.length, marginLeft: 260, marginTop: 170, marginRight: 20,
        ariaLabel: "Actors appearing together in events",
        x: { domain: labels, axis: "top", tickRotate: -45, label: null },
        y: { domain: labels, label: null },
        color: { scheme: "blues", type: "sqrt", legend: false },
        marks: [
          Plot.cell(data.filter((d) => !d.self), { x: "a", y: "b", fill: "n", href: "href", title: "title", inset: 0.5 }),
          Plot.cell(data.filter((d) => d.self), { x: "a", y: "b", fill: "white", stroke: "#8c959f", strokeDasharray: "3,2", href: "href", title: "title", inset: 1.5 }),
          Plot.text(data, { x: "a", y: "b", text: (d) => (d.self ? `(${d.n})` : String(d.n)), fill: (d) => (!d.self && d.n > 0.6 * maxPair ? "white" : "black"), fontWeight: (d) => (d.self ? 400 : 700), pointerEvents: "none" })
        ]
      })
      return figure(svg, "Who appears with whom: the number in each cell is how many events both actors take part in; on the diagonal, in brackets, each actor's own number of events (dashed). Darker means more. Click a cell to list those events.")
    },
    speakers() {
      const data = summary.charts.speakers
      if (data.length === 0) return noData("attributed quotes")
      const label = (d) => (d.actor === null ? d.name : actorLabel(d.actor))
      const rows = data.flatMap((d) => ["direct", "mixed", "indirect"].map((kind) => ({ speaker: label(d), kind, n: d[kind], href: d.actor === null ? `#quotes` : `#quotes/by/${esc(actors[d.actor].actor_id)}` })))
      const svg = Plot.plot({
        width: chartWidth(), height: 24 * data.length + 60, marginLeft: 260, marginRight: 220,
        ariaLabel: "Quotes per speaker",
        x: { label: "quotes →", grid: true, ticks: Math.min(10, Math.max(...data.map((d) => d.direct + d.mixed + d.indirect))), tickFormat: "d" },
        y: { label: null, domain: data.map(label) },
        color: { domain: ["direct", "mixed", "indirect"], range: ["#1f4e79", "#6f9fd8", "#c5d9f1"], legend: true },
        marks: [
          Plot.barX(rows, { x: "n", y: "speaker", fill: "kind", href: "href", title: (d) => `${d.speaker}: ${d.n} ${d.kind}` }),
          Plot.text(data, {
            x: (d) => d.direct + d.mixed + d.indirect, y: label, dx: 4, textAnchor: "start",
            text: (d) => `${d.direct + d.mixed + d.indirect}: ${d.direct} direct · ${d.mixed} mixed · ${d.indirect} indirect`
          }),
          Plot.ruleX([0])
        ]
      })
      return figure(svg, "Quotes per speaker, split by kind (dark: direct, mid: mixed, light: indirect; the label spells out the split). Click a bar to list the speaker's quotes.")
    },
    timeline() {
      const { timeline, timelineTypes, undatedEvents } = summary.charts
      const left = `Not drawn: ${plural(undatedEvents.monthOrYear, "event")} dated only to a month or year, ${plural(undatedEvents.none, "undated event")}` +
        `${undatedEvents.outside > 0 ? `, and ${plural(undatedEvents.outside, "event")} dated far from the rest (such as historical references)` : ""}.`
      if (timeline.length === 0) return el("div", {}, noData("events dated to a day"), el("p", { class: "note" }, left))
      const dates = timeline.map((d) => d.date).sort()
      const spanDays = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 864e5
      const interval = spanDays <= 92 ? "day" : spanDays <= 2 * 366 ? "week" : spanDays <= 12 * 366 ? "month" : "year"
      const data = timeline.map((d) => ({ ...d, day: new Date(`${d.date}T00:00:00Z`) }))
      const svg = Plot.plot({
        width: chartWidth(), height: 64 * timelineTypes.length + 50, marginLeft: 36, marginRight: 130,
        ariaLabel: "Events over time by type",
        x: { label: null, ...dayAxis(data.map((d) => d.day)) },
        y: { label: null, ticks: 2, tickFormat: (d) => (Number.isInteger(d) ? d : ""), grid: true, insetTop: 4 },
        fy: { domain: timelineTypes, label: null, padding: 0.2 },
        facet: { data, y: "type", marginRight: 130 },
        marks: [
          Plot.frame({ stroke: "#d0d7de" }),
          Plot.rectY(data, Plot.binX({ y: "sum", title: (bin) => `${bin.reduce((n, d) => n + d.events, 0)} ${bin[0].type} event(s)` }, { x: "day", y: "events", interval, fill: "#4a6fa5" }))
        ]
      })
      return figure(svg, `Events dated to a day, per ${interval}, one row per type (the ${timelineTypes.length > 8 ? "8 most common; the rest under “other”" : "types found"}). ${left}`)
    },
    stories() {
      const data = summary.charts.stories
      if (data.length === 0) return noData("stories with two or more dated reports")
      const counts = new Map()
      for (const s of data) for (const r of s.reports) counts.set(r.outlet, (counts.get(r.outlet) ?? 0) + 1)
      const outlets = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([o]) => o)
      const named = new Set(outlets.slice(0, 6))
      const storyLabel = (s) => {
        const t = storyTitle(stories[s.story])
        return `${t.length > 48 ? `${t.slice(0, 47)}…` : t} [${s.reports.length}]`
      }
      const labels = data.map(storyLabel)
      const rows = data.flatMap((s, k) =>
        s.reports.map((r) => ({
          story: labels[k], outlet: named.has(r.outlet) ? r.outlet : "other outlets", day: new Date(`${r.day}T00:00:00Z`),
          href: `#doc/${esc(docs[r.document].doc_id)}`, title: `${docLabel(docs[r.document])}\n${r.outlet}, ${r.day}`
        }))
      )
      const svg = Plot.plot({
        width: chartWidth(), height: 28 * data.length + 80, marginLeft: 330, marginRight: 30, marginBottom: 40,
        ariaLabel: "Stories: reports per outlet and day",
        x: { label: "publication day", labelAnchor: "center", labelArrow: "none", ...dayAxis(rows.map((r) => r.day)) },
        y: { label: null, domain: labels },
        symbol: { legend: true },
        marks: [
          Plot.ruleY(labels, { stroke: "#eaeef2" }),
          Plot.dot(rows, { x: "day", y: "story", symbol: "outlet", stroke: "outlet", strokeWidth: 1.6, r: 5, href: "href", title: "title" })
        ]
      })
      return figure(svg, `The stories with the most reports (how many in brackets): one mark per report, on the day it was published, its shape naming the outlet (stories with two or more dated reports). Click a mark to read the report.`)
    }
  }
  const chartCache = new Map()
  const chart = (name) => {
    if (!plotReady()) return el("p", { class: "note" }, "The charting library did not load.")
    let node = chartCache.get(name)
    if (node === undefined) {
      node = charts[name]()
      chartCache.set(name, node)
    }
    return node
  }

  // ---- views -----------------------------------------------------------------------------------------
  const main = document.getElementById("main")
  const counts = summary.counts
  const tables = ["documents", "actors", "actor_mentions", "quotes", "events", "event_mentions", "times"]

  const views = {
    overview() {
      const input = summary.options.input ?? "?"
      const card = (label, n, key) => el("div", { class: "card" }, el("span", { class: "n", "data-count": key }, num(n ?? 0)), el("span", { class: "label" }, label))
      const notProcessed = summary.notProcessed
      const textsMissing = docs.length - summary.textsIncluded
      return [
        el("h2", {}, "Overview"),
        el("p", {}, `Input `, el("code", {}, input), `, formats ${(summary.options.formats ?? []).join(", ")}.`,
          textsMissing > 0 ? ` The texts of ${plural(textsMissing, "document")} are not in this page (duplicates, or inputs that could not be read again); their rows are.` : ""),
        el("div", { class: "cards", role: "list", "aria-label": "Inputs" },
          [["inputs", counts.inputs, "inputs"], ["processed", counts.processed, "processed"], ["duplicates", counts.duplicates, "duplicates"], ["skipped", counts.skipped, "skipped"]]
            .map(([label, n, key]) => el("div", { role: "listitem" }, card(label, n, key)))),
        el("div", { class: "grid2" },
          el("section", {},
            el("h3", {}, "Rows per table"),
            el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "table"), el("th", { class: "num" }, "rows"))),
              el("tbody", {}, tables.map((t) => el("tr", {}, el("td", {}, el("code", {}, t)), el("td", { class: "num", "data-table": t }, num(counts[t] ?? 0))))))),
          el("section", {},
            el("h3", {}, "Versions"),
            el("table", {}, el("tbody", {},
              el("tr", {}, el("td", {}, summary.tool.name), el("td", {}, el("code", {}, summary.tool.version))),
              Object.entries(summary.versions).map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, el("code", {}, v)))),
              Object.entries(summary.page).map(([k, v]) => el("tr", {}, el("td", {}, `${k} (this page)`), el("td", {}, el("code", {}, v)))))))),
        el("h3", {}, `Diagnostics by kind (${num(summary.diagnostics.reduce((n, d) => n + d.count, 0))} in all)`),
        summary.diagnostics.length === 0
          ? el("p", { class: "note" }, "No diagnostics.")
          : el("table", {},
            el("thead", {}, el("tr", {}, ["severity", "stage", "rule", "count", "inputs", "example"].map((h) => el("th", { class: h === "count" || h === "inputs" ? "num" : null }, h)))),
            el("tbody", {}, summary.diagnostics.map((d) =>
              el("tr", {}, el("td", {}, el("span", { class: `sev-${d.severity}` }, d.severity)), el("td", {}, d.stage), el("td", {}, el("code", {}, d.rule)),
                el("td", { class: "num" }, num(d.count)), el("td", { class: "num" }, num(d.documents)), el("td", {}, d.examples[0] ?? ""))))),
        el("h3", {}, `Inputs not processed (${num(notProcessed.length)})`),
        notProcessed.length === 0
          ? el("p", { class: "note" }, "Every input was processed.")
          : pagedList("notProcessed", notProcessed, {
            placeholder: "Filter by input or reason",
            filter: (r, q) => fold(`${r.input_id} ${r.reason}`).includes(q),
            hrefOf: (r) => {
              const d = docs.find((x) => x.input_id === r.input_id)
              return d === undefined ? "#overview" : `#doc/${esc(d.doc_id)}`
            },
            columns: [
              { label: "input", cell: (r) => el("code", {}, `${r.file}${r.line === null ? "" : `:${r.line}`}`) },
              { label: "outcome", cell: (r) => el("span", { class: "tag" }, r.status) },
              { label: "stage", cell: (r) => r.stage ?? "" },
              { label: "reason", cell: (r) => r.reason ?? "" }
            ]
          })
      ]
    },

    actors() {
      const state = listStates.get("actors") ?? { q: "", page: 0, kind: "" }
      listStates.set("actors", state)
      const kind = selectOf("kind", distinct(actors.map((a) => a.kind)), state, "kind")
      return [
        el("h2", {}, `Actors (${num(actors.length)})`),
        chart("topActors"),
        chart("cooccurrence"),
        el("h3", {}, "All actors"),
        pagedList("actors", [...actors].sort((a, b) => b.n_mentions - a.n_mentions || (a.name < b.name ? -1 : 1)), {
          placeholder: "Search actors by name or alias",
          extraControls: [kind],
          filter: (a, q) => (state.kind === "" || a.kind === state.kind) && (q === "" || fold(a.name).includes(q) || a.aliases.some((s) => fold(s).includes(q))),
          hrefOf: (a) => actorHref(a.index),
          columns: [
            { label: "name", cell: (a) => [a.name, a.aliases.length > 1 ? el("span", { class: "sub" }, `also: ${a.aliases.filter((s) => s !== a.name).slice(0, 4).join("; ")}`) : null] },
            { label: "kind", cell: (a) => el("span", { class: "tag" }, a.kind) },
            { label: "title", cell: (a) => a.title ?? "" },
            { label: "affiliation", cell: (a) => a.affiliation ?? "" },
            { label: "mentions", num: true, cell: (a) => num(a.n_mentions) },
            { label: "documents", num: true, cell: (a) => num(a.n_documents) }
          ]
        })
      ]
    },

    quotes(speakerId) {
      const state = listStates.get("quotes") ?? { q: "", page: 0, kind: "" }
      listStates.set("quotes", state)
      const kind = selectOf("kind", ["direct", "mixed", "indirect"], state, "kind")
      const speaker = speakerId === undefined ? undefined : actorById.get(speakerId)
      const rows = speaker === undefined ? quotes : quotes.filter((q) => q.speaker_actor === speaker.index)
      return [
        el("h2", {}, `Quotes (${num(quotes.length)})`),
        speaker === undefined ? chart("speakers") : el("p", {}, `Quotes by ${speaker.name}: ${num(rows.length)}. `, link(actorHref(speaker.index), `Read ${speaker.name}'s mentions`), " · ", link("#quotes", "Show all quotes")),
        el("h3", {}, speaker === undefined ? "All quotes" : `Quotes by ${speaker.name}`),
        pagedList(speaker === undefined ? "quotes" : `quotes:${speaker.actor_id}`, rows, {
          placeholder: "Search quotes by speaker or words",
          extraControls: [kind],
          filter: (r, q) => (state.kind === "" || r.kind === state.kind) && (q === "" || fold(r.speaker).includes(q) || fold(r.text).includes(q)),
          hrefOf: (r) => `#doc/${esc(docs[r.document].doc_id)}/quote/${esc(r.quote_id)}`,
          columns: [
            { label: "speaker", cell: (r) => r.speaker ?? el("span", { class: "muted" }, "(no speaker)") },
            { label: "kind", cell: (r) => el("span", { class: "tag" }, r.kind) },
            { label: "quote", cell: (r) => `“${r.text}”` },
            { label: "cue", cell: (r) => r.cue ?? "" },
            { label: "document", cell: (r) => el("span", { class: "sub" }, docLabel(docs[r.document])) }
          ]
        })
      ]
    },

    events(filterActors = []) {
      const state = listStates.get("events") ?? { q: "", page: 0, type: "" }
      listStates.set("events", state)
      const type = selectOf("type", distinct(events.map((e) => e.event_type)), state, "type")
      const wanted = filterActors.map((id) => actorById.get(id)).filter((a) => a !== undefined)
      const rows = wanted.length === 0 ? events : events.filter((e) => wanted.every((a) => e.actors.includes(a.index)))
      return [
        el("h2", {}, `Events (${num(events.length)})`),
        wanted.length === 0 ? chart("timeline") : el("p", {}, `Events with ${wanted.map((a) => a.name).join(" and ")}: ${num(rows.length)}. `, link("#events", "Show all events")),
        el("h3", {}, wanted.length === 0 ? "All events" : "These events"),
        pagedList(wanted.length === 0 ? "events" : `events:${filterActors.join(",")}`, rows, {
          placeholder: "Search events by actor, type, place or words",
          extraControls: [type],
          filter: (e, q) =>
            (state.type === "" || e.event_type === state.type) &&
            (q === "" || fold(`${e.event_type} ${e.location ?? ""} ${e.summary}`).includes(q) || e.actors.some((k) => fold(actors[k].name).includes(q))),
          hrefOf: (e) => `#doc/${esc(docs[e.documents[0]].doc_id)}/event/${esc(e.event_id)}`,
          columns: [
            { label: "date", nowrap: true, cell: (e) => e.date ?? "" },
            { label: "type", cell: (e) => [el("span", { class: "tag" }, e.event_type), e.modality === "asserted" ? null : el("span", { class: "sub" }, e.modality)] },
            { label: "summary", cell: (e) => e.summary },
            { label: "actors", cell: (e) => e.actors.map((k) => actors[k].name).join("; ") },
            { label: "place", cell: (e) => e.location ?? "" },
            { label: "reports", num: true, cell: (e) => num(e.documents.length) }
          ]
        })
      ]
    },

    stories() {
      const rows = [...stories].sort((a, b) => b.documents.length - a.documents.length || (a.story_id < b.story_id ? -1 : 1))
      return [
        el("h2", {}, `Stories (${num(stories.length)})`),
        chart("stories"),
        el("h3", {}, "All stories"),
        pagedList("stories", rows, {
          placeholder: "Search stories by headline or outlet",
          filter: (s, q) => q === "" || s.documents.some((k) => fold(`${docLabel(docs[k])} ${docs[k].publisher ?? ""}`).includes(q)),
          hrefOf: (s) => `#story/${esc(s.story_id)}`,
          columns: [
            { label: "story", cell: (s) => storyTitle(s) },
            { label: "reports", num: true, cell: (s) => num(s.documents.length) },
            { label: "outlets", cell: (s) => distinct(s.documents.map((k) => docs[k].publisher)).join("; ") },
            { label: "days", cell: (s) => { const d = distinct(s.documents.map((k) => docs[k].published)); return d.length === 0 ? "" : d.length === 1 ? d[0] : `${d[0]} – ${d[d.length - 1]}` } }
          ]
        })
      ]
    },

    story(id) {
      const story = storyById.get(id)
      if (story === undefined) return notFound(`story ${id}`)
      return [
        el("h2", {}, `Story: ${storyTitle(story)}`),
        el("p", { class: "note" }, `${plural(story.documents.length, "report")}, `, el("code", {}, story.story_id)),
        documentTable(story.documents.map((k) => docs[k]))
      ]
    },

    documents() {
      return [
        el("h2", {}, `Documents (${num(docs.length)})`),
        pagedList("documents", docs, {
          placeholder: "Search documents by headline, input or outlet",
          filter: (d, q) => q === "" || fold(`${d.title ?? ""} ${d.input_id} ${d.publisher ?? ""}`).includes(q),
          hrefOf: (d) => `#doc/${esc(d.doc_id)}`,
          columns: documentColumns
        })
      ]
    },

    search(q) {
      const f = fold(q.trim())
      const hits = (rows, test) => rows.filter(test)
      const foundActors = hits(actors, (a) => fold(a.name).includes(f) || a.aliases.some((s) => fold(s).includes(f))).sort((a, b) => b.n_mentions - a.n_mentions)
      const foundQuotes = hits(quotes, (r) => fold(r.speaker).includes(f))
      const foundDocs = hits(docs, (d) => fold(`${d.title ?? ""} ${d.input_id} ${d.publisher ?? ""}`).includes(f))
      const foundEvents = hits(events, (e) => e.actors.some((k) => fold(actors[k].name).includes(f)) || fold(e.location).includes(f))
      const more = (n, shown, name) => (n > shown ? el("p", { class: "note" }, `${num(n - shown)} more: narrow the search, or use the `, link(`#${name}`, `${name} list`), ".") : null)
      const cap = 20
      return [
        el("h2", {}, `Search: “${q}”`),
        f === "" ? el("p", {}, "Type a name in the search box.") : [
          el("h3", {}, `Actors (${num(foundActors.length)})`),
          foundActors.length === 0 ? el("p", { class: "note" }, "No actor by that name.") : rowTable([
            { label: "name", cell: (a) => a.name }, { label: "kind", cell: (a) => el("span", { class: "tag" }, a.kind) },
            { label: "title", cell: (a) => a.title ?? "" }, { label: "affiliation", cell: (a) => a.affiliation ?? "" },
            { label: "mentions", num: true, cell: (a) => num(a.n_mentions) }, { label: "documents", num: true, cell: (a) => num(a.n_documents) }
          ], foundActors.slice(0, cap), (a) => actorHref(a.index), "Actors found"),
          more(foundActors.length, cap, "actors"),
          el("h3", {}, `Quotes by that speaker (${num(foundQuotes.length)})`),
          foundQuotes.length === 0 ? el("p", { class: "note" }, "No quotes by a speaker of that name.") : rowTable([
            { label: "speaker", cell: (r) => r.speaker }, { label: "quote", cell: (r) => `“${r.text}”` }
          ], foundQuotes.slice(0, cap), (r) => `#doc/${esc(docs[r.document].doc_id)}/quote/${esc(r.quote_id)}`, "Quotes found"),
          more(foundQuotes.length, cap, "quotes"),
          el("h3", {}, `Events with that actor or place (${num(foundEvents.length)})`),
          foundEvents.length === 0 ? el("p", { class: "note" }, "None.") : rowTable([
            { label: "date", cell: (e) => e.date ?? "" }, { label: "type", cell: (e) => el("span", { class: "tag" }, e.event_type) }, { label: "summary", cell: (e) => e.summary }
          ], foundEvents.slice(0, cap), (e) => `#doc/${esc(docs[e.documents[0]].doc_id)}/event/${esc(e.event_id)}`, "Events found"),
          more(foundEvents.length, cap, "events"),
          el("h3", {}, `Documents (${num(foundDocs.length)})`),
          foundDocs.length === 0 ? el("p", { class: "note" }, "No document headline, input or outlet matches.") : documentTable(foundDocs.slice(0, cap)),
          more(foundDocs.length, cap, "documents")
        ]
      ]
    }
  }

  const documentColumns = [
    { label: "headline", cell: (d) => [docLabel(d), d.title === null ? null : el("span", { class: "sub" }, d.input_id)] },
    { label: "published", nowrap: true, cell: (d) => d.published ?? "" },
    { label: "outlet", cell: (d) => d.publisher ?? "" },
    { label: "actors", num: true, cell: (d) => num(d.n_actors) },
    { label: "quotes", num: true, cell: (d) => num(d.n_quotes) },
    { label: "events", num: true, cell: (d) => num(d.n_events) }
  ]
  const documentTable = (rows) => rowTable(documentColumns, rows, (d) => `#doc/${esc(d.doc_id)}`, "Documents")
  const notFound = (what) => [el("h2", {}, "Not found"), el("p", {}, `This page has no ${what}. `, link("#overview", "Back to the overview"))]

  // ---- the document view: text with spans, and everything found in it -------------------------------
  const KINDS = {
    mention: "actor", speaker: "speaker", cue: "cue", content: "quote", clause: "evidence clause", trigger: "trigger", time: "date", note: "note"
  }
  /** Says how the text is marked: the light marks, and the labelled kinds of the item opened. */
  const legend = (focusKinds) =>
    el("div", { class: "legend", "aria-label": "How spans are marked" },
      el("span", { class: "key" }, el("span", { class: "sample m-mention" }, "underlined"), "actor"),
      el("span", { class: "key" }, el("span", { class: "sample m-quote" }, "italic"), "quote"),
      el("span", { class: "key" }, el("span", { class: "sample m-trigger" }, "dotted"), "event trigger"),
      focusKinds.length === 0 ? el("span", {}, "· click one to open it") : [
        el("span", {}, "· opened:"),
        focusKinds.map((k) => el("span", { class: "key" }, el("span", { class: `sample f-${k}` }, el("span", { class: "chip" }, KINDS[k]))))
      ])

  /** Draws `text` with `spans` ({start, end, kind, focus, label, ref, title}); returns the element and the first focused mark. */
  const renderText = (text, spans) => {
    const map = codePointsOf(text)
    const cps = map === null ? text.length : map.length - 1
    const cuts = new Set([0, cps])
    for (const s of spans) {
      cuts.add(Math.max(0, Math.min(cps, s.start)))
      cuts.add(Math.max(0, Math.min(cps, s.end)))
    }
    const points = [...cuts].sort((a, b) => a - b)
    const starts = new Map()
    for (const s of spans.filter((x) => x.focus)) starts.set(s.start, [...(starts.get(s.start) ?? []), s])
    const box = el("div", { class: "doctext", lang: "en" })
    let first = null
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]]
      for (const s of (starts.get(a) ?? []).sort((x, y) => y.end - x.end)) box.append(el("span", { class: "chip", title: s.title }, KINDS[s.kind]))
      const piece = sliceCp(text, map, a, b)
      const active = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start)
      if (active.length === 0) {
        box.append(piece)
        continue
      }
      const classes = new Set(active.map((s) => (s.focus ? `f-${s.kind}` : `m-${s.kind === "content" ? "quote" : s.kind}`)))
      const ref = active.find((s) => s.focus)?.ref ?? active.find((s) => s.kind === "mention")?.ref ?? active.find((s) => s.kind === "trigger")?.ref ?? active[0].ref
      const mark = el("span", { class: [...classes].join(" "), "data-ref": ref, title: active.map((s) => s.title).filter(Boolean).join("\n") }, piece)
      if (first === null && active.some((s) => s.focus)) first = mark
      box.append(mark)
    }
    box.addEventListener("click", (e) => {
      const target = e.target instanceof Element ? e.target.closest("[data-ref]") : null
      if (target !== null && target.dataset.ref) location.hash = target.dataset.ref
    })
    return { box, first }
  }

  const spanRow = (kind, text, start, end, rule, ...rest) =>
    el("li", {}, el("span", { class: "chip" }, KINDS[kind]), " ", text === null ? "" : `“${text}”`, ...rest,
      start === null ? "" : el("span", { class: "muted" }, ` · characters ${start}–${end}`),
      rule === null ? "" : [el("span", { class: "muted" }, " · rule "), el("code", {}, rule)])

  const documentView = (docId, focusKind, focusId) => {
    const doc = docById.get(docId)
    if (doc === undefined) return notFound(`document ${docId}`)
    const chunk = chunkOf(doc.index)
    const text = chunk.text
    const map = text === null ? null : codePointsOf(text)
    const slice = (s, e) => (text === null || s === null ? null : sliceCp(text, map, s, e))
    const base = `#doc/${esc(doc.doc_id)}`
    const spans = []
    const evidence = []
    const actorAt = (start, end) => chunk.mentions.find((m) => m.start === start && m.end === end)

    // Light marks for everything found.
    for (const m of chunk.mentions) spans.push({ start: m.start, end: m.end, kind: "mention", ref: `${base}/actor/${esc(actors[m.actor].actor_id)}`, title: `${actors[m.actor].name} (${m.role}; rule ${m.rule})` })
    for (const q of chunk.quotes) spans.push({ start: q.start, end: q.end, kind: "content", ref: `${base}/quote/${esc(quotes[q.quote].quote_id)}`, title: `quote by ${quotes[q.quote].speaker ?? "no speaker"}` })
    for (const m of chunk.events) spans.push({ start: m.trigger_start, end: m.trigger_end, kind: "trigger", ref: `${base}/event/${esc(events[m.event].event_id)}`, title: `${m.event_type} event (rule ${rulePart(m.rule, "trigger")})` })

    // Strong marks, with labels and rules, for the item opened.
    const focus = (start, end, kind, title) => spans.push({ start, end, kind, focus: true, title })
    let heading = null
    let across = null
    if (focusKind === "actor") {
      const actor = actorById.get(focusId)
      if (actor !== undefined) {
        const mine = chunk.mentions.filter((m) => m.actor === actor.index)
        for (const m of mine) focus(m.start, m.end, "mention", `${m.role}; rule ${m.rule}`)
        heading = [`Actor: ${actor.name} `, el("span", { class: "tag" }, actor.kind)]
        evidence.push(
          el("p", {}, [actor.title, actor.affiliation].filter(Boolean).join(", ") || "", actor.title || actor.affiliation ? ". " : "",
            `${plural(actor.n_mentions, "mention")} in ${plural(actor.n_documents, "document")}; found by `, actor.rules.map((r, k) => [k > 0 ? ", " : "", el("code", {}, r)]),
            actor.merged_by.length > 0 ? ["; merged across documents by ", actor.merged_by.map((r, k) => [k > 0 ? ", " : "", el("code", {}, r)])] : "", "."),
          el("p", {}, `In this document (${plural(mine.length, "mention")}):`),
          el("ul", {}, mine.map((m) => spanRow("mention", slice(m.start, m.end), m.start, m.end, m.rule, ` as ${m.role}`, m.title ? ` (title “${m.title}”)` : ""))))
        across = { label: "Mentioned in", list: actor.documents, hrefOf: (k) => `#doc/${esc(docs[k].doc_id)}/actor/${esc(actor.actor_id)}` }
      }
    } else if (focusKind === "quote") {
      const quote = quoteById.get(focusId)
      const q = quote === undefined ? undefined : chunk.quotes.find((x) => x.quote === quote.index)
      if (q !== undefined) {
        const speakerMention = q.speaker_start === null ? undefined : actorAt(q.speaker_start, q.speaker_end)
        focus(q.start, q.end, "content", `quote (${quote.kind}); rule ${q.rule}`)
        if (q.speaker_start !== null) focus(q.speaker_start, q.speaker_end, "speaker", `speaker; rule ${rulePart(q.rule, "speaker")}`)
        if (q.cue_start !== null) focus(q.cue_start, q.cue_end, "cue", `cue (${q.cue_lemma}); rule ${rulePart(q.rule, "quote")}`)
        heading = [`Quote `, el("span", { class: "tag" }, quote.kind), ` by ${quote.speaker ?? "no speaker found"}`]
        const others = (quotesByStatement.get(quote.statement_id) ?? []).filter((o) => o.document !== doc.index)
        evidence.push(el("ul", {},
          spanRow("content", q.text ?? slice(q.start, q.end), q.start, q.end, rulePart(q.rule, "quote")),
          q.speaker_start === null ? el("li", {}, el("span", { class: "chip" }, "speaker"), " none found in the text") :
            spanRow("speaker", q.speaker_text, q.speaker_start, q.speaker_end, rulePart(q.rule, "speaker"),
              quote.speaker_actor === null ? "" : [" → ", link(actorHref(quote.speaker_actor), actors[quote.speaker_actor].name)],
              speakerMention === undefined ? "" : el("span", { class: "muted" }, ` · mention found by ${speakerMention.rule}`)),
          q.cue_start === null ? null : spanRow("cue", slice(q.cue_start, q.cue_end), q.cue_start, q.cue_end, null, ` (lemma ${q.cue_lemma})`),
          q.addressee === null ? null : el("li", {}, `Addressed to: ${q.addressee}`)),
          el("p", { class: "muted" }, "Statement ", el("code", {}, quote.statement_id), others.length === 0 ? ": reported in this document only." : `: also reported in ${plural(new Set(others.map((o) => o.document)).size, "other document")}.`))
        across = others.length === 0 ? null : { label: "The same statement in", list: [...new Set(others.map((o) => o.document))], hrefOf: (k) => `#doc/${esc(docs[k].doc_id)}/quote/${esc(others.find((o) => o.document === k).quote_id)}` }
      }
    } else if (focusKind === "event") {
      const event = eventById.get(focusId)
      const mine = event === undefined ? [] : chunk.events.filter((m) => m.event === event.index)
      if (mine.length > 0) {
        heading = [`Event `, el("span", { class: "tag" }, event.event_type), ` ${event.date ?? "(undated)"}${event.location ? `, ${event.location}` : ""}`]
        const items = []
        for (const m of mine) {
          focus(m.start, m.end, "clause", `evidence clause; rule ${m.rule}`)
          focus(m.trigger_start, m.trigger_end, "trigger", `trigger; rule ${rulePart(m.rule, "trigger")}`)
          items.push(spanRow("clause", slice(m.start, m.end), m.start, m.end, m.rule, ` · ${m.modality}`))
          items.push(spanRow("trigger", slice(m.trigger_start, m.trigger_end), m.trigger_start, m.trigger_end, rulePart(m.rule, "trigger"), ` → ${m.event_type}${m.cameo ? ` (CAMEO ${m.cameo})` : ""}`))
          for (const a of m.actors) {
            const ms = chunk.mentions.filter((x) => x.actor === a && x.start >= m.start && x.end <= m.end)
            for (const x of ms) focus(x.start, x.end, "mention", `participant ${actors[a].name}; rule ${x.rule}`)
            items.push(ms.length > 0
              ? spanRow("mention", slice(ms[0].start, ms[0].end), ms[0].start, ms[0].end, rulePart(m.rule, "participants"), " → ", link(actorHref(a), actors[a].name))
              : el("li", {}, el("span", { class: "chip" }, "actor"), " ", link(actorHref(a), actors[a].name), el("span", { class: "muted" }, ` · named outside the clause · rule ${rulePart(m.rule, "participants")}`)))
          }
          const when = m.date_text === null ? undefined : chunk.times.find((t) => t.start >= m.start && t.end <= m.end && slice(t.start, t.end) === m.date_text) ?? chunk.times.find((t) => slice(t.start, t.end) === m.date_text)
          if (when !== undefined) {
            focus(when.start, when.end, "time", `date ${when.value}; rule ${when.rule}`)
            items.push(spanRow("time", slice(when.start, when.end), when.start, when.end, when.rule, ` → ${when.value ?? "unresolved"}`))
          } else if (m.date !== null) items.push(el("li", {}, el("span", { class: "chip" }, "date"), ` ${m.date} (from the story or dateline)`))
          if (m.location !== null) items.push(el("li", {}, el("span", { class: "muted" }, "place: "), m.location, el("span", { class: "muted" }, " · rule "), el("code", {}, rulePart(m.rule, "location"))))
        }
        evidence.push(el("ul", {}, items),
          el("p", { class: "muted" }, `${plural(event.n_mentions, "mention")} in ${plural(event.documents.length, "document")}`, event.merged_by.length > 0 ? `; merged by ${event.merged_by.join(", ")}` : "", "."))
        across = { label: "Reported in", list: event.documents, hrefOf: (k) => `#doc/${esc(docs[k].doc_id)}/event/${esc(event.event_id)}` }
      }
    } else if (focusKind === "time") {
      const t = chunk.times[Number(focusId)]
      if (t !== undefined) {
        focus(t.start, t.end, "time", `rule ${t.rule}`)
        heading = `Time expression: ${slice(t.start, t.end) ?? ""}`
        evidence.push(el("ul", {}, spanRow("time", slice(t.start, t.end), t.start, t.end, t.rule, ` → ${t.type} ${t.value ?? "unresolved"}${t.anchor ? ` (resolved against ${t.anchor})` : ""}`)))
      }
    } else if (focusKind === "note") {
      const d = chunk.diagnostics[Number(focusId)]
      if (d !== undefined) {
        if (d.start !== null) focus(d.start, d.end, "note", `${d.rule}`)
        heading = `Diagnostic: ${d.rule}`
        evidence.push(el("p", {}, el("span", { class: `sev-${d.severity}` }, d.severity), ` (${d.stage}) ${d.message}`, d.start === null ? "" : el("span", { class: "muted" }, ` · characters ${d.start}–${d.end}`)))
      }
    }
    if (focusKind !== undefined && heading === null) evidence.push(el("p", {}, `Nothing of that kind (${focusKind} ${focusId}) in this document.`))

    const m = chunk.meta
    const meta = [doc.publisher, m.section, doc.published, m.dateline, m.author && `by ${m.author}`, m.editor && `edited by ${m.editor}`, doc.input_id].filter(Boolean).join(" · ")
    const acrossLinks = (list) => list.map((k, n) => [n > 0 ? " · " : "", k === doc.index ? el("strong", {}, docLabel(docs[k])) : link(across.hrefOf(k), docLabel(docs[k]))])
    const acrossList = across === null ? null : el("div", {},
      el("p", {}, `${across.label} ${plural(across.list.length, "document")}: `, acrossLinks(across.list.slice(0, 12))),
      across.list.length > 12 ? el("details", {}, el("summary", {}, `${num(across.list.length - 12)} more`), el("p", {}, acrossLinks(across.list.slice(12)))) : null)
    const drawn = text === null ? null : renderText(text, spans)
    const textPanel = text === null
      ? el("p", { class: "evidence" }, `The text of this document is not in the page: ${doc.text_note ?? "unknown reason"}.`, doc.duplicate_of !== null ? [" ", link(`#doc/${esc(docs[doc.duplicate_of].doc_id)}`, "Open that document")] : "")
      : drawn.box

    const sideList = (title, items) => el("section", {}, el("h3", {}, `${title} (${num(items.length)})`), items.length === 0 ? el("p", { class: "muted" }, "none") : el("ul", {}, items))
    const item = (href, current, ...label) => el("li", {}, el("a", { href, "aria-current": current ? "true" : null }, ...label))
    const docActors = [...new Set(chunk.mentions.map((m) => m.actor))].map((k) => ({ k, n: chunk.mentions.filter((m) => m.actor === k).length })).sort((a, b) => b.n - a.n || (actors[a.k].name < actors[b.k].name ? -1 : 1))
    const docEvents = [...new Set(chunk.events.map((m) => m.event))]
    const evidenceBox = focusKind === undefined ? null : el("section", { class: "evidence", "aria-label": "Evidence", id: "evidence" },
      el("h3", {}, heading ?? "Not found", " ", el("a", { href: base, class: "muted", "aria-label": "Close the evidence" }, "✕ close")), evidence, acrossList)
    const side = el("aside", { class: "side", "aria-label": "Found in this document" },
      evidenceBox,
      el("h2", {}, "Found in this document"),
      sideList("Actors", docActors.map(({ k, n }) => item(`${base}/actor/${esc(actors[k].actor_id)}`, focusKind === "actor" && focusId === actors[k].actor_id, `${actors[k].name} `, el("span", { class: "muted" }, `${actors[k].kind}, ×${n}`)))),
      sideList("Quotes", chunk.quotes.map((q) => item(`${base}/quote/${esc(quotes[q.quote].quote_id)}`, focusKind === "quote" && focusId === quotes[q.quote].quote_id, `${quotes[q.quote].speaker ?? "(no speaker)"}: `, el("span", { class: "muted" }, `“${quotes[q.quote].text.slice(0, 80)}${quotes[q.quote].text.length > 80 ? "…" : ""}”`)))),
      sideList("Events", docEvents.map((k) => item(`${base}/event/${esc(events[k].event_id)}`, focusKind === "event" && focusId === events[k].event_id, `${events[k].event_type} `, el("span", { class: "muted" }, events[k].summary.slice(0, 70))))),
      sideList("Times", chunk.times.map((t, k) => item(`${base}/time/${k}`, focusKind === "time" && focusId === String(k), `${slice(t.start, t.end) ?? t.value} `, el("span", { class: "muted" }, `→ ${t.value ?? "unresolved"}`)))),
      sideList("Diagnostics", chunk.diagnostics.map((d, k) => item(`${base}/note/${k}`, focusKind === "note" && focusId === String(k), el("span", { class: `sev-${d.severity}` }, d.rule), " ", el("span", { class: "muted" }, d.message.slice(0, 90))))))

    const head = el("div", { class: "doc-head" },
      el("h2", {}, docLabel(doc)),
      m.standfirst === null ? null : el("p", { class: "standfirst" }, m.standfirst),
      el("div", { class: "meta" }, meta, " · ", el("code", {}, doc.doc_id),
        doc.story === null || stories[doc.story].documents.length < 2 ? "" : [" · ", link(`#story/${esc(stories[doc.story].story_id)}`, `story of ${plural(stories[doc.story].documents.length, "report")}`)],
        doc.near_copy_of === null ? "" : [" · nearly copies ", link(`#doc/${esc(docs[doc.near_copy_of].doc_id)}`, docLabel(docs[doc.near_copy_of]))]))
    const view = [head, el("div", { class: "doc-layout" }, el("div", {}, text === null ? null : legend(Object.keys(KINDS).filter((k) => spans.some((s) => s.focus && s.kind === k))), textPanel), side)]
    return { view, scrollTo: drawn?.first ?? null }
  }

  // ---- routing ---------------------------------------------------------------------------------------
  const TABS = [["overview", "Overview"], ["actors", "Actors"], ["quotes", "Quotes"], ["events", "Events"], ["stories", "Stories"], ["documents", "Documents"]]
  const nav = document.getElementById("tabs")
  nav.replaceChildren(...TABS.map(([id, label]) => el("a", { href: `#${id}`, "data-tab": id }, label)))
  const searchForm = document.getElementById("search")
  searchForm.addEventListener("submit", (e) => {
    e.preventDefault()
    location.hash = `#search/${esc(searchForm.elements.q.value)}`
  })

  const route = () => {
    const parts = location.hash.replace(/^#/, "").split("/").map(decodeURIComponent)
    const [name, ...args] = parts[0] === "" ? ["overview"] : parts
    let tab = name
    let content
    let scrollTo = null
    if (name === "doc") {
      const shown = documentView(args[0], args[1], args[2])
      content = shown.view ?? shown
      scrollTo = shown.scrollTo ?? null
      tab = "documents"
    } else if (name === "story") {
      content = views.story(args[0])
      tab = "stories"
    } else if (name === "events" && args[0] === "with") {
      content = views.events(args.slice(1))
    } else if (name === "quotes" && args[0] === "by") {
      content = views.quotes(args[1])
    } else if (name === "search") {
      content = views.search(args.join("/"))
      searchForm.elements.q.value = args.join("/")
      tab = null
    } else if (views[name] !== undefined) {
      content = views[name]()
    } else {
      content = notFound(`view ${name}`)
    }
    for (const a of nav.children) a.setAttribute("aria-current", a.dataset.tab === tab ? "page" : "false")
    main.replaceChildren(...[content].flat(Infinity).filter(Boolean))
    document.title = `${name === "doc" ? docLabel(docById.get(args[0]) ?? { input_id: args[0] }) : (TABS.find((t) => t[0] === tab)?.[1] ?? "Search")} · newsfacts report`
    window.scrollTo(0, 0)
    if (scrollTo !== null) {
      // The text scrolls in its own panel, so the evidence above it stays in view.
      const panel = scrollTo.closest(".doctext")
      panel.scrollTop += scrollTo.getBoundingClientRect().top - panel.getBoundingClientRect().top - 48
    }
    main.dataset.view = name
  }
  window.addEventListener("hashchange", route)
  route()
  performance.mark("nf-ready")
})()
