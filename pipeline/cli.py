"""The ``edumine`` command line: a thin click layer over the library.

Library errors (:mod:`pipeline.errors`) become one plain line on stderr,
``error E###: message``, and exit status 1; a stack trace is always a bug.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from .errors import EdumineError
from .store import default_db_path

DB_OPTION = click.option(
    "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Warehouse file (default: $EDUMINE_DB, else warehouse/edumine.duckdb).")


def clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EdumineError as exc:
            click.echo(f"error {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted: what was written so far is kept; rerun to finish", err=True)
            sys.exit(130)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="edumine")
def main() -> None:
    """edumine: figures and policy measures from Chinese education reports, in DuckDB."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on when stderr is a terminal).")
@click.option("--stats-json", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the run's counts and per-stage seconds as JSON to this file.")
@clean_errors
def ingest(paths: tuple[str, ...], db: Path | None, jobs: int | None, progress: bool | None,
           stats_json: Path | None) -> None:
    """Ingest files, folders (recursive) and URLs; '-' reads paths/URLs from stdin, one a line."""
    from .ingest import ingest as run_ingest
    from .nlp import batch_mode

    batch_mode()  # this process is a batch job: the loaded rules stay for its life
    show = sys.stderr.isatty() if progress is None else progress
    info = run_ingest(paths, db=db or default_db_path(), jobs=jobs, progress=show,
                      stdin=sys.stdin if "-" in paths else None)
    for rej in info.rejects[:50]:
        click.echo(f"rejected {rej.source_path}: {rej.reason}" + (f" ({rej.detail})" if rej.detail else ""),
                   err=True)
    if len(info.rejects) > 50:
        click.echo(f"... and {len(info.rejects) - 50} more rejects (see the rejects table)", err=True)
    if stats_json:
        stats_json.write_text(json.dumps(info.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    if info.stale:
        click.echo(f"note: {info.stale} documents were extracted with other rules than the current ones; "
                   "`edumine reextract` brings them up to date", err=True)
    click.echo(info.summary())


@main.command()
@clean_errors
def rules() -> None:
    """Load and validate every rule file; print what was loaded and the rules version."""
    from .ruleset import describe

    for name, note in describe():
        click.echo(f"{name:34s} {note}")


FORMATS = ["table", "md", "csv", "json", "html", "parquet", "xlsx"]
CORPORA = Path(__file__).resolve().parent.parent / "corpora"
DEMO_DB = Path("warehouse") / "demo.duckdb"


def _open(db: Path | None, write: bool = False):
    from .store import Warehouse

    return Warehouse(db, read_only=not write)


def _years(year: int | None, years: str | None) -> tuple[int, int] | None:
    from .errors import UsageError

    if year is not None and years:
        raise UsageError("give --year or --years, not both")
    if year is not None:
        return (year, year)
    if not years:
        return None
    lo, sep, hi = years.partition("-")
    if not sep or not lo.strip().isdigit() or not hi.strip().isdigit() or int(lo) > int(hi):
        raise UsageError(f"--years takes A-B with A <= B, e.g. 2019-2023 (got {years!r})")
    return (int(lo), int(hi))


def _emit(text: str) -> None:
    click.echo(text)


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(FORMATS[:-1] + ["xlsx"]), default="table",
              help="Output format (parquet and xlsx need --out).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the result to this file.")
@click.option("--write", is_flag=True,
              help="Allow statements that change the warehouse (latest values are then recomputed).")
@clean_errors
def sql(query: str, db: Path | None, fmt: str, out: Path | None, write: bool) -> None:
    """Run SQL on the warehouse (read-only unless --write)."""
    from .formats import render
    from .show import run_sql

    with _open(db, write) as wh:
        result = run_sql(wh.con, query)
        if write:  # the statement went around the writer: latest_cells may no longer match figures
            from .latest import rebuild

            rebuild(wh.con)
        _emit(render(result, fmt, out=out))


@main.command()
@DB_OPTION
@click.option("--metric", "metrics", multiple=True, help="Metric id (repeatable); default: the most reported.")
@click.option("--level", type=click.Choice(["county", "city", "province"]), default="county",
              help="Rows are regions of this level; money and counts roll up, rates never do.")
@click.option("--year", type=int, default=None, help="Only figures of this year.")
@click.option("--years", default=None, help="Only figures within A-B, e.g. 2019-2023.")
@click.option("--region", "regions", multiple=True, help="Region code or name (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--with-sources", is_flag=True, help="Add the figure ids behind each cell.")
@click.option("--latest", is_flag=True,
              help="One column per metric: each region's latest period (the period is shown beside it).")
@click.option("--standards", is_flag=True,
              help="Check counties against the national 优质均衡 thresholds (rules/standards.yaml).")
@clean_errors
def compare(db: Path | None, metrics: tuple[str, ...], level: str, year: int | None, years: str | None,
            regions: tuple[str, ...], fmt: str, out: Path | None, with_sources: bool, latest: bool,
            standards: bool) -> None:
    """The comparison table across regions; each cell traceable to its figure ids."""
    from . import compare as cmp
    from .formats import render, render_compare

    span = _years(year, years)
    with _open(db) as wh:
        if standards:
            from .standards import check_standards, standards_matrix

            checked = check_standards(wh.con, regions=list(regions) or None, years=span)
            _emit(render(standards_matrix(checked), fmt, out=out))
            return
        chosen = list(metrics) or cmp.popular_metrics(wh.con)
        result = cmp.compare(wh.con, chosen, level=level, years=span, regions=list(regions) or None,
                             with_sources=with_sources, latest=latest)
        _emit(render_compare(result, fmt, out=out, with_sources=with_sources))


@main.command()
@click.argument("doc_id")
@DB_OPTION
@clean_errors
def show(doc_id: str, db: Path | None) -> None:
    """One document's clean text with every figure and measure marked."""
    from .show import show_document

    with _open(db) as wh:
        _emit(show_document(wh.con, doc_id))


@main.command()
@DB_OPTION
@click.option("--metric", "metrics", multiple=True, help="Metric id (repeatable); default: the most reported.")
@click.option("--region", "regions", multiple=True, help="Region code or name (repeatable).")
@click.option("--level", type=click.Choice(["county", "city", "province"]), default="county")
@click.option("--years", default=None, help="Only figures within A-B.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@clean_errors
def report(db: Path | None, metrics: tuple[str, ...], regions: tuple[str, ...], level: str,
           years: str | None, out: Path) -> None:
    """A self-contained HTML report: tables, charts, and links to each value's sentence."""
    from . import compare as cmp
    from .report import render_report

    with _open(db) as wh:
        chosen = list(metrics) or cmp.popular_metrics(wh.con)
        page = render_report(wh.con, chosen, regions=list(regions) or None, level=level,
                             years=_years(None, years))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    _emit(f"wrote {out}")


@main.command()
@DB_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
@click.option("--force", is_flag=True, help="Also redo documents already at the current rules version.")
@clean_errors
def reextract(db: Path | None, jobs: int | None, force: bool) -> None:
    """Rerun extraction over the stored clean text after the rules change."""
    from .nlp import batch_mode
    from .reextract import reextract as run

    batch_mode()
    _emit(run(db or default_db_path(), jobs=jobs, force=force).summary())


@main.command()
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"Warehouse to create (default: {DEMO_DB}, replaced on each run).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
@clean_errors
def demo(db: Path | None, jobs: int | None) -> None:
    """Ingest the bundled corpora/ into a fresh warehouse and print a comparison table."""
    from . import compare as cmp
    from .errors import UsageError
    from .formats import render_compare
    from .ingest import ingest as run_ingest

    if db is None:
        db = DEMO_DB
        for p in (db, db.with_name(db.name + ".wal")):
            if p.exists():
                p.unlink()
    elif db.exists():
        raise UsageError(f"{db} exists: the demo makes a fresh warehouse (remove it or choose another --db)")
    info = run_ingest([str(CORPORA)], db=db, jobs=jobs, progress=False)
    _emit(f"ingested {CORPORA.name}/ into {db}: {info.summary()}")
    with _open(db) as wh:
        metrics = cmp.popular_metrics(wh.con)
        result = cmp.compare(wh.con, metrics, level="county", latest=True)
        _emit(render_compare(result, "table"))
    _emit(f"\nnext: edumine show DOC_ID --db {db}   |   edumine sql \"SELECT * FROM latest_values\" --db {db}")


if __name__ == "__main__":  # pragma: no cover
    main()
