// Lists the API's endpoints and parameters from the OpenAPI schema (served locally, no CDN).
"use strict";

Heron.start(async () => {
  const schema = await Heron.api("/api/openapi.json");
  const box = document.getElementById("endpoints");
  for (const [path, methods] of Object.entries(schema.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const panel = Heron.el("div", { class: "panel" },
        Heron.el("h2", { class: "endpoint", text: `${method.toUpperCase()} ${path}` }),
        Heron.el("p", { text: operation.description || operation.summary || "" }));
      const rows = (operation.parameters || []).map((p) => {
        const s = p.schema || {};
        const kind = s.enum ? s.enum.join(" | ") : s.type || (s.anyOf || []).map((x) => x.enum ? x.enum.join(" | ") : x.format || x.type).filter((t) => t !== "null").join(" | ");
        return Heron.el("tr", {}, Heron.el("td", { class: "endpoint", text: p.name }), Heron.el("td", { text: p.in }),
          Heron.el("td", { text: kind }), Heron.el("td", { text: p.description || "" }));
      });
      if (rows.length) {
        panel.append(Heron.el("table", { class: "events" },
          Heron.el("thead", {}, Heron.el("tr", {}, ...["parameter", "in", "type", "meaning"].map((h) => Heron.el("th", { text: h })))),
          Heron.el("tbody", {}, ...rows)));
      }
      box.append(panel);
    }
  }
});
