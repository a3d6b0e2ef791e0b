"""The built-in demo corpus: 24 fictional articles (txt, html, jsonl) and their gold events.

See corpus/README.md for what the corpus contains and expected_events.yaml for the gold format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
EXPECTED_EVENTS_PATH = Path(__file__).resolve().parent / "expected_events.yaml"


def load_expected_events() -> list[dict[str, Any]]:
    """The gold events of the demo corpus, one dict per event (keys documented in the YAML header)."""
    data = yaml.safe_load(EXPECTED_EVENTS_PATH.read_text(encoding="utf-8"))
    return list(data["events"])


def load_false_positive_traps() -> list[dict[str, Any]]:
    """Sentences of the demo corpus in which no event may be coded."""
    data = yaml.safe_load(EXPECTED_EVENTS_PATH.read_text(encoding="utf-8"))
    return list(data["false_positive_traps"])
