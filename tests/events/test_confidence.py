"""Calibrated confidence: the packaged map, its monotonicity and the order it keeps within a sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heron.api import extract
from heron.events.confidence import (
    INPUTS,
    CalibrationError,
    ConfidenceCalibration,
    default_calibration,
    default_calibration_path,
)


def test_packaged_calibration_loads_and_was_fitted_on_the_calibration_sentences() -> None:
    calibration = default_calibration()
    assert calibration is not None
    assert len(calibration.weights) == len(INPUTS)
    meta = calibration.metadata
    assert meta["data"] == "calibration_sentences.jsonl" and meta["sentences"] >= 300
    assert meta["events"] >= 280 and 0 < meta["right"] < meta["events"]
    assert meta["cv_expected_calibration_error"] <= 0.06


def test_more_rule_evidence_and_classifier_agreement_raise_the_probability() -> None:
    calibration = default_calibration()
    assert calibration is not None
    low = calibration.probability(0.5, 0.3, 0.1, False)
    assert calibration.probability(0.9, 0.3, 0.1, False) > low
    assert calibration.probability(0.5, 0.9, 0.1, False) > low
    assert 0.0 < calibration.probability(0.01, 0.001, 0.99, True) < calibration.probability(0.99, 0.999, 0.001, False) < 1.0


def test_round_trip_and_bad_files_are_refused(tmp_path: Path) -> None:
    original = ConfidenceCalibration((0.5, 0.6, 0.0, -0.4), 0.1, {"events": 3})
    assert ConfidenceCalibration.from_json(json.loads(json.dumps(original.to_json()))) == original
    with pytest.raises(CalibrationError, match="format"):
        ConfidenceCalibration.from_json({"weights": [1, 2, 3, 4], "bias": 0})
    with pytest.raises(CalibrationError, match="expected 4 weights"):
        ConfidenceCalibration((1.0,), 0.0)
    assert default_calibration_path().name == "confidence_calibration.json"


def test_clear_events_get_high_confidence_and_the_rules_order_is_kept() -> None:
    events = extract("Rebels attacked an army convoy near the border on Monday, the defence ministry said.",
                     published="2024-03-14")
    by_type = {event.plover_type: event.confidence for event in events}
    assert by_type["ASSAULT"] >= 0.8
    assert by_type[None] < by_type["ASSAULT"]  # the statement ranks below the reported attack
    assert all(0.0 < event.confidence < 1.0 for event in events)


def test_calibration_can_be_switched_off() -> None:
    from heron.events.coder import CoderSettings, EventCoder

    coder = EventCoder(settings=CoderSettings(calibrate_confidence=False))
    assert coder.calibration is None and coder.classifier is None
