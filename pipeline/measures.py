"""Policy measures: which sentences say what a region does (issue 6).

Vocabulary, cues, constructions and exclusions live in ``rules/measures.yaml``;
this module only validates that file and runs it. One scan per sentence
(an Aho-Corasick automaton over the plain terms and the patterns' literal
prefixes, ``wordscan``) finds where cues can start, so the cost grows with the
text, not with the number of cues; only where it stops are the patterns that
can start with that character tried (two cues may share a start). A cue is
kept unless an exclusion overlaps it, it sits inside a cited document title, or
it is a word inside a longer term of another measure (``捐资助学`` is not the
``助学`` of student aid).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]  # first-character sets for the scan gate
from typing import Any

from .errors import RuleError
from .model import Measure
from .rulefiles import (
    compile_regex,
    load_yaml,
    need,
    no_duplicates,
    no_unknown_keys,
    one_of,
    str_list,
)
from .reprefix import literal_prefixes
from .wordscan import WordScanner

RULE_FILE = "measures.yaml"
CATEGORIES = ("supply", "environment", "demand")
# the measure ids of ../shared/spec/vocabulary.md: the contract, each must have an entry
CONTRACT_MEASURES = (
    "group_schooling", "urban_rural_integration", "teacher_rotation", "county_managed_teachers",
    "teacher_supply", "teacher_training", "principal_management", "teacher_welfare",
    "teacher_evaluation", "school_construction", "weak_school_improvement", "standardization",
    "boarding_schools", "nine_year_schools", "digital_education", "funding_guarantee",
    "student_aid", "nutrition_meals", "vulnerable_children", "special_education",
    "quality_evaluation", "curriculum_reform", "moral_education", "home_school_society",
    "arts_sports_labor", "reading", "ai_science_education", "double_reduction",
    "class_size_control", "campus_safety", "social_participation", "rural_revitalization",
)
_ENTRY_KEYS = ("zh", "en", "category", "terms", "patterns", "weak", "exclude", "shared")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_sre_parse = _parser.parse
_TITLE = re.compile(r"《[^《》\n]{1,120}》")


@dataclass(frozen=True)
class Cue:
    """One cue: a plain term or a pattern, with the rule entry it comes from."""

    measure: str
    text: str
    rule: str  # e.g. "teacher_rotation:patterns[1]"
    is_term: bool
    near: re.Pattern[str] | None = None  # weak cue: needs this in the same sentence


@dataclass(frozen=True)
class MeasureDef:
    id: str
    zh: str
    en: str
    category: str
    terms: tuple[str, ...]
    exclude: re.Pattern[str] | None


@dataclass(frozen=True)
class MeasureRules:
    """The compiled rule set: definitions, the scanner and the patterns it stops for."""

    measures: dict[str, MeasureDef]
    scanner: WordScanner
    # patterns by possible first character (and those whose first character is unknown):
    # every one that can start where the scanner stopped is tried there, so two patterns
    # (or a term and a pattern) starting at the same character are all found
    starts: dict[str, tuple[tuple[Cue, re.Pattern[str]], ...]]
    any_start: tuple[tuple[Cue, re.Pattern[str]], ...]
    terms: dict[str, tuple[Cue, ...]]  # term text -> its cues (several when shared)
    exclude: re.Pattern[str] | None
    skip_sentence: re.Pattern[str] | None
    title_issue: re.Pattern[str]
    # per first character, one alternation of its patterns: no match at a position
    # means none of them matches there, found by one call instead of one per pattern
    start_gates: dict[str, re.Pattern[str]] = field(default_factory=dict)


# -- loading -----------------------------------------------------------------

def _union(patterns: list[str], path: str, loc: str) -> re.Pattern[str] | None:
    for i, p in enumerate(patterns):
        compile_regex(p, path, f"{loc}[{i}]")
    return compile_regex("|".join(f"(?:{p})" for p in patterns), path, loc) if patterns else None


def _cue_pattern(pattern: str, path: str, loc: str) -> str:
    rx = compile_regex(pattern, path, loc)
    if rx.groupindex or re.search(r"\\\d|\(\?P=", pattern):
        raise RuleError(path, loc, "named groups and backreferences are not allowed in a cue")
    if rx.fullmatch(""):
        raise RuleError(path, loc, "pattern matches the empty string")
    return pattern


def _load_measure(mid: str, entry: Any, path: str) -> tuple[MeasureDef, list[Cue], set[str]]:
    loc = f"measures.{mid}"
    if not _ID.fullmatch(mid):
        raise RuleError(path, loc, "a measure id is lower_snake_case")
    need(entry, "zh", str, path, loc)
    no_unknown_keys(entry, _ENTRY_KEYS, path, loc)
    category = one_of(need(entry, "category", str, path, loc), CATEGORIES, path, f"{loc}.category")
    terms = str_list(entry, "terms", path, loc, [])
    patterns = str_list(entry, "patterns", path, loc, [])
    shared = set(str_list(entry, "shared", path, loc, []))
    for s in sorted(shared - set(terms)):
        raise RuleError(path, f"{loc}.shared", f"{s!r} is not one of this measure's terms")
    no_duplicates(((t, f"{loc}.terms[{i}]") for i, t in enumerate(terms)), path, "term")
    cues = [Cue(mid, t, f"{mid}:terms[{i}]", True) for i, t in enumerate(terms)]
    for i, p in enumerate(patterns):
        cues.append(Cue(mid, _cue_pattern(p, path, f"{loc}.patterns[{i}]"), f"{mid}:patterns[{i}]", False))
    for i, w in enumerate(need(entry, "weak", list, path, loc, [])):
        wloc = f"{loc}.weak[{i}]"
        no_unknown_keys(w if isinstance(w, dict) else {}, ("pattern", "near"), path, wloc)
        pat = _cue_pattern(need(w, "pattern", str, path, wloc), path, f"{wloc}.pattern")
        near = compile_regex(need(w, "near", str, path, wloc), path, f"{wloc}.near")
        cues.append(Cue(mid, pat, f"{mid}:weak[{i}]", False, near))
    if not cues:
        raise RuleError(path, loc, "a measure needs at least one term or pattern")
    exclude = _union(str_list(entry, "exclude", path, loc, []), path, f"{loc}.exclude")
    mdef = MeasureDef(mid, entry["zh"], need(entry, "en", str, path, loc), category,
                      tuple(terms), exclude)
    return mdef, cues, shared


def _check_shared(cues: list[Cue], shared: dict[str, set[str]], path: str) -> None:
    """A term (or pattern) may stand in two measures only when both declare it shared."""
    seen: dict[str, Cue] = {}
    for cue in cues:
        first = seen.setdefault(cue.text, cue)
        if first is cue:
            continue
        if not (cue.is_term and first.is_term and cue.text in shared[cue.measure]
                and cue.text in shared[first.measure]):
            raise RuleError(path, f"measures.{cue.rule.replace(':', '.')}",
                            f"duplicate cue {cue.text!r} (first at {first.rule}); declare it in "
                            "'shared' of both measures if it really belongs to both")


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """(chars a parsed regex can start with, whether it can match empty); None when unknown."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return out | {chr(av)}, False
        if name == "IN":
            chars: set[str] = set()
            for iop, iav in av:
                if str(iop) == "LITERAL":
                    chars.add(chr(iav))
                elif str(iop) == "RANGE" and iav[1] - iav[0] < 256:
                    chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
                else:
                    return None, False
            return out | chars, False
        if name == "SUBPATTERN":
            if av[1] & re.IGNORECASE:
                return None, False
            sub, empty = _first_chars(av[-1])
        elif name == "BRANCH":
            subs = [_first_chars(b) for b in av[1]]
            if any(c is None for c, _ in subs):
                return None, False
            sub, empty = set().union(*(c for c, _ in subs)), any(e for _, e in subs)
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            sub, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def _settings(data: dict, path: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern]:
    s = need(data, "settings", dict, path, "<file>", {})
    no_unknown_keys(s, ("title_issue", "exclude", "skip_sentence"), path, "settings")
    title = compile_regex(need(s, "title_issue", str, path, "settings", r"(?!)"), path,
                          "settings.title_issue")
    return (_union(str_list(s, "exclude", path, "settings", []), path, "settings.exclude"),
            _union(str_list(s, "skip_sentence", path, "settings", []), path, "settings.skip_sentence"),
            title)


def _pattern_index(cues: list[Cue], path: str) -> tuple[dict[str, tuple[tuple[Cue, re.Pattern[str]], ...]],
                                                        tuple[tuple[Cue, re.Pattern[str]], ...]]:
    """Each pattern cue compiled once, filed under the characters it can start with."""
    starts: dict[str, tuple[tuple[Cue, re.Pattern[str]], ...]] = {}
    any_start: list[tuple[Cue, re.Pattern[str]]] = []
    for c in cues:
        item = (c, compile_regex(c.text, path, c.rule))
        try:
            rx = item[1]
            chars, empty = (None, True) if rx.flags & re.IGNORECASE else _first_chars(_sre_parse(c.text))
        except Exception:  # noqa: BLE001 - an optimisation only: unknown first chars are tried everywhere
            chars, empty = None, True
        if chars is None or empty:
            any_start.append(item)
            continue
        for ch in chars:
            starts[ch] = starts.get(ch, ()) + (item,)
    return starts, tuple(any_start)


def _start_gates(starts: dict[str, tuple[tuple[Cue, re.Pattern[str]], ...]]) -> dict[str, re.Pattern[str]]:
    """For each first character with several patterns, their alternation (patterns with
    flags are left out of this optimisation: their character is not gated). Joining is safe
    because loading refuses named groups and backreferences, whose numbers would shift."""
    gates = {}
    for ch, items in starts.items():
        if len(items) > 1 and not any(rx.flags & ~re.UNICODE for _, rx in items):
            gates[ch] = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in items))
    return gates


def _scanner(terms: list[str], starts: dict[str, tuple], any_start: tuple) -> WordScanner:
    """Where cues can start: a term there, or a pattern's literal prefix (its first character
    when it has none, ``reprefix``); every position when a pattern's start is unknown.

    ``_scan`` tries the patterns filed under the character where the scanner
    stops (and those whose first character is unknown, e.g. case-insensitive
    ones, at every stop), so the scanner never runs the patterns itself.
    Stopping at a prefix (工资) rather than a first character (工) leaves most
    of a page to the automaton's C loop.
    """
    prefixes: set[str] = set()
    for ch, items in starts.items():
        for _, rx in items:
            found = literal_prefixes(rx.pattern, rx.flags)
            prefixes |= {ch} if found is None else {s for s in found if s[0] == ch}
    return WordScanner(terms, prefixes, everywhere=bool(any_start))


def compile_rules(data: Any, path: str) -> MeasureRules:
    """Validate a parsed measures file and compile it; any fault is a RuleError."""
    if not isinstance(data, dict):
        raise RuleError(path, "<file>", "expected a mapping with 'settings' and 'measures'")
    no_unknown_keys(data, ("settings", "measures"), path, "<file>")
    entries = need(data, "measures", dict, path, "<file>")
    for mid in CONTRACT_MEASURES:
        if mid not in entries:
            raise RuleError(path, f"measures.{mid}", "measure id of the vocabulary is missing")
    defs, cues, shared = {}, [], {}
    for mid, entry in entries.items():
        defs[mid], more, shared[mid] = _load_measure(str(mid), entry, path)
        cues.extend(more)
    _check_shared(cues, shared, path)
    terms: dict[str, tuple[Cue, ...]] = {}
    for c in cues:
        if c.is_term:
            terms[c.text] = terms.get(c.text, ()) + (c,)
    starts, any_start = _pattern_index([c for c in cues if not c.is_term], path)
    scanner = _scanner(sorted(terms), starts, any_start)
    exclude, skip, title = _settings(data, path)
    return MeasureRules(defs, scanner, starts, any_start, terms, exclude, skip, title, _start_gates(starts))


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> MeasureRules:
    """The measure rules, loaded and compiled once per process (per file)."""
    data, shown = load_yaml(Path(path) if path else RULE_FILE)
    return compile_rules(data, shown)


# -- tagging -----------------------------------------------------------------

@dataclass(frozen=True)
class _Hit:
    start: int  # offsets into the sentence
    end: int
    cue: Cue


def _scan(rules: MeasureRules, sent: str) -> list[_Hit]:
    """Every cue start in the sentence, overlapping allowed.

    Where the scanner stops, the longest term there and every pattern that can start
    with that character are tried, so cues sharing a start are all found.
    """
    hits: list[_Hit] = []
    for p, n in rules.scanner.stops(sent):
        if n:
            hits.extend(_Hit(p, p + n, c) for c in rules.terms[sent[p:p + n]])
        gate = rules.start_gates.get(sent[p])
        if gate is None or gate.match(sent, p) is not None:
            for cue, rx in rules.starts.get(sent[p], ()):
                if (pm := rx.match(sent, p)) is not None:
                    hits.append(_Hit(p, pm.end(), cue))
        for cue, rx in rules.any_start:
            if (pm := rx.match(sent, p)) is not None:
                hits.append(_Hit(p, pm.end(), cue))
    return hits


def _spans(rx: re.Pattern[str] | None, sent: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(sent)] if rx is not None else []


def _overlaps(h: _Hit, spans: list[tuple[int, int]]) -> bool:
    return any(a < h.end and h.start < b for a, b in spans)


def _cited_titles(rules: MeasureRules, sent: str) -> list[tuple[int, int]]:
    """Book-title spans 《...》 that cite a document rather than announce the region's own."""
    out = []
    for m in _TITLE.finditer(sent):
        if not rules.title_issue.search(sent[max(0, m.start() - 12):m.start()]):
            out.append(m.span())
    return out


def _shadowed(h: _Hit, terms: list[_Hit]) -> bool:
    """A term inside a longer term of another measure means what the longer word means."""
    return any(t.cue.measure != h.cue.measure and t.start <= h.start and h.end <= t.end
               and t.end - t.start > h.end - h.start for t in terms)


def _first_kept(rules: MeasureRules, sent: str, hits: list[_Hit]) -> dict[str, _Hit]:
    """Each measure's first cue in (start, -end) order that survives: weak cues without
    support, excluded, cited and shadowed cues are dropped.

    The checks run in that order and stop for a measure at its first survivor, so a
    measure's later cues and the exclusions of a decided measure are never read (a
    cue's verdict does not depend on the others': shadowing reads every term hit).
    """
    terms = [h for h in hits if h.cue.is_term]
    blocked: list[tuple[int, int]] | None = None
    excl: dict[str, list[tuple[int, int]]] = {}
    out: dict[str, _Hit] = {}
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        mid = h.cue.measure
        if mid in out or (h.cue.near is not None and not h.cue.near.search(sent)):
            continue
        if blocked is None:
            blocked = _spans(rules.exclude, sent) + _cited_titles(rules, sent)
        if mid not in excl:
            excl[mid] = _spans(rules.measures[mid].exclude, sent)
        if _overlaps(h, blocked) or _overlaps(h, excl[mid]) or _shadowed(h, terms):
            continue
        out[mid] = h
    return out


def tag_sentence(sent: str, rules: MeasureRules | None = None) -> dict[str, tuple[int, int, Cue]]:
    """Measures of one sentence: id -> (cue start, cue end, cue) of its first kept cue."""
    rules = rules or load_rules()
    hits = _scan(rules, sent)
    if not hits or (rules.skip_sentence is not None and rules.skip_sentence.match(sent)):
        return {}  # exclusions are read only where a cue is
    return {mid: (h.start, h.end, h.cue) for mid, h in _first_kept(rules, sent, hits).items()}


def tag_measures(text: str, sentences: list[tuple[int, int]], *,
                 rules: MeasureRules | None = None) -> list[Measure]:
    """Policy measures per sentence: one Measure per (sentence, measure id), in text order.

    ``sentences`` are (start, end) spans into ``text`` (``segment.split_sentences``);
    each Measure carries the sentence span, the first cue that fired and the rule entry.
    """
    rules = rules or load_rules()
    out: list[Measure] = []
    for a, b in sentences:
        for mid, (cs, ce, cue) in tag_sentence(text[a:b], rules).items():
            out.append(Measure(measure=mid, start=a, end=b, cue=text[a + cs:a + ce],
                               cue_start=a + cs, cue_end=a + ce, rule=cue.rule))
    return out


def phrase_patterns(*, rules: MeasureRules | None = None) -> list[dict[str, str]]:
    """SpanRuler/PhraseMatcher patterns for the plain cue terms: label = measure id.

    Token-level matching over jieba tokens only finds terms whose edges fall on
    token edges; ``tag_measures`` is the reference tagger (exclusions included).
    """
    rules = rules or load_rules()
    return [{"label": c.measure, "pattern": term, "id": c.rule}
            for term, cues in rules.terms.items() for c in cues]


def measure_info(*, rules: MeasureRules | None = None) -> list[dict[str, str]]:
    """id, Chinese and English labels and instrument category of every measure (for reports)."""
    rules = rules or load_rules()
    return [{"id": d.id, "zh": d.zh, "en": d.en, "category": d.category}
            for d in rules.measures.values()]
