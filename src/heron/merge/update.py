"""Incremental merge: fold the articles not yet merged into duplicates, merged events and stories.

Memory follows the largest merge family rather than the database: article texts are read a batch at
a time, and mentions one merge family at a time (no pair of mentions spans two families), their merged
events written a few thousand components at a time. Topic links compare an article only with the
articles that share one of its countries/organisations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from heron.merge.duplicates import duplicate_groups, find_duplicate_pairs, signature
from heron.merge.events import CandidateIndex, Mention, build_merged_event, cluster_mentions, family_of
from heron.merge.settings import DEFAULT_SETTINGS, MergeSettings
from heron.merge.stories import build_stories, topic_links
from heron.merge.text import key_terms
from heron.store import merge_tables as tables

ARTICLE_ACTORS = 6  # country/organisation codes kept per article for story links
ARTICLE_BATCH = 256  # articles whose texts are read at a time (for signatures and key terms)
COMPONENT_BATCH = 2000  # candidate components whose merged events are built and written at a time


@dataclass
class MergeSummary:
    articles_merged: int = 0
    duplicate_links: int = 0
    mentions_reclustered: int = 0
    merged_events_replaced: int = 0
    merged_events_written: int = 0
    stories: int = 0

    def render(self) -> str:
        return (
            f"merge: {self.articles_merged} new articles, {self.duplicate_links} near-duplicate links, "
            f"{self.mentions_reclustered} mentions re-clustered into {self.merged_events_written} merged events "
            f"(replacing {self.merged_events_replaced}), {self.stories} stories"
        )


def update_merges(
    store: Any, *, settings: MergeSettings | None = None, rebuild: bool = False
) -> MergeSummary:
    """Merge every article of the database the merge stage has not seen yet (all of them with ``rebuild``).

    ``store`` is an open ``EventStore`` or a DuckDB connection. Only the merged events whose candidate
    components the new mentions reach are recomputed; stories are recomputed from the stored article
    links (no text is read again). Runs in one transaction.

    ``settings``: None uses the settings the database's merge tables were built with (the defaults for a
    new database). Other settings than the stored ones need ``rebuild``: clusters built under two rule
    sets would depend on the order articles arrived in.
    """
    connection: duckdb.DuckDBPyConnection = getattr(store, "connection", store)
    if rebuild:
        tables.drop_merge_tables(connection)
    tables.ensure_merge_schema(connection)
    stored_json = tables.read_settings_json(connection)
    stored = MergeSettings.from_json(stored_json) if stored_json else None
    if settings is None:
        settings = stored or DEFAULT_SETTINGS
    elif stored is not None and settings != stored:
        raise ValueError("the merge tables were built with other settings: merge again with rebuild=True")
    summary = MergeSummary()
    new_ids = tables.unprocessed_article_ids(connection)
    if not new_ids and stored_json == settings.to_json():
        return summary
    connection.execute("BEGIN TRANSACTION")
    try:
        tables.write_settings_json(connection, settings.to_json())
        if new_ids:
            _merge(connection, new_ids, settings, summary)
        connection.execute("COMMIT")
    except Exception:
        connection.execute("ROLLBACK")
        raise
    return summary


def _merge(
    connection: duckdb.DuckDBPyConnection, new_ids: list[str], settings: MergeSettings, summary: MergeSummary
) -> None:
    summary.articles_merged = len(new_ids)
    new_id_set = set(new_ids)

    # 1. Near-duplicate articles, and the features stories are built from (texts read a batch at a time).
    stored_signatures = tables.read_signatures(connection)
    new_signatures: dict[str, np.ndarray] = {}
    for start in range(0, len(new_ids), ARTICLE_BATCH):
        batch = new_ids[start : start + ARTICLE_BATCH]
        codes_by_article = tables.article_actor_codes(connection, batch)
        feature_rows = []
        for article in tables.read_article_texts(connection, batch):
            article_id, text = article["article_id"], article["text"] or ""
            new_signatures[article_id] = signature(text, settings)
            codes = Counter(codes_by_article[article_id])
            feature_rows.append({
                "article_id": article_id,
                "minhash": new_signatures[article_id],
                "key_terms": key_terms(article["title"], text, settings.story_key_terms),
                "actors": [c for c, _ in sorted(codes.items(), key=lambda i: (-i[1], i[0]))][:ARTICLE_ACTORS],
                "published": article["published"],
            })
        tables.write_merge_articles(connection, feature_rows)
    pairs = find_duplicate_pairs(new_signatures, stored_signatures, settings)
    del stored_signatures, new_signatures
    summary.duplicate_links = len(pairs)
    tables.write_links(connection, [(a, b, "duplicate", score) for a, b, score in pairs])
    all_features = tables.read_article_features(connection)
    duplicate_links = [(a, b) for a, b, _, _ in tables.read_links(connection, "duplicate")]
    groups = duplicate_groups((f["article_id"] for f in all_features), duplicate_links)

    # 2. Merged events: re-cluster the candidate components the new mentions (and new copies) reach,
    # one family at a time (no pair of mentions spans two), so only one family's mentions are in memory.
    touched_groups = {groups[a] for pair in pairs for a in pair[:2]}
    affected = new_id_set | {a for a, g in groups.items() if g in touched_groups}
    seeded = sum(
        _merge_family(connection, family, affected, groups, settings, summary)
        for family in tables.mention_families(connection, settings.compatible_cameo_groups, sorted(affected))
    )
    expected = tables.count_mentions(connection, sorted(affected))
    if seeded != expected:  # tables.family_sql and events.family_of disagree: a mention would be lost
        raise RuntimeError(f"merge: {seeded} of the {expected} mentions of the new articles found their family")

    # 3. Stories, from the stored links and the merged events.
    new_features = [f for f in all_features if f["article_id"] in new_id_set]
    tables.write_links(connection, topic_links(new_features, all_features, settings))
    links = [(a, b) for a, b, _, _ in tables.read_links(connection)]
    article_events: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
    for article_id, merged_id, event_date, precision in connection.execute(
        "SELECT DISTINCT mm.article_id, m.merged_id, m.event_date, m.date_precision FROM merged_mentions mm "
        "JOIN merged_events m USING (merged_id)"
    ).fetchall():
        article_events[article_id].append((merged_id, event_date, precision))
    stories, members = build_stories(all_features, links, tables.merged_article_lists(connection), article_events)
    tables.replace_stories(connection, stories, members)
    summary.stories = len(stories)


def _merge_family(
    connection: duckdb.DuckDBPyConnection, family: str, affected: set[str], groups: dict[str, str],
    settings: MergeSettings, summary: MergeSummary,
) -> int:
    """Re-cluster the components of one merge family that the mentions of ``affected`` articles reach;
    returns how many such mentions there were."""
    rows = tables.iter_mentions(connection, family=family, cameo_groups=settings.compatible_cameo_groups)
    pool = [m for m in (Mention(**row) for row in rows) if family_of(m, settings) == family]
    index = CandidateIndex(pool, groups, settings)
    seeds = [m for m in pool if m.article_id in affected]
    components, neighbours = index.components(seeds)
    # Written a few thousand components at a time. An old merged event lies inside one component (a
    # component only grows as mentions arrive), so replacing component by component is safe.
    for start in range(0, len(components), COMPONENT_BATCH):
        batch = components[start : start + COMPONENT_BATCH]
        reached = [m.event_id for component in batch for m in component]
        old_ids = tables.merged_ids_of_mentions(connection, reached)
        merged = [
            build_merged_event(cluster, groups, settings)
            for component in batch
            for cluster in cluster_mentions(component, groups, settings, neighbours)
        ]
        tables.replace_merged_events(connection, old_ids, merged)
        summary.mentions_reclustered += len(reached)
        summary.merged_events_replaced += len(old_ids)
        summary.merged_events_written += len(merged)
    return len(seeds)
