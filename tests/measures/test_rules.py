"""rules/measures.yaml is validated at load: file, entry and reason in every error."""
from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from pipeline import measures as M
from pipeline.errors import RuleError
from pipeline.rulefiles import load_yaml

BASE, _ = load_yaml(M.RULE_FILE)


def _with(change) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    change(data)
    return data


def _entry(data: dict, mid: str = "class_size_control") -> dict:
    return data["measures"][mid]


BROKEN = [
    ("unknown key", lambda d: _entry(d).update(cuez=["x"]),
     r"\[f.yaml -> measures.class_size_control\] unknown key\(s\): cuez"),
    ("unknown category", lambda d: _entry(d).update(category="market"),
     r"measures.class_size_control.category\] 'market' is not one of supply, environment, demand"),
    ("bad regex", lambda d: _entry(d).update(patterns=["班额("]),
     r"measures.class_size_control.patterns\[0\]\] regex does not compile"),
    ("empty match", lambda d: _entry(d).update(patterns=["(?:班额)?"]),
     r"patterns\[0\]\] pattern matches the empty string"),
    ("named group", lambda d: _entry(d).update(patterns=["(?P<x>班额)"]),
     r"named groups and backreferences are not allowed"),
    ("duplicate cue across measures", lambda d: _entry(d, "campus_safety")["terms"].append("大班额"),
     r"measures.campus_safety.terms\[\d+\]\] duplicate cue '大班额' \(first at class_size_control:terms\[0\]\)"),
    ("duplicate term in a measure", lambda d: _entry(d)["terms"].append("班额"),
     r"duplicate term '班额'"),
    ("missing contract id", lambda d: d["measures"].pop("reading"),
     r"measures.reading\] measure id of the vocabulary is missing"),
    ("shared term not a term", lambda d: _entry(d).update(shared=["营养餐"]),
     r"'营养餐' is not one of this measure's terms"),
    ("missing label", lambda d: _entry(d).pop("zh"),
     r"measures.class_size_control.zh\] missing"),
    ("no cues", lambda d: _entry(d).update(terms=[]),
     r"needs at least one term or pattern"),
    ("bad exclude", lambda d: _entry(d).update(exclude=["[班"]),
     r"measures.class_size_control.exclude\[0\]\] regex does not compile"),
    ("weak without near", lambda d: _entry(d).update(weak=[{"pattern": "班"}]),
     r"measures.class_size_control.weak\[0\].near\] missing"),
    ("unknown settings key", lambda d: d["settings"].update(skip=["x"]),
     r"\[f.yaml -> settings\] unknown key\(s\): skip"),
    ("unknown top key", lambda d: d.update(extra=1), r"unknown key\(s\): extra"),
]


@pytest.mark.parametrize("name,change,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_rules_fail_with_location(name: str, change, message: str) -> None:
    with pytest.raises(RuleError, match=message) as exc:
        M.compile_rules(_with(change), "f.yaml")
    assert exc.value.code == "E100"


def test_shared_term_declared_on_both_sides_is_allowed() -> None:
    def share(d: dict) -> None:
        for mid in ("class_size_control", "campus_safety"):
            _entry(d, mid)["terms"].append("班级安全")
            _entry(d, mid)["shared"] = ["班级安全"]
    rules = M.compile_rules(_with(share), "f.yaml")
    assert sorted(M.tag_sentence("加强班级安全。", rules)) == ["campus_safety", "class_size_control"]
    half = _with(share)
    del _entry(half, "campus_safety")["shared"]
    with pytest.raises(RuleError, match="duplicate cue '班级安全'"):
        M.compile_rules(half, "f.yaml")


def test_adding_a_measure_needs_no_code() -> None:
    def add(d: dict) -> None:
        d["measures"]["school_bus"] = {"zh": "校车服务", "en": "school buses", "category": "supply",
                                       "terms": ["定制公交"], "patterns": ["校车[^，]{0,4}线路"]}
    rules = M.compile_rules(_with(add), "f.yaml")
    assert list(M.tag_sentence("开通定制公交线路。", rules)) == ["school_bus"]


def test_the_shipped_file_loads_and_covers_the_contract() -> None:
    rules = M.load_rules()
    assert set(M.CONTRACT_MEASURES) <= set(rules.measures)
    assert {m.category for m in rules.measures.values()} == {"supply", "environment", "demand"}
    assert all(re.fullmatch(r"[a-z_]+", mid) for mid in rules.measures)


def test_a_pattern_of_unknown_first_character_is_still_found() -> None:
    """A case-insensitive pattern cannot be filed under its first characters: the scanner
    then runs every pattern itself (the slower path) and still finds all cues."""
    def add(d: dict) -> None:
        d["measures"]["maker_space"] = {"zh": "创客空间", "en": "maker spaces", "category": "supply",
                                        "terms": ["创客教室"], "patterns": ["(?i)maker[^，]{0,4}空间"]}
    rules = M.compile_rules(_with(add), "f.yaml")
    assert rules.any_start and not rules.start_gates.get("m")
    assert list(M.tag_sentence("建设MAKER创新空间和创客教室。", rules)) == ["maker_space"]
    assert M.tag_sentence("建设MAKER创新空间。", rules)["maker_space"][:2] == (2, 11)
