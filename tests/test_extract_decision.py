"""One whole invented decision, as a MOPAC decision reads, through every extractor at once.

The family tables test phrasings one sentence at a time; this checks that they hold
together in a full document with headings, numbered paragraphs and a recommendations
list: each row reads one field of the record and says what a careful analyst expects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import Has, OneOf, parametrize_groups
from tests.conftest import record_of

DECISION = """\
PCD 1488 Custody healthcare services contract

Reference code: PCD 1488
Date signed: 12 February 2025
Decision by: Deputy Mayor for Policing and Crime

Executive summary
The Metropolitan Police Service (MPS) needs healthcare professionals in its custody suites.
The current contract with Northgate Clinical Services Limited expires on 31 March 2025.
This decision seeks approval to award a new contract following a competitive procurement.

Recommendations
The Deputy Mayor for Policing and Crime (DMPC) is recommended to:
1. Approve awarding a contract to Meridian Health Partners Ltd for three years at a
   total cost of £14.6m.
2. Accept a Ministry of Justice grant of £400,000 towards the liaison and diversion service.
3. Delegate authority to the Chief Finance Officer to agree the final contract terms.

Financial Comments
3.1. The total cost of £14.6m consists of £12.9m for clinical staff and £1.7m for the case
management system.
3.2. The cost will be met from the MPS custody budget of £5.2m per annum.

Legal Comments
4.1. The contract was procured through the Crown Commercial Service framework RM6181 Lot 1,
in accordance with regulation 33 of the Public Contracts Regulations 2015.
4.2. MOPAC must have due regard to section 149(1) of the Equality Act 2010.

Commercial Issues
5.1. The recommended supplier is Meridian Health Partners Ltd (company registration
number: 08765432), which scored highest on quality and price.
5.2. The contract value is above the threshold of £214,904 for light-touch services.

GDPR and Data Privacy
6.1. A privacy impact assessment has been completed in line with Article 35 of the UK GDPR.
"""


class FieldCase(NamedTuple):
    id: str
    read: Callable[[DecisionRecord], Any]
    expected: Any

    @property
    def text(self) -> str:
        return DECISION


def amount_evidence(record: DecisionRecord, quote: str) -> list[tuple[str | None, str | None]]:
    return [(a.evidence.section, a.evidence.paragraph) for a in record.amounts
            if a.text == quote]


def statutory_references(record: DecisionRecord) -> list[tuple[str, str | None, str | None]]:
    return [(s.instrument, s.provision, s.uri) for s in record.statutory_references]


CITED = [("Public Contracts Regulations 2015", "regulation 33", "uksi/2015/102"),
         ("Equality Act 2010", "section 149(1)", "ukpga/2010/15"),
         ("UK General Data Protection Regulation", "article 35", "eur/2016/679")]

CASES_FROM_FORMAT = [
    FieldCase("reference", lambda r: r.reference, "PCD 1488"),
    FieldCase("title", lambda r: r.title, Has("Custody healthcare services contract")),
    FieldCase("body", lambda r: r.body, "Mayor's Office for Policing and Crime"),
    FieldCase("decision-maker", lambda r: r.decision_maker, "Deputy Mayor for Policing and Crime"),
    FieldCase("date-signed", lambda r: r.dates.signed, date(2025, 2, 12)),
    FieldCase("recommendations", lambda r: [(x.number, x.action) for x in r.recommendations],
              [("1", "approve"), ("2", "accept"), ("3", "delegate")]),
    FieldCase("recommendation-wrapped-line", lambda r: r.recommendations[0].text,
              Has("for three years", "total cost of £14.6m")),
    FieldCase("amounts", lambda r: [(a.text, a.value) for a in r.amounts],
              [("£14.6m", 14_600_000.0), ("£400,000", 400_000.0), ("£14.6m", 14_600_000.0),
               ("£12.9m", 12_900_000.0), ("£1.7m", 1_700_000.0), ("£5.2m", 5_200_000.0),
               ("£214,904", 214_904.0)]),
    FieldCase("threshold-kind", lambda r: [a.kind for a in r.amounts if a.text == "£214,904"],
              ["threshold"]),
    FieldCase("per-annum", lambda r: [a.period for a in r.amounts if a.text == "£5.2m"],
              [Has("annum")]),
    FieldCase("amount-evidence-section-and-paragraph",
              lambda r: amount_evidence(r, "£12.9m"), [("Financial Comments", "3.1")]),
    FieldCase("suppliers",
                         lambda r: sorted((s.name, s.role, s.company_number)
                                          for s in r.suppliers),
                         [("Meridian Health Partners Ltd",
                           OneOf("recommended_supplier", "contractor"), "08765432"),
                          ("Northgate Clinical Services Limited", "contractor", None)]),
    FieldCase("funders", lambda r: [f.name for f in r.funders], ["Ministry of Justice"]),
    FieldCase("frameworks", lambda r: [(f.owner, f.identifier, f.lot) for f in r.frameworks],
              [("Crown Commercial Service", "RM6181", "1")]),
    FieldCase("statutory-references", statutory_references, CITED),
    FieldCase("statutory-references-in-paragraphs",
              lambda r: [ref for ref, quote in zip(statutory_references(r),
                                                   r.statutory_references, strict=True)
                         if quote.evidence.paragraph is not None], CITED),
    FieldCase("checks",
              lambda r: [(c.total.text, [p.text for p in c.parts], c.holds) for c in r.checks],
              [("£14.6m", ["£12.9m", "£1.7m"], True)]),
    FieldCase("no-warnings", lambda r: [w.code for w in r.warnings], []),
    FieldCase("section-kinds", lambda r: [s.kind for s in r.sections],
              ["executive_summary", "recommendations", "financial", "legal", "commercial",
               "gdpr"]),
]


@pytest.mark.parametrize("case", parametrize_groups(decision=CASES_FROM_FORMAT))
def test_whole_decision(case: FieldCase) -> None:
    assert case.read(record_of(case.text)) == case.expected


ALL_CASES = CASES_FROM_FORMAT
