"""Shared fixtures: one database built from the demo corpus per test session, and the app over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from heron.demo import CORPUS_DIR
from heron.runners.local import ingest_paths


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "demo.duckdb"
    ingest_paths([CORPUS_DIR], db, progress=False)
    return db


MERGE_TABLES = ("story_articles", "stories", "merged_mentions", "merged_events", "article_links", "merge_articles")


@pytest.fixture(scope="session")
def mention_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database without the merge stage's tables: the API must fall back to mention level."""
    db = tmp_path_factory.mktemp("web-mentions") / "mentions.duckdb"
    shutil.copy(demo_db, db)
    connection = duckdb.connect(str(db))
    for table in MERGE_TABLES:
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    connection.close()
    return db


@pytest.fixture(scope="session")
def sql(demo_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An independent read-only connection, to compute the figures the API must return."""
    connection = duckdb.connect(str(demo_db), read_only=True)
    yield connection
    connection.close()
