"""A second process meets a held warehouse with a plain message, not a stack trace."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

HOLD = """
import sys, time
from pipeline.store import Warehouse
wh = Warehouse(sys.argv[1])
print("held", flush=True)
time.sleep(30)
"""


@pytest.fixture
def held_db(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    yield db
    holder.kill()
    holder.wait()


@pytest.mark.parametrize("args", [
    ["ingest", "-"],
    ["sql", "SELECT 1"],
])
def test_second_process_gets_clear_message(held_db, args):
    t0 = time.time()
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", *args, "--db", str(held_db)],
                       input="", capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith("error E301: the warehouse")
    assert "in use by another process" in r.stderr
    assert time.time() - t0 < 30
