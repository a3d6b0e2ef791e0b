"""Commands for scale: ``heron bench``, ``heron load`` (Ray shards -> DuckDB) and ``heron export``."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from heron.cli.core import DB_OPTION, _check_paths, _fail, app


@app.command()
def bench(
    corpus: list[Path] = typer.Argument(..., help="Corpus files or folders (any format heron ingest reads)."),
    workers: int = typer.Option(2, "--workers", help="Processes for both spaCy and Heron."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N articles (quick runs)."),
    bare: bool = typer.Option(True, "--bare/--no-bare", help="Also measure bare spaCy (the baseline)."),
    repeat: int = typer.Option(1, "--repeat", help="Measure the corpus concatenated N times (new ids per copy)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Benchmark: bare spaCy words/s vs Heron end to end (ingest -> DuckDB), memory, time per stage."""
    from heron.bench import run_bench

    _check_paths(corpus)
    if workers < 1:
        _fail("--workers must be at least 1")
    if repeat < 1:
        _fail("--repeat must be at least 1")
    report = run_bench(corpus, workers=workers, limit=limit, bare=bare, repeat=repeat)
    typer.echo(json.dumps(report.to_dict()) if as_json else report.render())


@app.command()
def load(
    shards: Path = typer.Argument(..., help="Output folder of `heron ingest --engine ray --out DIR`."),
    db: Path = DB_OPTION,
) -> None:
    """Load the Parquet shards written by the Ray runner into DuckDB (already-stored articles are skipped)."""
    from heron.runners.ray_runner import load_shards
    from heron.store import StoreError

    _check_paths([shards])
    try:
        summary = load_shards(shards, db)
    except (FileNotFoundError, StoreError) as error:
        _fail(str(error))
        return
    typer.echo(f"articles read: {summary.articles_read}\narticles stored: {summary.articles_stored}\n"
               f"events read: {summary.events_read}\ndatabase: {db}")


@app.command()
def export(
    out: Path = typer.Argument(..., help="Output file (gdelt) or folder (parquet-partitioned)."),
    db: Path = DB_OPTION,
    fmt: str = typer.Option("gdelt", "--format", help="gdelt (GDELT 2.0 event-table TSV) or parquet-partitioned."),
    partition_by: str = typer.Option("month", "--partition-by", help="year, month or day (parquet-partitioned)."),
) -> None:
    """Export all stored events for existing tooling (GDELT 2.0 TSV, or Parquet partitioned by event date)."""
    from heron.store import EventStore, StoreError
    from heron.store.gdelt import write_gdelt_tsv, write_partitioned_parquet

    if not db.exists():
        _fail(f"database {db} does not exist; run `heron ingest PATH --db {db}` first")
    if fmt not in ("gdelt", "parquet-partitioned"):
        _fail("--format must be gdelt or parquet-partitioned")
    try:
        with EventStore(db, read_only=True) as store:
            if fmt == "gdelt":
                written, undated = write_gdelt_tsv(store, out)
                typer.echo(f"wrote {written} events to {out} (GDELT 2.0 event table, no header)"
                           + (f"; {undated} without any date skipped" if undated else ""))
            else:
                count = write_partitioned_parquet(store, out, partition_by)
                typer.echo(f"wrote {count} events to {out}/ partitioned by {partition_by}")
    except (StoreError, ValueError, OSError) as error:
        _fail(str(error))


def ingest_with_ray(paths: list[Path], db: Path, *, workers: int, address: str | None, out: Path) -> None:
    """``heron ingest --engine ray``: code on Ray into Parquet shards, then load them into ``db``."""
    from heron.runners.ray_runner import RayUnavailableError, load_shards, ray_ingest
    from heron.store import StoreError

    try:
        summary = ray_ingest(paths, out, num_workers=workers, address=address)
    except RayUnavailableError as error:
        _fail(str(error))
        return
    typer.echo(summary.render())
    if summary.articles == 0:
        return
    try:
        loaded = load_shards(out, db)
    except StoreError as error:
        _fail(str(error))
        return
    typer.echo(f"articles stored: {loaded.articles_stored}\ndatabase: {db}")
