"""Funders: bodies giving money to the decision maker (a Home Office grant, a DfE allocation).

Each row is a sentence in the style of a decision and the funders a careful analyst reads
from it, sorted. A funder is named as the document writes it: "MoJ" stays "MoJ" unless the
document also writes out "Ministry of Justice", as the analysts' gold does (a name the
document never uses would be the record's invention). A funder is never also a supplier:
rows that name one assert the suppliers too.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import known_miss, parametrize_groups
from tests.conftest import record_of


class FunderCase(NamedTuple):
    id: str
    text: str
    funders: tuple[str, ...]
    suppliers: tuple[str, ...] = ()


def record_to_parties(record: DecisionRecord) -> tuple[list[str], list[str]]:
    return sorted(f.name for f in record.funders), sorted(s.name for s in record.suppliers)


FUND_IS_A_ROLE_WORD = "no funder: a name ending in 'Fund' is rejected ('fund' is a role word)"

CASES_FROM_ISSUE = [
    FunderCase("home-office-grant", "MOPAC is asked to accept a Home Office grant of "
               "£2m for the programme.", ("Home Office",)),
    FunderCase("grant-funding-from", "The VRU has secured grant funding of £350,000 from the "
               "Ministry of Justice.", ("Ministry of Justice",)),
    FunderCase("funder-and-supplier", "MOPAC will accept £500,000 of grant funding "
               "from the Home Office and award a contract to Victim Support to "
               "deliver the service.", ("Home Office",), ("Victim Support",)),
    FunderCase("ministry-funder-and-supplier", "MOPAC will accept £500,000 of grant funding from "
               "the Ministry of Justice and award a contract to Victim Support to deliver the "
               "service.", ("Ministry of Justice",), ("Victim Support",)),
]

CASES_FROM_FORMAT = [
    FunderCase("has-awarded", "The Youth Endowment Fund has awarded MOPAC £1.1m for "
                          "the trial.", ("Youth Endowment Fund",)),
    FunderCase("funded-by", "The programme is funded by the Department for Education.",
               ("Department for Education",)),
    FunderCase("fully-funded-by", "The post is fully funded by the Ministry of Justice.",
               ("Ministry of Justice",)),
    FunderCase("contribution-from-borough", "MOPAC will accept a contribution of £80,000 from "
               "the London Borough of Camden.", ("London Borough of Camden",)),
    FunderCase("alias-as-written", "The MoJ has confirmed funding of £500,000 for 2024/25.",
               ("MoJ",)),
    FunderCase("alias-written-out-elsewhere", "The Ministry of Justice sets the terms. The MoJ "
               "has confirmed funding of £500,000 for 2024/25.", ("Ministry of Justice",)),
    FunderCase("abbreviation-grant", "The DLUHC grant will be used to support rough sleepers.",
               ("DLUHC",)),
    FunderCase("alias-in-brackets-allocated", "The Home Office (HO) has allocated £3m "
                          "to MOPAC for the year.", ("Home Office",)),
    FunderCase("receipt-from", "MOPAC will receive £40,000 from the National Lottery "
                          "Community Fund.", ("National Lottery Community Fund",)),
    FunderCase("donation-from-trust", "The GLA will accept a donation from the Wellcome Trust.",
               ("Wellcome Trust",)),
    FunderCase("offered-grant", "Sport England has offered a grant of £250,000 towards the "
               "facility.", ("Sport England",)),
    FunderCase("funding-from-two", "The scheme receives funding from the Department for "
                          "Transport and the Department for Education.",
                          ("Department for Education", "Department for Transport")),
    FunderCase("grant-provided-by", "The grant is provided by the Home Office under "
               "the Safer Streets programme.", ("Home Office",)),
    FunderCase("allocation-from", "MOPAC has received an allocation of £1.5m from "
                          "the Ministry of Housing, Communities and Local Government.",
                          ("Ministry of Housing, Communities and Local Government",)),
    FunderCase("accept-award-from", "The DMPC is asked to accept an award of £95,000 "
                          "from the Youth Endowment Fund.", ("Youth Endowment Fund",)),
    FunderCase("defra-funding", "DEFRA funding of £60,000 has been confirmed.", ("DEFRA",)),
    FunderCase("granted-to-decider", "The Department for Transport has granted £2m "
                          "to the GLA for cycling schemes.", ("Department for Transport",)),
    FunderCase("jointly-funded-by-two", "The scheme is jointly funded by Sport England and Arts "
               "Council England.", ("Arts Council England", "Sport England")),
    FunderCase("provided-funding", "The Cabinet Office has provided funding of £75,000 for the "
               "pilot.", ("Cabinet Office",)),
    FunderCase("abbreviation-grant-of", "The DfE grant of £120,000 will fund the mentoring "
               "places.", ("DfE",)),
    FunderCase("sponsorship-from-company", "The event is supported by sponsorship from Barclays "
               "Bank UK PLC.", ("Barclays Bank UK PLC",)),
]

CASES_FROM_UNSEEN_PUBLISHERS = [
    FunderCase("funding-agreement-with-ministry", "The Authority will enter into a funding "
               "agreement with the Department for Culture, Media and Sport for £1m.",
               ("Department for Culture, Media and Sport",)),
    FunderCase("unit-of-a-council", "Funding was received from Westmere Borough Council "
               "Community Safety Team to be spent on patrols.", ("Westmere Borough Council",)),
    FunderCase("fund-abbreviation-spelt-out", "Approval is given for £2m from the North "
               "Valley Transport Fund (NVTF), taking the total from the NVTF to £8m.", ()),
    FunderCase("applicant-is-no-funder", "To approve the £300k application to the Green "
               "Growth Fund from Larchmont Energy Ltd.", (), ("Larchmont Energy Ltd",)),
    FunderCase("third-party-receipt", "Ashgrove Rovers FC Ltd received funding from the "
               "Tees Community Foundation to run a pilot last year.", ()),
    FunderCase("own-money-passed-on", "Approval to allocate funding from the Westshire "
               "Violence Reduction Partnership to Copperfield Consulting Ltd.", (),
               ("Copperfield Consulting Ltd",)),
    FunderCase("known-body-then-purpose", "MOPAC will receive £154,000 of grant funding from "
               "the Home Office for the Strategic Migration Partnership.", ("Home Office",)),
    FunderCase("list-after-from", "To accept the grant offers from Homes England (£350k) and "
               "the Office for Estate Renewal (£504k).",
               ("Homes England", "Office for Estate Renewal")),
    FunderCase("comma-list-after-from", "The Council accepts the grant offers from Homes "
               "England, the Office for Estate Renewal and the Westshire Foundation.",
               ("Homes England", "Office for Estate Renewal", "Westshire Foundation")),
    FunderCase("post-of-a-partnership", "The report sought acceptance of the Enhanced "
               "Partnership Officer funding from the Department for Transport.",
               ("Department for Transport",)),
    FunderCase("known-body-then-fund", "To accept the £3.75m offer of grant from Homes England "
               "Housing Infrastructure Fund.", ("Homes England",)),
]

NEGATIVES = [
    known_miss(FunderCase("decision-maker-funds-supplier", "MOPAC will fund Victim Support to "
                          "run the helpline.", (), ("Victim Support",)),
               "no supplier: 'fund X' is not a supplier cue (see suppliers fund-organisation)"),
    FunderCase("funding-from-reserves", "The cost will be met with funding from reserves.", ()),
    FunderCase("funds-from-budget", "Funds from the MOPAC budget will cover the cost.", ()),
    FunderCase("home-office-informed", "The Home Office will be informed of the decision.", ()),
    FunderCase("home-office-policy", "The Home Office has published new guidance on stop and "
               "search.", ()),
    FunderCase("grant-to-charity", "MOPAC will award a grant of £20,000 to the charity.", ()),
    FunderCase("funding-to-boroughs", "Funding will be allocated to London boroughs.", ()),
    FunderCase("grant-funding-to-supplier", "MOPAC will provide grant funding to Redthread Youth "
               "Limited.", (), ("Redthread Youth Limited",)),
    FunderCase("cuts-to-a-body-s-funding", "The motion asks the Government to cease making cuts "
               "to Environment Agency funding and receive its report.", ()),
    FunderCase("department-guidance", "The Department for Education's guidance requires annual "
               "reviews.", ()),
    FunderCase("department-consulted", "The Department for Education was consulted on the "
               "design.", ()),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES,
                       unseen=CASES_FROM_UNSEEN_PUBLISHERS),
)
def test_funders(case: FunderCase) -> None:
    funders, suppliers = record_to_parties(record_of(case.text))
    assert funders == sorted(case.funders)
    assert suppliers == sorted(case.suppliers)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES, *CASES_FROM_UNSEEN_PUBLISHERS]
