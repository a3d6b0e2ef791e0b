from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from heron.records import Actor, Article, Event, IngestProblem
from heron.store import EventFilter, EventStore, write_events


def _article(article_id: str, text: str = "Russia and the United States held talks.") -> Article:
    return Article(article_id=article_id, text=text, source_path="a.txt", source_id="a.txt",
                   published=datetime(2022, 2, 2, 13, 29), language="en")


def _event(event_id: str, article_id: str, plover: str, day: date, country: str) -> Event:
    return Event(
        event_id=event_id, article_id=article_id, sentence_index=0, sentence="Russia held talks.", start=7,
        end=11, predicate="held", plover_type=plover, mode=None, context=None, aux_modes=["future"],
        cameo="040", goldstein=1.0, quad="verbal_cooperation",
        source=[Actor("Russia", 0, 6, "Russia", country, "government", None)],
        target=[Actor("NATO", 20, 24, "NATO", None, "igo", "NATO")], event_date=day,
    )


@pytest.fixture()
def store(tmp_path: Path) -> EventStore:
    with EventStore(tmp_path / "t.duckdb") as opened:
        opened.write_batch(
            [_article("a1"), _article("a2")],
            [_event("e1", "a1", "CONSULT", date(2021, 12, 20), "RUS"),
             _event("e2", "a2", "REJECT", date(2022, 1, 26), "USA")],
        )
        yield opened


def test_batch_is_stored_with_actors(store: EventStore) -> None:
    assert store.counts() == {"articles": 2, "events": 2, "event_actors": 4, "ingest_errors": 0}
    rows = store.query_events()
    assert [r["event_id"] for r in rows] == ["e1", "e2"]  # event-date order
    assert rows[0]["source"][0]["country"] == "RUS"
    assert rows[0]["aux_modes"] == ["future"]
    assert rows[0]["event_date"] == "2021-12-20"


def test_rewriting_same_articles_adds_nothing(store: EventStore) -> None:
    written = store.write_batch([_article("a1")], [_event("e1", "a1", "CONSULT", date(2021, 12, 20), "RUS")])
    assert written == 0
    assert store.counts()["events"] == 2


def test_filters(store: EventStore) -> None:
    assert [r["event_id"] for r in store.query_events(EventFilter(actor="usa"))] == ["e2"]
    assert [r["event_id"] for r in store.query_events(EventFilter(actor="USA"))] == ["e2"]
    assert [r["event_id"] for r in store.query_events(EventFilter(actor="NATO"))] == ["e1", "e2"]
    assert [r["event_id"] for r in store.query_events(EventFilter(actor="Russ"))] == ["e1", "e2"]
    assert [r["event_id"] for r in store.query_events(EventFilter(actor="nato"))] == ["e1", "e2"]
    assert [r["event_id"] for r in store.query_events(EventFilter(plover_type="consult"))] == ["e1"]
    assert [r["event_id"] for r in store.query_events(EventFilter(since=date(2022, 1, 1)))] == ["e2"]
    assert [r["event_id"] for r in store.query_events(EventFilter(until=date(2021, 12, 31)))] == ["e1"]


def test_actor_filter_is_parameterised(store: EventStore) -> None:
    assert store.query_events(EventFilter(actor="x' OR 1=1 --")) == []
    assert store.counts()["events"] == 2


def test_problems_are_recorded(store: EventStore) -> None:
    store.record_problems([IngestProblem("bad.jsonl", "malformed JSON", "line 3")])
    row = store.connection.execute("SELECT source_path, position, reason FROM ingest_errors").fetchone()
    assert row == ("bad.jsonl", "line 3", "malformed JSON")


def test_exports(store: EventStore, tmp_path: Path) -> None:
    rows = store.query_events()
    csv_text = write_events(rows, "csv", None)
    assert csv_text.splitlines()[0].startswith("event_date,plover_type")
    assert "Russia" in csv_text.splitlines()[1]
    write_events(rows, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 2
    assert table.column("source_countries").to_pylist() == ["RUS", "USA"]
    with pytest.raises(ValueError, match="needs --out"):
        write_events(rows, "parquet", None)
    with pytest.raises(ValueError, match="unknown format"):
        write_events(rows, "xml", None)
