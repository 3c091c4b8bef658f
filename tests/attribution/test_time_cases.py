"""Every case of rules/cases/time.yaml: figure periods and document as-of years."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.attribution import attribute
from pipeline.periods import infer_as_of_year
from pipeline.segment import split_sentences

from .helpers import load_cases, make_figures

DATA = load_cases("time.yaml")


def _params(key: str):
    for i, case in enumerate(DATA[key]):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"{key}-{i}", marks=marks)


@pytest.mark.parametrize("case", list(_params("periods")))
def test_period_case(case):
    text = case["text"]
    figs = make_figures(text, case["figures"])
    attribute(text, split_sentences(text), figs, case["as_of"])
    got = [(f.surface, [f.year_start, f.year_end] if f.year_start is not None else None) for f in figs]
    assert got == [(str(s[0]), s[2]) for s in case["figures"]]


@pytest.mark.parametrize("case", list(_params("as_of")))
def test_as_of_case(case):
    published = case["published"]
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    assert infer_as_of_year(case["text"], published) == case["as_of"]
