"""A killed ingest leaves whole documents only; a rerun ends where a clean run ends."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from corpus import generate_report

N_DOCS = 240


def _corpus(tmp: Path) -> Path:
    rng = random.Random(11)
    folder = tmp / "corpus"
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"r{i:04d}.txt").write_text(generate_report(rng, i), encoding="utf-8")
    return folder


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "ingest", str(folder), "--db", str(db),
            "--jobs", "2", "--no-progress"]


def _state(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "documents": q("SELECT count(*) FROM documents")[0][0],
            "per_doc": sorted(q("SELECT d.source_path, d.doc_id, count(f.figure_id), "
                                "(SELECT count(*) FROM measures m WHERE m.doc_id = d.doc_id) "
                                "FROM documents d LEFT JOIN figures f USING (doc_id) GROUP BY ALL")),
            "orphans": q("SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT doc_id FROM documents)")[0][0]
            + q("SELECT count(*) FROM measures WHERE doc_id NOT IN (SELECT doc_id FROM documents)")[0][0],
            "no_source": q("SELECT count(*) FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM sources)")[0][0],
        }
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_then_rerun_matches_clean_run(tmp_path):
    folder = _corpus(tmp_path)
    clean_db = tmp_path / "clean.duckdb"
    t0 = time.perf_counter()
    first = subprocess.run(_ingest_cmd(folder, clean_db), check=True, capture_output=True, text=True)
    clean_secs = time.perf_counter() - t0  # kills land inside a run however fast ingest gets
    clean = _state(clean_db)
    assert clean["documents"] == N_DOCS, first.stdout + first.stderr

    db = tmp_path / "killed.duckdb"
    rng = random.Random(5)
    kills = 0
    for _ in range(3):
        proc = subprocess.Popen(_ingest_cmd(folder, db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.4, 0.8) * clean_secs)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        if db.exists():  # after each kill the warehouse opens and holds whole documents only
            mid = _state(db)
            assert mid["orphans"] == 0 and mid["no_source"] == 0
    assert kills >= 1, "the run finished before any kill: enlarge the corpus"
    done = subprocess.run(_ingest_cmd(folder, db), check=True, capture_output=True, text=True)
    assert "rejected" in done.stdout
    final = _state(db)
    assert final == clean
