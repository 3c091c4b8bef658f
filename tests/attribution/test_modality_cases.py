"""Every case of rules/cases/modality.yaml: actual, target or standard."""
from __future__ import annotations

import pytest

from pipeline.attribution import attribute
from pipeline.segment import split_sentences

from .helpers import load_cases, make_figures

CASES = load_cases("modality.yaml")["cases"]


def _params():
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"modality-{i}", marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_modality_case(case):
    text = case["text"]
    figs = make_figures(text, case["figures"])
    attribute(text, split_sentences(text), figs, case.get("as_of", 2024))
    assert [(f.surface, f.modality) for f in figs] == [(str(s[0]), s[2]) for s in case["figures"]]
