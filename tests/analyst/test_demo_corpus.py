"""The bundled corpora/: well-formed, documented, and comparable once ingested."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pipeline.compare import compare, popular_metrics
from pipeline.formats import render_compare
from pipeline.show import show_document

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
FILES = sorted(CORPORA.glob("*.txt"))


def test_corpus_size_and_sources_note():
    assert 8 <= len(FILES) <= 15
    sources = (CORPORA / "SOURCES.md").read_text(encoding="utf-8")
    for f in FILES:
        assert f"`{f.name}`" in sources, f"{f.name} is not described in corpora/SOURCES.md"


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_document_head(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] and not lines[0].startswith(("发布时间", "来源"))
    assert re.fullmatch(r"发布时间:\d{4}(-\d{2}-\d{2}|年)", lines[1])
    assert lines[2].startswith("来源:edumine 团队据") and lines[2].endswith("改写")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from pipeline.ingest import ingest
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    info = ingest([str(CORPORA)], db=db, jobs=1)
    assert (info.new, info.rejected) == (len(FILES), 0)
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def _cell(result, region, column):
    row = result.long[(result.long.region == region) & (result.long.column == column)]
    return (float(row.value.iloc[0]), row.period.iloc[0]) if len(row) else None


def test_demo_compares_counties(demo):
    r = compare(demo, ["edu_spending", "teachers_exchanged"], latest=True)
    assert _cell(r, "晋安区", "edu_spending") == (964000000.0, "2023")
    assert _cell(r, "夷陵区", "edu_spending") == (370000000.0, "2010-2012")
    assert _cell(r, "夷陵区", "teachers_exchanged") == (799.0, "2011-2012")
    assert len(r.table.index) >= 4
    table = render_compare(compare(demo, popular_metrics(demo), latest=True))
    assert table.splitlines()[0].startswith("地区")
    assert len(table.splitlines()) >= 6


def test_every_demo_document_shows(demo):
    for (doc_id,) in demo.execute("SELECT doc_id FROM documents").fetchall():
        assert "【" in show_document(demo, doc_id)
