"""reprefix.literal_prefixes: a necessary condition for every match, never a false claim."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.reprefix import MAX_LEN, literal_prefixes

CASES = [
    ("(?:教师|老师)交流", {"教师交流", "老师交流"}),
    ("(?:书面)?作业(?:总量|时长)", {"书面作业", "作业总量", "作业时长"}),
    ("a?b", {"ab", "b"}),
    ("(?:x)*y", {"x", "y"}),
    ("[ab]c", {"ac", "bc"}),
    ("(?<![一二])十四五", {"十四五"}),  # lookarounds consume nothing
    ("城乡[^，]{0,8}一体化", {"城乡"}),
    ("(?:学校|校)[^，]{0,12}结对|结对(?:学校|校)", {"学校", "校", "结对学校", "结对校"}),
    ("abcdefg", {"abcd"}),  # at most MAX_LEN characters
    ("[^a]b", None),  # a negated class: any first character
    ("(?i)ab", None),  # case folding
    ("(?i:a)b", None),
    ("a*", None),  # may match empty
    ("\\d+年", None),
    ("", None),
]


@pytest.mark.parametrize("pattern, expected", CASES)
def test_prefixes(pattern: str, expected: set[str] | None) -> None:
    got = literal_prefixes(pattern)
    assert (None if got is None else set(got)) == expected
    assert MAX_LEN == 4


ATOMS = ["a", "b", "c", "[ab]", "[^a]", ".", "(?:a|bc)", "(?:ab)?", "b*", "c+", "(?=a)", "(?<!b)", "\\d"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=5), st.lists(st.sampled_from(ATOMS), max_size=4),
       st.text(alphabet="abc1", max_size=24))
def test_every_match_starts_with_a_prefix(left: list[str], right: list[str], text: str) -> None:
    pattern = "".join(left) + ("|" + "".join(right) if right else "")
    prefixes = literal_prefixes(pattern)
    if prefixes is None:
        return
    rx = re.compile(pattern)
    for i in range(len(text) + 1):
        if rx.match(text, i) is not None:
            assert any(text.startswith(p, i) for p in prefixes), (pattern, text, i, prefixes)
