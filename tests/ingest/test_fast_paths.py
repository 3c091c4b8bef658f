"""Cleaning's fast paths against the plain forms they replace (exact results).

Each shortcut (character gates before line rules, the joint test of the rules
anchored at the line start, literal-first keyword and label regexes, skipped
passes in normalization, XPath text nodes, the deferred date guess) must give
what the plain code gave; these tests run both on crafted and generated text.
"""
from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path

import pytest
import trafilatura
import yaml
from htmldate import find_date
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from trafilatura.metadata import set_date_params

from pipeline import normalize as N
from pipeline import textmeta
from pipeline.clean import (
    LineRule,
    LineRules,
    PageMeta,
    _page_text,
    clean,
    is_spam,
    line_verdict,
    load_rules,
    repair_html,
    strip_spans,
)
from pipeline.model import RawInput
from pipeline.rechars import required_chars, starts_anchored
from pipeline.rulefiles import load_lines, rule_path

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load(rule_path("cases/boilerplate.yaml").read_text(encoding="utf-8"))
CASE_LINES = [c["line"] for s in ("lines", "strip", "inline_spam") for c in CASES[s]]
SPAM_WORDS = [w for _, w in load_lines(rule_path("spam.txt"))[0]]
LABELS = ["发布时间", "日期", "时间", "来源", "信息来源", "访谈时间", "更新时间", "成文日期"]
# pieces that make rules, labels and keywords match, or nearly match, when joined
TOKENS = sorted(set(
    CASE_LINES + [p for line in CASE_LINES for p in (line[: len(line) // 2], line[len(line) // 2:])]
    + SPAM_WORDS + LABELS + ["av", "AV", "java", "porn", "xporn", "2024-07-08", "2024年7月8日", "12:30"]
    + list("|｜·•:：-—>»《》【】[]<>&;。，；！？ \t\u3000\u00a0\ufeff\r\u2028摄不并版未网区县学校教育1aZ*()（）ǎ")
))
lines_st = st.lists(st.sampled_from(TOKENS), max_size=8).map("".join)


def _plain_verdict(line: str, rules: LineRules) -> LineRule | None:
    for rule in rules.drop:
        if (rule.max_len is None or len(line) <= rule.max_len) and rule.pattern.search(line):
            return rule
    return None


def _plain_strip(line: str, rules: LineRules) -> str:
    for rule in rules.strip:
        line = rule.pattern.sub("", line)
    return line.strip()


def _plain_spam(words: list[str]) -> re.Pattern[str]:
    words = sorted(words, key=len, reverse=True)
    return re.compile("|".join(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" if w.isascii()
                               else re.escape(w) for w in words))


def _check_line(line: str, rules: LineRules) -> None:
    assert line_verdict(line, rules) is _plain_verdict(line, rules)
    assert strip_spans(line, rules) == _plain_strip(line, rules)
    spans = [(m.span(), m.group()) for m in rules.spam.finditer(line)]
    assert spans == [(m.span(), m.group()) for m in _plain_spam(SPAM_WORDS).finditer(line)]
    for rule in rules.strip + rules.drop + rules.block:
        need = required_chars(rule.pattern)
        if need is not None and rule.pattern.search(line):
            assert not need.isdisjoint(line), rule.id


@settings(max_examples=400, deadline=None)
@given(lines_st)
def test_line_rules_match_their_plain_form(line: str) -> None:
    _check_line(line, load_rules())


def test_line_rules_on_case_lines_and_corpora() -> None:
    rules = load_rules()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt"))]
    lines = CASE_LINES + [line for t in texts for line in N.normalize(t)[0].split("\n")]
    verdicts = set()
    for line in lines:
        _check_line(line, rules)
        verdicts.add(getattr(line_verdict(line, rules), "id", None))
    assert len(verdicts) > 15  # the lines exercise most rules, head and rest alike


def test_rule_gates_are_as_built() -> None:
    rules = load_rules()
    need = {r.id: r.need for r in rules.drop if r.need}
    assert need["photo_caption"] == ("摄",) and need["nav_row"] == ("|", "｜")
    assert rules.drop_head is not None and {"nav_row", "copyright"} <= {r.id for r in rules.drop_rest}
    assert rules.strip_gate is not None and rules.strip_gate.pattern == r"[\&<\[\|【｜]"


@pytest.mark.parametrize("pattern, chars", [
    (r"^(?:\s*[|｜])+\s*|\s*(?:[|｜]\s*)+$", {"|", "｜"}),
    (r"ab|cd", {"a", "c"}),
    (r"x?y", {"y"}),
    (r"(?:a|)b", {"b"}),
    (r"(?=ab)c", {"c"}),
    (r"(?i:x)摄", {"摄"}),
    (r"(?i)a:", {":"}),
    (r"(?i)abc", None),
    (r"\d+", None),
    (r"[^a]", None),
    (r"a*", None),
    (r"a{0,3}b?", None),
])
def test_required_chars(pattern: str, chars: set[str] | None) -> None:
    got = required_chars(re.compile(pattern))
    assert (None if got is None else set(got)) == chars


@pytest.mark.parametrize("pattern, anchored", [
    (r"^abc", True), (r"(?i)^abc", True), (r"^a|^b", True), (r"^(?!x)a", False),
    (r"a^", False), (r"^a|b", False), (r"(?m)^a", False), (r"abc", False),
])
def test_starts_anchored(pattern: str, anchored: bool) -> None:
    assert starts_anchored(re.compile(pattern)) is anchored


def test_spam_density_counts_runs_like_characters() -> None:
    rules = load_rules()
    line = "免费观看 AV 在线播放 java 高清无码 a" * 3
    hits = [m.group() for m in _plain_spam(SPAM_WORDS).finditer(line)]
    counted = len(re.findall(r"[A-Za-z\u3400-\u9fff]", line))
    density = sum(map(len, hits)) / counted
    assert is_spam(line, rules) == any(len(hits) >= n and density >= d for n, d in rules.tiers)


# -- normalization --------------------------------------------------------------------------------

def _plain_collapse(text: str) -> str:
    text = N._INVISIBLE.sub("", N._BREAK.sub("\n", text))
    lines = (N._SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _plain_share(text: str) -> float:
    total = N.CJK.subn("", text)[1]
    return N.traditional_chars().subn("", text)[1] / total if total else 0.0


TEXT_TOKENS = TOKENS + ["\r\n", "\n", "\x85", "\u200b", "  ", "晉安區(qū)", "優(yōu)質", "義務教育", "臺灣",
                        "区*", "*动场", "**", "２０２３", "ｘ"]
texts_st = st.lists(st.sampled_from(TEXT_TOKENS), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts_st)
def test_normalize_shortcuts_match_the_plain_passes(text: str) -> None:
    assert N.collapse_space(text) == _plain_collapse(text)
    assert N.traditional_share(text) == _plain_share(text)
    assert N.strip_pinyin(text) == N.PINYIN.sub("", text)
    assert N.count_censored(text) == sum(len(m.group()) for m in N.CENSOR.finditer(text))


@pytest.mark.parametrize("text, share", [
    ("教育", 0.0), ("", 0.0), ("abc", 0.0), ("義務教育", 0.5), ("區", 1.0),
])
def test_traditional_share_values(text: str, share: float) -> None:
    assert N.traditional_share(text) == share


# -- labels in text -------------------------------------------------------------------------------

def _plain_label() -> re.Pattern[str]:
    labels = sorted({l for g in textmeta._DATE_LABELS for l in g}, key=len, reverse=True)
    return re.compile(r"(?<![\u4e00-\u9fff])(?P<label>" + "|".join(labels) + r")\s*[:：]\s*")


PLAIN_SOURCE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:信息来源|文章来源|稿件来源|新闻来源|来源)\s*[:：]\s*([^\s|｜]{2,40})")


@settings(max_examples=400, deadline=None)
@given(texts_st)
def test_label_regexes_match_their_lookbehind_form(text: str) -> None:
    plain = _plain_label()
    assert ([(m.span(), m.group("label")) for m in textmeta._DATE_LABEL.finditer(text)]
            == [(m.span(), m.group("label")) for m in plain.finditer(text)])
    assert ([(m.span(), m.group(1)) for m in textmeta.SOURCE.finditer(text)]
            == [(m.span(), m.group(1)) for m in PLAIN_SOURCE.finditer(text)])


def test_label_regexes_examples() -> None:
    assert [m.group("label") for m in textmeta._DATE_LABEL.finditer(
        "发布时间：2024-07-08 更新时间:2024-07-09 访谈时间 : 2024 提问时间:1 x时间:2")] == [
        "发布时间", "更新时间", "访谈时间", "时间"]
    assert textmeta.find_source(["稿件来源：中国教育报 本报来源:某地"]) == "中国教育报"


# -- HTML -----------------------------------------------------------------------------------------

TRICKY = ("<html><head><title>题</title><script>head()</script></head><body>a<!-- c -->b"
          "<p>发布<b>时间</b>：2024-01-02&nbsp;&amp;<br/>x</p><?pi z?>e<![CDATA[cd]]>f"
          "<script>var s='<p>no</p>';</script>尾<noscript><i>n</i>t</noscript>"
          "<template><p>t</p></template>w<style>p{}</style>终</body></html>")


def _plain_page_text(tree: etree._Element) -> str:
    """The page text as ``itertext`` gives it, hidden elements blanked (the code before XPath)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    copy = deepcopy(root)
    for hidden in list(copy.iter("script", "style", "noscript", "template")):
        for el in hidden.iter():
            el.text = None
            if el is not hidden:
                el.tail = None
    return " ".join(" ".join(copy.itertext()).split())


@pytest.mark.parametrize("html", [TRICKY, "<html><body></body></html>", "<html><p>无正文标签</p></html>"])
def test_page_text_equals_itertext_without_hidden(html: str) -> None:
    tree = trafilatura.load_html(repair_html(html))
    before = etree.tostring(tree)
    assert _page_text(tree) == _plain_page_text(tree)
    assert etree.tostring(tree) == before


def test_page_text_on_real_pages(real_html_dir: Path) -> None:
    from pipeline.decode import decode
    for path in sorted(real_html_dir.glob("*.html")):
        tree = trafilatura.load_html(repair_html(decode(path.read_bytes())[0]))
        assert _page_text(tree) == _plain_page_text(tree), path.name


PAGE = """<html><head><title>某县推进义务教育优质均衡_某县教育网</title>
<meta property="article:published_time" content="2023-05-06T08:00:00+08:00"></head><body>
<div class="nav">网站首页</div><article><h1>某县推进义务教育优质均衡</h1>
<p>全县新建学校12所，新增学位6000个，财政性教育经费投入5.2亿元，比上年增长8%。</p>
<p>全县学校办学条件全部达到省定标准，群众满意度达到95%以上。</p></article></body></html>"""


def test_deferred_date_guess_is_htmldates_on_the_untouched_tree() -> None:
    html = repair_html(PAGE)
    tree = trafilatura.load_html(html)
    meta = PageMeta(tree, None)
    trafilatura.bare_extraction(tree, include_comments=False, include_tables=True, with_metadata=False)
    fresh = trafilatura.load_html(html)
    expect = find_date(fresh, **{**set_date_params(False), "url": None})
    assert expect == "2023-05-06" and meta.guessed_date() == expect
    doc = clean(RawInput("p.html", "html", data=PAGE.encode("utf-8")))
    assert str(doc.published) == expect


def test_page_meta_without_a_tree_says_nothing() -> None:
    meta = PageMeta()
    assert (meta.title, meta.page_date, meta.page_source, meta.qa) == (None, None, None, False)
    assert meta.sitename() is None and meta.guessed_date() is None and meta.page_url() is None
