"""The command line: schema of `heron extract`, queries and clear errors."""

import json
from pathlib import Path

from typer.testing import CliRunner

from heron.cli import app
from heron.store import EventStore

runner = CliRunner()
EVENT_KEYS = {
    "event_id", "article_id", "sentence_index", "sentence", "start", "end", "plover_type", "mode", "context",
    "aux_modes", "cameo", "goldstein", "quad", "source", "target", "event_date", "date_text", "date_precision",
    "date_from_publication", "location", "quote", "speaker", "confidence", "outlet", "url", "published",
}
ACTOR_KEYS = {"text", "start", "end", "name", "country", "sector", "org"}


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("Talks in Geneva\n\nRussia and the United States held talks in Geneva on Monday.\n")
    return path


def test_extract_prints_documented_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--published", "2022-01-12", "--no-progress"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    consult = next(e for e in events if e["plover_type"] == "CONSULT")
    assert set(consult) >= EVENT_KEYS
    assert set(consult["source"][0]) == ACTOR_KEYS
    assert consult["event_date"] == "2022-01-10"


def test_ingest_then_query(tmp_path: Path) -> None:
    db = tmp_path / "h.duckdb"
    article = _article(tmp_path)
    (tmp_path / "junk.jsonl").write_text('{"id": 1, "text": "Iran and Iraq signed an accord."}\nnot json\n')
    result = runner.invoke(app, ["ingest", str(article), str(tmp_path / "junk.jsonl"), "--db", str(db), "--no-progress"])
    assert result.exit_code == 3, result.output  # 3: finished, with quarantined inputs
    assert "articles stored:          2" in result.stdout
    assert "junk.jsonl (line 2)" in result.stdout
    result = runner.invoke(app, ["events", "--db", str(db), "--type", "CONSULT", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("event_date,plover_type") and len(lines) >= 2

    def listed(*options: str) -> list[dict]:
        output = runner.invoke(app, ["events", "--db", str(db), "--format", "json", *options]).stdout
        return [json.loads(line) for line in output.splitlines() if line.strip()]

    everything, sure = listed(), listed("--min-confidence", "0.8")
    assert sure and {e["event_id"] for e in sure} == {e["event_id"] for e in everything if e["confidence"] >= 0.8}


def test_clear_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    EventStore(tmp_path / "h.duckdb").close()
    bad_date = runner.invoke(app, ["events", "--db", str(tmp_path / "h.duckdb"), "--since", "yesterday"])
    assert bad_date.exit_code == 2 and "--since expects a date" in bad_date.output
    no_input = runner.invoke(app, ["ingest", str(tmp_path / "nothing-here")])
    assert no_input.exit_code == 2 and "no such file" in no_input.output


def test_user_actor_and_lexicon_files_extend_extract_and_ingest(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Published: 2024-03-14\n\nThe Blue Heron Front has parleyed with Kenya.\n")
    actors = tmp_path / "actors.yaml"
    actors.write_text("- {name: Blue Heron Front, country: KEN, sector: rebels}\n")
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text('- {lemma: parley, pos: verb, kind: event, cameo: "040", note: "Consult"}\n')

    plain = runner.invoke(app, ["extract", str(article), "--no-progress"])
    assert all(json.loads(line)["plover_type"] != "CONSULT" for line in plain.stdout.splitlines() if line.strip())

    result = runner.invoke(app, ["extract", str(article), "--no-progress", "--actors", str(actors),
                                 "--lexicon", str(lexicon)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    consult = next(e for e in events if e["plover_type"] == "CONSULT")
    assert consult["source"][0]["name"] == "Blue Heron Front" and consult["source"][0]["sector"] == "rebels"
    assert consult["source"][0]["country"] == "KEN"

    db = tmp_path / "h.duckdb"
    stored = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--no-progress", "--workers", "2",
                                 "--actors", str(actors), "--lexicon", str(lexicon)])
    assert stored.exit_code == 0, stored.output
    listed = runner.invoke(app, ["events", "--db", str(db), "--type", "CONSULT", "--format", "csv"])
    assert "Blue Heron Front" in listed.stdout


def test_bad_user_files_stop_the_run_naming_the_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kenya and Tanzania held talks on Tuesday.\n")
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {lemma: parley, pos: verb, kind: event}\n")  # an event entry without a code
    result = runner.invoke(app, ["extract", str(article), "--no-progress", "--lexicon", str(broken)])
    assert result.exit_code == 2 and "broken.yaml" in result.output
    missing = runner.invoke(app, ["extract", str(article), "--no-progress", "--actors", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2 and "none.csv" in missing.output
