"""warehouse/views/measures_by_region.sql over a tiny warehouse built from the schema."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect(":memory:")
    c.execute((ROOT / "warehouse/schema/001_init.sql").read_text(encoding="utf-8"))
    docs = [("d1", "350111", "晋安区", "county", None), ("d2", "350111", "晋安区", "county", None),
            ("d3", "350111", "晋安区", "county", "d1"), ("d4", "420506", "夷陵区", "county", None)]
    for doc_id, code, name, level, dup in docs:
        c.execute("INSERT INTO documents (doc_id, source_path, region_code, region_name, region_level, "
                  "text, duplicate_of, text_sha1) VALUES (?, ?, ?, ?, ?, '', ?, ?)",
                  [doc_id, doc_id, code, name, level, dup, doc_id])
    measures = [("m1", "d1", "boarding_schools", 0, 20), ("m2", "d1", "boarding_schools", 30, 50),
                ("m3", "d2", "boarding_schools", 0, 10), ("m4", "d3", "boarding_schools", 0, 20),
                ("m5", "d4", "reading", 5, 9)]
    c.executemany('INSERT INTO measures (measure_id, doc_id, measure, start, "end") VALUES (?, ?, ?, ?, ?)',
                  measures)
    figures = [("f1", "d1", 3, "4000万元", "money", 4e7, "construction_investment", 0, 20),
               ("f2", "d1", 40, "41所", "count", 41, "boarding_schools", 30, 50),
               ("f3", "d1", 60, "9所", "count", 9, None, 55, 70),  # another sentence
               ("f4", "d3", 3, "4000万元", "money", 4e7, "construction_investment", 0, 20)]
    c.executemany('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, metric, '
                  "sent_start, sent_end) VALUES (?, ?, ?, ?+1, ?, ?, ?, ?, ?, ?)",
                  [(f, d, s, s, sf, k, v, m, a, b) for f, d, s, sf, k, v, m, a, b in figures])
    c.execute((ROOT / "warehouse/views/measures_by_region.sql").read_text(encoding="utf-8"))
    return c


def test_counts_and_attached_figures(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT region_code, region_name, region_level, measure, documents, sentences, "
                       "figure_count, [f.figure_id FOR f IN figures], [f.metric FOR f IN figures] "
                       "FROM measures_by_region ORDER BY region_code, measure").fetchall()
    assert rows == [
        ("350111", "晋安区", "county", "boarding_schools", 2, 3, 2, ["f1", "f2"],
         ["construction_investment", "boarding_schools"]),
        ("420506", "夷陵区", "county", "reading", 1, 1, 0, [], []),
    ]


def test_money_for_a_measure_is_one_query(con: duckdb.DuckDBPyConnection) -> None:
    got = con.execute("SELECT region_name, f.surface, f.value FROM measures_by_region, "
                      "unnest(figures) AS t(f) WHERE measure = 'boarding_schools' AND f.kind = 'money'"
                      ).fetchall()
    assert got == [("晋安区", "4000万元", 4e7)]
