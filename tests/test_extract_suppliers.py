"""Suppliers: organisations contracted, paid, awarded a contract or grant, or commissioned.

Each row is a sentence in the style of a decision and the suppliers a careful analyst
reads from it, sorted by name: the name as written (without a leading "the"), the role
the decision language gives it, aliases the text defines, and the company number.
Funders (money coming to the decision maker) and the deciding bodies (MOPAC, MPS, GLA)
are never suppliers. Where two roles are defensible the row says `OneOf`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import OneOf, known_miss, parametrize_groups
from tests.conftest import record_of


class Sup(NamedTuple):
    name: str
    role: Any
    aliases: tuple[str, ...] = ()
    company_number: str | None = None


class SupplierCase(NamedTuple):
    id: str
    text: str
    expected: tuple[Sup, ...]


def record_to_suppliers(record: DecisionRecord) -> list[Sup]:
    return sorted((Sup(s.name, s.role, tuple(s.aliases), s.company_number)
                   for s in record.suppliers), key=lambda s: s.name)


CHOSEN = OneOf("recommended_supplier", "contractor")
CUE_BEFORE_VERB = ("no supplier: the cue is now the bare phrase ('recommended supplier', "
                   "'preferred bidder', 'successful tenderer'; since the single rules component, "
                   "ad17c2e) and the name is read from the very next token, which is 'is', 'was' "
                   "or ':', so nothing is read")
PAID = OneOf("payee", "contractor")

CASES_FROM_ISSUE = [
    SupplierCase("recommended-supplier-is", "The recommended supplier is Northgate "
                            "Analytics Ltd.",
                            (Sup("Northgate Analytics Ltd", "recommended_supplier"),)),
    SupplierCase("recommended-supplier-mid-sentence", "The recommended supplier is "
                            "Northgate Analytics Ltd, who scored highest.",
                            (Sup("Northgate Analytics Ltd", "recommended_supplier"),)),
    SupplierCase("selection-of-as", "The DMPC is asked to approve the selection of Brightwater "
                 "Learning Limited as the training provider.",
                 (Sup("Brightwater Learning Limited", "recommended_supplier"),)),
    SupplierCase("awarded-to", "The contract was awarded to Harbour Digital Services following "
                 "a mini-competition.", (Sup("Harbour Digital Services", "contractor"),)),
    SupplierCase("contract-with", "MOPAC will enter into a contract with Kestrel "
                 "Facilities Management plc for two years.",
                 (Sup("Kestrel Facilities Management plc", "contractor"),)),
    SupplierCase("other-force-is-supplier", "Police and Crime Commissioner for Westshire\n\n"
                 "The Commissioner will pay £9,000 to Eastmoor Constabulary for shared forensic "
                 "services.", (Sup("Eastmoor Constabulary", PAID),)),
    SupplierCase("contract-with-ltd", "MOPAC will enter into a contract with Kestrel "
                 "Facilities Ltd for two years.", (Sup("Kestrel Facilities Ltd", "contractor"),)),
    SupplierCase("grant-to", "Approval is sought for a grant of £45,000 to Riverside Community "
                 "Trust.", (Sup("Riverside Community Trust", "grant_recipient"),)),
    SupplierCase("novate-to", "MOPAC will novate the existing contract to Meridian "
                            "Consulting LLP.",
                            (Sup("Meridian Consulting LLP", "novation_recipient"),)),
    SupplierCase("company-registration-number", "The contract will be awarded to Cobalt "
                 "Security Services Ltd (company registration number: 07654321).",
                 (Sup("Cobalt Security Services Ltd", "contractor", (), "07654321"),)),
    SupplierCase("alias-in-brackets", "MOPAC has commissioned Ernst & Young (EY) to carry out "
                 "the review.", (Sup("Ernst & Young", "commissioned", ("EY",)),)),
    SupplierCase("funder-is-not-supplier", "MOPAC is asked to accept a Home Office grant of £2m "
                 "for the programme.", ()),
    SupplierCase("decider-is-not-supplier", "The funding will be transferred to the MPS to "
                 "deliver the programme.", ()),
]

CASES_FROM_FORMAT = [
    SupplierCase("preferred-bidder", "The preferred bidder is Oakfield Fleet Solutions.",
                            (Sup("Oakfield Fleet Solutions", "recommended_supplier"),)),
    SupplierCase("successful-tenderer-was", "The successful tenderer was Granite "
                            "Estates Limited.", (Sup("Granite Estates Limited", CHOSEN),)),
    SupplierCase("award-of-contract-to", "The DMPC is asked to approve the award of a contract "
                 "to Thistle Data Systems Ltd for two years.",
                 (Sup("Thistle Data Systems Ltd", "contractor"),)),
    SupplierCase("direct-award-call-off", "Approval is sought for the direct award of a "
                 "call-off contract to Lantern Youth Foundation.",
                 (Sup("Lantern Youth Foundation", "contractor"),)),
    SupplierCase("appointment-of", "The Director approves the appointment of Meridian "
                 "Consulting LLP to deliver the evaluation.",
                 (Sup("Meridian Consulting LLP", OneOf("recommended_supplier",
                                                       "commissioned")),)),
    known_miss(SupplierCase("delivered-by-everyday-words", "The helpline will be delivered "
                            "by Victim Support.", (Sup("Victim Support", "contractor"),)),
               "no supplier: after a loose cue ('delivered by', 'provided by') a name of "
               "everyday words is not taken, since 'delivered by Youth Services' reads the "
               "same; the strong cues ('awarded to', 'contract with') take it"),
    SupplierCase("delivered-by", "The helpline will be delivered by Veolia.",
                 (Sup("Veolia", "contractor"),)),
    SupplierCase("purchase-from-via-framework", "The licences will be purchased "
                 "from Microsoft via the Crown Commercial Service framework.",
                 (Sup("Microsoft", "contractor"),)),
    SupplierCase("provided-by-limited", "The evidence platform is provided by Axon "
                 "Public Safety UK Limited.",
                 (Sup("Axon Public Safety UK Limited", "contractor"),)),
    SupplierCase("payment-to-council-first-named", "A payment of £12,000 will be "
                            "made to the London Borough of Lambeth.",
                            (Sup("London Borough of Lambeth", PAID),)),
    SupplierCase("payment-to-council-after-header", "London Borough of Southwark\n\nA "
                 "payment of £12,000 will be made to the London Borough of Lambeth.",
                 (Sup("London Borough of Lambeth", PAID),)),
    SupplierCase("pay-a-grant-to", "MOPAC will pay a grant of £30,000 to St Giles "
                 "Trust.", (Sup("St Giles Trust", "grant_recipient"),)),
    SupplierCase("award-a-grant-to", "MOPAC will award a grant of £50,000 to Kinder "
                 "Futures CIC.", (Sup("Kinder Futures CIC", "grant_recipient"),)),
    SupplierCase("grant-made-to", "A grant of £30,000 will be made to St Giles Trust.",
                 (Sup("St Giles Trust", "grant_recipient"),)),
    SupplierCase("has-been-appointed", "KPMG LLP has been appointed to audit the programme.",
                 (Sup("KPMG LLP", OneOf("contractor", "commissioned")),)),
    SupplierCase("engage", "The GLA will engage Capita Business Services Ltd to run the "
                 "helpdesk.", (Sup("Capita Business Services Ltd", "commissioned"),)),
    SupplierCase("services-of", "MOPAC requires the services of PA Consulting Group for six "
                 "months.", (Sup("PA Consulting Group", "contractor"),)),
    SupplierCase("retain-law-firm", "MOPAC will retain Bevan Brittan LLP to provide legal "
                 "advice.", (Sup("Bevan Brittan LLP", "commissioned"),)),
    SupplierCase("agreement-with-university", "MOPAC has an existing agreement with the "
                 "University of Cambridge for this research.",
                 (Sup("University of Cambridge", "contractor"),)),
    SupplierCase("subscription-to-college", "MOPAC will pay an annual subscription of £8,000 to "
                 "the College of Policing.", (Sup("College of Policing", "payee"),)),
    SupplierCase("registration-no-dot", "Granite Estates Limited (Company No. 04567123) is the "
                 "recommended supplier.",
                 (Sup("Granite Estates Limited", OneOf("company", "recommended_supplier"), (),
                      "04567123"),)),
    SupplierCase("registered-company-number", "The contract with Harbour Digital "
                            "Services Ltd (registered company number 09876543) will be "
                            "extended.",
                            (Sup("Harbour Digital Services Ltd", "contractor", (), "09876543"),)),
    SupplierCase("two-contractors-and", "MOPAC will hold contracts with Mitie "
                 "Security Limited and Kier Group plc.",
                 (Sup("Kier Group plc", "contractor"),
                  Sup("Mitie Security Limited", "contractor"))),
    SupplierCase("two-contractors-and-limited", "MOPAC will hold contracts with Mitie Security "
                 "Limited and Kier Construction Limited.",
                 (Sup("Kier Construction Limited", "contractor"),
                  Sup("Mitie Security Limited", "contractor"))),
    SupplierCase("consortium-members", "A grant of £300,000 will be made to the Hope "
                 "Partnership (Safe Haven Trust, Kinder Futures CIC and Brightside Mentoring "
                 "Limited).",
                 (Sup("Brightside Mentoring Limited", "consortium_member"),
                  Sup("Hope Partnership", "grant_recipient"),
                  Sup("Kinder Futures CIC", "consortium_member"),
                  Sup("Safe Haven Trust", "consortium_member"))),
    SupplierCase("alias-then-used-again", "The contract with PricewaterhouseCoopers "
                 "LLP (PwC) ends in May. PwC has been appointed to close the work "
                 "down.",
                 (Sup("PricewaterhouseCoopers LLP", "contractor", ("PwC",)),)),
    SupplierCase("grant-funding-to", "The VRU will provide grant funding to Redthread Youth "
                 "Limited.", (Sup("Redthread Youth Limited", "grant_recipient"),)),
    SupplierCase("commissioned-the", "MOPAC commissioned the Institute for Public Policy "
                 "Research to review the model.",
                 (Sup("Institute for Public Policy Research", "commissioned"),)),
    SupplierCase("licence-with", "The MPS will renew its licence with Oracle Corporation UK "
                 "Limited.", (Sup("Oracle Corporation UK Limited", "contractor"),)),
    known_miss(SupplierCase("fund-organisation", "MOPAC will fund Lantern Youth Foundation to "
                            "deliver mentoring.",
                            (Sup("Lantern Youth Foundation", "grant_recipient"),)),
               "no supplier: 'fund X' is not a supplier cue, because on real decisions its "
               "object is as often the decision maker's own programme ('to fund SMH', 'co "
               "funds the Youth to Adult Hub')"),
    SupplierCase("funding-paid-to", "Funding of £20,000 will be paid to Kinder "
                            "Futures CIC.", (Sup("Kinder Futures CIC", "grant_recipient"),)),
    SupplierCase("possessive-name", "A grant of £60,000 will be made to Women's Aid Federation "
                 "of England.", (Sup("Women's Aid Federation of England", "grant_recipient"),)),
    SupplierCase("hyphenated-name", "MOPAC holds a contract with Co-op Legal Services for "
                 "probate work.", (Sup("Co-op Legal Services", "contractor"),)),
    known_miss(SupplierCase("name-starting-with-digit", "The MPS has a contract with 3M United "
                            "Kingdom PLC for traffic signs.",
                            (Sup("3M United Kingdom PLC", "contractor"),)),
               "no supplier: a name whose first word starts with a digit ('3M') is not read"),
    SupplierCase("appointed-as-partner", "The council has appointed Mace Group as its delivery "
                 "partner.", (Sup("Mace Group", OneOf("commissioned", "contractor",
                                                      "recommended_supplier")),)),
    SupplierCase("awarded-to-two", "Contracts were awarded to Granite Estates "
                            "Limited and Oakfield Fleet Solutions Ltd in May.",
                            (Sup("Granite Estates Limited", "contractor"),
                             Sup("Oakfield Fleet Solutions Ltd", "contractor"))),
    SupplierCase("name-runs-into-month", "The contract was awarded to Granite "
                 "Estates Limited in May.",
                 (Sup("Granite Estates Limited", "contractor"),)),
    SupplierCase("worked-with-then-contract", "MOPAC has worked with Catch22 since 2019 and the "
                 "contract with Catch22 will be extended.", (Sup("Catch22", "contractor"),)),
    SupplierCase("company-number-wrapped-after-colon", "The recommended supplier is "
                            "Meridian Health Partners Ltd (company registration number:\n"
                            "08765432), which scored highest on quality and price.",
                            (Sup("Meridian Health Partners Ltd", "recommended_supplier", (),
                                 "08765432"),)),
    SupplierCase("selected-supplier-colon", "Selected supplier: Cobalt Security "
                            "Services Ltd",
                            (Sup("Cobalt Security Services Ltd", "recommended_supplier"),)),
    SupplierCase("grants-to-two-one-word-names", "Grants will be awarded to Safer "
                            "London and Redthread.",
                            (Sup("Redthread", "grant_recipient"),
                             Sup("Safer London", "grant_recipient"))),
    known_miss(SupplierCase("team-in-company-name", "MOPAC commissioned the Behavioural "
                            "Insights Team to evaluate the pilot.",
                            (Sup("Behavioural Insights Team", "commissioned"),)),
               "no supplier: a name ending in 'Team' is taken for an internal group"),
    SupplierCase("bracketed-uk-inside-name", "The contract with Accenture (UK) "
                            "Limited will be extended by a year.",
                            (Sup("Accenture (UK) Limited", "contractor"),)),
    SupplierCase("scottish-company-number", "The contract was awarded to Thistle "
                 "Data Systems Ltd (company number SC123456).",
                 (Sup("Thistle Data Systems Ltd", "contractor", (), "SC123456"),)),
    SupplierCase("supplier-in-apposition", "The incumbent supplier, Sopra Steria "
                            "Limited, will continue to host the system.",
                            (Sup("Sopra Steria Limited", "contractor"),)),
]

CASES_FROM_UNSEEN_PUBLISHERS = [
    SupplierCase("money-to-name", "The fund will be shared as follows:\n\na) £412,300 to "
                 "Harrowgate Refuge Trust for the outreach service;\nb) £96,000 to Kestrel "
                 "Mediation CIC for the family service.",
                 (Sup("Harrowgate Refuge Trust", "grant_recipient"),
                  Sup("Kestrel Mediation CIC", "grant_recipient"))),
    SupplierCase("money-to-consortium-led-by", "Approve grants totalling £2m: £640,000 to a "
                 "consortium led by Brightwell Advocacy for the advice line.",
                 (Sup("Brightwell Advocacy", "grant_recipient"),)),
    SupplierCase("money-to-everyday-words", "A payment of £12,500 will be made; £12,500 to "
                 "Street Kitchen for the catering.", (Sup("Street Kitchen", PAID),)),
    SupplierCase("award-to-after-colon-line", "The Commissioner approves a direct award "
                 "to:\n\nQuillon Translation via the regional framework.",
                 (Sup("Quillon Translation", "contractor"),)),
    SupplierCase("award-lots-to", "Approve the award of the contract to:\nLot 2 – Harbour "
                 "Catering Solutions", (Sup("Harbour Catering Solutions", "contractor"),)),
    SupplierCase("award-to-after-long-bracket", "Approve the award of a framework agreement "
                 "(under which orders, known as call-offs, may be placed during its term by "
                 "the Council and its partners) to Marlowe Uniforms Limited for four years.",
                 (Sup("Marlowe Uniforms Limited", "contractor"),)),
    SupplierCase("award-and-to-again", "The Director approved the award of contracts to "
                 "Northwind Power Ltd for electricity and to Northwind Gas Ltd for gas.",
                 (Sup("Northwind Gas Ltd", "contractor"),
                  Sup("Northwind Power Ltd", "contractor"))),
    SupplierCase("contract-in-place-with", "The Commissioner has a contract in place with "
                 "Westmere Borough Council to run the driver course.",
                 (Sup("Westmere Borough Council", "contractor"),)),
    SupplierCase("funding-agreement-with", "The Combined Authority will enter into a funding "
                 "agreement with Dunmore City Council for up to £2.1 million.",
                 (Sup("Dunmore City Council", "contractor"),)),
    SupplierCase("holder-of-contract", "A variation of Fenwick Law Centre’s contract with the "
                 "Authority adds £40,000.", (Sup("Fenwick Law Centre", "contractor"),)),
    SupplierCase("contract-named-by-its-subject", "Award of the Library Cleaning Contract to "
                 "Brightfold Services Ltd.", (Sup("Brightfold Services Ltd", "contractor"),)),
    SupplierCase("requested-funding", "Brackenfield Youth CIC has requested funding towards "
                 "its summer programme.", (Sup("Brackenfield Youth CIC", "grant_recipient"),)),
    SupplierCase("requested-funding-everyday-words", "Night Light has requested funding "
                 "for two more caseworkers.", (Sup("Night Light", "grant_recipient"),)),
    SupplierCase("grant-applicant-label", "Green Business grant applicant: Tarn Valley "
                 "Bakery Ltd\nSector: Manufacturing",
                 (Sup("Tarn Valley Bakery Ltd", "grant_recipient"),)),
    SupplierCase("application-from", "To approve the £400k application to the Low Carbon "
                 "Fund from Ashcombe Community Energy Ltd.",
                 (Sup("Ashcombe Community Energy Ltd", "grant_recipient"),)),
    SupplierCase("award-table-row", "Westmere District Council\nRecord of decision\n\nThat "
                 "the grant below be approved.\n\nApplicant Amount "
                 "granted\nAshby Parish Council £42,000.00\nCoxley Bowls Club £3,500.00\n\nThe "
                 "funding comes from the capital budget.",
                 (Sup("Ashby Parish Council", "grant_recipient"),
                  Sup("Coxley Bowls Club", "grant_recipient"))),
    SupplierCase("enabled-by-funding", "To approve £3,200 from the safety fund to enable "
                 "Marsden Town Council staff to repair the gates.",
                 (Sup("Marsden Town Council", "grant_recipient"),)),
    SupplierCase("money-to-company-list-item", "The extensions below are approved:\n"
                 "c. Toxicology to Larch Scientific Ltd for 11 months with a value of £0.6m;",
                 (Sup("Larch Scientific Ltd", "payee"),)),
    SupplierCase("agreed-with", "The business plan agreed with Larkspur Housing Trust in 2014 "
                 "sets the phasing.", (Sup("Larkspur Housing Trust", "contractor"),)),
    SupplierCase("plural-possessive-in-name", "The grant to Citizens’ Advice Westshire (CAW) "
                 "falls by £17k.", (Sup("Citizens’ Advice Westshire", "grant_recipient",
                                        ("CAW",)),)),
    SupplierCase("now-known-as", "The Council cut its grant to the Westshire Advice Bureau "
                 "(WAB) now known as Advice Westshire (AW) by £17k.",
                 (Sup("Advice Westshire", "grant_recipient",
                      ("AW", "Westshire Advice Bureau", "WAB")),)),
    SupplierCase("held-contract", "Approve extending the existing Kinsale Analytics contract "
                 "to March 2027.", (Sup("Kinsale Analytics", "contractor"),)),
    SupplierCase("deciding-body-prefix-then-company", "Uplift the current MPS QVX Value "
                 "Added Reseller contract by 10%.",
                 (Sup("QVX Value Added Reseller", "contractor"),)),
    SupplierCase("name-then-purpose", "Community grants 2024\n\nTo award "
                 "£2,650 to Westmere Borough Council for Kick Off Cup.",
                 (Sup("Westmere Borough Council", OneOf("contractor", "grant_recipient")),)),
    SupplierCase("top-ranked-on-framework", "This will be to the top ranked supplier on the "
                 "Electricity framework – Voltaic Energy.",
                 (Sup("Voltaic Energy", "recommended_supplier"),)),
    SupplierCase("appositive-after-description", "Approve the award of a one-year contract to "
                 "the Council’s wholly owned trading company, Brightstead, via a Teckal "
                 "arrangement.", (Sup("Brightstead", "contractor"),)),
    SupplierCase("grants-schedule", "Schedule of delegated grant decisions\n\nApplicant: "
                 "Marlow Parish Council\n\nDecision: Award grant of £12,000 (80%)\n\n"
                 "Applicant: Fenwick Heritage Trust\n\nDecision: Reject\n",
                 (Sup("Marlow Parish Council", "grant_recipient"),)),
    SupplierCase("grants-list-with-commas", "The panel awarded the following grants:\n\n"
                 "(i)        Westmere Association for the Blind, £5,000, towards its services;\n"
                 "(ii)       Ashby Hall and Field Trust, £4,000, towards a new roof;",
                 (Sup("Ashby Hall and Field Trust", "grant_recipient"),
                  Sup("Westmere Association for the Blind", "grant_recipient"))),
    SupplierCase("payments-schedule", "5.5 Payments for approval\n5.5.1 Harrowgate District "
                 "Council, Administration fee for the election, £200.\n5.5.2 Scofield Grounds "
                 "Ltd, Grounds maintenance for May, £618.",
                 (Sup("Harrowgate District Council", "payee"),
                  Sup("Scofield Grounds Ltd", "payee"))),
    SupplierCase("subcontract-to", "The proposal to subcontract the delivery of the leisure "
                 "service to Lexden Leisure CIC is approved.",
                 (Sup("Lexden Leisure CIC", "contractor"),)),
    SupplierCase("supplier-in-quotes", "Extend the contract with the current supplier "
                 "‘Ledgerline Ltd’ for three years.", (Sup("Ledgerline Ltd", "contractor"),)),
    SupplierCase("and-kept-whole-when-parts-are-not-names", "The audit contract was awarded "
                 "to Ernst and Young LLP.", (Sup("Ernst and Young LLP", "contractor"),)),
    SupplierCase("and-kept-whole-council", "A grant of £8,000 will be paid to Redcar and "
                 "Cleveland Borough Council.",
                 (Sup("Redcar and Cleveland Borough Council", "grant_recipient"),)),
    SupplierCase("and-split-when-both-are-names", "Contracts with Orchard Cellular Ltd and "
                 "Pennine Labs Ltd are extended.",
                 (Sup("Orchard Cellular Ltd", "contractor"), Sup("Pennine Labs Ltd",
                                                                  "contractor"))),
    SupplierCase("ampersand-co-kept-whole", "The award of a 2 year contract for boots, to "
                 "Dalby, Thomas Pryce & Co Ltd and Swift Engineering, with an option to extend.",
                 (Sup("Dalby", "contractor"), Sup("Swift Engineering", "contractor"),
                  Sup("Thomas Pryce & Co Ltd", "contractor"))),
]

NEGATIVES_FROM_UNSEEN_PUBLISHERS = [
    SupplierCase("job-title-after-to", "To delegate the approval of grant giving to the "
                 "Authority’s Strategic Director of Economy and Skills.", ()),
    SupplierCase("post-of-place", "The grant was awarded to the Director of the Greater "
                 "Westshire Violence Reduction Unit.", ()),
    SupplierCase("deputy-mayor", "Funding is allocated to the Deputy Mayor of Greater "
                 "Westshire for the scheme.", ()),
    SupplierCase("councillors", "Funding awarded to Hartbury Councillors for ward projects.", ()),
    SupplierCase("place-after-to", "Approve £4,600 from the safety fund to enable the council "
                 "engineers to restrict access to Eston Moor.", ()),
    SupplierCase("place-county", "A grant of £5,000 to Warwickshire for the pilot.", ()),
    SupplierCase("region", "Grants will be allocated to North East England next year.", ()),
    SupplierCase("service-of-council", "The grant will be paid to the Family Hub services in "
                 "the district.", ()),
    SupplierCase("programme", "Funding of £30,000 is awarded to the Safer Streets Programme.",
                 ()),
    SupplierCase("plan", "£20,000 will be allocated to the Police and Crime Plan 2021-2025.", ()),
    SupplierCase("account", "To approve that the grant is added to the Housing Revenue "
                 "Account.", ()),
    SupplierCase("business-case", "To award £1.4m for the council to progress the scheme to "
                 "Full Business Case.", ()),
    SupplierCase("period", "The contract is extended to Q3 2026.", ()),
    SupplierCase("month", "The contract award is deferred to March.", ()),
    SupplierCase("generic-plural", "Grants to Individuals", ()),
    SupplierCase("department-of-body", "The contract will be awarded to Estates.", ()),
    SupplierCase("internal-board", "The grant will be transferred to the Programme Board.", ()),
    SupplierCase("kind-of-body", "The funding will be transferred to the Combined Authority.",
                 ()),
    SupplierCase("call-in-status", "Payment to the operator is due.\nNon-key decision, not "
                 "subject to Call-In Approved", ()),
    SupplierCase("loose-cue-everyday-words", "The service is run by Youth Services.", ()),
    SupplierCase("company-number-of-applicant", "Applicant: Thornbury Homes Ltd (company "
                 "number 01234567) seeks consent for 40 homes.", ()),
    SupplierCase("agreed-with-officers", "The approach was agreed with Planning Officers.", ()),
    SupplierCase("agreed-with-everyday-words", "The timetable was agreed with Network "
                 "Partners.", ()),
    SupplierCase("section-106-agreement", "The permission is subject to a section 106 "
                 "agreement with Farrow Homes Ltd to secure affordable housing.", ()),
    SupplierCase("development-agreement", "Plot 18 is set out in the development agreement "
                 "with Larkspur Housing Trust.", ()),
    SupplierCase("managed-by-landlord", "The new homes will be managed by Larkspur Housing "
                 "Trust.", ()),
    SupplierCase("built-by-developer", "The scheme will be built by Farrow Homes Ltd.", ()),
    SupplierCase("deciding-body-service", "Uplift the current MPS Value Added Reseller "
                 "contract by 10%.", ()),
    SupplierCase("contract-named-by-subject", "The NMS contract could be extended to 2026.", ()),
    SupplierCase("contract-subject-everyday", "Extend the existing Grounds Maintenance "
                 "contract by a year.", ()),
    SupplierCase("anonymised-supplier", "Approved the award of a 4 year contract to Supplier B "
                 "as identified in the confidential appendix.", ()),
    SupplierCase("own-police-force", "Police and Crime Commissioner for Westshire – Decision "
                 "Record\n\nTo award Westshire Police £20,000 towards an engagement van.\n"
                 "£20,000 to Westshire Police for the van.", ()),
    SupplierCase("own-force-by-short-title", "Westshire PCC decision 12/2024\n\nRelease of "
                 "partnership funding of £5,000 to Westshire Constabulary.", ()),
    SupplierCase("planning-applicant", "Applicant: Farrow Homes Ltd\nDecision: Grant "
                 "planning permission subject to conditions", ()),
    SupplierCase("belongs-to-the-council", "Award the contract to the Council’s Local "
                 "Authority company.", ()),
    SupplierCase("capitalised-phrase-ending-in-preposition", "The budget is fully allocated "
                 "and gives no room to Invest In new schemes.", ()),
    SupplierCase("title-with-cue-word", "That the revised Contract Standing Orders, attached "
                 "as Appendix 1 to Report Item 13, be approved.", ()),
    SupplierCase("membership-application", "A formal application had been received from "
                 "Westmere District Council seeking to become a member.", ()),
    SupplierCase("data-provided-by-regulator", "The flood mapping provided by the Environment "
                 "Agency shows the site is not at risk.", ()),
    SupplierCase("support-of-a-meeting", "The position should have the support of Full Council.",
                 ()),
    SupplierCase("tax-paid-to-hmrc", "This includes the monthly payment to HMRC for PAYE.", ()),
    SupplierCase("options-list-is-no-grants-list", "He set out the options for a new agreement:"
                 "\n\nEnd the agreement – no cost\nKeep current levels - £48,265\nEnhanced "
                 "Environmental Management - £78,265", ()),
    SupplierCase("initials-of-a-person", "The monthly inspection of the play area has been "
                 "carried out by TN.", ()),
    SupplierCase("place-as-modifier", "To ensure the continued services of the Group for "
                 "Westmere residents.", ()),
    SupplierCase("refused-application", "The committee resolved to refuse the grant "
                 "application from Cycle Westmere Ltd.", ()),
    SupplierCase("table-total-row", "Applicant Amount granted\nTotal £45,500.00", ()),
    SupplierCase("table-of-sources", "Funding source Amount\nWestshire Community Trust "
                 "£20,000\nDistrict Council £5,000", ()),
    SupplierCase("enable-residents", "A grant of £5,000 to enable residents to run events.", ()),
    SupplierCase("enable-the-council", "£9,000 from reserves to enable the Council to act.", ()),
    SupplierCase("sold-to-company", "The land was sold to Farrow Homes Ltd for £1.2m.", ()),
    SupplierCase("company-without-money", "A letter was sent to Farrow Homes Ltd in May.", ()),
    SupplierCase("bidders-received", "Tenders were received from Aldwick Ltd and Brompton "
                 "Services Ltd.", ()),
    SupplierCase("third-party-not-after-first-to", "Funding is provided to support the "
                 "project, giving access to Community Hubs.", ()),
]

NEGATIVES = [
    SupplierCase("grant-from-home-office", "MOPAC will receive a grant from the Home Office.",
                 ()),
    SupplierCase("funder-awards-decider", "The Home Office has awarded funding to MOPAC.", ()),
    SupplierCase("decision-maker-post", "The Deputy Mayor for Policing and Crime is asked to "
                 "approve the contract.", ()),
    SupplierCase("internal-post", "The contract will be managed by the Commercial Director.",
                 ()),
    SupplierCase("generic-provider", "A contract with a suitable provider will be let in "
                 "April.", ()),
    SupplierCase("successful-bidder-unnamed", "Approval is sought to award a contract to the "
                 "successful bidder.", ()),
    SupplierCase("gla-to-mopac", "The GLA will transfer funds to MOPAC for the programme.", ()),
    SupplierCase("boroughs", "Funding will be allocated to London boroughs on a needs basis.",
                 ()),
    SupplierCase("the-council", "The MPS holds a contract with the Council for the site.", ()),
    SupplierCase("payments-to-staff", "Payments to staff will be made through payroll.", ()),
    SupplierCase("buying-organisation-route", "The procurement was carried out via "
                 "the Crown Commercial Service.", ()),
    SupplierCase("contract-runs-to-month", "The contract runs from April 2024 to March 2026.",
                 ()),
    SupplierCase("worked-with-is-not-a-supplier", "Officers have worked closely with Catch22 "
                 "to design the scheme.", ()),
    SupplierCase("mopac-alone", "MOPAC has commissioned this work before.", ()),
    SupplierCase("met-police", "The Metropolitan Police Service will deliver the training.",
                 ()),
    SupplierCase("equality-act", "The contract complies with the Equality Act 2010.", ()),
    SupplierCase("framework-not-supplier", "The contract will be awarded through a compliant "
                 "framework.", ()),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES,
                       unseen=CASES_FROM_UNSEEN_PUBLISHERS,
                       unseen_negative=NEGATIVES_FROM_UNSEEN_PUBLISHERS),
)
def test_suppliers(case: SupplierCase) -> None:
    assert record_to_suppliers(record_of(case.text)) == sorted(case.expected,
                                                                    key=lambda s: s.name)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES, *CASES_FROM_UNSEEN_PUBLISHERS,
             *NEGATIVES_FROM_UNSEEN_PUBLISHERS]
