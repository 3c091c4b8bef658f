"""Rendering tables for people and programs: terminal, md, csv, json, parquet, xlsx, html.

``render(df, fmt)`` serves any DataFrame (``edumine sql``); ``render_compare``
serves a :class:`~pipeline.compare.CompareResult`, whose cells carry figure ids
and conflicts: json always carries the ids, xlsx gets a Sources sheet, the
human formats mark a conflicting cell with the other values reported
(``850,000,000 (≠800,000,000)``) and a summed cell with ``(Σn县)``, n counties added up. Binary formats
(parquet, xlsx) need an output file; every function returns the text to print.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import math
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import UsageError

if TYPE_CHECKING:
    from .compare import CompareResult

FORMATS = ("table", "md", "csv", "json", "parquet", "xlsx", "html")
BINARY = ("parquet", "xlsx")


# -- cells ---------------------------------------------------------------------

def _missing(v: Any) -> bool:
    if v is None or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


def fmt_number(v: float) -> str:
    """964000000.0 -> '964,000,000'; 96.5 -> '96.5'; 0.32 -> '0.32'."""
    if float(v).is_integer() and abs(v) < 1e18:
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def cell_text(v: Any) -> str:
    if _missing(v):
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        v = float(v)
        return str(int(v)) if v.is_integer() and abs(v) < 1e18 else repr(v)
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return ",".join(cell_text(x) for x in v)
    if hasattr(v, "tolist"):
        return cell_text(v.tolist())
    return str(v)


def _json_value(v: Any) -> Any:
    if _missing(v):
        return None
    if isinstance(v, pd.Timestamp) and v == v.normalize():
        return v.date().isoformat()
    if isinstance(v, (dt.date, dt.datetime, pd.Timestamp)):
        return v.isoformat()
    if hasattr(v, "tolist"):
        return _json_value(v.tolist())
    if isinstance(v, (list, tuple)):
        return [_json_value(x) for x in v]
    if isinstance(v, float) and v.is_integer():
        return int(v) if abs(v) < 2**53 else v
    if hasattr(v, "item"):
        return v.item()
    return v


def width(s: str) -> int:
    """Display width on a terminal: CJK wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def _is_numeric(col: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)


# -- text formats --------------------------------------------------------------

def terminal_table(headers: list[str], rows: list[list[str]], right: list[bool]) -> str:
    """An aligned box-less table; CJK-width aware; numbers right-aligned."""
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        out = []
        for c, w, r in zip(cells, widths, right):
            pad = " " * (w - width(c))
            out.append(pad + c if r else c + pad)
        return "  ".join(out).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(headers), rule] + [line(r) for r in rows])


def md_table(headers: list[str], rows: list[list[str]], right: list[bool]) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")
    head = "| " + " | ".join(esc(h) for h in headers) + " |"
    align = "|" + "|".join("---:" if r else "---" for r in right) + "|"
    body = ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]
    return "\n".join([head, align] + body)


def html_table(headers: list[str], rows: list[list[str]], right: list[bool],
               titles: list[list[str]] | None = None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for i, r in enumerate(rows):
        tds = []
        for j, c in enumerate(r):
            cls = ' class="num"' if right[j] else ""
            tip = titles[i][j] if titles else ""
            attr = f' title="{html.escape(tip)}"' if tip else ""
            tds.append(f"<td{cls}{attr}>{html.escape(c)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:1.5em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #bbb;padding:3px 8px}}td.num{{text-align:right}}
th{{background:#eef}}</style></head><body><h1>{title}</h1>
{body}
</body></html>
"""


def _need_out(fmt: str, out: str | Path | None) -> Path:
    if out is None:
        raise UsageError(f"--format {fmt} writes a binary file: give --out FILE")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _check_fmt(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _write_text(text: str, out: str | Path | None) -> str:
    if out is None:
        return text
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return f"wrote {path}"


# -- any DataFrame -------------------------------------------------------------

def render(df: pd.DataFrame, fmt: str = "table", *, out: str | Path | None = None,
           title: str = "edumine") -> str:
    """Render a DataFrame; text formats go to ``out`` when given (the return then says so)."""
    _check_fmt(fmt)
    headers = [str(c) for c in df.columns]
    right = [_is_numeric(df[c]) for c in df.columns]
    rows = [[cell_text(v) for v in r] for r in df.itertuples(index=False, name=None)]
    if fmt == "table":
        return _write_text(terminal_table(headers, rows, right) + f"\n({len(df)} rows)", out)
    if fmt == "md":
        return _write_text(md_table(headers, rows, right), out)
    if fmt == "csv":
        return _write_text(_csv(df), out)
    if fmt == "json":
        records = [{h: _json_value(v) for h, v in zip(headers, r)}
                   for r in df.itertuples(index=False, name=None)]
        return _write_text(json.dumps(records, ensure_ascii=False, indent=1), out)
    if fmt == "html":
        page = HTML_PAGE.format(title=html.escape(title), body=html_table(headers, rows, right))
        return _write_text(page, out)
    if fmt == "parquet":
        path = _need_out(fmt, out)
        df.to_parquet(path, index=False)
        return f"wrote {path} ({len(df)} rows)"
    path = _need_out(fmt, out)
    _xlsx([("结果", headers, list(df.itertuples(index=False, name=None)))], path)
    return f"wrote {path} ({len(df)} rows)"


def _csv(df: pd.DataFrame) -> str:
    flat = df.copy()
    for c in flat.columns:
        if flat[c].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any():
            flat[c] = flat[c].map(cell_text)
    return flat.to_csv(index=False, lineterminator="\n").rstrip("\n")


def _xlsx(sheets: list[tuple[str, list[str], list[tuple]]], path: Path) -> None:
    """Write sheets with openpyxl: numbers as numbers, lists joined, bold headers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, headers, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append([_xlsx_value(v) for v in r])
        for i, h in enumerate(headers, 1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = max(10, width(h) + 2)
    wb.save(path)


def _xlsx_value(v: Any) -> Any:
    if _missing(v):
        return None
    if isinstance(v, (list, tuple)) or hasattr(v, "tolist") and not isinstance(v, (int, float)):
        return cell_text(v)
    if hasattr(v, "item"):
        return v.item()
    return v


# -- comparison results --------------------------------------------------------

def _display_cells(result: "CompareResult", labels: bool) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """Headers, display rows and per-cell figure ids for the human formats."""
    from .compare import column_label

    long = result.long.set_index(["region_code", "column"])
    cols = list(result.table.columns)
    headers = ["地区" if labels else "region"] + [column_label(c) if labels else c for c in cols]
    rows, tips = [], []
    names = dict(zip(result.long.region_code, result.long.region))
    for code in result.table.index:
        row, tip = [names.get(code, code)], [code]
        for col in cols:
            if (code, col) not in long.index:
                row.append("")
                tip.append("")
                continue
            cell = long.loc[(code, col)]
            text = fmt_number(float(cell.value)) + sum_mark(cell.basis)
            if result.latest:
                text += f" ({cell.period})"
            others = "/".join(dict.fromkeys(fmt_number(float(v)) for v in cell.other_values))
            if bool(cell.conflict):
                text += f" (≠{others or '…'})"
            elif others:  # the same document gives another value too (e.g. primary and junior)
                text += f" (另{others})"
            row.append(text)
            tip.append(",".join(cell.figure_ids))
        rows.append(row)
        tips.append(tip)
    return headers, rows, tips


def sum_mark(basis: str) -> str:
    """' (Σ2县)' for a cell summed from two counties, '' for a reported one."""
    words = str(basis).split()
    return f" (Σ{words[2]}县)" if len(words) > 2 and words[0] == "sum" else ""


def _legend(result: "CompareResult") -> str:
    notes = []
    if result.long.conflict.astype(bool).any():
        notes.append("(≠…) other values reported by other documents")
    if any(len(o) and not c for o, c in zip(result.long.other_values, result.long.conflict)):
        notes.append("(另…) the same document also gives another value for this cell")
    if result.long.basis.astype(str).str.startswith("sum").any():
        notes.append("(Σn县) sum of the values reported by n counties")
    return "; ".join(notes)


def compare_json(result: "CompareResult") -> str:
    """Regions as records; each cell carries value, unit, figure ids, conflict, other values."""
    out = []
    names = dict(zip(result.long.region_code, result.long.region))
    by_region = {code: g for code, g in result.long.groupby("region_code", sort=False)}
    for code in result.table.index:
        cells = {}
        for r in by_region[code].itertuples(index=False):
            cells[r.column] = {
                "metric": r.metric, "period": r.period, "value": _json_value(r.value),
                "unit": _json_value(r.unit), "kind": r.kind, "figure_ids": list(r.figure_ids),
                "conflict": bool(r.conflict), "other_values": _json_value(list(r.other_values)),
                "other_figure_ids": list(r.other_figure_ids),
                "docs_agree": _json_value(r.docs_agree), "docs_disagree": _json_value(r.docs_disagree),
                "basis": r.basis,
            }
        out.append({"region_code": code, "region": names.get(code, code), "cells": cells})
    doc = {"level": result.level, "metrics": result.metrics, "columns": list(result.table.columns),
           "rows": out}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def render_compare(result: "CompareResult", fmt: str = "table", *, out: str | Path | None = None,
                   with_sources: bool | None = None, title: str = "地区对比") -> str:
    """Render a comparison; ids in csv/json/parquet headers, Chinese labels elsewhere."""
    _check_fmt(fmt)
    with_sources = result.with_sources if with_sources is None else with_sources
    if fmt == "json":
        return _write_text(compare_json(result), out)
    if fmt in ("csv", "parquet"):
        frame = result.frame(with_sources=with_sources)
        return render(frame, fmt, out=out)
    if fmt == "xlsx":
        return _compare_xlsx(result, _need_out(fmt, out))
    headers, rows, tips = _display_cells(result, labels=True)
    if with_sources:
        headers.append("来源")
        for r, t in zip(rows, tips):
            r.append(" ".join(x for x in t[1:] if x))
    right = [False] + [True] * (len(headers) - 1 - int(bool(with_sources))) + [False] * int(bool(with_sources))
    legend = _legend(result)
    if not rows:
        return _write_text("(no values for these metrics, regions and years)", out)
    if fmt == "table":
        return _write_text(terminal_table(headers, rows, right) + (f"\n{legend}" if legend else ""), out)
    if fmt == "md":
        return _write_text(md_table(headers, rows, right) + (f"\n\n{legend}" if legend else ""), out)
    body = html_table(headers, rows, right, tips) + (f"<p>{html.escape(legend)}</p>" if legend else "")
    return _write_text(HTML_PAGE.format(title=html.escape(title), body=body), out)


def _compare_xlsx(result: "CompareResult", path: Path) -> str:
    from .compare import column_label

    frame = result.frame(with_sources=False, labels=True)
    headers = ["地区代码", "地区"] + list(frame.columns[2:])
    main = list(frame.itertuples(index=False, name=None))
    src_headers = ["地区代码", "地区", "指标", "时期", "数值", "单位", "图表编号(figure ids)",
                   "冲突", "其他文档数值", "依据"]
    src = [(r.region_code, r.region, column_label(r.column), r.period, r.value, r.unit,
            ",".join(r.figure_ids), "是" if r.conflict else "否",
            ",".join(dict.fromkeys(fmt_number(float(v)) for v in r.other_values)), r.basis)
           for r in result.long.itertuples(index=False)]
    _xlsx([("对比", headers, main), ("Sources", src_headers, src)], path)
    return f"wrote {path} ({len(main)} regions)"
