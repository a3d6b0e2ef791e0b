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
    body = client.get("/api/events", params={"story": "s1", "page_size": 500, "level": "mention"}).json()
    assert body["total"] == expected and body["level"] == "mention"
    corroborated = [item for item in body["items"] if item["event_id"] in mention_ids]
    assert [item["mentions"] for item in corroborated] == [2, 2]
    assert all(item["merged_id"] == "m1" for item in corroborated)
    # By default the list is of merged events: here the one hand-made merged event of the story.
    merged = client.get("/api/events", params={"story": "s1"}).json()
    assert merged["level"] == "merged" and merged["total"] == 1
    assert [(i["event_id"], i["mentions"], i["articles"]) for i in merged["items"]] == [("m1", 2, 2)]
    assert client.get("/api/events", params={"story": "' OR 1=1 --"}).json()["total"] == 0


# ---------------------------------------------------------------------- the real merges of an ingest
@pytest.fixture(scope="module")
def ingest_client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


def test_events_are_merged_events_after_an_ingest(ingest_client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    merged_total = sql.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    mentions_total = sql.execute("SELECT count(*) FROM events").fetchone()[0]
    assert 0 < merged_total < mentions_total  # the demo corpus has corroborated events
    body = ingest_client.get("/api/events", params={"page_size": 500}).json()
    assert body["level"] == "merged" and body["total"] == merged_total == len(body["items"])
    expected = dict(sql.execute("SELECT merged_id, [n_mentions, n_articles] FROM merged_events").fetchall())
    assert {i["event_id"]: [i["mentions"], i["articles"]] for i in body["items"]} == expected
    assert sum(i["mentions"] for i in body["items"]) == mentions_total
    dates = [i["event_date"] for i in body["items"]]
    assert dates == sorted(dates)
    mention_level = ingest_client.get("/api/events", params={"level": "mention"}).json()
    assert mention_level["level"] == "mention" and mention_level["total"] == mentions_total


def test_merged_filters_match_sql(ingest_client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    def total(**params: str) -> int:
        return ingest_client.get("/api/events", params=params).json()["total"]

    conflict = sql.execute("SELECT count(*) FROM merged_events WHERE quad = 'material_conflict'").fetchone()[0]
    assert total(quad="material_conflict") == conflict > 0
    march = sql.execute(
        "SELECT count(*) FROM merged_events WHERE event_date BETWEEN '2024-03-01' AND '2024-03-31'").fetchone()[0]
    assert total(since="2024-03-01", until="2024-03-31") == march > 0
    kenya = sql.execute(
        "SELECT count(DISTINCT mm.merged_id) FROM merged_mentions mm JOIN event_actors a USING (event_id) "
        "WHERE a.country = 'KEN'").fetchone()[0]
    assert total(country="KEN") == kenya > 0
    kenya_conflict = sql.execute(
        "SELECT count(*) FROM merged_events WHERE quad = 'material_conflict' AND merged_id IN (SELECT mm.merged_id "
        "FROM merged_mentions mm JOIN event_actors a USING (event_id) WHERE a.country = 'KEN')").fetchone()[0]
    assert total(country="KEN", quad="material_conflict") == kenya_conflict
    hackers = sql.execute(
        "SELECT count(DISTINCT mm.merged_id) FROM merged_mentions mm JOIN events e USING (event_id) "
        "WHERE contains(lower(e.sentence), 'hackers')").fetchone()[0]
    assert total(q="hackers") == hackers > 0


def test_merged_sorting_and_download(ingest_client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    for key in ("date", "type", "quad", "goldstein", "confidence", "outlet", "predicate", "published"):
        response = ingest_client.get("/api/events", params={"sort": key, "order": "desc", "page_size": 20})
        assert response.status_code == 200 and len(response.json()["items"]) == 20
    scores = [i["goldstein"] for i in ingest_client.get(
        "/api/events", params={"sort": "goldstein", "order": "desc", "page_size": 500}).json()["items"]]
    assert scores == sorted(scores, reverse=True)
    csv_text = ingest_client.get("/api/events/download", params={"format": "csv"}).text
    merged_total = sql.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    assert len(csv_text.strip().splitlines()) == merged_total + 1


def test_listed_merged_event_opens_with_all_its_mentions(
    ingest_client: TestClient, sql: duckdb.DuckDBPyConnection
) -> None:
    merged_id, n_mentions, n_articles = sql.execute(
        "SELECT merged_id, n_mentions, n_articles FROM merged_events ORDER BY n_mentions DESC, merged_id LIMIT 1"
    ).fetchone()
    listed = ingest_client.get("/api/events", params={"page_size": 500}).json()["items"]
    item = next(i for i in listed if i["event_id"] == merged_id)
    assert item["level"] == "merged" and item["source_label"]  # actors from its representative mention
    event = ingest_client.get(f"/api/events/{merged_id}").json()
    assert event["level"] == "merged" and len(event["mentions"]) == n_mentions > 1
    assert event["article_count"] == n_articles == len({m["article_id"] for m in event["mentions"]})


def test_merged_level_needs_merged_data(mention_db: Path) -> None:
    client = TestClient(create_app(mention_db))
    assert client.get("/api/events").json()["level"] == "mention"
    response = client.get("/api/events", params={"level": "merged"})
    assert response.status_code == 400 and "merge stage" in response.json()["message"]
