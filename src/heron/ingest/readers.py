"""Read articles from files and folders: plain text, HTML pages and JSON Lines.

``read_documents(paths)`` yields one ``RawDocument`` per article, or an ``IngestProblem`` for every
input that cannot be read. A problem never stops the run.

How paths are handled:

* A folder is walked recursively in sorted order (so runs are reproducible). Hidden files and
  folders (names starting with ".") are skipped, and so are files whose extension is not a
  supported format (README.md, images, ...) - folders of scraped data usually hold such files and
  reporting each one would bury real problems.
* A file named explicitly is always read; if its extension is not supported that is reported as
  an IngestProblem ("unsupported file type").
* A path that does not exist is reported as an IngestProblem.

Formats, chosen by extension:

* ``.txt``: the whole file is one article; no metadata.
* ``.html`` / ``.htm``: trafilatura extracts the main text (no comments, no tables) and the
  title, publication date, site name (used as the outlet) and URL. Paragraphs are separated by a
  blank line. A page that yields no main text is reported. The language comes from
  ``<html lang="...">`` when present.
* ``.jsonl``: one article per line, an object with ``id``, ``text`` and optional ``title``,
  ``url``, ``outlet``, ``published`` (ISO date or datetime) and ``language``. A bad line is
  reported with its position ("line N") and the rest of the file is still read. The source id
  is ``"{path}#{id}"`` (or ``"{path}#{line number}"`` when the record has no id). A publication
  date that cannot be parsed is dropped (``published=None``); the article is kept.

Archives and bulk formats (``.warc[.gz]``, ``.arc[.gz]``, ``.rss``/``.atom``/``.xml`` feeds,
``.jsonl.gz``/``.jsonl.zst`` and ``.parquet``) are read by the modules listed in ``scale_formats``.

Publication dates are naive datetimes; a date with a time zone is converted to UTC first, so that
all dates in the pipeline are comparable. A date without a time becomes midnight.

Text files and HTML pages larger than ``max_bytes`` are reported and not read; for JSON Lines the
limit applies to each line, since such files legitimately hold many articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import trafilatura

from heron.ingest.decoding import NotTextError, decode_bytes, read_bounded
from heron.ingest.scale_formats import SCALE_SUFFIXES
from heron.ingest.scale_formats import reader_for as scale_reader_for
from heron.records import DocumentFormat, IngestProblem, RawDocument

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

FORMAT_BY_EXTENSION: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}

_OPTIONAL_STRING_FIELDS = ("title", "url", "outlet", "language")
# trafilatura does not report the page language; the <html lang="..."> attribute is a cheap, reliable hint.
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})\b", re.IGNORECASE)


def read_documents(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | IngestProblem]:
    """Yield every article found under ``paths`` (files or folders), or a problem per bad input."""
    if isinstance(paths, (str, Path)):
        # A lone path is a common slip; treat it as a one-element list rather than iterating characters.
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file_path in _walk(path):
                yield from _read_file(file_path, max_bytes)
        elif path.is_file():
            if not _is_supported(path):
                supported = ", ".join(sorted([*FORMAT_BY_EXTENSION, *SCALE_SUFFIXES]))
                yield IngestProblem(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                    f"supported: {supported}")
                continue
            yield from _read_file(path, max_bytes)
        elif path.exists():
            yield IngestProblem(str(path), "not a regular file or folder")
        else:
            yield IngestProblem(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    """Supported, non-hidden files under ``folder``, depth-first in sorted name order."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file() and _is_supported(entry):
            yield entry


def _is_supported(path: Path) -> bool:
    return path.suffix.lower() in FORMAT_BY_EXTENSION or scale_reader_for(path) is not None


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestProblem]:
    # Archives and bulk formats (WARC, feeds, compressed JSONL, Parquet) live in their own modules.
    archive_reader = scale_reader_for(path)
    if archive_reader is not None:
        yield from archive_reader(path, max_bytes)
        return
    file_format = FORMAT_BY_EXTENSION[path.suffix.lower()]
    if file_format == "jsonl":
        yield from _read_jsonl(path, max_bytes)
        return

    data = read_bounded(path, max_bytes)
    if isinstance(data, IngestProblem):
        yield data
        return

    try:
        text, _encoding = decode_bytes(data)
    except NotTextError as error:
        yield IngestProblem(str(path), str(error))
        return
    if not text.strip():
        yield IngestProblem(str(path), "empty file")
        return

    if file_format == "html":
        yield _read_html(path, text)
    else:
        yield RawDocument(source_path=str(path), source_id=str(path), text=text, format="text")


# --- HTML -------------------------------------------------------------------------------------


def _read_html(path: Path, html: str) -> RawDocument | IngestProblem:
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            # Only dates the page states; no guessing from file times or loose text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura/lxml raise many types on hostile input
        return IngestProblem(str(path), f"HTML could not be parsed: {type(error).__name__}: {error}")
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return IngestProblem(str(path), "no main text found in HTML")

    # trafilatura puts one paragraph per line; the rest of Heron expects blank-line-separated paragraphs.
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return RawDocument(
        source_path=str(path),
        source_id=str(path),
        text="\n\n".join(paragraphs),
        format="html",
        title=_clean_optional(getattr(document, "title", None)),
        url=_clean_optional(getattr(document, "url", None)),
        outlet=_clean_optional(getattr(document, "sitename", None)),
        published=_parse_published(getattr(document, "date", None)),
        language=_clean_optional(getattr(document, "language", None)) or _html_language(html),
    )


def _html_language(html: str) -> str | None:
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else None


# --- JSON Lines -------------------------------------------------------------------------------


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestProblem]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield IngestProblem(str(path), f"cannot read file: {error.strerror or error}")
        return
    found_any_line = False
    with handle:
        for line_number, (raw_line, size) in enumerate(_bounded_lines(handle, max_bytes), start=1):
            position = f"line {line_number}"
            if size > max_bytes or raw_line.strip():
                found_any_line = True  # a bad line is reported as such, not also as "empty file"
            if size > max_bytes:
                yield IngestProblem(str(path), f"line too large ({size} bytes; limit is {max_bytes})", position)
                continue
            try:
                line = raw_line.decode("utf-8-sig" if line_number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield IngestProblem(str(path), "line is not valid UTF-8 (JSON Lines must be UTF-8)", position)
                continue
            if not line.strip():
                continue
            yield _jsonl_record(path, line, line_number)
    if not found_any_line:
        yield IngestProblem(str(path), "empty file")


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(line, size in bytes) for each line; a line over ``max_bytes`` is skipped unread (returned as b"").

    Iterating the file directly would hold a whole 200 MB one-line "article" in memory just to reject it.
    """
    chunk_size = 1 << 20
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes:
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(chunk_size)
            if not line:
                break
            size += len(line)
        yield b"", size


def _jsonl_record(path: Path, line: str, line_number: int) -> RawDocument | IngestProblem:
    position = f"line {line_number}"
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        return IngestProblem(str(path), f"invalid JSON: {error.msg} (column {error.colno})", position)
    if not isinstance(record, dict):
        return IngestProblem(str(path), f"expected a JSON object, got {type(record).__name__}", position)

    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return IngestProblem(str(path), f"field 'text' is {what}", position)
    if not text.strip():
        return IngestProblem(str(path), "field 'text' is empty", position)

    external_id = record.get("id")
    if isinstance(external_id, bool) or (external_id is not None and not isinstance(external_id, (str, int))):
        return IngestProblem(str(path), f"field 'id' must be a string or number, got {type(external_id).__name__}",
                             position)
    for name in _OPTIONAL_STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return IngestProblem(str(path), f"field {name!r} must be a string, got {type(value).__name__}",
                                 position)

    id_text = str(external_id) if external_id is not None and str(external_id).strip() else None
    published = record.get("published")
    return RawDocument(
        source_path=str(path),
        source_id=f"{path}#{id_text if id_text is not None else line_number}",
        text=text,
        format="jsonl",
        title=_clean_optional(record.get("title")),
        url=_clean_optional(record.get("url")),
        outlet=_clean_optional(record.get("outlet")),
        published=_parse_published(published) if isinstance(published, str) else None,
        language=_clean_optional(record.get("language")),
        external_id=id_text,
    )


# --- shared helpers ---------------------------------------------------------------------------


def _clean_optional(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _parse_published(value: str | None) -> datetime | None:
    """ISO date or datetime -> naive datetime (UTC when a zone was given); None when unparseable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        # fromisoformat accepts a bare date too (-> midnight); "Z" needs spelling out before Python 3.11.
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed
