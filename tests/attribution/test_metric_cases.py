"""Every case of rules/cases/metrics.yaml: sentences of our own, each figure's expected metric."""
from __future__ import annotations

import pytest

from pipeline.attribution import attribute
from pipeline.segment import split_sentences

from .helpers import load_cases, make_figures

CASES = load_cases("metrics.yaml")["cases"]


def _params():
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"metrics-{i}", marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_metric_case(case):
    text = case["text"]
    figs = make_figures(text, case["figures"])
    attribute(text, split_sentences(text), figs, 2024, school_doc=case.get("school_doc"))
    got = [(f.surface, f.metric) for f in figs]
    want = [(str(spec[0]), spec[2]) for spec in case["figures"]]
    assert got == want, [f.metric_rule for f in figs]


def test_every_metric_has_three_sentences_and_there_are_negatives():
    from collections import Counter

    from pipeline.attribution import load_metric_rules

    seen = Counter(spec[2] for case in CASES if not case.get("xfail") for spec in case["figures"])
    thin = {m: seen[m] for m in load_metric_rules().by_id if seen[m] < 3}
    assert not thin, f"metrics with fewer than three passing cases: {thin}"
    assert seen[None] >= 15


_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("xfail")], ids=lambda c: str(len(c["text"])))
def test_metric_case_with_ascii_punctuation(case):
    """Pages often write ASCII commas and semicolons between Chinese clauses: same result."""
    text = case["text"].translate(_ASCII)
    specs = [[str(s[0]).translate(_ASCII), *s[1:]] for s in case["figures"]]
    figs = make_figures(text, specs)
    attribute(text, split_sentences(text), figs, 2024, school_doc=case.get("school_doc"))
    assert [f.metric for f in figs] == [s[2] for s in specs]
