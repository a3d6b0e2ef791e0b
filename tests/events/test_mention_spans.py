"""How far a participant's mention reaches around coordinations, split subjects and act nouns, as the
role annotators mark it (sentences written for these tests)."""

import spacy
from coded import countries, targets, texts, top
from spacy.tokens import Doc

import heron
from heron.events.mentions import join_split_subjects, mention_span
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


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_title_whose_and_the_parse_hung_on_its_head_stays_one_mention() -> None:
    # "Industry" read as a conjunct of "Minister" and "of the Kingdom ..." as the minister's own phrase
    words = ["with", "Minister", "of", "Trade", "and", "Industry", "of", "the", "Kingdom", "of", "Spain", "Ana", "Ruiz"]
    doc = parsed(
        words,
        [0, 0, 1, 2, 1, 1, 1, 8, 6, 8, 12, 12, 9],
        ["ROOT", "pobj", "prep", "pobj", "cc", "conj", "prep", "det", "pobj", "prep", "compound", "compound", "pobj"],
        ["ADP", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN", "PROPN", "PROPN"],
        ["O", "O", "O", "O", "O", "O", "O", "B-GPE", "I-GPE", "O", "O", "B-PERSON", "I-PERSON"],
    )
    assert mention_span(doc[1], doc[1:2], {}).text == " ".join(words[1:])


def test_a_conjunct_with_its_own_determiner_is_no_part_of_the_title() -> None:
    doc = parsed(
        ["with", "Minister", "of", "Trade", "and", "the", "Governor", "of", "Spain"],
        [0, 0, 1, 2, 1, 6, 1, 1, 7],
        ["ROOT", "pobj", "prep", "pobj", "cc", "det", "conj", "prep", "pobj"],
        ["ADP", "PROPN", "ADP", "PROPN", "CCONJ", "DET", "PROPN", "ADP", "PROPN"],
        ["O"] * 9,
    )
    assert mention_span(doc[1], doc[1:2], {}).text.startswith("Minister of Trade") and \
        "Governor" not in mention_span(doc[1], doc[1:2], {}).text


def test_a_name_whose_end_the_parse_hung_on_the_verb_is_whole_with_its_short_form() -> None:
    words = ["backed", "the", "Plan", "of", "Action", "to", "End", "Abuse", "of", "Children", "(", "PEAC", ")", "."]
    doc = parsed(
        words,
        [0, 2, 0, 2, 3, 0, 7, 5, 7, 8, 9, 9, 9, 0],
        ["ROOT", "det", "dobj", "prep", "pobj", "prep", "compound", "pobj", "prep", "pobj", "punct", "appos", "punct",
         "punct"],
        ["VERB", "DET", "PROPN", "ADP", "PROPN", "ADP", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT",
         "PUNCT"],
        ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O"],
    )
    assert [t.text for t in mention_span(doc[2], doc[1:3], {})] == words[1:13]


def test_a_persons_name_split_in_two_by_the_recogniser_is_one_mention_but_not_over_a_possessive() -> None:
    words = ["met", "the", "President", "Ali", "Hassan", "Omar", "Farah", "today"]
    heads = [0, 2, 0, 4, 2, 6, 0, 0]
    deps = ["ROOT", "det", "dobj", "compound", "appos", "compound", "dobj", "npadvmod"]
    pos = ["VERB", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "NOUN"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "B-DATE"]
    doc = parsed(words, heads, deps, pos, ents)
    assert mention_span(doc[2], doc[1:3], {}).text == "the President Ali Hassan Omar Farah"
    owner = parsed(["met", "Ali", "Hassan", "Omar", "Farah", "'s", "aide"], [0, 2, 0, 4, 6, 4, 0],
                   ["ROOT", "compound", "dobj", "compound", "poss", "case", "dobj"],
                   ["VERB", "PROPN", "PROPN", "PROPN", "PROPN", "PART", "NOUN"],
                   ["O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O", "O"])
    assert mention_span(owner[2], owner[1:3], {}).text == "Ali Hassan"


def test_a_mission_a_country_keeps_abroad_keeps_its_place() -> None:
    # the country says whose embassy, the place says which one
    assert targets("Protesters threw stones at the British Embassy in Tehran.") == ["the British Embassy in Tehran"]
    event = top("The U.S. Attorney's Office in Boston charged two men with fraud.")
    assert texts(event.source) == ["The U.S. Attorney's Office in Boston"]
    assert countries(event.source) == ["USA"]


def test_a_named_group_keeps_the_place_the_parse_hung_on_the_act_noun() -> None:
    assert targets("Jordanian jets carried out strikes against Islamic State in Syria.") == ["Islamic State in Syria"]


# Clauses and phrases that say which people are meant: the role gold keeps them after people named only
# as people and after participles that locate, name or employ a party; other clauses stay out.

def test_a_restrictive_clause_after_people_named_only_as_people_belongs_to_the_mention() -> None:
    assert targets("The charity sent food to people who had lost their homes.") == [
        "people who had lost their homes"]
    assert targets("The UN appealed for aid to help people affected by the floods in the north.") == [
        "people affected by the floods in the north"]


def test_a_participle_that_locates_names_or_employs_a_party_belongs_to_the_mention() -> None:
    assert targets("The group threatened British forces based in Basra.") == ["British forces based in Basra"]
    assert targets("The government banned the group known as the Red Brigade.") == [
        "the group known as the Red Brigade"]
    event = top("Gunmen kidnapped two aid workers employed by the World Food Programme.")
    assert texts(event.target) == ["two aid workers employed by the World Food Programme"]
    assert event.target[0].sector == "ngo"


def test_other_clauses_and_asides_stay_out_of_the_mention() -> None:
    assert targets("Police arrested a man held in jail for a year.") == ["a man"]
    assert targets("Police detained German journalist Anna Berg, who was arrested last year on terrorism charges.") \
        == ["German journalist Anna Berg"]


def test_where_people_are_says_which_ones_even_when_the_parse_hangs_it_on_the_verb() -> None:
    assert targets("The police fired on protesters in the southeast of the country.") == [
        "protesters in the southeast of the country"]
    assert targets("The army attacked Kurdish fighters across the border in northern Syria.") == [
        "Kurdish fighters across the border in northern Syria"]
    assert targets("Police arrested the workers at the steel plant of Acme Industries.") == [
        "the workers at the steel plant of Acme Industries"]


def test_a_purpose_or_an_occasion_hung_on_the_verb_is_not_where_people_are() -> None:
    assert targets("Israeli jets struck Syrian rebels in an attempt to end the siege.") == ["Syrian rebels"]
    assert targets("The president met other rights activists at a meeting on an island near Istanbul.") == [
        "other rights activists"]


def test_an_identifying_clause_stops_at_an_aside() -> None:
    assert targets("Police raided properties linked to the suspect, who now faces extradition.") == [
        "properties linked to the suspect"]


def test_a_quoted_alias_keeps_its_closing_quotation_mark() -> None:
    assert targets('Soldiers captured the smuggler known as "El Zorro" near the border.')[0].startswith(
        'the smuggler known as "El Zorro"')


def test_a_quoted_alias_keeps_its_closing_curly_quotation_mark() -> None:
    assert targets("Soldiers captured the smuggler known as \u201cEl Zorro\u201d near the border.")[0].startswith(
        "the smuggler known as \u201cEl Zorro\u201d")


def test_a_comma_inside_the_quotes_of_an_alias_stays_out_of_the_mention() -> None:
    assert targets('Marines killed a guerrilla commander alias "Tigre," in a raid.') == [
        'a guerrilla commander alias "Tigre']


def test_forces_surrendered_to_keep_the_place_that_says_which_ones() -> None:
    assert targets("Forty guerrillas surrendered to the army in Mindanao.") == ["the army in Mindanao"]


def test_a_clause_kept_in_a_mention_keeps_its_stranded_preposition_but_not_its_time() -> None:
    assert targets("Soldiers detained the people we spoke to.") == ["the people we spoke to"]
    assert targets("Police arrested people who the gang relied on.") == ["people who the gang relied on"]
    # a time dates the act, not the people
    assert targets("Police arrested 300 people suspected of links to organized crime in 2011.") == [
        "300 people suspected of links to organized crime"
    ]


def test_an_in_phrase_the_verb_takes_does_not_say_which_people() -> None:
    assert targets("Witnesses implicated local officials in the massacre.") == ["local officials"]
    assert targets("Police arrested others in his party.") == ["others in his party"]
    assert targets("They were close to implicating senior officials in the drug trade.") == ["senior officials"]


def test_a_hyphenated_word_the_parse_split_is_one_participant() -> None:
    # the parse reads "ex-ministers" as three sibling objects "ex", "-", "ministers"
    assert targets("Police arrested two ex-ministers in Harare.") == ["two ex-ministers in Harare"]
    assert targets("The rebels released three ex-soldiers.") == ["three ex-soldiers"]


def test_what_an_attack_is_done_with_is_not_part_of_its_target() -> None:
    assert targets("The army shelled the border regions with artillery.") == ["the border regions"]
    # a vehicle carrying weapons is named by them (ambushed: a seized one is no target, see test_targets)
    assert targets("Rebels ambushed a truck with weapons.") == ["a truck with weapons"]


def test_the_occasion_people_were_caught_in_is_not_which_people() -> None:
    assert targets("Gunmen killed 14 people in coordinated attacks in Lagos.") == ["14 people"]
    # an occasion after anyone else says who they are
    assert targets("Police released the main suspect in the murder case of the journalist.") == [
        "the main suspect in the murder case of the journalist"
    ]


def test_the_grounds_of_an_arrest_are_not_part_of_the_person_arrested() -> None:
    assert targets("Prosecutors arrested a former vice-minister of finance and customs director on bribery charges.") == [
        "a former vice-minister of finance and customs director"
    ]


def test_a_description_of_a_company_named_inside_a_mention_is_an_aside() -> None:
    assert targets("Prosecutors opened fraud investigations against suppliers of Wendt-Gruber, a Dutch valve maker.") == [
        "suppliers of Wendt-Gruber"
    ]
    # who a person is stays
    assert targets("Police arrested the wife of Emil Varga, a rights activist.") == [
        "the wife of Emil Varga, a rights activist"
    ]


def test_a_name_before_a_subjectless_verb_is_its_speaker_not_an_apposition() -> None:
    event = next(e for e in heron.extract(
        "Russia has begun withdrawing its troops from Libya, Defence Minister Sergei Ivanov said on Monday.",
        published="2024-05-06") if e.predicate.startswith("withdrawing"))
    assert texts(event.target) == ["Libya"]
