"""Schema versions: fresh, idempotent, upgrade without loss, refusal of newer warehouses."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.errors import WarehouseError
from pipeline.migrate import SCHEMA_DIR, VIEWS_DIR, apply_schema, current_version, migrations

LATEST = migrations()[-1][0]  # the code's schema version


def _version(con) -> str:
    return con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]


def test_fresh_warehouse_gets_version_and_views(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert current_version(con) == 0
    assert apply_schema(con) == LATEST
    assert _version(con) == str(LATEST)
    views = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW'").fetchall()}
    assert {"figures_full", "latest_values"} <= views
    assert apply_schema(con) == LATEST  # idempotent


def _v1_with_rows(path: Path) -> None:
    con = duckdb.connect(str(path))
    apply_schema(con)
    con.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1) VALUES ('d1', 'a.txt', '全县投入5亿元。', 's')")
    con.execute("INSERT INTO figures (figure_id, doc_id, start, \"end\", surface, kind, value) "
                "VALUES ('f1', 'd1', 4, 7, '5亿元', 'money', 5e8)")
    con.close()


def test_old_warehouse_upgrades_without_losing_rows(tmp_path):
    db = tmp_path / "old.duckdb"
    _v1_with_rows(db)
    schema = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema)
    (schema / f"{LATEST + 1:03d}_notes.sql").write_text(
        "ALTER TABLE documents ADD COLUMN note VARCHAR;\n"
        "CREATE TABLE IF NOT EXISTS notes (doc_id VARCHAR, note VARCHAR);\n", encoding="utf-8")
    con = duckdb.connect(str(db))
    assert apply_schema(con, schema_dir=schema) == LATEST + 1
    assert _version(con) == str(LATEST + 1)
    assert con.execute("SELECT doc_id, note FROM documents").fetchall() == [("d1", None)]
    assert con.execute("SELECT figure_id, value FROM figures").fetchall() == [("f1", 5e8)]
    assert con.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    assert con.execute("SELECT figure_id, doc_id FROM figures_full").fetchall() == [("f1", "d1")]


def test_failed_migration_leaves_previous_version(tmp_path):
    db = tmp_path / "old.duckdb"
    _v1_with_rows(db)
    schema = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, schema)
    bad = f"{LATEST + 1:03d}_bad.sql"
    (schema / bad).write_text("CREATE TABLE t2 (x INT);\nSELECT * FROM no_such_table;\n")
    con = duckdb.connect(str(db))
    with pytest.raises(WarehouseError, match=f"migration {bad} failed"):
        apply_schema(con, schema_dir=schema)
    assert _version(con) == str(LATEST)
    assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 't2'").fetchone()[0] == 0


def test_newer_warehouse_is_refused(tmp_path):
    con = duckdb.connect(str(tmp_path / "new.duckdb"))
    apply_schema(con)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(WarehouseError, match="schema version 99, newer than this edumine"):
        apply_schema(con)


@pytest.mark.parametrize("names, message", [
    (["001_a.sql", "001_b.sql"], "share version 1"),
    (["001_a.sql", "003_c.sql"], "expected version 002 next"),
    (["1_a.sql"], "not named NNN_name.sql"),
])
def test_bad_schema_folders(tmp_path, names, message):
    for n in names:
        (tmp_path / n).write_text("SELECT 1;")
    with pytest.raises(WarehouseError, match=message):
        migrations(tmp_path)


def test_broken_view_names_its_file(tmp_path):
    views = tmp_path / "views"
    views.mkdir()
    (views / "zz_broken.sql").write_text("CREATE OR REPLACE VIEW zz AS SELECT * FROM nowhere;")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    with pytest.raises(WarehouseError, match="view file zz_broken.sql failed"):
        apply_schema(con, views_dir=views)


def test_project_view_files_exist():
    assert {p.name for p in VIEWS_DIR.glob("*.sql")} >= {"figures_full.sql", "latest_values.sql"}


def test_unversioned_v1_warehouse_is_adopted(tmp_path):
    """Tables made by 001 before versions were recorded: adopted as version 1, rows kept."""
    con = duckdb.connect(str(tmp_path / "pre.duckdb"))
    con.execute((SCHEMA_DIR / "001_init.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1) VALUES ('d1', 'a.txt', 't', 's')")
    assert current_version(con) == 0
    assert apply_schema(con) == LATEST
    assert con.execute("SELECT doc_id FROM documents").fetchall() == [("d1",)]
