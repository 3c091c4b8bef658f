"""The CLI end to end into real DuckDB files, with exact outputs."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC_A = ("安吉县教育局2023年工作总结\n发布时间：2024-01-15  来源：安吉县教育局\n"
         "2023年，全县财政性教育经费投入12.5亿元，较上年增长8.2%。新改扩建中小学6所，新增学位4200个。\n")
DOC_B = ("通渭县推进义务教育均衡发展\n发布时间：2023-06-01\n"
         "2022年，通渭县交流轮岗教师312名，组建教育集团9个。\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(DOC_A, encoding="utf-8")
    (d / "b.txt").write_text(DOC_B, encoding="utf-8")
    return d


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_twice_is_idempotent(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    first = run("ingest", str(corpus), "--db", db, "--jobs", "1")
    assert first.exit_code == 0
    assert first.stdout.strip().splitlines()[-1] == (
        "documents: 2 new, 0 updated, 0 unchanged, 0 duplicate, 0 rejected; figures: 6; measures: 3")
    counts = duckdb.connect(db, read_only=True).execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures)").fetchone()
    second = run("ingest", str(corpus), "--db", db, "--jobs", "1")
    assert second.stdout.strip().splitlines()[-1] == (
        "documents: 0 new, 0 updated, 2 unchanged, 0 duplicate, 0 rejected; figures: 0; measures: 0")
    assert duckdb.connect(db, read_only=True).execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM figures)").fetchone() == counts


def test_rejects_are_recorded_once_across_reruns(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    (corpus / "empty.html").write_bytes(b"")
    for _ in range(2):
        out = run("ingest", str(corpus), "--db", db, "--jobs", "1")
        assert out.exit_code == 0
        assert "rejected " in out.stderr and "empty.html: empty" in out.stderr
    rows = duckdb.connect(db, read_only=True).execute("SELECT source_path, reason FROM rejects").fetchall()
    assert [(Path(p).name, r) for p, r in rows] == [("empty.html", "empty")]


def test_changed_file_is_updated_not_doubled(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    (corpus / "a.txt").write_text(DOC_A.replace("6所", "7所"), encoding="utf-8")
    out = run("ingest", str(corpus), "--db", db, "--jobs", "1").stdout
    assert "0 new, 1 updated, 1 unchanged" in out
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM figures WHERE surface = '6所'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM figures WHERE surface = '7所'").fetchone()[0] == 1


def test_sql_exact_csv_and_read_only(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    out = run("sql", "SELECT surface, kind, value, metric FROM figures ORDER BY start, surface LIMIT 3",
              "--db", db, "--format", "csv")
    assert out.exit_code == 0
    assert out.stdout.splitlines()[0] == "surface,kind,value,metric"
    denied = run("sql", "DELETE FROM figures", "--db", db)
    assert denied.exit_code == 1 and denied.stderr.startswith("error E310:")
    assert duckdb.connect(db, read_only=True).execute("SELECT count(*) FROM figures").fetchone()[0] == 6
    bad = run("sql", "SELECT nope FROM figures", "--db", db)
    assert bad.exit_code == 1 and "nope" in bad.stderr and "Traceback" not in bad.stderr


def test_sql_write_flag_allows_changes(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    assert run("sql", "DELETE FROM rejects", "--db", db, "--write").exit_code == 0
    # a figure corrected by hand shows in the comparison (latest values are recomputed)
    fix = "UPDATE figures SET value = 1300000000 WHERE metric = 'edu_spending' AND value = 1250000000"
    assert run("sql", fix, "--db", db, "--write").exit_code == 0
    out = run("sql", "SELECT value FROM latest_values WHERE metric = 'edu_spending'", "--db", db,
              "--format", "csv")
    assert out.stdout.splitlines() == ["value", "1300000000.0"]


@pytest.mark.parametrize("evil", ["edu_spending'; DROP TABLE figures; --", "x' OR '1'='1"])
def test_injection_through_metric_and_region_fails_safely(corpus, tmp_path, evil):
    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    r = run("compare", "--db", db, "--metric", evil)
    assert r.exit_code == 1 and r.stderr.startswith("error E500:")
    r = run("compare", "--db", db, "--metric", "edu_spending", "--region", evil)
    assert r.exit_code == 0
    r = run("show", evil, "--db", db)
    assert r.exit_code == 1 and r.stderr.startswith("error E500:")
    assert duckdb.connect(db, read_only=True).execute("SELECT count(*) FROM figures").fetchone()[0] == 6


def test_missing_warehouse_is_a_clean_error(tmp_path):
    r = run("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert r.exit_code == 1
    assert r.stderr.startswith("error E300: no warehouse at")


def test_bad_years_is_a_usage_error(corpus, tmp_path):
    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    r = run("compare", "--db", db, "--years", "2024-2019")
    assert r.exit_code == 1 and r.stderr.startswith("error E500: --years takes A-B")


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        assert f"`edumine {name}" in readme, f"command {name} is not in README.md"
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--db", "--help"):
                    assert opt in readme, f"option {opt} of {name} is not in README.md"


def test_every_rule_file_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for p in sorted((ROOT / "rules").iterdir()):
        if p.name == "cases":
            continue
        name = p.name + ("/" if p.is_dir() else "")
        assert re.search(re.escape(name), readme), f"rules/{name} is not described in README.md"


def test_public_api_names_are_functions_not_modules():
    import pipeline
    import pipeline.ingest  # noqa: F401  (a submodule import must not shadow the export)

    for name in pipeline.__all__:
        if name != "__version__":
            obj = getattr(pipeline, name)
            assert callable(obj) and not hasattr(obj, "__path__") and type(obj).__name__ != "module", name


def test_reextract_after_a_rules_change(corpus, tmp_path, monkeypatch):
    import shutil

    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    assert run("reextract", "--db", db, "--jobs", "1").stdout.startswith("reextracted 0 documents (2 already")
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with open(rules / "userdict.txt", "a", encoding="utf-8") as fh:
        fh.write("教育强县 n\n")  # any edit changes the rules version
    monkeypatch.setenv("EDUMINE_RULES", str(rules))
    again = run("ingest", str(corpus), "--db", db, "--jobs", "1")
    assert "note: 2 documents were extracted with other rules" in again.stderr
    out = run("reextract", "--db", db, "--jobs", "1")
    assert out.exit_code == 0 and out.stdout.startswith("reextracted 2 documents (0 already")
    versions = duckdb.connect(db, read_only=True).execute(
        "SELECT DISTINCT rules_version FROM figures UNION SELECT DISTINCT rules_version FROM documents").fetchall()
    assert len(versions) == 1


def test_reextract_names_the_document_whose_step_fails(corpus, tmp_path, figures_fail_on):
    """A bug in a step during reextract is a clean error naming stage, step and document;
    documents written before it keep their new rows."""
    db = str(tmp_path / "w.duckdb")
    run("ingest", str(corpus), "--db", db, "--jobs", "1")
    b_id = duckdb.connect(db, read_only=True).execute(
        "SELECT doc_id FROM documents WHERE source_path LIKE '%b.txt'").fetchone()[0]
    figures_fail_on("通渭县交流轮岗")
    out = CliRunner().invoke(main, ["reextract", "--db", db, "--jobs", "1", "--force"])
    assert out.exit_code != 0
    assert f"stage 'extract (figures)' failed on document {b_id}: ValueError: boom" in out.output
