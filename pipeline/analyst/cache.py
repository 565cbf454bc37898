"""A DuckDB copy of the parsed records and their views, so repeated queries skip the JSON.

Parsing 10,000 records (70 MB of text) and unnesting their items costs seconds on a
small machine, and analysts ask many questions of the same records. The first query
stores `raw` and the item and spend views, materialised as tables, in a DuckDB file under
the cache folder; later queries attach it read-only and point the views at those tables.
The copy is used only while its stamp matches: a hash of every record file's name,
size and modification time, of the column types and of the view definitions, so an
edited, added or removed record, a schema change or a change to views.sql makes a new
copy. A cache that cannot be read or written is skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import duckdb

from pipeline.analyst.schema_types import columns_literal, record_columns


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "decision-records" / "query"


def fingerprint(files: Sequence[Path], views_signature: str) -> str:
    digest = hashlib.sha256(columns_literal(record_columns()).encode("utf-8"))
    digest.update(views_signature.encode("utf-8"))
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cache_file(cache_dir: Path, source: Path) -> Path:
    """One cache file per records location: a new stamp replaces the old copy."""
    key = hashlib.sha256(str(source.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_dir / f"{key}.duckdb"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def attach_cached(con: duckdb.DuckDBPyConnection, path: Path, stamp: str) -> bool:
    """Make `raw` a view of the cached copy if it matches `stamp`; False if it cannot."""
    if not path.is_file():
        return False
    try:
        con.execute(f"ATTACH {_quote(str(path))} AS cached (READ_ONLY)")
    except duckdb.Error:
        return False
    try:
        found = con.execute("SELECT stamp FROM cached.meta").fetchone()
        if found is None or found[0] != stamp:
            con.execute("DETACH cached")
            return False
        con.execute("CREATE VIEW raw AS SELECT * FROM cached.raw")
    except duckdb.Error:
        con.execute("DETACH DATABASE IF EXISTS cached")
        return False
    return True


def use_cached_views(con: duckdb.DuckDBPyConnection, views: Sequence[str]) -> None:
    """Point each public view at its materialised table in the attached copy."""
    for view in views:
        con.execute(f'CREATE OR REPLACE VIEW "{view}" AS SELECT * FROM cached."{view}"')


def store_cache(con: duckdb.DuckDBPyConnection, path: Path, stamp: str,
                views: Sequence[str]) -> None:
    """Write `raw` and `views` as tables to `path` (aside, then renamed); never raises."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"ATTACH {_quote(str(tmp))} AS fresh")
        for name in ("raw", *views):
            con.execute(f'CREATE TABLE fresh."{name}" AS SELECT * FROM "{name}"')
        con.execute("CREATE TABLE fresh.meta AS SELECT ? AS stamp", [stamp])
        con.execute("DETACH fresh")
        os.replace(tmp, path)
    except (OSError, duckdb.Error):
        con.execute("DETACH DATABASE IF EXISTS fresh")
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
