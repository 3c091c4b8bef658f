"""The table ``latest_cells``: each cell's latest value, kept by the writer so that
``latest_values`` and ``compare`` read it instead of ranking every figure.

A cell (region, metric, kind, period) is computed from its candidate figures
(the view ``latest_candidates``), and a figure's candidacy and cell depend only
on its own row and its document's row. So when a transaction changes some
documents (their rows, figures, duplicate marks), the cells to recompute are
the ones those documents' candidates were in before the change and are in
after it: :func:`keep_latest` marks both in ``latest_dirty`` and replaces
exactly those rows of ``latest_cells``, inside the caller's transaction, so a
crash leaves table and figures consistent. The SQL is in
``warehouse/views/latest_values.sql``; the table in
``warehouse/schema/002_latest_cells.sql``.

Writes that bypass :mod:`pipeline.store` (``edumine sql --write``, raw SQL in
tests and benchmarks) must call :func:`rebuild` afterwards.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

import duckdb

from .errors import WarehouseError

STATE_KEY = "latest_cells"  # meta key: 'rebuild' (being built or marked stale) or 'built'
_CELL = "region_code, metric, kind, year_start, year_end"
_MARK = (f"INSERT INTO latest_dirty SELECT DISTINCT {_CELL} FROM latest_candidates "
         "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))")
_DROP = ("DELETE FROM latest_cells USING latest_dirty k WHERE latest_cells.region_code = k.region_code "
         "AND latest_cells.metric = k.metric AND latest_cells.kind = k.kind "
         "AND latest_cells.year_start = k.year_start AND latest_cells.year_end = k.year_end")


@contextmanager
def keep_latest(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str],
                new_ids: Iterable[str] = ()) -> Iterator[None]:
    """Inside the caller's transaction: after the block, recompute the cells of the
    figures of ``doc_ids`` (documents changed or deleted by the block) as they were
    before it and are after it, and of ``new_ids`` (documents the block adds)."""
    changed = list(dict.fromkeys(doc_ids))
    after = list(dict.fromkeys([*changed, *new_ids]))
    if changed:
        con.execute(_MARK, [changed])
    yield
    if after:
        con.execute(_MARK, [after])
        con.execute(_DROP)
        con.execute("INSERT INTO latest_cells SELECT * FROM latest_cells_of(NULL, true)")
        con.execute("DELETE FROM latest_dirty")


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute every cell from the figures in one transaction; return the number of cells."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM latest_dirty")
        con.execute("DELETE FROM latest_cells")
        con.execute("INSERT INTO latest_cells SELECT * FROM latest_cells_of(NULL, false)")
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'built')", [STATE_KEY])
        n = con.execute("SELECT count(*) FROM latest_cells").fetchone()[0]
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise WarehouseError(f"rebuilding latest_cells failed: {exc}") from exc
    return n


def state(con: duckdb.DuckDBPyConnection) -> str | None:
    """``'built'``, ``'rebuild'``, or None for a warehouse without the table (schema 1)."""
    has = con.execute("SELECT count(*) FROM information_schema.tables "
                      "WHERE table_name = 'latest_cells' AND table_schema = 'main'").fetchone()[0]
    if not has:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = ?", [STATE_KEY]).fetchone()
    return row[0] if row else "rebuild"


def rebuild_if_marked(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild when a migration (or an interrupted rebuild) left the table marked; True if rebuilt."""
    if state(con) != "rebuild":
        return False
    rebuild(con)
    return True


def check_built(con: duckdb.DuckDBPyConnection) -> None:
    """WarehouseError unless latest_cells is built: a warehouse made before it (schema 1), or
    one whose rebuild was interrupted, is brought up to date by a writable open only."""
    now = state(con)
    if now == "built":
        return
    why = "was made before the latest_cells table" if now is None else "awaits the rebuild of latest_cells"
    raise WarehouseError(
        f"the warehouse {why}; open it once for writing to upgrade it "
        "(e.g. `edumine sql \"SELECT 1\" --write --db FILE`), then compare")
