"""Golden files: the expected figure rows of every document in corpora/ (reviewed by hand).

A change in the engine or the rules that changes any row fails here; if the new row is
right, regenerate the file with ``python tests/figures/test_golden.py --write`` and
review the diff.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIELDS = ("surface", "kind", "value", "value_max", "unit", "qualifier", "relation")


def rows(text: str) -> list[dict]:
    from pipeline.figures import find_figures
    return [{k: getattr(f, k) for k in FIELDS} for f in find_figures(text)]


def _docs() -> list[Path]:
    return sorted(CORPORA.glob("*.txt")) if CORPORA.is_dir() else []


@pytest.mark.skipif(not _docs(), reason="corpora/ has no documents")
@pytest.mark.parametrize("doc", _docs(), ids=lambda p: p.stem)
def test_golden(doc: Path):
    golden = GOLDEN / f"{doc.stem}.json"
    if not golden.exists():
        pytest.skip(f"no golden file for {doc.name} yet: run `python {__file__} --write`, review "
                    f"{golden.name} by hand and commit it")
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert rows(doc.read_text(encoding="utf-8")) == want


if __name__ == "__main__" and "--write" in sys.argv:
    sys.path.insert(0, str(ROOT))
    for doc in _docs():
        out = [json.dumps(r, ensure_ascii=False) for r in rows(doc.read_text(encoding="utf-8"))]
        (GOLDEN / f"{doc.stem}.json").write_text("[\n" + ",\n".join(out) + "\n]\n", encoding="utf-8")
