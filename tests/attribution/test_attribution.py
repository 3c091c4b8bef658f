"""Attribution behaviour beyond the case files: provenance, 分别, describe, robustness."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.attribution import (
    attribute,
    clause_spans,
    describe,
    headings,
    is_school_document,
    respective_subjects,
)
from pipeline.model import Figure
from pipeline.periods import find_time_phrases, infer_as_of_year

from .helpers import make_figures

KINDS = ("money", "percent", "pp", "count", "area", "number")


def test_metric_rule_names_the_deciding_cue():
    text = "2023年全区财政性教育经费投入9.64亿元，较上年增长23.65%。"
    figs = make_figures(text, [["9.64亿元", "money"], ["23.65%", "percent", None, "change"]])
    attribute(text, [(0, len(text))], figs, 2024)
    assert [(f.metric, f.metric_rule) for f in figs] == [
        ("edu_spending", "cue:财政性教育经费"),
        ("edu_spending_growth", "sentence:财政性教育经费"),
    ]


def test_respective_subjects_pair_in_order():
    text = "北京、江苏、上海的入学率分别为99%、98%、97%。"
    figs = make_figures(text, [["99%", "percent"], ["98%", "percent"], ["97%", "percent"]])
    subjects = respective_subjects(text, (0, len(text)), figs)
    assert [text[a:b] for a, b in (subjects[f.start] for f in figs)] == ["北京", "江苏", "上海"]
    attribute(text, [(0, len(text))], figs, 2024, school_doc=True)
    assert [f.metric for f in figs] == ["enrollment_rate"] * 3
    assert [f.metric_rule.split("; ")[1] for f in figs] == ["分别:北京", "分别:江苏", "分别:上海"]


def test_respective_subjects_need_matching_counts():
    text = "北京、江苏分别为99%、98%、97%。"
    figs = make_figures(text, [["99%", "percent"], ["98%", "percent"], ["97%", "percent"]])
    assert respective_subjects(text, (0, len(text)), figs) == {}


def test_each_subject_takes_its_own_metric():
    text = "全县义务教育巩固率、残疾儿童入学率分别达到98.9%和95.2%。"
    figs = make_figures(text, [["98.9%", "percent"], ["95.2%", "percent"]])
    attribute(text, [(0, len(text))], figs, 2024)
    assert [f.metric for f in figs] == ["consolidation_rate", "enrollment_rate"]


def test_describe_labels():
    f = Figure(0, 5, "9.64亿元", "money", 9.64e8, metric="edu_spending", year_start=2023, year_end=2023)
    assert describe(f) == "edu_spending 教育经费投入 · 2023 · actual"
    g = Figure(0, 3, "11所", "count", 11, metric="schools_built", year_start=2021, year_end=2024)
    assert describe(g) == "schools_built 新改扩建学校 · 2021–2024 · actual"
    h = Figure(0, 3, "78%", "percent", 78, modality="target")
    assert describe(h) == "— (no metric) · — · target"


def test_clauses_and_headings():
    text = "一、总体情况\n全区投入1亿元，新建学校2所；招聘教师30名。\n（一）主要目标\n到2025年达到95%。"
    a = text.index("全区")
    b = text.index("\n", a)
    assert [text[x:y] for x, y in clause_spans(text, a, b)] == ["全区投入1亿元", "新建学校2所", "招聘教师30名。"]
    heads = headings(text)
    assert [(text[h.start:h.end], h.level) for h in heads] == [("一、总体情况", 1), ("（一）主要目标", 2)]
    assert heads[0].scope_end == len(text) and heads[1].scope_end == len(text)


def test_school_document_density():
    assert is_school_document("全区中小学教师培训、学生资助和学校建设同步推进。")
    assert not is_school_document("1-10月，全县固定资产投资完成246亿元，同比增长15%。")


def test_empty_inputs_are_harmless():
    attribute("", [], [], None)
    assert infer_as_of_year("", None) is None
    assert infer_as_of_year("没有年份。", dt.date(2020, 5, 1)) == 2020
    assert find_time_phrases("") == []


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="2019年以来近三年今去上较比力争到十四五末目前投入新建学校教师所名个%元亿万，；、。\n一是二12",
                    min_size=1, max_size=80),
       data=st.data())
def test_any_text_and_figures_get_valid_fields(text, data):
    """Whatever the text and figure spans, every field ends in its domain and nothing raises."""
    n = data.draw(st.integers(0, 4))
    figs = []
    for _ in range(n):
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
        figs.append(Figure(a, b, text[a:b], data.draw(st.sampled_from(KINDS)), 1.0,
                           unit=data.draw(st.sampled_from([None, "所", "%", "元", "名"])),
                           relation=data.draw(st.sampled_from([None, "change", "from", "to"]))))
    as_of = data.draw(st.one_of(st.none(), st.integers(2000, 2030)))
    attribute(text, [], figs, as_of)
    for f in figs:
        assert f.modality in ("actual", "target", "standard")
        assert (f.year_start is None) == (f.year_end is None)
        if f.year_start is not None:
            assert f.year_start <= f.year_end
        assert f.metric is None or isinstance(f.metric, str)
        assert isinstance(f.metric_rule, str)


# -- fast forms against the plain ones they replace ------------------------------------------

def _plain_section_ends(raw: list[tuple[int, int, int]], size: int) -> list[int]:
    """The first later heading whose level is no greater, else the end: a scan per heading."""
    out = []
    for i, (_, _, lvl) in enumerate(raw):
        later = [r[0] for r in raw[i + 1:] if r[2] <= lvl]
        out.append(later[0] if later else size)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.just(0), st.integers(0, 5)), max_size=15))
def test_section_ends_match_a_scan_per_heading(raw):
    from pipeline.attribution import _section_ends

    raw = sorted(raw)
    assert _section_ends(raw, 99) == _plain_section_ends(raw, 99)


def test_section_ends_table():
    from pipeline.attribution import _section_ends

    raw = [(0, 0, 1), (5, 0, 2), (9, 0, 5), (12, 0, 2), (20, 0, 1), (30, 0, 0), (40, 0, 3)]
    assert _section_ends(raw, 50) == [20, 12, 12, 20, 30, 50, 50]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab：: \t\n\u3000。", max_size=10), st.data())
def test_ends_with_colon_is_rstrip_endswith(text, data):
    from pipeline.attribution import _ends_with_colon

    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert _ends_with_colon(text, a, b) == text[a:b].rstrip().endswith(("：", ":"))
