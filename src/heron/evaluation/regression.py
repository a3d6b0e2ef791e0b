"""Score the coder on Heron's own labelled sentences (tests/data/regression_sentences.jsonl).

The set is written by this project (format in tests/data/README.md). It guards against regressions:
the test suite asserts these figures, so accuracy cannot silently fall.

Rules
- the event that counts is the highest-confidence event with a PLOVER type (statements aside);
- a sentence labelled with no PLOVER type (hard negative or bare statement) is right when Heron
  codes no typed event, or only negated ones;
- a negated sentence ("did not attack") is right when Heron returns the labelled type with the
  ``negation`` aux mode, or REJECT (PLOVER codes a refused act of cooperation as REJECT);
- dates are scored where the label has one: right when the event date equals it and came from the text;
- the source country is right when a source of the event carries one of the labelled codes. The set
  labels an international actor by its organisation family (tests/data/README.md): an organisation's
  own acronym, its parent's ("UN" for the Security Council or UNHCR), or IGO/NGO for one the list of
  acronyms does not name; Heron's organisation codes are read the same way (see org_family).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from heron.actors.lexicon import package_lexicon
from heron.evaluation.scoring import Reliability, first_event, reliability
from heron.records import Actor, Event

ExtractWithDates = Callable[[list[str], list[date | None]], list[list[Event]]]


@dataclass
class RegressionReport:
    n: int = 0
    type_correct: int = 0
    dated: int = 0
    date_correct: int = 0
    source_country_n: int = 0
    source_country_correct: int = 0
    by_tag: dict[str, list[int]] = field(default_factory=dict)  # tag -> [correct, total]
    confusion: Counter = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    judged: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right) of judged_event

    @property
    def calibration(self) -> Reliability:
        """How well the confidence of each sentence's judged event matches how often it is right."""
        return reliability([c for c, _ in self.judged], [ok for _, ok in self.judged])

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.n if self.n else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.dated if self.dated else 0.0

    @property
    def source_country_accuracy(self) -> float:
        return self.source_country_correct / self.source_country_n if self.source_country_n else 0.0

    def tag_accuracy(self, tag: str) -> float:
        correct, total = self.by_tag.get(tag, [0, 0])
        return correct / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "type_accuracy": round(self.type_accuracy, 4),
            "date_accuracy": round(self.date_accuracy, 4),
            "dated": self.dated,
            "source_country_accuracy": round(self.source_country_accuracy, 4),
            "by_tag": {tag: round(self.tag_accuracy(tag), 4) for tag in sorted(self.by_tag)},
            "calibration": self.calibration.to_dict(),
        }


def load_regression_set(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def typed_first_event(events: Sequence[Event]) -> Event | None:
    return first_event([e for e in events if e.plover_type])


def is_type_correct(record: dict[str, Any], event: Event | None) -> bool:
    gold = record.get("plover_type")
    if gold is None:
        return event is None or "negation" in event.aux_modes
    if event is None:
        return False
    if record.get("negated"):
        return event.plover_type == "REJECT" or (event.plover_type == gold and "negation" in event.aux_modes)
    return event.plover_type == gold


def judged_event(record: dict[str, Any], events: Sequence[Event]) -> tuple[Event, bool] | None:
    """The event a labelled sentence judges, and whether its type is right (the examples the confidence
    calibration is fitted on): for a sentence with a PLOVER type, its first typed event, judged as above,
    or else its first statement, which is wrong; for a statement or a hard negative, its first event, right
    when it is a bare statement (a typed event there is one too many) or a negated one. None when the
    sentence has no event."""
    if record.get("plover_type") is not None:
        typed = typed_first_event(events)
        if typed is not None:
            return typed, is_type_correct(record, typed)
        statement = first_event(events)  # the sentence's act was missed: calling it a bare statement is wrong
        return (statement, False) if statement is not None else None
    event = first_event(events)
    if event is None:
        return None
    return event, event.plover_type is None or "negation" in event.aux_modes


# Generic labels of international actors by the kind of organisation (sector of organizations.yaml).
FAMILY_OF_SECTOR = {"igo": "IGO", "ngo": "NGO"}


@lru_cache(maxsize=1)
def _organisations() -> dict[str, tuple[str | None, str | None]]:
    """Org code -> (parent org code, sector) of the package's organisations."""
    table: dict[str, tuple[str | None, str | None]] = {}
    for entry in package_lexicon().package_entries:
        if entry.kind == "organization" and entry.org:
            table.setdefault(entry.org.upper(), (entry.parent.upper() if entry.parent else None, entry.sector))
    return table


def org_family(org: str) -> frozenset[str]:
    """The labels an organisation answers to in the set: its own code, its parents' codes and its kind
    (IGO, NGO): the Security Council is "UNSC", "UN" and "IGO"; Amnesty International "AMNESTY" and
    "NGO"."""
    codes: set[str] = set()
    code: str | None = org.upper()
    while code is not None and code not in codes:
        codes.add(code)
        parent, sector = _organisations().get(code, (None, None))
        if sector in FAMILY_OF_SECTOR:
            codes.add(FAMILY_OF_SECTOR[sector])
        code = parent
    return frozenset(codes)


def source_codes(actors: Sequence[Actor]) -> set[str]:
    """The codes the sources answer to: a country's ISO code, or else an organisation's family."""
    codes: set[str] = set()
    for actor in actors:
        if actor.country:
            codes.add(actor.country.upper())
        elif actor.org:
            codes |= org_family(actor.org)
    return codes


def score_regression(records: Sequence[dict[str, Any]], extract: ExtractWithDates) -> RegressionReport:
    texts = [r["text"] for r in records]
    published = [date.fromisoformat(r["published"]) if r.get("published") else None for r in records]
    predictions = extract(texts, published)
    report = RegressionReport()
    for record, events in zip(records, predictions, strict=True):
        event = typed_first_event(events)
        correct = is_type_correct(record, event)
        judged = judged_event(record, events)
        if judged is not None:
            report.judged.append((judged[0].confidence, judged[1]))
        report.n += 1
        report.type_correct += correct
        report.confusion[(record.get("plover_type"), event.plover_type if event else None)] += 1
        for tag in record.get("tags") or []:
            counts = report.by_tag.setdefault(tag, [0, 0])
            counts[0] += correct
            counts[1] += 1
        if record.get("event_date") and record.get("plover_type"):
            report.dated += 1
            if event and not event.date_from_publication and str(event.event_date) == record["event_date"]:
                report.date_correct += 1
        gold_countries = set(record.get("source_country") or [])
        if gold_countries and record.get("plover_type"):
            report.source_country_n += 1
            predicted = source_codes(event.source) if event else set()
            if {code.upper() for code in gold_countries} & predicted:
                report.source_country_correct += 1
        if not correct:
            report.misses.append({
                "id": record["id"], "text": record["text"], "gold": record.get("plover_type"),
                "predicted": event.plover_type if event else None,
                "cameo": event.cameo if event else None, "tags": record.get("tags"),
            })
    return report
