"""How far a participant's mention reaches around coordinations, split subjects and act nouns, as the
role annotators mark it (sentences written for these tests)."""

import spacy
from spacy.tokens import Doc

import heron
from heron.events.coder import _join_split_subjects
from heron.records import Actor, Event


def top(text: str) -> Event:
    events = heron.extract(text, published="2024-05-06")
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def texts(actors) -> list[str]:
    return [a.text for a in actors]


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


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
    joined, heads = _join_split_subjects([title, name], [doc[1], doc[3]])
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
    joined, _ = _join_split_subjects([first, second], [doc[0], doc[2]])
    assert texts(joined) == ["Mali", "Niger"]
