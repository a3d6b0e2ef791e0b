"""The seeds episode in the browser (needs ../shared): the timeline runs from December 2021 to February
2022; screenshots of each page go to artifacts/screenshots/seeds/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from heron.runners.local import ingest_paths

from .test_browser import MARKS, SCREENSHOTS, browser, chromium_path, count, page, serving  # noqa: F401 (fixtures)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "seeds"
pytestmark = [
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not available"),
    pytest.mark.skipif(chromium_path() is None, reason="no Chromium binary (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds-web") / "seeds.duckdb"
    ingest_paths([SEEDS], db, progress=False)
    return db


@pytest.fixture(scope="module")
def seeds_url(seeds_db: Path) -> Iterator[str]:
    with serving(seeds_db) as url:
        yield url


@pytest.fixture
def tab(request: pytest.FixtureRequest) -> object:
    """A browser page (test_browser's ``page`` fixture: it fails the test on any JavaScript error)."""
    return request.getfixturevalue("page")


def seeds_shot(tab: object, name: str) -> None:
    (SCREENSHOTS / "seeds").mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "seeds" / f"{name}.png"), full_page=True)


def test_seeds_episode_pages(tab: object, seeds_url: str, seeds_db: Path) -> None:
    with duckdb.connect(str(seeds_db), read_only=True) as sql:
        merged = sql.execute("SELECT count(*) FROM merged_events").fetchone()[0]
        story_id, first, last = sql.execute(
            "SELECT story_id, first_date, last_date FROM stories ORDER BY n_articles DESC LIMIT 1").fetchone()
        drafts = sql.execute("SELECT merged_id FROM merged_events WHERE event_date = DATE '2021-12-17' "
                             "ORDER BY n_articles DESC LIMIT 1").fetchone()[0]
    assert (first.isoformat(), last.isoformat()) == ("2021-12-17", "2022-02-02")

    tab.goto(f"{seeds_url}/?story={story_id}")
    tab.wait_for_selector(MARKS)
    assert 0 < count(tab) <= merged
    dates = tab.evaluate("() => [...document.querySelectorAll('#eventlist li')].map((li) => li.textContent)")
    assert dates and any("2021-12" in text for text in dates) and any("2022-02" in text for text in dates)
    seeds_shot(tab, "timeline")

    tab.goto(f"{seeds_url}/event?id={drafts}")
    tab.wait_for_selector(".evidence mark.hl-predicate")
    assert tab.locator(".evidence").count() >= 3  # the drafts, from three articles
    seeds_shot(tab, "event-drafts")

    tab.goto(f"{seeds_url}/network")
    tab.wait_for_function("() => document.querySelector('#network canvas') !== null")
    seeds_shot(tab, "network")

    tab.goto(f"{seeds_url}/dyad?a=USA&b=RUS")
    tab.wait_for_selector("#chart svg")
    seeds_shot(tab, "dyad-usa-rus")

    tab.goto(f"{seeds_url}/table")
    tab.wait_for_selector("#events tbody tr")
    seeds_shot(tab, "table")
