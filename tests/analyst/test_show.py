"""show_document: the marked text and legend an analyst reads."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import UsageError
from pipeline.show import show_document


def test_marked_text(con):
    out = show_document(con, "d3").split("\n")
    assert out[:5] == ["闽侯县2023年教育年报", "doc_id: d3", "来源: — · c/minhou2023.txt",
                       "发布: 2024-04-02 · 截至年份: 2023 · 地区: 闽侯县 (350121, county)", "─" * 40]
    assert out[6] == ("2023年，全县教育经费投入【12亿元|edu_spending·2023·actual|#1】，交流轮岗教师"
                      "【180名|teachers_exchanged·2023·actual|#2】，社会满意度【88%|satisfaction_rate·2023·actual|#3】。"
                      "⟦措施: teacher_rotation⟧")
    assert out[8] == "图表 figures: 3"
    assert out[11] == "1  12亿元  money    1200000000  元               edu_spending        2023    actual    f8"
    assert out[-1] == "措施 measures: 1 — teacher_rotation"


def test_target_and_duplicate_are_visible(con):
    text = show_document(con, "d1")
    assert "【12亿元|edu_spending·2025·target|#6】" in text
    assert "near-duplicate of d1: left out of comparisons" in show_document(con, "d4")


@pytest.mark.parametrize("doc_id", ["nope", "d1' OR '1'='1"])
def test_unknown_doc(con, doc_id):
    with pytest.raises(UsageError, match="no document with doc_id"):
        show_document(con, doc_id)


def test_run_sql_rows(con):
    from pipeline.show import run_sql
    df = run_sql(con, "SELECT doc_id, as_of_year FROM documents WHERE doc_id IN ('d1', 'd3') ORDER BY 1")
    assert df.values.tolist() == [["d1", 2023], ["d3", 2023]]


@pytest.mark.parametrize("query, message", [
    ("selec 1", "E310: Parser Error: syntax error at or near \"selec\"\n\nLINE 1: selec 1\n        ^"),
    ("DELETE FROM figures", "(the warehouse is opened read-only: add --write to change it)"),
    ("SELECT * FROM nosuch", "Table with name nosuch does not exist"),
])
def test_run_sql_errors(con, query, message):
    from pipeline.errors import QueryError
    from pipeline.show import run_sql
    with pytest.raises(QueryError) as err:
        run_sql(con, query)
    assert message in str(err.value)
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 12


_spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=6)


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet="教育投入亿元。，12", min_size=1, max_size=40), figs=_spans, ends=st.lists(st.integers(0, 40), max_size=4))
def test_marks_removed_give_back_the_text(text, figs, ends):
    """Whatever the spans (overlapping, nested, past the end), unmarking restores the text."""
    import re

    import pandas as pd

    from pipeline.show import mark_text
    rows = [{"figure_id": f"f{i}", "start": s, "end": s + n, "surface": text[s:s + n], "metric": None,
             "year_start": None, "year_end": None, "modality": "actual"}
            for i, (s, n) in enumerate(sorted(figs)) if s < len(text)]
    figures = pd.DataFrame(rows, columns=["figure_id", "start", "end", "surface", "metric", "year_start",
                                          "year_end", "modality"])
    measures = pd.DataFrame({"measure": ["m"] * len(ends), "start": [0] * len(ends),
                             "end": [min(e, len(text)) for e in ends]})
    marked, _ = mark_text(text, figures, measures)
    plain = re.sub(r"⟦[^⟧]*⟧", "", marked)
    plain = re.sub(r"【([^|】]*)\|[^】]*】", r"\1", plain)
    assert plain == text


@pytest.mark.parametrize("key", ["d3", "c/minhou2023.txt", "minhou2023.txt", "minhou2023"])
def test_document_by_id_path_or_file_name(con, key):
    from pipeline.show import resolve_doc
    assert resolve_doc(con, key) == "d3"
    assert show_document(con, key).split("\n")[1] == "doc_id: d3"


def test_ambiguous_file_name(writable_con):
    from pipeline.show import resolve_doc
    c = writable_con
    c.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1) VALUES ('d9', 'other/minhou2023.html', 't', 's')")
    with pytest.raises(UsageError, match=r"'minhou2023' names 2 documents: d3 \(c/minhou2023.txt\), d9"):
        resolve_doc(c, "minhou2023")
