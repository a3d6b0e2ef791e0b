// Shared helpers for Heron's pages: navigation, the filter form, API calls, quad-class colours.
// Plain browser JavaScript (no build step); each page script runs in Heron.start(...).
"use strict";

const Heron = (() => {
  const QUAD_COLORS = {
    statement: "#8c8c8c",
    verbal_cooperation: "#74add1",
    material_cooperation: "#2c7bb6",
    verbal_conflict: "#fdae61",
    material_conflict: "#d7191c",
  };
  const QUAD_LABELS = {
    statement: "statement",
    verbal_cooperation: "verbal cooperation",
    material_cooperation: "material cooperation",
    verbal_conflict: "verbal conflict",
    material_conflict: "material conflict",
  };
  const FILTER_FIELDS = ["since", "until", "actor", "country", "type", "quad", "story", "q"];
  const PAGES = [
    ["/", "Timeline"], ["/table", "Table"], ["/network", "Actor network"], ["/dyad", "Dyad chart"],
    ["/api-docs", "API"],
  ];
  let meta = null;

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function filterParams() {
    const all = params();
    const picked = new URLSearchParams();
    for (const name of FILTER_FIELDS) {
      const value = all.get(name);
      if (value) picked.set(name, value);
    }
    return picked;
  }

  async function api(path, query) {
    const url = query && String(query) ? `${path}?${query}` : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || `${response.status} ${response.statusText}`);
    return body;
  }

  function showError(error) {
    const box = document.getElementById("error");
    if (!box) return;
    box.textContent = error ? String(error.message || error) : "";
    box.hidden = !error;
  }

  function renderNav() {
    const nav = el("nav", { class: "topnav" }, el("a", { href: "/", class: "brand", text: "Heron" }));
    for (const [href, label] of PAGES) {
      const here = window.location.pathname === href;
      nav.append(el("a", { href: href + (href.startsWith("/api") ? "" : keepFilters()), class: here ? "here" : null, text: label }));
    }
    const info = el("span", { class: "dbinfo", id: "dbinfo" });
    nav.append(info);
    document.body.prepend(nav);
  }

  function keepFilters() {
    const query = String(filterParams());
    return query ? `?${query}` : "";
  }

  function option(value, label, selected) {
    return el("option", { value, selected: selected ? true : null, text: label });
  }

  // Builds the filter form into `container`; `onApply` runs with the new URLSearchParams.
  function renderFilters(container, onApply, extraFields = []) {
    const current = params();
    const form = el("form", { class: "filters", id: "filters" });
    const field = (label, input) => el("label", {}, el("span", { text: label }), input);
    const text = (name, placeholder, size) =>
      el("input", { name, placeholder, value: current.get(name) || "", size: size || 12, type: "text" });
    form.append(
      field("From", el("input", { type: "date", name: "since", value: current.get("since") || "" })),
      field("To", el("input", { type: "date", name: "until", value: current.get("until") || "" })),
      field("Actor", text("actor", "name or code")),
      field("Country", text("country", "ISO3", 5)),
    );
    const typeSelect = el("select", { name: "type" }, option("", "any type"));
    for (const type of meta.plover_types) typeSelect.append(option(type, type, current.get("type") === type));
    const quadSelect = el("select", { name: "quad" }, option("", "any quad class"));
    for (const quad of meta.quad_classes) quadSelect.append(option(quad, QUAD_LABELS[quad], current.get("quad") === quad));
    form.append(field("Type", typeSelect), field("Quad class", quadSelect));
    if (meta.stories_available && meta.stories) {
      const storySelect = el("select", { name: "story" }, option("", "any story"));
      for (const story of meta.stories) storySelect.append(option(story.story_id, story.title, current.get("story") === story.story_id));
      form.append(field("Story", storySelect));
    }
    form.append(field("Text", text("q", "words in the sentence", 16)));
    for (const extra of extraFields) form.append(extra);
    form.append(
      el("button", { type: "submit", id: "apply", text: "Apply" }),
      el("button", { type: "button", id: "reset", text: "Reset", onclick: () => {
        for (const input of form.querySelectorAll("input, select")) {
          if (FILTER_FIELDS.includes(input.name)) input.value = "";
        }
        form.requestSubmit();
      } }),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = params();
      for (const input of form.querySelectorAll("input, select")) {
        if (!input.name) continue;
        const value = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
        if (value) next.set(input.name, value);
        else next.delete(input.name);
      }
      next.delete("page");
      const query = String(next);
      history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
      for (const link of document.querySelectorAll(".topnav a")) {
        const href = link.getAttribute("href").split("?")[0];
        if (!href.startsWith("/api")) link.setAttribute("href", href + keepFilters());
      }
      onApply(next);
    });
    container.append(form);
    return form;
  }

  async function init() {
    renderNav();
    meta = await api("/api/meta");
    if (meta.stories_available) {
      const stories = await api("/api/stories");
      meta.stories = stories.items;
    }
    const counts = meta.level === "merged"
      ? `${meta.merged_events} merged events from ${meta.events} mentions`
      : `${meta.events} mention-level events`;
    document.getElementById("dbinfo").textContent = `${meta.database}: ${meta.articles} articles, ${counts}`;
    return meta;
  }

  // Every page: header and database facts first, then the page's own set-up; any failure is shown.
  async function start(setup) {
    try {
      await init();
      await setup();
    } catch (error) {
      showError(error);
    }
  }

  function goldsteinColor(value) {
    // Diverging red (conflict, -10) - grey (0) - blue (cooperation, +10).
    const t = Math.max(-1, Math.min(1, (value || 0) / 10));
    const grey = [170, 170, 170];
    const end = t < 0 ? [215, 25, 28] : [44, 123, 182];
    const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
    return `rgb(${mix.join(",")})`;
  }

  function quadBadge(quad) {
    return el("span", { class: "badge", style: `background:${QUAD_COLORS[quad] || "#999"}`, text: QUAD_LABELS[quad] || quad });
  }

  return {
    QUAD_COLORS, QUAD_LABELS, FILTER_FIELDS, el, params, filterParams, api, showError, renderFilters, start,
    goldsteinColor, quadBadge, get meta() { return meta; },
  };
})();
