"""Loaders for the gold evaluation files (PLOVER GSR, CAMEO quad classes, CAMEO roles).

The gold files are JSONL, one record per line. A file that is missing or a line that cannot be read
raises :class:`EvalDataError` naming the file and line, so ``heron eval`` can print one clear message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
QUAD_CLASSES: tuple[str, ...] = (
    "statement",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
ROLE_LABELS: tuple[str, ...] = ("S", "T")  # source and target; "R" (both parties of a symmetric act): see scoring._gold_roles

# Tokens written without a space before them (closing punctuation, clitics, apostrophes).
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    ")",
    "]",
    "}",
    "%",
    "”",
    "'s",
    "’s",
    "n't",
    "n’t",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "...",
    "-",
    "–",
    "/",
}
# Tokens written without a space after them (opening brackets and quotes, currency signs, hyphens).
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "$", "€", "£", "-", "–", "/"}
_APOSTROPHES = {"'", "’", "´"}
# Words ending in "s" before an apostrophe that opens a quote rather than closing a plural possessive.
_NOT_POSSESSORS = {"as", "is", "was", "has", "does", "this", "thus", "us", "its", "his"}
_CLITICS = {"s", "t", "re", "ve", "ll", "d", "m"}  # what follows an apostrophe inside a word


class EvalDataError(Exception):
    """A gold file is missing or malformed; the message names the file and the problem."""


@dataclass
class GsrActor:
    text: str
    code: str  # ISO-3 country, or a CAMEO code such as IGO / JAP; "" when not coded
    sector: str  # CAMEO sector code such as GOV, CVLalb; "" when not coded
    # Marked "SRC/TAR" in the record's markup: a party to a joint act ("X and Y agreed", "X held talks
    # with Y") that is source and target at once. The JSON lists such actors under "source" only.
    both_sides: bool = False


@dataclass
class GsrRecord:
    """One PLOVER gold standard record."""

    record_id: str
    text: str
    event: str  # PLOVER 2.0 type
    mode: str | None
    context: str | None
    source: list[GsrActor] = field(default_factory=list)
    target: list[GsrActor] = field(default_factory=list)


@dataclass
class QuadRecord:
    record_id: str  # "file:line", the files carry no ids
    text: str
    quad: str


@dataclass
class RolesRecord:
    """Tokens with BIO role tags, plus a natural text rebuilt from them for Heron to read."""

    record_id: str
    tokens: list[str]
    tags: list[str]
    text: str
    offsets: list[tuple[int, int]]  # token i is text[offsets[i][0]:offsets[i][1]]

    def spans(self, role: str) -> list[tuple[int, int]]:
        """Gold spans of ``role`` ("S" or "T") as token ranges [start, end)."""
        return bio_spans(self.tags, role)


def reconstruct_text(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into readable text and return it with each token's character span.

    Tokens are joined with single spaces except before closing punctuation and clitics (", . 's n't )"),
    after opening brackets, quotes and currency signs, around hyphens ("rebel - held" -> "rebel-held")
    and inside digit groups ("1 , 141" -> "1,141"). A lone apostrophe token is read as:
    a possessive or elision glued to both sides ("Baghdad ’ s" -> "Baghdad’s", "d ' affaires");
    a plural possessive or closing quote glued to the word before ("Kurds ' role" -> "Kurds' role");
    otherwise an opening quote glued to the word after ("as ' extremists" -> "as 'extremists").
    """
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for index, token in enumerate(tokens):
        if index > 0 and not _glued(tokens, index):
            pieces.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        pieces.append(token)
        length += len(token)
    return "".join(pieces), offsets


def _glued(tokens: list[str], index: int) -> bool:
    """True when ``tokens[index]`` follows the token before it without a space."""
    token, previous = tokens[index], tokens[index - 1]
    if _inside_number(tokens, index) or _inside_number(tokens, index - 1):
        return True
    if token in _APOSTROPHES:
        return _apostrophe_kind(tokens, index) != "opening"
    if previous in _APOSTROPHES and _apostrophe_kind(tokens, index - 1) != "closing":
        return True
    return token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER


def _inside_number(tokens: list[str], index: int) -> bool:
    """A "," or "." token that separates digits of one number ("1 , 141", "3 . 5")."""
    if index <= 0 or index + 1 >= len(tokens) or tokens[index] not in (",", "."):
        return False
    previous, following = tokens[index - 1], tokens[index + 1]
    if not (previous[-1:].isdigit() and following[:1].isdigit()):
        return False
    return tokens[index] == "." or (len(following) == 3 and following.isdigit())


def _apostrophe_kind(tokens: list[str], index: int) -> str:
    """ "inner" (glued both sides), "closing" (glued to the word before) or "opening" (to the word after)."""
    previous = tokens[index - 1] if index > 0 else ""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if not previous[-1:].isalnum():
        return "opening"
    if following.lower() in _CLITICS or (len(previous) == 1 and following[:1].isalpha()):
        return "inner"
    if previous.lower() in _NOT_POSSESSORS:
        return "opening"
    if previous[-1:].lower() == "s" or not following[:1].isalnum():
        return "closing"
    return "opening"


def bio_spans(tags: list[str], role: str) -> list[tuple[int, int]]:
    """Token ranges [start, end) tagged ``role``; an I- tag without a preceding B- starts a span."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        inside = label == role and prefix == "I" and start is not None
        if start is not None and not inside:
            spans.append((start, index))
            start = None
        if label == role and prefix in ("B", "I") and start is None:
            start = index
    return spans


_Record = TypeVar("_Record")


def _read_jsonl(path: Path, parse: Callable[[dict[str, Any], str], _Record]) -> list[_Record]:
    if not path.is_file():
        raise EvalDataError(f"{path}: gold file not found")
    records: list[_Record] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalDataError(f"{path}: cannot read ({error})") from error
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}, line {line_number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvalDataError(f"{where}: not valid JSON ({error.msg})") from error
        if not isinstance(data, dict):
            raise EvalDataError(f"{where}: expected a JSON object")
        try:
            records.append(parse(data, f"{path.name}:{line_number}"))
        except (KeyError, TypeError, ValueError) as error:
            raise EvalDataError(f"{where}: {error}") from error
    return records


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"field {key!r} must be a non-empty string")
    return value


def _actors(data: dict[str, Any], key: str) -> list[GsrActor]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"field {key!r} must be a list")
    joint = _joint_markup_texts(data.get("markup"))
    return [
        GsrActor(
            text=str(item.get("text") or ""),
            code=str(item.get("code") or "").strip(),
            sector=str(item.get("sector") or "").strip(),
            both_sides=_squeeze(str(item.get("text") or "")) in joint,
        )
        for item in value
        if isinstance(item, dict)
    ]


_JOINT_MARKUP = re.compile(r"\(SRC/TAR:\s*([^()]*)\)")


def _joint_markup_texts(markup: object) -> set[str]:
    """Texts the markup tags "(SRC/TAR: ...)", whitespace-normalised."""
    if not isinstance(markup, str):
        return set()
    return {_squeeze(found) for found in _JOINT_MARKUP.findall(markup)}


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _parse_gsr(data: dict[str, Any], fallback_id: str) -> GsrRecord:
    event = _text(data, "event").strip().upper()
    if event not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {event!r}")
    return GsrRecord(
        record_id=str(data.get("id") or fallback_id),
        text=_text(data, "text"),
        event=event,
        mode=data.get("mode"),
        context=data.get("context"),
        source=_actors(data, "source"),
        target=_actors(data, "target"),
    )


def _parse_quad(data: dict[str, Any], fallback_id: str) -> QuadRecord:
    quad = _text(data, "quad").strip()
    if quad not in QUAD_CLASSES:
        raise ValueError(f"unknown quad class {quad!r} (expected one of {', '.join(QUAD_CLASSES)})")
    return QuadRecord(record_id=str(data.get("id") or fallback_id), text=_text(data, "text"), quad=quad)


def _parse_roles(data: dict[str, Any], fallback_id: str) -> RolesRecord:
    tokens, tags = data.get("tokens"), data.get("tags")
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) and t for t in tokens):
        raise ValueError("field 'tokens' must be a non-empty list of non-empty strings")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("field 'tags' must be a list of strings")
    if len(tags) != len(tokens):
        raise ValueError(f"{len(tokens)} tokens but {len(tags)} tags")
    text, offsets = reconstruct_text(tokens)
    return RolesRecord(
        record_id=str(data.get("id") or fallback_id), tokens=tokens, tags=tags, text=text, offsets=offsets
    )


def load_gsr(path: Path) -> list[GsrRecord]:
    """PLOVER gold standard records (``plover_gsr_dev.jsonl``)."""
    return _read_jsonl(Path(path), _parse_gsr)


def load_quad(path: Path) -> list[QuadRecord]:
    """Sentences with their CAMEO quad class (``cameo_quad_dev.jsonl``)."""
    return _read_jsonl(Path(path), _parse_quad)


def load_roles(path: Path) -> list[RolesRecord]:
    """Token/BIO-tag records (``cameo_roles_dev.jsonl``) with a reconstructed text per record."""
    return _read_jsonl(Path(path), _parse_roles)
