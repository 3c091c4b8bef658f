"""The engine on the team's gold seeds: figure F1 and qualifier accuracy (issue 3 floor)."""
from __future__ import annotations

import json
import sys

import pytest

from pipeline.figures import find_figures

pytestmark = pytest.mark.shared


def _cleaned(raw: str) -> str:
    """The seeds are raw traditional-character pages; the engine reads simplified text."""
    opencc = pytest.importorskip("opencc")
    return opencc.OpenCC("t2s").convert(raw)


def test_seed_scores(seeds_dir, gold_path):
    eval_dir = seeds_dir.parent / "eval"
    if not (eval_dir / "score.py").exists():
        pytest.skip(f"{eval_dir}/score.py is absent (../shared is the team's evaluation data)")
    sys.path.insert(0, str(eval_dir))
    from score import align  # the scorer's own alignment

    gold_n = pred_n = match_n = qual_ok = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = _cleaned((seeds_dir / f"{g['doc']}.txt").read_text(encoding="utf-8"))
        pred = [f.as_dict() for f in find_figures(text)]
        pairs = align(g["figures"], pred)
        gold_n, pred_n, match_n = gold_n + len(g["figures"]), pred_n + len(pred), match_n + len(pairs)
        qual_ok += sum((g["figures"][i]["qualifier"] or None) == pred[j]["qualifier"] for i, j in pairs)
        for i, j in pairs:
            assert pred[j]["surface"] == g["figures"][i]["surface"]
    p, r = match_n / pred_n, match_n / gold_n
    f1 = 2 * p * r / (p + r)
    assert f1 >= 0.97, (p, r, f1)
    assert qual_ok / match_n >= 0.95
