"""The CAMEO table and the PLOVER type table read from the package data files."""

from __future__ import annotations

import pytest

from heron.events.cameo import (
    PLOVER_TYPES,
    QUADS,
    all_codes,
    cameo_info,
    is_known_code,
    plover_modes,
    plover_quad,
    plover_score,
    quad_class,
)


def test_table_covers_all_roots_and_has_full_hierarchy() -> None:
    codes = {c.code for c in all_codes()}
    assert {f"{n:02d}" for n in range(1, 21)} <= codes
    assert {f"{n:02d}0" for n in range(1, 21)} <= codes
    assert len(codes) == 313
    # every 3- and 4-digit code has its parent in the table
    for code in codes:
        if len(code) >= 3:
            assert code[:2] in codes
        if len(code) == 4:
            assert code[:3] in codes, code


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("010", 0.0), ("020", 3.0), ("036", 4.0), ("040", 1.0), ("042", 1.9), ("043", 2.8), ("046", 7.0),
        ("051", 3.4), ("057", 8.0), ("070", 7.0), ("080", 5.0), ("100", -5.0), ("111", -2.0), ("112", -2.0),
        ("120", -4.0), ("130", -4.4), ("138", -7.0), ("140", -6.5), ("160", -4.0), ("163", -8.0),
        ("170", -5.0), ("173", -5.0), ("180", -9.0), ("190", -10.0), ("193", -10.0), ("195", -10.0),
        ("200", -10.0), ("0874", 10.0), ("1823", -10.0),
    ],
)
def test_goldstein_scores(code: str, goldstein: float) -> None:
    assert cameo_info(code).goldstein == goldstein


def test_goldstein_range() -> None:
    assert all(-10.0 <= c.goldstein <= 10.0 for c in all_codes())


@pytest.mark.parametrize(
    ("code", "plover_type", "mode", "context"),
    [
        ("010", None, None, None),
        ("016", None, None, None),
        ("020", "REQUEST", None, None),
        ("0253", "REQUEST", "yield", "legal"),
        ("026", "REQUEST", "meet", "diplomatic"),
        ("030", "AGREE", None, "diplomatic"),
        ("041", "CONSULT", "phone", None),
        ("042", "CONSULT", "visit", None),
        ("057", "SUPPORT", None, "diplomatic"),
        ("0841", "RETREAT", "release", "legal"),
        ("083", "CONCEDE", None, "political_institutions"),
        ("0871", "RETREAT", "ceasefire", "military"),
        ("091", "ACCUSE", "investigate", "crime;corruption"),
        ("1121", "ACCUSE", "allege", "crime;corruption"),
        ("116", "SANCTION", "convict", "legal"),
        ("129", "REJECT", "yield", "diplomatic"),
        ("139", "THREATEN", "relations", "diplomatic"),
        ("142", "PROTEST", "hunger", None),
        ("154", "MOBILIZE", "troops", "military"),
        ("163", "SANCTION", "discontinue", "economic"),
        ("173", "COERCE", "arrest", "legal"),
        ("175", "ASSAULT", None, "repression"),
        ("1712", "ASSAULT", "destroy", "human_security"),
        ("186", "ASSAULT", "targeted", None),
        ("192", "COERCE", "seize", "military"),
        ("195", "ASSAULT", "aerial", "military"),
        ("2041", "ASSAULT", "unconventional", "cbrn"),
    ],
)
def test_plover_columns(code: str, plover_type: str | None, mode: str | None, context: str | None) -> None:
    info = cameo_info(code)
    assert (info.plover_type, info.plover_mode, info.plover_context) == (plover_type, mode, context)


def test_roots_map_to_manual_translation() -> None:
    expected = {
        "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
        "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
        "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
        "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
    }
    assert {root: cameo_info(root).plover_type for root in expected} == expected
    assert cameo_info("14").label == "PROTEST"


def test_every_plover_type_and_mode_in_table_is_known_and_scored() -> None:
    for info in all_codes():
        if info.plover_type is None:
            assert info.plover_mode is None, info
            continue
        assert info.plover_type in PLOVER_TYPES
        if info.plover_mode is not None:
            assert info.plover_mode in plover_modes(info.plover_type), info


def test_fallback_to_parent_and_root() -> None:
    assert cameo_info("0429").code == "042"  # unknown 4-digit -> 3-digit parent
    assert cameo_info("0990").code == "09"  # no 099 either -> root
    assert cameo_info("099").code == "09"
    assert cameo_info(" 190 ").code == "190"
    assert is_known_code("1823") and not is_known_code("0429")


@pytest.mark.parametrize("junk", ["", "abc", "99", "21", "0", "12345", "19a", "00"])
def test_junk_codes_raise_key_error(junk: str) -> None:
    with pytest.raises(KeyError):
        cameo_info(junk)


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("010", "statement"), ("02", "statement"), ("057", "verbal_cooperation"), ("163", "verbal_conflict"),
        ("0841", "material_cooperation"), ("073", "material_cooperation"), ("090", "verbal_conflict"),
        ("1385", "verbal_conflict"), ("141", "material_conflict"), ("2042", "material_conflict"),
    ],
)
def test_quad_class(code: str, quad: str) -> None:
    assert quad_class(code) == quad
    assert cameo_info(code).quad == quad


def test_quad_class_rejects_junk() -> None:
    with pytest.raises(KeyError):
        quad_class("25")


def test_plover_types_in_manual_order() -> None:
    assert PLOVER_TYPES == (
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    )


def test_plover_quads() -> None:
    assert [plover_quad(t) for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")] == ["verbal_cooperation"] * 4
    assert [plover_quad(t) for t in ("COOPERATE", "AID", "RETREAT")] == ["material_cooperation"] * 3
    assert [plover_quad(t) for t in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")] == ["verbal_conflict"] * 4
    assert [plover_quad(t) for t in ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")] == [
        "material_conflict"
    ] * 5
    assert plover_quad("assault") == "material_conflict"
    assert set(QUADS) > {plover_quad(t) for t in PLOVER_TYPES}
    with pytest.raises(KeyError):
        plover_quad("CRIME")


@pytest.mark.parametrize(
    ("plover_type", "mode", "score"),
    [
        ("AGREE", None, 2.5), ("CONSULT", "visit", 4.0), ("CONSULT", "phone", 1.5), ("SUPPORT", None, 5.0),
        ("CONCEDE", None, 4.5), ("COOPERATE", None, 9.5), ("AID", None, 10.0), ("RETREAT", "disarm", 10.0),
        ("RETREAT", "ceasefire", 7.5), ("REQUEST", None, 0.0), ("REQUEST", "change", -1.0),
        ("ACCUSE", "disapprove", -2.0), ("ACCUSE", "allege", -3.5), ("ACCUSE", None, -3.0),
        ("REJECT", "assist", -1.5), ("THREATEN", "territory", -4.0), ("PROTEST", "riot", -7.0),
        ("SANCTION", "expel", -5.5), ("MOBILIZE", "troops", -6.5), ("COERCE", "martial-law", -7.5),
        ("ASSAULT", None, -9.0), ("ASSAULT", "unconventional", -10.0), ("ASSAULT", "beat", -7.5),
    ],
)
def test_plover_scores(plover_type: str, mode: str | None, score: float) -> None:
    assert plover_score(plover_type, mode) == score


def test_plover_score_unknown_mode_falls_back_and_unknown_type_raises() -> None:
    assert plover_score("ASSAULT", "catapult") == -9.0
    assert plover_score("consult", "Visit") == 4.0
    with pytest.raises(KeyError):
        plover_score("CRIME", None)
