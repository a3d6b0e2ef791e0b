"""The cleaner's shortcuts (script counts per distinct letter, one language guess per distinct text)
give the same answers as the slow way."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from heron.clean import prepare, prepare_article
from heron.records import RawDocument


def _script_counts_letter_by_letter(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            counts[unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]] += 1
    return counts


@pytest.mark.parametrize("text", [
    "",
    "123 !?",
    "Москва and Kyiv",  # a tie broken by first appearance: CYRILLIC before LATIN
    "Kyiv and Москва",
    "Ελληνικά, 日本語のテキスト, עברית, العربية and ﬁ ligatures",
    "\U0001d400\U0001d401 mathematical letters and \u02b0 modifier letters",
])
def test_script_counts_match_counting_letter_by_letter(text: str) -> None:
    fast = prepare._script_counts(text)
    slow = _script_counts_letter_by_letter(text)
    assert list(fast.items()) == list(slow.items())  # same counts, same order (most_common ties)
    assert fast.most_common(1) == slow.most_common(1)


def test_a_one_paragraph_article_is_classified_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def counting(text: str) -> tuple[str | None, float]:
        seen.append(text)
        return "en", 0.99

    monkeypatch.setattr(prepare, "language_with_confidence", counting)
    text = "The foreign ministers of the two countries agreed on Wednesday to resume talks on the border."
    article = prepare_article(RawDocument(source_path="a.txt", source_id="a.txt", text=text, format="text"))
    assert article.language == "en"
    assert seen == [text]  # body, its only line and the final text are one string: one guess
