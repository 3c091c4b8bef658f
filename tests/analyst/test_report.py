"""The HTML report: its content, and how it looks in headless Chromium."""
from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

pytest.importorskip("plotly", reason="plotly is a dependency of `edumine report` (pip install 'plotly>=5')")

from pipeline.report import render_report  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--virtual-time-budget=8000"]
M = ["edu_spending", "satisfaction_rate", "teachers_exchanged"]


@pytest.fixture(scope="module")
def page(db_file, tmp_path_factory) -> Path:
    import duckdb
    con = duckdb.connect(str(db_file), read_only=True)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(con, M), encoding="utf-8")
    con.close()
    return path


def test_report_content(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<a href="#fig-f1">964,000,000</a>' in text
    assert '≠ <a href="#fig-f7">800,000,000</a>' in text
    assert '<li id="fig-f1"><b>f1</b> 教育经费投入 · 2023 · actual<br>“2023年，全区教育经费投入<mark>9.64亿元</mark>。”' in text
    # plotly writes the chart's JSON with raw Chinese when orjson is installed and with
    # \uXXXX escapes when not: the same page either way
    title = "教育经费投入：历年变化"
    assert title in text or json.dumps(title)[1:-1] in text
    # self-contained: plotly is inlined, nothing is fetched
    assert "src=\"http" not in text and "cdn.plot.ly" not in text.split("<body>")[1]
    assert len(text) > 1_000_000


def test_report_without_values(con):
    html = render_report(con, ["awards"])
    assert "没有符合条件的数据" in html


@pytest.fixture(scope="module")
def chromium() -> str:
    script = ROOT / "scripts" / "ensure_chromium.sh"
    done = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=900)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if done.returncode != 0 or not browser:
        pytest.skip(f"headless Chromium unavailable here: {done.stderr.strip() or 'not on PATH'}")
    return browser


def _run(browser: str, args: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


def ink_fraction(png: bytes) -> float:
    """Share of filtered pixel bytes that are neither 0 nor 255: about 0 for a blank page."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data = 8, b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            data += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(data)
    return 1 - (raw.count(0) + raw.count(255)) / len(raw)


def test_report_renders_in_chromium(chromium, page, tmp_path):
    shot = tmp_path / "shot.png"
    done = _run(chromium, ["--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()], tmp_path / "p1")
    assert shot.exists(), done.stderr[-2000:]
    assert ink_fraction(shot.read_bytes()) > 0.005
    dom = _run(chromium, ["--dump-dom", page.as_uri()], tmp_path / "p2").stdout
    assert "义务教育发展对比报告" in dom and "晋安区" in dom
    assert dom.count('class="main-svg"') >= 4  # plotly drew the charts
    assert "教育经费投入：各地最新数值" in dom and "闽侯县（2023）" in dom
