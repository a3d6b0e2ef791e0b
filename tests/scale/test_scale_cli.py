"""The scale commands' behaviour that needs no spaCy: export, load errors, stage clocks."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from heron.bench.memory import PeakMemory, tree_rss_bytes
from heron.bench.runner import StageClock
from heron.cli import app
from heron.records import Article, Event
from heron.store import EventStore
from heron.store.gdelt import gdelt_columns

runner = CliRunner()


def _db_with_one_event(tmp_path: Path) -> Path:
    db = tmp_path / "one.duckdb"
    article = Article(article_id="a", text="Police arrested two men.", source_path="x", source_id="x")
    event = Event(event_id="abcdef0123456789", article_id="a", sentence_index=0, sentence=article.text,
                  start=7, end=15, predicate="arrested", plover_type="ARREST", mode=None, context=None,
                  cameo="173", goldstein=-5.0, quad="material_conflict", event_date=date(2021, 7, 4))
    with EventStore(db) as store:
        store.write_batch([article], [event])
    return db


def test_export_gdelt_and_partitioned_from_cli(tmp_path: Path) -> None:
    db = _db_with_one_event(tmp_path)
    out = tmp_path / "gdelt.tsv"
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    fields = out.read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert len(fields) == len(gdelt_columns()) == 61
    row = dict(zip(gdelt_columns(), fields, strict=True))
    assert (row["SQLDATE"], row["EventCode"], row["QuadClass"], row["GoldsteinScale"]) == ("20210704", "173", "4", "-5")
    result = runner.invoke(app, ["export", str(tmp_path / "parts"), "--db", str(db),
                                 "--format", "parquet-partitioned", "--partition-by", "day"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "parts").glob("year=2021/month=7/day=4/*.parquet"))


def test_cli_errors_name_the_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    result = runner.invoke(app, ["export", str(tmp_path / "x.tsv"), "--db", str(missing)])
    assert result.exit_code == 2 and "does not exist" in result.output
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["load", str(tmp_path / "empty"), "--db", str(tmp_path / "l.duckdb")])
    assert result.exit_code == 2 and "no article shards" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == 2 and "--engine must be local or ray" in result.output


def test_stage_clock_counts_each_stage_once() -> None:
    clock = StageClock()

    def slow_source():
        for item in range(3):
            time.sleep(0.02)
            yield item

    with clock.stage("code"):
        for _ in clock.timed_iter("parse", clock.timed_iter("read+clean", slow_source())):
            time.sleep(0.01)
    # read+clean holds the sleeps of the source; parse only its own (near zero) time; code the loop body.
    assert 0.055 <= clock.seconds["read+clean"] < 0.2
    assert clock.seconds["parse"] < 0.01
    assert 0.025 <= clock.seconds["code"] < 0.15


def test_peak_memory_sees_this_process() -> None:
    before = tree_rss_bytes()
    with PeakMemory(interval_s=0.01) as memory:
        ballast = b"\x01" * (64 * 1024 * 1024)  # non-zero bytes: the pages are really touched
        time.sleep(0.05)
        del ballast
    assert memory.peak_bytes >= before + 60 * 1024 * 1024


def test_bench_corpus_copy_repeats_under_new_ids(tmp_path: Path) -> None:
    import json

    from heron.bench.runner import _corpus_copy
    from heron.runners.local import iter_articles

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": f"Police in town {i} arrested a man."}) + "\n"
                              for i in range(3)), encoding="utf-8")
    copy = _corpus_copy([source], tmp_path, limit=2, repeat=3)
    records = [json.loads(line) for line in copy.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"].rsplit(".jsonl#", 1)[1] for r in records]  # source ids are "path#id"
    assert ids == ["n0", "n1", "n0#copy2", "n1#copy2", "n0#copy3", "n1#copy3"]
    articles = list(iter_articles([copy]))
    assert len({a.article_id for a in articles}) == 6  # each copy is a new article to the store
    assert {a.text for a in articles} == {"Police in town 0 arrested a man.", "Police in town 1 arrested a man."}
