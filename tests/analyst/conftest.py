"""One fixture builds every test warehouse: a real DuckDB file made by apply_schema,
then rows we write ourselves (two counties and their city in Fujian, one older
conflicting report, one repost marked as a duplicate)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.latest import rebuild
from pipeline.migrate import apply_schema

REGIONS = [
    ("350000", "福建省", "province", None, "福建省", None),
    ("350100", "福州市", "city", "350000", "福建省", "福州市"),
    ("350111", "晋安区", "county", "350100", "福建省", "福州市"),
    ("350121", "闽侯县", "county", "350100", "福建省", "福州市"),
]

T1 = "晋安区2023年教育工作报告\n2023年，全区教育经费投入9.64亿元。小学校际综合差异系数0.32。群众满意度达96.5%。全年交流轮岗教师320名。2022年教育经费投入8.5亿元。到2025年教育投入将达12亿元。"
T2 = "晋安区2022年教育简报\n2022年，全区教育经费投入8亿元。"
T3 = "闽侯县2023年教育年报\n2023年，全县教育经费投入12亿元，交流轮岗教师180名，社会满意度88%。"
T4 = "转载：晋安区2023年教育工作报告\n2023年，全区教育经费投入9亿元。"
T5 = "福州市2023年教育发展报告\n2023年，全市群众满意度93%。"

DOCS = [
    # doc_id, source_path, title, published, as_of_year, region_code, region_name, level, text, duplicate_of
    ("d1", "c/jinan2023.txt", "晋安区2023年教育工作报告", dt.date(2024, 3, 1), 2023, "350111", "晋安区", "county", T1, None),
    ("d2", "c/jinan2022.txt", "晋安区2022年教育简报", dt.date(2023, 2, 1), 2022, "350111", "晋安区", "county", T2, None),
    ("d3", "c/minhou2023.txt", "闽侯县2023年教育年报", dt.date(2024, 4, 2), 2023, "350121", "闽侯县", "county", T3, None),
    ("d4", "c/repost.txt", "转载：晋安区2023年教育工作报告", dt.date(2024, 5, 1), 2023, "350111", "晋安区", "county", T4, "d1"),
    ("d5", "c/fuzhou2023.txt", "福州市2023年教育发展报告", dt.date(2024, 2, 1), 2023, "350100", "福州市", "city", T5, None),
]


def _fig(fid, doc, text, surface, kind, value, unit, metric, year, modality="actual", occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    # the sentence: from the previous 。/newline to the next 。
    s0 = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    s1 = text.index("。", start) + 1
    return (fid, doc, start, start + len(surface), surface, kind, value, unit, metric,
            year, year, modality, text[s0:s1], s0, s1)


FIGURES = [
    _fig("f1", "d1", T1, "9.64亿元", "money", 964000000.0, "元", "edu_spending", 2023),
    _fig("f2", "d1", T1, "0.32", "number", 0.32, None, "quality_gap", 2023),
    _fig("f3", "d1", T1, "96.5%", "percent", 96.5, "%", "satisfaction_rate", 2023),
    _fig("f4", "d1", T1, "320名", "count", 320.0, "名", "teachers_exchanged", 2023),
    _fig("f5", "d1", T1, "8.5亿元", "money", 850000000.0, "元", "edu_spending", 2022),
    _fig("f6", "d1", T1, "12亿元", "money", 1200000000.0, "元", "edu_spending", 2025, "target"),
    _fig("f7", "d2", T2, "8亿元", "money", 800000000.0, "元", "edu_spending", 2022),
    _fig("f8", "d3", T3, "12亿元", "money", 1200000000.0, "元", "edu_spending", 2023),
    _fig("f9", "d3", T3, "180名", "count", 180.0, "名", "teachers_exchanged", 2023),
    _fig("f10", "d3", T3, "88%", "percent", 88.0, "%", "satisfaction_rate", 2023),
    _fig("f11", "d4", T4, "9亿元", "money", 900000000.0, "元", "edu_spending", 2023),
    _fig("f12", "d5", T5, "93%", "percent", 93.0, "%", "satisfaction_rate", 2023),
]

MEASURES = [
    ("m1", "d1", "teacher_rotation", T1.index("全年交流"), T1.index("320名") + 5, "全年交流轮岗教师320名。", "交流轮岗"),
    ("m2", "d3", "teacher_rotation", T3.index("2023年"), len(T3), T3.split("\n")[1], "交流轮岗"),
]


def build(path: Path) -> Path:
    con = duckdb.connect(str(path))
    apply_schema(con)
    con.executemany("INSERT INTO regions (code, name, level, parent_code, province, city) VALUES (?,?,?,?,?,?)", REGIONS)
    con.executemany(
        "INSERT INTO documents (doc_id, source_path, title, published, as_of_year, region_code, "
        "region_name, region_level, text, duplicate_of, text_sha1) VALUES (?,?,?,?,?,?,?,?,?,?, 'x')",
        DOCS)
    con.executemany(
        'INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, unit, metric, '
        "year_start, year_end, modality, sentence, sent_start, sent_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        FIGURES)
    con.executemany(
        'INSERT INTO measures (measure_id, doc_id, measure, start, "end", evidence, cue) VALUES (?,?,?,?,?,?,?)',
        MEASURES)
    rebuild(con)  # rows written by SQL, not by the store: fill latest_cells from them
    con.close()
    return path


@pytest.fixture(scope="session")
def db_file(tmp_path_factory) -> Path:
    """A warehouse file with the rows above (built once; open it read-only in tests)."""
    return build(tmp_path_factory.mktemp("wh") / "analyst.duckdb")


@pytest.fixture()
def writable_con(db_file, tmp_path):
    """A writable copy of the shared warehouse, for tests that add rows."""
    copy = tmp_path / "w.duckdb"
    shutil.copy(db_file, copy)
    c = duckdb.connect(str(copy))
    yield c
    c.close()


@pytest.fixture()
def con(db_file):
    c = duckdb.connect(str(db_file), read_only=True)
    yield c
    c.close()
