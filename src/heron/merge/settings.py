"""Thresholds of the merge stage, in one dataclass with documented defaults (see heron.merge).

A database remembers the settings its merge tables were built with (``merge_settings`` table), so the
merge that every later ``heron ingest`` runs keeps using them; ``heron merge --rebuild --set NAME=VALUE``
rebuilds with other values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class MergeSettings:
    # --- near-duplicate articles (MinHash over word shingles, LSH for candidates)
    shingle_words: int = 5  # words per shingle
    minhash_permutations: int = 128
    duplicate_jaccard: float = 0.8  # estimated Jaccard of shingle sets at or above which two articles are copies
    # --- event merge
    day_tolerance_days: int = 1  # a day-precise date may be off by this much between outlets (time zones)
    publication_slack_days: int = 2  # an event dated by its article's publication day happened up to N days before
    inferred_publication_slack_days: int = 7  # ... and up to N days when the publication day was inferred
    min_text_similarity: float = 0.25  # sentence similarity needed when the actors agree
    strong_text_similarity: float = 0.5  # needed when one side has no country/organisation for its actors
    min_shared_words: int = 2  # content words two sentences must share (short sentences overlap by chance)
    strong_shared_words: int = 3  # ... in the strong case
    copy_text_similarity: float = 0.8  # same sentence in two near-duplicate articles: merged whatever else differs
    predicate_bonus: float = 0.15  # added to the similarity when the predicates share their head word
    # The vaguer a date, the less it says about which event a sentence reports, and the more textual
    # evidence a pair needs (the weaker date of the two counts). The publication day standing in for the
    # event's (no date in the text), unless the predicates share their head word or the sources are the same:
    publication_text_similarity: float = 0.4
    publication_shared_words: int = 3
    # A month:
    vague_text_similarity: float = 0.5
    vague_shared_words: int = 4
    vague_shared_names: int = 1  # capitalised words (people, places, groups) both sentences name
    # A year says almost nothing ("seized 3 tons in 2012"): the same predicate and near-identical sentences.
    year_text_similarity: float = 0.7
    year_shared_names: int = 2
    year_needs_same_predicate: bool = True
    # Two sentences of one article: the same predicate head word or CAMEO code, and with a month or year
    # date, one must repeat the other (a quote, a summary line):
    same_article_needs_same_predicate: bool = True
    same_article_text_similarity: float = 0.95  # with predicate_bonus: 80% of the shorter one's words
    same_article_day_tolerance_days: int = 0  # explicit days in one article (one time zone) must agree
    # A date given as the start of a span ("since 1995", "between 2006 and 2014") dates a tally, not an
    # event: such mentions merge only with copies of their sentence.
    span_date_words: tuple[str, ...] = ("since", "between", "from")
    # Types that may be one event reported in different words: CAMEO code prefixes, one group per entry
    # joined by '+'. "03+057": an offer or proposal of an agreement (03x, AGREE) and the formal agreement
    # itself (057, SUPPORT). Mentions of different PLOVER types in one group need strong textual evidence.
    compatible_cameo_groups: tuple[str, ...] = ("03+057",)
    corroboration_gain: float = 0.3  # each further independent source removes this share of the remaining doubt
    max_confidence: float = 0.99
    # --- stories
    story_window_days: int = 30  # articles more than this far apart in publication date are not linked by topic
    story_key_terms: int = 25  # key terms kept per article
    story_min_term_similarity: float = 0.2  # Jaccard of key-term sets for a topic link
    # An undated article cannot be held to the window, so its topic links need closer wording.
    story_undated_min_term_similarity: float = 0.3
    story_min_shared_actors: int = 2  # countries/organisations two articles must share (1 if either has only one)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MergeSettings:
        """Settings stored by ``to_json``; fields unknown to this version are ignored, missing ones default."""
        stored = json.loads(text)
        known = {f.name for f in fields(cls)}
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in stored.items() if k in known}
        return cls(**values)

    def with_overrides(self, assignments: Iterable[str] | Mapping[str, Any]) -> MergeSettings:
        """A copy with fields changed, from ``NAME=VALUE`` strings (command line) or a mapping."""
        by_name = {f.name: f for f in fields(self)}
        items = assignments.items() if isinstance(assignments, Mapping) else (_split(a) for a in assignments)
        changes: dict[str, Any] = {}
        for name, value in items:
            if name not in by_name:
                raise ValueError(f"unknown merge setting {name!r} (known: {', '.join(sorted(by_name))})")
            changes[name] = _coerce(getattr(self, name), value, name)
        return replace(self, **changes)


def _split(assignment: str) -> tuple[str, str]:
    name, sep, value = assignment.partition("=")
    if not sep:
        raise ValueError(f"expected NAME=VALUE, got {assignment!r}")
    return name.strip(), value.strip()


def _coerce(default: Any, value: Any, name: str) -> Any:
    """Convert a command-line string to the type of the field's default."""
    if not isinstance(value, str):
        return tuple(value) if isinstance(default, tuple) else value
    try:
        if isinstance(default, bool):
            if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(value)
            return value.lower() in ("true", "1", "yes")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            return tuple(v.strip() for v in value.split(",") if v.strip())
    except ValueError:
        raise ValueError(f"merge setting {name}: cannot read {value!r} as {type(default).__name__}") from None
    return value


DEFAULT_SETTINGS = MergeSettings()
