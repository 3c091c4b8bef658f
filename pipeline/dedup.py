"""Near-duplicate detection: MinHash over character 5-grams, LSH bands to find matches.

Mirrors and reposts differ in chrome, punctuation, spacing and sometimes script
(a traditional-character mirror). Shingles are taken from the normalized text
(simplified, see :mod:`pipeline.normalize`) with spaces and punctuation removed,
so those differences do not count; what remains is the article's wording.

Signature scheme 2 (``SCHEME``), all numpy: each 5-gram of character codes is
hashed by a polynomial over the codes and a 64-bit finalizer (murmur3's fmix64)
to an odd 32-bit value ``x``; permutation ``i`` is ``a_i * x mod 2**32`` (``a_i``
odd, a bijection), and the signature keeps each permutation's minimum.
Scheme 1 (datasketch, sha1 per shingle) gave other values: signatures of
different schemes are never compared. The warehouse records its scheme in
``meta`` (key ``minhash_scheme``); opening an older one for writing recomputes
every signature and band key from ``documents.text`` (:func:`migrate_signatures`).

LSH: ``BANDS`` bands of ``ROWS`` values; a band key is a 64-bit hash of the
band number and its values. Two documents sharing a band key are candidates,
and a candidate counts only if its estimated similarity reaches the threshold.
The warehouse keeps band keys in table ``minhash_bands``, so the index lives on
disk; :class:`DuplicateIndex` is the in-memory form for a batch (and tests).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import duckdb
import numpy as np

from .errors import WarehouseError

SCHEME = 2
SCHEME_KEY = "minhash_scheme"  # meta key: the scheme of the stored signatures
NUM_PERM = 64
SHINGLE = 5
BANDS, ROWS = 12, 5  # P(candidate) at similarity 0.8: 0.99; at 0.5: 0.32; at 0.2: 0.004
THRESHOLD = 0.8
_DROP = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]+")
_CHUNK = 4096  # shingles per permutation block: bounds memory on long texts
_U64 = np.uint64
_FMIX1, _FMIX2, _S33, _S32 = _U64(0xFF51AFD7ED558CCD), _U64(0xC4CEB9FE1A85EC53), _U64(33), _U64(32)


def _constants(tag: str, n: int) -> np.ndarray:
    """``n`` fixed 64-bit constants derived with sha256 (stable across numpy versions)."""
    return np.array([int.from_bytes(hashlib.sha256(f"edumine-minhash-v{SCHEME}/{tag}/{i}".encode()).digest()[:8],
                                    "little") for i in range(n)], dtype=np.uint64)


_POLY = _U64(int(_constants("poly", 1)[0]) | 1)
_PERM = ((_constants("perm", NUM_PERM) & _U64(0xFFFFFFFF)) | _U64(1)).astype(np.uint32)
_BAND_SEED = _constants("band", BANDS)
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype="<u4")


def _fmix64(h: np.ndarray) -> np.ndarray:
    """murmur3's 64-bit finalizer, in place on a uint64 array."""
    h ^= h >> _S33
    h *= _FMIX1
    h ^= h >> _S33
    h *= _FMIX2
    h ^= h >> _S33
    return h


def _flat(text: str) -> str:
    return _DROP.sub("", text).lower()


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Character k-grams of the text with everything but letters, digits and CJK removed."""
    flat = _flat(text)
    if len(flat) <= k:
        return {flat} if flat else set()
    return {flat[i:i + k] for i in range(len(flat) - k + 1)}


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """Odd 32-bit hashes (uint32) of the text's character k-grams, in text order, repeats kept.

    A text shorter than ``k`` is one shingle; an empty one has none.
    """
    codes = np.frombuffer(_flat(text).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if codes.size == 0:
        return np.empty(0, dtype=np.uint32)
    k = min(k, codes.size)
    n = codes.size - k + 1
    h = codes[:n].copy()
    for j in range(1, k):
        h *= _POLY
        h += codes[j:j + n]
    return ((_fmix64(h) >> _S32) | _U64(1)).astype(np.uint32)


def signature(text: str) -> bytes:
    """A compact MinHash signature: NUM_PERM uint32 values, little-endian (256 bytes)."""
    x = shingle_hashes(text)
    if x.size == 0:
        return _EMPTY.tobytes()
    mins = _EMPTY.astype(np.uint32)
    for start in range(0, x.size, _CHUNK):  # (permutation, shingle): each minimum runs over contiguous memory
        block = np.multiply.outer(_PERM, x[start:start + _CHUNK])
        np.minimum(mins, block.min(axis=1), out=mins)
    return mins.astype("<u4").tobytes()


def _values(sig: bytes) -> np.ndarray:
    values = np.frombuffer(sig, dtype="<u4")
    if len(values) != NUM_PERM:
        raise ValueError(f"signature has {len(values)} values, expected {NUM_PERM}")
    return values


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (same scheme)."""
    return float(np.count_nonzero(_values(a) == _values(b))) / NUM_PERM


def _similarities(sig: bytes, others: list[bytes]) -> list[float]:
    """:func:`similarity` of ``sig`` with each of ``others``, in one array operation."""
    for other in others:
        if len(other) != NUM_PERM * 4:
            _values(other)  # raises, naming the bad length
    rows = np.frombuffer(b"".join(others), dtype="<u4").reshape(len(others), NUM_PERM)
    return (np.count_nonzero(rows == _values(sig), axis=1) / NUM_PERM).tolist()


def band_keys(sig: bytes) -> list[int]:
    """The signature's BANDS LSH keys, as signed 64-bit integers (DuckDB BIGINT)."""
    rows = _values(sig)[:BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    h = _BAND_SEED.copy()
    for j in range(ROWS):
        h = _fmix64(h * _POLY + rows[:, j])
    return h.view(np.int64).tolist()


def best_match(sig: bytes, candidates: Iterable[tuple[str, bytes]], threshold: float = THRESHOLD) -> str | None:
    """The candidate most similar to ``sig`` at or above ``threshold``, else None.

    Each candidate is checked, so a chance band collision never marks a
    duplicate; ties go to the smallest id, so the answer does not depend on order.
    """
    cands = list(candidates)
    if not cands:
        return None
    best: tuple[float, str] | None = None
    for (doc_id, _), score in zip(cands, _similarities(sig, [other for _, other in cands])):
        if score >= threshold and (best is None or (-score, doc_id) < (-best[0], best[1])):
            best = (score, doc_id)
    return best[1] if best else None


class DuplicateIndex:
    """Signatures of documents seen so far, in memory; ``find`` names a near-duplicate of a new one.

    Ingest keeps one only for the batch being written (the warehouse holds the rest).
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._buckets: dict[int, list[str]] = {}
        self._sigs: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, doc_id: str, sig: bytes) -> None:
        """Index a document (adding an id twice is a no-op)."""
        if doc_id in self._sigs:
            return
        for key in band_keys(sig):
            self._buckets.setdefault(key, []).append(doc_id)
        self._sigs[doc_id] = sig

    def candidates(self, sig: bytes) -> list[tuple[str, bytes]]:
        """(doc_id, signature) of indexed documents sharing a band key with ``sig``."""
        ids = {d for key in band_keys(sig) for d in self._buckets.get(key, ())}
        return [(d, self._sigs[d]) for d in sorted(ids)]

    def find(self, sig: bytes) -> str | None:
        """The most similar indexed document at or above the threshold, else None."""
        return best_match(sig, self.candidates(sig), self.threshold)


def band_rows(doc_id: str, sig: bytes) -> list[dict[str, object]]:
    """The ``minhash_bands`` rows of an original document."""
    return [{"band_key": key, "doc_id": doc_id} for key in band_keys(sig)]


def migrate_signatures(con: duckdb.DuckDBPyConnection, chunk: int = 2000) -> int:
    """Recompute stored signatures and band keys if the warehouse's scheme is not ``SCHEME``.

    Streams ``documents.text`` in chunks (memory does not grow with the
    warehouse), commits each chunk, and records the scheme last, so a killed
    migration is redone from the start on the next open. Returns the number of
    documents recomputed (0 when the scheme is current). A schema without
    ``minhash_bands`` (a test's own schema folder) has nothing to migrate.
    """
    have = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'minhash_bands' "
                       "AND table_schema = 'main'").fetchone()[0]
    row = con.execute("SELECT value FROM meta WHERE key = ?", [SCHEME_KEY]).fetchone() if have else None
    if not have or (row is not None and row[0] == str(SCHEME)):
        return 0
    done = 0
    try:
        con.execute("DELETE FROM minhash_bands")
        reader = con.cursor()  # a second connection streams the texts while ``con`` writes
        reader.execute("SELECT doc_id, text, duplicate_of IS NULL FROM documents ORDER BY doc_id")
        while rows := reader.fetchmany(chunk):
            _store_signatures(con, rows)
            done += len(rows)
        reader.close()
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [SCHEME_KEY, str(SCHEME)])
    except duckdb.Error as exc:
        raise WarehouseError(f"recomputing MinHash signatures (scheme {SCHEME}) failed "
                             f"after {done} documents: {exc}") from exc
    return done


def _store_signatures(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str, bool]]) -> None:
    """One transaction: new signatures into ``sources``, band keys of the originals."""
    import pandas as pd  # only this rebuild path needs it: ingest starts without pandas

    sigs = pd.DataFrame([(doc_id, signature(text)) for doc_id, text, _ in rows], columns=["doc_id", "minhash"])
    bands = pd.DataFrame([r for (doc_id, _, original), sig in zip(rows, sigs["minhash"]) if original
                          for r in band_rows(doc_id, sig)], columns=["band_key", "doc_id"])
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_sigs", sigs)
        con.execute("UPDATE sources SET minhash = _sigs.minhash FROM _sigs WHERE sources.doc_id = _sigs.doc_id")
        con.register("_bands", bands)
        con.execute("INSERT INTO minhash_bands SELECT band_key::BIGINT, doc_id FROM _bands")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_sigs")
        con.unregister("_bands")
