"""Shared fixtures: paths to ../shared (skipped with a reason where absent), the generator."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip: a user's clone has no ../shared."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is the team's evaluation data, not part of a clone)")
    return p


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def gold_path() -> Path:
    return shared_path("gold", "seeds.jsonl")


@pytest.fixture
def real_html_dir() -> Path:
    return shared_path("corpora", "real-html")


@pytest.fixture
def figures_fail_on(monkeypatch: pytest.MonkeyPatch):
    """``figures_fail_on(marker)``: from now on the figures step raises ValueError("boom") on
    any text containing ``marker`` (a bug in one step on one document)."""
    from pipeline import figures

    real = figures.find_figures

    def arm(marker: str) -> None:
        def flaky(text: str):
            if marker in text:
                raise ValueError("boom")
            return real(text)

        monkeypatch.setattr(figures, "find_figures", flaky)

    return arm
