"""Which cue patterns can match anywhere in a document, found once per document.

Attribution tries dozens of cue patterns in small windows around each figure;
most never match anywhere in a given page. One search per pattern over the
whole text rules those out for every window of the document.

This is exact, not a heuristic: a pattern without anchors or lookaround that
matches in a window ``text[a:b]`` at position p also matches the whole text at
a + p (the same path through the pattern exists there). Patterns with anchors
(``^ $ \\b``), lookaround or backreferences can match in a window and not in
the text, so they are always kept.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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
    patterns a document-wide search may rule out (decided once per pattern)."""

    def __init__(self) -> None:
        self._context_free: dict[int, bool] = {}

    def may_match(self, rx: re.Pattern[str], text: str) -> bool:
        """False only when ``rx`` matches in no slice of ``text``."""
        free = self._context_free.get(id(rx))
        if free is None:
            free = self._context_free[id(rx)] = context_free(rx)
        return not free or rx.search(text) is not None


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

    def __missing__(self, key: str) -> Groups:
        got = self[key] = tuple(
            tuple(rx for rx in group if self._may_match(rx)) for group in self._groups_of(key))
        return got

    def _may_match(self, rx: re.Pattern[str]) -> bool:
        known = self._live.get(id(rx))
        if known is None:
            known = self._live[id(rx)] = self._filter.may_match(rx, self.text)
        return known
