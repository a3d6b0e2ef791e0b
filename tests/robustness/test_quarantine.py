"""Quarantine: every unreadable input is reported once (file, position, reason) and the run goes on."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heron.cli import app
from heron.runners.local import IngestLimits, extract_paths, ingest_paths
from heron.store import EventStore

from .conftest import Corpus, build_corpus, table_rows

runner = CliRunner()


def _stored_source_ids(db: Path) -> list[str]:
    with EventStore(db, read_only=True) as store:
        return [row[0] for row in store.connection.execute("SELECT source_id FROM articles").fetchall()]


def _assert_matches_corpus(db: Path, corpus: Corpus) -> None:
    stored = _stored_source_ids(db)
    assert len(stored) == len(set(stored)), "an article was stored twice"
    assert set(stored) == corpus.good_source_ids
    with EventStore(db, read_only=True) as store:
        errors = store.ingest_errors()
    reported = [(row["source_path"], row["position"]) for row in errors]
    assert len(reported) == len(set(reported)), "an input was reported twice"
    assert set(reported) == set(corpus.bad)
    for row in errors:
        assert corpus.bad[(row["source_path"], row["position"])] in row["reason"]


def test_thousand_files_five_percent_corrupt(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path / "corpus", n_files=1000, corrupt_share=0.05)
    assert corpus.files == 1000 and len({path for path, _ in corpus.bad}) == 50
    db = tmp_path / "h.duckdb"

    started = time.perf_counter()
    summary = ingest_paths([corpus.root], db, progress=False)
    seconds = time.perf_counter() - started

    assert summary.quarantined == 50
    assert summary.articles_stored == len(corpus.good_source_ids) == summary.articles_read
    _assert_matches_corpus(db, corpus)
    assert seconds < 120, f"1,000 tiny files took {seconds:.1f} s"

    # Idempotent: a second run stores nothing and records no problem twice.
    before = table_rows(db)
    again = ingest_paths([corpus.root], db, progress=False)
    assert again.articles_stored == 0
    assert again.articles_skipped_existing == len(corpus.good_source_ids)
    assert again.quarantined == 50  # still reported in the summary (and the exit code) ...
    assert table_rows(db) == before  # ... but not added to the tables again


def test_exit_code_says_whether_anything_was_quarantined(tmp_path: Path, small_corpus: Corpus) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text("Kenya and Tanzania held talks in Arusha on Monday.\n")
    result = runner.invoke(app, ["ingest", str(clean), "--db", str(tmp_path / "c.duckdb"), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "quarantined:              0" in result.stdout

    db = tmp_path / "q.duckdb"
    result = runner.invoke(app, ["ingest", str(small_corpus.root), "--db", str(db), "--no-progress"])
    assert result.exit_code == 3, result.output
    assert f"quarantined:              {len(small_corpus.bad)}" in result.stdout
    for path, _ in small_corpus.bad:
        assert path in result.stdout  # each bad file is named in the summary
    _assert_matches_corpus(db, small_corpus)


def test_each_corrupt_kind_has_a_clear_reason(small_corpus: Corpus) -> None:
    _, problems = extract_paths([small_corpus.root], progress=False)
    by_file = {(p.source_path, p.position): p.reason for p in problems}
    assert set(by_file) == set(small_corpus.bad)
    kinds = {Path(path).name.split("_", 1)[1].split(".")[0]: reason for (path, _), reason in by_file.items()}
    assert set(kinds) == {"junk", "latin1", "truncgz", "brokenhtml", "badjson", "huge", "zerowords", "empty"}
    assert kinds["huge"] == f"file too large ({200 * 1024 * 1024} bytes; limit is {50 * 1024 * 1024})"
    assert kinds["zerowords"] == "article has 0 word(s); at least 1 needed"
    assert kinds["badjson"].startswith("invalid JSON")


def test_an_oversized_jsonl_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    good = json.dumps({"id": "ok", "text": "Peru expelled diplomats from Bolivia on Friday."})
    huge = json.dumps({"id": "big", "text": "word " * 5000})
    path.write_text(f"{good}\n{huge}\n{good.replace('ok', 'ok2')}\n")
    results, problems = extract_paths([path], progress=False, limits=IngestLimits(max_input_bytes=2_000))
    assert [a.source_id for a, _ in results] == [f"{path}#ok", f"{path}#ok2"]
    assert [(p.position, p.reason) for p in problems] == [
        ("line 2", f"line too large ({len(huge) + 1} bytes; limit is 2000)")
    ]


def test_limits_bound_article_size_sentences_and_events(tmp_path: Path) -> None:
    # Full sentences: language identification calls a string of bare "X did Y" clauses Nigerian Pidgin.
    text = ("The government of Kenya held talks with officials from Tanzania on Monday, the ministry said. "
            "The president of Chile criticised the government of Peru on Tuesday. Japan sent humanitarian "
            "aid to Nigeria on Friday. India praised Ghana on Monday for its election.")
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "long.txt").write_text("Mali accused Iran of lying. " * 40)

    results, problems = extract_paths([tmp_path], progress=False, limits=IngestLimits(max_article_chars=500))
    assert [Path(a.source_path).name for a, _ in results] == ["a.txt"]
    assert [p.reason for p in problems] == ["article too long (1120 characters; limit is 500)"]
    unlimited_events = len(results[0][1])
    assert unlimited_events >= 3

    capped, _ = extract_paths([tmp_path / "a.txt"], progress=False, limits=IngestLimits(max_events_per_article=2))
    assert len(capped[0][1]) == 2
    short, _ = extract_paths([tmp_path / "a.txt"], progress=False, limits=IngestLimits(max_sentence_chars=20))
    assert short[0][1] == []  # every sentence is longer than 20 characters, so none is coded


def test_bad_limits_are_refused_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya held talks with Tanzania.")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--max-article-chars", "0"])
    assert result.exit_code == 2
    assert "max_article_chars must be at least 1" in result.output
    with pytest.raises(ValueError, match="parser's limit"):
        IngestLimits(max_article_chars=10_000_000)


def test_a_database_file_that_is_not_duckdb_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya held talks with Tanzania.")
    bad_db = tmp_path / "notes.duckdb"
    bad_db.write_bytes(b"this is not a database" * 200)
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(bad_db), "--no-progress"])
    assert result.exit_code == 2
    assert f"cannot open database {bad_db}" in result.output
    assert bad_db.read_bytes() == b"this is not a database" * 200  # left untouched
