"""The built-in demo corpus end to end: ingest into DuckDB, idempotency, expected events."""

from pathlib import Path

import pytest

from heron.demo import CORPUS_DIR, load_expected_events, load_false_positive_traps
from heron.evaluation.expected import score_expected_events
from heron.runners.local import extract_paths, ingest_paths
from heron.store import EventFilter, EventStore


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    summary = ingest_paths([CORPUS_DIR], path, progress=False)
    assert summary.problems == []
    return path


def test_every_article_is_stored(database: Path) -> None:
    with EventStore(database, read_only=True) as store:
        counts = store.counts()
        languages = dict(store.connection.execute(
            "SELECT language, count(*) FROM articles GROUP BY language").fetchall())
    assert counts["articles"] == 24
    assert languages == {"en": 23, "fr": 1}
    assert counts["events"] > 150
    assert counts["ingest_errors"] == 0


def test_reingest_adds_nothing(database: Path) -> None:
    with EventStore(database, read_only=True) as store:
        before = store.counts()
    summary = ingest_paths([CORPUS_DIR], database, progress=False)
    assert summary.articles_stored == 0
    assert summary.articles_skipped_existing == 24
    with EventStore(database, read_only=True) as store:
        assert store.counts() == before


def test_french_article_is_kept_but_not_coded(database: Path) -> None:
    with EventStore(database, read_only=True) as store:
        french = store.connection.execute("SELECT article_id FROM articles WHERE language = 'fr'").fetchall()
        assert len(french) == 1
        assert store.query_events(EventFilter(article_id=french[0][0])) == []


def test_queries_by_actor_and_type(database: Path) -> None:
    with EventStore(database, read_only=True) as store:
        kenya = store.query_events(EventFilter(actor="KEN"))
        consults = store.query_events(EventFilter(plover_type="CONSULT"))
    assert kenya and all(any(a["country"] == "KEN" for a in e["source"] + e["target"]) for e in kenya)
    assert consults and {e["plover_type"] for e in consults} == {"CONSULT"}
    dates = [e["event_date"] for e in kenya]
    assert dates == sorted(dates)


def test_expected_events_are_found() -> None:
    results, problems = extract_paths([CORPUS_DIR], progress=False)
    assert problems == []
    report = score_expected_events(results, load_expected_events(), load_false_positive_traps())
    assert report.total >= 100
    assert report.recall >= 0.68, report.missing
    assert report.date_accuracy >= 0.72
    assert report.trap_violations <= 1
