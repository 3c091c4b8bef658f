"""sources.raw keeps every input byte for byte: zstd now, zlib in older warehouses."""
from __future__ import annotations

import hashlib
import zlib

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import ingest
from pipeline.process import pack_raw, unpack_raw

PAGE = ("<html><head><meta charset='gbk'><title>县教育局工作报告</title></head><body>"
        "<div class='article'><p>2024年，全县新建学校3所，新增学位2400个。</p>"
        "<p>全县投入教育经费12.5亿元，比上年增长6.3%。</p></div></body></html>")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096))
def test_pack_round_trips_any_bytes(data: bytes) -> None:
    assert unpack_raw(pack_raw(data)) == data


def test_zstd_frame_and_legacy_zlib_both_read() -> None:
    data = PAGE.encode("gbk") * 20
    packed = pack_raw(data)
    assert packed[:4] == b"\x28\xb5\x2f\xfd" and len(packed) < len(data) // 4
    assert unpack_raw(zlib.compress(data, 1)) == data  # warehouses written before zstd


def test_ingested_source_is_the_input_bytes(tmp_path) -> None:
    page = tmp_path / "in" / "report.html"
    page.parent.mkdir()
    page.write_bytes(PAGE.encode("gbk"))
    db = tmp_path / "w.duckdb"
    ingest([str(page.parent)], db=db, jobs=1)
    con = duckdb.connect(str(db), read_only=True)
    try:
        [(blob, sha)] = con.execute("SELECT raw, raw_sha256 FROM sources").fetchall()
    finally:
        con.close()
    assert unpack_raw(blob) == PAGE.encode("gbk")
    assert sha == hashlib.sha256(PAGE.encode("gbk")).hexdigest()
