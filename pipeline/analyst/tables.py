"""The views analysts query: generated item views plus the hand-written ones in views.sql.

Item views are generated from `schemas/record.py`, so a field added to an item model
shows up as a column without touching this file; judgement (what counts as spend) is
SQL in `views.sql`, where an analyst can read it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from schemas.record import EVIDENCED_FIELDS, DecisionRecord

VIEWS = (
    "decisions", "amounts", "suppliers", "funders", "frameworks", "statutory_references",
    "other_instruments", "recommendations", "checks", "spend",
)
"""Public views, in the order exports and help list them."""

MATERIALISED = tuple(view for view in VIEWS if view != "decisions")
"""Views the cache stores as tables; `decisions` stays a view over the cached records, so
the document texts are not stored twice."""

HEAD_COLUMNS = ("id", "reference", "date", "year", "body", "title")
EVIDENCE_COLUMNS = ("page", "section", "paragraph", "start", "end", "rule", "repaired")
AWARDED_ROLES = (
    "contractor", "recommended_supplier", "grant_recipient", "commissioned",
    "novation_recipient", "payee",
)
"""Supplier roles that receive the decision's money (not partners or passing mentions)."""

_DATE_MACRO = """CREATE OR REPLACE MACRO decision_date(dates) AS
    coalesce(dates.signed, dates.published, dates.decided)"""
_AWARDED_VIEW = f"""CREATE OR REPLACE VIEW awarded_suppliers AS
    SELECT * FROM suppliers WHERE role IN ({", ".join(f"'{r}'" for r in AWARDED_ROLES)})"""


def item_columns(field: str) -> tuple[str, ...]:
    """The item's own columns for an evidenced field: every model field but evidence."""
    annotation = DecisionRecord.model_fields[field].annotation
    model = annotation.__args__[0]  # type: ignore[union-attr]
    return tuple(name for name in model.model_fields if name != "evidence")


def item_view_sql(field: str) -> str:
    own = ", ".join(f'x."{name}" AS "{name}"' for name in item_columns(field))
    evidence = ", ".join(f'x.evidence."{name}" AS "{name}"' for name in EVIDENCE_COLUMNS)
    return (
        f'CREATE OR REPLACE VIEW "{field}" AS SELECT {", ".join(HEAD_COLUMNS)}, item, '
        f"{own}, {evidence} FROM (SELECT id, reference, decision_date(dates) AS date, "
        "year(decision_date(dates)) AS year, body, title, "
        f'unnest("{field}") AS x, generate_subscripts("{field}", 1) AS item FROM raw)'
    )


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Define every view over the `raw` table already in `con`."""
    con.execute(_DATE_MACRO)
    for field in EVIDENCED_FIELDS:
        con.execute(item_view_sql(field))
    con.execute(_AWARDED_VIEW)
    con.execute(_views_sql())


def _views_sql() -> str:
    return (Path(__file__).parent / "views.sql").read_text(encoding="utf-8")


def views_signature() -> str:
    """A hash of every view definition: a cached copy of the views is stale without it."""
    parts = [_DATE_MACRO, _AWARDED_VIEW, *map(item_view_sql, EVIDENCED_FIELDS), _views_sql()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def view_columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    return [row[0] for row in con.execute(f'DESCRIBE "{view}"').fetchall()]
