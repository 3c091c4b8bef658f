"""clean(): plain text and HTML pages of our own writing, end to end."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import clean, repair_html, trim_tail
from pipeline.errors import InputError
from pipeline.model import RawInput

BODY = ("今年全县财政性教育经费投入5.2亿元，比上年增长8%。新建和改扩建中小学校12所，新增学位6000个。"
        "全县招聘新教师300名，其中乡村学校200名。城乡教师交流轮岗450人，占符合条件教师的15%。")

QA_PAGE = """【义务教育工作汇报】 均衡发展工作方案
发布网友
发布时间:2023-05-14 05:12
我来回答
共1个回答
热心网友
时间:2024-12-12 13:40
优先保障实现学有优教
——某区推进义务教育均衡工作情况
近年来，在区委区*的高度重视下，全区推进义务教育均衡发展。
{body}
"""

TRAD_PAGE = """<b id="x1"><abbr id="x1"></abbr></b>
1. 首頁>檢索頁>當前
某縣教育局:彎道超車 邁向義務教育優(yōu)質(zhì)均衡
發(fā)布時間:2024-07-08 來源:中國教育報客戶端
全縣財政性教育經費投入5.2億元，比上年增長8%。
0 0 0 0
分享到:
相關閱讀
工信部備案號:京ICP備12345678號
Copyright@2000-2022 www.example.com All Rights Reserved.
免费在线视频亚洲精品国产久久高清无码一区二区,国产美女久久精品欧美日韩
<strong id="x1"><form id="x1"></form></strong>"""


def test_qa_page() -> None:
    doc = clean(RawInput("qa.txt", "text", data=QA_PAGE.format(body=BODY).encode("utf-8")))
    assert doc.title == "优先保障实现学有优教——某区推进义务教育均衡工作情况"
    assert doc.published == dt.date(2023, 5, 14)
    assert doc.text.split("\n")[:2] == ["优先保障实现学有优教", "——某区推进义务教育均衡工作情况"]
    for junk in ("发布网友", "我来回答", "共1个回答", "热心网友", "时间:2024-12-12", "均衡发展工作方案"):
        assert junk not in doc.text
    assert BODY in doc.text
    assert doc.censored == 1 and "区委区*" in doc.text
    assert (doc.fmt, doc.encoding, doc.traditional) == ("text", "utf-8", False)


def test_traditional_text_page_with_chrome_and_spam() -> None:
    raw = RawInput("t.txt", "text", data=TRAD_PAGE.encode("utf-8"))
    doc = clean(raw)
    assert doc.text == ("某县教育局:弯道超车 迈向义务教育优质均衡\n"
                        "全县财政性教育经费投入5.2亿元，比上年增长8%。")
    assert doc.title == "某县教育局:弯道超车 迈向义务教育优质均衡"
    assert (doc.published, doc.source_name) == (dt.date(2024, 7, 8), "中国教育报客户端")
    assert doc.traditional and doc.encoding == "utf-8" and doc.raw == raw.data


def test_html_page_metadata_and_chrome() -> None:
    html = f"""<html><head><meta charset="gb2312"><title>某县新建学校12所_某县教育网</title>
<meta name="pubdate" content="2024-03-01"></head><body>
<div class="nav"><a href="/">网站首页</a> | <a href="/a">关于我们</a> | <a href="/b">联系我们</a></div>
<div class="crumb">当前位置：首页 &gt; 教育动态</div>
<article><h1>某县新建学校12所</h1><p>{BODY}</p>
<p>全县学校办学条件全部达到省定标准，群众满意度达到95%以上。</p>
<table><tr><td>学段</td><td>学校数</td></tr><tr><td>小学</td><td>8所</td></tr></table></article>
<div>分享到：微信 微博</div><div class="footer">版权所有：某县教育局 备案号：某ICP备12345号</div>
</body></html>"""
    doc = clean(RawInput("p.html", "html", data=html.encode("gbk")))
    assert BODY in doc.text and "95%以上" in doc.text and "8所" in doc.text
    for junk in ("网站首页", "当前位置", "分享到", "版权所有", "ICP"):
        assert junk not in doc.text
    assert doc.published == dt.date(2024, 3, 1) and doc.encoding == "gb18030" and doc.fmt == "html"
    assert doc.title.startswith("某县新建学校12所")


def test_html_after_included_closing_html_tag_is_read() -> None:
    html = ("<html><body><div>页头</div></body></html>\n<div class='content'><p>" + BODY
            + "</p><button class='b'/><p>新增学位6000个的目标已经实现。</p></div>")
    assert "</html>" not in repair_html(html) and "<button class='b'></button>" in repair_html(html)
    doc = clean(RawInput("inc.html", "html", data=html.encode("utf-8")))
    assert BODY in doc.text


@pytest.mark.parametrize("page, fmt", [
    ("首页>新闻>正文\n分享到:\n0 0 0 0\nCopyright 2024 All Rights Reserved", "text"),
    ("<html><body><div>分享到：</div></body></html>", "html"),
])
def test_empty_after_cleaning(page: str, fmt: str) -> None:
    with pytest.raises(InputError) as err:
        clean(RawInput("e", fmt, data=page.encode("utf-8")))
    assert err.value.reason == "empty_after_cleaning"


def test_no_content_is_empty() -> None:
    with pytest.raises(InputError) as err:
        clean(RawInput("e", "text", data=b""))
    assert err.value.reason == "empty"


def test_text_given_as_string() -> None:
    doc = clean(RawInput("d.jsonl#L1", "text", text="某县新建学校\n" + BODY, url="http://x.test/1"))
    assert doc.text == "某县新建学校\n" + BODY and doc.url == "http://x.test/1"


def test_trim_tail_keeps_a_page_that_is_all_list() -> None:
    lines = ["- 公告一", "- 公告二", "- 公告三"]
    assert trim_tail(lines) == lines


GOV_PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>我县召开义务教育优质均衡发展推进会_工作动态_某某县教育局</title></head><body>
<div class="top"><a href="/">网站首页</a><a href="/zwgk">政务公开</a><a href="/gzdt">工作动态</a></div>
<div class="location">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/gzdt">工作动态</a></div>
<div class="main"><div class="left"><h3>热点新闻</h3><ul><li><a href="/1">我县开展教师节慰问活动</a></li>
<li><a href="/2">县教育局召开安全工作会议</a></li></ul></div>
<div class="content"><h1>我县召开义务教育优质均衡发展推进会</h1>
<div class="info">发布时间：2023-05-06 10:20:11 &nbsp; 来源：县教育局 &nbsp; 作者：办公室 &nbsp; 浏览次数：<span>1253</span>
【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="text"><p>　　5月5日，全县义务教育优质均衡发展推进会召开。会议总结了２０２２年工作，全县投入资金1.2亿元，
新建学校3所，改扩建学校8所，新增学位4500个。</p>
<p>　　会议要求，各乡镇要进一步压实责任，确保2025年通过国家评估认定。全县教师交流轮岗比例达到15%以上。</p>
<div style="display:none"><a href="http://x.example">澳门赌场</a><a>百家乐</a><a>六合彩</a><a>时时彩</a></div></div>
<div class="page">上一篇：<a href="/3">我县举办中小学生运动会</a><br>下一篇：<a href="/4">县教育局开展师德师风专项整治</a></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div></div>
<div class="footer">主办单位：某某县教育局 &nbsp; 地址：某某县人民路1号 &nbsp;电话：0123-4567890<br>
备案序号：某ICP备12345678号-1 &nbsp; 网站标识码：1234567890<br>某公网安备 12345678901234号</div>
</body></html>"""


def test_county_bureau_page() -> None:
    doc = clean(RawInput("gov.html", "html", data=GOV_PAGE.encode("gbk")))
    assert doc.text == (
        "5月5日，全县义务教育优质均衡发展推进会召开。会议总结了2022年工作，全县投入资金1.2亿元， "
        "新建学校3所，改扩建学校8所，新增学位4500个。\n"
        "会议要求，各乡镇要进一步压实责任，确保2025年通过国家评估认定。全县教师交流轮岗比例达到15%以上。")
    assert (doc.title, doc.published, doc.source_name) == (
        "我县召开义务教育优质均衡发展推进会", dt.date(2023, 5, 6), "县教育局")


QA_HTML = """<html><head><meta charset="utf-8"><title>义务教育均衡发展工作情况汇报_百科问答</title></head><body>
<div class="q"><h1>义务教育均衡发展工作情况汇报</h1><div>发布网友</div><div>发布时间:2023-05-14 05:12</div>
<a>我来回答</a></div><div class="answers"><div>共1个回答</div><div class="a"><div>热心网友</div>
<div>时间:2024-12-12 13:40</div><div class="content"><p>优先保障实现学有优教</p><p>——某区推进义务教育均衡工作情况</p>
<p>近年来，在区委区政府的高度重视和支持下，区教育局以推进义务教育均衡发展行动计划为契机，大力推进义务教育高位均衡发展。</p>
<p>我区坚持教育第一投入思想，近三年教育投入达3.7亿元，优化投入结构，大力实施校点布局调整和薄弱学校改造。</p>
</div></div></div></body></html>"""


def test_qa_html_page_takes_the_article_title_and_the_question_date() -> None:
    doc = clean(RawInput("qa.html", "html", data=QA_HTML.encode("utf-8")))
    assert doc.title == "优先保障实现学有优教——某区推进义务教育均衡工作情况"
    assert doc.published == dt.date(2023, 5, 14)
    assert doc.text.startswith("优先保障实现学有优教\n——某区推进义务教育均衡工作情况\n近年来")
    assert "热心网友" not in doc.text and "时间:2024-12-12" not in doc.text


def test_text_input_holding_a_whole_html_document_is_read_as_html() -> None:
    html = f"<!DOCTYPE html><html><head><title>某县新建学校</title></head><body><p>{BODY}</p></body></html>"
    doc = clean(RawInput("saved.txt", "text", data=html.encode("utf-8")))
    assert doc.fmt == "html" and doc.text == BODY and "<p>" not in doc.text


def test_plain_text_site_name_above_headline_goes() -> None:
    page = ("某某市人民政府\n首页 > 政务公开 > 部门动态\n某市教育局召开2024年义务教育工作会议\n"
            "2024年03月15日 10:20  来源：市教育局  【字体：大 中 小】\n" + BODY + "\n【打印本页】【关闭窗口】\n")
    doc = clean(RawInput("p.txt", "text", data=page.encode("gbk")))
    assert doc.text == "某市教育局召开2024年义务教育工作会议\n" + BODY
    assert (doc.title, doc.published, doc.source_name) == (
        "某市教育局召开2024年义务教育工作会议", dt.date(2024, 3, 15), "市教育局")


def test_html_fragment_from_a_dump() -> None:
    doc = clean(RawInput("d.jsonl#L3", "html", text="<p>某县新建学校</p><p>" + BODY + "</p>"))
    assert doc.text == "某县新建学校\n" + BODY


def test_page_title_cut_at_a_quote_is_completed_from_the_headline() -> None:
    html = ('<html><head><title>男孩不想上补习班 写</title></head><body><article>'
            '<h1>男孩不想上补习班 写"救命"纸条抛出窗外</h1><p>' + BODY + '</p></article></body></html>')
    doc = clean(RawInput("t.html", "html", data=html.encode("utf-8")))
    assert doc.title == '男孩不想上补习班 写"救命"纸条抛出窗外'


_SELF_CLOSED_ALPHABET = list("<>/ =\"'\nab-") + ["br", "div", "button", "img", "span"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SELF_CLOSED_ALPHABET), max_size=40).map("".join))
def test_open_self_closed_equals_the_regex(html):
    from pipeline.clean import _SELF_CLOSED, open_self_closed

    def by_regex(h: str) -> str:
        return _SELF_CLOSED.sub(lambda m: f"<{m.group(1)}{m.group(2) or ''}></{m.group(1)}>", h)

    assert open_self_closed(html) == by_regex(html)


def test_open_self_closed_examples():
    from pipeline.clean import open_self_closed

    assert open_self_closed('<p>a<button class="x"/>b<br/><img src="a"/></p>') == (
        '<p>a<button class="x"></button>b<br/><img src="a"/></p>')
    assert open_self_closed('<div a="x/>y"/>') == '<div a="x></div>y"/>'


def test_page_text_skips_scripts_and_leaves_the_tree_as_it_was():
    import lxml.html
    from lxml import etree

    from pipeline.clean import _page_text

    tree = lxml.html.fromstring(
        "<html><body><p>发布时间：2024-01-02</p><script>var a = 1;</script>尾巴"
        "<noscript><div>请开启<b>脚本</b></div>后文</noscript>来源：某县教育局<!-- 注释 -->"
        "<style>p {}</style></body></html>")
    before = etree.tostring(tree)
    assert _page_text(tree) == "发布时间：2024-01-02 尾巴 来源：某县教育局"
    assert etree.tostring(tree) == before
