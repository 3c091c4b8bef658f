"""Where listed words start in a text, found in one C pass (Aho-Corasick).

Python's ``re`` tries a trie of hundreds of words alternative by alternative
at every position where one can begin (about 200 ns a character on a report);
an Aho-Corasick automaton (``pyahocorasick``) reads the text once and reports
every occurrence of every word, so the Python that follows runs only where a
word is.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

from .reprefix import literal_prefixes


class WordScanner:
    """Start positions of *terms* (whole cue words) and *prefixes* (where a pattern may start).

    ``stops(text)`` lists each position where a term or a prefix starts, in
    order, with the length of the longest term starting there (0: a prefix only).
    With ``everywhere`` every position is a stop (a pattern whose start nothing
    literal describes).
    """

    def __init__(self, terms: Iterable[str], prefixes: Iterable[str] = (), everywhere: bool = False):
        kinds: dict[str, bool] = {}
        for p in prefixes:
            kinds[p] = False
        for t in terms:
            kinds[t] = True
        self.everywhere = everywhere
        self._auto = ahocorasick.Automaton()
        for word, is_term in kinds.items():
            if not word:
                raise ValueError("WordScanner: an empty word would match everywhere")
            self._auto.add_word(word, (len(word), is_term))
        self._empty = not kinds
        if not self._empty:
            self._auto.make_automaton()

    def stops(self, text: str) -> list[tuple[int, int]]:
        """(position, longest term length there or 0) for every stop, ascending."""
        found: dict[int, int] = dict.fromkeys(range(len(text)), 0) if self.everywhere else {}
        if self._empty or not text:
            return sorted(found.items())
        for end, (n, is_term) in self._auto.iter(text):
            p = end - n + 1
            if is_term:
                if n > found.get(p, 0):
                    found[p] = n
            elif p not in found:
                found[p] = 0
        return sorted(found.items())


class PatternIndex:
    """``finditer`` for many patterns over one span, with one automaton pass for all of them.

    Each pattern with literal prefixes (``reprefix``) is tried only where one of
    them starts, in order, from the end of its previous match: exactly the
    matches ``rx.finditer(text, start, end)`` gives, since a match can begin
    nowhere else and cannot be empty. Patterns without prefixes run their own
    ``finditer``.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]):
        self.patterns = tuple(patterns)
        by_word: dict[str, list[int]] = {}
        self._plain: set[int] = set()
        for i, rx in enumerate(self.patterns):
            found = literal_prefixes(rx.pattern, rx.flags)
            if found is None:
                self._plain.add(i)
                continue
            for word in found:
                by_word.setdefault(word, []).append(i)
        self._auto = ahocorasick.Automaton()
        for word, ids in by_word.items():
            self._auto.add_word(word, (len(word), tuple(ids)))
        self._indexed = bool(by_word)
        if self._indexed:
            self._auto.make_automaton()

    def finditer_all(self, text: str, start: int = 0, end: int | None = None) -> list[list[re.Match[str]]]:
        """For each pattern, in order, the matches of ``rx.finditer(text, start, end)``."""
        end = len(text) if end is None else end
        cands: dict[int, list[int]] = {}
        if self._indexed and end > start:
            for e, (n, ids) in self._auto.iter(text, start, end):
                for i in ids:
                    cands.setdefault(i, []).append(e - n + 1)
        out: list[list[re.Match[str]]] = []
        for i, rx in enumerate(self.patterns):
            if i in self._plain:
                out.append(list(rx.finditer(text, start, end)))
            elif i not in cands:
                out.append([])
            else:
                out.append(self._from(rx, sorted(set(cands[i])), text, start, end))
        return out

    @staticmethod
    def _from(rx: re.Pattern[str], starts: list[int], text: str, start: int, end: int) -> list[re.Match[str]]:
        """finditer's matches, tried only at ``starts`` (ascending), each from the last one's end."""
        found, last = [], start
        for p in starts:
            if p >= last and (m := rx.match(text, p, end)) is not None:
                found.append(m)
                last = m.end()
        return found
