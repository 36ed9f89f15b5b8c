"""Republication: is a report the same text as another (a wire story carried by many outlets)?

A document's *signature* is a MinHash of its text's beginning: the minima of 64 hash
functions over its hashed word 4-grams. The share of positions where two signatures agree
estimates the Jaccard similarity of the two texts' 4-grams (standard error about 0.06 at the
0.6 threshold), in 512 bytes per document instead of a set of several hundred shingles, so
signatures can be cached for every report of a large store (documents never change: a
document's id is the hash of its text).

Candidates are found by locality-sensitive hashing: the signature is cut into 32 bands of two
values, and two texts are compared only when a band agrees. A pair at the 0.6 threshold shares
a band with probability 1 - (1 - 0.6**2)**32 (misses about 1 in 1.6 million); unrelated reports
of one incident (similarity near 0.05) become candidates in about 8 % of pairs, and are then
rejected by the estimate. Within a band's bucket a text is compared with one member of each
group of near-duplicates already found, and joins the bucket only when it matched none, so a
story republished by hundreds of outlets costs about one comparison per copy.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator

import numpy as np

NEAR_DUPLICATE_JACCARD = 0.6
HASHES = 64
ROWS = 2  # values per band
_rng = np.random.default_rng(20160227)  # fixed: signatures must agree across processes and runs
_MULT = _rng.integers(1, 2**63 - 1, size=HASHES, dtype=np.uint64) | np.uint64(1)
_ADD = _rng.integers(0, 2**63 - 1, size=HASHES, dtype=np.uint64)

Signature = np.ndarray  # HASHES uint64 values


def shingles(text: str, size: int = 4, limit: int = 3000) -> list[int]:
    """Hashed word n-grams of a text's beginning."""
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text[:limit]).split()
    return [zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(max(1, len(words) - size + 1))]


def signature(text: str) -> Signature:
    """The MinHash signature of a text (an empty text gives all-maximum values)."""
    sh = np.unique(np.fromiter(shingles(text), dtype=np.uint64))
    with np.errstate(over="ignore"):
        mixed = sh[:, None] * _MULT[None, :] + _ADD[None, :]  # wraps mod 2**64: a bijection per column
    mixed ^= mixed >> np.uint64(29)
    return mixed.min(axis=0)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingles."""
    return float(np.count_nonzero(a == b)) / HASHES


def near_duplicate_pairs(sigs: list[Signature], joined: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """Index pairs of signatures estimated at NEAR_DUPLICATE_JACCARD or more.

    ``joined(i, j)`` tells whether i and j are already in one group (the caller unites the
    pairs yielded, so each pair it receives is acted on before the next comparison).
    """
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for j, sig in enumerate(sigs):
        raw = sig.tobytes()
        width = 8 * ROWS
        for band in range(HASHES // ROWS):
            bucket = buckets.setdefault((band, raw[band * width : (band + 1) * width]), [])
            matched = False
            for i in bucket:
                if joined(i, j):
                    matched = True
                elif similarity(sigs[i], sig) >= NEAR_DUPLICATE_JACCARD:
                    matched = True
                    yield i, j
            if not matched:
                bucket.append(j)


class SignatureCache:
    """Signatures by document id, the most recent ``size`` kept (a document's text never changes)."""

    def __init__(self, size: int = 200_000) -> None:
        self.size = size
        self._d: OrderedDict[str, Signature] = OrderedDict()

    def get(self, doc_id: str) -> Signature | None:
        sig = self._d.get(doc_id)
        if sig is not None:
            self._d.move_to_end(doc_id)
        return sig

    def put(self, doc_id: str, sig: Signature) -> None:
        self._d[doc_id] = sig
        if len(self._d) > self.size:
            self._d.popitem(last=False)


signatures = SignatureCache()
