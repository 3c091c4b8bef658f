"""Every sentence of rules/cases/measures.yaml, tagged: positives, negatives, exact sets."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline import measures as M

CASES = Path(__file__).resolve().parents[2] / "rules" / "cases" / "measures.yaml"
DATA = yaml.safe_load(CASES.read_text(encoding="utf-8"))


def _items(kind: str) -> list[Any]:
    out = []
    for mid, entry in DATA["measures"].items():
        for item in entry.get(kind, []):
            text = item if isinstance(item, str) else item["text"]
            reason = None if isinstance(item, str) else item.get("xfail")
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(mid, text, marks=marks, id=f"{mid}:{text[:12]}"))
    return out


def _exact() -> list[Any]:
    return [pytest.param(c["text"], sorted(c["measures"]), id=c["text"][:14],
                         marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else [])
            for c in DATA["exact"]]


@pytest.mark.parametrize("mid,text", _items("positive"))
def test_positive(mid: str, text: str) -> None:
    assert mid in M.tag_sentence(text)


@pytest.mark.parametrize("mid,text", _items("negative"))
def test_negative(mid: str, text: str) -> None:
    assert mid not in M.tag_sentence(text)


@pytest.mark.parametrize("text,expected", _exact())
def test_exact(text: str, expected: list[str]) -> None:
    assert sorted(M.tag_sentence(text)) == expected


def test_every_measure_has_cases() -> None:
    """Two positive sentences and one negative (not xfail) for every measure of the rule file."""
    ids = [m["id"] for m in M.measure_info()]
    for mid in ids:
        entry = DATA["measures"].get(mid, {})
        pos = [i for i in entry.get("positive", []) if isinstance(i, str) or not i.get("xfail")]
        neg = [i for i in entry.get("negative", []) if isinstance(i, str) or not i.get("xfail")]
        assert len(pos) >= 2 and len(neg) >= 1, mid
    assert set(DATA["measures"]) <= set(ids)
