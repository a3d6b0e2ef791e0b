"""Coverage of the CAMEO codebook: one hand-written sentence per CAMEO code that the CAMEO-to-PLOVER
table maps to a PLOVER type (tests/data/codebook_sentences.jsonl). A fall of the type accuracy below the
floor fails the suite; the floor sits a little under the figure measured when it was set
(see tests/data/README.md).
"""

from pathlib import Path
from typing import Any

import pytest

from heron.evaluation.regression import load_regression_set, score_regression
from heron.evaluation.system import extract_sentences
from heron.events.cameo import all_codes

DATA = Path(__file__).resolve().parents[1] / "data" / "codebook_sentences.jsonl"
# The table starts at root 03: statements (01) have no PLOVER type and appeals (02) are not in it.
TABLE_ROOTS = {f"{root:02d}" for root in range(3, 21)}


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return load_regression_set(DATA)


def test_every_typed_table_code_has_a_sentence(records) -> None:
    typed = {row.code for row in all_codes() if len(row.code) >= 3 and row.root in TABLE_ROOTS and row.plover_type}
    covered = {record["cameo"] for record in records}
    assert typed <= covered, sorted(typed - covered)


def test_labels_follow_the_cameo_table(records) -> None:
    plover_by_code = {row.code: row.plover_type for row in all_codes()}
    for record in records:
        assert record["plover_type"] == plover_by_code[record["cameo"]], record["id"]
        assert all(span in record["text"] for span in record["source"] + record["target"]), record["id"]


def test_codebook_type_accuracy_floor(records) -> None:
    report = score_regression(records, extract_sentences)
    assert report.type_accuracy >= 0.94, report.to_dict()
