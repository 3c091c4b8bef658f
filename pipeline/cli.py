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
    click.echo(info.summary())


if __name__ == "__main__":  # pragma: no cover
    main()
