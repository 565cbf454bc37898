"""Findings to record: choose, de-duplicate, attach evidence, validate.

Choices made here, in words:
- suppliers are one entry per organisation: names equal after normalising, or one
  contained in the other word by word ("Notting Hill" in "Notting Hill Housing Trust"),
  are one supplier under the longest name, the others kept as aliases;
- funders, the deciding bodies (from the public bodies table and the record's own body)
  and buying organisations named only as a route ("via CCS") are never suppliers, nor
  are words a statute or a framework was read from;
- frameworks are one entry per framework: same identifier, or same name once
  bracketed abbreviations are dropped; the longest wording is kept;
- statutory references and amounts stay one per mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from pipeline import __version__
from pipeline.document import Document
from pipeline.extract import Extraction
from pipeline.extract.checks import CheckFinding
from pipeline.extract.findings import Finding
from pipeline.extract.names import normalised_name
from pipeline.extract.own_bodies import own_body_names
from pipeline.nlp import read_table
from pipeline.provenance import patterns_version
from schemas.record import EVIDENCED_FIELDS, DecisionRecord


@lru_cache(maxsize=1)
def _bodies() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(alias -> canonical name, decider keys, buyer keys), keys normalised."""
    canonical: dict[str, str] = {}
    deciders: set[str] = set()
    for row in read_table("public_bodies.json")["bodies"]:
        for name in [row["name"], *row["aliases"]]:
            canonical[normalised_name(name)] = row["name"]
            if row["role"] == "decider":
                deciders.add(normalised_name(name))
    buyers = {
        normalised_name(n)
        for row in read_table("buying_organisations.json")["organisations"]
        for n in [row["name"], *row["aliases"]]
    }
    return canonical, frozenset(deciders), frozenset(buyers)


def extraction_to_record(document: Document, extraction: Extraction) -> DecisionRecord:
    by_field: dict[str, list[Finding]] = {name: [] for name in EVIDENCED_FIELDS}
    for f in extraction.findings:
        by_field[f.field].append(f)
    particulars = extraction.particulars
    funders = _funders(by_field["funders"], document.text.lower())
    excluded = {normalised_name(f.values["name"]) for f in funders}
    if particulars.body:
        excluded.add(normalised_name(particulars.body))
    excluded |= own_body_names(document.text, particulars.body)
    data: dict[str, Any] = {
        "id": document.doc_id,
        "reference": particulars.reference,
        "title": particulars.title,
        "body": particulars.body,
        "decision_maker": particulars.decision_maker,
        "dates": {k: v.isoformat() for k, v in particulars.dates.items()},
        "source": _source(document),
        "text": document.text,
        "sections": [
            {
                "heading": s.heading,
                "number": s.number,
                "kind": s.kind,
                "start": s.start,
                "end": s.end,
            }
            for s in document.sections
        ],
        "recommendations": [_item(document, f) for f in by_field["recommendations"]],
        "amounts": [_item(document, f) for f in _by_position(by_field["amounts"])],
        "suppliers": [
            _item(document, f)
            for f in _suppliers(by_field["suppliers"], excluded,
                                [*by_field["statutory_references"], *by_field["frameworks"]])
        ],
        "funders": [_item(document, f) for f in funders],
        "frameworks": [_item(document, f) for f in _frameworks(by_field["frameworks"])],
        "statutory_references": [
            _item(document, f) for f in _distinct(by_field["statutory_references"])
        ],
        "other_instruments": [_item(document, f) for f in by_field["other_instruments"]],
        "checks": [_check(document, c) for c in extraction.checks],
        "warnings": [
            {"code": n.code, "message": n.message, "start": n.start, "end": n.end}
            for n in extraction.notes
        ],
        "provenance": {"pipeline": __version__, "patterns": patterns_version()},
    }
    return DecisionRecord.model_validate(data)


def _source(document: Document) -> dict[str, Any]:
    src = document.source
    return {
        "path": src.path,
        "sha256": src.sha256,
        "format": src.format,
        "media_type": src.media_type,
        "pages": document.pages,
        "page_starts": list(document.page_starts),
        "engine": src.engine,
        "links": [{"url": x.url, "text": x.text, "kind": x.kind} for x in src.links],
        "furniture": [{"page": x.page, "kind": x.kind, "text": x.text} for x in src.furniture],
        "tables": [
            {"page": t.page, "start": t.start, "end": t.end, "rows": [list(r) for r in t.rows]}
            for t in src.tables
        ],
    }


def _evidence(document: Document, f: Finding) -> dict[str, Any]:
    section = document.section_at(f.start)
    paragraph = document.paragraph_at(f.start)
    return {
        "start": f.start,
        "end": f.end,
        "page": document.page_at(f.start),
        "section": section.heading if section else None,
        "paragraph": paragraph.number if paragraph else None,
        "rule": f.rule,
        "repaired": f.repaired,
    }


def _item(document: Document, f: Finding) -> dict[str, Any]:
    values = {k: (list(v) if isinstance(v, tuple) else v) for k, v in f.values.items()}
    return {**values, "text": document.text[f.start : f.end], "evidence": _evidence(document, f)}


def _check(document: Document, check: CheckFinding) -> dict[str, Any]:
    def term(f: Finding) -> dict[str, Any]:
        return {
            "text": document.text[f.start : f.end],
            "value": f.values["value"],
            "evidence": _evidence(document, f),
        }

    return {
        "kind": "sum",
        "total": term(check.total),
        "parts": [term(p) for p in check.parts],
        "holds": check.holds,
        "difference": check.difference,
    }


def _by_position(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, f.end))


def _distinct(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[int, int, Any, Any]] = set()
    out: list[Finding] = []
    for f in _by_position(findings):
        key = (f.start, f.end, f.values.get("instrument"), f.values.get("provision"))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _funders(findings: Sequence[Finding], lowered_text: str) -> list[Finding]:
    """One per body; an abbreviation takes the table's full name when the document also
    writes it out ("MoJ" beside "Ministry of Justice"), and stays as written otherwise."""
    canonical, deciders, _ = _bodies()
    chosen: dict[str, Finding] = {}
    for f in _by_position(findings):
        key = normalised_name(f.values["name"])
        if not key or key in deciders:
            continue
        name = f.values["name"]
        if " " not in name.strip() and key in canonical \
                and canonical[key].lower() in lowered_text:
            name = canonical[key]
        key = normalised_name(name)
        if key not in chosen:
            chosen[key] = Finding(f.field, f.start, f.end, f.rule, {"name": name}, f.repaired)
    return list(chosen.values())


def _suppliers(
    findings: Sequence[Finding], excluded: set[str], taken: Sequence[Finding]
) -> list[Finding]:
    """`taken`: findings of other fields whose words a supplier's name may not overlap
    (a statute's "PCRs", a framework's "Surface Transport Infrastructure Construction"
    are no organisations)."""
    canonical, deciders, buyers = _bodies()
    kept: list[Finding] = []
    for f in _by_position(findings):
        if any(t.start < f.end and f.start < t.end for t in taken):
            continue
        key = normalised_name(f.values["name"])
        if not key or key in deciders or key in excluded:
            continue
        if (
            key in canonical
            and canonical[key] != f.values["name"]
            and normalised_name(canonical[key]) in excluded
        ):
            continue
        if key in buyers and f.values.get("role") not in (
            "novation_recipient",
            "contractor",
            "recommended_supplier",
            "payee",
        ):
            continue
        kept.append(f)
    groups: list[list[Finding]] = []
    for f in kept:
        keys = _names_of(f)
        for group in groups:
            if any(_same_organisation(key, other) for g in group for other in _names_of(g)
                   for key in keys):
                group.append(f)
                break
        else:
            groups.append([f])
    return [_merge_suppliers(group) for group in groups]


def _names_of(f: Finding) -> list[str]:
    """A supplier's name and the aliases the text gave it ("CAB", a former name)."""
    return [normalised_name(n) for n in (f.values["name"], *f.values.get("aliases", ()))]


def _same_organisation(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return f" {short} " in f" {long_} " and len(short.split()) >= 1 and len(short) >= 3


def _merge_suppliers(group: list[Finding]) -> Finding:
    best = max(group, key=lambda f: (len(f.values["name"]), -f.start))
    aliases: list[str] = []
    for f in group:
        for alias in [f.values["name"], *f.values.get("aliases", ())]:
            if alias != best.values["name"] and alias not in aliases:
                aliases.append(alias)
    number = next(
        (f.values.get("company_number") for f in group if f.values.get("company_number")), None
    )
    role = next(
        (f.values["role"] for f in group if f.values["role"] != "partner"), best.values["role"]
    )
    values = dict(best.values, aliases=tuple(aliases), company_number=number, role=role)
    return Finding(best.field, best.start, best.end, best.rule, values, best.repaired)


def _frameworks(findings: Sequence[Finding]) -> list[Finding]:
    groups: dict[str, list[Finding]] = {}
    order: list[str] = []
    for f in _by_position(findings):
        key = f.values.get("identifier") or normalised_name(f.values["name"])
        match = next((k for k in order if k == key or _framework_keys_meet(groups[k], f)), None)
        if match is None:
            groups[key] = [f]
            order.append(key)
        else:
            groups[match].append(f)
    out: list[Finding] = []
    for key in order:
        group = groups[key]
        best = max(group, key=lambda f: (len(f.values["name"]), -f.start))
        values = dict(best.values)
        for field_name in ("owner", "identifier", "lot"):
            values[field_name] = values.get(field_name) or next(
                (g.values.get(field_name) for g in group if g.values.get(field_name)), None
            )
        out.append(Finding(best.field, best.start, best.end, best.rule, values, best.repaired))
    return sorted(out, key=lambda f: f.start)


def _framework_keys_meet(group: list[Finding], f: Finding) -> bool:
    ident = f.values.get("identifier")
    if ident and any(g.values.get("identifier") == ident for g in group):
        return True
    name = normalised_name(f.values["name"])
    return any(normalised_name(g.values["name"]) == name for g in group)
