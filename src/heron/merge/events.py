"""Event merge: mentions (coded sentences) of one real-world event become one merged event.

Two mentions are *compatible* (may describe the same event) when:

1. **Copies.** Their articles are near-duplicates, both mentions have the same type family and their
   sentences are nearly the same (similarity >= ``copy_text_similarity``): merged whatever else differs.
2. Otherwise all of these hold:
   - **Type family**: same PLOVER type (bare statements form their own family, ``STATEMENT``), or two
     types of one ``compatible_cameo_groups`` entry (by CAMEO prefix: "03+057", an offer of an agreement
     and the agreement), which then need the strong textual evidence below.
   - **Dates**: both dated, and the ranges their precisions allow overlap. A day is ``[d-1, d+1]``
     (``day_tolerance_days``: outlets in other time zones), a week its seven days, a month or year all
     of it; a date taken from the publication day covers the ``publication_slack_days`` before it
     (``inferred_publication_slack_days`` when the publication day was itself inferred from the batch,
     see clean.anchor); an undated mention merges only with copies.
   - **Actors**: when both mentions name countries/organisations, the sets overlap, and the roles are
     not reversed (Russia accusing the US is not the US accusing Russia). Codes only on different
     sides ("Russia published drafts" with no target, "drafts were delivered to the US and NATO" with
     no source) neither confirm nor contradict each other: such a pair counts as having no codes.
   - **Text**: sentence similarity (overlap coefficient of content words, plus ``predicate_bonus`` when
     the predicates share their head word) reaches ``min_text_similarity`` - or
     ``strong_text_similarity`` when either mention has no coded country/organisation (an empty actor
     list matches anything only on strong textual evidence) or is a bare statement; and the sentences
     share at least ``min_shared_words`` content words (``strong_shared_words`` in the strong case).
   - **Vague dates need more evidence** (the weaker date of the two counts, ``date_strength``): a
     publication day standing in for the event's needs the same predicate head or the same sources, or
     ``publication_text_similarity``; a month needs ``vague_text_similarity``, ``vague_shared_words``
     and ``vague_shared_names`` shared capitalised names; a year the same predicate head,
     ``year_text_similarity`` and ``year_shared_names``. A date that starts a span ("since 1995",
     ``span_date_words``) dates a tally: merged only with copies. The date's own words do not count.
   - **One article**: two of its sentences need the same predicate head or CAMEO code, the same
     explicit day, and with a month or year date ``same_article_text_similarity`` (one repeats the other).
   - Two events from the same sentence are never merged (the coder split them for a reason).

Clustering is deterministic and independent of ingest order: mentions are linked into candidate
components (connected by compatibility), and each component is clustered on its own, greedily in a canonical
order - most precise date first (explicit day, publication day, week, month, year), then date, then
event id. A mention joins the first cluster holding a compatible mention (for bare statements: whose
first mention is compatible) whose running date range still overlaps its own, so a month-precise mention cannot chain the 12th and the 19th together.
The merged event takes the most precise date (the first mention's) and the range it could be.
Incrementally, only the components reached from the new mentions are clustered again; since adding
mentions only adds links, every other cluster is unchanged.

Finding the compatible pairs without testing every pair (``CandidateIndex``): copies are looked for
only among the mentions of the other articles of a copy group; other pairs need overlapping date
ranges, found in ranges sorted by start; and a pair with a year-precise date needs the same predicate
head, so year-precise mentions are looked up by head (on InSight Crime, 97% of the date-overlapping
pairs involve a year and almost none of them share the head). Each pair is tested once.

Confidence grows with independent corroboration: ``1 - (1 - best) * (1 - corroboration_gain) ** (k - 1)``
where ``best`` is the highest mention confidence and ``k`` the number of independent sources (copy
groups of articles: near-duplicates count once).
"""

from __future__ import annotations

import bisect
import calendar
import hashlib
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from heron.merge.settings import MergeSettings
from heron.merge.text import content_words, overlap, predicate_head, sentence_words

STATEMENT = "STATEMENT"
Interval = tuple[date, date]
# Rank of a mention's date for the canonical order: lower is more precise.
_PRECISION_RANK = {"day": 0, "week": 2, "month": 3, "year": 4}


@dataclass(slots=True)
class Mention:
    """One coded event as the merge stage sees it (a row of the events table)."""

    event_id: str
    article_id: str
    sentence_start: int
    sentence: str
    predicate: str
    plover_type: str | None
    mode: str | None = None
    quad: str | None = None
    cameo: str | None = None
    goldstein: float = 0.0
    event_date: date | None = None
    date_precision: str | None = None
    date_from_publication: bool = False
    date_text: str | None = None  # the words the date was read from ("December 2006")
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    confidence: float = 0.5
    published: datetime | None = None
    published_from: str | None = None
    outlet: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)
    names: frozenset[str] = field(default_factory=frozenset)
    head: str | None = None

    def __post_init__(self) -> None:
        if not self.words or not self.names:
            words, names = sentence_words(self.sentence or "")
            if not self.words:
                # The date's own words ("March 2019") are checked by the date rule, not counted as shared wording.
                self.words = words - content_words(self.date_text) if self.date_text else words
            if not self.names:
                self.names = names
        if self.head is None:
            self.head = predicate_head(self.predicate)

    @property
    def family(self) -> str:
        return self.plover_type or STATEMENT

    @property
    def actor_codes(self) -> set[str]:
        return set(self.source_codes) | set(self.target_codes)

    @property
    def precision_rank(self) -> int:
        if self.event_date is None or self.date_precision is None:
            return 9
        rank = _PRECISION_RANK.get(self.date_precision, 5)
        return 1 if rank == 0 and self.date_from_publication else rank


@dataclass(frozen=True, slots=True)
class Traits:
    """What the rules derive from a mention under some settings: computed once per mention by
    ``CandidateIndex``, since each mention is tested against dozens of others."""

    family: str  # family_of
    interval: Interval | None  # date_interval
    strength: int  # date_strength
    span_date: bool  # is_span_date

    @classmethod
    def of(cls, mention: Mention, settings: MergeSettings) -> Traits:
        return cls(
            family=family_of(mention, settings), interval=date_interval(mention, settings),
            strength=date_strength(mention), span_date=is_span_date(mention, settings),
        )


def date_interval(mention: Mention, settings: MergeSettings, *, padded: bool = True) -> Interval | None:
    """The days the mention's event could have happened on, from its date and precision."""
    day = mention.event_date
    if day is None:
        return None
    precision = mention.date_precision or "day"
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if mention.date_from_publication:
        # An inferred publication day (clean.anchor) is itself a guess: a wider range before it.
        inferred = mention.published_from == "inferred"
        slack = settings.inferred_publication_slack_days if inferred else settings.publication_slack_days
        return (day - timedelta(days=slack) if padded else day), day
    tolerance = timedelta(days=settings.day_tolerance_days if padded else 0)
    return day - tolerance, day + tolerance


def _intersect(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None or b is None:
        return None
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def text_similarity(a: Mention, b: Mention, settings: MergeSettings) -> float:
    score = overlap(a.words, b.words)
    if a.head and a.head == b.head:
        score += settings.predicate_bonus
    return score


def family_of(mention: Mention, settings: MergeSettings) -> str:
    """The merge family: the PLOVER type, or the ``compatible_cameo_groups`` entry its CAMEO code falls in."""
    if mention.plover_type and mention.cameo and settings.compatible_cameo_groups:
        return _family(mention.plover_type, mention.cameo, settings.compatible_cameo_groups)
    return mention.family


@lru_cache(maxsize=4096)
def _family(plover_type: str, cameo: str, cameo_groups: tuple[str, ...]) -> str:
    for group in cameo_groups:
        if any(cameo.startswith(prefix) for prefix in group.split("+") if prefix):
            return group
    return plover_type


def date_strength(mention: Mention) -> int:
    """How little a mention's date says about which event it reports: 0 an explicit day or week,
    1 the publication day standing in for the event's (no date in the text; its range is already wider
    when the publication day was inferred), 2 a month, 3 only a year."""
    if mention.date_precision == "year":
        return 3
    if mention.date_precision == "month":
        return 2
    return 1 if mention.date_from_publication else 0


def is_span_date(mention: Mention, settings: MergeSettings) -> bool:
    """Whether the sentence gives its date as the start of a span ("killed 10,000 people since 1995",
    "between 2006 and 2014"): a tally over years, not an event on that date."""
    if not mention.date_text or not mention.sentence or not settings.span_date_words:
        return False
    return _span_pattern(settings.span_date_words, mention.date_text).search(mention.sentence) is not None


@lru_cache(maxsize=4096)
def _span_pattern(words: tuple[str, ...], date_text: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(?:{alternatives})\s+(?:the\s+)?{re.escape(date_text)}", re.IGNORECASE)


def compatible(a: Mention, b: Mention, groups: Mapping[str, str], settings: MergeSettings) -> bool:
    """Whether two mentions may report the same real-world event (rules in the module docstring).
    Symmetric: ``compatible(a, b) == compatible(b, a)``."""
    return _compatible(a, Traits.of(a, settings), b, Traits.of(b, settings), groups, settings)


def _compatible(
    a: Mention, traits_a: Traits, b: Mention, traits_b: Traits, groups: Mapping[str, str], settings: MergeSettings
) -> bool:
    if a.article_id == b.article_id and a.sentence_start == b.sentence_start:
        return False
    if traits_a.family != traits_b.family:
        return False
    if is_copy(a, b, groups, settings):
        return True
    if _intersect(traits_a.interval, traits_b.interval) is None:
        return False
    if traits_a.span_date or traits_b.span_date:
        return False
    needed, shared_needed = settings.min_text_similarity, settings.min_shared_words
    codes_a, codes_b = a.actor_codes, b.actor_codes
    compared = bool(codes_a and codes_b) and (
        bool(codes_a & codes_b) or bool(a.source_codes and b.source_codes) or bool(a.target_codes and b.target_codes)
    )
    strong = not compared or a.family == STATEMENT or a.plover_type != b.plover_type
    if compared:
        if not codes_a & codes_b:
            return False
        src_a, src_b, tgt_a, tgt_b = map(set, (a.source_codes, b.source_codes, a.target_codes, b.target_codes))
        if src_a & tgt_b and src_b & tgt_a and not src_a & src_b:
            return False  # roles reversed: Russia accusing the US is not the US accusing Russia
    if strong:  # no actors to compare, a bare statement, or two types of one compatible group
        needed, shared_needed = settings.strong_text_similarity, settings.strong_shared_words
    same_head = bool(a.head) and a.head == b.head
    strength = max(traits_a.strength, traits_b.strength)
    shared_names = 0
    same_article = a.article_id == b.article_id
    if same_article and settings.same_article_needs_same_predicate and not (same_head or a.cameo == b.cameo):
        return False  # one article tells two events apart by wording them differently
    if strength == 0 and same_article and a.event_date and b.event_date and (
        abs((a.event_date - b.event_date).days) > settings.same_article_day_tolerance_days
    ):
        return False  # one article, one time zone: its explicit days agree (the tolerance is for other outlets)
    if strength == 1 and not same_head and not _same_sources(a, b):
        # A publication day: the same predicate or the same sources, or else more shared wording.
        needed = max(needed, settings.publication_text_similarity)
        shared_needed = max(shared_needed, settings.publication_shared_words)
    if strength >= 2:
        needed = max(needed, settings.vague_text_similarity)
        shared_needed = max(shared_needed, settings.vague_shared_words)
        shared_names = settings.vague_shared_names
        if same_article:  # two sentences of one article with a vague date: merged when one repeats the other
            needed = max(needed, settings.same_article_text_similarity)
    if strength >= 3:
        if settings.year_needs_same_predicate and not same_head:
            return False
        needed = max(needed, settings.year_text_similarity)
        shared_names = settings.year_shared_names
    if len(a.words & b.words) < shared_needed:
        return False  # short sentences overlap by chance
    if len(a.names & b.names) < shared_names:
        return False  # similar wording about other people or places
    return text_similarity(a, b, settings) >= needed


def _same_sources(a: Mention, b: Mention) -> bool:
    return bool(a.source_codes) and set(a.source_codes) == set(b.source_codes)


def is_copy(a: Mention, b: Mention, groups: Mapping[str, str], settings: MergeSettings) -> bool:
    if a.article_id == b.article_id:
        return False
    if groups.get(a.article_id, a.article_id) != groups.get(b.article_id, b.article_id):
        return False
    return overlap(a.words, b.words) >= settings.copy_text_similarity


def canonical_key(mention: Mention) -> tuple[Any, ...]:
    """Most precise date first, then the earliest report. Ties are broken by what the mention says, not
    by its id: ids hash the input's path, and the clusters must not change with where a corpus lies."""
    published = mention.published.date() if mention.published else date.max
    return (mention.precision_rank, mention.event_date or date.max, published, mention.outlet or "",
            mention.sentence, mention.sentence_start, mention.predicate, mention.event_id)


class _IntervalIndex:
    """Date ranges sorted by start: those overlapping a range start at most ``longest`` before it."""

    def __init__(self) -> None:
        self.rows: list[tuple[date, date, str]] = []
        self.starts: list[date] = []
        self.longest = timedelta(0)

    def add(self, interval: Interval, event_id: str) -> None:
        self.rows.append((interval[0], interval[1], event_id))
        self.longest = max(self.longest, interval[1] - interval[0])

    def freeze(self) -> None:
        self.rows.sort()
        self.starts = [row[0] for row in self.rows]

    def overlapping(self, interval: Interval) -> Iterator[str]:
        first = bisect.bisect_left(self.starts, interval[0] - self.longest)
        stop = bisect.bisect_right(self.starts, interval[1])
        return (event_id for _start, end, event_id in self.rows[first:stop] if end >= interval[0])


class CandidateIndex:
    """Finds the mentions that may be compatible with a given one without comparing all pairs.

    A pair is compatible either as copies (near-duplicate articles: only the sentences are compared) or
    by the other rules, which need two dated mentions whose date ranges overlap. So the candidates of a
    mention are the mentions of its family in the other articles of its copy group, tested as copies,
    and the dated mentions of its family whose date range overlaps its own, tested by every rule. A
    pair with a year-precise date also needs the same predicate head (``year_needs_same_predicate``),
    so year-precise mentions are indexed by head word: a year holds many mentions of a family, few of
    them with the same head.
    """

    def __init__(self, mentions: Iterable[Mention], groups: Mapping[str, str], settings: MergeSettings) -> None:
        self.settings = settings
        self.groups = groups
        self.by_group: dict[tuple[str, str], list[Mention]] = defaultdict(list)  # groups of 2+ articles only
        self.by_date: dict[tuple[str, bool, str | None], _IntervalIndex] = defaultdict(_IntervalIndex)
        self.mentions: dict[str, Mention] = {}
        self.traits: dict[str, Traits] = {}
        copied = {group for group, n in Counter(groups.values()).items() if n > 1}
        for mention in mentions:
            self.mentions[mention.event_id] = mention
            traits = self.traits[mention.event_id] = Traits.of(mention, settings)
            group = groups.get(mention.article_id, mention.article_id)
            if group in copied:
                self.by_group[(traits.family, group)].append(mention)
            if traits.interval is not None:
                for key in self._keys(mention, traits.family, stored=True):
                    self.by_date[key].add(traits.interval, mention.event_id)
        for index in self.by_date.values():
            index.freeze()

    def _keys(self, mention: Mention, family: str, *, stored: bool) -> list[tuple[str, bool, str | None]]:
        """The date indexes, keyed (family, year-precise, head), a dated mention is stored in (or
        searched in). Without the year rule, one per family. With it, a year-precise mention is stored
        under its head and searches the year-precise and other mentions with that head; any other
        mention is stored in its family's index and under its head, and searches its family's index and
        the year-precise mentions with its head. A mention without a head has no year-precise pair."""
        if not self.settings.year_needs_same_predicate:
            return [(family, False, None)]
        head = mention.head or None
        if mention.date_precision == "year":
            if head is None:
                return []
            return [(family, True, head)] if stored else [(family, True, head), (family, False, head)]
        keys: list[tuple[str, bool, str | None]] = [(family, False, None)]
        if head is not None:
            keys.append((family, not stored, head))
        return keys

    def neighbours(self, mention: Mention, settled: Mapping[str, set[str]] | None = None) -> list[Mention]:
        """The compatible mentions. ``settled``: neighbours already found for other mentions; since
        ``compatible`` is symmetric, a settled candidate is a neighbour iff this mention is among its own."""
        traits = self.traits[mention.event_id]
        group = self.groups.get(mention.article_id, mention.article_id)
        copies = {
            other.event_id for other in self.by_group.get((traits.family, group), ())
            if is_copy(mention, other, self.groups, self.settings)
        }
        found: set[str] = set()
        if traits.interval is not None:
            for key in self._keys(mention, traits.family, stored=False):
                index = self.by_date.get(key)
                if index is not None:
                    found.update(index.overlapping(traits.interval))
        found.discard(mention.event_id)
        found -= copies
        settled = settled or {}
        result = [self.mentions[event_id] for event_id in copies]
        for event_id in sorted(found):
            other = self.mentions[event_id]
            if event_id in settled:
                if mention.event_id in settled[event_id]:
                    result.append(other)
            elif _compatible(mention, traits, other, self.traits[event_id], self.groups, self.settings):
                result.append(other)
        return result

    def components(self, seeds: Iterable[Mention]) -> tuple[list[list[Mention]], dict[str, set[str]]]:
        """The connected components (through compatible pairs) that ``seeds`` reach, and every reached
        mention's compatible neighbours (event ids), which ``cluster_mentions`` reuses."""
        adjacency: dict[str, set[str]] = {}  # the mentions whose neighbours are known
        found: list[list[Mention]] = []
        reached: set[str] = set()
        for seed in seeds:
            if seed.event_id in reached:
                continue
            members = [seed.event_id]
            reached.add(seed.event_id)
            queue = deque([seed])
            while queue:
                current = queue.popleft()
                others = self.neighbours(current, adjacency)
                adjacency[current.event_id] = {other.event_id for other in others}
                for other in others:
                    if other.event_id not in reached:
                        reached.add(other.event_id)
                        members.append(other.event_id)
                        queue.append(other)
            found.append([self.mentions[event_id] for event_id in sorted(members)])
        return found, adjacency


def _pairwise_neighbours(
    mentions: list[Mention], groups: Mapping[str, str], settings: MergeSettings
) -> dict[str, set[str]]:
    adjacency: dict[str, set[str]] = {m.event_id: set() for m in mentions}
    traits = [Traits.of(m, settings) for m in mentions]
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b = mentions[j]
            if _compatible(a, traits[i], b, traits[j], groups, settings):
                adjacency[a.event_id].add(b.event_id)
                adjacency[b.event_id].add(a.event_id)
    return adjacency


def _seed_key(mention: Mention, neighbours: Mapping[str, set[str]]) -> tuple[Any, ...]:
    precision, event_date, *rest = canonical_key(mention)
    return (precision, event_date, -len(neighbours.get(mention.event_id, ())), *rest)


def cluster_mentions(
    mentions: Iterable[Mention], groups: Mapping[str, str], settings: MergeSettings,
    neighbours: Mapping[str, set[str]] | None = None,
) -> list[list[Mention]]:
    """Greedy clustering in canonical order (see the module docstring); deterministic for a set of mentions.

    ``neighbours`` (event id -> compatible event ids, from ``CandidateIndex.components``) saves comparing
    every pair; without it the pairs are compared here.
    """
    mentions = list(mentions)
    if neighbours is None:
        neighbours = _pairwise_neighbours(mentions, groups, settings)
    # Among equally dated mentions, the one compatible with the most others seeds first: a report that
    # bridges two wordings gathers both, whichever of them was read first.
    ordered = sorted(mentions, key=lambda m: _seed_key(m, neighbours))
    clusters: list[list[Mention]] = []
    ranges: list[Interval | None] = []
    cluster_of: dict[str, int] = {}
    for mention in ordered:
        interval = date_interval(mention, settings)
        placed = False
        # Only a cluster holding a compatible mention can take this one; the first one created wins.
        for index in sorted({cluster_of[n] for n in neighbours.get(mention.event_id, ()) if n in cluster_of}):
            current = ranges[index]
            if current is not None and interval is not None and _intersect(current, interval) is None:
                continue
            # Bare statements chain too easily ("X said ..."): they must match the cluster's first mention.
            if mention.family == STATEMENT and clusters[index][0].event_id not in neighbours[mention.event_id]:
                continue
            clusters[index].append(mention)
            ranges[index] = _intersect(current, interval) if current and interval else (current or interval)
            cluster_of[mention.event_id] = index
            placed = True
            break
        if not placed:
            cluster_of[mention.event_id] = len(clusters)
            clusters.append([mention])
            ranges.append(interval)
    return clusters


@dataclass
class MergedEvent:
    merged_id: str
    plover_type: str | None
    mode: str | None
    quad: str | None
    cameo: str | None
    goldstein: float
    predicate: str
    sentence: str
    article_id: str  # the article of the most precise mention
    source_actors: list[str]
    target_actors: list[str]
    event_date: date | None
    date_precision: str | None
    date_min: date | None
    date_max: date | None
    n_mentions: int
    n_articles: int
    n_outlets: int
    n_sources: int  # independent sources: copy groups of articles
    first_reported: datetime | None
    last_reported: datetime | None
    confidence: float
    mention_ids: list[str]
    mention_articles: list[str]  # the article of each mention, aligned with mention_ids
    article_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for key in ("event_date", "date_min", "date_max", "first_reported", "last_reported"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        return data


def merged_id(mention_ids: Iterable[str]) -> str:
    return "m" + hashlib.sha1(min(mention_ids).encode()).hexdigest()[:15]


def _ranked(values: Iterable[str | None]) -> list[str]:
    """Distinct values, most frequent first, ties alphabetical (a dict: Counter is slow on tiny inputs)."""
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda value: (-counts[value], value))


def build_merged_event(
    cluster: list[Mention], groups: Mapping[str, str], settings: MergeSettings
) -> MergedEvent:
    """Summarise a cluster (sorted canonically, most precise mention first) as one merged event."""
    cluster = sorted(cluster, key=canonical_key)
    first = cluster[0]
    first_interval = padded = date_interval(first, settings)
    exact = date_interval(first, settings, padded=False)
    for mention in cluster[1:]:
        p, e = date_interval(mention, settings), date_interval(mention, settings, padded=False)
        padded = _intersect(padded, p) if padded and p else (padded or p)
        exact = _intersect(exact, e) if exact and e else None
    date_range = exact or padded
    types = _ranked(m.plover_type for m in cluster)
    plover_type = types[0] if types else None
    modes = _ranked(m.mode for m in cluster if m.plover_type == plover_type)
    articles = sorted({m.article_id for m in cluster})
    independent = {groups.get(a, a) for a in articles}
    best = max(m.confidence for m in cluster)
    confidence = 1 - (1 - best) * (1 - settings.corroboration_gain) ** (len(independent) - 1)
    published = [m.published for m in cluster if m.published is not None]
    by_id = sorted(cluster, key=lambda m: m.event_id)
    return MergedEvent(
        merged_id=merged_id(m.event_id for m in cluster),
        plover_type=plover_type,
        mode=modes[0] if modes else None,
        quad=first.quad,
        cameo=first.cameo,
        goldstein=round(sum(m.goldstein for m in cluster) / len(cluster), 2),
        predicate=first.predicate,
        sentence=first.sentence,
        article_id=first.article_id,
        source_actors=_ranked(c for m in cluster for c in m.source_codes),
        target_actors=_ranked(c for m in cluster for c in m.target_codes),
        event_date=first.event_date if first_interval is not None else None,
        date_precision=first.date_precision if first_interval is not None else None,
        date_min=date_range[0] if date_range else None,
        date_max=date_range[1] if date_range else None,
        n_mentions=len(cluster),
        n_articles=len(articles),
        n_outlets=len({m.outlet for m in cluster if m.outlet}),
        n_sources=len(independent),
        first_reported=min(published) if published else None,
        last_reported=max(published) if published else None,
        confidence=round(min(settings.max_confidence, confidence), 4),
        mention_ids=[m.event_id for m in by_id],
        mention_articles=[m.article_id for m in by_id],
        article_ids=articles,
    )
