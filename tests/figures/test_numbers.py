"""The number grammar: table-driven spellings and property tests over all sizes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.numbers import parse_decimal, parse_number

TABLE = [
    ("0", 0), ("7", 7), ("1,500", 1500), ("9.64", 9.64), ("2 560", 2560), ("3,200万", 32000000),
    ("1,234,567", 1234567), ("１２０", 120), ("１．５", 1.5), ("0.04", 0.04),
    ("九点六四亿", 964000000), ("两千三百", 2300), ("三万五千", 35000), ("十一", 11),
    ("一百二十", 120), ("〇", 0), ("零", 0), ("两", 2), ("十", 10), ("一十", 10), ("百", 100),
    ("千", 1000), ("亿", 100000000), ("一百零五", 105), ("一千零五十", 1050), ("三千五", 3500),
    ("两千三", 2300), ("三万五", 35000), ("一亿二", 120000000), ("一万亿", 10**12),
    ("十二亿", 1200000000), ("二〇二三", 2023), ("一九九六", 1996),
    ("1.5万", 15000), ("3个亿", 300000000), ("12亿3,500万", 1235000000), ("12亿3500万", 1235000000),
    ("3千万", 30000000), ("5百万", 5000000), ("1.2万亿", 1.2e12), ("0.76万", 7600),
    ("百分之九十五", 95), ("百分之5", 5), ("百分之十二点五", 12.5), ("三分之一", 1 / 3),
    ("四分之三", 0.75), ("五成", 50), ("九成", 90), ("十成", 100),
    ("壹佰贰拾", 120), ("叁万", 30000),
]
BAD = ["", " ", "十四五", "三四", "abc", "近", "1.2.3", "分之一", "百分之", "万万", "一一"]


@pytest.mark.parametrize("s,value", TABLE)
def test_table(s: str, value: float):
    assert parse_number(s) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("s", BAD)
def test_not_numbers(s: str):
    assert parse_number(s) is None


def test_exact_decimal():
    assert parse_decimal("9.64亿") == 964000000
    assert parse_number("9.64亿") == 964000000.0


_DIG = "零一二三四五六七八九"


def _four(n: int, leading: bool) -> str:
    """A section below 10^4 the way reports write it (一百零五, 两千三百; 十一 at the start)."""
    out, gap = "", False
    for place, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            gap = gap or bool(out)
            continue
        if gap:
            out, gap = out + "零", False
        out += _DIG[d] + word
    if leading and out.startswith("一十"):
        out = out[1:]
    return out


def spell(n: int, leading: bool = True) -> str:
    """The Chinese-numeral spelling of n (0..10^12)."""
    if n == 0:
        return "零"
    if n >= 10**8:
        hi, lo = divmod(n, 10**8)
        s = spell(hi, leading) + "亿"
        return s + (("零" if lo < 10**7 else "") + spell(lo, False) if lo else "")
    if n >= 10**4:
        hi, lo = divmod(n, 10**4)
        s = _four(hi, leading) + "万"
        return s + (("零" if lo < 1000 else "") + _four(lo, False) if lo else "")
    return _four(n, leading)


@pytest.mark.parametrize("n,s", [(0, "零"), (11, "十一"), (105, "一百零五"), (2300, "二千三百"),
                                 (35000, "三万五千"), (100000001, "一亿零一"),
                                 (10**12, "一万亿"), (120010, "十二万零一十")])
def test_spell_generator(n: int, s: str):
    assert spell(n) == s


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_spelling_parses(n: int):
    assert parse_decimal(spell(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_spellings_parse(n: int):
    assert parse_decimal(str(n)) == n
    assert parse_decimal(f"{n:,}") == n
    assert parse_decimal(f"{n:,}".replace(",", " ")) == n


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,万亿千百十零一二两三四五六七八九点分之成个 ", max_size=20))
def test_never_crashes(s: str):
    v = parse_number(s)
    assert v is None or v == v  # never NaN
