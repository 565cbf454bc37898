"""Frameworks: procurement frameworks and routes to market, with owner, identifier and lot.

Each row is a sentence in the style of a decision and the frameworks a careful analyst
reads from it, in text order. The name is asserted by what it must contain (its exact
extent is a wording choice), the owner, identifier and lot exactly. Crown Commercial
Service agreements have public RM numbers; G-Cloud N is RM1557.N (G-Cloud 9: RM1557ix).
A policy or planning "framework" is not a procurement framework, nor is the deciding
body's own framework being set up, procured or awarded, nor a bare "framework" that no
owner, name or number identifies.

Names are the text's words: an owner written in front stays in the name ("ESPO
framework"), a possessive owner does not ("TfL's X" -> "X", owner Transport for London);
a mention that is only an owner and the word gives way to a fuller one of that owner.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import Has, known_miss, parametrize_groups
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
    FrameworkCase("owner-framework-for-service", "Interpreters are booked via the ESPO "
                  "Framework for sign language.", (Fw("ESPO Framework", "ESPO"),)),
    FrameworkCase("owner-framework-number", "The chairs will be bought under YPO framework "
                  "1010.", (Fw("YPO framework 1010", "YPO"),)),
    FrameworkCase("via-owner-named-framework", "Legal advice is bought via the NEPO Legal "
                  "Services framework.", (Fw("NEPO Legal Services framework", "NEPO"),)),
    FrameworkCase("ccs-rm-title-lot", "The order is placed through Crown Commercial Service "
                  "RM6100 Technology Services 3 Lot 2.",
                  (Fw(Has("Crown Commercial Service", "RM6100", "Technology Services 3"), CCS,
                      "RM6100", "2"),)),
    FrameworkCase("scotland-excel", "Gritters will be bought through the Scotland Excel "
                  "framework for winter vehicles.",
                  (Fw("Scotland Excel framework", "Scotland Excel"),)),
    FrameworkCase("hte", "Scanners were purchased from the HTE framework for imaging "
                  "equipment.", (Fw("HTE framework", "HealthTrust Europe"),)),
    FrameworkCase("pagabo-lot", "Repairs will be bought from Lot 2 of the Pagabo Responsive "
                  "Repairs framework.",
                  (Fw(Has("Pagabo Responsive Repairs framework"), "Pagabo", None, "2"),)),
    FrameworkCase("fusion21-possessive", "The works are called off from Fusion21's "
                  "Decarbonisation framework.", (Fw("Decarbonisation framework", "Fusion21"),)),
    FrameworkCase("nhs-sbs-alias", "Agency nurses are supplied under the NHS SBS framework.",
                  (Fw("NHS SBS framework", "NHS Shared Business Services"),)),
    FrameworkCase("national-procurement-service-wales", "Fuel was bought using the National "
                  "Procurement Service framework.",
                  (Fw("National Procurement Service framework", "National Procurement Service"),)),
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
    FrameworkCase("reference-after-semicolon", "A mini competition was run from the CCS "
                  "framework ref; RM6367 Fuel Cards and Associated Services VII.",
                  (Fw("CCS framework ref; RM6367 Fuel Cards and Associated Services VII", CCS,
                      "RM6367"),)),
    FrameworkCase("reference-after-colon", "Orders are placed under the Crown Commercial "
                  "Service framework reference: RM6240.",
                  (Fw(Has("RM6240"), CCS, "RM6240"),)),
    FrameworkCase("rm-then-title", "Devices will be ordered via RM6391 Mobile Voice and Data "
                  "Services 2 from next year.",
                  (Fw("RM6391 Mobile Voice and Data Services 2", CCS, "RM6391"),)),
    FrameworkCase("agreement-title-numbered", "Fuel will be bought under Fuel Cards and "
                  "Associated Services VII.",
                  (Fw("Fuel Cards and Associated Services VII", CCS, "RM6367"),)),
    FrameworkCase("owner-only-gives-way", "The CCS framework was used. The order was placed "
                  "under RM6068.", (Fw("RM6068", CCS, "RM6068"),)),
    FrameworkCase("owner-only-kept-alone", "Sign language interpreters are booked via the ESPO "
                  "framework.", (Fw("ESPO framework", "ESPO"),)),
    FrameworkCase("owner-at-front-of-long-name", "The works will be called off from the LHC "
                  "Schools and Community Buildings framework.",
                  (Fw("LHC Schools and Community Buildings framework",
                      "LHC Procurement Group"),)),
    FrameworkCase("abbreviation-permits-direct-award", "The supplier was chosen because the "
                  "ABC framework allows a direct award.", (Fw("ABC framework"),)),
    FrameworkCase("called-off-from-named", "Materials are called off from the Northgate "
                  "Materials Framework.", (Fw("Northgate Materials Framework"),)),
    FrameworkCase("council-framework-as-route", "The order was called off from the Council's "
                  "Electrical Works Framework.", (Fw("Electrical Works Framework"),)),
    FrameworkCase("lowercase-framework-after-route", "Paving will be bought from the Pan "
                  "London Highways framework.", (Fw("Pan London Highways framework"),)),
    FrameworkCase("further-competition-named", "A further competition was held under the "
                  "Southern Construction Framework.", (Fw("Southern Construction Framework"),)),
    FrameworkCase("call-off-possessive-owner", "The Director approved a call-off contract "
                  "pursuant to TfL's Road Structures Civil Engineering.",
                  (Fw("Road Structures Civil Engineering", "Transport for London"),)),
    FrameworkCase("called-off-under-possessive", "The order was called off under TfL's "
                  "Bridge Works Partnership.",
                  (Fw("Bridge Works Partnership", "Transport for London"),)),
    FrameworkCase("call-off-under-name", "Officers will place a call-off order under the Pan "
                  "London Vehicle Hire arrangement.", (Fw("Pan London Vehicle Hire"),)),
    FrameworkCase("possessive-owner-then-generic-word", "The compliant route to market is via "
                  "YPO's framework 1023 for gas supply.", (Fw("YPO's framework 1023", "YPO"),)),
    FrameworkCase("possessive-ccs-named", "Design services will be procured through the Crown "
                  "Commercial Service's Construction Professional Services framework.",
                  (Fw("Construction Professional Services framework", CCS),)),
    FrameworkCase("reference-in-brackets", "Consultants will be procured via the Northfield "
                  "Consultancy Services framework (NCS4).",
                  (Fw("Northfield Consultancy Services framework (NCS4)"),)),
    FrameworkCase("owner-abbreviation-in-brackets", "The vans were procured through the "
                  "Eastern Shires Purchasing Organisation (ESPO) framework 1007_23.",
                  (Fw("Eastern Shires Purchasing Organisation (ESPO) framework 1007_23",
                      "ESPO"),)),
    FrameworkCase("owner-framework-with-buying-noun", "Claims advice is bought from the YPO "
                  "Risk Management Services framework.",
                  (Fw("YPO Risk Management Services framework", "YPO"),)),
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
    FrameworkCase("contract-management-framework", "Performance will be monitored under the "
                  "Contract Management Framework agreed with the supplier.", ()),
    FrameworkCase("corporate-governance-under", "Decisions are taken under the Corporate "
                  "Governance Framework.", ()),
    FrameworkCase("assurance-framework", "The Board approved the revised Local Growth "
                  "Assurance Framework.", ()),
    FrameworkCase("procurement-policy-framework", "Contracts are let in line with the "
                  "Procurement Policy Framework.", ()),
    FrameworkCase("owner-policy-framework", "TfL's Risk Management Framework applies to the "
                  "project.", ()),
    FrameworkCase("award-of-own-framework", "The Cabinet approved the award of a framework "
                  "agreement for office supplies to Acme Ltd.", ()),
    FrameworkCase("heading-award-of-framework", "AWARD OF FRAMEWORK AGREEMENT FOR CLEANING "
                  "MATERIALS", ()),
    FrameworkCase("framework-contract-title", "Authority to award a Framework Contract for the "
                  "Supply of Catering Equipment", ()),
    FrameworkCase("appointed-onto-own-frameworks", "That the tenderers listed in the report be "
                  "appointed onto the Plumbing and Heating Works Frameworks.", ()),
    FrameworkCase("council-own-frameworks-appointment", "The Cabinet approves the appointment "
                  "of six contractors to each of the Council's Electrical Works Frameworks.",
                  ()),
    FrameworkCase("procuring-own-framework", "The authority is procuring a Professional "
                  "Services Framework for its capital programme.", ()),
    FrameworkCase("establish-led-framework", "Approval is sought to establish a Combined "
                  "Authority led Professional Services Framework.", ()),
    FrameworkCase("framework-procurement-process-heading", "Professional Services Framework "
                  "procurement process", ()),
    FrameworkCase("whether-owner-framework", "Officers checked whether a CCS framework could "
                  "be used for the purchase.", ()),
    FrameworkCase("funding-programme-framework", "Funding is allocated under the Homes England "
                  "Affordable Homes Programme framework.", ()),
    FrameworkCase("fund-framework", "Grants are paid under the Better Care Fund framework.", ()),
    FrameworkCase("act-framework", "The award was made under the Care Act framework.", ()),
    FrameworkCase("changes-the-framework", "The new Act changes the framework within which "
                  "councils buy goods.", ()),
    FrameworkCase("dps-own", "The Council will set up its own Dynamic Purchasing System for "
                  "taxis.", ()),
    FrameworkCase("agreement-title-that-describes", "The Council's Language Services team will "
                  "book interpreters.", ()),
    FrameworkCase("call-off-under-regulations", "A call-off under the Public Contracts "
                  "Regulations 2015 is permitted.", ()),
    FrameworkCase("call-off-from-supplier", "Items will be supplied as a call-off from Acme "
                  "Office Supplies.", ()),
    FrameworkCase("call-off-under-standing-orders", "The call-off under Contract Standing "
                  "Orders was approved.", ()),
    FrameworkCase("named-framework-not-bought-through", "The Department of Health framework "
                  "was discussed.", ()),
    FrameworkCase("reviewed-under-named-framework", "Supplier performance is reviewed under "
                  "the Quarterly Review Framework.", ()),
    FrameworkCase("social-value-framework", "The contract was awarded under the Council's "
                  "Social Value Framework.", ()),
    FrameworkCase("grants-framework", "The grants were awarded under the Community Grants "
                  "Framework.", ()),
    FrameworkCase("lot-of-unnamed-framework", "Suppliers on Lot 2 of the framework were "
                  "invited to a mini-competition.", ()),
    FrameworkCase("rm-then-company-not-title", "The work was awarded via RM6100 Acme Services "
                  "Ltd.", (Fw("RM6100", CCS, "RM6100"),)),
    FrameworkCase("framework-years-not-reference", "The ESPO framework 2 years ago was "
                  "cheaper.", (Fw("ESPO framework", "ESPO"),)),
]

# Issue 11, publishers the rules had not seen: quoted words inside a name, a bracket
# naming a second framework, a framework the purchase uses ("will use the ...") whose
# name says what it buys, two determiners before a route ("via the existing ..."). The
# owner-only "LASER Framework" is kept: the fuller mention before it is another's.
CASES_FROM_UNSEEN_PUBLISHERS = [
    FrameworkCase("quoted-word-inside-name", "Gas will be bought under two call off contracts "
                  "via the North-South “Flexible” Framework from April.",
                  (Fw("North-South “Flexible” Framework"),)),
    FrameworkCase("bracket-names-a-second-framework", "Power is bought via the North-South "
                  "Flexible Framework (an extended LASER Framework of 2019) for all sites.",
                  (Fw("North-South Flexible Framework"), Fw("LASER Framework",
                                                            "LASER Energy Buying Group"))),
    FrameworkCase("owner-only-named-again-after-another", "Meters are called off via the "
                  "Pan-County Metering Framework (the LASER Framework) this year. Officers "
                  "will use the LASER Framework for the new sites.",
                  (Fw("Pan-County Metering Framework"),
                   Fw("LASER Framework", "LASER Energy Buying Group"))),
    FrameworkCase("owner-abbreviation-in-brackets-then-number", "The desks are bought via the "
                  "Eastern Shires Purchasing Organisation (ESPO) Framework 664.",
                  (Fw(Has("Eastern Shires Purchasing Organisation (ESPO) Framework 664"),
                      "ESPO"),)),
    FrameworkCase("use-named-framework-with-buying-noun", "The council will use the Southern "
                  "Region Construction Framework to appoint a builder.",
                  (Fw("Southern Region Construction Framework"),)),
    FrameworkCase("use-abbreviation-framework-direct-award", "We will use the ABC framework, "
                  "which permits a direct award.", (Fw("ABC framework"),)),
    FrameworkCase("access-existing-named-framework", "The works will access the existing "
                  "Highways Maintenance Framework for the resurfacing.",
                  (Fw("Highways Maintenance Framework"),)),
    FrameworkCase("via-the-existing-owner-framework", "The desks were bought via the existing "
                  "ESPO framework.", (Fw("ESPO framework", "ESPO"),)),
    FrameworkCase("regional-buying-consortium", "It is proposed to use the Efficiency East "
                  "Midlands framework for the roofing works.",
                  (Fw("Efficiency East Midlands framework", "Efficiency East Midlands"),)),
    FrameworkCase("ccs-former-name", "The laptops were bought through the OGC Buying "
                  "Solutions framework in 2010.",
                  (Fw("OGC Buying Solutions framework", CCS),)),
]

NEGATIVES_FROM_UNSEEN_PUBLISHERS = [
    FrameworkCase("use-framework-without-buying-noun", "Schools will use the Quality Framework "
                  "to judge lessons.", ()),
    FrameworkCase("use-policy-framework", "The Council will use the Contract Management "
                  "Framework for all contracts.", ()),
    FrameworkCase("quoted-name-after-the", "Officers use the “Quality” Framework when judging "
                  "bids.", ()),
    FrameworkCase("replace-existing-own-framework", "The Council will replace the existing "
                  "Highways Maintenance Framework next year.", ()),
    FrameworkCase("award-own-named-framework", "Decision to award Framework Agreements for "
                  "the Western Counties Construction Framework to the contractors below.", ()),
]

KNOWN_MISSES = [
    known_miss(FrameworkCase("comma-inside-owner-name", "The desks were bought from the ESPO "
                             "Furniture, Fixtures and Fittings framework.",
                             (Fw(Has("ESPO Furniture"), "ESPO"),)),
               "a name is read back to the first comma; a comma list of names before "
               "'Frameworks' is more often the decider's own frameworks"),
    known_miss(FrameworkCase("call-off-to-supplier-then-vehicle", "The Mayor approves the "
                             "award of a call-off contract to Acme Bridges Ltd pursuant to TfL's "
                             "Road Structures Civil Engineering.",
                             (Fw("Road Structures Civil Engineering", "Transport for London"),)),
               "the vehicle is read only right after 'call-off (contract) pursuant to/under'"),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES,
                       unseen=CASES_FROM_UNSEEN_PUBLISHERS,
                       unseen_negative=NEGATIVES_FROM_UNSEEN_PUBLISHERS, known=KNOWN_MISSES),
)
def test_frameworks(case: FrameworkCase) -> None:
    assert record_to_frameworks(record_of(case.text)) == list(case.expected)


class NotSupplierCase(NamedTuple):
    id: str
    text: str
    frameworks: tuple[str, ...]
    suppliers: tuple[str, ...]


# Words a framework was read from are no supplier, whatever the supplier cues say.
NOT_SUPPLIERS = [
    NotSupplierCase("vehicle-after-authorises-to", "Decision\n\nThat the Mayor:\n\n2. "
                    "authorises TfL to enter into a call-off contract pursuant to TfL’s Road "
                    "Structures Civil Engineering", ("Road Structures Civil Engineering",), ()),
    NotSupplierCase("supplier-beside-framework", "The contract was awarded to Acme Bridges Ltd "
                    "under TfL's Road Structures Civil Engineering framework.",
                    ("Road Structures Civil Engineering framework",), ("Acme Bridges Ltd",)),
]


@pytest.mark.parametrize("case", parametrize_groups(bug=NOT_SUPPLIERS))
def test_framework_words_are_no_supplier(case: NotSupplierCase) -> None:
    record = record_of(case.text)
    assert tuple(f.name for f in record.frameworks) == case.frameworks
    assert tuple(s.name for s in record.suppliers) == case.suppliers


def _table(name: str) -> dict[str, Any]:
    table: dict[str, Any] = json.loads(
        resources.files("pipeline.patterns").joinpath(name).read_text())
    return table


BUYERS = _table("buying_organisations.json")["organisations"]
AGREEMENTS = _table("frameworks.json")["agreements"]


@pytest.mark.parametrize(
    ("owner", "spelling"),
    [(row["name"], name) for row in BUYERS for name in [row["name"], *row["aliases"]]],
)
def test_every_buying_organisation_spelling_owns_its_framework(owner: str,
                                                               spelling: str) -> None:
    text = f"The goods were bought through the {spelling} framework for stationery."
    assert record_to_frameworks(record_of(text)) == [Fw(f"{spelling} framework", owner)]


@pytest.mark.parametrize("row", AGREEMENTS, ids=[row["identifier"] for row in AGREEMENTS])
def test_agreement_table_row(row: dict[str, Any]) -> None:
    """The number always names its agreement; the title only when `by_name` says so."""
    by_number = record_of(f"The order will be placed under {row['identifier']} this year.")
    assert record_to_frameworks(by_number) == [Fw(row["identifier"], CCS, row["identifier"])]
    by_title = record_of(f"The order will be placed under {row['name']} this year.")
    expected = [Fw(row["name"], CCS, row["identifier"])] if row["by_name"] else []
    assert record_to_frameworks(by_title) == expected


def test_tables_are_documented_facts() -> None:
    """Every buying organisation says where its names come from; a title matched on its
    own names one agreement only."""
    assert all(row["source"] for row in BUYERS)
    titles = [row["name"].lower() for row in AGREEMENTS if row["by_name"]]
    assert len(titles) == len(set(titles))
    assert all(row["identifier"].startswith("RM") for row in AGREEMENTS)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES, *CASES_FROM_UNSEEN_PUBLISHERS,
             *NEGATIVES_FROM_UNSEEN_PUBLISHERS, *KNOWN_MISSES, *NOT_SUPPLIERS]
