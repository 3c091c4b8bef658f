"""The comparison table across regions: regions as rows, metric and period as columns.

Built on the ``latest_values`` view, so each cell is the latest actual value a
(non-duplicate) document reports, with the figure ids behind it and a conflict
flag when another document reports something else: conflicts are shown, never
averaged. At city or province level a region shows what it reports itself;
where it reports nothing, its counties' values are added up, but only for
metrics whose ``rollup`` is ``sum`` in ``rules/standards.yaml`` (money and counts,
never rates). ``regions`` may name counties, cities or provinces, by name or
code: a city at county level lists its counties. Every user value reaches
DuckDB as a bound parameter.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from .errors import UsageError
from .latest import check_built

LEVELS = ("county", "city", "province")
SUMMABLE_KINDS = ("money", "count", "area")
LONG_COLUMNS = ["region_code", "region", "metric", "kind", "year_start", "year_end", "period",
                "column", "value", "unit", "figure_ids", "conflict", "other_values", "other_figure_ids",
                "docs_agree", "docs_disagree", "basis"]

# Cells of the wanted metrics, years and regions; with --latest at county level only
# each series' latest period (a grouped max, cheaper than a window). The lists of
# figure ids and other values are joined last, from latest_cells (latest_values_for
# passes them through from there): carried through the joins and filters they would
# cost more than everything else together.
_CELLS = """
WITH v AS (
    SELECT region_code, region_name, city_code, city_name, province_code, province_name,
           metric, kind, year_start, year_end, value, unit, conflict, docs_agree, docs_disagree
    FROM latest_values_for($metrics)
    WHERE ($lo IS NULL OR (year_start >= $lo AND year_end <= $hi))
      AND ($regions IS NULL OR list_contains($regions, region_code)
           OR list_contains($regions, region_name) OR list_contains($regions, city_code)
           OR list_contains($regions, city_name) OR list_contains($regions, province_code)
           OR list_contains($regions, province_name))
)"""
_LATEST_ONLY = """,
top AS (
    SELECT region_code, metric, kind, max({'e': year_end, 's': year_start}) AS p FROM v GROUP BY ALL
),
w AS (
    SELECT v.* FROM v JOIN top USING (region_code, metric, kind)
    WHERE v.year_end = top.p.e AND v.year_start = top.p.s
)"""
_LISTS = """
SELECT v.region_code, v.region_name, v.city_code, v.city_name, v.province_code, v.province_name,
       v.metric, v.kind, v.year_start, v.year_end, v.value, v.unit, l.figure_ids, v.conflict,
       l.other_values, l.other_figure_ids, v.docs_agree, v.docs_disagree
FROM {source} v JOIN latest_cells l USING (region_code, metric, kind, year_start, year_end)
ORDER BY v.region_code, v.metric, v.year_end
"""


def _query(latest_only: bool) -> str:
    """The cells query; ``latest_only`` keeps each region's latest period per metric and kind."""
    if latest_only:
        return _CELLS + _LATEST_ONLY + _LISTS.format(source="w")
    return _CELLS + _LISTS.format(source="v")


@dataclass
class CompareResult:
    """A comparison: ``table`` (values), ``sources`` (figure ids per cell),
    ``conflicts`` (bool per cell), ``basis`` (reported or summed), all indexed by region and with one column per
    metric and period; ``long`` holds one row per cell with everything known."""

    table: pd.DataFrame
    sources: pd.DataFrame
    conflicts: pd.DataFrame
    long: pd.DataFrame
    basis: pd.DataFrame  # "reported" or "sum of N counties" per cell
    level: str
    metrics: list[str]
    with_sources: bool = False
    latest: bool = False  # one column per metric, each region's latest period

    def frame(self, with_sources: bool | None = None, labels: bool = False) -> pd.DataFrame:
        """The table as one flat frame: a ``region`` column, value columns and, with
        sources, a ``<column> 来源`` column of figure ids after each value column
        (with ``latest``, a ``<column> 时期`` column gives each value's period)."""
        with_sources = self.with_sources if with_sources is None else with_sources
        out = pd.DataFrame({"region_code": self.table.index})
        names = self._names  # a dict over every cell: build it once, not per row
        out["region"] = [names.get(c, c) for c in self.table.index]
        periods = self._pivot("period") if self.latest else None
        for col in self.table.columns:
            head = column_label(col) if labels else col
            out[head] = self.table[col].to_numpy()
            if periods is not None:
                out[f"{head} 时期"] = periods[col].tolist()
            if with_sources:
                out[f"{head} 来源"] = [",".join(ids) if isinstance(ids, list) else ""
                                     for ids in self.sources[col].to_numpy()]
        return out

    @property
    def _names(self) -> dict[str, str]:
        last = self.long.drop_duplicates("region_code", keep="last")  # as dict(zip(...)) would keep
        return dict(zip(last.region_code.tolist(), last.region.tolist()))

    def _pivot(self, field: str) -> pd.DataFrame:
        """``long[field]`` laid out like ``table`` (None where a region has no cell)."""
        if self.long.empty:
            return pd.DataFrame(index=self.table.index, columns=self.table.columns, dtype=object)
        p = self.long.pivot(index="region_code", columns="column", values=field)
        p = p.reindex(index=self.table.index, columns=self.table.columns).astype(object)
        return p.where(p.notna(), None)


def known_metrics(con: duckdb.DuckDBPyConnection | None = None) -> list[str]:
    """Metric ids compare accepts: those of the reference file and any found in the warehouse."""
    from .standards import reference  # YAML: loaded only when needed

    ids = set(reference().metrics)
    if con is not None:
        ids |= {r[0] for r in con.execute(
            "SELECT DISTINCT metric FROM figures WHERE metric IS NOT NULL").fetchall()}
    return sorted(ids)


def popular_metrics(con: duckdb.DuckDBPyConnection, n: int = 4) -> list[str]:
    """The metrics most regions report (then most cells): a sensible default table,
    e.g. for ``edumine demo``, whatever corpus was loaded."""
    rows = con.execute(
        "SELECT metric FROM latest_values GROUP BY metric "
        "ORDER BY count(DISTINCT region_code) DESC, count(*) DESC, metric LIMIT ?", [int(n)]).fetchall()
    return [r[0] for r in rows]


def column_label(column: str) -> str:
    """'edu_spending·2023' -> '教育经费投入·2023' (kind suffixes kept)."""
    from .standards import metric_label

    metric, _, rest = column.partition("·")
    base, bracket, kind = metric.partition("[")
    return metric_label(base) + (f"[{kind}" if bracket else "") + (f"·{rest}" if rest else "")


def _check(con: duckdb.DuckDBPyConnection, metrics: list[str], level: str,
           years: tuple[int, int] | None) -> None:
    if not metrics:
        raise UsageError("give at least one metric id (--metric ID)")
    present = {r[0] for r in con.execute(  # ids with cells need no lookup in files or figures
        "SELECT DISTINCT metric FROM latest_cells WHERE list_contains(?, metric)", [metrics]).fetchall()}
    if any(m not in present for m in metrics):
        known = known_metrics(con)
        for m in metrics:
            if m not in known:
                raise UsageError(f"unknown metric id {m!r}; known ids: {', '.join(known)}")
    if level not in LEVELS:
        raise UsageError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    if years is not None and int(years[0]) > int(years[1]):
        raise UsageError(f"bad year range {years[0]}-{years[1]}: start after end")


def level_of(code: str) -> str:
    """The level a 6-digit division code names (GB/T 2260 layout)."""
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


def _levels(codes: pd.Series) -> np.ndarray:
    """:func:`level_of` over a column of codes."""
    return np.select([codes.str.endswith("0000").to_numpy(bool), codes.str.endswith("00").to_numpy(bool)],
                     ["province", "city"], "county")


def _cells(df: pd.DataFrame, level: str) -> pd.DataFrame:
    """Latest values at ``level``: own reports first, county sums where allowed and missing."""
    df = df.copy()
    df["own_level"] = _levels(df.region_code)
    df["region"] = df.region_name.fillna(df.region_code)
    df["basis"] = "reported"
    own = df[df.own_level == level]
    if level == "county":
        return own
    key, name = f"{level}_code", f"{level}_name"
    from .standards import reference

    rollup = {m: i.rollup for m, i in reference().metrics.items()}
    kids = df[(df.own_level == "county") & df[key].notna() & df.kind.isin(SUMMABLE_KINDS)
              & (df.metric.map(rollup) == "sum")]
    cell = ["metric", "kind", "year_start", "year_end"]
    sums = kids.groupby([key] + cell, dropna=False).agg(
        region=(name, "first"), value=("value", "sum"), unit=("unit", "first"),
        figure_ids=("figure_ids", lambda s: [i for ids in s for i in ids]),
        conflict=("conflict", "any"), n=("region_code", "nunique"),
        docs_agree=("docs_agree", "sum"), docs_disagree=("docs_disagree", "sum"),
    ).reset_index().rename(columns={key: "region_code"})
    sums["region"] = sums.region.fillna(sums.region_code)
    sums["basis"] = [f"sum of {n} counties" for n in sums.n]
    sums["other_values"] = [[] for _ in range(len(sums))]
    sums["other_figure_ids"] = [[] for _ in range(len(sums))]
    have = set(map(tuple, own[["region_code"] + cell].astype(str).to_numpy()))
    keep = [tuple(r) not in have for r in sums[["region_code"] + cell].astype(str).to_numpy()]
    return pd.concat([own, sums[keep]], ignore_index=True)


def _columns(cells: pd.DataFrame, metrics: list[str], latest: bool = False) -> pd.DataFrame:
    """Name each cell's column: ``metric·period`` (``metric[kind]`` when a metric comes in
    two kinds); with ``latest`` one column per metric holding each region's latest period."""
    kinds = cells.groupby("metric").kind.nunique()
    cells = cells.copy()
    start, end = cells.year_start.astype(int).astype(str), cells.year_end.astype(int).astype(str)
    cells["period"] = np.where(start == end, end, start + "-" + end)
    tag = np.where(cells.metric.map(kinds).to_numpy() > 1, cells.metric + "[" + cells.kind + "]", cells.metric)
    cells["column"] = tag if latest else tag + "·" + cells.period
    if latest:  # the latest period; of two ending together, the shorter (more recent start)
        cells = cells.sort_values(["year_end", "year_start"]).groupby(
            ["region_code", "column"], sort=False).tail(1)
    order = {m: i for i, m in enumerate(metrics)}
    cells["_m"] = cells.metric.map(order)
    return cells.sort_values(["_m", "kind", "year_end", "year_start", "region_code"])


def compare(con: duckdb.DuckDBPyConnection, metrics: list[str], level: str = "county",
            years: tuple[int, int] | None = None, regions: list[str] | None = None,
            with_sources: bool = False, latest: bool = False) -> CompareResult:
    """Compare regions on metrics; see the module docstring. UsageError on unknown ids.

    ``latest=True`` gives one column per metric with each region's latest period
    (the period is in ``long.period`` and shown beside the value): the compact
    table for regions whose reports cover different years."""
    metrics = list(dict.fromkeys(metrics))
    check_built(con)
    _check(con, metrics, level, years)
    lo, hi = (int(years[0]), int(years[1])) if years else (None, None)
    # with latest at county level only each cell's latest period can be shown: SQL keeps just those
    # (not above county level, where the latest period is chosen among the counties' sums)
    params = {"metrics": metrics, "lo": lo, "hi": hi, "regions": list(regions) if regions else None}
    raw = con.execute(_query(latest and level == "county"), params).df()
    cells = _columns(_cells(raw, level), metrics, latest) if len(raw) else pd.DataFrame(columns=LONG_COLUMNS)
    long = cells.reindex(columns=LONG_COLUMNS).reset_index(drop=True)
    for col in ("figure_ids", "other_values", "other_figure_ids"):
        long[col] = [x.tolist() if isinstance(x, np.ndarray) else list(x) if isinstance(x, list) else []
                     for x in long[col].to_numpy()]
    cols = list(dict.fromkeys(long.column))
    rows = list(dict.fromkeys(long.sort_values("region_code").region_code))

    def pivot(field: str) -> pd.DataFrame:
        if long.empty:
            return pd.DataFrame(index=pd.Index([], name="region_code"))
        p = long.pivot(index="region_code", columns="column", values=field)
        return p.reindex(index=rows, columns=cols)

    table = pivot("value").astype(float) if len(long) else pivot("value")
    conflicts = pivot("conflict").fillna(False).astype(bool) if len(long) else pivot("conflict")
    sources = pivot("figure_ids")
    if len(long):
        sources = sources.apply(lambda c: [x if isinstance(x, list) else [] for x in c])
    return CompareResult(table, sources, conflicts, long, pivot("basis"), level, metrics, with_sources, latest)
