#!/usr/bin/env python3
"""Soak: ingest many generated documents, killing the run with SIGKILL at random
moments, then finish it; compare with an uninterrupted run. Rows lost must be 0.

usage: python benchmarks/soak.py [--docs 10000] [--kills 8] [--jobs 2] [--work DIR]

The corpus mixes generated reports with a share of hostile files (empty,
binary, truncated, broken JSON Lines) so that rejects are exercised too.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import generate_report  # noqa: E402


def build(folder: Path, n: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    hostile = 0
    for i in range(n):
        roll = rng.random()
        p = folder / f"s{i:06d}"
        if roll < 0.01:
            p.with_suffix(".html").write_bytes(b"")
            hostile += 1
        elif roll < 0.02:
            p.with_suffix(".html").write_bytes(bytes(rng.getrandbits(8) for _ in range(2000)))
            hostile += 1
        elif roll < 0.03:
            good = json.dumps({"url": f"https://example.org/{i}", "text": generate_report(rng, i)},
                              ensure_ascii=False)
            p.with_suffix(".jsonl").write_text(good + "\n{broken\n", encoding="utf-8")
            hostile += 1
        else:
            p.with_suffix(".txt").write_text(generate_report(rng, i), encoding="utf-8")
    return {"files": n, "hostile": hostile}


def cmd(folder: Path, db: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "ingest", str(folder), "--db", str(db),
            "--jobs", str(jobs), "--no-progress"]


def state(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    out = {
        "documents": q("SELECT count(*) FROM documents")[0][0],
        "figures": q("SELECT count(*) FROM figures")[0][0],
        "measures": q("SELECT count(*) FROM measures")[0][0],
        "rejected_inputs": q("SELECT count(DISTINCT source_path) FROM rejects")[0][0],
        "orphan_rows": q("SELECT (SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT doc_id FROM documents))"
                         " + (SELECT count(*) FROM measures WHERE doc_id NOT IN (SELECT doc_id FROM documents))"
                         " + (SELECT count(*) FROM minhash_bands WHERE doc_id NOT IN (SELECT doc_id FROM documents))")[0][0],
        # every original document is in the near-duplicate index (pipeline.dedup), no duplicate is
        "unindexed": q("SELECT count(*) FROM documents d WHERE (d.duplicate_of IS NULL) = "
                       "(d.doc_id NOT IN (SELECT doc_id FROM minhash_bands))")[0][0],
        "per_doc": q("SELECT d.source_path, count(f.figure_id) FROM documents d "
                     "LEFT JOIN figures f USING (doc_id) GROUP BY ALL ORDER BY 1"),
    }
    con.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=HERE / "_work" / "soak")
    a = ap.parse_args(argv)
    folder = a.work / f"corpus-{a.docs}"
    made = build(folder, a.docs) if not folder.exists() else {"files": a.docs, "hostile": "?"}
    clean_db, db = a.work / "clean.duckdb", a.work / "killed.duckdb"
    for p in (clean_db, db):
        for q in (p, p.with_name(p.name + ".wal")):
            q.unlink(missing_ok=True)
    t0 = time.time()
    subprocess.run(cmd(folder, clean_db, a.jobs), check=True, stdout=subprocess.DEVNULL)
    clean_s = time.time() - t0
    rng = random.Random(9)
    survived = 0
    for _ in range(a.kills):
        proc = subprocess.Popen(cmd(folder, db, a.jobs), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(3, clean_s / max(1, a.kills)))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            mid = state(db)  # the warehouse opens after every kill, whole documents only
            survived += mid["orphan_rows"] == 0 and mid["unindexed"] == 0
    subprocess.run(cmd(folder, db, a.jobs), check=True, stdout=subprocess.DEVNULL)
    want, got = state(clean_db), state(db)
    lost_docs = len(set(want["per_doc"]) - set(got["per_doc"]))
    report = {
        "corpus": made, "clean_run_s": round(clean_s, 1),
        "documents": got["documents"], "figures": got["figures"], "measures": got["measures"],
        "rejected": got["rejected_inputs"], "kills": a.kills, "killed_runs_survived": survived,
        "rows_lost": (want["figures"] - got["figures"]) + (want["measures"] - got["measures"])
        + (want["documents"] - got["documents"]),
        "documents_differing": lost_docs, "orphan_rows": got["orphan_rows"], "unindexed": got["unindexed"],
    }
    print(json.dumps(report, ensure_ascii=False))
    ok = report["rows_lost"] == 0 and lost_docs == 0 and survived == a.kills and got["unindexed"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
