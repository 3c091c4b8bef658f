"""trie_regex finds what the longest-first alternation of the same words finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.triere import trie_regex

_WORDS = st.lists(st.text(alphabet="东西湖镇乡.+", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="东西湖镇乡.+ 区", max_size=40))
def test_same_matches_as_the_longest_first_alternation(words, text):
    expected = [m.span() for m in re.finditer(_alternation(words), text)]
    assert [m.span() for m in re.finditer(trie_regex(words), text)] == expected


def test_examples():
    rx = re.compile(trie_regex(["东湖", "东湖镇", "西乡"]))
    assert [m.group() for m in rx.finditer("东湖镇和东湖、西乡")] == ["东湖镇", "东湖", "西乡"]
    assert trie_regex([]) == ""
