// Timeline: events on a time axis by PLOVER type, coloured by quad class, sized by corroboration.
// With merged data (the merge stage has run) each mark is one merged event, sized by its number of
// articles; without it, each mark is one mention. Charts use Vega-Lite 4 (served from altair_viewer).
"use strict";

const TIMELINE_LIMIT = 2000; // points drawn at most; the summary says when there are more

async function loadEvents(filters) {
  const items = [];
  let total = 0;
  let level = "mention";
  for (let page = 1; items.length < TIMELINE_LIMIT; page += 1) {
    const query = new URLSearchParams(filters);
    query.set("page", page);
    query.set("page_size", 500);
    query.set("sort", "date");
    query.set("level", "auto");
    const body = await Heron.api("/api/events", query);
    total = body.total;
    level = body.level;
    items.push(...body.items);
    if (page >= body.pages) break;
  }
  return { total, items, level };
}

const ROW_HEIGHT = 34; // pixels per PLOVER type
const JITTER = 0.14; // vertical spread, in rows, between marks that share a day and a type

function timelineSpec(items, filters, span) {
  const quads = Object.keys(Heron.QUAD_COLORS);
  const dated = items.filter((e) => e.event_date);
  const types = [...new Set(dated.map((e) => e.plover_type || "STATEMENT"))].sort();
  const perRow = {};
  const values = dated.map((e) => {
    const type = e.plover_type || "STATEMENT";
    // Spread points that share a day and type vertically so each stays clickable. Vega-Lite 4 has no
    // yOffset channel, so the y axis is numeric (one unit per type) with the type names as labels.
    const key = `${e.event_date}|${type}`;
    perRow[key] = (perRow[key] || 0) + 1;
    return {
      event_id: e.event_id, date: e.event_date, type, quad: e.quad,
      row: types.indexOf(type) + JITTER * (((perRow[key] - 1) % 5) - 2),
      mentions: e.mentions || 1, articles: e.articles || 1, source: e.source_label || "-",
      target: e.target_label || "-", predicate: e.predicate, outlet: e.outlet || "", goldstein: e.goldstein,
    };
  });
  const maxArticles = Math.max(5, ...values.map((v) => v.articles));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v4.json",
    width: "container",
    height: Math.max(120, types.length * ROW_HEIGHT),
    data: { values },
    // Marks outside a set date range (a story's background references to earlier years) are not drawn.
    mark: { type: "point", filled: true, opacity: 0.8, stroke: "#333", strokeWidth: 0.4, cursor: "pointer",
      clip: Boolean(span) },
    encoding: {
      x: {
        field: "date", type: "temporal", title: "event date",
        // The axis spans the filter's date range, or the story's span, when there is one.
        scale: span ? { domain: span, padding: 14 } : { padding: 14 },
        axis: { grid: true, labelOverlap: true, format: "%d %b %Y", labelAngle: 0 },
      },
      y: {
        field: "row", type: "quantitative", title: "PLOVER type",
        scale: { domain: [-0.5, types.length - 0.5], reverse: true, nice: false, zero: false },
        axis: { values: types.map((_, index) => index), labelExpr: `${JSON.stringify(types)}[datum.value]`,
          grid: false, ticks: false, domain: false },
      },
      color: {
        field: "quad", type: "nominal", title: "quad class",
        scale: { domain: quads, range: quads.map((q) => Heron.QUAD_COLORS[q]) }, legend: null,
      },
      order: { field: "articles", sort: "descending" }, // big dots drawn first, so small ones stay clickable
      size: { field: "articles", type: "quantitative", title: "articles", scale: { domain: [1, maxArticles], range: [80, 700] }, legend: null },
      tooltip: [
        { field: "date", type: "temporal", title: "date" },
        { field: "type", title: "type" },
        { field: "source", title: "source" },
        { field: "predicate", title: "predicate" },
        { field: "target", title: "target" },
        { field: "articles", title: "articles" },
        { field: "mentions", title: "mentions" },
        { field: "outlet", title: "outlet" },
      ],
    },
    config: { view: { stroke: null }, axis: { labelFontSize: 11 } },
  };
}

function renderLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const [quad, color] of Object.entries(Heron.QUAD_COLORS)) {
    legend.append(Heron.el("span", {}, Heron.el("i", { style: `background:${color}` }), Heron.QUAD_LABELS[quad]));
  }
  legend.append(Heron.el("span", { text: "· larger dot = reported by more articles (corroboration) · click a dot for its evidence" }));
}

function renderList(items) {
  const list = document.getElementById("eventlist");
  list.replaceChildren();
  for (const e of items.slice(0, 200)) {
    list.append(Heron.el("li", {},
      Heron.el("span", { class: "date", text: e.event_date || "undated" }),
      Heron.quadBadge(e.quad), " ",
      Heron.el("a", { href: `/event?id=${encodeURIComponent(e.event_id)}`, class: "event-link",
        text: `${e.plover_type || "STATEMENT"}: ${e.source_label || "?"} — ${e.predicate} — ${e.target_label || "?"}` }),
      e.mentions > 1 ? Heron.el("span", { class: "muted",
        text: ` (${e.mentions} mentions in ${e.articles} article${e.articles === 1 ? "" : "s"})` }) : null,
      Heron.el("span", { class: "muted", text: e.outlet ? ` · ${e.outlet}` : "" }),
    ));
  }
  if (items.length > 200) {
    list.append(Heron.el("li", { class: "muted" }, `${items.length - 200} more: see the `,
      Heron.el("a", { href: `/table?${Heron.filterParams()}`, text: "table" })));
  }
}

// The date range the axis should show: the filter's, else the chosen story's (its span runs over its
// day/week-precise events, so "since 1997" background references do not stretch the episode).
async function dateSpan(filters) {
  if (filters.get("since") && filters.get("until")) return [filters.get("since"), filters.get("until")];
  if (!filters.get("story")) return null;
  try {
    const story = await Heron.api(`/api/stories/${encodeURIComponent(filters.get("story"))}`, new URLSearchParams());
    return story.first_date && story.last_date ? [story.first_date, story.last_date] : null;
  } catch (error) {
    return null;
  }
}

async function draw(filters) {
  Heron.showError(null);
  const summary = document.getElementById("summary");
  summary.textContent = "Loading…";
  try {
    const { total, items, level } = await loadEvents(filters);
    const dated = items.filter((e) => e.event_date);
    const span = await dateSpan(filters);
    const outside = span ? dated.filter((e) => e.event_date < span[0] || e.event_date > span[1]).length : 0;
    const first = dated.length ? dated[0].event_date : "-";
    const last = dated.length ? dated[dated.length - 1].event_date : "-";
    summary.replaceChildren(
      Heron.el("strong", { id: "event-count", text: String(total) }),
      ` ${level === "merged" ? "merged events" : "events"} from ${first} to ${last}`,
      total > items.length ? ` (first ${items.length} drawn)` : "",
      outside ? `; axis ${span[0]} to ${span[1]}: ${outside} dated outside it (background references) are listed below, not drawn` : "",
    );
    const chart = document.getElementById("chart");
    if (!dated.length) {
      chart.replaceChildren(Heron.el("p", { class: "muted", text: "No dated events match this filter." }));
    } else {
      const result = await vegaEmbed(chart, timelineSpec(items, filters, span), {
        renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false },
      });
      window.heronTimeline = result.view; // for tests and the console
      // Clicking a dot opens the event page.
      result.view.addEventListener("click", (_, item) => {
        if (item && item.datum && item.datum.event_id) {
          window.location.href = `/event?id=${encodeURIComponent(item.datum.event_id)}`;
        }
      });
    }
    renderList(items);
  } catch (error) {
    summary.textContent = "";
    Heron.showError(error);
  }
}

Heron.start(async () => {
  renderLegend();
  Heron.renderFilters(document.getElementById("filter-box"), (next) => draw(Heron.filterParams()));
  await draw(Heron.filterParams());
});
