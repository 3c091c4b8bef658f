"""Near-duplicates: a traditional mirror with other chrome matches; unrelated reports do not."""
from __future__ import annotations

from pipeline.clean import clean
from pipeline.dedup import NUM_PERM, DuplicateIndex, shingles, signature, similarity
from pipeline.model import RawInput

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


def _simplified_page() -> str:
    page = f"首页>新闻>正文\n某县推进均衡发展\n发布时间：2024-03-01 来源：某县教育局\n{SIMP}\n分享到：\n版权所有 某县人民政府"
    return clean(RawInput("a.txt", "text", data=page.encode("gbk"))).text


def _traditional_mirror() -> str:
    paras = "".join(f"<p>{s}。</p>" for s in TRAD.split("。") if s)
    html = (f"<html><head><meta charset='big5'><title>某縣推進均衡發展</title></head><body>"
            f"<div>網站首頁 | 關於我們 | 聯繫我們</div><article><h1>某縣推進均衡發展</h1>{paras}</article>"
            f"<div>相關閱讀</div><footer>Copyright 2024 某某網 All Rights Reserved</footer></body></html>")
    return clean(RawInput("b.html", "html", data=html.encode("big5"))).text


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
