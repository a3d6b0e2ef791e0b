"""Runs an extractor over the gold files and collects the scores (the engine of ``heron eval``).

The system under test is any callable ``extract(texts) -> events per text``; ``heron eval`` passes
one that runs the full pipeline, tests pass a fake. Texts are sent in batches so the caller can use
``nlp.pipe``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from heron.evaluation.causes import annotate, cause_counts
from heron.evaluation.gold import EvalDataError, load_gsr, load_quad, load_roles
from heron.evaluation.scoring import (
    Classification,
    PloverScores,
    QuadScores,
    RolesScores,
    score_plover,
    score_quad,
    score_roles,
)
from heron.records import Event

Extractor = Callable[[list[str]], list[list[Event]]]
DEFAULT_FILES: tuple[str, ...] = ("plover_gsr_dev.jsonl", "cameo_quad_dev.jsonl", "cameo_roles_dev.jsonl")
BATCH_SIZE = 256


@dataclass
class EvalReport:
    """Scores per task (None for a task whose file was not asked for) and the run time."""

    eval_dir: str
    files: list[str]
    plover: PloverScores | None = None
    quad: QuadScores | None = None
    roles: RolesScores | None = None
    seconds: float = 0.0
    sentences: int = 0
    limit: int | None = None

    @property
    def misses(self) -> list[dict[str, Any]]:
        return [miss for task in (self.plover, self.quad, self.roles) if task for miss in task.misses]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable summary (misses are left out: see :func:`write_errors`)."""
        return {
            "eval_dir": self.eval_dir,
            "files": list(self.files),
            "limit": self.limit,
            "sentences": self.sentences,
            "seconds": round(self.seconds, 3),
            "plover": self.plover.to_dict() if self.plover else None,
            "quad": self.quad.to_dict() if self.quad else None,
            "roles": self.roles.to_dict() if self.roles else None,
            "error_causes": cause_counts(self.misses),
        }


@dataclass
class _Task:
    name: str
    file_name: str
    records: list[Any]
    texts: list[str]
    predictions: list[list[Event]] = field(default_factory=list)


def _task_name(file_name: str) -> str:
    """Which scorer a gold file goes to, from its name (plover_*, *quad*, *roles*)."""
    lowered = file_name.lower()
    for name in ("plover", "quad", "roles"):
        if name in lowered:
            return name
    raise EvalDataError(
        f"{file_name}: cannot tell which task this file is for "
        "(its name must contain 'plover', 'quad' or 'roles')"
    )


def run_eval(
    eval_dir: Path,
    extract: Extractor,
    *,
    files: Sequence[str] = DEFAULT_FILES,
    limit: int | None = None,
    progress: bool = True,
) -> EvalReport:
    """Load the gold files in ``eval_dir``, run ``extract`` over their sentences and score them.

    ``limit`` keeps the first N records of each file (quick runs). Raises :class:`EvalDataError` when
    the directory or a file is missing or malformed, or when ``extract`` returns the wrong number of
    results for a batch.
    """
    eval_dir = Path(eval_dir)
    if not eval_dir.is_dir():
        raise EvalDataError(
            f"{eval_dir}: evaluation directory not found (it should hold {', '.join(DEFAULT_FILES)})"
        )
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    loaders = {"plover": load_gsr, "quad": load_quad, "roles": load_roles}
    tasks: list[_Task] = []
    for file_name in files:
        name = _task_name(file_name)
        if any(task.name == name for task in tasks):
            raise EvalDataError(f"{file_name}: a second file for the {name!r} task")
        records = loaders[name](eval_dir / file_name)
        if limit is not None:
            records = records[:limit]
        tasks.append(_Task(name, file_name, records, [record.text for record in records]))

    started = time.perf_counter()
    total = sum(len(task.texts) for task in tasks)
    show = progress and sys.stderr.isatty()
    with tqdm(total=total, desc="heron eval", unit="sent", file=sys.stderr, disable=not show) as bar:
        for task in tasks:
            bar.set_postfix_str(task.name)
            for first in range(0, len(task.texts), BATCH_SIZE):
                batch = task.texts[first : first + BATCH_SIZE]
                results = extract(batch)
                if len(results) != len(batch):
                    raise EvalDataError(
                        f"{task.file_name}: the extractor returned {len(results)} results "
                        f"for a batch of {len(batch)} sentences"
                    )
                task.predictions.extend(list(events) for events in results)
                bar.update(len(batch))

    report = EvalReport(eval_dir=str(eval_dir), files=list(files), sentences=total, limit=limit)
    scorers = {"plover": score_plover, "quad": score_quad, "roles": score_roles}
    for task in tasks:
        setattr(report, task.name, scorers[task.name](task.records, task.predictions))
    report.seconds = time.perf_counter() - started
    return report


def write_errors(report: EvalReport, path: Path) -> int:
    """Write every miss (one JSON object per line, with a "task" key) to ``path``; returns the count."""
    misses = annotate(report.misses)
    with Path(path).open("w", encoding="utf-8") as handle:
        for miss in misses:
            handle.write(json.dumps(miss, ensure_ascii=False) + "\n")
    return len(misses)


# --------------------------------------------------------------------------------------- plain text


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(cell).ljust(w) if i == 0 else str(cell).rjust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(row) for row in rows)]


def _classification_lines(result: Classification, label_name: str) -> list[str]:
    lines = [
        f"n={result.n}  accuracy={_pct(result.accuracy).strip()}%  "
        f"macro-F1={_pct(result.macro_f1).strip()}% (over {len(result.macro_classes)} classes)",
        "",
    ]
    rows = [
        [label, _pct(s.precision), _pct(s.recall), _pct(s.f1), str(s.support), str(s.predicted)]
        for label, s in result.per_class.items()
        if s.support or s.predicted
    ]
    lines += _table([label_name, "P%", "R%", "F1%", "gold", "pred"], rows)
    if result.confusion:
        columns = list(next(iter(result.confusion.values())))
        short = [column[:9] for column in columns]
        confusion_rows = [
            [row, *(str(cells[c]) if cells[c] else "." for c in columns)]
            for row, cells in result.confusion.items()
        ]
        lines += ["", "confusion (rows: gold, columns: predicted)"]
        lines += _table(["gold \\ pred", *short], confusion_rows)
    return lines


def _cutoff_lines(cutoffs: list[Any], extra_keys: Sequence[str] = ()) -> list[str]:
    header = ["confidence >=", "kept", "coverage%", "accuracy%", *(f"{k}%" for k in extra_keys)]
    rows = [
        [
            f"{c.threshold:g}",
            str(c.kept),
            _pct(c.coverage),
            _pct(c.accuracy),
            *(_pct(c.extra.get(k)) for k in extra_keys),
        ]
        for c in cutoffs
    ]
    return ["", *_table(header, rows)]


def _reliability_lines(result: Any) -> list[str]:
    if result is None or not result.bins:
        return []
    rows = [[f"{b.low:g}-{b.high:g}", str(b.n), _pct(b.mean_confidence), _pct(b.accuracy)] for b in result.bins]
    return ["", f"calibration: expected calibration error {result.expected_calibration_error:.3f}",
            *_table(["confidence", "events", "mean conf%", "accuracy%"], rows)]


def format_report(report: EvalReport) -> str:
    """A readable plain-text report: per task the headline figures, per-class table, confusion, cut-offs."""
    lines = [
        f"Heron evaluation on {report.eval_dir} ({report.sentences} sentences, {report.seconds:.1f} s"
        + (f", first {report.limit} per file" if report.limit is not None else "")
        + ")"
    ]
    if report.plover:
        p = report.plover
        lines += ["", "== PLOVER event type ==", *_classification_lines(p.classification, "type")]
        lines += [
            "",
            f"actor country accuracy: {_pct(p.actor_country_accuracy).strip()}% "
            f"({p.actor_country_correct}/{p.actor_country_n} gold actors)",
            f"actor sector accuracy:  {_pct(p.actor_sector_accuracy).strip()}% "
            f"({p.actor_sector_correct}/{p.actor_sector_n} gold actors)",
        ]
        lines += _cutoff_lines(p.cutoffs)
        lines += _reliability_lines(p.reliability)
    if report.quad:
        lines += ["", "== CAMEO quad class ==", *_classification_lines(report.quad.classification, "class")]
        lines += _cutoff_lines(report.quad.cutoffs)
        lines += _reliability_lines(report.quad.reliability)
    if report.roles:
        r = report.roles
        lines += [
            "",
            "== Source/target roles ==",
            f"n={r.n}  sentences with an event={r.sentences_with_event}",
            "",
        ]
        rows = []
        for name, counts in (("source", r.source), ("target", r.target), ("combined", r.combined)):
            for level, score in (("exact span", counts.span), ("token", counts.token)):
                rows.append(
                    [
                        f"{name} {level}",
                        _pct(score.precision),
                        _pct(score.recall),
                        _pct(score.f1),
                        str(score.tp),
                        str(score.fp),
                        str(score.fn),
                    ]
                )
        lines += _table(["role", "P%", "R%", "F1%", "tp", "fp", "fn"], rows)
        lines += _cutoff_lines(r.cutoffs, ("span_f1", "token_f1"))
    causes = cause_counts(report.misses)
    if causes:
        lines += ["", "== Misses by cause (a miss can have several; details: --errors FILE) =="]
        for task, counts in causes.items():
            lines += [f"{task}: " + ", ".join(f"{cause} {n}" for cause, n in counts.items())]
    return "\n".join(lines) + "\n"
