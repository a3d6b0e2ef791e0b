"""`heron train-classifier`: retrain the PLOVER type classifier from project-written sentences.

Training needs scikit-learn (the ``dev`` extra); inference (:mod:`heron.events.classifier`) does not.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import typer
from spacy.tokens import Doc

from heron.cli.core import app
from heron.events.classifier import NONE, STATEMENT, TypeClassifier, default_model_path, sentence_features
from heron.events.confidence import ConfidenceCalibration, default_calibration_path

DEFAULT_DATA = Path("training/type_training.jsonl")
# The confidence calibration is fitted on other sentences than the classifier (see fit_confidence_calibration).
DEFAULT_CALIBRATION_DATA = Path("training/calibration_sentences.jsonl")
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


def read_json_objects(path: Path, what: str) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSON Lines file; a file that cannot be read
    or a line that is not a JSON object raises TrainingDataError naming the file (and line)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as error:
        raise TrainingDataError(f"{path}: {what} not found") from error
    except (OSError, UnicodeDecodeError) as error:
        raise TrainingDataError(f"{path}: cannot read {what} ({error})") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise TrainingDataError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(raw, dict):
            raise TrainingDataError(f"{path}:{number}: expected a JSON object")
        yield number, raw


def read_training_file(path: Path) -> list[TrainingExample]:
    """Read the JSONL training set: one {"text", "label", "negated", "note"?} object per line."""
    labels = set(allowed_labels())
    examples: list[TrainingExample] = []
    for number, raw in read_json_objects(path, "training file"):
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
    records: list[dict], classifier: TypeClassifier | None = None, *, folds: int = 5, data_name: str | None = None
) -> ConfidenceCalibration:
    """Fit the map from rule scores and classifier probabilities to P(type right) on labelled sentences
    in the regression-set format (tests/data/README.md).

    Each sentence gives one example: the event it judges and whether that event's type is right
    (:func:`heron.evaluation.regression.judged_event`). The sentences must not be in the classifier's
    training set, so its probabilities are as unsure as on unseen text. The metadata records the
    expected calibration error of ``folds``-fold cross-validated predictions.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from heron.evaluation.regression import judged_event
    from heron.evaluation.scoring import reliability
    from heron.events.coder import EventCoder
    from heron.nlp import parse_texts
    from heron.records import Article

    coder = EventCoder()
    if classifier is not None:
        coder.classifier = classifier
    coder.calibration = None  # keep the rules' raw scores: they are one of the calibration's inputs
    rows: list[list[float]] = []
    outcomes: list[int] = []
    texts = [record["text"] for record in records]
    for index, doc in enumerate(parse_texts(texts, batch_size=64)):
        published = records[index].get("published")
        article = Article(article_id=f"calibration-{index}", text=texts[index], source_path="<calibration>",
                          source_id=str(index),
                          published=datetime.fromisoformat(published) if published else None)
        events = coder.code_document(article, doc)
        judged = judged_event(records[index], events)
        if judged is None:
            continue
        event, right = judged
        sentence = list(doc.sents)[event.sentence_index]
        same_sentence = [e for e in events if e.sentence_index == event.sentence_index]
        rows.append(next(inputs for e, inputs in coder.calibration_features(sentence, same_sentence) if e is event))
        outcomes.append(int(right))
    if len(set(outcomes)) < 2 or min(Counter(outcomes).values()) < folds:
        raise TrainingDataError("cannot fit the confidence calibration: it needs right and wrong events "
                                f"(at least {folds} of each), found {Counter(outcomes)}")
    matrix, labels = np.array(rows), np.array(outcomes)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(matrix, labels)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=RANDOM_STATE)
    held_out = cross_val_predict(LogisticRegression(C=1.0, max_iter=1000), matrix, labels, cv=splitter,
                                 method="predict_proba")[:, 1]
    metadata = {
        "trained": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": data_name,
        "sentences": len(records),
        "events": len(outcomes),
        "right": int(sum(outcomes)),
        "cv_folds": folds,
        "cv_expected_calibration_error": round(
            reliability(held_out.tolist(), [bool(o) for o in outcomes]).expected_calibration_error, 4),
        "model": "logistic regression on the judged event's rule score and the classifier's probabilities "
                 "(log-odds)",
    }
    return ConfidenceCalibration(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), metadata)


def read_calibration_file(path: Path) -> list[dict]:
    """Labelled sentences for the calibration: the regression-set JSONL format (tests/data/README.md)."""
    records: list[dict] = []
    for number, raw in read_json_objects(path, "calibration sentences"):
        if not isinstance(raw.get("text"), str) or "plover_type" not in raw:
            raise TrainingDataError(f"{path}:{number}: expected an object with 'text' and 'plover_type'")
        records.append(raw)
    return records


def write_calibration(calibration: ConfidenceCalibration, out: Path | None) -> Path:
    target = Path(out) if out is not None else default_calibration_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(calibration.to_json(), indent=1) + "\n", encoding="utf-8")
    return target


@app.command("calibrate-confidence")
def calibrate_confidence(
    data: Path = typer.Option(DEFAULT_CALIBRATION_DATA, "--data",
                              help="Labelled sentences (regression-set JSONL format)."),
    out: Path | None = typer.Option(None, "--out", help="Calibration file (default: the package's)."),
    folds: int = typer.Option(5, "--folds", min=2, help="Cross-validation folds for the reported error."),
) -> None:
    """Refit the event confidence calibration on labelled sentences (your own domain's, if you have them)."""
    try:
        calibration = fit_confidence_calibration(read_calibration_file(data), folds=folds, data_name=Path(data).name)
    except (TrainingDataError, ImportError) as error:
        typer.echo(f"heron: error: {error}", err=True)
        raise typer.Exit(2) from error
    target = write_calibration(calibration, out)
    meta = calibration.metadata
    typer.echo(f"fitted on {meta['events']} events of {meta['sentences']} sentences ({meta['right']} right); "
               f"{meta['cv_folds']}-fold expected calibration error {meta['cv_expected_calibration_error']}; "
               f"wrote {target}")


@app.command("train-classifier")
def train_classifier(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="JSONL training sentences."),
    out: Path | None = typer.Option(None, "--out", help="Model file (default: the package's model)."),
    c: float = typer.Option(DEFAULT_C, "--c", help="Inverse L2 regularisation strength."),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds for the reported accuracy."),
) -> None:
    """Retrain the PLOVER type classifier and write its JSON weights, then refit the confidence
    calibration for it (see `heron calibrate-confidence`)."""
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
    if not DEFAULT_CALIBRATION_DATA.is_file():
        typer.echo(f"no {DEFAULT_CALIBRATION_DATA} here: the confidence calibration was not refitted", err=True)
        return
    try:
        calibration = fit_confidence_calibration(read_calibration_file(DEFAULT_CALIBRATION_DATA), classifier,
                                                 data_name=DEFAULT_CALIBRATION_DATA.name)
    except TrainingDataError as error:
        typer.echo(f"heron: error: {error}", err=True)
        raise typer.Exit(2) from error
    written = write_calibration(calibration, Path(out).with_suffix(".calibration.json") if out is not None else None)
    typer.echo(f"refitted the confidence calibration (expected calibration error "
               f"{calibration.metadata['cv_expected_calibration_error']}, {calibration.metadata['cv_folds']}-fold); "
               f"wrote {written}")
