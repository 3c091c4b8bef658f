"""Reading inputs: files, folders, stdin lists, URLs and JSON Lines crawl dumps.

Everything readable becomes a :class:`RawInput`; everything else a
:class:`Reject` with a reason code, so one bad input never stops a run.

Folders are walked recursively in name order, symlinks followed once (a loop
is not entered twice); hidden entries, reference files beside pages
(``*.truth.*``, ``*.snippets.json``) and files whose extension is not a page,
text or dump (``.pdf``, ``.md``, images) are passed over. A file named
explicitly is always read.

``source_path`` is the path as given (folders expanded to their files), the
URL for a fetched page, and ``<file>#L<n>`` for the n-th line (1-based) of a
JSON Lines dump: the record's own ``url`` is kept in ``RawInput.url``. The
line reference is unique and stable even when a dump holds one URL twice.

Reason codes: ``not_found``, ``unreadable``, ``empty``, ``binary``,
``too_large``, ``bad_jsonl``, ``fetch_failed``.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from .decode import looks_binary
from .model import RawInput, Reject

HTML_EXT = (".html", ".htm", ".shtml", ".xhtml")
TEXT_EXT = (".txt", ".text")
JSONL_EXT = (".jsonl", ".json", ".ndjson")


def max_bytes() -> int:
    """The read cap: ``$EDUMINE_MAX_INPUT_MB`` (default 20), the same the writer applies."""
    return int(float(os.environ.get("EDUMINE_MAX_INPUT_MB", "20")) * 1024 * 1024)


# files a crawl folder holds beside the pages: never inputs
SKIP_NAMES = re.compile(r"\.(?:truth\.[a-z]+|truth-meta\.json|snippets\.json)$|^(?:sources\.json|SOURCES\.md)$")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<!--)", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def sniff_format(data: bytes) -> str:
    """``html`` when the bytes open like an HTML document, else ``text``."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    return "html" if _HTML_SNIFF.match(head) else "text"


def _check_bytes(path: str, data: bytes) -> Reject | None:
    if not data.strip():
        return Reject(path, "empty", "no content")
    if len(data) > max_bytes():
        return Reject(path, "too_large", f"{len(data)} bytes > {max_bytes()} (EDUMINE_MAX_INPUT_MB)")
    if looks_binary(data):
        return Reject(path, "binary", "binary content")
    return None


def read_file(path: str) -> Iterator[RawInput | Reject]:
    """One file: a page (HTML or text), or a JSON Lines dump of pages."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes():
            yield Reject(path, "too_large", f"{size} bytes > {max_bytes()} (EDUMINE_MAX_INPUT_MB)")
            return
        data = p.read_bytes()
    except FileNotFoundError:
        yield Reject(path, "not_found", "no such file")
        return
    except OSError as exc:
        yield Reject(path, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    ext = p.suffix.lower()
    if ext in JSONL_EXT and not data.lstrip().startswith(b"<"):
        yield from read_jsonl(path, data)
        return
    bad = _check_bytes(path, data)
    if bad is not None:
        yield bad
        return
    fmt = "html" if ext in HTML_EXT else "text" if ext in TEXT_EXT else sniff_format(data)
    yield RawInput(source_path=path, fmt=fmt, data=data)


def _record(path: str, n: int, line: bytes) -> RawInput | Reject:
    where = f"{path}#L{n}"
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Reject(where, "bad_jsonl", f"line {n}: invalid JSON: {exc}")
    if not isinstance(rec, dict):
        return Reject(where, "bad_jsonl", f"line {n}: expected an object")
    page = rec.get("html") if rec.get("html") is not None else rec.get("text")
    fmt = "html" if rec.get("html") is not None else "text"
    if not isinstance(page, str):
        return Reject(where, "bad_jsonl", f"line {n}: needs a string 'html' or 'text'")
    if not page.strip():
        return Reject(where, "empty", f"line {n}: empty page")
    url = rec.get("url")
    fetched = rec.get("fetched_at")
    return RawInput(source_path=where, fmt=fmt, text=page,
                    url=url if isinstance(url, str) else None,
                    fetched_at=str(fetched) if fetched is not None else None)


def read_jsonl(path: str, data: bytes) -> Iterator[RawInput | Reject]:
    """Records of a JSON Lines dump; a broken line is a Reject naming file and line."""
    if not data.strip():
        yield Reject(path, "empty", "no content")
        return
    if data.lstrip()[:1] == b"[":
        yield Reject(path, "bad_jsonl", "a JSON array, not JSON Lines (one object a line)")
        return
    for n, line in enumerate(data.split(b"\n"), 1):
        if line.strip():
            yield _record(path, n, line)


@lru_cache(maxsize=2)
def _fetch_config(allow_private: bool) -> ConfigParser:
    """trafilatura's settings; SSRF protection (no private addresses) unless asked otherwise."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    return config


def fetch(url: str, *, allow_private: bool | None = None) -> RawInput | Reject:
    """Fetch a page with trafilatura's fetcher, keeping the HTTP charset.

    Private and loopback addresses are refused (trafilatura's SSRF guard)
    unless ``allow_private`` or ``$EDUMINE_ALLOW_PRIVATE_URLS=1``: a crawl list
    should not make the tool probe the local network by accident.
    """
    import trafilatura

    if allow_private is None:
        allow_private = os.environ.get("EDUMINE_ALLOW_PRIVATE_URLS") == "1"
    try:
        resp = trafilatura.fetch_response(url, decode=False, config=_fetch_config(allow_private))
    except Exception as exc:  # the fetcher's own errors vary by backend: report, go on
        return Reject(url, "fetch_failed", f"{type(exc).__name__}: {exc}")
    if resp is None or resp.status != 200 or resp.data is None:
        status = getattr(resp, "status", None)
        return Reject(url, "fetch_failed", f"HTTP status {status}" if status else "no response")
    data = bytes(resp.data)
    bad = _check_bytes(url, data)
    if bad is not None:
        return bad
    headers = {k.lower(): v for k, v in (resp.headers or {}).items()}
    ctype = headers.get("content-type", "")
    m = _CHARSET.search(ctype)
    fmt = "text" if "text/plain" in ctype else "html" if "html" in ctype else sniff_format(data)
    return RawInput(source_path=url, fmt=fmt, data=data, url=getattr(resp, "url", None) or url,
                    http_charset=m.group(1) if m else None)


def wanted(name: str) -> bool:
    """Folder members we read: pages, text and dumps (or no extension), not reference files."""
    if SKIP_NAMES.search(name):
        return False
    ext = os.path.splitext(name)[1].lower()
    return not ext or ext in HTML_EXT + TEXT_EXT + JSONL_EXT


def walk(folder: str) -> Iterator[str | Reject]:
    """Files under ``folder``, recursively, sorted, following symlinks once (no loops).

    A sub-folder that cannot be listed comes back as a Reject (``unreadable``).
    """
    seen: set[str] = set()

    def visit(d: str) -> Iterator[str | Reject]:
        real = os.path.realpath(d)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            yield Reject(d, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=True):
                yield from visit(e.path)
            elif wanted(e.name):
                yield e.path

    yield from visit(folder)


def _one(arg: str, allow_private: bool | None) -> Iterator[RawInput | Reject]:
    if is_url(arg):
        yield fetch(arg, allow_private=allow_private)
    elif os.path.isdir(arg):
        for path in walk(arg):
            if isinstance(path, Reject):
                yield path
            else:
                yield from read_file(path)
    else:
        yield from read_file(arg)


def iter_inputs(paths: Iterable[str], stdin: TextIO | None = None, *,
                allow_private_urls: bool | None = None) -> Iterator[RawInput | Reject]:
    """Every input named by ``paths``; ``-`` reads more paths/URLs from ``stdin``, one a line.

    ``allow_private_urls``: fetch URLs on private/loopback addresses (see :func:`fetch`).
    """
    for arg in paths:
        if arg == "-":
            if stdin is None:
                yield Reject("-", "unreadable", "'-' given but no standard input")
                continue
            for line in stdin:
                line = line.strip()
                if line and not line.startswith("#") and line != "-":
                    yield from _one(line, allow_private_urls)
        else:
            yield from _one(arg, allow_private_urls)
