"""Calibrated event confidence.

The coder's rules give each event a raw score (how the predicate was found, the evidence around it).
Those scores rank events well but are not probabilities. This module maps them, together with the
type classifier's opinion of the sentence, to the probability that the event's type is right, using a
small logistic model fitted on the project's own labelled sentences (``training/type_training.jsonl``,
out-of-fold classifier probabilities; see ``heron train-classifier``). The weights live in
``data/confidence_calibration.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

FORMAT = "heron-confidence-calibration/1"
# Order of the inputs the weights apply to (all log-odds except the flag).
INPUTS = ("rule_logit", "class_logit", "none_logit", "is_statement")


class CalibrationError(ValueError):
    """A calibration file that cannot be used."""


def logit(probability: float) -> float:
    clipped = min(max(probability, 1e-3), 1 - 1e-3)
    return math.log(clipped / (1 - clipped))


def calibration_inputs(rule_confidence: float, class_probability: float, none_probability: float,
                       is_statement: bool) -> list[float]:
    return [logit(rule_confidence), logit(class_probability), logit(none_probability), 1.0 if is_statement else 0.0]


@dataclass(frozen=True)
class ConfidenceCalibration:
    """Logistic map from (rule score, classifier probabilities) to P(the event's type is right)."""

    weights: tuple[float, ...]
    bias: float
    metadata: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.weights) != len(INPUTS):
            raise CalibrationError(f"expected {len(INPUTS)} weights ({', '.join(INPUTS)}), found {len(self.weights)}")

    def probability(self, rule_confidence: float, class_probability: float, none_probability: float,
                    is_statement: bool) -> float:
        return self.probability_of(calibration_inputs(rule_confidence, class_probability, none_probability,
                                                      is_statement))

    def probability_of(self, inputs: list[float]) -> float:
        """The probability for inputs already in the calibration's form (see calibration_inputs)."""
        score = self.bias + sum(w * x for w, x in zip(self.weights, inputs, strict=True))
        return 1.0 / (1.0 + math.exp(-score))

    def to_json(self) -> dict:
        return {"format": FORMAT, "inputs": list(INPUTS), "weights": [round(w, 5) for w in self.weights],
                "bias": round(self.bias, 5), "metadata": self.metadata}

    @classmethod
    def from_json(cls, raw: object, where: str = "calibration") -> ConfidenceCalibration:
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise CalibrationError(f"{where}: not a Heron confidence calibration (expected format {FORMAT!r})")
        if raw.get("inputs") != list(INPUTS):
            raise CalibrationError(f"{where}: inputs {raw.get('inputs')!r} differ from {list(INPUTS)!r}")
        try:
            return cls(tuple(float(w) for w in raw["weights"]), float(raw["bias"]), dict(raw.get("metadata") or {}))
        except (KeyError, TypeError, ValueError) as error:
            raise CalibrationError(f"{where}: malformed weights ({error})") from error


def default_calibration_path() -> Path:
    return Path(str(resources.files("heron.events") / "data" / "confidence_calibration.json"))


@lru_cache(maxsize=1)
def default_calibration() -> ConfidenceCalibration | None:
    """The package's calibration, or None when the file is absent (raw rule scores are kept)."""
    path = default_calibration_path()
    if not path.is_file():
        return None
    try:
        return ConfidenceCalibration.from_json(json.loads(path.read_text(encoding="utf-8")), str(path))
    except json.JSONDecodeError as error:
        raise CalibrationError(f"{path}: not valid JSON ({error})") from error
