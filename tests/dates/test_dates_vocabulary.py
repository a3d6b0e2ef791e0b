"""The packaged vocabulary loads; broken vocabulary files fail with a message naming file and problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from heron.dates import DateFinder, VocabularyError, default_vocabulary, load_vocabulary
from heron.dates.vocabulary import DEFAULT_VOCABULARY_PATH


def test_packaged_vocabulary() -> None:
    vocabulary = default_vocabulary()
    assert vocabulary.month_by_word["sept"] == 9
    assert vocabulary.month_by_word["december"] == 12
    assert vocabulary.weekday_by_word["sunday"] == 6
    assert vocabulary.day_offsets["the day before yesterday"] == -2
    assert vocabulary.ambiguous_months == frozenset({"may", "march"})
    assert "on" in vocabulary.context_prepositions  # quoted in YAML, so not the boolean True


def _write_variant(tmp_path: Path, **changes: object) -> Path:
    raw = yaml.safe_load(DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8"))
    raw.update(changes)
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match=r"nope\.yaml: cannot read"):
        load_vocabulary(tmp_path / "nope.yaml")


def test_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("months: [unclosed", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"bad\.yaml: invalid YAML"):
        load_vocabulary(path)


def test_missing_month(tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8"))
    del raw["months"][12]
    with pytest.raises(VocabularyError, match=r"words\.yaml: 'months' must cover every number from 1 to 12"):
        load_vocabulary(_write_variant(tmp_path, months=raw["months"]))


def test_boolean_word_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="'context_prepositions' must be a non-empty list of words"):
        load_vocabulary(_write_variant(tmp_path, context_prepositions=["in", True]))


def test_missing_key(tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_VOCABULARY_PATH.read_text(encoding="utf-8"))
    del raw["weekdays"]
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(VocabularyError, match="missing keys: weekdays"):
        load_vocabulary(path)


def test_custom_vocabulary_changes_behaviour(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, day_offsets={"the other day": -2, "today": 0})
    finder = DateFinder(load_vocabulary(path))
    mentions = finder.find("We met the other day.", date(2022, 2, 2))
    assert [(m.text, m.value) for m in mentions] == [("the other day", date(2022, 1, 31))]
