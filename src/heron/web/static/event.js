// Event detail: what was coded, and every mention's sentence with actor, predicate and date highlighted.
"use strict";

function actorList(actors) {
  if (!actors || !actors.length) return Heron.el("span", { class: "muted", text: "none identified" });
  const span = Heron.el("span");
  actors.forEach((actor, index) => {
    if (index) span.append("; ");
    const code = actor.org || actor.country;
    const label = actor.name || actor.text;
    span.append(Heron.el("strong", { text: label }));
    const details = [code && code !== label ? code : null, actor.sector, `“${actor.text}”`].filter(Boolean);
    span.append(Heron.el("span", { class: "muted", text: ` (${details.join(", ")})` }));
  });
  return span;
}

function evidence(mention) {
  const quote = Heron.el("blockquote", { class: "evidence" });
  for (const segment of mention.segments) {
    if (segment.kind) {
      quote.append(Heron.el("mark", { class: `hl hl-${segment.kind}`, title: segment.kind, text: segment.text }));
    } else {
      quote.append(segment.text);
    }
  }
  return quote;
}

function renderMention(mention) {
  const line = Heron.el("div", { class: "source-line" });
  line.append(Heron.el("strong", { text: mention.outlet || "unknown outlet" }));
  if (mention.published) line.append(` · published ${mention.published.slice(0, 10)}`);
  if (mention.published_from && mention.published_from !== "metadata") {
    line.append(Heron.el("span", { class: "muted", text: ` (date ${mention.published_from})` }));
  }
  if (mention.title) line.append(" · ", mention.url
    ? Heron.el("a", { href: mention.url, target: "_blank", rel: "noopener noreferrer", text: mention.title })
    : mention.title);
  else if (mention.url) line.append(" · ", Heron.el("a", { href: mention.url, target: "_blank", rel: "noopener noreferrer", text: mention.url }));
  const block = Heron.el("div", { class: "mention" }, line, evidence(mention));
  block.append(Heron.el("div", { class: "muted", text: `sentence ${mention.sentence_index} · date: ${mention.date_resolution}` }));
  return block;
}

Heron.start(async () => {
  const id = Heron.params().get("id");
  if (!id) throw new Error("no event id: open an event from the timeline or the table");
  const event = await Heron.api(`/api/events/${encodeURIComponent(id)}`);
  document.title = `Heron · ${event.plover_type || "STATEMENT"} ${event.event_date || ""}`;
  document.getElementById("title").replaceChildren(
    `${event.plover_type || "STATEMENT"}${event.mode ? " / " + event.mode : ""}: `,
    Heron.el("span", { text: `${event.source_label || "?"} — ${event.predicate} — ${event.target_label || "?"}` }),
  );
  const facts = document.getElementById("facts");
  const fact = (label, value) => facts.append(Heron.el("dt", { text: label }), Heron.el("dd", {}, value));
  fact("Type", `${event.plover_type || "STATEMENT (no PLOVER type)"}${event.mode ? ", mode " + event.mode : ""}` +
    `${event.context ? ", context " + event.context : ""} · CAMEO ${event.cameo}`);
  fact("Quad class", Heron.el("span", {}, Heron.quadBadge(event.quad), ` Goldstein ${event.goldstein}`));
  fact("Source", actorList(event.source));
  fact("Target", actorList(event.target));
  fact("Date", Heron.el("span", {}, Heron.el("strong", { text: event.event_date || "unknown" }),
    Heron.el("span", { class: "muted", text: ` — ${event.date_resolution}` })));
  if (event.date_range) fact("Possible range", `${event.date_range[0]} to ${event.date_range[1]}`);
  if (event.location) fact("Location", event.location);
  if (event.aux_modes && event.aux_modes.length) fact("Qualifiers", event.aux_modes.join(", "));
  fact("Confidence", String(event.confidence));
  fact("Level", event.level === "merged"
    ? `merged event: ${event.mentions.length} mentions in ${event.article_count || "?"} articles`
    : "mention (one sentence of one article)");
  if (event.merged_event_id) fact("Merged event", Heron.el("a", { href: `/event?id=${encodeURIComponent(event.merged_event_id)}`, text: event.merged_event_id }));
  document.getElementById("mentions-title").textContent =
    `Evidence: ${event.mentions.length} mention${event.mentions.length === 1 ? "" : "s"}`;
  document.getElementById("mentions").replaceChildren(...event.mentions.map(renderMention));
});
