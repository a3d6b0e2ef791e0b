"""Reading text, HTML and JSON Lines files into RawDocument / IngestProblem records."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from heron.ingest import read_documents
from heron.records import IngestProblem, RawDocument

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers agree to resume border talks - The Daily Ledger</title>
<meta property="og:title" content="Ministers agree to resume border talks">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2022-01-26T17:47:00+00:00">
<link rel="canonical" href="https://ledger.example.org/world/border-talks">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Ministers agree to resume border talks</h1>
<p>The foreign ministers of the two neighbouring countries agreed on Wednesday to resume talks on the disputed border after a pause of three months.</p>
<p>Both delegations will meet in Geneva next week, officials said, and a joint statement is expected once the first round has ended.</p>
<p>The previous round collapsed in October when one side walked out over the question of troop withdrawals from the frontier region.</p>
</article></main>
<section id="comments" class="comments-area"><h3 class="comment-reply-title">Leave a Reply</h3>
<form class="comment-form"><p class="comment-notes">Your email address will not be published.</p>
<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></section>
<footer><p>Copyright 2022 The Daily Ledger. Subscribe to our newsletter for weekly updates.</p></footer>
</body></html>
"""


def _only(results: list[RawDocument | IngestProblem]) -> RawDocument | IngestProblem:
    assert len(results) == 1, results
    return results[0]


def test_plain_text_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline here\n\nFirst paragraph of the story.\n", encoding="utf-8")
    document = _only(list(read_documents([path])))
    assert isinstance(document, RawDocument)
    assert document.format == "text"
    assert document.source_id == str(path)
    assert document.text == "Headline here\n\nFirst paragraph of the story.\n"
    assert document.title is None and document.published is None


def test_html_main_text_survives_and_furniture_does_not(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    document = _only(list(read_documents([path])))
    assert isinstance(document, RawDocument)
    assert document.format == "html"
    assert "agreed on Wednesday to resume talks on the disputed border" in document.text
    assert "walked out over the question of troop withdrawals" in document.text
    for furniture in ("Leave a Reply", "email address", "Sport", "Copyright", "Subscribe"):
        assert furniture not in document.text
    # Paragraphs are separated by one blank line.
    assert "after a pause of three months.\n\nBoth delegations" in document.text
    assert document.title == "Ministers agree to resume border talks"
    assert document.outlet == "The Daily Ledger"
    assert document.url == "https://ledger.example.org/world/border-talks"
    assert document.published == datetime(2022, 1, 26)
    assert document.language == "en"


def test_broken_html_without_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    path.write_text("<html><head><title>x</title></head><body><div><script>var a = 1;</script></div", encoding="utf-8")
    problem = _only(list(read_documents([path])))
    assert isinstance(problem, IngestProblem)
    assert problem.source_path == str(path)
    assert "no main text" in problem.reason


def test_jsonl_malformed_line_in_the_middle_is_reported_and_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "First article text.", "title": "One", "outlet": "Wire",
                    "published": "2022-01-26", "language": "en", "url": "https://x.example/1"}),
        '{"id": "a2", "text": "unterminated',
        json.dumps({"id": "a3", "text": ""}),
        json.dumps({"id": "a4", "title": "no text"}),
        json.dumps({"id": "a5", "text": 42}),
        json.dumps({"id": "a6", "text": "Typed wrong.", "title": ["list"]}),
        "",
        json.dumps({"text": "No id here.", "published": "2022-01-26T17:47:00Z"}),
        json.dumps({"id": 7, "text": "Bad date kept.", "published": "sometime in spring"}),
        json.dumps({"id": "a8", "text": "Offset date.", "published": "2022-02-02T16:29:00+03:00"}),
        "[1, 2]",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_documents([path]))

    documents = [item for item in results if isinstance(item, RawDocument)]
    problems = [item for item in results if isinstance(item, IngestProblem)]
    assert [doc.source_id for doc in documents] == [f"{path}#a1", f"{path}#8", f"{path}#7", f"{path}#a8"]
    first = documents[0]
    assert (first.title, first.outlet, first.language, first.url) == ("One", "Wire", "en", "https://x.example/1")
    assert first.published == datetime(2022, 1, 26, 0, 0)  # date only -> midnight
    assert first.external_id == "a1" and first.format == "jsonl"
    assert documents[1].published == datetime(2022, 1, 26, 17, 47)
    assert documents[1].external_id is None
    assert documents[2].published is None  # unparseable date: article kept, date dropped
    assert documents[3].published == datetime(2022, 2, 2, 13, 29)  # converted to UTC

    assert [problem.position for problem in problems] == ["line 2", "line 3", "line 4", "line 5", "line 6", "line 11"]
    assert "invalid JSON" in problems[0].reason
    assert "empty" in problems[1].reason
    assert "missing" in problems[2].reason
    assert "not a string" in problems[3].reason
    assert "'title'" in problems[4].reason
    assert "JSON object" in problems[5].reason
    assert str(problems[0]).startswith(f"{path} (line 2): ")


def test_binary_junk_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    problem = _only(list(read_documents([path])))
    assert isinstance(problem, IngestProblem)
    assert problem.reason == "binary file, not text"


def test_control_character_junk_without_nul_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk2.txt"
    path.write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50 + b"some words")
    problem = _only(list(read_documents([path])))
    assert isinstance(problem, IngestProblem)
    assert problem.reason == "binary file, not text"


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_text("  \n\t\n", encoding="utf-8")
    no_lines = tmp_path / "none.jsonl"
    no_lines.write_text("\n\n", encoding="utf-8")
    results = list(read_documents([empty, blank, no_lines]))
    assert [(type(item).__name__, getattr(item, "reason", None)) for item in results] == [
        ("IngestProblem", "empty file"), ("IngestProblem", "empty file"), ("IngestProblem", "empty file")]


def test_latin1_and_cp1252_text_is_decoded(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le président a déclaré à Genève que la réunion était terminée.".encode("latin-1"))
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes("He said \u201cno deal\u201d \u2013 talks are over, the minister’s aide added.".encode("cp1252"))
    documents = list(read_documents([latin1, cp1252]))
    assert isinstance(documents[0], RawDocument) and isinstance(documents[1], RawDocument)
    assert documents[0].text == "Le président a déclaré à Genève que la réunion était terminée."
    assert documents[1].text == "He said \u201cno deal\u201d \u2013 talks are over, the minister’s aide added."


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Talks resumed in Vienna.".encode("utf-16"))
    document = _only(list(read_documents([path])))
    assert isinstance(document, RawDocument)
    assert document.text == "Talks resumed in Vienna."


def test_file_over_max_bytes_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    problem = _only(list(read_documents([path], max_bytes=100)))
    assert isinstance(problem, IngestProblem)
    assert "too large" in problem.reason and "500 bytes" in problem.reason


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.TXT").write_text("Third.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text("Cached.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    texts = [item.text for item in read_documents([tmp_path]) if isinstance(item, RawDocument)]
    problems = [item for item in read_documents([tmp_path]) if isinstance(item, IngestProblem)]
    assert texts == ["First.", "Second.", "Third."]
    assert problems == []


def test_explicit_unsupported_or_missing_path_is_a_problem(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# About", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    results = list(read_documents([readme, str(missing)]))
    assert all(isinstance(item, IngestProblem) for item in results)
    assert "unsupported file type '.md'" in results[0].reason
    assert results[1].reason == "no such file or folder"


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Only one.", encoding="utf-8")
    document = _only(list(read_documents(str(path))))  # type: ignore[arg-type]
    assert isinstance(document, RawDocument) and document.text == "Only one."
