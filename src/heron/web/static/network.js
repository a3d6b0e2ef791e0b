// Actor network: actors as nodes (size = events), source->target dyads as edges (width = events,
// colour = mean Goldstein), drawn with vis-network (served from the pyvis package).
"use strict";

let network = null;

function nodeLabel(node) {
  return node.name === node.id ? node.id : `${node.name} (${node.id})`;
}

function buildGraph(data) {
  const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
  const nodes = new vis.DataSet(data.nodes.map((node) => ({
    id: node.id, label: nodeLabel(node), events: node.events,
    size: 8 + 22 * Math.sqrt(node.events / maxNode), // radius: area grows with the event count
    title: `${nodeLabel(node)}: ${node.events} events`,
  })));
  const edges = new vis.DataSet(data.edges.map((edge) => {
    const color = Heron.goldsteinColor(edge.mean_goldstein);
    return {
      id: `${edge.source}->${edge.target}`, from: edge.source, to: edge.target, events: edge.events,
      goldstein: edge.mean_goldstein, width: 1.5 + 8 * Math.sqrt(edge.events / maxEdge),
      color: { color, highlight: color, hover: color, opacity: 0.85 },
      title: `${edge.source} → ${edge.target}: ${edge.events} events, mean Goldstein ${edge.mean_goldstein}`,
    };
  }));
  return { nodes, edges };
}

const OPTIONS = {
  nodes: {
    shape: "dot", color: { background: "#3d5a80", border: "#2b405c" },
    font: { size: 12, color: "#1d2733", strokeWidth: 3, strokeColor: "#ffffff" },
  },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.6 } },
    smooth: { type: "curvedCW", roundness: 0.15 }, // A->B and B->A stay apart
    selectionWidth: 2,
  },
  physics: {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.4 },
    stabilization: { iterations: 400, fit: true },
  },
  interaction: { hover: true, tooltipDelay: 150 },
};

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
    const graph = buildGraph(data);
    if (network) network.destroy();
    const container = document.getElementById("network");
    container.dataset.ready = "";
    // Created empty, handlers attached, then filled: stabilisation may finish before a later `once` would see it.
    network = new vis.Network(container, { nodes: [], edges: [] }, OPTIONS);
    network.once("stabilizationIterationsDone", () => {
      // Freeze the layout once settled: a graph that keeps moving is hard to click and costs CPU.
      network.setOptions({ physics: false });
      network.fit();
      // A small graph would be blown up to fill the panel; keep it at natural size instead.
      if (network.getScale() > 1) network.moveTo({ scale: 1 });
      container.dataset.ready = "true";
    });
    network.setData(graph);
    if (!data.nodes.length) container.dataset.ready = "true";
    network.on("click", (event) => {
      const next = new URLSearchParams(filters);
      if (event.nodes.length) {
        next.set("actor", event.nodes[0]);
        window.location.href = `/table?${next}`;
      } else if (event.edges.length) {
        const edge = graph.edges.get(event.edges[0]);
        next.set("a", edge.from);
        next.set("b", edge.to);
        window.location.href = `/dyad?${next}`;
      }
    });
    // For tests and the console: the network and its data sets.
    window.heronNetwork = { network, nodes: graph.nodes, edges: graph.edges };
  } catch (error) {
    summary.textContent = "";
    Heron.showError(error);
  }
}

Heron.start(async () => {
  Heron.renderFilters(document.getElementById("filter-box"), () => draw(Heron.filterParams()));
  await draw(Heron.filterParams());
});
