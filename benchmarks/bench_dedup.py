#!/usr/bin/env python3
"""Time MinHash signatures per document: scheme 2 (numpy, pipeline.dedup) against scheme 1
(datasketch, sha1 per shingle, what ingest used before), over stored clean texts.

usage: python benchmarks/bench_dedup.py --db WAREHOUSE [--docs 300] [--repeat 3]

Prints the best of ``--repeat`` runs in ms per document.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import duckdb  # noqa: E402

from pipeline import dedup  # noqa: E402


def scheme1(text: str) -> bytes:
    """The former signature: datasketch MinHash, 64 permutations, seed 1, sha1 per shingle."""
    from datasketch import MinHash

    m = MinHash(num_perm=64, seed=1)
    m.update_batch([s.encode("utf-8") for s in sorted(dedup.shingles(text))])
    return m.hashvalues.astype("<u4").tobytes()


def best_ms(fn, texts: list[str], repeat: int) -> float:
    """Best of ``repeat`` passes over ``texts``, in ms per text."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, (time.perf_counter() - t0) / len(texts) * 1000)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with duckdb.connect(str(args.db), read_only=True) as con:
        texts = [r[0] for r in con.execute("SELECT text FROM documents ORDER BY doc_id LIMIT ?",
                                           [args.docs]).fetchall()]
    if not texts:
        print(f"no documents in {args.db}", file=sys.stderr)
        return 2
    chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} texts, {chars:.0f} characters on average; best of {args.repeat}")
    print(f"scheme 2 (numpy):      {best_ms(dedup.signature, texts, args.repeat):.3f} ms/doc")
    try:
        import datasketch  # noqa: F401
    except ImportError:
        print("scheme 1 (datasketch): not installed (pip install -e '.[bench]')")
        return 0
    print(f"scheme 1 (datasketch): {best_ms(scheme1, texts, args.repeat):.3f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
