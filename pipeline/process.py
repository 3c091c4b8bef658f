"""Per-document work, run in worker processes: bytes in, rows out.

Kept free of warehouse access so that any number of workers can run it; the
single writer (the parent) decides duplicates and writes.
"""
from __future__ import annotations

import hashlib
import os
import time
import zlib

import zstandard
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from . import dedup
from .clean import clean
from .errors import InputError, StageError
from .extract import extract_many
from .nlp import StepFailure
from .model import CleanDoc, Extraction, RawInput, Reject
from .rulefiles import rules_version


@dataclass
class Processed:
    """A cleaned and extracted document, ready for the writer."""

    doc: CleanDoc
    doc_id: str
    text_sha1: str
    raw_sha256: str
    extraction: Extraction
    signature: bytes
    raw_packed: bytes | None = None  # the source, compressed here (pack_raw) so workers share the cost
    timings: dict[str, float] = field(default_factory=dict)


def max_input_bytes() -> int:
    """Inputs above ``$EDUMINE_MAX_INPUT_MB`` (default 20) are refused before parsing: memory stays bounded."""
    return int(float(os.environ.get("EDUMINE_MAX_INPUT_MB", "20")) * 1024 * 1024)


def max_text_chars() -> int:
    """Clean texts above ``$EDUMINE_MAX_TEXT_CHARS`` (default 1,000,000) are refused: no report is that long."""
    return int(os.environ.get("EDUMINE_MAX_TEXT_CHARS", "1000000"))


def raw_sha256(raw: RawInput) -> str:
    data = raw.data if raw.data is not None else (raw.text or "").encode("utf-8")
    return hashlib.sha256(data).hexdigest()


_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def pack_raw(data: bytes) -> bytes:
    """The source as stored in ``sources.raw``: a zstd frame at level 1.

    zstd level 1 takes 0.2 ms on a 114 KB page where zlib level 1 took 0.75 ms,
    for slightly fewer bytes (24% of the page); the raw page is kept for
    re-cleaning and audit, never read on a hot path.
    """
    return zstandard.ZstdCompressor(level=1).compress(data)


def unpack_raw(blob: bytes) -> bytes:
    """The source bytes of a ``sources.raw`` value: zstd, or zlib as warehouses before
    zstd stored it (told apart by the zstd frame's magic number)."""
    if blob[:4] == _ZSTD_MAGIC:
        return zstandard.ZstdDecompressor().decompress(blob)
    return zlib.decompress(blob)


def make_doc_id(text: str, source_path: str) -> str:
    """Stable id from the normalized text and where it came from (mirrors differ by source)."""
    return hashlib.sha1(f"{source_path}\n{text}".encode("utf-8")).hexdigest()[:16]


def process(raw: RawInput, sha256: str | None = None) -> Processed | Reject:
    """Clean and extract one input; an unusable input becomes a Reject, a bug a StageError.

    ``sha256``: the input's :func:`raw_sha256` when the caller has it already.
    """
    return process_many([(raw, sha256)])[0]


def process_many(tasks: Sequence[tuple[RawInput, str | None]]) -> list[Processed | Reject]:
    """:func:`process` over a batch, stage by stage: every input is cleaned, then the
    clean texts go through the pipeline together (``extract_many``), then each is
    hashed and packed. One result per task, in order; a Reject stays with its input.
    """
    out: list[Processed | Reject | None] = [None] * len(tasks)
    cleaned: list[tuple[int, CleanDoc, dict[str, float]]] = []
    for i, (raw, _) in enumerate(tasks):
        timings: dict[str, float] = {}
        got = _clean(raw, timings)
        if isinstance(got, Reject):
            out[i] = got
        else:
            cleaned.append((i, got, timings))
    extractions = extract_many([doc for _, doc, _ in cleaned], [t for _, _, t in cleaned])
    for (i, doc, timings), ext in zip(cleaned, extractions):
        raw, sha = tasks[i]
        if isinstance(ext, StepFailure):
            err = StageError(f"extract ({ext.step})", raw.source_path, "read, clean", ext.error)
            out[i] = Reject(raw.source_path, "stage_error", str(err), stage="extract")
        else:
            out[i] = _finish(raw, sha, doc, ext, timings)
    return out  # type: ignore[return-value]  # every slot is filled above


def _clean(raw: RawInput, timings: dict[str, float]) -> CleanDoc | Reject:
    """The clean stage of one input, or the Reject saying why it has no usable text."""
    size = len(raw.data) if raw.data is not None else len((raw.text or "").encode("utf-8"))
    if size > max_input_bytes():
        return Reject(raw.source_path, "too_large",
                      f"{size / 1048576:.1f} MB > {max_input_bytes() / 1048576:.0f} MB (EDUMINE_MAX_INPUT_MB)",
                      stage="read")
    t0 = time.perf_counter()
    try:
        doc = clean(raw)
    except InputError as exc:
        return Reject(raw.source_path, exc.reason, exc.detail, stage="clean")
    except RecursionError as exc:
        return Reject(raw.source_path, "unparseable", f"{type(exc).__name__}", stage="clean")
    except Exception as exc:  # a bug in cleaning: name stage and input, keep the run going
        err = StageError("clean", raw.source_path, "read", exc)
        return Reject(raw.source_path, "stage_error", str(err), stage="clean")
    timings["clean"] = time.perf_counter() - t0
    if len(doc.text) > max_text_chars():
        return Reject(raw.source_path, "too_long",
                      f"{len(doc.text)} characters > {max_text_chars()} (EDUMINE_MAX_TEXT_CHARS)", stage="clean")
    return doc


def _finish(raw: RawInput, sha: str | None, doc: CleanDoc, extraction: Extraction,
            timings: dict[str, float]) -> Processed:
    """Near-duplicate signature, packed source and ids of an extracted document."""
    t2 = time.perf_counter()
    sig = dedup.signature(doc.text)
    t3 = time.perf_counter()
    timings["dedup"] = t3 - t2
    packed = pack_raw(doc.raw) if doc.raw is not None else None
    timings["load"] = time.perf_counter() - t3
    return Processed(
        doc=replace(doc, raw=None),  # the compressed copy travels back to the writer, not both
        doc_id=make_doc_id(doc.text, doc.source_path),
        text_sha1=hashlib.sha1(doc.text.encode("utf-8")).hexdigest(),
        raw_sha256=sha or raw_sha256(raw),
        extraction=extraction,
        signature=sig,
        raw_packed=packed,
        timings=timings,
    )


def rows_for(p: Processed, duplicate_of: str | None, version: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The warehouse rows of one processed document."""
    version = version or rules_version()
    doc, ext, text = p.doc, p.extraction, p.doc.text
    region = ext.region
    documents = [{
        "doc_id": p.doc_id, "source_path": doc.source_path, "title": doc.title,
        "published": doc.published, "source_name": doc.source_name, "as_of_year": ext.as_of_year,
        "region_code": region.code if region else None,
        "region_name": region.name if region else None,
        "region_level": region.level if region else None,
        "region_confidence": region.confidence if region else None,
        "region_evidence": region.evidence if region else None,
        "text": text, "duplicate_of": duplicate_of, "text_sha1": p.text_sha1, "url": doc.url,
        "fetched_at": doc.fetched_at, "encoding": doc.encoding, "format": doc.fmt,
        "traditional": doc.traditional, "censored": doc.censored, "rules_version": version,
    }]
    sources = [{"doc_id": p.doc_id, "raw_sha256": p.raw_sha256, "raw": p.raw_packed, "minhash": p.signature}]
    return {"documents": documents, "sources": sources, **extraction_rows(p.doc_id, text, ext, version)}


def _rows(items: list, doc_id: str, version: str, extra: Callable[[Any], dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row = item.as_dict()
        row.update(doc_id=doc_id, rules_version=version, **extra(item))
        rows.append(row)
    return rows


def extraction_rows(doc_id: str, text: str, ext: Extraction, version: str) -> dict[str, list[dict[str, Any]]]:
    """Figure, measure and entity rows of one document (also used by ``reextract``)."""
    return {
        "figures": _rows(ext.figures, doc_id, version, lambda f: {
            "figure_id": f"{doc_id}-f{f.start}-{f.end}", "sentence": text[f.sent_start:f.sent_end]}),
        "measures": _rows(ext.measures, doc_id, version, lambda m: {
            "measure_id": f"{doc_id}-m{m.start}-{m.measure}", "evidence": text[m.start:m.end]}),
        "entities": _rows(ext.entities, doc_id, version, lambda e: {
            "entity_id": f"{doc_id}-e{e.start}-{e.end}-{e.label}"}),
    }
