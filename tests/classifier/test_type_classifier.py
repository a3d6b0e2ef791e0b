"""The shipped PLOVER type classifier: loading, probabilities, clear cases, retraining."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest

from heron.cli.train import TrainingDataError, read_training_file
from heron.events.cameo import plover_types
from heron.events.classifier import ClassifierError, TypeClassifier, default_model_path, sentence_features
from heron.nlp import parse_texts

REPO_ROOT = Path(__file__).resolve().parents[2]

# Written for this test only: none of these sentences is in training/type_training.jsonl.
CLEAR_CASES = {
    "Rebels shelled the town.": "ASSAULT",
    "The two leaders held talks in Ankara on Friday.": "CONSULT",
    "Police detained six opposition members.": "COERCE",
    "Kyiv asked Washington for more tanks.": "REQUEST",
    "Parliament condemned the killing of the journalist.": "ACCUSE",
    "The government refused to hold talks with the strikers.": "REJECT",
    "Hungary pledged to send aid to the flood victims.": "AGREE",
    "The minister said the harvest was good.": "STATEMENT",
    "Arsenal defeated Spurs 3-0.": "NONE",
    "Thousands of soldiers were sent to the frontier.": "MOBILIZE",
}


@pytest.fixture(scope="module")
def classifier() -> TypeClassifier:
    return TypeClassifier.load()


@pytest.fixture(scope="module")
def parsed() -> dict:
    texts = list(CLEAR_CASES)
    return {text: doc[:] for text, doc in zip(texts, parse_texts(texts), strict=True)}


def test_shipped_model_loads_with_all_classes_and_metadata(classifier: TypeClassifier) -> None:
    assert set(classifier.classes) == {*plover_types(), "STATEMENT", "NONE"}
    assert len(classifier.classes) == 18
    meta = classifier.metadata
    assert meta["cv_folds"] == 5
    assert 0.7 <= meta["cv_accuracy"] <= 1.0
    assert all(count >= 60 for label, count in meta["examples_per_class"].items() if label in plover_types())
    assert meta["examples_per_class"]["STATEMENT"] >= 80 and meta["examples_per_class"]["NONE"] >= 100
    assert default_model_path().stat().st_size < 3 * 1024 * 1024
    assert TypeClassifier.load() is classifier  # the package model is cached


def test_probabilities_sum_to_one(classifier: TypeClassifier, parsed: dict) -> None:
    for span in parsed.values():
        probabilities = classifier.predict_proba(span)
        assert set(probabilities) == set(classifier.classes)
        assert math.isclose(sum(probabilities.values()), 1.0, abs_tol=1e-9)
        assert all(0.0 <= p <= 1.0 for p in probabilities.values())


@pytest.mark.parametrize("text", list(CLEAR_CASES))
def test_clear_cases_get_the_right_top_class(classifier: TypeClassifier, parsed: dict, text: str) -> None:
    label, probability = classifier.predict(parsed[text])
    assert label == CLEAR_CASES[text], (text, classifier.predict_proba(parsed[text]))
    assert probability > 0.3


def test_reported_speech_focuses_on_the_reported_event(parsed: dict) -> None:
    doc = next(iter(parse_texts(["The ministry said militants bombed a bridge."])))
    features = sentence_features(doc[:])
    assert "root=say" in features and "f=bomb" in features and "freported" in features


def test_given_predicate_becomes_the_focus(classifier: TypeClassifier) -> None:
    doc = next(iter(parse_texts(["Officials said troops attacked the village after the talks."])))
    attack = next(token for token in doc if token.lemma_ == "attack")
    assert "f=attack" in sentence_features(doc[:], attack)
    label, _ = classifier.predict(doc[:], attack)
    assert label == "ASSAULT"


def test_inference_is_fast(classifier: TypeClassifier, parsed: dict) -> None:
    spans = list(parsed.values())
    started = time.perf_counter()
    for _ in range(20):
        for span in spans:
            classifier.predict_proba(span)
    per_sentence = (time.perf_counter() - started) / (20 * len(spans))
    assert per_sentence < 0.001


def test_bad_model_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.json"
    with pytest.raises(ClassifierError, match="absent.json"):
        TypeClassifier.load(missing)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ClassifierError, match="wrong.json"):
        TypeClassifier.load(wrong)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ClassifierError, match="broken.json"):
        TypeClassifier.load(broken)


def test_training_file_meets_the_brief() -> None:
    examples = read_training_file(REPO_ROOT / "training" / "type_training.jsonl")
    counts: dict[str, int] = {}
    for example in examples:
        counts[example.label] = counts.get(example.label, 0) + 1
    assert all(counts[plover] >= 60 for plover in plover_types())
    assert counts["STATEMENT"] >= 80 and counts["NONE"] >= 100
    assert any(example.negated for example in examples)
    assert not set(CLEAR_CASES) & {example.text for example in examples}


def test_bad_training_lines_name_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text('{"text": "Rebels attacked.", "label": "ASSAULT", "negated": false}\n'
                    '{"text": "Something.", "label": "ATTACK"}\n')
    with pytest.raises(TrainingDataError, match=r"train.jsonl:2: unknown label 'ATTACK'"):
        read_training_file(data)


def test_retraining_on_a_tiny_set_gives_a_loadable_model(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from heron.cli.train import train_type_classifier

    rows = [
        ("Rebels attacked the army base.", "ASSAULT"), ("Gunmen shot dead two police officers.", "ASSAULT"),
        ("Militants bombed the market.", "ASSAULT"), ("Troops shelled the village.", "ASSAULT"),
        ("The presidents met in Paris.", "CONSULT"), ("The ministers held talks in Rome.", "CONSULT"),
        ("The envoy visited Cairo for talks.", "CONSULT"), ("The leaders met at the summit.", "CONSULT"),
        ("The team won the cup final.", "NONE"), ("Share prices rose on Monday.", "NONE"),
        ("Rain is forecast for the weekend.", "NONE"), ("The singer released an album.", "NONE"),
    ]
    data = tmp_path / "tiny.jsonl"
    data.write_text("".join(json.dumps({"text": t, "label": lab, "negated": False}) + "\n" for t, lab in rows))
    out = tmp_path / "model.json"
    trained = train_type_classifier(data, out, folds=2, min_count=1)
    assert out.exists()
    reloaded = TypeClassifier.load(out)
    assert reloaded.classes == ("ASSAULT", "CONSULT", "NONE")
    assert reloaded.metadata["examples"] == 12 and reloaded.metadata["cv_folds"] == 2
    assert trained.metadata["cv_accuracy"] is not None
    doc = next(iter(parse_texts(["Rebels attacked the base."])))
    assert reloaded.predict(doc[:])[0] == "ASSAULT"


def _calibration_row(text: str, plover_type: str | None, cameo: str | None) -> str:
    return json.dumps({"text": text, "published": "2024-05-10", "plover_type": plover_type, "cameo": cameo,
                       "negated": False}) + "\n"


def test_calibration_is_fitted_on_labelled_sentences_and_written_by_the_cli(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from typer.testing import CliRunner

    from heron.cli import app
    from heron.events.confidence import ConfidenceCalibration

    right = [("Rebels attacked an army base near Goma on Monday.", "ASSAULT", "190"),
             ("Militants shelled the town of Kidal overnight.", "ASSAULT", "190"),
             ("The Kenyan and Ugandan presidents met in Kampala on Tuesday.", "CONSULT", "040"),
             ("Germany's foreign minister visited Warsaw for talks.", "CONSULT", "042"),
             ("Thousands of teachers protested in Lagos against unpaid wages.", "PROTEST", "140"),
             ("The government arrested six opposition activists in Minsk.", "COERCE", "173"),
             ("Police detained three journalists in Caracas on Friday.", "COERCE", "173")]
    # labelled with another type on purpose: the events Heron finds there count as wrong
    mislabelled = [("Troops bombed a rebel camp in Darfur.", "AID", "070"),
                   ("The two ministers held talks in Vienna.", "ASSAULT", "190"),
                   ("Farmers protested in Paris against new fuel taxes.", "AGREE", "030"),
                   ("Soldiers detained a local mayor in Sahel province.", "CONSULT", "040")]
    data = tmp_path / "calibration.jsonl"
    data.write_text("".join(_calibration_row(*row) for row in right + mislabelled)
                    + _calibration_row("Share prices rose on Monday.", None, None))
    out = tmp_path / "calibration.json"
    result = CliRunner().invoke(app, ["calibrate-confidence", "--data", str(data), "--out", str(out), "--folds", "2"])
    assert result.exit_code == 0, result.output
    calibration = ConfidenceCalibration.from_json(json.loads(out.read_text()))
    meta = calibration.metadata
    assert meta["sentences"] == 12 and meta["events"] == 11 and meta["right"] == 7  # no event on share prices
    assert 0.0 <= meta["cv_expected_calibration_error"] <= 1.0

    data.write_text(_calibration_row("Rebels attacked.", "ASSAULT", "190") + '{"text": "no label"}\n')
    result = CliRunner().invoke(app, ["calibrate-confidence", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 2 and "calibration.jsonl:2: expected an object with 'text' and 'plover_type'" in result.output
