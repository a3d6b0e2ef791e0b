"""Who is source and target of a coded event, and which words mention them (sentences written for these tests)."""

import heron
from heron.records import Event


def top(text: str) -> Event:
    events = heron.extract(text, published="2024-05-06")
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def texts(actors) -> list[str]:
    return [a.text for a in actors]


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def test_mention_keeps_the_closing_bracket_of_an_abbreviation() -> None:
    event = top("The Foreign Office (FO) condemned the attack on the embassy.")
    assert texts(event.source) == ["The Foreign Office (FO)"]
    assert countries(event.source) == ["GBR"]


def test_mention_covers_quantifier_and_place_modifier_but_not_the_date() -> None:
    event = top("Police in Lagos detained at least 40 protesters on Monday.")
    assert texts(event.source) == ["Police in Lagos"]
    assert texts(event.target) == ["at least 40 protesters"]


def test_a_measure_lifted_is_not_the_target_but_whom_it_was_imposed_on() -> None:
    event = top("Japan lifted sanctions imposed on Myanmar.")
    assert countries(event.target) == ["MMR"]
    assert texts(event.target) == ["Myanmar"]


def test_things_given_go_to_their_recipient() -> None:
    event = top("Canada donated medical equipment to Kenya.")
    assert event.plover_type == "AID"
    assert countries(event.target) == ["KEN"]


def test_rejected_accusations_are_directed_at_their_author() -> None:
    event = top("Egypt rejected accusations by Ethiopia that it had blocked the talks.")
    assert countries(event.source) == ["EGY"]
    assert countries(event.target) == ["ETH"]


def test_a_rejected_proposal_names_its_author_through_the_possessor() -> None:
    event = top("Rwanda rejected the Ugandan government's proposal.")
    assert texts(event.target) == ["the Ugandan government's proposal"]
    assert countries(event.target) == ["UGA"]


def test_a_curfew_extended_in_a_city_targets_the_city() -> None:
    event = top("The government extended the curfew in Nairobi.")
    assert texts(event.target) == ["Nairobi"]
    assert countries(event.target) == ["KEN"]


def test_sanctions_called_for_against_a_country_target_it() -> None:
    event = top("Ankara called for sanctions against Syria.")
    assert countries(event.source) == ["TUR"]
    assert countries(event.target) == ["SYR"]


def test_a_pronoun_subject_of_a_reported_clause_is_the_speaker() -> None:
    event = top("The Kenyan foreign minister says he will seek help from President Museveni of Uganda.")
    assert texts(event.source) == ["The Kenyan foreign minister"]
    assert countries(event.target) == ["UGA"]


def test_a_hope_is_about_the_subject_of_its_clause() -> None:
    event = top("The Ghanaian government expressed hope that the Electoral Commission will review the results.")
    assert countries(event.source) == ["GHA"]
    assert texts(event.target) == ["the Electoral Commission"]


def test_condolences_go_to_their_addressee_not_the_occasion() -> None:
    event = top("The Chilean government expressed condolences to Peru over the floods.")
    assert countries(event.source) == ["CHL"]
    assert texts(event.target) == ["Peru"]


def test_a_purpose_clause_is_directed_at_whom_the_main_verb_calls() -> None:
    event = top("Chancellor Scholz called President Macron to discuss the budget crisis.")
    assert countries(event.source) == ["DEU"]
    assert countries(event.target) == ["FRA"]


def test_a_ceasefire_declared_in_a_country_targets_the_country() -> None:
    event = top("The rebels declared a unilateral ceasefire in Mozambique on Sunday.")
    assert texts(event.target) == ["Mozambique"]


def test_forces_withdrawn_are_the_sources_own_the_place_is_the_target() -> None:
    event = top("The Indian army withdrew two battalions from Bhutan in March.")
    assert countries(event.source) == ["IND"]
    assert texts(event.target) == ["Bhutan"]


def test_statement_issuer_is_the_source_of_the_call_it_makes() -> None:
    from heron.api import extract

    events = extract("The rights group issued a statement calling on the Kenyan police to release the protesters.",
                     published="2024-03-14")
    request = next(e for e in events if e.plover_type == "REQUEST")
    assert [a.text for a in request.source] == ["The rights group"]


def test_what_does_a_material_act_is_its_source_even_when_unknown() -> None:
    from heron.api import extract

    events = extract("A car bomb killed six soldiers near the border on Monday.", published="2024-03-14")
    attack = next(e for e in events if e.plover_type == "ASSAULT")
    assert [a.text for a in attack.source] == ["A car bomb"]
