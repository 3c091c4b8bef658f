#!/usr/bin/env python3
"""Where does ingest's memory go? RSS, DuckDB's memory and Python's heap per written batch.

usage: python benchmarks/mem_probe.py CORPUS [--db F] [--every 5] [--tracemalloc]

Runs ``ingest`` in this process (``--jobs 1``) and, every ``--every`` batches,
prints documents written, RSS (MB), DuckDB's own memory (``duckdb_memory()``,
MB, with its largest tags), Python's object count and spaCy's string store size. With
``--tracemalloc`` it also prints the Python allocation sites that grew most
since the first snapshot (slow: use a few thousand documents).
"""
from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline import ingest as ingest_mod  # noqa: E402
from pipeline.nlp import get_nlp  # noqa: E402


def _rss_mb(key: str = "VmRSS") -> float:
    """This process's resident memory (``VmRSS``) or its peak so far (``VmHWM``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"/proc/self/status has no {key} line")


def _duckdb_mb(con) -> tuple[float, str]:
    rows = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() ORDER BY 2 DESC").fetchall()
    total = sum(r[1] for r in rows) / 2**20
    top = ", ".join(f"{t}={b / 2**20:.0f}" for t, b in rows[:3] if b)
    return total, top


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--db", type=Path, default=Path("/tmp/mem_probe.duckdb"))
    ap.add_argument("--every", type=int, default=5)
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a DuckDB setting for the writer's connection (repeatable)")
    args = ap.parse_args(argv)
    for p in (args.db, Path(str(args.db) + ".wal")):
        p.unlink(missing_ok=True)
    if args.tracemalloc:
        tracemalloc.start(5)
    state = {"flushes": 0, "first": None}
    original = ingest_mod._Writer.flush

    def flush(self) -> None:
        original(self)
        state["flushes"] += 1
        if state["flushes"] % args.every:
            return
        duck, top = _duckdb_mb(self.wh.con)
        docs = self.info.new + self.info.updated + self.info.duplicate
        print(f"docs={docs} rss={_rss_mb():.0f}MB peak={_rss_mb('VmHWM'):.0f}MB duckdb={duck:.0f}MB ({top}) "
              f"python_objects={len(gc.get_objects())} spacy_strings={len(get_nlp().vocab.strings)}", flush=True)
        if args.tracemalloc:
            snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
            if state["first"] is None:
                state["first"] = snap
                return
            for stat in snap.compare_to(state["first"], "traceback")[:5]:
                print(f"   +{stat.size_diff / 2**20:.1f}MB {stat.count_diff:+d} blocks "
                      f"{stat.traceback.format()[-1].strip()}", flush=True)

    ingest_mod._Writer.flush = flush
    init = ingest_mod._Writer.__init__

    def writer_init(self, wh, *a, **kw) -> None:
        for item in args.set:
            name, _, value = item.partition("=")
            wh.con.execute(f"SET {name} = '{value}'")
        init(self, wh, *a, **kw)

    ingest_mod._Writer.__init__ = writer_init
    info = ingest_mod.ingest([str(args.corpus)], db=args.db, jobs=1)
    print(info.summary(), f"rss={_rss_mb():.0f}MB peak={_rss_mb('VmHWM'):.0f}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
