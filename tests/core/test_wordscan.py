"""WordScanner: every start of a term or prefix, with the longest term there."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.wordscan import WordScanner


def test_stops_with_longest_term() -> None:
    sc = WordScanner(["教师", "教师交流", "交流"], ["轮岗"])
    assert sc.stops("推进教师交流轮岗") == [(2, 4), (4, 2), (6, 0)]


def test_prefix_and_term_at_one_place_and_empty_cases() -> None:
    assert WordScanner(["作业"], ["作"]).stops("减轻作业负担") == [(2, 2)]
    assert WordScanner(["作业"], ["作"]).stops("") == []
    assert WordScanner([]).stops("任何文本") == []
    assert WordScanner([], everywhere=True).stops("abc") == [(0, 0), (1, 0), (2, 0)]


def _brute(terms: list[str], prefixes: list[str], text: str) -> list[tuple[int, int]]:
    out = []
    for i in range(len(text)):
        longest = max((len(t) for t in terms if text.startswith(t, i)), default=0)
        if longest or any(text.startswith(p, i) for p in prefixes):
            out.append((i, longest))
    return out


words = st.text(alphabet="甲乙丙a", min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=6), st.lists(words, max_size=4), st.text(alphabet="甲乙丙ab", max_size=30))
def test_matches_brute_force(terms: list[str], prefixes: list[str], text: str) -> None:
    assert WordScanner(terms, prefixes).stops(text) == _brute(terms, prefixes, text)
