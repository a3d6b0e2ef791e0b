"""Shared fixtures: a generated corpus of tiny good articles with corrupt files mixed in.

Every corrupt kind named in issue 7 is produced here, in ``tmp_path``, so no test needs data files:
binary junk, a wrong encoding, a truncated gzip, broken HTML, a malformed JSON line, a 200 MB single
"article" (a sparse file, so it costs no disk and no time to make), an article of 0 words, an empty file.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest

# Tiny articles (one or two sentences) keep the 1,000-file acceptance test fast; the words vary so that
# the parser and coder see different sentences.
_ACTORS = ["Kenya", "Tanzania", "Chile", "Peru", "Bolivia", "Poland", "Japan", "Nigeria", "Mali", "Iran",
           "the United Nations", "the European Union", "Brazil", "India", "Ghana", "Norway"]
_ACTS = ["held talks with", "signed an agreement with", "criticised", "sent aid to", "met officials from",
         "accused", "praised", "imposed sanctions on", "expelled diplomats from", "invited"]
_DAYS = ["on Monday", "on Tuesday", "last week", "on March 3", "yesterday", "on Friday"]

HUGE_BYTES = 200 * 1024 * 1024


@dataclass
class Corpus:
    root: Path
    files: int = 0
    good_source_ids: set[str] = field(default_factory=set)  # each must be stored exactly once
    bad: dict[tuple[str, str | None], str] = field(default_factory=dict)  # (file, position) -> reason fragment


def _sentence(rng: random.Random, index: int) -> str:
    first, second = rng.sample(_ACTORS, 2)
    text = f"{first} {rng.choice(_ACTS)} {second} {rng.choice(_DAYS)}, officials said in report {index}."
    if rng.random() < 0.3:
        text += f" {second} {rng.choice(_ACTS)} {first} {rng.choice(_DAYS)}."
    return text


def build_corpus(root: Path, n_files: int = 1000, corrupt_share: float = 0.05, seed: int = 7) -> Corpus:
    """``n_files`` files, ``corrupt_share`` of them corrupt (cycling through every corrupt kind)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root)
    n_bad = round(n_files * corrupt_share)
    bad_slots = set(rng.sample(range(n_files), n_bad))
    kinds = list(_CORRUPT_MAKERS)
    bad_made = 0
    for index in range(n_files):
        if index in bad_slots:
            kind = kinds[bad_made % len(kinds)]
            bad_made += 1
            _CORRUPT_MAKERS[kind](corpus, root / f"f{index:05d}_{kind}", rng, index)
        else:
            _make_good(corpus, root / f"f{index:05d}", rng, index)
        corpus.files += 1
    return corpus


def _make_good(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    roll = rng.random()
    if roll < 0.8:
        path = stem.with_suffix(".txt")
        path.write_text(_sentence(rng, index) + "\n", encoding="utf-8")
        corpus.good_source_ids.add(str(path))
    elif roll < 0.9:
        path = stem.with_suffix(".html")
        path.write_text(f"<html lang='en'><head><title>Report {index}</title></head><body><article>"
                        f"<p>{_sentence(rng, index)}</p></article></body></html>", encoding="utf-8")
        corpus.good_source_ids.add(str(path))
    else:
        path = stem.with_suffix(".jsonl")
        lines = [json.dumps({"id": f"r{index}-{k}", "text": _sentence(rng, index * 10 + k),
                             "published": "2023-03-0" + str(k + 1)}) for k in range(2)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpus.good_source_ids.update(f"{path}#r{index}-{k}" for k in range(2))


def _binary_junk(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    path = stem.with_suffix(".txt")
    path.write_bytes(bytes(rng.randrange(256) for _ in range(600)) + b"\x00\x00")
    corpus.bad[(str(path), None)] = "binary file"


def _wrong_encoding(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    # JSON Lines must be UTF-8; this one is Latin-1 (Bogotá as a lone 0xE1 byte).
    path = stem.with_suffix(".jsonl")
    record = {"id": f"latin{index}", "text": "Talks in Bogot\u00e1 resumed on Monday."}
    path.write_bytes(json.dumps(record, ensure_ascii=False).encode("latin-1") + b"\n")
    corpus.bad[(str(path), "line 1")] = "not valid UTF-8"


def _truncated_gzip(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    path = stem.parent / (stem.name + ".jsonl.gz")
    data = gzip.compress((json.dumps({"id": index, "text": _sentence(rng, index) * 40}) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    corpus.bad[(str(path), "after line 0")] = "corrupt or truncated"


def _broken_html(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    path = stem.with_suffix(".html")
    path.write_text("<html><head><title>x</ti<body><div><p></div></table><script>var a = '<p>';</script><<<>>>")
    corpus.bad[(str(path), None)] = "no main text found in HTML"


def _malformed_json_line(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    # One good record, then a line cut off mid-object: the good record is kept, the bad line reported.
    path = stem.with_suffix(".jsonl")
    good = json.dumps({"id": f"ok{index}", "text": _sentence(rng, index)})
    path.write_text(good + '\n{"id": "cut", "text": "Kenya and Tan\n', encoding="utf-8")
    corpus.good_source_ids.add(f"{path}#ok{index}")
    corpus.bad[(str(path), "line 2")] = "invalid JSON"


def _huge_article(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    # A sparse 200 MB file: its size is real to the reader, but it costs no disk or time to create.
    path = stem.with_suffix(".txt")
    with path.open("wb") as handle:
        handle.truncate(HUGE_BYTES)
    corpus.bad[(str(path), None)] = "file too large"


def _zero_words(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    path = stem.with_suffix(".txt")
    path.write_text("1234 -- 5678 !!! ... 42\n\n2022 *** 3.14\n", encoding="utf-8")
    corpus.bad[(str(path), None)] = "0 word(s)"


def _empty_file(corpus: Corpus, stem: Path, rng: random.Random, index: int) -> None:
    path = stem.with_suffix(".txt")
    path.write_text("   \n\n", encoding="utf-8")
    corpus.bad[(str(path), None)] = "empty file"


_CORRUPT_MAKERS: dict[str, Callable[[Corpus, Path, random.Random, int], None]] = {
    "junk": _binary_junk,
    "latin1": _wrong_encoding,
    "truncgz": _truncated_gzip,
    "brokenhtml": _broken_html,
    "badjson": _malformed_json_line,
    "huge": _huge_article,
    "zerowords": _zero_words,
    "empty": _empty_file,
}


WALL_CLOCK_COLUMNS = {"ingested_at", "seen_at"}  # when a row was written, not what it says


def table_rows(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (merge tables too, when present), sorted, minus wall-clock columns."""
    connection = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            columns = [row[0] for row in connection.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
            ).fetchall() if row[0] not in WALL_CLOCK_COLUMNS]
            column_list = ", ".join(f'"{column}"' for column in columns)
            rows[table] = sorted(connection.execute(f'SELECT {column_list} FROM "{table}"').fetchall(), key=repr)
        return rows
    finally:
        connection.close()


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """160 files, one of each corrupt kind among them: the quick tests share it."""
    return build_corpus(tmp_path_factory.mktemp("small") / "corpus", n_files=160, corrupt_share=0.05)
