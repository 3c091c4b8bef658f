"""Finding figures in clean text: every amount, share, count and area, normalized.

One compiled master regex reads ``[qualifier] number [range] [多/余] [万/亿] unit
[qualifier]`` with the units of ``rules/units.yaml``; a second reads bare indicator
values (``差异系数0.45``). Each candidate is then judged by the general rules of
``rules/figures.yaml``: names and slogans in short quotes, ordinals, words that
contain a numeral, the indefinite 一, page counters, durations. Finally each
figure gets its bound qualifier (``低于 0.15``) and its relation to a change
construct (``增长23.65%`` change, ``从14.8%升至26.63%`` from/to).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .errors import RuleError
from .model import Figure
from .numbers import CN_DIGITS, parse_decimal, to_float
from .rulefiles import (compile_regex, load_yaml, need, no_duplicates, no_unknown_keys, one_of,
                        str_list)

UNITS_FILE = "units.yaml"
FIGURES_FILE = "figures.yaml"
KINDS = ("money", "percent", "pp", "count", "area", "number")
QUALIFIERS = ("nearly", "about", "over", "at_least", "at_most")

# financial numerals (壹贰叁…) are left out: 伍 and 陆 end common words (队伍, 陆续)
_CN = "零〇○一二两三四五六七八九十百千"
_CN_DIG = "零〇○一二三四五六七八九"
_D = "[0-9０-９]"
ARABIC = (rf"{_D}{{1,3}}(?:(?:,|[ \u00a0\u2009]){_D}{{3}})+(?:[.．]{_D}+)?(?!{_D})"
          rf"|{_D}+(?:[.．]{_D}+)?")
_SEG = rf"(?:(?:{ARABIC})(?:[千百](?!分))?|[{_CN}]+(?:点[{_CN_DIG}]+)?)"
NUMCORE = rf"(?<![0-9０-９.．{_CN}]){_SEG}(?:(?:万亿|亿|万){_SEG})*"
# a time phrase allowed between the to-verb and the end value: 增长到2023年的126万亿元
_WHEN = r"(?:(?:[0-9]{4}年(?:底|末|初)?|目前|现在|当前|今年|去年|年底|年末)的?)"
_SP = r"[ \t\u3000\u00a0]{0,2}(?:\n[ \t\u3000\u00a0]*)?"


# -- rules --------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    form: str
    kind: str
    unit: str
    factor: Decimal
    not_before: tuple[str, ...] = ()
    needs_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    not_years: bool = False
    arabic_only: bool = False
    qualifier: str | None = None


@dataclass(frozen=True)
class Rules:
    """Everything the engine reads from rules/, compiled once per process."""

    units: dict[str, Unit]
    magnitudes: dict[str, Decimal]
    master: re.Pattern[str]
    indicator: re.Pattern[str]
    indicator_value: re.Pattern[str]
    enum_before: re.Pattern[str]
    prefix: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]
    suffix: dict[str, str]
    bounds: re.Pattern[str]
    bound_of: dict[str, str]
    far_bound: re.Pattern[str]
    respective_bound: re.Pattern[str]
    far_block: re.Pattern[str]
    change_re: re.Pattern[str]
    to_re: re.Pattern[str]
    to_between: re.Pattern[str]
    to_between_loose: re.Pattern[str]
    from_cue: re.Pattern[str]
    money_cue: re.Pattern[str]
    one_cue: re.Pattern[str]
    one_window: int
    cn_before: re.Pattern[str]
    cn_before_except: re.Pattern[str]
    arabic_before: re.Pattern[str]
    exclude_at: tuple[re.Pattern[str], ...]
    exclude_after: tuple[re.Pattern[str], ...]
    exclude_before: tuple[re.Pattern[str], ...]
    never: re.Pattern[str]
    carry: re.Pattern[str]
    tenths_word: str
    tenths_not_before: tuple[str, ...]
    quotes: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _load_units() -> tuple[dict[str, Unit], dict[str, Decimal]]:
    data, path = load_yaml(UNITS_FILE)
    no_unknown_keys(data, ("magnitudes", "units"), path, "<file>")
    mags = need(data, "magnitudes", dict, path, "<file>")
    magnitudes = {str(k): _factor(v, path, f"magnitudes.{k}") for k, v in mags.items()}
    units: dict[str, Unit] = {}
    seen = []
    for i, entry in enumerate(need(data, "units", list, path, "<file>")):
        loc = f"units[{i}]"
        no_unknown_keys(entry, ("forms", "kind", "unit", "factor", "not_before", "needs_before",
                                "not_after", "not_years", "arabic_only", "qualifier"), path, loc)
        kind = one_of(need(entry, "kind", str, path, loc), KINDS, path, f"{loc}.kind")
        factor = _factor(need(entry, "factor", (int, float, str), path, loc, 1), path, loc)
        for form in str_list(entry, "forms", path, loc):
            seen.append((form, f"{loc}.forms"))
            units[form] = Unit(form, kind, need(entry, "unit", str, path, loc), factor,
                               tuple(str_list(entry, "not_before", path, loc, [])),
                               tuple(str_list(entry, "needs_before", path, loc, [])),
                               tuple(str_list(entry, "not_after", path, loc, [])),
                               need(entry, "not_years", bool, path, loc, False),
                               need(entry, "arabic_only", bool, path, loc, False),
                               _unit_qualifier(entry, path, loc))
    no_duplicates(seen, path, "unit form")
    return units, magnitudes


def _unit_qualifier(entry: dict, path: str, loc: str) -> str | None:
    q = need(entry, "qualifier", str, path, loc, None)
    return None if q is None else one_of(q, QUALIFIERS, path, f"{loc}.qualifier")


def _factor(raw: int | float | str, path: str, loc: str) -> Decimal:
    """A unit factor: a number, or an exact ratio written "10000/15" (1 亩 in m²)."""
    try:
        if isinstance(raw, str):
            num, _, den = raw.partition("/")
            return Decimal(num.strip()) / Decimal(den.strip() or "1")
        return Decimal(str(raw))
    except (ArithmeticError, ValueError):
        raise RuleError(path, f"{loc}.factor", f"not a number or ratio: {raw!r}") from None


def _prefixes(data: dict, path: str) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    out = {}
    items = []
    for i, e in enumerate(need(data, "prefix_qualifiers", list, path, "<file>")):
        loc = f"prefix_qualifiers[{i}]"
        no_unknown_keys(e, ("word", "qualifier", "not_after", "only_before"), path, loc)
        word = need(e, "word", str, path, loc)
        q = one_of(need(e, "qualifier", str, path, loc), QUALIFIERS, path, f"{loc}.qualifier")
        items.append((word, loc))
        out[word] = (q, tuple(str_list(e, "not_after", path, loc, [])),
                     tuple(str_list(e, "only_before", path, loc, [])))
    no_duplicates(items, path, "prefix qualifier")
    return out


_FIG_KEYS = ("prefix_qualifiers", "suffix_qualifiers", "approx_words", "bounds", "bound_fillers", "far_bound_block", "far_bound_ends", "range_separators",
             "to_verbs", "change_verbs", "change_not_after", "to_not_after", "verb_fillers", "verb_adverbs", "from_words", "indicator_words",
             "indicator_links", "money_cues", "one_cues", "one_window", "cn_word_before", "cn_word_before_except",
             "arabic_word_before", "never_words", "tenths", "exclude_regex", "exclude_after_regex",
             "exclude_before_regex",
             "short_quote_max")


def _qual_map(data: dict, key: str, path: str) -> dict[str, str]:
    raw = need(data, key, dict, path, "<file>")
    return {str(w): one_of(q, QUALIFIERS, path, f"{key}.{w}") for w, q in raw.items()}


def _bounds(data: dict, path: str) -> dict[str, str]:
    raw = need(data, "bounds", dict, path, "<file>")
    out: dict[str, str] = {}
    items = []
    for q, words in raw.items():
        one_of(q, QUALIFIERS, path, f"bounds.{q}")
        for w in str_list(raw, q, path, "bounds"):
            items.append((w, f"bounds.{q}"))
            out[w] = q
    no_duplicates(items, path, "bound word")
    return out


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Load and validate units.yaml and figures.yaml; compile the regexes once."""
    units, mags = _load_units()
    data, path = load_yaml(FIGURES_FILE)
    if not isinstance(data, dict):
        raise RuleError(path, "<file>", "expected a mapping")
    no_unknown_keys(data, _FIG_KEYS, path, "<file>")
    lst = {k: str_list(data, k, path, "<file>") for k in _FIG_KEYS
           if k not in ("prefix_qualifiers", "suffix_qualifiers", "bounds", "one_window",
                        "tenths", "short_quote_max")}
    prefix = _prefixes(data, path)
    suffix = _qual_map(data, "suffix_qualifiers", path)
    bound_of = _bounds(data, path)
    tenths = need(data, "tenths", dict, path, "<file>")
    no_unknown_keys(tenths, ("word", "not_before"), path, "tenths")
    master = _master(units, mags, prefix, suffix, lst, need(tenths, "word", str, path, "tenths"),
                     path)
    return Rules(
        units=units, magnitudes=mags, master=master,
        indicator=_indicator_re(lst, bound_of, units, suffix, path),
        indicator_value=re.compile(rf"{_YEAR_LINK}|(?P<rev>{_REV})?(?:{ARABIC}|{_CN_DECIMAL})"
                                   rf"(?P<suf>{_alt(list(suffix))})?"),
        enum_before=re.compile(rf"(?<![0-9０-９.．{_CN}])(?P<num>{ARABIC})[ \t]*[、和与及][ \t]*$"),
        prefix=prefix, suffix=suffix,
        bounds=compile_regex(rf"(?P<word>{_alt(list(bound_of))})(?:{_alt(lst['bound_fillers'])})?[ \t]*$",
                             path, "bounds"),
        bound_of=bound_of,
        far_bound=compile_regex(rf"(?P<word>{_alt(list(bound_of))})(?P<mid>[^，。；：,;:!?！？\n\d%％]{{0,22}}"
                                rf"(?:{_alt(lst['far_bound_ends'])}))$",
                                path, "bounds"),
        respective_bound=compile_regex(
            rf"分别(?P<word>{_alt(list(bound_of))})[^，。；：,;:!?！？\n]{{1,16}}?[、和与及][ \t]*$",
            path, "bounds"),
        far_block=compile_regex(rf"{_alt(lst['to_verbs'] + lst['change_verbs'] + lst['far_bound_block'])}",
                                path, "far_bound_block"),
        **_verb_patterns(lst, units, list(bound_of), path),
        money_cue=compile_regex(_alt(lst["money_cues"]), path, "money_cues"),
        one_cue=compile_regex(rf"(?:{_alt(lst['one_cues'])})[^\s，。；,;]{{0,2}}$", path, "one_cues"),
        one_window=need(data, "one_window", int, path, "<file>"),
        cn_before=compile_regex(rf"(?:{_alt(lst['cn_word_before'])})$", path, "cn_word_before"),
        cn_before_except=compile_regex(rf"(?:{_alt(lst['cn_word_before_except'])})$", path,
                                       "cn_word_before_except"),
        arabic_before=compile_regex(rf"(?:{_alt(lst['arabic_word_before'])})$", path,
                                    "arabic_word_before"),
        exclude_at=tuple(compile_regex(p, path, f"exclude_regex[{i}]")
                         for i, p in enumerate(lst["exclude_regex"])),
        exclude_after=tuple(compile_regex(p, path, f"exclude_after_regex[{i}]")
                            for i, p in enumerate(lst["exclude_after_regex"])),
        exclude_before=tuple(compile_regex(p, path, f"exclude_before_regex[{i}]")
                             for i, p in enumerate(lst["exclude_before_regex"])),
        never=compile_regex(_alt(lst["never_words"]), path, "never_words"),
        tenths_word=tenths["word"],
        tenths_not_before=tuple(str_list(tenths, "not_before", path, "tenths", [])),
        quotes=_quotes_re(need(data, "short_quote_max", int, path, "<file>")),
    )


_CN_DECIMAL = "[零〇一二三四五六七八九]点[零〇一二三四五六七八九]+"
# a year between an indicator and its value (由2021年的0.512降至0.386): a link, never a value
_YEAR_LINK = r"(?P<year>(?:19|20)[0-9]{2}年(?:底|末|初|度)?)"
# the reverse ratio 1:X (师生比1∶16.2), read only after an indicator word: X with unit "1:"
_REV = r"1[:：∶](?![1１](?![0-9０-９.．]))(?=[0-9０-９])"
REV_UNIT = "1:"


def _indicator_re(lst: dict[str, list[str]], bound_of: dict[str, str], units: dict[str, Unit],
                  suffix: dict[str, str], path: str) -> re.Pattern[str]:
    """Bare values after an indicator word, with the values listed after it, in one clause.

    差异系数0.45, 差异率低于 0.15, 分别为0.42、0.35, 小学不高于0.45、初中不高于0.40,
    分别降至零点三二和零点二九, 均低于国家规定的0.50和0.45, 降至0.40以下, 师生比1∶16.2.
    Past the first value, a value joined without a separator (、，和/) must be a decimal:
    小学由2021年的0.512降至0.386 (a year and a to-verb between), 小学 0.281 初中 0.266
    ≤0.50/≤0.45 (a table row as text: spaces and level words between).
    """
    bounds = _alt(list(bound_of))
    item = rf"(?:{_alt(lst['indicator_links'])}|{bounds}|{_YEAR_LINK.replace('?P<year>', '')}的?)"
    link = rf"(?:{item}|[ \t])*"
    suf = rf"(?:{_alt(list(suffix))})?"
    val = rf"(?:{_REV})?(?:{ARABIC}|{_CN_DECIMAL}){suf}"
    dec = rf"(?:{_D}+[.．]{_D}+(?![0-9０-９])|{_CN_DECIMAL}){suf}"
    gap = rf"[ \t]*[、，,和与及/][ \t]*(?:[^\d，。；,;、\n]{{1,4}}?)?{link}"
    # no separator: spaces, link words, at most four other characters (小学, 初中由) between
    bare_gap = rf"(?=[^0-9０-９.．])[ \t]*(?:[^\d，。；,;、/\n%％:：∶]{{1,4}}?[ \t]*)?{link}"
    firsts = re.escape("".join(sorted({w[0] for w in list(bound_of) + lst["indicator_words"]})))
    return compile_regex(
        rf"(?=[{firsts}])(?P<bound0>{bounds})?(?:{_alt(lst['indicator_words'])})[^，。；,;\d%\n]{{0,8}}?{link}"
        rf"(?P<nums>{val}(?:{gap}{val}|{bare_gap}{dec})*)"
        rf"(?![0-9０-９%％.．:：∶]|[ \t]*(?:{_alt(list(units))}|年|月|日|万|亿))",
        path, "indicator_words")


def _verb_patterns(lst: dict[str, list[str]], units: dict[str, Unit], bounds: list[str],
                   path: str) -> dict[str, Any]:
    """The change-construct regexes: verb before a figure, verb between two, carried end value.

    A bound word may stand between the verb and the number (增长超过10%, 提高到不低于90%).
    """
    fill = f"(?:{_alt(lst['verb_fillers'])})?(?:{_alt(bounds)})?"
    to = _alt(lst["to_verbs"])
    adv = f"(?:{_alt(lst['verb_adverbs'])})?"
    return dict(
        change_re=compile_regex(
            rf"(?<![{''.join(lst['change_not_after'])}])(?:{_alt(lst['change_verbs'])}){fill}"
            r"[ \t“‘「]*$", path, "change_verbs"),
        to_re=compile_regex(rf"(?<![{''.join(lst['to_not_after'])}])(?:{to})了?[ \t]*{_WHEN}?"
                            rf"(?:{_alt(bounds)})?[ \t“‘「]*$",
                            path, "to_verbs"),
        to_between=compile_regex(rf"^[ \t]*{adv}(?:{to})了?[ \t]*{_WHEN}?[ \t]*$", path, "to_verbs"),
        to_between_loose=compile_regex(
            rf"^[^，。；,;\d%％\n]{{0,6}}?{adv}(?:{to})了?[ \t]*{_WHEN}?[ \t]*$", path, "to_verbs"),
        from_cue=compile_regex(rf"(?:{_alt(lst['from_words'])})[^，。；,;\n]{{0,10}}$", path, "from_words"),
        carry=compile_regex(
            rf"[ \t]*(?:{to})了?[ \t]*(?P<num>{ARABIC})"
            rf"(?![0-9０-９.．%％]|[ \t]*(?:{_alt(list(units))}|年|月|日|万|亿|[A-Za-z]))",
            path, "to_verbs"),
    )


def _quotes_re(quote_max: int) -> re.Pattern[str]:
    """Short quotes without sentence punctuation hold names and slogans; book titles always do.

    A quote with 。，；！？ inside is reported speech (“我们新建学校3所。”), not a name.
    """
    q = quote_max
    inner = "\\n。！？，；,;!?"
    return re.compile(
        rf"“[^“”{inner}]{{1,{q}}}”|‘[^‘’{inner}]{{1,{q}}}’|「[^「」{inner}]{{1,{q}}}」"
        rf"|『[^『』{inner}]{{1,{q}}}』|\"[^\"\s{inner}][^\"{inner}]{{0,{q - 1}}}\"|《[^《》\n]*》")


def _master(units: dict[str, Unit], mags: dict[str, Decimal], prefix: dict, suffix: dict,
            lst: dict[str, list[str]], tenths: str, path: str) -> re.Pattern[str]:
    unit_alt = _alt(list(units))
    mag_alt = _alt(list(mags))
    approx = _alt(lst["approx_words"])
    # every match starts with one of these: a cheap first test at each position (3x faster)
    firsts = re.escape("".join(sorted({w[0] for w in prefix}))) + "0-9０-９¥￥" + _CN
    pattern = (
        rf"(?=[{firsts}])"
        rf"(?P<pre>{_alt(list(prefix))})?(?P<cur>[¥￥])?"
        rf"(?:百分之(?P<pw>{ARABIC}|[{_CN}]+(?:点[{_CN_DIG}]+)?)"
        rf"|(?P<fd>{ARABIC}|[{_CN}]+)分之(?P<fn>{ARABIC}|[{_CN}]+(?:点[{_CN_DIG}]+)?)"
        rf"|(?:(?P<num>{NUMCORE})|(?(pre)(?=(?:{mag_alt}))|(?!)))"
        rf"(?:(?P<mag1>{mag_alt})?(?P<u1>{unit_alt})?[ \t]?(?P<rsep>{_alt(lst['range_separators'])})[ \t]?"
        rf"(?P<num2>{NUMCORE}))?"
        rf"(?P<ap1>{approx})?(?:[ \t]?(?P<mag>{mag_alt}))?(?P<ap2>{approx})?"
        rf"(?:{_SP}(?P<unit>{unit_alt})|(?<=[万亿])(?P<nounit>)|(?P<tenths>{re.escape(tenths)})"
        rf"|(?(cur)(?P<curonly>)|(?!))))"
        rf"(?P<post>{_alt(list(suffix))})?"
    )
    return compile_regex(pattern, path, "<master pattern>")


# -- reading one candidate ----------------------------------------------------

@dataclass
class _Cand:
    """A candidate being judged: its span, parts and the figure fields so far."""

    start: int
    end: int
    kind: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    qualifier: str | None
    rule: str
    numeric: bool = True  # written with Arabic digits


def _step(v: Decimal) -> Decimal:
    """The place of the last significant digit: 2900 -> 100, 1.3 -> 0.1 (bounds 多/余)."""
    v = abs(v)
    if v == 0:
        return Decimal(1)
    t = v.normalize().as_tuple()
    return Decimal(1).scaleb(int(t.exponent))


_PAIR = re.compile(r"^([一两二三四五六七八])([二三四五六七八九])([十百千]?)$")


def _pair(num: str, mag: str | None, rules: Rules) -> tuple[Decimal, Decimal] | None:
    """Two neighbouring digits are an approximate range: 三四所 = 3-4, 五六十人 = 50-60."""
    m = _PAIR.match(num)
    if not m:
        return None
    lo, hi = CN_DIGITS[m.group(1)], CN_DIGITS[m.group(2)]
    if hi != lo + 1:
        return None
    scale = parse_decimal(m.group(3) or "一") or Decimal(1)
    scale *= rules.magnitudes[mag] if mag else 1
    return lo * scale, hi * scale


def _num_value(num: str, mag: str | None, rules: Rules) -> Decimal | None:
    if mag and mag not in rules.magnitudes:
        return None
    return parse_decimal(num + mag if mag else num) if num else (
        rules.magnitudes[mag] if mag else None)


def _pre_ok(text: str, m: re.Match[str], rules: Rules) -> bool:
    """A prefix qualifier counts unless it is the tail of a word (通过, 最近, 节约)."""
    word = m.group("pre")
    _, not_after, only_before = rules.prefix[word]
    before = text[max(0, m.start() - 1):m.start()]
    if before and before in not_after:
        return False
    if only_before:
        nxt = text[m.end("pre"):m.end("pre") + 1]
        return nxt in only_before
    return True


# patterns of the per-candidate checks, compiled once (``re.match(str, …)`` looks its
# pattern up in re's cache on every call)
_DIGIT = re.compile(_D)
_LEADING_ZERO = re.compile(r"[0０][0-9０-９]")
_CUT_SEPARATOR = re.compile(r"[0-9０-９][,.．]$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLAUSE_END = re.compile(r"[，。；！？,;\n]")
_CODE_CHAR = re.compile(r"[0-9０-９A-Za-z%％)）]")
_ARABIC_RE = re.compile(ARABIC)


def _numeral_ok(text: str, m: re.Match[str], rules: Rules, has_qual: bool) -> bool:
    """Judge the written number: ordinals, words with numerals, bare 百/千, the indefinite 一."""
    num = m.group("num") or ""
    start = m.start("num") if m.group("num") is not None else m.end("pre")
    before = text[max(0, start - 4):start]
    if not num:
        return True
    if _DIGIT.match(num):
        if _LEADING_ZERO.match(num):
            return False  # 0591: a code or a phone area number, not an amount
        if _CUT_SEPARATOR.search(before):
            return False  # 25,6万元: a damaged number; emit nothing rather than guess
        return not rules.arabic_before.search(before)
    if not m.group("pre") and rules.cn_before.search(before) and not rules.cn_before_except.search(before):
        return False  # 高一 is a grade, but 提高一点二个百分点 a change
    if set(num) <= set("十百千拾佰仟") and num not in ("十", "拾") and not has_qual:
        return False  # 千家万户: a bare place word is an amount only with 近/上/过
    return True


def _unit_ok(text: str, m: re.Match[str], unit: Unit) -> bool:
    after = text[m.end("unit"):m.end("unit") + 4]
    if any(after.startswith(w) for w in unit.not_before):
        return False
    if unit.arabic_only and not _DIGIT.match(m.group("num") or ""):
        return False
    if unit.not_years and _YEAR.fullmatch(m.group("num") or ""):
        return False  # 2023届毕业生: a cohort named by its year
    if unit.not_after:
        before = text[max(0, m.start() - 4):m.start()]
        if any(before.endswith(w) for w in unit.not_after):
            return False  # 三年级二班: a class named by its number
    if unit.needs_before:
        before = text[max(0, m.start() - 2):m.start()]
        return any(before.endswith(w) for w in unit.needs_before)
    return True


def _one_ok(text: str, m: re.Match[str], rules: Rules, kind: str, has_qual: bool) -> bool:
    """A lone 一 with a measure word is the indefinite article unless qualified or cued (各建一所)."""
    if m.group("num") not in ("一", "壹") or kind != "count" or has_qual or m.group("mag"):
        return True
    window = text[max(0, m.start() - rules.one_window):m.start()]
    return bool(rules.one_cue.search(window))


def _words_fig(m: re.Match[str]) -> tuple[str, Decimal | None, str] | None:
    if m.group("pw") is not None:
        return "percent", parse_decimal(m.group("pw")), "percent_words"
    den, num = parse_decimal(m.group("fd")), parse_decimal(m.group("fn"))
    if den is None or num is None or den == 0 or num > den:
        return None
    return "percent", num / den * 100, "fraction"


def _kind_unit(text: str, m: re.Match[str], rules: Rules) -> tuple[str, str, Decimal, str] | None:
    """(kind, unit, factor, rule) from the unit group, the tenths word, or a money cue."""
    if m.group("unit") is not None:
        unit = rules.units[m.group("unit")]
        if not _unit_ok(text, m, unit):
            return None
        return unit.kind, unit.unit, unit.factor, "unit"
    if m.group("tenths") is not None:
        num = m.group("num") or ""
        after = text[m.end("tenths"):m.end("tenths") + 2]
        if (len(num) != 1 or num not in CN_DIGITS and num != "十" or m.group("mag")
                or any(after.startswith(w) for w in rules.tenths_not_before)):
            return None
        return "percent", "%", Decimal(10), "tenths"
    if m.group("cur") is not None:
        return "money", "元", Decimal(1), "currency_sign"  # ¥5000, ¥1.2万
    clause = _CLAUSE_END.split(text[max(0, m.start() - 16):m.start()])[-1]
    if m.group("mag") and rules.money_cue.search(clause):
        return "money", "元", Decimal(1), "magnitude_money"
    return None


def _qualifier(m: re.Match[str], rules: Rules, pre_ok: bool) -> str | None:
    if m.group("unit") and rules.units[m.group("unit")].qualifier:
        return rules.units[m.group("unit")].qualifier
    if m.group("post"):
        return rules.suffix[m.group("post")]
    if m.groupdict().get("ap1") or m.groupdict().get("ap2"):
        return "over"
    if m.group("pre") and pre_ok:
        return rules.prefix[m.group("pre")][0]
    return None


def _read(text: str, m: re.Match[str], rules: Rules) -> _Cand | None:
    """Turn one master-regex match into a candidate figure, or None when a rule rejects it."""
    pre_ok = bool(m.group("pre")) and _pre_ok(text, m, rules)
    start = m.start() if pre_ok or not m.group("pre") else m.end("pre")
    if m.group("pre") and not pre_ok and m.group("num") is None and m.group("pw") is None \
            and m.group("fd") is None:
        return None
    qual = _qualifier(m, rules, pre_ok)
    if m.group("pw") is not None or m.group("fd") is not None:
        got = _words_fig(m)
        if got is None or got[1] is None:
            return None
        return _Cand(start, m.end(), got[0], got[1], None, "%", qual, got[2], False)
    bounded = qual is not None or bool(rules.bounds.search(text, max(0, start - 9), start))
    if not _numeral_ok(text, m, rules, bounded):
        return None
    ku = _kind_unit(text, m, rules)
    if ku is None:
        return None
    kind, unit, factor, rule = ku
    if not _one_ok(text, m, rules, kind, bounded):
        return None
    value = _num_value(m.group("num") or "", m.group("mag1") or m.group("mag"), rules)
    vmax = None
    pair = _pair(m.group("num") or "", m.group("mag"), rules) if value is None else None
    if pair is not None:
        value, vmax, rule = pair[0], pair[1] * factor, "pair"
    if value is None:
        return None
    if m.group("num2") is not None:
        hi = _num_value(m.group("num2"), m.group("mag"), rules)
        if hi is None or hi <= value or (m.group("u1") and m.group("u1") != m.group("unit")):
            return None
        vmax, rule = hi * factor, "range"
    elif m.group("ap1") or m.group("ap2"):
        base = parse_decimal(m.group("num") or "1") or Decimal(1)
        vmax = value + _step(base) * (rules.magnitudes[m.group("mag")] if m.group("mag") else 1)
        vmax *= factor
    numeric = bool(_DIGIT.match(m.group("num") or ""))
    if numeric and start == m.start("num") and _minus(text, start):
        start, value, vmax = start - 1, -value, None  # 增长-3.2%
    return _Cand(start, m.end(), kind, value * factor, vmax, unit, qual, rule, numeric)


def _minus(text: str, pos: int) -> bool:
    """A minus sign glued to the number, not a range dash or a code separator after a digit."""
    if pos == 0 or text[pos - 1] not in "-－−":
        return False
    return pos < 2 or not _CODE_CHAR.match(text[pos - 2])


# -- context rules over the whole text ------------------------------------------

def _excluded(text: str, c: _Cand, rules: Rules, names: list[tuple[int, int]]) -> bool:
    """Page counters, durations, rank bands, codes, and figures inside names or titles."""
    after = text[c.end:c.end + 6]
    if any(p.search(after) for p in rules.exclude_after):
        return True
    if any(p.match(text, c.start) for p in rules.exclude_at):
        return True
    if rules.never.match(text, c.start) or rules.never.match(text, max(0, c.start - 1)):
        return True
    before = text[max(0, c.start - 16):c.start]
    if any(p.search(before) for p in rules.exclude_before):
        return True
    i = bisect.bisect_right(names, (c.start, len(text) + 1)) - 1
    if i < 0 or not (names[i][0] <= c.start and c.end <= names[i][1]):
        return False
    return (names[i][0] + 1, names[i][1] - 1) != (c.start, c.end)  # “100%” alone is emphasis


def _name_spans(text: str, rules: Rules) -> list[tuple[int, int]]:
    return [m.span() for m in rules.quotes.finditer(text)]


def _bound(text: str, c: _Cand, rules: Rules, prev_end: int) -> None:
    """低于 0.15 / 不少于5所: the bound word sets the qualifier; the surface leaves it out.

    A bound may also govern a noun phrase that ends in the figure (不低于应交流教师总数的15%),
    when no verb stands between them (not 不低于标准的学校达到95%).
    """
    if c.qualifier is not None:
        return
    m = rules.bounds.search(text, max(0, c.start - 9), c.start)
    if m:
        c.qualifier = rules.bound_of[m.group("word")]
        return
    far = rules.far_bound.search(text, max(prev_end, c.start - 30), c.start)
    if far and not rules.far_block.search(far.group("mid")):
        c.qualifier = rules.bound_of[far.group("word")]
        return
    resp = rules.respective_bound.search(text, max(0, c.start - 24), c.start)
    if resp:  # 分别不超过45人、50人: the bound before 分别's list bounds each value in it
        c.qualifier = rules.bound_of[resp.group("word")]


def _indicators(text: str, rules: Rules) -> list[_Cand]:
    """Bare values after an indicator word (see :func:`_indicator_re`), each with its qualifier:
    its own suffix (0.40以下), else a bound right before it, else the bound before the list."""
    out = []
    for m in rules.indicator.finditer(text):
        group_q = rules.bound_of[m.group("bound0")] if m.group("bound0") else None
        base = m.start("nums")
        for n in rules.indicator_value.finditer(m.group("nums")):
            if n.group("year"):
                continue  # 由2021年的0.512: the year links, it is no value
            num = n.group()[:n.start("suf") - n.start()] if n.group("suf") else n.group()
            v = parse_decimal(num[n.end("rev") - n.start():] if n.group("rev") else num)
            if v is None:
                continue
            start = base + n.start()
            near = rules.bounds.search(text, max(0, start - 9), start)
            qual = (rules.suffix[n.group("suf")] if n.group("suf")
                    else rules.bound_of[near.group("word")] if near else group_q)
            out.append(_Cand(start, base + n.end(), "number", v, None,
                             REV_UNIT if n.group("rev") else "", qual, "indicator"))
    return out


def _enumerated(text: str, cands: list[_Cand], rules: Rules) -> list[_Cand]:
    """分别为8.6、7.2亿元: bare numbers listed before a figure share its unit and scale."""
    out = []
    for c in cands:
        if not c.numeric or c.rule not in ("unit", "range") or c.qualifier or c.value_max:
            continue
        surface = text[c.start:c.end]
        head = _ARABIC_RE.match(surface)
        base = parse_decimal(head.group()) if head else None
        if not base:
            continue
        scale = c.value / base
        end = c.start
        while True:
            m = rules.enum_before.search(text, max(0, end - 24), end)
            if not m or _line_start(text, m.start()):
                break
            v = parse_decimal(m.group("num"))
            if v is None:
                break
            out.append(_Cand(m.start("num"), m.end("num"), c.kind, v * scale, None, c.unit, None,
                             "enumeration"))
            end = m.start("num")
    return out


def _carried(text: str, cands: list[_Cand], rules: Rules) -> list[_Cand]:
    """由12.6%下降到0: a bare end value after a to-verb takes the start value's share unit."""
    out = []
    for c in cands:
        if c.kind not in ("percent", "pp") or c.rule not in ("unit", "range"):
            continue
        m = rules.carry.match(text, c.end)
        v = parse_decimal(m.group("num")) if m else None
        if m and v is not None:
            out.append(_Cand(m.start("num"), m.end("num"), c.kind, v, None, c.unit, None, "carried"))
    return out


_JOINED = re.compile(r"[ \t]*(?:和|、|与|及|或)[ \t]*")


def _elided_pp(text: str, cands: list[_Cand]) -> list[_Cand]:
    """下降6.5个和9.3个百分点: a count in 个 joined by 和/、 to a percentage-point figure
    shares its unit (the writer said 个百分点 once); chains are read right to left.
    More than 100 is a real count (新增学位300个和…)."""
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        c, n = out[i], out[i + 1]
        if (c.kind == "count" and c.unit == "个" and n.kind == "pp" and c.value <= 100
                and _JOINED.fullmatch(text, c.end, n.start)):
            out[i] = _Cand(c.start, c.end, "pp", c.value, c.value_max, n.unit, c.qualifier, c.rule,
                           c.numeric)
    return out


def _line_start(text: str, pos: int) -> bool:
    return text[text.rfind("\n", 0, pos) + 1:pos].strip() == ""


def _relations(text: str, figs: list[_Cand], rules: Rules) -> list[str | None]:
    """change / from / to for each figure, from the verb before it and the figure after it."""
    rel: list[str | None] = []
    for i, c in enumerate(figs):
        lo = max(0, c.start - 14)
        if figs[i - 1:i] and figs[i - 1].end > lo:
            lo = figs[i - 1].end
        if rules.change_re.search(text, lo, c.start):
            r: str | None = "change"
        elif rules.to_re.search(text, lo, c.start):
            r = "to"
        else:
            r = None
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        if r is None and nxt is not None and _starts_change(text, c, nxt, rules):
            r = "from"
        rel.append(r)
    return rel


def _starts_change(text: str, c: _Cand, nxt: _Cand, rules: Rules) -> bool:
    """c is the start value of 从/由 c …升至 nxt, or of c 降到 nxt written back to back."""
    between = text[c.end:nxt.start]
    if rules.to_between.match(between):
        return True
    return bool(rules.to_between_loose.match(between)
                and rules.from_cue.search(text, max(0, c.start - 12), c.start))


def _drop_overlaps(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` (see CONTRACT.md), sorted by start and non-overlapping.

    ``text[f.start:f.end] == f.surface`` for each; values are finite and normalized
    (money in yuan, percent as the number, area in square metres).
    """
    rules = load_rules()
    names = _name_spans(text, rules)
    cands = []
    for m in rules.master.finditer(text):
        c = _read(text, m, rules)
        if c is not None and not _excluded(text, c, rules, names):
            cands.append(c)
    cands += [c for c in _indicators(text, rules) if not _excluded(text, c, rules, names)]
    cands = _drop_overlaps(cands)
    cands = _drop_overlaps(cands + _enumerated(text, cands, rules) + _carried(text, cands, rules))
    cands = _elided_pp(text, cands)
    for i, c in enumerate(cands):
        _bound(text, c, rules, cands[i - 1].end if i else 0)
    rels = _relations(text, cands, rules)
    return [Figure(start=c.start, end=c.end, surface=text[c.start:c.end], kind=c.kind,
                   value=to_float(c.value),
                   value_max=None if c.value_max is None else to_float(c.value_max),
                   unit=c.unit or None, qualifier=c.qualifier, relation=r, rule=c.rule)
            for c, r in zip(cands, rels)]
