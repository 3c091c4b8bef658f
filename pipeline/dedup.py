"""Near-duplicate detection: MinHash over character 5-grams, LSH to find matches.

Mirrors and reposts differ in chrome, punctuation, spacing and sometimes script
(a traditional-character mirror). Shingles are taken from the normalized text
(simplified, see :mod:`pipeline.normalize`) with spaces and punctuation removed,
so those differences do not count; what remains is the article's wording.
"""
from __future__ import annotations

import inspect
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5
SEED = 1
# datasketch >= 2.0 asks which hashing scheme stored values came from; 1.x has one scheme
_SCHEME = {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash).parameters else {}
_DROP = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]+")


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Character k-grams of the text with everything but letters, digits and CJK removed."""
    flat = _DROP.sub("", text).lower()
    if len(flat) <= k:
        return {flat} if flat else set()
    return {flat[i:i + k] for i in range(len(flat) - k + 1)}


def _minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, **_SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return m


def signature(text: str) -> bytes:
    """A compact MinHash signature: NUM_PERM uint32 values, little-endian (256 bytes)."""
    return _minhash(text).hashvalues.astype("<u4").tobytes()


def _from_bytes(sig: bytes) -> MinHash:
    values = np.frombuffer(sig, dtype="<u4").astype(np.uint64)
    if len(values) != NUM_PERM:
        raise ValueError(f"signature has {len(values)} values, expected {NUM_PERM}")
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, **_SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(_from_bytes(a).jaccard(_from_bytes(b)))


class DuplicateIndex:
    """Signatures of documents seen so far; ``find`` names a near-duplicate of a new one."""

    def __init__(self, threshold: float = 0.8):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, doc_id: str, sig: bytes) -> None:
        """Index a document (adding an id twice is a no-op)."""
        if doc_id in self._sigs:
            return
        self._lsh.insert(doc_id, _from_bytes(sig))
        self._sigs[doc_id] = sig

    def find(self, sig: bytes) -> str | None:
        """The most similar indexed document at or above the threshold, else None.

        LSH gives candidates; each is checked against the threshold so a
        chance bucket collision never marks a document as a duplicate. Ties go
        to the smallest id, so the answer does not depend on insertion order.
        """
        candidates = self._lsh.query(_from_bytes(sig))
        scored = [(similarity(sig, self._sigs[c]), c) for c in candidates]
        scored = [(s, c) for s, c in scored if s >= self.threshold]
        if not scored:
            return None
        best = max(s for s, _ in scored)
        return min(c for s, c in scored if s == best)
