// Dyad chart: counts per quad class (stacked bars) and mean Goldstein (line) per week for actors A and B.
"use strict";

function dyadSpec(items, interval) {
  const quads = Object.keys(Heron.QUAD_COLORS);
  const bars = [];
  for (const row of items) {
    for (const quad of quads) {
      if (row[quad]) bars.push({ period: row.period.slice(0, interval === "month" ? 7 : 10), quad, count: row[quad] });
    }
  }
  const lines = items.filter((row) => row.events).map((row) => ({ period: row.period.slice(0, interval === "month" ? 7 : 10), mean_goldstein: row.mean_goldstein, events: row.events }));
  // Periods arrive gap-filled from the API, so an ordinal axis keeps empty weeks visible as gaps.
  const x = { field: "period", type: "ordinal", title: interval === "month" ? "month" : `${interval} starting`,
    axis: { labelAngle: -45, labelOverlap: true } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v4.json",
    width: "container",
    height: 340,
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar" }, // Vega-Lite 4: bars fill the ordinal band (no relative width)
        encoding: {
          x, y: { field: "count", type: "quantitative", aggregate: "sum", title: "events", axis: { tickMinStep: 1 } },
          color: { field: "quad", type: "nominal", title: "quad class", sort: quads,
            scale: { domain: quads, range: quads.map((q) => Heron.QUAD_COLORS[q]) } },
          order: { field: "quad", sort: "ascending" },
          tooltip: [{ field: "period", title: "period" }, { field: "quad" }, { field: "count" }],
        },
      },
      {
        data: { values: lines },
        mark: { type: "line", point: { filled: true, color: "#222", size: 50 }, color: "#222", strokeWidth: 2 },
        encoding: {
          x,
          y: { field: "mean_goldstein", type: "quantitative", title: "mean Goldstein", scale: { domain: [-10, 10] } },
          tooltip: [{ field: "period", title: "period" }, { field: "mean_goldstein", title: "mean Goldstein" },
            { field: "events" }],
        },
      },
    ],
    resolve: { scale: { y: "independent" } },
    config: { view: { stroke: null } },
  };
}

async function draw() {
  Heron.showError(null);
  const params = Heron.params();
  const a = params.get("a") || "USA";
  const b = params.get("b") || "RUS";
  const interval = params.get("interval") || "week";
  const query = Heron.filterParams();
  query.set("a", a);
  query.set("b", b);
  query.set("interval", interval);
  if (params.get("directed")) query.set("directed", "true");
  const summary = document.getElementById("summary");
  try {
    const data = await Heron.api("/api/timeseries", query);
    const total = data.items.reduce((sum, row) => sum + row.events, 0);
    const active = data.items.filter((row) => row.events).length;
    document.getElementById("title").textContent =
      `Cooperation and conflict: ${a} ${data.directed ? "→" : "↔"} ${b}`;
    summary.replaceChildren(Heron.el("strong", { id: "event-count", text: String(total) }),
      ` events in ${active} ${interval}${active === 1 ? "" : "s"} (of ${data.items.length} shown)`);
    const chart = document.getElementById("chart");
    if (!data.items.length) {
      chart.replaceChildren(Heron.el("p", { class: "muted", text: `No dated events between ${a} and ${b} under this filter.` }));
      return;
    }
    await vegaEmbed(chart, dyadSpec(data.items, interval), {
      renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false },
    });
  } catch (error) {
    summary.textContent = "";
    Heron.showError(error);
  }
}

Heron.start(async () => {
  const params = Heron.params();
  const field = (label, input) => Heron.el("label", {}, Heron.el("span", { text: label }), input);
  const intervalSelect = Heron.el("select", { name: "interval" });
  for (const unit of ["day", "week", "month"]) {
    intervalSelect.append(Heron.el("option", { value: unit, text: unit, selected: (params.get("interval") || "week") === unit }));
  }
  const extras = [
    field("Actor A", Heron.el("input", { name: "a", value: params.get("a") || "USA", size: 8 })),
    field("Actor B", Heron.el("input", { name: "b", value: params.get("b") || "RUS", size: 8 })),
    field("Per", intervalSelect),
    field("A→B only", Heron.el("input", { type: "checkbox", name: "directed", checked: params.get("directed") ? true : null })),
  ];
  const box = document.getElementById("filter-box");
  Heron.renderFilters(box, () => draw(), extras);
  await draw();
});
