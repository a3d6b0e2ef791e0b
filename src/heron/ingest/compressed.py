"""Compressed JSON Lines (``.jsonl.gz``, ``.jsonl.zst``), read as a stream.

The records follow the plain ``.jsonl`` format (see ``readers``): one JSON object per line with
``text`` and optional ``id``, ``title``, ``url``, ``outlet``, ``published``, ``language``. The file is
decompressed line by line, so a multi-gigabyte archive needs no more memory than its longest line.
A corrupt or truncated stream is reported with the line it broke at; the records before it are kept.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import zstandard

from heron.records import IngestProblem, RawDocument

SUFFIXES = (".jsonl.gz", ".jsonl.zst", ".jsonl.zstd")


def open_decompressed(path: Path) -> BinaryIO:
    """A binary, line-iterable stream of the decompressed content (gzip or zstd by file name)."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    raw = path.open("rb")
    # read_across_frames: files written by `zstd` in several frames (e.g. concatenated) read as one stream.
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
    return io.BufferedReader(reader)  # type: ignore[arg-type]


def read_compressed_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestProblem]:
    # The record parser is shared with plain JSON Lines so that both formats validate alike.
    from heron.ingest.readers import _jsonl_record

    try:
        stream = open_decompressed(path)
    except OSError as error:
        yield IngestProblem(str(path), f"cannot read file: {error.strerror or error}")
        return
    line_number = 0
    found_any_line = False
    with stream:
        try:
            for line_number, raw_line in enumerate(stream, start=1):  # noqa: B007 (used after the loop)
                position = f"line {line_number}"
                if len(raw_line) > max_bytes:
                    yield IngestProblem(str(path), f"line too large ({len(raw_line)} bytes; limit is {max_bytes})",
                                        position)
                    continue
                try:
                    line = raw_line.decode("utf-8-sig" if line_number == 1 else "utf-8")
                except UnicodeDecodeError:
                    yield IngestProblem(str(path), "line is not valid UTF-8 (JSON Lines must be UTF-8)", position)
                    continue
                if not line.strip():
                    continue
                found_any_line = True
                yield _jsonl_record(path, line, line_number)
        except (OSError, EOFError, zstandard.ZstdError) as error:
            # gzip raises BadGzipFile (an OSError) or EOFError on truncation; zstd raises ZstdError.
            yield IngestProblem(str(path), f"compressed stream is corrupt or truncated: {error}",
                                f"after line {line_number}")
            return
    if not found_any_line:
        yield IngestProblem(str(path), "empty file (nothing after decompression)")
