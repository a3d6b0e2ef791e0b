"""Word sets for comparing sentences and articles: no NLP model, so merges stay cheap and repeatable."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("heron.merge").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1 << 15)  # a corpus uses the same few thousand words again and again
def normalise(word: str) -> str:
    """Lower-case and strip a plural/possessive 's' so 'agreements' and 'agreement' match."""
    word = word.lower()
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    return frozenset(map(normalise, set(WORD.findall(text)))) - stopwords()


def name_words(text: str) -> frozenset[str]:
    """Content words written with a capital inside the sentence (not its first word): names of people,
    places and groups, which tell two similar sentences about different cases apart."""
    return sentence_words(text)[1]


def sentence_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """``content_words`` and ``name_words`` of a sentence, reading it once."""
    words = WORD.findall(text)
    content = frozenset(map(normalise, set(words))) - stopwords()
    names = frozenset(map(normalise, {w for w in words[1:] if w[0].isupper()})) - stopwords()
    return content, names


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a short restatement of a long sentence scores high)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def predicate_head(predicate: str | None) -> str | None:
    """The first content word of a predicate phrase ('held a telephone conversation' -> 'held')."""
    if not predicate:
        return None
    words = [normalise(w) for w in WORD.findall(predicate)]
    words = [w for w in words if w not in stopwords()]
    return words[0] if words else None


def key_terms(title: str | None, text: str, limit: int) -> list[str]:
    """The article's most frequent content words (title words count three times), ties alphabetical."""
    counts: dict[str, int] = {}
    stop = stopwords()
    for weight, words in ((1, Counter(WORD.findall(text))), (3, Counter(WORD.findall(title or "")))):
        for w, n in zip(map(normalise, words), words.values(), strict=True):  # each distinct word normalised once
            if len(w) >= 4 and w not in stop:
                counts[w] = counts.get(w, 0) + weight * n
    return heapq.nsmallest(limit, counts, key=lambda w: (-counts[w], w))
