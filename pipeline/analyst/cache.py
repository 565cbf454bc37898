"""A DuckDB copy of the parsed records, so repeated queries skip re-reading JSON.

Parsing 10,000 records (70 MB of text) costs about a second or more; analysts ask
many questions of the same records. The first query stores the `raw` table in a DuckDB
file under the cache folder; later queries attach it read-only when the records are
unchanged. "Unchanged" is a fingerprint of every record file's name, size and
modification time plus the column types, so an edited, added or removed record, or a
schema change, makes a new copy. Only `raw` is cached: the views are always built
fresh, so a change to views.sql applies at once. A cache that cannot be read or
written is skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from pipeline.analyst.schema_types import columns_literal, record_columns


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "decision-records" / "query"


def fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(columns_literal(record_columns()).encode("utf-8"))
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cache_file(cache_dir: Path, source: Path) -> Path:
    """One cache file per records location: a new fingerprint replaces the old copy."""
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


def store_cache(con: duckdb.DuckDBPyConnection, path: Path, stamp: str) -> None:
    """Copy `raw` into `path` (written aside, then renamed over); failures are ignored."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"ATTACH {_quote(str(tmp))} AS fresh")
        con.execute("CREATE TABLE fresh.raw AS SELECT * FROM raw")
        con.execute("CREATE TABLE fresh.meta AS SELECT ? AS stamp", [stamp])
        con.execute("DETACH fresh")
        os.replace(tmp, path)
    except (OSError, duckdb.Error):
        con.execute("DETACH DATABASE IF EXISTS fresh")
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
