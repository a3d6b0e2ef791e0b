"""DuckDB tables of the merge stage (heron.merge), beside the v1 tables of duckdb_store.

Tables
    merge_articles   one row per article the merge stage has seen: MinHash signature, key terms,
                     country/organisation codes of its events (a row here means "processed")
    article_links    article pairs: kind = 'duplicate' (near-duplicate copies, score = estimated
                     Jaccard) or 'topic' (same actors and key terms within the story window)
    merged_events    one row per real-world event (see heron.merge.events.MergedEvent)
    merged_mentions  which coded events (events.event_id) are evidence of which merged event
    stories          one row per story: title, date span, counts, top actors and key terms
    story_articles   which articles belong to which story
    merge_settings   the MergeSettings (JSON) the tables were built with, reused by later merges

All rows are derived data: ``heron merge --rebuild`` drops and recomputes them from the v1 tables.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

MERGE_SCHEMA = """
CREATE TABLE IF NOT EXISTS merge_articles (
    article_id VARCHAR PRIMARY KEY,
    minhash UBIGINT[],
    key_terms VARCHAR[],
    actors VARCHAR[],
    published TIMESTAMP
);
CREATE TABLE IF NOT EXISTS article_links (
    article_a VARCHAR,
    article_b VARCHAR,
    kind VARCHAR,
    score DOUBLE
);
CREATE TABLE IF NOT EXISTS merged_events (
    merged_id VARCHAR PRIMARY KEY,
    plover_type VARCHAR,
    mode VARCHAR,
    quad VARCHAR,
    cameo VARCHAR,
    goldstein DOUBLE,
    predicate VARCHAR,
    sentence VARCHAR,
    article_id VARCHAR,
    source_actors VARCHAR[],
    target_actors VARCHAR[],
    event_date DATE,
    date_precision VARCHAR,
    date_min DATE,
    date_max DATE,
    n_mentions INTEGER,
    n_articles INTEGER,
    n_outlets INTEGER,
    n_sources INTEGER,
    first_reported TIMESTAMP,
    last_reported TIMESTAMP,
    confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS merged_mentions (
    merged_id VARCHAR,
    event_id VARCHAR,
    article_id VARCHAR
);
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    first_date DATE,
    last_date DATE,
    n_articles INTEGER,
    n_events INTEGER,
    actors VARCHAR[],
    key_terms VARCHAR[]
);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id VARCHAR,
    article_id VARCHAR
);
CREATE TABLE IF NOT EXISTS merge_settings (
    settings_json VARCHAR
);
CREATE INDEX IF NOT EXISTS merged_mentions_event_idx ON merged_mentions (event_id);
CREATE INDEX IF NOT EXISTS merged_mentions_merged_idx ON merged_mentions (merged_id);
CREATE INDEX IF NOT EXISTS merged_events_date_idx ON merged_events (event_date);
CREATE INDEX IF NOT EXISTS story_articles_article_idx ON story_articles (article_id);
"""

MERGE_TABLES = (
    "merge_articles", "article_links", "merged_events", "merged_mentions", "stories", "story_articles", "merge_settings",
)

MERGED_COLUMNS = [
    "merged_id", "plover_type", "mode", "quad", "cameo", "goldstein", "predicate", "sentence", "article_id",
    "source_actors", "target_actors", "event_date", "date_precision", "date_min", "date_max", "n_mentions",
    "n_articles", "n_outlets", "n_sources", "first_reported", "last_reported", "confidence",
]  # fmt: skip


def ensure_merge_schema(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute(MERGE_SCHEMA)


def has_merge_tables(connection: duckdb.DuckDBPyConnection) -> bool:
    rows = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('merged_events', 'stories')"
    ).fetchone()
    return bool(rows and rows[0] == 2)


def drop_merge_tables(connection: duckdb.DuckDBPyConnection) -> None:
    for table in MERGE_TABLES:
        connection.execute(f"DROP TABLE IF EXISTS {table}")


def read_settings_json(connection: duckdb.DuckDBPyConnection) -> str | None:
    """The stored MergeSettings JSON; None for a database merged before settings were stored, or never."""
    exists = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'merge_settings'"
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = connection.execute("SELECT settings_json FROM merge_settings LIMIT 1").fetchone()
    return row[0] if row else None


def write_settings_json(connection: duckdb.DuckDBPyConnection, settings_json: str) -> None:
    connection.execute("DELETE FROM merge_settings")
    connection.execute("INSERT INTO merge_settings VALUES (?)", [settings_json])


# ---------------------------------------------------------------------- articles and links
def unprocessed_article_ids(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "SELECT article_id FROM articles WHERE article_id NOT IN (SELECT article_id FROM merge_articles) "
        "ORDER BY article_id"
    ).fetchall()
    return [r[0] for r in rows]


def read_article_texts(connection: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not article_ids:
        return []
    cursor = connection.execute(
        "SELECT article_id, title, text, published, published_from, outlet, url FROM articles "
        "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id",
        [list(article_ids)],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def read_signatures(connection: duckdb.DuckDBPyConnection) -> dict[str, np.ndarray]:
    rows = connection.execute("SELECT article_id, minhash FROM merge_articles WHERE minhash IS NOT NULL").fetchall()
    return {article_id: np.array(values, dtype=np.uint64) for article_id, values in rows}


def write_merge_articles(connection: duckdb.DuckDBPyConnection, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    table = pa.table({
        "article_id": pa.array([r["article_id"] for r in rows], pa.string()),
        "minhash": pa.array([[int(v) for v in r["minhash"]] for r in rows], pa.list_(pa.uint64())),
        "key_terms": pa.array([r["key_terms"] for r in rows], pa.list_(pa.string())),
        "actors": pa.array([r["actors"] for r in rows], pa.list_(pa.string())),
        "published": pa.array([r["published"] for r in rows], pa.timestamp("us")),
    })
    connection.register("new_merge_articles", table)
    connection.execute("INSERT INTO merge_articles SELECT * FROM new_merge_articles")
    connection.unregister("new_merge_articles")


def read_article_features(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cursor = connection.execute(
        "SELECT m.article_id, m.key_terms, m.actors, m.published, a.title FROM merge_articles m "
        "JOIN articles a USING (article_id) ORDER BY m.article_id"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def write_links(connection: duckdb.DuckDBPyConnection, links: Iterable[tuple[str, str, str, float]]) -> None:
    rows = sorted(set(links))
    if not rows:
        return
    table = pa.table({
        "article_a": pa.array([r[0] for r in rows], pa.string()), "article_b": pa.array([r[1] for r in rows], pa.string()),
        "kind": pa.array([r[2] for r in rows], pa.string()), "score": pa.array([r[3] for r in rows], pa.float64()),
    })
    connection.register("new_links", table)
    connection.execute("INSERT INTO article_links SELECT * FROM new_links")
    connection.unregister("new_links")


def read_links(connection: duckdb.DuckDBPyConnection, kind: str | None = None) -> list[tuple[str, str, str, float]]:
    sql = "SELECT article_a, article_b, kind, score FROM article_links"
    params: list[Any] = []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    return [tuple(r) for r in connection.execute(sql, params).fetchall()]


# ---------------------------------------------------------------------- mentions and merged events
def family_sql(cameo_groups: Sequence[str]) -> tuple[str, list[str]]:
    """SQL for a mention's merge family (heron.merge.events.family_of) over ``events e``, and its parameters:
    the first ``cameo_groups`` entry with a prefix of its CAMEO code, else its PLOVER type or STATEMENT."""
    cases, params = [], []
    for group in cameo_groups:
        prefixes = [p for p in group.split("+") if p]
        if prefixes:
            cases.append(f"WHEN {' OR '.join(['starts_with(e.cameo, ?)'] * len(prefixes))} THEN ?")
            params.extend([*prefixes, group])
    plover = "coalesce(nullif(e.plover_type, ''), 'STATEMENT')"
    if not cases:
        return plover, params
    untyped = "coalesce(e.plover_type, '') = '' OR coalesce(e.cameo, '') = ''"
    return f"CASE WHEN {untyped} THEN {plover} {' '.join(cases)} ELSE {plover} END", params


def _articles_clause(article_ids: Sequence[str] | None) -> tuple[str, list[Any]]:
    if article_ids is None:
        return "TRUE", []
    return "e.article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)]


def mention_families(
    connection: duckdb.DuckDBPyConnection, cameo_groups: Sequence[str], article_ids: Sequence[str] | None = None
) -> list[str]:
    """The merge families of the events of ``article_ids`` (None: of every event)."""
    family, params = family_sql(cameo_groups)
    where, where_params = _articles_clause(article_ids)
    rows = connection.execute(
        f"SELECT DISTINCT {family} AS family FROM events e WHERE {where} ORDER BY family", [*params, *where_params]
    ).fetchall()
    return [r[0] for r in rows]


def read_mentions(
    connection: duckdb.DuckDBPyConnection, *, family: str | None = None, cameo_groups: Sequence[str] = (),
    article_ids: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Event rows with their article's publication data: those of one merge family (``family_sql``
    with ``cameo_groups``) or of every family, of ``article_ids`` or of every article."""
    return list(iter_mentions(connection, family=family, cameo_groups=cameo_groups, article_ids=article_ids))


def iter_mentions(
    connection: duckdb.DuckDBPyConnection, *, family: str | None = None, cameo_groups: Sequence[str] = (),
    article_ids: Sequence[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """``read_mentions`` a few thousand rows at a time, for callers that keep less than the rows; read
    it to the end before the next query on ``connection``."""
    clauses, params = [], []
    if family is not None:
        family_expression, family_params = family_sql(cameo_groups)
        clauses.append(f"{family_expression} = ?")
        params.extend([*family_params, family])
    where, where_params = _articles_clause(article_ids)
    clauses.append(where)
    params.extend(where_params)
    cursor = connection.execute(
        "SELECT e.event_id, e.article_id, e.sentence_start, e.sentence, e.predicate, e.plover_type, e.mode, "
        "e.quad, e.cameo, e.goldstein, e.event_date, e.date_precision, e.date_from_publication, e.date_text, "
        "e.source_json, "
        "e.target_json, e.confidence, a.published, a.published_from, coalesce(a.outlet, e.outlet) AS outlet "
        f"FROM events e JOIN articles a USING (article_id) WHERE {' AND '.join(clauses)} ORDER BY e.event_id",
        params,
    )
    names = [d[0] for d in cursor.description]
    # Columns with few distinct values: one string object each instead of one per row.
    repeated = [i for i, name in enumerate(names) if name in _REPEATED_COLUMNS]
    while chunk := cursor.fetchmany(4096):
        for values in chunk:
            values = list(values)
            for i in repeated:
                if values[i] is not None:
                    values[i] = sys.intern(values[i])
            row = dict(zip(names, values, strict=True))
            row["source_codes"] = _codes(row.pop("source_json"))
            row["target_codes"] = _codes(row.pop("target_json"))
            yield row


_REPEATED_COLUMNS = frozenset({
    "article_id", "plover_type", "mode", "quad", "cameo", "date_precision", "published_from", "outlet",
})


def count_mentions(connection: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> int:
    """How many events of ``article_ids`` read_mentions gives (those of stored articles)."""
    where, params = _articles_clause(article_ids)
    rows = connection.execute(
        f"SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE {where}", params
    ).fetchall()
    return int(rows[0][0])


def article_actor_codes(connection: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, list[str]]:
    """Per article, the country/organisation codes of its events' sources and targets (one per event and
    role, so a code counts once for each event it acts in)."""
    codes: dict[str, list[str]] = {article_id: [] for article_id in article_ids}
    where, params = _articles_clause(article_ids)
    for article_id, source_json, target_json in connection.execute(
        f"SELECT e.article_id, e.source_json, e.target_json FROM events e WHERE {where}", params
    ).fetchall():
        codes[article_id].extend(_codes(source_json) + _codes(target_json))
    return codes


def _codes(actors_json: str | None) -> tuple[str, ...]:
    """Country/organisation codes of an actor list (the organisation wins: NATO, not its members)."""
    codes: list[str] = []
    for actor in json.loads(actors_json or "[]"):
        code = actor.get("org") or actor.get("country")
        if code and code not in codes:
            codes.append(sys.intern(code))
    return tuple(codes)


def merged_ids_of_mentions(connection: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> list[str]:
    if not event_ids:
        return []
    rows = connection.execute(
        "SELECT DISTINCT merged_id FROM merged_mentions WHERE event_id IN (SELECT unnest(?))", [list(event_ids)]
    ).fetchall()
    return sorted(r[0] for r in rows)


def replace_merged_events(
    connection: duckdb.DuckDBPyConnection, old_ids: Sequence[str], merged: Sequence[Any]
) -> None:
    """Delete ``old_ids`` and insert ``merged`` (MergedEvent objects)."""
    if old_ids:
        connection.execute("DELETE FROM merged_mentions WHERE merged_id IN (SELECT unnest(?))", [list(old_ids)])
        connection.execute("DELETE FROM merged_events WHERE merged_id IN (SELECT unnest(?))", [list(old_ids)])
    if not merged:
        return
    events = pa.table({c: [getattr(m, c) for m in merged] for c in MERGED_COLUMNS})
    connection.register("new_merged", events)
    connection.execute(f"INSERT INTO merged_events ({', '.join(MERGED_COLUMNS)}) SELECT * FROM new_merged")
    connection.unregister("new_merged")
    mention_rows = [
        (m.merged_id, event_id, article_id)
        for m in merged
        for event_id, article_id in zip(m.mention_ids, m.mention_articles, strict=True)
    ]
    mentions = pa.table({
        "merged_id": [r[0] for r in mention_rows], "event_id": [r[1] for r in mention_rows],
        "article_id": [r[2] for r in mention_rows],
    })
    connection.register("new_mentions", mentions)
    connection.execute("INSERT INTO merged_mentions SELECT * FROM new_mentions")
    connection.unregister("new_mentions")


def merged_article_lists(connection: duckdb.DuckDBPyConnection) -> list[list[str]]:
    """The articles of every merged event reported by more than one article."""
    rows = connection.execute(
        "SELECT list(DISTINCT article_id ORDER BY article_id) FROM merged_mentions GROUP BY merged_id "
        "HAVING count(DISTINCT article_id) > 1"
    ).fetchall()
    return [list(r[0]) for r in rows]


def replace_stories(
    connection: duckdb.DuckDBPyConnection, stories: Sequence[dict[str, Any]], members: Sequence[tuple[str, str]]
) -> None:
    connection.execute("DELETE FROM story_articles")
    connection.execute("DELETE FROM stories")
    if stories:
        columns = ["story_id", "title", "first_date", "last_date", "n_articles", "n_events", "actors", "key_terms"]
        connection.register("new_stories", pa.table({c: [s[c] for s in stories] for c in columns}))
        connection.execute("INSERT INTO stories SELECT * FROM new_stories")
        connection.unregister("new_stories")
    if members:
        connection.register("new_members", pa.table({
            "story_id": [m[0] for m in members], "article_id": [m[1] for m in members],
        }))
        connection.execute("INSERT INTO story_articles SELECT * FROM new_members")
        connection.unregister("new_members")


# ---------------------------------------------------------------------- reads for the CLI and exports
@dataclass
class TimelineFilter:
    story_id: str | None = None
    actor: str | None = None  # a country/organisation code, or part of an actor's name
    since: date | None = None
    until: date | None = None
    min_sources: int = 1


def query_merged_events(connection: duckdb.DuckDBPyConnection, flt: TimelineFilter | None = None) -> list[dict[str, Any]]:
    """Merged events in date order, with their story and mention ids, as JSON-ready dicts."""
    flt = flt or TimelineFilter()
    clauses, params = ["m.n_sources >= ?"], [flt.min_sources]
    if flt.story_id:
        clauses.append(
            "m.merged_id IN (SELECT mm.merged_id FROM merged_mentions mm JOIN story_articles sa "
            "USING (article_id) WHERE sa.story_id = ?)"
        )
        params.append(flt.story_id)
    if flt.since:
        clauses.append("coalesce(m.date_max, m.event_date) >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append("coalesce(m.date_min, m.event_date) <= ?")
        params.append(flt.until)
    if flt.actor:
        actor = flt.actor.strip()
        clauses.append(
            "(list_contains(m.source_actors, upper(?)) OR list_contains(m.target_actors, upper(?)) OR "
            "m.merged_id IN (SELECT mm.merged_id FROM merged_mentions mm JOIN event_actors a USING (event_id) "
            "WHERE lower(a.name) LIKE lower(?) OR lower(a.text) LIKE lower(?)))"
        )
        params.extend([actor, actor, f"%{actor}%", f"%{actor}%"])
    cursor = connection.execute(
        f"SELECT m.*, (SELECT list(mm.event_id ORDER BY mm.event_id) FROM merged_mentions mm "
        f"WHERE mm.merged_id = m.merged_id) AS mention_ids, (SELECT min(sa.story_id) FROM merged_mentions mm "
        f"JOIN story_articles sa USING (article_id) WHERE mm.merged_id = m.merged_id) AS story_id "
        f"FROM merged_events m WHERE {' AND '.join(clauses)} "
        "ORDER BY m.event_date NULLS LAST, m.date_min NULLS LAST, m.first_reported NULLS LAST, m.merged_id",
        params,
    )
    names = [d[0] for d in cursor.description]
    return [_jsonable(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def query_stories(connection: duckdb.DuckDBPyConnection, min_articles: int = 1) -> list[dict[str, Any]]:
    cursor = connection.execute(
        "SELECT * FROM stories WHERE n_articles >= ? ORDER BY n_articles DESC, first_date NULLS LAST, story_id",
        [min_articles],
    )
    names = [d[0] for d in cursor.description]
    return [_jsonable(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def query_mentions_with_merge(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Mention-level rows (the events table's main columns) with the merged event each belongs to."""
    cursor = connection.execute(
        "SELECT e.event_id, mm.merged_id, e.article_id, e.sentence_index, e.predicate, e.plover_type, e.mode, "
        "e.cameo, e.quad, e.event_date, e.date_precision, e.source_json, e.target_json, e.confidence, "
        "e.outlet, e.sentence FROM events e LEFT JOIN merged_mentions mm USING (event_id) "
        "ORDER BY e.event_date NULLS LAST, e.article_id, e.sentence_index, e.event_id"
    )
    names = [d[0] for d in cursor.description]
    return [_jsonable(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    for key, value in row.items():
        if isinstance(value, date):
            row[key] = value.isoformat()
        elif isinstance(value, tuple):
            row[key] = list(value)
    return row


def sample_merged_events(
    connection: duckdb.DuckDBPyConnection, *, n: int, seed: int, min_mentions: int = 2, min_articles: int = 1
) -> dict[str, Any]:
    """``n`` merged events drawn at random (fixed ``seed``) among those with enough mentions and articles,
    each with its mentions (sentence, predicate, type, date), for spot checks of the merge rules."""
    import random

    eligible = [
        row[0]
        for row in connection.execute(
            "SELECT merged_id FROM merged_events WHERE n_mentions >= ? AND n_articles >= ? ORDER BY merged_id",
            [min_mentions, min_articles],
        ).fetchall()
    ]
    chosen = sorted(random.Random(seed).sample(eligible, min(n, len(eligible))))
    if not chosen:
        return {"eligible": len(eligible), "events": []}
    cursor = connection.execute(
        "SELECT * FROM merged_events WHERE merged_id IN (SELECT unnest(?)) ORDER BY merged_id", [chosen]
    )
    names = [d[0] for d in cursor.description]
    events = {row[0]: _jsonable(dict(zip(names, row, strict=True))) for row in cursor.fetchall()}
    cursor = connection.execute(
        "SELECT mm.merged_id, e.event_id, e.article_id, e.event_date, e.date_precision, e.date_from_publication, "
        "e.plover_type, e.cameo, e.predicate, e.sentence FROM merged_mentions mm JOIN events e USING (event_id) "
        "WHERE mm.merged_id IN (SELECT unnest(?)) "
        "ORDER BY mm.merged_id, e.event_date NULLS LAST, e.article_id, e.sentence_start, e.event_id",
        [chosen],
    )
    names = [d[0] for d in cursor.description]
    for event in events.values():
        event["mentions"] = []
    for row in cursor.fetchall():
        mention = _jsonable(dict(zip(names, row, strict=True)))
        events[mention.pop("merged_id")]["mentions"].append(mention)
    return {"eligible": len(eligible), "events": [events[merged_id] for merged_id in chosen]}
