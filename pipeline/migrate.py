"""Schema version and migrations: an old warehouse opens and upgrades, nothing lost.

``warehouse/schema/NNN_name.sql`` files are applied in the order of their
number; the number of the last one applied is kept in table ``meta`` under the
key ``schema_version``. Each migration runs in its own transaction together
with the version bump, so a failed step leaves the warehouse at the previous
version. A warehouse newer than the code is refused rather than guessed at.
Views (``warehouse/views/*.sql``) hold no data: they are recreated every time.
A migration that leaves ``latest_cells`` marked for a rebuild (002 does) gets it
filled from the figures once the views exist (:mod:`pipeline.latest`). Stored
MinHash signatures of an older scheme are recomputed from the documents' text
(:func:`pipeline.dedup.migrate_signatures`).
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .dedup import migrate_signatures
from .errors import WarehouseError
from .latest import rebuild_if_marked

WAREHOUSE_DIR = Path(__file__).resolve().parent.parent / "warehouse"
SCHEMA_DIR = WAREHOUSE_DIR / "schema"
VIEWS_DIR = WAREHOUSE_DIR / "views"
VERSION_KEY = "schema_version"
_MIGRATION = re.compile(r"^(\d{3})_[\w-]+\.sql$")


def migrations(schema_dir: Path = SCHEMA_DIR) -> list[tuple[int, Path]]:
    """The (version, file) pairs of a schema folder, in order; gaps and repeats are errors."""
    found: dict[int, Path] = {}
    for path in sorted(Path(schema_dir).glob("*.sql")):
        m = _MIGRATION.match(path.name)
        if not m:
            raise WarehouseError(f"schema file {path.name} is not named NNN_name.sql")
        number = int(m.group(1))
        if number in found:
            raise WarehouseError(f"schema files {found[number].name} and {path.name} share version {number}")
        found[number] = path
    ordered = sorted(found.items())
    for expected, (number, path) in enumerate(ordered, 1):
        if number != expected:
            raise WarehouseError(f"schema file {path.name}: expected version {expected:03d} next")
    return ordered


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The warehouse's recorded schema version; 0 for an empty database."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'"
    ).fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = ?", [VERSION_KEY]).fetchone()
    if row is None:
        # tables of version 1 made before versions were recorded: 001 is idempotent
        return 0
    try:
        return int(row[0])
    except ValueError:
        raise WarehouseError(f"meta.schema_version is not a number: {row[0]!r}") from None


def _run(con: duckdb.DuckDBPyConnection, path: Path, version: int) -> None:
    sql = path.read_text(encoding="utf-8")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(sql)
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [VERSION_KEY, str(version)])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise WarehouseError(f"migration {path.name} failed: {exc}") from exc


def create_views(con: duckdb.DuckDBPyConnection, views_dir: Path = VIEWS_DIR) -> list[str]:
    """(Re)create every view file, in file-name order; return the file names applied."""
    done = []
    for path in sorted(Path(views_dir).glob("*.sql")):
        try:
            con.execute(path.read_text(encoding="utf-8"))
        except duckdb.Error as exc:
            raise WarehouseError(f"view file {path.name} failed: {exc}") from exc
        done.append(path.name)
    return done


def apply_schema(con: duckdb.DuckDBPyConnection, schema_dir: Path | None = None,
                 views_dir: Path | None = None) -> int:
    """Bring a writable warehouse to the code's schema version and recreate the views.

    Returns the schema version the warehouse is at afterwards. Raises
    WarehouseError for a warehouse newer than the code or a failing migration.
    """
    steps = migrations(Path(schema_dir) if schema_dir else SCHEMA_DIR)
    latest = steps[-1][0] if steps else 0
    have = current_version(con)
    if have > latest:
        raise WarehouseError(
            f"this warehouse has schema version {have}, newer than this edumine ({latest}); "
            "upgrade edumine to open it"
        )
    for number, path in steps:
        if number > have:
            _run(con, path, number)
    create_views(con, Path(views_dir) if views_dir else VIEWS_DIR)
    rebuild_if_marked(con)
    migrate_signatures(con)  # stored MinHash signatures of an older scheme are recomputed
    return latest
