"""Near-duplicate articles: MinHash signatures of word shingles, candidates from LSH, exact check on the estimate.

Syndicated wire copy and re-posts share almost all their five-word shingles; two articles whose
estimated Jaccard similarity reaches ``MergeSettings.duplicate_jaccard`` are linked as copies. Copies
are evidence once: a merged event reported only by copies of one article counts one independent source.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from heron.merge.settings import MergeSettings

_TOKEN = re.compile(r"\w+", re.UNICODE)
SEED = 1  # fixed so signatures stored in one run compare with those of the next
# datasketch 2 names its hashing scheme and wants it when a MinHash is rebuilt from stored values;
# 1.x has no such argument (and only the one scheme).
_SCHEME = {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}


def _minhash(settings: MergeSettings, values: np.ndarray | None = None) -> MinHash:
    permutations = _permutations(settings.minhash_permutations)
    if values is None:
        return MinHash(num_perm=settings.minhash_permutations, seed=SEED, permutations=permutations, **_SCHEME)
    return MinHash(seed=SEED, hashvalues=values, permutations=permutations, **_SCHEME)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The permutations MinHash draws from SEED, drawn once (a MinHash draws them again for every object)."""
    return MinHash(num_perm=num_perm, seed=SEED, **_SCHEME).permutations


def signature(text: str, settings: MergeSettings) -> np.ndarray:
    """MinHash signature (uint64 array) of the article's word shingles."""
    words = [w.lower() for w in _TOKEN.findall(text)]
    size = settings.shingle_words
    shingles = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    minhash = _minhash(settings)
    minhash.update_batch([s.encode("utf-8") for s in shingles if s])
    return minhash.hashvalues.astype(np.uint64)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) != len(b) or len(a) == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def find_duplicate_pairs(
    new_signatures: Mapping[str, np.ndarray],
    stored_signatures: Mapping[str, np.ndarray],
    settings: MergeSettings,
) -> list[tuple[str, str, float]]:
    """Pairs (a, b, similarity) with a < b, where at least one side is new, that are near-duplicates."""
    everything = {**stored_signatures, **new_signatures}
    lsh = MinHashLSH(threshold=settings.duplicate_jaccard, num_perm=settings.minhash_permutations)
    for article_id, values in everything.items():
        lsh.insert(article_id, _minhash(settings, values))
    pairs: set[tuple[str, str, float]] = set()
    for article_id, values in new_signatures.items():
        query = _minhash(settings, values)
        for other in lsh.query(query):
            if other == article_id:
                continue
            similarity = estimated_jaccard(values, everything[other])
            if similarity >= settings.duplicate_jaccard:
                a, b = sorted((article_id, other))
                pairs.add((a, b, round(similarity, 4)))
    return sorted(pairs)


def duplicate_groups(article_ids: Iterable[str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article id -> id of its copy group (the smallest article id among its copies; itself when alone)."""
    parent: dict[str, str] = {a: a for a in article_ids}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in list(parent)}
