"""The benchmark: one run measures bare spaCy and Heron end to end on the same corpus.

1. **Bare spaCy**, in a child process of its own (so this process never loads the model and Heron's
   memory figure is not inflated by it): the child reads and cleans the corpus (not timed) to get the
   texts spaCy will see and their word count (whitespace-separated words of the cleaned article texts),
   loads the pipeline (``nlp.load_nlp``: the same components), then times ``nlp.pipe`` with the same
   number of processes and the same batch size as Heron's workers. Its peak memory is that child's
   process tree (the child plus spaCy's worker processes), as a bare spaCy script would have.
2. **Heron end to end**: ``runners.local.ingest_paths`` into a fresh DuckDB file: read, clean, date,
   parse, code, store, merge. Time per stage is measured on that same run. In this process, the stage
   functions the runner calls are wrapped with clocks that count a stage's own time only (a stage that
   pulls from an earlier one does not count the earlier one's time); with several processes, "waiting
   for workers" is this process idle while the workers parse and code, and the workers report their
   own parse and code time (summed over the workers). Peak memory is this process plus its workers.

CPU seconds (user + system, this process and every finished child) are reported next to wall time:
on a machine shared with other work they vary much less than wall time. The corpus may be limited to
its first N articles (``limit``); they are then written to a temporary JSON Lines file so that both
measurements read exactly those.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from heron.bench.memory import PeakMemory

# Stages timed in the main process; "parse" and "code" run there only with one process.
STAGES = ("read+clean", "anchor dates", "parse", "code", "waiting for workers", "store", "merge")


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
    worker_seconds: dict[str, float] = field(default_factory=dict)  # summed over the worker processes
    bare_cpu_seconds: float | None = None
    heron_cpu_seconds: float | None = None

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

    @property
    def cpu_ratio(self) -> float | None:
        """Bare spaCy's CPU seconds over Heron's: the ratio of throughputs on a machine with no other load."""
        if self.bare_cpu_seconds and self.heron_cpu_seconds:
            return self.bare_cpu_seconds / self.heron_cpu_seconds
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "articles": self.articles, "words": self.words, "workers": self.workers,
            "bare_spacy": {"seconds": self.bare_seconds, "words_per_s": self.bare_words_per_s,
                           "cpu_seconds": self.bare_cpu_seconds, "peak_rss_bytes": self.bare_peak_rss},
            "heron": {"seconds": self.heron_seconds, "words_per_s": self.heron_words_per_s,
                      "articles_per_s": self.articles / self.heron_seconds if self.heron_seconds else 0.0,
                      "events_per_s": self.events / self.heron_seconds if self.heron_seconds else 0.0,
                      "events": self.events, "cpu_seconds": self.heron_cpu_seconds,
                      "peak_rss_bytes": self.heron_peak_rss,
                      "stage_seconds": self.stage_seconds, "worker_seconds": self.worker_seconds},
            "ratio_heron_to_bare": self.ratio,
            "cpu_ratio_bare_to_heron": self.cpu_ratio,
        }

    def render(self) -> str:
        mib = 1024 * 1024
        lines = [f"corpus: {self.corpus}  ({self.articles} articles, {self.words} words, {self.workers} process(es))"]
        if self.bare_seconds is not None:
            lines.append(f"bare spaCy:  {self.bare_seconds:8.1f} s  {self.bare_words_per_s:9.0f} words/s  "
                         f"peak RSS {(self.bare_peak_rss or 0) / mib:7.0f} MiB  {_cpu(self.bare_cpu_seconds)}")
        lines.append(f"Heron e2e:   {self.heron_seconds:8.1f} s  {self.heron_words_per_s:9.0f} words/s  "
                     f"peak RSS {self.heron_peak_rss / mib:7.0f} MiB  {_cpu(self.heron_cpu_seconds)}")
        lines.append(f"             {self.articles / self.heron_seconds:9.2f} articles/s  "
                     f"{self.events / self.heron_seconds:9.2f} events/s  ({self.events} events)")
        if self.ratio is not None:
            lines.append(f"ratio Heron/bare spaCy (words/s): {self.ratio:.3f}")
        if self.cpu_ratio is not None:
            lines.append(f"ratio bare spaCy/Heron (CPU seconds): {self.cpu_ratio:.3f}")
        lines.append("time per stage, main process (s): "
                     + ", ".join(f"{k} {v:.1f}" for k, v in self.stage_seconds.items() if v or k not in _WORKER_ONLY))
        if self.worker_seconds:
            lines.append(f"time per stage, {self.workers} workers together (s): "
                         + ", ".join(f"{k} {v:.1f}" for k, v in self.worker_seconds.items()))
        return "\n".join(lines)


_WORKER_ONLY = ("parse", "code", "waiting for workers")  # shown only where they happened


def _cpu(seconds: float | None) -> str:
    return f"CPU {seconds:7.1f} s" if seconds is not None else ""


def _cpu_seconds() -> float:
    """User + system CPU of this process and of every child that has finished (and their children)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _corpus_copy(paths: Sequence[Path], folder: Path, *, limit: int | None = None, repeat: int = 1) -> Path:
    """The first ``limit`` readable documents of ``paths``, ``repeat`` times over, as one JSON Lines file.

    Copy k > 1 of a document gets the id ``ID#copyK``, so every copy is a new article to the store (the
    article id is derived from the source id and the text) rather than one skipped as already stored.
    Each pass reads the inputs again: the copy streams and nothing is held in memory.
    """
    from heron.ingest import read_documents
    from heron.records import RawDocument

    target = folder / "bench_corpus.jsonl"
    with target.open("w", encoding="utf-8") as handle:
        for copy in range(1, repeat + 1):
            written = 0
            for item in read_documents(paths):
                if limit is not None and written >= limit:
                    break
                if not isinstance(item, RawDocument):
                    continue
                record = {"id": item.source_id if copy == 1 else f"{item.source_id}#copy{copy}",
                          "text": item.text, "title": item.title, "url": item.url,
                          "outlet": item.outlet, "language": item.language,
                          "published": item.published.isoformat() if item.published else None}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return target


@dataclass
class _BareResult:
    articles: int
    words: int
    seconds: float
    cpu_seconds: float
    peak_rss: int


def _bare_spacy(corpus: list[Path], workers: int, batch_size: int) -> _BareResult:
    """Bare spaCy on the corpus's cleaned texts (runs in a child process, see the module docstring)."""
    from heron.nlp import load_nlp
    from heron.runners import local

    texts = [article.text for article in local.iter_articles(corpus)]
    nlp = load_nlp()
    with PeakMemory() as memory:
        cpu_before, started = _cpu_seconds(), time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
            pass
        seconds = time.perf_counter() - started
    return _BareResult(len(texts), sum(len(text.split()) for text in texts), seconds,
                       _cpu_seconds() - cpu_before, memory.peak_bytes)


def _bare_spacy_child(connection: Any, corpus: list[Path], workers: int, batch_size: int) -> None:
    try:
        connection.send(_bare_spacy(corpus, workers, batch_size))
    except BaseException as error:
        connection.send(RuntimeError(f"bare spaCy run failed: {type(error).__name__}: {error}"))
    finally:
        connection.close()


def _run_bare_in_child(corpus: list[Path], workers: int, batch_size: int) -> _BareResult:
    # A plain (non-daemon) process: spaCy's n_process starts processes of its own inside it.
    context = multiprocessing.get_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_bare_spacy_child, args=(sender, corpus, workers, batch_size))
    child.start()
    sender.close()
    try:
        result = receiver.recv()
    except EOFError:
        result = RuntimeError("bare spaCy run ended without a result (killed, or out of memory?)")
    child.join()
    if isinstance(result, Exception):
        raise result
    return result


def _count_corpus(corpus: list[Path]) -> tuple[int, int]:
    """(articles, words) as the bare run counts them, streaming (no text is kept)."""
    from heron.runners import local

    articles = words = 0
    for article in local.iter_articles(corpus):
        articles += 1
        words += len(article.text.split())
    return articles, words


def run_bench(
    paths: Sequence[str | Path],
    *,
    workers: int = 1,
    limit: int | None = None,
    bare: bool = True,
    batch_size: int = 64,
    repeat: int = 1,
) -> BenchReport:
    """Run both measurements; the DuckDB file lives in a temporary folder removed afterwards.

    ``repeat`` > 1 measures a corpus that many times larger: the (limited) corpus concatenated with
    itself, each copy under new ids (how the scale issue's "4x corpus" memory figure is measured).
    """
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, got {repeat}")
    from heron.runners.coding import SPACY_BATCH

    with tempfile.TemporaryDirectory(prefix="heron-bench-") as scratch:
        folder = Path(scratch)
        corpus = [Path(p) for p in paths]
        if limit is not None or repeat > 1:
            corpus = [_corpus_copy(corpus, folder, limit=limit, repeat=repeat)]
        spacy_batch = SPACY_BATCH  # the batch size Heron's workers give nlp.pipe
        if bare:
            bare_result = _run_bare_in_child(corpus, workers, spacy_batch)
            article_count, words = bare_result.articles, bare_result.words
        else:
            bare_result = None
            article_count, words = _count_corpus(corpus)

        clock = StageClock()
        summary, heron_seconds, heron_cpu, heron_peak = _run_heron(clock, corpus, folder, workers, batch_size)
        return BenchReport(
            corpus=", ".join(str(p) for p in paths) + (f" (first {limit})" if limit else "")
            + (f" x{repeat}" if repeat > 1 else ""),
            articles=article_count, words=words, workers=workers,
            bare_seconds=bare_result.seconds if bare_result else None,
            bare_peak_rss=bare_result.peak_rss if bare_result else None,
            bare_cpu_seconds=bare_result.cpu_seconds if bare_result else None,
            heron_seconds=heron_seconds, heron_peak_rss=heron_peak, heron_cpu_seconds=heron_cpu,
            events=summary.events,
            stage_seconds={k: round(v, 2) for k, v in clock.seconds.items()},
            worker_seconds={k: round(v, 2) for k, v in summary.worker_seconds.items()},
        )


def _run_heron(clock: StageClock, corpus: list[Path], folder: Path, workers: int, batch_size: int
               ) -> tuple[Any, float, float, int]:
    """``ingest_paths`` with its main-process stages clocked: (summary, seconds, CPU seconds, peak RSS)."""
    import heron.merge
    from heron.events.coder import EventCoder
    from heron.runners import local
    from heron.runners.pool import CodingPool
    from heron.store.duckdb_store import EventStore

    patches = [
        mock.patch.object(local, "iter_articles",
                          lambda *a, _f=local.iter_articles, **k: clock.timed_iter("read+clean", _f(*a, **k))),
        mock.patch.object(local, "infer_publication_dates",
                          clock.timed_call("anchor dates", local.infer_publication_dates)),
        mock.patch.object(EventStore, "write_batch", _method(clock, "store", EventStore.write_batch)),
        mock.patch.object(heron.merge, "update_merges", clock.timed_call("merge", heron.merge.update_merges)),
    ]
    if workers == 1:  # otherwise these run in the workers, which report their own times
        patches += [
            mock.patch.object(local, "parse_articles",
                              lambda *a, _f=local.parse_articles, **k: clock.timed_iter("parse", _f(*a, **k))),
            mock.patch.object(EventCoder, "code_document", _method(clock, "code", EventCoder.code_document)),
        ]
    else:
        patches.append(mock.patch.object(
            CodingPool, "code",
            lambda self, *a, _f=CodingPool.code, **k: clock.timed_iter("waiting for workers", _f(self, *a, **k))))
    with contextlib.ExitStack() as stack:
        for patch in patches:
            with contextlib.suppress(AttributeError):  # a stage the runner no longer calls by that name
                stack.enter_context(patch)
        with PeakMemory() as memory:
            cpu_before, started = _cpu_seconds(), time.perf_counter()
            summary = local.ingest_paths(corpus, folder / "bench.duckdb", batch_size=batch_size,
                                         n_process=workers, progress=False)
            seconds = time.perf_counter() - started
            cpu = _cpu_seconds() - cpu_before
    return summary, seconds, cpu, memory.peak_bytes


def _method(clock: StageClock, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        with clock.stage(name):
            return function(self, *args, **kwargs)
    return wrapper
