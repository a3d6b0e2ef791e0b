"""Gold-file loaders and the token -> text reconstruction of the roles file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heron.evaluation.gold import EvalDataError, bio_spans, load_gsr, load_quad, load_roles, reconstruct_text


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n")
    return path


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Baghdad", "’", "s", "forces", "fired", "."], "Baghdad’s forces fired."),
        (
            ["a", "rebel", "-", "held", "area", "(", "Syria", ")", ",", "they", "said"],
            "a rebel-held area (Syria), they said",
        ),
        (
            ["it", "accepted", "1", ",", "141", "refugees", "and", "$", "3", ".", "5", "million"],
            "it accepted 1,141 refugees and $3.5 million",
        ),
        (["the", "Kurds", "'", "role", "is", "key"], "the Kurds' role is key"),
        (["the", "charge", "d", "'", "affaires", "left"], "the charge d'affaires left"),
        (["labelled", "them", "as", "'", "extremists", "'", "."], "labelled them as 'extremists'."),
        (["they", "do", "n't", "agree", ";", "it", "'s", "over", "!"], "they don't agree; it's over!"),
        (["calling", "it", "“", "dangerous", "”", "."], "calling it “dangerous”."),
        (["On", "July", "7", ",", "2017", "talks", "began"], "On July 7, 2017 talks began"),
    ],
)
def test_reconstruct_text_reads_naturally_and_offsets_point_at_tokens(
    tokens: list[str], expected: str
) -> None:
    text, offsets = reconstruct_text(tokens)
    assert text == expected
    assert [text[start:end] for start, end in offsets] == tokens


def test_reconstruct_text_offsets_are_exact_positions() -> None:
    text, offsets = reconstruct_text(["Police", "arrested", "protesters", "."])
    assert text == "Police arrested protesters."
    assert offsets == [(0, 6), (7, 15), (16, 26), (26, 27)]


def test_bio_spans_starts_a_span_on_orphan_inside_tags() -> None:
    tags = ["B-S", "I-S", "O", "I-S", "B-S", "B-T", "I-T", "B-R"]
    assert bio_spans(tags, "S") == [(0, 2), (3, 4), (4, 5)]
    assert bio_spans(tags, "T") == [(5, 7)]
    assert bio_spans(tags, "R") == [(7, 8)]


def test_loaders_read_records(tmp_path: Path) -> None:
    gsr = _write_jsonl(
        tmp_path / "plover.jsonl",
        [
            {
                "id": "G1",
                "text": "Ruritania attacked Freedonia.",
                "event": "assault",
                "mode": None,
                "context": None,
                "source": [{"text": "Ruritania", "code": "RUR", "sector": "MIL"}],
                "target": [{"text": "Freedonia", "code": "FRE", "sector": ""}],
            },
        ],
    )
    quad = _write_jsonl(tmp_path / "quad.jsonl", [{"text": "A met B.", "quad": "verbal_cooperation"}, ""])
    roles = _write_jsonl(
        tmp_path / "roles.jsonl", [{"tokens": ["A", "met", "B", "."], "tags": ["B-S", "O", "B-T", "O"]}]
    )
    [record] = load_gsr(gsr)
    assert (record.record_id, record.event, record.source[0].code, record.source[0].sector) == (
        "G1",
        "ASSAULT",
        "RUR",
        "MIL",
    )
    assert record.target[0].text == "Freedonia"
    [quad_record] = load_quad(quad)
    assert (quad_record.record_id, quad_record.quad) == ("quad.jsonl:1", "verbal_cooperation")
    [roles_record] = load_roles(roles)
    assert roles_record.text == "A met B."
    assert roles_record.spans("S") == [(0, 1)]
    assert roles_record.spans("T") == [(2, 3)]


def test_joint_actors_marked_src_tar_in_the_markup_are_flagged(tmp_path: Path) -> None:
    gsr = _write_jsonl(
        tmp_path / "plover.jsonl",
        [
            {
                "text": "Ruritania and the Freedonian  army held talks with Sylvania.",
                "event": "CONSULT",
                "source": [
                    {"text": "Ruritania", "code": "RUR", "sector": ""},
                    {"text": "Freedonian army", "code": "FRE", "sector": "MIL"},
                    {"text": "Sylvania", "code": "SYL", "sector": ""},
                ],
                "target": [],
                "markup": "(SRC/TAR: Ruritania) and the (SRC/TAR: Freedonian  army) (EVT: held talks) with "
                "(SRC: Sylvania).",
            },
        ],
    )
    [record] = load_gsr(gsr)
    assert [actor.both_sides for actor in record.source] == [True, True, False]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match=r"nowhere\.jsonl: gold file not found"):
        load_quad(tmp_path / "nowhere.jsonl")


@pytest.mark.parametrize(
    ("loader", "rows", "message"),
    [
        (load_quad, [{"text": "A met B.", "quad": "statement"}, "{not json"], r"line 2: not valid JSON"),
        (
            load_quad,
            [{"text": "A met B.", "quad": "cooperation"}],
            r"line 1: unknown quad class 'cooperation'",
        ),
        (load_quad, [{"quad": "statement"}], r"line 1: field 'text' must be a non-empty string"),
        (load_gsr, [{"text": "A met B.", "event": "FIGHT"}], r"line 1: unknown PLOVER type 'FIGHT'"),
        (load_roles, [{"tokens": ["A", "met"], "tags": ["B-S"]}], r"line 1: 2 tokens but 1 tags"),
        (load_roles, [[1, 2]], r"line 1: expected a JSON object"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, loader, rows: list[object], message: str) -> None:
    path = _write_jsonl(tmp_path / "gold.jsonl", rows)
    with pytest.raises(EvalDataError, match=r"gold\.jsonl, " + message):
        loader(path)
