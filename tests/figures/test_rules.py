"""Rule files are validated at load: errors name the file and the entry."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import figures
from pipeline.errors import RuleError

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    for name in ("units.yaml", "figures.yaml"):
        shutil.copy(RULES / name, tmp_path / name)
    monkeypatch.setenv("EDUMINE_RULES", str(tmp_path))
    figures.load_rules.cache_clear()
    yield tmp_path
    figures.load_rules.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    ("units.yaml", "    kind: money\n    unit: 元\n", "    kind: cash\n    unit: 元\n", "units[0].kind"),
    ("units.yaml", "  - forms: [栋]\n", "  - forms: [所]\n", "duplicate unit form '所'"),
    ("units.yaml", "    unit: 栋\n", "    unit: 栋\n    colour: red\n", "unknown key(s): colour"),
    ("units.yaml", "factor: 10000/15", "factor: ten/15", "factor"),
    ("units.yaml", "  万: 10000\n", "  万: lots\n", "magnitudes.万"),
    ("units.yaml", "    needs_before: [翻]\n", "    needs_before: 翻\n    not_years: maybe\n", "not_years"),
    ("figures.yaml", "  以上: over", "  以上: above", "suffix_qualifiers.以上"),
    ("figures.yaml", "'^(?:多)?(?:月", "'^(?:多)?((?:月", "exclude_after_regex[0]"),
    ("figures.yaml", "short_quote_max: 12", "short_quote_max: 12\nsurprise: 1", "unknown key(s): surprise"),
    ("figures.yaml", "  - {word: 逾, qualifier: over}", "  - {word: 逾}", "prefix_qualifiers[9].qualifier"),
]


@pytest.mark.parametrize("name,old,new,where", BROKEN)
def test_broken_rules_are_named(rules_copy, name, old, new, where):
    _edit(rules_copy / name, old, new)
    with pytest.raises(RuleError) as err:
        figures.load_rules()
    assert f"rules/{name}" in str(err.value) or name in str(err.value)
    assert where in str(err.value)


def test_rules_load_once():
    assert figures.load_rules() is figures.load_rules()
