"""RSS and Atom feed files (``.rss``, ``.atom``, ``.xml``): one article per feed entry.

feedparser reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0. For each entry the article text is the fullest
body the feed carries: ``content`` (e.g. ``content:encoded``) when present, else ``summary``. HTML
bodies are turned into plain text with one paragraph per block element (``<p>``, ``<div>``, ``<li>``,
headings, ``<br>``), separated by blank lines as everywhere in Heron.

* title, link (as the URL) and the entry's published (else updated) time come from the entry; the
  outlet is the feed's title and the language the feed's language code (``en-us`` -> ``en``).
* The source id is ``"{path}#{entry id}"`` (else the link, else the entry number).
* An entry with no text is reported (``entry N``); a file that is not a feed at all is reported once.
* The file is parsed from the bytes on disk: feedparser is never handed a URL, so nothing is fetched.
  A feed file is one document on disk, bounded by ``max_bytes``; corpora of many feeds stream file
  by file.
"""

from __future__ import annotations

import calendar
import html as html_lib
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser

from heron.ingest.decoding import read_bounded
from heron.records import IngestProblem, RawDocument

SUFFIXES = (".rss", ".atom", ".xml")

_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|li|ul|ol|h[1-6]|blockquote|br|tr|table|section|article)\b[^>]*>",
                        re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]+>")
_INVISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def read_feed(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestProblem]:
    data = read_bounded(path, max_bytes)
    if isinstance(data, IngestProblem):
        yield data
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        version = parsed.get("version")
        if parsed.get("bozo") and not version:
            reason = f"not an RSS or Atom feed ({parsed.get('bozo_exception')})"
        else:
            reason = "feed has no entries"
        yield IngestProblem(str(path), reason)
        return
    channel = parsed.get("feed") or {}
    outlet = _clean(channel.get("title"))
    language = _language_code(channel.get("language"))
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(path, entry, number, outlet, language)


def _entry_document(path: Path, entry: Any, number: int, outlet: str | None,
                    language: str | None) -> RawDocument | IngestProblem:
    body, is_html = _entry_body(entry)
    text = html_to_text(body) if is_html else _paragraphs(body)
    if not text:
        return IngestProblem(str(path), "feed entry has no text", f"entry {number}")
    link = _clean(entry.get("link"))
    key = _clean(entry.get("id")) or link or str(number)
    published_struct = entry.get("published_parsed") or entry.get("updated_parsed")
    return RawDocument(
        source_path=str(path),
        source_id=f"{path}#{key}",
        text=text,
        format="html" if is_html else "text",
        title=_clean(html_to_text(entry.get("title") or "")),
        url=link,
        outlet=outlet,
        published=_from_struct(published_struct),
        language=_language_code(entry.get("language")) or language,
        external_id=_clean(entry.get("id")),
    )


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The longest body the entry carries, and whether it is HTML."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry.get("summary"), detail.get("type") or "text/html"))
    if not candidates:
        return "", False
    value, content_type = max(candidates, key=lambda pair: len(pair[0]))
    return value, "html" in content_type


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, blank lines between them."""
    without_code = _INVISIBLE.sub(" ", fragment)
    marked = _BLOCK_TAG.sub("\n\n", without_code)
    return _paragraphs(html_lib.unescape(_ANY_TAG.sub("", marked)))


def _paragraphs(text: str) -> str:
    blocks = re.split(r"\n\s*\n", text.replace("\r", ""))
    cleaned = [" ".join(block.split()) for block in blocks]
    return "\n\n".join(block for block in cleaned if block)


def _from_struct(value: Any) -> datetime | None:
    # feedparser normalises every feed date to a UTC struct_time; Heron keeps naive UTC datetimes.
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).replace(tzinfo=None)
    except (OverflowError, ValueError, TypeError):
        return None


def _language_code(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().split("-")[0].split("_")[0].lower() or None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
