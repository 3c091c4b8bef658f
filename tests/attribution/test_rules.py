"""Rule files load once and fail with file, entry and reason when malformed."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from pipeline import attribution, modality, periods
from pipeline.errors import RuleError

RULES = Path(__file__).resolve().parents[2] / "rules"
VOCAB = Path(__file__).resolve().parents[3] / "shared" / "spec" / "vocabulary.md"


def _metrics() -> dict:
    return yaml.safe_load((RULES / "metrics.yaml").read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, data: dict) -> str:
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(p)


def test_every_vocabulary_metric_has_an_entry():
    if not VOCAB.exists():
        pytest.skip(f"{VOCAB} is absent (../shared is the team's evaluation data, not part of a clone)")
    section = VOCAB.read_text(encoding="utf-8").split("## Measures")[0]
    ids = set(re.findall(r"^- `([a-z_]+)`", section, flags=re.MULTILINE))
    rules = attribution.load_metric_rules()
    assert ids and ids <= set(rules.by_id)


def test_rules_are_cached_and_names_known():
    assert attribution.load_metric_rules() is attribution.load_metric_rules()
    assert periods.load_time_rules() is periods.load_time_rules()
    assert modality.load_modality_rules() is modality.load_modality_rules()
    assert attribution.metric_name("edu_spending") == "教育经费投入"
    assert attribution.metric_name("nope") == "nope"


@pytest.mark.parametrize("mutate, where, why", [
    (lambda d: d["metrics"][0].update(colour="red"), "metrics[0]", "unknown key"),
    (lambda d: d["metrics"][0].update(kinds=["money", "euro"]), "metrics[0].kinds[1]", "not one of"),
    (lambda d: d["metrics"][0].update(any=["教育经费", "教育经费"]), "metrics[0].any[1]", "duplicate cue"),
    (lambda d: d["metrics"][0].update(any=["教育(经费"]), "metrics[0].any[0]", "does not compile"),
    (lambda d: d["metrics"][0].update(id="edu_money"), "metrics[0].id", "not one of"),
    (lambda d: d["metrics"][0].update(growth="growth_of_nothing"), "metrics[0].growth", "not one of"),
    (lambda d: d["metrics"][0].update(relations=["sideways"]), "metrics[0].relations[0]", "not one of"),
    (lambda d: d["metrics"].pop(), "ids", "no entry for metric"),
    (lambda d: d["metrics"].append(dict(d["metrics"][0])), "metrics[", "duplicate metric"),
    (lambda d: d["ids"].append("edu_spending"), "ids[", "duplicate metric id"),
    (lambda d: d["metrics"][0].pop("kinds"), "metrics[0].kinds", "missing"),
    (lambda d: d.update(extra=1), "<file>", "unknown key"),
    (lambda d: d["metrics"][0].update(absorbs=["no_such_metric"]), "metrics[0].absorbs[0]", "not one of"),
    (lambda d: d["metrics"][0].update(around=["教师#("]), "metrics[0].around[0]", "does not compile"),
    (lambda d: d["metrics"][0].update(parts="yes"), "metrics[0].parts", ""),
    (lambda d: d.pop("refers_back"), "refers_back", "missing"),
    (lambda d: d.update(part_of="其中("), "part_of", "does not compile"),
    (lambda d: d.update(per_unit_scope="生均("), "per_unit_scope", "does not compile"),
    (lambda d: d.pop("part_places"), "part_places", "missing"),
    (lambda d: d.pop("list_item"), "list_item", "missing"),
    (lambda d: d.pop("inventory"), "inventory", "missing"),
    (lambda d: d["inventory"].update(item="#("), "inventory.item", "does not compile"),
    (lambda d: d["inventory"].update(heads="有"), "inventory", "unknown key"),
    (lambda d: d.update(list_item="、("), "list_item", "does not compile"),
])
def test_bad_metric_rules_name_the_entry(tmp_path, mutate, where, why):
    data = _metrics()
    mutate(data)
    with pytest.raises(RuleError) as exc:
        attribution.load_metric_rules(_write(tmp_path, "metrics.yaml", data))
    assert where in exc.value.loc and why in str(exc.value)
    assert "metrics.yaml" in exc.value.path


def test_bad_time_rules_name_the_entry(tmp_path):
    data = yaml.safe_load((RULES / "time.yaml").read_text(encoding="utf-8"))
    data["plans"]["十四五"] = [2025, 2021]
    with pytest.raises(RuleError, match=r"plans\.十四五.*precedes"):
        periods.load_time_rules(_write(tmp_path, "time.yaml", data))
    data = yaml.safe_load((RULES / "time.yaml").read_text(encoding="utf-8"))
    data["patterns"][0]["kind"] = "fortnight"
    with pytest.raises(RuleError, match=r"patterns\[0\]\.kind"):
        periods.load_time_rules(_write(tmp_path, "time2.yaml", data))
    data = yaml.safe_load((RULES / "time.yaml").read_text(encoding="utf-8"))
    data["relative"]["今年"] = "zero"
    with pytest.raises(RuleError, match=r"relative\.今年"):
        periods.load_time_rules(_write(tmp_path, "time3.yaml", data))


def test_bad_modality_rules_name_the_entry(tmp_path):
    data = yaml.safe_load((RULES / "modality.yaml").read_text(encoding="utf-8"))
    data["target"].append("力争(")
    with pytest.raises(RuleError, match=r"target\[\d+\].*does not compile"):
        modality.load_modality_rules(_write(tmp_path, "modality.yaml", data))
    data = yaml.safe_load((RULES / "modality.yaml").read_text(encoding="utf-8"))
    data["maybe"] = ["或许"]
    with pytest.raises(RuleError, match="unknown key"):
        modality.load_modality_rules(_write(tmp_path, "modality2.yaml", data))


def test_a_metric_is_added_by_editing_the_file_only(tmp_path, monkeypatch):
    """A new metric id in rules/metrics.yaml is used without any code change."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    data = _metrics()
    data["ids"].append("canteens_built")
    data["metrics"].append({"id": "canteens_built", "name": "新建食堂", "kinds": ["count"],
                            "units": ["个", "所"], "any": ["食堂"], "priority": 90})
    (folder / "metrics.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("EDUMINE_RULES", str(folder))
    attribution.load_metric_rules.cache_clear()
    try:
        from .helpers import make_figures
        text = "全县新建学校食堂12个。"
        figs = make_figures(text, [["12个", "count"]])
        attribution.attribute(text, [(0, len(text))], figs, 2024, school_doc=True)
        assert figs[0].metric == "canteens_built"
    finally:
        monkeypatch.delenv("EDUMINE_RULES")
        attribution.load_metric_rules.cache_clear()
