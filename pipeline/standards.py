"""Analyst reference data from ``rules/standards.yaml``, and the 优质均衡 threshold check.

The metric table says how each metric is labelled and whether county values may
be added up to a city or province (money and counts yes, rates never). The
standards are the national thresholds of the 2017 county 优质均衡 evaluation;
:func:`check_standards` says, for each county and threshold, whether the latest
reported value meets it, misses it, or there is no data.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # pandas is imported where a table is built: ingest loads these rules without it
    import pandas as pd

from .errors import RuleError, UsageError
from .rulefiles import compile_regex, load_yaml, need, no_duplicates, no_unknown_keys, one_of

RULE_FILE = "standards.yaml"
ROLLUPS = ("sum", "none")
KINDS = ("money", "percent", "pp", "count", "area", "number")
OPS = {">=": operator.ge, "<=": operator.le}


@dataclass(frozen=True)
class MetricInfo:
    id: str
    label: str
    rollup: str  # sum | none


@dataclass(frozen=True)
class Standard:
    id: str
    label: str
    clause: str
    metric: str | None
    op: str
    threshold: float
    kind: str | None = None
    unit: str | None = None
    sentence: re.Pattern[str] | None = None
    lead: re.Pattern[str] | None = None  # must match just before the figure (its own clause)
    not_lead: re.Pattern[str] | None = None  # must not match there

    def met_by(self, value: float) -> bool:
        return bool(OPS[self.op](value, self.threshold))


@dataclass(frozen=True)
class Reference:
    metrics: dict[str, MetricInfo]
    standards: tuple[Standard, ...]


def _metrics(data: dict, path: str) -> dict[str, MetricInfo]:
    table = need(data, "metrics", dict, path, "<file>")
    out = {}
    for mid, entry in table.items():
        loc = f"metrics.{mid}"
        no_unknown_keys(entry if isinstance(entry, dict) else {}, ("label", "rollup"), path, loc)
        label = need(entry, "label", str, path, loc)
        rollup = one_of(need(entry, "rollup", str, path, loc), ROLLUPS, path, f"{loc}.rollup")
        out[str(mid)] = MetricInfo(str(mid), label, rollup)
    return out


def _standard(entry: dict, path: str, loc: str, metrics: dict[str, MetricInfo]) -> Standard:
    allowed = ("id", "label", "clause", "metric", "kind", "op", "threshold", "unit", "sentence",
               "lead", "not_lead")
    need(entry, "id", str, path, loc)
    no_unknown_keys(entry, allowed, path, loc)
    metric = need(entry, "metric", str, path, loc, default=None)
    if metric is not None and metric not in metrics:
        raise RuleError(path, f"{loc}.metric", f"unknown metric id {metric!r}")
    kind = need(entry, "kind", str, path, loc, default=None)
    if kind is not None:
        one_of(kind, KINDS, path, f"{loc}.kind")
    pattern = need(entry, "sentence", str, path, loc, default=None)
    lead, not_lead = (need(entry, key, str, path, loc, default=None) for key in ("lead", "not_lead"))
    return Standard(
        id=entry["id"], label=need(entry, "label", str, path, loc),
        clause=need(entry, "clause", str, path, loc), metric=metric,
        op=one_of(need(entry, "op", str, path, loc), OPS, path, f"{loc}.op"),
        threshold=float(need(entry, "threshold", (int, float), path, loc)), kind=kind,
        unit=need(entry, "unit", str, path, loc, default=None),
        sentence=compile_regex(pattern, path, f"{loc}.sentence") if pattern else None,
        lead=compile_regex(lead, path, f"{loc}.lead") if lead else None,
        not_lead=compile_regex(not_lead, path, f"{loc}.not_lead") if not_lead else None,
    )


def parse_reference(source: str | Path = RULE_FILE) -> Reference:
    """Load and validate a standards file (a rule name or a path); RuleError on any fault."""
    data, path = load_yaml(source)
    if not isinstance(data, dict):
        raise RuleError(path, "<file>", "expected a mapping with metrics and standards")
    no_unknown_keys(data, ("metrics", "standards"), path, "<file>")
    metrics = _metrics(data, path)
    entries = need(data, "standards", list, path, "<file>")
    standards = tuple(_standard(e, path, f"standards[{i}]", metrics) for i, e in enumerate(entries))
    no_duplicates(((s.id, f"standards[{i}].id") for i, s in enumerate(standards)), path, "standard id")
    return Reference(metrics, standards)


@lru_cache(maxsize=1)
def reference() -> Reference:
    """The project's reference data, loaded once per process."""
    return parse_reference(RULE_FILE)


def metric_label(metric: str) -> str:
    info = reference().metrics.get(metric)
    return info.label if info else metric


_CANDIDATES = """
SELECT region_code, region_name, metric, kind, value, year_end AS year, sentence, figure_id,
       start - sent_start AS pos
FROM figures_full
WHERE modality = 'actual' AND duplicate_of IS NULL AND value IS NOT NULL
  AND list_contains(?, metric) AND region_code IS NOT NULL
  AND (relation IS NULL OR relation = 'to')
  AND (? IS NULL OR year_end BETWEEN ? AND ?)
ORDER BY published DESC NULLS LAST, as_of_year DESC NULLS LAST, year_end DESC NULLS LAST, doc_id, start
"""


def _counties(con: duckdb.DuckDBPyConnection, regions: list[str] | None) -> pd.DataFrame:
    df = con.execute(
        "SELECT DISTINCT region_code, region_name FROM figures_full "
        "WHERE region_code IS NOT NULL AND substr(region_code, 5, 2) <> '00' "
        "AND (? IS NULL OR list_contains(?, region_code) OR list_contains(?, region_name) "
        "OR list_contains(?, city_name) OR list_contains(?, province_name)) ORDER BY region_code",
        [regions] * 5,
    ).df()
    return df


def check_standards(con: duckdb.DuckDBPyConnection, regions: list[str] | None = None,
                    years: tuple[int, int] | None = None) -> pd.DataFrame:
    """One row per county and standard: the latest actual value, and meets / misses / no data.

    ``status`` is ``meets``, ``misses``, ``no data`` (the pipeline reads this
    indicator but no document gives it), or ``not extracted`` (the indicator
    has no metric id yet). ``figure_id`` is the figure the verdict rests on.
    """
    import pandas as pd

    if years is not None and years[0] > years[1]:
        raise UsageError(f"bad year range {years[0]}-{years[1]}")
    ref = reference()
    metrics = sorted({s.metric for s in ref.standards if s.metric})
    lo, hi = years if years else (None, None)
    cand = con.execute(_CANDIDATES, [metrics, lo, lo, hi]).df()
    rows = []
    for county in _counties(con, regions).itertuples(index=False):
        mine = cand[cand.region_code == county.region_code]
        for std in ref.standards:
            rows.append(_verdict(county, std, mine))
    columns = ["region_code", "region", "standard", "label", "clause", "op", "threshold",
               "value", "year", "status", "figure_id"]
    return pd.DataFrame(rows, columns=columns)


LEAD_CHARS = 16


def _missing(value: object) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def _lead(sentence: str | None, pos: object) -> str:
    """The text just before a figure inside its own clause of the sentence."""
    if not sentence or pos is None or _missing(pos):
        return ""
    before = sentence[max(0, int(pos) - LEAD_CHARS):int(pos)]
    return re.split(r"[，；。,;]", before)[-1]


def _verdict(county, std: Standard, mine: pd.DataFrame) -> dict:
    row = {"region_code": county.region_code, "region": county.region_name or county.region_code,
           "standard": std.id, "label": std.label, "clause": std.clause, "op": std.op,
           "threshold": std.threshold, "value": None, "year": None, "figure_id": None}
    if std.metric is None:
        return {**row, "status": "not extracted"}
    hits = mine[mine.metric == std.metric]
    if std.kind:
        hits = hits[hits.kind == std.kind]
    if std.sentence is not None:
        hits = hits[hits.sentence.fillna("").map(lambda s: bool(std.sentence.search(s)))]
    if std.lead is not None or std.not_lead is not None:
        leads = [_lead(s, p) for s, p in zip(hits.sentence, hits.pos)]
        keep = [(std.lead is None or bool(std.lead.search(x))) and
                (std.not_lead is None or not std.not_lead.search(x)) for x in leads]
        hits = hits[keep]
    if hits.empty:
        return {**row, "status": "no data"}
    best = hits.iloc[0]
    status = "meets" if std.met_by(float(best.value)) else "misses"
    year = None if _missing(best.year) else int(best.year)
    return {**row, "value": float(best.value), "year": year, "status": status,
            "figure_id": best.figure_id}


def standards_matrix(checked: pd.DataFrame) -> pd.DataFrame:
    """Counties as rows, one column per standard, cells like ``meets (96.5)``: the
    ``compare --standards`` view of :func:`check_standards`' long table."""
    import pandas as pd

    if checked.empty:
        return pd.DataFrame(columns=["region_code", "region"])

    def cell(r) -> str:
        return r.status if pd.isna(r.value) else f"{r.status} ({r.value:g})"

    checked = checked.assign(cell=[cell(r) for r in checked.itertuples(index=False)],
                             head=[f"{lbl} {op} {t:g}" for lbl, op, t in
                                   zip(checked.label, checked.op, checked.threshold)])
    wide = checked.pivot(index=["region_code", "region"], columns="head", values="cell")
    order = list(dict.fromkeys(checked["head"]))
    return wide.reindex(columns=order).reset_index().rename_axis(columns=None)
