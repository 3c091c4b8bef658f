"""rules/standards.yaml: it loads, its cases hold, malformed files fail naming the entry."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from pipeline.errors import RuleError
from pipeline.migrate import apply_schema
from pipeline.standards import check_standards, parse_reference, reference

CASES = Path(__file__).resolve().parents[2] / "rules" / "cases" / "standards.yaml"


def _case_params() -> list:
    out = []
    for i, case in enumerate(yaml.safe_load(CASES.read_text(encoding="utf-8"))):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=f"{i}-{case['standard']}-{case['expect']}", marks=marks))
    return out  # a list: pytest will stop accepting generators here


@pytest.fixture(scope="module")
def one_county(tmp_path_factory):
    con = duckdb.connect(str(tmp_path_factory.mktemp("std") / "s.duckdb"))
    apply_schema(con)
    con.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1, region_code, region_name, "
                "as_of_year) VALUES ('d', 'x.txt', 't', 's', '330521', '德清县', 2023)")
    return con


@pytest.mark.parametrize("case", _case_params())
def test_cases(one_county, case):
    con, fig = one_county, case["figure"]
    con.execute("DELETE FROM figures")
    surface = f"{fig['value']:g}"
    at = max(0, fig["sentence"].find(surface))  # the figure stands where its value is written
    con.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, metric, '
                "year_start, year_end, modality, sentence, sent_start, sent_end) "
                "VALUES ('f', 'd', ?, ?, ?, ?, ?, ?, 2023, 2023, 'actual', ?, 0, ?)",
                [at, at + len(surface), surface, fig["kind"], fig["value"], fig["metric"], fig["sentence"],
                 len(fig["sentence"])])
    table = check_standards(con)
    row = table[table.standard == case["standard"]].iloc[0]
    assert row.status == case["expect"]
    if case["expect"] in ("meets", "misses"):
        assert (row.figure_id, row.value, row.year) == ("f", fig["value"], 2023)


def test_reference_loads():
    ref = reference()
    assert len(ref.metrics) == 36 and ref.metrics["edu_spending"].rollup == "sum"
    assert ref.metrics["per_student_spending"].rollup == "none"
    assert [(s.id, s.op, s.threshold) for s in ref.standards if s.metric] == [
        ("gap_primary", "<=", 0.5), ("gap_junior", "<=", 0.45), ("rotation_share", ">=", 10.0),
        ("rotation_backbone_share", ">=", 20.0), ("social_recognition", ">=", 85.0)]


def test_check_standards_on_fixture(con):
    t = check_standards(con, regions=["晋安区"])
    got = dict(zip(t.standard, t.status))
    assert got == {"qualified_teachers_primary": "not extracted", "qualified_teachers_junior": "not extracted",
                   "backbone_per_100": "not extracted", "gap_primary": "meets", "gap_junior": "no data",
                   "rotation_share": "no data", "rotation_backbone_share": "no data",
                   "social_recognition": "meets"}


BASE = "metrics:\n  edu_spending: {label: 教育经费投入, rollup: sum}\nstandards:\n"


@pytest.mark.parametrize("text, message", [
    (BASE + "  - {id: a, label: x, clause: c, metric: edu_spending, op: '>=', threshold: 1, color: red}",
     "[standards.yaml -> standards[0]] unknown key(s): color"),
    (BASE + "  - {id: a, label: x, clause: c, metric: nope, op: '>=', threshold: 1}",
     "[standards.yaml -> standards[0].metric] unknown metric id 'nope'"),
    (BASE + "  - {id: a, label: x, clause: c, metric: null, op: '>', threshold: 1}",
     "[standards.yaml -> standards[0].op] '>' is not one of >=, <="),
    (BASE + "  - {id: a, label: x, clause: c, op: '>=', threshold: 1, sentence: '(小学'}",
     "[standards.yaml -> standards[0].sentence] regex does not compile"),
    (BASE + "  - {id: a, label: x, clause: c, op: '>=', threshold: 1}\n"
            "  - {id: a, label: y, clause: c, op: '>=', threshold: 2}",
     "[standards.yaml -> standards[1].id] duplicate standard id 'a'"),
    (BASE + "  - {id: a, label: x, op: '>=', threshold: 1}", "[standards.yaml -> standards[0].clause] missing"),
    ("metrics:\n  edu_spending: {label: 教育经费投入, rollup: average}\nstandards: []\n",
     "[standards.yaml -> metrics.edu_spending.rollup] 'average' is not one of sum, none"),
], ids=["unknown-key", "unknown-metric", "bad-op", "bad-regex", "duplicate", "missing", "bad-rollup"])
def test_malformed_files(tmp_path, monkeypatch, text, message):
    monkeypatch.setenv("EDUMINE_RULES", str(tmp_path))
    (tmp_path / "standards.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        parse_reference(tmp_path / "standards.yaml")
    assert f"/{message[1:]}" in str(err.value)


def test_standards_matrix(con):
    from pipeline.standards import standards_matrix
    wide = standards_matrix(check_standards(con))
    assert wide.columns[:4].tolist() == ["region_code", "region", "每百名学生拥有高于规定学历教师数（小学） >= 4.2",
                                         "每百名学生拥有高于规定学历教师数（初中） >= 5.3"]
    assert wide.values.tolist()[1][-1] == "meets (88)"
    assert wide.values.tolist()[0][5:7] == ["meets (0.32)", "no data"]
