"""Calibration figures: the reliability table `heron eval` prints and the event each labelled sentence
judges when the confidence calibration is fitted."""

from __future__ import annotations

import pytest

from heron.evaluation.regression import judged_event
from heron.evaluation.scoring import reliability
from heron.records import Event


def _event(plover_type: str | None, confidence: float, aux_modes: list[str] | None = None) -> Event:
    return Event(event_id=f"e{confidence}", article_id="a", sentence_index=0, sentence="s", start=0, end=1,
                 predicate="x", plover_type=plover_type, mode=None, context=None,
                 aux_modes=aux_modes or [], confidence=confidence)


def test_reliability_groups_by_confidence_and_weighs_each_gap_by_its_size() -> None:
    result = reliability([0.1, 0.15, 0.9, 0.92, 1.0, None], [False, True, True, False, True, True])
    assert [(b.low, b.n, b.accuracy, round(b.mean_confidence, 3)) for b in result.bins] == [
        (0.0, 2, 0.5, 0.125), (0.9, 2, 0.5, 0.91), (0.95, 1, 1.0, 1.0)]
    # gaps 0.375, 0.41 and 0, weighted 2 : 2 : 1; the event with no confidence is left out
    assert result.expected_calibration_error == pytest.approx((2 * 0.375 + 2 * 0.41) / 5)
    assert result.to_dict()["bins"][0] == {"low": 0.0, "high": 0.2, "n": 2, "accuracy": 0.5, "mean_confidence": 0.125}


def test_perfectly_calibrated_confidence_has_no_error_and_no_events_give_an_empty_table() -> None:
    assert reliability([0.5, 0.5, 1.0], [True, False, True]).expected_calibration_error == 0.0
    assert reliability([], []).bins == ()


def test_a_typed_sentence_judges_its_first_typed_event_or_else_a_wrong_statement() -> None:
    record = {"plover_type": "ASSAULT", "negated": False}
    statement, attack = _event(None, 0.9), _event("ASSAULT", 0.6)
    assert judged_event(record, [statement, attack]) == (attack, True)
    assert judged_event(record, [_event("PROTEST", 0.7)])[1] is False
    assert judged_event(record, [statement]) == (statement, False)  # the attack was missed
    assert judged_event(record, []) is None
    negated = {"plover_type": "ASSAULT", "negated": True}
    assert judged_event(negated, [_event("ASSAULT", 0.8, ["negation"])])[1] is True


def test_statement_and_no_event_sentences_judge_their_first_event() -> None:
    statement_sentence = {"plover_type": None, "cameo": "010", "negated": False}
    no_event = {"plover_type": None, "cameo": None, "negated": False}
    assert judged_event(statement_sentence, [_event(None, 0.4)])[1] is True
    assert judged_event(no_event, [_event("ASSAULT", 0.9), _event(None, 0.2)])[1] is False
    assert judged_event(no_event, [_event("ASSAULT", 0.9, ["negation"])])[1] is True
    assert judged_event(no_event, []) is None
