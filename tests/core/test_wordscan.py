"""WordScanner: every start of a term or prefix, with the longest term there."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.wordscan import PatternIndex, WordScanner


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


# -- PatternIndex: finditer for many patterns at once ------------------------------------------

PATTERNS = ["甲乙", "(?:甲|乙丙)[^。]{0,3}丙", "(?<!a)乙+", "丙?甲", "[ab]甲", "\\d+年", "a|甲乙丙"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙丙ab1年。", max_size=40), st.integers(0, 10), st.integers(0, 45))
def test_pattern_index_equals_finditer(text: str, start: int, end: int) -> None:
    rxs = [re.compile(p) for p in PATTERNS]
    got = PatternIndex(rxs).finditer_all(text, start, end)
    assert [[m.span() for m in ms] for ms in got] == [[m.span() for m in rx.finditer(text, start, end)] for rx in rxs]


def test_time_patterns_on_the_corpus_equal_finditer() -> None:
    """The time rules' own patterns (rules/time.yaml) over the bundled corpus, whole and by sentence."""
    from pathlib import Path

    from pipeline.periods import load_time_rules
    from pipeline.segment import split_sentences

    rules = load_time_rules()
    rxs = [rx for _, rx in rules.patterns] + [rules.relative_re]
    root = Path(__file__).resolve().parents[2]
    seen = 0
    for path in sorted((root / "corpora").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for a, b in [(0, len(text)), *split_sentences(text)]:
            got = rules.index.finditer_all(text, a, b)
            want = [list(rx.finditer(text, a, b)) for rx in rxs]
            assert [[m.span() for m in ms] for ms in got] == [[m.span() for m in ms] for ms in want]
            seen += sum(map(len, want))
    assert seen > 100
