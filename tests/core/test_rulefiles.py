"""Rule-file loading fails with file, entry and reason."""
import pytest

from pipeline.errors import RuleError
from pipeline.rulefiles import compile_regex, load_yaml, need, no_duplicates, one_of, str_list


def test_bad_yaml_names_file_and_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_yaml(p)
    assert "bad.yaml" in str(exc.value) and "line" in str(exc.value)
    assert exc.value.code == "E100"


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(RuleError, match="not found"):
        load_yaml(tmp_path / "nope.yaml")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    with pytest.raises(RuleError, match="empty"):
        load_yaml(tmp_path / "empty.yaml")


def test_need_checks_presence_and_type():
    assert need({"a": 1}, "a", int, "f.yaml", "x[0]") == 1
    assert need({}, "a", int, "f.yaml", "x[0]", default=5) == 5
    with pytest.raises(RuleError, match=r"\[f.yaml -> x\[0\].a\] missing"):
        need({}, "a", int, "f.yaml", "x[0]")
    with pytest.raises(RuleError, match="expected int, got str"):
        need({"a": "1"}, "a", int, "f.yaml", "x[0]")


def test_str_list_and_one_of_and_duplicates():
    assert str_list({"cues": "投入"}, "cues", "f", "m") == ["投入"]
    with pytest.raises(RuleError, match="non-empty string"):
        str_list({"cues": ["a", ""]}, "cues", "f", "m")
    with pytest.raises(RuleError, match="is not one of"):
        one_of("moneyy", ["money", "count"], "f", "m.kind")
    with pytest.raises(RuleError, match="duplicate cue '投入'"):
        no_duplicates([("投入", "a[0]"), ("投入", "b[1]")], "f", "cue")


def test_regex_that_does_not_compile():
    with pytest.raises(RuleError, match="regex does not compile"):
        compile_regex("(unclosed", "f.yaml", "patterns[2]")
