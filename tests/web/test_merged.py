"""With the merge stage's tables present, the API serves merged events, their mentions and stories."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import duckdb
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from heron.web import create_app

merge_tables = pytest.importorskip("heron.store.merge_tables")


@pytest.fixture(scope="module")
def merged_client(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, list[str]]:
    db = tmp_path_factory.mktemp("merged") / "merged.duckdb"
    shutil.copy(demo_db, db)
    connection = duckdb.connect(str(db))
    merge_tables.ensure_merge_schema(connection)
    for table in ("story_articles", "stories", "merged_mentions", "merged_events"):
        connection.execute(f"DELETE FROM {table}")  # replace the real merges with a known, hand-made one
    # Two Kenya-Tanzania talk mentions from different articles as one merged event, in one story.
    mentions = connection.execute(
        "SELECT event_id, article_id FROM events WHERE plover_type = 'CONSULT' AND event_id IN "
        "(SELECT event_id FROM event_actors WHERE country = 'KEN') ORDER BY article_id, event_id"
    ).fetchall()
    first, second = mentions[0], next(m for m in mentions if m[1] != mentions[0][1])
    connection.execute(
        "INSERT INTO merged_events (merged_id, plover_type, quad, cameo, goldstein, predicate, sentence, article_id, "
        "source_actors, target_actors, event_date, date_precision, date_min, date_max, n_mentions, n_articles, "
        "n_outlets, confidence) VALUES ('m1', 'CONSULT', 'verbal_cooperation', '046', 7.0, 'held talks', 's', ?, "
        "['Kenya (KEN)'], ['Tanzania (TZA)'], DATE '2024-03-12', 'day', DATE '2024-03-12', DATE '2024-03-12', "
        "2, 2, 2, 0.9)", [first[1]],
    )
    connection.executemany("INSERT INTO merged_mentions VALUES ('m1', ?, ?)", [list(first), list(second)])
    connection.execute("INSERT INTO stories (story_id, title, first_date, last_date, n_articles, n_events) "
                       "VALUES ('s1', 'Kenya-Tanzania boundary talks', DATE '2024-03-12', DATE '2024-03-20', 2, 2)")
    connection.executemany("INSERT INTO story_articles VALUES ('s1', ?)", [[first[1]], [second[1]]])
    connection.close()
    return TestClient(create_app(db)), [first[0], second[0]]


def test_merged_event_lists_every_mention(merged_client: tuple[TestClient, list[str]]) -> None:
    client, mention_ids = merged_client
    meta = client.get("/api/meta").json()
    assert meta["level"] == "merged" and meta["merged_events"] == 1 and meta["stories"] == 1
    event = client.get("/api/events/m1").json()
    assert event["level"] == "merged" and sorted(m["event_id"] for m in event["mentions"]) == sorted(mention_ids)
    assert event["date_range"] == ["2024-03-12", "2024-03-12"] and event["source_label"] == "Kenya (KEN)"
    assert all(any(h["kind"] == "predicate" for h in m["highlights"]) for m in event["mentions"])
    mention = client.get(f"/api/events/{mention_ids[0]}").json()
    assert mention["merged_event_id"] == "m1"


def test_stories_and_story_filter(merged_client: tuple[TestClient, list[str]], sql: duckdb.DuckDBPyConnection) -> None:
    client, mention_ids = merged_client
    stories = client.get("/api/stories").json()
    assert stories["available"] is True and [s["story_id"] for s in stories["items"]] == ["s1"]
    story = client.get("/api/stories/s1").json()
    assert story["title"] == "Kenya-Tanzania boundary talks" and len(story["articles"]) == 2
    article_ids = [a["article_id"] for a in story["articles"]]
    expected = sql.execute("SELECT count(*) FROM events WHERE article_id IN (SELECT unnest(?))", [article_ids]).fetchone()[0]
    body = client.get("/api/events", params={"story": "s1", "page_size": 500}).json()
    assert body["total"] == expected
    corroborated = [item for item in body["items"] if item["event_id"] in mention_ids]
    assert [item["mentions"] for item in corroborated] == [2, 2]
    assert client.get("/api/events", params={"story": "' OR 1=1 --"}).json()["total"] == 0
