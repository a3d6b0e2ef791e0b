"""Parquet files of articles, read one row group batch at a time.

Columns: ``text`` (required, string) and optional ``id`` (string or integer), ``title``, ``url``,
``outlet``, ``language`` (strings) and ``published`` (string in ISO form, date or timestamp). Other
columns are ignored and never loaded. Rows are validated exactly like JSON Lines records; a bad row is
reported as ``row N`` (1-based) and the rest of the file is still read. The source id is
``"{path}#{id}"``, or ``"{path}#{row number}"`` when the row has no id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from heron.records import IngestProblem, RawDocument

SUFFIXES = (".parquet",)
KNOWN_COLUMNS = ("id", "text", "title", "url", "outlet", "published", "language")
ROWS_PER_BATCH = 256  # bounded memory: one batch of rows is decoded at a time


def read_parquet(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestProblem]:
    from heron.ingest.readers import _jsonl_record

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        yield IngestProblem(str(path), f"not a readable Parquet file: {error}")
        return
    names = set(parquet.schema_arrow.names)
    if "text" not in names:
        yield IngestProblem(str(path), f"Parquet file has no 'text' column (columns: {', '.join(sorted(names))})")
        return
    columns = [name for name in KNOWN_COLUMNS if name in names]
    row_number = 0
    try:
        for batch in parquet.iter_batches(batch_size=ROWS_PER_BATCH, columns=columns):
            for row in batch.to_pylist():
                row_number += 1
                text = row.get("text")
                if isinstance(text, str) and len(text.encode("utf-8")) > max_bytes:
                    yield IngestProblem(str(path), f"text too large (limit is {max_bytes} bytes)", f"row {row_number}")
                    continue
                # Same validation as JSON Lines: serialise the row and let that parser judge it.
                line = json.dumps({key: _jsonable(value) for key, value in row.items() if value is not None})
                item = _jsonl_record(path, line, row_number)
                if isinstance(item, IngestProblem):
                    item.position = f"row {row_number}"
                yield item
    except (OSError, pa.ArrowException) as error:
        yield IngestProblem(str(path), f"Parquet file is corrupt: {error}", f"after row {row_number}")
        return
    if row_number == 0:
        yield IngestProblem(str(path), "empty file (no rows)")


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
