"""Phrase boundaries and resolution on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from heron.actors import ActorResolver
from heron.records import Actor


def token(doc: Doc, text: str, occurrence: int = 0) -> Token:
    found = [t for t in doc if t.text == text]
    return found[occurrence]


def actor_for(resolver: ActorResolver, doc: Doc, head_text: str, when: date | None = None,
              occurrence: int = 0) -> Actor | None:
    ctx = resolver.scan_document(doc)
    span = resolver.phrase_for(token(doc, head_text, occurrence))
    actor = resolver.resolve(span, ctx, when)
    if actor is not None:
        assert doc.text[actor.start : actor.end] == actor.text == span.text
    return actor


def summary(actor: Actor | None) -> tuple[str | None, str | None, str | None, str | None] | None:
    return None if actor is None else (actor.name, actor.country, actor.sector, actor.org)


@pytest.mark.parametrize(
    ("sentence", "head", "phrase"),
    [
        ("State Department spokesman Ned Price said the talks failed.", "Price",
         "State Department spokesman Ned Price"),
        ("The Russian Foreign Ministry issued a statement on Monday.", "Ministry", "The Russian Foreign Ministry"),
        ("A Swiss court that met on Friday rejected the appeal.", "court", "A Swiss court"),
        ("The head of the Russian delegation to the Vienna talks said no.", "head",
         "The head of the Russian delegation"),
        ("Aides to the presidents of Russia and the United States held talks.", "Aides",
         "Aides to the presidents of Russia and the United States"),
        ("Russian troops and Ukrainian police clashed near the border.", "troops", "Russian troops"),
        ("The proposals on security guarantees were rejected.", "proposals", "The proposals"),
    ],
)
def test_phrase_for(nlp: Language, resolver: ActorResolver, sentence: str, head: str, phrase: str) -> None:
    doc = nlp(sentence)
    assert resolver.phrase_for(token(doc, head)).text == phrase


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("The Kremlin rejected the plan.", "Kremlin", ("Kremlin", "RUS", "government", None)),
        ("The White House welcomed the deal.", "House", ("White House", "USA", "government", None)),
        ("The Pentagon denied the report.", "Pentagon", ("Pentagon", "USA", "military", None)),
        ("Moscow warned Kyiv on Tuesday.", "Moscow", ("Russia", "RUS", "government", None)),
        ("Moscow warned Kyiv on Tuesday.", "Kyiv", ("Ukraine", "UKR", "government", None)),
        ("Brussels fined the company.", "Brussels", ("European Union", None, "igo", "EU")),
        ("The United States imposed sanctions.", "States", ("United States", "USA", "government", None)),
        ("The US document states that troops must leave.", "document", ("United States", "USA", "government", None)),
        ("Russian troops shelled the town.", "troops", ("Russia", "RUS", "military", None)),
        ("Iraqi police arrested two men.", "police", ("Iraq", "IRQ", "police", None)),
        ("A Swiss court that met on Friday rejected the appeal.", "court", ("Switzerland", "CHE", "judiciary", None)),
        ("The Russian Foreign Ministry issued a statement.", "Ministry", ("Russia", "RUS", "government", None)),
        ("Portuguese President Mario Soares visited Angola.", "Soares", ("Mario Soares", "PRT", "government", None)),
        ("Rebel commanders rejected the ceasefire.", "commanders", (None, None, "rebels", None)),
        ("A police spokesman confirmed the arrests.", "spokesman", (None, None, "police", None)),
        ("NATO expanded its presence in the east.", "NATO", ("NATO", None, "igo", "NATO")),
        ("The OSCE sent monitors.", "OSCE", ("OSCE", None, "igo", "OSCE")),
        ("The UN Security Council met on Friday.", "Council", ("UN Security Council", None, "igo", "UNSC")),
        ("Reuters reported the attack.", "Reuters", ("Reuters", "GBR", "media", None)),
        ("Protesters blocked the road.", "Protesters", (None, None, "activists", None)),
        ("Kurdish fighters took the village.", "fighters", (None, None, "rebels", None)),
        ("Zelensky met Scholz in Berlin.", "Scholz", ("Olaf Scholz", "DEU", "government", None)),
    ],
)
def test_resolve(nlp: Language, resolver: ActorResolver, sentence: str, head: str, expected: tuple) -> None:
    doc = nlp(sentence)
    assert summary(actor_for(resolver, doc, head, date(2022, 6, 1))) == expected


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The proposals were rejected.", "proposals"),
        ("The situation remains tense.", "situation"),
        ("Security guarantees were discussed.", "guarantees"),
        ("The document was published.", "document"),
        ("They rejected the plan.", "They"),
        ("Officials met in the Vienna talks.", "talks"),
        ("We asked them about military bases.", "bases"),
    ],
)
def test_non_actors_resolve_to_none(nlp: Language, resolver: ActorResolver, sentence: str, head: str) -> None:
    doc = nlp(sentence)
    assert actor_for(resolver, doc, head) is None


def test_lowercase_us_is_not_a_country(nlp: Language, resolver: ActorResolver) -> None:
    doc = nlp("They told us to leave.")
    assert actor_for(resolver, doc, "us") is None


def test_document_context_surname_title_and_pronoun(nlp: Language, resolver: ActorResolver) -> None:
    doc = nlp(
        "US Secretary of State Anthony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva. "
        "Blinken said the talks were useful. Later he flew home. "
        "The Secretary of State also called Kuleba."
    )
    ctx = resolver.scan_document(doc, date(2022, 1, 21))
    when = date(2022, 1, 21)
    blinken_again = resolver.resolve(resolver.phrase_for(token(doc, "Blinken", 1)), ctx, when)
    assert summary(blinken_again) == ("Antony Blinken", "USA", "government", None)
    lavrov = resolver.resolve(resolver.phrase_for(token(doc, "Lavrov")), ctx, when)
    assert summary(lavrov) == ("Sergei Lavrov", "RUS", "government", None)
    pronoun = resolver.resolve(resolver.phrase_for(token(doc, "he")), ctx, when)
    assert summary(pronoun) == ("Antony Blinken", "USA", "government", None)
    assert (pronoun.text, pronoun.start) == ("he", token(doc, "he").idx)
    secretary = resolver.resolve(resolver.phrase_for(token(doc, "Secretary", 1)), ctx, when)
    assert secretary is not None and secretary.name == "Antony Blinken"
    kuleba = resolver.resolve(resolver.phrase_for(token(doc, "Kuleba")), ctx, when)
    assert summary(kuleba) == ("Dmytro Kuleba", "UKR", "government", None)


def test_unknown_person_takes_country_and_sector_from_apposition(nlp: Language, resolver: ActorResolver) -> None:
    doc = nlp("Konstantin Gavrilov, head of the Russian delegation to the Vienna talks, said Moscow "
              "would respond. Gavrilov added that talks were over.")
    ctx = resolver.scan_document(doc)
    first = resolver.resolve(resolver.phrase_for(token(doc, "Gavrilov")), ctx)
    later = resolver.resolve(resolver.phrase_for(token(doc, "Gavrilov", 1)), ctx)
    assert summary(first) == summary(later) == ("Konstantin Gavrilov", "RUS", "government", None)
    assert later.text == "Gavrilov"


def test_alliance_means_nato_only_when_nato_is_named(nlp: Language, resolver: ActorResolver) -> None:
    with_nato = nlp("NATO leaders met in Madrid. The Alliance agreed to send more troops.")
    without = nlp("The Alliance agreed to send more troops.")
    assert summary(actor_for(resolver, with_nato, "Alliance")) == ("NATO", None, "igo", "NATO")
    unnamed = actor_for(resolver, without, "Alliance")
    assert unnamed is None or unnamed.org is None


def test_dates_pick_the_office(nlp: Language, resolver: ActorResolver) -> None:
    doc = nlp("Jens Stoltenberg spoke in Oslo.")
    in_2020 = actor_for(resolver, doc, "Stoltenberg", date(2020, 3, 1))
    in_2010 = actor_for(resolver, doc, "Stoltenberg", date(2010, 3, 1))
    assert summary(in_2020) == ("Jens Stoltenberg", None, "igo", "NATO")
    assert summary(in_2010) == ("Jens Stoltenberg", "NOR", "government", None)
    taliban = nlp("The Taliban seized the city.")
    assert actor_for(resolver, taliban, "Taliban", date(2019, 1, 1)).sector == "rebels"
    assert actor_for(resolver, taliban, "Taliban", date(2023, 1, 1)).sector == "government"
