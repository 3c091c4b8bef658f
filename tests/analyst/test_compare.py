"""compare(): values, provenance, conflicts, roll-up rules, filters, and hostile input."""
from __future__ import annotations

import math

import pytest

from pipeline.compare import compare, known_metrics, level_of
from pipeline.errors import UsageError
from pipeline.latest import rebuild

M = ["edu_spending", "teachers_exchanged", "satisfaction_rate"]


def _cells(result):
    return {(r.region, r.column): (r.value, list(r.figure_ids), bool(r.conflict), r.basis)
            for r in result.long.itertuples()}


def test_latest_values_view(con):
    rows = con.execute(
        "SELECT region_code, metric, year, value, docs_agree, docs_disagree, conflict, figure_ids, "
        "other_values, other_figure_ids FROM latest_values WHERE metric = 'edu_spending' "
        "ORDER BY region_code, year").fetchall()
    assert rows == [
        ("350111", "edu_spending", 2022, 850000000.0, 1, 1, True, ["f5"], [800000000.0], ["f7"]),
        ("350111", "edu_spending", 2023, 964000000.0, 1, 0, False, ["f1"], [], []),
        ("350121", "edu_spending", 2023, 1200000000.0, 1, 0, False, ["f8"], [], []),
    ]


def test_county_table(con):
    r = compare(con, M)
    assert list(r.table.index) == ["350111", "350121"]
    assert list(r.table.columns) == ["edu_spending·2022", "edu_spending·2023",
                                     "teachers_exchanged·2023", "satisfaction_rate·2023"]
    assert r.table.loc["350111"].tolist() == [850000000.0, 964000000.0, 320.0, 96.5]
    assert math.isnan(r.table.loc["350121", "edu_spending·2022"])
    assert r.sources.loc["350121"].tolist() == [[], ["f8"], ["f9"], ["f10"]]
    assert r.conflicts.loc["350111"].tolist() == [True, False, False, False]
    # the repost (d4, 9亿元) and the target (f6, 2025) never reach a cell
    assert "edu_spending·2025" not in r.table.columns


def test_frame_with_sources(con):
    f = compare(con, ["edu_spending"], with_sources=True).frame()
    assert f.columns.tolist() == ["region_code", "region", "edu_spending·2022", "edu_spending·2022 来源",
                                  "edu_spending·2023", "edu_spending·2023 来源"]
    assert f.values.tolist()[0][:4] == ["350111", "晋安区", 850000000.0, "f5"]
    assert compare(con, ["edu_spending"]).frame(labels=True).columns[2] == "教育经费投入·2022"


def test_city_rollup_sums_money_and_counts_never_rates(con):
    cells = _cells(compare(con, M, level="city"))
    assert cells == {
        ("福州市", "edu_spending·2022"): (850000000.0, ["f5"], True, "sum of 1 counties"),
        ("福州市", "edu_spending·2023"): (2164000000.0, ["f1", "f8"], False, "sum of 2 counties"),
        ("福州市", "teachers_exchanged·2023"): (500.0, ["f4", "f9"], False, "sum of 2 counties"),
        # the city reports its own rate; the counties' rates are not added or averaged
        ("福州市", "satisfaction_rate·2023"): (93.0, ["f12"], False, "reported"),
    }


def test_province_has_no_rate_without_its_own_report(con):
    cells = _cells(compare(con, M, level="province"))
    assert sorted(c for _, c in cells) == ["edu_spending·2022", "edu_spending·2023", "teachers_exchanged·2023"]


@pytest.mark.parametrize("kwargs, rows, columns", [
    ({"years": (2023, 2023)}, ["350111", "350121"], ["edu_spending·2023"]),
    ({"years": (2020, 2022)}, ["350111"], ["edu_spending·2022"]),
    ({"regions": ["闽侯县"]}, ["350121"], ["edu_spending·2023"]),
    ({"regions": ["350111"]}, ["350111"], ["edu_spending·2022", "edu_spending·2023"]),
    ({"regions": ["福州市"]}, ["350111", "350121"], ["edu_spending·2022", "edu_spending·2023"]),
    ({"regions": ["没有这个县"]}, [], []),
])
def test_filters(con, kwargs, rows, columns):
    r = compare(con, ["edu_spending"], **kwargs)
    assert list(r.table.index) == rows
    assert list(r.table.columns) == columns


@pytest.mark.parametrize("metrics, level, years, message", [
    (["no_such_metric"], "county", None, "unknown metric id 'no_such_metric'; known ids: awards, "),
    ([], "county", None, "give at least one metric id"),
    (["edu_spending"], "village", None, "unknown level 'village'"),
    (["edu_spending"], "county", (2024, 2020), "bad year range 2024-2020"),
])
def test_usage_errors(con, metrics, level, years, message):
    with pytest.raises(UsageError) as err:
        compare(con, metrics, level=level, years=years)
    assert message in str(err.value)


@pytest.mark.parametrize("hostile", [
    "edu_spending'; DROP TABLE figures; --",
    "edu_spending' OR '1'='1",
    "x\") UNION SELECT text FROM documents --",
])
def test_injection_through_metric_is_refused(con, db_file, hostile):
    with pytest.raises(UsageError, match="unknown metric id"):
        compare(con, [hostile])
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 12


@pytest.mark.parametrize("hostile", [
    "晋安区' OR '1'='1",
    "'); DROP TABLE figures; --",
    "350111' --",
])
def test_injection_through_region_finds_nothing(con, hostile):
    r = compare(con, ["edu_spending"], regions=[hostile])
    assert r.table.empty and r.long.empty
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 12


def test_known_metrics_include_vocabulary(con):
    assert {"edu_spending", "satisfaction_rate", "quality_gap"} <= set(known_metrics(con))


@pytest.mark.parametrize("code, level", [("350000", "province"), ("350100", "city"), ("350111", "county")])
def test_level_of(code, level):
    assert level_of(code) == level


def test_one_metric_in_two_kinds_gets_two_columns(writable_con):
    con = writable_con
    con.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, unit, metric, '
                "year_start, year_end, modality, sentence) VALUES ('f99', 'd3', 0, 3, '12%', 'percent', 12, '%', "
                "'teachers_exchanged', 2023, 2023, 'actual', '交流教师占12%。')")
    rebuild(con)
    r = compare(con, ["teachers_exchanged"])
    assert list(r.table.columns) == ["teachers_exchanged[count]·2023", "teachers_exchanged[percent]·2023"]
    assert r.table.loc["350121"].tolist() == [180.0, 12.0]
    # a city sums the counts, never the shares
    city = compare(con, ["teachers_exchanged"], level="city")
    assert city.table.columns.tolist() == ["teachers_exchanged·2023"]  # one kind left: no tag
    assert city.table.loc["350100"].tolist() == [500.0]


def test_popular_metrics(con):
    from pipeline.compare import popular_metrics
    assert popular_metrics(con) == ["satisfaction_rate", "edu_spending", "teachers_exchanged", "quality_gap"]
    assert popular_metrics(con, n=1) == ["satisfaction_rate"]


@pytest.mark.parametrize("relation, metric, kept", [
    ("from", "backbone_teachers", False),    # 从14.8%提高到26.63%: the start is not the level
    ("to", "backbone_teachers", True),
    ("change", "edu_spending", False),       # 比上年增加2亿元 is not the spending
    ("change", "edu_spending_growth", True),  # 增长23.65% is the growth
])
def test_only_levels_reach_cells(writable_con, relation, metric, kept):
    con = writable_con
    con.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, metric, relation, '
                "year_start, year_end, modality) VALUES ('g', 'd3', 0, 1, 'x', 'percent', 14.8, ?, ?, 2019, 2019, 'actual')",
                [metric, relation])
    rebuild(con)
    r = compare(con, [metric], years=(2019, 2019))
    assert (r.sources.loc["350121"].tolist() == [["g"]]) if kept else r.table.empty


def test_latest_collapses_periods(con):
    r = compare(con, ["edu_spending", "satisfaction_rate"], latest=True)
    assert list(r.table.columns) == ["edu_spending", "satisfaction_rate"]
    assert r.table.loc["350111"].tolist() == [964000000.0, 96.5]
    assert r.long.set_index(["region_code", "column"]).loc[("350111", "edu_spending"), "period"] == "2023"
