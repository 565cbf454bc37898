"""Arithmetic checks: a stated total against the parts the text says make it up.

Each row is a passage in the style of a decision's financial comments and the checks a
careful analyst would make: the total's quote, the parts' quotes, whether the sum holds,
and whether the record warns of a mismatch ("arithmetic_mismatch"). Figures written to
a rounding ("£852.4k") hold when the parts agree to that rounding.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from schemas.record import DecisionRecord
from tests.case_records import known_miss, parametrize_groups
from tests.conftest import record_of


class Chk(NamedTuple):
    total: str
    parts: tuple[str, ...]
    holds: bool
    difference: Any = 0.0


class CheckCase(NamedTuple):
    id: str
    text: str
    expected: tuple[Chk, ...]
    mismatch_warned: bool = False


def record_to_checks(record: DecisionRecord) -> tuple[list[Chk], bool]:
    checks = [Chk(c.total.text, tuple(p.text for p in c.parts), c.holds, c.difference)
              for c in record.checks]
    warned = any(w.code == "arithmetic_mismatch" for w in record.warnings)
    return checks, warned


CASES_FROM_ISSUE = [
    CheckCase("rounded-total-next-sentence", "The total cost is £852.4k. This will consist of "
              "£737.4k licensing and £115k implementation.",
              (Chk("£852.4k", ("£737.4k", "£115k"), True),)),
    CheckCase("parts-do-not-add-up", "The total cost is £900,000, made up of £500,000 for "
              "hardware and £300,000 for support.",
              (Chk("£900,000", ("£500,000", "£300,000"), False, 100_000.0),), True),
]

CASES_FROM_FORMAT = [
    CheckCase("comprises", "The programme budget of £1.5m comprises £1m capital and £0.5m "
              "revenue.", (Chk("£1.5m", ("£1m", "£0.5m"), True),)),
    CheckCase("total-then-years", "A total of £60,000 is requested: £25,000 in 2024/25, "
              "£20,000 in 2025/26 and £15,000 in 2026/27.",
              (Chk("£60,000", ("£25,000", "£20,000", "£15,000"), True),)),
    CheckCase("parts-then-total", "The project needs £40,000 for staff and £10,000 for venues, "
              "a total of £50,000.", (Chk("£50,000", ("£40,000", "£10,000"), True),)),
    CheckCase("split-between", "The total of £1.2m is split between £650,123 and "
                         "£549,877.", (Chk("£1.2m", ("£650,123", "£549,877"), True),)),
    CheckCase("split-into", "The total of £1.2m is split into £650,123 and £549,877.",
              (Chk("£1.2m", ("£650,123", "£549,877"), True),)),
    CheckCase("split-into-mismatch-beyond-rounding", "The £1.2m total is split into £700,000 "
              "for works and £520,000 for fees.",
              (Chk("£1.2m", ("£700,000", "£520,000"), False, -20_000.0),), True),
    CheckCase("made-up-of-three", "The overall cost of £2.4m is made up of £1.2m in "
                         "year one, £0.8m in year two and £0.4m in year three.",
                         (Chk("£2.4m", ("£1.2m", "£0.8m", "£0.4m"), True),)),
    CheckCase("made-up-of-three-unequal", "The overall cost of £2.5m is made up of "
              "£1.3m in year one, £0.8m in year two and £0.4m in year three.",
              (Chk("£2.5m", ("£1.3m", "£0.8m", "£0.4m"), True),)),
    CheckCase("total-colon-three-parts", "The total cost is £2.5m: £1.3m in year one, £0.8m in "
              "year two and £0.4m in year three.",
              (Chk("£2.5m", ("£1.3m", "£0.8m", "£0.4m"), True),)),
    CheckCase("total-then-parts-next-sentence", "The total cost is £2.5m. Year one will cost "
              "£1.3m, year two £0.8m and year three £0.4m.",
              (Chk("£2.5m", ("£1.3m", "£0.8m", "£0.4m"), True),)),
    CheckCase("consisting-of-pence", "The invoice total of £31,185.00 consists of £25,987.50 "
              "for services and £5,197.50 VAT.",
              (Chk("£31,185.00", ("£25,987.50", "£5,197.50"), True),)),
    CheckCase("parts-in-bullets", "The total budget is £100,000, made up of:\n"
              "• £70,000 for delivery;\n"
              "• £30,000 for evaluation.\n",
              (Chk("£100,000", ("£70,000", "£30,000"), True),)),
    CheckCase("k-parts-of-m-total", "The total cost is £1.1m, comprising £600k for licences "
              "and £500k for support.", (Chk("£1.1m", ("£600k", "£500k"), True),)),
    CheckCase("budget-comprises-sources", "The £500,000 budget comprises £300,000 from MOPAC "
              "and £200,000 from the Ministry of Justice.",
              (Chk("£500,000", ("£300,000", "£200,000"), True),)),
    CheckCase("of-which", "£2m has been allocated in total, of which £1.5m is capital and "
              "£0.5m is revenue.", (Chk("£2m", ("£1.5m", "£0.5m"), True),)),
    CheckCase("mismatch-parts-in-next-sentence", "The total cost is £1m. This consists of "
              "£600,000 for staff and £300,000 for equipment.",
              (Chk("£1m", ("£600,000", "£300,000"), False, 100_000.0),), True),
    CheckCase("off-by-a-penny-mismatch", "The total of £10,000.00 comprises £6,000.00 and "
              "£3,999.99.", (Chk("£10,000.00", ("£6,000.00", "£3,999.99"), False, 0.01),),
              True),
]

NEGATIVES = [
    CheckCase("no-total-wording", "The contract is worth £100,000. A further £20,000 and "
              "£30,000 were spent last year.", ()),
    CheckCase("list-of-quotes", "Three quotes were received: £45,000, £52,000 and £61,000.",
              ()),
    CheckCase("one-part-only", "The total budget is £500,000. Of this, £200,000 has been spent "
              "and the rest is committed.", ()),
    CheckCase("threshold-is-not-a-part", "The total value of £250,000 is above the £214,904 "
              "threshold and the £100,000 delegation limit.", ()),
    CheckCase("range-is-not-a-sum", "The total cost will be between £1m and £2m, with a "
              "further £500k contingency.", ()),
    CheckCase("different-currencies", "The total price is £900,000, made up of $600,000 and "
              "€300,000 of licences.", ()),
    known_miss(CheckCase("unrelated-totals-in-one-passage", "The total cost of phase one was "
                         "£300,000. Phase two will cost £120,000 and phase three £180,000.",
                         ()),
               "a check £300,000 = £120,000 + £180,000 that holds: amounts in the next "
               "sentences that happen to sum to a total are taken as its parts"),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES),
)
def test_checks(case: CheckCase) -> None:
    checks, warned = record_to_checks(record_of(case.text))
    assert checks == list(case.expected)
    assert warned == case.mismatch_warned


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES]
