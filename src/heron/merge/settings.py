"""Thresholds of the merge stage, in one dataclass with documented defaults (see heron.merge)."""

from __future__ import annotations

from dataclasses import dataclass


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
    corroboration_gain: float = 0.3  # each further independent source removes this share of the remaining doubt
    max_confidence: float = 0.99
    # --- stories
    story_window_days: int = 30  # articles more than this far apart in publication date are not linked by topic
    story_key_terms: int = 25  # key terms kept per article
    story_min_term_similarity: float = 0.2  # Jaccard of key-term sets for a topic link
    story_min_shared_actors: int = 2  # countries/organisations two articles must share (1 if either has only one)


DEFAULT_SETTINGS = MergeSettings()
