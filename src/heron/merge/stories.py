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

from heron.merge.settings import MergeSettings
from heron.merge.text import jaccard


def topic_links(
    new_features: Sequence[Mapping[str, Any]], all_features: Sequence[Mapping[str, Any]], settings: MergeSettings
) -> list[tuple[str, str, str, float]]:
    """Topic links between each new article and every article (new ones included), as (a, b, 'topic', score)."""
    links: set[tuple[str, str, str, float]] = set()
    for new in new_features:
        new_terms, new_actors = set(new["key_terms"] or ()), set(new["actors"] or ())
        for other in all_features:
            if other["article_id"] == new["article_id"]:
                continue
            if not _within_window(new["published"], other["published"], settings.story_window_days):
                continue
            other_actors = set(other["actors"] or ())
            needed = min(settings.story_min_shared_actors, len(new_actors), len(other_actors))
            if needed < 1 or len(new_actors & other_actors) < needed:
                continue
            score = jaccard(new_terms, set(other["key_terms"] or ()))
            undated = new["published"] is None or other["published"] is None
            needed_score = settings.story_undated_min_term_similarity if undated else settings.story_min_term_similarity
            if score >= needed_score:
                a, b = sorted((new["article_id"], other["article_id"]))
                links.add((a, b, "topic", round(score, 4)))
    return sorted(links)


def _within_window(a: datetime | None, b: datetime | None, days: int) -> bool:
    if a is None or b is None:
        return True
    return abs((a - b).days) <= days


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
