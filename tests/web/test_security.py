"""API safety: read-only database, parameterised SQL, page-size cap, query time limit, no paths, CORS.

Also the chart libraries' packages (a missing one gets a clear error page) and the loopback load test.
"""

from __future__ import annotations

import logging
import time
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from heron.web import assets, create_app
from heron.web.queries import MAX_PAGE_SIZE, QueryTimeout, WebStore

MARKER = "zq7MARKERq7z"  # a value no query text contains: found in SQL text = a value was interpolated


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


# ---------------------------------------------------------------------- read-only
def test_connection_is_read_only_and_sealed(client: TestClient, demo_db: Path, tmp_path: Path) -> None:
    store: WebStore = client.app.state.store
    cursor = store.cursor()
    assert cursor.execute("SELECT current_setting('access_mode')").fetchone()[0] == "read_only"
    assert cursor.execute("SELECT current_setting('enable_external_access')").fetchone()[0] is False
    before = demo_db.stat().st_mtime_ns
    leak = tmp_path / "leak.csv"
    for statement in (
        "CREATE TABLE intruder (x INTEGER)",
        "INSERT INTO events (event_id) VALUES ('intruder')",
        "DELETE FROM events",
        "DROP TABLE events",
        f"COPY events TO '{leak}'",
        f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SET enable_external_access = true",
    ):
        with pytest.raises(duckdb.Error):
            store.cursor().execute(statement)
    assert not leak.exists() and not (tmp_path / "other.duckdb").exists()
    assert demo_db.stat().st_mtime_ns == before
    assert client.get("/api/meta").json()["events"] > 0  # still serving


def test_write_attempts_through_the_api_change_nothing(client: TestClient, sql: duckdb.DuckDBPyConnection) -> None:
    events = sql.execute("SELECT count(*) FROM events").fetchone()[0]
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/events").status_code == 405
    for payload in ("'; DROP TABLE events; --", "x'); DELETE FROM events; --"):
        assert client.get("/api/events", params={"q": payload, "level": "mention"}).json()["total"] == 0
    assert sql.execute("SELECT count(*) FROM events").fetchone()[0] == events


# ---------------------------------------------------------------------- parameterised SQL
def record_sql(store: WebStore, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[Any]]]:
    """Every (sql, params) the store runs from now on."""
    seen: list[tuple[str, list[Any]]] = []
    original = store._rows

    def spy(sql: str, params: Any = ()) -> Any:
        seen.append((sql, list(params)))
        return original(sql, params)

    monkeypatch.setattr(store, "_rows", spy)
    return seen


@pytest.mark.parametrize("level", ["merged", "mention"])
def test_request_values_reach_sql_only_as_parameters(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, level: str
) -> None:
    seen = record_sql(client.app.state.store, monkeypatch)
    text = {name: MARKER for name in ("actor", "source", "target", "type", "q", "story")}
    requests = [
        ("/api/events", {**text, "level": level}),
        ("/api/events/download", {**text, "level": level, "format": "json"}),
        ("/api/actors", text),
        ("/api/network", text),
        ("/api/timeseries", {"a": MARKER, "b": MARKER}),
        (f"/api/events/{MARKER}", {}),
        (f"/api/stories/{MARKER}", {}),
    ]
    for path, params in requests:
        assert client.get(path, params=params).status_code in (200, 404)
    assert seen, "the spy saw no query"
    assert all(MARKER not in sql for sql, _ in seen)
    assert sum(MARKER in params for _, params in seen) >= len(requests)


@pytest.mark.parametrize("sort", ["event_id", "e.event_id; DROP TABLE events", "goldstein DESC, (SELECT 1)", "1"])
def test_sort_keys_come_from_a_whitelist(client: TestClient, sort: str) -> None:
    response = client.get("/api/events", params={"sort": sort})
    assert response.status_code == 400 and "sort" in response.json()["message"]
    order = client.get("/api/events", params={"order": "desc; DROP TABLE events"})
    assert order.status_code == 400 and "order" in order.json()["message"]
    interval = client.get("/api/timeseries", params={"a": "USA", "b": "CHN", "interval": "year'); --"})
    assert interval.status_code == 400 and "interval" in interval.json()["message"]


# ---------------------------------------------------------------------- limits
def test_page_size_above_the_maximum_is_a_clear_400(client: TestClient) -> None:
    assert len(client.get("/api/events", params={"page_size": MAX_PAGE_SIZE, "level": "mention"}).json()["items"]) \
        == min(MAX_PAGE_SIZE, client.get("/api/meta").json()["events"])
    for path, name in (("/api/events", "page_size"), ("/api/actors", "limit"), ("/api/network", "max_edges")):
        response = client.get(path, params={name: MAX_PAGE_SIZE + 1})
        assert response.status_code == 400
        message = response.json()["message"]
        assert name in message and str(MAX_PAGE_SIZE) in message


def test_a_request_past_the_query_time_limit_gets_a_503(demo_db: Path) -> None:
    impatient = TestClient(create_app(demo_db, query_timeout=1e-9))  # every query is "too slow"
    for path in ("/api/events", "/api/network", "/api/meta"):
        response = impatient.get(path)
        assert response.status_code == 503
        assert response.json()["error"] == "query timeout" and "limit" in response.json()["message"]
        assert response.headers["retry-after"] == "5"
    assert TestClient(create_app(demo_db)).get("/api/events").status_code == 200  # default limit: fine


def test_a_running_query_is_interrupted_at_the_limit(demo_db: Path) -> None:
    store = WebStore(demo_db, query_timeout=0.2)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="0.2 s"):
        store._rows("SELECT count(*) FROM range(100000000000) t(x) WHERE x % 7 = 3")  # minutes if not stopped
    # Interrupted rather than run to the end (which takes minutes); the bound is deliberately loose.
    assert time.monotonic() - started < 60
    assert store._rows("SELECT 42")[1] == [(42,)]  # the store keeps working
    store.close()
    with pytest.raises(ValueError):
        WebStore(demo_db, query_timeout=0)


# ---------------------------------------------------------------------- no paths from requests
@pytest.mark.parametrize("path", [
    "/static/../app.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e/%2e%2e/cli/web.py",
    "/static/vendor/../../app.py",
    "/static/vendor/..%2F..%2Fapp.py",
    "/static/vendor/%2e%2e%2fassets.py",
    "/static/vendor/vega.js%00.css",
    "/static/vendor/vega-5.21.0.js",  # the package's own file name: only the listed names are served
    "/static/vendor/cytoscape.min.js",
    "/static//etc/passwd",
    "/static/%2Fetc%2Fpasswd",
    "/api/events/..%2F..%2Fetc%2Fpasswd",
    "/api/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
])
def test_path_traversal_is_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert "root:" not in response.text and "import" not in response.text


def test_file_like_parameters_are_ignored_or_refused(client: TestClient) -> None:
    page = client.get("/", params={"db": "/etc/passwd", "file": "../../app.py"})
    assert page.status_code == 200 and "root:" not in page.text
    meta = client.get("/api/meta", params={"db": "/etc/passwd"}).json()
    assert meta["database"] == "demo.duckdb"
    response = client.get("/api/events", params={"q": "../../../../etc/passwd", "level": "mention"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/events/download", params={"format": "/etc/passwd"}).status_code == 400


# ---------------------------------------------------------------------- CORS
def test_cors_is_closed_unless_origins_are_given(demo_db: Path) -> None:
    closed = TestClient(create_app(demo_db))
    response = closed.get("/api/meta", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = closed.options("/api/events", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers
    opened = TestClient(create_app(demo_db, cors_origins=["https://lab.example"]))
    response = opened.get("/api/meta", headers={"Origin": "https://lab.example"})
    assert response.headers["access-control-allow-origin"] == "https://lab.example"
    other = opened.get("/api/meta", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


# ---------------------------------------------------------------------- chart libraries from packages
def test_a_missing_library_package_gets_a_clear_error(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = assets.package_directory
    monkeypatch.setattr(assets, "package_directory", lambda package: None if package == "pyvis" else real(package))
    with caplog.at_level(logging.WARNING, logger="heron.web.assets"):
        client = TestClient(create_app(demo_db))
    assert any("vis-network.js" in message and "pyvis" in message for message in caplog.messages)
    page = client.get("/network")
    assert page.status_code == 503 and "pyvis" in page.text and "pip install" in page.text
    script = client.get("/static/vendor/vis-network.js")
    assert script.status_code == 503 and "pyvis" in script.json()["message"]
    assert client.get("/").status_code == 200  # the timeline needs altair_viewer only
    assert client.get("/static/vendor/vega.js").status_code == 200


# ---------------------------------------------------------------------- load test
def test_loadtest_runs_without_errors(demo_db: Path) -> None:
    from heron.web.loadtest import run_loadtest

    result = run_loadtest(demo_db, requests=50, clients=4)
    assert result.requests == 50 and result.errors == 0, result.error_samples
    assert len(result.latencies_ms) == 50
    assert {"events", "event", "timeseries"} <= set(result.per_endpoint)
    assert result.percentile(0.5) <= result.percentile(0.95) <= result.percentile(0.99)
