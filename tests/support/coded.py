"""What the coder tests read from a coded sentence: its top event and the words of its actors.

Test modules import it as `coded` (pyproject.toml puts tests/support on pytest's import path).
"""

import heron
from heron.records import Actor, Event


def top(text: str) -> Event:
    """The event ranked first in ``text`` (published 2024-05-06); fails when there is none."""
    events = heron.extract(text, published="2024-05-06")
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def typed_events(text: str) -> list[Event]:
    """The events of ``text`` (published 2024-05-06) that carry a PLOVER type (no bare statements)."""
    return [e for e in heron.extract(text, published="2024-05-06") if e.plover_type]


def top_typed(text: str) -> Event:
    """The typed event ranked first in ``text``; fails when there is none."""
    events = typed_events(text)
    assert events, f"no typed event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def texts(actors: list[Actor]) -> list[str]:
    return [a.text for a in actors]


def countries(actors: list[Actor]) -> list[str | None]:
    return [a.country for a in actors]


def targets(text: str) -> list[str]:
    """The target mentions of the top event in ``text``."""
    return texts(top(text).target)
