"""latest_cells, the per-cell table the writer keeps, always holds exactly what computing
from the figures gives: after real ingestion (with a repost marked duplicate), after a
changed document is re-ingested, after reextract, after an upgrade from schema 1, and
over random sequences of batches (hypothesis). latest_values, read from the table, is
also checked against a plain-Python reading of figures and documents."""
from __future__ import annotations

import datetime as dt
import shutil
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import WarehouseError
from pipeline.latest import check_built, rebuild
from pipeline.migrate import SCHEMA_DIR, apply_schema
from pipeline.store import FIGURE_COLUMNS, Batch, Warehouse

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
KEY = "region_code, metric, kind, year_start, year_end"
CHECKED = ("region_code, metric, kind, year_start, year_end, value, unit, latest_figure_id, latest_doc_id, "
           "latest_published, docs_agree, docs_disagree, figure_ids, other_values, other_figure_ids")


def kept_and_computed(con) -> tuple[list, list]:
    """Rows of the table and rows computed from the figures now, both in key order."""
    kept = con.execute(f"SELECT * FROM latest_cells ORDER BY {KEY}").fetchall()
    computed = con.execute(f"SELECT * FROM latest_cells_of(NULL, false) ORDER BY {KEY}").fetchall()
    return kept, computed


def assert_kept(con) -> int:
    """The table equals the computation and the plain-Python oracle; returns the cell count."""
    kept, computed = kept_and_computed(con)
    assert kept == computed
    assert con.execute(f"SELECT {CHECKED} FROM latest_values ORDER BY {KEY}").fetchall() == oracle(con)
    assert con.execute("SELECT count(*) FROM latest_dirty").fetchone()[0] == 0
    return len(kept)


def _is_level(relation, metric) -> bool:
    return relation in (None, "to") or (relation in ("change", "multiple") and metric.endswith("_growth"))


def oracle(con) -> list[tuple]:
    """latest_values' meaning, read from figures and documents without the views."""
    rows = con.execute(
        "SELECT f.figure_id, f.doc_id, f.start, f.kind, f.value, f.unit, f.metric, f.year_start, f.year_end, "
        "f.modality, f.relation, f.region_code, d.region_code, d.duplicate_of, d.published, d.as_of_year "
        "FROM figures f LEFT JOIN documents d USING (doc_id)").fetchall()
    cells = defaultdict(list)
    for (fid, doc, start, kind, value, unit, metric, ys, ye, modality, relation, freg, dreg, dup, pub,
         asof) in rows:
        region = freg if freg is not None else dreg
        if (modality != "actual" or metric is None or value is None or ye is None or region is None
                or dup is not None or not _is_level(relation, metric)):
            continue
        rank = (pub is None, -(pub.toordinal() if pub else 0), asof is None, -(asof or 0), doc, start)
        cells[(region, metric, kind, ys if ys is not None else ye, ye)].append(
            (rank, fid, doc, value, unit, pub))
    out = []
    for key, figs in cells.items():
        figs.sort()
        _, top_id, top_doc, top_value, top_unit, top_pub = figs[0]
        agree = [abs(f[3] - top_value) <= 1e-6 * max(1.0, abs(top_value)) for f in figs]
        by_doc: dict[str, bool] = {}
        for f, a in zip(figs, agree):
            by_doc[f[2]] = by_doc.get(f[2], False) or a
        out.append((*key, top_value, top_unit, top_id, top_doc, top_pub,
                    sum(by_doc.values()), sum(not a for a in by_doc.values()),
                    [f[1] for f, a in zip(figs, agree) if a],
                    [f[3] for f, a in zip(figs, agree) if not a],
                    [f[1] for f, a in zip(figs, agree) if not a]))
    return sorted(out, key=lambda r: r[:5])


# -- real ingestion ---------------------------------------------------------------

def _open(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db), read_only=True)


def test_ingest_reingest_and_reextract_keep_the_cells(tmp_path):
    from pipeline.ingest import ingest
    from pipeline.reextract import reextract

    src = tmp_path / "in"
    shutil.copytree(CORPORA, src, ignore=shutil.ignore_patterns("*.md"))
    funding = src / "jinan_2023_funding.txt"
    text = funding.read_text(encoding="utf-8")
    # a repost of the same report (near-duplicate: left out of the cells)
    (src / "repost.txt").write_text(text.replace("晋安区位于福州城北", "（转载）晋安区位于福州城北"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    info = ingest([str(src)], db=db, jobs=1)
    n = len(list(CORPORA.glob("*.txt")))
    assert (info.new, info.duplicate, info.rejected) == (n, 1, 0)
    with _open(db) as con:
        assert assert_kept(con) > 20
        cell = "SELECT value, latest_doc_id FROM latest_values WHERE region_code = '350111' AND " \
               "metric = 'edu_spending' AND year_end = 2023 AND kind = 'money'"
        assert con.execute(cell).fetchone()[0] == 964000000.0
        old_doc = con.execute(cell).fetchone()[1]

    # the report is corrected: 9.64亿元 becomes 9.7亿元; the re-ingest replaces the document
    funding.write_text(text.replace("9.64亿元", "9.7亿元"), encoding="utf-8")
    info = ingest([str(src)], db=db, jobs=1)
    assert (info.updated, info.new) == (1, 0)
    with _open(db) as con:
        assert_kept(con)
        value, doc = con.execute(cell).fetchone()
        assert value == 970000000.0 and doc != old_doc

    info = reextract(db, jobs=1, force=True)
    assert info.documents == n + 1
    with _open(db) as con:
        assert_kept(con)
        assert con.execute(cell).fetchone()[0] == 970000000.0


def test_upgrade_from_schema_1_builds_the_table(tmp_path):
    """A warehouse of schema 1 with figures gets latest_cells filled by the migration."""
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute((SCHEMA_DIR / "001_init.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1, region_code, published) "
                "VALUES ('d1', 'a.txt', 't', 's', '350111', DATE '2024-01-02'), "
                "('d2', 'b.txt', 't', 's2', '350111', DATE '2023-01-02')")
    con.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, metric, '
                "year_start, year_end, modality) VALUES ('f1', 'd1', 0, 1, 'x', 'money', 5, 'edu_spending', "
                "2023, 2023, 'actual'), ('f2', 'd2', 0, 1, 'x', 'money', 4, 'edu_spending', 2023, 2023, 'actual')")
    con.close()
    with duckdb.connect(str(db), read_only=True) as ro:
        with pytest.raises(WarehouseError, match="made before the latest_cells table"):
            check_built(ro)
    with Warehouse(db) as wh:
        assert assert_kept(wh.con) == 1
        assert wh.con.execute("SELECT value, docs_agree, docs_disagree, other_values FROM latest_values"
                              ).fetchone() == (5.0, 1, 1, [4.0])
        check_built(wh.con)


def test_interrupted_rebuild_is_refused_then_redone(tmp_path):
    db = tmp_path / "w.duckdb"
    with Warehouse(db) as wh:
        wh.con.execute("UPDATE meta SET value = 'rebuild' WHERE key = 'latest_cells'")
    with duckdb.connect(str(db), read_only=True) as ro:
        with pytest.raises(WarehouseError, match="awaits the rebuild of latest_cells"):
            check_built(ro)
    with Warehouse(db) as wh:
        check_built(wh.con)


# -- random batches ------------------------------------------------------------------

REGIONS = ["350111", "350121"]
figure = st.fixed_dictionaries({
    "kind": st.sampled_from(["money", "count"]),
    "value": st.sampled_from([1.0, 2.0, 2.0000001, 3.0, None]),
    "metric": st.sampled_from(["edu_spending", "edu_spending_growth", None]),
    "year_start": st.sampled_from([2022, 2023, None]),
    "year_end": st.sampled_from([2023, 2023, None]),
    "modality": st.sampled_from(["actual", "actual", "target"]),
    "relation": st.sampled_from([None, None, "to", "from", "change"]),
    "region_code": st.sampled_from([None, None, "350121"]),
})
document = st.fixed_dictionaries({
    "region_code": st.sampled_from(REGIONS + [None]),
    "published": st.sampled_from([dt.date(2024, 1, 1), dt.date(2024, 6, 1), None]),
    "as_of_year": st.sampled_from([2023, 2024, None]),
    "duplicate": st.booleans(),
    "figures": st.lists(figure, max_size=4),
})
# an operation: add a document, replace (re-ingest) the i-th one, or re-extract the i-th one
operation = st.one_of(st.tuples(st.just("add"), document), st.tuples(st.just("replace"), st.integers(0, 9), document),
                      st.tuples(st.just("reextract"), st.integers(0, 9), document))


class _Sim:
    """Drives the store the way ingest and reextract do, one batch per step."""

    def __init__(self, wh: Warehouse):
        self.wh, self.docs, self.n = wh, [], 0

    def _rows(self, doc: dict, doc_id: str) -> list[dict]:
        return [dict(zip(FIGURE_COLUMNS, [None] * len(FIGURE_COLUMNS)), figure_id=f"{doc_id}-{k}", doc_id=doc_id,
                     start=k, end=k + 1, surface="x", unit="元", **f) for k, f in enumerate(doc["figures"])]

    def _document(self, doc: dict, doc_id: str) -> dict:
        originals = [d for d in self.docs if d != doc_id]
        return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "text": "t", "text_sha1": doc_id,
                "region_code": doc["region_code"], "published": doc["published"], "as_of_year": doc["as_of_year"],
                "duplicate_of": originals[0] if doc["duplicate"] and originals else None}

    def apply(self, op: tuple) -> None:
        self.n += 1
        doc_id = f"d{self.n}"
        if op[0] == "add" or not self.docs:
            doc = op[-1]
            self.wh.write(Batch(documents=[self._document(doc, doc_id)], figures=self._rows(doc, doc_id)))
            self.docs.append(doc_id)
        elif op[0] == "replace":
            old = self.docs[op[1] % len(self.docs)]
            self.wh.write(Batch(documents=[self._document(op[2], doc_id)], figures=self._rows(op[2], doc_id),
                                replaced=[old]))
            self.docs[self.docs.index(old)] = doc_id
        else:
            target = self.docs[op[1] % len(self.docs)]
            doc = op[2]
            self.wh.replace_extractions(
                [{"doc_id": target, "region_code": doc["region_code"], "as_of_year": doc["as_of_year"]}],
                Batch(figures=self._rows(doc, target)))


@settings(max_examples=20, deadline=None)
@given(st.lists(operation, min_size=1, max_size=8))
def test_random_batches_keep_the_cells(tmp_path_factory, ops):
    db = tmp_path_factory.mktemp("prop") / "p.duckdb"
    with Warehouse(db) as wh:
        sim = _Sim(wh)
        for op in ops:
            sim.apply(op)
            assert_kept(wh.con)


def test_failed_batch_leaves_table_and_figures_as_they_were(tmp_path):
    """A batch that fails (here: a document id written twice) rolls back its cells too."""
    with Warehouse(tmp_path / "w.duckdb") as wh:
        sim = _Sim(wh)
        doc = {"region_code": "350111", "published": None, "as_of_year": 2023, "duplicate": False,
               "figures": [{"kind": "money", "value": 1.0, "metric": "edu_spending", "year_start": 2023,
                            "year_end": 2023, "modality": "actual", "relation": None, "region_code": None}]}
        sim.apply(("add", doc))
        before = kept_and_computed(wh.con)
        bad = Batch(documents=[sim._document(doc, "d1")], figures=sim._rows(doc, "d9"))
        with pytest.raises(duckdb.ConstraintException):
            wh.write(bad)
        assert kept_and_computed(wh.con) == before
        assert before[0][0][7] == 1.0  # the cell still holds the first batch's value


def test_rebuild_after_raw_sql(tmp_path):
    """Rows written by SQL bypass the writer: the table lags until rebuild() (what tests and benchmarks call)."""
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.con.execute("INSERT INTO documents (doc_id, source_path, text, text_sha1, region_code) "
                       "VALUES ('d1', 'a.txt', 't', 's', '350111')")
        wh.con.execute('INSERT INTO figures (figure_id, doc_id, start, "end", surface, kind, value, metric, '
                       "year_start, year_end, modality) VALUES ('f1', 'd1', 0, 1, 'x', 'money', 5, "
                       "'edu_spending', 2023, 2023, 'actual')")
        kept, computed = kept_and_computed(wh.con)
        assert (len(kept), len(computed)) == (0, 1)
        assert rebuild(wh.con) == 1
        assert_kept(wh.con)


LATEST_VALUES_COLUMNS = [
    ("region_code", "VARCHAR"), ("region_name", "VARCHAR"), ("region_level", "VARCHAR"), ("city_code", "VARCHAR"),
    ("city_name", "VARCHAR"), ("province_code", "VARCHAR"), ("province_name", "VARCHAR"), ("metric", "VARCHAR"),
    ("kind", "VARCHAR"), ("year_start", "INTEGER"), ("year_end", "INTEGER"), ("year", "INTEGER"), ("value", "DOUBLE"),
    ("unit", "VARCHAR"), ("latest_figure_id", "VARCHAR"), ("latest_doc_id", "VARCHAR"), ("latest_published", "DATE"),
    ("docs_agree", "BIGINT"), ("docs_disagree", "BIGINT"), ("conflict", "BOOLEAN"), ("figure_ids", "VARCHAR[]"),
    ("other_values", "DOUBLE[]"), ("other_figure_ids", "VARCHAR[]"),
]


def test_latest_values_keeps_its_columns(con):
    """The columns (and types) latest_values had when it ranked the figures on each query."""
    assert [r[:2] for r in con.execute("DESCRIBE latest_values").fetchall()] == LATEST_VALUES_COLUMNS
    assert [r[:2] for r in con.execute("DESCRIBE SELECT * FROM latest_values_for(['edu_spending'])").fetchall()] \
        == LATEST_VALUES_COLUMNS
