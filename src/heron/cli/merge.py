"""`heron merge`, `heron timeline` and `heron stories`: merged events (one per real-world event) and stories."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import typer

from heron.cli.core import DB_OPTION, _fail, _parse_day, app

TIMELINE_FORMATS = ("table", "csv", "json", "parquet")
MERGED_EXPORT_COLUMNS = [
    "merged_id", "event_date", "date_precision", "date_min", "date_max", "plover_type", "mode", "cameo",
    "goldstein", "quad", "source_actors", "predicate", "target_actors", "n_mentions", "n_articles", "n_outlets",
    "n_sources", "first_reported", "last_reported", "confidence", "story_id", "article_id", "sentence",
    "mention_ids",
]  # fmt: skip


def _open(db: Path, *, write: bool = False) -> duckdb.DuckDBPyConnection:
    if not db.exists():
        _fail(f"no such database: {db} (create it with `heron ingest ... --db {db}`)")
    try:
        return duckdb.connect(str(db), read_only=not write)
    except duckdb.Error as error:
        _fail(f"cannot open database {db}: {error}")
        raise


def _require_merged(connection: duckdb.DuckDBPyConnection, db: Path) -> None:
    from heron.store.merge_tables import has_merge_tables

    if not has_merge_tables(connection):
        _fail(f"{db} has no merged events yet: run `heron merge --db {db}`")


@app.command()
def merge(
    db: Path = DB_OPTION,
    rebuild: bool = typer.Option(False, "--rebuild", help="Drop the merge tables and merge every article again."),
    set_: list[str] = typer.Option(
        [], "--set", help="NAME=VALUE: change a merge setting (heron.merge.MergeSettings); needs --rebuild."
    ),
    defaults: bool = typer.Option(False, "--defaults", help="With --rebuild: start from the default settings, "
                                  "not those the database was built with."),
    show: bool = typer.Option(False, "--show-settings", help="Print the settings the merge tables use and stop."),
) -> None:
    """Merge the articles not merged yet (ingest does this itself), or rebuild every merged event and story
    with other settings (`heron merge --rebuild --set vague_text_similarity=0.6`)."""
    from heron.merge import DEFAULT_SETTINGS, MergeSettings, update_merges
    from heron.store.merge_tables import has_merge_tables, read_settings_json

    if (set_ or defaults) and not rebuild:
        _fail("--set and --defaults change the rules for every merged event: add --rebuild")
    connection = _open(db, write=not show)
    try:
        stored_json = read_settings_json(connection) if has_merge_tables(connection) else None
        if show:
            current = MergeSettings.from_json(stored_json) if stored_json else DEFAULT_SETTINGS
            typer.echo(json.dumps(json.loads(current.to_json()), indent=2))
            return
        settings = None
        if rebuild:
            base = MergeSettings.from_json(stored_json) if stored_json and not defaults else DEFAULT_SETTINGS
            try:
                settings = base.with_overrides(set_)
            except ValueError as error:
                _fail(str(error))
        summary = update_merges(connection, settings=settings, rebuild=rebuild)
    finally:
        connection.close()
    typer.echo(summary.render())


@app.command()
def timeline(
    db: Path = DB_OPTION,
    story: str | None = typer.Option(None, "--story", help="Only this story (ids from `heron stories`)."),
    actor: str | None = typer.Option(None, "--actor", help="Country/organisation code (RUS, NATO) or part of a name."),
    since: str | None = typer.Option(None, "--since", help="Events that may have happened on or after this day."),
    until: str | None = typer.Option(None, "--until", help="Events that may have happened on or before this day."),
    min_sources: int = typer.Option(1, "--min-sources", help="Only events with at least N independent sources."),
    show_all: bool = typer.Option(False, "--all", help="Also background events dated outside their story's span."),
    level: str = typer.Option("merged", "--level", help="merged (one row per event) or mention (every coded sentence)."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json or parquet."),
    out: Path | None = typer.Option(None, "--out", help="Write to this file instead of the screen."),
) -> None:
    """Merged events in date order with their corroboration (mentions, articles, independent sources)."""
    from heron.store.merge_tables import TimelineFilter, query_mentions_with_merge, query_merged_events

    if fmt not in TIMELINE_FORMATS:
        _fail(f"--format must be one of {', '.join(TIMELINE_FORMATS)}")
    if level not in ("merged", "mention"):
        _fail("--level must be merged or mention")
    if fmt == "parquet" and out is None:
        _fail("--format parquet needs --out FILE")
    flt = TimelineFilter(story, actor, _parse_day(since, "--since"), _parse_day(until, "--until"), min_sources)
    connection = _open(db)
    try:
        _require_merged(connection, db)
        if level == "mention":
            rows = query_mentions_with_merge(connection)
            columns = list(rows[0]) if rows else ["event_id", "merged_id"]
        else:
            rows = query_merged_events(connection, flt)
            if not show_all:
                rows = _drop_background(connection, rows)
            columns = MERGED_EXPORT_COLUMNS
    finally:
        connection.close()
    if fmt == "table":
        text = _timeline_table(rows) if level == "merged" else _plain_table(rows, columns)
    else:
        text = _serialise(rows, columns, fmt, out)
    if text is None:
        typer.echo(f"wrote {len(rows)} rows to {out}")
    elif out is not None:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(rows)} rows to {out}")
    else:
        typer.echo(text, nl=False)


@app.command()
def stories(
    db: Path = DB_OPTION,
    min_articles: int = typer.Option(1, "--min-articles", help="Only stories with at least N articles."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Stories: articles and merged events linked by shared actors, topic and events over time."""
    from heron.store.merge_tables import query_stories

    connection = _open(db)
    try:
        _require_merged(connection, db)
        rows = query_stories(connection, min_articles)
    finally:
        connection.close()
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt != "table":
        _fail("--format must be table or json")
    typer.echo(f"{'story':<13} {'first':<10} {'last':<10} {'arts':>4} {'evts':>4}  actors / title")
    for row in rows:
        actors = ",".join(row["actors"] or [])
        typer.echo(
            f"{row['story_id']:<13} {row['first_date'] or '-':<10} {row['last_date'] or '-':<10} "
            f"{row['n_articles']:>4} {row['n_events']:>4}  [{actors}] {row['title']}"
        )


def _drop_background(connection: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events dated before or after their story's span (vague references such as 'since 1997')."""
    spans = {
        sid: (first, last)
        for sid, first, last in connection.execute("SELECT story_id, first_date, last_date FROM stories").fetchall()
    }
    kept = []
    for row in rows:
        span = spans.get(row.get("story_id"))
        day = row.get("event_date")
        if span and span[0] and day and not (span[0].isoformat() <= day <= span[1].isoformat()):
            continue
        kept.append(row)
    return kept


def _date_label(row: dict[str, Any]) -> str:
    day, precision = row.get("event_date"), row.get("date_precision")
    if not day:
        return "undated"
    if precision == "month":
        return day[:7]
    if precision == "year":
        return day[:4]
    if precision == "week":
        return f"{day} wk"
    return day


def _timeline_table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'date':<13} {'type':<10} {'who':<22} {'did what':<28} {'to whom':<14} {'men':>3} {'art':>3} "
             f"{'src':>3} {'conf':>5}  sentence"]
    for row in rows:
        who = ",".join(row["source_actors"] or []) or "-"
        whom = ",".join(row["target_actors"] or []) or "-"
        lines.append(
            f"{_date_label(row):<13} {(row['plover_type'] or 'statement')[:10]:<10} {who[:22]:<22} "
            f"{(row['predicate'] or '')[:28]:<28} {whom[:14]:<14} {row['n_mentions']:>3} {row['n_articles']:>3} "
            f"{row['n_sources']:>3} {row['confidence']:>5.2f}  {(row['sentence'] or '')[:70]}"
        )
    lines.append(f"{len(rows)} merged events")
    return "\n".join(lines) + "\n"


def _plain_table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    shown = ["event_date", "merged_id", "plover_type", "predicate", "article_id", "sentence"]
    lines = ["\t".join(shown)]
    lines.extend("\t".join(str(row.get(c) or "")[:80] for c in shown) for row in rows)
    return "\n".join(lines) + "\n"


def _flat(value: Any) -> Any:
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value


def _serialise(rows: list[dict[str, Any]], columns: list[str], fmt: str, out: Path | None) -> str | None:
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, default=str) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _flat(row.get(c)) for c in columns})
        return buffer.getvalue()
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert out is not None
    table = pa.table({c: [_flat(row.get(c)) if c != "mention_ids" else _flat(row.get(c)) for row in rows]
                      for c in columns})
    pq.write_table(table, out)
    return None


@app.command("merge-sample")
def merge_sample(
    db: Path = DB_OPTION,
    n: int = typer.Option(30, "--n", help="How many merged events to print."),
    seed: int = typer.Option(1, "--seed", help="Random seed: the same seed on the same database prints the same sample."),
    min_mentions: int = typer.Option(2, "--min-mentions", help="Only merged events with at least N mentions."),
    min_articles: int = typer.Option(1, "--min-articles", help="Only merged events reported by at least N articles."),
    width: int = typer.Option(240, "--width", help="Cut each sentence to this many characters (0: whole)."),
) -> None:
    """A random sample of merged events with every mention's sentence, for judging merges by reading."""
    from heron.store.merge_tables import sample_merged_events

    connection = _open(db)
    try:
        _require_merged(connection, db)
        sample = sample_merged_events(connection, n=n, seed=seed, min_mentions=min_mentions, min_articles=min_articles)
    finally:
        connection.close()
    for number, event in enumerate(sample["events"], 1):
        who = ",".join(event["source_actors"] or []) or "-"
        whom = ",".join(event["target_actors"] or []) or "-"
        typer.echo(
            f"[{number}] {event['merged_id']}  {event['plover_type'] or 'statement'}  {_date_label(event)} "
            f"({event['date_min']}..{event['date_max']})  {who} -> {whom}  "
            f"mentions={event['n_mentions']} articles={event['n_articles']} sources={event['n_sources']}"
        )
        for mention in event["mentions"]:
            date_note = f"{mention['event_date'] or 'undated'}/{mention['date_precision'] or '-'}"
            if mention["date_from_publication"]:
                date_note += "/pub"
            sentence = " ".join((mention["sentence"] or "").split())
            if width and len(sentence) > width:
                sentence = sentence[: width - 3] + "..."
            typer.echo(
                f"    - {mention['article_id'][:8]} {date_note:<22} {mention['plover_type'] or 'statement':<9} "
                f"{mention['cameo'] or '':<5} {(mention['predicate'] or '')[:30]!r}: {sentence}"
            )
        typer.echo("")
    typer.echo(f"{len(sample['events'])} of {sample['eligible']} merged events with >= {min_mentions} mentions "
               f"and >= {min_articles} articles (seed {seed})")
