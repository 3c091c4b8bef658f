"""Reading inputs: files, folders, stdin, JSON Lines, URLs (local server) and every reject."""
from __future__ import annotations

import http.server
import io
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import sources
from pipeline.model import RawInput, Reject
from pipeline.sources import iter_inputs, read_file

PAGE = "某县今年新建学校12所，新增学位6000个。"
HTML = f"<html><head><meta charset='gbk'></head><body><p>{PAGE}</p></body></html>"


def _summary(items: list) -> list[tuple]:
    return [(type(i).__name__, os.path.basename(i.source_path),
             i.fmt if isinstance(i, RawInput) else i.reason) for i in items]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c").mkdir()
    (tmp_path / "a.html").write_bytes(HTML.encode("gbk"))
    (tmp_path / "b" / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b" / "c" / "noext").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    (tmp_path / "b" / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / "b" / "a.truth.txt").write_text("reference, not an input", encoding="utf-8")
    (tmp_path / "b" / "c" / "loop").symlink_to(tmp_path / "b")  # a symlink loop
    (tmp_path / ".hidden.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_folder_recursive_sorted_loop_survived(tree: Path) -> None:
    assert _summary(list(iter_inputs([str(tree)]))) == [
        ("RawInput", "a.html", "html"), ("RawInput", "noext", "html"), ("RawInput", "page.txt", "text"),
    ]


def test_file_bytes_kept_as_read(tree: Path) -> None:
    [raw] = list(iter_inputs([str(tree / "a.html")]))
    assert raw.data == HTML.encode("gbk") and raw.source_path == str(tree / "a.html")


def test_stdin_lists_paths(tree: Path) -> None:
    stdin = io.StringIO(f"{tree / 'a.html'}\n\n# a comment\n{tree / 'b' / 'page.txt'}\n")
    assert _summary(list(iter_inputs(["-"], stdin=stdin))) == [
        ("RawInput", "a.html", "html"), ("RawInput", "page.txt", "text")]


def test_sniffed_format(tmp_path: Path) -> None:
    (tmp_path / "x.dat").write_bytes("\ufeff<html><body>页</body></html>".encode("utf-8-sig"))
    (tmp_path / "y.dat").write_bytes(PAGE.encode("utf-8"))
    assert [i.fmt for i in iter_inputs([str(tmp_path / "x.dat"), str(tmp_path / "y.dat")])] == ["html", "text"]


def test_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n ")
    (tmp_path / "img.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    monkeypatch.setenv("EDUMINE_MAX_INPUT_MB", "0.001")  # 1048 bytes
    items = list(iter_inputs([str(tmp_path / n) for n in ("empty.txt", "img.html", "big.txt", "gone.txt")]))
    assert [(os.path.basename(i.source_path), i.reason) for i in items] == [
        ("empty.txt", "empty"), ("img.html", "binary"), ("big.txt", "too_large"), ("gone.txt", "not_found")]
    assert all(isinstance(i, Reject) and i.stage == "read" for i in items)


def test_unreadable(tmp_path: Path) -> None:
    [rej] = list(read_file(str(tmp_path)))  # a folder read as a file: the OS refuses
    assert rej.reason == "unreadable" and "IsADirectoryError" in rej.detail


def test_dash_without_stdin() -> None:
    [rej] = list(iter_inputs(["-"], stdin=None))
    assert rej.reason == "unreadable"


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "http://a.test/1", "html": HTML, "fetched_at": "2024-05-01T10:00:00"}),
        "{broken",
        json.dumps({"url": "http://a.test/2", "text": PAGE}),
        "",
        json.dumps({"url": "http://a.test/3"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"url": "http://a.test/4", "text": "   "}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    got = [(i.source_path.split("#")[1], type(i).__name__,
            i.fmt if isinstance(i, RawInput) else i.reason) for i in items]
    assert got == [("L1", "RawInput", "html"), ("L2", "Reject", "bad_jsonl"), ("L3", "RawInput", "text"),
                   ("L5", "Reject", "bad_jsonl"), ("L6", "Reject", "bad_jsonl"), ("L7", "Reject", "empty")]
    first = items[0]
    assert (first.url, first.fetched_at, first.text) == ("http://a.test/1", "2024-05-01T10:00:00", HTML)
    assert items[1].detail.startswith("line 2: invalid JSON")


def test_json_array_is_not_jsonl(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text('[{"url": "x", "text": "y"}]', encoding="utf-8")
    [rej] = list(iter_inputs([str(tmp_path / "list.json")]))
    assert rej.reason == "bad_jsonl"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {
        "/gbk.html": (200, "text/html; charset=GBK", HTML.encode("gbk")),
        "/plain": (200, "text/plain; charset=utf-8", PAGE.encode("utf-8")),
        "/img": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    }

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_fetch_keeps_http_charset(server: str) -> None:
    [raw] = list(iter_inputs([f"{server}/gbk.html"], allow_private_urls=True))
    assert isinstance(raw, RawInput)
    assert (raw.fmt, raw.http_charset, raw.data) == ("html", "GBK", HTML.encode("gbk"))
    assert raw.source_path == f"{server}/gbk.html"


def test_urls_from_stdin(server: str) -> None:
    stdin = io.StringIO(f"{server}/plain\n{server}/missing\n{server}/img\n")
    items = list(iter_inputs(["-"], stdin=stdin, allow_private_urls=True))
    assert [(type(i).__name__, getattr(i, "fmt", None) or i.reason) for i in items] == [
        ("RawInput", "text"), ("Reject", "fetch_failed"), ("Reject", "binary")]
    assert items[0].data.decode("utf-8") == PAGE and items[0].http_charset == "utf-8"


def test_private_address_refused_by_default(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDUMINE_ALLOW_PRIVATE_URLS", raising=False)
    [rej] = list(iter_inputs([f"{server}/plain"]))
    assert rej.reason == "fetch_failed"
    monkeypatch.setenv("EDUMINE_ALLOW_PRIVATE_URLS", "1")
    [raw] = list(iter_inputs([f"{server}/plain"]))
    assert isinstance(raw, RawInput) and raw.fmt == "text"


def test_unlistable_subfolder_is_a_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str):  # root reads every folder: simulate one the OS refuses
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    assert _summary(list(iter_inputs([str(tmp_path)]))) == [
        ("RawInput", "a.txt", "text"), ("Reject", "locked", "unreadable")]
