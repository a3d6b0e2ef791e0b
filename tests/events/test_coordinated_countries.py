"""One participant per country when a mention's modifiers coordinate several countries ("Kenyan and
Ugandan troops"), each keeping the whole mention (sentences written for these tests)."""

import pytest
from coded import countries, texts, top

from heron.events.mentions import distinct_mentions
from heron.records import Actor


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Kenyan and Ugandan troops launched a joint offensive against the rebels on Monday.",
         "Kenyan and Ugandan troops", ["KEN", "UGA"]),
        ("The Peruvian and Chilean foreign ministers met in Lima on Tuesday.",
         "The Peruvian and Chilean foreign ministers", ["PER", "CHL"]),
        ("US and South Korean warships held joint drills in the Yellow Sea.",
         "US and South Korean warships", ["USA", "KOR"]),
        ("The Dutch and Belgian police arrested twelve suspects.", "The Dutch and Belgian police", ["NLD", "BEL"]),
        ("French, German and Italian diplomats criticised the vote.",
         "French, German and Italian diplomats", ["FRA", "DEU", "ITA"]),
        ("The navies of Ghana and Togo held a joint patrol in the Gulf of Guinea.",
         "The navies of Ghana and Togo", ["GHA", "TGO"]),
    ],
)
def test_each_country_of_a_shared_head_is_a_source(text: str, mention: str, expected: list[str]) -> None:
    event = top(text)
    assert countries(event.source) == expected
    assert texts(event.source) == [mention] * len(expected)  # the evidence is the whole phrase
    assert len({(a.sector, a.start, a.end) for a in event.source}) == 1


@pytest.mark.parametrize(
    "text",
    ["Talks between Bolivian and Paraguayan negotiators took place in Asuncion.",
     "A ceasefire between Ethiopian and Eritrean troops took effect on Sunday."],
)
def test_both_parties_between_two_countries_are_sources(text: str) -> None:
    assert sorted(countries(top(text).source)) == sorted(
        ["BOL", "PRY"] if "Bolivian" in text else ["ETH", "ERI"])


def test_targets_of_several_countries_are_split_too() -> None:
    assert countries(top("Rebels attacked Malian and French positions near Gao.").target) == ["MLI", "FRA"]


def test_a_coordination_of_other_words_is_one_actor() -> None:
    event = top("Brazilian naval and air forces conducted a joint drill off Santos.")
    assert countries(event.source) == ["BRA"]


def test_a_country_whose_name_has_an_and_is_one_actor() -> None:
    event = top("The president of Trinidad and Tobago met the Venezuelan foreign minister on Monday.")
    assert countries(event.source) == ["TTO"]


def test_same_mention_is_kept_once_per_country() -> None:
    french = Actor("Indian and French ships", 0, 23, "France", "FRA", "military")
    indian = Actor("Indian and French ships", 0, 23, "India", "IND", "military")
    inside = Actor("French", 11, 17, "France", "FRA", None)
    again = Actor("Indian and French ships", 0, 23, None, None, "military")
    assert distinct_mentions([indian, french, inside, again]) == [indian, french]
