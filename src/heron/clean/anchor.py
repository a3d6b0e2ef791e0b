"""Estimate a publication date for articles that state none, so relative dates can still resolve.

Scraped articles often carry no date ("On December 20 ..." with no year anywhere). Articles read
together usually come from one crawl of one story, so the latest publication date among the
articles of the same batch is a fair anchor; failing that, the latest full date (with a year) that
the article itself mentions. The estimate is flagged ``published_from="inferred"`` and never
overrides a date taken from metadata or the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from heron.dates import find_dates
from heron.records import Article


def latest_known_publication(articles: Sequence[Article]) -> datetime | None:
    known = [a.published for a in articles if a.published is not None and a.published_from != "inferred"]
    return max(known) if known else None


def infer_publication_dates(articles: Sequence[Article], fallback: datetime | None = None) -> int:
    """Fill ``published`` of undated articles in place; returns how many were filled."""
    anchor = latest_known_publication(articles) or fallback
    filled = 0
    for article in articles:
        if article.published is not None:
            continue
        estimate = anchor or _latest_full_date_in_text(article.text)
        if estimate is None:
            continue
        article.published = estimate
        article.published_from = "inferred"
        filled += 1
    return filled


def _latest_full_date_in_text(text: str) -> datetime | None:
    mentions = [m for m in find_dates(text[:20_000], None) if m.precision == "day"]
    if not mentions:
        return None
    latest = max(m.value for m in mentions)
    return datetime(latest.year, latest.month, latest.day)
