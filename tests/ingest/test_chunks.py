"""Inputs are asked about in chunks bounded by count and by bytes; workers get them in order,
with a bounded number (and size) in flight."""
from __future__ import annotations

import pytest

from pipeline.ingest import _chunks
from pipeline.model import RawInput, Reject


def _raw(n: int, size: int) -> RawInput:
    return RawInput(f"d{n}.txt", "text", data=b"x" * size)


def test_chunks_by_count_keep_order():
    items = [_raw(i, 10) for i in range(5)]
    assert [[r.source_path for r in c] for c in _chunks(items, count=2)] == [
        ["d0.txt", "d1.txt"], ["d2.txt", "d3.txt"], ["d4.txt"]]


def test_chunks_by_bytes_and_rejects_count_no_bytes():
    items = [_raw(0, 600), Reject("bad.html", "binary", "x"), _raw(1, 600), _raw(2, 10)]
    chunks = list(_chunks(items, count=64, max_bytes=1000))
    assert [len(c) for c in chunks] == [3, 1]


def test_seen_inputs_one_query(tmp_path):
    from pipeline.store import Warehouse

    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.con.execute("INSERT INTO inputs (source_path, raw_sha256, status) VALUES ('a', '1', 'new'), ('b', '2', 'new')")
        assert wh.seen_inputs([("a", "1"), ("b", "3"), ("c", "1")]) == {("a", "1")}
        assert wh.seen_inputs([]) == set()


def _counted(n: int, pulled: list[int]):
    for i in range(n):
        pulled.append(i)
        yield i


@pytest.mark.parametrize("jobs", [1, 2])
def test_bounded_map_keeps_order(jobs: int) -> None:
    from pipeline.ingest import bounded_map

    assert list(bounded_map(str, range(40), jobs)) == [str(i) for i in range(40)]


def test_bounded_map_holds_at_most_window_items_in_flight() -> None:
    from pipeline.ingest import bounded_map

    pulled: list[int] = []
    results = bounded_map(str, _counted(30, pulled), 2, window=5)
    assert next(results) == "0" and len(pulled) == 5  # the first result is awaited at 5 in flight
    assert list(results) == [str(i) for i in range(1, 30)]


def test_bounded_map_caps_the_bytes_in_flight() -> None:
    from pipeline.ingest import bounded_map

    pulled: list[int] = []
    results = bounded_map(str, _counted(30, pulled), 2, window=100, size=lambda i: 10, max_bytes=30)
    assert next(results) == "0" and len(pulled) == 3
    assert list(results) == [str(i) for i in range(1, 30)]


def test_batches_by_count_and_bytes_keep_order() -> None:
    from pipeline.ingest import batched

    tasks = [(_raw(i, 10), f"sha{i}", n) for i, n in enumerate([10, 10, 900, 10, 10])]
    size = lambda task: task[2]  # noqa: E731
    got = [[sha for _, sha, _ in b] for b in batched(tasks, size, count=2, max_bytes=1000)]
    assert got == [["sha0", "sha1"], ["sha2", "sha3"], ["sha4"]]
    got = [[sha for _, sha, _ in b] for b in batched(tasks, size, count=32, max_bytes=500)]
    assert got == [["sha0", "sha1", "sha2"], ["sha3", "sha4"]]
    assert list(batched([], size)) == []


def test_writer_settings_apply_to_the_connection(tmp_path) -> None:
    import duckdb

    from pipeline.ingest import WRITER_SETTINGS, tune_writer

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    tune_writer(con)
    got = {name: con.execute(f"SELECT current_setting('{name}')").fetchone()[0] for name in WRITER_SETTINGS}
    # DuckDB reads MB as 10^6 bytes and shows MiB
    assert (got["threads"], got["checkpoint_threshold"], got["memory_limit"]) == (1, "244.1 MiB", "122.0 MiB")
