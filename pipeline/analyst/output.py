"""Query results -> what a person or another program reads: a table, CSV or JSON.

CSV and JSON keep values exact (full floats, ISO dates, lists as JSON) so they can be
loaded elsewhere; the table rounds money to pennies and groups thousands for reading.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
from dataclasses import dataclass
from typing import Any

import duckdb
from rich.table import Table
from rich.text import Text

from pipeline.errors import DecisionsError

FORMATS = ("table", "csv", "json")


class QueryFailed(DecisionsError):
    """DuckDB refused the SQL; the message carries its reason."""


@dataclass(frozen=True)
class Result:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> Result:
    try:
        cursor = con.execute(sql)
        columns = tuple(column[0] for column in cursor.description or ())
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as error:
        raise QueryFailed(f"query failed: {error}") from None
    return Result(columns=columns, rows=rows)


def _plain(value: Any) -> Any:
    """JSON-ready form of a DuckDB value."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def result_to_json(result: Result) -> str:
    rows = [dict(zip(result.columns, map(_plain, row), strict=True)) for row in result.rows]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def result_to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(_csv_cell(value) for value in row)
    return out.getvalue()


def _csv_cell(value: Any) -> Any:
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return plain


def _table_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float | decimal.Decimal):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    plain = _plain(value)
    return json.dumps(plain, ensure_ascii=False) if isinstance(plain, list | dict) else str(plain)


def result_to_table(result: Result) -> Table:
    table = Table(show_lines=False, caption=f"{len(result.rows)} row(s)")
    numeric = [all(isinstance(row[i], int | float | decimal.Decimal) or row[i] is None
                   for row in result.rows) for i in range(len(result.columns))]
    for name, right in zip(result.columns, numeric, strict=True):
        table.add_column(name, justify="right" if right and result.rows else "left",
                         overflow="fold")
    for row in result.rows:
        # Text, not str: a title holding "[bold]" is data, never rich markup.
        table.add_row(*(Text(_table_cell(value)) for value in row))
    return table
