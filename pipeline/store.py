"""The DuckDB warehouse: opening (with schema upgrade), batched writes, lookups.

One writer at a time (DuckDB's rule): a second writer gets
:class:`WarehouseLocked` with a plain message. A batch of documents is written
in one transaction — a document's row, its source, figures, measures and
entities commit together or not at all, with the ``latest_cells`` rows of the
cells they touch (:mod:`pipeline.latest`) — so a killed run leaves no
half-written document, and a rerun finishes the job.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pyarrow as pa

from .errors import WarehouseError, WarehouseLocked
from .latest import keep_latest
from .migrate import apply_schema

DEFAULT_DB = Path("warehouse") / "edumine.duckdb"

# Column order of each table's batch frame (names as in warehouse/schema).
DOC_COLUMNS = [
    "doc_id", "source_path", "title", "published", "source_name", "as_of_year",
    "region_code", "region_name", "region_level", "region_confidence", "region_evidence",
    "text", "duplicate_of", "text_sha1", "url", "fetched_at", "encoding", "format",
    "traditional", "censored", "rules_version",
]
SOURCE_COLUMNS = ["doc_id", "raw_sha256", "raw", "minhash"]
FIGURE_COLUMNS = [
    "figure_id", "doc_id", "start", "end", "surface", "kind", "value", "value_max", "unit",
    "qualifier", "relation", "metric", "year_start", "year_end", "modality", "region_code",
    "sentence", "sent_start", "sent_end", "rule", "metric_rule", "rules_version",
]
MEASURE_COLUMNS = [
    "measure_id", "doc_id", "measure", "start", "end", "evidence", "cue", "cue_start",
    "cue_end", "rule", "rules_version",
]
ENTITY_COLUMNS = [
    "entity_id", "doc_id", "label", "text", "start", "end", "norm", "region_code", "rule",
    "rules_version",
]
EXTRACTION_TABLES = ("figures", "measures", "entities")
DOC_TABLES = (*EXTRACTION_TABLES, "minhash_bands", "sources", "documents")  # a document's rows, children first
BAND_COLUMNS = ["band_key", "doc_id"]
INPUT_COLUMNS = ["source_path", "raw_sha256", "doc_id", "status"]
REJECT_COLUMNS = ["source_path", "reason", "detail", "stage"]


def default_db_path() -> Path:
    """``$EDUMINE_DB``, else ``warehouse/edumine.duckdb`` under the current directory."""
    env = os.environ.get("EDUMINE_DB")
    return Path(env) if env else DEFAULT_DB


def arrow_table(rows: list[dict[str, Any]], columns: list[str]) -> pa.Table:
    """Rows (dicts; a missing key is NULL) as an Arrow table of ``columns``, for one
    ``INSERT … SELECT``: built column by column, without pandas (0.2 s of start-up)."""
    return pa.table({c: pa.array([r.get(c) for r in rows]) for c in columns})


@dataclass
class Batch:
    """Rows of several documents, written in one transaction."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # doc_ids whose rows go first
    bands: list[dict[str, Any]] = field(default_factory=list)  # minhash_bands rows (pipeline.dedup)

    def __len__(self) -> int:
        return len(self.documents) + len(self.inputs) + len(self.rejects)


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, turning DuckDB's lock and open errors into plain messages."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path} (run `edumine ingest` or `edumine demo` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise WarehouseLocked(
                f"the warehouse {path} is in use by another process (DuckDB allows one writer); "
                "wait for it to finish, or query a copy: cp the file and use --db COPY"
            ) from None
        raise WarehouseError(f"cannot open {path}: {msg}") from None
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open {path}: {exc}") from None


class Warehouse:
    """A warehouse file. ``Warehouse(path)`` opens for writing and upgrades the schema."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        self.path = Path(path) if path else default_db_path()
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only)
        if not read_only:
            apply_schema(self.con)

    # -- context manager ---------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Warehouse":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups -------------------------------------------------------------
    def seen_inputs(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (source_path, raw_sha256) pairs are recorded already: one query for a chunk of inputs."""
        if not keys:
            return set()
        values = ", ".join(["(?, ?)"] * len(keys))
        rows = self.con.execute(
            f"SELECT i.source_path, i.raw_sha256 FROM inputs i JOIN (VALUES {values}) "
            "AS k(source_path, raw_sha256) USING (source_path, raw_sha256)",
            [v for key in keys for v in key]).fetchall()
        return {(a, b) for a, b in rows}

    def has_reject(self, source_path: str, reason: str, detail: str) -> bool:
        return self.con.execute(
            "SELECT count(*) FROM rejects WHERE source_path = ? AND reason = ? AND detail IS NOT DISTINCT FROM ?",
            [source_path, reason, detail]).fetchone()[0] > 0

    def doc_ids_for_paths(self, paths: list[str]) -> dict[str, list[str]]:
        """The stored documents of each path, for a batch in one scan (there is no index on
        ``source_path``: one query per document scanned the whole table each time)."""
        out: dict[str, list[str]] = {}
        if not paths:
            return out
        rows = self.con.execute(
            "SELECT source_path, doc_id FROM documents WHERE source_path IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY source_path, doc_id", [sorted(set(paths))]).fetchall()
        for path, doc_id in rows:
            out.setdefault(path, []).append(doc_id)
        return out

    def doc_for_text(self, text_sha1: str) -> str | None:
        """The original (non-duplicate) document with exactly this text, if any."""
        row = self.con.execute(
            "SELECT doc_id FROM documents WHERE text_sha1 = ? AND duplicate_of IS NULL "
            "ORDER BY ingested_at, doc_id LIMIT 1", [text_sha1]).fetchone()
        return row[0] if row else None

    def originals_for_texts(self, text_sha1s: list[str]) -> dict[str, str]:
        """Batch form of :meth:`doc_for_text`: text_sha1 -> the first original document with
        exactly that text, in one scan for a whole batch (exact duplicates, see :mod:`pipeline.dedup`)."""
        if not text_sha1s:
            return {}
        rows = self.con.execute(
            "SELECT text_sha1, arg_min(doc_id, (ingested_at, doc_id)) FROM documents "
            "WHERE text_sha1 IN (SELECT unnest(?::VARCHAR[])) AND duplicate_of IS NULL GROUP BY text_sha1",
            [sorted(set(text_sha1s))]).fetchall()
        return dict(rows)

    def band_candidates(self, keys: list[tuple[int, int]]) -> list[tuple[int, str, bytes]]:
        """Near-duplicate candidates of a batch in one join: for (query number, band key)
        pairs, the (query number, doc_id, MinHash signature) of stored original documents
        sharing a band key (table ``minhash_bands``, see :mod:`pipeline.dedup`)."""
        if not keys:
            return []
        return self.con.execute(
            "SELECT DISTINCT q.q, b.doc_id, s.minhash "
            "FROM (SELECT unnest(?::INTEGER[]) AS q, unnest(?::BIGINT[]) AS band_key) q "
            "JOIN minhash_bands b ON b.band_key = q.band_key JOIN sources s ON s.doc_id = b.doc_id "
            "ORDER BY q.q, b.doc_id", [[q for q, _ in keys], [k for _, k in keys]]).fetchall()

    # -- writes ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """BEGIN … COMMIT, or ROLLBACK on any error (a kill leaves the last commit)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def write(self, batch: Batch) -> None:
        """Write a batch in one transaction; on any error nothing of it remains."""
        if not len(batch):
            return
        new_ids = [d["doc_id"] for d in batch.documents]
        with self.transaction() as con, keep_latest(con, batch.replaced, new_ids):
            if batch.replaced:
                self._delete_docs(batch.replaced)
            self._append_extraction(batch)
            self.append("documents", DOC_COLUMNS, batch.documents)
            self.append("sources", SOURCE_COLUMNS, batch.sources)
            self.append("minhash_bands", BAND_COLUMNS, batch.bands)
            if batch.inputs:
                con.register("_batch_inputs", arrow_table(batch.inputs, INPUT_COLUMNS))
                con.execute(
                    "INSERT OR REPLACE INTO inputs (source_path, raw_sha256, doc_id, status) "
                    "SELECT source_path, raw_sha256, doc_id, status FROM _batch_inputs")
                con.unregister("_batch_inputs")
            self.append("rejects", REJECT_COLUMNS, batch.rejects)

    def replace_extractions(self, documents: list[dict[str, Any]], batch: Batch) -> None:
        """Stored documents get new figures, measures and entities, and new values for the
        document columns named in ``documents`` rows (``doc_id`` plus those columns)."""
        if not documents:
            return
        ids = [d["doc_id"] for d in documents]
        with self.transaction() as con, keep_latest(con, ids):
            self._delete_docs(ids, tables=EXTRACTION_TABLES)
            columns = list(documents[0])
            sets = ", ".join(f'"{c}" = _upd."{c}"' for c in columns if c != "doc_id")
            con.register("_upd", arrow_table(documents, columns))
            con.execute(f"UPDATE documents SET {sets} FROM _upd WHERE documents.doc_id = _upd.doc_id")
            con.unregister("_upd")
            self._append_extraction(batch)

    def _append_extraction(self, batch: Batch) -> None:
        self.append("figures", FIGURE_COLUMNS, batch.figures)
        self.append("measures", MEASURE_COLUMNS, batch.measures)
        self.append("entities", ENTITY_COLUMNS, batch.entities)

    def _delete_docs(self, doc_ids: list[str], tables: tuple[str, ...] = DOC_TABLES) -> None:
        self.con.register("_gone", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        for table in tables:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _gone)")
        self.con.unregister("_gone")

    def append(self, table: str, columns: list[str], rows: list[dict[str, Any]]) -> None:
        """Insert rows (dicts) into ``table`` as one Arrow append, inside the caller's transaction."""
        if not rows:
            return
        name = f"_batch_{table}"
        self.con.register(name, arrow_table(rows, columns))
        cols = ", ".join(f'"{c}"' for c in columns)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        self.con.unregister(name)

    def load_regions(self, rows: list[dict[str, Any]]) -> None:
        """Replace the regions table with the gazetteer's rows (in one transaction)."""
        cols = ["code", "name", "level", "parent_code", "province", "city", "short_name"]
        with self.transaction() as con:
            con.execute("DELETE FROM regions")
            self.append("regions", cols, rows)
