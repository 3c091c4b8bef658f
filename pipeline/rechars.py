"""Characters one of which every match of a regex contains: cheap gates for line rules.

Most lines of an article hold no ``|``, no ``摄``, no ``<``: a rule whose every
match needs one of a few such characters cannot match there, and a set test
rules it out without running the regex. ``required_chars`` reads the parsed
regex (``re._parser``) and returns such a set, or None when it cannot say
(a class with a category or a negation, a case-folded letter, a pattern that
may match the empty string...). The answer is a necessary condition only: it
never claims a match.
"""
from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from .reprefix import class_chars

# a character class with more characters than this is no use as a gate
MAX_CLASS = 64

_Chars = frozenset[str] | None


def _plain(c: str, ignorecase: bool) -> bool:
    """A character that only matches itself (under IGNORECASE: one without case)."""
    return not ignorecase or c.lower() == c == c.upper()


def _class(items: Any, ignorecase: bool) -> _Chars:
    chars = class_chars(items, MAX_CLASS)
    if chars is None or not all(_plain(c, ignorecase) for c in chars):
        return None
    return frozenset(chars)


def _item(op: Any, av: Any, ignorecase: bool) -> _Chars:
    name = str(op)
    if name == "LITERAL":
        return frozenset(chr(av)) if _plain(chr(av), ignorecase) else None
    if name == "IN":
        return _class(av, ignorecase)
    if name == "SUBPATTERN":
        _, add, remove, sub = av
        return _sequence(sub, bool((ignorecase or add & re.IGNORECASE) and not remove & re.IGNORECASE))
    if name == "ATOMIC_GROUP":
        return _sequence(av, ignorecase)
    if name == "BRANCH":
        subs = [_sequence(b, ignorecase) for b in av[1]]
        return None if any(s is None for s in subs) else frozenset().union(*subs)  # type: ignore[arg-type]
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, _, sub = av
        return _sequence(sub, ignorecase) if lo >= 1 else None
    return None  # zero-width (anchors, lookaround), any character, a back reference


def _sequence(items: Any, ignorecase: bool) -> _Chars:
    """Every match of a sequence holds a match of each item: the smallest known set wins."""
    best: _Chars = None
    for op, av in items:
        got = _item(op, av, ignorecase)
        if got is not None and (best is None or len(got) < len(best)):
            best = got
    return best


def required_chars(rx: re.Pattern[str]) -> frozenset[str] | None:
    """Characters one of which occurs in every match of ``rx``; None when unknown."""
    parsed = _parser.parse(rx.pattern, rx.flags)
    return _sequence(parsed, bool(parsed.state.flags & re.IGNORECASE))


def starts_anchored(rx: re.Pattern[str]) -> bool:
    """True when the pattern opens with ``^`` (not MULTILINE) and no lookaround right after.

    ``re.search`` then tries the start of the string only, and most lines fail
    there at once; a lookaround after the ``^`` (``^(?!.*。)``) reads the whole
    line first, as a search does.
    """
    parsed = _parser.parse(rx.pattern, rx.flags)
    if rx.flags & re.MULTILINE or not parsed.data:
        return False
    op, av = parsed.data[0]
    if str(op) != "AT" or str(av) != "AT_BEGINNING":
        return False
    return len(parsed.data) < 2 or str(parsed.data[1][0]) not in ("ASSERT", "ASSERT_NOT")
