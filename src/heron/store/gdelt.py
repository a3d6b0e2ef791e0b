"""Exports for existing tooling: GDELT 2.0 event-table TSV and Parquet partitioned by event date.

GDELT TSV: the 61 columns of GDELT 2.0's event table (``*.export.CSV``), in GDELT's order, tab
separated, no header row, empty fields for missing values, dates as YYYYMMDD. How each column is
made from a Heron event is documented, column by column, in ``data/gdelt_mapping.tsv`` (also the
source of the column names); sectors become CAMEO role codes through ``data/gdelt_actor_types.tsv``.
Heron rows are mentions (one per coded sentence), so NumMentions/NumSources/NumArticles are 1.

Partitioned Parquet: one Parquet dataset, hive-partitioned by the event date (``year=2023/month=3/``
or ``.../day=14/``), written by DuckDB straight from the store, so neither export holds the events
in memory: the TSV is written in batches of rows from a cursor.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from heron.store.duckdb_store import EventStore

GRANULARITIES = ("year", "month", "day")
QUAD_CLASS = {"statement": 1, "verbal_cooperation": 1, "material_cooperation": 2,
              "verbal_conflict": 3, "material_conflict": 4}
_FETCH_ROWS = 5000
_SELECT = (
    "SELECT event_id, sentence_index, cameo, goldstein, quad, event_date, location, url, published, "
    "source_json, target_json, article_id FROM events"
)


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("heron.store").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]  # the first non-comment line is the header


@cache
def gdelt_columns() -> tuple[str, ...]:
    """GDELT 2.0 event-table column names in file order (from data/gdelt_mapping.tsv)."""
    rows = sorted(_data_rows("gdelt_mapping.tsv"), key=lambda row: int(row[0]))
    return tuple(row[1] for row in rows)


@cache
def actor_type_codes() -> dict[str, str]:
    return {sector: code for sector, code in _data_rows("gdelt_actor_types.tsv")}


def gdelt_record(event: dict[str, Any]) -> dict[str, str] | None:
    """One event (``source``/``target`` as lists of actor dicts) as a GDELT row; None when it has no date."""
    day = _as_date(event.get("event_date")) or _as_date(event.get("published"))
    if day is None:
        return None
    row = dict.fromkeys(gdelt_columns(), "")
    row["GLOBALEVENTID"] = str(int(str(event["event_id"])[:15], 16))
    row["SQLDATE"] = day.strftime("%Y%m%d")
    row["MonthYear"] = day.strftime("%Y%m")
    row["Year"] = str(day.year)
    row["FractionDate"] = f"{day.year + day.timetuple().tm_yday / 365:.4f}"
    for prefix, actors in (("Actor1", event.get("source") or []), ("Actor2", event.get("target") or [])):
        if actors:
            row.update(_actor_fields(prefix, actors[0]))
    cameo = str(event.get("cameo") or "")
    row["IsRootEvent"] = "1" if event.get("sentence_index") == 0 else "0"
    row["EventCode"], row["EventBaseCode"], row["EventRootCode"] = cameo, cameo[:3], cameo[:2]
    row["QuadClass"] = str(QUAD_CLASS.get(str(event.get("quad")), 1))
    row["GoldsteinScale"] = f"{float(event.get('goldstein') or 0.0):g}"
    row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
    row["ActionGeo_FullName"] = _single_line(event.get("location"))
    published = _as_datetime(event.get("published"))
    added = published or datetime(day.year, day.month, day.day)
    row["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    row["SOURCEURL"] = _single_line(event.get("url") or event.get("article_id") or "")
    return row


def _actor_fields(prefix: str, actor: dict[str, Any]) -> dict[str, str]:
    country = actor.get("country") or ""
    org = (actor.get("org") or "").upper()
    role = actor_type_codes().get(actor.get("sector") or "", "")
    code = country + role if country else ((role + org) if role == "IGO" else role)
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": _single_line(actor.get("name") or actor.get("text") or "").upper(),
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": org,
        f"{prefix}Type1Code": role,
    }


def iter_gdelt_rows(store: EventStore) -> Iterator[dict[str, str]]:
    """GDELT rows for every dated event in the store, in event-date order, read in batches."""
    cursor = store.connection.cursor()
    cursor.execute(f"{_SELECT} ORDER BY event_date NULLS LAST, published NULLS LAST, event_id")
    names = [column[0] for column in cursor.description]
    while batch := cursor.fetchmany(_FETCH_ROWS):
        for values in batch:
            event = dict(zip(names, values, strict=True))
            event["source"] = json.loads(event.pop("source_json") or "[]")
            event["target"] = json.loads(event.pop("target_json") or "[]")
            row = gdelt_record(event)
            if row is not None:
                yield row


def write_gdelt_tsv(store: EventStore, out: Path) -> tuple[int, int]:
    """Write the GDELT 2.0 event table; returns (rows written, events skipped for having no date)."""
    total = store.connection.execute("SELECT count(*) FROM events").fetchone()[0]
    written = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        # GDELT files are not quoted; fields are cleaned of tabs and newlines instead (see _single_line).
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        for row in iter_gdelt_rows(store):
            writer.writerow(row.values())
            written += 1
    return written, total - written


def write_partitioned_parquet(store: EventStore, out_dir: Path, granularity: str = "month") -> int:
    """Events (with actors as JSON) as Parquet partitioned by event date; returns the number of events.

    Events without an event date use the publication date; events with neither go to the partition
    ``year=__HIVE_DEFAULT_PARTITION__`` (DuckDB's name for a missing key).
    """
    if granularity not in GRANULARITIES:
        raise ValueError(f"unknown partition granularity {granularity!r}; choose one of {', '.join(GRANULARITIES)}")
    keys = GRANULARITIES[: GRANULARITIES.index(granularity) + 1]
    day = "coalesce(event_date, CAST(published AS DATE))"
    parts = ", ".join(f"{key}({day}) AS {key}" for key in keys)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = str(out_dir).replace("'", "''")
    store.connection.execute(
        f"COPY (SELECT *, {parts} FROM events) TO '{target}' "
        f"(FORMAT PARQUET, PARTITION_BY ({', '.join(keys)}), OVERWRITE_OR_IGNORE)"
    )
    return store.connection.execute("SELECT count(*) FROM events").fetchone()[0]


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _single_line(value: Any) -> str:
    return " ".join(str(value or "").split())
