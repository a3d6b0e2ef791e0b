"""Scorers: exact figures on hand-made gold records and hand-made Heron events."""

from __future__ import annotations

import pytest

from heron.evaluation.gold import GsrActor, GsrRecord, QuadRecord, RolesRecord, reconstruct_text
from heron.evaluation.scoring import (
    country_matches,
    first_event,
    score_plover,
    score_quad,
    score_roles,
    sector_matches,
)
from heron.records import Actor, Event


def make_event(
    plover_type: str | None = None,
    confidence: float = 0.5,
    *,
    quad: str = "statement",
    source: list[Actor] | None = None,
    target: list[Actor] | None = None,
) -> Event:
    return Event(
        event_id="e",
        article_id="a",
        sentence_index=0,
        sentence="",
        start=0,
        end=1,
        predicate="x",
        plover_type=plover_type,
        mode=None,
        context=None,
        quad=quad,
        confidence=confidence,
        source=source or [],
        target=target or [],
    )


def actor(text: str = "x", start: int = 0, end: int = 1, **fields: str) -> Actor:
    return Actor(text=text, start=start, end=end, **fields)


def gsr(record_id: str, event: str, source: list[GsrActor] = (), target: list[GsrActor] = ()) -> GsrRecord:
    return GsrRecord(record_id, f"sentence {record_id}", event, None, None, list(source), list(target))


def roles(record_id: str, tokens: list[str], tags: list[str]) -> RolesRecord:
    text, offsets = reconstruct_text(tokens)
    return RolesRecord(record_id, tokens, tags, text, offsets)


def test_first_event_is_highest_confidence_and_first_on_ties() -> None:
    low, high, tied = make_event("AGREE", 0.4), make_event("ASSAULT", 0.9), make_event("ACCUSE", 0.9)
    assert first_event([low, high, tied]) is high
    assert first_event([low, tied, high]) is tied
    assert first_event([]) is None


# ----------------------------------------------------------------------------------------------- PLOVER


@pytest.fixture
def plover_case() -> tuple[list[GsrRecord], list[list[Event]]]:
    records = [
        gsr("r1", "AGREE", [GsrActor("Tokyo", "JAP", "")], [GsrActor("UN", "IGO", "")]),
        gsr("r2", "ASSAULT", [GsrActor("army", "NGA", "MIL")], [GsrActor("rebels", "NGA", "REBMOS")]),
        gsr("r3", "ASSAULT"),
        gsr("r4", "PROTEST", [GsrActor("Palestinians", "PSE", "***")]),
        gsr("r5", "REJECT", [GsrActor("Israel", "ISR", "GOV")]),
    ]
    predictions = [
        [
            make_event("REQUEST", 0.6),
            make_event("AGREE", 0.9, source=[actor(country="JPN")], target=[actor(org="UN", sector="igo")]),
        ],
        [
            make_event(
                "ASSAULT",
                0.9,
                source=[actor(country="NGA", sector="military")],
                target=[actor(country="NGA", sector="government")],
            ),
            make_event("ACCUSE", 0.9),
        ],
        [],
        [make_event(None, 0.99, source=[actor(country="PSE")])],  # a bare statement: no PLOVER type
        [make_event("ACCUSE", 0.7, target=[actor(country="ISR", sector="government")])],  # wrong side
    ]
    return records, predictions


def test_plover_accuracy_macro_f1_and_per_type(plover_case) -> None:
    scores = score_plover(*plover_case)
    result = scores.classification
    assert (result.n, result.correct, result.accuracy) == (5, 2, 0.4)
    # F1: AGREE 1, ASSAULT 2/3, PROTEST 0, REJECT 0, ACCUSE 0 (predicted only); the other 11 types excluded.
    assert result.macro_classes == ["AGREE", "ACCUSE", "REJECT", "PROTEST", "ASSAULT"]
    assert result.macro_f1 == pytest.approx(1 / 3)
    assert result.per_class["ASSAULT"].precision == 1.0
    assert result.per_class["ASSAULT"].recall == 0.5
    assert result.per_class["ASSAULT"].f1 == pytest.approx(2 / 3)
    assert (result.per_class["ASSAULT"].support, result.per_class["ASSAULT"].predicted) == (2, 1)
    assert (result.per_class["ACCUSE"].support, result.per_class["ACCUSE"].predicted) == (0, 1)
    assert result.per_class["SANCTION"].f1 == 0.0


def test_plover_confusion_has_a_none_column(plover_case) -> None:
    confusion = score_plover(*plover_case).classification.confusion
    assert list(confusion) == ["AGREE", "REJECT", "PROTEST", "ASSAULT"]
    assert list(confusion["AGREE"]) == ["AGREE", "ACCUSE", "REJECT", "PROTEST", "ASSAULT", "none"]
    assert confusion["ASSAULT"] == {
        "AGREE": 0,
        "ACCUSE": 0,
        "REJECT": 0,
        "PROTEST": 0,
        "ASSAULT": 1,
        "none": 1,
    }
    assert confusion["REJECT"]["ACCUSE"] == 1
    assert confusion["PROTEST"]["none"] == 1
    assert sum(sum(row.values()) for row in confusion.values()) == 5


def test_plover_actor_country_and_sector_accuracy(plover_case) -> None:
    scores = score_plover(*plover_case)
    # Countries: JAP->JPN ok, IGO via org ok, NGA ok twice, PSE ok, ISR on the wrong side missed.
    assert (scores.actor_country_correct, scores.actor_country_n) == (5, 6)
    assert scores.actor_country_accuracy == pytest.approx(5 / 6)
    # Sectors: MIL ok, REBMOS (rebels) vs government missed, GOV on the wrong side missed; "" and *** unscored.
    assert (scores.actor_sector_correct, scores.actor_sector_n) == (1, 3)


def test_a_joint_actor_counts_on_either_side_of_the_event() -> None:
    # "Ruritania held talks with Freedonia" coded with both as SRC/TAR: Heron's target still matches.
    records = [
        gsr("j1", "CONSULT", [GsrActor("Ruritania", "RUR", "GOV"), GsrActor("Freedonia", "FRE", "GOV", both_sides=True)]),
        gsr("j2", "CONSULT", [GsrActor("Ruritania", "RUR", "GOV"), GsrActor("Freedonia", "FRE", "GOV")]),
    ]
    event = make_event(
        "CONSULT",
        0.9,
        source=[actor(country="RUR", sector="government")],
        target=[actor(country="FRE", sector="government")],
    )
    scores = score_plover(records, [[event], [event]])
    # j1: both actors found; j2: Freedonia is only a source in the gold, and Heron has it as target.
    assert (scores.actor_country_correct, scores.actor_country_n) == (3, 4)
    assert (scores.actor_sector_correct, scores.actor_sector_n) == (4, 4)  # a government source exists


def test_plover_cutoffs_keep_only_typed_events(plover_case) -> None:
    cutoffs = {c.threshold: c for c in score_plover(*plover_case).cutoffs}
    assert (cutoffs[0.5].kept, cutoffs[0.5].coverage) == (3, 0.6)
    assert cutoffs[0.5].accuracy == pytest.approx(2 / 3)
    assert (cutoffs[0.8].kept, cutoffs[0.8].coverage, cutoffs[0.8].accuracy) == (2, 0.4, 1.0)
    # r4's 0.99 event has no PLOVER type, so nothing reaches 0.95.
    assert (cutoffs[0.95].kept, cutoffs[0.95].coverage, cutoffs[0.95].accuracy) == (0, 0.0, None)


def test_plover_misses_cover_wrong_types_and_wrong_actors(plover_case) -> None:
    misses = {miss["id"]: miss for miss in score_plover(*plover_case).misses}
    assert sorted(misses) == ["r2", "r3", "r4", "r5"]
    assert misses["r2"]["type_correct"] is True
    assert misses["r2"]["actor_misses"] == [
        {
            "side": "target",
            "text": "rebels",
            "code": "NGA",
            "sector": "REBMOS",
            "country_ok": True,
            "sector_ok": False,
        }
    ]
    assert (misses["r3"]["predicted"], misses["r3"]["confidence"]) == (None, None)
    assert (misses["r5"]["gold"], misses["r5"]["predicted"], misses["r5"]["confidence"]) == (
        "REJECT",
        "ACCUSE",
        0.7,
    )


def test_plover_rejects_misaligned_predictions(plover_case) -> None:
    records, predictions = plover_case
    with pytest.raises(ValueError, match="5 gold records but 4 prediction lists"):
        score_plover(records, predictions[:4])


def test_country_and_sector_mapping() -> None:
    assert country_matches(GsrActor("Tokyo", "JAP", ""), [actor(country="JPN")]) is True
    assert country_matches(GsrActor("Tokyo", "JAP", ""), [actor(country="CHN")]) is False
    assert country_matches(GsrActor("Paris", "FRA", ""), [actor(country="fra")]) is True
    assert country_matches(GsrActor("UN", "IGO", ""), [actor(country="USA")]) is False
    assert country_matches(GsrActor("UN", "IGO", ""), [actor(sector="igo")]) is True
    assert country_matches(GsrActor("al-Qaeda", "IMG", ""), [actor(sector="rebels")]) is True
    assert country_matches(GsrActor("someone", "", ""), [actor(country="USA")]) is None
    assert sector_matches(GsrActor("villagers", "ALB", "CVLalb"), [actor(sector="civilians")]) is True
    assert sector_matches(GsrActor("police", "ALB", "COP"), [actor(sector="Police")]) is True
    assert sector_matches(GsrActor("judges", "ALB", "JUD"), [actor(sector="government")]) is False
    assert sector_matches(GsrActor("masked", "PSE", "***"), [actor(sector="civilians")]) is None
    assert sector_matches(GsrActor("unknown", "PSE", "XYZ"), [actor(sector="civilians")]) is None


# ------------------------------------------------------------------------------------------------- quad


def test_quad_scores() -> None:
    records = [
        QuadRecord(f"q{i}", f"s{i}", quad)
        for i, quad in enumerate(
            ["statement", "material_conflict", "material_conflict", "verbal_cooperation"]
        )
    ]
    predictions = [
        [make_event(None, 0.96, quad="statement")],
        [make_event("ASSAULT", 0.85, quad="material_conflict")],
        [],
        [make_event("ACCUSE", 0.5, quad="verbal_conflict")],
    ]
    scores = score_quad(records, predictions)
    result = scores.classification
    assert result.accuracy == 0.5
    # material_cooperation is neither gold nor predicted: left out of the macro average.
    assert result.macro_classes == ["statement", "verbal_cooperation", "verbal_conflict", "material_conflict"]
    assert result.macro_f1 == pytest.approx((1 + 2 / 3) / 4)
    assert result.confusion["verbal_cooperation"]["verbal_conflict"] == 1
    assert result.confusion["material_conflict"] == {
        "statement": 0,
        "verbal_cooperation": 0,
        "verbal_conflict": 0,
        "material_conflict": 1,
        "none": 1,
    }
    cutoffs = {c.threshold: (c.kept, c.coverage, c.accuracy) for c in scores.cutoffs}
    assert cutoffs[0.5] == (3, 0.75, pytest.approx(2 / 3))
    assert cutoffs[0.8] == (2, 0.5, 1.0)
    assert cutoffs[0.95] == (1, 0.25, 1.0)
    assert [(m["id"], m["gold"], m["predicted"]) for m in scores.misses] == [
        ("q2", "material_conflict", None),
        ("q3", "verbal_cooperation", "verbal_conflict"),
    ]


# ------------------------------------------------------------------------------------------------ roles


@pytest.fixture
def roles_case() -> tuple[list[RolesRecord], list[list[Event]]]:
    records = [
        roles(
            "A",
            ["Iraqi", "troops", "attacked", "the", "Kurdish", "fighters", "."],
            ["B-S", "I-S", "O", "B-T", "I-T", "I-T", "O"],
        ),
        roles(
            "B",
            ["Police", "arrested", "protesters", "in", "Paris", "."],
            ["B-S", "O", "B-T", "O", "B-R", "O"],
        ),
        roles("C", ["Russia", "warned", "Ukraine", "."], ["B-S", "O", "B-T", "O"]),
        roles("D", ["The", "U.N.", "envoy", "met", "rebels", "."], ["B-S", "I-S", "I-S", "O", "B-T", "O"]),
        roles("E", ["Iran", "thanked", "Oman", "."], ["B-S", "O", "B-T", "O"]),
    ]
    predictions = [
        # A: source exact; target misses "the" (span wrong, 2 of 3 tokens right).
        [
            make_event(
                "ASSAULT",
                0.9,
                source=[actor("Iraqi troops", 0, 12)],
                target=[actor("Kurdish fighters", 26, 42)],
            )
        ],
        # B: roles swapped in the first event; the lower-ranked event with the right roles is ignored.
        [
            make_event("ASSAULT", 0.6, source=[actor("protesters", 16, 26)], target=[actor("Police", 0, 6)]),
            make_event("COERCE", 0.3, source=[actor("Police", 0, 6)], target=[actor("protesters", 16, 26)]),
        ],
        [],  # C: no event
        # D: the source is split in two actors, one ending mid-token; target exact.
        [
            make_event(
                "CONSULT",
                0.99,
                source=[actor("The", 0, 3), actor("U.N. envo", 4, 13)],
                target=[actor("rebels", 19, 25)],
            )
        ],
        # E: all exact.
        [make_event("SUPPORT", 0.85, source=[actor("Iran", 0, 4)], target=[actor("Oman", 13, 17)])],
    ]
    return records, predictions


def test_roles_span_and_token_scores(roles_case) -> None:
    scores = score_roles(*roles_case)
    assert (scores.n, scores.sentences_with_event) == (5, 4)
    source, target, combined = scores.source, scores.target, scores.combined
    assert (source.span.tp, source.span.fp, source.span.fn) == (2, 3, 3)
    assert source.span.f1 == pytest.approx(0.4)
    assert (source.token.tp, source.token.fp, source.token.fn) == (6, 1, 2)
    assert (source.token.precision, source.token.recall) == (pytest.approx(6 / 7), 0.75)
    assert source.token.f1 == pytest.approx(0.8)
    assert (target.span.tp, target.span.fp, target.span.fn) == (2, 2, 3)
    assert target.span.f1 == pytest.approx(4 / 9)
    assert (target.token.tp, target.token.fp, target.token.fn) == (4, 1, 3)
    assert target.token.f1 == pytest.approx(2 / 3)
    assert combined.span.f1 == pytest.approx(8 / 19)
    assert combined.token.f1 == pytest.approx(20 / 27)


def test_roles_cutoffs(roles_case) -> None:
    cutoffs = {c.threshold: c for c in score_roles(*roles_case).cutoffs}
    assert (cutoffs[0.5].kept, cutoffs[0.5].coverage, cutoffs[0.5].accuracy) == (4, 0.8, 0.25)
    assert cutoffs[0.5].extra == {"span_f1": pytest.approx(8 / 17), "token_f1": pytest.approx(0.8)}
    assert (cutoffs[0.8].kept, cutoffs[0.8].coverage) == (3, 0.6)
    assert cutoffs[0.8].accuracy == pytest.approx(1 / 3)
    assert cutoffs[0.8].extra == {"span_f1": pytest.approx(8 / 13), "token_f1": pytest.approx(20 / 21)}
    assert (cutoffs[0.95].kept, cutoffs[0.95].coverage, cutoffs[0.95].accuracy) == (1, 0.2, 0.0)
    assert cutoffs[0.95].extra == {"span_f1": pytest.approx(0.4), "token_f1": 1.0}


def test_roles_misses_show_gold_and_predicted_spans(roles_case) -> None:
    misses = {miss["id"]: miss for miss in score_roles(*roles_case).misses}
    assert sorted(misses) == ["A", "B", "C", "D"]
    assert misses["D"]["gold_source"] == [{"tokens": [0, 3], "text": "The U.N. envoy"}]
    assert misses["D"]["predicted_source"] == [
        {"tokens": [0, 1], "text": "The"},
        {"tokens": [1, 3], "text": "U.N. envoy"},
    ]
    assert misses["C"]["predicted_target"] == []
    assert misses["C"]["confidence"] is None


def test_reciprocal_parties_count_on_the_side_heron_codes_them() -> None:
    # "Ruritania met Freedonia": the gold marks both parties R (a symmetric act), no S or T.
    record = roles("M", ["Ruritania", "met", "Freedonia", "."], ["B-R", "O", "B-R", "O"])
    coded = [make_event("CONSULT", 0.9, source=[actor("Ruritania", 0, 9)], target=[actor("Freedonia", 14, 23)])]
    reversed_ = [make_event("CONSULT", 0.9, source=[actor("Freedonia", 14, 23)], target=[actor("Ruritania", 0, 9)])]
    for prediction in (coded, reversed_):  # either direction is a right coding of a meeting
        scores = score_roles([record], [prediction])
        assert (scores.source.span.tp, scores.source.span.fp, scores.source.span.fn) == (1, 0, 0)
        assert (scores.target.span.tp, scores.target.span.fp, scores.target.span.fn) == (1, 0, 0)
    # Not found: the first-named party is a missed source, the other a missed target.
    missed = score_roles([record], [[]])
    assert (missed.source.span.fn, missed.target.span.fn) == (1, 1)
    # Only the source found: the other party is a missed target.
    half = score_roles([record], [[make_event("CONSULT", 0.9, source=[actor("Ruritania", 0, 9)])]])
    assert (half.source.span.tp, half.target.span.fn, half.target.span.fp) == (1, 1, 0)


def test_other_roles_next_to_source_and_target_are_not_scored() -> None:
    record = roles("P", ["Police", "arrested", "protesters", "in", "Paris", "."], ["B-S", "O", "B-T", "O", "B-R", "O"])
    event = make_event("COERCE", 0.9, source=[actor("Police", 0, 6)], target=[actor("protesters", 16, 26)])
    scores = score_roles([record], [[event]])
    assert (scores.target.span.tp, scores.target.span.fn) == (1, 0)  # Paris is no missed target
