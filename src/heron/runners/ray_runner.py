"""The Ray runner: the local runner's stage functions as Ray Data ``map_batches`` over sharded input.

Flow (``ray_ingest``):

1. The driver reads and cleans the inputs with ``runners.local.iter_articles`` and infers missing
   publication dates per batch exactly as the local runner does (``clean.anchor``), writing the
   cleaned articles as Parquet shards under ``OUT/input/`` as it goes (memory stays bounded).
2. Ray Data ``map_batches`` hands the shards, one at a time, to a pool of actors; each actor loads
   the spaCy pipeline and an ``EventCoder`` once and runs ``runners.local.code_articles`` (parse →
   ``EventCoder.code_document``), the same code as ``heron ingest`` without Ray.
3. Results are written as Parquet shards: ``OUT/articles/`` (one row per article, with its events as
   JSON in ``events_json``) and ``OUT/events/`` (one flat row per event, the ``events`` table columns).
4. ``load_shards(OUT, DB)`` (``heron load``) streams ``OUT/articles/`` into DuckDB through
   ``EventStore.write_batch``, so the database is the same as the local runner's.

On a cluster, ``OUT`` must be a path every node can read and write (a shared file system).
Ray is an optional dependency: ``pip install 'heron-events[ray]'``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from heron.clean.anchor import infer_publication_dates, latest_known_publication
from heron.records import Actor, Article, Event, IngestProblem
from heron.runners.local import code_articles, iter_articles
from heron.store.duckdb_store import ARTICLE_COLUMNS, EVENT_COLUMNS

ARTICLES_PER_INPUT_SHARD = 64  # small shards: Ray schedules a block per shard across the actors
ANCHOR_BATCH = 64  # the local runner's default batch: publication dates are inferred per batch like there

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("source_path", pa.string()), ("source_id", pa.string()),
    ("title", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("published", pa.timestamp("us")),
    ("published_from", pa.string()), ("language", pa.string()), ("removed_noise_lines", pa.int64()),
    ("text", pa.string()), ("input_order", pa.int64()),
])
CODED_SCHEMA = ARTICLE_SCHEMA.append(pa.field("events_json", pa.string())).append(pa.field("sentences", pa.int64()))


_EVENT_TYPES = {"sentence_index": pa.int64(), "sentence_start": pa.int64(), "start": pa.int64(), "end": pa.int64(),
                "date_start": pa.int64(), "date_end": pa.int64(), "goldstein": pa.float64(),
                "confidence": pa.float64(), "date_from_publication": pa.bool_(), "event_date": pa.date32(),
                "published": pa.timestamp("us")}
# One flat row per event: the `events` table's columns (aux_modes, source and target as JSON text).
EVENT_SCHEMA = pa.schema([(name, _EVENT_TYPES.get(name, pa.string()))
                          for name in [*EVENT_COLUMNS, "source_json", "target_json"]])


class RayUnavailableError(RuntimeError):
    """Ray is not installed (it is an optional extra)."""


@dataclass
class RayRunSummary:
    articles: int = 0
    events: int = 0
    sentences: int = 0
    workers: int = 1
    seconds_prepare: float = 0.0
    seconds_code: float = 0.0
    out_dir: str = ""
    problems: list[IngestProblem] = field(default_factory=list)

    def render(self) -> str:
        return "\n".join([
            f"articles coded:        {self.articles}",
            f"sentences parsed:      {self.sentences}",
            f"events:                {self.events}",
            f"ray workers:           {self.workers}",
            f"read+clean (driver):   {self.seconds_prepare:.1f} s",
            f"parse+code (ray):      {self.seconds_code:.1f} s",
            f"files/records skipped: {len(self.problems)}",
            *(f"  - {problem}" for problem in self.problems),
            f"shards: {self.out_dir}/articles and {self.out_dir}/events (load with `heron load {self.out_dir}`)",
        ])


# ---------------------------------------------------------------------------- records <-> rows
def article_row(article: Article, order: int) -> dict[str, Any]:
    row = {name: getattr(article, name) for name in ARTICLE_COLUMNS}
    row["input_order"] = order
    return row


def article_from_row(row: dict[str, Any]) -> Article:
    values = {name: row.get(name) for name in ARTICLE_COLUMNS}
    if isinstance(values.get("published"), str):
        values["published"] = datetime.fromisoformat(values["published"])
    values["removed_noise_lines"] = int(values.get("removed_noise_lines") or 0)
    return Article(**values)


def event_from_dict(data: dict[str, Any]) -> Event:
    values = dict(data)
    values["source"] = [Actor(**actor) for actor in values.get("source") or []]
    values["target"] = [Actor(**actor) for actor in values.get("target") or []]
    values["event_date"] = date.fromisoformat(values["event_date"]) if values.get("event_date") else None
    values["published"] = datetime.fromisoformat(values["published"]) if values.get("published") else None
    return Event(**values)


# ---------------------------------------------------------------------------- driver: prepare input
def write_input_shards(paths: Sequence[str | Path], input_dir: Path, problems: list[IngestProblem],
                       *, shard_size: int = ARTICLES_PER_INPUT_SHARD) -> int:
    """Read, clean and date the inputs as the local runner does; write them as Parquet shards."""
    input_dir.mkdir(parents=True, exist_ok=True)
    for old in input_dir.glob("*.parquet"):
        old.unlink()
    latest_seen: datetime | None = None
    rows: list[dict[str, Any]] = []
    shard = 0
    count = 0

    def flush() -> None:
        nonlocal rows, shard
        if rows:
            pq.write_table(pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA), input_dir / f"shard-{shard:05d}.parquet")
            shard += 1
            rows = []

    def anchored(batch: list[Article]) -> list[Article]:
        nonlocal latest_seen
        latest_seen = max(filter(None, [latest_seen, latest_known_publication(batch)]), default=None)
        infer_publication_dates(batch, fallback=latest_seen)
        return batch

    batch: list[Article] = []
    for article in iter_articles(paths, problems):
        batch.append(article)
        if len(batch) >= ANCHOR_BATCH:
            for item in anchored(batch):
                rows.append(article_row(item, count))
                count += 1
                if len(rows) >= shard_size:
                    flush()
            batch = []
    for item in anchored(batch):
        rows.append(article_row(item, count))
        count += 1
        if len(rows) >= shard_size:
            flush()
    flush()
    return count


# ---------------------------------------------------------------------------- workers
class ArticleCoder:
    """A Ray actor: holds the loaded spaCy pipeline and coder; codes one batch of articles per call."""

    def __init__(self) -> None:
        from heron.events.coder import EventCoder
        from heron.nlp import load_nlp

        load_nlp()  # load once per actor, not per batch
        self.coder = EventCoder()

    def __call__(self, batch: pa.Table) -> pa.Table:
        # Each item names one input shard; the actor reads it itself, so every shard is a unit of work
        # that any actor can take (Ray Data would otherwise coalesce small Parquet files into one block).
        coded = [self.code_rows(pq.read_table(path).to_pylist()) for path in batch.column("shard").to_pylist()]
        return pa.concat_tables(coded) if coded else CODED_SCHEMA.empty_table()

    def code_rows(self, rows: list[dict[str, Any]]) -> pa.Table:
        articles = [article_from_row(row) for row in rows]
        orders = {article.article_id: row["input_order"] for article, row in zip(articles, rows, strict=True)}
        out: list[dict[str, Any]] = []
        for article, events, sentences in code_articles(articles, self.coder):
            row = article_row(article, orders[article.article_id])
            row["events_json"] = json.dumps([event.to_dict() for event in events])
            row["sentences"] = sentences
            out.append(row)
        return pa.Table.from_pylist(out, schema=CODED_SCHEMA)


def _flat_events(events_json: str | None) -> list[dict[str, Any]]:
    flat = []
    for event in json.loads(events_json or "[]"):
        item = {name: event.get(name) for name in EVENT_COLUMNS}
        item["aux_modes"] = json.dumps(event.get("aux_modes") or [])
        item["event_date"] = date.fromisoformat(item["event_date"]) if item["event_date"] else None
        item["published"] = datetime.fromisoformat(item["published"]) if item["published"] else None
        item["source_json"] = json.dumps(event.get("source") or [])
        item["target_json"] = json.dumps(event.get("target") or [])
        flat.append(item)
    return flat


# ---------------------------------------------------------------------------- entry points
def ray_ingest(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    num_workers: int = 2,
    address: str | None = None,
    shard_size: int = ARTICLES_PER_INPUT_SHARD,
) -> RayRunSummary:
    """Code ``paths`` on Ray (local, or the cluster at ``address``); write article and event shards."""
    ray = _import_ray()
    out = Path(out_dir).resolve()
    summary = RayRunSummary(workers=num_workers, out_dir=str(out))
    started = time.perf_counter()
    summary.articles = write_input_shards(paths, out / "input", summary.problems, shard_size=shard_size)
    summary.seconds_prepare = time.perf_counter() - started
    if summary.articles == 0:
        return summary

    started = time.perf_counter()
    started_ray = _connect(ray, address, num_workers)
    try:
        _code_on_ray(out, summary, num_workers=num_workers)
    finally:
        if started_ray:
            ray.shutdown()  # a private instance holds ~1 GB of worker processes; a cluster is left alone
    summary.seconds_code = time.perf_counter() - started
    return summary


def _code_on_ray(out: Path, summary: RayRunSummary, *, num_workers: int) -> None:
    for name in ("articles", "events"):
        _clear_shards(out / name)
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = sys.stderr.isatty()
    shards = [{"shard": str(path)} for path in sorted((out / "input").glob("*.parquet"))]
    coded = ray.data.from_items(shards, override_num_blocks=len(shards)).map_batches(
        ArticleCoder, batch_size=1, compute=ray.data.ActorPoolStrategy(size=num_workers), num_cpus=1,
        batch_format="pyarrow",
    )
    coded.write_parquet(str(out / "articles"))
    # Flattening events is cheap; doing it here, shard by shard, saves Ray Data three more executions
    # (each costs seconds of scheduling) and keeps one events shard per articles shard.
    (out / "events").mkdir(parents=True, exist_ok=True)
    for number, shard in enumerate(sorted((out / "articles").glob("*.parquet"))):
        table = pq.read_table(shard, columns=["events_json", "sentences"])
        summary.sentences += int(sum(value or 0 for value in table.column("sentences").to_pylist()))
        flat = [item for value in table.column("events_json").to_pylist() for item in _flat_events(value)]
        summary.events += len(flat)
        if flat:
            pq.write_table(pa.Table.from_pylist(flat, schema=EVENT_SCHEMA), out / "events" / f"events-{number:05d}.parquet")


@dataclass
class LoadSummary:
    articles_read: int = 0
    articles_stored: int = 0
    events_read: int = 0


def iter_coded_batches(shard_dir: str | Path, *, batch_rows: int = 256) -> Iterator[tuple[list[Article], list[Event]]]:
    """(articles, their events) from the ``OUT/articles`` shards, shard by shard, a batch at a time."""
    articles_dir = Path(shard_dir) / "articles"
    files = sorted(articles_dir.glob("*.parquet"))
    if not files:
        raise FileNotFoundError(f"no article shards in {articles_dir} (run `heron ingest --engine ray` first)")
    for file in files:
        for record_batch in pq.ParquetFile(file).iter_batches(batch_size=batch_rows):
            rows = sorted(record_batch.to_pylist(), key=lambda row: row["input_order"])
            articles = [article_from_row(row) for row in rows]
            events = [event_from_dict(item) for row in rows for item in json.loads(row["events_json"] or "[]")]
            yield articles, events


def load_shards(shard_dir: str | Path, db_path: str | Path) -> LoadSummary:
    """Load Ray output shards into the DuckDB store (idempotent: stored articles are skipped)."""
    from heron.store import EventStore

    summary = LoadSummary()
    with EventStore(db_path) as store:
        for articles, events in iter_coded_batches(shard_dir):
            summary.articles_read += len(articles)
            summary.events_read += len(events)
            summary.articles_stored += store.write_batch(articles, events)
    return summary


def _import_ray():
    try:
        import ray
    except ImportError as error:
        raise RayUnavailableError(
            "the Ray engine needs Ray: pip install 'heron-events[ray]' (or pip install 'ray[data]>=2.9')"
        ) from error
    return ray


def _connect(ray, address: str | None, num_workers: int) -> bool:
    """Connect to Ray; True when this call started a private local instance."""
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
        return False
    else:
        # A private local instance: one CPU slot per coding actor plus one for Ray Data's read and write
        # tasks, which otherwise wait forever for a slot the actors hold.
        ray.init(num_cpus=num_workers + 1, include_dashboard=False, log_to_driver=False)
        return True


def _clear_shards(folder: Path) -> None:
    if folder.is_dir():
        for old in folder.glob("*.parquet"):
            old.unlink()
