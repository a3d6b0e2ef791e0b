"""The Python API: code events in text or articles without a database."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from heron.clean import prepare_article
from heron.events.coder import EventCoder
from heron.records import Article, Event, RawDocument
from heron.runners.local import code_articles


@lru_cache(maxsize=1)
def default_coder() -> EventCoder:
    return EventCoder()


def _as_datetime(value: date | datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return datetime(value.year, value.month, value.day)


def extract(
    text: str,
    published: date | datetime | str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    clean: bool = True,
) -> list[Event]:
    """Code the events in one text. ``published`` anchors relative dates ("on Tuesday")."""
    raw = RawDocument(
        source_path="<text>", source_id="<text>", text=text, format="text",
        title=title, outlet=outlet, published=_as_datetime(published), language="en",
    )
    article = prepare_article(raw) if clean else Article(
        article_id="text", text=text, source_path="<text>", source_id="<text>", title=title,
        outlet=outlet, published=_as_datetime(published), language="en",
    )
    return extract_articles([article])


def extract_articles(articles: Iterable[Article]) -> list[Event]:
    """Code already-cleaned articles (their offsets point into ``Article.text``)."""
    return [event for _, events, _ in code_articles(articles, default_coder()) for event in events]
