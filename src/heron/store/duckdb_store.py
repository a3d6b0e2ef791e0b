"""The embedded store: one DuckDB file, no server.

Tables
    articles        one row per cleaned article (keeps the text every offset points into)
    events          one row per coded event (mention level)
    event_actors    one row per actor of an event (role = source | target), for actor queries
    ingest_errors   every input that could not be read, with file, position and reason

Writes go in one transaction per batch (articles, their events and actors, and the problems found
so far), so an interrupted run - even one killed with SIGKILL - never leaves half an article behind:
DuckDB writes a transaction to its write-ahead log only at COMMIT and replays the log when the file
is next opened, so the database holds exactly the batches that committed. Articles already stored
(same ``article_id``) are skipped and a problem already recorded (same file, position and reason) is
not recorded again, so re-ingesting is idempotent and a killed run can simply be started again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from heron.records import Article, Event, IngestProblem

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    source_path VARCHAR,
    source_id VARCHAR,
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    published TIMESTAMP,
    published_from VARCHAR,
    language VARCHAR,
    removed_noise_lines INTEGER,
    text VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR,
    sentence_index INTEGER,
    sentence VARCHAR,
    sentence_start INTEGER,
    "start" INTEGER,
    "end" INTEGER,
    predicate VARCHAR,
    plover_type VARCHAR,
    mode VARCHAR,
    context VARCHAR,
    aux_modes VARCHAR[],
    cameo VARCHAR,
    goldstein DOUBLE,
    quad VARCHAR,
    event_date DATE,
    date_text VARCHAR,
    date_start INTEGER,
    date_end INTEGER,
    date_precision VARCHAR,
    date_from_publication BOOLEAN,
    location VARCHAR,
    quote VARCHAR,
    speaker VARCHAR,
    confidence DOUBLE,
    outlet VARCHAR,
    url VARCHAR,
    published TIMESTAMP,
    source_json VARCHAR,
    target_json VARCHAR
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR,
    role VARCHAR,
    position INTEGER,
    text VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    org VARCHAR
);
CREATE TABLE IF NOT EXISTS ingest_errors (
    source_path VARCHAR,
    position VARCHAR,
    reason VARCHAR,
    seen_at TIMESTAMP DEFAULT current_timestamp
);
CREATE INDEX IF NOT EXISTS events_date_idx ON events (event_date);
CREATE INDEX IF NOT EXISTS events_type_idx ON events (plover_type);
CREATE INDEX IF NOT EXISTS events_article_idx ON events (article_id);
CREATE INDEX IF NOT EXISTS actors_event_idx ON event_actors (event_id);
CREATE INDEX IF NOT EXISTS actors_country_idx ON event_actors (country);
CREATE INDEX IF NOT EXISTS actors_name_idx ON event_actors (name);
"""

EVENT_COLUMNS = [
    "event_id", "article_id", "sentence_index", "sentence", "sentence_start", "start", "end", "predicate",
    "plover_type", "mode", "context", "aux_modes", "cameo", "goldstein", "quad", "event_date", "date_text",
    "date_start", "date_end", "date_precision", "date_from_publication", "location", "quote", "speaker",
    "confidence", "outlet", "url", "published",
]  # fmt: skip
ARTICLE_COLUMNS = [
    "article_id", "source_path", "source_id", "title", "url", "outlet", "published", "published_from",
    "language", "removed_noise_lines", "text",
]  # fmt: skip
ACTOR_COLUMNS = ["event_id", "role", "position", "text", "start", "end", "name", "country", "sector", "org"]


class StoreError(RuntimeError):
    """The database file cannot be opened or written."""


@dataclass
class EventFilter:
    actor: str | None = None  # matches actor name, text, country code or org, case-insensitive
    plover_type: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: str | None = None
    limit: int | None = None
    min_confidence: float | None = None  # keep events whose calibrated confidence is at least this


class EventStore:
    """A DuckDB database of articles and events. Use as a context manager."""

    def __init__(self, path: str | Path = "heron.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from error
        if not read_only:
            self.connection.execute(SCHEMA)

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # ------------------------------------------------------------------ writes
    def known_article_ids(self, article_ids: Iterable[str]) -> set[str]:
        ids = list(set(article_ids))
        if not ids:
            return set()
        rows = self.connection.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {row[0] for row in rows}

    def write_batch(
        self, articles: Sequence[Article], events: Sequence[Event], problems: Sequence[IngestProblem] = ()
    ) -> int:
        """Store articles, their events and ``problems`` in one transaction; known rows are skipped.

        Returns the number of articles newly written.
        """
        known = self.known_article_ids(a.article_id for a in articles)
        new_articles = [a for a in articles if a.article_id not in known]
        seen_ids: set[str] = set()
        unique_articles = []
        for article in new_articles:
            if article.article_id not in seen_ids:
                seen_ids.add(article.article_id)
                unique_articles.append(article)
        new_events = _unique_events(e for e in events if e.article_id in seen_ids)
        if not unique_articles and not problems:
            return 0
        connection = self.connection
        connection.execute("BEGIN TRANSACTION")
        try:
            self._insert_problems(problems)
            if not unique_articles:
                connection.execute("COMMIT")
                return 0
            articles_table = _arrow_table([_article_row(a) for a in unique_articles], ARTICLE_COLUMNS)
            connection.register("new_articles", articles_table)
            connection.execute(f"INSERT INTO articles ({_quoted(ARTICLE_COLUMNS)}) SELECT * FROM new_articles")
            connection.unregister("new_articles")
            if new_events:
                event_rows = [_event_row(e) for e in new_events]
                events_table = _arrow_table(event_rows, [*EVENT_COLUMNS, "source_json", "target_json"])
                connection.register("new_events", events_table)
                connection.execute(
                    f"INSERT INTO events ({_quoted([*EVENT_COLUMNS, 'source_json', 'target_json'])}) "
                    "SELECT * FROM new_events"
                )
                connection.unregister("new_events")
                actor_rows = [row for e in new_events for row in _actor_rows(e)]
                if actor_rows:
                    connection.register("new_actors", _arrow_table(actor_rows, ACTOR_COLUMNS))
                    connection.execute(f"INSERT INTO event_actors ({_quoted(ACTOR_COLUMNS)}) SELECT * FROM new_actors")
                    connection.unregister("new_actors")
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        return len(unique_articles)

    def record_problems(self, problems: Sequence[IngestProblem]) -> int:
        """Record quarantined inputs (one transaction); returns how many rows were new."""
        if not problems:
            return 0
        self.connection.execute("BEGIN TRANSACTION")
        try:
            added = self._insert_problems(problems)
            self.connection.execute("COMMIT")
        except Exception:
            self.connection.execute("ROLLBACK")
            raise
        return added

    def _insert_problems(self, problems: Sequence[IngestProblem]) -> int:
        # One row per (file, position, reason), however often the same input is re-ingested.
        unique = list(dict.fromkeys((p.source_path, p.position, p.reason) for p in problems))
        if not unique:
            return 0
        before = self._count("ingest_errors")
        table = pa.table({
            "source_path": pa.array([u[0] for u in unique], pa.string()),
            "position": pa.array([u[1] for u in unique], pa.string()),
            "reason": pa.array([u[2] for u in unique], pa.string()),
        })
        self.connection.register("new_problems", table)
        self.connection.execute(
            "INSERT INTO ingest_errors (source_path, position, reason) "
            "SELECT n.source_path, n.position, n.reason FROM new_problems n WHERE NOT EXISTS ("
            "SELECT 1 FROM ingest_errors e WHERE e.source_path = n.source_path "
            "AND e.position IS NOT DISTINCT FROM n.position AND e.reason = n.reason)"
        )
        self.connection.unregister("new_problems")
        return self._count("ingest_errors") - before

    def ingest_errors(self) -> list[dict[str, Any]]:
        """Every quarantined input, in the order first seen."""
        cursor = self.connection.execute(
            "SELECT source_path, position, reason, seen_at FROM ingest_errors ORDER BY seen_at, source_path, position"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # ------------------------------------------------------------------ reads
    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "event_actors", "ingest_errors")
        return {t: self._count(t) for t in tables}

    def _count(self, table: str) -> int:
        # fetchall, not fetchone: DuckDB 2 refuses further work while a result is only partly fetched.
        return int(self.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def query_events(self, event_filter: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching the filter, ordered by event date, as JSON-ready dicts (the Event schema)."""
        where, params = _filter_sql(event_filter or EventFilter())
        limit = f" LIMIT {int(event_filter.limit)}" if event_filter and event_filter.limit else ""
        sql = (
            f"SELECT {_quoted(EVENT_COLUMNS)}, source_json, target_json FROM events e {where} "
            f"ORDER BY event_date NULLS LAST, published NULLS LAST, article_id, sentence_index, \"start\"{limit}"
        )
        cursor = self.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        rows = []
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            row["source"] = json.loads(row.pop("source_json") or "[]")
            row["target"] = json.loads(row.pop("target_json") or "[]")
            for key in ("event_date", "published"):
                if isinstance(row[key], date | datetime):
                    row[key] = row[key].isoformat()
            row["aux_modes"] = list(row["aux_modes"] or [])
            rows.append(row)
        return rows

    def article(self, article_id: str) -> dict[str, Any] | None:
        cursor = self.connection.execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
        rows = cursor.fetchall()
        if not rows:
            return None
        return dict(zip([d[0] for d in cursor.description], rows[0], strict=True))


def _filter_sql(event_filter: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if event_filter.plover_type:
        clauses.append("upper(e.plover_type) = upper(?)")
        params.append(event_filter.plover_type)
    if event_filter.since:
        clauses.append("e.event_date >= ?")
        params.append(event_filter.since)
    if event_filter.until:
        clauses.append("e.event_date <= ?")
        params.append(event_filter.until)
    if event_filter.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(event_filter.min_confidence)
    if event_filter.article_id:
        clauses.append("e.article_id = ?")
        params.append(event_filter.article_id)
    if event_filter.actor:
        actor = event_filter.actor.strip()
        if actor.isupper() and actor.isalpha() and len(actor) <= 6:
            # A code ("RUS", "NATO") matches the country or organisation exactly.
            clauses.append("e.event_id IN (SELECT event_id FROM event_actors a WHERE a.country = ? OR upper(a.org) = ?)")
            params.extend([actor, actor])
        else:
            clauses.append(
                "e.event_id IN (SELECT event_id FROM event_actors a WHERE lower(a.name) LIKE lower(?) "
                "OR lower(a.text) LIKE lower(?) OR upper(a.country) = upper(?) OR upper(a.org) = upper(?))"
            )
            pattern = f"%{actor}%"
            params.extend([pattern, pattern, actor, actor])
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _arrow_table(rows: list[dict[str, Any]], columns: list[str]) -> pa.Table:
    return pa.table({c: [row.get(c) for row in rows] for c in columns})


def _article_row(article: Article) -> dict[str, Any]:
    return {c: getattr(article, c) for c in ARTICLE_COLUMNS}


def _event_row(event: Event) -> dict[str, Any]:
    row = {c: getattr(event, c) for c in EVENT_COLUMNS}
    row["aux_modes"] = list(event.aux_modes)
    row["source_json"] = json.dumps([a.to_dict() for a in event.source])
    row["target_json"] = json.dumps([a.to_dict() for a in event.target])
    return row


def _actor_rows(event: Event) -> list[dict[str, Any]]:
    rows = []
    for role, actors in (("source", event.source), ("target", event.target)):
        for position, actor in enumerate(actors):
            rows.append({"event_id": event.event_id, "role": role, "position": position, **actor.to_dict()})
    return rows


def _unique_events(events: Iterable[Event]) -> list[Event]:
    unique: dict[str, Event] = {}
    for event in events:
        unique.setdefault(event.event_id, event)
    return list(unique.values())
