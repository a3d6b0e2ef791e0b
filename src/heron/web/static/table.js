// Sortable, filterable, paginated table of events with CSV/JSON download of the filtered view.
"use strict";

const COLUMNS = [
  // [label, field or function, sort key or null, css class]
  ["Date", "event_date", "date", ""],
  ["Type", (e) => e.plover_type || "STATEMENT", "type", ""],
  ["Quad", (e) => Heron.quadBadge(e.quad), "quad", ""],
  ["Goldstein", "goldstein", "goldstein", "num"],
  ["Source", "source_label", null, ""],
  ["Predicate", "predicate", "predicate", ""],
  ["Target", "target_label", null, ""],
  ["Mentions", "mentions", null, "num"],
  ["Outlet", "outlet", "outlet", ""],
  ["Confidence", "confidence", "confidence", "num"],
  ["Sentence", "sentence", null, "sentence"],
];
const PAGE_SIZE = 50;

function state() {
  const params = Heron.params();
  return {
    sort: params.get("sort") || "date",
    order: params.get("order") || "asc",
    page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
  };
}

function setParams(changes) {
  const params = Heron.params();
  for (const [key, value] of Object.entries(changes)) params.set(key, value);
  history.replaceState(null, "", `?${params}`);
}

function renderHead() {
  const { sort, order } = state();
  const row = Heron.el("tr");
  for (const [label, , sortKey] of COLUMNS) {
    const cls = sortKey ? `sortable${sortKey === sort ? ` sorted-${order}` : ""}` : null;
    row.append(Heron.el("th", {
      class: cls, "data-sort": sortKey, text: label,
      onclick: sortKey ? () => {
        const current = state();
        const nextOrder = current.sort === sortKey && current.order === "asc" ? "desc" : "asc";
        setParams({ sort: sortKey, order: nextOrder, page: 1 });
        load();
      } : null,
    }));
  }
  document.querySelector("#events thead").replaceChildren(row);
}

async function load() {
  Heron.showError(null);
  const { sort, order, page } = state();
  const query = Heron.filterParams();
  query.set("sort", sort);
  query.set("order", order);
  const download = new URLSearchParams(query);
  download.set("format", "csv");
  document.getElementById("download-csv").href = `/api/events/download?${download}`;
  download.set("format", "json");
  document.getElementById("download-json").href = `/api/events/download?${download}`;
  query.set("page", page);
  query.set("page_size", PAGE_SIZE);
  renderHead();
  try {
    const body = await Heron.api("/api/events", query);
    document.getElementById("summary").replaceChildren(
      Heron.el("strong", { id: "event-count", text: String(body.total) }),
      body.level === "merged" ? " merged events" : " events");
    document.getElementById("pageinfo").textContent = `page ${body.page} of ${Math.max(1, body.pages)}`;
    document.getElementById("prev").disabled = body.page <= 1;
    document.getElementById("next").disabled = body.page >= body.pages;
    const rows = body.items.map((event) => {
      const row = Heron.el("tr", { class: "row", "data-event-id": event.event_id,
        onclick: () => { window.location.href = `/event?id=${encodeURIComponent(event.event_id)}`; } });
      for (const [, field, , cls] of COLUMNS) {
        const value = typeof field === "function" ? field(event) : event[field];
        row.append(Heron.el("td", { class: cls || null }, value === null || value === undefined ? "" : value));
      }
      return row;
    });
    document.querySelector("#events tbody").replaceChildren(...rows);
    // Says which ordering the rows on screen have: the header changes before the new rows arrive.
    document.getElementById("events").dataset.loaded = `${sort}-${order}`;
  } catch (error) {
    Heron.showError(error);
  }
}

Heron.start(async () => {
  Heron.renderFilters(document.getElementById("filter-box"), () => load());
  document.getElementById("prev").addEventListener("click", () => { setParams({ page: state().page - 1 }); load(); });
  document.getElementById("next").addEventListener("click", () => { setParams({ page: state().page + 1 }); load(); });
  await load();
});
