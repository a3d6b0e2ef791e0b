"""Parse and code articles in worker processes (``heron ingest --workers N`` with N > 1).

Each worker loads the spaCy pipeline and an ``EventCoder`` once, then turns chunks of articles into
small results (``runners.coding.ChunkResult``: events, sentence counts, problems). No spaCy ``Doc``
crosses a process boundary (pickling one costs nearly as much as parsing it), the coder's CPU time is
spread over the workers, and the main process never loads the model: it reads, cleans, dates, stores
and merges.

Workers are fresh interpreters (``python -m heron.runners.pool``) rather than forks of the main
process or ``multiprocessing`` children, which would carry (and count in their memory) everything the
main process or its ``__main__`` script imported: the database, Arrow, the web app. A worker imports
only spaCy, the coder and the records, about 150 MB less each.

A chunk goes to the worker with the fewest chunks outstanding, so long articles do not leave a worker
idle; results come back in input order; at most ``IN_FLIGHT_PER_WORKER`` chunks per worker are
outstanding, so memory does not grow with the corpus.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from heron.records import Article, Event, IngestProblem

# Articles per task sent to a worker: small enough to balance the load, large enough that sending
# tasks costs nothing next to parsing them.
CHUNK_ARTICLES = 16
IN_FLIGHT_PER_WORKER = 3  # queued chunks per worker: a worker never waits for the main process
_STOP_SECONDS = 30


class WorkerError(RuntimeError):
    """A coding worker failed to start or exited without answering."""


@dataclass
class WorkerSeconds:
    """Time the workers spent, summed over all of them (with N workers this can reach N × wall time)."""

    parse: float = 0.0
    code: float = 0.0


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    tasks: Connection
    results: Connection
    outstanding: set[int] = field(default_factory=set)


# ---------------------------------------------------------------------------- in the main process
class CodingPool:
    """A pool of coding worker processes; used as a context manager, which starts and stops them."""

    def __init__(self, workers: int, settings: Any = None, *, chunk_articles: int = CHUNK_ARTICLES) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.settings = settings  # an events.coder.CoderSettings; None for the coder's defaults
        self.chunk_articles = chunk_articles
        self.seconds = WorkerSeconds()
        self._pool: list[_Worker] = []

    def __enter__(self) -> CodingPool:
        try:
            for _ in range(self.workers):
                self._pool.append(_start_worker(self.settings))
            for worker in self._pool:  # every worker has loaded the model before any work is sent
                answer = _receive(worker)
                if isinstance(answer, BaseException):
                    raise answer
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (idempotent); a worker that does not stop in time is killed."""
        for worker in self._pool:
            worker.tasks.close()  # end of input: the worker finishes and exits
        for worker in self._pool:
            try:
                worker.process.wait(timeout=_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait()
            worker.results.close()
        self._pool = []

    def code(self, articles: Iterable[Article], problems: list[IngestProblem] | None = None
             ) -> Iterator[tuple[Article, list[Event], int]]:
        """(article, events, sentences) in input order, as ``runners.local.code_articles`` yields them.

        An article the coder fails on is appended to ``problems`` (and not yielded) when a list is
        given; without one a ``WorkerError`` naming the problem is raised.
        """
        if not self._pool:
            raise RuntimeError("CodingPool must be entered (with CodingPool(...) as pool) before use")
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pending: deque[tuple[int, list[Article]]] = deque()
        done: dict[int, Any] = {}
        next_task = 0

        def collect(block: bool) -> None:
            busy = {worker.results: worker for worker in self._pool if worker.outstanding}
            for connection in wait(list(busy), timeout=None if block else 0):
                worker = busy[connection]  # type: ignore[index]
                task, result = _receive(worker)
                worker.outstanding.discard(task)
                if isinstance(result, BaseException):
                    raise result
                done[task] = result

        def finished_in_order() -> Iterator[tuple[Article, list[Event], int]]:
            while pending and pending[0][0] in done:
                task, chunk = pending.popleft()
                result = done.pop(task)
                self.seconds.parse += result.parse_seconds
                self.seconds.code += result.code_seconds
                for article, outcome in zip(chunk, result.outcomes, strict=True):
                    if isinstance(outcome, IngestProblem):
                        if problems is None:
                            raise WorkerError(str(outcome))
                        problems.append(outcome)
                        _warn(str(outcome))
                        continue
                    events, sentences = outcome
                    yield article, events, sentences

        def send(chunk: list[Article]) -> None:
            nonlocal next_task
            worker = min(self._pool, key=lambda w: len(w.outstanding))
            worker.tasks.send((next_task, chunk))
            worker.outstanding.add(next_task)
            pending.append((next_task, chunk))
            next_task += 1

        def in_flight() -> int:
            return sum(len(worker.outstanding) for worker in self._pool)

        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) < self.chunk_articles:
                continue
            # Room for one more chunk: fewer than `limit` being coded, and (when the oldest chunk is
            # slow) no more than `limit` finished ones held back waiting for it.
            while in_flight() >= limit or len(pending) >= 2 * limit:
                if pending[0][0] in done:
                    yield from finished_in_order()
                else:
                    collect(block=True)  # the oldest chunk (at least) is still being coded
            send(chunk)
            chunk = []
            collect(block=False)
            yield from finished_in_order()
        if chunk:
            send(chunk)
        while pending:
            if pending[0][0] not in done:
                collect(block=True)
            yield from finished_in_order()


def _start_worker(settings: Any) -> _Worker:
    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    # The worker must import this same heron, also when it is not installed (PYTHONPATH, a checkout).
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "heron.runners.pool", str(task_read), str(result_write)],
            pass_fds=(task_read, result_write), env=env, stdin=subprocess.DEVNULL,
        )
    finally:
        os.close(task_read)
        os.close(result_write)
    worker = _Worker(process, Connection(task_write, readable=False), Connection(result_read, writable=False))
    worker.tasks.send(settings)
    return worker


def _receive(worker: _Worker) -> Any:
    try:
        return worker.results.recv()
    except (EOFError, OSError):
        code = worker.process.wait()
        raise WorkerError(f"a coding worker exited unexpectedly (exit code {code}; out of memory?)") from None


def _warn(message: str) -> None:
    from heron.runners.local import _warn as warn

    warn(message)


# ---------------------------------------------------------------------------- inside a worker
def serve(task_fd: int, result_fd: int) -> None:
    """A worker's life: load the pipeline, then code chunks until the main process closes the tasks."""
    from heron.events.coder import CoderSettings, EventCoder
    from heron.nlp import load_nlp
    from heron.runners.coding import code_chunk

    # Ctrl-C reaches the whole process group: the main process handles it and closes the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tasks, results = Connection(task_fd, writable=False), Connection(result_fd, readable=False)
    try:
        settings = tasks.recv()
        load_nlp()
        coder = EventCoder(settings=settings or CoderSettings())
    except Exception as error:
        results.send(WorkerError(f"coding worker could not start: {type(error).__name__}: {error}"))
        return
    results.send("ready")
    # Tasks are read as they arrive, so the main process never blocks sending while this worker is
    # busy (and busy sending a result back): the number queued is bounded by the main process.
    inbox: queue.Queue[tuple[int, list[Article]] | None] = queue.Queue()

    def read_tasks() -> None:
        try:
            while True:
                inbox.put(tasks.recv())
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=read_tasks, daemon=True).start()
    while (item := inbox.get()) is not None:
        task, articles = item
        try:
            answer = (task, code_chunk(coder, articles))
        except Exception as error:  # reported to the main process, which stops the run
            answer = (task, WorkerError(f"coding failed in a worker: {type(error).__name__}: {error}"))
        try:
            results.send(answer)
        except OSError:  # the main process is gone (killed): nobody to work for
            return


if __name__ == "__main__":
    # Through the package, so that what the worker sends back pickles as heron.runners.pool.*, not __main__.*
    from heron.runners.pool import serve as serve_tasks

    serve_tasks(int(sys.argv[1]), int(sys.argv[2]))
