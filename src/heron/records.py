"""Typed records passed from stage to stage.

Every stage is a plain function that takes records from the previous stage and returns records for
the next one; these dataclasses are the only thing stages share.

    ingest.read_documents  -> RawDocument | IngestProblem
    clean.prepare_article   RawDocument -> Article
    nlp.parse_articles      Article -> (Article, spacy Doc)
    events.code_document    (Article, Doc) -> list[Event]
    store                   Article, Event -> DuckDB
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

DocumentFormat = Literal["text", "html", "jsonl"]
DatePrecision = Literal["day", "week", "month", "year"]


@dataclass
class RawDocument:
    """One article as read from disk, before cleaning.

    ``text`` is already decoded to ``str``; for HTML it is the main text extracted from the page
    (title, date and site name, when the page has them, go into the metadata fields).
    """

    source_path: str
    source_id: str  # unique within the input: path, or "path#line" for JSONL
    text: str
    format: DocumentFormat
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    language: str | None = None
    external_id: str | None = None  # the "id" a JSONL record carries


@dataclass
class IngestProblem:
    """An input that could not be read: reported, skipped, never fatal."""

    source_path: str
    reason: str
    position: str | None = None  # e.g. "line 17" or a byte offset

    def __str__(self) -> str:
        where = f" ({self.position})" if self.position else ""
        return f"{self.source_path}{where}: {self.reason}"


@dataclass
class Article:
    """A cleaned article. Every character offset in Heron points into ``text``."""

    article_id: str
    text: str
    source_path: str
    source_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    # "inferred": the article states no date; estimated from the articles read with it (see clean.anchor)
    published_from: Literal["metadata", "text", "inferred", "unknown"] = "unknown"
    language: str | None = None
    removed_noise_lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


def make_article_id(source_id: str, text: str) -> str:
    """Stable id from the source id and the cleaned content: re-ingesting gives the same id."""
    digest = hashlib.sha1(f"{source_id}\x00{text}".encode()).hexdigest()
    return digest[:16]


@dataclass
class Actor:
    """One entity taking part in an event, with the span of text it was read from."""

    text: str
    start: int  # character offset into Article.text
    end: int
    name: str | None = None  # canonical name, e.g. "Ned Price", "United States"
    country: str | None = None  # ISO-3166 alpha-3
    sector: str | None = None  # government, military, police, rebels, media, igo, ...
    org: str | None = None  # NATO, UN, EU, OSCE, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DateMention:
    """A date phrase found in a sentence, resolved against the publication date."""

    text: str
    start: int  # character offset into the string that was searched
    end: int
    value: date
    precision: DatePrecision


@dataclass
class Event:
    """One coded event with its evidence. JSON keys are documented in README.md."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    start: int  # predicate span, character offsets into Article.text
    end: int
    predicate: str
    plover_type: str | None  # one of the 16 PLOVER 2.0 types; None for a bare statement
    mode: str | None
    context: str | None
    aux_modes: list[str] = field(default_factory=list)  # negation, future, hypothetical, historical
    cameo: str = "010"
    goldstein: float = 0.0
    quad: str = "statement"  # statement, verbal_cooperation, material_cooperation, ...
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    event_date: date | None = None
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    date_precision: DatePrecision | None = None
    date_from_publication: bool = False
    location: str | None = None
    quote: str | None = None
    speaker: str | None = None
    confidence: float = 0.5
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    sentence_start: int = 0  # offset of the sentence in Article.text

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["event_date"] = self.event_date.isoformat() if self.event_date else None
        data["published"] = self.published.isoformat() if self.published else None
        return data
