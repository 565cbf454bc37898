"""Frameworks of buying organisations other than CCS, as the tables of
`test_extract_frameworks` (same conventions): a buying organisation's numbered framework,
its abbreviation glued to the word "Framework" by a text that lost its spaces, its
consortium as the route of a purchase, and the options a report weighed and did not take
(under an "Alternative options considered" heading).
"""

from __future__ import annotations

import pytest

from tests.case_records import Has, parametrize_groups
from tests.conftest import record_of
from tests.test_extract_frameworks import FrameworkCase, Fw, record_to_frameworks

# Issue 11, second round: a buying organisation's numbered framework, its abbreviation
# glued to the word by a text that lost its spaces, its consortium as the route, and
# options a report weighed and did not take.
CASES_FROM_BUYING_ORGANISATIONS = [
    FrameworkCase("buyer-number-glued-with-title", "The heating oil is bought under NEPO215 "
                  "Fuel Oils for a year.", (Fw("NEPO215 Fuel Oils", "NEPO", "NEPO215"),)),
    FrameworkCase("buyer-number-spaced-before-framework", "Chairs are ordered from the YPO 1010 "
                  "framework this year.", (Fw(Has("YPO 1010"), "YPO", "YPO 1010"),)),
    FrameworkCase("buyer-number-with-underscore", "The desks are ordered through ESPO 664_21 "
                  "for the new office.", (Fw("ESPO 664_21", "ESPO", "ESPO 664_21"),)),
    FrameworkCase("buyer-glued-to-framework", "Members approve staying in the YPOFramework "
                  "arrangement for fuel.", (Fw("YPOFramework", "YPO"),)),
    FrameworkCase("buyer-consortium-as-route", "Gas will be supplied via the ESPO consortium "
                  "from April.", (Fw("ESPO consortium", "ESPO"),)),
    FrameworkCase("owner-after-framework", "The cars were bought from the national framework "
                  "run by Bluelight Commercial.",
                  (Fw(Has("Bluelight Commercial"), "Bluelight Commercial"),)),
    FrameworkCase("owner-operating-framework", "Cleaning is called off from the janitorial "
                  "framework operated by the YPO until 2026.", (Fw(Has("YPO"), "YPO"),)),
    FrameworkCase("owner-alone-in-bracket", "The chairs came from the Office Seating framework "
                  "(ESPO) last year.", (Fw("Office Seating framework (ESPO)", "ESPO"),)),
    FrameworkCase("option-not-taken", "Decision:\n\nCall off the supply under the YPO Energy "
                  "framework.\n\nAlternative options considered:\n\nOption 1 - call off "
                  "the supply under the ESPO framework for energy.\n",
                  (Fw("YPO Energy framework", "YPO"),)),
    FrameworkCase("option-taken-named-in-decision-too", "Decision:\n\nBuy the power under "
                  "the ESPO framework.\n\nAlternative options considered:\n\nOption 1 - "
                  "tender openly.\nOption 2 - buy the power under the ESPO framework.\n",
                  (Fw("ESPO framework", "ESPO"),)),
    FrameworkCase("option-rejected-for-the-route", "Alternative options considered:\n\nTo "
                  "tender openly - rejected, as the ESPO framework gives better prices.\n",
                  (Fw("ESPO framework", "ESPO"),)),
]

NEGATIVES_FROM_BUYING_ORGANISATIONS = [
    FrameworkCase("buyer-then-a-count", "ESPO 150 schools joined the scheme last year.", ()),
    FrameworkCase("buyer-then-a-year", "The YPO 2021 annual report was noted.", ()),
    FrameworkCase("buyer-then-money", "The YPO 100,000 rebate was shared out.", ()),
    FrameworkCase("consortium-not-a-route", "The ESPO consortium met in May to agree its "
                  "plans.", ()),
    FrameworkCase("consortium-of-an-unlisted-body", "Gas is bought via the Midshire "
                  "consortium.", ()),
    FrameworkCase("glued-word-of-an-unlisted-body", "The ABCFramework was approved by "
                  "members.", ()),
    FrameworkCase("framework-run-by-an-unlisted-body", "Parts were bought from the regional "
                  "framework run by Midshire Council.", ()),
    FrameworkCase("hypothetical-framework-run-by-owner", "Officers asked whether a framework "
                  "run by ESPO could be used.", ()),
    FrameworkCase("owner-among-words-in-bracket", "Power is bought via the Metering Framework "
                  "(an extended ESPO Framework) this year.", (Fw("Metering Framework"),
                                                               Fw("ESPO Framework", "ESPO"))),
    FrameworkCase("abbreviation-inside-a-longer-code", "The part coded MESPO307 Tables was "
                  "ordered.", ()),
    FrameworkCase("ccs-takes-rm-numbers-only", "The CCS 2024 report lists savings.", ()),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(buyers=CASES_FROM_BUYING_ORGANISATIONS,
                       negative=NEGATIVES_FROM_BUYING_ORGANISATIONS),
)
def test_frameworks_of_buying_organisations(case: FrameworkCase) -> None:
    assert record_to_frameworks(record_of(case.text)) == list(case.expected)


ALL_CASES = [*CASES_FROM_BUYING_ORGANISATIONS, *NEGATIVES_FROM_BUYING_ORGANISATIONS]
