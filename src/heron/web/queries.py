"""Read-only queries behind the HTTP API.

Every value that comes from a request reaches DuckDB as a bound parameter (``?``); the only SQL text
assembled here comes from fixed fragments and from whitelists (sort columns, intervals), so no request
can change the shape of a query.

Two levels of data are served:
    mention   one row per coded sentence (table ``events``): always there
    merged    one row per real-world event with its mentions as evidence, and stories, when the merge
              stage has written its tables (``merged_events``, ``merged_mentions``, ``stories``, ...).
              ``WebStore`` checks for them at start-up and falls back to mention level without them.
Event lists take ``level``: "auto" (merged when the database has merged events), "merged" or "mention".

Safety: the connection is read-only with external access (files, ATTACH, COPY, extensions) switched
off and the configuration locked, and every query runs under a time limit (``query_timeout``): a
watchdog interrupts it, and the request gets a QueryTimeout (HTTP 503) instead of hanging.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

QUAD_CLASSES = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
MAX_PAGE_SIZE = 500
MAX_DOWNLOAD_ROWS = 100_000

# An actor's identity for counts, networks and dyads: the organisation (NATO, EU, ELN), else the
# country (so a US official and "Washington" both count as USA), else the resolved name.
ACTOR_KEY_SQL = "coalesce(a.org, a.country, a.name)"

EVENT_LIST_COLUMNS = (
    "e.event_id, e.article_id, e.event_date, e.date_precision, e.plover_type, e.mode, e.cameo, e.quad, "
    "e.goldstein, e.predicate, e.sentence, e.confidence, e.outlet, e.url, e.published, e.location, "
    "e.aux_modes, e.source_json, e.target_json"
)
# Whitelist: sort key from the request -> SQL expression. Nothing else ever reaches ORDER BY.
SORT_COLUMNS = {
    "date": "e.event_date",
    "type": "e.plover_type",
    "quad": "e.quad",
    "goldstein": "e.goldstein",
    "confidence": "e.confidence",
    "outlet": "e.outlet",
    "predicate": "lower(e.predicate)",
    "published": "e.published",
}
INTERVALS = {"day": "day", "week": "week", "month": "month"}
LEVELS = ("auto", "merged", "mention")
DEFAULT_QUERY_TIMEOUT = 10.0  # seconds one query may run before it is interrupted

# Merged events shaped like rows of ``events`` (same column names, alias e), so the filters, the sort
# whitelist and the row rendering serve both levels. Actors, location and qualifiers come from the
# event's representative mention afterwards (see ``MergeTables.annotate_merged``).
MERGED_RELATION = (
    "(SELECT me.merged_id AS event_id, me.article_id, me.event_date, me.date_precision, me.plover_type, "
    "me.mode, me.cameo, me.quad, me.goldstein, me.predicate, me.sentence, me.confidence, ar.outlet, ar.url, "
    "ar.published, NULL::VARCHAR AS location, []::VARCHAR[] AS aux_modes, NULL::VARCHAR AS source_json, "
    "NULL::VARCHAR AS target_json, me.n_mentions AS mentions, me.n_articles AS articles "
    "FROM merged_events me LEFT JOIN articles ar ON ar.article_id = me.article_id) e"
)


class DatabaseUnavailable(RuntimeError):
    """The database file is missing or cannot be opened read-only."""


class BadRequest(ValueError):
    """A request asks for something the database cannot answer (shown to the user as a 400)."""


class QueryTimeout(RuntimeError):
    """A query ran past the time limit and was interrupted (shown to the user as a 503)."""


@dataclass
class EventQuery:
    """The filters shared by every list, chart and download (all optional)."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None  # name, surface text, country code or organisation
    country: str | None = None  # ISO alpha-3 of any actor
    source: str | None = None  # actor key of the source side (dyads)
    target: str | None = None
    plover_type: str | None = None
    quad: str | None = None
    story: str | None = None
    text: str | None = None  # free text, searched in the sentence, predicate and outlet
    article_id: str | None = None
    min_confidence: float | None = None
    extra_clauses: list[str] = field(default_factory=list)
    extra_params: list[Any] = field(default_factory=list)


def _actor_match_sql(role: str | None) -> str:
    role_clause = "a.role = ? AND " if role else ""
    return (
        f"e.event_id IN (SELECT a.event_id FROM event_actors a WHERE {role_clause}("
        "upper(a.country) = upper(?) OR upper(a.org) = upper(?) OR lower(a.name) = lower(?) "
        "OR contains(lower(a.name), lower(?)) OR contains(lower(a.text), lower(?))))"
    )


def _exact_actor_sql(role: str) -> str:
    return (
        "e.event_id IN (SELECT a.event_id FROM event_actors a WHERE a.role = ? AND ("
        "upper(a.country) = upper(?) OR upper(a.org) = upper(?) OR lower(a.name) = lower(?)))"
    )


def where_sql(query: EventQuery, story_events_sql: str | None) -> tuple[str, list[Any]]:
    """WHERE clause over ``events e`` for the filters; values only ever as bound parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.since:
        clauses.append("e.event_date >= ?")
        params.append(query.since)
    if query.until:
        clauses.append("e.event_date <= ?")
        params.append(query.until)
    if query.plover_type:
        clauses.append("upper(coalesce(e.plover_type, 'STATEMENT')) = upper(?)")
        params.append(query.plover_type)
    if query.quad:
        clauses.append("e.quad = ?")
        params.append(query.quad)
    if query.country:
        clauses.append("e.event_id IN (SELECT a.event_id FROM event_actors a WHERE upper(a.country) = upper(?))")
        params.append(query.country)
    if query.actor:
        clauses.append(_actor_match_sql(None))
        params.extend([query.actor] * 5)
    for role, value in (("source", query.source), ("target", query.target)):
        if value:
            clauses.append(_exact_actor_sql(role))
            params.extend([role, value, value, value])
    if query.text:
        clauses.append(
            "(contains(lower(e.sentence), lower(?)) OR contains(lower(e.predicate), lower(?)) "
            "OR contains(lower(coalesce(e.outlet, '')), lower(?)))"
        )
        params.extend([query.text] * 3)
    if query.article_id:
        clauses.append("e.article_id = ?")
        params.append(query.article_id)
    if query.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(query.min_confidence)
    if query.story:
        if story_events_sql is None:
            raise BadRequest(
                "this database has no stories yet (they are built by the merge stage); drop the 'story' filter"
            )
        clauses.append(f"e.event_id IN ({story_events_sql})")
        params.append(query.story)
    clauses.extend(query.extra_clauses)
    params.extend(query.extra_params)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


# Filters on what a merged event itself says (its date, type, quad, confidence); every other filter
# (actors, text, story) selects merged events with at least one matching mention.
MERGED_OWN_FILTERS = ("since", "until", "plover_type", "quad", "min_confidence")


def merged_where_sql(query: EventQuery, story_events_sql: str | None) -> tuple[str, list[Any]]:
    """WHERE clause over MERGED_RELATION (alias e) for the filters; values only as bound parameters."""
    own = EventQuery(**{name: getattr(query, name) for name in MERGED_OWN_FILTERS})
    evidence = EventQuery(**{**query.__dict__, **{name: None for name in MERGED_OWN_FILTERS}})
    where, params = where_sql(own, story_events_sql)
    evidence_where, evidence_params = where_sql(evidence, story_events_sql)
    if not evidence_where:
        return where, params
    # Inside the sub-query the alias e is the events table again, so the mention filters apply as written.
    clause = (f"e.event_id IN (SELECT mm.merged_id FROM merged_mentions mm JOIN events e "
              f"ON e.event_id = mm.event_id {evidence_where})")
    return (f"{where} AND {clause}" if where else f"WHERE {clause}"), [*params, *evidence_params]


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _event_row(names: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    row = {name: _jsonable(value) for name, value in zip(names, values, strict=True)}
    row["source"] = json.loads(row.pop("source_json") or "[]")
    row["target"] = json.loads(row.pop("target_json") or "[]")
    row["aux_modes"] = list(row.get("aux_modes") or [])
    return row


@lru_cache(maxsize=1)
def country_short_names() -> dict[str, str]:
    """ISO3 -> short English name ("RUS" -> "Russia"), for node and actor labels."""
    import country_converter as coco  # imported lazily: only labels need it

    frame = coco.CountryConverter().data
    return {str(iso3): str(short) for iso3, short in zip(frame["ISO3"], frame["name_short"], strict=True)}


def display_name(key: str, country: str | None, fallback: str | None) -> str:
    """A readable name for an actor key: the country's name for country keys, else the stored name."""
    if country and key == country:
        return country_short_names().get(country, fallback or key)
    return fallback or key


def actor_label(actor: dict[str, Any]) -> str:
    """How an actor is written in lists: 'United States (USA)', 'ELN', or the text it was read from."""
    name = actor.get("name")
    code = actor.get("org") or actor.get("country")
    if name and code and code.lower() != name.lower():
        return f"{name} ({code})"
    return name or code or actor.get("text") or "?"


def highlight_spans(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans of the sentence to highlight: actors, predicate and date, offsets relative to the sentence.

    Offsets in the store point into the article text; ``sentence_start`` turns them into sentence
    offsets. A span is kept only when the sentence really has that text there (a date carried over
    from an earlier sentence points elsewhere), and overlapping spans keep the first one found.
    """
    sentence: str = row["sentence"] or ""
    base: int = row.get("sentence_start") or 0
    candidates: list[dict[str, Any]] = [
        {"kind": "predicate", "start": row["start"] - base, "end": row["end"] - base, "text": row["predicate"]}
    ]
    for role in ("source", "target"):
        for actor in row.get(role) or []:
            candidates.append({
                "kind": role, "start": actor["start"] - base, "end": actor["end"] - base, "text": actor["text"],
            })
    if row.get("date_text") and row.get("date_start") is not None and row.get("date_end") is not None:
        candidates.append({
            "kind": "date", "start": row["date_start"] - base, "end": row["date_end"] - base,
            "text": row["date_text"],
        })
    kept: list[dict[str, Any]] = []
    for span in candidates:
        start, end = span["start"], span["end"]
        if not (0 <= start < end <= len(sentence)) or sentence[start:end] != span["text"]:
            continue
        if any(start < other["end"] and other["start"] < end for other in kept):
            continue
        kept.append(span)
    return sorted(kept, key=lambda span: span["start"])


def sentence_segments(sentence: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sentence cut into consecutive pieces, each marked with the kind of span it is (or None)."""
    segments: list[dict[str, Any]] = []
    cursor = 0
    for span in spans:
        if span["start"] > cursor:
            segments.append({"text": sentence[cursor:span["start"]], "kind": None})
        segments.append({"text": sentence[span["start"]:span["end"]], "kind": span["kind"]})
        cursor = span["end"]
    if cursor < len(sentence):
        segments.append({"text": sentence[cursor:], "kind": None})
    return segments


def date_resolution(row: dict[str, Any], spans: list[dict[str, Any]]) -> str:
    """In words: where the event date came from."""
    if row.get("event_date") is None:
        return "no date could be resolved"
    precision = row.get("date_precision") or "day"
    if row.get("date_from_publication"):
        return f"no date in the text: the article's publication date was used (precision: {precision})"
    if row.get("date_text"):
        if any(span["kind"] == "date" for span in spans):
            return (f"from \u201c{row['date_text']}\u201d in the sentence, resolved against the publication "
                    f"date (precision: {precision})")
        return (f"from \u201c{row['date_text']}\u201d in an earlier sentence of the article, carried over "
                f"(precision: {precision})")
    return f"resolved date (precision: {precision})"


class QueryWatchdog:
    """One background thread that interrupts queries still running at their deadline.

    A thread per query (threading.Timer) costs milliseconds to start under load; this one sleeps until
    the earliest deadline or until a new query arrives.
    """

    def __init__(self) -> None:
        self._watched: dict[int, tuple[float, duckdb.DuckDBPyConnection]] = {}
        self._next_token = 0
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, cursor: duckdb.DuckDBPyConnection, seconds: float) -> int:
        with self._wake:
            self._next_token += 1
            self._watched[self._next_token] = (time.monotonic() + seconds, cursor)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="heron-query-watchdog", daemon=True)
                self._thread.start()
            self._wake.notify()
            return self._next_token

    def release(self, token: int) -> None:
        with self._wake:
            self._watched.pop(token, None)

    def _run(self) -> None:
        with self._wake:
            while True:
                now = time.monotonic()
                for token, (deadline, cursor) in list(self._watched.items()):
                    if deadline <= now:
                        del self._watched[token]
                        cursor.interrupt()  # the query raises InterruptException in its own thread
                earliest = min((deadline for deadline, _ in self._watched.values()), default=None)
                self._wake.wait(None if earliest is None else max(0.0, earliest - now))


class WebStore:
    """A read-only view of a Heron database for the web app.

    One DuckDB connection is opened read-only at start-up; each request gets its own cursor, so
    concurrent requests do not share cursor state.
    """

    def __init__(self, path: str | Path, *, query_timeout: float | None = DEFAULT_QUERY_TIMEOUT) -> None:
        self.path = Path(path)
        if query_timeout is not None and query_timeout <= 0:
            raise ValueError("query_timeout must be positive (or None for no limit)")
        self.query_timeout = query_timeout
        self._watchdog = QueryWatchdog()
        if not self.path.is_file():
            raise DatabaseUnavailable(f"{self.path}: no such database file (build one with `heron ingest ... --db`)")
        try:
            self._connection = duckdb.connect(str(self.path), read_only=True)
            # No files beyond this one (no COPY TO, ATTACH, read_csv, extension installs), and the
            # configuration locked so no statement can switch that back on. Set after connecting rather
            # than as connect() config: DuckDB refuses a second in-process connection to the same file
            # with a different config, and these settings then cover every such connection anyway.
            # A second store over the same file in one process shares the (already sealed) instance.
            external, locked = self._connection.execute(
                "SELECT current_setting('enable_external_access'), current_setting('lock_configuration')"
            ).fetchone()
            if external:
                self._connection.execute("SET enable_external_access = false")
            if not locked:
                self._connection.execute("SET lock_configuration = true")
        except duckdb.Error as error:
            raise DatabaseUnavailable(f"{self.path}: cannot open the database read-only: {error}") from error
        self._lock = threading.Lock()
        tables = {row[0] for row in self._connection.execute("SELECT table_name FROM information_schema.tables")
                  .fetchall()}
        missing = {"events", "event_actors", "articles"} - tables
        if missing:
            self._connection.close()
            raise DatabaseUnavailable(
                f"{self.path}: not a Heron database (missing tables: {', '.join(sorted(missing))})"
            )
        self.tables = tables
        self.merge = MergeTables.detect(self._connection, tables)

    def close(self) -> None:
        self._connection.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            return self._connection.cursor()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one query (fixed SQL text, request values in ``params``) under the time limit."""
        cursor = self.cursor()
        # The watchdog interrupts a query still running at the limit; one that finishes just past it is
        # refused too, so the limit means the same whether or not the interrupt landed in time.
        token = self._watchdog.watch(cursor, self.query_timeout) if self.query_timeout else None
        started = time.monotonic()
        try:
            result = cursor.execute(sql, list(params))
            names = [d[0] for d in result.description]
            rows = result.fetchall()
        except duckdb.InterruptException as error:
            raise QueryTimeout(self._timeout_message()) from error
        finally:
            if token is not None:
                self._watchdog.release(token)
            cursor.close()
        if self.query_timeout and time.monotonic() - started > self.query_timeout:
            raise QueryTimeout(self._timeout_message())
        return names, rows

    def _timeout_message(self) -> str:
        return (f"the query took longer than the server's limit of {self.query_timeout:g} s and was stopped; "
                "narrow the filters (dates, actor, type) or ask the operator to raise --query-timeout")

    def _where(self, query: EventQuery) -> tuple[str, list[Any]]:
        return where_sql(query, self.merge.story_mentions_sql if self.merge else None)

    def resolve_level(self, level: str) -> str:
        """'merged' or 'mention' for a requested level ('auto' = merged when the database has it)."""
        if level not in LEVELS:
            raise BadRequest(f"level must be one of {', '.join(LEVELS)}")
        if level == "merged" and not self.merge:
            raise BadRequest("this database has no merged events (the merge stage has not run on it): "
                             "use level=mention or level=auto")
        return "merged" if level != "mention" and self.merge else "mention"

    def _level_source(self, query: EventQuery, level: str) -> tuple[str, str, list[Any]]:
        """FROM target, WHERE clause and parameters for an event list at a level."""
        if self.resolve_level(level) == "merged":
            assert self.merge is not None
            where, params = merged_where_sql(query, self.merge.story_mentions_sql)
            return MERGED_RELATION, where, params
        where, params = self._where(query)
        return "events e", where, params

    # ------------------------------------------------------------------ overview
    def meta(self) -> dict[str, Any]:
        names, rows = self._rows(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT min(event_date) FROM events), (SELECT max(event_date) FROM events)"
        )
        articles, events, first, last = rows[0]
        _, types = self._rows("SELECT DISTINCT coalesce(plover_type, 'STATEMENT') FROM events ORDER BY 1")
        info: dict[str, Any] = {
            "database": self.path.name,
            "articles": articles,
            "events": events,
            "first_event_date": _jsonable(first),
            "last_event_date": _jsonable(last),
            "plover_types": [t[0] for t in types],
            "quad_classes": list(QUAD_CLASSES),
            "level": "merged" if self.merge else "mention",
            "stories_available": bool(self.merge and self.merge.has_stories),
        }
        if self.merge:
            info.update(self.merge.counts(self))
        return info

    # ------------------------------------------------------------------ events
    def count_events(self, query: EventQuery, level: str = "mention") -> int:
        relation, where, params = self._level_source(query, level)
        _, rows = self._rows(f"SELECT count(*) FROM {relation} {where}", params)
        return int(rows[0][0])

    def list_events(
        self, query: EventQuery, *, sort: str = "date", descending: bool = False, offset: int = 0,
        limit: int = 50, level: str = "mention",
    ) -> list[dict[str, Any]]:
        """One page of events: mentions, or merged events (each with its corroboration) at level merged."""
        relation, where, params = self._level_source(query, level)
        merged = relation == MERGED_RELATION
        direction = "DESC" if descending else "ASC"
        order = SORT_COLUMNS[sort]  # whitelist: a sort key that is not listed raises KeyError before any SQL
        tie_break = ("e.event_date NULLS LAST, e.published NULLS LAST, e.event_id" if merged
                     else "e.event_date NULLS LAST, e.article_id, e.sentence_index, e.\"start\"")
        columns = f"{EVENT_LIST_COLUMNS}, e.mentions, e.articles" if merged else EVENT_LIST_COLUMNS
        sql = (
            f"SELECT {columns} FROM {relation} {where} "
            f"ORDER BY {order} {direction} NULLS LAST, {tie_break} LIMIT ? OFFSET ?"
        )
        names, rows = self._rows(sql, [*params, limit, offset])
        events = [_event_row(names, values) for values in rows]
        if merged:
            assert self.merge is not None
            self.merge.annotate_merged(self, events)
        elif self.merge:
            self.merge.annotate(self, events)
        for event in events:
            event["source_label"] = "; ".join(actor_label(a) for a in event["source"])
            event["target_label"] = "; ".join(actor_label(a) for a in event["target"])
            event.setdefault("mentions", 1)
            event.setdefault("articles", 1)
            event.setdefault("level", "mention")
        return events

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with every mention (its evidence sentences, highlighted) and its article."""
        if self.merge:
            merged = self.merge.merged_event(self, event_id)
            if merged is not None:
                return merged
        names, rows = self._rows(
            "SELECT e.*, a.title, a.published_from FROM events e LEFT JOIN articles a USING (article_id) "
            "WHERE e.event_id = ?",
            [event_id],
        )
        if not rows:
            return None
        row = _event_row(names, rows[0])
        mention = self.mention(row)
        event = {
            key: row[key] for key in (
                "event_id", "plover_type", "mode", "context", "cameo", "goldstein", "quad", "predicate",
                "event_date", "date_text", "date_precision", "date_from_publication", "location", "confidence",
                "aux_modes", "quote", "speaker",
            )
        }
        event.update({
            "level": "mention",
            "source": row["source"],
            "target": row["target"],
            "source_label": "; ".join(actor_label(a) for a in row["source"]),
            "target_label": "; ".join(actor_label(a) for a in row["target"]),
            "date_resolution": mention["date_resolution"],
            "mentions": [mention],
            "merged_event_id": self.merge.merged_id_for(self, event_id) if self.merge else None,
        })
        return event

    def mention(self, row: dict[str, Any]) -> dict[str, Any]:
        spans = highlight_spans(row)
        return {
            "event_id": row["event_id"],
            "article_id": row["article_id"],
            "title": row.get("title"),
            "outlet": row.get("outlet"),
            "url": row.get("url"),
            "published": row.get("published"),
            "published_from": row.get("published_from"),
            "sentence_index": row.get("sentence_index"),
            "sentence": row["sentence"],
            "predicate": row["predicate"],
            "plover_type": row.get("plover_type"),
            "event_date": row.get("event_date"),
            "date_text": row.get("date_text"),
            "date_resolution": date_resolution(row, spans),
            "highlights": spans,
            "segments": sentence_segments(row["sentence"] or "", spans),
        }

    # ------------------------------------------------------------------ actors and network
    def actors(self, query: EventQuery, limit: int) -> list[dict[str, Any]]:
        where, params = self._where(query)
        sql = (
            f"SELECT {ACTOR_KEY_SQL} AS actor, any_value(a.name) AS name, any_value(a.country) AS country, "
            "any_value(a.org) AS org, count(DISTINCT a.event_id) AS events, "
            "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'source') AS as_source, "
            "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'target') AS as_target, "
            "round(avg(e.goldstein), 2) AS mean_goldstein "
            f"FROM event_actors a JOIN events e USING (event_id) {where} "
            f"{'AND' if where else 'WHERE'} {ACTOR_KEY_SQL} IS NOT NULL "
            "GROUP BY 1 ORDER BY events DESC, actor LIMIT ?"
        )
        names, rows = self._rows(sql, [*params, limit])
        actors = [dict(zip(names, row, strict=True)) for row in rows]
        for actor in actors:
            actor["label"] = display_name(actor["actor"], actor["country"], actor["name"])
        return actors

    def network(self, query: EventQuery, max_edges: int) -> dict[str, Any]:
        """Actors as nodes, source->target dyads as edges with event counts and mean Goldstein."""
        where, params = self._where(query)
        key_s = ACTOR_KEY_SQL.replace("a.", "s.")
        key_t = ACTOR_KEY_SQL.replace("a.", "t.")
        sql = (
            f"SELECT {key_s} AS source, {key_t} AS target, count(DISTINCT e.event_id) AS events, "
            "round(avg(e.goldstein), 2) AS mean_goldstein, "
            "any_value(s.name) AS source_name, any_value(t.name) AS target_name, "
            "any_value(s.country) AS source_country, any_value(t.country) AS target_country "
            "FROM events e JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' "
            "JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target' "
            f"{where} {'AND' if where else 'WHERE'} {key_s} IS NOT NULL AND {key_t} IS NOT NULL "
            f"AND {key_s} <> {key_t} GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"
        )
        names, rows = self._rows(sql, [*params, max_edges])
        edges = [dict(zip(names, row, strict=True)) for row in rows]
        nodes: dict[str, dict[str, Any]] = {}
        for edge in edges:
            for side in ("source", "target"):
                key = edge[side]
                name = display_name(key, edge[f"{side}_country"], edge[f"{side}_name"])
                node = nodes.setdefault(key, {"id": key, "name": name, "events": 0})
                node["events"] += edge["events"]
        return {
            "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": [
                {"source": e["source"], "target": e["target"], "events": e["events"],
                 "mean_goldstein": e["mean_goldstein"]}
                for e in edges
            ],
        }

    # ------------------------------------------------------------------ time series
    def timeseries(
        self, query: EventQuery, *, actor_a: str, actor_b: str, interval: str, directed: bool
    ) -> list[dict[str, Any]]:
        """Counts per quad class and mean Goldstein per period for the dyad A->B (and B->A unless directed)."""
        unit = INTERVALS[interval]
        side = (
            "e.event_id IN (SELECT a.event_id FROM event_actors a WHERE a.role = ? AND ("
            "upper(a.country) = upper(?) OR upper(a.org) = upper(?) OR lower(a.name) = lower(?)))"
        )
        forward = f"({side} AND {side})"
        dyad_sql = forward if directed else f"({forward} OR ({side} AND {side}))"
        dyad_params: list[Any] = ["source", actor_a, actor_a, actor_a, "target", actor_b, actor_b, actor_b]
        if not directed:
            dyad_params += ["source", actor_b, actor_b, actor_b, "target", actor_a, actor_a, actor_a]
        query = EventQuery(**{**query.__dict__, "extra_clauses": [dyad_sql], "extra_params": dyad_params})
        where, params = self._where(query)
        quad_columns = ", ".join(f"count(*) FILTER (WHERE e.quad = '{q}') AS {q}" for q in QUAD_CLASSES)
        sql = (
            f"SELECT date_trunc('{unit}', e.event_date) AS period, count(*) AS events, "
            f"round(avg(e.goldstein), 2) AS mean_goldstein, {quad_columns} "
            f"FROM events e {where} {'AND' if where else 'WHERE'} e.event_date IS NOT NULL "
            "GROUP BY 1 ORDER BY 1"
        )
        names, rows = self._rows(sql, params)
        found = {row[0].date(): dict(zip(names, row, strict=True)) for row in rows}
        return [
            {**(found.get(period) or _empty_period(period)), "period": period.isoformat()}
            for period in _periods(min(found), max(found), unit)
        ] if found else []

    # ------------------------------------------------------------------ stories
    def stories(self) -> list[dict[str, Any]]:
        return self.merge.stories(self) if self.merge and self.merge.has_stories else []

    def story(self, story_id: str) -> dict[str, Any] | None:
        return self.merge.story(self, story_id) if self.merge and self.merge.has_stories else None

    # ------------------------------------------------------------------ downloads
    def iter_download(
        self, query: EventQuery, *, sort: str, descending: bool, level: str = "mention"
    ) -> Iterator[dict[str, Any]]:
        """All events of a filter (up to MAX_DOWNLOAD_ROWS), flat rows for CSV/JSON."""
        offset, chunk = 0, 2000
        while offset < MAX_DOWNLOAD_ROWS:
            events = self.list_events(query, sort=sort, descending=descending, offset=offset,
                                      limit=min(chunk, MAX_DOWNLOAD_ROWS - offset), level=level)
            yield from events
            if len(events) < chunk:
                return
            offset += chunk


MAX_PERIODS = 3000


def _periods(first: date, last: date, unit: str) -> list[date]:
    """Every period start from first to last, so gaps in a series show as zero-event periods."""
    periods = [first]
    while periods[-1] < last and len(periods) < MAX_PERIODS:
        current = periods[-1]
        if unit == "day":
            periods.append(current + timedelta(days=1))
        elif unit == "week":
            periods.append(current + timedelta(days=7))
        else:
            periods.append(date(current.year + current.month // 12, current.month % 12 + 1, 1))
    return periods


def _empty_period(period: date) -> dict[str, Any]:
    return {"period": period, "events": 0, "mean_goldstein": None, **{quad: 0 for quad in QUAD_CLASSES}}


DOWNLOAD_COLUMNS = [
    "event_id", "event_date", "date_precision", "plover_type", "mode", "cameo", "quad", "goldstein",
    "source_label", "target_label", "predicate", "sentence", "location", "confidence", "mentions", "articles",
    "outlet", "url", "published", "article_id",
]


def csv_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=DOWNLOAD_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for index, event in enumerate(events, start=1):
        writer.writerow({key: event.get(key) for key in DOWNLOAD_COLUMNS})
        if index % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for index, event in enumerate(events):
        yield ("," if index else "") + json.dumps(event, ensure_ascii=False)
    yield "]\n"


class MergeTables:
    """Merged events and stories, when the merge stage has written them (see ``detect``)."""

    story_mentions_sql: str | None = None
    has_stories: bool = False

    @classmethod
    def detect(cls, connection: duckdb.DuckDBPyConnection, tables: set[str]) -> MergeTables | None:
        from heron.web.merged import detect_merge_tables

        return detect_merge_tables(connection, tables)

    def counts(self, store: WebStore) -> dict[str, Any]:  # pragma: no cover - overridden
        return {}

    def annotate(self, store: WebStore, events: list[dict[str, Any]]) -> None:  # pragma: no cover
        return None

    def annotate_merged(self, store: WebStore, events: list[dict[str, Any]]) -> None:  # pragma: no cover
        return None

    def merged_event(self, store: WebStore, event_id: str) -> dict[str, Any] | None:  # pragma: no cover
        return None

    def merged_id_for(self, store: WebStore, event_id: str) -> str | None:  # pragma: no cover
        return None

    def stories(self, store: WebStore) -> list[dict[str, Any]]:  # pragma: no cover
        return []

    def story(self, store: WebStore, story_id: str) -> dict[str, Any] | None:  # pragma: no cover
        return None
