"""Scores Heron's events against the gold files.

Every scorer takes the gold records and, per record, the list of events Heron found in that record's
text. What is scored is always the sentence's *first* event: the one with the highest confidence,
the earliest in the list on ties (this is how the headline figures in the gold README are defined).
A sentence where Heron finds no event counts as wrong.

Each scorer returns a small dataclass with a ``to_dict()`` giving plain JSON-serialisable values and
a ``misses`` list (one dict per sentence that was not fully right) for error analysis.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from heron.evaluation.gold import (
    PLOVER_TYPES,
    QUAD_CLASSES,
    GsrActor,
    GsrRecord,
    QuadRecord,
    RolesRecord,
)
from heron.records import Actor, Event

CONFIDENCE_CUTOFFS: tuple[float, ...] = (0.5, 0.8, 0.95)
NO_EVENT = "none"  # the confusion-table column for sentences where Heron found no (typed) event


# ---------------------------------------------------------------------------------------------- basics


def first_event(events: Sequence[Event]) -> Event | None:
    """The event with the highest confidence; the earliest one on ties; None when there is none."""
    best: Event | None = None
    for event in events:
        if best is None or _confidence(event) > _confidence(best):
            best = event
    return best


def _confidence(event: Event) -> float:
    return float(event.confidence) if event.confidence is not None else 0.0


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _check_lengths(records: Sequence[Any], predictions: Sequence[Any]) -> None:
    if len(records) != len(predictions):
        raise ValueError(f"{len(records)} gold records but {len(predictions)} prediction lists")


@dataclass
class ClassScore:
    """Precision/recall/F1 of one class; ``support`` is its gold count, ``predicted`` its predicted count."""

    precision: float
    recall: float
    f1: float
    support: int
    predicted: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "predicted": self.predicted,
        }


@dataclass
class CountScore:
    """Precision/recall/F1 from true-positive, false-positive and false-negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Cutoff:
    """Sentences whose first event has confidence >= ``threshold``.

    ``coverage`` is the share of all sentences kept; ``accuracy`` is measured among the kept ones
    (None when none is kept). Sentences without an event are never kept.
    """

    threshold: float
    kept: int
    coverage: float
    accuracy: float | None
    extra: dict[str, float | None] = field(default_factory=dict)  # task-specific figures (roles F1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "kept": self.kept,
            "coverage": self.coverage,
            "accuracy": self.accuracy,
            **self.extra,
        }


def _cutoffs(confidences: Sequence[float | None], correct: Sequence[bool]) -> list[Cutoff]:
    results = []
    for threshold in CONFIDENCE_CUTOFFS:
        kept = [
            ok
            for confidence, ok in zip(confidences, correct, strict=True)
            if confidence is not None and confidence >= threshold
        ]
        accuracy = _ratio(sum(kept), len(kept)) if kept else None
        results.append(Cutoff(threshold, len(kept), _ratio(len(kept), len(confidences)), accuracy))
    return results


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    n: int
    accuracy: float
    mean_confidence: float


@dataclass(frozen=True)
class Reliability:
    """How far confidence is from accuracy: events grouped by confidence, each group's accuracy beside its
    mean confidence, and the expected calibration error (the groups' gaps weighted by their size; 0 is
    perfect calibration)."""

    bins: tuple[ReliabilityBin, ...]
    expected_calibration_error: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "expected_calibration_error": round(self.expected_calibration_error, 4),
            "bins": [{"low": b.low, "high": b.high, "n": b.n, "accuracy": round(b.accuracy, 4),
                      "mean_confidence": round(b.mean_confidence, 4)} for b in self.bins],
        }


RELIABILITY_EDGES: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0)


def reliability(confidences: Sequence[float | None], correct: Sequence[bool],
                edges: Sequence[float] = RELIABILITY_EDGES) -> Reliability:
    """Reliability of confidences against outcomes (entries without a confidence are left out)."""
    pairs = [(c, ok) for c, ok in zip(confidences, correct, strict=True) if c is not None]
    bins: list[ReliabilityBin] = []
    gap = 0.0
    for index, (low, high) in enumerate(zip(edges[:-1], edges[1:], strict=True)):
        last = index == len(edges) - 2
        inside = [(c, ok) for c, ok in pairs if low <= c < high or (last and c == high)]
        if not inside:
            continue
        accuracy = sum(ok for _, ok in inside) / len(inside)
        mean_confidence = sum(c for c, _ in inside) / len(inside)
        bins.append(ReliabilityBin(low, high, len(inside), accuracy, mean_confidence))
        gap += len(inside) * abs(accuracy - mean_confidence)
    return Reliability(tuple(bins), gap / len(pairs) if pairs else 0.0)


def _cutoffs_dict(cutoffs: list[Cutoff]) -> dict[str, Any]:
    return {f"{cutoff.threshold:g}": cutoff.to_dict() for cutoff in cutoffs}


@dataclass
class Classification:
    """Accuracy, macro-F1, per-class scores and confusion table of a single-label task."""

    n: int
    correct: int
    accuracy: float
    macro_f1: float
    macro_classes: list[str]  # the classes the macro average was taken over
    per_class: dict[str, ClassScore]
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label (or "none") -> count


def classify(gold: Sequence[str], predicted: Sequence[str | None], classes: Sequence[str]) -> Classification:
    """Score single-label predictions; a None prediction ("no event") is wrong.

    The macro-F1 averages the F1 of the ``classes`` that occur in the gold labels or the predictions;
    classes absent from both are left out (their F1 is undefined, and counting them as 0 or 1 would
    make the figure depend on how many classes the sample happens to miss). Predicted labels outside
    ``classes`` are wrong and show up as their own column in the confusion table.
    """
    predicted_labels = [label if label is not None else NO_EVENT for label in predicted]
    per_class: dict[str, ClassScore] = {}
    for label in classes:
        true_positive = sum(
            1 for g, p in zip(gold, predicted_labels, strict=True) if g == label and p == label
        )
        support = sum(1 for g in gold if g == label)
        predicted_count = sum(1 for p in predicted_labels if p == label)
        precision, recall = _ratio(true_positive, predicted_count), _ratio(true_positive, support)
        per_class[label] = ClassScore(precision, recall, _f1(precision, recall), support, predicted_count)
    macro_classes = [label for label, score in per_class.items() if score.support or score.predicted]
    macro_f1 = _ratio(sum(per_class[label].f1 for label in macro_classes), len(macro_classes))

    # Rows: gold labels in class order; columns: every label seen, then "none".
    seen = set(gold) | set(predicted_labels)
    extra_labels = sorted(seen - set(classes) - {NO_EVENT})
    rows = [label for label in [*classes, *extra_labels] if label in set(gold)]
    columns = [label for label in [*classes, *extra_labels] if label in seen] + [NO_EVENT]
    confusion = {row: dict.fromkeys(columns, 0) for row in rows}
    for g, p in zip(gold, predicted_labels, strict=True):
        confusion[g][p] += 1

    correct = sum(1 for g, p in zip(gold, predicted_labels, strict=True) if g == p)
    return Classification(
        len(gold), correct, _ratio(correct, len(gold)), macro_f1, macro_classes, per_class, confusion
    )


def _classification_dict(result: Classification, per_class_key: str) -> dict[str, Any]:
    return {
        "n": result.n,
        "correct": result.correct,
        "accuracy": result.accuracy,
        "macro_f1": result.macro_f1,
        "macro_over": list(result.macro_classes),
        per_class_key: {label: score.to_dict() for label, score in result.per_class.items()},
        "confusion": {row: dict(cells) for row, cells in result.confusion.items()},
    }


def _actor_dict(actor: Actor) -> dict[str, Any]:
    return {
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "country": actor.country,
        "sector": actor.sector,
        "org": actor.org,
    }


# ------------------------------------------------------------------------------------ actor codes


@dataclass(frozen=True)
class GoldCodes:
    """How gold actor codes map to Heron's Actor fields (data/gold_codes.yaml documents the format)."""

    country_codes: dict[str, str]
    actor_kinds: dict[str, tuple[bool, frozenset[str]]]  # code -> (any org matches, sector names)
    sectors: dict[str, frozenset[str]]  # CAMEO sector code -> Heron sector names

    def iso3(self, code: str) -> str:
        code = code.strip().upper()
        return self.country_codes.get(code, code)

    def sector_names(self, gold_sector: str) -> frozenset[str] | None:
        """Heron sector names matching a gold sector ("CVLalb" -> civilians); None when not scored."""
        return self.sectors.get(gold_sector.strip()[:3].upper()) if gold_sector.strip() else None


@functools.cache
def load_gold_codes() -> GoldCodes:
    text = resources.files("heron.evaluation").joinpath("data/gold_codes.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return GoldCodes(
        country_codes={str(k).upper(): str(v).upper() for k, v in data["country_codes"].items()},
        actor_kinds={
            str(code).upper(): (
                bool(spec.get("any_org")),
                frozenset(s.lower() for s in spec.get("sectors", [])),
            )
            for code, spec in data["actor_kinds"].items()
        },
        sectors={
            str(code).upper(): frozenset(n.lower() for n in names) for code, names in data["sectors"].items()
        },
    )


def country_matches(
    gold: GsrActor, predicted: Sequence[Actor], codes: GoldCodes | None = None
) -> bool | None:
    """Does any predicted actor carry the gold actor's country (or kind, for IGO/NGO/IMG)?

    None when the gold actor has no code (not scored).
    """
    codes = codes or load_gold_codes()
    if not gold.code:
        return None
    code = gold.code.strip().upper()
    if code in codes.actor_kinds:
        any_org, sectors = codes.actor_kinds[code]
        return any((any_org and actor.org) or (actor.sector or "").lower() in sectors for actor in predicted)
    wanted = codes.iso3(code)
    return any(actor.country and codes.iso3(actor.country) == wanted for actor in predicted)


def sector_matches(gold: GsrActor, predicted: Sequence[Actor], codes: GoldCodes | None = None) -> bool | None:
    """Does any predicted actor carry the gold actor's sector? None when the gold sector is not scored."""
    codes = codes or load_gold_codes()
    names = codes.sector_names(gold.sector)
    if names is None:
        return None
    return any((actor.sector or "").lower() in names for actor in predicted)


# --------------------------------------------------------------------------------------------- PLOVER


@dataclass
class PloverScores:
    classification: Classification
    actor_country_n: int
    actor_country_correct: int
    actor_sector_n: int
    actor_sector_correct: int
    cutoffs: list[Cutoff]
    misses: list[dict[str, Any]]
    reliability: Reliability | None = None  # of the first event's confidence, for its type

    @property
    def actor_country_accuracy(self) -> float | None:
        return _ratio(self.actor_country_correct, self.actor_country_n) if self.actor_country_n else None

    @property
    def actor_sector_accuracy(self) -> float | None:
        return _ratio(self.actor_sector_correct, self.actor_sector_n) if self.actor_sector_n else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **_classification_dict(self.classification, "per_type"),
            "actor_country_n": self.actor_country_n,
            "actor_country_accuracy": self.actor_country_accuracy,
            "actor_sector_n": self.actor_sector_n,
            "actor_sector_accuracy": self.actor_sector_accuracy,
            "cutoffs": _cutoffs_dict(self.cutoffs),
            "reliability": self.reliability.to_dict() if self.reliability else None,
        }


def score_plover(records: Sequence[GsrRecord], predictions: Sequence[Sequence[Event]]) -> PloverScores:
    """Event type of the first event against the gold PLOVER type, plus actor codes.

    - Type: accuracy and macro-F1 over the 16 PLOVER types (types absent from both gold and
      predictions are excluded from the macro average); no event, or a first event whose
      ``plover_type`` is None (a bare statement), counts as "none" and is wrong.
    - Actor country: for every gold source/target actor with a code, is there an actor on the same
      side of the first event whose ``country`` is that code (CAMEO-style codes such as JAP mapped to
      ISO-3)? For IGO/NGO/IMG codes, any actor with an ``org``, or a matching sector, counts.
      A gold actor marked SRC/TAR (a party to a joint act: "X and Y agreed", "X held talks with Y")
      is source and target at once, so an actor on either side of the event counts.
    - Actor sector: likewise for gold actors with a scoreable sector ("GOV" -> government, ...;
      ethnic suffixes such as "CVLalb" are dropped; "***" is not scored).
    A sentence without an event fails every actor it has. Mappings live in data/gold_codes.yaml.
    """
    _check_lengths(records, predictions)
    codes = load_gold_codes()
    firsts = [first_event(events) for events in predictions]
    predicted_types = [event.plover_type if event else None for event in firsts]
    result = classify([r.event for r in records], predicted_types, PLOVER_TYPES)

    country_n = country_correct = sector_n = sector_correct = 0
    misses: list[dict[str, Any]] = []
    for record, event, predicted, sentence_events in zip(records, firsts, predicted_types, predictions, strict=True):
        actor_misses: list[dict[str, Any]] = []
        for side in ("source", "target"):
            for gold_actor in getattr(record, side):
                heron_actors: list[Actor] = _actors_on_side(event, side, gold_actor.both_sides)
                country_ok = country_matches(gold_actor, heron_actors, codes)
                sector_ok = sector_matches(gold_actor, heron_actors, codes)
                if country_ok is not None:
                    country_n += 1
                    country_correct += country_ok
                if sector_ok is not None:
                    sector_n += 1
                    sector_correct += sector_ok
                if country_ok is False or sector_ok is False:
                    actor_misses.append(
                        {
                            "side": side,
                            "text": gold_actor.text,
                            "code": gold_actor.code,
                            "sector": gold_actor.sector,
                            "country_ok": country_ok,
                            "sector_ok": sector_ok,
                        }
                    )
        if predicted != record.event or actor_misses:
            misses.append(
                {
                    "task": "plover",
                    "id": record.record_id,
                    "sentence": record.text,
                    "gold": record.event,
                    "predicted": predicted,
                    "type_correct": predicted == record.event,
                    "confidence": _confidence(event) if event else None,
                    "predicate": event.predicate if event else None,
                    "cameo": event.cameo if event else None,
                    "actor_misses": actor_misses,
                    "predicted_source": [_actor_dict(a) for a in event.source] if event else [],
                    "predicted_target": [_actor_dict(a) for a in event.target] if event else [],
                    "gold_actors": {"source": len(record.source), "target": len(record.target)},
                    **_event_evidence(event, sentence_events),
                }
            )

    confidences = [
        _confidence(e) if e and t is not None else None for e, t in zip(firsts, predicted_types, strict=True)
    ]
    correct = [p == r.event for p, r in zip(predicted_types, records, strict=True)]
    return PloverScores(
        result, country_n, country_correct, sector_n, sector_correct, _cutoffs(confidences, correct), misses,
        reliability(confidences, correct),
    )


def _actors_on_side(event: Event | None, side: str, both_sides: bool) -> list[Actor]:
    """Heron's actors that a gold actor of ``side`` is compared with."""
    if event is None:
        return []
    if both_sides:
        return [*event.source, *event.target]
    return list(getattr(event, side))


def _event_evidence(event: Event | None, sentence_events: Sequence[Event]) -> dict[str, Any]:
    """What error analysis needs about the scored event (see heron.evaluation.causes)."""
    if event is None:
        return {"events_in_sentence": len(sentence_events)}
    return {
        "events_in_sentence": len(sentence_events),
        "aux_modes": list(event.aux_modes or []),
        "predicate_start": event.start,
        "predicate_end": event.end,
        "other_types": sorted({e.plover_type or f"statement {e.cameo}" for e in sentence_events if e is not event}),
        "reported": any(e is not event and e.cameo.startswith("01") for e in sentence_events),
    }


# ----------------------------------------------------------------------------------------------- quad


@dataclass
class QuadScores:
    classification: Classification
    cutoffs: list[Cutoff]
    misses: list[dict[str, Any]]
    reliability: Reliability | None = None  # of the first event's confidence, for its quad class

    def to_dict(self) -> dict[str, Any]:
        return {
            **_classification_dict(self.classification, "per_class"),
            "cutoffs": _cutoffs_dict(self.cutoffs),
            "reliability": self.reliability.to_dict() if self.reliability else None,
        }


def score_quad(records: Sequence[QuadRecord], predictions: Sequence[Sequence[Event]]) -> QuadScores:
    """``Event.quad`` of the first event against the gold quad class; no event is wrong ("none").

    Accuracy, macro-F1 over the five quad classes (classes absent from both gold and predictions are
    left out of the average), per-class precision/recall/F1 and the confusion table.
    """
    _check_lengths(records, predictions)
    firsts = [first_event(events) for events in predictions]
    predicted = [event.quad if event else None for event in firsts]
    result = classify([r.quad for r in records], predicted, QUAD_CLASSES)
    misses = [
        {
            "task": "quad",
            "id": r.record_id,
            "sentence": r.text,
            "gold": r.quad,
            "predicted": p,
            "confidence": _confidence(e) if e else None,
            "predicate": e.predicate if e else None,
            "cameo": e.cameo if e else None,
            "plover_type": e.plover_type if e else None,
            **_event_evidence(e, sentence_events),
        }
        for r, p, e, sentence_events in zip(records, predicted, firsts, predictions, strict=True)
        if p != r.quad
    ]
    confidences = [_confidence(e) if e else None for e in firsts]
    correct = [p == r.quad for p, r in zip(predicted, records, strict=True)]
    return QuadScores(result, _cutoffs(confidences, correct), misses, reliability(confidences, correct))


# ---------------------------------------------------------------------------------------------- roles

_ROLE_NAMES = {"S": "source", "T": "target"}
RECIPROCAL_LABEL = "R"  # both parties of a symmetric act (see _gold_roles)


def actor_token_indices(actor: Actor, offsets: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of the tokens whose character span overlaps the actor's [start, end)."""
    if actor.start is None or actor.end is None or actor.end <= actor.start:
        return []
    return [i for i, (start, end) in enumerate(offsets) if start < actor.end and actor.start < end]


@dataclass
class RoleCounts:
    span: CountScore = field(default_factory=CountScore)
    token: CountScore = field(default_factory=CountScore)

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "token": self.token.to_dict()}


@dataclass
class RolesScores:
    n: int
    source: RoleCounts
    target: RoleCounts
    combined: RoleCounts
    sentences_with_event: int
    cutoffs: list[Cutoff]
    misses: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "sentences_with_event": self.sentences_with_event,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "combined": self.combined.to_dict(),
            "cutoffs": _cutoffs_dict(self.cutoffs),
        }


def _predicted_roles(event: Event | None, record: RolesRecord) -> dict[str, tuple[set, set]]:
    """Per role: (spans as (start, end) token ranges, token indices) of the first event's actors."""
    roles: dict[str, tuple[set, set]] = {}
    for label, side in _ROLE_NAMES.items():
        spans: set[tuple[int, int]] = set()
        tokens: set[int] = set()
        for actor in getattr(event, side) if event else []:
            indices = actor_token_indices(actor, record.offsets)
            if indices:
                spans.add((indices[0], indices[-1] + 1))
                tokens.update(indices)
        roles[label] = (spans, tokens)
    return roles


def _gold_roles(record: RolesRecord, predicted: dict[str, tuple[set, set]]) -> dict[str, tuple[set, set]]:
    """Per role: (gold spans, gold token indices), with the reciprocal ("R") parties given a side.

    In sentences with no S or T at all, the gold tags both parties of a symmetric act ("X will meet
    Y", "X held talks with Y") as R. CAMEO and PLOVER code such an act with one party as source and the
    other as target, so there an R span counts on the side Heron reports it (exactly) on; an R span
    Heron does not report exactly takes the reading-order convention: the first-named party is the
    source, the others targets. Its tokens follow its span's side. Elsewhere R (another role) is not
    scored.
    """
    spans = {label: set(record.spans(label)) for label in _ROLE_NAMES}
    reciprocal = [] if any(spans.values()) else sorted(record.spans(RECIPROCAL_LABEL))
    unplaced = [span for span in reciprocal if not any(span in predicted[label][0] for label in _ROLE_NAMES)]
    for span in reciprocal:
        if span in predicted["S"][0]:
            spans["S"].add(span)
        elif span in predicted["T"][0]:
            spans["T"].add(span)
        else:
            spans["S" if span == unplaced[0] and not spans["S"] else "T"].add(span)
    return {label: (found, {i for start, end in found for i in range(start, end)}) for label, found in spans.items()}


def _span_texts(record: RolesRecord, spans: set[tuple[int, int]]) -> list[dict[str, Any]]:
    return [
        {"tokens": [start, end], "text": record.text[record.offsets[start][0] : record.offsets[end - 1][1]]}
        for start, end in sorted(spans)
    ]


def score_roles(records: Sequence[RolesRecord], predictions: Sequence[Sequence[Event]]) -> RolesScores:
    """Source (S) and target (T) spans of the first event against the gold BIO spans.

    Each predicted Actor's character span is mapped to the tokens it overlaps, and becomes the token
    range from the first to the last of them. Only the first event's actors are scored (the gold has
    one event per sentence). In sentences without S or T, "R" spans (both parties of a symmetric act)
    count as source or target as ``_gold_roles`` places them; elsewhere "R" (another role) is ignored.

    - Exact span: a predicted span is a true positive when it equals a gold span of the same role
      exactly (same first and last token); duplicate predicted spans count once.
    - Token level: a token is a true positive for a role when it is tagged with that role in the gold
      and lies inside a predicted actor of that role. A token predicted as T but tagged S is a false
      positive for T and a false negative for S.
    - Combined: micro-average over S and T (their counts summed).
    - Cut-offs: "accuracy" is the share of kept sentences whose predicted S and T spans both equal
      the gold spans exactly; ``span_f1`` and ``token_f1`` are the combined F1s over kept sentences.
    A sentence with no event contributes only false negatives.
    """
    _check_lengths(records, predictions)
    by_role = {label: RoleCounts() for label in _ROLE_NAMES}
    misses: list[dict[str, Any]] = []
    firsts = [first_event(events) for events in predictions]
    per_sentence: list[tuple[float | None, bool, RoleCounts]] = []
    for record, event in zip(records, firsts, strict=True):
        predicted = _predicted_roles(event, record)
        gold = _gold_roles(record, predicted)
        sentence_counts = RoleCounts()
        for label in _ROLE_NAMES:
            for counts in (by_role[label], sentence_counts):
                counts.span.add(predicted[label][0], gold[label][0])
                counts.token.add(predicted[label][1], gold[label][1])
        exact = all(predicted[label][0] == gold[label][0] for label in _ROLE_NAMES)
        per_sentence.append((_confidence(event) if event else None, exact, sentence_counts))
        if not exact:
            misses.append(
                {
                    "task": "roles",
                    "id": record.record_id,
                    "sentence": record.text,
                    "confidence": _confidence(event) if event else None,
                    "predicate": event.predicate if event else None,
                    **{
                        f"gold_{name}": _span_texts(record, gold[label][0])
                        for label, name in _ROLE_NAMES.items()
                    },
                    **{
                        f"predicted_{name}": _span_texts(record, predicted[label][0])
                        for label, name in _ROLE_NAMES.items()
                    },
                }
            )

    cutoffs = _cutoffs([c for c, _, _ in per_sentence], [ok for _, ok, _ in per_sentence])
    for cutoff in cutoffs:
        kept = [counts for c, _, counts in per_sentence if c is not None and c >= cutoff.threshold]
        span = CountScore(
            sum(k.span.tp for k in kept), sum(k.span.fp for k in kept), sum(k.span.fn for k in kept)
        )
        token = CountScore(
            sum(k.token.tp for k in kept), sum(k.token.fp for k in kept), sum(k.token.fn for k in kept)
        )
        cutoff.extra = {"span_f1": span.f1 if kept else None, "token_f1": token.f1 if kept else None}

    combined = RoleCounts(
        CountScore(*(sum(getattr(by_role[r].span, k) for r in _ROLE_NAMES) for k in ("tp", "fp", "fn"))),
        CountScore(*(sum(getattr(by_role[r].token, k) for r in _ROLE_NAMES) for k in ("tp", "fp", "fn"))),
    )
    return RolesScores(
        len(records),
        by_role["S"],
        by_role["T"],
        combined,
        sum(1 for e in firsts if e is not None),
        cutoffs,
        misses,
    )
