"""The CAMEO event-code table and the PLOVER 2.0 type table, read from the package data files.

``data/cameo.tsv`` holds every CAMEO code (roots 01-20, 3- and 4-digit codes) with its label, Goldstein
score and PLOVER 2.0 equivalent; ``data/plover.tsv`` holds the 16 PLOVER types in manual order with
their quad category and the manual's conflict/cooperation scores. Both formats are described in
``data/README.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

QUADS = ("statement", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

_CAMEO_COLUMNS = ("code", "label", "goldstein", "plover_type", "plover_mode", "plover_context")
_PLOVER_COLUMNS = ("plover_type", "quad", "mode", "score")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its Goldstein score and PLOVER 2.0 equivalent (type/mode/context may be None)."""

    code: str
    label: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None
    quad: str  # statement | verbal_cooperation | material_cooperation | verbal_conflict | material_conflict

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class _PloverTable:
    types: tuple[str, ...]
    quads: dict[str, str]
    scores: dict[tuple[str, str | None], float]  # (type, mode or None for the base score) -> score


def _data_path(name: str) -> Path:
    return Path(str(resources.files("heron.events") / "data" / name))


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file with a header line; '#' lines and blank lines are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ValueError(f"{path}: cannot read ({error})") from error
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not numbered:
        raise ValueError(f"{path}: no header line")
    header = tuple(numbered[0][1].split("\t"))
    if header != columns:
        raise ValueError(f"{path}: header must be {'<TAB>'.join(columns)}, found {'<TAB>'.join(header)}")
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in numbered[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        cells += [""] * (len(columns) - len(cells))  # trailing empty columns may be trimmed by editors
        if len(cells) != len(columns):
            raise ValueError(f"{path}:{number}: expected {len(columns)} columns, found {len(cells)}")
        rows.append((number, {name: cell.strip() for name, cell in zip(columns, cells, strict=True)}))
    return rows


# The Phoenix/PETRARCH "pentaclass" convention that event datasets built on CAMEO use: appeals (02)
# are neutral like statements (01), and reducing relations (16: cutting aid, expelling diplomats,
# sanctions announced) is verbal conflict, while protest (14) and force posture (15) are material.
QUAD_BY_ROOT = {
    **dict.fromkeys((1, 2), "statement"),
    **dict.fromkeys((3, 4, 5), "verbal_cooperation"),
    **dict.fromkeys((6, 7, 8), "material_cooperation"),
    **dict.fromkeys((9, 10, 11, 12, 13, 16), "verbal_conflict"),
    **dict.fromkeys((14, 15, 17, 18, 19, 20), "material_conflict"),
}


def quad_class(code: str) -> str:
    """Quad category of a CAMEO code, from its two-digit root (pentaclass convention, see QUAD_BY_ROOT)."""
    root = code.strip()[:2]
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise KeyError(f"not a CAMEO code: {code!r}")
    return QUAD_BY_ROOT[int(root)]


@lru_cache(maxsize=1)
def _plover_table() -> _PloverTable:
    path = _data_path("plover.tsv")
    types: list[str] = []
    quads: dict[str, str] = {}
    scores: dict[tuple[str, str | None], float] = {}
    for number, row in _read_tsv(path, _PLOVER_COLUMNS):
        plover_type, quad, mode = row["plover_type"], row["quad"], row["mode"] or None
        if quad not in QUADS:
            raise ValueError(f"{path}:{number}: unknown quad {quad!r}")
        if plover_type not in quads:
            types.append(plover_type)
            quads[plover_type] = quad
        elif quads[plover_type] != quad:
            raise ValueError(f"{path}:{number}: {plover_type} given two quads")
        try:
            scores[(plover_type, mode)] = float(row["score"])
        except ValueError as error:
            raise ValueError(f"{path}:{number}: score {row['score']!r} is not a number") from error
    return _PloverTable(tuple(types), quads, scores)


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, CameoCode]:
    path = _data_path("cameo.tsv")
    known_types = set(_plover_table().types)
    table: dict[str, CameoCode] = {}
    for number, row in _read_tsv(path, _CAMEO_COLUMNS):
        code = row["code"]
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise ValueError(f"{path}:{number}: bad CAMEO code {code!r}")
        if code in table:
            raise ValueError(f"{path}:{number}: duplicate CAMEO code {code}")
        plover_type = row["plover_type"] or None
        if plover_type is not None and plover_type not in known_types:
            raise ValueError(f"{path}:{number}: unknown PLOVER type {plover_type!r}")
        try:
            goldstein = float(row["goldstein"])
        except ValueError as error:
            raise ValueError(f"{path}:{number}: Goldstein {row['goldstein']!r} is not a number") from error
        table[code] = CameoCode(
            code=code,
            label=row["label"],
            goldstein=goldstein,
            plover_type=plover_type,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
            quad=quad_class(code),
        )
    return table


def all_codes() -> list[CameoCode]:
    """Every code in the table, in file order (root, then its 3- and 4-digit codes)."""
    return list(_cameo_table().values())


def is_known_code(code: str) -> bool:
    """True when ``code`` is in the table itself (no fallback to a parent code)."""
    return code in _cameo_table()


def cameo_info(code: str) -> CameoCode:
    """The table row for ``code``; an unknown 4-digit code falls back to its 3-digit parent, then its root.

    Raises KeyError for anything that is not a CAMEO-shaped code of a known root ("abc", "99", "").
    """
    table = _cameo_table()
    cleaned = code.strip() if isinstance(code, str) else ""
    if not (cleaned.isdigit() and 2 <= len(cleaned) <= 4):
        raise KeyError(f"not a CAMEO code: {code!r}")
    for candidate in (cleaned, cleaned[:3], cleaned[:2]):
        if len(candidate) >= 2 and candidate in table:
            return table[candidate]
    raise KeyError(f"unknown CAMEO code: {code!r}")


def plover_types() -> tuple[str, ...]:
    return _plover_table().types


PLOVER_TYPES: tuple[str, ...] = plover_types()


def plover_quad(plover_type: str) -> str:
    """Quad category the PLOVER manual gives ``plover_type``; KeyError for an unknown type."""
    quads = _plover_table().quads
    key = plover_type.strip().upper()
    if key not in quads:
        raise KeyError(f"unknown PLOVER type: {plover_type!r}")
    return quads[key]


def plover_modes(plover_type: str) -> tuple[str, ...]:
    """Modes the manual's score table lists for ``plover_type`` (empty for types without modes)."""
    key = plover_type.strip().upper()
    if key not in _plover_table().quads:
        raise KeyError(f"unknown PLOVER type: {plover_type!r}")
    return tuple(mode for (name, mode) in _plover_table().scores if name == key and mode is not None)


def plover_score(plover_type: str, mode: str | None = None) -> float:
    """The manual's conflict/cooperation score for a type and mode; unscored modes get the type's score."""
    table = _plover_table()
    key = plover_type.strip().upper()
    if key not in table.quads:
        raise KeyError(f"unknown PLOVER type: {plover_type!r}")
    if mode:
        scored = table.scores.get((key, mode.strip().lower()))
        if scored is not None:
            return scored
    return table.scores[(key, None)]
