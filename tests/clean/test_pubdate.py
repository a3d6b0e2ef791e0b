"""Publication timestamps near the top of an article."""

from __future__ import annotations

from datetime import datetime

import pytest

from heron.clean.pubdate import (
    choose_publication,
    default_pubdate_config,
    find_dateline,
    find_timestamp_lines,
    parse_timestamp,
)

CONFIG = default_pubdate_config()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13:29 02 Feb 2022", datetime(2022, 2, 2, 13, 29)),
        ("26 ene 2022 17:47 GMT", datetime(2022, 1, 26, 17, 47)),
        ("Jan. 5, 2022", datetime(2022, 1, 5)),
        ("2022-01-26T17:47:00Z", datetime(2022, 1, 26, 17, 47)),
        ("2022-01-26T20:47:00+03:00", datetime(2022, 1, 26, 17, 47)),
        ("Wednesday, Jan. 5, 2022, 10:00 AM EST", datetime(2022, 1, 5, 10, 0)),
    ],
)
def test_timestamp_formats(text: str, expected: datetime) -> None:
    assert parse_timestamp(text, CONFIG) == expected


@pytest.mark.parametrize(
    "text",
    ["December 2021", "Jan 5", "On December 20, 2021, aides to the presidents held talks", "2022", "Security guarantees"],
)
def test_non_timestamps_are_rejected(text: str) -> None:
    assert parse_timestamp(text, CONFIG) is None


def test_label_on_its_own_line_and_updated_lines() -> None:
    lines = ["Headline", "Published:", "26 ene 2022 17:47 GMT", "Updated Jan. 27, 2022", "Body text."]
    stamps = find_timestamp_lines(lines)
    assert [stamp.index for stamp in stamps] == [1, 2, 3]
    assert [stamp.kind for stamp in stamps] == ["published", "published", "updated"]
    assert choose_publication(stamps) == datetime(2022, 1, 26, 17, 47)


def test_updated_is_used_when_nothing_else() -> None:
    stamps = find_timestamp_lines(["Headline", "Last updated: 2022-01-27 09:15"])
    assert choose_publication(stamps) == datetime(2022, 1, 27, 9, 15)


def test_dates_below_the_first_lines_are_ignored() -> None:
    lines = ["Headline"] + [f"Paragraph {number}." for number in range(12)] + ["Jan. 5, 2022"]
    assert find_timestamp_lines(lines) == []


def test_agency_dateline() -> None:
    assert find_dateline(["WASHINGTON, Jan. 5, 2022 (Reuters) - The talks resumed."]) == datetime(2022, 1, 5)
    assert find_dateline(["Washington said on Jan. 5, 2022 that talks resumed."]) is None
