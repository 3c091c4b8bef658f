"""formats: exact renderings of a small frame and of a comparison."""
from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compare import compare
from pipeline.errors import UsageError
from pipeline.formats import render, render_compare, terminal_table, width
from pipeline.latest import rebuild

DF = pd.DataFrame({"县": ["晋安区", "闽侯县"], "value": [964000000.0, 0.32], "n": [3, 12]})


def test_terminal_aligns_cjk():
    assert render(DF) == (
        "县          value   n\n"
        "──────  ─────────  ──\n"
        "晋安区  964000000   3\n"
        "闽侯县       0.32  12\n"
        "(2 rows)")


@pytest.mark.parametrize("fmt, expected", [
    ("md", "| 县 | value | n |\n|---|---:|---:|\n| 晋安区 | 964000000 | 3 |\n| 闽侯县 | 0.32 | 12 |"),
    ("csv", "县,value,n\n晋安区,964000000.0,3\n闽侯县,0.32,12"),
    ("json", '[\n {\n  "县": "晋安区",\n  "value": 964000000,\n  "n": 3\n },\n'
             ' {\n  "县": "闽侯县",\n  "value": 0.32,\n  "n": 12\n }\n]'),
])
def test_text_formats(fmt, expected):
    assert render(DF, fmt) == expected


def test_html_escapes():
    page = render(pd.DataFrame({"a": ["<script>x</script>"]}), "html")
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page


@pytest.mark.parametrize("fmt", ["parquet", "xlsx"])
def test_binary_formats_need_out(fmt):
    with pytest.raises(UsageError, match=f"--format {fmt} writes a binary file: give --out FILE"):
        render(DF, fmt)


def test_unknown_format():
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        render(DF, "pdf")


def test_parquet_roundtrip(tmp_path):
    assert render(DF, "parquet", out=tmp_path / "a.parquet") == f"wrote {tmp_path / 'a.parquet'} (2 rows)"
    assert pq.read_table(tmp_path / "a.parquet").to_pandas().equals(DF)


def test_compare_terminal(con):
    out = render_compare(compare(con, ["edu_spending", "satisfaction_rate"]))
    assert out == (
        "地区             教育经费投入·2022  教育经费投入·2023  满意度·2023\n"
        "──────  ──────────────────────────  ─────────────────  ───────────\n"
        "晋安区  850,000,000 (≠800,000,000)        964,000,000         96.5\n"
        "闽侯县                                  1,200,000,000           88\n"
        "(≠…) other values reported by other documents")


def test_compare_md_city_marks_sums(con):
    out = render_compare(compare(con, ["edu_spending"], level="city", years=(2023, 2023), with_sources=True), "md")
    assert out == ("| 地区 | 教育经费投入·2023 | 来源 |\n|---|---:|---|\n| 福州市 | 2,164,000,000 (Σ2县) | f1,f8 |\n\n"
                   "(Σn县) sum of the values reported by n counties")


def test_compare_json_carries_figure_ids(con):
    doc = json.loads(render_compare(compare(con, ["edu_spending"]), "json"))
    assert doc["columns"] == ["edu_spending·2022", "edu_spending·2023"]
    cell = doc["rows"][0]["cells"]["edu_spending·2022"]
    assert cell == {"metric": "edu_spending", "period": "2022", "value": 850000000, "unit": "元",
                    "kind": "money", "figure_ids": ["f5"], "conflict": True, "other_values": [800000000],
                    "other_figure_ids": ["f7"],
                    "docs_agree": 1, "docs_disagree": 1, "basis": "reported"}


def test_compare_csv(con):
    assert render_compare(compare(con, ["satisfaction_rate"], with_sources=True), "csv") == (
        "region_code,region,satisfaction_rate·2023,satisfaction_rate·2023 来源\n"
        "350111,晋安区,96.5,f3\n350121,闽侯县,88.0,f10")


def test_compare_xlsx(con, tmp_path):
    path = tmp_path / "c.xlsx"
    assert render_compare(compare(con, ["edu_spending"]), "xlsx", out=path) == f"wrote {path} (2 regions)"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["对比", "Sources"]
    rows = [list(r) for r in wb["对比"].iter_rows(values_only=True)]
    assert rows == [["地区代码", "地区", "教育经费投入·2022", "教育经费投入·2023"],
                    ["350111", "晋安区", 850000000, 964000000],
                    ["350121", "闽侯县", None, 1200000000]]
    src = [list(r) for r in wb["Sources"].iter_rows(values_only=True)]
    assert src[1] == ["350111", "晋安区", "教育经费投入·2022", "2022", 850000000, "元", "f5", "是",
                      "800,000,000", "reported"]
    assert len(src) == 4


def test_compare_html(con):
    page = render_compare(compare(con, ["edu_spending"]), "html")
    assert '<td class="num" title="f1">964,000,000</td>' in page
    assert "<th>教育经费投入·2022</th>" in page


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(alphabet="ab中文１2.", max_size=6), min_size=2, max_size=2),
                min_size=1, max_size=5))
def test_terminal_rows_share_one_width(rows):
    lines = terminal_table(["列一", "b"], rows, [False, True]).split("\n")
    widths = {width(line.rstrip()) for line in lines[2:] if line.rstrip()}
    full = width(lines[1])
    assert all(w <= full for w in widths)
    # the right-aligned last column ends at the same place on every non-empty row
    ends = {width(line) for line, r in zip(lines[2:], rows) if r[1]}
    assert len(ends) <= 1


def test_compare_latest_shows_periods(con):
    out = render_compare(compare(con, ["edu_spending"], latest=True), "md")
    assert out == "| 地区 | 教育经费投入 |\n|---|---:|\n| 晋安区 | 964,000,000 (2023) |\n| 闽侯县 | 1,200,000,000 (2023) |"


def test_same_document_second_value_is_shown(writable_con):
    c = writable_con
    c.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, unit, metric, '
              "year_start, year_end, modality) VALUES ('f20', 'd3', 90, 95, '0.76万元', 'money', 7600, '元', "
              "'edu_spending', 2023, 2023, 'actual')")
    rebuild(c)
    out = render_compare(compare(c, ["edu_spending"], regions=["闽侯县"]), "md")
    assert out == ("| 地区 | 教育经费投入·2023 |\n|---|---:|\n| 闽侯县 | 1,200,000,000 (另7,600) |\n\n"
                   "(另…) the same document also gives another value for this cell")


def test_compare_latest_csv_carries_periods(con):
    assert render_compare(compare(con, ["edu_spending"], latest=True), "csv") == (
        "region_code,region,edu_spending,edu_spending 时期\n350111,晋安区,964000000.0,2023\n"
        "350121,闽侯县,1200000000.0,2023")
