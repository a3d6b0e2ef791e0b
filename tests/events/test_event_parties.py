"""Parties and types of events whose doer is in a "by" phrase or an event noun, permissions, ultimatums,
cargo sent, joint undertakings (sentences written for these tests)."""

import pytest
from coded import texts

import heron
from heron.records import Event


def events(text: str) -> list[Event]:
    return heron.extract(text, published="2024-05-06")


def only(text: str, plover: str) -> Event:
    found = [e for e in events(text) if e.plover_type == plover]
    assert len(found) == 1, f"expected one {plover} event in {text!r}, got {[(e.plover_type, e.predicate) for e in events(text)]}"
    return found[0]


# ---------------------------------------------------------------- the "by" phrase names the doer
def test_participle_agent_is_the_source_and_its_on_phrase_the_target() -> None:
    event = only("Ankara criticised the sanctions imposed by the EU on Turkish steel makers.", "SANCTION")
    assert texts(event.source) == ["the EU"]
    assert texts(event.target) == ["Turkish steel makers"]


def test_passive_with_on_phrase_after_the_agent() -> None:
    event = only("New sanctions were imposed by Canada on two Iranian airlines.", "SANCTION")
    assert texts(event.source) == ["Canada"]
    assert texts(event.target) == ["two Iranian airlines"]


def test_participle_agent_that_names_nobody_is_not_a_source() -> None:
    for event in events("Seizures rose in 2019, a trend demonstrated by the drop in cocaine prices."):
        assert texts(event.source) == []


def test_report_source_is_no_actor() -> None:
    assert [e for e in events("The figures, in comments reported by El Universo, were disputed.") if e.predicate == "reported"] == []


def test_event_noun_with_a_by_phrase_is_reported() -> None:
    event = only("The detention of four journalists by the army drew condemnation from Paris.", "COERCE")
    assert texts(event.source) == ["the army"]


def test_by_phrase_hung_on_the_of_complement() -> None:
    event = only("The expulsion of two Dutch diplomats by Mali was announced on Friday.", "SANCTION")
    assert texts(event.source) == ["Mali"]


def test_cited_investigation_is_no_event() -> None:
    assert not [e for e in events("Prices rose sharply, according to an investigation by the newspaper Clarin.")
                if e.plover_type == "ACCUSE"]


def test_event_noun_inside_a_protest_target_is_a_topic() -> None:
    assert only("Students staged demonstrations against the abuses by the police.", "PROTEST")
    assert not [e for e in events("Students staged demonstrations against the abuses by the police.")
                if e.predicate == "abuses"]


def test_offer_by_a_state_to_host_talks_is_its_offer() -> None:
    found = events("The offer by Norway to host a new round of talks was welcomed by both sides.")
    offer = [e for e in found if e.predicate == "offer"]
    assert offer and texts(offer[0].source) == ["Norway"] and offer[0].plover_type == "AGREE"
    assert not [e for e in found if e.predicate == "host"]


def test_infinitive_of_a_decision_is_done_by_its_author() -> None:
    event = only("Peru's decision to close its border with Bolivia angered traders.", "COERCE")
    assert texts(event.source) == ["Peru"]


# ---------------------------------------------------------------- event nouns and gerunds as subjects
def test_between_phrase_hung_on_the_topic_of_talks() -> None:
    found = events("Talks on a trade accord between the Kenyan and Ugandan delegations took place in Kampala.")
    talks = [e for e in found if e.predicate == "Talks"]
    assert talks and talks[0].plover_type == "CONSULT"
    # one party per country named in the shared phrase (see test_coordinated_countries.py)
    assert texts(talks[0].source) == ["the Kenyan and Ugandan delegations"] * 2
    assert {actor.country for actor in talks[0].source} == {"KEN", "UGA"}
    assert not [e for e in found if e.predicate == "accord"]


def test_gerund_subject_names_its_parties() -> None:
    event = only("Fighting between the militia and the police erupted again near Beni.", "ASSAULT")
    assert texts(event.source) == ["the militia", "the police"]


def test_passive_event_noun_keeps_its_between_parties() -> None:
    found = events("Cooperation between Chile and Peru was strengthened last year, an official said.")
    event = next(e for e in found if e.predicate.startswith("Cooperation"))
    assert texts(event.source) == ["Chile", "Peru"]
    assert texts(event.target) == []


# ---------------------------------------------------------------- persona non grata
@pytest.mark.parametrize(("text", "target"), [
    ("Belarus declared a Polish consul persona non grata on Monday.", "consul"),
    ("Latvia declared the Russian ambassador persona non grata.", "the Russian ambassador"),
])
def test_persona_non_grata_targets_the_person(text: str, target: str) -> None:
    event = only(text, "SANCTION")
    assert texts(event.target) == [target]


# ---------------------------------------------------------------- permissions
def test_allowed_inspectors_to_visit_is_receiving_inspectors() -> None:
    found = events("Iraq allowed IAEA inspectors to tour a missile plant near Mosul.")
    event = only("Iraq allowed IAEA inspectors to tour a missile plant near Mosul.", "RETREAT")
    assert event.cameo == "0862"
    assert texts(event.source) == ["Iraq"]
    assert texts(event.target) == ["IAEA inspectors"]
    assert not [e for e in found if e.predicate == "tour"]


def test_permitted_aid_convoys() -> None:
    event = only("The rebels permitted aid convoys to enter the besieged town.", "RETREAT")
    assert event.cameo == "0863"


def test_an_act_allowed_to_others_stays_an_act() -> None:
    found = events("The commander allowed a militia to carry out a massacre in the village.")
    assert [e for e in found if e.plover_type == "ASSAULT"]


# ---------------------------------------------------------------- ultimatums
@pytest.mark.parametrize("text", [
    "The junta gave the French envoy 48 hours to leave the country.",
    "The army gave the gunmen until Sunday to surrender or face an assault.",
])
def test_time_given_for_a_demanded_act_is_an_ultimatum(text: str) -> None:
    found = events(text)
    event = only(text, "THREATEN")
    assert event.cameo == "139"
    assert not [e for e in found if e.plover_type in ("RETREAT", "ASSAULT")]


@pytest.mark.parametrize("text", [
    "The council gave residents two weeks to comment on the plan.",
    "The judge gave him ten years in prison.",
])
def test_time_given_for_other_things_is_no_ultimatum(text: str) -> None:
    assert not [e for e in events(text) if e.plover_type == "THREATEN"]


# ---------------------------------------------------------------- cargo and cooperation
def test_ships_loaded_with_relief_are_aid() -> None:
    event = only("Algeria sent three ships loaded with 500 tonnes of flour and medicine to Libya.", "AID")
    assert texts(event.source) == ["Algeria"]
    assert texts(event.target) == ["Libya"]


def test_ships_loaded_with_drugs_are_no_aid() -> None:
    assert not [e for e in events("The gang sent boats loaded with cocaine to Spain.") if e.plover_type == "AID"]


@pytest.mark.parametrize(("text", "cameo"), [
    ("Egypt and Sudan began joint production of armoured vehicles.", "061"),
    ("The Thai navy escorted Cambodian fishing boats across the gulf.", "062"),
    ("Russia started pumping gas to Serbia through the new pipeline.", "061"),
])
def test_cooperation_acts(text: str, cameo: str) -> None:
    assert only(text, "COOPERATE").cameo == cameo


def test_help_asked_for_escorting_is_not_the_escort() -> None:
    found = events("Manila has not asked Washington for help in escorting fishing boats to the reef.")
    assert not [e for e in found if e.plover_type == "COOPERATE"]


def test_a_news_outlets_own_inquiry_is_no_event() -> None:
    assert not [e for e in events("An investigation by the Associated Press revealed the scale of the smuggling.")
                if e.plover_type == "ACCUSE"]
