"""Property tests: any text never crashes the engine; every span lies inside the text."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.figures import KINDS, QUALIFIERS, find_figures

_PIECES = ["近", "约", "超", "过", "逾", "多", "余", "以上", "以下", "左右", "不低于", "低于", "万", "亿",
           "个亿", "元", "%", "个百分点", "平方米", "亩", "所", "个", "名", "人次", "倍", "翻", "番",
           "从", "升至", "增长", "降到", "至", "-", "、", "，", "。", "“", "”", "《", "》", "第", "年",
           "差异系数", "分之", "百分之", "成", " ", "\n", ",", ".", "一", "两", "十", "百", "千", "零",
           "三", "九", "0", "1", "5", "9", "12", "3.5", "1,000", "2 560", "学校", "投入", "A"]
_texts = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
    st.text(max_size=60),
)


def _check(text: str) -> None:
    figs = find_figures(text)
    last_end = 0
    for f in figs:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.surface
        assert f.start >= last_end  # sorted and non-overlapping
        last_end = f.end
        assert f.kind in KINDS
        assert math.isfinite(f.value)
        assert f.value_max is None or (math.isfinite(f.value_max) and f.value_max > f.value)
        assert f.qualifier is None or f.qualifier in QUALIFIERS
        assert f.relation in (None, "change", "from", "to")
        assert f.rule


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_any_text(text: str):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.integers(0, 5))
def test_offsets_hold_with_a_prefix(text: str, pad: int):
    """Figures found after a prefix are the same figures, shifted (offsets are absolute)."""
    plain = [(f.start, f.surface, f.value) for f in find_figures("。" + text)]
    shifted = [(f.start - pad, f.surface, f.value) for f in find_figures("。" * (pad + 1) + text)]
    assert plain == shifted


REGRESSIONS = ["近千亿个亿", "零个亿", "¥", "百分之", "分之一", "三分之零", "１．", "2 560 000 000所", "万万亿元"]


def test_regressions():
    for text in REGRESSIONS:
        _check(text)
