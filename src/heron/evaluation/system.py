"""Heron as the system under evaluation: a batch of sentences in, events per sentence out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from heron.api import default_coder
from heron.nlp import parse_texts
from heron.records import Article, Event


def extract_sentences(texts: list[str], published: Sequence[date | None] | None = None) -> list[list[Event]]:
    """Code each text as a one-sentence article (offsets into the text), optionally with its date."""
    coder = default_coder()
    results: list[list[Event]] = []
    for index, doc in enumerate(parse_texts(texts, batch_size=64)):
        day = published[index] if published else None
        article = Article(
            article_id=f"eval-{index}", text=texts[index], source_path="<eval>", source_id=str(index),
            published=datetime(day.year, day.month, day.day) if day else None,
        )
        results.append(coder.code_document(article, doc))
    return results
