"""Cleaning stage: RawDocument -> Article.

Each non-empty line of the raw text is one paragraph candidate. Lines are removed in this order:

1. noise patterns from data/noise_patterns.yaml (comment forms, captchas, share/subscribe prompts,
   bylines, photo credits, breadcrumbs, tracking junk; HTML fragments are cut out of lines);
2. publication timestamps near the top (they also give ``published`` when metadata has none);
3. lines written in another script than the body (a Cyrillic headline in an English article) or,
   for longer lines, confidently identified as another language;
4. captions that repeat the headline or an earlier line, with the short caption fragment that
   follows such a repeat ("Ned US State Department Representative");
5. truncated teaser links that end on a word no sentence ends on ("... the principle of").

Steps 3-5 are structural rules whose thresholds live in CleaningSettings. What survives is joined
with blank lines; characters are kept as they are (quotes stay curly), only whitespace inside a line
is collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Literal

from heron.clean.noise import NoiseRules, apply_patterns, load_noise_rules
from heron.clean.pubdate import (
    PubDateConfig,
    choose_publication,
    default_pubdate_config,
    find_dateline,
    find_timestamp_lines,
    load_pubdate_config,
)
from heron.ingest.language import language_with_confidence
from heron.records import Article, RawDocument, make_article_id

# Characters that end a sentence or a quoted sentence; lines without them are headings, captions or
# fragments.
_TERMINAL = tuple('.!?…:;"”’»)')
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_LanguageGuesser = Callable[[str], tuple[str | None, float]]


@dataclass(frozen=True)
class CleaningSettings:
    """Thresholds of the structural rules; the patterns themselves are data files."""

    extra_pattern_files: tuple[str, ...] = ()  # more noise pattern files, same format as the packaged one
    pubdate_config_file: str | None = None  # replaces data/publication_dates.yaml when given
    noise_line_max_chars: int = 300  # longer lines are paragraphs, never dropped by a pattern
    drop_repeated_lines: bool = True
    caption_fragment_max_words: int = 12  # short line after a repeated caption = the caption's credit
    drop_other_script_lines: bool = True
    other_script_min_letters: int = 3
    drop_other_language_lines: bool = True
    other_language_min_words: int = 8  # language id on shorter lines is unreliable
    other_language_min_confidence: float = 0.98
    drop_dangling_teasers: bool = True
    dangling_teaser_min_words: int = 5
    dangling_teaser_max_words: int = 30  # teasers are headline-sized; longer lines are cut-off paragraphs
    headline_max_words: int = 30
    headline_max_chars: int = 250
    join_wrapped_lines: bool = True  # re-join hard-wrapped lines of one paragraph


DEFAULT_SETTINGS = CleaningSettings()


@dataclass
class _Line:
    text: str
    block: int  # index of the blank-line-separated block the line came from
    kept: bool = True
    reason: str | None = None

    def drop(self, reason: str) -> None:
        self.kept = False
        self.reason = reason


def prepare_article(raw: RawDocument, settings: CleaningSettings | None = None) -> Article:
    """Clean one raw document: remove site noise, find title, publication time and language."""
    article, _ = _clean(raw, settings or DEFAULT_SETTINGS)
    return article


def explain_removed_lines(raw: RawDocument, settings: CleaningSettings | None = None) -> list[tuple[str, str]]:
    """(line, reason) for every line the cleaner removes - for tuning patterns and settings."""
    _, lines = _clean(raw, settings or DEFAULT_SETTINGS)
    return [(line.text, line.reason or "") for line in lines if not line.kept]


def _clean(raw: RawDocument, settings: CleaningSettings) -> tuple[Article, list[_Line]]:
    rules = load_noise_rules(tuple(settings.extra_pattern_files))
    pubdate_config = (load_pubdate_config(settings.pubdate_config_file) if settings.pubdate_config_file
                      else default_pubdate_config())

    # Language identification is the costliest step, and the body, the only line of a one-paragraph
    # article and the final text are often the very same string: classify each distinct text once.
    guess_language: _LanguageGuesser = lru_cache(maxsize=None)(language_with_confidence)

    lines = _split_lines(raw.text)
    _apply_noise_patterns(lines, rules, settings.noise_line_max_chars)
    published_in_text = _take_timestamps(lines, pubdate_config)
    body_language = _normalise_language(raw.language)
    if settings.drop_other_script_lines:
        _drop_other_script_lines(lines, settings)
    if settings.drop_other_language_lines:
        body_language = _drop_other_language_lines(lines, body_language, settings, guess_language)

    title = _clean_title(raw.title) or _headline_from_text(lines, settings)
    if settings.drop_repeated_lines:
        _drop_repeated_lines(lines, title, settings)
    if settings.drop_dangling_teasers:
        _drop_dangling_teasers(lines, rules, settings)

    text = "\n\n".join(_paragraphs(lines, settings.join_wrapped_lines))
    published, published_from = _publication(raw.published, published_in_text)
    language = _normalise_language(raw.language) or guess_language(text)[0]
    article = Article(
        article_id=make_article_id(raw.source_id, text),
        text=text,
        source_path=raw.source_path,
        source_id=raw.source_id,
        title=title,
        url=raw.url,
        outlet=raw.outlet,
        published=published,
        published_from=published_from,
        language=language,
        removed_noise_lines=sum(1 for line in lines if not line.kept),
    )
    return article, lines


# --- line handling ----------------------------------------------------------------------------


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    for physical in text.splitlines():
        normalised = " ".join(_ZERO_WIDTH.sub("", physical).split())
        if not normalised:
            block += 1
            continue
        lines.append(_Line(normalised, block))
    return lines


def _kept(lines: list[_Line]) -> list[_Line]:
    return [line for line in lines if line.kept]


def _apply_noise_patterns(lines: list[_Line], rules: NoiseRules, max_drop_chars: int) -> None:
    for line in lines:
        new_text, pattern_name = apply_patterns(line.text, rules.patterns, max_drop_chars)
        if new_text is None:
            line.drop(f"pattern:{pattern_name}")
        else:
            line.text = new_text


def _take_timestamps(lines: list[_Line], config: PubDateConfig) -> datetime | None:
    """Remove timestamp lines near the top; return the publication time they state."""
    # Noise lines count towards the "near the top" window too: they are part of the page header.
    texts = [line.text for line in lines]
    stamps = find_timestamp_lines(texts, config)
    for stamp in stamps:
        lines[stamp.index].drop("timestamp")
    return choose_publication(stamps) or find_dateline([line.text for line in _kept(lines)], config)


# --- structural rules -------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _script_of(letter: str) -> str:
    # The first word of a letter's Unicode name is its script: LATIN, CYRILLIC, GREEK, CJK ...
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def _script_counts(text: str) -> Counter[str]:
    """Letters per script, scripts in order of first appearance (``most_common`` breaks ties by it)."""
    counts: Counter[str] = Counter()
    # Counting characters first (in C) leaves one name look-up per distinct letter, not per letter.
    for char, number in Counter(text).items():
        if char.isalpha():
            counts[_script_of(char)] += number
    return counts


def _drop_other_script_lines(lines: list[_Line], settings: CleaningSettings) -> None:
    kept = _kept(lines)
    line_counts = [_script_counts(line.text) for line in kept]
    body_counts: Counter[str] = Counter()
    for counts in line_counts:  # the body's counts are the sum of its lines'
        body_counts.update(counts)
    if not body_counts:
        return
    body_script, _ = body_counts.most_common(1)[0]
    for line, counts in zip(kept, line_counts, strict=True):
        total = sum(counts.values())
        # A line mostly in another script; names or single words in another script stay.
        if total >= settings.other_script_min_letters and counts[body_script] < total / 2:
            line.drop("other_script")


def _drop_other_language_lines(
    lines: list[_Line], known_language: str | None, settings: CleaningSettings,
    guess_language: _LanguageGuesser = language_with_confidence,
) -> str | None:
    """Drop long lines confidently in another language; return the body language used."""
    kept = _kept(lines)
    body_language = known_language
    if body_language is None:
        body_language, confidence = guess_language(" ".join(line.text for line in kept))
        if confidence < settings.other_language_min_confidence:
            return body_language
    if body_language is None:
        return None
    for line in kept:
        if len(line.text.split()) < settings.other_language_min_words:
            continue
        language, confidence = guess_language(line.text)
        if language and language != body_language and confidence >= settings.other_language_min_confidence:
            line.drop("other_language")
    return body_language


def _repeat_key(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .")


def _drop_repeated_lines(lines: list[_Line], title: str | None, settings: CleaningSettings) -> None:
    """Drop captions that repeat the headline or an earlier line, and the credit line after them."""
    seen: set[str] = set()
    title_key = _repeat_key(title) if title else None
    drop_next_fragment = False
    for position, line in enumerate(_kept(lines)):
        key = _repeat_key(line.text)
        is_repeat = key in seen or (key == title_key and position > 0)
        if is_repeat:
            line.drop("repeated_line")
            drop_next_fragment = True
            continue
        if drop_next_fragment and _is_caption_fragment(line.text, settings):
            line.drop("caption_fragment")
            drop_next_fragment = False
            continue
        drop_next_fragment = False
        seen.add(key)


def _is_caption_fragment(text: str, settings: CleaningSettings) -> bool:
    return len(text.split()) <= settings.caption_fragment_max_words and not text.endswith(_TERMINAL)


def _drop_dangling_teasers(lines: list[_Line], rules: NoiseRules, settings: CleaningSettings) -> None:
    for line in _kept(lines):
        words = line.text.split()
        if not settings.dangling_teaser_min_words <= len(words) <= settings.dangling_teaser_max_words:
            continue
        if line.text.endswith(_TERMINAL):
            continue
        if words[-1].casefold().strip(",-–—") in rules.dangling_words:
            line.drop("dangling_teaser")


def _paragraphs(lines: list[_Line], join_wrapped: bool) -> list[str]:
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in _kept(lines):
        continues_sentence = (
            join_wrapped
            and previous is not None
            and previous.block == line.block
            and not paragraphs[-1].endswith(_TERMINAL)
            and line.text[:1].islower()
        )
        if continues_sentence:
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


# --- metadata ---------------------------------------------------------------------------------


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(title.split()) or None


def _headline_from_text(lines: list[_Line], settings: CleaningSettings) -> str | None:
    kept = _kept(lines)
    if not kept:
        return None
    first = kept[0].text
    words = first.split()
    looks_like_headline = (
        len(words) <= settings.headline_max_words
        and len(first) <= settings.headline_max_chars
        and not first.endswith(".")
    )
    return first if looks_like_headline else None


def _publication(
    from_metadata: datetime | None, from_text: datetime | None
) -> tuple[datetime | None, Literal["metadata", "text", "unknown"]]:
    if from_metadata is not None:
        return from_metadata, "metadata"
    if from_text is not None:
        return from_text, "text"
    return None, "unknown"


def _normalise_language(code: str | None) -> str | None:
    """"en-US" / "EN" / "en_GB" -> "en"."""
    if not code or not code.strip():
        return None
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower() or None
