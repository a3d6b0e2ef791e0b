"""Parse and code articles: the per-article work every runner shares (one process, pool workers, Ray).

Kept free of the reading, cleaning and storage modules so that a coding worker process imports only
spaCy, the coder and the records (see ``runners.pool``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from heron.records import Article, Event, IngestProblem

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from heron.events.coder import EventCoder

CODED_LANGUAGES = ("en",)
# Texts per spaCy batch when parsing a chunk. Small batches keep a worker's peak memory low (the
# network's working arrays grow with the batch: 16 news articles take ~130 MB more than 4) and cost no
# throughput on CPU.
SPACY_BATCH = 4


def is_coded_language(article: Article) -> bool:
    return article.language is None or article.language in CODED_LANGUAGES


def code_one(coder: EventCoder, article: Article, doc: Doc) -> tuple[list[Event], int] | IngestProblem:
    """(events, sentences parsed) for one parsed article, or the problem that stopped its coding."""
    try:
        events = coder.code_document(article, doc)
    except Exception as error:  # one bad article must not stop the run
        return IngestProblem(article.source_path, f"event coding failed: {type(error).__name__}: {error}",
                             article.source_id if article.source_id != article.source_path else None)
    return events, sum(1 for _ in doc.sents)


@dataclass
class ChunkResult:
    """One outcome per article of a chunk, in order: (events, sentences) or the problem found."""

    outcomes: list[tuple[list[Event], int] | IngestProblem]
    parse_seconds: float = 0.0
    code_seconds: float = 0.0


def code_chunk(coder: EventCoder, articles: list[Article]) -> ChunkResult:
    """Parse a chunk (in spaCy batches of ``SPACY_BATCH``), then code each article; articles in other languages get no events."""
    from heron.nlp import parse_articles

    english = [article for article in articles if is_coded_language(article)]
    started = time.perf_counter()
    docs = {id(article): doc for article, doc in parse_articles(english, batch_size=SPACY_BATCH)}
    parsed = time.perf_counter()
    outcomes: list[tuple[list[Event], int] | IngestProblem] = []
    for article in articles:
        doc = docs.pop(id(article), None)
        outcomes.append(([], 0) if doc is None else code_one(coder, article, doc))
    return ChunkResult(outcomes, parse_seconds=parsed - started, code_seconds=time.perf_counter() - parsed)
