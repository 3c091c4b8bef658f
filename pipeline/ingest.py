"""``edumine ingest``: read inputs, clean and extract them in workers, write batches.

Workers (``--jobs``) run :func:`pipeline.process.process_many` on batches of inputs; the
parent is the single DuckDB writer. It decides what is new, unchanged, updated
or a duplicate, and writes batches in single transactions, so a killed run
leaves whole documents only and a rerun finishes the job. Inputs stream through
a bounded window: memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO, TypeVar

import duckdb

from . import dedup, gazetteer, sources
from .model import RawInput, Reject
from .nlp import get_nlp
from .process import Processed, process_many, raw_sha256, rows_for
from .rulefiles import rules_version
from .store import Batch, Warehouse

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class IngestInfo:
    """What an ingest run did: counts, timings, and the rejects with their reasons."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    rejected: int = 0
    figures: int = 0
    measures: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    stale: int = 0  # documents in the warehouse extracted with other rules (see reextract)

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.duplicate

    def summary(self) -> str:
        return (f"documents: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.duplicate} duplicate, {self.rejected} rejected; "
                f"figures: {self.figures}; measures: {self.measures}")

    def as_dict(self) -> dict[str, object]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "duplicate": self.duplicate, "rejected": self.rejected, "figures": self.figures,
                "measures": self.measures, "bytes_in": self.bytes_in, "seconds": self.seconds,
                "stale": self.stale,
                "stage_seconds": dict(self.stage_seconds),
                "rejects": [(r.source_path, r.reason, r.detail) for r in self.rejects]}


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _work(batch: list[tuple[RawInput, str, int]]) -> list[tuple[RawInput, str, Processed | Reject]]:
    """One batch of inputs through every stage (``process_many``), each result with its
    input's path and hash (the sizes only bound the bytes in flight, ``bounded_map``)."""
    results = process_many([(raw, sha) for raw, sha, _ in batch])
    # do not ship the bytes back
    return [(RawInput(raw.source_path, raw.fmt), sha, result) for (raw, sha, _), result in zip(batch, results)]


# inputs processed together, stage by stage (``nlp.run_many``): 32 text reports cost a fifth
# less than one at a time, 32 news pages 1.2 ms a page less; more gains little. A batch's
# input bytes are capped as well (inputs may be 20 MB each)
BATCH_DOCS = 32
BATCH_BYTES = 8 * 1024 * 1024


def batched(items: Iterable[T], size: Callable[[T], int], count: int = BATCH_DOCS,
             max_bytes: int = BATCH_BYTES) -> Iterator[list[T]]:
    """Items in lists of up to ``count`` or about ``max_bytes`` by ``size`` (one more item at most)."""
    batch: list[T] = []
    total = 0
    for item in items:
        batch.append(item)
        total += size(item)
        if len(batch) >= count or total >= max_bytes:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _size(item: RawInput) -> int:
    return len(item.data) if item.data is not None else len((item.text or "").encode())


def _chunks(items: Iterable[RawInput | Reject], count: int = 64,
            max_bytes: int = 16 * 1024 * 1024) -> Iterator[list[RawInput | Reject]]:
    """Inputs in chunks of up to ``count`` items or ``max_bytes`` of input (memory stays
    bounded), so that which were seen before is asked once per chunk, not once per input."""
    return batched(items, lambda item: _size(item) if isinstance(item, RawInput) else 0, count, max_bytes)


# items in flight per worker: enough queued work to keep the workers busy while the parent
# writes a batch (0.2-0.4 s, when it takes no results and sends no work), where 4 a worker
# ran dry after 0.15 s; the bytes in flight are capped too (inputs may be 20 MB each).
# Ingest's items are batches of inputs (``batched``): three a worker
WINDOW_PER_JOB = 16
WINDOW_BATCHES = 3
WINDOW_BYTES = 64 * 1024 * 1024


def bounded_map(fn: Callable[[T], R], items: Iterable[T], jobs: int, window: int = 0,
                size: Callable[[T], int] | None = None, max_bytes: int = WINDOW_BYTES) -> Iterator[R]:
    """``map`` in ``jobs`` processes, in order, with at most ``window`` items (and, given
    ``size``, about ``max_bytes`` of them: one more item at most) in flight."""
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    window = window or jobs * WINDOW_PER_JOB
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs) as pool:
        pending: deque = deque()
        in_flight = 0
        for item in items:
            n = size(item) if size is not None else 0
            pending.append((pool.apply_async(fn, (item,)), n))
            in_flight += n
            while pending and (len(pending) >= window or in_flight >= max_bytes):
                result, n = pending.popleft()
                in_flight -= n
                yield result.get()
        while pending:
            yield pending.popleft()[0].get()


class _Writer:
    """Decides each document's status and writes batches.

    Documents wait in ``pending`` until the batch is written; then their
    near-duplicate candidates are looked up in the warehouse in one join
    (``minhash_bands``) and within the batch, in order. Nothing about the
    warehouse's documents is held in memory between batches.
    """

    def __init__(self, wh: Warehouse, info: IngestInfo, batch_size: int):
        self.wh, self.info, self.batch_size = wh, info, batch_size
        self.version = rules_version()
        self.pending: list[Processed] = []
        self.batch = Batch()

    def reject(self, rej: Reject, sha: str | None) -> None:
        self.info.rejected += 1
        if len(self.info.rejects) < 1000:
            self.info.rejects.append(rej)
        detail = rej.detail[:2000]
        if not self.wh.has_reject(rej.source_path, rej.reason, detail):  # a rerun adds no second row
            self.batch.rejects.append({"source_path": rej.source_path, "reason": rej.reason,
                                       "detail": detail, "stage": rej.stage})
        if sha:
            self.batch.inputs.append({"source_path": rej.source_path, "raw_sha256": sha,
                                      "doc_id": None, "status": "rejected"})
        self._maybe_flush()

    def add(self, p: Processed) -> None:
        """Queue a document for the batch, where its status is decided."""
        self.pending.append(p)
        self._maybe_flush()

    def _unchanged(self, pending: list[Processed]) -> list[tuple[Processed, list[str]]]:
        """Record the documents whose text is already stored from the same place (nothing to
        write but the input); the others, with the ids stored at their path, which they replace."""
        stored = self.wh.doc_ids_for_paths([p.doc.source_path for p in pending])
        out = []
        for p in pending:
            old = stored.get(p.doc.source_path, [])
            if p.doc_id in old:
                self.info.unchanged += 1
                self.batch.inputs.append({"source_path": p.doc.source_path, "raw_sha256": p.raw_sha256,
                                          "doc_id": p.doc_id, "status": "unchanged"})
            else:
                out.append((p, old))
        return out

    def _resolve(self) -> None:
        """Decide unchanged / new / updated / duplicate for the pending documents and add their rows."""
        t0 = time.perf_counter()
        pending, self.pending = self._unchanged(self.pending), []
        replaced = {doc_id for _, old in pending for doc_id in old}
        stored: dict[int, list[tuple[str, bytes]]] = {}
        keys = [(i, key) for i, (p, _) in enumerate(pending) for key in dedup.band_keys(p.signature)]
        for i, doc_id, sig in self.wh.band_candidates(keys):
            if doc_id not in replaced:
                stored.setdefault(i, []).append((doc_id, sig))
        exact = self.wh.originals_for_texts([p.text_sha1 for p, _ in pending])
        stages = self.info.stage_seconds
        stages["dedup_lookup"] = stages.get("dedup_lookup", 0.0) + time.perf_counter() - t0
        local = dedup.DuplicateIndex()  # this batch's originals
        texts: dict[str, str] = {}  # text_sha1 -> doc_id, this batch
        for i, (p, old) in enumerate(pending):
            dup = texts.get(p.text_sha1) or exact.get(p.text_sha1)
            if dup is None:
                dup = dedup.best_match(p.signature, [*stored.get(i, ()), *local.candidates(p.signature)])
            if dup is None:
                local.add(p.doc_id, p.signature)
                texts[p.text_sha1] = p.doc_id
                self.batch.bands.extend(dedup.band_rows(p.doc_id, p.signature))
            self._rows(p, old, dup)

    def _rows(self, p: Processed, old: list[str], dup: str | None) -> None:
        status = "duplicate" if dup else "updated" if old else "new"
        self.batch.replaced.extend(old)
        setattr(self.info, status, getattr(self.info, status) + 1)
        rows = rows_for(p, dup, self.version)
        for table, items in rows.items():
            getattr(self.batch, table).extend(items)
        self.info.figures += len(rows["figures"])
        self.info.measures += len(rows["measures"])
        self.batch.inputs.append({"source_path": p.doc.source_path, "raw_sha256": p.raw_sha256,
                                  "doc_id": p.doc_id, "status": status})
        for stage, secs in p.timings.items():
            self.info.stage_seconds[stage] = self.info.stage_seconds.get(stage, 0.0) + secs

    def _maybe_flush(self) -> None:
        if len(self.batch) + 2 * len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Decide the pending documents and write the batch in one transaction."""
        self._resolve()
        t0 = time.perf_counter()
        self.wh.write(self.batch)
        self.batch = Batch()
        self.info.stage_seconds["load"] = self.info.stage_seconds.get("load", 0.0) + time.perf_counter() - t0


def _progress(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm
    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)


# rows per write transaction, about 200 documents: each commit and latest_cells update has a
# fixed cost (20-30 ms), which 100 documents a batch paid 0.3 ms apiece on text reports; a
# kill loses at most the batch in flight, which the rerun redoes
BATCH_ROWS = 400


def ingest(paths: Iterable[str], db: str | Path | None = None, jobs: int | None = None,
           progress: bool = False, stdin: TextIO | None = None, batch_size: int = BATCH_ROWS) -> IngestInfo:
    """Ingest files, folders, URLs (``-`` reads them from ``stdin``) into the warehouse at ``db``.

    ``batch_size``: document and input rows per transaction (a document counts two).
    """
    t_start = time.perf_counter()
    info = IngestInfo()
    get_nlp()  # load every rule file now: a bad rule fails before anything is read
    jobs = jobs or default_jobs()
    bar = _progress(progress)
    with Warehouse(db) as wh:
        tune_writer(wh.con)
        _ensure_regions(wh)
        writer = _Writer(wh, info, batch_size)

        def todo() -> Iterator[tuple[RawInput, str, int]]:
            for chunk in _chunks(sources.iter_inputs(list(paths), stdin=stdin)):
                keyed = []
                for item in chunk:
                    if bar is not None:
                        bar.update(1)
                    if isinstance(item, Reject):
                        writer.reject(item, None)
                        continue
                    n = _size(item)
                    info.bytes_in += n
                    keyed.append((item, raw_sha256(item), n))
                seen = wh.seen_inputs([(item.source_path, sha) for item, sha, _ in keyed])
                for item, sha, n in keyed:
                    if (item.source_path, sha) in seen:
                        info.unchanged += 1
                        continue
                    yield item, sha, n

        try:
            batches = bounded_map(_work, batched(todo(), size=lambda task: task[2]), jobs,
                                  window=jobs * WINDOW_BATCHES,
                                  size=lambda batch: sum(task[2] for task in batch))
            for raw, sha, result in (r for batch in batches for r in batch):
                if isinstance(result, Reject):
                    writer.reject(result, sha)
                else:
                    writer.add(result)
        finally:
            writer.flush()  # what was processed is kept, even when the run is interrupted
            if bar is not None:
                bar.close()
        info.stale = wh.con.execute("SELECT count(*) FROM documents WHERE rules_version IS DISTINCT FROM ?",
                                    [writer.version]).fetchone()[0]
    info.seconds = time.perf_counter() - t_start
    return info


# The writer's DuckDB connection. DuckDB's buffer pool defaults to 80% of RAM and
# keeps the blocks it wrote (the compressed sources above all) cached up to that
# limit, so the writer's RSS grew ~50 KB a document; at 128 MB it levels off
# (measured: benchmarks/mem_probe.py and a writer-only replay; 256 MB still grew
# at 8,000 documents). Larger operations spill to DuckDB's temp directory. One
# thread: the workers have the cores. A checkpoint once the log holds 256 MB, not
# DuckDB's 16 MB: with the checkpoints inside them, 2,000 text reports paid 11 commits
# of 150 ms on average (load 2.9 s; now 1.6 s plus 0.6 s at close), and the file was
# 73 MB where one checkpoint leaves 42 MB (2,000 news pages: 42 -> 24 MB); a killed
# run's log, at most that size, is replayed when the warehouse is next opened
WRITER_SETTINGS = {"memory_limit": "128MB", "threads": "1", "checkpoint_threshold": "256MB"}


def tune_writer(con: duckdb.DuckDBPyConnection) -> None:
    """The writer's connection settings (``WRITER_SETTINGS``), for ingest and reextract."""
    for name, value in WRITER_SETTINGS.items():
        con.execute(f"SET {name} = '{value}'")


def _ensure_regions(wh: Warehouse) -> None:
    rows = gazetteer.load_gazetteer().rows()
    have = wh.con.execute("SELECT count(*) FROM regions").fetchone()[0]
    if have != len(rows):
        wh.load_regions(rows)
