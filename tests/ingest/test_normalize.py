"""Normalization: pinyin glosses, traditional -> simplified, widths, spaces, censoring."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import (collapse_space, count_censored, fold_width, is_traditional,
                                normalize, strip_pinyin)
import pytest


@pytest.mark.parametrize("text, expect", [
    ("晉安區(qū)", "晉安區"),
    ("優(yōu)質(zhì)均衡", "優質均衡"),
    ("城鄉（xiāng）融合", "城鄉融合"),
    ("運用COP(靠譜)平臺", "運用COP(靠譜)平臺"),
    ("课程(a)与(B)", "课程(a)与(B)"),
    ("学校(xuexiao)", "学校(xuexiao)"),  # no tone mark: not a gloss we can tell from text
    ("2023(ǎ)", "2023(ǎ)"),  # only right after a CJK character
])
def test_strip_pinyin(text: str, expect: str) -> None:
    assert strip_pinyin(text) == expect


def test_traditional_converted_only_when_traditional() -> None:
    text, trad = normalize("晉安區(qū)教育局:彎道超車 邁向義務教育優(yōu)質(zhì)均衡快車道")
    assert (text, trad) == ("晋安区教育局:弯道超车 迈向义务教育优质均衡快车道", True)
    simplified = "全县新建学校12所，著力推进义务教育优质均衡发展。"
    assert normalize(simplified) == (simplified, False)
    assert not is_traditional("区教育局发布了一篇文章，其中引用了「臺灣」二字作为地名。")


@pytest.mark.parametrize("text, expect", [
    ("２０２３年投入１．５亿元，增长２３．６５％", "2023年投入1.5亿元,增长23.65%".replace(",", "，")),
    ("ＡＢＣ级ａｂｃ", "ABC级abc"),
    ("“优质”（均衡）：好；是！吗？", "“优质”（均衡）：好；是！吗？"),
])
def test_fold_width(text: str, expect: str) -> None:
    assert fold_width(text) == expect


def test_collapse_space() -> None:
    text = "  第一段\u3000\u3000开头  \u00a0中间 \r\n\n\n\t第二段 \u200b \n   \n"
    assert collapse_space(text) == "第一段 开头 中间\n第二段"
    assert collapse_space("甲\r乙\r\n丙\u2029丁") == "甲\n乙\n丙\n丁"


@pytest.mark.parametrize("text, n", [
    ("区委区*的高度重视", 1), ("中小*动场", 1), ("国家资助**落实", 2), ("a*b = 3*4", 0), ("无", 0),
])
def test_count_censored(text: str, n: int) -> None:
    assert count_censored(text) == n


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("晉安區教育局学校 　\n２０％．Ａ(qū)，。*abc12")), max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once, _ = normalize(text)
    assert normalize(once)[0] == once
    assert "\n\n" not in once and "  " not in once
