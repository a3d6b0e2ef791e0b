"""The pages in headless Chromium against the demo database; screenshots go to artifacts/screenshots/.

Skipped when the `playwright` package or a Chromium binary is missing (CI installs Debian's chromium).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

sync_api = pytest.importorskip("playwright.sync_api")

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("HERON_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


pytestmark = pytest.mark.skipif(chromium_path() is None, reason="no Chromium binary (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(demo_db: Path) -> Iterator[str]:
    import uvicorn

    from heron.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # Playwright gives each launch a fresh temporary profile (it refuses --user-data-dir here).
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def shoot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def count(page: object, selector: str = "#event-count") -> int:
    return int(page.locator(selector).inner_text())


def test_timeline_click_opens_event_with_highlighted_evidence(
    page: object, base_url: str, sql: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_selector("#chart svg .mark-symbol path")
    assert count(page) == sql.execute("SELECT count(*) FROM events").fetchone()[0]
    assert page.locator("#chart svg .mark-symbol path").count() > 100
    shoot(page, "timeline")
    page.locator("#chart svg .mark-symbol path").first.click(force=True)
    page.wait_for_url("**/event?id=*")
    page.wait_for_selector(".evidence mark.hl-predicate")
    event_id = page.url.split("id=")[1]
    sentence, predicate = sql.execute("SELECT sentence, predicate FROM events WHERE event_id = ?", [event_id]).fetchone()
    assert page.locator(".evidence").first.inner_text().strip() == sentence.strip()
    assert page.locator(".evidence mark.hl-predicate").first.inner_text() == predicate
    assert "Evidence: 1 mention" in page.locator("#mentions-title").inner_text()
    shoot(page, "event")


def test_timeline_filter_changes_the_counts(page: object, base_url: str, sql: duckdb.DuckDBPyConnection) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_selector("#chart svg .mark-symbol path")
    page.select_option("select[name=quad]", "material_conflict")
    page.click("#apply")
    expected = sql.execute("SELECT count(*) FROM events WHERE quad = 'material_conflict'").fetchone()[0]
    page.wait_for_function(f"document.querySelector('#event-count')?.textContent === '{expected}'")
    assert "quad=material_conflict" in page.url
    assert page.locator("#chart svg .mark-symbol path").count() == expected
    assert page.locator("#eventlist li").count() == expected


def test_event_link_from_the_list_shows_actor_and_date_highlights(
    page: object, base_url: str, sql: duckdb.DuckDBPyConnection
) -> None:
    event_id = sql.execute(
        "SELECT event_id FROM events WHERE predicate = 'agreed' AND date_text = 'November'"
    ).fetchone()[0]
    page.goto(f"{base_url}/?q=agreed")
    page.wait_for_selector(f"a.event-link[href='/event?id={event_id}']")
    page.click(f"a.event-link[href='/event?id={event_id}']")
    page.wait_for_selector(".evidence mark.hl-date")
    assert page.locator(".evidence mark.hl-source").first.inner_text() == "Washington"
    assert page.locator(".evidence mark.hl-date").inner_text() == "November"
    assert "Globe Affairs Review" in page.locator(".source-line").inner_text()


def test_table_sorts_filters_and_links_downloads(page: object, base_url: str, sql: duckdb.DuckDBPyConnection) -> None:
    page.goto(f"{base_url}/table")
    page.wait_for_selector("#events tbody tr")
    assert count(page) == sql.execute("SELECT count(*) FROM events").fetchone()[0]
    assert page.locator("#events tbody tr").count() == 50
    page.fill("input[name=country]", "CHN")
    page.click("#apply")
    expected = sql.execute("SELECT count(DISTINCT event_id) FROM event_actors WHERE country = 'CHN'").fetchone()[0]
    page.wait_for_function(f"document.querySelector('#event-count')?.textContent === '{expected}'")
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("#events[data-loaded=goldstein-asc]")
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("#events[data-loaded=goldstein-desc]")
    scores = [float(text) for text in page.locator("#events tbody td.num:nth-child(4)").all_inner_texts()]
    assert scores == sorted(scores, reverse=True) and len(scores) == expected
    href = page.locator("#download-csv").get_attribute("href")
    assert "country=CHN" in href and "format=csv" in href
    shoot(page, "table")


def test_network_draws_actors_and_dyads(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/network")
    page.wait_for_function("window.heronNetwork && window.heronNetwork.nodes().length > 0")
    nodes = page.evaluate("window.heronNetwork.nodes().map(n => n.id())")
    edges = page.evaluate("window.heronNetwork.edges().map(e => e.id())")
    assert {"USA", "CHN"} <= set(nodes) and "USA->CHN" in edges
    assert int(page.locator("#node-count").inner_text()) == len(nodes)
    shoot(page, "network")


def test_dyad_chart_for_usa_and_china(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/dyad?a=USA&b=CHN&interval=day")
    page.wait_for_selector("#chart svg .mark-rect path")
    assert count(page) > 0
    assert "USA ↔ CHN" in page.locator("#title").inner_text()
    shoot(page, "dyad")


def test_api_docs_page_lists_endpoints(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/api-docs")
    page.wait_for_selector("h2.endpoint")
    titles = page.locator("h2.endpoint").all_inner_texts()
    assert "GET /api/events" in titles and "GET /api/timeseries" in titles
    shoot(page, "api-docs")
