"""Load and check the date vocabulary (``data/date_words.yaml``; its format is documented in its header)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_VOCABULARY_PATH = Path(__file__).resolve().parent / "data" / "date_words.yaml"


class VocabularyError(ValueError):
    """The vocabulary file is missing, unreadable or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class DateVocabulary:
    month_by_word: dict[str, int]  # every spelling -> month number
    month_full_names: frozenset[str]
    ambiguous_months: frozenset[str]
    weekday_by_word: dict[str, int]  # Monday = 0
    day_parts: tuple[str, ...]
    day_offsets: dict[str, int]
    number_words: dict[str, int]
    month_modifiers: tuple[str, ...]
    period_modifiers: tuple[str, ...]
    context_prepositions: tuple[str, ...]
    year_prepositions: tuple[str, ...]


def _words(raw: Any, key: str, path: Path) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(w, str) and w.strip() for w in raw):
        raise VocabularyError(f"{path}: '{key}' must be a non-empty list of words, got {raw!r}")
    return tuple(w.strip().lower() for w in raw)


def _numbered_words(raw: Any, key: str, path: Path, low: int, high: int) -> dict[int, tuple[str, ...]]:
    if not isinstance(raw, dict) or not raw:
        raise VocabularyError(f"{path}: '{key}' must be a mapping of numbers to word lists")
    result: dict[int, tuple[str, ...]] = {}
    for number, words in raw.items():
        if not isinstance(number, int) or not low <= number <= high:
            raise VocabularyError(f"{path}: '{key}' key {number!r} must be an integer in {low}..{high}")
        result[number] = _words(words, f"{key}.{number}", path)
    if sorted(result) != list(range(low, high + 1)):
        raise VocabularyError(f"{path}: '{key}' must cover every number from {low} to {high}")
    return result


def _int_mapping(raw: Any, key: str, path: Path) -> dict[str, int]:
    if not isinstance(raw, dict) or not raw:
        raise VocabularyError(f"{path}: '{key}' must be a mapping of phrases to integers")
    result: dict[str, int] = {}
    for phrase, value in raw.items():
        if (
            not isinstance(phrase, str)
            or not phrase.strip()
            or isinstance(value, bool)
            or not isinstance(value, int)
        ):
            raise VocabularyError(
                f"{path}: '{key}' entry {phrase!r}: {value!r} must map a phrase to an integer"
            )
        result[" ".join(phrase.lower().split())] = value
    return result


def load_vocabulary(path: Path | str = DEFAULT_VOCABULARY_PATH) -> DateVocabulary:
    """Read and validate a vocabulary file; raise :class:`VocabularyError` naming the file on any problem."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise VocabularyError(f"{path}: cannot read date vocabulary ({error})") from error
    except yaml.YAMLError as error:
        raise VocabularyError(f"{path}: invalid YAML ({error})") from error
    if not isinstance(raw, dict):
        raise VocabularyError(f"{path}: expected a mapping at the top level")
    required = (
        "months",
        "ambiguous_months",
        "weekdays",
        "day_parts",
        "day_offsets",
        "number_words",
        "month_modifiers",
        "period_modifiers",
        "context_prepositions",
        "year_prepositions",
    )
    missing = [key for key in required if key not in raw]
    if missing:
        raise VocabularyError(f"{path}: missing keys: {', '.join(missing)}")

    months = _numbered_words(raw["months"], "months", path, 1, 12)
    weekdays = _numbered_words(raw["weekdays"], "weekdays", path, 0, 6)
    month_by_word = {word: number for number, words in months.items() for word in words}
    full_names = frozenset(words[0] for words in months.values())
    ambiguous = frozenset(_words(raw["ambiguous_months"], "ambiguous_months", path))
    unknown = ambiguous - full_names
    if unknown:
        raise VocabularyError(f"{path}: ambiguous_months {sorted(unknown)} are not full month names")
    return DateVocabulary(
        month_by_word=month_by_word,
        month_full_names=full_names,
        ambiguous_months=ambiguous,
        weekday_by_word={word: number for number, words in weekdays.items() for word in words},
        day_parts=_words(raw["day_parts"], "day_parts", path),
        day_offsets=_int_mapping(raw["day_offsets"], "day_offsets", path),
        number_words=_int_mapping(raw["number_words"], "number_words", path),
        month_modifiers=_words(raw["month_modifiers"], "month_modifiers", path),
        period_modifiers=_words(raw["period_modifiers"], "period_modifiers", path),
        context_prepositions=_words(raw["context_prepositions"], "context_prepositions", path),
        year_prepositions=_words(raw["year_prepositions"], "year_prepositions", path),
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> DateVocabulary:
    return load_vocabulary(DEFAULT_VOCABULARY_PATH)
