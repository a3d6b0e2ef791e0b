"""Sixth type round: intents to meet, commitments, expulsions, crowd killings, rallies against someone
(sentences written for these tests)."""

import pytest
from coded import top_typed as top
from coded import typed_events as typed

from heron.events.lexicon import load_lexicon


@pytest.mark.parametrize("text", [
    "The Moldovan president said she was ready to hold talks with the leaders of Transnistria.",
    "Ghana stands ready to mediate between the two Sahel juntas, its foreign minister said.",
    "Uruguay is willing to meet Argentine officials to discuss the river dispute.",
])
def test_readiness_to_meet_or_mediate_is_an_intent(text: str) -> None:
    assert top(text).plover_type == "AGREE"


@pytest.mark.parametrize("text", [
    "The Laotian prime minister vowed to draft a new electoral code.",
    "Kenya promised to open its airports to more Ugandan cargo flights.",
    "Finland announced its intention to triple its contribution to the relief fund for Sudan.",
    "Jordan gave an undertaking to attend the regional water conference in Amman.",
])
def test_commitments_whose_content_is_no_event_are_intents(text: str) -> None:
    assert top(text).plover_type == "AGREE"


@pytest.mark.parametrize("text", [
    "The new ceasefire promises to be the main topic of the summit in Addis Ababa.",
    "The harvest promises to become the largest in a decade.",
])
def test_forecasts_are_no_commitments(text: str) -> None:
    assert not [e for e in typed(text) if e.predicate.lower().startswith("promise")]


def test_vow_of_an_attack_stays_a_threat() -> None:
    assert top("The rebel commander vowed to attack the garrison in Goma.").plover_type == "THREATEN"


@pytest.mark.parametrize("text", [
    "Burkina Faso ordered the French ambassador to leave the country within 48 hours.",
    "Niger ordered the UN observers out of the country.",
])
def test_ordering_someone_to_leave_is_an_expulsion(text: str) -> None:
    assert top(text).plover_type == "SANCTION"


def test_ordering_another_act_stays_a_demand() -> None:
    assert top("The Gabonese president ordered the army to reopen the border crossings.").plover_type == "REQUEST"


def test_killing_by_a_mob_is_an_assault_not_a_riot() -> None:
    assert top("An angry mob in northern Nigeria lynched a student accused of theft.").plover_type == "ASSAULT"


def test_civilians_driven_out_is_an_assault() -> None:
    assert top("Serbian paramilitaries drove thousands of villagers out of the valley.").plover_type == "ASSAULT"


def test_rallying_states_against_someone_is_opposition_and_support_rallied_is_support() -> None:
    assert top("Egypt rallied Gulf states against Ethiopia.").plover_type == "ACCUSE"
    assert top("France rallied support for Moldova's accession among EU members.").plover_type == "SUPPORT"
    assert top("Thousands of opposition supporters rallied in central Tbilisi on Sunday.").plover_type == "PROTEST"


def test_property_damaged_by_settlers_is_coercion() -> None:
    assert top("Settlers damaged Palestinian orchards near Nablus.").plover_type == "COERCE"


def test_refusing_food_is_a_hunger_strike() -> None:
    assert top("Jailed activists in Bahrain refused food to protest their treatment.").plover_type == "PROTEST"


def test_taking_place_is_no_act() -> None:
    assert [e.plover_type for e in typed("Rallies against the new law took place in three Serbian cities.")] == ["PROTEST"]


def test_complement_entries_are_loaded() -> None:
    entries = [e for e in load_lexicon().entries_for("order", "verb") if e.complements]
    assert entries and all("leave" in e.complements for e in entries)
