"""Decisions as OCDS-style releases, so they join with procurement data.

One release per record: the deciding body is the buyer, suppliers and funders are
parties with their roles, and approved spend (the `spend` view, so thresholds never
count) becomes awards with value and suppliers. The ocid is a prefix (an OCDS publisher
prefix, configurable) plus the decision's reference ("MD 3101" -> "MD-3101"): a web
page and the signed PDF of one decision share an ocid and differ by release id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from pipeline.analyst.tables import AWARDED_ROLES
from pipeline.store import json_text, write_atomic

OCDS_VERSION = "1.1"
DEFAULT_OCID_PREFIX = "ocds-decisions"
_SLUG = re.compile(r"[^A-Za-z0-9]+")
SUPPLIER_ROLES = (*AWARDED_ROLES, "consortium_member")
"""Record supplier roles that make an OCDS supplier; others are interested parties."""

Rows = dict[str, list[tuple[Any, ...]]]


def ocid_for(prefix: str, reference: str | None, record_id: str) -> str:
    suffix = _SLUG.sub("-", reference).strip("-") if reference else ""
    return f"{prefix}-{suffix or record_id}"


def party_id(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-") or "party"


def _grouped(con: duckdb.DuckDBPyConnection, sql: str) -> Rows:
    """Rows of `sql` (first column the record id) grouped by that id."""
    groups: Rows = defaultdict(list)
    for row in con.execute(sql).fetchall():
        groups[row[0]].append(row[1:])
    return groups


def _parties(body: str | None, suppliers: list[tuple[Any, ...]],
             funders: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    parties: dict[str, dict[str, Any]] = {}

    def add(name: str, role: str, company_number: str | None = None) -> None:
        party = parties.setdefault(party_id(name), {"id": party_id(name), "name": name,
                                                    "roles": []})
        if role not in party["roles"]:
            party["roles"].append(role)
        if company_number:
            party["identifier"] = {"scheme": "GB-COH", "id": company_number}

    if body:
        add(body, "buyer")
    for name, role, company_number in suppliers:
        add(name, "supplier" if role in SUPPLIER_ROLES else "interestedParty", company_number)
    for (name,) in funders:
        add(name, "funder")
    return list(parties.values())


def _awards(release_id: str, title: str | None, spend: list[tuple[Any, ...]],
            suppliers: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """One award per (supplier, currency) of approved spend, then one per unpaid supplier."""
    awards: list[dict[str, Any]] = []
    paid = set()
    for supplier, currency, amount in spend:
        award: dict[str, Any] = {"value": {"amount": amount, "currency": currency}}
        if supplier:
            award["suppliers"] = [{"id": party_id(supplier), "name": supplier}]
            paid.add(supplier)
        awards.append(award)
    for name, role, _ in suppliers:
        if role in SUPPLIER_ROLES and name not in paid:
            awards.append({"suppliers": [{"id": party_id(name), "name": name}]})
            paid.add(name)
    for n, award in enumerate(awards, start=1):
        award["id"] = f"{release_id}-award-{n}"
        if title:
            award["title"] = title
    return awards


def _release(head: tuple[Any, ...], prefix: str, related: dict[str, Rows]) -> dict[str, Any]:
    record_id, reference, date, body, title = head
    suppliers = related["suppliers"].get(record_id, [])
    awards = _awards(record_id, title, related["spend"].get(record_id, []), suppliers)
    release: dict[str, Any] = {
        "ocid": ocid_for(prefix, reference, record_id), "id": record_id,
        "tag": ["award"] if awards else ["planning"], "initiationType": "tender",
        "language": "en",
        "parties": _parties(body, suppliers, related["funders"].get(record_id, [])),
        "tender": {"id": f"{record_id}-tender"},
        "awards": awards,
    }
    if date is not None:
        release["date"] = f"{date.isoformat()}T00:00:00Z"
    if body:
        release["buyer"] = {"id": party_id(body), "name": body}
    if title:
        release["tender"]["title"] = title
    frameworks = [name for (name,) in related["frameworks"].get(record_id, [])]
    if frameworks:
        release["tender"]["procurementMethodDetails"] = "Call-off from " + "; ".join(frameworks)
    return release


def records_to_releases(con: duckdb.DuckDBPyConnection,
                        prefix: str = DEFAULT_OCID_PREFIX) -> list[dict[str, Any]]:
    related = {
        "suppliers": _grouped(con, "SELECT id, name, role, company_number FROM suppliers "
                                   "ORDER BY id, item"),
        "funders": _grouped(con, "SELECT DISTINCT id, name FROM funders ORDER BY id, name"),
        "frameworks": _grouped(con, "SELECT DISTINCT id, name FROM frameworks "
                                    "ORDER BY id, name"),
        "spend": _grouped(con, "SELECT id, supplier, currency, sum(value) FROM spend "
                               "GROUP BY ALL ORDER BY id, supplier NULLS LAST, currency"),
    }
    heads = con.execute("SELECT id, reference, date, body, title FROM decisions "
                        "ORDER BY date NULLS LAST, id").fetchall()
    return [_release(head, prefix, related) for head in heads]


def releases_to_package(releases: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """An OCDS release package; its date is the newest decision's, so output is stable."""
    listed = list(releases)
    dates = [release["date"] for release in listed if "date" in release]
    package: dict[str, Any] = {
        "uri": "release-package.json", "version": OCDS_VERSION,
        "publisher": {"name": "decision-records"}, "releases": listed,
    }
    if dates:
        package["publishedDate"] = max(dates)
    return package


def write_ocds(con: duckdb.DuckDBPyConnection, out: Path,
               prefix: str = DEFAULT_OCID_PREFIX) -> list[Path]:
    path = out / "release-package.json"
    write_atomic(path, json_text(releases_to_package(records_to_releases(con, prefix))))
    return [path]
