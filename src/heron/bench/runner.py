"""The benchmark: one run measures bare spaCy and Heron end to end on the same corpus.

1. The corpus is read and cleaned once (not timed) to get the texts spaCy will see and their word
   count (whitespace-separated words of the cleaned article texts).
2. **Bare spaCy**: ``nlp.pipe`` over those texts with the same pipeline (``nlp.load_nlp``: the same
   components) and the same number of processes as Heron.
3. **Heron end to end**: ``runners.local.ingest_paths`` into a fresh DuckDB file: read, clean, date,
   parse, code, store. Time per stage is measured on that same run by wrapping the stage functions
   the runner calls (read+clean, anchor dates, parse, code, store) with clocks that count a stage's
   own time only (a stage that pulls from an earlier one does not count the earlier one's time).
   With several processes, "parse" is the main process waiting for the spaCy workers.

Peak memory is the largest RSS of the process tree (main process plus spaCy workers) during each
phase. The corpus may be limited to its first N articles (``limit``); they are then written to a
temporary JSON Lines file so that Heron reads exactly those.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from heron.bench.memory import PeakMemory

STAGES = ("read+clean", "anchor dates", "parse", "code", "store")


class StageClock:
    """Attributes wall time to the innermost active stage (exclusive time per stage)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self._stack: list[str] = []
        self._since = time.perf_counter()

    def _switch(self) -> None:
        now = time.perf_counter()
        if self._stack:
            self.seconds[self._stack[-1]] += now - self._since
        self._since = now

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self._switch()
        self._stack.append(name)
        try:
            yield
        finally:
            self._switch()
            self._stack.pop()

    def timed_iter(self, name: str, iterable: Iterable[Any]) -> Iterator[Any]:
        iterator = iter(iterable)
        while True:
            with self.stage(name):
                try:
                    item = next(iterator)
                except StopIteration:
                    return
            yield item

    def timed_call(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return function(*args, **kwargs)
        return wrapper


@dataclass
class BenchReport:
    corpus: str
    articles: int
    words: int
    workers: int
    bare_seconds: float | None
    bare_peak_rss: int | None
    heron_seconds: float
    heron_peak_rss: int
    events: int
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def bare_words_per_s(self) -> float | None:
        return self.words / self.bare_seconds if self.bare_seconds else None

    @property
    def heron_words_per_s(self) -> float:
        return self.words / self.heron_seconds if self.heron_seconds else 0.0

    @property
    def ratio(self) -> float | None:
        bare = self.bare_words_per_s
        return self.heron_words_per_s / bare if bare else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "articles": self.articles, "words": self.words, "workers": self.workers,
            "bare_spacy": {"seconds": self.bare_seconds, "words_per_s": self.bare_words_per_s,
                           "peak_rss_bytes": self.bare_peak_rss},
            "heron": {"seconds": self.heron_seconds, "words_per_s": self.heron_words_per_s,
                      "articles_per_s": self.articles / self.heron_seconds if self.heron_seconds else 0.0,
                      "events_per_s": self.events / self.heron_seconds if self.heron_seconds else 0.0,
                      "events": self.events, "peak_rss_bytes": self.heron_peak_rss,
                      "stage_seconds": self.stage_seconds},
            "ratio_heron_to_bare": self.ratio,
        }

    def render(self) -> str:
        mib = 1024 * 1024
        lines = [f"corpus: {self.corpus}  ({self.articles} articles, {self.words} words, {self.workers} process(es))"]
        if self.bare_seconds is not None:
            lines.append(f"bare spaCy:  {self.bare_seconds:8.1f} s  {self.bare_words_per_s:9.0f} words/s  "
                         f"peak RSS {self.bare_peak_rss / mib:7.0f} MiB")
        heron_rate = (f"{self.heron_seconds:8.1f} s  {self.heron_words_per_s:9.0f} words/s  "
                      f"peak RSS {self.heron_peak_rss / mib:7.0f} MiB")
        lines.append(f"Heron e2e:   {heron_rate}")
        lines.append(f"             {self.articles / self.heron_seconds:9.2f} articles/s  "
                     f"{self.events / self.heron_seconds:9.2f} events/s  ({self.events} events)")
        if self.ratio is not None:
            lines.append(f"ratio Heron/bare spaCy (words/s): {self.ratio:.3f}")
        lines.append("time per stage (s): " + ", ".join(f"{k} {v:.1f}" for k, v in self.stage_seconds.items()))
        return "\n".join(lines)


def _limited_copy(paths: Sequence[Path], limit: int, folder: Path) -> Path:
    """The first ``limit`` readable documents of ``paths`` as one JSON Lines file."""
    from heron.ingest import read_documents
    from heron.records import RawDocument

    target = folder / "bench_corpus.jsonl"
    written = 0
    with target.open("w", encoding="utf-8") as handle:
        for item in read_documents(paths):
            if not isinstance(item, RawDocument):
                continue
            record = {"id": item.source_id, "text": item.text, "title": item.title, "url": item.url,
                      "outlet": item.outlet, "language": item.language,
                      "published": item.published.isoformat() if item.published else None}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
            if written >= limit:
                break
    return target


def run_bench(
    paths: Sequence[str | Path],
    *,
    workers: int = 1,
    limit: int | None = None,
    bare: bool = True,
    batch_size: int = 64,
) -> BenchReport:
    """Run both measurements; the DuckDB file lives in a temporary folder removed afterwards."""
    from heron.nlp import load_nlp
    from heron.runners import local

    with tempfile.TemporaryDirectory(prefix="heron-bench-") as scratch:
        folder = Path(scratch)
        corpus = [Path(p) for p in paths]
        if limit is not None:
            corpus = [_limited_copy(corpus, limit, folder)]
        texts = [article.text for article in local.iter_articles(corpus)]
        words = sum(len(text.split()) for text in texts)
        nlp = load_nlp()

        bare_seconds = bare_peak = None
        if bare:
            with PeakMemory() as memory:
                started = time.perf_counter()
                for _doc in nlp.pipe(texts, batch_size=16, n_process=workers):
                    pass
                bare_seconds = time.perf_counter() - started
            bare_peak = memory.peak_bytes
        article_count = len(texts)
        del texts  # not held during Heron's run, which streams

        clock = StageClock()
        from heron.events.coder import EventCoder
        from heron.store.duckdb_store import EventStore

        patches = [
            mock.patch.object(local, "iter_articles",
                              lambda *a, _f=local.iter_articles, **k: clock.timed_iter("read+clean", _f(*a, **k))),
            mock.patch.object(local, "parse_articles",
                              lambda *a, _f=local.parse_articles, **k: clock.timed_iter("parse", _f(*a, **k))),
            mock.patch.object(local, "infer_publication_dates",
                              clock.timed_call("anchor dates", local.infer_publication_dates)),
            mock.patch.object(EventCoder, "code_document", _method(clock, "code", EventCoder.code_document)),
            mock.patch.object(EventStore, "write_batch", _method(clock, "store", EventStore.write_batch)),
        ]
        with contextlib.ExitStack() as stack:
            for patch in patches:
                with contextlib.suppress(AttributeError):  # a stage the runner no longer calls by that name
                    stack.enter_context(patch)
            with PeakMemory() as memory:
                started = time.perf_counter()
                summary = local.ingest_paths(corpus, folder / "bench.duckdb", batch_size=batch_size,
                                             n_process=workers, progress=False)
                heron_seconds = time.perf_counter() - started
        return BenchReport(
            corpus=", ".join(str(p) for p in paths) + (f" (first {limit})" if limit else ""),
            articles=article_count, words=words, workers=workers,
            bare_seconds=bare_seconds, bare_peak_rss=bare_peak,
            heron_seconds=heron_seconds, heron_peak_rss=memory.peak_bytes, events=summary.events,
            stage_seconds={k: round(v, 2) for k, v in clock.seconds.items()},
        )


def _method(clock: StageClock, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        with clock.stage(name):
            return function(self, *args, **kwargs)
    return wrapper
