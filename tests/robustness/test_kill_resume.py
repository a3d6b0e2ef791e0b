"""A run killed with SIGKILL part-way and started again ends with exactly the rows of a clean run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from heron.runners.local import ingest_paths

from .conftest import build_corpus, table_rows

BATCH_SIZE = 8


def _start_ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from heron.cli import app; app()", "ingest", str(corpus), "--db", str(db),
               "--batch-size", str(BATCH_SIZE), "--no-progress"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_after_wal_growth(process: subprocess.Popen[bytes], wal: Path, growth: int, timeout: float = 120) -> bool:
    """SIGKILL the ingest once its write-ahead log has grown by ``growth`` bytes (a few committed batches).

    Returns False when the run finished first. The other process holds the database lock, so the log
    file is the only thing the test can watch.
    """
    smallest: int | None = None
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else 0
        smallest = size if smallest is None else min(smallest, size)
        if size - smallest >= growth:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.01)
    process.kill()
    process.wait()
    return False


def _articles_in_copy(db: Path, scratch: Path) -> int:
    """Open a copy (so the resumed run finds the files exactly as the kill left them) and count."""
    scratch.mkdir(exist_ok=True)
    copy = scratch / db.name
    for suffix in ("", ".wal"):
        source = Path(str(db) + suffix)
        target = Path(str(copy) + suffix)
        target.unlink(missing_ok=True)
        if source.exists():
            shutil.copyfile(source, target)
    connection = duckdb.connect(str(copy))  # replays the log, as the next run will
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        connection.close()


def test_sigkill_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path / "corpus", n_files=300, corrupt_share=0.05, seed=11)
    expected_articles = len(corpus.good_source_ids)

    clean_db = tmp_path / "clean.duckdb"
    ingest_paths([corpus.root], clean_db, batch_size=BATCH_SIZE, progress=False)
    clean = table_rows(clean_db)
    assert len(clean["articles"]) == expected_articles

    db = tmp_path / "killed.duckdb"
    wal = Path(str(db) + ".wal")
    counts_after_kill = []
    # Kill twice at different depths, then let the third run finish.
    for growth in (40_000, 120_000):
        killed = _kill_after_wal_growth(_start_ingest(corpus.root, db), wal, growth)
        assert killed, "the ingest finished before it could be killed; raise the corpus size"
        counts_after_kill.append(_articles_in_copy(db, tmp_path / "scratch"))
    assert 0 < counts_after_kill[0] < counts_after_kill[1] < expected_articles, counts_after_kill
    assert all(n % BATCH_SIZE == 0 for n in counts_after_kill), "a batch was half written"

    final = _start_ingest(corpus.root, db)
    assert final.wait(timeout=300) == 3  # finished, with the corpus's corrupt files quarantined
    resumed = table_rows(db)
    assert set(resumed) == set(clean) >= {"articles", "events", "event_actors", "ingest_errors"}
    for table in sorted(clean):
        assert len(resumed[table]) == len(clean[table]), table
        assert resumed[table] == clean[table], f"{table} differs from the clean run"
    assert len(clean["events"]) > 0 and len(clean["event_actors"]) > 0
