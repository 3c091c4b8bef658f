#!/usr/bin/env python3
"""The ingest writer alone: does its memory grow with the warehouse?

usage: python benchmarks/writer_replay.py CORPUS [--docs 8000] [--pages 26] [--set NAME=VALUE]...

Cleans and extracts the first ``--pages`` files of CORPUS once, then feeds
``--docs`` copies of them (new paths and ids, each text with its own suffix, so
the copies are near-duplicates as in the benchmark corpus) to the writer
(``pipeline.ingest._Writer``) over a fresh warehouse, and prints RSS and peak
RSS every 1,000 documents. ``--set`` overrides a DuckDB setting of the writer's
connection after the defaults (e.g. ``--set memory_limit=512MB``). Without the
cleaning and extraction in the loop, 8,000 documents take seconds.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.ingest import IngestInfo, _ensure_regions, _tune, _Writer  # noqa: E402
from pipeline.model import RawInput  # noqa: E402
from pipeline.process import Processed, process  # noqa: E402
from pipeline.store import Warehouse  # noqa: E402


def _status(key: str) -> int:
    """A /proc/self/status value in MB (VmRSS, VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) // 1024
    raise RuntimeError(f"/proc/self/status has no {key} line")


def _copy(p: Processed, i: int) -> Processed:
    text = f"{p.doc.text}\n编号{i}"
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    doc = dataclasses.replace(p.doc, source_path=f"/replay/{i}.html", text=text)
    return dataclasses.replace(p, doc=doc, doc_id=sha1[:16], text_sha1=sha1, raw_sha256=sha1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--docs", type=int, default=8000)
    ap.add_argument("--pages", type=int, default=26)
    ap.add_argument("--db", type=Path, default=Path("/tmp/writer_replay.duckdb"))
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args(argv)
    files = sorted(f for f in args.corpus.iterdir() if f.suffix in (".html", ".htm"))[:args.pages]
    done = [process(RawInput(str(f), "html", data=f.read_bytes())) for f in files]
    pages = [p for p in done if isinstance(p, Processed)]
    if not pages:
        print(f"no usable HTML page in {args.corpus}", file=sys.stderr)
        return 2
    for p in (args.db, Path(f"{args.db}.wal")):
        p.unlink(missing_ok=True)
    print(f"{len(pages)} pages processed; rss {_status('VmRSS')} MB", flush=True)
    with Warehouse(args.db) as wh:
        _tune(wh.con)
        for item in args.set:
            name, _, value = item.partition("=")
            wh.con.execute(f"SET {name} = '{value}'")
        _ensure_regions(wh)
        writer = _Writer(wh, IngestInfo(), 200)
        for i in range(args.docs):
            writer.add(_copy(pages[i % len(pages)], i))
            if (i + 1) % 1000 == 0:
                print(f"{i + 1} documents: rss {_status('VmRSS')} MB, peak {_status('VmHWM')} MB", flush=True)
        writer.flush()
    print(writer.info.summary(), f"; peak {_status('VmHWM')} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
