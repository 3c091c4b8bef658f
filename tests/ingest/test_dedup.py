"""Near-duplicates: a traditional mirror with other chrome matches; unrelated reports do not;
the index lives in the warehouse (``minhash_bands``) and old signature schemes are recomputed."""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.dedup import (BANDS, NUM_PERM, SCHEME, SCHEME_KEY, DuplicateIndex, band_keys, best_match,
                            shingle_hashes, shingles, signature, similarity)
from pipeline.ingest import ingest
from pipeline.model import RawInput
from pipeline.store import Warehouse

SIMP = ("某县教育局推进义务教育优质均衡发展。今年全县财政性教育经费投入达到5.2亿元，比上年增长8%。"
        "新建和改扩建中小学校12所，新增学位6000个。全县招聘新教师300名，其中乡村学校200名。"
        "城乡教师交流轮岗人数达到450人，占符合条件教师的15%。")
TRAD = ("某縣教育局推進義務教育優質均衡發展。今年全縣財政性教育經費投入達到5.2億元，比上年增長8%。"
        "新建和改擴建中小學校12所，新增學位6000個。全縣招聘新教師300名，其中鄉村學校200名。"
        "城鄉教師交流輪崗人數達到450人，佔符合條件教師的15%。")
OTHER = ("省教育厅召开全省高校毕业生就业工作会议，部署做好今年就业工作。会议指出，要拓宽就业渠道，"
         "加强就业指导服务，帮扶困难毕业生，确保就业率保持在90%以上。")
OTHER2 = ("某市教育局开展中小学校园安全专项检查，共检查学校120所，排查隐患35处，已全部整改到位。"
          "下一步将建立常态化检查机制，压实学校安全主体责任。")


def _simplified_bytes(text: str = SIMP) -> bytes:
    page = f"首页>新闻>正文\n某县推进均衡发展\n发布时间：2024-03-01 来源：某县教育局\n{text}\n分享到：\n版权所有 某县人民政府"
    return page.encode("gbk")


def _mirror_bytes() -> bytes:
    """A traditional-script repost: other chrome, other punctuation (full stops only), big5."""
    paras = "".join(f"<p>{s}。</p>" for s in TRAD.replace("，", " ").split("。") if s)
    html = (f"<html><head><meta charset='big5'><title>某縣推進均衡發展</title></head><body>"
            f"<div>網站首頁 | 關於我們 | 聯繫我們</div><article><h1>某縣推進均衡發展</h1>{paras}</article>"
            f"<div>相關閱讀</div><footer>Copyright 2024 某某網 All Rights Reserved</footer></body></html>")
    return html.encode("big5")


def _simplified_page() -> str:
    return clean(RawInput("a.txt", "text", data=_simplified_bytes())).text


def _traditional_mirror() -> str:
    return clean(RawInput("b.html", "html", data=_mirror_bytes())).text


def test_traditional_mirror_matches_simplified_copy() -> None:
    a, b = _simplified_page(), _traditional_mirror()
    assert a != b  # different chrome and line breaks
    index = DuplicateIndex(threshold=0.8)
    index.add("simplified", signature(a))
    index.add("other", signature(OTHER))
    assert index.find(signature(b)) == "simplified"
    assert similarity(signature(a), signature(b)) >= 0.9


def test_unrelated_reports_do_not_match() -> None:
    index = DuplicateIndex()
    index.add("a", signature(SIMP))
    index.add("b", signature(OTHER))
    assert index.find(signature(OTHER2)) is None
    assert similarity(signature(SIMP), signature(OTHER)) < 0.2


def test_signature_is_compact_and_stable() -> None:
    sig = signature(SIMP)
    assert len(sig) == NUM_PERM * 4 and sig == signature(SIMP)
    assert signature("某县，教育局 推进！") == signature("某县教育局推进")  # spaces/punct ignored


def test_shingles() -> None:
    assert shingles("一二，三四 五六") == {"一二三四五", "二三四五六"}
    assert shingles("短") == {"短"} and shingles("，。") == set()


def test_exact_readd_is_noop_and_self_match() -> None:
    index = DuplicateIndex()
    index.add("a", signature(SIMP))
    index.add("a", signature(SIMP))
    assert len(index) == 1 and index.find(signature(SIMP)) == "a"


# Two different county reports that share a long standard paragraph (an office's self-description
# reposted under every article) and the same chrome.
BOILER = ("县教育局是县人民政府主管全县教育工作的组成部门，负责贯彻执行国家和省市教育工作方针政策，"
          "统筹规划全县各级各类教育事业发展，指导全县中小学校教育教学改革，管理教育经费和教师队伍建设。")
ART1 = ("某县召开义务教育优质均衡发展推进会，通报今年全县新建和改扩建中小学校12所，新增学位6000个，"
        "财政性教育经费投入达到5.2亿元，比上年增长8%。")
ART2 = ("某县启动教师队伍建设三年行动，全年招聘新教师300名，城乡教师交流轮岗人数达到450人，"
        "乡村教师生活补助标准提高到每人每月800元。")


def test_shared_boilerplate_is_not_a_duplicate() -> None:
    a, b = ART1 + BOILER, ART2 + BOILER
    assert similarity(signature(a), signature(b)) < 0.5
    index = DuplicateIndex()
    index.add("a", signature(a))
    assert index.find(signature(b)) is None
    assert index.find(signature(ART1 + "。" + BOILER)) == "a"  # the same article again does match


def test_signature_scheme_is_pinned() -> None:
    """Stored signatures must stay comparable: changing the hashing means bumping SCHEME."""
    sig = signature(SIMP)
    assert SCHEME == 2
    assert hashlib.sha1(sig).hexdigest() == "0127cc0a77a128aaa2122cc423d720bd9c85e2cb"
    assert band_keys(sig)[:2] == [-2563205811825931444, -2153677510551341861]
    assert len(band_keys(sig)) == BANDS


def test_short_and_empty_texts() -> None:
    assert signature("") == b"\xff" * (NUM_PERM * 4)
    assert len(shingle_hashes("短")) == 1 and len(shingle_hashes("一二三四五六")) == 2
    assert signature("短") != signature("") and signature("短") != signature("长")
    assert all(int(h) % 2 == 1 for h in shingle_hashes(SIMP))  # odd: never the all-zero minimum


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _docs(db: Path) -> dict[str, str | None]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {Path(p).name: d for p, d in con.execute("SELECT source_path, duplicate_of FROM documents").fetchall()}


def _bands(db: Path) -> list[tuple[str, int]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT d.source_path, count(*) FROM minhash_bands b JOIN documents d USING (doc_id) "
                           "GROUP BY 1").fetchall()


def test_mirror_found_in_a_later_run_through_stored_band_keys(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    a = _write(tmp_path / "one", "a.txt", _simplified_bytes())
    first = ingest([str(a)], db=db, jobs=1)
    b = _write(tmp_path / "two", "b.html", _mirror_bytes())
    other = _write(tmp_path / "two", "c.txt", _simplified_bytes(ART1 + BOILER))
    copy = _write(tmp_path / "two", "a-copy.txt", _simplified_bytes())  # exact copy: same text
    second = ingest([str(b), str(other), str(copy)], db=db, jobs=1)
    assert (first.new, second.new, second.duplicate) == (1, 1, 2)
    docs = _docs(db)
    with duckdb.connect(str(db), read_only=True) as con:
        a_id = con.execute("SELECT doc_id FROM documents WHERE source_path = ?", [str(a)]).fetchone()[0]
    assert docs == {"a.txt": None, "b.html": a_id, "c.txt": None, "a-copy.txt": a_id}
    assert sorted((Path(p).name, n) for p, n in _bands(db)) == [("a.txt", BANDS), ("c.txt", BANDS)]


def test_mirror_found_within_a_batch_and_across_batches(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, "a.txt", _simplified_bytes())
    _write(folder, "b.html", _mirror_bytes())
    _write(folder, "c.txt", _simplified_bytes(ART2 + BOILER))
    _write(folder, "d.html", _mirror_bytes().replace(b"Copyright 2024", b"Copyright 2023"))
    for batch_size, db in ((200, tmp_path / "one.duckdb"), (2, tmp_path / "many.duckdb")):
        info = ingest([str(folder)], db=db, jobs=1, batch_size=batch_size)
        assert (info.new, info.duplicate) == (2, 2)
        docs = _docs(db)
        assert docs["a.txt"] is None and docs["c.txt"] is None
        assert docs["b.html"] == docs["d.html"] is not None


def test_updated_document_is_not_a_duplicate_of_its_old_version(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    a = _write(tmp_path, "a.txt", _simplified_bytes())
    ingest([str(a)], db=db, jobs=1)
    _write(tmp_path, "a.txt", _simplified_bytes(SIMP + "全县义务教育巩固率达到100%。"))
    info = ingest([str(a)], db=db, jobs=1)
    assert (info.updated, info.duplicate, info.new) == (1, 0, 0)
    assert _docs(db) == {"a.txt": None}
    assert [n for _, n in _bands(db)] == [BANDS]


def test_old_scheme_signatures_are_recomputed_on_open(tmp_path: Path) -> None:
    """A warehouse from before scheme 2 (other signature values, no band keys, no meta key)."""
    db = tmp_path / "w.duckdb"
    folder = tmp_path / "in"
    _write(folder, "a.txt", _simplified_bytes())
    _write(folder, "b.html", _mirror_bytes())
    ingest([str(folder)], db=db, jobs=1)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE sources SET minhash = ?", [bytes(range(256))])  # stands for scheme-1 values
        con.execute("DELETE FROM minhash_bands")
        con.execute("DELETE FROM meta WHERE key = ?", [SCHEME_KEY])
    with Warehouse(db) as wh:
        rows = wh.con.execute("SELECT d.text, s.minhash FROM documents d JOIN sources s USING (doc_id)").fetchall()
        assert len(rows) == 2 and all(sig == signature(text) for text, sig in rows)
        assert wh.con.execute("SELECT value FROM meta WHERE key = ?", [SCHEME_KEY]).fetchone() == (str(SCHEME),)
    assert [(Path(p).name, n) for p, n in _bands(db)] == [("a.txt", BANDS)]  # originals only
    c = _write(tmp_path / "more", "c.html", _mirror_bytes().replace(b"2024", b"2022"))
    info = ingest([str(c)], db=db, jobs=1)
    assert (info.new, info.duplicate) == (0, 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙丁戊己庚辛", min_size=6, max_size=40), min_size=1, max_size=8),
       st.text(alphabet="甲乙丙丁戊己庚辛", min_size=6, max_size=40), st.floats(0.0, 1.0))
def test_best_match_equals_pairwise_similarity(texts: list[str], text: str, threshold: float) -> None:
    """The array form of best_match picks what one similarity() per candidate picks."""
    sig = signature(text)
    cands = [(f"d{i:02d}", signature(t)) for i, t in enumerate(texts)]
    scored = [(similarity(sig, s), d) for d, s in cands]
    passing = [(-score, d) for score, d in scored if score >= threshold]
    assert best_match(sig, cands, threshold) == (min(passing)[1] if passing else None)


def test_best_match_names_a_bad_signature_length() -> None:
    with pytest.raises(ValueError, match="signature has 3 values"):
        best_match(signature("甲乙丙丁戊己庚"), [("d1", b"\x00" * 12)])
