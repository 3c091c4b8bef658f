#!/usr/bin/env python3
"""Benchmark ``edumine ingest`` end to end against bare trafilatura, in one run.

usage: python benchmarks/bench_ingest.py [--docs 2000] [--html-share 1.0] [--jobs 1]
           [--sizes 500,2000,8000] [--profile report|dense] [--no-bare-after]
           [--html-dir ../shared/corpora/real-html] [--json OUT]

For each size: builds a corpus (real pages as HTML, generated reports as text,
mixed by --html-share), times bare ``trafilatura.extract`` over the same HTML
in this process, then runs ``edumine ingest --jobs J`` into a fresh warehouse
in a child process, times bare trafilatura again (unless --no-bare-after; the
ratio uses the mean of both timings, as the machine's speed drifts over
minutes), and reports pages/s, MB/s of input, figures/s, peak RSS, the time
split by stage, and the ratio to bare trafilatura.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import build_corpus  # noqa: E402


def bare_trafilatura(files: list[Path]) -> float:
    """Seconds for trafilatura.extract over every HTML file, one process.

    The files are read once untimed first, so that neither this run nor the ingest
    after it reads them from disk (ingest always found them cached).
    """
    import trafilatura

    for f in files:
        f.read_bytes()
    t0 = time.perf_counter()
    for f in files:
        trafilatura.extract(f.read_bytes())
    return time.perf_counter() - t0


def run_ingest(corpus: Path, jobs: int, work: Path) -> dict:
    db = work / "bench.duckdb"
    stats = work / "stats.json"
    for p in (db, stats):
        if p.exists():
            p.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(corpus), "--db", str(db),
                    "--jobs", str(jobs), "--no-progress", "--stats-json", str(stats)],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    info = json.loads(stats.read_text())
    info["wall"] = wall
    info["peak_rss_mb"] = max(peak_kb, before) / 1024
    return info


def bench(size: int, args: argparse.Namespace, work: Path) -> dict:
    suffix = "" if args.html_share >= 1 or args.profile == "dense" else f"-{args.profile}"
    corpus = work / f"corpus-{size}-{args.html_share}{suffix}"
    if not corpus.exists():
        build_corpus(corpus, size, args.html_dir, args.html_share, profile=args.profile)
    files = sorted(corpus.iterdir())
    html = [f for f in files if f.suffix in (".html", ".htm")]
    mb = sum(f.stat().st_size for f in files) / 1e6
    bare = bare_trafilatura(html) if html else float("nan")
    info = run_ingest(corpus, args.jobs, work)
    bare_after = bare_trafilatura(html) if html and args.bare_after else None
    docs = len(files)
    out = {
        "size": size, "jobs": args.jobs, "html": len(html), "text": docs - len(html),
        "input_mb": round(mb, 2), "profile": args.profile if len(html) < docs else None, "wall_s": round(info["wall"], 2),
        "pages_per_s": round(docs / info["wall"], 1), "mb_per_s": round(mb / info["wall"], 2),
        "figures_per_s": round(info["figures"] / info["wall"], 1),
        "ms_per_doc": round(1000 * info["wall"] / docs, 2),
        "peak_rss_mb": round(info["peak_rss_mb"], 1),
        "stage_s": {k: round(v, 2) for k, v in sorted(info["stage_seconds"].items())},
        "rejected": info["rejected"],
    }
    if html:
        if bare_after is not None:  # the machine's speed drifts: bare trafilatura on both sides
            out["bare_before_after_pages_per_s"] = [round(len(html) / bare, 1), round(len(html) / bare_after, 1)]
            bare = (bare + bare_after) / 2
        out["bare_trafilatura_pages_per_s"] = round(len(html) / bare, 1)
        out["ratio_to_trafilatura"] = round((docs / info["wall"]) / (len(html) / bare), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--sizes", default="", help="comma-separated sizes (overrides --docs)")
    ap.add_argument("--html-share", type=float, default=1.0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--profile", choices=("report", "dense"), default="report",
                    help="generated text: report (figure density of real county reports) or dense "
                         "(figure sentences only, the worst case)")
    ap.add_argument("--html-dir", type=Path, default=HERE.parent.parent / "shared" / "corpora" / "real-html")
    ap.add_argument("--work", type=Path, default=HERE / "_work")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--bare-after", action=argparse.BooleanOptionalAction, default=True,
                    help="time bare trafilatura again after the ingest and compare with the mean "
                         "of both timings (the machine's speed drifts over minutes)")
    args = ap.parse_args(argv)
    if args.html_share > 0 and not args.html_dir.exists():
        print(f"no real pages at {args.html_dir}: use --html-share 0 for generated text only",
              file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s] or [args.docs]
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    results = []
    for size in sizes:
        r = bench(size, args, args.work)
        results.append(r)
        print(json.dumps(r, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
