"""What the `spend` view counts, case by case, on small hand-built records.

Each case is one decision text with its items placed by quoting the text, so the rules
in views.sql (approving recommendations only, never thresholds, incoming grants, range
low ends, repeated figures or parts of a sum; supplier attribution) are pinned one at a
time, independently of what the extractor happens to read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest

from pipeline.analyst import open_records
from pipeline.store import record_to_json
from schemas.record import DecisionRecord

Item = tuple[Any, ...]


class SpendCase(NamedTuple):
    text: str
    recommendations: list[tuple[str, str]]  # (quote, action)
    amounts: list[tuple[str, float, str, str | None]]  # (quote, value, kind, range)
    suppliers: list[tuple[str, str]]  # (quote, role)
    funders: list[str]
    spend: list[tuple[float, str | None]]  # (value, supplier), in text order


def _evidence(text: str, quote: str, after: int = 0) -> dict[str, Any]:
    start = text.index(quote, after)
    return {"start": start, "end": start + len(quote), "page": 1, "section": None,
            "paragraph": None, "rule": "test"}


def _record(case: SpendCase, n: int) -> DecisionRecord:
    text = case.text
    seen: dict[str, int] = {}

    def place(quote: str) -> dict[str, Any]:
        evidence = _evidence(text, quote, seen.get(quote, 0))
        seen[quote] = evidence["end"]
        return evidence

    return DecisionRecord.model_validate({
        "id": f"case-{n}", "reference": f"T {n}", "text": text,
        "dates": {"signed": "2024-01-02"},
        "source": {"path": f"case-{n}.txt", "sha256": "0" * 64, "format": "text",
                   "media_type": "text/plain", "pages": 1, "page_starts": [0]},
        "provenance": {"pipeline": "test", "patterns": "test"},
        "recommendations": [{"number": str(i), "text": q, "action": a, "evidence": place(q)}
                            for i, (q, a) in enumerate(case.recommendations, start=1)],
        "amounts": [{"text": q, "value": v, "currency": "GBP", "kind": k, "range": r,
                     "evidence": place(q)} for q, v, k, r in case.amounts],
        "suppliers": [{"name": q, "text": q, "role": role, "evidence": place(q)}
                      for q, role in case.suppliers],
        "funders": [{"name": q, "text": q, "evidence": place(q)} for q in case.funders],
    })


def _far_parts_case() -> SpendCase:
    """£900 and £200 add up to £1,100, but 15 other amounts lie between them: parts are
    looked for within a run of 16 consecutive amounts (views.sql), so all three count."""
    fillers = [f"£{10_001 + n:,}" for n in range(15)]
    quotes = ["£1,100", "£900", *fillers, "£200"]
    recommendation = f"Approve {', '.join(quotes)}."
    values = [1100.0, 900.0, *(10_001.0 + n for n in range(15)), 200.0]
    return SpendCase(f"1. {recommendation}", [(recommendation, "approve")],
                     [(q, v, "cost", None) for q, v in zip(quotes, values, strict=True)],
                     [], [], [(v, None) for v in values])


CASES_FROM_RULES = {
    "cost-in-approving-recommendation": SpendCase(
        "1. Approve a contract with Acme Ltd at £10,000.",
        [("Approve a contract with Acme Ltd at £10,000.", "approve")],
        [("£10,000", 10000.0, "cost", None)], [("Acme Ltd", "contractor")], [],
        [(10000.0, "Acme Ltd")]),
    "threshold-never": SpendCase(
        "1. Approve a contract with Acme Ltd below the £25,000 limit.",
        [("Approve a contract with Acme Ltd below the £25,000 limit.", "approve")],
        [("£25,000", 25000.0, "threshold", None)], [("Acme Ltd", "contractor")], [], []),
    "noted-not-approved": SpendCase(
        "1. Note spend of £5,000 with Acme Ltd.",
        [("Note spend of £5,000 with Acme Ltd.", "note")],
        [("£5,000", 5000.0, "cost", None)], [("Acme Ltd", "contractor")], [], []),
    "outside-recommendations": SpendCase(
        "The cost is £7,000.\n1. Approve the plan.",
        [("Approve the plan.", "approve")], [("£7,000", 7000.0, "cost", None)], [], [], []),
    "incoming-grant-from-a-funder": SpendCase(
        "1. Approve grant funding of £9,000 from the Home Office.",
        [("Approve grant funding of £9,000 from the Home Office.", "approve")],
        [("£9,000", 9000.0, "grant", None)], [], ["Home Office"], []),
    "grant-paid-out": SpendCase(
        "1. Approve a grant of £9,000 to Kite Trust.",
        [("Approve a grant of £9,000 to Kite Trust.", "approve")],
        [("£9,000", 9000.0, "grant", None)], [("Kite Trust", "grant_recipient")], [],
        [(9000.0, "Kite Trust")]),
    "range-counts-its-high-end": SpendCase(
        "1. Approve spend of £1,000 to £3,000.",
        [("Approve spend of £1,000 to £3,000.", "approve")],
        [("£1,000", 1000.0, "cost", "low"), ("£3,000", 3000.0, "cost", "high")], [], [],
        [(3000.0, None)]),
    "a-repeated-figure-counts-once": SpendCase(
        "1. Approve £4,000 for Acme Ltd.\n2. Delegate award of the £4,000 contract.",
        [("Approve £4,000 for Acme Ltd.", "approve"),
         ("Delegate award of the £4,000 contract.", "delegate")],
        [("£4,000", 4000.0, "cost", None), ("£4,000", 4000.0, "cost", None)],
        [("Acme Ltd", "contractor")], [], [(4000.0, "Acme Ltd")]),
    "parts-that-add-up-to-a-total": SpendCase(
        "1. Approve £1,100 with Acme Ltd: £900 for vans and £200 for repairs.",
        [("Approve £1,100 with Acme Ltd: £900 for vans and £200 for repairs.", "approve")],
        [("£1,100", 1100.0, "cost", None), ("£900", 900.0, "cost", None),
         ("£200", 200.0, "cost", None)], [("Acme Ltd", "contractor")], [],
        [(1100.0, "Acme Ltd")]),
    "separate-sums-both-count": SpendCase(
        "1. Approve £300 for Acme Ltd and £500 for Zeta Ltd.",
        [("Approve £300 for Acme Ltd and £500 for Zeta Ltd.", "approve")],
        [("£300", 300.0, "cost", None), ("£500", 500.0, "cost", None)],
        [("Acme Ltd", "contractor"), ("Zeta Ltd", "contractor")], [],
        [(300.0, "Acme Ltd"), (500.0, "Zeta Ltd")]),
    "supplier-named-in-another-approving-recommendation": SpendCase(
        "1. Approve the award to Acme Ltd.\n2. Approve expenditure of £600.\n"
        "Zeta Ltd was paid for the survey.",
        [("Approve the award to Acme Ltd.", "approve"), ("Approve expenditure of £600.",
                                                        "approve")],
        [("£600", 600.0, "cost", None)], [("Acme Ltd", "contractor"), ("Zeta Ltd", "payee")],
        [], [(600.0, "Acme Ltd")]),
    "several-suppliers-none-named-unattributed": SpendCase(
        "1. Approve expenditure of £600.\nAcme Ltd and Zeta Ltd will deliver it.",
        [("Approve expenditure of £600.", "approve")], [("£600", 600.0, "cost", None)],
        [("Acme Ltd", "contractor"), ("Zeta Ltd", "contractor")], [], [(600.0, None)]),
    "parts-further-apart-than-the-run-both-count": _far_parts_case(),
}


@pytest.fixture(scope="module")
def spend_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Item]]:
    folder = tmp_path_factory.mktemp("spend-cases")
    names = list(CASES_FROM_RULES)
    for n, name in enumerate(names):
        (folder / f"case-{n}.json").write_text(
            record_to_json(_record(CASES_FROM_RULES[name], n)), encoding="utf-8")
    rows = open_records(folder).execute(
        "SELECT id, value, supplier FROM spend ORDER BY id, start").fetchall()
    return {name: [(v, s) for i, v, s in rows if i == f"case-{n}"]
            for n, name in enumerate(names)}


@pytest.mark.parametrize("name", CASES_FROM_RULES)
def test_spend_rule(spend_rows: dict[str, list[Item]], name: str) -> None:
    assert spend_rows[name] == CASES_FROM_RULES[name].spend


def _schedule_case(payments: int, sums: int) -> SpendCase:
    """One recommendation quoting `payments` whole-pound payments of about £1m and, spread
    among them, `sums` stated sums (a total, then its two parts). Parts end in 25p and
    totals in 50p, so no payment, part or total adds up to another by accident: the only
    sums are the stated ones."""
    quotes: list[tuple[str, float, str, str | None]] = []
    spend: list[tuple[float, str | None]] = []
    every = payments // sums
    for n in range(payments):
        if n % every == 0 and n // every < sums:
            g = n // every + 1
            part, other = 10_000.0 * g + 0.25, 7.0 * g + 0.25
            quotes += [(f"£{part + other:,.2f}", part + other, "cost", None),
                       (f"£{part:,.2f}", part, "cost", None),
                       (f"£{other:,.2f}", other, "cost", None)]
            spend.append((part + other, "Acme Ltd"))
        value = 1_000_000.0 + n
        quotes.append((f"£{value:,.0f}", value, "cost", None))
        spend.append((value, "Acme Ltd"))
    recommendation = f"Approve payments to Acme Ltd of {'; '.join(q for q, *_ in quotes)}."
    return SpendCase(f"1. {recommendation}", [(recommendation, "approve")], quotes,
                     [("Acme Ltd", "contractor")], [], spend)


def test_a_recommendation_with_thousands_of_amounts_is_counted(tmp_path: Path) -> None:
    """3,000 payments and 5 stated sums in one recommendation. Pairs and triples of every
    amount against every other took minutes at 400 amounts and ran out of memory at
    thousands; within a run of 16 the view answers at once, leaving out only the parts."""
    case = _schedule_case(3000, 5)
    (tmp_path / "schedule.json").write_text(record_to_json(_record(case, 0)), "utf-8")
    con = open_records(tmp_path)
    rows = con.execute("SELECT value, supplier FROM spend ORDER BY start").fetchall()
    assert rows == case.spend
    total = con.execute("SELECT approved_spend FROM decisions").fetchone()
    assert total == (pytest.approx(sum(value for value, _ in case.spend)),)
