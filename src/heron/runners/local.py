"""The local runner: ingest → clean → nlp → events → store, on one machine, streaming in batches."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from heron.clean import prepare_article
from heron.clean.anchor import infer_publication_dates, latest_known_publication
from heron.events.coder import EventCoder
from heron.ingest import read_documents
from heron.nlp import parse_articles
from heron.records import Article, Event, IngestProblem

CODED_LANGUAGES = ("en",)


@dataclass
class IngestSummary:
    articles_read: int = 0
    articles_stored: int = 0
    articles_skipped_existing: int = 0
    articles_not_coded_language: int = 0
    sentences: int = 0
    events: int = 0
    problems: list[IngestProblem] = field(default_factory=list)

    def render(self) -> str:
        lines = [
            f"articles read:            {self.articles_read}",
            f"articles stored:          {self.articles_stored}",
            f"already stored (skipped): {self.articles_skipped_existing}",
            f"not coded (language):     {self.articles_not_coded_language}",
            f"sentences parsed:         {self.sentences}",
            f"events:                   {self.events}",
            f"files/records skipped:    {len(self.problems)}",
        ]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)


def iter_articles(
    paths: Iterable[str | Path], problems: list[IngestProblem] | None = None
) -> Iterator[Article]:
    """Read and clean every input; unreadable ones are appended to ``problems``."""
    for item in read_documents(paths):
        if isinstance(item, IngestProblem):
            if problems is not None:
                problems.append(item)
            _warn(str(item))
            continue
        try:
            article = prepare_article(item)
        except Exception as error:  # one bad article must not stop the run
            problem = IngestProblem(item.source_path, f"cleaning failed: {error}", item.source_id)
            if problems is not None:
                problems.append(problem)
            _warn(str(problem))
            continue
        if not article.text.strip():
            problem = IngestProblem(item.source_path, "no text left after cleaning", item.source_id)
            if problems is not None:
                problems.append(problem)
            _warn(str(problem))
            continue
        yield article


def is_coded_language(article: Article) -> bool:
    return article.language is None or article.language in CODED_LANGUAGES


def code_articles(
    articles: Iterable[Article],
    coder: EventCoder | None = None,
    *,
    n_process: int = 1,
) -> Iterator[tuple[Article, list[Event], int]]:
    """Parse and code articles, yielding (article, events, sentences parsed).

    Non-English articles pass through with no events, in their input order.
    """
    coder = coder or EventCoder()
    pending_other: list[Article] = []

    def english_only() -> Iterator[Article]:
        for article in articles:
            if is_coded_language(article):
                yield article
            else:
                pending_other.append(article)

    for article, doc in parse_articles(english_only(), n_process=n_process):
        while pending_other:
            yield pending_other.pop(0), [], 0
        yield article, coder.code_document(article, doc), sum(1 for _ in doc.sents)
    for other in pending_other:
        yield other, [], 0


def extract_paths(
    paths: Sequence[str | Path], *, published_default=None, progress: bool = True
) -> tuple[list[tuple[Article, list[Event]]], list[IngestProblem]]:
    """The pipeline without a database (``heron extract``)."""
    problems: list[IngestProblem] = []
    articles = list(iter_articles(paths, problems))
    if published_default is not None:
        articles = [_with_default_date(a, published_default) for a in articles]
    infer_publication_dates(articles)
    bar = tqdm(code_articles(articles), desc="articles", unit="art", disable=not _show(progress))
    results = [(article, events) for article, events, _ in bar]
    return results, problems


def ingest_paths(
    paths: Sequence[str | Path],
    db_path: str | Path,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    progress: bool = True,
) -> IngestSummary:
    """Ingest files or folders into the DuckDB store; re-running it adds nothing new."""
    from heron.store import EventStore

    summary = IngestSummary()
    with EventStore(db_path) as store:
        articles = iter_articles(paths, summary.problems)

        latest_seen: datetime | None = None

        def prepared(batch: list[Article]) -> Iterator[Article]:
            # Undated articles borrow the latest date of the articles read with them (clean.anchor).
            nonlocal latest_seen
            latest_seen = max(filter(None, [latest_seen, latest_known_publication(batch)]), default=None)
            infer_publication_dates(batch, fallback=latest_seen)
            yield from _drop_known(batch, store, summary)

        def fresh_only() -> Iterator[Article]:
            batch: list[Article] = []
            for article in articles:
                summary.articles_read += 1
                batch.append(article)
                if len(batch) >= batch_size:
                    yield from prepared(batch)
                    batch = []
            yield from prepared(batch)

        pending_articles: list[Article] = []
        pending_events: list[Event] = []
        bar = tqdm(desc="ingest", unit="art", disable=not _show(progress))
        for article, events, sentences in code_articles(fresh_only(), n_process=n_process):
            if not is_coded_language(article):
                summary.articles_not_coded_language += 1
            pending_articles.append(article)
            pending_events.extend(events)
            summary.events += len(events)
            summary.sentences += sentences
            bar.update(1)
            if len(pending_articles) >= batch_size:
                summary.articles_stored += store.write_batch(pending_articles, pending_events)
                pending_articles, pending_events = [], []
        summary.articles_stored += store.write_batch(pending_articles, pending_events)
        bar.close()
        store.record_problems(summary.problems)
    return summary


def _drop_known(batch: list[Article], store, summary: IngestSummary) -> Iterator[Article]:
    known = store.known_article_ids(a.article_id for a in batch)
    for article in batch:
        if article.article_id in known:
            summary.articles_skipped_existing += 1
        else:
            yield article


def _with_default_date(article: Article, published) -> Article:
    if article.published is None:
        article.published = published
        article.published_from = "metadata"
    return article


def _show(progress: bool) -> bool:
    return progress and sys.stderr.isatty()


def _warn(message: str) -> None:
    print(f"heron: skipped {message}", file=sys.stderr)
