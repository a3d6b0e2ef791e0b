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
from contextlib import contextmanager
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


@contextmanager
def serving(db: Path) -> Iterator[str]:
    import uvicorn

    from heron.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
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
def base_url(demo_db: Path) -> Iterator[str]:
    """The demo database as ingested: merged events and stories."""
    with serving(demo_db) as url:
        yield url


@pytest.fixture(scope="module")
def mention_url(mention_db: Path) -> Iterator[str]:
    """The demo database without merge tables: mention-level pages."""
    with serving(mention_db) as url:
        yield url


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


MARKS = "#chart svg .mark-symbol path"

# The centre of the timeline mark of one event, in page coordinates (from the Vega scenegraph).
MARK_CENTRE_JS = """(id) => {
  const view = window.heronTimeline;
  const found = [];
  const walk = (node) => {
    if (!node) return;
    if (node.datum && node.datum.event_id === id && node.bounds) found.push(node);
    for (const child of node.items || []) walk(child);
  };
  walk(view.scenegraph().root);
  const mark = found[found.length - 1];
  const box = document.querySelector("#chart svg").getBoundingClientRect();
  const [ox, oy] = view.origin();
  return [box.left + ox + (mark.bounds.x1 + mark.bounds.x2) / 2, box.top + oy + (mark.bounds.y1 + mark.bounds.y2) / 2];
}"""


def mark_areas(page: object) -> list[float]:
    return page.evaluate("(selector) => [...document.querySelectorAll(selector)]"
                         ".map((path) => { const box = path.getBBox(); return box.width * box.height; })", MARKS)


def test_timeline_shows_merged_events_and_opens_one_with_all_its_mentions(
    page: object, base_url: str, sql: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_selector(MARKS)
    merged_total = sql.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    assert count(page) == merged_total < sql.execute("SELECT count(*) FROM events").fetchone()[0]
    assert page.locator(MARKS).count() == merged_total  # one mark per merged event
    assert "merged events" in page.locator("#summary").inner_text()
    areas = mark_areas(page)
    assert max(areas) > 3 * min(areas)  # sized by corroboration: single reports are the small dots
    shoot(page, "timeline")
    merged_id, n_mentions, n_articles = sql.execute(
        "SELECT merged_id, n_mentions, n_articles FROM merged_events ORDER BY n_mentions DESC, merged_id LIMIT 1"
    ).fetchone()
    x, y = page.evaluate(MARK_CENTRE_JS, merged_id)
    page.mouse.click(x, y)
    page.wait_for_url(f"**/event?id={merged_id}")
    page.wait_for_selector(".evidence mark.hl-predicate")
    assert page.locator(".evidence").count() == n_mentions > 1
    assert f"Evidence: {n_mentions} mentions" in page.locator("#mentions-title").inner_text()
    assert f"{n_mentions} mentions in {n_articles} articles" in page.locator("#facts").inner_text()
    sentences = {row[0].strip() for row in sql.execute(
        "SELECT e.sentence FROM merged_mentions mm JOIN events e USING (event_id) WHERE mm.merged_id = ?",
        [merged_id]).fetchall()}
    assert {text.strip() for text in page.locator(".evidence").all_inner_texts()} == sentences
    shoot(page, "event-merged")


def test_timeline_without_merge_tables_shows_mentions(
    page: object, mention_url: str, sql: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{mention_url}/")
    page.wait_for_selector(MARKS)
    mentions = sql.execute("SELECT count(*) FROM events").fetchone()[0]
    assert count(page) == mentions and page.locator(MARKS).count() == mentions
    page.locator(MARKS).first.click(force=True)
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
    page.wait_for_selector(MARKS)
    page.select_option("select[name=quad]", "material_conflict")
    page.click("#apply")
    expected = sql.execute("SELECT count(*) FROM merged_events WHERE quad = 'material_conflict'").fetchone()[0]
    page.wait_for_function(f"document.querySelector('#event-count')?.textContent === '{expected}'")
    assert "quad=material_conflict" in page.url
    assert page.locator(MARKS).count() == expected
    assert page.locator("#eventlist li").count() == expected


def test_event_link_from_the_list_shows_actor_and_date_highlights(
    page: object, base_url: str, sql: duckdb.DuckDBPyConnection
) -> None:
    event_id = sql.execute(  # the list links to the merged event of this mention
        "SELECT mm.merged_id FROM events e JOIN merged_mentions mm USING (event_id) "
        "WHERE e.predicate = 'agreed' AND e.date_text = 'November'"
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
    assert count(page) == sql.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    assert page.locator("#events tbody tr").count() == 50
    page.fill("input[name=country]", "CHN")
    page.click("#apply")
    expected = sql.execute(
        "SELECT count(DISTINCT mm.merged_id) FROM event_actors a JOIN merged_mentions mm USING (event_id) "
        "WHERE a.country = 'CHN'"
    ).fetchone()[0]
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
    page.wait_for_function("document.querySelector('#network')?.dataset.ready === 'true'")
    api = page.request.get(f"{base_url}/api/network?max_edges=300").json()
    nodes = page.evaluate("window.heronNetwork.nodes.get()")
    edges = page.evaluate("window.heronNetwork.edges.get()")
    assert {n["id"] for n in nodes} == {n["id"] for n in api["nodes"]} >= {"USA", "CHN"}
    assert {e["id"] for e in edges} == {f"{e['source']}->{e['target']}" for e in api["edges"]}
    assert int(page.locator("#node-count").inner_text()) == len(nodes)
    # Sized by events, coloured by mean Goldstein (red below zero, blue above).
    size = {n["id"]: n["size"] for n in nodes}
    events = {n["id"]: n["events"] for n in api["nodes"]}
    busiest, quietest = max(events, key=events.get), min(events, key=events.get)
    assert events[busiest] > events[quietest] and size[busiest] > size[quietest]
    by_goldstein = sorted((e for e in api["edges"] if e["mean_goldstein"] is not None),
                          key=lambda e: e["mean_goldstein"])
    colour = {e["id"]: e["color"]["color"] for e in edges}
    hostile, friendly = by_goldstein[0], by_goldstein[-1]
    assert hostile["mean_goldstein"] < 0 < friendly["mean_goldstein"]
    red = [int(v) for v in colour[f"{hostile['source']}->{hostile['target']}"][4:-1].split(",")]
    blue = [int(v) for v in colour[f"{friendly['source']}->{friendly['target']}"][4:-1].split(",")]
    assert red[0] > red[2] and blue[2] > blue[0]
    shoot(page, "network")
    # Clicking a node opens the table filtered on that actor.
    box = page.locator("#network").bounding_box()
    x, y = page.evaluate("(id) => { const n = window.heronNetwork.network; "
                         "const p = n.canvasToDOM(n.getPosition(id)); return [p.x, p.y]; }", "USA")
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_url("**/table?*actor=USA*")


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
