// Actor network: actors as nodes, source->target dyads as edges (width = events, colour = mean Goldstein).
"use strict";

let cy = null;

async function draw(filters) {
  Heron.showError(null);
  const summary = document.getElementById("summary");
  try {
    const query = new URLSearchParams(filters);
    query.set("max_edges", 300);
    const data = await Heron.api("/api/network", query);
    const total = data.edges.reduce((sum, edge) => sum + edge.events, 0);
    summary.replaceChildren(
      Heron.el("strong", { id: "node-count", text: String(data.nodes.length) }), " actors, ",
      Heron.el("strong", { id: "edge-count", text: String(data.edges.length) }), " dyads, ",
      `${total} events with a source and a target`,
    );
    const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
    const elements = [
      ...data.nodes.map((node) => ({
        data: { id: node.id, label: node.name === node.id ? node.id : `${node.name} (${node.id})`,
          size: 18 + 42 * Math.sqrt(node.events / maxNode), events: node.events },
      })),
      ...data.edges.map((edge) => ({
        data: { id: `${edge.source}->${edge.target}`, source: edge.source, target: edge.target, events: edge.events,
          goldstein: edge.mean_goldstein, width: 1.5 + 8 * Math.sqrt(edge.events / maxEdge),
          color: Heron.goldsteinColor(edge.mean_goldstein), label: `${edge.events} · ${edge.mean_goldstein}` },
      })),
    ];
    if (cy) cy.destroy();
    cy = cytoscape({
      container: document.getElementById("network"),
      elements,
      style: [
        { selector: "node", style: {
          width: "data(size)", height: "data(size)", label: "data(label)", "background-color": "#3d5a80",
          color: "#1d2733", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1 } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
      ],
      layout: { name: data.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false, padding: 30,
        nodeRepulsion: () => 9000, idealEdgeLength: () => 110 },
    });
    // A small graph would be blown up to fill the panel; keep it at natural size instead.
    if (cy.zoom() > 1) {
      cy.zoom(1);
      cy.center();
    }
    cy.on("tap", "edge", (event) => {
      const edge = event.target.data();
      const next = new URLSearchParams(filters);
      next.set("a", edge.source);
      next.set("b", edge.target);
      window.location.href = `/dyad?${next}`;
    });
    cy.on("tap", "node", (event) => {
      const next = new URLSearchParams(filters);
      next.set("actor", event.target.id());
      window.location.href = `/table?${next}`;
    });
    window.heronNetwork = cy; // for tests and the console
  } catch (error) {
    summary.textContent = "";
    Heron.showError(error);
  }
}

(async () => {
  try {
    await Heron.init();
  } catch (error) {
    Heron.showError(error);
    return;
  }
  Heron.renderFilters(document.getElementById("filter-box"), () => draw(Heron.filterParams()));
  await draw(Heron.filterParams());
})();
