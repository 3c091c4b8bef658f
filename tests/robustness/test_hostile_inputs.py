"""Hostile inputs, generated here (no committed binaries): each is ingested or
rejected with its reason, none stops the run, and memory stays bounded."""
from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

GOOD = "晋安区教育局工作报告\n发布时间：2024-07-08\n2023年全区财政性教育经费投入9.64亿元，较上年增长23.65%。新建学校3所。\n"


def _write_corpus(root: Path) -> dict[str, str]:
    """Files by name -> what must happen to them ('ok' or a reject reason family)."""
    rng = random.Random(3)
    d = root / "hostile corpus 目录"  # a path with a space and Chinese characters
    d.mkdir()
    expect = {}

    def put(name: str, data: bytes, outcome: str) -> None:
        (d / name).write_bytes(data)
        expect[name] = outcome

    put("good 报告.txt", GOOD.encode("utf-8"), "ok")
    put("empty.html", b"", "rejected")
    put("blank.txt", b"   \n\n  \t", "rejected")
    put("binary.html", bytes(rng.getrandbits(8) for _ in range(4096)), "rejected")
    put("png.html", b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(2048)), "rejected")
    put("truncated-utf8.txt", GOOD.encode("utf-8")[:-2] + "教".encode("utf-8")[:2], "ok")
    put("truncated-gbk.txt", GOOD.encode("gbk") + "教".encode("gbk")[:1], "ok")
    put("mixed.html", (b"<html><body><p>" + GOOD.encode("utf-8") + b"</p><p>"
                       + "这一段是GBK编码的文字，新建学校5所。".encode("gbk") + b"</p></body></html>"), "any")
    put("deep.html", b"<html><body>" + b"<div>" * 100_000 + GOOD.encode() + b"</div>" * 100_000
        + b"</body></html>", "any")
    put("digits.txt", b"1" * 10_000_000, "any")
    put("spam.txt", ("澳门赌场 在线视频 免费 人妻 少妇 博彩 彩票 网址 " * 200).encode("utf-8"), "rejected")
    lines = [json.dumps({"url": "https://example.org/a", "text": GOOD}, ensure_ascii=False),
             "{broken json",
             json.dumps({"url": "https://example.org/b", "html": "<p>" + GOOD.replace("3所", "4所") + "</p>"},
                        ensure_ascii=False),
             json.dumps({"no_url": 1})]
    put("dump.jsonl", ("\n".join(lines) + "\n").encode("utf-8"), "jsonl")
    loop = d / "loop"
    loop.mkdir()
    os.symlink(d, loop / "back-to-top")  # a symlink loop
    return expect


@pytest.mark.slow
def test_hostile_corpus_is_ingested_or_rejected_never_fatal(tmp_path):
    expect = _write_corpus(tmp_path)
    db = tmp_path / "w.duckdb"
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(tmp_path / "hostile corpus 目录"),
                        "--db", str(db), "--jobs", "2", "--no-progress"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    con = duckdb.connect(str(db), read_only=True)
    docs = {Path(p).name.split("#")[0] for (p,) in con.execute("SELECT source_path FROM documents").fetchall()}
    rejects = {}
    for path, reason in con.execute("SELECT source_path, reason FROM rejects").fetchall():
        rejects.setdefault(Path(path).name.split("#")[0], []).append(reason)
    for name, outcome in expect.items():
        if outcome == "ok":
            assert name in docs, (name, rejects.get(name))
        elif outcome == "rejected":
            assert name not in docs and rejects.get(name), name
        elif outcome == "jsonl":
            assert name in docs and len(rejects.get(name, [])) == 2, rejects.get(name)
        else:
            assert (name in docs) != bool(rejects.get(name)), (name, rejects.get(name))
    # every value finite, every span inside its text
    bad = con.execute("SELECT count(*) FROM figures f JOIN documents d USING (doc_id) "
                      "WHERE NOT isfinite(f.value) OR f.start < 0 OR f.\"end\" > length(d.text) "
                      "OR substr(d.text, f.start + 1, f.\"end\" - f.start) <> f.surface").fetchone()[0]
    assert bad == 0
    assert all(reason for rs in rejects.values() for reason in rs)


def test_large_page_memory_is_bounded(tmp_path):
    """A 50 MB page is refused by size before it is read (limit: EDUMINE_MAX_INPUT_MB)."""
    page = tmp_path / "big.html"
    with open(page, "wb") as fh:
        para = ("<p>" + GOOD * 20 + "</p>\n").encode("utf-8")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(para)
    db = tmp_path / "w.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(page), "--db", str(db),
                        "--jobs", "1", "--no-progress"], capture_output=True, text=True, timeout=600)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(db), read_only=True)
    reasons = [x for (x,) in con.execute("SELECT reason FROM rejects").fetchall()]
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert docs == 1 or reasons, "neither ingested nor rejected"
    assert peak_mb < 1500, f"peak RSS {peak_mb:.0f} MB"
