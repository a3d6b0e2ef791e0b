"""Load the noise patterns (data/noise_patterns.yaml plus any user files) and apply them to lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

PatternAction = Literal["drop_line", "strip"]
_ACTIONS = ("drop_line", "strip")
# What is left of a line after stripping that still counts as nothing.
_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$")


class NoisePatternError(ValueError):
    """A noise pattern file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class NoisePattern:
    name: str
    action: PatternAction
    regex: re.Pattern[str]
    comment: str


@dataclass(frozen=True)
class NoiseRules:
    patterns: tuple[NoisePattern, ...]
    dangling_words: frozenset[str]


def _parse_file(text: str, origin: str) -> tuple[list[NoisePattern], set[str]]:
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise NoisePatternError(f"{origin}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise NoisePatternError(f"{origin}: expected a mapping with a 'patterns' list")
    patterns: list[NoisePattern] = []
    for number, entry in enumerate(data.get("patterns") or [], start=1):
        where = f"{origin}: pattern #{number}"
        if not isinstance(entry, dict):
            raise NoisePatternError(f"{where}: expected a mapping with name, action, pattern, comment")
        missing = [key for key in ("name", "action", "pattern", "comment") if not entry.get(key)]
        if missing:
            raise NoisePatternError(f"{where} ({entry.get('name', '?')}): missing {', '.join(missing)}")
        if entry["action"] not in _ACTIONS:
            raise NoisePatternError(f"{where} ({entry['name']}): action must be one of {_ACTIONS}")
        try:
            regex = re.compile(str(entry["pattern"]), re.IGNORECASE)
        except re.error as error:
            raise NoisePatternError(f"{where} ({entry['name']}): bad regular expression: {error}") from None
        patterns.append(NoisePattern(str(entry["name"]), entry["action"], regex, str(entry["comment"])))
    dangling = {str(word).lower() for word in data.get("dangling_words") or []}
    return patterns, dangling


@lru_cache(maxsize=8)
def load_noise_rules(extra_files: tuple[str, ...] = ()) -> NoiseRules:
    """The packaged patterns followed by those in ``extra_files`` (same format)."""
    packaged = resources.files("heron.clean").joinpath("data/noise_patterns.yaml").read_text("utf-8")
    patterns, dangling = _parse_file(packaged, "noise_patterns.yaml")
    for extra in extra_files:
        try:
            text = Path(extra).read_text(encoding="utf-8")
        except OSError as error:
            raise NoisePatternError(f"{extra}: cannot read noise pattern file: {error.strerror or error}") from None
        more_patterns, more_dangling = _parse_file(text, extra)
        patterns.extend(more_patterns)
        dangling |= more_dangling
    return NoiseRules(tuple(patterns), frozenset(dangling))


def apply_patterns(
    line: str, patterns: Iterable[NoisePattern], max_drop_chars: int | None = None
) -> tuple[str | None, str | None]:
    """Return (line after stripping, or None if the line is noise; name of the deciding pattern).

    Strip patterns run first, so a line is judged by what is left once fragments are cut out.
    Lines longer than ``max_drop_chars`` are never dropped whole: site furniture is short, and a
    long paragraph that mentions "spelling error" or "subscribe" is real text.
    """
    patterns = tuple(patterns)
    stripped_by: str | None = None
    for pattern in patterns:
        if pattern.action != "strip":
            continue
        new_line = " ".join(pattern.regex.sub(" ", line).split())
        if new_line != line:
            stripped_by, line = pattern.name, new_line
            if _ONLY_PUNCTUATION.match(line):
                return None, pattern.name
    if max_drop_chars is not None and len(line) > max_drop_chars:
        return line, stripped_by
    for pattern in patterns:
        if pattern.action == "drop_line" and pattern.regex.search(line):
            return None, pattern.name
    return line, stripped_by
