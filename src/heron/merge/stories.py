"""Stories: articles (and so their merged events) linked into one storyline over time.

Two articles belong to the same story when any of these links them (single linkage, so a story is a
connected component of the article graph):

- they are near-duplicate copies;
- they report the same merged event;
- *topic link*: they share countries/organisations (``story_min_shared_actors``, or one when either
  article has only one), their key-term sets have Jaccard similarity >= ``story_min_term_similarity``,
  and their publication dates are at most ``story_window_days`` apart; an undated article cannot be
  held to the window, so its topic links need ``story_undated_min_term_similarity`` instead.

A story's id comes from its smallest article id (stable whatever the ingest order); its title is the
title of its most linked article (ties: earliest published, then id); its span runs over the dates of
its day- or week-precise merged events (all its dated events when it has none of those), so vague
background references ("since 1997") do not stretch it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np

from heron.merge.settings import MergeSettings


def topic_links(
    new_features: Sequence[Mapping[str, Any]], all_features: Sequence[Mapping[str, Any]], settings: MergeSettings
) -> list[tuple[str, str, str, float]]:
    """Topic links between each new article and every article (new ones included), as (a, b, 'topic', score).

    A link needs a shared country/organisation, so each new article is compared, in one vectorised
    step, with the articles that share one of its codes (not with every article).
    """
    articles = _ArticleArrays(all_features)
    window = np.timedelta64(settings.story_window_days + 1, "D")
    links: set[tuple[str, str, str, float]] = set()
    for new in new_features:
        i = articles.position[new["article_id"]]
        postings = [articles.by_actor[code] for code in articles.actors[i]]
        if not postings:
            continue
        others, shared_actors = np.unique(np.concatenate(postings), return_counts=True)
        needed = np.minimum(min(settings.story_min_shared_actors, len(articles.actors[i])), articles.n_actors[others])
        published, other_published = articles.published[i], articles.published[others]
        undated = np.isnat(other_published) | np.isnat(published)
        # Within the window both ways round: less than N + 1 days apart.
        within = undated | (np.abs(other_published - published) < window)
        keep = (others != i) & (needed >= 1) & (shared_actors >= needed) & within
        others, undated = others[keep], undated[keep]
        # Jaccard of the key-term sets (as text.jaccard: 0 when either is empty).
        is_new_term = np.zeros(articles.padding + 1, dtype=bool)
        is_new_term[articles.terms[i]] = True
        is_new_term[articles.padding] = False
        shared_terms = is_new_term[articles.terms[others]].sum(axis=1)
        n_new, n_other = articles.n_terms[i], articles.n_terms[others]
        union = np.maximum(n_new + n_other - shared_terms, 1)
        score = np.where((n_new > 0) & (n_other > 0), shared_terms / union, 0.0)
        needed_score = np.where(undated, settings.story_undated_min_term_similarity, settings.story_min_term_similarity)
        linked = score >= needed_score
        for other, value in zip(others[linked].tolist(), score[linked].tolist(), strict=True):
            a, b = sorted((new["article_id"], articles.ids[other]))
            links.add((a, b, "topic", round(value, 4)))
    return sorted(links)


class _ArticleArrays:
    """Article features as arrays for topic links: key terms as vocabulary ids (padded), codes, dates."""

    def __init__(self, features: Sequence[Mapping[str, Any]]) -> None:
        self.ids = [f["article_id"] for f in features]
        self.position = {article_id: i for i, article_id in enumerate(self.ids)}
        self.actors = [sorted(set(f["actors"] or ())) for f in features]
        self.n_actors = np.array([len(codes) for codes in self.actors], dtype=np.int64)
        by_actor: dict[str, list[int]] = defaultdict(list)
        for i, codes in enumerate(self.actors):
            for code in codes:
                by_actor[code].append(i)
        self.by_actor = {code: np.array(rows, dtype=np.int64) for code, rows in by_actor.items()}
        term_sets = [set(f["key_terms"] or ()) for f in features]
        vocabulary = {term: n for n, term in enumerate(sorted(set().union(*term_sets)))}
        self.padding = len(vocabulary)  # the term id that fills the rows of articles with fewer terms
        width = max((len(terms) for terms in term_sets), default=0)
        self.terms = np.full((len(features), width), self.padding, dtype=np.int64)
        for i, terms in enumerate(term_sets):
            self.terms[i, : len(terms)] = [vocabulary[t] for t in terms]
        self.n_terms = np.array([len(terms) for terms in term_sets], dtype=np.int64)
        self.published = np.array([f["published"] for f in features], dtype="datetime64[us]")  # None: NaT


def story_id(article_ids: Iterable[str]) -> str:
    return "s" + hashlib.sha1(min(article_ids).encode()).hexdigest()[:11]


def build_stories(
    features: Sequence[Mapping[str, Any]],
    links: Iterable[tuple[str, str]],
    shared_event_articles: Iterable[Sequence[str]],
    article_events: Mapping[str, Sequence[tuple[str, date | None, str | None]]],
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Stories and (story_id, article_id) memberships from the article graph.

    ``article_events`` maps an article to its merged events as (merged_id, event_date, date_precision).
    """
    by_id = {f["article_id"]: f for f in features}
    parent = {a: a for a in by_id}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    degree: Counter[str] = Counter()
    for a, b in links:
        union(a, b)
        degree[a] += 1
        degree[b] += 1
    for articles in shared_event_articles:
        for other in articles[1:]:
            union(articles[0], other)
        for article in articles:
            degree[article] += len(articles) - 1
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(by_id):
        groups[find(article_id)].append(article_id)

    stories, members = [], []
    for article_ids in groups.values():
        sid = story_id(article_ids)
        central = min(
            article_ids,
            key=lambda a: (-degree[a], by_id[a]["published"] or datetime.max, a),
        )
        actors = Counter(code for a in article_ids for code in (by_id[a]["actors"] or ()))
        terms = Counter(term for a in article_ids for term in (by_id[a]["key_terms"] or ())[:10])
        top_actors = [c for c, _ in sorted(actors.items(), key=lambda i: (-i[1], i[0]))[:5]]
        top_terms = [t for t, _ in sorted(terms.items(), key=lambda i: (-i[1], i[0]))[:8]]
        title = by_id[central].get("title") or f"{'-'.join(top_actors[:2]) or 'Story'}: {', '.join(top_terms[:3])}"
        events = {e for a in article_ids for e in article_events.get(a, ())}
        core = [d for _, d, p in events if d is not None and p in ("day", "week")]
        dated = core or [d for _, d, _p in events if d is not None]
        if not dated:
            dated = [by_id[a]["published"].date() for a in article_ids if by_id[a]["published"]]
        stories.append({
            "story_id": sid, "title": title,
            "first_date": min(dated) if dated else None, "last_date": max(dated) if dated else None,
            "n_articles": len(article_ids), "n_events": len({e[0] for e in events}),
            "actors": top_actors, "key_terms": top_terms,
        })
        members.extend((sid, a) for a in article_ids)
    return stories, members
