"""Find an article's publication time in its own first lines.

Scraped text often carries the page's timestamp as a line near the top ("13:29 02 Feb 2022",
"Published:" followed by "26 ene 2022 17:47 GMT", "Updated Jan. 5, 2022"). Only the first few lines
are searched (``max_lines`` in data/publication_dates.yaml) because dates further down are the dates
of events. A line counts as a timestamp only when, after its label, it is short and little more than
a date, so sentences that mention a date are never taken for one.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Timestamps hold a month name, weekday, AM/PM and a zone at most; more words means prose.
MAX_WORDS_IN_TIMESTAMP = 4


@dataclass(frozen=True)
class PubDateConfig:
    max_lines: int
    max_chars: int
    languages: tuple[str, ...]
    labels: tuple[tuple[str, str], ...]  # (label text, kind)
    dateline: re.Pattern[str] | None
    label_pattern: re.Pattern[str] = field(repr=False, compare=False, default=re.compile(r"(?!)"))


@dataclass(frozen=True)
class TimestampLine:
    """A line (by index) that is a publication timestamp or a bare label in front of one."""

    index: int
    value: datetime | None  # None for a bare label line ("Published:")
    kind: str  # "published" or "updated"


def load_pubdate_config(path: str | None = None) -> PubDateConfig:
    """Read the settings file (the packaged data/publication_dates.yaml unless ``path`` is given)."""
    if path is None:
        text = resources.files("heron.clean").joinpath("data/publication_dates.yaml").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    data: dict[str, Any] = yaml.safe_load(text) or {}
    labels = tuple((str(entry["text"]).lower(), str(entry.get("kind", "published"))) for entry in data.get("labels", []))
    # Longest label first so "last updated" wins over "updated".
    alternatives = "|".join(re.escape(text) for text, _ in sorted(labels, key=lambda item: -len(item[0])))
    label_pattern = re.compile(rf"^(?P<label>{alternatives})\b(\s+(on|at))?\s*:?\s*", re.IGNORECASE)
    dateline = data.get("dateline")
    return PubDateConfig(
        max_lines=int(data.get("max_lines", 10)),
        max_chars=int(data.get("max_chars", 60)),
        languages=tuple(data.get("languages", ["en"])),
        labels=labels,
        dateline=re.compile(dateline) if dateline else None,
        label_pattern=label_pattern,
    )


@lru_cache(maxsize=1)
def default_pubdate_config() -> PubDateConfig:
    return load_pubdate_config()


def parse_timestamp(text: str, config: PubDateConfig) -> datetime | None:
    """Parse a string that should be nothing but a date/time; None when it is anything else."""
    text = text.strip().strip("|·•-–—,").strip()
    if not text or len(text) > config.max_chars or not _YEAR.search(text):
        return None
    if len(_WORD.findall(text)) > MAX_WORDS_IN_TIMESTAMP:
        return None
    iso = _parse_iso(text)
    if iso is not None:
        return iso
    import dateparser  # imported late: loading its language data takes a moment

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser warns about pytz/tz internals on some inputs
        try:
            parsed = dateparser.parse(
                text,
                languages=list(config.languages),
                settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                          "STRICT_PARSING": False, "REQUIRE_PARTS": ["day", "month", "year"]},
            )
        except Exception:  # dateparser can raise on odd input; a missed date is not an error
            return None
    return parsed


def _parse_iso(text: str) -> datetime | None:
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def find_timestamp_lines(lines: list[str], config: PubDateConfig | None = None) -> list[TimestampLine]:
    """Timestamp lines among the first ``max_lines`` non-empty ``lines`` (label-only lines included)."""
    config = config or default_pubdate_config()
    kinds = dict(config.labels)
    found: list[TimestampLine] = []
    seen_non_empty = 0
    pending_label: tuple[int, str] | None = None  # a "Published:" line waiting for its date
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen_non_empty += 1
        if seen_non_empty > config.max_lines:
            break
        label_match = config.label_pattern.match(line)
        kind = kinds.get(label_match.group("label").lower(), "published") if label_match else None
        rest = line[label_match.end():] if label_match else line
        if label_match and not rest.strip():
            pending_label = (index, kind or "published")
            continue
        value = parse_timestamp(rest, config)
        if value is not None:
            if pending_label is not None:
                found.append(TimestampLine(pending_label[0], None, pending_label[1]))
                kind = kind or pending_label[1]
            found.append(TimestampLine(index, value, kind or "published"))
        pending_label = None
    return found


def find_dateline(lines: list[str], config: PubDateConfig | None = None) -> datetime | None:
    """Date of an agency dateline ("WASHINGTON, Jan. 5, 2022 (Reuters) - ...") in the first lines."""
    config = config or default_pubdate_config()
    if config.dateline is None:
        return None
    for line in [line for line in lines if line.strip()][: config.max_lines]:
        match = config.dateline.match(line)
        if match:
            value = parse_timestamp(match.group("date"), config)
            if value is not None:
                return value
    return None


def choose_publication(timestamps: list[TimestampLine]) -> datetime | None:
    """The first "published" timestamp, else the first "updated" one."""
    dated = [stamp for stamp in timestamps if stamp.value is not None]
    for stamp in dated:
        if stamp.kind == "published":
            return stamp.value
    return dated[0].value if dated else None
