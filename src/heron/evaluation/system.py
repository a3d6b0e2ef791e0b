"""Heron as the system under evaluation: a batch of sentences in, events per sentence out."""

from __future__ import annotations

from heron.api import default_coder
from heron.nlp import parse_texts
from heron.records import Article, Event


def extract_sentences(texts: list[str]) -> list[list[Event]]:
    """Code each text as a one-sentence article with no publication date (offsets into the text)."""
    coder = default_coder()
    results: list[list[Event]] = []
    for index, doc in enumerate(parse_texts(texts, batch_size=64)):
        article = Article(article_id=f"eval-{index}", text=texts[index], source_path="<eval>", source_id=str(index))
        results.append(coder.code_document(article, doc))
    return results
