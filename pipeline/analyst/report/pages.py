"""One record -> what its review page shows: facts, highlighted text, value tables.

Records are read as DuckDB returns them (plain dicts and lists), not re-validated:
a page must still render for a record with odd offsets, so highlights outside the
text are dropped rather than raised on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from pipeline.analyst.report.describe import FIELD_LABELS, describe_item, item_title
from pipeline.analyst.report.highlight import Mark, text_to_html


@dataclass(frozen=True)
class ItemRow:
    key: str
    text: str
    value: str
    where: str
    rule: str


@dataclass(frozen=True)
class FieldTable:
    field: str
    label: str
    rows: tuple[ItemRow, ...]


@dataclass(frozen=True)
class CheckRow:
    total: str
    parts: str
    holds: bool
    difference: float


@dataclass(frozen=True)
class DecisionPage:
    record: dict[str, Any]
    date: Any
    approved_spend: float | None
    text_html: Markup
    tables: tuple[FieldTable, ...]
    spend: tuple[dict[str, Any], ...]
    checks: tuple[CheckRow, ...]
    warnings: tuple[dict[str, Any], ...]


def _where(evidence: dict[str, Any]) -> str:
    parts = [evidence.get("section") or "",
             f"¶ {evidence['paragraph']}" if evidence.get("paragraph") else "",
             f"page {evidence.get('page')}" if evidence.get("page") else ""]
    return ", ".join(part for part in parts if part)


def _field_table(field: str, items: list[dict[str, Any]]) -> FieldTable:
    rows = tuple(
        ItemRow(key=f"{field}-{n}", text=item.get("text") or "",
                value=describe_item(field, item), where=_where(item.get("evidence") or {}),
                rule=(item.get("evidence") or {}).get("rule") or "")
        for n, item in enumerate(items, start=1))
    return FieldTable(field=field, label=FIELD_LABELS[field], rows=rows)


def _marks(record: dict[str, Any]) -> list[Mark]:
    marks = []
    for field in FIELD_LABELS:
        for n, item in enumerate(record.get(field) or [], start=1):
            evidence = item.get("evidence") or {}
            start, end = evidence.get("start"), evidence.get("end")
            if isinstance(start, int) and isinstance(end, int):
                marks.append(Mark(start, end, field, f"{field}-{n}", item_title(field, item)))
    return marks


def _checks(record: dict[str, Any]) -> tuple[CheckRow, ...]:
    rows = []
    for check in record.get("checks") or []:
        parts = " + ".join(part.get("text") or "" for part in check.get("parts") or [])
        rows.append(CheckRow(total=(check.get("total") or {}).get("text") or "", parts=parts,
                             holds=bool(check.get("holds")),
                             difference=float(check.get("difference") or 0.0)))
    return tuple(rows)


def record_to_page(record: dict[str, Any], spend: list[dict[str, Any]]) -> DecisionPage:
    dates = record.get("dates") or {}
    gbp = [row["value"] for row in spend if row["currency"] == "GBP"]
    return DecisionPage(
        record=record,
        date=dates.get("signed") or dates.get("published") or dates.get("decided"),
        approved_spend=sum(gbp) if gbp else None,
        text_html=text_to_html(record.get("text") or "", _marks(record), tuple(FIELD_LABELS)),
        tables=tuple(_field_table(field, record.get(field) or []) for field in FIELD_LABELS
                     if record.get(field)),
        spend=tuple(spend),
        checks=_checks(record),
        warnings=tuple(record.get("warnings") or []),
    )
