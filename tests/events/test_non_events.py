"""Verb forms that read like events but report none: the content of an accusation, subjectless
conditional participles, counterfactuals, participles of possession, the price sense of "charge" and
fixed expressions (sentences written for these tests; word lists in heron/events/data/non_events.yaml)."""

import pytest

import heron
from heron.records import Event


def events(text: str) -> list[Event]:
    return heron.extract(text, published="2024-05-06")


def types(text: str) -> list[str | None]:
    return [e.plover_type for e in events(text)]


@pytest.mark.parametrize("text", [
    "The police chief has been accused of staging fake raids for the cameras.",
    "The mayor was charged with ordering the killing of a journalist.",
    "Three men pleaded guilty to charges that they conspired to ship rifles to Honduras.",
    "Prosecutors opened an investigation into allegations that the governor accepted bribes from a cartel.",
    "The opposition alleged that the ministry had supplied weapons to the militia.",
])
def test_what_is_charged_is_no_event_of_its_own(text: str) -> None:
    found = events(text)
    charged_acts = {"staging fake raids", "ordering", "ship rifles", "accepted", "supplied weapons", "supplied"}
    assert not [e.predicate for e in found if e.predicate in charged_acts]


def test_the_accusation_itself_stays() -> None:
    found = events("The police chief has been accused of staging fake raids for the cameras.")
    assert [e.plover_type for e in found] == ["ACCUSE"]
    assert [a.text for a in found[0].target] == ["The police chief"]


@pytest.mark.parametrize("text", [
    "If convicted, the two officials could face up to 20 years in prison.",
    "If extradited, the trafficker would face charges in Texas.",
    "Of the firms, 40 had irregularities that should have barred them from the tender.",
    "The border posts are equipped with scanners.",
    "The gang members were armed with rifles.",
    "Migrants are drawn to the route by the low fees charged by smugglers.",
    "The gangs charge protection fees to shop owners.",
    "The smugglers prefer the sea route, as opposed to the land crossing.",
])
def test_no_event_is_coded(text: str) -> None:
    assert types(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The police arrested the mayor on Monday.", ["COERCE"]),
    ("Prosecutors charged the mayor with fraud on Monday.", ["ACCUSE"]),
    ("The rebels were armed with rifles by the army.", ["AID"]),  # an agent: the army supplied them
    ("If the rebels attack the town, the army will respond.", ["THREATEN"]),  # a subject: a threat stays
])
def test_real_events_stay(text: str, expected: list[str]) -> None:
    assert types(text)[: len(expected)] == expected


def test_an_accusation_describing_a_charge_noun_stays() -> None:
    found = events("The court unsealed an indictment charging the former governor with money laundering.")
    assert "ACCUSE" in [e.plover_type for e in found]
