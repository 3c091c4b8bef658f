"""benchmarks/compare_money.py: value matching and a clear message when a reader is missing."""
from __future__ import annotations

import builtins

import compare_money  # tests/conftest.py puts benchmarks/ on sys.path


def test_match_pairs_each_gold_value_once():
    assert compare_money.match([964000000.0, 5.0, 5.0], [5.0, 964000000.0000001, 7.0]) == 2
    assert compare_money.match([5.0, 5.0], [5.0, 5.0, 5.0]) == 2
    assert compare_money.match([], [1.0]) == 0


def test_cn2an_style_regex_reads_magnitudes():
    values = [float(m.group(1)) * (1e8 if m.group(3) == "个亿" else compare_money._SCALE[m.group(2)])
              for m in compare_money._CN2AN_MONEY.finditer("投入3个亿，9.64亿元，2900多万元")]
    assert values == [3e8, 9.64e8, 2.9e7]


def test_missing_reader_is_reported(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name in ("jionlp", "cn2an"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    readers = compare_money.available()
    assert callable(readers["edumine"])
    assert "not installed" in readers["JioNLP"] and "not an edumine dependency" in readers["cn2an"]
