"""Time phrases, figure periods and the document's as-of year.

The vocabulary (plan periods, relative words, phrase patterns) lives in
``rules/time.yaml``; this module only finds phrases, resolves them against the
as-of year, and decides which phrase governs a figure. Relative phrases
(以来, 近三年, 今年) need the as-of year, so :func:`find_time_phrases` keeps them
unresolved and :func:`resolve` finishes them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import RuleError
from .rulefiles import compile_regex, load_yaml, need, no_unknown_keys, one_of
from .wordscan import PatternIndex

TIME_RULES = "time.yaml"
KINDS = ("range", "list", "since", "year", "recent", "plan", "now", "relative", "relative_since", "same")
DATED = ("range", "list", "year")  # kinds that name their years outright (what 同年 refers back to)
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class TimePhrase:
    """A time phrase in the text; ``a``/``b`` are years or offsets depending on ``kind``."""

    start: int
    end: int
    kind: str
    a: int | None = None
    b: int | None = None
    target: bool = False  # a goal date (到2025年, 十四五末 after 力争)
    base: bool = False  # a comparison base (较上年), never a period

    def period(self, as_of: int | None) -> tuple[int, int] | None:
        """The [start, end] years this phrase names, given the as-of year."""
        return resolve(self, as_of)


@dataclass(frozen=True)
class TimeRules:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    relative: dict[str, int]
    relative_re: re.Pattern[str]
    plans: dict[str, tuple[int, int]]
    base_before: re.Pattern[str]
    base_after: re.Pattern[str]
    target_before: re.Pattern[str]
    target_after: re.Pattern[str]
    actual_before: re.Pattern[str]
    actual_in_sentence: re.Pattern[str]
    current_signs: re.Pattern[str]
    current_gap: int
    fresh_signs: re.Pattern[str]
    list_marker: re.Pattern[str]
    review: re.Pattern[str]
    review_head: int
    table_caption: re.Pattern[str]
    table_row: re.Pattern[str]
    from_before: re.Pattern[str]
    # the patterns, then relative_re, found together (one automaton pass over their prefixes)
    index: PatternIndex


_TOP_KEYS = ("year_digits", "patterns", "relative", "plans", "base_before", "base_after",
             "target_before", "target_after", "actual_before", "actual_in_sentence",
             "current_signs", "current_gap", "fresh_signs", "list_marker", "table_caption", "table_row",
             "from_before", "review", "review_head")


def _plans(data: dict, path: str) -> dict[str, tuple[int, int]]:
    plans = need(data, "plans", dict, path, "<file>")
    out = {}
    for name, span in plans.items():
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(y, int) for y in span)):
            raise RuleError(path, f"plans.{name}", "expected [first year, last year]")
        if span[1] < span[0]:
            raise RuleError(path, f"plans.{name}", "last year precedes first year")
        out[str(name)] = (span[0], span[1])
    return out


def _patterns(data: dict, path: str, plans: dict[str, tuple[int, int]]) -> tuple:
    years = need(data, "year_digits", str, path, "<file>")
    plan_alt = "|".join(sorted(map(re.escape, plans), key=len, reverse=True))
    out = []
    for i, entry in enumerate(need(data, "patterns", list, path, "<file>")):
        loc = f"patterns[{i}]"
        no_unknown_keys(entry, ("kind", "regex"), path, loc)
        kind = one_of(need(entry, "kind", str, path, loc), KINDS, path, f"{loc}.kind")
        source = need(entry, "regex", str, path, loc).replace("{Y}", years).replace("{PLAN}", plan_alt)
        out.append((kind, compile_regex(source, path, f"{loc}.regex")))
    return tuple(out)


@lru_cache(maxsize=4)
def load_time_rules(path: str | None = None) -> TimeRules:
    """``rules/time.yaml``, validated and compiled once per process."""
    data, shown = load_yaml(path or TIME_RULES)
    no_unknown_keys(data, _TOP_KEYS, shown, "<file>")
    plans = _plans(data, shown)
    relative = need(data, "relative", dict, shown, "<file>")
    for word, off in relative.items():
        if not isinstance(off, int):
            raise RuleError(shown, f"relative.{word}", "expected an integer year offset")
    rel_alt = "|".join(sorted(map(re.escape, relative), key=len, reverse=True))

    def rx(key: str) -> re.Pattern[str]:
        return compile_regex(need(data, key, str, shown, "<file>"), shown, key)

    patterns = _patterns(data, shown, plans)
    relative_re = re.compile(rel_alt)
    return TimeRules(
        patterns=patterns, relative=dict(relative),
        relative_re=relative_re, plans=plans,
        base_before=rx("base_before"), base_after=rx("base_after"),
        target_before=rx("target_before"), target_after=rx("target_after"),
        actual_before=rx("actual_before"), actual_in_sentence=rx("actual_in_sentence"),
        current_signs=rx("current_signs"),
        current_gap=need(data, "current_gap", int, shown, "<file>"),
        fresh_signs=rx("fresh_signs"),
        list_marker=rx("list_marker"),
        table_caption=rx("table_caption"),
        table_row=rx("table_row"),
        from_before=rx("from_before"),
        review=rx("review"),
        review_head=need(data, "review_head", int, shown, "<file>"),
        index=PatternIndex([rx for _, rx in patterns] + [relative_re]),
    )


# -- finding phrases -----------------------------------------------------------

def _year(s: str) -> int:
    s = s.strip()
    if s.isdigit():
        return int(s)
    return int("".join(str(_CN_DIGIT[c]) for c in s))


def _small_number(s: str) -> int:
    """1–99 in Arabic or Chinese digits (近三年, 十年来, 近10年)."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGIT[s[1]]
    if len(s) == 2 and s[1] == "十":
        return _CN_DIGIT[s[0]] * 10
    return _CN_DIGIT[s[0]]


def _from_match(kind: str, m: re.Match[str], rules: TimeRules) -> tuple[int | None, int | None]:
    g = m.groupdict()
    if kind in ("range", "list"):
        a, b = _year(g["a"]), _year(g["b"])
        return min(a, b), max(a, b)
    if kind == "since" and g.get("p"):
        return rules.plans[g["p"]][0], None
    if kind in ("since", "year"):
        return _year(g["y"]), None
    if kind == "relative_since":
        return rules.relative[g["r"]], None
    if kind == "recent":
        return _small_number(g.get("n") or g["n2"]), None
    if kind == "plan":
        first, last = rules.plans[g["p"]]
        return (last, last) if g.get("end") else (first, last)
    return None, None


def _raw_phrases(text: str, start: int, end: int, rules: TimeRules) -> list[tuple[int, int, str, int | None, int | None]]:
    found = []
    *per_pattern, relative = rules.index.finditer_all(text, start, end)
    for (kind, _), matches in zip(rules.patterns, per_pattern):
        for m in matches:
            a, b = _from_match(kind, m, rules)
            found.append((m.start(), m.end(), kind, a, b))
    for m in relative:
        found.append((m.start(), m.end(), "relative", rules.relative[m.group()], None))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, int | None, int | None]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    return kept


def find_time_phrases(text: str, start: int = 0, end: int | None = None) -> list[TimePhrase]:
    """Time phrases in ``text[start:end]``, marked as comparison bases or target dates."""
    rules = load_time_rules()
    end = len(text) if end is None else end
    out = []
    for a0, b0, kind, a, b in _raw_phrases(text, start, end, rules):
        before = text[max(0, a0 - 6):a0]
        after = text[b0:b0 + 4]
        base = bool(rules.base_before.search(before) or rules.base_after.search(after))
        target = kind != "now" and not rules.actual_before.search(before) and bool(
            rules.target_before.search(before) or rules.target_after.search(after))
        if target and rules.actual_in_sentence.search(_rest_of_sentence(text, b0)):
            target = False  # 到2020年底，实现了…: a date of what was done
        out.append(TimePhrase(a0, b0, kind, a, b, target=target, base=base))
    return out


def _rest_of_sentence(text: str, pos: int) -> str:
    stop = min((i for i in (text.find(c, pos) for c in "。！？\n") if i >= 0), default=len(text))
    return text[pos:stop]


def resolve(phrase: TimePhrase, as_of: int | None) -> tuple[int, int] | None:
    """The period of a phrase; relative phrases without an as-of year give None."""
    k = phrase.kind
    if k in ("range", "list", "plan"):
        return phrase.a, phrase.b  # type: ignore[return-value]
    if k == "year":
        return phrase.a, phrase.a  # type: ignore[return-value]
    if as_of is None:
        return None
    if k == "since":
        return (phrase.a, max(as_of, phrase.a))  # type: ignore[arg-type,return-value]
    if k == "recent":
        return as_of - phrase.a + 1, as_of  # type: ignore[operator]
    if k == "relative":
        return as_of + phrase.a, as_of + phrase.a  # type: ignore[operator]
    if k == "relative_since":
        return min(as_of + phrase.a, as_of), as_of  # type: ignore[operator]
    if k == "now":
        return as_of, as_of
    return None


_OWN_VALUE = re.compile(r"的[约近超逾]?[\d〇零一二两三四五六七八九十百千]")


def governing(phrases: list[TimePhrase], text: str, sent_start: int, pos: int) -> TimePhrase | None:
    """The time phrase that governs a figure at ``pos``: the last period phrase before it
    in its sentence (``phrases`` are that sentence's), unless a list marker lies between
    them and the phrase does not head the whole list (一是2020年…；二是… resets)."""
    marker = load_time_rules().list_marker
    for p in reversed(phrases):
        if p.end > pos or p.base:
            continue
        if pos > p.end + 1 and _OWN_VALUE.match(text, p.end):
            continue  # 由2020年的12.5%提高到18.2%: 2020 is 12.5%'s own year, not 18.2%'s
        if marker.search(text, p.end, pos) and marker.search(text, sent_start, p.start):
            return None
        return p
    return None


# -- as-of year -----------------------------------------------------------------

_SIGNATURE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*")


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _actual_years(text: str) -> list[tuple[int, bool]]:
    """Explicit years the text reports as done (not targets, not comparison bases),
    each with whether it starts a period running to now (2022年以来)."""
    from_before = load_time_rules().from_before
    years = []
    for p in find_time_phrases(text):
        if p.kind not in ("range", "list", "since", "year") or p.base or p.target:
            continue
        if _SIGNATURE.fullmatch(_line_at(text, p.start)):
            continue  # a date alone on its line signs the document; it reports nothing
        year = p.b if p.kind in ("range", "list") else p.a
        # the start of a from-to (由2021年的1,025家压减至29家) opens a change running to now
        opens = p.kind == "since" or from_before.search(text, max(0, p.start - 2), p.start) is not None
        years.append((year, opens))  # type: ignore[arg-type]
    return years


def reviewed_period_end(text: str, pub: int, rules: TimeRules | None = None) -> int | None:
    """The last year of a closed period the text's head says it reviews, else None.

    ``2023年工作总结`` published in 2024 reviews 2023; ``“十三五”时期…成就回顾``
    published in 2021 reviews 2016–2020. Only the head (title, first lines)
    counts: a review names itself there.
    """
    rules = rules or load_time_rules()
    head = text[:rules.review_head]
    m = rules.review.search(head)
    if not m:
        return None
    line = head[head.rfind("\n", 0, m.start()) + 1:m.start()]
    ends = [_year(y) for y in re.findall(r"((?:19|20)\d{2})年", line)]
    ends += [span[1] for name, span in rules.plans.items() if name in line]
    ends = [y for y in ends if y < pub]
    return max(ends) if ends else None


def infer_as_of_year(text: str, published: dt.date | None) -> int | None:
    """The latest year the text reports as already done, else the publication year.

    Years after publication are plans, never as-of. A text whose latest year
    only opens a running period (2022年以来), or whose latest actual year is
    close to publication (within ``current_gap``) and that speaks of its own
    present (以来, 今年, 目前…), runs to the publication year (a 2024 report on
    "2021年以来" is as of 2024), and so does a news report naming days without
    their year (5月9日, 日前); an old report reposted years later keeps its own
    latest year (a 2012 report shown on a 2023 page is 2012).
    """
    rules = load_time_rules()
    pub = published.year if published else None
    years = [(y, since) for y, since in _actual_years(text) if pub is None or y <= pub]
    if not years:
        return pub
    if pub is not None and (closed := reviewed_period_end(text, pub, rules)) is not None:
        return closed  # a review of a closed year or plan period; later years are its plans
    latest = max(y for y, _ in years)
    if pub is None or latest >= pub:
        return latest
    if any(since for y, since in years if y == latest):
        return pub  # the latest year only opens a period that runs to now (2022年以来)
    if pub - latest <= rules.current_gap and rules.current_signs.search(text):
        return pub
    if rules.fresh_signs.search(text):
        return pub
    return latest
