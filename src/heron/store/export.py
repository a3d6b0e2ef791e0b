"""Write queried events to CSV, JSON (lines), Parquet or a plain-text table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("table", "csv", "json", "jsonl", "parquet")
FLAT_COLUMNS = [
    "event_date", "plover_type", "mode", "cameo", "goldstein", "quad", "source_names", "source_countries",
    "predicate", "target_names", "target_countries", "aux_modes", "date_text", "location", "confidence",
    "outlet", "article_id", "event_id", "sentence",
]  # fmt: skip


def actor_label(actor: dict[str, Any]) -> str:
    """How an actor is shown to a person: its canonical name, else its text, with its country."""
    label = actor.get("name") or actor.get("text") or "?"
    code = actor.get("country") or actor.get("org")
    return f"{label} ({code})" if code and code not in label else label


def flatten(event: dict[str, Any]) -> dict[str, Any]:
    """One flat row per event for CSV/Parquet: actor lists joined with '; '."""
    row = {key: event.get(key) for key in FLAT_COLUMNS}
    for side in ("source", "target"):
        actors = event.get(side) or []
        row[f"{side}_names"] = "; ".join(a.get("name") or a.get("text") or "" for a in actors)
        row[f"{side}_countries"] = "; ".join(a.get("country") or a.get("org") or "" for a in actors)
    row["aux_modes"] = ",".join(event.get("aux_modes") or [])
    return row


def render_table(events: Sequence[dict[str, Any]], *, width: int = 160) -> str:
    """A compact timeline table for the terminal."""
    lines = [f"{'date':<10}  {'type':<10} {'cameo':<5} {'source':<28} {'target':<28} evidence"]
    for event in events:
        source = ", ".join(actor_label(a) for a in event.get("source") or []) or "-"
        target = ", ".join(actor_label(a) for a in event.get("target") or []) or "-"
        kind = event.get("plover_type") or "STATEMENT"
        if event.get("aux_modes"):
            kind += "*"
        sentence = " ".join(str(event.get("sentence") or "").split())
        line = (
            f"{str(event.get('event_date') or '?'):<10}  {kind:<10} {event.get('cameo') or '':<5} "
            f"{source[:28]:<28} {target[:28]:<28} {sentence}"
        )
        lines.append(line[:width])
    lines.append(f"({len(events)} events; * = negated, future or hypothetical)")
    return "\n".join(lines)


def write_events(events: Sequence[dict[str, Any]], fmt: str, out: Path | None) -> str | None:
    """Write events in the format; returns the text when ``out`` is None (stdout), else writes the file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise ValueError("--format parquet needs --out FILE")
        rows = [flatten(e) for e in events]
        pq.write_table(pa.table({c: [r[c] for r in rows] for c in FLAT_COLUMNS}), out)
        return None
    if fmt == "table":
        text = render_table(events) + "\n"
    elif fmt in ("json", "jsonl"):
        text = "".join(json.dumps(e, ensure_ascii=False, default=str) + "\n" for e in events)
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FLAT_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(flatten(event))
        text = buffer.getvalue()
    if out is None:
        return text
    Path(out).write_text(text, encoding="utf-8")
    return None
