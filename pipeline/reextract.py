"""``edumine reextract``: rerun extraction over stored clean text after a rules change.

Sources are not re-read: the clean text in ``documents.text`` is the input.
Each document's figures, measures and entities are replaced together with its
region and as-of year in one transaction per batch, and every row records the
rules version it was made with.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .errors import StageError
from .extract import extract_many
from .ingest import WINDOW_BATCHES, batched, bounded_map, default_jobs, tune_writer
from .model import CleanDoc
from .nlp import StepFailure, get_nlp
from .process import extraction_rows
from .rulefiles import rules_version
from .store import Batch, Warehouse


@dataclass
class ReextractInfo:
    documents: int = 0
    skipped: int = 0  # already at this rules version
    figures: int = 0
    measures: int = 0
    rules_version: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"reextracted {self.documents} documents ({self.skipped} already at rules "
                f"{self.rules_version}); figures: {self.figures}; measures: {self.measures}")


def _work(rows: list[tuple]) -> list[tuple]:
    """Extract a batch of stored documents step by step (``extract_many``); a step that
    fails stops the run with an error naming the document (what is written stays)."""
    docs = [CleanDoc(source_path="", text=text, title=title, published=published, source_name=source_name)
            for _, text, title, published, source_name in rows]
    out = []
    for (doc_id, text, *_), ext in zip(rows, extract_many(docs)):
        if isinstance(ext, StepFailure):
            raise StageError(f"extract ({ext.step})", f"document {doc_id}", "read its stored text", ext.error)
        out.append((doc_id, text, ext))
    return out


def reextract(db: str | Path | None = None, jobs: int | None = None, force: bool = False,
              batch_size: int = 200) -> ReextractInfo:
    """Re-run extraction on every document whose rows are not at the current rules version."""
    t0 = time.perf_counter()
    get_nlp()
    version = rules_version()
    info = ReextractInfo(rules_version=version)
    with Warehouse(db) as wh:
        tune_writer(wh.con)
        where = "" if force else "WHERE rules_version IS DISTINCT FROM ?"
        params = [] if force else [version]
        total = wh.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        ids = [r[0] for r in wh.con.execute(
            f"SELECT doc_id FROM documents {where} ORDER BY doc_id", params).fetchall()]
        info.skipped = total - len(ids)
        pending: list[tuple] = []
        jobs = jobs or default_jobs()
        batches = bounded_map(_work, batched(_texts(wh, ids), size=lambda row: len(row[1])), jobs,
                              window=jobs * WINDOW_BATCHES)
        for doc_id, text, ext in (item for batch in batches for item in batch):
            pending.append((doc_id, text, ext))
            if len(pending) >= batch_size:
                _write(wh, pending, version, info)
                pending = []
        _write(wh, pending, version, info)
    info.seconds = time.perf_counter() - t0
    return info


def _texts(wh: Warehouse, ids: list[str], chunk: int = 256):
    """Stream (doc_id, text, title, published, source_name) in chunks: memory stays bounded."""
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        marks = ", ".join("?" for _ in part)
        yield from wh.con.execute(
            f"SELECT doc_id, text, title, published, source_name FROM documents "
            f"WHERE doc_id IN ({marks}) ORDER BY doc_id", part).fetchall()


def _write(wh: Warehouse, items: list[tuple], version: str, info: ReextractInfo) -> None:
    """One transaction: each document's extraction rows replaced, its region and as-of updated."""
    documents, batch = [], Batch()
    for doc_id, text, ext in items:
        r = ext.region
        documents.append({"doc_id": doc_id, "as_of_year": ext.as_of_year, "region_code": r and r.code,
                          "region_name": r and r.name, "region_level": r and r.level,
                          "region_confidence": r and r.confidence, "region_evidence": r and r.evidence,
                          "rules_version": version})
        for table, rows in extraction_rows(doc_id, text, ext, version).items():
            getattr(batch, table).extend(rows)
    wh.replace_extractions(documents, batch)
    info.documents += len(items)
    info.figures += len(batch.figures)
    info.measures += len(batch.measures)
