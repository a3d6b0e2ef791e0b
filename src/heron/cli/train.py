"""`heron train-classifier`: retrain the PLOVER type classifier from project-written sentences.

Training needs scikit-learn (the ``dev`` extra); inference (:mod:`heron.events.classifier`) does not.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import typer
from spacy.tokens import Doc

from heron.cli.core import app
from heron.events.classifier import NONE, STATEMENT, TypeClassifier, default_model_path, sentence_features
from heron.events.confidence import ConfidenceCalibration, calibration_inputs, default_calibration_path

DEFAULT_DATA = Path("training/type_training.jsonl")
# Regularisation strength, chosen by 5-fold cross-validation on the training set (see training/README.md).
DEFAULT_C = 4.0
# Features seen in fewer training sentences are dropped: they overfit and bloat the file.
DEFAULT_MIN_COUNT = 2
RANDOM_STATE = 0


class TrainingDataError(ValueError):
    """The training file is missing or has a bad line (the message names the file and line)."""


@dataclass(frozen=True)
class TrainingExample:
    text: str
    label: str
    negated: bool


def allowed_labels() -> tuple[str, ...]:
    from heron.events.cameo import plover_types

    return (*plover_types(), STATEMENT, NONE)


def read_training_file(path: Path) -> list[TrainingExample]:
    """Read the JSONL training set: one {"text", "label", "negated", "note"?} object per line."""
    labels = set(allowed_labels())
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as error:
        raise TrainingDataError(f"{path}: training file not found") from error
    except (OSError, UnicodeDecodeError) as error:
        raise TrainingDataError(f"{path}: cannot read training file ({error})") from error
    examples: list[TrainingExample] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise TrainingDataError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(raw, dict):
            raise TrainingDataError(f"{path}:{number}: expected a JSON object")
        text, label, negated = raw.get("text"), raw.get("label"), raw.get("negated", False)
        if not isinstance(text, str) or not text.strip():
            raise TrainingDataError(f"{path}:{number}: 'text' must be a non-empty string")
        if label not in labels:
            raise TrainingDataError(f"{path}:{number}: unknown label {label!r} (expected a PLOVER type, "
                                    f"{STATEMENT} or {NONE})")
        if not isinstance(negated, bool):
            raise TrainingDataError(f"{path}:{number}: 'negated' must be true or false")
        examples.append(TrainingExample(text.strip(), label, negated))
    if not examples:
        raise TrainingDataError(f"{path}: no training examples")
    return examples


def featurise(docs: list[Doc]) -> list[list[str]]:
    """Features of each parsed text, taken over the whole text (a training line is one sentence)."""
    return [sentence_features(doc[:]) for doc in docs]


def _matrix(feature_lists: list[list[str]], index: dict[str, int]):  # -> scipy.sparse.csr_matrix
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for row, names in enumerate(feature_lists):
        for name in names:
            column = index.get(name)
            if column is not None:
                rows.append(row)
                cols.append(column)
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(feature_lists), len(index)))


def train_type_classifier(
    data: Path = DEFAULT_DATA,
    out: Path | None = None,
    *,
    c: float = DEFAULT_C,
    folds: int = 5,
    min_count: int = DEFAULT_MIN_COUNT,
) -> TypeClassifier:
    """Train on ``data``, cross-validate, write the JSON model to ``out`` (default: the package model).

    Raises TrainingDataError for a bad training file and RuntimeError when scikit-learn is missing.
    """
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict
    except ImportError as error:
        raise RuntimeError("training needs scikit-learn: pip install 'heron[dev]' or scikit-learn") from error

    from heron.events.lexicon import load_lexicon

    started = time.perf_counter()
    examples = read_training_file(data)
    from heron.nlp import parse_texts

    docs = list(parse_texts([example.text for example in examples], batch_size=64))
    feature_lists = featurise(docs)
    labels = np.array([example.label for example in examples])

    counts = Counter(name for names in feature_lists for name in names)
    vocabulary = sorted(name for name, count in counts.items() if count >= min_count)
    index = {name: column for column, name in enumerate(vocabulary)}
    matrix = _matrix(feature_lists, index)

    def new_model() -> LogisticRegression:
        return LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=RANDOM_STATE)

    class_counts = Counter(labels.tolist())
    usable_folds = min(folds, min(class_counts.values()))
    cv_accuracy: float | None = None
    if usable_folds >= 2 and len(class_counts) >= 2:
        splitter = StratifiedKFold(n_splits=usable_folds, shuffle=True, random_state=RANDOM_STATE)
        out_of_fold = cross_val_predict(new_model(), matrix, labels, cv=splitter, method="predict_proba")
        fold_classes = np.array(sorted(class_counts))  # cross_val_predict orders columns like classes_
        predicted = fold_classes[out_of_fold.argmax(axis=1)]
        cv_accuracy = float((predicted == labels).mean())
        calibration = fit_confidence_calibration(
            [example.text for example in examples], docs, labels.tolist(), out_of_fold, fold_classes.tolist()
        )
        calibration_target = (
            Path(out).with_suffix(".calibration.json") if out is not None else default_calibration_path()
        )
        calibration_target.parent.mkdir(parents=True, exist_ok=True)
        calibration_target.write_text(json.dumps(calibration.to_json(), indent=1) + "\n", encoding="utf-8")

    model = new_model().fit(matrix, labels)
    classes = [str(label) for label in model.classes_]
    coefficients = model.coef_.T  # features x classes
    intercepts = model.intercept_
    if len(classes) == 2:  # binary LR stores one row; expand to the two-class softmax form
        coefficients = np.hstack([-coefficients / 2, coefficients / 2])
        intercepts = np.array([-intercepts[0] / 2, intercepts[0] / 2])

    metadata = {
        "trained": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "training_file": Path(data).name,
        "examples": len(examples),
        "examples_per_class": dict(sorted(class_counts.items())),
        "negated_examples": sum(example.negated for example in examples),
        "features": len(vocabulary),
        "min_feature_count": min_count,
        "lexicon_entries": len(load_lexicon()),
        "model": "multinomial logistic regression (scikit-learn lbfgs, L2, class_weight=balanced)",
        "C": c,
        "random_state": RANDOM_STATE,
        "cv_folds": usable_folds if cv_accuracy is not None else 0,
        "cv_accuracy": round(cv_accuracy, 4) if cv_accuracy is not None else None,
        "train_accuracy": round(float((model.predict(matrix) == labels).mean()), 4),
        "seconds": round(time.perf_counter() - started, 1),
    }
    classifier = TypeClassifier(classes, vocabulary, coefficients, intercepts, metadata)
    target = Path(out) if out is not None else default_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(classifier.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    return classifier


def fit_confidence_calibration(
    texts: list[str], docs: list[Doc], labels: list[str], out_of_fold: np.ndarray, classes: list[str]
) -> ConfidenceCalibration:
    """Fit the map from rule scores and classifier probabilities to P(type right).

    Every event the rule coder finds in a training sentence is one example: right when its type is the
    sentence's label (a bare statement is right for STATEMENT). The classifier's probabilities are
    out-of-fold, so they are as unsure as they will be on unseen text.
    """
    from sklearn.linear_model import LogisticRegression

    from heron.events.coder import CoderSettings, EventCoder
    from heron.records import Article

    coder = EventCoder(settings=CoderSettings(calibrate_confidence=False))
    column = {label: index for index, label in enumerate(classes)}
    rows: list[list[float]] = []
    outcomes: list[int] = []
    for index, doc in enumerate(docs):
        article = Article(article_id=f"train-{index}", text=texts[index], source_path="<training>", source_id=str(index))
        for event in coder.code_document(article, doc):
            label = event.plover_type or ("STATEMENT" if event.cameo.startswith("01") else "NONE")
            probabilities = out_of_fold[index]
            class_probability = float(probabilities[column[label]]) if label in column else 0.0
            none_probability = float(probabilities[column["NONE"]]) if "NONE" in column else 0.0
            rows.append(calibration_inputs(event.confidence, class_probability, none_probability,
                                           event.plover_type is None))
            outcomes.append(int(label == labels[index]))
    if len(set(outcomes)) < 2:
        raise TrainingDataError("cannot fit the confidence calibration: every training event is right (or wrong)")
    model = LogisticRegression(C=1.0, max_iter=1000).fit(np.array(rows), np.array(outcomes))
    metadata = {
        "trained": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "events": len(outcomes),
        "right": int(sum(outcomes)),
        "model": "logistic regression on rule score and out-of-fold classifier probabilities (log-odds)",
    }
    return ConfidenceCalibration(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), metadata)


@app.command("train-classifier")
def train_classifier(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="JSONL training sentences."),
    out: Path | None = typer.Option(None, "--out", help="Model file (default: the package's model)."),
    c: float = typer.Option(DEFAULT_C, "--c", help="Inverse L2 regularisation strength."),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds for the reported accuracy."),
) -> None:
    """Retrain the PLOVER type classifier and write its JSON weights."""
    try:
        classifier = train_type_classifier(data, out, c=c, folds=folds)
    except (TrainingDataError, RuntimeError) as error:
        typer.echo(f"heron: error: {error}", err=True)
        raise typer.Exit(2) from error
    meta = classifier.metadata
    target = out if out is not None else default_model_path()
    typer.echo(
        f"trained on {meta['examples']} sentences, {meta['features']} features; "
        f"{meta['cv_folds']}-fold CV accuracy {meta['cv_accuracy']}; wrote {target}"
    )
