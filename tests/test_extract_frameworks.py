"""Frameworks: procurement frameworks and routes to market, with owner, identifier and lot.

Each row is a sentence in the style of a decision and the frameworks a careful analyst
reads from it, in text order. The name is asserted by what it must contain (its exact
extent is a wording choice), the owner, identifier and lot exactly. Crown Commercial
Service agreements have public RM numbers; G-Cloud N is RM1557.N (G-Cloud 9: RM1557ix).
A policy or planning "framework" is not a procurement framework.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import Has, parametrize_groups
from tests.conftest import record_of


class Fw(NamedTuple):
    name: Any
    owner: str | None = None
    identifier: str | None = None
    lot: str | None = None


class FrameworkCase(NamedTuple):
    id: str
    text: str
    expected: tuple[Fw, ...]


def record_to_frameworks(record: DecisionRecord) -> list[Fw]:
    return [Fw(f.name, f.owner, f.identifier, f.lot) for f in record.frameworks]


CCS = "Crown Commercial Service"

CASES_FROM_ISSUE = [
    FrameworkCase("ccs-rm-with-name-and-lot", "The services will be bought through "
                  "the Crown Commercial Service framework RM6100 (Technology "
                  "Services 3), Lot 2.", (Fw(Has("RM6100"), CCS, "RM6100", "2"),)),
    FrameworkCase("ccs-rm-with-lot-no-comma", "The services will be bought through the Crown "
                  "Commercial Service framework RM6100 Lot 2.",
                  (Fw(Has("RM6100"), CCS, "RM6100", "2"),)),
    FrameworkCase("g-cloud-12", "The licences will be called off from G-Cloud 12.",
                  (Fw(Has("G-Cloud 12"), CCS, "RM1557.12"),)),
    FrameworkCase("g-cloud-11-framework", "The platform was procured using the G-Cloud 11 "
                  "framework.", (Fw(Has("G-Cloud 11"), CCS, "RM1557.11"),)),
    FrameworkCase("ccs-agreement-g-cloud-in-brackets", "The contract was awarded under the "
                  "Crown Commercial Services Framework Agreement (Digital Marketplace G-Cloud "
                  "11).", (Fw(Has("G-Cloud 11"), CCS, "RM1557.11"),)),
    FrameworkCase("rm-number-with-name", "A call-off will be made under RM6187 Management "
                  "Consultancy Framework Three.", (Fw(Has("RM6187"), CCS, "RM6187"),)),
    FrameworkCase("espo", "The vehicles will be purchased from the ESPO Fleet framework.",
                  (Fw(Has("ESPO"), "ESPO"),)),
    FrameworkCase("ypo", "Furniture will be bought through the YPO Office Furniture framework.",
                  (Fw(Has("YPO"), "YPO"),)),
    FrameworkCase("nepo", "The supplier was appointed from the NEPO Legal Services framework.",
                  (Fw(Has("NEPO"), "NEPO"),)),
    FrameworkCase("bluelight", "Uniforms will be procured via the Bluelight Commercial national "
                  "uniform framework.", (Fw(Has("Bluelight"), "Bluelight Commercial"),)),
]

CASES_FROM_FORMAT = [
    FrameworkCase("lot-of-named-agreement", "The supplier was appointed under Lot 3 of the CCS "
                  "Digital Outcomes and Specialists 5 framework.",
                  (Fw(Has("Digital Outcomes and Specialists 5"), CCS, "RM1043.7", "3"),)),
    FrameworkCase("name-then-rm-in-brackets", "The devices will be bought from the Crown "
                  "Commercial Service Technology Products and Associated Services framework "
                  "(RM6068).",
                  (Fw(Has("Technology Products and Associated Services"), CCS, "RM6068"),)),
    FrameworkCase("rm-spaced", "The contract will be a call-off from RM 6100.",
                  (Fw(Has("RM 6100"), CCS, "RM6100"),)),
    FrameworkCase("rm-then-lot", "The award will be made via RM3804 Lot 4.",
                  (Fw(Has("RM3804"), CCS, "RM3804", "4"),)),
    FrameworkCase("rm-point-iteration", "Digital specialists will be procured through RM1043.8.",
                  (Fw(Has("RM1043.8"), CCS, "RM1043.8"),)),
    FrameworkCase("g-cloud-13-lot", "The software will be called off from G-Cloud 13 Lot 2.",
                  (Fw(Has("G-Cloud 13"), CCS, "RM1557.13", "2"),)),
    FrameworkCase("g-cloud-spaced", "The service is available on G Cloud 10.",
                  (Fw(Has("Cloud 10"), CCS, "RM1557.10"),)),
    FrameworkCase("g-cloud-9-roman", "The contract was let in 2018 under G-Cloud 9.",
                  (Fw(Has("G-Cloud 9"), CCS, "RM1557ix"),)),
    FrameworkCase("gcloud-joined", "The licence was bought on GCloud 12.",
                  (Fw(Has("GCloud"), CCS, "RM1557.12"),)),
    FrameworkCase("agreement-by-name-only", "The award will be made under Technology Services 3 "
                  "following a further competition.",
                  (Fw(Has("Technology Services 3"), CCS, "RM6100"),)),
    FrameworkCase("police-digital-service", "The system will be procured through the Police "
                  "Digital Service framework.",
                  (Fw(Has("Police Digital Service"), "Police Digital Service"),)),
    FrameworkCase("nhs-sbs", "The supplier was appointed from the NHS Shared Business Services "
                  "framework for clinical services.",
                  (Fw(Has("NHS Shared Business Services"), "NHS Shared Business Services"),)),
    FrameworkCase("buyer-full-name-alias", "The contract will be awarded from the Eastern Shires "
                  "Purchasing Organisation framework for energy.",
                  (Fw(Has("Eastern Shires Purchasing Organisation"), "ESPO"),)),
    FrameworkCase("scape", "The works will be procured through the Scape Group Minor Works "
                  "framework.", (Fw(Has("Scape"), "Scape Group"),)),
    FrameworkCase("tfl-framework", "The consultant was appointed from the TfL Professional "
                  "Services framework.", (Fw(Has("TfL"), "Transport for London"),)),
    FrameworkCase("named-framework-legal-in-name", "The solicitors were appointed "
                             "from the London Legal Alliance Framework.",
                             (Fw(Has("London Legal Alliance")),)),
    FrameworkCase("named-framework-without-owner", "The cleaners were appointed from the London "
                  "Facilities Management Framework.",
                  (Fw(Has("London Facilities Management")),)),
    FrameworkCase("ccs-dps-with-rm", "Suppliers will be invited through the Crown Commercial "
                  "Service Dynamic Purchasing System RM6173.",
                  (Fw(Has("RM6173"), CCS, "RM6173"),)),
    FrameworkCase("two-frameworks", "Hardware will be bought through RM6068 and "
                  "software through G-Cloud 13.",
                  (Fw(Has("RM6068"), CCS, "RM6068"),
                   Fw(Has("G-Cloud 13"), CCS, "RM1557.13"))),
    FrameworkCase("same-framework-twice", "The call-off from RM6100 was approved. RM6100 "
                  "allows direct award.", (Fw(Has("RM6100"), CCS, "RM6100"),)),
    FrameworkCase("lot-with-letter", "The award will be made under RM6100 Lot 3b.",
                  (Fw(Has("RM6100"), CCS, "RM6100", "3b"),)),
    FrameworkCase("lhc", "Windows will be replaced using the LHC framework for building "
                  "works.", (Fw(Has("LHC"), "LHC Procurement Group"),)),
    FrameworkCase("kcs-with-alias", "Agency staff are supplied under the Kent Commercial "
                  "Services (KCS) framework.",
                  (Fw(Has("Kent Commercial Services"), "Kent Commercial Services"),)),
    FrameworkCase("lot-before-rm", "The supplier was selected from Lot 1 of RM6261.",
                  (Fw(Has("RM6261"), CCS, "RM6261", "1"),)),
    FrameworkCase("digital-outcomes-number", "The team will be procured via Digital Outcomes 6.",
                  (Fw(Has("Digital Outcomes 6"), CCS, "RM1043.8"),)),
]

NEGATIVES = [
    FrameworkCase("policy-framework", "The strategy provides a policy framework for the next "
                  "four years.", ()),
    FrameworkCase("nppf", "The application accords with the National Planning Policy "
                  "Framework.", ()),
    FrameworkCase("suitable-framework", "Officers will identify a suitable framework before "
                  "the contract is awarded.", ()),
    FrameworkCase("outcomes-framework", "Performance will be reported against the Police and "
                  "Crime Plan Outcomes Framework.", ()),
    FrameworkCase("governance-framework", "The decision accords with the Mayor's Governance "
                  "Framework.", ()),
    FrameworkCase("legal-framework", "The legal framework for data sharing is set out below.",
                  ()),
    FrameworkCase("decision-making-framework", "This report sets out a framework for decision "
                  "making on grants.", ()),
    FrameworkCase("risk-management-framework", "Risks are managed under the Risk Management "
                  "Framework.", ()),
    FrameworkCase("new-framework-to-be-set-up", "MOPAC will establish a new Youth Services "
                  "Framework to procure providers.", ()),
    FrameworkCase("lot-of-land", "Lot 2 of the auction site will be sold in June.", ()),
    FrameworkCase("ccs-alone", "The Crown Commercial Service was consulted on the approach.",
                  ()),
    FrameworkCase("open-tender", "The contract will be awarded following an open tender.", ()),
    FrameworkCase("policy-frameworks-plural", "The council's policy frameworks were reviewed "
                  "in 2023.", ()),
    FrameworkCase("competency-framework", "Staff are assessed against the Competency "
                  "Framework.", ()),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES),
)
def test_frameworks(case: FrameworkCase) -> None:
    assert record_to_frameworks(record_of(case.text)) == list(case.expected)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES]
