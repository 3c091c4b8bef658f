"""measure_f1 on the seeds (../shared): the bar of issue 6 is 0.85.

The seeds go through the project's own cleaner (``pipeline.clean.clean``) so the
tagger reads the text the warehouse will hold; skipped where ../shared is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline import measures as M
from pipeline.clean import clean
from pipeline.model import RawInput
from pipeline.segment import split_sentences


def test_measure_f1_on_seeds(seeds_dir: Path, gold_path: Path) -> None:
    gold = {d["doc"]: set(d.get("measures", []))
            for d in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines()) if d}
    tp = fp = fn = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = clean(RawInput(source_path=str(path), fmt="text", data=path.read_bytes()))
        got = {m.measure for m in M.tag_measures(doc.text, split_sentences(doc.text))}
        want = gold[path.stem]
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.85, (precision, recall, f1)
