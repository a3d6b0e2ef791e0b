"""Weekends, weekdays of a named week, and months named relative to publication ("last November")."""

from __future__ import annotations

from datetime import date

import pytest

from heron.dates import find_dates, resolve_related_month, resolve_weekend

WED = date(2023, 11, 8)
SUN = date(2023, 11, 12)
THU = date(2024, 3, 14)


def summary(text: str, published: date, *, future: bool = False) -> list[tuple[str, date, str]]:
    return [(m.text, m.value, m.precision) for m in find_dates(text, published, future=future)]


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        # a weekday of the week named: the week's Monday plus the weekday
        ("The envoys will meet on Thursday next week.", THU, True, ("Thursday next week", date(2024, 3, 21))),
        ("The envoys met on Monday last week.", THU, False, ("Monday last week", date(2024, 3, 4))),
        ("The vote is on Friday this week.", THU, True, ("Friday this week", date(2024, 3, 15))),
        # the weekend is dated by its Saturday
        ("Rebels shelled the town over the weekend.", WED, False, ("the weekend", date(2023, 11, 4))),
        ("Rebels shelled the town over the weekend.", SUN, False, ("the weekend", date(2023, 11, 11))),
        ("Rebels shelled the town last weekend.", SUN, False, ("last weekend", date(2023, 11, 4))),
        ("Rebels shelled the town last weekend.", WED, False, ("last weekend", date(2023, 11, 4))),
        ("Talks resume next weekend.", WED, True, ("next weekend", date(2023, 11, 11))),
        ("Talks resume next weekend.", SUN, True, ("next weekend", date(2023, 11, 18))),
        ("Talks resume at the weekend.", WED, True, ("the weekend", date(2023, 11, 11))),
        ("The weekend's protests were peaceful.", WED, False, ("weekend", date(2023, 11, 4))),
    ],
)
def test_weekdays_of_named_weeks_and_weekends(
    text: str, published: date, future: bool, expected: tuple[str, date]
) -> None:
    mentions = find_dates(text, published, future=future)
    assert len(mentions) == 1, mentions
    assert expected[0] in mentions[0].text and mentions[0].value == expected[1]
    assert mentions[0].precision == "day"


def test_a_possessive_next_week_is_not_joined_to_a_weekday() -> None:
    assert summary("They said next week's summit opens on Thursday.", THU) == [
        ("next week", date(2024, 3, 18), "week"),
        ("Thursday", date(2024, 3, 14), "day"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The pullout was completed last November.", date(2023, 5, 19), date(2022, 11, 1)),
        ("The pullout was completed last November.", date(2023, 11, 30), date(2022, 11, 1)),
        ("The pullout was completed last November.", date(2023, 12, 5), date(2023, 11, 1)),
        ("Elections are due next March.", date(2023, 5, 19), date(2024, 3, 1)),
        ("Elections are due next March.", date(2023, 2, 1), date(2023, 3, 1)),
        ("The summit is planned for this September.", date(2023, 5, 19), date(2023, 9, 1)),
    ],
)
def test_months_named_relative_to_publication(text: str, published: date, expected: date) -> None:
    mentions = find_dates(text, published)
    assert [(m.value, m.precision) for m in mentions] == [(expected, "month")]


def test_a_year_relation_wins_over_a_month_relation() -> None:
    assert summary("It began last December last year.", date(2022, 2, 2)) == [
        ("December last year", date(2021, 12, 1), "month")
    ]


def test_lower_case_may_after_last_is_not_a_month() -> None:
    assert find_dates("It was the last may of its kind.", date(2023, 5, 19)) == []


def test_relative_phrases_need_a_publication_date() -> None:
    assert find_dates("They met over the weekend and again last November.", None) == []


@pytest.mark.parametrize(
    ("published", "relation", "future", "expected"),
    [
        (date(2023, 11, 8), None, False, date(2023, 11, 4)),  # Wednesday: the weekend just past
        (date(2023, 11, 11), None, False, date(2023, 11, 11)),  # Saturday: this weekend
        (date(2023, 11, 12), None, False, date(2023, 11, 11)),  # Sunday: this weekend
        (date(2023, 11, 8), None, True, date(2023, 11, 11)),  # future: the coming one
        (date(2023, 11, 12), "last", False, date(2023, 11, 4)),
        (date(2023, 11, 6), "last", False, date(2023, 11, 4)),
        (date(2023, 11, 6), "next", False, date(2023, 11, 11)),
        (date(2023, 11, 11), "next", False, date(2023, 11, 18)),
    ],
)
def test_resolve_weekend(published: date, relation: str | None, future: bool, expected: date) -> None:
    value = resolve_weekend(published, relation=relation, future=future)  # type: ignore[arg-type]
    assert value == expected and value.weekday() == 5


def test_resolve_related_month() -> None:
    published = date(2023, 6, 15)
    assert resolve_related_month(6, published, "last") == date(2022, 6, 1)
    assert resolve_related_month(5, published, "last") == date(2023, 5, 1)
    assert resolve_related_month(6, published, "next") == date(2024, 6, 1)
    assert resolve_related_month(7, published, "next") == date(2023, 7, 1)
    assert resolve_related_month(1, published, "this") == date(2023, 1, 1)
