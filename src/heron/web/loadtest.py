"""A loopback load test of the HTTP API (`heron loadtest`).

The server runs in a child process on a free 127.0.0.1 port (so client and server do not share one
Python interpreter lock); a few client threads, each with its own keep-alive connection, fire a fixed,
seeded mix of requests built from what the database holds: event pages with filters and sorts, event
details, actors, network, dyad time series, stories. Every request is timed; a non-2xx answer or a
failed request counts as an error.
"""

from __future__ import annotations

import http.client
import json
import math
import multiprocessing
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

START_TIMEOUT = 60.0  # seconds to wait for the server process to answer


@dataclass
class LoadTestResult:
    requests: int
    clients: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    error_samples: list[str] = field(default_factory=list)
    per_endpoint: dict[str, list[float]] = field(default_factory=dict)

    def percentile(self, fraction: float, values: list[float] | None = None) -> float:
        """Nearest-rank percentile of the latencies (ms)."""
        ordered = sorted(self.latencies_ms if values is None else values)
        if not ordered:
            return float("nan")
        rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
        return ordered[rank - 1]

    def report(self) -> str:
        lines = [
            f"requests: {self.requests} from {self.clients} clients in {self.seconds:.2f} s "
            f"({self.requests / self.seconds:.0f} requests/s)",
            f"errors: {self.errors} (non-2xx answers or failed requests)",
            f"latency ms: p50 {self.percentile(0.50):.1f}  p95 {self.percentile(0.95):.1f}  "
            f"p99 {self.percentile(0.99):.1f}  max {max(self.latencies_ms, default=float('nan')):.1f}",
            "per endpoint (count, p50, p95 ms):",
        ]
        for endpoint, values in sorted(self.per_endpoint.items()):
            lines.append(f"  {endpoint:<22} {len(values):>6}  {self.percentile(0.5, values):>8.1f}  "
                         f"{self.percentile(0.95, values):>8.1f}")
        lines.extend(f"  error: {sample}" for sample in self.error_samples)
        return "\n".join(lines)


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(db: str, port: int, query_timeout: float | None) -> None:  # runs in the child process
    import uvicorn

    from heron.web import create_app

    app = create_app(db, query_timeout=query_timeout)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", access_log=False)


@contextmanager
def server_process(db: Path, query_timeout: float | None) -> Iterator[int]:
    """A `heron serve` equivalent in a child process; yields its port once it answers."""
    port = free_loopback_port()
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited threads or DuckDB handles
    process = context.Process(target=_serve, args=(str(db), port, query_timeout), daemon=True)
    process.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if not process.is_alive():
                raise RuntimeError(f"the server process exited with code {process.exitcode} (is {db} a Heron database?)")
            try:
                status, _ = _get(http.client.HTTPConnection("127.0.0.1", port, timeout=2), "/api/meta")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer on 127.0.0.1:{port} within {START_TIMEOUT:.0f} s")
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def _get(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def _json(connection: http.client.HTTPConnection, path: str) -> dict[str, Any]:
    status, body = _get(connection, path)
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status} while preparing the request mix")
    return json.loads(body)


def request_mix(port: int, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(endpoint name, path) pairs: a seeded mix over the ids, actors and dates the database holds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    meta = _json(connection, "/api/meta")
    first_page = _json(connection, "/api/events?" + urlencode({"page_size": 200}))
    event_ids = [item["event_id"] for item in first_page["items"]] or ["none"]
    actors = [item["actor"] for item in _json(connection, "/api/actors?limit=30")["items"]] or ["USA"]
    edges = _json(connection, "/api/network?max_edges=30")["edges"]
    dyads = [(edge["source"], edge["target"]) for edge in edges] or [(actors[0], actors[-1])]
    stories = [item["story_id"] for item in _json(connection, "/api/stories")["items"]]
    connection.close()
    types = meta.get("plover_types") or ["ACCUSE"]
    quads = meta.get("quad_classes") or ["statement"]
    first, last = meta.get("first_event_date"), meta.get("last_event_date")
    pages = max(1, first_page.get("pages", 1))
    words = ["talks", "attack", "police", "minister", "aid", "protest", "killed", "said"]
    sorts = ["date", "type", "quad", "goldstein", "confidence", "outlet", "predicate", "published"]
    rng = random.Random(seed)

    def events_page() -> tuple[str, str]:
        params: dict[str, Any] = {"page": rng.randint(1, min(pages, 20)), "page_size": rng.choice([20, 50, 100]),
                                  "sort": rng.choice(sorts), "order": rng.choice(["asc", "desc"])}
        for _ in range(rng.randint(0, 2)):
            kind = rng.choice(["type", "quad", "actor", "q", "dates", "country"])
            if kind == "type":
                params["type"] = rng.choice(types)
            elif kind == "quad":
                params["quad"] = rng.choice(quads)
            elif kind == "actor":
                params["actor"] = rng.choice(actors)
            elif kind == "q":
                params["q"] = rng.choice(words)
            elif kind == "country":
                params["country"] = rng.choice([a for a in actors if len(a) == 3 and a.isalpha()] or ["USA"])
            elif first and last:
                params["since"], params["until"] = first, last
        if stories and rng.random() < 0.1:
            params["story"] = rng.choice(stories)
        return "events", "/api/events?" + urlencode(params)

    def timeseries() -> tuple[str, str]:
        a, b = rng.choice(dyads)
        return "timeseries", "/api/timeseries?" + urlencode({"a": a, "b": b, "interval": rng.choice(["day", "week",
                                                                                                      "month"])})

    def story() -> tuple[str, str]:
        if not stories:
            return "stories", "/api/stories"
        return "story", f"/api/stories/{quote(rng.choice(stories), safe='')}"

    makers: list[tuple[float, Any]] = [
        (0.35, events_page),
        (0.20, lambda: ("event", f"/api/events/{quote(rng.choice(event_ids), safe='')}")),
        (0.10, lambda: ("actors", "/api/actors?" + urlencode({"limit": rng.choice([20, 100])}))),
        (0.10, lambda: ("network", "/api/network?" + urlencode(
            {"max_edges": rng.choice([50, 200]), **({"quad": rng.choice(quads)} if rng.random() < 0.5 else {})}))),
        (0.15, timeseries),
        (0.05, lambda: ("stories", "/api/stories")),
        (0.05, story),
    ]
    weights = [weight for weight, _ in makers]
    return [rng.choices(makers, weights)[0][1]() for _ in range(count)]


def _client(port: int, jobs: list[tuple[str, str]], cursor: Iterator[int], lock: threading.Lock,
            results: list[tuple[str, float, int | None, str]]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while True:
        with lock:
            index = next(cursor, None)
        if index is None:
            break
        endpoint, path = jobs[index]
        started = time.perf_counter()
        try:
            status, body = _get(connection, path)
            problem = "" if 200 <= status < 300 else f"{status} {path}: {body[:160]!r}"
        except (OSError, http.client.HTTPException) as error:
            status, problem = None, f"{type(error).__name__} {path}: {error}"
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        results.append((endpoint, (time.perf_counter() - started) * 1000, status, problem))
    connection.close()


def run_loadtest(db: Path, *, requests: int = 2000, clients: int = 8, seed: int = 7,
                 query_timeout: float | None = 10.0) -> LoadTestResult:
    """Start the server on a free loopback port, fire ``requests`` from ``clients`` threads, measure."""
    with server_process(db, query_timeout) as port:
        jobs = request_mix(port, requests, seed)
        cursor = iter(range(len(jobs)))
        lock = threading.Lock()
        results: list[tuple[str, float, int | None, str]] = []
        threads = [threading.Thread(target=_client, args=(port, jobs, cursor, lock, results), daemon=True)
                   for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
    per_endpoint: dict[str, list[float]] = {}
    for endpoint, latency, _, _ in results:
        per_endpoint.setdefault(endpoint, []).append(latency)
    problems = [problem for *_, problem in results if problem]
    distinct = list(Counter(problems))[:5]
    return LoadTestResult(
        requests=len(results), clients=clients, errors=len(problems), seconds=seconds,
        latencies_ms=[latency for _, latency, _, _ in results], error_samples=distinct, per_endpoint=per_endpoint,
    )
