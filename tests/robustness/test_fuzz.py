"""Fuzzing the cleaners and the whole extraction: no exception escapes but the
documented InputError, every span lies inside its text, every value is finite."""
from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.decode import decode
from pipeline.errors import InputError
from pipeline.extract import extract_text
from pipeline.model import RawInput

PIECES = ["晋安区", "教育局", "投入", "9.64亿元", "增长", "23.65%", "新建学校", "3所", "近", "余", "多",
          "一百二十", "万", "亿", "个百分点", "2023年", "以来", "力争到2025年", "。", "，", "、", "\n", " ",
          "<p>", "</p>", "<div>", "<b id=x>", "发布时间:", "2024-07-08", "来源:", "分享到", "首页>", "区(qū)",
          "區", "＄", "１２", "％", "*", "“", "”", "（一）", "一是", "第", "号", "〔2021〕", "0 0 0 0",
          "热心网友", "我来回答", "人妻", "在线视频", "1,500", "2 560所", "3至5所", "百分之九十五"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
noisy = st.one_of(texts, st.text(max_size=200))


def _check_extraction(text: str) -> None:
    ext = extract_text(text)
    for f in ext.figures:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.surface
        assert math.isfinite(f.value) and (f.value_max is None or math.isfinite(f.value_max))
    for m in ext.measures:
        assert 0 <= m.start < m.end <= len(text)
    for e in ext.entities:
        assert text[e.start:e.end] == e.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([None, "gb2312", "utf-8", "big5", "latin-1", "bogus"]))
def test_decode_returns_text_or_input_error(data, declared):
    try:
        text, encoding = decode(data, declared)
    except InputError as exc:
        assert exc.reason in ("binary", "undecodable", "empty")
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy, st.sampled_from(["text", "html"]))
def test_clean_returns_a_document_or_input_error(page, fmt):
    raw = RawInput(source_path="fuzz", fmt=fmt, data=page.encode("utf-8"))
    try:
        doc = clean(raw)
    except InputError as exc:
        assert exc.reason
    else:
        assert doc.text.strip() and "\r" not in doc.text
        _check_extraction(doc.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy)
def test_extraction_never_crashes_and_spans_hold(text):
    _check_extraction(text)
