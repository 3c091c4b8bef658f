"""The per-document cue filter never rules out a cue that matches in some window."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.attribution import live_cues, load_metric_rules
from pipeline.cuefilter import CueFilter, context_free


def test_context_free_tells_anchors_and_lookaround_apart():
    assert context_free(re.compile(r"生均[^，；。,;]{0,6}支出"))
    assert context_free(re.compile(r"(?:学生|儿童)(?:获得|享受)"))
    assert not context_free(re.compile(r"^[^，；。,;]{0,3}学位"))
    assert not context_free(re.compile(r"(?<!不)新建"))
    assert not context_free(re.compile(r"新建(?=学校)"))
    assert not context_free(re.compile(r"(学)\1"))
    assert not context_free(re.compile(r"\bSTEM\b"))


def test_may_match_rules_out_only_context_free_patterns_absent_from_the_text():
    free, absent, anchored = re.compile("新建学校"), re.compile("教师交流"), re.compile("^学位")
    f = CueFilter()
    assert [f.may_match(rx, "全区新建学校3所") for rx in (free, absent, anchored)] == [True, False, True]


def test_prefixes_rule_out_any_pattern_whose_start_is_absent():
    """One automaton pass: a pattern none of whose literal prefixes occurs matches nowhere,
    lookaround or not; a present prefix leaves the lookaround pattern in."""
    look, free = re.compile("(?<!不)新建"), re.compile("教师[^，]{0,4}交流")
    f = CueFilter([look, free])
    text = "全区扩建学校3所，教师参加轮岗交流"
    assert f.starts(text) == {1: 9}  # pattern 1 (free): its prefix 教师 at 9
    assert [f.may_match(rx, text, f.starts(text)) for rx in (look, free)] == [False, True]
    assert f.may_match(look, "全区新建学校", f.starts("全区新建学校"))
    alt = re.compile("(?:教师|老师)[^，]{0,4}交流")  # the search starts at the earliest prefix
    g = CueFilter([alt])
    assert g.starts("老师，教师参加交流，老师") == {0: 0}
    assert g.may_match(alt, "教师参加交流，老师", g.starts("教师参加交流，老师"))
    short, long = re.compile("标准[^，]{0,3}达标"), re.compile("标准化建设")  # prefixes at one place
    h = CueFilter([short, long, short])  # a pattern listed twice has one number
    text = "中小学标准化建设达标率为100%"
    assert h.starts(text) == {0: 3, 1: 3}
    assert [h.may_match(rx, text, h.starts(text)) for rx in (short, long)] == [True, True]


_WORDS = st.text(alphabet="甲乙丙a", min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=3), min_size=1, max_size=5,
                unique_by=lambda alts: "|".join(map(re.escape, alts))),  # re.compile shares equal patterns
       st.text(alphabet="甲乙丙ab", max_size=30))
def test_starts_are_each_patterns_earliest_prefix(alternatives: list[list[str]], text: str) -> None:
    """A pattern's number maps to the earliest start of any of its literal prefixes, and
    only patterns with a prefix in the text are listed (brute force over the text)."""
    rxs = [re.compile("(?:" + "|".join(map(re.escape, alts)) + ")") for alts in alternatives]
    f = CueFilter(rxs)
    want = {}
    for i, alts in enumerate(alternatives):
        found = [p for p in range(len(text)) if any(text.startswith(w, p) for w in alts)]
        if found:
            want[i] = found[0]
    assert f.starts(text) == want


_ALPHABET = "新建学校教师交流生均公用经费支出学位，。、0123456789所名元"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_no_window_match_is_ruled_out(text, a, b):
    rules = load_metric_rules()
    live = live_cues(text, rules)
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    for metric in rules.metrics:
        sides = (metric.before + metric.any, metric.after + metric.any, metric.weak)
        for side, kept in zip(sides, live[metric.id]):
            for rx in side:
                if rx.search(text[a:b]):
                    assert rx in kept, (rx.pattern, text, a, b)
