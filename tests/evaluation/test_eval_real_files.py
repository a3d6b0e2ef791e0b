"""The real dev-split gold files (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from heron.evaluation.gold import load_gsr, load_quad, load_roles

EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="gold evaluation files (../shared/eval) not available"),
]


def test_record_counts() -> None:
    assert len(load_gsr(EVAL_DIR / "plover_gsr_dev.jsonl")) == 61
    assert len(load_quad(EVAL_DIR / "cameo_quad_dev.jsonl")) == 1349
    assert len(load_roles(EVAL_DIR / "cameo_roles_dev.jsonl")) == 1153


def test_roles_text_maps_every_token_to_its_characters() -> None:
    records = load_roles(EVAL_DIR / "cameo_roles_dev.jsonl")
    for record in records:
        assert [record.text[start:end] for start, end in record.offsets] == record.tokens, record.record_id
        # Offsets increase and never overlap, and the text holds nothing but tokens and single spaces.
        gaps = [
            record.text[end:start]
            for (_, end), (start, _) in zip(record.offsets, record.offsets[1:], strict=False)
        ]
        assert set(gaps) <= {"", " "}, record.record_id
    # Readability: possessives and hyphenated words are rebuilt rather than spaced out.
    texts = [record.text for record in records]
    assert not any(" 's " in text or " - " in text or "’ s " in text for text in texts)


def test_every_gsr_code_is_scoreable() -> None:
    import country_converter as coco

    from heron.evaluation.scoring import load_gold_codes

    codes = load_gold_codes()
    for record in load_gsr(EVAL_DIR / "plover_gsr_dev.jsonl"):
        for actor in [*record.source, *record.target]:
            if actor.code and actor.code not in codes.actor_kinds:
                iso3 = codes.iso3(actor.code)
                assert coco.convert(iso3, src="ISO3", to="ISO3", not_found=None) == iso3, actor.code
