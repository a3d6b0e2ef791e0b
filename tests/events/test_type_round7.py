"""Seventh type round: protests that voice demands, protection, talks broken off, easing nouns, resignations
under pressure, crowd property damage; news and research outlets as attributions (sentences written for
these tests)."""

import pytest
from coded import top_typed as top

import heron
from heron.records import Event


def events_of(text: str) -> list[Event]:
    return heron.extract(text, published="2024-05-06")




@pytest.mark.parametrize("text", [
    "Thousands of nurses gathered outside the health ministry in Lima to demand better wages.",
    "Hundreds of students marched through Dhaka to protest against the new quota rules.",
])
def test_a_crowd_gathering_to_demand_is_a_protest(text: str) -> None:
    assert top(text).plover_type == "PROTEST"


def test_property_ransacked_by_protesters_is_a_riot() -> None:
    event = top("Angry protesters in Lagos ransacked the offices of the electoral commission.")
    assert (event.plover_type, event.cameo) == ("PROTEST", "145")


def test_troops_deployed_to_protect_civilians_is_protection() -> None:
    event = top("Tanzania deployed troops to protect civilians in eastern Congo.")
    assert (event.plover_type, event.cameo) == ("AID", "074")


def test_troops_deployed_without_protection_stay_a_mobilisation() -> None:
    assert top("Tanzania deployed troops to the border with Mozambique.").plover_type == "MOBILIZE"


@pytest.mark.parametrize("text", [
    "The rebel delegation pulled out of the peace talks in Nairobi.",
    "The opposition withdrew from the negotiations with the government.",
])
def test_leaving_talks_halts_negotiations(text: str) -> None:
    event = top(text)
    assert (event.plover_type, event.cameo) == ("SANCTION", "164")


@pytest.mark.parametrize(("text", "cameo"), [
    ("Canada announced an easing of sanctions on Syrian banks.", "085"),
    ("The interior ministry announced the lifting of the curfew in Bamako.", "0813"),
])
def test_easing_nouns_are_coded_as_their_verb(text: str, cameo: str) -> None:
    event = top(text)
    assert (event.plover_type, event.cameo) == ("RETREAT", cameo)


def test_resigning_in_response_to_demands_is_a_concession() -> None:
    event = top("The Bolivian health minister stepped down in response to demands from doctors.")
    assert (event.plover_type, event.cameo) == ("CONCEDE", "0831")


def test_an_agreement_to_concede_under_pressure_stays_an_intent() -> None:
    assert top("The Togolese president agreed to a new electoral calendar after weeks of protests.").plover_type == "AGREE"


def test_an_investigation_by_a_news_outlet_is_no_event() -> None:
    events = events_of("An investigation by Animal Politico found that officials diverted public funds.")
    assert not any(e.predicate.lower().startswith("investigation") for e in events)


def test_an_outlet_after_its_reporting_verb_is_no_party() -> None:
    """The outlet is the speaker, and an outlet's report is no event (test_news_attribution.py); it is
    never taken for the target of what it reports."""
    events = events_of("Ramirez was a partner in a company established in Monterrey, reported Proceso.")
    assert not any(e.predicate == "reported" for e in events)
    assert not any(a.text == "Proceso" for e in events for a in e.target)


def test_an_outlet_told_something_is_the_addressee() -> None:
    events = events_of("The governor told Prensa Libre that the prison would be closed.")
    told = next(e for e in events if e.predicate == "told")
    assert [a.sector for a in told.source] == ["government"]
    assert [a.text for a in told.target] == ["Prensa Libre"]


def test_the_security_service_is_intelligence() -> None:
    event = top("The security service detained two opposition activists in Minsk.")
    assert event.source[0].sector == "intelligence"


def test_a_deployment_to_protect_only_hinted_at_is_a_threat() -> None:
    text = "The Albanian defence minister suggested that soldiers could be sent into the valley to protect Albanians."
    assert top(text).plover_type == "THREATEN"
