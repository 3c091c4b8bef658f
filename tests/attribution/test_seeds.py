"""The seeds against their gold: metric, period, modality and as-of year.

Figures are placed from the gold surfaces (not the figure engine) so that this
measures attribution alone; the text is the team's cleaner's output.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from pipeline.attribution import attribute
from pipeline.clean import clean
from pipeline.model import Figure, RawInput
from pipeline.periods import infer_as_of_year
from pipeline.segment import split_sentences

from .helpers import unit_of

_FROM = re.compile(r"(?:从|由)$")
_TO = re.compile(r"(?:升至|降到|降至|提高到|增加到|增长到)$")
_CHANGE = re.compile(r"(?:增长|增加|提高|下降|减少)$")


def _relation(text: str, start: int, end: int) -> str | None:
    before, after = text[max(0, start - 3):start], text[end:end + 3]
    if _FROM.search(before) or re.match(r"(?:升至|降到|降至|提高到)", after):
        return "from"
    if _TO.search(before):
        return "to"
    return "change" if _CHANGE.search(before) else None


def _figures(text: str, gold: list[dict]) -> list[tuple[dict, Figure]]:
    out, pos = [], 0
    for g in gold:
        start = text.find(g["surface"], pos)
        assert start >= 0, f"{g['surface']} not in the clean text"
        pos = start + len(g["surface"])
        fig = Figure(start, pos, g["surface"], g["kind"], g["value"], unit=unit_of(g["surface"], g["kind"]),
                     relation=_relation(text, start, pos))
        out.append((g, fig))
    return out


def _score(seeds_dir, gold_path) -> dict[str, float]:
    n = dict.fromkeys(("metric", "metric_ok", "null", "spurious", "year", "year_ok", "mod", "mod_ok",
                       "asof", "asof_ok"), 0)
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        path = seeds_dir / f"{gold['doc']}.txt"
        doc = clean(RawInput(str(path), "text", data=path.read_bytes()))
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        as_of = infer_as_of_year(doc.text, published)
        n["asof"] += 1
        n["asof_ok"] += as_of == gold["as_of_year"]
        pairs = _figures(doc.text, gold["figures"])
        attribute(doc.text, split_sentences(doc.text), [f for _, f in pairs], as_of)
        for g, f in pairs:
            if g.get("metric"):
                n["metric"] += 1
                n["metric_ok"] += f.metric == g["metric"]
            else:
                n["null"] += 1
                n["spurious"] += f.metric is not None
            if g.get("year"):
                n["year"] += 1
                n["year_ok"] += [f.year_start, f.year_end] == g["year"]
            n["mod"] += 1
            n["mod_ok"] += f.modality == g["modality"]
    return {"metric_accuracy": n["metric_ok"] / n["metric"], "metric_spurious_rate": n["spurious"] / n["null"],
            "year_accuracy": n["year_ok"] / n["year"], "modality_accuracy": n["mod_ok"] / n["mod"],
            "as_of_accuracy": n["asof_ok"] / n["asof"]}


@pytest.mark.shared
def test_seed_attribution_meets_the_bar(seeds_dir, gold_path):
    s = _score(seeds_dir, gold_path)
    assert s["metric_accuracy"] >= 0.90, s
    assert s["metric_spurious_rate"] <= 0.10, s
    assert s["year_accuracy"] >= 0.90, s
    assert s["modality_accuracy"] >= 0.95, s
    assert s["as_of_accuracy"] == 1.0, s
