"""Which date phrase an event takes, and in which direction it is read (sentences written for these tests)."""

from datetime import date

import heron
from heron.records import Event


def typed(events: list[Event], predicate_word: str) -> Event:
    return next(e for e in events if e.plover_type and predicate_word in e.predicate)


def test_future_clause_reads_a_month_day_forward() -> None:
    events = heron.extract("Chile and Peru will sign a fisheries accord in Lima on June 20.", published="2024-06-11")
    event = typed(events, "sign")
    assert event.event_date == date(2024, 6, 20) and event.date_text == "June 20"


def test_past_clause_reads_the_same_month_day_backward() -> None:
    events = heron.extract("Chile and Peru signed a fisheries accord in Lima on June 20.", published="2024-06-11")
    assert typed(events, "signed").event_date == date(2023, 6, 20)


def test_future_clause_reads_a_weekday_forward() -> None:
    events = heron.extract("Farmers in Nairobi will hold a protest march on Friday.", published="2024-06-11")
    assert typed(events, "protest").event_date == date(2024, 6, 14)


def test_expected_to_looks_ahead_but_a_past_vow_dates_the_vow() -> None:
    ahead = heron.extract("The Greek and Turkish foreign ministers are expected to meet in Athens on 20 June.",
                          published="2024-06-11")
    assert typed(ahead, "meet").event_date == date(2024, 6, 20)
    vow = heron.extract("Iran vowed to retaliate against Israel on Monday.", published="2024-06-12")
    assert vow[0].event_date == date(2024, 6, 10)


def test_statement_date_of_a_speaker_stays_in_the_past() -> None:
    events = heron.extract("Kenya's foreign minister said on Monday that Kenya will send troops to Haiti.",
                           published="2024-06-12")
    assert all(e.event_date == date(2024, 6, 10) for e in events if e.date_text == "Monday")


def test_weekend_and_weekday_of_next_week() -> None:
    weekend = heron.extract("Ukrainian forces withdrew from two villages near Avdiivka over the weekend.",
                            published="2024-02-14")
    assert typed(weekend, "withdrew").event_date == date(2024, 2, 10)
    next_week = heron.extract("EU trade ministers will meet in Brussels on Tuesday next week.",
                              published="2024-02-14")
    assert typed(next_week, "meet").event_date == date(2024, 2, 20)


def test_last_month_name_is_the_latest_one_before_publication() -> None:
    events = heron.extract("Serbia expelled two Croatian diplomats last October.", published="2024-02-14")
    event = typed(events, "expelled")
    assert event.event_date == date(2023, 10, 1) and event.date_precision == "month"


def test_participle_clause_gives_its_date_to_the_act() -> None:
    text = ("Armenia released three Azerbaijani soldiers detained in May, handing them over at the border "
            "on Thursday.")
    event = typed(heron.extract(text, published="2024-06-14"), "released")
    assert event.event_date == date(2024, 6, 13) and event.date_text == "Thursday"


def test_year_in_a_clause_about_a_noun_is_not_the_event_date() -> None:
    text = "Moscow demands that NATO withdraw the forces that were stationed in the Baltic states after 2004."
    event = typed(heron.extract(text, published="2024-06-14"), "withdraw")
    assert event.date_text is None and event.date_from_publication


def test_a_paragraph_continues_the_date_of_the_main_clause_last_named() -> None:
    text = ("In March, Sudan's army chief visited Cairo, and in April talks were held in Jeddah. "
            "The two sides failed to agree on a ceasefire.")
    events = heron.extract(text, published="2024-06-14")
    failed = [e for e in events if e.sentence.startswith("The two sides")]
    assert failed and all(e.date_text == "April" for e in failed)


def test_year_in_a_clause_about_the_event_noun_is_its_date() -> None:
    text = "The investigation by Peru's tax agency (SUNAT) -- which began in 2019 -- is examining 40 shell companies."
    event = next(e for e in heron.extract(text, published="2024-06-14") if e.predicate == "investigation")
    assert event.date_text == "2019"


def test_year_of_the_report_an_act_was_done_in_is_its_date() -> None:
    text = "In a report published in 2021, Human Rights Watch accused Nicaraguan police of torturing detainees."
    event = typed(heron.extract(text, published="2024-06-14"), "accused")
    assert event.date_text == "2021"
