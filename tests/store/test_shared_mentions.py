"""Two actors read from one mention ("Kenyan and Ugandan troops": one per country, same words and
offsets) go through the store, the actor filter, the evidence view and the GDELT export."""

from datetime import date, datetime
from pathlib import Path

from heron.records import Actor, Article, Event
from heron.store import EventFilter, EventStore
from heron.store.gdelt import gdelt_record
from heron.web.queries import highlight_spans, sentence_segments

TEXT = "Kenyan and Ugandan troops attacked the camp."
MENTION = "Kenyan and Ugandan troops"


def _event() -> Event:
    return Event(
        event_id="abc0123456789def", article_id="a1", sentence_index=0, sentence=TEXT, start=26, end=34,
        predicate="attacked", plover_type="ASSAULT", mode=None, context=None, cameo="190", goldstein=-10.0,
        quad="material_conflict", event_date=date(2024, 5, 6),
        source=[Actor(MENTION, 0, 25, "Kenya", "KEN", "military"), Actor(MENTION, 0, 25, "Uganda", "UGA", "military")],
        target=[Actor("the camp", 35, 43, None, None, None)],
    )


def test_both_countries_are_stored_and_found(tmp_path: Path) -> None:
    article = Article(article_id="a1", text=TEXT, source_path="a.txt", source_id="a.txt",
                      published=datetime(2024, 5, 6), language="en")
    with EventStore(tmp_path / "t.duckdb") as store:
        store.write_batch([article], [_event()])
        assert store.counts()["event_actors"] == 3
        [row] = store.query_events()
        assert [a["country"] for a in row["source"]] == ["KEN", "UGA"]
        for country in ("KEN", "UGA"):
            assert [r["event_id"] for r in store.query_events(EventFilter(actor=country))] == ["abc0123456789def"]


def test_the_shared_mention_is_highlighted_once() -> None:
    event = _event()
    row = {"sentence": TEXT, "sentence_start": 0, "start": event.start, "end": event.end,
           "predicate": event.predicate, "source": [a.to_dict() for a in event.source],
           "target": [a.to_dict() for a in event.target]}
    spans = highlight_spans(row)
    assert [(s["kind"], s["text"]) for s in spans] == [("source", MENTION), ("predicate", "attacked"),
                                                       ("target", "the camp")]
    assert "".join(segment["text"] for segment in sentence_segments(TEXT, spans)) == TEXT


def test_gdelt_row_takes_the_first_country() -> None:
    event = _event()
    record = {**event.__dict__, "source": [a.to_dict() for a in event.source],
              "target": [a.to_dict() for a in event.target]}
    row = gdelt_record(record)
    assert row is not None and row["Actor1CountryCode"] == "KEN" and row["Actor1Code"].startswith("KEN")
