"""Every case of rules/cases/boilerplate.yaml, and the rule file's validation."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.clean import classify, join_wrapped, load_rules, read_body, strip_spans
from pipeline.errors import RuleError
from pipeline.rulefiles import rule_path

CASES = yaml.safe_load(rule_path("cases/boilerplate.yaml").read_text(encoding="utf-8"))


def _params(section: str) -> list:
    out = []
    for i, case in enumerate(CASES[section]):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        out.append(pytest.param(case, id=f"{section}[{i}]", marks=marks))
    return out


@pytest.mark.parametrize("case", _params("lines"))
def test_line_case(case: dict) -> None:
    [(line, why)] = classify([case["line"]])
    if case.get("keep"):
        assert why is None, f"dropped by {why.id if why else None}"
    else:
        assert why is not None and why.id == case["drop"]


@pytest.mark.parametrize("case", _params("strip"))
def test_strip_case(case: dict) -> None:
    assert strip_spans(case["line"], load_rules()) == case["expect"]


@pytest.mark.parametrize("case", _params("inline_spam"))
def test_inline_spam_case(case: dict) -> None:
    [(line, why)] = classify([case["line"]])
    assert why is None and line == case["expect"]


@pytest.mark.parametrize("case", _params("texts"))
def test_text_case(case: dict) -> None:
    lines = read_body(case["text"].strip()).lines
    if case.get("fmt") == "text":
        lines = join_wrapped(lines)
    assert "\n".join(lines) == case["expect"].strip()


def _write(tmp_path: Path, text: str, spam: str = "人妻\n少妇\n") -> str:
    (tmp_path / "spam.txt").write_text(spam, encoding="utf-8")
    path = tmp_path / "boilerplate.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD_SPAM = ("spam: {keywords: spam.txt, tiers: [{min_hits: 3, min_density: 0.3}]}\n"
             "qa_page: {why: w, markers: ['我来回答'], min_markers: 1}\n")


@pytest.mark.parametrize("body, loc, reason", [
    ("drop:\n  - {id: a, pattern: 'x', why: w, colour: red}\n", "drop.a", "unknown key(s): colour"),
    ("drop:\n  - {id: a, why: w}\n", "drop[0].pattern", "missing"),
    ("drop:\n  - {id: a, pattern: '(x', why: w}\n", "drop.a", "regex does not compile"),
    ("drop:\n  - {id: a, pattern: 'x', why: w}\n  - {id: a, pattern: 'y', why: w}\n", "drop.a",
     "duplicate rule id 'a'"),
    ("drop:\n  - {id: a, pattern: 'x'}\n", "drop[0].why", "missing"),
    ("drop: []\nextra: []\n", "<file>", "unknown key(s): extra"),
])
def test_rule_file_errors_name_file_and_entry(tmp_path: Path, body: str, loc: str, reason: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUMINE_RULES", str(tmp_path))
    path = _write(tmp_path, body + GOOD_SPAM)
    with pytest.raises(RuleError) as err:
        load_rules(path)
    assert err.value.loc == loc
    assert reason in str(err.value)
    assert err.value.path.endswith("boilerplate.yaml")


def test_spam_settings_validated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUMINE_RULES", str(tmp_path))
    path = _write(tmp_path, "drop: []\nspam: {keywords: spam.txt, tiers: [{min_hits: 3, min_density: 2}]}\n")
    with pytest.raises(RuleError, match=r"spam.tiers\[0\].min_density\] must be in"):
        load_rules(path)
    path = _write(tmp_path, "drop: []\nspam: {keywords: spam.txt, tiers: [{min_hits: 1, min_density: 0.5}]}\n")
    with pytest.raises(RuleError, match=r"spam.tiers\[0\].min_hits\] must be at least 2"):
        load_rules(path)
    path = _write(tmp_path, "drop: []\n" + GOOD_SPAM, spam="人妻\n人妻\n")
    with pytest.raises(RuleError, match="duplicate keyword '人妻'"):
        load_rules(path)


def test_rules_load_once() -> None:
    assert load_rules() is load_rules()


def test_qa_markers_validated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUMINE_RULES", str(tmp_path))
    spam = "spam: {keywords: spam.txt, tiers: [{min_hits: 3, min_density: 0.3}]}\n"
    path = _write(tmp_path, "drop: []\n" + spam + "qa_page: {why: w, markers: ['共(\\\\d+'], min_markers: 1}\n")
    with pytest.raises(RuleError, match=r"qa_page.markers\[0\]\] regex does not compile"):
        load_rules(path)
    path = _write(tmp_path, "drop: []\n" + spam)
    with pytest.raises(RuleError, match=r"<file>.qa_page\] missing"):
        load_rules(path)


@pytest.mark.parametrize("text, qa", [
    ("问题标题 发布网友 发布时间:2023-05-14 我来回答 共1个回答 热心网友", True),
    ("某县教育局发布消息，热心网友纷纷点赞。", False),
])
def test_is_qa_page(text: str, qa: bool) -> None:
    from pipeline.clean import is_qa_page
    assert is_qa_page(text) is qa
