"""The eval gate: scores on pinned corpora may not fall below their floors.

Floors live in ``floors.json`` beside this file with the sha256 of each corpus
and gold file they were measured on; when a corpus changes, the test says so
instead of comparing numbers measured on different data. Raising a floor is
an edit to that file; lowering one is too, and shows in review.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import math
from pathlib import Path

import pytest

from pipeline.ingest import ingest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))


def _resolve(p: str) -> Path:
    return (ROOT / p).resolve()


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_above_floors(name, tmp_path, capsys):
    gate = {k: v for k, v in FLOORS[name].items() if k != "measured"}
    corpus, scorer = _resolve(gate["corpus"]), _resolve(gate["scorer"])
    for p in (corpus, scorer):
        if not p.exists():
            pytest.skip(f"{p} is absent (the team's evaluation data is not part of a clone)")
    files = [p for p in corpus.iterdir() if p.is_file()]
    extra = [_resolve(gate["gold"])] if gate.get("gold") else []
    assert _digest(files + extra) == gate["sha256"], (
        f"{name}: the corpus or gold changed since the floors were measured; re-measure and update floors.json")
    db = tmp_path / "w.duckdb"
    ingest([str(corpus)], db=db, jobs=1)
    mod = _scorer(scorer)
    args = ["--db", str(db), "--json"]
    args += ["--gold", str(extra[0])] if extra else ["--pages", str(corpus)]
    assert mod.main(args) == 0
    scores = json.loads(capsys.readouterr().out)
    low = {k: (scores[k], v) for k, v in gate.get("min", {}).items()
           if not (scores[k] >= v - 1e-9)}
    high = {k: (scores[k], v) for k, v in gate.get("max", {}).items()
            if math.isnan(scores[k]) or scores[k] > v + 1e-9}
    assert not low and not high, f"{name}: below the floor {low}, above the ceiling {high}"
