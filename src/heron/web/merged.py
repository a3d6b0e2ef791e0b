"""Merged events and stories for the web app, read from the merge stage's tables when they exist.

The merge stage (heron.merge, tables in heron.store.merge_tables) writes ``merged_events``,
``merged_mentions``, ``stories`` and ``story_articles``. When a database has them:
    - every listed event carries its merged event's id and corroboration (mentions, articles);
    - /api/events/{id} accepts a merged id (or any of its mentions) and returns every mention;
    - stories are listed and the ``story`` filter selects the events of a story's articles.
Without them ``detect_merge_tables`` returns None and the app serves mention-level events only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import duckdb

from heron.web.queries import MergeTables, _event_row, _jsonable, actor_label

if TYPE_CHECKING:
    from heron.web.queries import WebStore

REQUIRED = {"merged_events", "merged_mentions"}
STORY_TABLES = {"stories", "story_articles"}


def detect_merge_tables(connection: duckdb.DuckDBPyConnection, tables: set[str]) -> MergeTables | None:
    """The merged-level reader for this database, or None when the merge stage has not run on it."""
    if not tables >= REQUIRED:
        return None
    merged_rows = connection.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    if not merged_rows:
        return None  # tables created but never filled: nothing to show beyond mentions
    return MergedReader(has_stories=tables >= STORY_TABLES)


class MergedReader(MergeTables):
    def __init__(self, has_stories: bool) -> None:
        self.has_stories = has_stories
        self.story_mentions_sql = (
            "SELECT ev.event_id FROM events ev WHERE ev.article_id IN "
            "(SELECT sa.article_id FROM story_articles sa WHERE sa.story_id = ?)"
        ) if has_stories else None

    def counts(self, store: WebStore) -> dict[str, Any]:
        _, rows = store._rows(
            "SELECT (SELECT count(*) FROM merged_events), "
            + ("(SELECT count(*) FROM stories)" if self.has_stories else "0")
        )
        return {"merged_events": rows[0][0], "stories": rows[0][1]}

    def annotate(self, store: WebStore, events: list[dict[str, Any]]) -> None:
        ids = [event["event_id"] for event in events]
        if not ids:
            return
        _, rows = store._rows(
            "SELECT mm.event_id, me.merged_id, me.n_mentions, me.n_articles FROM merged_mentions mm "
            "JOIN merged_events me USING (merged_id) WHERE mm.event_id IN (SELECT unnest(?))",
            [ids],
        )
        found = {event_id: (merged_id, mentions, articles) for event_id, merged_id, mentions, articles in rows}
        for event in events:
            if event["event_id"] in found:
                event["merged_id"], event["mentions"], event["articles"] = found[event["event_id"]]

    def annotate_merged(self, store: WebStore, events: list[dict[str, Any]]) -> None:
        """Give listed merged events the actors, location and qualifiers of their representative mention.

        The representative is the mention the merge stage took the event's sentence from (same article
        and sentence), else the earliest published one.
        """
        ids = [event["event_id"] for event in events]
        if not ids:
            return
        names, rows = store._rows(
            "SELECT merged_id, source_json, target_json, location, aux_modes FROM ("
            "SELECT mm.merged_id, ev.source_json, ev.target_json, ev.location, ev.aux_modes, row_number() OVER ("
            "PARTITION BY mm.merged_id ORDER BY (ev.article_id = me.article_id AND ev.sentence = me.sentence) DESC, "
            "ev.published NULLS LAST, ev.event_id) AS rank "
            "FROM merged_mentions mm JOIN events ev ON ev.event_id = mm.event_id "
            "JOIN merged_events me ON me.merged_id = mm.merged_id WHERE mm.merged_id IN (SELECT unnest(?))"
            ") WHERE rank = 1",
            [ids],
        )
        found = {row[0]: _event_row(names[1:], row[1:]) for row in rows}
        for event in events:
            event["level"] = "merged"
            event["merged_id"] = event["event_id"]
            representative = found.get(event["event_id"])
            if representative:
                event["source"], event["target"] = representative["source"], representative["target"]
                event["location"], event["aux_modes"] = representative["location"], representative["aux_modes"]

    def merged_id_for(self, store: WebStore, event_id: str) -> str | None:
        _, rows = store._rows("SELECT merged_id FROM merged_mentions WHERE event_id = ? LIMIT 1", [event_id])
        return rows[0][0] if rows else None

    def merged_event(self, store: WebStore, event_id: str) -> dict[str, Any] | None:
        """The merged event with this id, with every mention as evidence."""
        names, rows = store._rows("SELECT * FROM merged_events WHERE merged_id = ?", [event_id])
        if not rows:
            return None
        merged = {name: _jsonable(value) for name, value in zip(names, rows[0], strict=True)}
        mention_names, mention_rows = store._rows(
            "SELECT e.*, a.title, a.published_from FROM merged_mentions mm JOIN events e USING (event_id) "
            "LEFT JOIN articles a ON a.article_id = e.article_id WHERE mm.merged_id = ? "
            "ORDER BY e.published NULLS LAST, e.article_id, e.sentence_index",
            [event_id],
        )
        mentions = [store.mention(_event_row(mention_names, values)) for values in mention_rows]
        first = _event_row(mention_names, mention_rows[0]) if mention_rows else {"source": [], "target": []}
        resolution = (f"most precise date consistent with the mentions (precision: {merged.get('date_precision')}); "
                      f"possible range {merged.get('date_min')} to {merged.get('date_max')}")
        return {
            "event_id": merged["merged_id"], "level": "merged", "plover_type": merged.get("plover_type"),
            "mode": merged.get("mode"), "context": first.get("context"), "cameo": merged.get("cameo"),
            "goldstein": merged.get("goldstein"), "quad": merged.get("quad"), "predicate": merged.get("predicate"),
            "event_date": merged.get("event_date"), "date_precision": merged.get("date_precision"),
            "date_range": [merged.get("date_min"), merged.get("date_max")], "date_resolution": resolution,
            "location": first.get("location"), "confidence": merged.get("confidence"),
            "aux_modes": first.get("aux_modes", []), "source": first["source"], "target": first["target"],
            "source_label": "; ".join(merged.get("source_actors") or [actor_label(a) for a in first["source"]]),
            "target_label": "; ".join(merged.get("target_actors") or [actor_label(a) for a in first["target"]]),
            "article_count": merged.get("n_articles"), "outlet_count": merged.get("n_outlets"),
            "first_reported": merged.get("first_reported"), "last_reported": merged.get("last_reported"),
            "mentions": mentions, "merged_event_id": None,
        }

    def stories(self, store: WebStore) -> list[dict[str, Any]]:
        names, rows = store._rows(
            "SELECT story_id, title, first_date, last_date, n_articles, n_events, actors, key_terms FROM stories "
            "ORDER BY first_date NULLS LAST, story_id"
        )
        return [{name: _jsonable(value) for name, value in zip(names, row, strict=True)} for row in rows]

    def story(self, store: WebStore, story_id: str) -> dict[str, Any] | None:
        names, rows = store._rows(
            "SELECT story_id, title, first_date, last_date, n_articles, n_events, actors, key_terms FROM stories "
            "WHERE story_id = ?", [story_id],
        )
        if not rows:
            return None
        story = {name: _jsonable(value) for name, value in zip(names, rows[0], strict=True)}
        _, articles = store._rows(
            "SELECT a.article_id, a.title, a.outlet, a.published FROM story_articles sa JOIN articles a "
            "USING (article_id) WHERE sa.story_id = ? ORDER BY a.published NULLS LAST", [story_id],
        )
        story["articles"] = [
            {"article_id": r[0], "title": r[1], "outlet": r[2], "published": _jsonable(r[3])} for r in articles
        ]
        return story
