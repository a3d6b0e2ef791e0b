"""Archive and bulk input formats: WARC/ARC, RSS/Atom, compressed JSON Lines, Parquet."""

from __future__ import annotations

import gzip
import io
import json
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from heron.ingest import read_documents
from heron.records import IngestProblem, RawDocument

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Talks resume in Geneva</title>
<meta property="article:published_time" content="2023-03-14T09:00:00+00:00"></head><body>
<nav><a href="/">Home</a></nav><main><article><h1>Talks resume in Geneva</h1>
<p>The foreign ministers of the two neighbouring countries agreed on Tuesday to resume talks on the
disputed border after a pause of three months, officials in both capitals said.</p>
<p>Both delegations will meet in Geneva next week, and a joint statement is expected once the first
round of the negotiations has ended.</p>
</article></main></body></html>"""

RECORDS = [
    {"id": "a1", "text": "Police arrested two men in Lima on Monday.", "published": "2023-01-02"},
    {"id": "a2", "text": "The army withdrew from the border town.", "outlet": "Wire"},
]


def _split(items: list[RawDocument | IngestProblem]) -> tuple[list[RawDocument], list[IngestProblem]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, IngestProblem)]


def _write_warc(path: Path, gzip_records: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_records)
        pages = [
            ("https://news.example.org/geneva", "text/html; charset=utf-8", "200 OK", PAGE.encode()),
            ("https://news.example.org/logo.png", "image/png", "200 OK", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://news.example.org/old", "text/html", "301 Moved Permanently", b"<html>moved</html>"),
        ]
        for uri, content_type, status, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    for gzip_records, name in ((True, "crawl.warc.gz"), (False, "crawl.warc")):
        path = tmp_path / name
        _write_warc(path, gzip_records)
        docs, problems = _split(list(read_documents([path])))
        assert problems == []
        assert len(docs) == 1  # the image and the redirect are skipped
        doc = docs[0]
        assert doc.source_id == f"{path}#https://news.example.org/geneva"
        assert doc.url == "https://news.example.org/geneva"
        assert doc.format == "html"
        assert doc.title == "Talks resume in Geneva"
        assert doc.published == datetime(2023, 3, 14)  # trafilatura keeps the day
        assert "\n\nThe foreign ministers of the two neighbouring countries" in doc.text
        assert "\n\nBoth delegations" in doc.text
        assert "Home" not in doc.text


def test_warc_found_in_folder_and_damage_reported(tmp_path: Path) -> None:
    _write_warc(tmp_path / "a.warc.gz", True)
    (tmp_path / "broken.warc.gz").write_bytes(b"this is not an archive at all")
    docs, problems = _split(list(read_documents([tmp_path])))
    assert [d.url for d in docs] == ["https://news.example.org/geneva"]
    assert len(problems) == 1
    assert problems[0].source_path.endswith("broken.warc.gz")
    assert "damaged" in problems[0].reason or "no HTML pages" in problems[0].reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Andes Wire</title><language>en-us</language><link>https://andes.example.org</link>
<item><title>Protest in Santiago</title><link>https://andes.example.org/1</link>
<guid>andes-1</guid><pubDate>Tue, 14 Mar 2023 10:30:00 -0300</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Thousands of workers marched in Santiago on Tuesday.</p><p>Police used water cannon.</p>]]></content:encoded>
</item>
<item><title>Empty item</title><link>https://andes.example.org/2</link><guid>andes-2</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Border Monitor</title>
<id>urn:bm</id><updated>2023-03-15T00:00:00Z</updated>
<entry><title>Troops withdraw</title><id>urn:bm:7</id><link href="https://bm.example.org/7"/>
<updated>2023-03-15T08:00:00Z</updated>
<summary type="html">&lt;p&gt;The army withdrew from the border town on Wednesday.&lt;/p&gt;</summary></entry>
</feed>"""


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "andes.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, problems = _split(list(read_documents([path])))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == "Thousands of workers marched in Santiago on Tuesday.\n\nPolice used water cannon."
    assert doc.title == "Protest in Santiago"
    assert doc.outlet == "Andes Wire"
    assert doc.language == "en"
    assert doc.url == "https://andes.example.org/1"
    assert doc.source_id == f"{path}#andes-1"
    assert doc.published == datetime(2023, 3, 14, 13, 30)  # converted to UTC
    assert [(p.position, p.reason) for p in problems] == [("entry 2", "feed entry has no text")]


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "monitor.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, problems = _split(list(read_documents([path])))
    assert problems == []
    assert [(d.text, d.outlet, d.url, d.published) for d in docs] == [
        ("The army withdrew from the border town on Wednesday.", "Border Monitor", "https://bm.example.org/7",
         datetime(2023, 3, 15, 8, 0))
    ]


def test_xml_that_is_not_a_feed_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<urlset><url><loc>https://x.example.org</loc></url></urlset>", encoding="utf-8")
    docs, problems = _split(list(read_documents([path])))
    assert docs == []
    assert len(problems) == 1 and problems[0].source_path == str(path)


def _jsonl_bytes(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def test_gzip_and_zstd_jsonl(tmp_path: Path) -> None:
    gz = tmp_path / "batch.jsonl.gz"
    gz.write_bytes(gzip.compress(_jsonl_bytes(RECORDS)))
    zst = tmp_path / "batch.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(_jsonl_bytes(RECORDS)))
    for path in (gz, zst):
        docs, problems = _split(list(read_documents([path])))
        assert problems == []
        assert [(d.source_id, d.format) for d in docs] == [(f"{path}#a1", "jsonl"), (f"{path}#a2", "jsonl")]
        assert docs[0].published == datetime(2023, 1, 2)
        assert docs[1].outlet == "Wire"


def test_truncated_gzip_keeps_earlier_records(tmp_path: Path) -> None:
    many = [{"id": str(i), "text": f"Record number {i} about talks in Geneva."} for i in range(2000)]
    data = gzip.compress(_jsonl_bytes(many))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    docs, problems = _split(list(read_documents([path])))
    assert 0 < len(docs) < 2000
    assert [d.external_id for d in docs] == [str(i) for i in range(len(docs))]
    assert len(problems) == 1 and "corrupt or truncated" in problems[0].reason


def test_parquet_rows_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.parquet"
    table = pa.table({
        "id": ["p1", "p2", None],
        "text": ["Rebels attacked a convoy near Goma.", "", "Ministers met in Nairobi."],
        "published": [datetime(2023, 5, 1, 12), None, datetime(2023, 5, 2)],
        "ignored_column": [1, 2, 3],
    })
    pq.write_table(table, path, row_group_size=2)
    docs, problems = _split(list(read_documents([tmp_path])))
    assert [(d.source_id, d.published) for d in docs] == [
        (f"{path}#p1", datetime(2023, 5, 1, 12)), (f"{path}#3", datetime(2023, 5, 2))
    ]
    assert [(p.position, p.reason) for p in problems] == [("row 2", "field 'text' is empty")]


def test_parquet_without_text_column_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    docs, problems = _split(list(read_documents([path])))
    assert docs == [] and "no 'text' column" in problems[0].reason
    garbage = tmp_path / "garbage.parquet"
    garbage.write_bytes(b"not parquet")
    docs, problems = _split(list(read_documents([garbage])))
    assert docs == [] and "not a readable Parquet file" in problems[0].reason
