"""Character-level normalization of cleaned text.

Order matters: pinyin glosses (``區(qū)``) are removed before the
traditional-to-simplified conversion, which must not see them; OpenCC runs only
when the text is really traditional, since converting simplified text can
still change a few characters. Full-width digits and letters become ASCII so
that numbers read alike everywhere; Chinese punctuation stays as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# a tone-marked pinyin syllable in ASCII or full-width brackets right after a CJK character
PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]"
)
CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# every pinyin gloss holds one of these: a text without any has none to strip
_TONE_MARK = re.compile(f"[{_TONED}]")
CENSOR = re.compile(r"(?<=[\u3400-\u9fff])\*+|\*+(?=[\u3400-\u9fff])")
# full-width digits, letters, % and ． to ASCII; Chinese punctuation is left alone
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_WIDTH.update({0xFF05: ord("%"), 0xFF0E: ord(".")})
_WIDE = re.compile("[" + "".join(chr(c) for c in sorted(_WIDTH)) + "]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u3000\u202f\u205f\ufeff]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2002-\u200a\u3000\u202f\u205f\ufeff]")  # _SPACES but " "
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\u00ad\x0b\x0c]")
_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BREAK_CHARS = ("\r", "\u2028", "\u2029", "\x85")
# share of CJK characters that only exist in traditional script above which we convert
TRADITIONAL_SHARE = 0.12


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def traditional_chars() -> re.Pattern[str]:
    """The CJK characters OpenCC changes on their own, as one character class.

    Built once per process (about 30 ms) so that counting them is a single
    regex scan instead of a Python loop over every character of a page.
    """
    chars = (chr(c) for c in range(0x3400, 0xA000))
    changed = "".join(ch for ch in chars if _t2s().convert(ch) != ch)
    return re.compile(f"[{changed}]")


def strip_pinyin(text: str) -> str:
    """Remove tone-marked pinyin glosses after characters: ``區(qū)`` -> ``區``."""
    # PINYIN tries its lookbehind at every position; a class scans a page in C
    return PINYIN.sub("", text) if _TONE_MARK.search(text) else text


def traditional_share(text: str) -> float:
    """Share of CJK characters that OpenCC would change to simplified."""
    changed = traditional_chars().subn("", text)[1]  # counts without building a list of matches
    if not changed:  # most pages: no need to count every CJK character
        return 0.0
    return changed / cjk_count(text)


def cjk_count(text: str) -> int:
    """The number of CJK characters, counted by runs (a match per character costs thrice)."""
    return sum(map(len, _CJK_RUN.findall(text)))


def is_traditional(text: str) -> bool:
    """True when the text is written in traditional characters (not a stray one)."""
    return traditional_share(text) >= TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def fold_width(text: str) -> str:
    """Full-width digits, letters, ``%`` and ``．`` to ASCII."""
    # translate looks every character up in the table; most pages have none to fold
    return text.translate(_WIDTH) if _WIDE.search(text) else text


def collapse_space(text: str) -> str:
    """One space for any run of spaces, lines stripped, blank lines dropped."""
    if any(c in text for c in _BREAK_CHARS):  # ``in`` scans faster than the regex
        text = _BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    if "  " in text or _ODD_SPACE.search(text):  # else every run is one " " already
        text = _SPACES.sub(" ", text)  # no run holds a line break: the whole text at once
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def count_censored(text: str) -> int:
    """Censoring asterisks standing next to CJK characters (``区*``, ``中小*动场``)."""
    if "*" not in text:  # CENSOR tries its lookbehind at every position of a page
        return 0
    return sum(len(m.group()) for m in CENSOR.finditer(text))


def normalize(text: str) -> tuple[str, bool]:
    """Normalize a text; return it and whether it was traditional."""
    text = strip_pinyin(text)
    traditional = is_traditional(text)
    if traditional:
        text = to_simplified(text)
    return collapse_space(fold_width(text)), traditional
