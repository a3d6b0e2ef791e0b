"""Which words a coded event reports as its target (sentences written for these tests).

The conventions follow how annotators mark targets: the noun phrase the act is directed at, with its
quantifiers and place modifiers but without relative clauses; a thing given, eased or imposed stands
for where it goes; an event noun ("the bombings", "a mediation effort") for whom it names.
"""

import heron
from heron.records import Event


def top(text: str) -> Event:
    events = heron.extract(text, published="2024-05-06")
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def targets(text: str) -> list[str]:
    return [actor.text for actor in top(text).target]


def test_an_event_noun_stands_for_the_place_it_names() -> None:
    assert targets("Islamic State claimed responsibility for the bombings in Karachi.") == ["Karachi"]


def test_a_mediation_effort_targets_the_parties_between_which_it_mediates() -> None:
    assert targets("Norway launched a mediation effort between Colombia and Venezuela.") == ["Colombia", "Venezuela"]


def test_a_counted_group_is_one_target_with_its_count() -> None:
    assert targets("Security forces detained dozens of students in Tbilisi on Tuesday.") == [
        "dozens of students in Tbilisi"
    ]
    assert targets("South Korean prosecutors opened fraud investigations against hundreds of companies.") == [
        "hundreds of companies"
    ]


def test_what_is_eased_or_declared_applies_to_a_place() -> None:
    assert targets("The transitional council lifted the state of emergency in northern parts of Mali.") == [
        "northern parts of Mali"
    ]
    assert targets("The Vietnamese government declared a ceasefire effective from Monday in Laos.") == ["Laos"]


def test_troops_sent_or_mobilised_are_the_source_s_own() -> None:
    assert targets("Turkey mobilized troops for an operation against Syria.") == ["Syria"]
    assert targets("Peru deployed 200 troops to the UN peacekeeping mission in the Central African Republic.") == [
        "the Central African Republic"
    ]


def test_a_returned_object_goes_to_its_recipient_past_a_relative_clause() -> None:
    event = top("Kenya returned 30 stolen artefacts that were looted in the colonial era to Ethiopia.")
    assert [a.text for a in event.target] == ["Ethiopia"]
    assert [a.country for a in event.target] == ["ETH"]


def test_a_threat_targets_what_the_threatened_attack_would_hit() -> None:
    assert targets("Pakistan threatened to attack any Indian troops that cross the border.") == ["any Indian troops"]


def test_charges_denied_are_directed_at_their_author_even_when_the_parse_hangs_by_on_the_verb() -> None:
    event = top("The Zambian government Monday denied charges by Amnesty International that it tortured activists.")
    assert event.cameo == "016"
    assert [a.text for a in event.target] == ["Amnesty International"]


def test_a_comment_targets_what_it_is_about() -> None:
    assert targets("The minister expressed pessimism about the outcome of the talks.") == ["the outcome of the talks"]


def test_recipients_of_what_is_given_are_kept_even_when_unknown() -> None:
    assert targets("The city is considering giving money directly to municipal police services.") == [
        "municipal police services"
    ]


def test_a_visit_arriving_in_a_place_targets_the_place() -> None:
    assert targets("The president arrived in Nairobi on Monday.") == ["Nairobi"]


def test_where_a_person_is_does_not_belong_to_the_mention() -> None:
    assert targets("The ministry summoned the Danish ambassador in Ankara.") == ["the Danish ambassador"]


def test_a_description_after_a_place_name_is_not_part_of_it() -> None:
    assert targets("Iraqi aircraft struck Mosul, the largest city in northern Iraq, on Sunday.") == ["Mosul"]


def test_an_abbreviation_in_brackets_keeps_its_closing_bracket() -> None:
    assert targets("Thailand imposed sanctions on the Central African Republic (CAR) last year.") == [
        "the Central African Republic (CAR)"
    ]


def test_a_grant_goes_to_its_recipient_not_its_donor() -> None:
    event = top("A grant of 50 million dollars from the African Development Bank to Malawi was approved yesterday.")
    assert [a.text for a in event.target] == ["Malawi"]


def test_a_time_after_by_is_not_an_author() -> None:
    event = top("Mali ordered the withdrawal of the UN peacekeeping mission, MINUSMA, by the end of the year.")
    assert [a.text for a in event.target] == ["the UN peacekeeping mission, MINUSMA"]
