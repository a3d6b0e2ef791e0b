"""The HTTP API over the demo database: every endpoint, pagination, bad parameters, injection attempts."""

from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from heron.web import DatabaseUnavailable, create_app
from heron.web.assets import asset_path
from heron.web.queries import highlight_spans, sentence_segments

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    "\" OR 1=1 --",
    "USA') UNION SELECT text, text, text FROM articles --",
    "%' OR event_id LIKE '%",
    "1; SELECT * FROM information_schema.tables",
]
TEXT_PARAMETERS = ["actor", "source", "target", "type", "story", "q"]


@pytest.fixture(scope="module")
def client(mention_db: Path) -> TestClient:
    """These tests cover the mention-level API (a database ingested before the merge stage existed)."""
    return TestClient(create_app(mention_db))


def scalar(sql: duckdb.DuckDBPyConnection, query: str, params: list[Any] | None = None) -> Any:
    return sql.execute(query, params or []).fetchone()[0]


def test_meta_reports_counts_and_level(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    meta = client.get("/api/meta").json()
    assert meta["articles"] == scalar(sql, "SELECT count(*) FROM articles") == 24
    assert meta["events"] == scalar(sql, "SELECT count(*) FROM events")
    assert meta["level"] == "mention" and meta["stories_available"] is False
    assert meta["first_event_date"] == scalar(sql, "SELECT min(event_date) FROM events").isoformat()
    assert "ACCUSE" in meta["plover_types"] and len(meta["quad_classes"]) == 5


def test_events_pagination_covers_every_event_once(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    total = scalar(sql, "SELECT count(*) FROM events")
    first = client.get("/api/events", params={"page_size": 100}).json()
    assert first["total"] == total and first["pages"] == (total + 99) // 100 and len(first["items"]) == 100
    seen = [item["event_id"] for page in range(1, first["pages"] + 1)
            for item in client.get("/api/events", params={"page_size": 100, "page": page}).json()["items"]]
    assert len(seen) == len(set(seen)) == total
    dates = [item["event_date"] for item in first["items"]]
    assert dates == sorted(dates)  # default order: event date
    beyond = client.get("/api/events", params={"page_size": 100, "page": first["pages"] + 1}).json()
    assert beyond["items"] == [] and beyond["total"] == total


def test_event_filters_match_sql(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    conflict = scalar(sql, "SELECT count(*) FROM events WHERE quad = 'material_conflict'")
    assert client.get("/api/events", params={"quad": "material_conflict"}).json()["total"] == conflict > 0
    accuse = scalar(sql, "SELECT count(*) FROM events WHERE plover_type = 'ACCUSE'")
    assert client.get("/api/events", params={"type": "accuse"}).json()["total"] == accuse > 0
    in_2024_march = scalar(sql, "SELECT count(*) FROM events WHERE event_date BETWEEN '2024-03-01' AND '2024-03-31'")
    body = client.get("/api/events", params={"since": "2024-03-01", "until": "2024-03-31", "page_size": 500}).json()
    assert body["total"] == in_2024_march > 0
    assert all("2024-03-01" <= item["event_date"] <= "2024-03-31" for item in body["items"])
    kenya = scalar(sql, "SELECT count(DISTINCT event_id) FROM event_actors WHERE country = 'KEN'")
    assert client.get("/api/events", params={"country": "KEN"}).json()["total"] == kenya > 0
    assert client.get("/api/events", params={"actor": "KEN"}).json()["total"] >= kenya
    hackers = scalar(sql, "SELECT count(*) FROM events WHERE contains(lower(sentence), 'hackers')")
    body = client.get("/api/events", params={"q": "Hackers"}).json()
    assert body["total"] == hackers > 0 and all("hackers" in i["sentence"].lower() for i in body["items"])
    chn_sources = scalar(sql, "SELECT count(DISTINCT event_id) FROM event_actors WHERE role='source' AND country='CHN'")
    assert client.get("/api/events", params={"source": "CHN"}).json()["total"] == chn_sources > 0


def test_sorting_by_goldstein_descending(client: TestClient) -> None:
    items = client.get("/api/events", params={"sort": "goldstein", "order": "desc", "page_size": 500}).json()["items"]
    scores = [item["goldstein"] for item in items]
    assert scores == sorted(scores, reverse=True)


def test_single_event_has_highlighted_evidence(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    event_id, sentence, predicate = sql.execute(
        "SELECT event_id, sentence, predicate FROM events WHERE predicate = 'agreed' AND date_text = 'November'"
    ).fetchone()
    event = client.get(f"/api/events/{event_id}").json()
    assert event["event_id"] == event_id and event["level"] == "mention" and len(event["mentions"]) == 1
    mention = event["mentions"][0]
    assert mention["sentence"] == sentence and mention["outlet"] == "Globe Affairs Review"
    assert mention["url"].startswith("https://") and mention["title"]
    kinds = {h["kind"]: h for h in mention["highlights"]}
    assert sentence[kinds["predicate"]["start"]:kinds["predicate"]["end"]] == predicate == "agreed"
    assert kinds["date"]["text"] == "November" and "in the sentence" in event["date_resolution"]
    assert "".join(segment["text"] for segment in mention["segments"]) == sentence
    assert any(segment["kind"] == "source" and segment["text"] == "Washington" for segment in mention["segments"])
    assert event["source_label"].startswith("United States (USA)")


def test_missing_event_is_404_with_message(client: TestClient) -> None:
    response = client.get("/api/events/does-not-exist")
    assert response.status_code == 404 and "does-not-exist" in response.json()["message"]


def test_spans_outside_the_sentence_are_not_highlighted() -> None:
    row = {"sentence": "Troops crossed the river.", "sentence_start": 100, "start": 107, "end": 114,
           "predicate": "crossed", "source": [{"text": "Troops", "start": 100, "end": 106}], "target": [],
           "date_text": "Monday", "date_start": 20, "date_end": 26}  # date carried over from elsewhere
    spans = highlight_spans(row)
    assert [(s["kind"], s["text"]) for s in spans] == [("source", "Troops"), ("predicate", "crossed")]
    assert sentence_segments(row["sentence"], spans)[-1] == {"text": " the river.", "kind": None}


def test_actors_with_counts(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    items = client.get("/api/actors", params={"limit": 500}).json()["items"]
    by_key = {item["actor"]: item for item in items}
    china = scalar(sql, "SELECT count(DISTINCT event_id) FROM event_actors WHERE coalesce(org, country, name) = 'CHN'")
    assert by_key["CHN"]["events"] == china > 0 and by_key["CHN"]["label"] == "China"
    assert by_key["EU"]["label"] == "European Union"
    counts = [item["events"] for item in items]
    assert counts == sorted(counts, reverse=True)
    assert len(client.get("/api/actors", params={"limit": 3}).json()["items"]) == 3


def test_network_edges_match_dyads(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    network = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in network["edges"]}
    expected = scalar(sql, """
        SELECT count(DISTINCT e.event_id) FROM events e
        JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' AND s.country = 'USA'
        JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target' AND t.country = 'CHN'""")
    assert edges[("USA", "CHN")]["events"] == expected > 0
    assert -10 <= edges[("USA", "CHN")]["mean_goldstein"] <= 10
    node_ids = {node["id"] for node in network["nodes"]}
    assert {e["source"] for e in network["edges"]} | {e["target"] for e in network["edges"]} == node_ids
    filtered = client.get("/api/network", params={"quad": "material_conflict"}).json()
    assert sum(e["events"] for e in filtered["edges"]) < sum(e["events"] for e in network["edges"])


def test_timeseries_for_a_dyad(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    body = client.get("/api/timeseries", params={"a": "USA", "b": "CHN", "interval": "day"}).json()
    expected = scalar(sql, """
        SELECT count(DISTINCT e.event_id) FROM events e WHERE e.event_id IN (
          SELECT s.event_id FROM event_actors s JOIN event_actors t USING (event_id)
          WHERE s.role = 'source' AND t.role = 'target' AND
            ((s.country = 'USA' AND t.country = 'CHN') OR (s.country = 'CHN' AND t.country = 'USA')))""")
    assert sum(row["events"] for row in body["items"]) == expected > 0
    for row in body["items"]:
        assert row["events"] == sum(row[q] for q in body["quad_classes"])
    weekly = client.get("/api/timeseries", params={"a": "USA", "b": "CHN"}).json()
    assert weekly["interval"] == "week" and sum(r["events"] for r in weekly["items"]) == expected
    directed = client.get("/api/timeseries", params={"a": "USA", "b": "CHN", "directed": "true"}).json()
    assert sum(r["events"] for r in directed["items"]) <= expected
    assert client.get("/api/timeseries", params={"a": "USA", "b": "ZZZ"}).json()["items"] == []


def test_timeseries_fills_empty_periods() -> None:
    from heron.web.queries import _periods

    weeks = _periods(date(2021, 12, 13), date(2022, 1, 31), "week")
    assert len(weeks) == 8 and weeks[-1].isoformat() == "2022-01-31"


def test_stories_degrade_gracefully_without_merge_tables(client: TestClient) -> None:
    assert client.get("/api/stories").json() == {"available": False, "items": []}
    assert client.get("/api/stories/s1").status_code == 404
    response = client.get("/api/events", params={"story": "s1"})
    assert response.status_code == 400 and "stories" in response.json()["message"]


def test_csv_and_json_downloads_of_a_filtered_view(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    expected = scalar(sql, "SELECT count(*) FROM events WHERE quad = 'verbal_conflict'")
    response = client.get("/api/events/download", params={"quad": "verbal_conflict", "format": "csv"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == expected and {row["quad"] for row in rows} == {"verbal_conflict"}
    assert {"event_id", "event_date", "source_label", "sentence", "url"} <= set(rows[0])
    data = json.loads(client.get("/api/events/download", params={"quad": "verbal_conflict", "format": "json"}).text)
    assert [d["event_id"] for d in data] == [row["event_id"] for row in rows]
    everything = client.get("/api/events/download").text
    assert len(list(csv.DictReader(io.StringIO(everything)))) == scalar(sql, "SELECT count(*) FROM events")


@pytest.mark.parametrize(("params", "named"), [
    ({"since": "yesterday"}, "since"),
    ({"until": "2024-13-45"}, "until"),
    ({"since": "2024-05-01", "until": "2024-01-01"}, "since"),
    ({"page": "0"}, "page"),
    ({"page": "abc"}, "page"),
    ({"page_size": "501"}, "page_size"),
    ({"page_size": "-1"}, "page_size"),
    ({"quad": "war"}, "quad"),
    ({"sort": "sentence; DROP TABLE events"}, "sort"),
    ({"order": "sideways"}, "order"),
    ({"country": "US"}, "country"),
    ({"country": "RUS' --"}, "country"),
    ({"min_confidence": "2"}, "min_confidence"),
    ({"q": "x" * 500}, "q"),
])
def test_bad_event_parameters_get_a_clear_400(client: TestClient, params: dict[str, str], named: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    assert named in response.json()["message"]


@pytest.mark.parametrize(("path", "params", "named"), [
    ("/api/timeseries", {"a": "USA"}, "b"),
    ("/api/timeseries", {"a": "USA", "b": "RUS", "interval": "year"}, "interval"),
    ("/api/timeseries", {"a": "USA", "b": "RUS", "directed": "maybe"}, "directed"),
    ("/api/actors", {"limit": "100000"}, "limit"),
    ("/api/network", {"max_edges": "0"}, "max_edges"),
    ("/api/events/download", {"format": "xlsx"}, "format"),
])
def test_bad_parameters_on_other_endpoints(client: TestClient, path: str, params: dict[str, str], named: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400 and named in response.json()["message"]


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize("parameter", TEXT_PARAMETERS)
def test_injection_in_text_parameters_matches_nothing(
    client: TestClient, sql: duckdb.DuckDBPyConnection, parameter: str, payload: str
) -> None:
    response = client.get("/api/events", params={parameter: payload})
    if parameter == "story" or response.status_code == 400:
        # refused before any query runs (no stories in this database; a type longer than any PLOVER type)
        assert response.status_code == 400 and response.json()["message"]
    else:
        assert response.status_code == 200 and response.json()["total"] == 0
    for path in ("/api/actors", "/api/network", "/api/events/download"):
        assert client.get(path, params={parameter: payload}).status_code in (200, 400)
    assert scalar(sql, "SELECT count(*) FROM events") > 0  # still there


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_dyad_country_and_path_parameters(client: TestClient, payload: str) -> None:
    response = client.get("/api/timeseries", params={"a": payload, "b": payload})
    assert response.status_code == 200 and response.json()["items"] == []
    assert client.get("/api/events", params={"country": payload}).status_code == 400
    assert client.get(f"/api/events/{payload}").status_code == 404
    assert client.get(f"/api/stories/{payload}").status_code == 404


def test_pages_and_assets_are_served_locally(client: TestClient) -> None:
    for path in ("/", "/event", "/network", "/dyad", "/table", "/api-docs"):
        response = client.get(path)
        assert response.status_code == 200 and "<html" in response.text
        assert "http://" not in response.text and "https://" not in response.text  # nothing from the internet
    # The chart and graph libraries come from installed Python packages (see heron.web.assets).
    for name in ("vega.js", "vega-lite.js", "vega-embed.js", "vis-network.js", "vis-network.css"):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200 and response.content == asset_path(name).read_bytes()
    assert '"4.17.0"' in client.get("/static/vendor/vega-lite.js").text
    assert "@version 9.1.2" in client.get("/static/vendor/vis-network.js").text
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["content-security-policy"]


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/meta", "/api/events", "/api/events/{event_id}", "/api/events/download", "/api/stories",
            "/api/stories/{story_id}", "/api/actors", "/api/network", "/api/timeseries"} <= set(paths)


def test_unreadable_databases_are_refused_with_the_file_name(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="missing.duckdb"):
        create_app(tmp_path / "missing.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(DatabaseUnavailable, match="not a Heron database"):
        create_app(other)
    text_file = tmp_path / "notes.duckdb"
    text_file.write_text("not a database")
    with pytest.raises(DatabaseUnavailable, match="notes.duckdb"):
        create_app(text_file)
