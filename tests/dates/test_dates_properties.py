"""Property tests: any text, any publication date -> a list of well-formed mentions, never an exception."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from heron.dates import find_dates, pick_event_date

# Mix date vocabulary into the random text so that the interesting code paths are actually reached.
_FRAGMENTS = st.sampled_from(
    [
        "on ",
        "in ",
        "December",
        "Dec.",
        "May",
        "march",
        "20",
        "31",
        "29",
        "February",
        "2021",
        "1990s",
        "-",
        "/",
        ".",
        ",",
        " ",
        "last ",
        "this ",
        "next ",
        "week",
        "month",
        "year",
        "Tuesday",
        "night",
        "ago",
        "two days",
        "mid-",
        "early ",
        "yesterday",
        "2021-02-30",
        "13:29",
        "00",
        "9999",
        "\u00a0",
        "\u212a",
        "th",
        "of ",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200), st.lists(st.one_of(_FRAGMENTS, st.text(max_size=3)), max_size=30).map("".join)
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, published=st.one_of(st.none(), st.dates()), future=st.booleans())
def test_find_dates_is_total_and_well_formed(text: str, published: date | None, future: bool) -> None:
    mentions = find_dates(text, published, future=future)
    assert isinstance(mentions, list)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end  # in order, never overlapping
        previous_end = mention.end
        assert type(mention.value) is date
        assert mention.precision in {"day", "week", "month", "year"}
    if mentions:
        assert pick_event_date(mentions, len(text) // 2) in mentions


@settings(max_examples=100, deadline=None)
@given(published=st.dates())
def test_extreme_publication_dates_do_not_raise(published: date) -> None:
    text = (
        "Yesterday, last week, in December last year, on Tuesday, three years ago and on Dec. 20 it rained."
    )
    for mention in find_dates(text, published) + find_dates(text, published, future=True):
        assert type(mention.value) is date
