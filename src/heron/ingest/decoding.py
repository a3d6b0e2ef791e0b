"""Turn the bytes of a file into text, or say why they are not text.

Order of attempts: a byte-order mark (UTF-8/UTF-16/UTF-32), then strict UTF-8 (by far the most common
encoding of scraped news), then cp1252 when the result looks like Western-European text, then
charset-normalizer's best guess, then cp1252 with replacement characters as a last resort.

Why cp1252 before charset-normalizer: on short files (a paragraph or two) charset-normalizer often
prefers an exotic code page (mac_iceland, cp1250) and turns typographic quotes into letters, while
cp1252/latin-1 is what legacy news files almost always are. The check that the cp1252 reading is
plausible (few non-ASCII letters, all of them Latin-1 letters or typographic punctuation) lets
Cyrillic, Greek or Asian legacy encodings through to charset-normalizer.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from heron.records import IngestProblem

# A text file may hold tabs and newlines, but if more than this share of characters is
# unprintable it is almost certainly binary that happened to decode.
MAX_UNPRINTABLE_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotTextError(ValueError):
    """The bytes are not text (binary junk) or could not be decoded."""


def _looks_printable(text: str) -> bool:
    if not text:
        return True
    unprintable = sum(1 for char in text if not (char.isprintable() or char in "\n\r\t\f\v"))
    return unprintable / len(text) <= MAX_UNPRINTABLE_SHARE


# Non-ASCII characters expected in Western-European text besides Latin-1 letters.
_TYPOGRAPHIC = set("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u00a0\u00ab\u00bb\u00b0\u00a3\u00a7\u00a9\u00ae\u00b7\u2122")
# In real Western text most letters are ASCII; a mis-read Cyrillic/Greek file is almost all high letters.
MAX_NON_ASCII_LETTER_SHARE = 0.3


def _plausible_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    non_ascii_letters = [char for char in letters if ord(char) > 127]
    if letters and len(non_ascii_letters) / len(letters) > MAX_NON_ASCII_LETTER_SHARE:
        return None
    for char in text:
        if ord(char) > 127 and char not in _TYPOGRAPHIC and not ("\u00c0" <= char <= "\u00ff"):
            return None
    return text


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding name). Raises NotTextError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise NotTextError(f"has a {encoding} byte-order mark but does not decode: {error}") from None
            if not _looks_printable(text):
                raise NotTextError("binary file, not text")
            return text, encoding

    # NUL bytes never occur in 8-bit or UTF-8 text; without a BOM they mean binary data.
    if b"\x00" in data:
        raise NotTextError("binary file, not text")

    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        western = _plausible_cp1252(data)
        if western is not None:
            text, encoding = western, "cp1252"
        else:
            best = from_bytes(data).best()
            if best is not None and best.encoding:
                text, encoding = str(best), best.encoding
            else:
                text, encoding = data.decode("cp1252", errors="replace"), "cp1252"

    if not _looks_printable(text):
        raise NotTextError("binary file, not text")
    return text, encoding


def read_bounded(path: Path, max_bytes: int) -> bytes | IngestProblem:
    """The file's bytes, or the problem that stops them being read (too large: not read at all)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestProblem(str(path), f"file too large ({size} bytes; limit is {max_bytes})")
        return path.read_bytes()
    except OSError as error:
        return IngestProblem(str(path), f"cannot read file: {error.strerror or error}")
