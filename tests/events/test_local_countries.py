"""Countries that a sentence gives actors named without one (sentences written for these tests):
local actors take the country where the sentence happens, an office-holder the state it speaks for,
people from a country's body that country."""

import pytest
from coded import countries, top

from heron.evaluation.system import extract_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of teachers marched through central Budapest on Friday.", ["HUN"]),
        ("Dock workers walked out at the port in the Kenyan city of Mombasa on Monday.", ["KEN"]),
        ("Gunmen abducted a priest in the Nigerian state of Kaduna.", ["NGA"]),
        ("Farmers blocked the highway between Lima and Arequipa for two days.", ["PER"]),
    ],
)
def test_local_actors_take_the_country_where_the_sentence_happens(text: str, expected: list[str]) -> None:
    assert countries(top(text).source) == expected


def test_places_in_two_countries_give_no_country() -> None:
    event = top("Students marched in Vienna against the war in Sudan.")
    assert countries(event.source) == [None]


def test_places_listed_in_several_countries_give_no_country() -> None:
    event = top("Gunmen attacked several buses in the border states of Bolivia and Peru.")
    assert countries(event.source) == [None]


def test_soldiers_are_not_local() -> None:
    # troops act abroad as often as at home: where they fight does not say whose they are
    event = top("Soldiers opened fire on a convoy near Kharkiv on Monday.")
    assert countries(event.source) == [None]


def test_a_minister_announcing_a_states_act_speaks_for_it() -> None:
    assert minister_countries("Norway will expel three diplomats next week, the foreign minister said on Friday.",
                              "the foreign minister") == {"NOR"}


def test_a_minister_reporting_anothers_past_act_does_not_speak_for_it() -> None:
    assert minister_countries("Iran seized the tanker, the defence minister said.", "the defence minister") == {None}


def minister_countries(text: str, mention: str) -> set[str | None]:
    [events] = extract_sentences([text], [None])
    return {a.country for e in events for a in e.source if a.text == mention}


def test_people_from_a_countrys_body_are_of_that_country() -> None:
    event = top("Envoys from Ethiopia's federal government met Tigrayan leaders in Nairobi.")
    assert countries(event.source) == ["ETH"]


def test_a_longer_name_is_not_the_shorter_one_it_starts_with() -> None:
    # Nigeria's secret police is not the US Department of State
    event = top("The Department of State Services detained two journalists in Abuja.")
    assert countries(event.source) == ["NGA"]
    assert countries(top("The Department of State condemned the raid.").source) == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        # where a criminal is caught, judged or meets is not where he is from
        ("Smugglers shot two guards before they were arrested in Madrid."),
        # for criminals, a clause below theirs tells another story
        ("Smugglers attacked a patrol boat in 2015, when their boss was living in Madrid."),
    ],
)
def test_places_that_do_not_say_whose_the_actor_is(text: str) -> None:
    assert countries(top(text).source) == [None]


def test_second_level_province_places_local_actors() -> None:
    assert countries(top("Gunmen killed three farmers in Camarines Norte province.").source) == ["PHL"]
