"""Arbitrary text never crashes the cleaner, and cleaning keeps only lines of the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from heron.clean import prepare_article
from heron.records import RawDocument


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=15))
def test_arbitrary_text_is_cleaned_without_crashing(lines: list[str]) -> None:
    raw = RawDocument(source_path="x.txt", source_id="x.txt", text="\n\n".join(lines), format="text")
    article = prepare_article(raw)
    assert article.published_from in ("text", "unknown")
    assert "\n\n\n" not in article.text
    assert article.text == article.text.strip()
    assert article.removed_noise_lines >= 0
