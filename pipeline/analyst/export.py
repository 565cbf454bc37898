"""The analyst views as files (Parquet, CSV, JSON lines) for other tools.

DuckDB's own COPY writes every format, so exporting needs no Arrow or pandas. Each file
is written under a temporary name and renamed, so a reader never sees half an export.
CSV has no lists, so list and struct columns are written there as JSON text.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from pipeline.analyst.tables import VIEWS

TABLE_FORMATS = {
    "parquet": ("parquet", "(FORMAT parquet, COMPRESSION zstd)"),
    "csv": ("csv", "(FORMAT csv, HEADER true)"),
    "jsonl": ("jsonl", "(FORMAT json)"),
}
"""Format -> (file extension, COPY options)."""


def view_order(view: str) -> str:
    return "id" if view == "decisions" else "id, item"


def _select_for(con: duckdb.DuckDBPyConnection, view: str, fmt: str) -> str:
    """SELECT of a whole view; for CSV, nested columns become JSON text."""
    if fmt != "csv":
        return f'SELECT * FROM "{view}" ORDER BY {view_order(view)}'
    described = con.execute(f'DESCRIBE "{view}"').fetchall()
    nested = [name for name, kind, *_ in described if kind.endswith("]") or
              kind.startswith(("STRUCT", "MAP"))]
    replace = ", ".join(f'to_json("{name}")::VARCHAR AS "{name}"' for name in nested)
    star = f"* REPLACE ({replace})" if nested else "*"
    return f'SELECT {star} FROM "{view}" ORDER BY {view_order(view)}'


def export_tables(con: duckdb.DuckDBPyConnection, out: Path, fmt: str) -> list[Path]:
    """Write one file per view into `out`; returns the paths written."""
    extension, options = TABLE_FORMATS[fmt]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for view in VIEWS:
        path = out / f"{view}.{extension}"
        tmp = out / f".{view}.{extension}.tmp"
        quoted = "'" + str(tmp).replace("'", "''") + "'"
        try:
            con.execute(f"COPY ({_select_for(con, view, fmt)}) TO {quoted} {options}")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        written.append(path)
    return written
