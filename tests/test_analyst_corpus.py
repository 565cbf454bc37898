"""A small record set with known answers, for the analyst query, export and report tests.

Seven invented decisions (no sentence comes from a published one) are run through the real
extractor (`pipeline.records.extract_records`) and written as records, so the tests
exercise extraction -> records -> DuckDB views end to end. What each decision holds is
chosen so every example question has one known answer:

| ref      | date               | approved spend                  | notes                    |
| MD 3101  | 2023-03-14 signed  | £750,000 Harbour Digital        | G-Cloud 12; reg. 72      |
| MD 3102  | 2024-05-02 signed  | £320,000 Harbour Digital        | G-Cloud 13; £1m threshold |
| DD 3103  | 2024-06-20 signed  | £1,200,000 Thistle Data         | RM6100; reg. 72; sum holds |
| PCD 3104 | 2024-10-09 signed  | £50,000 grant, Lantern Youth    | £200k grant in; threshold |
| MD 3105  | 2024-11-11 signed  | £90,000 Meridian Consulting     | <script> title, <img> text |
| MD 3106  | 2022-01-15 decided | £500,000 Cobalt, £40,000 Granite | total ≠ sum of parts     |
| PCD 3107 | 2023-09-01 signed  | £1,100,000 Oakfield Fleet       | = £900k + £200k, same rec |

The tests in this module check that the extractor still reads the fixture as the table
says; if it stops doing so, they fail here first, not as a confusing query mismatch.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from schemas.record import DecisionRecord

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"

_HEAD = """{ref} {title}
Key information
Reference code: {ref}
{date_line}
Decision by: A. Example, {maker}
Executive summary
{summary}
Recommendations
The {maker} is recommended to:
"""


def _lines(*paragraphs: str) -> str:
    """One paragraph a line, as a decision's web page reads once extracted."""
    return "".join(f"{paragraph}\n" for paragraph in paragraphs)


TEXTS = {
    "md-3101": _HEAD.format(
        ref="MD 3101", title="Case Management Platform Hosting",
        date_line="Date signed: 14 March 2023", maker="Mayor",
        summary="This decision approves a call-off contract for case management platform "
                "hosting with Harbour Digital Services Ltd.") + _lines(
        '1. Approve the award of a call-off contract to Harbour Digital Services Ltd for '
        '3 years at a cost of up to £750,000 (exclusive of VAT);',
        '2. Note that the contract may be modified under regulation 72 of the Public '
        'Contracts Regulations 2015.',
        'Part 1: Non-confidential facts and advice',
        '1. Introduction and background',
        '1.1. The hosting contract expires in June and a replacement is required.',
        '2. Issues for consideration',
        '2.1. The recommended supplier is Harbour Digital Services Ltd, selected through '
        'the Crown Commercial Service G-Cloud 12 framework.',
        '3. Financial comments',
        '3.1. The total cost is £750,000 over three years, met from the technology '
        'budget.',
        '4. Legal comments',
        '4.1. The call-off complies with regulation 72 of the Public Contracts '
        'Regulations 2015 and with section 149 of the Equality Act 2010.',
    ),
    "md-3102": _HEAD.format(
        ref="MD 3102", title="Digital Forms Service",
        date_line="Date signed: 02 May 2024", maker="Mayor",
        summary="This decision approves a call-off contract for a digital forms service with "
                "Harbour Digital Services Ltd.") + _lines(
        '1. Approve the award of a call-off contract to Harbour Digital Services Ltd for '
        '2 years at a cost of up to £320,000 (exclusive of VAT).',
        'Part 1: Non-confidential facts and advice',
        '1. Issues for consideration',
        '1.1. The recommended supplier is Harbour Digital Services Ltd, selected through '
        'the Crown Commercial Service G-Cloud 13 framework.',
        '2. Financial comments',
        '2.1. Call-offs valued at £1,000,000 or more need a separate Mayoral decision; '
        'this call-off is below that threshold.',
    ),
    "dd-3103": _HEAD.format(
        ref="DD 3103", title="Data Platform Support",
        date_line="Date signed: 20 June 2024", maker="Executive Director, Resources",
        summary="This decision approves a contract for data platform support with Thistle "
                "Data Systems Ltd.") + _lines(
        '1. Approve the award of a contract to Thistle Data Systems Ltd for 4 years at a '
        'cost of up to £1,200,000 (exclusive of VAT);',
        '2. Approve the extension of the existing contract under regulation 72 of the '
        'Public Contracts Regulations 2015.',
        'Part 1: Non-confidential facts and advice',
        '1. Issues for consideration',
        '1.1. The recommended supplier is Thistle Data Systems Ltd, selected through the '
        'Crown Commercial Service framework RM6100 (Technology Services 3), Lot 2.',
        '2. Financial comments',
        '2.1. The total cost is £1,200,000. This consists of £700,000 capital and '
        '£500,000 revenue.',
    ),
    "pcd-3104": _HEAD.format(
        ref="PCD 3104", title="Youth Diversion Grants",
        date_line="Date signed: 09 October 2024",
        maker="Deputy Mayor for Policing and Crime",
        summary="This decision approves a grant to Lantern Youth Foundation.") + _lines(
        '1. Approve a grant of £50,000 to Lantern Youth Foundation;',
        '2. Accept grant funding of £200,000 from the Ministry of Justice.',
        'Part 1: Non-confidential facts and advice',
        '1. Financial comments',
        '1.1. Contracts valued at £181,302 or more are procured under the Public '
        'Contracts Regulations 2015; this grant is below that threshold.',
    ),
    "md-3105": _HEAD.format(
        ref="MD 3105", title=f"Website {HOSTILE_TITLE} Refresh",
        date_line="Date signed: 11 November 2024", maker="Mayor",
        summary="This decision approves a website refresh with Meridian Consulting LLP. The "
                f"brief quoted {HOSTILE_IMG} from the old site.") + _lines(
        '1. Approve the award of a contract to Meridian Consulting LLP for 1 year at a '
        'cost of up to £90,000 (exclusive of VAT).',
        'Part 1: Non-confidential facts and advice',
        '1. Legal comments',
        '1.1. The Mayor may take this decision under the Mayoral Scheme of Delegation and'
        ' Consent.',
    ),
    "md-3106": _HEAD.format(
        ref="MD 3106", title="Estate Security Upgrade",
        date_line="Decision date: 15 January 2022", maker="Mayor",
        summary="This decision approves the estate security upgrade.") + _lines(
        '1. Approve the award of a contract to Cobalt Security Services Ltd at a cost of '
        'up to £500,000;',
        '2. Approve the award of a contract to Granite Estates Limited at a cost of '
        '£40,000;',
        '3. Note the equality assessment.',
        'Part 1: Non-confidential facts and advice',
        '1. Financial comments',
        '1.1. The total cost of £540,000 consists of £300,000 capital and £150,000 '
        'revenue.',
    ),
    "pcd-3107": _HEAD.format(
        ref="PCD 3107", title="Fleet Vehicle Replacement",
        date_line="Date signed: 01 September 2023",
        maker="Deputy Mayor for Policing and Crime",
        summary="This decision approves the replacement of fleet vehicles.") + _lines(
        "1. Approve the award of a contract to Oakfield Fleet Solutions at a cost of "
        "£1,100,000; the vehicles cost £900,000 and their maintenance costs £200,000;",
        "2. Note the fleet strategy.",
    ),
}


@cache
def corpus_records() -> tuple[DecisionRecord, ...]:
    """The fixture decisions as records, extracted once per test session."""
    from pipeline.ingest import load
    from pipeline.records import extract_records

    documents = [load(Path(f"{name}.txt"), text.encode("utf-8"))
                 for name, text in TEXTS.items()]
    return tuple(extract_records(documents))


def write_records(folder: Path) -> Path:
    """One `<id>.json` per record in `folder`, as `decisions extract --out` writes them."""
    from pipeline.store import record_to_json

    folder.mkdir(parents=True, exist_ok=True)
    for record in corpus_records():
        (folder / f"{record.id}.json").write_text(record_to_json(record), encoding="utf-8")
    return folder


def write_jsonl(path: Path) -> Path:
    """All records in one `.jsonl` file, as the flow writes `outputs/records.jsonl`."""
    lines = (json.dumps(r.model_dump(mode="json"), ensure_ascii=False) for r in corpus_records())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record_for(reference: str) -> DecisionRecord:
    return next(r for r in corpus_records() if r.reference == reference)


class Reading(NamedTuple):
    reference: str
    field: str
    expected: tuple[object, ...]


def _values(record: DecisionRecord, field: str) -> tuple[object, ...]:
    if field == "amounts":
        return tuple(sorted({(a.value, a.kind) for a in record.amounts}))
    if field == "suppliers":
        return tuple(sorted({s.name for s in record.suppliers}))
    if field == "funders":
        return tuple(sorted({f.name for f in record.funders}))
    if field == "checks":
        return tuple((c.total.value, c.holds) for c in record.checks)
    if field == "other_instruments":
        return tuple(sorted({(o.instrument, o.provision) for o in record.other_instruments}))
    return tuple(sorted({(s.instrument, s.provision) for s in record.statutory_references}))


CASES_FROM_FIXTURE = [
    Reading("MD 3102", "amounts", ((320000.0, "cost"), (1000000.0, "threshold"))),
    Reading("DD 3103", "checks", ((1200000.0, True),)),
    Reading("PCD 3104", "amounts", ((50000.0, "grant"), (181302.0, "threshold"),
                                    (200000.0, "income"))),
    Reading("PCD 3104", "funders", ("Ministry of Justice",)),
    Reading("MD 3105", "other_instruments", (("Mayoral Scheme of Delegation and Consent", None),)),
    Reading("MD 3106", "suppliers", ("Cobalt Security Services Ltd", "Granite Estates Limited")),
    Reading("MD 3106", "checks", ((540000.0, False),)),
    Reading("PCD 3107", "amounts", ((200000.0, "cost"), (900000.0, "cost"),
                                    (1100000.0, "cost"))),
    Reading("PCD 3107", "checks", ()),
    Reading("MD 3101", "statutory_references", (
        ("Equality Act 2010", "section 149"),
        ("Public Contracts Regulations 2015", "regulation 72"))),
]


@pytest.mark.parametrize("case", CASES_FROM_FIXTURE,
                         ids=[f"{c.reference}-{c.field}" for c in CASES_FROM_FIXTURE])
def test_fixture_reads_as_designed(case: Reading) -> None:
    assert _values(record_for(case.reference), case.field) == case.expected


def test_fixture_dates_fall_back_to_the_decided_date() -> None:
    record = record_for("MD 3106")
    assert record.dates.signed is None and str(record.dates.decided) == "2022-01-15"
