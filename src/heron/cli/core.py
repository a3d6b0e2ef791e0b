"""The `heron` command line."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import typer

app = typer.Typer(
    help="Heron: turn raw news into dated, sourced event data (PLOVER/CAMEO).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# `heron ingest` finished, but some inputs could not be read (they are listed in ingest_errors).
QUARANTINED_EXIT_CODE = 3
DB_OPTION = typer.Option("heron.duckdb", "--db", help="DuckDB file (created if missing).")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"heron: error: {message}", err=True)
    raise typer.Exit(code)


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} expects a date like 2022-02-01, got {value!r}")
    return None


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")


ACTORS_OPTION = typer.Option(
    None, "--actors", help="Your actor file (YAML or CSV, see actors/data/README.md); repeat for several. Extends or overrides the packaged dictionaries."
)
LEXICON_OPTION = typer.Option(
    None, "--lexicon", help="Your predicate lexicon file (YAML, see events/data/README.md); repeat for several."
)


def _user_dictionaries(actors: list[Path] | None, lexicon: list[Path] | None):  # -> CoderSettings
    """Coder settings with the user's dictionary files, each read once now so a bad file stops the run
    with a message naming it, before anything is read or stored."""
    from heron.actors.lexicon import ActorDataError, load_entries
    from heron.events.coder import CoderSettings
    from heron.events.lexicon import read_lexicon_file

    actor_files, lexicon_files = list(actors or []), list(lexicon or [])
    _check_paths(actor_files + lexicon_files)
    try:
        for path in actor_files:
            load_entries(path)
        for path in lexicon_files:
            list(read_lexicon_file(path))
    except (ActorDataError, ValueError, OSError) as error:
        _fail(str(error))
    return CoderSettings(actor_files=tuple(map(str, actor_files)), lexicon_files=tuple(map(str, lexicon_files)))


def demo_corpus_path() -> Path:
    return Path(str(resources.files("heron.demo").joinpath("corpus")))


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .jsonl[.gz/.zst], .warc[.gz], .rss/.atom, .parquet, ...)."),
    db: Path = DB_OPTION,
    batch_size: int = typer.Option(64, help="Articles per database transaction."),
    workers: int = typer.Option(1, "--workers", help="spaCy processes (Ray: coding actors)."),
    progress: bool = typer.Option(True, "--progress/--no-progress"),
    engine: str = typer.Option("local", "--engine", help="local, or ray (writes Parquet shards; see README)."),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address (default: a local Ray)."),
    out: Path = typer.Option(Path("heron-shards"), "--out", help="Ray engine: folder for the Parquet shards."),
    max_input_bytes: int = typer.Option(50 * 1024 * 1024, help="Larger files/JSONL lines are quarantined unread."),
    max_article_chars: int = typer.Option(200_000, help="Longer articles are quarantined."),
    max_sentence_chars: int = typer.Option(2_000, help="Longer sentences are not coded."),
    max_events_per_article: int = typer.Option(500, help="Coding of an article stops after this many events."),
    actors: list[Path] | None = ACTORS_OPTION,
    lexicon: list[Path] | None = LEXICON_OPTION,
) -> None:
    """Read, clean, code and store articles. Re-ingesting the same article adds nothing.

    Exit code: 0 all inputs stored, 3 finished but some inputs were quarantined (see the summary and
    the ingest_errors table), 2 bad arguments or an unusable database.
    """
    from heron.runners.local import IngestLimits, ingest_paths
    from heron.store import StoreError

    try:
        limits = IngestLimits(max_input_bytes=max_input_bytes, max_article_chars=max_article_chars,
                              max_sentence_chars=max_sentence_chars, max_events_per_article=max_events_per_article)
    except ValueError as error:
        _fail(str(error))
        return

    _check_paths(paths)
    coder_settings = _user_dictionaries(actors, lexicon)
    if engine == "ray":
        from heron.cli.scale import ingest_with_ray

        if coder_settings.actor_files or coder_settings.lexicon_files:
            _fail("--actors/--lexicon are not passed to the Ray engine yet: use --engine local")

        ingest_with_ray(paths, db, workers=workers, address=address, out=out)
        return
    if engine != "local":
        _fail("--engine must be local or ray")
    try:
        summary = ingest_paths(paths, db, batch_size=batch_size, n_process=workers, progress=progress,
                               limits=limits, coder_settings=coder_settings)
    except StoreError as error:
        _fail(str(error))
        return
    typer.echo(summary.render())
    typer.echo(f"database: {db}")
    if summary.quarantined:
        raise typer.Exit(QUARANTINED_EXIT_CODE)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders to code."),
    published: str | None = typer.Option(None, help="Publication date for articles that state none."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one Event per line) or table."),
    progress: bool = typer.Option(True, "--progress/--no-progress"),
    actors: list[Path] | None = ACTORS_OPTION,
    lexicon: list[Path] | None = LEXICON_OPTION,
) -> None:
    """Code events without a database and print them (the schema is documented in README)."""
    from heron.runners.local import extract_paths
    from heron.store.export import render_table

    _check_paths(paths)
    if fmt not in ("jsonl", "table"):
        _fail("--format must be jsonl or table")
    default = _parse_day(published, "--published")
    default_dt = datetime(default.year, default.month, default.day) if default else None
    coder_settings = _user_dictionaries(actors, lexicon)
    results, problems = extract_paths(paths, published_default=default_dt, progress=progress,
                                      coder_settings=coder_settings)
    events = [event.to_dict() for _, article_events in results for event in article_events]
    if fmt == "table":
        typer.echo(render_table(sorted(events, key=lambda e: (e["event_date"] or "9999", e["start"]))))
    else:
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    if problems:
        typer.echo(f"heron: {len(problems)} input(s) skipped", err=True)


@app.command()
def events(
    db: Path = DB_OPTION,
    actor: str | None = typer.Option(None, help="Actor name, text, ISO-3 country or organisation."),
    event_type: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
    since: str | None = typer.Option(None, help="Earliest event date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Latest event date (YYYY-MM-DD)."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json or parquet."),
    out: Path | None = typer.Option(None, "--out", help="Write to this file instead of stdout."),
    limit: int | None = typer.Option(None, help="At most this many events."),
    min_confidence: float | None = typer.Option(
        None, "--min-confidence", min=0.0, max=1.0, help="Keep events whose type is right with at least this probability."
    ),
) -> None:
    """Query stored events."""
    from heron.store import EventFilter, EventStore, StoreError, write_events

    if not db.exists():
        _fail(f"database {db} does not exist; run `heron ingest PATH --db {db}` first")
    filters = EventFilter(
        actor=actor, plover_type=event_type, since=_parse_day(since, "--since"),
        until=_parse_day(until, "--until"), limit=limit, min_confidence=min_confidence,
    )
    try:
        with EventStore(db, read_only=True) as store:
            rows = store.query_events(filters)
        text = write_events(rows, fmt, out)
    except (StoreError, ValueError) as error:
        _fail(str(error))
        return
    if text is not None:
        typer.echo(text, nl=False)
    else:
        typer.echo(f"wrote {len(rows)} events to {out}")


@app.command()
def demo(db: Path = DB_OPTION) -> None:
    """Ingest the built-in demo corpus and print its event timeline."""
    from heron.runners.local import ingest_paths
    from heron.store import EventStore, render_table

    summary = ingest_paths([demo_corpus_path()], db, progress=True)
    typer.echo(summary.render())
    with EventStore(db, read_only=False) as store:
        rows = [r for r in store.query_events() if r["plover_type"]]
    typer.echo(render_table(rows))
    typer.echo(f"database: {db}  (try: heron events --db {db} --actor RUS)")


@app.command(name="eval")
def evaluate(
    gold: Path = typer.Option(None, "--gold", help="Folder with the gold files (default: ../shared/eval)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    errors: Path | None = typer.Option(None, "--errors", help="Write every miss to this JSONL file."),
    limit: int | None = typer.Option(None, help="Score only the first N records of each file."),
) -> None:
    """Score the coder against gold data: PLOVER type, quad class and actor spans."""
    from heron.evaluation.gold import EvalDataError
    from heron.evaluation.runner import format_report, run_eval, write_errors
    from heron.evaluation.system import extract_sentences

    gold = gold or _default_gold_dir()
    if gold is None or not gold.is_dir():
        _fail("gold data not found: pass --gold DIR (the folder with plover_gsr_dev.jsonl etc.)")
    try:
        report = run_eval(gold, extract_sentences, limit=limit, progress=not as_json)
    except EvalDataError as error:
        _fail(str(error))
        return
    if errors is not None:
        write_errors(report, errors)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=None, default=str))
    else:
        typer.echo(format_report(report))


def _default_gold_dir() -> Path | None:
    for base in (Path.cwd(), *Path.cwd().parents[:2]):
        for candidate in (base / "shared" / "eval", base.parent / "shared" / "eval"):
            if candidate.is_dir():
                return candidate
    return None

