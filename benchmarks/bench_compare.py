#!/usr/bin/env python3
"""Time ``edumine compare`` on a large warehouse built with SQL (no ingestion).

usage: python benchmarks/bench_compare.py [--docs 100000] [--figures-per-doc 40] [--db PATH]

Documents are spread over real county codes from the gazetteer, with figures of
several metrics, years 2015-2024, some duplicates and conflicting values, so
that the views and the comparison do real work. The rows are written by SQL, so
latest_cells is then filled by a full rebuild (what the migration to schema 2 does
to an existing warehouse), timed on its own. Prints the build and rebuild times and
the wall time of `edumine compare` and of the bare imports (best of 3 each, each in
a fresh process).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

METRICS = ["edu_spending", "school_places_added", "teachers_exchanged", "schools_built",
           "per_student_public_funds", "satisfaction_rate"]


def build(db: Path, docs: int, per_doc: int) -> tuple[float, float]:
    """Write the synthetic warehouse; return (seconds for the rows, seconds for the latest_cells rebuild)."""
    from pipeline import gazetteer
    from pipeline.latest import rebuild
    from pipeline.store import Warehouse

    t0 = time.perf_counter()
    with Warehouse(db) as wh:
        wh.load_regions(gazetteer.load_gazetteer().rows())
        con = wh.con
        con.execute("CREATE TEMP TABLE counties AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, name "
                    "FROM regions WHERE level = 'county'")
        n_c = con.execute("SELECT count(*) FROM counties").fetchone()[0]
        con.execute(f"""
            INSERT INTO documents (doc_id, source_path, title, published, as_of_year, region_code, region_name,
                                   region_level, text, duplicate_of, text_sha1, rules_version)
            SELECT 'd' || r, 'synthetic/' || r || '.txt', '报告' || r, DATE '2015-01-01' + INTERVAL (r % 3650) DAY,
                   2015 + (r % 10), c.code, c.name, 'county', '某县教育工作报告。', 
                   CASE WHEN r % 50 = 0 AND r > 0 THEN 'd' || (r - 1) END, md5(r::VARCHAR), 'bench'
            FROM range({docs}) t(r) JOIN counties c ON c.i = r % {n_c}""")
        metrics = "[" + ", ".join(f"'{m}'" for m in METRICS) + "]"
        con.execute(f"""
            INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, unit, metric,
                                 year_start, year_end, modality, region_code, sentence, sent_start, sent_end,
                                 rule, rules_version)
            SELECT 'd' || r || '-f' || k, 'd' || r, k * 10, k * 10 + 5, 'x', 
                   CASE WHEN k % 6 = 5 THEN 'percent' WHEN k % 6 = 0 THEN 'money' ELSE 'count' END,
                   ((r * 7919 + k * 104729) % 100000) / 10.0, '个', {metrics}[1 + k % 6],
                   2015 + ((r + k) % 10), 2015 + ((r + k) % 10),
                   CASE WHEN k % 9 = 0 THEN 'target' ELSE 'actual' END, c.code, '某县教育工作报告。', 0, 9,
                   'bench', 'bench'
            FROM range({docs}) t(r), range({per_doc}) u(k), counties c WHERE c.i = r % {n_c}""")
        t1 = time.perf_counter()
        rebuild(con)  # rows written by SQL, not by the store: fill latest_cells as a migration would
    return t1 - t0, time.perf_counter() - t1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--figures-per-doc", type=int, default=40)
    ap.add_argument("--db", type=Path, default=HERE / "_work" / "compare.duckdb")
    a = ap.parse_args(argv)
    a.db.parent.mkdir(parents=True, exist_ok=True)
    for p in (a.db, a.db.with_name(a.db.name + ".wal")):
        p.unlink(missing_ok=True)
    built, rebuilt = build(a.db, a.docs, a.figures_per_doc)
    cmd = [sys.executable, "-m", "pipeline.cli", "compare", "--db", str(a.db), "--metric", "edu_spending",
           "--metric", "school_places_added", "--metric", "satisfaction_rate", "--latest", "--format", "csv"]
    walls, startups = [], []
    py = [sys.executable, "-c", "import pipeline.cli, pipeline.compare, pipeline.formats"]
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        walls.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run(py, check=True)
        startups.append(time.perf_counter() - t0)
    print(f"built {a.docs} documents x {a.figures_per_doc} figures in {built:.1f} s, latest_cells rebuilt in "
          f"{rebuilt:.1f} s; compare: best {min(walls):.2f} s wall ({min(startups):.2f} s of it interpreter "
          f"and import), {len(out.splitlines()) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
