"""Heron: turn raw news into dated, sourced, deduplicated event data.

    >>> import heron
    >>> events = heron.extract("Russia and Ukraine held talks in Istanbul on Tuesday.", published="2022-03-30")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from heron.records import Actor, Article, Event

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Event", "extract", "extract_articles"]

if TYPE_CHECKING:
    from heron.api import extract, extract_articles


def __getattr__(name: str) -> Any:
    # Loading spaCy is slow: import the API lazily so `import heron` stays instant.
    if name in ("extract", "extract_articles"):
        from heron import api

        return getattr(api, name)
    raise AttributeError(name)
