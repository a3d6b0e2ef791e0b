"""The local runner: ingest → clean → nlp → events → store, on one machine, streaming in batches."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from heron.clean import prepare_article
from heron.clean.anchor import infer_publication_dates, latest_known_publication
from heron.events.coder import CoderSettings, EventCoder
from heron.ingest import read_documents
from heron.ingest.readers import DEFAULT_MAX_BYTES
from heron.nlp import parse_articles
from heron.nlp.pipeline import MAX_CHARS
from heron.records import Article, Event, IngestProblem, RawDocument
from heron.runners.coding import code_one, is_coded_language

# A "word" for the empty-article check: a run of letters (digits and punctuation alone say nothing).
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class IngestLimits:
    """Bounds that keep one pathological input from stalling a run or exhausting memory.

    An input over a limit is quarantined (recorded in ``ingest_errors`` with the reason), except for
    long sentences and surplus events, which are skipped inside an otherwise coded article.
    """

    max_input_bytes: int = DEFAULT_MAX_BYTES  # a file (or one JSONL line / archive record) larger is not read
    # Text of one article, before and after cleaning. spaCy's parser needs memory in proportion to
    # the text; the longest real news features are ~120,000 characters.
    max_article_chars: int = 200_000
    min_words: int = 1  # an article with fewer words (letters, not digits or symbols) is quarantined
    max_sentence_chars: int = CoderSettings.max_sentence_chars  # longer "sentences" are not coded
    max_events_per_article: int = CoderSettings.max_events_per_article

    def __post_init__(self) -> None:
        for name in ("max_input_bytes", "max_article_chars", "max_sentence_chars", "max_events_per_article"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.max_article_chars > MAX_CHARS:
            raise ValueError(f"max_article_chars cannot exceed {MAX_CHARS} (the parser's limit)")

    def coder_settings(self, base: CoderSettings | None = None) -> CoderSettings:
        """``base`` (user dictionaries and coding choices) with these limits applied."""
        return replace(
            base or CoderSettings(),
            max_events_per_article=self.max_events_per_article,
            max_sentence_chars=self.max_sentence_chars,
        )


DEFAULT_LIMITS = IngestLimits()


@dataclass
class IngestSummary:
    articles_read: int = 0
    articles_stored: int = 0
    articles_skipped_existing: int = 0
    articles_not_coded_language: int = 0
    sentences: int = 0
    events: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    # With worker processes: seconds they spent parsing and coding, summed over all workers.
    worker_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def quarantined(self) -> int:
        """Inputs (files, records) that could not be read or coded; each is in ``ingest_errors``."""
        return len(self.problems)

    def render(self) -> str:
        lines = [
            f"articles read:            {self.articles_read}",
            f"articles stored:          {self.articles_stored}",
            f"already stored (skipped): {self.articles_skipped_existing}",
            f"not coded (language):     {self.articles_not_coded_language}",
            f"sentences parsed:         {self.sentences}",
            f"events:                   {self.events}",
            f"quarantined:              {len(self.problems)}",
        ]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)


def iter_articles(
    paths: Iterable[str | Path],
    problems: list[IngestProblem] | None = None,
    limits: IngestLimits = DEFAULT_LIMITS,
) -> Iterator[Article]:
    """Read and clean every input; unreadable ones are appended to ``problems``, never raised."""

    def quarantine(problem: IngestProblem) -> None:
        if problems is not None:
            problems.append(problem)
        _warn(str(problem))

    for item in read_documents(paths, max_bytes=limits.max_input_bytes):
        if isinstance(item, IngestProblem):
            quarantine(item)
            continue
        position = _position(item)
        if len(item.text) > limits.max_article_chars:
            # Checked before cleaning too: the cleaner's line rules would crawl through a huge text.
            quarantine(IngestProblem(item.source_path, f"article too long ({len(item.text)} characters; "
                                     f"limit is {limits.max_article_chars})", position))
            continue
        try:
            article = prepare_article(item)
        except Exception as error:  # one bad article must not stop the run
            quarantine(IngestProblem(item.source_path, f"cleaning failed: {type(error).__name__}: {error}", position))
            continue
        if not article.text.strip():
            quarantine(IngestProblem(item.source_path, "no text left after cleaning", position))
            continue
        if len(article.text) > limits.max_article_chars:
            quarantine(IngestProblem(item.source_path, f"article too long ({len(article.text)} characters "
                                     f"after cleaning; limit is {limits.max_article_chars})", position))
            continue
        words = count_words(article.text, stop_at=limits.min_words)
        if words < limits.min_words:
            quarantine(IngestProblem(item.source_path, f"article has {words} word(s); at least "
                                     f"{limits.min_words} needed", position))
            continue
        yield article


def count_words(text: str, stop_at: int | None = None) -> int:
    """Words (runs of letters) in ``text``; stops counting at ``stop_at`` when given."""
    count = 0
    for _ in _WORD.finditer(text):
        count += 1
        if stop_at is not None and count >= stop_at:
            break
    return count


def _position(raw: RawDocument) -> str | None:
    # The source id is "path" for a whole-file article and "path#id" for a record inside a file.
    if raw.source_id.startswith(raw.source_path) and raw.source_id != raw.source_path:
        return f"record {raw.source_id[len(raw.source_path):].lstrip('#')}"
    return None if raw.source_id == raw.source_path else raw.source_id


def code_articles(
    articles: Iterable[Article],
    coder: EventCoder | None = None,
    *,
    n_process: int = 1,
    problems: list[IngestProblem] | None = None,
) -> Iterator[tuple[Article, list[Event], int]]:
    """Parse and code articles, yielding (article, events, sentences parsed).

    Non-English articles pass through with no events. An article the coder fails on is appended to
    ``problems`` (and not yielded) when a list is given; without one the error propagates.
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
        if problems is None:
            yield article, coder.code_document(article, doc), sum(1 for _ in doc.sents)
            continue
        outcome = code_one(coder, article, doc)
        if isinstance(outcome, IngestProblem):
            problems.append(outcome)
            _warn(str(outcome))
            continue
        yield article, *outcome
    for other in pending_other:
        yield other, [], 0


def extract_paths(
    paths: Sequence[str | Path],
    *,
    published_default=None,
    progress: bool = True,
    limits: IngestLimits = DEFAULT_LIMITS,
    coder_settings: CoderSettings | None = None,
) -> tuple[list[tuple[Article, list[Event]]], list[IngestProblem]]:
    """The pipeline without a database (``heron extract``)."""
    problems: list[IngestProblem] = []
    articles = list(iter_articles(paths, problems, limits))
    if published_default is not None:
        articles = [_with_default_date(a, published_default) for a in articles]
    infer_publication_dates(articles)
    coder = EventCoder(settings=limits.coder_settings(coder_settings))
    bar = tqdm(code_articles(articles, coder, problems=problems), desc="articles", unit="art",
               disable=not _show(progress))
    results = [(article, events) for article, events, _ in bar]
    return results, problems


def ingest_paths(
    paths: Sequence[str | Path],
    db_path: str | Path,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    progress: bool = True,
    limits: IngestLimits = DEFAULT_LIMITS,
    coder_settings: CoderSettings | None = None,
) -> IngestSummary:
    """Ingest files or folders into the DuckDB store; re-running it adds nothing new.

    Each batch (articles, events, actors and the problems found so far) is one transaction, so a run
    killed at any point and started again ends with exactly the rows of an uninterrupted run.
    Inputs that cannot be read are quarantined: listed in the summary and in ``ingest_errors``.

    With ``n_process`` > 1, parsing and coding run in that many worker processes (``runners.pool``);
    this process reads, cleans, dates and stores, and never loads the spaCy model.
    """
    from heron.merge import update_merges
    from heron.store import EventStore

    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, got {n_process}")
    summary = IngestSummary()
    settings = limits.coder_settings(coder_settings)
    with contextlib.ExitStack() as resources:
        pool = None
        if n_process > 1:
            from heron.runners.pool import CodingPool

            # Started first: a worker that cannot load the model stops the run before anything is written.
            pool = resources.enter_context(CodingPool(n_process, settings))
        store = resources.enter_context(EventStore(db_path))
        articles = iter_articles(paths, summary.problems, limits)

        latest_seen: datetime | None = None

        def prepared(batch: list[Article]) -> Iterator[Article]:
            # Undated articles borrow the latest date of the articles read with them (clean.anchor).
            # Known articles stay in the batch until after this, so a resumed run infers the same dates.
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

        recorded_problems = 0

        def write(batch_articles: list[Article], batch_events: list[Event]) -> None:
            # Problems ride along with the batch, so they are committed (or not) with it.
            nonlocal recorded_problems
            new_problems = summary.problems[recorded_problems:]
            recorded_problems = len(summary.problems)
            summary.articles_stored += store.write_batch(batch_articles, batch_events, new_problems)

        pending_articles: list[Article] = []
        pending_events: list[Event] = []
        bar = tqdm(desc="ingest", unit="art", disable=not _show(progress))
        if pool is None:
            coded = code_articles(fresh_only(), EventCoder(settings=settings), problems=summary.problems)
        else:
            coded = pool.code(fresh_only(), summary.problems)
        for article, events, sentences in coded:
            if not is_coded_language(article):
                summary.articles_not_coded_language += 1
            pending_articles.append(article)
            pending_events.extend(events)
            summary.events += len(events)
            summary.sentences += sentences
            bar.update(1)
            if len(pending_articles) >= batch_size:
                write(pending_articles, pending_events)
                pending_articles, pending_events = [], []
        write(pending_articles, pending_events)
        bar.close()
        if pool is not None:
            summary.worker_seconds = {"parse": pool.seconds.parse, "code": pool.seconds.code}
            pool.close()  # the workers' memory is not needed for the merge
        update_merges(store)  # heron.merge: fold the new articles into merged events and stories
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
