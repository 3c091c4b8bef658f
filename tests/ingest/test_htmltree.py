"""Our page parse (C-level element lookup) against trafilatura's ``load_html``: same tree, same
clean text. The crafted pages cover each branch of the loader; the real pages run where
../shared is present."""
from __future__ import annotations

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement

from pipeline import clean as C
from pipeline.htmltree import PARSER, load_html
from pipeline.model import RawInput
from pipeline.sources import iter_inputs

PAGES = {
    "article": "<html><head><title>县教育局：新建学校3所</title><meta name='description' content='x'></head>"
               "<body><nav><a href='/'>首页</a> | <a href='/a'>新闻</a></nav><article><h1>县教育局：新建学校3所</h1>"
               "<p>发布时间：2024-05-06 来源：县教育局</p><p>2023年全县新建学校3所，新增学位2400个，"
               "投入资金1.2亿元。</p><p>义务教育巩固率达到99.6%，较上年提高0.3个百分点。</p>"
               "<!-- a comment --><table><tr><td>学校</td><td>学位</td></tr><tr><td>一中</td><td>900</td></tr></table>"
               "</article><footer>版权所有 某县人民政府</footer></body></html>",
    "form": "<html><body><form action='/s'><label>搜索<input name='q' value='教育'></label>"
            "<select><option>全部</option></select><textarea>留言</textarea></form>"
            "<div><p>全县共有教师5600名，交流轮岗教师420名，占符合条件教师的15.2%。</p></div></body></html>",
    "declared_encoding": "<?xml version='1.0' encoding='gb2312'?><html><body><p>"
                         "校长教师交流轮岗覆盖率达到100%。</p><p>第二段落文字足够长，用来测试解析。</p></body></html>",
    "doctype": "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><body><div class='content'>"
               "<p>2024年新建改扩建校舍面积12.5万平方米。</p></div></body></html>",
    "self_closed_html": "<html lang='zh'/>\n<body><p>全县义务教育学校45所，在校学生3.2万人。</p></body>",
    "fragment": "<p>只有一段</p>",
    "not_html": "纯文本，没有任何标记。",
    "empty_body": "<html><body></body></html>",
    "entities_pis": "<html><body><?php echo 1; ?><p>生均公用经费&nbsp;提高到&#x31;&#x32;00元&amp;&lt;，"
                    "全县义务教育阶段学校的办学条件得到全面改善。</p></body></html>",
}


def _dump(tree: HtmlElement | None) -> bytes | None:
    return None if tree is None else etree.tostring(tree, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_same_tree_as_trafilatura(name: str) -> None:
    html = PAGES[name]
    assert _dump(load_html(html)) == _dump(trafilatura.load_html(html))


def test_every_element_is_a_plain_html_element() -> None:
    tree = load_html(PAGES["form"])
    classes = {type(el) for el in tree.iter() if isinstance(el.tag, str)}
    assert classes == {HtmlElement}
    assert type(trafilatura.load_html(PAGES["form"]).find(".//form")).__name__ == "FormElement"
    assert tree.getroottree().parser is PARSER  # copies trafilatura makes keep the lookup


def test_refusals_match_trafilatura() -> None:
    for name in ("fragment", "not_html"):
        assert (load_html(PAGES[name]) is None) == (trafilatura.load_html(PAGES[name]) is None)
    assert load_html(PAGES["not_html"]) is None


def _clean_both(monkeypatch: pytest.MonkeyPatch, raw: RawInput) -> tuple[tuple, tuple]:
    def fields(d):  # noqa: ANN001
        return d.text, d.title, d.published, d.source_name
    ours = fields(C.clean(raw))
    with monkeypatch.context() as m:
        m.setattr(C, "load_html", trafilatura.load_html)
        theirs = fields(C.clean(raw))
    return ours, theirs


@pytest.mark.parametrize("name", ["article", "form", "declared_encoding", "doctype", "entities_pis"])
def test_clean_text_unchanged(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    raw = RawInput(source_path=f"{name}.html", fmt="html", data=PAGES[name].encode("utf-8"))
    ours, theirs = _clean_both(monkeypatch, raw)
    assert ours == theirs
    assert ours[0]


def test_clean_text_unchanged_on_real_pages(monkeypatch: pytest.MonkeyPatch, real_html_dir) -> None:
    raws = list(iter_inputs([str(real_html_dir)]))
    assert len(raws) >= 20
    for raw in raws:
        ours, theirs = _clean_both(monkeypatch, raw)
        assert ours == theirs, raw.source_path


PIECES = st.sampled_from([
    "<html>", "</html>", "<body>", "</body>", "<div class='c'>", "</div>", "<p>", "</p>", "<br/>",
    "<table><tr><td>", "</td></tr></table>", "<form>", "<input name=a>", "<label>", "<!-- c -->",
    "<?pi x?>", "<script>var a=1;</script>", "&amp;", "&nbsp;", "教育", "学校3所", "99.6%", " ", "\n",
    "<!DOCTYPE html>", "<html/>", "<a href='/x'>链接</a>", "<span>", "</span>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30))
def test_same_tree_property(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert _dump(load_html(html)) == _dump(trafilatura.load_html(html))
