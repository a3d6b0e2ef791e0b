"""find_dates: each brief case as a concrete resolution, plus the things that must not match."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from heron.dates import find_dates, pick_event_date
from heron.records import DateMention

WED_2022_02_02 = date(2022, 2, 2)
WED_2022_01_26 = date(2022, 1, 26)


def only(text: str, published: date | None, *, future: bool = False) -> DateMention:
    mentions = find_dates(text, published, future=future)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


def summary(text: str, published: date | None, *, future: bool = False) -> list[tuple[str, date, str]]:
    return [(m.text, m.value, m.precision) for m in find_dates(text, published, future=future)]


@pytest.mark.parametrize(
    ("text", "published", "future", "mention_text", "value", "precision"),
    [
        # bare month-day: the most recent one not after publication
        (
            "The talks were held on December 20.",
            date(2021, 12, 21),
            False,
            "December 20",
            date(2021, 12, 20),
            "day",
        ),
        (
            "The talks were held on December 20.",
            date(2022, 1, 10),
            False,
            "December 20",
            date(2021, 12, 20),
            "day",
        ),
        (
            "The talks will be held on December 20.",
            date(2021, 12, 1),
            True,
            "December 20",
            date(2021, 12, 20),
            "day",
        ),
        (
            "Talks will resume on January 10.",
            date(2021, 12, 21),
            True,
            "January 10",
            date(2022, 1, 10),
            "day",
        ),
        (
            "On December 17, the Russian Foreign Ministry published two draft treaties.",
            date(2021, 12, 25),
            False,
            "December 17",
            date(2021, 12, 17),
            "day",
        ),
        ("They met on January 21.", WED_2022_01_26, False, "January 21", date(2022, 1, 21), "day"),
        # weekdays
        ("Ministers met on Tuesday.", WED_2022_02_02, False, "Tuesday", date(2022, 2, 1), "day"),
        (
            "This Wednesday the council met.",
            WED_2022_01_26,
            False,
            "This Wednesday",
            date(2022, 1, 26),
            "day",
        ),
        ("He spoke on Monday.", date(2022, 1, 24), False, "Monday", date(2022, 1, 24), "day"),
        ("They will meet on Tuesday.", WED_2022_02_02, True, "Tuesday", date(2022, 2, 8), "day"),
        (
            "Shelling resumed on Friday night.",
            WED_2022_02_02,
            False,
            "Friday night",
            date(2022, 1, 28),
            "day",
        ),
        ("They met last Tuesday.", WED_2022_02_02, False, "last Tuesday", date(2022, 2, 1), "day"),
        ("They will meet next Wednesday.", WED_2022_02_02, True, "next Wednesday", date(2022, 2, 9), "day"),
        # weeks
        ("Troops moved last week.", WED_2022_02_02, False, "last week", date(2022, 1, 24), "week"),
        ("Troops moved this week.", WED_2022_02_02, False, "this week", date(2022, 1, 31), "week"),
        ("Talks resume next week.", WED_2022_02_02, True, "next week", date(2022, 2, 7), "week"),
        (
            "They spoke earlier this week.",
            WED_2022_02_02,
            False,
            "earlier this week",
            date(2022, 1, 31),
            "week",
        ),
        # days relative to publication
        ("Protesters gathered yesterday.", WED_2022_02_02, False, "yesterday", date(2022, 2, 1), "day"),
        ("Protesters gathered today.", WED_2022_02_02, False, "today", WED_2022_02_02, "day"),
        ("Protesters gathered this morning.", WED_2022_02_02, False, "this morning", WED_2022_02_02, "day"),
        ("Leaders speak tonight.", WED_2022_02_02, False, "tonight", WED_2022_02_02, "day"),
        ("A blast was heard last night.", WED_2022_02_02, False, "last night", date(2022, 2, 1), "day"),
        # months and years
        (
            "Talks began in December last year.",
            WED_2022_01_26,
            False,
            "December last year",
            date(2021, 12, 1),
            "month",
        ),
        ("Talks began in December.", WED_2022_01_26, False, "December", date(2021, 12, 1), "month"),
        ("Talks began in January.", WED_2022_01_26, False, "January", date(2022, 1, 1), "month"),
        ("Talks resume in March.", WED_2022_01_26, True, "March", date(2022, 3, 1), "month"),
        ("Prices rose last month.", WED_2022_01_26, False, "last month", date(2021, 12, 1), "month"),
        (
            "Prices rose earlier this month.",
            WED_2022_01_26,
            False,
            "earlier this month",
            date(2022, 1, 1),
            "month",
        ),
        ("Prices rose this month.", WED_2022_01_26, False, "this month", date(2022, 1, 1), "month"),
        ("Prices rose last year.", WED_2022_01_26, False, "last year", date(2021, 1, 1), "year"),
        ("Prices rose in 2021.", WED_2022_01_26, False, "2021", date(2021, 1, 1), "year"),
        (
            "Fighting flared in mid-December.",
            WED_2022_01_26,
            False,
            "mid-December",
            date(2021, 12, 1),
            "month",
        ),
        ("Fighting flared in late 2020.", WED_2022_01_26, False, "late 2020", date(2020, 1, 1), "year"),
        # absolute dates
        ("Signed on 20 December 2021.", WED_2022_01_26, False, "20 December 2021", date(2021, 12, 20), "day"),
        (
            "Signed on December 20, 2021.",
            WED_2022_01_26,
            False,
            "December 20, 2021",
            date(2021, 12, 20),
            "day",
        ),
        ("Signed on Dec. 20.", WED_2022_01_26, False, "Dec. 20", date(2021, 12, 20), "day"),
        ("Signed on Dec 20.", WED_2022_01_26, False, "Dec 20", date(2021, 12, 20), "day"),
        ("Signed 2021-12-20 in Geneva.", WED_2022_01_26, False, "2021-12-20", date(2021, 12, 20), "day"),
        ("Signed on 20/12/2021.", WED_2022_01_26, False, "20/12/2021", date(2021, 12, 20), "day"),
        ("Signed on 12/20/2021.", WED_2022_01_26, False, "12/20/2021", date(2021, 12, 20), "day"),
        (
            "Signed on the 20th of December 2021.",
            None,
            False,
            "the 20th of December 2021",
            date(2021, 12, 20),
            "day",
        ),
        ("Signed in December 2021.", WED_2022_01_26, False, "December 2021", date(2021, 12, 1), "month"),
        (
            "On Tuesday, December 20, 2021, they met.",
            None,
            False,
            "Tuesday, December 20, 2021",
            date(2021, 12, 20),
            "day",
        ),
        ("Talks ran on 20-21 December.", WED_2022_01_26, False, "20-21 December", date(2021, 12, 20), "day"),
        ("Talks ran December 20-21.", WED_2022_01_26, False, "December 20", date(2021, 12, 20), "day"),
        ("Held Sept. 5.", WED_2022_01_26, False, "Sept. 5", date(2021, 9, 5), "day"),
        ("Held in mid-December 2021.", None, False, "mid-December 2021", date(2021, 12, 1), "month"),
        ("Vote this coming Friday.", WED_2022_01_26, False, "this coming Friday", date(2022, 1, 28), "day"),
        ("Officials said Thursday.", WED_2022_01_26, False, "Thursday", date(2022, 1, 20), "day"),
        # arithmetic
        ("It happened two days ago.", WED_2022_01_26, False, "two days ago", date(2022, 1, 24), "day"),
        ("It happened 3 days ago.", WED_2022_01_26, False, "3 days ago", date(2022, 1, 23), "day"),
        ("It happened three weeks ago.", WED_2022_01_26, False, "three weeks ago", date(2022, 1, 5), "week"),
        ("It happened two months ago.", WED_2022_01_26, False, "two months ago", date(2021, 11, 1), "month"),
        (
            "It happened on Dec. 20 last year.",
            WED_2022_01_26,
            False,
            "Dec. 20 last year",
            date(2021, 12, 20),
            "day",
        ),
    ],
)
def test_resolution(
    text: str, published: date | None, future: bool, mention_text: str, value: date, precision: str
) -> None:
    mention = only(text, published, future=future)
    assert (mention.text, mention.value, mention.precision) == (mention_text, value, precision)


def test_offsets_point_into_the_text() -> None:
    text = "On December 17, Russia published drafts; talks followed last week."
    mentions = find_dates(text, date(2021, 12, 25))
    assert [(m.start, m.end, m.text) for m in mentions] == [(3, 14, "December 17"), (56, 65, "last week")]


def test_several_mentions_in_text_order() -> None:
    text = "After talks in December last year, Russia massed troops last month and attacked yesterday."
    assert summary(text, WED_2022_01_26) == [
        ("December last year", date(2021, 12, 1), "month"),
        ("last month", date(2021, 12, 1), "month"),
        ("yesterday", date(2022, 1, 25), "day"),
    ]


def test_without_publication_only_dates_with_a_year_resolve() -> None:
    text = "On December 20, 2021 and on December 21, yesterday, in 2020 and last week."
    assert summary(text, None) == [
        ("December 20, 2021", date(2021, 12, 20), "day"),
        ("2020", date(2020, 1, 1), "year"),
    ]


def test_datetime_publication_is_accepted_and_values_are_plain_dates() -> None:
    mention = only("They met yesterday.", datetime(2022, 2, 2, 23, 59))
    assert mention.value == date(2022, 2, 1)
    assert type(mention.value) is date


@pytest.mark.parametrize(
    "text",
    [
        "The 2010 summit at 13:29 agreed nothing.",
        "Some 100,000 troops are massed at the border.",
        "NATO invoked Article 5 at the G20.",
        "COVID-19 spread quickly.",
        "Call +1 202-555-0123 or 202 647 4000 for details.",
        "It was like the 1990s.",
        "Russia may invade Ukraine.",
        "Protesters march on the capital.",
        "Thousands joined the March on Washington.",
        "Jan Smith and Dec Jones spoke.",
        "Version 1.2.21 was released, 3.5 million people.",
        "A force of 2000 troops was sent.",
    ],
)
def test_non_dates_do_not_match(text: str) -> None:
    assert find_dates(text, WED_2022_01_26) == []


def test_may_and_march_count_with_date_context() -> None:
    text = "It began in March, peaked on May 5, eased in early March and ended May 2021."
    assert summary(text, WED_2022_01_26) == [
        ("March", date(2021, 3, 1), "month"),
        ("May 5", date(2021, 5, 5), "day"),
        ("early March", date(2021, 3, 1), "month"),
        ("May 2021", date(2021, 5, 1), "month"),
    ]


def test_impossible_days_are_skipped() -> None:
    assert find_dates("on February 30, 2021 and 2021-02-30 and 31/04/2021", WED_2022_01_26) == []


def test_yearless_leap_day_goes_to_the_latest_leap_year() -> None:
    assert only("on February 29", date(2022, 1, 26)).value == date(2020, 2, 29)


@pytest.mark.parametrize("junk", ["", " ", "\u0000\ufffd", "on \u00a0December\u00a020", "K\u212a Dec."])
def test_junk_never_raises(junk: str) -> None:
    mentions = find_dates(junk, WED_2022_01_26)
    assert all(junk[m.start : m.end] == m.text for m in mentions)


def test_non_breaking_spaces_are_spaces() -> None:
    mention = only("on\u00a0December\u00a020", WED_2022_01_26)
    assert (mention.text, mention.value) == ("December\u00a020", date(2021, 12, 20))


def test_huge_text_is_handled() -> None:
    text = ("Troops moved on December 20. " + "x" * 200) * 2000
    mentions = find_dates(text, WED_2022_01_26)
    assert len(mentions) == 2000
    assert {m.value for m in mentions} == {date(2021, 12, 20)}


class TestPickEventDate:
    def _mention(self, start: int, end: int) -> DateMention:
        return DateMention(
            text="x" * (end - start), start=start, end=end, value=date(2022, 1, 1), precision="day"
        )

    def test_empty(self) -> None:
        assert pick_event_date([], 10) is None

    def test_nearest_wins(self) -> None:
        near, far = self._mention(30, 35), self._mention(0, 5)
        assert pick_event_date([far, near], 25) is near

    def test_tie_prefers_the_mention_before_the_predicate(self) -> None:
        before, after = self._mention(5, 10), self._mention(20, 25)
        assert pick_event_date([after, before], 15) is before

    def test_on_real_sentence(self) -> None:
        text = "On December 17, the ministry published drafts it had prepared last week."
        mentions = find_dates(text, date(2021, 12, 25))
        picked = pick_event_date(mentions, text.index("published"))
        assert picked is not None and picked.text == "December 17"
        picked = pick_event_date(mentions, text.index("prepared"))
        assert picked is not None and picked.text == "last week"
