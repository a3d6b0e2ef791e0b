"""How far a participant's mention reaches around coordinations, split subjects and act nouns, as the
role annotators mark it (sentences written for these tests)."""

import spacy
from coded import countries, texts, top
from spacy.tokens import Doc

from heron.events.mentions import join_split_subjects
from heron.records import Actor


def test_parties_acting_together_stay_separate_mentions_with_their_own_codes() -> None:
    # the role gold marks "Peru and Chile" as one span here; each party keeps its own mention instead
    event = top("Peru and Chile signed a trade agreement.")
    assert texts(event.source) == ["Peru", "Chile"]
    assert countries(event.source) == ["PER", "CHL"]


def test_coordinated_common_noun_subjects_stay_separate_participants() -> None:
    event = top("Kenyan police and soldiers arrested dozens of protesters.")
    assert len(event.source) == 2 and event.source[0].text.startswith("Kenyan police")


def test_named_subjects_of_an_act_with_a_target_stay_separate_mentions() -> None:
    event = top("Germany and France condemned Russia.")
    assert texts(event.source) == ["Germany", "France"]
    assert countries(event.target) == ["RUS"]


def test_a_coordinated_subject_of_two_countries_forces_stays_two_participants() -> None:
    event = top("Ethiopian troops and Eritrean soldiers attacked the town.")
    assert texts(event.source) == ["Ethiopian troops", "Eritrean soldiers"]
    assert countries(event.source) == ["ETH", "ERI"]


def test_coordinated_objects_stay_separate_mentions() -> None:
    event = top("Nigerian police arrested students and teachers in Lagos.")
    assert texts(event.target) == ["students", "teachers"]


def test_what_an_act_asks_for_is_not_part_of_the_act_mention() -> None:
    event = top("Chile rejected Bolivia's request for talks.")
    assert texts(event.target) == ["Bolivia's request"]
    assert countries(event.target) == ["BOL"]


def split_subject_parse(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_subject_the_parser_splits_in_two_is_one_mention() -> None:
    # the parse some sentences get: "rebel" and "Army" both subjects of "attacked"
    doc = split_subject_parse(
        ["The", "rebel", "Arakan", "Army", "attacked", "the", "town", "."],
        [1, 4, 3, 4, 4, 6, 4, 4],
        ["det", "nsubj", "compound", "nsubj", "ROOT", "det", "dobj", "punct"],
    )
    title = Actor(text="The rebel", start=0, end=9, sector="rebels")
    name = Actor(text="Arakan Army", start=10, end=21, name="Arakan Army", country="MMR")
    joined, heads = join_split_subjects([title, name], [doc[1], doc[3]])
    assert [(a.text, a.start, a.end) for a in joined] == [("The rebel Arakan Army", 0, 21)]
    assert [(a.name, a.country, a.sector) for a in joined] == [("Arakan Army", "MMR", "rebels")]
    assert heads == [doc[1]]


def test_subjects_with_a_comma_between_them_stay_two_mentions() -> None:
    doc = split_subject_parse(
        ["Mali", ",", "Niger", "attacked", "the", "town", "."],
        [3, 0, 3, 3, 5, 3, 3],
        ["nsubj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"],
    )
    first = Actor(text="Mali", start=0, end=4, country="MLI")
    second = Actor(text="Niger", start=7, end=12, country="NER")
    joined, _ = join_split_subjects([first, second], [doc[0], doc[2]])
    assert texts(joined) == ["Mali", "Niger"]


# Where a participant is: the role gold leaves "in <place>" out when the participant's own words say
# whose it is, and keeps it when the place is what places an anonymous one.

def test_a_site_is_left_out_of_a_mention_that_names_its_own_country() -> None:
    event = top("Rebels shelled a Nigerian army post in northern Borno state.")
    assert texts(event.target) == ["a Nigerian army post"]
    assert countries(event.target) == ["NGA"]


def test_a_site_is_left_out_of_a_possessor_named_mention() -> None:
    event = top("The ministry summoned Sweden's consul in Gdansk.")
    assert texts(event.target) == ["Sweden's consul"]


def test_a_site_stays_in_the_mention_of_people_it_places() -> None:
    event = top("Gunmen killed at least twelve villagers in northern Mali.")
    assert texts(event.target) == ["at least twelve villagers in northern Mali"]
    event = top("Militants attacked dozens of shoppers in Peshawar.")
    assert texts(event.target) == ["dozens of shoppers in Peshawar"]


# Appositions: a person's apposition says who they are; a place's or thing's only describes it.

def test_a_persons_descriptive_apposition_stays_in_the_mention() -> None:
    event = top("Police detained Karim Osei, a well-known opposition lawmaker.")
    assert texts(event.target) == ["Karim Osei, a well-known opposition lawmaker"]


def test_a_description_set_off_after_an_organisation_is_left_out() -> None:
    event = top("The government froze the assets of the Harbor Trust, a charity based in Lagos.")
    assert texts(event.target) == ["the Harbor Trust"]


# The full stop of a sentence that ends on an abbreviation closes the sentence, not the name.

def test_a_sentence_final_abbreviation_leaves_the_full_stop_out() -> None:
    sentence = "France imposed new tariffs on the U.K."
    target = top(sentence).target[0]
    assert target.text == "the U.K"
    assert sentence[target.start : target.end] == "the U.K"
    assert texts(top("Workers went on strike against Acme Holdings Inc.").target) == ["Acme Holdings Inc"]


def test_an_abbreviation_inside_a_sentence_keeps_its_period() -> None:
    assert texts(top("France criticised the U.K. government on Monday.").target) == ["the U.K. government"]
    assert texts(top("France imposed new tariffs on the U.K. on Monday.").target) == ["the U.K."]


# What a mention is "on" is its topic or where it stands, not part of it; an attack's "on" is whom it hits.

def test_what_an_act_noun_is_on_is_left_out_of_its_mention() -> None:
    event = top("Brazil rejected Argentina's proposal on fishing quotas.")
    assert texts(event.target) == ["Argentina's proposal"]
    assert countries(event.target) == ["ARG"]
    assert texts(top("Spain criticised the Italian minister's remarks on migration.").target) == [
        "the Italian minister's remarks"
    ]


def test_where_a_group_stands_on_is_left_out_of_its_mention() -> None:
    assert texts(top("Students clashed with police on the streets of Dhaka late Sunday.").target) == ["police"]


def test_an_attack_keeps_whom_it_is_on() -> None:
    assert texts(top("A suicide attack on a police convoy killed nine officers.").source) == [
        "A suicide attack on a police convoy"
    ]


# What someone is accused of is the charge, not part of who they are.

def test_the_charge_of_an_accusation_is_left_out_of_the_accused() -> None:
    event = top("Human Rights Watch accused the Ethiopian army of mass killings.")
    assert texts(event.target) == ["the Ethiopian army"]
    assert countries(event.target) == ["ETH"]
    event = top("China dismissed accusations by Japan of airspace violations.")
    assert texts(event.target) == ["Japan"]


def test_an_of_phrase_naming_the_accused_stays_in_the_mention() -> None:
    event = top("Kenya accused the government of Uganda of smuggling.")
    assert texts(event.target) == ["the government of Uganda"]
    assert countries(event.target) == ["UGA"]


def test_a_charge_is_an_act_not_the_group_an_of_phrase_names() -> None:
    event = top("Prosecutors accused leaders of one of the country's main criminal groups of ordering the murders.")
    assert texts(event.target) == ["leaders of one of the country's main criminal groups"]
    assert texts(top("Venezuela accused the U.S. of high-ranking involvement in the drug trade.").target) == ["the U.S."]


def test_a_name_keeps_its_own_on() -> None:
    event = top("The health ministry praised the National Commission on Drug Abuse for its report.")
    assert texts(event.target) == ["the National Commission on Drug Abuse"]


def test_an_adjective_phrase_after_the_noun_s_own_modifier_is_left_out_but_one_right_after_it_stays() -> None:
    assert texts(top("Rebels loyal to the former president freed 20 prisoners.").source) == [
        "Rebels loyal to the former president"
    ]
    event = top("The EU called for sanctions against the entities in Myanmar responsible for the crackdown.")
    assert texts(event.target) == ["the entities in Myanmar"]


def test_people_acted_on_keep_the_place_that_says_which_ones_but_a_subject_or_one_person_does_not() -> None:
    assert texts(top("The gang threatened journalists in Honduras.").target) == ["journalists in Honduras"]
    assert texts(top("Protest leaders in Khartoum agreed to end the strike.").source) == ["Protest leaders"]
    assert texts(top("The ministry summoned the Danish ambassador in Ankara.").target) == ["the Danish ambassador"]


# Lists inside one mention: each listed actor is a participant of its own.

def test_people_in_a_list_of_places_are_the_people_of_each_place() -> None:
    event = top("The agency sent food aid to refugees in Sudan, Ethiopia and Uganda.")
    assert texts(event.target) == ["refugees in Sudan", "Ethiopia", "Uganda"]
    assert countries(event.target) == ["SDN", "ETH", "UGA"]
    # the places stand for their people, not their governments
    assert {actor.sector for actor in event.target} == {"refugees"}


def test_places_after_people_with_their_own_country_or_one_person_are_only_where_they_are() -> None:
    assert countries(top("Militants attacked US troops in Iraq and Afghanistan.").target) == ["USA"]
    assert texts(top("The rebels met the envoy in Chad and Sudan.").target) == ["the envoy"]


def test_a_name_set_off_before_the_last_item_of_a_list_is_an_item_not_an_apposition() -> None:
    event = top("The minister praised the Ghana Police, Bureau of National Investigations (BNI) and the army.")
    assert texts(event.target) == ["the Ghana Police", "Bureau of National Investigations (BNI)", "the army"]


def test_a_named_office_keeps_the_place_that_says_which_one() -> None:
    assert texts(top("The U.S. Attorney's Office in Boston charged the company.").source) == [
        "The U.S. Attorney's Office in Boston"
    ]
    assert texts(top("Gunmen attacked the Russian Embassy in Kabul.").target) == ["the Russian Embassy in Kabul"]
