"""Property: a city's summed cell is the sum of its counties' cells; rates are never summed."""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compare import compare
from pipeline.latest import rebuild
from pipeline.migrate import apply_schema

counties = st.lists(st.tuples(st.integers(1, 40),                     # county number under 350100
                              st.integers(0, 10**9),                   # money (yuan)
                              st.floats(0, 100, allow_nan=False)),     # a rate
                    min_size=1, max_size=6, unique_by=lambda c: c[0])


def _load(con, rows) -> None:
    for n, money, rate in rows:
        code = f"3501{n:02d}"
        doc = f"d{code}"
        con.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1, region_code, region_name) "
                    "VALUES (?, ?, 't', 's', ?, ?)", [doc, f"{doc}.txt", code, f"县{n}"])
        for fid, kind, metric, value in ((f"m{code}", "money", "edu_spending", money),
                                         (f"r{code}", "percent", "satisfaction_rate", rate)):
            con.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, metric, '
                        "year_start, year_end, modality) VALUES (?, ?, 0, 1, 'x', ?, ?, ?, 2023, 2023, 'actual')",
                        [fid, doc, kind, value, metric])


@settings(max_examples=25, deadline=None)
@given(counties)
def test_city_sum_is_sum_of_counties(rows):
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "p.duckdb"))
        apply_schema(con)
        _load(con, rows)
        rebuild(con)
        county = compare(con, ["edu_spending", "satisfaction_rate"])
        city = compare(con, ["edu_spending", "satisfaction_rate"], level="city")
        assert city.table.columns.tolist() == ["edu_spending·2023"]
        assert city.table.loc["350100", "edu_spending·2023"] == county.table["edu_spending·2023"].sum()
        assert sorted(city.sources.loc["350100", "edu_spending·2023"]) == sorted(f"m3501{n:02d}" for n, _, _ in rows)
        assert city.long.basis.tolist() == [f"sum of {len(rows)} counties"]
        con.close()
