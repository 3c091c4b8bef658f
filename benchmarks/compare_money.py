#!/usr/bin/env python3
"""Money figures on the seed documents: edumine against JioNLP and cn2an.

usage: python benchmarks/compare_money.py [--seeds DIR] [--gold FILE] [--show]

Reads the seed pages (``../shared/seeds/*.txt``, converted to simplified characters
with OpenCC as the cleaning stage does), takes the money figures of the gold file
(``../shared/gold/seeds.jsonl``) and scores three readers on them:

- edumine: ``pipeline.figures.find_figures``, figures of kind ``money``;
- JioNLP: ``jionlp.ner.extract_money(text, with_parsing=True)`` (the start of a range);
- cn2an: ``cn2an.transform(text, "cn2an")`` turns Chinese numerals into digits, then a
  plain money regex (number, optional 万/亿, 元 or 个亿) reads the amounts. cn2an has
  no money extractor of its own; this is the usual way it is used for the job.

A prediction matches a gold figure of the same document with the same value (relative
tolerance 1e-6), each gold figure at most once. JioNLP and cn2an are NOT dependencies
of edumine: install them only to run this comparison (``pip install jionlp cn2an``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_CN2AN_MONEY = re.compile(r"(\d+(?:\.\d+)?)(?:多|余)?(万亿|亿|万|千)?(?:多|余)?(元|个亿)")
_SCALE = {None: 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}


def edumine_money(text: str) -> list[float]:
    from pipeline.figures import find_figures
    return [f.value for f in find_figures(text) if f.kind == "money"]


def jionlp_money(text: str) -> list[float]:
    import jionlp
    out = []
    for item in jionlp.ner.extract_money(text, with_parsing=True):
        num = item["detail"]["num"]
        out.append(float(num[0] if isinstance(num, list) else num))
    return out


def cn2an_money(text: str) -> list[float]:
    import cn2an
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        digits = cn2an.transform(text, "cn2an")
    out = []
    for m in _CN2AN_MONEY.finditer(digits):
        scale = 1e8 if m.group(3) == "个亿" else _SCALE[m.group(2)]
        out.append(float(m.group(1)) * scale)
    return out


def match(gold: list[float], pred: list[float]) -> int:
    left = list(gold)
    hits = 0
    for v in pred:
        for i, g in enumerate(left):
            if abs(v - g) <= 1e-6 * max(1.0, abs(g)):
                hits += 1
                del left[i]
                break
    return hits


def available() -> dict[str, Callable[[str], list[float]] | str]:
    """Each reader, or the reason it cannot run."""
    readers: dict[str, Callable[[str], list[float]] | str] = {"edumine": edumine_money}
    for name, fn, module in (("JioNLP", jionlp_money, "jionlp"), ("cn2an", cn2an_money, "cn2an")):
        try:
            __import__(module)
            readers[name] = fn
        except ImportError:
            readers[name] = f"not installed (pip install {module}); not an edumine dependency"
    return readers


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "seeds.jsonl"))
    ap.add_argument("--show", action="store_true", help="print each reader's values per document")
    a = ap.parse_args(argv)
    if not Path(a.gold).exists() or not Path(a.seeds).is_dir():
        print(f"seeds or gold missing: {a.seeds}, {a.gold}", file=sys.stderr)
        return 2
    import opencc
    t2s = opencc.OpenCC("t2s")
    docs = []
    for line in Path(a.gold).read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = t2s.convert((Path(a.seeds) / f"{g['doc']}.txt").read_text(encoding="utf-8"))
        docs.append((g["doc"], text, [f["value"] for f in g["figures"] if f["kind"] == "money"]))
    gold_n = sum(len(d[2]) for d in docs)
    print(f"money figures in gold: {gold_n} over {len(docs)} documents\n")
    print("| reader | predicted | correct | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, fn in available().items():
        if isinstance(fn, str):
            print(f"| {name} | – | – | – | – | {fn} |")
            continue
        pred_n = hit_n = 0
        for doc, text, gold in docs:
            pred = fn(text)
            pred_n, hit_n = pred_n + len(pred), hit_n + match(gold, pred)
            if a.show:
                print(f"  {name} {doc}: {pred}", file=sys.stderr)
        p = hit_n / pred_n if pred_n else 0.0
        r = hit_n / gold_n if gold_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {name} | {pred_n} | {hit_n} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
