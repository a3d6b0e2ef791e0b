"""Find date phrases in sentences and resolve them against the publication date.

Public API:
    find_dates(text, published, *, future=False) -> list[DateMention]
    pick_event_date(mentions, anchor) -> DateMention | None
    resolve_* helpers (pure calendar arithmetic), DateFinder / load_vocabulary for a custom vocabulary.
"""

from heron.dates.finder import DateFinder, Precision, default_finder, find_dates, pick_event_date
from heron.dates.resolve import (
    first_of_month,
    resolve_ago,
    resolve_month,
    resolve_month_day,
    resolve_numeric_date,
    resolve_related_month,
    resolve_relative_period,
    resolve_weekday,
    resolve_weekend,
    shift_months,
    week_start,
)
from heron.dates.vocabulary import DateVocabulary, VocabularyError, default_vocabulary, load_vocabulary

__all__ = [
    "DateFinder",
    "DateVocabulary",
    "Precision",
    "VocabularyError",
    "default_finder",
    "default_vocabulary",
    "find_dates",
    "first_of_month",
    "load_vocabulary",
    "pick_event_date",
    "resolve_ago",
    "resolve_month",
    "resolve_month_day",
    "resolve_numeric_date",
    "resolve_related_month",
    "resolve_relative_period",
    "resolve_weekday",
    "resolve_weekend",
    "shift_months",
    "week_start",
]
