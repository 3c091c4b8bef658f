"""Hand-made figures for attribution tests: the tests do not depend on the figure engine."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from pipeline.model import Figure
from pipeline.segment import split_sentences

CASES = Path(__file__).resolve().parents[2] / "rules" / "cases"
_MEASURE = re.compile(r"([所个名人次件场栋家门种项位台套间批对届])(?:以上|以下|左右|多|余)?$")


def unit_of(surface: str, kind: str) -> str | None:
    """The normalized unit a figure engine would give (enough for attribution)."""
    if kind == "money":
        return "元"
    if kind == "percent":
        return "%"
    if kind == "pp":
        return "个百分点"
    if kind == "area":
        return "平方米"
    if "人次" in surface:
        return "人次"
    if "倍" in surface:
        return "倍"
    m = _MEASURE.search(surface)
    return m.group(1) if m else None


def make_figures(text: str, specs: list[list[Any]]) -> list[Figure]:
    """Figures from [surface, kind, (expected), (relation)] specs, found in text order."""
    figs, pos = [], 0
    for spec in specs:
        surface, kind = str(spec[0]), spec[1]
        start = text.index(surface, pos)
        pos = start + len(surface)
        relation = spec[3] if len(spec) > 3 else None
        figs.append(Figure(start, pos, surface, kind, 0.0, unit=unit_of(surface, kind), relation=relation))
    sentences = split_sentences(text)
    for fig in figs:
        for a, b in sentences:
            if a <= fig.start < b:
                fig.sent_start, fig.sent_end = a, b
    return figs


def load_cases(name: str) -> dict[str, Any]:
    with open(CASES / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def case_id(case: dict[str, Any]) -> str:
    return str(case["text"])[:24]
