"""Merged events on the demo corpus: same story_event -> one merged event; ingest order does not matter."""

import random
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from heron.cli.core import demo_corpus_path
from heron.evaluation.expected import article_key
from heron.merge import DEFAULT_SETTINGS, update_merges
from heron.runners.local import extract_paths
from heron.store import EventStore

EXPECTED = Path(demo_corpus_path()).parent / "expected_events.yaml"


@pytest.fixture(scope="module")
def coded():
    results, _ = extract_paths([demo_corpus_path()], progress=False)
    return results


def store_in_batches(path: Path, results, batches: list[list[int]]) -> EventStore:
    store = EventStore(path)
    for batch in batches:
        store.write_batch([results[i][0] for i in batch], [e for i in batch for e in results[i][1]])
        update_merges(store)
    return store


def merged_sets(store: EventStore) -> set[frozenset[str]]:
    rows = store.connection.execute("SELECT merged_id, list(event_id) FROM merged_mentions GROUP BY merged_id").fetchall()
    return {frozenset(ids) for _, ids in rows}


@pytest.fixture(scope="module")
def demo_store(coded, tmp_path_factory):
    store = store_in_batches(tmp_path_factory.mktemp("m") / "all.duckdb", coded, [list(range(len(coded)))])
    yield store
    store.close()


def gold_merged_ids(store: EventStore, results) -> dict[str, dict[str, set[str]]]:
    """story_event -> gold id -> merged ids of the coded events in its sentence with its type."""
    gold = yaml.safe_load(EXPECTED.read_text())["events"]
    by_key = {article_key(article): (article, events) for article, events in results}
    merged_of = dict(store.connection.execute("SELECT event_id, merged_id FROM merged_mentions").fetchall())
    found: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for item in gold:
        if not item.get("story_event"):
            continue
        article, events = by_key[(item["file"], item.get("record"))]
        hits = {merged_of[e.event_id] for e in events
                if item["sentence_contains"] in e.sentence and e.plover_type == item["plover_type"]}
        if hits:
            found[item["story_event"]][item["id"]] = hits
    return found


def test_every_mention_belongs_to_exactly_one_merged_event(demo_store, coded) -> None:
    mentions = sum(len(events) for _, events in coded)
    counts = demo_store.connection.execute(
        "SELECT count(*), count(DISTINCT event_id), (SELECT count(*) FROM merged_events) FROM merged_mentions"
    ).fetchone()
    assert counts[0] == counts[1] == mentions
    assert counts[2] < mentions  # some mentions were merged


def test_reports_of_one_event_merge_across_outlets(demo_store, coded) -> None:
    found = gold_merged_ids(demo_store, coded)
    # A story_event is merged when all its found reports share one merged event.
    merged = sorted(s for s, reports in found.items() if len(reports) > 1 and set.intersection(*reports.values()))
    assert {"kt-round1-meeting", "kt-round1-plan-next", "moz-attack", "chile-march", "uscn-accuse"} <= set(merged)
    assert len(merged) >= 7  # of 13 story_events with two or more found reports


def test_distinct_rounds_of_talks_do_not_merge(demo_store, coded) -> None:
    found = gold_merged_ids(demo_store, coded)
    round1 = set().union(*found["kt-round1-meeting"].values())
    round2 = set().union(*found["kt-round2-meeting"].values())
    assert round1 and round2 and not round1 & round2


def test_merged_result_does_not_depend_on_ingest_order(coded, demo_store, tmp_path) -> None:
    order = list(range(len(coded)))
    random.Random(7).shuffle(order)
    batches = [order[:5], order[5:6], order[6:15], order[15:]]
    shuffled = store_in_batches(tmp_path / "shuffled.duckdb", coded, batches)
    try:
        assert merged_sets(shuffled) == merged_sets(demo_store)
        story_sets = "SELECT list(article_id ORDER BY article_id) FROM story_articles GROUP BY story_id"
        assert sorted(map(tuple, (r[0] for r in shuffled.connection.execute(story_sets).fetchall()))) == sorted(
            map(tuple, (r[0] for r in demo_store.connection.execute(story_sets).fetchall())))
    finally:
        shuffled.close()


def test_stories_group_the_storylines(demo_store) -> None:
    rows = demo_store.connection.execute(
        "SELECT s.story_id, list(a.source_path) FROM story_articles s JOIN articles a USING (article_id) GROUP BY 1"
    ).fetchall()
    story_of = {Path(p).name: sid for sid, paths in rows for p in paths}
    assert story_of["t01_kenya_tanzania_talks.txt"] == story_of["h01_kenya_tanzania_talks.html"]
    assert story_of["t04_mozambique_attack_a.txt"] == story_of["h06_mozambique_attack_b.html"]
    assert story_of["t01_kenya_tanzania_talks.txt"] != story_of["t04_mozambique_attack_a.txt"]


def test_rebuild_with_other_settings_is_remembered_and_sampled(coded, tmp_path) -> None:
    from typer.testing import CliRunner

    from heron.cli import app

    db = tmp_path / "cli.duckdb"
    store_in_batches(db, coded, [list(range(len(coded)))]).close()
    runner = CliRunner()
    refused = runner.invoke(app, ["merge", "--db", str(db), "--set", "vague_text_similarity=0.9"])
    assert refused.exit_code == 2 and "--rebuild" in refused.output
    default_count = _merged_count(db)
    impossible = ["min_text_similarity=1.5", "strong_text_similarity=1.5", "copy_text_similarity=1.5"]
    rebuilt = runner.invoke(app, ["merge", "--db", str(db), "--rebuild", *[f"--set={s}" for s in impossible]])
    assert rebuilt.exit_code == 0, rebuilt.output
    shown = runner.invoke(app, ["merge", "--db", str(db), "--show-settings"])
    assert '"min_text_similarity": 1.5' in shown.output
    # Nothing can reach a similarity of 1.5: every mention is its own merged event, and stays so.
    mentions = sum(len(events) for _, events in coded)
    assert default_count < mentions == _merged_count(db)
    with EventStore(db) as store:
        update_merges(store)  # a later ingest's merge keeps the stored settings
        with pytest.raises(ValueError):
            update_merges(store, settings=DEFAULT_SETTINGS)
    assert _merged_count(db) == mentions
    runner.invoke(app, ["merge", "--db", str(db), "--rebuild", "--defaults"])
    assert _merged_count(db) == default_count
    sample = runner.invoke(app, ["merge-sample", "--db", str(db), "--n", "3", "--seed", "1"])
    again = runner.invoke(app, ["merge-sample", "--db", str(db), "--n", "3", "--seed", "1"])
    assert sample.exit_code == 0 and sample.output == again.output
    assert sample.output.count("\n[") + sample.output.startswith("[") == 3
    assert "    - " in sample.output  # each merged event lists its mentions' sentences


def _merged_count(db: Path) -> int:
    with EventStore(db, read_only=True) as store:
        return store.connection.execute("SELECT count(*) FROM merged_events").fetchone()[0]
