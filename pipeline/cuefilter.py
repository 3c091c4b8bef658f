"""Which cue patterns can match anywhere in a document, found once per document.

Attribution tries dozens of cue patterns in small windows around each figure;
most never match anywhere in a given page. One automaton pass over the text
finds which of the patterns' literal prefixes occur in it, and one search per
remaining pattern (from its first prefix) rules out the rest for every window.

This is exact, not a heuristic: every match begins with one of the pattern's
prefixes, so a pattern none of whose prefixes occurs matches in no window; and a
pattern without anchors or lookaround that matches in a window ``text[a:b]`` at
position p also matches the whole text at a + p (the same path through the
pattern exists there). Patterns with anchors (``^ $ \\b``), lookaround or
backreferences can match in a window and not in the text, so a prefix present
keeps them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import ahocorasick

from .reprefix import literal_prefixes

try:  # Python 3.11+: the parser moved under re
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_CONTEXT_OPS = {_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT,
                _sre_constants.GROUPREF, _sre_constants.GROUPREF_EXISTS}


def _ops(parsed: Iterable) -> Iterable[object]:
    """Every opcode of a parsed pattern, nested groups and branches included."""
    for op, av in parsed:
        yield op
        items = av if isinstance(av, (list, tuple)) else (av,)
        for item in items:
            if isinstance(item, _sre_parse.SubPattern):
                yield from _ops(item)
            elif isinstance(item, (list, tuple)):
                for sub in item:
                    if isinstance(sub, _sre_parse.SubPattern):
                        yield from _ops(sub)


def context_free(rx: re.Pattern[str]) -> bool:
    """True when a match inside any slice of a text is also a match in the whole text."""
    parsed = _sre_parse.parse(rx.pattern, rx.flags)
    return not any(op in _CONTEXT_OPS for op in _ops(parsed))


class CueFilter:
    """Tells, per text, whether a pattern can match in some window of it; remembers which
    patterns a document-wide search may rule out (decided once per pattern).

    Built with every pattern it will be asked about, it also knows each one's literal
    prefixes (``reprefix``): every match, in a window or not, begins with one of them
    (lookarounds consume nothing), so one automaton pass over a text (:meth:`starts`)
    rules out at once every pattern none of whose prefixes occurs in it, and starts
    the search for the others at their earliest prefix. The automaton maps each
    prefix to the patterns it begins, so a pattern with a hundred prefixes costs
    nothing per document unless one of them occurs.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]] = ()) -> None:
        self._context_free: dict[int, bool] = {}
        self._slot: dict[int, int] = {}  # id(pattern) -> its number, for patterns with prefixes
        by_word: dict[str, list[int]] = {}
        for rx in patterns:
            if id(rx) in self._slot:
                continue
            found = literal_prefixes(rx.pattern, rx.flags)
            if found is not None:
                slot = self._slot[id(rx)] = len(self._slot)
                for word in found:
                    by_word.setdefault(word, []).append(slot)
        self._auto: ahocorasick.Automaton | None = None
        if by_word:
            self._auto = ahocorasick.Automaton()
            for i, (word, slots) in enumerate(by_word.items()):
                self._auto.add_word(word, (len(word), i, tuple(slots)))
            self._auto.make_automaton()

    def starts(self, text: str) -> dict[int, int]:
        """Pattern number -> where the earliest of its prefixes starts in ``text``, for the
        patterns one of whose prefixes occurs (:meth:`may_match` reads it)."""
        out: dict[int, int] = {}
        if self._auto is None or not text:
            return out
        seen: set[int] = set()
        for end, (n, word, slots) in self._auto.iter(text):
            if word in seen:  # a later occurrence of a word starts later
                continue
            seen.add(word)
            p = end - n + 1
            for slot in slots:
                if p < out.get(slot, p + 1):
                    out[slot] = p
        return out

    def may_match(self, rx: re.Pattern[str], text: str, starts: dict[int, int] | None = None) -> bool:
        """False only when ``rx`` matches in no slice of ``text`` (``starts``: :meth:`starts`
        of ``text``, when the caller has it)."""
        free = self._context_free.get(id(rx))
        if free is None:
            free = self._context_free[id(rx)] = context_free(rx)
        start: int | None = 0
        slot = self._slot.get(id(rx))
        if slot is not None and starts is not None:
            start = starts.get(slot)
            if start is None:
                return False
        return not free or rx.search(text, start) is not None


Groups = tuple[tuple[re.Pattern[str], ...], ...]


class LiveCues(dict):
    """Groups of patterns by key (a metric's before, after and weak cues), less the
    patterns that match nowhere in ``text``: worked out on first use of each key, so a
    document only pays for the keys it asks about (``live[key]``; a dict, so a key
    already worked out costs one C lookup).
    """

    def __init__(self, text: str, groups_of: Callable[[str], Groups], cues: CueFilter):
        super().__init__()
        self.text, self._groups_of, self._filter = text, groups_of, cues
        self._live: dict[int, bool] = {}
        self._starts: dict[int, int] | None = None

    def __missing__(self, key: str) -> Groups:
        got = self[key] = tuple(
            tuple(rx for rx in group if self._may_match(rx)) for group in self._groups_of(key))
        return got

    def _may_match(self, rx: re.Pattern[str]) -> bool:
        known = self._live.get(id(rx))
        if known is None:
            if self._starts is None:  # one automaton pass, on the document's first question
                self._starts = self._filter.starts(self.text)
            known = self._live[id(rx)] = self._filter.may_match(rx, self.text, self._starts)
        return known
