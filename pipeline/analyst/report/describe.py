"""One line per extracted item for people: the normalised value and the rule that found it.

The review page shows this on hover (and on tap, for phones) over the highlighted words,
so a reviewer can compare what the text says with what the record holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FIELD_LABELS = {
    "recommendations": "Recommendation",
    "statutory_references": "Statute",
    "other_instruments": "Instrument",
    "frameworks": "Framework",
    "suppliers": "Supplier",
    "funders": "Funder",
    "amounts": "Amount",
}
"""Highlighted fields, outermost first: a recommendation holds amounts and names."""

_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money_text(value: float | None, currency: str | None = "GBP") -> str:
    if value is None:
        return ""
    symbol = _SYMBOLS.get(currency or "")
    return f"{symbol}{value:,.2f}" if symbol else f"{value:,.2f} {currency or ''}".strip()


def short_money(value: float) -> str:
    """£1.2m, £750k, £950: chart labels stay short."""
    if abs(value) >= 1_000_000:
        return f"£{value / 1_000_000:,.1f}m".replace(".0m", "m")
    if abs(value) >= 10_000:
        return f"£{value / 1000:,.0f}k"
    return f"£{value:,.0f}"


def _words(value: str | None) -> str:
    return (value or "").replace("_", " ")


def _amount(item: Mapping[str, Any]) -> list[str]:
    return [money_text(item.get("value"), item.get("currency")), _words(item.get("kind")),
            _words(item.get("qualifier")),
            f"VAT {item['vat']}" if item.get("vat") else "", item.get("period") or "",
            f"{item['range']} end of a range" if item.get("range") else ""]


def _named(item: Mapping[str, Any]) -> list[str]:
    role = f"({_words(item.get('role'))})" if item.get("role") else ""
    number = f"company {item['company_number']}" if item.get("company_number") else ""
    ident = f"[{item['identifier']}]" if item.get("identifier") else ""
    lot = f"lot {item['lot']}" if item.get("lot") else ""
    owner = f"owner {item['owner']}" if item.get("owner") else ""
    return [f"{item.get('name') or ''} {role}".strip(), number, ident, lot, owner]


def _cited(item: Mapping[str, Any]) -> list[str]:
    provision = item.get("provision")
    instrument = item.get("instrument") or ""
    return [f"{provision}, {instrument}" if provision else instrument, item.get("uri") or ""]


def _recommendation(item: Mapping[str, Any]) -> list[str]:
    number = item.get("number")
    return [f"no. {number}" if number else "", f"action {_words(item.get('action'))}"]


_PARTS = {
    "amounts": _amount, "suppliers": _named, "funders": _named, "frameworks": _named,
    "statutory_references": _cited, "other_instruments": _cited,
    "recommendations": _recommendation,
}


def describe_item(field: str, item: Mapping[str, Any]) -> str:
    """The normalised value, e.g. "£750,000.00, cost, up to, VAT exclusive"."""
    return ", ".join(part for part in _PARTS[field](item) if part)


def item_title(field: str, item: Mapping[str, Any]) -> str:
    evidence = item.get("evidence") or {}
    repaired = " (read through a repair)" if evidence.get("repaired") else ""
    return (f"{FIELD_LABELS[field]}: {describe_item(field, item)} · "
            f"rule {evidence.get('rule') or '?'}{repaired}")
