"""What kind of organisation name a run of capitalised words is, or why it is none.

Each row is a name as a decision might print it beside a cue, and the verdict
`pipeline.extract.organisations.judge` gives: the kind (strongest evidence first: a table's
body, a legal form, an organisation noun, a word that is mostly a name, everyday words
only) or None for posts, internal groups, places, programmes, funds, plans, documents,
periods and kinds of body. Then `split_on_and`: a name is cut at "and" only when both
sides are names by themselves.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.extract.names import Name, known_body, split_on_and
from pipeline.extract.organisations import Kind, central_government, judge
from tests.case_records import parametrize_groups


class NameCase(NamedTuple):
    id: str
    text: str
    kind: Kind | None


ORGANISATIONS = [
    NameCase("legal-form-ltd", "Pennant Fleet Ltd", Kind.LEGAL),
    NameCase("legal-form-plc", "Harland Build plc", Kind.LEGAL),
    NameCase("legal-form-foreign", "Fjord Forsikring ASA", Kind.LEGAL),
    NameCase("legal-form-cic", "Kinder Futures CIC", Kind.LEGAL),
    NameCase("legal-form-unlimited", "Tees Gateway Unlimited", Kind.LEGAL),
    NameCase("head-council", "Ashby Parish Council", Kind.HEAD),
    NameCase("head-trust", "Larkspur Housing Trust", Kind.HEAD),
    NameCase("head-police", "Westshire Constabulary Police", Kind.HEAD),
    NameCase("head-in-front", "University of Westmere", Kind.HEAD),
    NameCase("head-in-front-for", "the Institute for Fiscal Research", Kind.HEAD),
    NameCase("office-of", "Office for Estate Renewal", Kind.HEAD),
    NameCase("acronym", "CDW", Kind.PROPER),
    NameCase("acronym-with-ampersand", "B&NES", Kind.PROPER),
    NameCase("holds-acronym", "ITL North East", Kind.PROPER),
    NameCase("rare-word", "Allstar", Kind.PROPER),
    NameCase("rare-word-in-name", "Gresham Office Furniture", Kind.PROPER),
    NameCase("everyday-words", "Street League", Kind.COMMON),
    NameCase("strategic-supplier", "Microsoft", Kind.LEGAL),
    NameCase("centre-charity", "Asian Women's Resource Centre", Kind.COMMON),
]

TABLE_BODIES = [
    NameCase("table-body", "Homes England", Kind.KNOWN),
    NameCase("table-alias", "TfL", Kind.KNOWN),
    NameCase("table-department", "Ministry of Justice", Kind.KNOWN),
]

NOT_ORGANISATIONS = [
    NameCase("post-director-of", "Director of Place", None),
    NameCase("post-strategic-director", "Strategic Director of Economy and Skills", None),
    NameCase("post-chief-officer", "Chief Officer Parks and Countryside", None),
    NameCase("post-deputy-mayor", "Deputy Mayor of Greater Westshire", None),
    NameCase("post-after-possessive", "the Authority’s Head of Finance", None),
    NameCase("councillors", "Hartbury Councillors", None),
    NameCase("internal-board", "Programme Board", None),
    NameCase("internal-department", "Finance Department", None),
    NameCase("internal-team", "Community Safety Team", None),
    NameCase("place-county", "Warwickshire", None),
    NameCase("place-region", "North East", None),
    NameCase("place-compass-county", "West Yorkshire", None),
    NameCase("place-hills", "Eston Hills", None),
    NameCase("place-station", "Kings Cross Station", None),
    NameCase("programme", "Safer Streets Programme", None),
    NameCase("fund", "Brownfield Land Release Fund", None),
    NameCase("grant", "Community Capital Grant", None),
    NameCase("plan", "Police and Crime Plan", None),
    NameCase("plan-with-years", "Crime Plan 2021-2025", None),
    NameCase("account", "Housing Revenue Account", None),
    NameCase("business-case", "Full Business Case", None),
    NameCase("pilot", "Pathfinder Pilot", None),
    NameCase("hub", "Family Hub", None),
    NameCase("period-quarter", "Q3", None),
    NameCase("period-month", "March", None),
    NameCase("status-word", "Call-In Approved", None),
    NameCase("generic-plural", "Individuals", None),
    NameCase("generic-department-word", "Estates", None),
    NameCase("kind-of-body", "the Combined Authority", None),
    NameCase("kind-of-council", "Parish Council", None),
    NameCase("generic-services", "Legal Services", None),
    NameCase("one-everyday-word", "Thrive", None),
]


@pytest.mark.parametrize("case", parametrize_groups(
    organisation=ORGANISATIONS, table=TABLE_BODIES, not_organisation=NOT_ORGANISATIONS))
def test_judge(case: NameCase) -> None:
    assert judge(case.text, known=known_body(case.text)).kind is case.kind


class SplitCase(NamedTuple):
    id: str
    text: str
    parts: tuple[str, ...]
    in_list: bool = False


SPLITS = [
    SplitCase("two-companies", "Orchard Cellular Ltd and Pennine Labs Ltd",
              ("Orchard Cellular Ltd", "Pennine Labs Ltd")),
    SplitCase("two-councils", "Westmere Council and Ashby Council",
              ("Westmere Council", "Ashby Council")),
    SplitCase("surname-firm", "Ernst and Young LLP", ("Ernst and Young LLP",)),
    SplitCase("double-barrelled-area", "Redcar and Cleveland Borough Council",
              ("Redcar and Cleveland Borough Council",)),
    SplitCase("everyday-first-part", "Women and Girls Network", ("Women and Girls Network",)),
    SplitCase("ampersand-co", "Thomas Pryce & Co Ltd", ("Thomas Pryce & Co Ltd",)),
    SplitCase("list-splits-anyway", "Safer London and Redthread", ("Safer London", "Redthread"),
              in_list=True),
    SplitCase("list-keeps-ampersand", "Marks & Sparks Ltd and Rowan Labs",
              ("Marks & Sparks Ltd", "Rowan Labs"), in_list=True),
]


@pytest.mark.parametrize("case", parametrize_groups(split=SPLITS))
def test_split_on_and(case: SplitCase) -> None:
    name = Name(0, len(case.text), case.text)
    assert tuple(p.text for p in split_on_and(name, in_list=case.in_list)) == case.parts


@pytest.mark.parametrize(("text", "expected"), [
    ("Ministry of Defence", True), ("the Department for Transport", True),
    ("HM Treasury", True), ("Department Store Group Ltd", False), ("Ministry Cafe", False)])
def test_central_government(text: str, expected: bool) -> None:
    assert central_government(text) is expected
