"""A news outlet's report cites where the news comes from: it is no event, and the outlet never stands
in as the doer of what it reports (sentences written for these tests; rules in
heron/events/data/news_attribution.yaml)."""

import pytest
from coded import texts

import heron
from heron.records import Event


def events(text: str) -> list[Event]:
    return heron.extract(text, published="2024-05-06")


def statements(text: str) -> list[Event]:
    return [e for e in events(text) if e.plover_type is None]


@pytest.mark.parametrize("text", [
    "Soldiers detained four smugglers near the river crossing, reported Diario Sur.",  # inverted, unknown name
    "Soldiers detained four smugglers near the river crossing, La Voz del Valle reported.",
    "Soldiers detained four smugglers near the river crossing, La Voz del Valle reported on Friday.",
    "Soldiers detained four smugglers near the river crossing, reports regional newspaper El Norte.",
    "Soldiers detained four smugglers near the river crossing, the local news outlet said.",
    "Local media reported that soldiers detained four smugglers near the river crossing.",
    "Reuters reported that soldiers detained four smugglers near the river crossing.",
])
def test_a_news_outlets_report_is_no_event(text: str) -> None:
    found = events(text)
    assert [e.plover_type for e in found] == ["COERCE"]
    assert [a.text.lower() for a in found[0].source] == ["soldiers"]


def test_the_outlet_is_not_the_doer_of_a_passive_it_reports() -> None:
    found = [e for e in events("The cartel's accountant was extradited to Spain, reports Diario Sur.")
             if e.plover_type == "COOPERATE"]
    assert len(found) == 1
    assert texts(found[0].source) == []
    assert texts(found[0].target) == ["Spain"]


def test_the_speaker_quoted_by_an_outlet_still_speaks() -> None:
    found = statements("The governor said the checkpoints would stay in place, reports Diario Sur.")
    assert [texts(e.source) for e in found] == [["The governor"]]


@pytest.mark.parametrize("text, speaker", [
    ("The checkpoints will stay in place until June, the provincial police reported.", "the provincial police"),
    ("The checkpoints will stay in place until June, Colombia reported.", "Colombia"),
    ("The checkpoints will stay in place until June, Arturo Mendoza said.", "Arturo Mendoza"),
    ("A journalist reported that the checkpoints will stay in place.", "A journalist"),
])
def test_authorities_countries_people_and_journalists_still_make_statements(text: str, speaker: str) -> None:
    assert [texts(e.source) for e in statements(text)] == [[speaker]]
