"""A small learned PLOVER type classifier over spaCy features (inference needs numpy only).

The model is a multinomial logistic regression trained on ``training/type_training.jsonl`` (sentences
written by this project, never the evaluation gold) with ``heron train-classifier``; its weights ship as
``data/type_classifier.json``. Classes are the 16 PLOVER types plus ``STATEMENT`` (a bare CAMEO 01
statement) and ``NONE`` (no political event).

Features are sparse binary strings computed from the parsed sentence:

* ``w=LEMMA``      bag of content lemmas (verbs, nouns, adjectives, adverbs, particles)
* ``d=HEAD>CHILD`` lemma bigrams along dependency arcs; ``d=HEAD>PREP>OBJ`` skips a preposition
* ``root=LEMMA``   the sentence root
* ``f=…``          the *focus* predicate and its arcs: the given predicate token, or else the root,
                   followed down through reporting verbs ("said that ...") to the reported clause
* ``neg``, ``fneg``, ``md=WILL``, ``fmd=…``, ``fpass``, ``ftag=VBD``: negation, modality, voice, tense
* ``ent=GPE``/``ent2=GPE``: entity types present (once / at least twice)
* ``lex=TYPE``/``flex=TYPE``: the PLOVER types Heron's predicate lexicon gives a lemma, so the model
  generalises to lexicon words its training sentences never used.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

FORMAT = "heron-type-classifier/1"
STATEMENT = "STATEMENT"
NONE = "NONE"

_CONTENT_POS = {"VERB", "NOUN", "ADJ", "ADV"}
_ARC_CHILD_POS = {"VERB", "NOUN", "ADJ", "ADP", "ADV", "PART"}
_NEGATORS = {"not", "never", "no", "n't", "neither", "nor"}
# How many reporting-verb levels to follow down to the reported clause ("X said Y claimed Z attacked").
_MAX_SPEECH_DESCENT = 3


class ClassifierError(ValueError):
    """The model file is missing or malformed (the message names the file)."""


def default_model_path() -> Path:
    return Path(str(resources.files("heron.events") / "data" / "type_classifier.json"))


# ---------------------------------------------------------------- lexicon-derived features


@lru_cache(maxsize=1)
def _lexicon_types() -> tuple[dict[tuple[str, str], tuple[str, ...]], frozenset[str]]:
    """(lemma, pos) -> PLOVER types the lexicon can give it, and the set of reporting-verb lemmas.

    Object and particle conditions are ignored on purpose: the feature says "this word can signal X",
    and the model learns how far to trust it.
    """
    from heron.events.cameo import cameo_info
    from heron.events.lexicon import load_lexicon

    types: dict[tuple[str, str], set[str]] = {}
    speech: set[str] = set()
    for entry in load_lexicon():
        if entry.kind == "speech" and entry.particle is None:
            speech.add(entry.lemma)
        if entry.kind == "transparent" or entry.cameo is None:
            continue
        try:
            plover = cameo_info(entry.cameo).plover_type
        except KeyError:
            continue
        types.setdefault((entry.lemma, entry.pos), set()).add(plover or STATEMENT)
    return {key: tuple(sorted(value)) for key, value in types.items()}, frozenset(speech)


def _lexicon_pos(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "verb"
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    return None


def _token_lex_types(token: Token) -> tuple[str, ...]:
    pos = _lexicon_pos(token)
    if pos is None:
        return ()
    table, _speech = _lexicon_types()
    lemma = token.lemma_.lower()
    found = table.get((lemma, pos))
    if found is None and pos == "noun" and lemma.endswith("s"):
        found = table.get((lemma[:-1], pos))  # "talks", "hostilities" left unlemmatised
    return found or ()


# ---------------------------------------------------------------- feature extraction


def _lemma(token: Token) -> str:
    return token.lemma_.lower().strip()


def _is_content(token: Token) -> bool:
    return token.pos_ in _CONTENT_POS or token.dep_ == "prt"


def _focus_token(sentence: Span, predicate: Token | None) -> tuple[Token, bool]:
    """The predicate to describe: the one given, or the root followed down through reporting verbs."""
    if predicate is not None:
        return predicate, False
    _table, speech = _lexicon_types()
    focus = sentence.root
    descended = False
    for _ in range(_MAX_SPEECH_DESCENT):
        if _lemma(focus) not in speech:
            break
        complements = [child for child in focus.children if child.dep_ in ("ccomp", "xcomp", "parataxis")]
        if not complements:
            break
        focus = complements[0]
        descended = True
    return focus, descended


def _is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" or _lemma(child) in _NEGATORS for child in token.children)


def sentence_features(
    sentence: Span, predicate: Token | None = None, *, entities: Sequence[Span] | None = None
) -> list[str]:
    """The sparse binary features of one sentence (optionally centred on one predicate token).

    ``entities``: the document's named entities when the caller has them (spaCy rebuilds them on
    every ``.ents`` access); the features are the same either way.
    """
    features: set[str] = set()
    entity_counts: dict[str, int] = {}
    if entities is None:
        entities = sentence.ents
    else:  # what Span.ents keeps: the entities wholly inside the sentence
        entities = [entity for entity in entities
                    if entity.start >= sentence.start and entity.end <= sentence.end]
    for entity in entities:
        entity_counts[entity.label_] = entity_counts.get(entity.label_, 0) + 1
    for label, count in entity_counts.items():
        features.add(f"ent={label}")
        if count >= 2:
            features.add(f"ent2={label}")

    for token in sentence:
        if token.is_punct or token.is_space:
            continue
        lemma = _lemma(token)
        if not lemma:
            continue
        if token.dep_ == "neg" or lemma in _NEGATORS:
            features.add("neg")
            features.add(f"neg>{_lemma(token.head)}")
        if token.tag_ == "MD":
            features.add("md")
            features.add(f"md={lemma}")
        if not _is_content(token):
            continue
        features.add(f"w={lemma}")
        for plover in _token_lex_types(token):
            features.add(f"lex={plover}")
        head = token.head
        if head.i != token.i and _is_content(head):
            features.add(f"d={_lemma(head)}>{lemma}")
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
            features.add(f"d={_lemma(head.head)}>{_lemma(head)}>{lemma}")

    root = sentence.root
    features.add(f"root={_lemma(root)}")

    focus, descended = _focus_token(sentence, predicate)
    focus_lemma = _lemma(focus)
    features.add(f"f={focus_lemma}")
    features.add(f"fpos={focus.pos_}")
    features.add(f"ftag={focus.tag_}")
    if descended:
        features.add("freported")
    if focus.head.i != focus.i:
        features.add(f"f^={_lemma(focus.head)}")
    for plover in _token_lex_types(focus):
        features.add(f"flex={plover}")
    if _is_negated(focus):
        features.add("fneg")
    for child in focus.children:
        if child.tag_ == "MD":
            features.add(f"fmd={_lemma(child)}")
        if child.dep_ in ("auxpass", "nsubjpass"):
            features.add("fpass")
        if child.pos_ in _ARC_CHILD_POS and not child.is_punct:
            features.add(f"f>{_lemma(child)}")
            for grandchild in child.children:
                if child.dep_ in ("prep", "agent") and grandchild.dep_ == "pobj":
                    features.add(f"f>{_lemma(child)}>{_lemma(grandchild)}")
                if child.dep_ in ("xcomp", "dobj") and _is_content(grandchild):
                    features.add(f"f>{_lemma(child)}>{_lemma(grandchild)}")
    return sorted(features)


# ---------------------------------------------------------------- the model


class TypeClassifier:
    """Multinomial logistic regression over :func:`sentence_features`; weights from a JSON file."""

    def __init__(
        self,
        classes: Iterable[str],
        features: Iterable[str],
        coefficients: np.ndarray,
        intercepts: np.ndarray,
        metadata: dict | None = None,
    ) -> None:
        self.classes: tuple[str, ...] = tuple(classes)
        self.feature_index: dict[str, int] = {name: row for row, name in enumerate(features)}
        # Rows are features, columns classes: a sentence's scores are the sum of its features' rows.
        self.coefficients = np.asarray(coefficients, dtype=np.float64)
        self.intercepts = np.asarray(intercepts, dtype=np.float64)
        self.metadata = dict(metadata or {})
        expected = (len(self.feature_index), len(self.classes))
        if self.coefficients.shape != expected or self.intercepts.shape != (len(self.classes),):
            raise ClassifierError(
                f"coefficient matrix {self.coefficients.shape} / intercepts {self.intercepts.shape} "
                f"do not match {expected[0]} features x {expected[1]} classes"
            )

    @classmethod
    def load(cls, path: Path | None = None) -> TypeClassifier:
        """The model at ``path``; without a path, the package's model (loaded once per process)."""
        if path is None:
            return _default_classifier()
        return cls._read(Path(path))

    @classmethod
    def _read(cls, path: Path) -> TypeClassifier:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise ClassifierError(f"{path}: classifier file not found") from error
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ClassifierError(f"{path}: not a readable JSON classifier file ({error})") from error
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ClassifierError(f"{path}: not a Heron type classifier (expected format {FORMAT!r})")
        missing = [key for key in ("classes", "features", "coefficients", "intercepts") if key not in raw]
        if missing:
            raise ClassifierError(f"{path}: missing key(s) {', '.join(missing)}")
        try:
            coefficients = np.asarray(raw["coefficients"], dtype=np.float64).reshape(
                len(raw["features"]), len(raw["classes"])
            )
            return cls(raw["classes"], raw["features"], coefficients, np.asarray(raw["intercepts"]),
                       raw.get("metadata"))
        except (TypeError, ValueError) as error:
            raise ClassifierError(f"{path}: malformed weights ({error})") from error

    def to_json(self) -> dict:
        """The file form: coefficients flattened feature-major and rounded (the file stays small)."""
        ordered = sorted(self.feature_index, key=self.feature_index.__getitem__)
        return {
            "format": FORMAT,
            "classes": list(self.classes),
            "features": ordered,
            "coefficients": [round(float(value), 4) for value in self.coefficients.ravel()],
            "intercepts": [round(float(value), 4) for value in self.intercepts],
            "metadata": self.metadata,
        }

    def scores(self, features: Iterable[str]) -> np.ndarray:
        rows = [self.feature_index[name] for name in features if name in self.feature_index]
        total = self.intercepts.copy()
        if rows:
            total += self.coefficients[rows].sum(axis=0)
        return total

    def proba_from_features(self, features: Iterable[str]) -> dict[str, float]:
        scores = self.scores(features)
        scores -= scores.max()
        exp = np.exp(scores)
        probabilities = exp / exp.sum()
        return {label: float(p) for label, p in zip(self.classes, probabilities, strict=True)}

    def predict_proba(
        self, sentence: Span, predicate: Token | None = None, *, entities: Sequence[Span] | None = None
    ) -> dict[str, float]:
        """Probability of each class (16 PLOVER types, STATEMENT, NONE) for the sentence; sums to 1.

        ``entities``: the document's named entities, when known (see :func:`sentence_features`).
        """
        return self.proba_from_features(sentence_features(sentence, predicate, entities=entities))

    def predict(self, sentence: Span, predicate: Token | None = None) -> tuple[str, float]:
        """The most probable class and its probability."""
        probabilities = self.predict_proba(sentence, predicate)
        best = max(probabilities, key=probabilities.__getitem__)
        return best, probabilities[best]


@lru_cache(maxsize=1)
def _default_classifier() -> TypeClassifier:
    return TypeClassifier._read(default_model_path())


def entropy(probabilities: dict[str, float]) -> float:
    """Shannon entropy in bits: a quick measure of how unsure the classifier is."""
    return -sum(p * math.log2(p) for p in probabilities.values() if p > 0)
