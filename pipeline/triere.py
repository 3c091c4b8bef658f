"""Word lists as character-trie regexes: Python's ``re`` tries alternatives one by one,
so ``a|ab|abc`` over thousands of words is slow; a trie shares each prefix once."""
from __future__ import annotations

import re
from typing import Any


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first, as a character trie (fast in ``re``)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?" if len(alts) > 1 or len(alts[0]) > 1 else body + "?"
        return body

    return build(trie)
