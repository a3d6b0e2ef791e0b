"""The v1 acceptance checks on the scraped seed articles (skipped when ../shared is absent)."""

from datetime import date
from pathlib import Path

import pytest

from heron.runners.local import extract_paths

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "seeds"
pytestmark = [pytest.mark.shared, pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not available")]


@pytest.fixture(scope="module")
def events():
    results, problems = extract_paths([SEEDS], progress=False)
    assert problems == []
    return [e for _, article_events in results for e in article_events]


def countries(actors) -> set[str]:
    return {a.country or a.org for a in actors}


def test_ushakov_sullivan_call(events) -> None:
    calls = [e for e in events if e.plover_type == "CONSULT" and "telephone conversation" in e.sentence
             and e.event_date == date(2021, 12, 20)]
    assert calls
    assert {"RUS", "USA"} <= countries(calls[0].source) | countries(calls[0].target)


def test_gavrilov_threat(events) -> None:
    threats = [e for e in events if e.plover_type == "THREATEN" and "Gavrilov" in e.sentence]
    assert threats
    assert threats[0].event_date == date(2021, 12, 20)
    assert "RUS" in countries(threats[0].source)


def test_us_refuses_concessions(events) -> None:
    refusals = [e for e in events if e.plover_type == "REJECT" and "concessions" in e.sentence]
    assert refusals
    assert all("USA" in countries(e.source) for e in refusals)
    assert any("RUS" in countries(e.target) for e in refusals)


def test_putin_warning_on_tuesday(events) -> None:
    warnings = [e for e in events if "Putin" in e.sentence and "on Tuesday" in e.sentence]
    assert warnings
    assert {e.event_date for e in warnings} == {date(2022, 2, 1)}
    assert any(e.plover_type == "THREATEN" for e in warnings)


def test_site_noise_produces_no_events(events) -> None:
    noise = ("Leave a", "email address", "Subscribe", "spelling error", "share it with your friends", "+ ten =")
    assert not [e for e in events if any(marker in e.sentence for marker in noise)]
