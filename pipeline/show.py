"""One document as an analyst reads it to trust a number.

The clean text with every figure marked in place,
``【9.64亿元|edu_spending·2023·actual|#1】``, each sentence that carries policy
measures followed by ``⟦措施: teacher_rotation, ...⟧``, and then a legend of the
figures (kind, value, unit, qualifier, metric, period, modality, figure id) so a
cell of a comparison can be traced back to the words it came from.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from .errors import UsageError
from .formats import cell_text, terminal_table

_DOC = """
SELECT doc_id, title, source_path, source_name, published, as_of_year, region_code,
       region_name, region_level, duplicate_of, text
FROM documents WHERE doc_id = ?
"""
_FIGURES = """
SELECT figure_id, start, "end", surface, kind, value, value_max, unit, qualifier, metric,
       year_start, year_end, modality
FROM figures WHERE doc_id = ? ORDER BY start, "end" DESC, figure_id
"""
_MEASURES = """
SELECT measure, start, "end" FROM measures WHERE doc_id = ? ORDER BY "end", start, measure
"""


def _period(start, end) -> str:
    if pd.isna(start) and pd.isna(end):
        return "—"
    if pd.isna(start) or start == end:
        return str(int(end))
    if pd.isna(end):
        return f"{int(start)}-"
    return f"{int(start)}-{int(end)}"


def figure_tag(fig, number: int) -> str:
    """The inline mark of one figure."""
    metric = fig.metric if isinstance(fig.metric, str) else "—"
    modality = fig.modality if isinstance(fig.modality, str) else "—"
    return f"【{fig.surface}|{metric}·{_period(fig.year_start, fig.year_end)}·{modality}|#{number}】"


def mark_text(text: str, figures: pd.DataFrame, measures: pd.DataFrame) -> tuple[str, set[int]]:
    """The text with figure marks and measure notes; also the numbers of figures nested
    inside another (listed in the legend, not marked inline)."""
    inserts: dict[int, list[str]] = {}
    for end, group in measures.groupby("end", sort=True):
        inserts.setdefault(int(end), []).append("⟦措施: " + ", ".join(dict.fromkeys(group.measure)) + "⟧")
    out, pos, nested = [], 0, set()

    def flush_to(limit: int) -> None:
        nonlocal pos
        for at in sorted(k for k in inserts if pos <= k <= limit):
            out.append(text[pos:at])
            out.extend(inserts.pop(at))
            pos = at
        out.append(text[pos:limit])
        pos = limit

    for number, fig in enumerate(figures.itertuples(index=False), 1):
        start, end = int(fig.start), int(fig.end)
        if start < pos or end > len(text):
            nested.add(number)
            continue
        flush_to(start)
        out.append(figure_tag(fig, number))
        pos = end
        for at in [k for k in inserts if start < k < end]:  # a note inside a figure goes after it
            inserts.setdefault(end, []).extend(inserts.pop(at))
    flush_to(len(text))
    return "".join(out), nested


def _header(doc) -> list[str]:
    region = doc.region_name or "—"
    if doc.region_code:
        region += f" ({doc.region_code}, {doc.region_level or '?'})"
    lines = [doc.title or "(no title)",
             f"doc_id: {doc.doc_id}",
             f"来源: {doc.source_name or '—'} · {doc.source_path}",
             f"发布: {cell_text(doc.published) or '—'} · 截至年份: {cell_text(doc.as_of_year) or '—'} · 地区: {region}"]
    if doc.duplicate_of:
        lines.append(f"near-duplicate of {doc.duplicate_of}: left out of comparisons")
    return lines


def _legend(figures: pd.DataFrame, nested: set[int]) -> str:
    headers = ["#", "原文", "kind", "value", "unit", "qualifier", "metric", "period", "modality", "figure_id"]
    rows = []
    for number, f in enumerate(figures.itertuples(index=False), 1):
        value = cell_text(f.value) + (f"–{cell_text(f.value_max)}" if not pd.isna(f.value_max) else "")
        rows.append([f"{number}{'*' if number in nested else ''}", f.surface, f.kind, value,
                     cell_text(f.unit), cell_text(f.qualifier), cell_text(f.metric) or "—",
                     _period(f.year_start, f.year_end), cell_text(f.modality), f.figure_id])
    right = [True, False, False, True] + [False] * 6
    note = "\n* inside another figure's span: not marked inline" if nested else ""
    return terminal_table(headers, rows, right) + note


def resolve_doc(con: duckdb.DuckDBPyConnection, key: str) -> str:
    """A doc_id from a doc_id, a source path, or a file name with or without its
    extension (``jinan_2023_funding``); UsageError when none or several match."""
    if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [key]).fetchone():
        return key
    rows = con.execute(
        "SELECT doc_id, source_path FROM documents WHERE source_path = $k "
        "OR regexp_replace(source_path, '^.*[/\\\\]', '') = $k "
        "OR regexp_replace(regexp_replace(source_path, '^.*[/\\\\]', ''), '\\.[^.]*$', '') = $k "
        "ORDER BY doc_id", {"k": key}).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if rows:
        listed = ", ".join(f"{d} ({p})" for d, p in rows[:10])
        raise UsageError(f"{key!r} names {len(rows)} documents: {listed}")
    raise UsageError(f"no document with doc_id or file name {key!r} "
                     "(list them: edumine sql \"SELECT doc_id, source_path, title FROM documents\")")


def show_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> str:
    """A document's clean text with figures and measures marked, then a figure legend.
    ``doc_id`` may also be the document's source path or file name."""
    doc_id = resolve_doc(con, doc_id)
    row = next(con.execute(_DOC, [doc_id]).df().itertuples(index=False))
    figures = con.execute(_FIGURES, [doc_id]).df()
    measures = con.execute(_MEASURES, [doc_id]).df()
    marked, nested = mark_text(row.text, figures, measures)
    rule = "─" * 40
    parts = _header(row) + [rule, marked, rule, f"图表 figures: {len(figures)}"]
    if len(figures):
        parts.append(_legend(figures, nested))
    parts.append(f"措施 measures: {len(measures)}"
                 + (" — " + ", ".join(sorted(set(measures.measure))) if len(measures) else ""))
    return "\n".join(parts)


def run_sql(con: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    """Run an analyst's SQL and return its rows; DuckDB's own message (with the
    position it points at) becomes a QueryError. Read-only is the connection's mode:
    open it with ``read_only=True`` unless the user asked for ``--write``."""
    from .errors import QueryError

    try:
        cur = con.execute(query)
        if cur.description is None:
            return pd.DataFrame()
        return cur.df()
    except duckdb.Error as exc:
        hint = ""
        if "read-only" in str(exc):
            hint = "\n(the warehouse is opened read-only: add --write to change it)"
        raise QueryError(f"{exc}{hint}") from None
