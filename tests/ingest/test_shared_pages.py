"""The team's real pages (../shared): seeds' titles/dates/junk, real HTML content and charsets.

Skipped with a reason where ../shared is absent (a user's clone).
"""
from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.model import RawInput
from pipeline.sources import iter_inputs
pytestmark = pytest.mark.shared
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip: a user's clone has no ../shared."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is the team's evaluation data, not part of a clone)")
    return p
_KEEP = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")
_MOJIBAKE = re.compile(r"\ufffd|[\u00c0-\u00ff][\u0080-\u00ff\u4e00-\u9fff]")


def _gold() -> dict[str, dict]:
    with open(shared_path("gold", "seeds.jsonl"), encoding="utf-8") as fh:
        return {(d := json.loads(line))["doc"]: d for line in fh if line.strip()}


def test_seeds_titles_dates_and_no_junk() -> None:
    gold = _gold()
    docs = {Path(r.source_path).stem: clean(r) for r in iter_inputs([str(shared_path("seeds"))])}
    assert sorted(docs) == sorted(gold)
    for key, g in gold.items():
        doc = docs[key]
        assert doc.title == g["title"]
        assert str(doc.published) == g["published"]
        assert [j for j in g["junk"] if j in doc.text] == []


def _bag(text: str) -> collections.Counter:
    return collections.Counter(c for c in unicodedata.normalize("NFKC", text) if _KEEP.match(c))


def test_real_html_content_f1_and_no_mojibake() -> None:
    folder = shared_path("corpora", "real-html")
    tp = pred = gold = 0
    for raw in iter_inputs([str(folder)]):
        assert isinstance(raw, RawInput), raw
        doc = clean(raw)
        assert not _MOJIBAKE.search(doc.text), raw.source_path
        truth = folder / (Path(raw.source_path).name.split(".")[0] + ".truth.txt")
        if truth.exists():
            g, p = _bag(truth.read_text(encoding="utf-8")), _bag(doc.text)
            tp += sum((g & p).values())
            pred += sum(p.values())
            gold += sum(g.values())
    precision, recall = tp / pred, tp / gold
    assert 2 * precision * recall / (precision + recall) >= 0.99
