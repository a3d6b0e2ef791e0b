"""Calendar arithmetic in heron.dates.resolve, with concrete dates."""

from __future__ import annotations

from datetime import date

import pytest

from heron.dates import (
    resolve_ago,
    resolve_month,
    resolve_month_day,
    resolve_numeric_date,
    resolve_relative_period,
    resolve_weekday,
    shift_months,
    week_start,
)

WED = date(2022, 2, 2)
MONDAY, TUESDAY, WEDNESDAY, FRIDAY = 0, 1, 2, 4


def test_week_start_is_monday() -> None:
    assert week_start(WED) == date(2022, 1, 31)
    assert week_start(date(2022, 1, 31)) == date(2022, 1, 31)
    assert week_start(date(2022, 2, 6)) == date(2022, 1, 31)  # Sunday belongs to the week before


@pytest.mark.parametrize(
    ("months", "expected"),
    [(-1, date(2022, 1, 1)), (-2, date(2021, 12, 1)), (11, date(2023, 1, 1)), (0, date(2022, 2, 1))],
)
def test_shift_months(months: int, expected: date) -> None:
    assert shift_months(date(2022, 2, 28), months) == expected


@pytest.mark.parametrize(
    ("weekday", "relation", "future", "expected"),
    [
        (TUESDAY, None, False, date(2022, 2, 1)),
        (WEDNESDAY, None, False, WED),  # same day counts
        (TUESDAY, None, True, date(2022, 2, 8)),
        (WEDNESDAY, None, True, WED),
        (FRIDAY, None, True, date(2022, 2, 4)),
        (TUESDAY, "last", False, date(2022, 2, 1)),
        (WEDNESDAY, "last", False, date(2022, 1, 26)),  # "last Wednesday" on a Wednesday: a week ago
        (WEDNESDAY, "next", False, date(2022, 2, 9)),
        (FRIDAY, "next", False, date(2022, 2, 4)),
        (MONDAY, "this", False, date(2022, 1, 31)),
        (MONDAY, "this", True, date(2022, 2, 7)),  # "this Monday" in a future clause: the coming one
        (FRIDAY, "this", False, date(2022, 2, 4)),
    ],
)
def test_resolve_weekday(weekday: int, relation: str | None, future: bool, expected: date) -> None:
    assert resolve_weekday(weekday, WED, relation=relation, future=future) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "year_offset", "future", "expected"),
    [
        (12, None, False, date(2021, 12, 1)),
        (1, None, False, date(2022, 1, 1)),
        (2, None, False, date(2022, 2, 1)),
        (3, None, False, date(2021, 3, 1)),
        (3, None, True, date(2022, 3, 1)),
        (1, None, True, date(2023, 1, 1)),
        (12, -1, False, date(2021, 12, 1)),
        (6, 0, False, date(2022, 6, 1)),
    ],
)
def test_resolve_month(month: int, year_offset: int | None, future: bool, expected: date) -> None:
    assert resolve_month(month, WED, year_offset=year_offset, future=future) == expected


def test_resolve_month_day() -> None:
    assert resolve_month_day(12, 20, date(2021, 12, 21)) == date(2021, 12, 20)
    assert resolve_month_day(12, 20, date(2022, 1, 10)) == date(2021, 12, 20)
    assert resolve_month_day(1, 10, date(2022, 1, 10)) == date(2022, 1, 10)
    assert resolve_month_day(1, 5, date(2021, 12, 21), future=True) == date(2022, 1, 5)
    assert resolve_month_day(12, 20, date(2022, 1, 10), year_offset=-1) == date(2021, 12, 20)
    assert resolve_month_day(2, 29, date(2022, 1, 26)) == date(2020, 2, 29)
    assert resolve_month_day(2, 29, date(2022, 1, 26), future=True) == date(2024, 2, 29)
    assert resolve_month_day(2, 30, date(2022, 1, 26)) is None
    assert resolve_month_day(2, 29, date(2022, 1, 26), year_offset=0) is None


def test_relative_periods() -> None:
    assert resolve_relative_period("week", -1, WED) == date(2022, 1, 24)
    assert resolve_relative_period("week", 1, WED) == date(2022, 2, 7)
    assert resolve_relative_period("month", -1, date(2022, 1, 26)) == date(2021, 12, 1)
    assert resolve_relative_period("year", -1, WED) == date(2021, 1, 1)
    assert resolve_relative_period("day", -1, date(2022, 3, 1)) == date(2022, 2, 28)


def test_ago() -> None:
    assert resolve_ago(2, "day", date(2022, 1, 26)) == date(2022, 1, 24)
    assert resolve_ago(3, "week", date(2022, 1, 26)) == date(2022, 1, 5)
    assert resolve_ago(2, "month", date(2022, 1, 26)) == date(2021, 11, 1)
    assert resolve_ago(1, "year", date(2022, 1, 26)) == date(2021, 1, 1)


@pytest.mark.parametrize(
    ("first", "second", "year", "published", "expected"),
    [
        (20, 12, 2021, None, date(2021, 12, 20)),  # only day-first is possible
        (12, 20, 2021, None, date(2021, 12, 20)),  # only month-first is possible
        (3, 4, 2021, None, date(2021, 4, 3)),  # ambiguous, unknown publication: day-first
        (3, 4, 2021, date(2021, 3, 10), date(2021, 3, 4)),  # 3 April is after publication: month-first
        (31, 2, 2021, None, None),
        (5, 5, 2021, None, date(2021, 5, 5)),
    ],
)
def test_numeric_dates(
    first: int, second: int, year: int, published: date | None, expected: date | None
) -> None:
    assert resolve_numeric_date(first, second, year, published) == expected
