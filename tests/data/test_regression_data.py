"""Guards the hand-written gold data: the regression sentences and the demo corpus gold events."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from heron.demo import CORPUS_DIR, load_expected_events, load_false_positive_traps

SENTENCES_PATH = Path(__file__).resolve().parent / "regression_sentences.jsonl"
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
TAGS = {
    "negation", "hypothetical", "future", "reported_speech", "passive", "compound_actor", "nominal_event",
    "relative_date", "apposition", "light_verb", "phrasal_verb", "metonym", "igo", "hard_negative",
}
QUAD_OF_TYPE = {
    **dict.fromkeys(["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], "verbal_cooperation"),
    **dict.fromkeys(["COOPERATE", "AID", "RETREAT"], "material_cooperation"),
    **dict.fromkeys(["REQUEST", "ACCUSE", "REJECT", "THREATEN"], "verbal_conflict"),
    **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], "material_conflict"),
}


@pytest.fixture(scope="module")
def sentences() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SENTENCES_PATH.read_text(encoding="utf-8").splitlines()]


def test_every_sentence_is_consistent(sentences: list[dict[str, Any]]) -> None:
    for record in sentences:
        where = record["id"]
        assert record["plover_type"] in PLOVER_TYPES | {None}, where
        assert set(record["tags"]) <= TAGS, where
        for actor_text in record["source"] + record["target"]:
            assert actor_text in record["text"], f"{where}: {actor_text!r} not in text"
        assert record["negated"] == ("negation" in record["tags"]), where
        if record["plover_type"]:
            assert record["quad"] == QUAD_OF_TYPE[record["plover_type"]], where
            assert record["cameo"] and len(record["cameo"]) >= 2, where
        if "hard_negative" in record["tags"]:
            assert record["plover_type"] is None and record["quad"] is None, where


def test_minimum_counts_per_type_and_tag(sentences: list[dict[str, Any]]) -> None:
    types = Counter(record["plover_type"] for record in sentences)
    tags = Counter(tag for record in sentences for tag in record["tags"])
    assert len(sentences) == 502
    assert min(types[plover_type] for plover_type in PLOVER_TYPES) >= 22
    assert tags["hard_negative"] >= 40 and tags["negation"] >= 30 and tags["passive"] >= 20
    assert tags["compound_actor"] >= 20 and tags["nominal_event"] >= 30 and tags["relative_date"] >= 30


def test_relative_dates_are_resolved_against_publication(sentences: list[dict[str, Any]]) -> None:
    def starting_with(prefix: str) -> dict[str, Any]:
        return next(record for record in sentences if record["text"].startswith(prefix))

    # "on Monday" in an article published on Wednesday 2023-11-08 -> Monday 2023-11-06
    lamont = starting_with("French President Pierre Lamont met")
    assert (lamont["published"], lamont["event_date"]) == ("2023-11-08", "2023-11-06")
    # a sentence without any date phrase has no event date
    assert starting_with("Bowing to pressure from farmers")["event_date"] is None
    yesterday = [r for r in sentences if "yesterday" in r["text"] and r["event_date"]]
    assert yesterday and all(r["event_date"] < r["published"] for r in yesterday)


def _article_text(file_name: str, record_id: str | None) -> str:
    path = CORPUS_DIR / file_name
    if record_id:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return next(record["text"] for record in records if record["id"] == record_id)
    text = path.read_text(encoding="utf-8")
    if file_name.endswith(".html"):
        article = re.search(r"<article.*?</article>", text, re.S)
        assert article, file_name
        text = html.unescape(re.sub(r"<[^>]+>", " ", article.group(0)))
    return text


def test_demo_gold_points_at_unique_sentences() -> None:
    events = load_expected_events()
    assert len(events) == 124
    for item in events + load_false_positive_traps():
        text = _article_text(item["file"], item.get("record"))
        assert text.count(item["sentence_contains"]) == 1, item


def test_demo_corpus_shape() -> None:
    files = sorted(path.name for path in CORPUS_DIR.iterdir())
    assert len([name for name in files if name.endswith(".txt")]) == 10
    assert len([name for name in files if name.endswith(".html")]) == 6
    wire = [json.loads(line) for line in (CORPUS_DIR / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(wire) == 8 and {record["language"] for record in wire} == {"en", "fr"}
    events = load_expected_events()
    assert {event["plover_type"] for event in events} >= PLOVER_TYPES
    stories = Counter(event["story_event"] for event in events if "story_event" in event)
    assert stories["kt-round1-meeting"] == 3 and stories["kt-round2-meeting"] == 2
    distinct = [event for event in events if event.get("distinct_from") == "kt-round1-meeting"]
    assert {event["event_date"] for event in distinct} == {"2024-03-19"}
