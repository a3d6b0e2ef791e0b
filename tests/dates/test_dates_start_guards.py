"""The start guards in front of the finder's patterns only make them faster: matches stay the same."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heron.dates import finder as finder_module
from heron.dates.finder import DateFinder
from heron.dates.vocabulary import default_vocabulary

_VOCABULARY = default_vocabulary()
_WORDS = sorted(
    {
        *_VOCABULARY.month_by_word, *_VOCABULARY.weekday_by_word, *_VOCABULARY.month_modifiers,
        *_VOCABULARY.period_modifiers, *_VOCABULARY.number_words, *_VOCABULARY.day_offsets,
        *_VOCABULARY.day_parts, *_VOCABULARY.year_prepositions, *_VOCABULARY.context_prepositions,
        "last", "past", "this", "next", "coming", "the", "of", "ago", "days", "week", "year", "early", "mid",
    }
)
_SPACES = [" ", "  ", "\u00a0", "\n", "\t", ", ", "-", "\u2013", "", ".", "/"]
# What may follow a word in each kind of phrase: a day and month, a month and day, a month, a year, ...
_CONTINUATIONS = [
    " 20 December 2021", ", December 20, 2021", "-December 2021", " 2021", " this week", " Friday night", " days ago", ""
]
_NUMBERS = ["1", "20", "31", "2021", "1999", "21", "2021-12-20", "20/12/21", "1.2.21", "3:30", "2,000", "1990s"]


def _cased(word: str, style: int) -> str:
    return (word, word.capitalize(), word.upper())[style]


_TOKEN = st.one_of(
    st.builds(_cased, st.sampled_from(_WORDS), st.integers(0, 2)),
    st.sampled_from(_NUMBERS),
    st.text(max_size=2),
)
_TEXT = st.lists(st.tuples(_TOKEN, st.sampled_from(_SPACES)), max_size=25).map(
    lambda pairs: "".join(token + space for token, space in pairs)
)


@pytest.fixture(scope="module")
def finders() -> tuple[DateFinder, DateFinder]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(finder_module, "_start_guard", lambda *_args: "")
        unguarded = DateFinder(_VOCABULARY)
    return DateFinder(_VOCABULARY), unguarded


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, published=st.one_of(st.none(), st.dates()), future=st.booleans())
def test_guarded_patterns_match_exactly_what_unguarded_ones_do(
    finders: tuple[DateFinder, DateFinder], text: str, published: date | None, future: bool
) -> None:
    guarded, unguarded = finders
    _same_matches(guarded, unguarded, text)
    assert guarded.find(text, published, future=future) == unguarded.find(text, published, future=future)


def _same_matches(guarded: DateFinder, unguarded: DateFinder, text: str) -> None:
    for with_guard, without_guard in zip(guarded._rules, unguarded._rules, strict=True):
        assert [(m.span(), m.groupdict()) for m in with_guard.pattern.finditer(text)] == [
            (m.span(), m.groupdict()) for m in without_guard.pattern.finditer(text)
        ], (with_guard.pattern.pattern[:80], text)


def test_every_vocabulary_word_in_any_case_and_spacing(finders: tuple[DateFinder, DateFinder]) -> None:
    for word in _WORDS:
        for style in range(3):
            for space in (" ", "\u00a0", "\n"):
                phrase = space.join(_cased(word, style).split())
                for before in ("", "x", "on 20 "):
                    for after in _CONTINUATIONS:
                        _same_matches(*finders, f"{before}{phrase}{after}")
