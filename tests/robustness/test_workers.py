"""`heron ingest --workers 2` (spaCy processes) stores exactly the rows of a one-process run."""

from __future__ import annotations

from pathlib import Path

from heron.cli.core import demo_corpus_path
from heron.runners.local import ingest_paths

from .conftest import table_rows


def test_two_workers_give_identical_rows_on_the_demo_corpus(tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    # A small batch size makes several transactions and several spaCy batches per worker.
    single = ingest_paths([demo_corpus_path()], one, batch_size=5, n_process=1, progress=False)
    double = ingest_paths([demo_corpus_path()], two, batch_size=5, n_process=2, progress=False)
    assert single.articles_stored == double.articles_stored >= 24
    assert single.events == double.events > 50
    rows_one, rows_two = table_rows(one), table_rows(two)
    assert set(rows_one) == set(rows_two)
    for table in sorted(rows_one):  # the merge tables too, when the merge stage is installed
        assert rows_one[table] == rows_two[table], table
