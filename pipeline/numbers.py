"""The number grammar: how Chinese reports write numbers, read into exact values.

Reports mix Arabic digits (``1,500``, ``9.64``, ``2 560``), Chinese numerals of any
size (``九点六四亿``, ``两千三百``, ``三万五千``), both at once (``1.5万``, ``3个亿``,
``12亿3,500万``) and shares in words (``百分之九十五``, ``三分之一``, ``五成``).
Values are computed with :class:`decimal.Decimal` so ``9.64亿`` is exactly
964000000, not 964000000.0000001; callers that need floats call
:func:`parse_number`.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3,
             "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
             "八": 8, "捌": 8, "九": 9, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_SEPARATED = re.compile(r"(?<=\d)[,\s\u00a0\u2009\u3000](?=\d{3}(?!\d))")
_PERCENT_WORDS = re.compile(r"^百分之(.+)$")
_FRACTION = re.compile(r"^(.+?)分之(.+)$")
_TENTHS = re.compile(r"^(.+)成$")


def normalize_digits(s: str) -> str:
    """Fullwidth digits to ASCII, thousands separators (comma, space) removed, 个亿 -> 亿."""
    s = s.translate(_FULLWIDTH).strip()
    s = _SEPARATED.sub("", s)
    return s.replace("个亿", "亿").replace("个万", "万")


def _small_cn(s: str) -> Decimal | None:
    """A section below 10^4: 两千三百, 一百零五, 十一, 三千五 (= 3500), 3千, 九点六四."""
    if not s:
        return None
    if "点" in s:
        head, _, tail = s.partition("点")
        whole = _small_cn(head) if head else Decimal(0)
        if whole is None or not tail or any(c not in CN_DIGITS for c in tail):
            return None
        return whole + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in tail))
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return Decimal(CN_DIGITS[s])
        if len(s) >= 3 or any(c in "零〇○" for c in s):
            return Decimal("".join(str(CN_DIGITS[c]) for c in s))  # positional: 二〇二三
        return None  # 三四: an approximate pair, not a number
    return _units_cn(s)


def _units_cn(s: str) -> Decimal | None:
    """Digits with 十百千 place words (and Arabic digits before them: 3千)."""
    total = Decimal(0)
    cur: Decimal | None = None
    last_unit = 0
    zero_gap = False
    i = 0
    while i < len(s):
        m = _ARABIC.match(s, i)
        if m:
            if cur is not None:
                return None
            cur = Decimal(m.group())
            i = m.end()
            continue
        c = s[i]
        i += 1
        if c in CN_DIGITS:
            if cur is not None:
                return None  # two digits in a row: 十四五 is a name, not a number
            if CN_DIGITS[c] == 0:
                zero_gap = True
                continue
            cur = Decimal(CN_DIGITS[c])
        elif c in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[c]
            if last_unit and unit >= last_unit:
                return None
            total += (cur if cur is not None else Decimal(1)) * unit
            cur, last_unit, zero_gap = None, unit, False
        else:
            return None
    if cur is not None:
        if last_unit >= 100 and not zero_gap and cur < 10 and cur == cur.to_integral():
            cur *= last_unit // 10  # 两千三 = 2300
        total += cur
    return total


def _section(s: str) -> Decimal | None:
    """A section without 万/亿: Arabic (1.5, 3,500) or Chinese (两千三百)."""
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        return Decimal(s)
    return _small_cn(s)


def _big(s: str, big_units: tuple[tuple[str, int], ...]) -> Decimal | None:
    """Split at the largest place word (亿, then 万) and recurse: 12亿3500万, 三万五千."""
    if not big_units:
        return _section(s)
    (word, size), rest = big_units[0], big_units[1:]
    if word not in s:
        return _big(s, rest)
    head, _, tail = s.partition(word)
    high = _big(head, big_units) if head else Decimal(1)  # 一万亿: head may hold 万
    if high is None:
        return None
    if not tail:
        return high * size
    low = _big(tail, rest)
    if low is None:
        return None
    if _is_bare_digit(tail):
        low *= Decimal(size) / 10  # 三万五 = 35000, 一亿二 = 1.2亿
    return high * size + low


def _is_bare_digit(tail: str) -> bool:
    return len(tail) == 1 and tail in CN_DIGITS and CN_DIGITS[tail] != 0


_BIG_ORDER = (("亿", 10**8), ("万", 10**4))


def parse_decimal(s: str) -> Decimal | None:
    """The exact value of a written number, or None when it is not a well-formed number.

    Percent words give the percent number (百分之九十五 -> 95, 五成 -> 50); a fraction
    gives its value (三分之一 -> 1/3).
    """
    if not s or not s.strip():
        return None
    s = normalize_digits(s).replace("萬", "万").replace("億", "亿")
    try:
        m = _PERCENT_WORDS.match(s)
        if m:
            return _plain(m.group(1))
        m = _FRACTION.match(s)
        if m:
            den, num = _plain(m.group(1)), _plain(m.group(2))
            if den is None or num is None or den == 0:
                return None
            return num / den
        m = _TENTHS.match(s)
        if m:
            v = _plain(m.group(1))
            return None if v is None else v * 10
        return _plain(s)
    except (InvalidOperation, ValueError, ArithmeticError):
        return None


def _plain(s: str) -> Decimal | None:
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        return Decimal(s)
    if "万亿" in s:
        head, _, tail = s.partition("万亿")
        hi = _big(head, _BIG_ORDER) if head else Decimal(1)
        lo = _big(tail, _BIG_ORDER) if tail else Decimal(0)
        if hi is None or lo is None:
            return None
        return hi * 10**12 + lo
    return _big(s, _BIG_ORDER)


def parse_number(s: str) -> float | None:
    """The value of a written number as a float, or None (see :func:`parse_decimal`)."""
    v = parse_decimal(s)
    return None if v is None else float(v)


def to_float(v: Decimal) -> float:
    """A Decimal value as the nearest float; small values rounded to 9 places (1/3 -> 0.333333333)."""
    f = float(v)
    return round(f, 9) if abs(f) < 1e9 else f
