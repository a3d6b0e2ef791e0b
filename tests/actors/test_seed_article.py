"""Checks on a real article from the shared seed corpus (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from heron.actors import ActorResolver, DocumentActors

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = REPO_ROOT / ".." / "shared" / "corpora" / "seeds" / "000_eebb92bf31ed2e7a.txt"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEED.exists(), reason="../shared corpus not available"),
]


@pytest.fixture(scope="module")
def article(nlp: Language, resolver: ActorResolver) -> tuple[Doc, DocumentActors]:
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return doc, resolver.scan_document(doc)


def resolve_at(resolver: ActorResolver, article: tuple[Doc, DocumentActors], phrase: str,
               occurrence: int = 0, head_offset: int = -1):  # type: ignore[no-untyped-def]
    """Resolve the phrase built around the last token of the n-th occurrence of ``phrase``."""
    doc, ctx = article
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    actor = resolver.resolve(resolver.phrase_for(span[head_offset]), ctx)
    assert actor is not None, phrase
    assert doc.text[actor.start : actor.end] == actor.text
    return actor


@pytest.mark.parametrize(
    ("phrase", "occurrence", "expected"),
    [
        ("Price said Moscow", 0, ("Ned Price", "USA", "government", None)),
        ("Yuri Ushakov", 0, ("Yuri Ushakov", "RUS", "government", None)),
        ("Jake Sullivan", 0, ("Jake Sullivan", "USA", "government", None)),
        ("the Kremlin and", 0, ("Kremlin", "RUS", "government", None)),
        ("Washington has", 0, ("United States", "USA", "government", None)),
        ("Moscow has", 0, ("Russia", "RUS", "government", None)),
        ("NATO actions", 0, ("NATO", None, "igo", "NATO")),
        ("the OSCE", 0, ("OSCE", None, "igo", "OSCE")),
        ("The State Department spokesman stressed", 0, ("Ned Price", "USA", "government", None)),
        ("Konstantin Gavrilov,", 0, ("Konstantin Gavrilov", "RUS", "government", None)),
        ("the Russian Foreign Ministry", 0, ("Russia", "RUS", "government", None)),
        ("the alliance", 0, ("NATO", None, "igo", "NATO")),
        ("He is quoted", 0, ("Ned Price", "USA", "government", None)),
    ],
)
def test_seed_actors(resolver: ActorResolver, article: tuple[Doc, DocumentActors], phrase: str,
                     occurrence: int, expected: tuple) -> None:
    heads = {"Price said Moscow": 0, "Washington has": 0, "Moscow has": 0, "NATO actions": 0,
             "the Kremlin and": 1, "The State Department spokesman stressed": 3, "Konstantin Gavrilov,": 1,
             "He is quoted": 0}
    actor = resolve_at(resolver, article, phrase, occurrence, heads.get(phrase, -1))
    assert (actor.name, actor.country, actor.sector, actor.org) == expected


def test_seed_non_actors(resolver: ActorResolver, article: tuple[Doc, DocumentActors]) -> None:
    doc, ctx = article
    for phrase in ("the situation", "security guarantees in", "The document,"):
        start = doc.text.index(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        assert resolver.resolve(resolver.phrase_for(span[1]), ctx) is None, phrase
