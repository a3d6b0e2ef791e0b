"""Incremental merge: fold the articles not yet merged into duplicates, merged events and stories."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb

from heron.merge.duplicates import duplicate_groups, find_duplicate_pairs, signature
from heron.merge.events import CandidateIndex, Mention, build_merged_event, cluster_mentions, family_of
from heron.merge.settings import DEFAULT_SETTINGS, MergeSettings
from heron.merge.stories import build_stories, topic_links
from heron.merge.text import key_terms
from heron.store import merge_tables as tables

ARTICLE_ACTORS = 6  # country/organisation codes kept per article for story links


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
    new_mentions = tables.read_mentions(connection, article_ids=new_ids)
    codes_by_article: dict[str, Counter[str]] = defaultdict(Counter)
    for row in new_mentions:
        codes_by_article[row["article_id"]].update(row["source_codes"] + row["target_codes"])

    # 1. Near-duplicate articles.
    articles = tables.read_article_texts(connection, new_ids)
    new_signatures = {a["article_id"]: signature(a["text"] or "", settings) for a in articles}
    stored_signatures = tables.read_signatures(connection)
    pairs = find_duplicate_pairs(new_signatures, stored_signatures, settings)
    summary.duplicate_links = len(pairs)
    feature_rows = [
        {
            "article_id": a["article_id"],
            "minhash": new_signatures[a["article_id"]],
            "key_terms": key_terms(a["title"], a["text"] or "", settings.story_key_terms),
            "actors": [c for c, _ in sorted(codes_by_article[a["article_id"]].items(), key=lambda i: (-i[1], i[0]))][
                :ARTICLE_ACTORS
            ],
            "published": a["published"],
        }
        for a in articles
    ]
    tables.write_merge_articles(connection, feature_rows)
    tables.write_links(connection, [(a, b, "duplicate", score) for a, b, score in pairs])
    all_features = tables.read_article_features(connection)
    duplicate_links = [(a, b) for a, b, _, _ in tables.read_links(connection, "duplicate")]
    groups = duplicate_groups((f["article_id"] for f in all_features), duplicate_links)

    # 2. Merged events: re-cluster the candidate components the new mentions (and new copies) reach.
    touched_groups = {groups[a] for pair in pairs for a in pair[:2]}
    affected = set(new_ids) | {a for a, g in groups.items() if g in touched_groups}
    seed_rows = new_mentions + tables.read_mentions(connection, article_ids=sorted(affected - set(new_ids)))
    seed_mentions = [Mention(**row) for row in seed_rows]
    families = {family_of(m, settings) for m in seed_mentions}
    # A compatible group ("03+057") spans types: read its CAMEO prefixes too, then keep the families wanted.
    prefixes = sorted({p for group in families & set(settings.compatible_cameo_groups) for p in group.split("+") if p})
    types = sorted({m.family for m in seed_mentions})
    pool = [
        m for m in (Mention(**row) for row in tables.read_mentions(connection, families=types, cameo_prefixes=prefixes))
        if family_of(m, settings) in families
    ]
    index = CandidateIndex(pool, groups, settings)
    seeds = [index.mentions[row["event_id"]] for row in seed_rows if row["event_id"] in index.mentions]
    components, neighbours = index.components(seeds)
    reached = [m.event_id for component in components for m in component]
    old_ids = tables.merged_ids_of_mentions(connection, reached)
    merged = [
        build_merged_event(cluster, groups, settings)
        for component in components
        for cluster in cluster_mentions(component, groups, settings, neighbours)
    ]
    tables.replace_merged_events(connection, old_ids, merged)
    summary.mentions_reclustered = len(reached)
    summary.merged_events_replaced = len(old_ids)
    summary.merged_events_written = len(merged)

    # 3. Stories, from the stored links and the merged events.
    new_features = [f for f in all_features if f["article_id"] in set(new_ids)]
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
