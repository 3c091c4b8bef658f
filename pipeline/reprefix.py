"""What every match of a regex begins with: literal prefixes for scan gates.

A scanner that stops wherever a pattern's first *character* occurs stops on
every 学 or 教 of a Chinese page; stopping only where one of the pattern's
literal *prefixes* (工资, 薪酬, 作业…) occurs lets ``re`` skip the rest in C.
``literal_prefixes`` reads the parsed regex (``re._parser``) and returns a set
of strings of which every match starts with one, or None when it cannot say
(a leading wide class, case-insensitive matching, a possible empty match…).
The answer is a necessary condition only: it never claims a match.
"""
from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# each prefix is at most this long: longer ones add nothing to a gate
MAX_LEN = 4
# more alternatives than this and the longest prefixes are cut short (shorter ones still gate)
MAX_COUNT = 96
# a character class with at most this many characters is spelled out
MAX_CLASS = 16

_Set = frozenset[tuple[str, bool]]  # (text so far, whether the match may go on literally)
_OPEN: _Set = frozenset({("", True)})  # zero-width: nothing consumed, the next item continues
_UNKNOWN: _Set = frozenset({("", False)})  # something consumed that no literal describes


class _Unknown(Exception):
    """Literals cannot describe the match (case folding)."""


def class_chars(items: Any, limit: int = MAX_CLASS) -> list[str] | None:
    """The characters of a parsed character class, or None when it is negated, holds a
    category (``\\d``) or more than ``limit`` characters."""
    chars: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.append(chr(av))
        elif name == "RANGE" and av[1] - av[0] < limit:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, CATEGORY, a wide range
    return chars if len(chars) <= limit else None


def _item(op: Any, av: Any) -> _Set:
    name = str(op)
    if name == "LITERAL":
        return frozenset({(chr(av), True)})
    if name == "IN":
        chars = class_chars(av)
        return _UNKNOWN if chars is None else frozenset((c, True) for c in chars)
    if name == "SUBPATTERN":
        if av[1] & re.IGNORECASE:
            raise _Unknown  # case folding: literals do not describe the match
        return _sequence(av[-1])
    if name == "BRANCH":
        return _shrink(set().union(*(_sequence(b) for b in av[1])))
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        lo, hi, sub = av
        body = _sequence(sub)
        if lo == 0 and hi == 1:
            return body | _OPEN
        opened = frozenset((t, False) for t, _ in body)  # what follows the first repeat is unknown
        return opened | _OPEN if lo == 0 else opened
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _OPEN  # zero-width: restricts the match, consumes nothing
    return _UNKNOWN


def _join(cur: _Set, nxt: _Set) -> _Set:
    out = set()
    for s, more in cur:
        if not more:
            out.add((s, False))
            continue
        for t, tmore in nxt:
            joined = s + t
            out.add((joined[:MAX_LEN], tmore and len(joined) < MAX_LEN))
    return _shrink(out)


def _shrink(entries: set[tuple[str, bool]]) -> _Set:
    """At most MAX_COUNT entries: the longest strings are cut by a character (and stop
    growing) until they fit; a shorter prefix is still a prefix of the same matches."""
    while len(entries) > MAX_COUNT:
        longest = max(len(s) for s, _ in entries)
        if longest <= 1:
            break
        entries = {(s[:longest - 1], False) if len(s) == longest else (s, more) for s, more in entries}
    return frozenset(entries)


def _sequence(items: Any) -> _Set:
    cur = _OPEN
    for op, av in items:
        if not any(more for _, more in cur):
            break
        cur = _join(cur, _item(op, av))
    return cur


def literal_prefixes(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Non-empty strings one of which begins every match of ``pattern``; None when unknown.

    Prefixes that begin with a shorter one are dropped (作业 covers 作业设计).
    """
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        found = _sequence(parsed)
    except _Unknown:
        return None
    texts = {s for s, _ in found}
    if "" in texts:
        return None
    return frozenset(s for s in texts if not any(s != t and s.startswith(t) for t in texts))
