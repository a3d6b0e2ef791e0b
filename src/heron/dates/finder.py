"""Find date phrases in a sentence and resolve them against the publication date.

Mention-text convention: the leading preposition ("on", "in", "since", ...) is NOT part of the mention;
relative words and modifiers are ("last week", "earlier this month", "mid-December",
"December last year", "Friday night", "Tuesday, December 20"). ``text[m.start:m.end] == m.text`` always.

Each phrase kind is one regular expression plus a small resolver; overlapping candidates are settled by
keeping the longest ("December 20, 2021" beats "December 20"; "December last year" beats "last year").
Each pattern sits behind a cheap lookahead on the first two characters a match can start with
(``_start_guard``): it only saves the regex engine from trying the whole pattern at every position.
The calendar arithmetic lives in :mod:`heron.dates.resolve`, the vocabulary in ``data/date_words.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple

from heron.dates.resolve import (
    resolve_ago,
    resolve_month,
    resolve_month_day,
    resolve_numeric_date,
    resolve_related_month,
    resolve_relative_period,
    resolve_weekday,
    resolve_weekend,
)
from heron.dates.vocabulary import DateVocabulary, default_vocabulary
from heron.records import DateMention

# "week" is wider than records.DatePrecision (day/month/year); the lead is asked to widen that Literal.
Precision = Literal["day", "week", "month", "year"]

_SPACE = r"[\s\u00a0]+"  # news text often carries non-breaking spaces
_DASH = r"[\s\u00a0\-\u2010-\u2014]*"
# A year is not followed by more digits ("2021-12-20" is an ISO date) nor by "s" ("the 1990s" is a decade).
_YEAR = r"(?P<year>1[89][0-9]{2}|2[01][0-9]{2})(?![0-9A-Za-z]|[-/.:][0-9]|['\u2019]s\b)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR_RELATION = rf"(?:,?{_SPACE}(?:of{_SPACE})?(?P<rel_year>last|this|next){_SPACE}year\b)"
_RELATION_OFFSETS = {"last": -1, "this": 0, "next": 1, "coming": 1}
_WEEKDAY_RELATIONS = {"last": "last", "past": "last", "this": "this", "next": "next", "coming": "next"}
# "last November", "next March": a month named relative to the publication month
_MONTH_RELATIONS = {"last": "last", "past": "last", "this": "this", "next": "next", "coming": "next"}
# "over the weekend", "this weekend", "next weekend"
_WEEKEND_RELATIONS = {"last": "last", "past": "last", "this": "this", "next": "next", "coming": "next"}

# Flags: ASCII keeps \b and case-folding to plain English letters (no Kelvin-sign "k" surprises).
_FLAGS = re.IGNORECASE | re.ASCII


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    value: date
    precision: Precision


_Resolver = Callable[[re.Match[str], str, "date | None", bool], "_Candidate | None"]


class _Rule(NamedTuple):
    """One phrase kind: its pattern (behind a start guard), resolver, and whether it needs a publication date."""

    pattern: re.Pattern[str]
    resolver: _Resolver
    needs_publication: bool


def _alternation(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """Longest first so that 'december' is tried before 'dec'; inner spaces match any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        return "(?!)"  # matches nothing: a custom vocabulary may leave a list empty
    return "|".join(_SPACE.join(re.escape(part) for part in w.split()) for w in ordered)


def _char_class(characters: Iterable[str]) -> str:
    """A character class matching each character in either case; a space stands for any _SPACE."""
    members: set[str] = set()
    for char in characters:
        if char.isspace():
            members.add("\\s\u00a0")
        else:
            members.update(re.escape(form) for form in (char, char.lower(), char.upper()) if len(form) == 1)
    return f"[{''.join(sorted(members))}]"


def _start_guard(words: Iterable[str] = (), *alternatives: str) -> str:
    """A lookahead true wherever one of ``words`` (as _alternation spells them) or ``alternatives`` can begin.

    Python's re tries a pattern at every position of the text, and a pattern that opens with optional
    groups and case-insensitive alternations is costly to try; checking the first two characters first
    is several times cheaper. It is only a necessary condition, so the matches do not change.
    """
    firsts: set[str] = set()
    seconds: set[str] = set()
    singles: set[str] = set()
    for word in words:
        parts = word.split()
        if not parts:
            continue
        head = parts[0]
        if len(head) >= 2:
            firsts.add(head[0])
            seconds.add(head[1])
        elif len(parts) > 1:  # "a couple of": a letter, then whitespace
            firsts.add(head)
            seconds.add(" ")
        else:
            singles.add(head)
    options = list(alternatives)
    if firsts:
        options.append(_char_class(firsts) + _char_class(seconds))
    if singles:
        options.append(_char_class(singles))
    return f"(?={'|'.join(options)})" if options else "(?!)"


def _normalise(phrase: str) -> str:
    return " ".join(phrase.lower().split())


class DateFinder:
    """Compiled patterns for one vocabulary; use :func:`find_dates` for the packaged vocabulary."""

    def __init__(self, vocabulary: DateVocabulary) -> None:
        self.vocabulary = vocabulary
        full_months = _alternation(vocabulary.month_full_names)
        weekdays = _alternation(vocabulary.weekday_by_word)
        month_mods = _alternation(vocabulary.month_modifiers)
        period_mods = _alternation(vocabulary.period_modifiers)
        numbers = _alternation(vocabulary.number_words)
        day_offsets = _alternation(vocabulary.day_offsets)
        day_parts = _alternation(vocabulary.day_parts)
        year_preps = _alternation(vocabulary.year_prepositions)
        weekday_prefix = rf"(?:(?:{weekdays}),?{_SPACE})?"
        not_inside_number = r"(?<![0-9])(?<![0-9][-/.:,])"
        number_end = r"(?![0-9]|[-/.:][0-9])"
        abbreviations = _alternation(set(vocabulary.month_by_word) - vocabulary.month_full_names)
        # only abbreviations take a dot ("Dec."); after a full name it ends the sentence
        month_word = rf"(?P<month>(?:{full_months})\b|(?:{abbreviations})\b\.?)"
        self._context_before = re.compile(
            rf"(?:^|[^A-Za-z])(?:{_alternation(vocabulary.context_prepositions)}){_SPACE}$", _FLAGS
        )

        month_words = list(vocabulary.month_by_word)
        weekday_words = list(vocabulary.weekday_by_word)

        def rule(starts: str, pattern: str, resolver: _Resolver, *, needs_publication: bool = False) -> _Rule:
            return _Rule(re.compile(starts + pattern, _FLAGS), resolver, needs_publication)

        # needs_publication: the resolver returns None for every match when there is no publication date.
        self._rules: list[_Rule] = [
            rule(
                _start_guard((), "[12][0-9]"),
                rf"{not_inside_number}(?P<y>[12][0-9]{{3}})(?P<sep>[-/.])(?P<m>[0-9]{{1,2}})(?P=sep)"
                rf"(?P<d>[0-9]{{1,2}}){number_end}",
                self._iso,
            ),
            rule(
                _start_guard((), "[0-9][-/.0-9]"),
                rf"{not_inside_number}(?P<a>[0-9]{{1,2}})(?P<sep>[-/.])(?P<b>[0-9]{{1,2}})(?P=sep)"
                rf"(?P<y>[0-9]{{4}}|[0-9]{{2}}){number_end}",
                self._numeric,
            ),
            rule(
                _start_guard([*weekday_words, "the"], "[0-9]"),
                rf"{weekday_prefix}(?:the{_SPACE})?{not_inside_number}(?P<day>[0-9]{{1,2}}){_ORDINAL}"
                # a day range "20-21 December" resolves to its first day
                rf"(?:[\s\u00a0]*[-\u2013][\s\u00a0]*[0-9]{{1,2}}{_ORDINAL})?"
                rf"(?:{_SPACE}of)?{_SPACE}{month_word}(?:,?{_SPACE}{_YEAR}|{_YEAR_RELATION})?",
                self._month_day,
            ),
            rule(
                _start_guard([*weekday_words, *month_words]),
                rf"{weekday_prefix}{month_word}{_SPACE}(?:the{_SPACE})?(?P<day>[0-9]{{1,2}}){_ORDINAL}"
                rf"(?![0-9A-Za-z]|[:.][0-9]|,[0-9]{{3}}(?![0-9]))"  # not a time, decimal or "2,000"
                rf"(?:,?[\s\u00a0]*{_YEAR}|{_YEAR_RELATION})?",
                self._month_day,
            ),
            rule(
                _start_guard([*vocabulary.month_modifiers, *month_words]),
                rf"(?:(?P<mod>{month_mods}){_DASH})?{month_word},?{_SPACE}(?:of{_SPACE})?{_YEAR}",
                self._month,
            ),
            rule(
                _start_guard([*vocabulary.month_modifiers, *vocabulary.month_full_names, *_MONTH_RELATIONS]),
                # not followed by a day-like number: "February 30" is an impossible day, not "February"
                rf"(?<![A-Za-z])(?:(?P<rel_month>{_alternation(_MONTH_RELATIONS)}){_SPACE})?"
                rf"(?:(?P<mod>{month_mods}){_DASH})?(?P<month>{full_months})\b"
                rf"(?!{_SPACE}[0-9]{{1,2}}(?![0-9]|,[0-9])){_YEAR_RELATION}?",
                self._month,
                needs_publication=True,  # no year group: only a publication date gives the year
            ),
            rule(
                _start_guard([*vocabulary.year_prepositions, "early", "mid", "late"], "[12][0189]"),  # _YEAR's start
                rf"(?:(?<![A-Za-z])(?P<prep>{year_preps}){_SPACE})?"
                rf"(?:(?<![A-Za-z])(?P<mod>early|mid|late){_DASH})?(?<![0-9A-Za-z]){_YEAR}",
                self._year,
            ),
            rule(
                _start_guard([*vocabulary.period_modifiers, "last", "this", "next", "coming"]),
                rf"(?<![A-Za-z])(?:(?P<mod>{period_mods}){_SPACE})?"
                rf"(?P<rel>last|this|next|coming){_SPACE}(?P<unit>week|month|year)\b",
                self._relative_period,
                needs_publication=True,
            ),
            rule(
                _start_guard(["last", "past", "this", "next", "coming", *weekday_words]),
                rf"(?<![A-Za-z])(?:(?P<rel>last|past|this{_SPACE}coming|this|next|coming){_SPACE})?"
                rf"(?P<weekday>{weekdays})\b(?:{_SPACE}(?:{day_parts})\b)?"
                # "Thursday next week": the weekday of the named week (not "next week's", a possessive)
                rf"(?:{_SPACE}(?P<week_rel>last|this|next){_SPACE}week\b(?!['\u2019]))?",
                self._weekday,
                needs_publication=True,
            ),
            rule(
                _start_guard(["the", *_WEEKEND_RELATIONS]),
                rf"(?<![A-Za-z])(?P<rel>the|{_alternation(_WEEKEND_RELATIONS)}){_SPACE}weekend\b",
                self._weekend,
                needs_publication=True,
            ),
            rule(
                _start_guard(vocabulary.day_offsets),
                rf"(?<![A-Za-z])(?P<phrase>{day_offsets})\b",
                self._day_offset,
                needs_publication=True,
            ),
            rule(
                _start_guard(vocabulary.number_words, "[0-9]"),
                rf"(?<![A-Za-z0-9,.])(?P<n>[0-9]{{1,3}}|{numbers}){_SPACE}(?P<unit>day|week|month|year)s?"
                rf"{_SPACE}ago\b",
                self._ago,
                needs_publication=True,
            ),
        ]

    # ---- public -------------------------------------------------------------------------------------
    def find(self, text: str, published: date | None, *, future: bool = False) -> list[DateMention]:
        if not isinstance(text, str) or not text:
            return []
        if isinstance(published, datetime):
            published = published.date()
        elif not isinstance(published, date):
            published = None
        candidates: list[_Candidate] = []
        for pattern, resolver, needs_publication in self._rules:
            if needs_publication and published is None:
                continue
            for match in pattern.finditer(text):
                try:
                    candidate = resolver(match, text, published, future)
                except (
                    ValueError,
                    OverflowError,
                    KeyError,
                ):  # impossible date or arithmetic off the calendar
                    candidate = None
                if candidate is not None and candidate.end > candidate.start:
                    candidates.append(candidate)
        chosen = _longest_without_overlap(candidates)
        return [
            DateMention(
                text=text[c.start : c.end], start=c.start, end=c.end, value=c.value, precision=c.precision
            )  # type: ignore[arg-type]
            for c in chosen
        ]

    # ---- resolvers: each returns None when the phrase is not a date or cannot be resolved --------------
    def _month_number(self, word: str) -> int | None:
        return self.vocabulary.month_by_word.get(word.lower().rstrip("."))

    @staticmethod
    def _year_offset(match: re.Match[str]) -> int | None:
        relation = match.group("rel_year") if "rel_year" in match.re.groupindex else None
        return _RELATION_OFFSETS[relation.lower()] if relation else None

    def _iso(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if not 1900 <= year <= 2199:
            return None
        return _Candidate(match.start(), match.end(), date(year, month, day), "day")

    def _numeric(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        raw_year = match["y"]
        if len(raw_year) == 2:
            if match["sep"] != "/":  # "1.2.21" is a version number, "20-12-21" a code: only 20/12/21
                return None
            year = 2000 + int(raw_year)
        else:
            year = int(raw_year)
        if not 1900 <= year <= 2199:
            return None
        value = resolve_numeric_date(int(match["a"]), int(match["b"]), year, published)
        return _Candidate(match.start(), match.end(), value, "day") if value else None

    def _has_context_before(self, text: str, start: int) -> bool:
        return self._context_before.search(text[max(0, start - 24) : start]) is not None

    def _ambiguous_month_ok(self, word: str) -> bool:
        """'May'/'March' count only when capitalised (the modal verb and the noun are lower case)."""
        return word.lower() not in self.vocabulary.ambiguous_months or word[:1].isupper()

    def _month_day(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        word = match["month"].rstrip(".")
        month = self._month_number(word)
        if month is None or not self._ambiguous_month_ok(word):
            return None
        day = int(match["day"])
        if match["year"]:
            value: date | None = date(int(match["year"]), month, day)
        elif published is None:
            return None
        else:
            value = resolve_month_day(
                month, day, published, year_offset=self._year_offset(match), future=future
            )
        return _Candidate(match.start(), match.end(), value, "day") if value else None

    def _month(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        word = match["month"].rstrip(".")
        month = self._month_number(word)
        if month is None:
            return None
        has_year = "year" in match.re.groupindex and match["year"]
        year_offset = self._year_offset(match)
        month_relation_word = match["rel_month"] if "rel_month" in match.re.groupindex else None
        if month_relation_word and year_offset is None and published is not None:
            if not self._ambiguous_month_ok(word):
                return None
            relation = _MONTH_RELATIONS[_normalise(month_relation_word)]
            value = resolve_related_month(month, published, relation)  # type: ignore[arg-type]
            return _Candidate(match.start(), match.end(), value, "month")
        # "last December last year": the year relation decides; the mention starts after the first word
        start = match.start("mod") if match["mod"] is not None else match.start("month")
        is_bare = not has_year and match["mod"] is None and year_offset is None
        # A bare month name needs a capital and a preposition before it ("in December").
        if is_bare and not (word[:1].isupper() and self._has_context_before(text, match.start())):
            return None
        if not self._ambiguous_month_ok(word):
            return None
        if has_year:
            value = date(int(match["year"]), month, 1)
        elif published is None:
            return None
        else:
            value = resolve_month(month, published, year_offset=year_offset, future=future)
        return _Candidate(start, match.end(), value, "month")

    def _year(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        if match["prep"] is None and match["mod"] is None:
            return None  # "the 2010 summit", "2000 troops": a number, not a date we can trust
        start = match.start("mod") if match["mod"] is not None else match.start("year")
        return _Candidate(start, match.end(), date(int(match["year"]), 1, 1), "year")

    def _relative_period(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        if published is None:
            return None
        unit = match["unit"].lower()
        value = resolve_relative_period(unit, _RELATION_OFFSETS[match["rel"].lower()], published)  # type: ignore[arg-type]
        return _Candidate(match.start(), match.end(), value, unit)  # type: ignore[arg-type]

    def _weekday(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        if published is None:
            return None
        weekday = self.vocabulary.weekday_by_word[match["weekday"].lower()]
        if match["week_rel"]:  # "Thursday next week": that weekday of the week named
            week = resolve_relative_period("week", _RELATION_OFFSETS[match["week_rel"].lower()], published)
            return _Candidate(match.start(), match.end(), week + timedelta(days=weekday), "day")
        relation_word = match["rel"]
        relation = _WEEKDAY_RELATIONS[_normalise(relation_word).split()[-1]] if relation_word else None
        value = resolve_weekday(weekday, published, relation=relation, future=future)  # type: ignore[arg-type]
        return _Candidate(match.start(), match.end(), value, "day")

    def _weekend(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        if published is None:
            return None
        relation_word = match["rel"].lower()
        relation = _WEEKEND_RELATIONS.get(relation_word)  # None for "the weekend"
        value = resolve_weekend(published, relation=relation, future=future)  # type: ignore[arg-type]
        return _Candidate(match.start(), match.end(), value, "day")

    def _day_offset(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        if published is None:
            return None
        offset = self.vocabulary.day_offsets[_normalise(match["phrase"])]
        return _Candidate(
            match.start(), match.end(), resolve_relative_period("day", offset, published), "day"
        )

    def _ago(
        self, match: re.Match[str], text: str, published: date | None, future: bool
    ) -> _Candidate | None:
        if published is None:
            return None
        raw = _normalise(match["n"])
        amount = int(raw) if raw.isdigit() else self.vocabulary.number_words[raw]
        unit = match["unit"].lower()
        return _Candidate(match.start(), match.end(), resolve_ago(amount, unit, published), unit)  # type: ignore[arg-type]


def _longest_without_overlap(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidates first (earliest on ties), drop any that overlap a kept one."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


@lru_cache(maxsize=1)
def default_finder() -> DateFinder:
    return DateFinder(default_vocabulary())


def find_dates(text: str, published: date | None, *, future: bool = False) -> list[DateMention]:
    """Every date phrase in ``text``, resolved against ``published`` (a date or datetime).

    With ``published=None`` only phrases that carry their own year resolve; the rest are skipped.
    ``future=True`` (the clause is future tense) resolves bare weekdays, months and month-days forward.
    Never raises on any string; returns mentions in text order with exact offsets.
    """
    return default_finder().find(text, published, future=future)


def pick_event_date(mentions: list[DateMention], anchor: int) -> DateMention | None:
    """The mention nearest to the predicate at character offset ``anchor``.

    Distance is the gap between the anchor and the mention span (0 when the span covers it); on a tie
    the mention before the predicate wins, since news puts "On Tuesday, X said" before the verb.
    """
    if not mentions:
        return None

    def distance(mention: DateMention) -> tuple[int, int]:
        if mention.end <= anchor:
            return (anchor - mention.end, 0)
        if mention.start >= anchor:
            return (mention.start - anchor, 1)
        return (0, 0)

    return min(mentions, key=distance)
