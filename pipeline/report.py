"""A self-contained HTML report: comparison tables, charts, and the sentences behind them.

One file that opens without a network: plotly's bundled JavaScript is inlined
once, charts are plotly figures (a bar chart of the latest period and, where a
metric has several single years, a time series), and every value in the tables
links to an anchor in the Sources section showing the sentence it was read
from, the document and the period. Built from :func:`pipeline.compare.compare`.
"""
from __future__ import annotations

import html

import duckdb
import pandas as pd

from .compare import CompareResult, column_label, compare
from .formats import fmt_number, sum_mark
from .standards import metric_label

FONT = '"Noto Sans CJK SC","Noto Sans SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",sans-serif'

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{font-family:{font};margin:1.5em;color:#222}}
table{{border-collapse:collapse;margin:.5em 0 1.5em}}td,th{{border:1px solid #bbb;padding:3px 8px}}
th{{background:#eef}}td.num{{text-align:right}}td:first-child{{white-space:nowrap}}.conflict{{background:#fff3cd}}
.src li{{margin:.4em 0}}mark{{background:#ffe08a}}.meta{{color:#666;font-size:90%}}
</style>
<script type="text/javascript">{plotly}</script>
</head><body>
<h1>{title}</h1>
<p class="meta">{meta}</p>
{body}
</body></html>
"""


def _scale(kind: str, values: pd.Series, unit: str | None) -> tuple[float, str]:
    """Divisor and unit label so money reads in 亿元/万元."""
    if kind == "money":
        top = values.abs().max()
        if top >= 1e8:
            return 1e8, "亿元"
        if top >= 1e4:
            return 1e4, "万元"
    return 1.0, unit or ""


def _link(fid: str, text: str) -> str:
    return f'<a href="#fig-{html.escape(fid)}">{html.escape(text)}</a>'


def _table(result: CompareResult) -> str:
    cells = result.long.set_index(["region_code", "column"])
    heads = "".join(f"<th>{html.escape(column_label(c))}</th>" for c in result.table.columns)
    rows = []
    for code in result.table.index:
        name = result.long.loc[result.long.region_code == code, "region"].iloc[0]
        tds = [f"<td>{html.escape(str(name))}</td>"]
        for col in result.table.columns:
            if (code, col) not in cells.index:
                tds.append('<td class="num"></td>')
                continue
            c = cells.loc[(code, col)]
            text = fmt_number(float(c.value)) + sum_mark(c.basis)
            first = c.figure_ids[0] if c.figure_ids else ""
            value = _link(first, text) if first else html.escape(text)
            extra = " ".join(_link(f, f"[{i + 2}]") for i, f in enumerate(c.figure_ids[1:]))
            others = ", ".join(_link(f, fmt_number(float(v)))
                               for f, v in zip(c.other_figure_ids, c.other_values))
            if c.conflict:
                extra += f" ≠ {others or '…'}"
            elif others:  # the same document gives another value for this cell too
                extra += f" 另 {others}"
            cls = "num conflict" if c.conflict else "num"
            tds.append(f'<td class="{cls}">{value} {extra}</td>')
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return (f"<table><thead><tr><th>地区</th>{heads}</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _notes(result: CompareResult) -> str:
    notes = ""
    if result.long.basis.astype(str).str.startswith("sum").any():
        notes += "(Σn县) 为n个县报告数值之和。"
    if result.long.conflict.astype(bool).any():
        notes += "≠ 后为其他文档报告的不同数值。"
    if any(len(o) and not c for o, c in zip(result.long.other_values, result.long.conflict)):
        notes += "“另”后为同一文档给出的其他数值。"
    return notes


def _charts(result: CompareResult) -> list[str]:
    """Per metric and kind: bars for the latest period; lines when several single years."""
    import plotly.graph_objects as go

    out = []
    layout = dict(font=dict(family=FONT, size=14), height=380, margin=dict(l=60, r=20, t=60, b=60))
    for (metric, kind), g in result.long.groupby(["metric", "kind"], sort=False):
        div, unit = _scale(kind, g.value, g.unit.dropna().iloc[0] if g.unit.notna().any() else None)
        label = metric_label(metric)
        latest = (g.sort_values(["year_end", "year_start"]).groupby("region_code", sort=False).tail(1)
                  .sort_values("region_code"))
        names = [f"{r}（{p}）" for r, p in zip(latest.region, latest.period)]
        bar = go.Figure(go.Bar(x=names, y=list(latest.value / div), marker_color="#4c78a8"))
        bar.update_layout(title=f"{label}：各地最新数值", yaxis_title=unit, **layout)
        out.append(bar.to_html(full_html=False, include_plotlyjs=False))
        single = g[g.year_start == g.year_end]
        if single.year_end.nunique() >= 2:
            line = go.Figure()
            for region, r in single.sort_values("year_end").groupby("region", sort=False):
                line.add_trace(go.Scatter(x=list(r.year_end.astype(int)), y=list(r.value / div),
                                          mode="lines+markers", name=str(region)))
            line.update_layout(title=f"{label}：历年变化", xaxis_title="年份", yaxis_title=unit,
                               xaxis=dict(dtick=1), **layout)
            out.append(line.to_html(full_html=False, include_plotlyjs=False))
    return out


def _sources(con: duckdb.DuckDBPyConnection, ids: list[str]) -> str:
    rows = con.execute(
        "SELECT figure_id, surface, sentence, title, source_path, published, period, metric, "
        "modality, region_name FROM figures_full WHERE list_contains(?, figure_id) ORDER BY figure_id",
        [ids]).df()
    items = []
    for r in rows.itertuples(index=False):
        sentence = html.escape(str(r.sentence or ""))
        surface = html.escape(str(r.surface))
        sentence = sentence.replace(surface, f"<mark>{surface}</mark>", 1) if surface else sentence
        when = "" if pd.isna(r.published) else f" · 发布 {pd.Timestamp(r.published).date()}"
        items.append(
            f'<li id="fig-{html.escape(r.figure_id)}"><b>{html.escape(r.figure_id)}</b> '
            f"{html.escape(metric_label(r.metric) if r.metric else '—')} · {html.escape(str(r.period))} · "
            f"{html.escape(str(r.modality))}<br>“{sentence}”<br><span class=\"meta\">"
            f"{html.escape(str(r.title or ''))} ({html.escape(str(r.source_path))}){when} · "
            f"{html.escape(str(r.region_name or ''))}</span></li>")
    return '<ol class="src">' + "".join(items) + "</ol>"


def render_report(con: duckdb.DuckDBPyConnection, metrics: list[str], regions: list[str] | None = None,
                  level: str = "county", years: tuple[int, int] | None = None,
                  title: str = "义务教育发展对比报告") -> str:
    """The report as one HTML string (write it to a .html file and open it anywhere)."""
    from plotly.offline import get_plotlyjs

    result = compare(con, metrics, level=level, years=years, regions=regions, with_sources=True)
    ids = sorted({f for col in ("figure_ids", "other_figure_ids") for ids in result.long[col] for f in ids})
    meta = (f"指标: {', '.join(metric_label(m) for m in result.metrics)} · 层级: {level}"
            + (f" · 年份: {years[0]}–{years[1]}" if years else "")
            + f" · 地区数: {len(result.table.index)}")
    if result.long.empty:
        body = "<p>没有符合条件的数据 (no values for these metrics, regions and years).</p>"
    else:
        body = ("<h2>对比表</h2>" + _table(result)
                + f"<p class=\"meta\">{_notes(result)}点击数值查看原句。</p>"
                + "<h2>图表</h2>" + "\n".join(_charts(result))
                + "<h2>来源句子</h2>" + _sources(con, ids))
    return _PAGE.format(title=html.escape(title), font=FONT, plotly=get_plotlyjs(),
                        meta=html.escape(meta), body=body)
