"""Every case of rules/cases/regions.yaml: lookups, entities, document regions, figure regions."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.model import Figure, RegionGuess
from pipeline.regions import assign_figure_regions, find_entities, infer_region
from pipeline.gazetteer import load_gazetteer
from pipeline.segment import split_sentences

CASES = yaml.safe_load((Path(__file__).resolve().parents[2] / "rules" / "cases" / "regions.yaml")
                       .read_text(encoding="utf-8"))


def _params(section: str, ident: str):
    out = []
    for case in CASES[section]:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=str(case[ident])[:40], marks=marks))
    return out


@pytest.mark.parametrize("case", _params("lookups", "name"))
def test_lookup(case):
    assert [r["code"] for r in load_gazetteer().lookup(case["name"])] == sorted(
        case["codes"], key=lambda c: (["province", "city", "county"].index(
            load_gazetteer().by_code(c)["level"]), c))


@pytest.mark.parametrize("case", _params("entities", "text"))
def test_entities(case):
    got = [[e.label, e.text, e.region_code] for e in find_entities(case["text"])]
    want = [[lab, txt, code] for lab, txt, code in case["expect"]]
    assert sorted(got, key=str) == sorted(want, key=str)


@pytest.mark.parametrize("case", _params("documents", "title"))
def test_document_region(case):
    text = case["text"]
    guess = infer_region(case["title"], text, case.get("source"), find_entities(text))
    want = case["expect"]
    if "code" in want:
        assert guess.code == want["code"], guess
    assert guess.level == want["level"], guess
    if "name" in want:
        assert guess.name == want["name"]
    assert 0.0 <= guess.confidence <= 1.0
    if "conf_below" in case:
        assert guess.confidence < case["conf_below"], guess
    if guess.code:
        assert guess.evidence


@pytest.mark.parametrize("case", _params("figures", "text"))
def test_figure_region(case):
    text = case["text"]
    at = text.index(case["at"])
    fig = Figure(start=at, end=at + len(case["at"]), surface=case["at"], kind="count", value=1.0)
    row = load_gazetteer().by_code(case["doc"])
    doc = RegionGuess(case["doc"], row["name"], row["level"], 1.0)
    assign_figure_regions(text, split_sentences(text), [fig], find_entities(text), doc)
    assert fig.region_code == case["expect"]


def test_case_table_is_large_enough():
    assert sum(len(CASES[k]) for k in ("entities", "documents", "figures")) >= 60
