"""Language identification for article text (py3langid, offline, ISO 639-1 codes)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many letters the classifier is close to guessing, so we say "unknown" instead.
MIN_LETTERS = 20

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Normalised probabilities make the confidence comparable between texts.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_with_confidence(text: str) -> tuple[str | None, float]:
    """Best language code and its probability (0..1); (None, 0.0) for too little text."""
    if not _has_enough_letters(text):
        return None, 0.0
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def _has_enough_letters(text: str) -> bool:
    """At least MIN_LETTERS letters; stops looking once found (texts run to 100,000+ characters)."""
    return sum(1 for _ in islice(_LETTER.finditer(text), MIN_LETTERS)) >= MIN_LETTERS


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ru", ...), or None when there is too little text."""
    code, _ = language_with_confidence(text)
    return code
