"""A broken rule file stops the run at start, naming file, entry and reason;
nothing is read or written with a half-loaded rule set."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (file, text to find, replacement, what the message must say)
BREAKAGES = [
    ("metrics.yaml", "    kinds: [money]\n", "    kinds: [money\n", "invalid YAML"),
    ("metrics.yaml", "  - id: edu_spending\n", "  - id: edu_spendingx\n", "edu_spendingx"),
    ("metrics.yaml", "    kinds: [money]\n", "    kinds: [moneyy]\n", "moneyy"),
    ("measures.yaml", "    exclude: ['托管(?:服务|班)', '(?:课后|基础|暑期|寒假|假期|延时|午间)托管']",
     "    exclude: ['托管(?:服务|班', '(?:课后|基础|暑期|寒假|假期|延时|午间)托管']", "regex does not compile"),
    ("measures.yaml", "    terms: [集团化办学, 教育集团,", "    terms: [集团化办学, 教育集团, 教育集团,", "duplicate"),
    ("measures.yaml", "    category: environment  # reorganises", "    category: market  # reorganises", "market"),
]


def _broken_rules(tmp: Path, name: str, old: str, new: str) -> Path:
    rules = tmp / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"anchor for the test is gone from {name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return rules


@pytest.mark.parametrize("name, old, new, says", BREAKAGES)
def test_broken_rule_file_fails_at_start(tmp_path, name, old, new, says):
    rules = _broken_rules(tmp_path, name, old, new)
    doc = tmp_path / "doc.txt"
    doc.write_text("2023年全县教育经费投入3亿元。\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    env = {"EDUMINE_RULES": str(rules), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(doc), "--db", str(db)],
                       capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert r.returncode == 1, r.stdout + r.stderr
    assert r.stderr.startswith(f"error E100: [rules/{name} -> "), r.stderr
    assert says in r.stderr
    assert "Traceback" not in r.stderr
    assert not db.exists(), "nothing may be written with a broken rule set"
