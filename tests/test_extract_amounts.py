"""Amounts: every money amount in a sentence, with value, currency and context.

Each row is a sentence written in the style of a published decision and the amounts a
careful analyst reads from it, in text order. `qualifier`, `vat`, `period`, `range` and
`repaired` are asserted on every row (a bare amount has none); `kind` only where the
row names it (`ANY` otherwise). A period is asserted by what it must contain.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from unittest.mock import ANY

import pytest

from schemas.record import DecisionRecord
from tests.case_records import Has, OneOf, known_miss, parametrize_groups
from tests.conftest import record_of


class Amt(NamedTuple):
    text: Any
    value: float
    currency: str = "GBP"
    qualifier: Any = None
    vat: Any = None
    period: Any = None
    kind: Any = ANY
    range: Any = None
    repaired: bool = False


class AmountCase(NamedTuple):
    id: str
    text: str
    expected: tuple[Amt, ...]


def record_to_amounts(record: DecisionRecord) -> list[Amt]:
    return [Amt(a.text, a.value, a.currency, a.qualifier, a.vat, a.period, a.kind, a.range,
                a.evidence.repaired) for a in record.amounts]


CASES_FROM_ISSUE = [
    AmountCase("k-with-decimal", "The cost of renewing the licences is £737.4k.",
               (Amt("£737.4k", 737_400.0, kind="cost"),)),
    AmountCase("m-with-decimal", "MOPAC will contribute £1.2m towards the programme.",
               (Amt("£1.2m", 1_200_000.0),)),
    AmountCase("million-word", "The scheme has a capital budget of £5 million.",
               (Amt("£5 million", 5_000_000.0, kind="cost"),)),
    AmountCase("bn", "The Mayor's housing programme is worth £2.5bn.",
               (Amt("£2.5bn", 2_500_000_000.0),)),
    AmountCase("pence", "An invoice of £31,185.00 was paid to the supplier in May.",
               (Amt("£31,185.00", 31_185.0, kind="cost"),)),
    AmountCase("gbp-code", "The fee for the licence is GBP 10,000.",
               (Amt("GBP 10,000", 10_000.0, kind="cost"),)),
    AmountCase("range-k-dash", "Individual awards will be in the range £10k–£20k.",
               (Amt("£10k", 10_000.0, range="low"), Amt("£20k", 20_000.0, range="high"))),
    AmountCase("up-to", "The DMPC is asked to approve expenditure of up to £5,000,000 on the "
               "estate programme.",
               (Amt("£5,000,000", 5_000_000.0, qualifier="up_to", kind="cost"),)),
    AmountCase("vat-exclusive-brackets", "The contract value is £120,000 (exclusive of VAT).",
               (Amt("£120,000", 120_000.0, vat="exclusive", kind="cost"),)),
    AmountCase("financial-year", "The MPS will receive £4,642,689 in 2023/24 for this work.",
               (Amt("£4,642,689", 4_642_689.0, period="2023/24", kind="income"),)),
    AmountCase("euro-symbol", "The annual subscription costs €45,000 per year.",
               (Amt("€45,000", 45_000.0, "EUR", period=Has("year"), kind="cost"),)),
    AmountCase("dollar-symbol", "The software is priced at $250,000.",
               (Amt("$250,000", 250_000.0, "USD"),)),
    AmountCase("us-dollar", "The vendor quoted US$1.5m for the upgrade.",
               (Amt("US$1.5m", 1_500_000.0, "USD"),)),
    AmountCase("eur-code-decimal", "The unit price is EUR 5.95 per device.",
               (Amt("EUR 5.95", 5.95, "EUR", kind="cost"),)),
    AmountCase("trillion-T", "Public sector net debt stood at £1.65T at the end of March.",
               (Amt("£1.65T", 1_650_000_000_000.0),)),
    AmountCase("words-pounds", "The Home Office has made five million pounds available.",
               (Amt("five million pounds", 5_000_000.0),)),
    AmountCase("words-with-figure-restated",
               "The partnership has attracted 20 Million Dollars ($20,000,000) of investment.",
               (Amt(Has("20 Million Dollars"), 20_000_000.0, "USD"),)),
    AmountCase("ocr-letter-o", "Savings of £1OOk are expected from the new rota.",
               (Amt("£1OOk", 100_000.0, kind="saving", repaired=True),)),
    AmountCase("statutory-threshold",
               "The value exceeds the public procurement threshold of £181,302 for services.",
               (Amt("£181,302", 181_302.0, kind="threshold"),)),
    AmountCase("delegation-limit", "Decisions with a value of £500,000 or above must be "
               "approved by the Deputy Mayor for Policing and Crime.",
               (Amt("£500,000", 500_000.0, qualifier=OneOf(None, "minimum"),
                    kind="threshold"),)),
]

CASES_FROM_FORMAT = [
    # scales and figures
    AmountCase("m-whole", "The refurbishment will cost £12m.", (Amt("£12m", 12e6, kind="cost"),)),
    AmountCase("m-fraction", "A further £0.5m is held in reserve.", (Amt("£0.5m", 500_000.0),)),
    AmountCase("k-upper", "The pilot costs £350K.", (Amt("£350K", 350_000.0, kind="cost"),)),
    AmountCase("bn-whole", "The capital programme is £2bn.", (Amt("£2bn", 2e9),)),
    AmountCase("million-decimal", "Phase two will cost £1.125 million.",
               (Amt("£1.125 million", 1_125_000.0, kind="cost"),)),
    AmountCase("thousand-word", "A payment of £20 thousand is due.",
               (Amt("£20 thousand", 20_000.0, kind="cost"),)),
    AmountCase("billion-word", "The fund totals £3 billion nationally.",
               (Amt("£3 billion", 3e9),)),
    AmountCase("pounds-and-pence", "The fee is £7,500.50 per session.",
               (Amt("£7,500.50", 7_500.5, kind="cost"),)),
    AmountCase("space-after-symbol", "The cost is £ 25,000.", (Amt("£ 25,000", 25_000.0),)),
    AmountCase("gbp-no-space", "A budget of GBP10,000 is available.",
               (Amt("GBP10,000", 10_000.0, kind="cost"),)),
    AmountCase("usd-code", "The licence is USD 500,000 a year.",
               (Amt("USD 500,000", 500_000.0, "USD", period=Has("year"), kind="cost"),)),
    AmountCase("gbp-code-after", "The fee is 10,000 GBP.", (Amt("10,000 GBP", 10_000.0,
                                                               kind="cost"),)),
    AmountCase("eur-code-after", "The unit cost is 5,000 EUR.",
               (Amt("5,000 EUR", 5_000.0, "EUR", kind="cost"),)),
    AmountCase("million-without-space", "The grant is £3.5million.",
               (Amt("£3.5million", 3_500_000.0, kind="grant"),)),
    AmountCase("pence", "A charge of 50p per transaction applies.",
                          (Amt("50p", 0.5, kind="cost"),)),
    AmountCase("euro-m", "The EU contribution was €1.2m.", (Amt("€1.2m", 1_200_000.0, "EUR"),)),
    AmountCase("dollar-bn", "The market is estimated at $3.5bn.",
               (Amt("$3.5bn", 3.5e9, "USD", qualifier=OneOf(None, "estimated")),)),
    AmountCase("sentence-final-full-stop", "The total approved is £1.2m.",
               (Amt("£1.2m", 1_200_000.0, qualifier=OneOf(None, "total")),)),
    AmountCase("plain-small", "A fee of £950 is payable.", (Amt("£950", 950.0, kind="cost"),)),
    # qualifiers
    AmountCase("maximum-of", "The contract has a maximum value of £75,000.",
               (Amt("£75,000", 75_000.0, qualifier="maximum", kind="cost"),)),
    AmountCase("not-exceeding", "Spend not exceeding £40,000 is approved.",
                          (Amt("£40,000", 40_000.0, qualifier="up_to", kind="cost"),)),
    AmountCase("no-more-than", "The provider will be paid no more than £30,000.",
                          (Amt("£30,000", 30_000.0, qualifier="up_to", kind="cost"),)),
    AmountCase("up-to-a-maximum", "Fees of up to a maximum of £60,000 are approved.",
               (Amt("£60,000", 60_000.0, qualifier=OneOf("up_to", "maximum"), kind="cost"),)),
    AmountCase("approx-abbreviation", "The survey will cost approx. £5,000.",
               (Amt("£5,000", 5_000.0, qualifier="approximately", kind="cost"),)),
    AmountCase("c-abbreviation", "The fit-out will cost c. £200,000.",
               (Amt("£200,000", 200_000.0, qualifier="approximately", kind="cost"),)),
    AmountCase("around", "Around £80,000 will be spent on training.",
                          (Amt("£80,000", 80_000.0, qualifier="approximately", kind="cost"),)),
    AmountCase("in-the-region-of", "The works will cost in the region of £40,000.",
                          (Amt("£40,000", 40_000.0, qualifier="approximately", kind="cost"),)),
    AmountCase("under", "Projects costing under £25,000 qualify for the fast track.",
               (Amt("£25,000", 25_000.0, qualifier="less_than"),)),
    AmountCase("approximately", "The works will cost approximately £1.8m.",
               (Amt("£1.8m", 1_800_000.0, qualifier="approximately", kind="cost"),)),
    AmountCase("circa", "Annual savings of circa £600k are forecast.",
               (Amt("£600k", 600_000.0, qualifier="approximately", kind="saving"),)),
    AmountCase("some", "The programme has drawn some £4m from reserves.",
               (Amt("£4m", 4e6, qualifier="approximately"),)),
    AmountCase("estimated", "The project has an estimated cost of £2.4m.",
               (Amt("£2.4m", 2_400_000.0, qualifier="estimated", kind="cost"),)),
    AmountCase("in-excess-of", "The contract is valued in excess of £100,000.",
               (Amt("£100,000", 100_000.0, qualifier="more_than", kind="cost"),)),
    AmountCase("over", "The scheme will generate income of over £2m.",
               (Amt("£2m", 2e6, qualifier="more_than", kind="income"),)),
    AmountCase("less-than", "Each purchase will cost less than £10,000.",
               (Amt("£10,000", 10_000.0, qualifier="less_than", kind="cost"),)),
    AmountCase("at-least", "Partners must match-fund at least £50,000.",
               (Amt("£50,000", 50_000.0, qualifier="minimum"),)),
    AmountCase("minimum-of", "Each grant will be a minimum of £5,000.",
               (Amt("£5,000", 5_000.0, qualifier="minimum", kind="grant"),)),
    AmountCase("a-total-of", "A total of £852,400 is requested.",
               (Amt("£852,400", 852_400.0, qualifier="total"),)),
    AmountCase("capped-at", "Fees will be capped at £90,000.",
               (Amt("£90,000", 90_000.0, qualifier=OneOf("maximum", "up_to"), kind="cost"),)),
    # VAT
    AmountCase("including-vat", "The quote was £96,000 including VAT.",
               (Amt("£96,000", 96_000.0, vat="inclusive"),)),
    AmountCase("inc-vat-brackets", "The annual charge is £96,000 (inc. VAT).",
               (Amt("£96,000", 96_000.0, vat="inclusive", kind="cost"),)),
    AmountCase("excl-vat", "The price is £80,000 excl. VAT.",
               (Amt("£80,000", 80_000.0, vat="exclusive", kind="cost"),)),
    AmountCase("plus-vat", "The consultancy fee is £80,000 plus VAT.",
               (Amt("£80,000", 80_000.0, vat="exclusive", kind="cost"),)),
    AmountCase("vat-exclusive-suffix", "The bid price was £1,000,000 (VAT exclusive).",
               (Amt("£1,000,000", 1e6, vat="exclusive", kind="cost"),)),
    AmountCase("vat-inclusive-suffix", "The contract price of £60,000 is VAT inclusive.",
               (Amt("£60,000", 60_000.0, vat="inclusive", kind="cost"),)),
    AmountCase("net-of-vat", "The budget is £45,000 net of VAT.",
               (Amt("£45,000", 45_000.0, vat="exclusive", kind="cost"),)),
    # periods
    AmountCase("per-annum", "The service costs £250,000 per annum.",
               (Amt("£250,000", 250_000.0, period=Has("annum"), kind="cost"),)),
    AmountCase("pa-abbreviation", "Maintenance is charged at £45k p.a.",
               (Amt("£45k", 45_000.0, period=Has("p.a")),)),
    AmountCase("per-month", "Rent is £50,000 per month.", (Amt("£50,000", 50_000.0,
                                                                period=Has("month")),)),
    AmountCase("over-n-years", "The contract is worth £3.2 million over three years.",
               (Amt("£3.2 million", 3_200_000.0, period=Has("three years"), kind="cost"),)),
    AmountCase("over-figure-years", "Funding of £900,000 over 3 years is approved.",
               (Amt("£900,000", 900_000.0, period=Has("3 years"), kind="grant"),)),
    AmountCase("annually", "A licence fee of £5,000 is payable annually.",
               (Amt("£5,000", 5_000.0, period=Has("annual"), kind="cost"),)),
    AmountCase("over-next-two-years", "The programme will cost £1.2m over the next two years.",
               (Amt("£1.2m", 1_200_000.0, period=Has("two years"), kind="cost"),)),
    AmountCase("for-financial-year", "A budget of £300k for 2024/25 is approved.",
               (Amt("£300k", 300_000.0, period="2024/25", kind="cost"),)),
    AmountCase("qualifier-vat-and-period", "The contract is worth up to £1m per annum, exclusive "
               "of VAT.", (Amt("£1m", 1e6, qualifier="up_to", vat="exclusive",
                               period=Has("annum"), kind="cost"),)),
    AmountCase("two-financial-years", "The budget is £120,000 in 2024/25 and £130,000 in "
               "2025/26.",
               (Amt("£120,000", 120_000.0, period="2024/25", kind="cost"),
                Amt("£130,000", 130_000.0, period="2025/26", kind="cost"))),
    AmountCase("financial-year-long", "A saving of £75,000 is expected in 2024-25.",
               (Amt("£75,000", 75_000.0, qualifier=OneOf(None, "estimated"),
                    period=Has("2024"), kind="saving"),)),
    # ranges
    AmountCase("range-shared-scale", "Contracts in this lot are typically £10-20k.",
               (Amt("£10", 10_000.0, range="low"), Amt("20k", 20_000.0, range="high"))),
    AmountCase("range-between-and", "The cost will be between £1m and £2m.",
               (Amt("£1m", 1e6, range="low", kind="cost"), Amt("£2m", 2e6, range="high",
                                                                kind="cost"))),
    AmountCase("range-to", "Costs are expected to be £1m to £1.5m.",
               (Amt("£1m", 1e6, range="low", qualifier=OneOf(None, "estimated")),
                Amt("£1.5m", 1.5e6, range="high"))),
    AmountCase("range-hyphen-unspaced", "Bids of £2m-£3m were received.",
               (Amt("£2m", 2e6, range="low"), Amt("£3m", 3e6, range="high"))),
    AmountCase("range-spaced-dash", "Bids of £2m - £3m were received.",
               (Amt("£2m", 2e6, range="low"), Amt("£3m", 3e6, range="high"))),
    AmountCase("range-from-to", "Awards will range from £10k to £20k.",
               (Amt("£10k", 10_000.0, range="low", qualifier=OneOf(None, "from")),
                Amt("£20k", 20_000.0, range="high"))),
    AmountCase("range-million-words", "The estimate is £2 million to £3 million.",
               (Amt("£2 million", 2e6, range="low", qualifier=OneOf(None, "estimated")),
                Amt("£3 million", 3e6, range="high"))),
    AmountCase("range-spaced-en-dash-per-annum", "Salaries are £30,000 – £35,000 per annum.",
               (Amt("£30,000", 30_000.0, range="low"),
                Amt("£35,000", 35_000.0, range="high", period=Has("annum")))),
    AmountCase("and-without-between-is-not-a-range", "The bids were £1m and £2m.",
               (Amt("£1m", 1e6), Amt("£2m", 2e6))),
    AmountCase("split-between-is-not-a-range", "The total of £1.2m is split "
                          "between £650,123 and £549,877.",
                          (Amt("£1.2m", 1_200_000.0, qualifier=OneOf(None, "total")),
                           Amt("£650,123", 650_123.0), Amt("£549,877", 549_877.0))),
    # kinds
    AmountCase("kind-priced-at", "The software is priced at £250,000.",
                          (Amt("£250,000", 250_000.0, kind="cost"),)),
    AmountCase("kind-charged-at", "Maintenance is charged at £4,000 a month.",
                          (Amt("£4,000", 4_000.0, period=Has("month"), kind="cost"),)),
    AmountCase("kind-grant-received", "MOPAC will receive £2m of grant funding.",
               (Amt("£2m", 2e6, kind=OneOf("grant", "income")),)),
    AmountCase("kind-cost-beside-threshold", "The contract value of £250,000 is "
                          "above the £214,904 threshold.",
                          (Amt("£250,000", 250_000.0, kind="cost"),
                           Amt("£214,904", 214_904.0, kind="threshold"))),
    AmountCase("kind-cost-under-delegated-authority", "The Deputy Mayor approved "
               "expenditure of £2m under delegated authority.",
               (Amt("£2m", 2e6, kind="cost"),)),
    AmountCase("kind-threshold-without-the-word", "Above £10,000, three written "
               "quotes must be obtained.",
               (Amt("£10,000", 10_000.0, qualifier="more_than",
                    kind="threshold"),)),
    AmountCase("kind-grant", "MOPAC will award a grant of £75,000 to the charity.",
               (Amt("£75,000", 75_000.0, kind="grant"),)),
    AmountCase("kind-saving", "The restructure delivers savings of £300,000.",
               (Amt("£300,000", 300_000.0, kind="saving"),)),
    AmountCase("kind-income", "Income of £45,000 from vehicle sales will be received.",
               (Amt("£45,000", 45_000.0, kind="income"),)),
    AmountCase("kind-cost-expenditure", "Expenditure of £1.4m is approved.",
               (Amt("£1.4m", 1_400_000.0, kind="cost"),)),
    AmountCase("kind-threshold-below", "Under the Scheme of Delegation, the Chief Operating "
               "Officer may approve spend below £100,000.",
               (Amt("£100,000", 100_000.0, qualifier="less_than", kind="threshold"),)),
    AmountCase("kind-threshold-or-more", "Contracts valued at £1m or more require a Mayoral "
               "Decision.", (Amt("£1m", 1e6, qualifier=OneOf(None, "minimum"),
                                 kind="threshold"),)),
    AmountCase("kind-threshold-value-above", "Contracts with a value above £500,000 must be "
               "published.", (Amt("£500,000", 500_000.0, qualifier="more_than",
                                  kind="threshold"),)),
    AmountCase("kind-threshold-per-item", "Delegates authority to the Director to approve "
               "individual grants of up to £150,000.",
               (Amt("£150,000", 150_000.0, qualifier="up_to", kind="threshold"),)),
    AmountCase("kind-grant-budget-up-to", "Approves expenditure of up to £1,150,000 on grants "
               "to community organisations.",
               (Amt("£1,150,000", 1_150_000.0, qualifier="up_to", kind="grant"),)),
    AmountCase("kind-threshold-vat", "The threshold for services is currently £214,904 "
               "(inclusive of VAT).",
               (Amt("£214,904", 214_904.0, vat="inclusive", kind="threshold"),)),
    # several amounts, words, restatements, repairs
    AmountCase("two-parts", "The costs comprise £40,000 for hardware and £15,000 for support.",
               (Amt("£40,000", 40_000.0), Amt("£15,000", 15_000.0))),
    AmountCase("three-amounts-list", "Three quotes were received: £45,000, £52,000 and "
               "£61,000.",
               (Amt("£45,000", 45_000.0), Amt("£52,000", 52_000.0),
                Amt("£61,000", 61_000.0))),
    AmountCase("words-hundred-and", "A sum of one hundred and fifty thousand pounds is set "
               "aside.", (Amt("one hundred and fifty thousand pounds", 150_000.0),)),
    AmountCase("words-euros", "The partner will contribute two million euros.",
               (Amt("two million euros", 2e6, "EUR"),)),
    AmountCase("words-hyphenated", "A payment of twenty-five thousand pounds was agreed.",
               (Amt("twenty-five thousand pounds", 25_000.0, kind="cost"),)),
    AmountCase("figure-restated-in-words", "The grant is £5m (five million pounds).",
               (Amt(Has("£5m"), 5e6, kind="grant"),)),
    AmountCase("figure-and-pounds-suffix", "Each site receives 250,000 pounds.",
               (Amt("250,000 pounds", 250_000.0),)),
    AmountCase("figure-million-pounds", "The council will invest 2.5 million pounds.",
               (Amt("2.5 million pounds", 2.5e6, kind="cost"),)),
    AmountCase("gbp-million-word", "The bid was GBP 2.3 million.",
               (Amt("GBP 2.3 million", 2.3e6),)),
    AmountCase("m-upper", "The scheme costs £1.5M.", (Amt("£1.5M", 1.5e6, kind="cost"),)),
    AmountCase("m-after-space", "The capital budget is £12.5 m.",
                          (Amt("£12.5 m", 12.5e6, kind="cost"),)),
    AmountCase("dollars-restated-in-pounds", "The vendor price of $20m (£16m) was negotiated "
               "down.", (Amt("$20m", 20e6, "USD", kind="cost"), Amt("£16m", 16e6, kind="cost"))),
    AmountCase("ocr-thousands", "The invoice was for £1,5OO.",
               (Amt("£1,5OO", 1_500.0, repaired=True),)),
    AmountCase("ocr-million", "The budget is £2.O million.",
               (Amt("£2.O million", 2e6, kind="cost", repaired=True),)),
    AmountCase("amount-in-list-line", "Year 1: £100,000\nYear 2: £110,000",
               (Amt("£100,000", 100_000.0), Amt("£110,000", 110_000.0))),
    AmountCase("amount-in-brackets", "The remaining balance (£12,500) will be returned.",
               (Amt("£12,500", 12_500.0),)),
    AmountCase("amount-after-slash", "The cost is £5k/£6k depending on the option chosen.",
               (Amt("£5k", 5_000.0), Amt("£6k", 6_000.0))),
    # thousands grouped by spaces
    AmountCase("spaced-thousands-dash", "The tender of £75 000 - from a local firm - was "
               "the lowest.", (Amt("£75 000", 75_000.0),)),
    AmountCase("spaced-thousands-two-groups", "A budget of £2 400 000 is set for the works.",
               (Amt("£2 400 000", 2_400_000.0, kind="cost"),)),
    AmountCase("spaced-thousands-comma", "The fee was £12 750, paid in two parts.",
               (Amt("£12 750", 12_750.0, kind="cost"),)),
    AmountCase("spaced-thousands-pence", "An invoice for £3 250.40 was settled.",
               (Amt("£3 250.40", 3_250.4),)),
    AmountCase("spaced-thousands-no-break-space", "The grant is £40\u00a0000.",
               (Amt(OneOf("£40 000", "£40\u00a0000"), 40_000.0, kind="grant"),)),
]

NEGATIVES = [
    AmountCase("percentage", "A 5% uplift applies from April.", ()),
    AmountCase("percent-word", "Costs rose by 12 per cent last year.", ()),
    AmountCase("years", "The scheme ran from 2019 to 2023.", ()),
    AmountCase("financial-year-alone", "The 2023/24 budget was agreed in March.", ()),
    AmountCase("count", "1,200 officers will be trained in 2025.", ()),
    AmountCase("company-number", "Northgate Analytics Ltd (company number 04567123) is the "
               "supplier.", ()),
    AmountCase("weight-weighing", "Each parcel weighing 20 pounds is logged.", ()),
    AmountCase("weight-of-goods", "The van carries 500 pounds of equipment.", ()),
    AmountCase("weight-lbs", "The limit is 40 pounds (18 kg) per item.", ()),
    AmountCase("paragraph-number", "See paragraph 4.14 of the Scheme of Delegation.", ()),
    AmountCase("phone-number", "Telephone 020 7983 4000 for enquiries.", ()),
    AmountCase("reference", "PCD 1234 was approved on 12 March 2024.", ()),
    AmountCase("metres", "The new CCTV mast is 2.5m tall.", ()),
    AmountCase("run-distance", "The 10k run raised awareness of the campaign.", ()),
    AmountCase("lone-pound-sign", "The £ column of the table is blank.", ()),
    AmountCase("rm-number", "The RM6100 agreement was used.", ()),
    AmountCase("millions-of-pounds", "The service has saved millions of pounds.", ()),
    AmountCase("thousands-of-pounds", "Thousands of pounds were lost to fraud.", ()),
    AmountCase("version-number", "Version 3.2 of the policy was adopted.", ()),
    AmountCase("ratio", "The ratio of officers to staff is 1:4.", ()),
    AmountCase("dates-slash", "The contract ends on 31/03/2026.", ()),
    AmountCase("section-number", "Section 106 of the Act applies.", ()),
    AmountCase("pound-as-verb", "Officers will pound the beat in Brixton.", ()),
    # a figure after a price is not always more of the price
    AmountCase("price-then-year", "Tickets cost £50 2019 prices applied.",
               (Amt("£50", 50.0, kind="cost"),)),
    AmountCase("price-then-count", "Places cost £30 200 people attended.",
               (Amt("£30", 30.0, kind="cost"),)),
    AmountCase("price-then-four-digits", "Entry is £15 1500 visitors came.", (Amt("£15", 15.0),)),
    AmountCase("price-then-line", "Unit price £45\n120 units", (Amt("£45", 45.0),)),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES),
)
def test_amounts(case: AmountCase) -> None:
    assert record_to_amounts(record_of(case.text)) == list(case.expected)


class KindCase(NamedTuple):
    id: str
    text: str
    amount: str  # the amount's text, as quoted
    kind: str


# What each kind means (schemas.record.Amount.kind): cost is spent or committed by the
# decision maker, grant is given, income comes in (receipts, sales, grants received from a
# funder), saving, variance (an overspend, underspend or other variance from budget),
# threshold (a limit or rule: never spend), other (none stated). Rows in pairs: the cue,
# then a sentence where the same word must not decide.
KIND_CASES = [
    # variance: overspend, underspend, variance, outturn position, deficit, pressures
    KindCase("overspend", "The forecast revenue overspend is £4.2m at month nine.", "£4.2m",
             "variance"),
    KindCase("underspend-of", "Children's services report an underspend of £650,000.",
             "£650,000", "variance"),
    KindCase("net-variance", "The capital programme shows a net variance of £1.1m.", "£1.1m",
             "variance"),
    KindCase("outturn", "The forecast outturn position is £2.3m over budget.", "£2.3m",
             "variance"),
    KindCase("outturn-is-spend", "The outturn for 2023/24 was spend of £105.2m.", "£105.2m",
             "cost"),
    KindCase("overspend-on-a-budget", "An overspend on the highways maintenance budget of "
             "£900k is forecast.", "£900k", "variance"),
    KindCase("overspend-risen-by", "The directorate overspend has risen by £300,000 to £1.9m.",
             "£300,000", "variance"),
    KindCase("pressures", "Demand pressures of £2m remain in adult care.", "£2m", "variance"),
    KindCase("deficit", "The dedicated schools grant deficit stands at £14m.", "£14m",
             "variance"),
    KindCase("budget-in-an-overspend-sentence", "The overspend will be met from the £5m "
             "contingency budget.", "£5m", "cost"),
    KindCase("price-in-an-overspend-sentence", "The contract price of £45,000 includes a "
             "margin against any overspend.", "£45,000", "cost"),
    # income: received, accepted, from a funder, receipts
    KindCase("accept-grant-from-funder", "MOPAC will accept grant funding of £250,000 from "
             "the Youth Endowment Fund.", "£250,000", "income"),
    KindCase("awarded-by-funder", "The Council has been awarded £1.2m by the Department for "
             "Education.", "£1.2m", "income"),
    KindCase("funding-from-funder", "Funding of £3m from the Department for Transport will "
             "support the scheme.", "£3m", "income"),
    KindCase("funder-grant", "A Home Office grant of £500,000 covers 2025/26.", "£500,000",
             "income"),
    KindCase("funder-offers-grant", "The Ministry of Justice has offered grant funding of "
             "£120,000 for the pilot.", "£120,000", "income"),
    KindCase("funder-abbreviation-in-brackets", "The Department for Transport (DfT) has "
             "allocated £2.5m to the Combined Authority.", "£2.5m", "income"),
    KindCase("government-grant", "Government grant funding of £0.4m is set against the "
             "costs.", "£0.4m", "income"),
    KindCase("funding-received-after", "The £84m funding received this year is ring-fenced.",
             "£84m", "income"),
    KindCase("capital-receipt", "The sale of the depot should generate a capital receipt of "
             "£2.4m.", "£2.4m", "income"),
    KindCase("receipt-not-funding", "The capital programme assumes capital receipt funding of "
             "£30m.", "£30m", "income"),
    KindCase("precept", "The Commissioner proposes to keep the police precept at £292 for a "
             "Band D property.", "£292", "income"),
    KindCase("collecting-the-precept-costs", "Collecting the precept costs £40,000 a year.",
             "£40,000", "cost"),
    KindCase("grant-given", "The Mayor will award a grant of £60,000 to the Riverside Trust.",
             "£60,000", "grant"),
    KindCase("report-received-far-away", "The committee received the annual report of the "
             "grants officer, which lists grants totalling £48,000 made under delegation.",
             "£48,000", "grant"),
    KindCase("grant-given-from-a-funders-grant", "The Authority will allocate £75,000 of its "
             "Home Office grant to the youth charity.", "£75,000", "grant"),
    KindCase("funder-named-far-away", "Funding from the Home Office ended in 2020, so the "
             "Mayor approved grants of £90,000 to the three refuges.", "£90,000", "grant"),
    KindCase("accept-a-tender", "The panel accepted the tender of £310,000 as the best value.",
             "£310,000", "cost"),
    # cost
    KindCase("cost-then-funded", "The revised cost of £8m will be funded from borrowing.",
             "£8m", "cost"),
    KindCase("quotation", "The quotation of £12,000 from a local contractor was the lowest.",
             "£12,000", "cost"),
    KindCase("aside-in-brackets", "Approve expenditure (from the ring-fenced funds) of up to "
             "£300,000.", "£300,000", "cost"),
    KindCase("contracts-plural", "Award of four contracts, in the sum of £2.2m, is "
             "recommended.", "£2.2m", "cost"),
    KindCase("revenue-is-not-income", "Approve expenditure of £85,000 revenue in 2025-26.",
             "£85,000", "cost"),
    KindCase("capital-is-not-cost", "Funding of £750,000 capital is allocated to the fund.",
             "£750,000", "grant"),
    KindCase("purpose-is-not-the-kind", "Funding of £2m to pay for the new roof has been "
             "secured.", "£2m", "grant"),
    KindCase("to-a-body-is-not-a-purpose", "A further £40,000 to the Heritage Fund is "
             "approved.", "£40,000", "grant"),
    # saving
    KindCase("save-running-costs", "The new rota will save running costs of £120,000 a year.",
             "£120,000", "saving"),
    KindCase("reduce-costs-by", "The restructure will reduce costs by £250,000.", "£250,000",
             "saving"),
    KindCase("reduced-price-is-a-cost", "The contract, at a reduced price of £40,000, was "
             "signed.", "£40,000", "cost"),
    # grant
    KindCase("grants-to-a-value", "Approve six grants to a total value of £180,000.",
             "£180,000", "grant"),
    KindCase("award-value-is-a-contracts", "The total award value is £11m.", "£11m", "cost"),
    KindCase("value-after-a-comma-is-not-the-grant", "The depot, bought with grant, has a "
             "value of £2m.", "£2m", "cost"),
    KindCase("allocate", "The Council will allocate £50,000 to the food bank.", "£50,000",
             "grant"),
    KindCase("granted", "Amounts granted to parish councils total £80,000.", "£80,000",
             "grant"),
    KindCase("sentence-opening-with-the-amount", "The scheme trains young film makers. "
             "£70,000 will be allocated to a local charity to run it.", "£70,000", "grant"),
    # threshold
    KindCase("class-of-tenders", "Approve procurement of all tenders above £500,000 in "
             "2025/26.", "£500,000", "threshold"),
    KindCase("class-of-grants", "Grants under £10,000 are approved by the director.",
             "£10,000", "threshold"),
    KindCase("reason-key-sign", "Reason Key: Expenditure > £250,000;", "£250,000",
             "threshold"),
    KindCase("key-decision-criterion", "This is a key decision because it involves "
             "expenditure or savings greater than £500,000.", "£500,000", "threshold"),
    KindCase("below-sign-in-a-rule", "Under the scheme of delegation, officers may approve "
             "spend < £25,000.", "£25,000", "threshold"),
    KindCase("contracts-over-years-not-a-limit", "The contracts over three years are worth "
             "£5m.", "£5m", "cost"),
    KindCase("key-decision-without-a-limit", "The key decision is to approve expenditure of "
             "£2m on the depot.", "£2m", "cost"),
]


KIND_KNOWN_MISSES = [
    known_miss(KindCase("head-noun-before-a-nearer-cue", "The cost of administering the grant "
                        "is £40,000.", "£40,000", "cost"),
               "the nearest cue wins; the head noun 'cost' is farther than 'grant'"),
]


@pytest.mark.parametrize("case", parametrize_groups(kind=KIND_CASES, kind_miss=KIND_KNOWN_MISSES))
def test_amount_kind(case: KindCase) -> None:
    kinds = [a.kind for a in record_of(case.text).amounts if a.text == case.amount]
    assert kinds == [case.kind]


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES, *KIND_CASES, *KIND_KNOWN_MISSES]
