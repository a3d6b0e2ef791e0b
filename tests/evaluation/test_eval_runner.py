"""run_eval end to end on tiny gold files and a fake extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heron.evaluation import runner
from heron.evaluation.gold import EvalDataError
from heron.evaluation.runner import format_report, run_eval, write_errors
from heron.records import Actor, Event

GSR_ROWS = [
    {
        "id": "G1",
        "text": "Ruritania attacked Freedonia.",
        "event": "ASSAULT",
        "source": [{"text": "Ruritania", "code": "RUR", "sector": "MIL"}],
        "target": [],
    },
    {"id": "G2", "text": "Ruritania thanked Freedonia.", "event": "AGREE", "source": [], "target": []},
]
QUAD_ROWS = [
    {"text": "Ruritania attacked Freedonia.", "quad": "material_conflict"},
    {"text": "Ruritania praised Freedonia.", "quad": "verbal_cooperation"},
    {"text": "Nothing happened here.", "quad": "statement"},
]
ROLES_ROWS = [{"tokens": ["Ruritania", "attacked", "Freedonia", "."], "tags": ["B-S", "O", "B-T", "O"]}]


def _event(text: str, plover_type: str | None, quad: str, confidence: float) -> Event:
    source = (
        Actor("Ruritania", 0, 9, country="RUR", sector="military") if text.startswith("Ruritania") else None
    )
    target_start = text.find("Freedonia")
    target = Actor("Freedonia", target_start, target_start + 9) if target_start >= 0 else None
    return Event(
        event_id="e",
        article_id="a",
        sentence_index=0,
        sentence=text,
        start=0,
        end=1,
        predicate="x",
        plover_type=plover_type,
        mode=None,
        context=None,
        quad=quad,
        confidence=confidence,
        source=[source] if source else [],
        target=[target] if target else [],
    )


def fake_extract(texts: list[str]) -> list[list[Event]]:
    """Attacks are coded right; everything else is a bare statement; "Nothing" sentences get no event."""
    results = []
    for text in texts:
        if "attacked" in text:
            results.append([_event(text, "ASSAULT", "material_conflict", 0.9)])
        elif text.startswith("Nothing"):
            results.append([])
        else:
            results.append([_event(text, None, "statement", 0.6)])
    return results


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    for name, rows in (
        ("plover_gsr_dev.jsonl", GSR_ROWS),
        ("cameo_quad_dev.jsonl", QUAD_ROWS),
        ("cameo_roles_dev.jsonl", ROLES_ROWS),
    ):
        (tmp_path / name).write_text("".join(json.dumps(row) + "\n" for row in rows))
    return tmp_path


def test_run_eval_scores_every_task(eval_dir: Path) -> None:
    report = run_eval(eval_dir, fake_extract, progress=False)
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data  # plain JSON
    assert set(data) == {"eval_dir", "files", "limit", "sentences", "seconds", "plover", "quad", "roles", "error_causes"}
    assert data["sentences"] == 6
    assert (data["plover"]["n"], data["plover"]["accuracy"], data["plover"]["macro_f1"]) == (2, 0.5, 0.5)
    assert data["plover"]["confusion"]["AGREE"]["none"] == 1
    assert data["plover"]["actor_country_accuracy"] == 1.0
    assert data["plover"]["actor_sector_accuracy"] == 1.0
    assert data["plover"]["cutoffs"]["0.8"] == {"threshold": 0.8, "kept": 1, "coverage": 0.5, "accuracy": 1.0}
    assert data["quad"]["accuracy"] == pytest.approx(1 / 3)
    assert data["quad"]["per_class"]["material_conflict"]["f1"] == 1.0
    assert data["quad"]["confusion"]["statement"]["none"] == 1
    assert data["roles"]["combined"]["span"]["f1"] == 1.0
    assert data["roles"]["source"]["token"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
    }
    assert data["roles"]["cutoffs"]["0.95"]["span_f1"] is None


def test_run_eval_batches_and_limits(eval_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batches: list[list[str]] = []

    def recording_extract(texts: list[str]) -> list[list[Event]]:
        batches.append(list(texts))
        return fake_extract(texts)

    monkeypatch.setattr(runner, "BATCH_SIZE", 2)
    report = run_eval(eval_dir, recording_extract, files=("cameo_quad_dev.jsonl",), progress=False)
    assert [len(batch) for batch in batches] == [2, 1]
    assert report.plover is None and report.roles is None
    assert report.quad is not None and report.quad.classification.n == 3

    limited = run_eval(eval_dir, fake_extract, limit=1, progress=False)
    assert (limited.plover.classification.n, limited.quad.classification.n, limited.roles.n) == (1, 1, 1)


def test_run_eval_fails_clearly(eval_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="evaluation directory not found"):
        run_eval(tmp_path / "absent", fake_extract, progress=False)
    (eval_dir / "cameo_roles_dev.jsonl").unlink()
    with pytest.raises(EvalDataError, match=r"cameo_roles_dev\.jsonl: gold file not found"):
        run_eval(eval_dir, fake_extract, progress=False)
    with pytest.raises(EvalDataError, match="cannot tell which task"):
        run_eval(eval_dir, fake_extract, files=("other.jsonl",), progress=False)
    with pytest.raises(EvalDataError, match="returned 0 results for a batch of 3 sentences"):
        run_eval(eval_dir, lambda texts: [], files=("cameo_quad_dev.jsonl",), progress=False)


def test_format_report_and_error_file(eval_dir: Path, tmp_path: Path) -> None:
    report = run_eval(eval_dir, fake_extract, progress=False)
    text = format_report(report)
    assert "n=2  accuracy=50.0%  macro-F1=50.0% (over 2 classes)" in text
    assert "actor country accuracy: 100.0% (1/1 gold actors)" in text
    assert "confusion (rows: gold, columns: predicted)" in text
    assert "combined exact span  100.0  100.0  100.0" in text

    errors = tmp_path / "errors.jsonl"
    assert write_errors(report, errors) == 3
    misses = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(m["task"], m["gold"], m["predicted"]) for m in misses] == [
        ("plover", "AGREE", None),
        ("quad", "verbal_cooperation", "statement"),
        ("quad", "statement", None),
    ]
