"""process_many: a batch of inputs through every stage gives each input's result alone, in
order; an input that fails (unusable, or a stage's bug) is a Reject that spares the others."""
from __future__ import annotations

from pipeline.model import RawInput, Reject
from pipeline.process import Processed, process, process_many

DOCS = [
    ("a.txt", "晋安区教育局：2023年全区财政性教育经费投入9.64亿元，较上年增长23.65%。"),
    ("b.txt", "   \n  "),
    ("c.txt", "宜昌市夷陵区2022年新建幼儿园5所，新增学位1350个。"),
    ("d.txt", "教师交流轮岗218人次。"),
]


def _raws() -> list[RawInput]:
    return [RawInput(path, "text", data=text.encode("utf-8")) for path, text in DOCS]


def _key(p: Processed | Reject) -> tuple:
    if isinstance(p, Reject):
        return ("reject", p.source_path, p.reason, p.stage)
    return (p.doc_id, p.text_sha1, p.raw_sha256, p.signature, p.raw_packed,
            [f.as_dict() for f in p.extraction.figures], [m.as_dict() for m in p.extraction.measures],
            [e.as_dict() for e in p.extraction.entities], p.extraction.region, p.extraction.as_of_year)


def test_a_batch_gives_each_input_its_result_alone() -> None:
    batch = process_many([(raw, None) for raw in _raws()])
    alone = [process(raw) for raw in _raws()]
    assert [_key(p) for p in batch] == [_key(p) for p in alone]
    assert [type(p).__name__ for p in batch] == ["Processed", "Reject", "Processed", "Processed"]
    assert batch[1].reason == "empty_after_cleaning" and batch[1].stage == "clean"
    assert batch[0].timings.keys() >= {"clean", "segment", "figures", "attribution", "dedup", "load"}
    assert process_many([]) == []


def test_a_stage_bug_on_one_input_is_its_reject_only(figures_fail_on) -> None:
    figures_fail_on("新建幼儿园")
    batch = process_many([(raw, None) for raw in _raws()])
    rej = batch[2]
    assert isinstance(rej, Reject) and (rej.reason, rej.stage) == ("stage_error", "extract")
    assert rej.detail == ("E400: stage 'extract (figures)' failed on c.txt: ValueError: boom "
                          "(done so far: read, clean)")
    assert [f.surface for f in batch[0].extraction.figures] == ["9.64亿元", "23.65%"]
    assert [m.measure for m in batch[3].extraction.measures] == ["teacher_rotation"]


def test_ingest_keeps_the_others_when_one_input_hits_a_stage_bug(tmp_path, figures_fail_on) -> None:
    """End to end: the failing input is a rejects row naming stage and file; the rest is stored."""
    import duckdb

    from pipeline.ingest import ingest

    figures_fail_on("新建幼儿园")
    for path, text in DOCS:
        (tmp_path / path).write_text(text, encoding="utf-8")
    info = ingest([str(tmp_path)], db=tmp_path / "w.duckdb", jobs=1)
    assert (info.new, info.rejected) == (2, 2)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    rows = con.execute("SELECT source_path, reason, stage, detail FROM rejects ORDER BY source_path").fetchall()
    assert [(p.rsplit("/", 1)[-1], r, s) for p, r, s, _ in rows] == [
        ("b.txt", "empty", "read"), ("c.txt", "stage_error", "extract")]
    assert "stage 'extract (figures)' failed on" in rows[1][3] and rows[1][3].endswith("ValueError: boom (done so far: read, clean)")
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 3
