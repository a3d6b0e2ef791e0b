"""Calendar arithmetic for resolving date phrases against a publication date.

Every function is pure and returns a valid ``datetime.date`` (or ``None`` when no such date exists, e.g.
"February 30"). Conventions, chosen for news text:

* Week-precision values are the Monday that starts the week (ISO weeks), except "N weeks ago", which is
  plain arithmetic (publication - 7*N days).
* Month-precision values are the first of the month; year-precision values are January 1.
* Without a year, a weekday, month or month-day means the most recent one not after publication
  (the same day counts: "on Monday" in a Monday article is that Monday); with ``future=True`` it means
  the nearest one not before publication.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

PeriodUnit = Literal["day", "week", "month", "year"]
WeekdayRelation = Literal["last", "this", "next"]

# Leap-day guard: how many years to search for a year in which a yearless "February 29" exists.
_LEAP_SEARCH_YEARS = 8


def week_start(day: date) -> date:
    """The Monday of the week containing ``day``."""
    return day - timedelta(days=day.weekday())


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def shift_months(day: date, months: int) -> date:
    """First of the month ``months`` months after (negative: before) the month of ``day``."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def resolve_weekday(
    weekday: int, published: date, *, relation: WeekdayRelation | None = None, future: bool = False
) -> date:
    """Resolve a weekday name (Monday = 0).

    bare/"on": the most recent such day on or before publication (``future``: on or after).
    "last": strictly before publication. "next": strictly after.
    "this": that weekday in the publication week (Monday-Sunday); with ``future`` and that day already
    past, the following week's.
    """
    if relation == "last":
        back = (published.weekday() - weekday) % 7 or 7
        return published - timedelta(days=back)
    if relation == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    if relation == "this":
        in_week = week_start(published) + timedelta(days=weekday)
        if future and in_week < published:
            in_week += timedelta(days=7)
        return in_week
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def resolve_weekend(published: date, *, relation: WeekdayRelation | None = None, future: bool = False) -> date:
    """The Saturday that starts the weekend named ("over the weekend", "last/this/next weekend").

    bare ("the weekend") and "this": the weekend under way when published on a Saturday or Sunday, else
    the one just past (``future``: the coming one). "last": the one before the publication week's end;
    "next": the first one after publication.
    """
    saturday = 5
    in_weekend = published.weekday() >= saturday
    current_or_past = published - timedelta(days=(published.weekday() - saturday) % 7)
    if relation == "last":
        return current_or_past - timedelta(days=7) if in_weekend else current_or_past
    if relation == "next" or (future and not in_weekend):
        return current_or_past + timedelta(days=7)
    return current_or_past


def resolve_related_month(month: int, published: date, relation: WeekdayRelation) -> date:
    """First day of "last/this/next <month>": the latest one before the publication month, the one
    of the publication year, or the first one after the publication month."""
    if relation == "last":
        return date(published.year if month < published.month else published.year - 1, month, 1)
    if relation == "next":
        return date(published.year if month > published.month else published.year + 1, month, 1)
    return date(published.year, month, 1)


def resolve_month(
    month: int, published: date, *, year_offset: int | None = None, future: bool = False
) -> date:
    """First day of the month named ``month``.

    ``year_offset`` pins the year relative to publication ("December last year" = -1). Without it the
    month is the most recent one not after the publication month (``future``: not before it).
    """
    if year_offset is not None:
        return date(published.year + year_offset, month, 1)
    if future:
        return date(published.year if month >= published.month else published.year + 1, month, 1)
    return date(published.year if month <= published.month else published.year - 1, month, 1)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def resolve_month_day(
    month: int, day: int, published: date, *, year_offset: int | None = None, future: bool = False
) -> date | None:
    """A month-day without a year: the most recent one not after publication (``future``: not before).

    ``year_offset`` pins the year ("Dec. 20 last year" = -1). Returns None for impossible days.
    """
    if year_offset is not None:
        return _valid_date(published.year + year_offset, month, day)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    step = 1 if future else -1
    year = published.year
    for _ in range(_LEAP_SEARCH_YEARS + 1):  # only Feb 29 ever needs more than one try
        candidate = _valid_date(year, month, day)
        if candidate is not None and (candidate >= published if future else candidate <= published):
            return candidate
        year += step
    return None


def resolve_relative_period(unit: PeriodUnit, offset: int, published: date) -> date:
    """Start of the week/month/year ``offset`` periods from the publication one ("last month" = -1)."""
    if unit == "day":
        return published + timedelta(days=offset)
    if unit == "week":
        return week_start(published) + timedelta(weeks=offset)
    if unit == "month":
        return shift_months(published, offset)
    return date(published.year + offset, 1, 1)


def resolve_ago(amount: int, unit: PeriodUnit, published: date) -> date:
    """'<amount> <unit>s ago': days and weeks are exact arithmetic; months/years give the period start."""
    if unit == "day":
        return published - timedelta(days=amount)
    if unit == "week":
        return published - timedelta(weeks=amount)
    if unit == "month":
        return shift_months(published, -amount)
    return date(published.year - amount, 1, 1)


def resolve_numeric_date(first: int, second: int, year: int, published: date | None) -> date | None:
    """A numeric date such as 20/12/2021 or 12/20/2021.

    Day-first when the first number cannot be a month, month-first when the second cannot; when both
    readings are valid, the one not after publication and closest to it (day-first when unknown, the
    usual order outside the US).
    """
    day_first = _valid_date(year, second, first)
    month_first = _valid_date(year, first, second)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    if published is None:
        return day_first
    readings = [d for d in (day_first, month_first) if d <= published]
    if not readings:
        return day_first
    return max(readings)  # the most recent reading not after publication
