"""Evaluation against gold event data: loaders, scorers and the runner behind ``heron eval``."""

from heron.evaluation.gold import (
    EvalDataError,
    GsrActor,
    GsrRecord,
    QuadRecord,
    RolesRecord,
    load_gsr,
    load_quad,
    load_roles,
    reconstruct_text,
)
from heron.evaluation.runner import DEFAULT_FILES, EvalReport, format_report, run_eval, write_errors
from heron.evaluation.scoring import first_event, score_plover, score_quad, score_roles

__all__ = [
    "DEFAULT_FILES",
    "EvalDataError",
    "EvalReport",
    "GsrActor",
    "GsrRecord",
    "QuadRecord",
    "RolesRecord",
    "first_event",
    "format_report",
    "load_gsr",
    "load_quad",
    "load_roles",
    "reconstruct_text",
    "run_eval",
    "score_plover",
    "score_quad",
    "score_roles",
    "write_errors",
]
