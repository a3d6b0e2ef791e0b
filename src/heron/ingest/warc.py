"""Web archives: WARC (``.warc``, ``.warc.gz``) and the older ARC (``.arc``, ``.arc.gz``), streamed.

Each ``response`` (or ``resource``) record whose content type is HTML goes through the same main-text
extraction as an ``.html`` file; records of other types (requests, metadata, warcinfo) and non-HTML
payloads (images, scripts, style sheets) are skipped without a report, because a crawl holds many of
them. Redirects and error responses (HTTP status other than 2xx) are skipped too.

* The source id is ``"{path}#{target URI}"`` and the URL is the WARC-Target-URI unless the page
  declares a canonical URL. The WARC-Date is the crawl time, not the publication time, so it is not
  used as the publication date; undated pages get one from the batch (``clean.anchor``).
* Payloads larger than ``max_bytes`` are reported (with the record's byte offset) and skipped.
* A damaged archive is reported with the offset where reading stopped; the pages before it are kept.
* Records are read one at a time (warcio decompresses gzip members as it goes), so memory does not
  grow with the size of the archive.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from heron.ingest.decoding import NotTextError, decode_bytes
from heron.records import IngestProblem, RawDocument

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAGE_RECORD_TYPES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestProblem]:
    from heron.ingest.readers import _read_html

    try:
        handle = path.open("rb")
    except OSError as error:
        yield IngestProblem(str(path), f"cannot read file: {error.strerror or error}")
        return
    pages = 0
    offset = 0
    with handle:
        records = ArchiveIterator(handle, arc2warc=True)
        try:
            for record in records:
                if record.rec_type not in _PAGE_RECORD_TYPES or not _is_html_page(record):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                payload = record.content_stream().read(max_bytes + 1)
                # Asking for the offset reads the record to its end, so it comes after the payload.
                offset = records.get_record_offset()
                position = f"offset {offset} {uri}".strip()
                if len(payload) > max_bytes:
                    yield IngestProblem(str(path), f"page too large (over {max_bytes} bytes)", position)
                    continue
                try:
                    html, _encoding = decode_bytes(payload)
                except NotTextError as error:
                    yield IngestProblem(str(path), f"page is not text: {error}", position)
                    continue
                if not html.strip():
                    yield IngestProblem(str(path), "empty page", position)
                    continue
                pages += 1
                item = _read_html(path, html)
                if isinstance(item, IngestProblem):
                    item.position = position
                    yield item
                    continue
                yield dataclasses.replace(item, source_id=f"{path}#{uri or offset}", url=item.url or uri or None)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            yield IngestProblem(str(path), f"archive is damaged or not a WARC/ARC file: {error}",
                                f"offset {offset}")
            return
    if pages == 0:
        yield IngestProblem(str(path), "no HTML pages in archive")


def _is_html_page(record) -> bool:  # warcio's ArcWarcRecord has no public type to annotate with
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        content_type = http.get_header("Content-Type") or ""
    else:  # resource records (and some ARC entries) carry the type in the record header
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES
