"""Smoke run over the shared InSight Crime corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from heron.dates import find_dates

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "insightcrime" / "articles.jsonl"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available"),
]


def test_real_prose_yields_well_formed_mentions() -> None:
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(200), lines, strict=False)]
    published = date(2020, 6, 15)
    mentions = [(text, m) for text in texts for m in find_dates(text, published)]
    assert len(mentions) > 500  # real news is full of dates
    for text, mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert date(1900, 1, 1) <= mention.value <= date(2021, 12, 31)
    # lower-case "may"/"march" are never months in this corpus' prose
    assert not [m.text for _, m in mentions if m.text in {"may", "march"}]
