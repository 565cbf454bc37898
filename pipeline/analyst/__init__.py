"""Analyst tools over written records: SQL views (DuckDB), exports, a static review site.

Records are read, never changed: the JSON files `decisions extract` writes (or the
flow's `records.jsonl`) are loaded into an in-memory DuckDB database whose views give
one row per decision and one row per extracted item, each with its evidence.
"""

from __future__ import annotations

__all__ = ["RecordsNotFound", "RecordsUnreadable", "open_records"]

from pipeline.analyst.load import RecordsNotFound, RecordsUnreadable, open_records
