"""Score coded articles against hand-written expected events (the demo corpus's expected_events.yaml).

An expected event is found when an event of its article lies in the sentence that contains
``sentence_contains`` and has the expected PLOVER type (a negated expectation also accepts REJECT,
PLOVER's code for a refused act). Its date and source country are scored on the found events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heron.records import Article, Event


@dataclass
class ExpectedEventsReport:
    total: int = 0
    found: int = 0
    dated: int = 0
    date_correct: int = 0
    with_source: int = 0
    source_correct: int = 0
    trap_total: int = 0
    trap_violations: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.dated if self.dated else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_correct / self.with_source if self.with_source else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "expected": self.total, "found": self.found, "recall": round(self.recall, 4),
            "date_accuracy": round(self.date_accuracy, 4), "source_country_accuracy": round(self.source_accuracy, 4),
            "false_positive_traps": self.trap_total, "trap_violations": self.trap_violations,
        }


def article_key(article: Article) -> tuple[str, str | None]:
    """(file name, JSONL record id) of an article, to match expected events."""
    name = Path(article.source_path).name
    record = article.source_id.rsplit("#", 1)[1] if "#" in article.source_id else None
    return name, record


def _matches_type(expected: dict[str, Any], event: Event) -> bool:
    gold = expected.get("plover_type")
    if expected.get("negated"):
        return event.plover_type == "REJECT" or (event.plover_type == gold and "negation" in event.aux_modes)
    return event.plover_type == gold


def _codes(value: Any) -> set[str]:
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)


def score_expected_events(
    results: Sequence[tuple[Article, Sequence[Event]]],
    expected: Sequence[dict[str, Any]],
    traps: Sequence[dict[str, Any]] = (),
) -> ExpectedEventsReport:
    by_article: dict[tuple[str, str | None], tuple[Article, Sequence[Event]]] = {
        article_key(article): (article, events) for article, events in results
    }
    report = ExpectedEventsReport()
    for item in expected:
        if item.get("optional") or item.get("language"):
            continue
        report.total += 1
        article, events = by_article.get((item["file"], item.get("record")), (None, ()))
        if article is None:
            report.missing.append(f"{item['id']}: article not coded")
            continue
        position = article.text.find(item["sentence_contains"])
        in_sentence = [e for e in events if e.sentence_start <= position < e.sentence_start + len(e.sentence)]
        hits = [e for e in in_sentence if _matches_type(item, e)]
        if not hits:
            found_types = sorted({str(e.plover_type) for e in in_sentence})
            report.missing.append(f"{item['id']}: expected {item.get('plover_type')}, found {found_types}")
            continue
        report.found += 1
        best = max(hits, key=lambda e: e.confidence)
        if item.get("event_date"):
            report.dated += 1
            report.date_correct += str(best.event_date) == str(item["event_date"])
        gold_sources = _codes(item.get("source_country"))
        if gold_sources:
            report.with_source += 1
            predicted = {a.country or a.org for e in hits for a in e.source}
            report.source_correct += bool(gold_sources & predicted)
    for trap in traps:
        article, events = by_article.get((trap["file"], trap.get("record")), (None, ()))
        if article is None:
            continue
        report.trap_total += 1
        position = article.text.find(trap["sentence_contains"])
        typed = [e for e in events if e.plover_type and e.sentence_start <= position < e.sentence_start + len(e.sentence)]
        report.trap_violations += bool(typed)
    return report
