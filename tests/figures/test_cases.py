"""Every case of rules/cases/figures.yaml: text -> the exact figures (or none)."""
from __future__ import annotations

import math

import pytest

from pipeline.figures import find_figures

from .casefile import Expected, load_cases, parse_expected

CASES = load_cases()


def _params():
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(reason=str(case["xfail"]), strict=True)] if case.get("xfail") else []
        yield pytest.param(case["text"], case["expect"], id=f"{i:03d}-{case['text'][:16]}", marks=marks)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_case_file_is_big_enough():
    assert len(CASES) >= 300


@pytest.mark.parametrize("text,expect", list(_params()))
def test_case(text: str, expect: list[str]):
    want = [parse_expected(e) for e in expect]
    got = find_figures(text)
    assert [f.surface for f in got] == [w.surface for w in want]
    for f, w in zip(got, want):
        assert (f.kind, f.unit, f.qualifier, f.relation) == (w.kind, w.unit, w.qualifier, w.relation), f.surface
        assert _close(f.value, w.value), (f.surface, f.value, w.value)
        assert _close(f.value_max, w.value_max), (f.surface, f.value_max, w.value_max)
        assert text[f.start:f.end] == f.surface


def test_expected_line_parser():
    assert parse_expected("2 560所 count 2560 所") == Expected("2 560所", "count", 2560.0, "所")
    assert parse_expected("0.15 number 0.15 - q=at_most") == Expected(
        "0.15", "number", 0.15, None, qualifier="at_most")


def test_every_expected_surface_is_in_its_text():
    """Catches YAML slips (an unquoted comma in a flow mapping cuts the text short)."""
    for case in CASES:
        for line in case["expect"]:
            assert parse_expected(line).surface in case["text"], (case["text"], line)
