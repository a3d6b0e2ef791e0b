"""GDELT TSV and partitioned Parquet exports, and the Ray runner against the local runner."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from heron.cli.core import demo_corpus_path
from heron.records import Actor, Article, Event
from heron.runners.local import ingest_paths
from heron.store import EventStore
from heron.store.gdelt import gdelt_columns, write_gdelt_tsv, write_partitioned_parquet


def _event(event_id: str, day: date | None, cameo: str, quad: str, **extra) -> Event:
    return Event(
        event_id=event_id, article_id="art1", sentence_index=0, sentence="Kenya met Tanzania in Arusha.",
        start=6, end=9, predicate="met", plover_type="CONSULT", mode=None, context=None, cameo=cameo,
        goldstein=1.0, quad=quad, event_date=day, location="Arusha", url="https://ex.org/a", **extra,
    )


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    db = tmp_path / "g.duckdb"
    article = Article(article_id="art1", text="Kenya met Tanzania in Arusha.", source_path="x", source_id="x")
    events = [
        _event("a1b2c3d4e5f60718", date(2023, 3, 14), "040", "verbal_cooperation",
               source=[Actor("Kenya", 0, 5, name="Kenya", country="KEN", sector="government")],
               target=[Actor("police", 10, 16, name="police", country="TZA", sector="police")]),
        _event("ffff000011112222", date(2022, 12, 31), "190", "material_conflict",
               source=[Actor("NATO", 0, 4, name="NATO", org="NATO", sector="igo")]),
        _event("0000aaaabbbbcccc", None, "0211", "verbal_cooperation"),  # no date at all: not in GDELT
    ]
    with EventStore(db) as store:
        store.write_batch([article], events)
    return db


def test_gdelt_tsv_reads_back_with_documented_columns(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.export.CSV"
    with EventStore(small_store, read_only=True) as store:
        written, skipped = write_gdelt_tsv(store, out)
    assert (written, skipped) == (2, 1)
    columns = gdelt_columns()
    assert len(columns) == 61
    assert columns[:3] == ("GLOBALEVENTID", "SQLDATE", "MonthYear") and columns[-1] == "SOURCEURL"
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [dict(zip(columns, line, strict=True)) for line in csv.reader(handle, delimiter="\t")]
    first, second = rows  # event-date order
    assert first["SQLDATE"] == "20221231" and first["Year"] == "2022" and first["MonthYear"] == "202212"
    assert first["Actor1Code"] == "IGONATO" and first["Actor1KnownGroupCode"] == "NATO"
    assert first["EventRootCode"] == "19" and first["QuadClass"] == "4" and first["Actor2Code"] == ""
    assert second["GLOBALEVENTID"] == str(int("a1b2c3d4e5f6071", 16))
    assert second["SQLDATE"] == "20230314" and second["FractionDate"] == "2023.2000"
    assert (second["Actor1Code"], second["Actor1Name"], second["Actor1Type1Code"]) == ("KENGOV", "KENYA", "GOV")
    assert (second["Actor2Code"], second["Actor2CountryCode"]) == ("TZACOP", "TZA")
    assert (second["EventCode"], second["EventBaseCode"], second["EventRootCode"]) == ("040", "040", "04")
    assert second["QuadClass"] == "1" and second["IsRootEvent"] == "1" and second["NumMentions"] == "1"
    assert second["ActionGeo_FullName"] == "Arusha" and second["SOURCEURL"] == "https://ex.org/a"
    assert second["DATEADDED"] == "20230314000000" and second["AvgTone"] == ""


def test_partitioned_parquet_by_event_month(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    with EventStore(small_store, read_only=True) as store:
        assert write_partitioned_parquet(store, out, "month") == 3
    assert (out / "year=2023" / "month=3").is_dir() and (out / "year=2022" / "month=12").is_dir()
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("event_id").to_pylist()) == ["0000aaaabbbbcccc", "a1b2c3d4e5f60718",
                                                           "ffff000011112222"]
    with EventStore(small_store, read_only=True) as store, pytest.raises(ValueError, match="granularity"):
        write_partitioned_parquet(store, out, "week")


def test_ray_runner_gives_the_local_runners_events(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    from heron.runners.ray_runner import load_shards, ray_ingest

    corpus = demo_corpus_path()
    local_db = tmp_path / "local.duckdb"
    ingest_paths([corpus], local_db, progress=False)
    summary = ray_ingest([corpus], tmp_path / "shards", num_workers=2, shard_size=8)
    assert summary.articles == 24
    loaded = load_shards(tmp_path / "shards", tmp_path / "ray.duckdb")
    assert loaded.articles_stored == 24
    with EventStore(local_db, read_only=True) as local, EventStore(tmp_path / "ray.duckdb", read_only=True) as ray:
        local_events = sorted(local.query_events(), key=lambda e: e["event_id"])
        ray_events = sorted(ray.query_events(), key=lambda e: e["event_id"])
        assert local.counts() == ray.counts()
    assert len(ray_events) == summary.events > 100
    assert ray_events == local_events
    flat = ds.dataset(tmp_path / "shards" / "events", format="parquet").to_table()
    assert flat.num_rows == summary.events
    # Loading again adds nothing (idempotent, like re-ingesting).
    assert load_shards(tmp_path / "shards", tmp_path / "ray.duckdb").articles_stored == 0
