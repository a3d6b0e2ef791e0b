"""Archive and bulk formats, chosen by the end of the file name (``.warc.gz``, ``.jsonl.zst``, ...).

``readers.read_documents`` asks ``reader_for(path)`` before its own extension table, so these formats
are read (and found in folders) like the basic ones. Each reader is ``(path, max_bytes) -> Iterator[
RawDocument | IngestProblem]`` and streams: memory stays bounded by one record, whatever the file size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from heron.records import IngestProblem, RawDocument

Reader = Callable[[Path, int], Iterator[RawDocument | IngestProblem]]


@cache
def _readers() -> dict[str, Reader]:
    from heron.ingest import compressed, feeds, parquet_reader, warc

    table: dict[str, Reader] = {}
    for module, reader in ((warc, warc.read_warc), (feeds, feeds.read_feed),
                           (compressed, compressed.read_compressed_jsonl),
                           (parquet_reader, parquet_reader.read_parquet)):
        for suffix in module.SUFFIXES:
            table[suffix] = reader
    return table


SCALE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".rss", ".atom", ".xml",
                  ".jsonl.gz", ".jsonl.zst", ".jsonl.zstd", ".parquet")


def reader_for(path: Path) -> Reader | None:
    """The reader for an archive/bulk file, or None when the name has none of ``SCALE_SUFFIXES``."""
    name = path.name.lower()
    # Longest suffix first, so that "x.warc.gz" is a WARC and not something else ending in ".gz".
    for suffix in sorted(SCALE_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return _readers()[suffix]
    return None
