"""Character patterns for money, as data: each constant says what it matches, with examples.

spaCy's tokenizer splits "£1.2m" into three tokens and keeps "10k–£20k" as one, so
amounts are found on characters and handed to the token pipeline as spans. Choosing
between candidates (is this money? which scale?) is code, in `pipeline/extract/money.py`.
"""

from __future__ import annotations

import re

# Currency written before the figure: a symbol ("£", "$", "€", "¥"; "US$", "A$" are read
# by looking back from the "$") or a code ("GBP ", "EUR", "USD").  Patterns that start with
# a symbol are searched fast; codes are searched only where one occurs.
CURRENCY_SYMBOL = r"(?P<symbol>[£€$¥])"
CURRENCY_CODE = r"(?P<code>\b(?:GBP|EUR|USD|AUD|CAD|CHF|JPY|[Gg]bp|[Ee]ur|[Uu]sd))\s?"
CURRENCY_CODES = ("GBP", "EUR", "USD", "AUD", "CAD", "CHF", "JPY", "gbp", "usd")

# A figure, with OCR slips O/o for 0 inside it (flagged as a repair later).
#   "737.4"  "31,185.00"  "10,000"  "1OO"  "0.5"
FIGURE = r"""
    (?P<int>\d(?:[\dOo]|,(?=[\dOo]{3}(?![\dOo])))*)
    (?:\.(?P<frac>[\dOo]+))?
"""

# Thousands grouped by spaces, as some councils and the SI style write them: the groups
# after a plain one-to-three digit figure ("£50 000", "£1 250 000", "£12 500.50").
# Matched at the end of the figure; a space, no-break space or thin space before each
# group of exactly three digits.  Whether the groups belong to the amount is decided in
# code (`pipeline.extract.money._spaced_groups`): "£50 2019" (four digits) never
# matches, and "£50 100 people" (one group, a word after it) is left as £50.
SPACED_THOUSANDS = re.compile(
    r"(?P<groups>(?:[ \u00a0\u2009\u202f]\d{3})+)(?!\d)(?:\.(?P<pence>\d{2})(?!\d))?")
# What may follow a single spaced group for it to count: punctuation on the same line.
SPACED_GROUP_END = re.compile(r"[ \u00a0]?(?:[-–—,;:)]|\.(?!\d))")

# Scale after a figure.  "k" "K" "m" "M" "mn" "bn" "b" "T" "tn" (m, mn and bn may also
# follow a space: "£12.5 m"), or a word after a space:
#   "£5 million"  "£1.125 million"  "£2.5 billion"  "£20 thousand"
SCALE = r"""
    (?:
        (?P<scale_sym>k|K|m|M|mn|bn|Bn|BN|b|tn|T|(?<=\d)[ ](?:m|M|mn|bn|BN))(?![A-Za-z0-9&])
      | \s?(?P<scale_word>[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|THOUSAND|MILLION|BILLION)
        s?\b
    )
"""

# Currency written after the figure or its scale.  "5 million pounds", "20 Million Dollars"
CURRENCY_SUFFIX = r"""
    \s(?P<suffix>[Pp]ounds?(?:\ [Ss]terling)?|[Ss]terling|[Ee]uros?|[Dd]ollars?|POUNDS|EUROS
      |DOLLARS|GBP|EUR|USD)\b
"""

# One amount with its currency written first: "£737.4k", "GBP 10,000", "US$ 20m",
# "£5 million pounds".  (Two patterns, not one with an optional prefix: a pattern that
# may start with a digit is tried at every digit of every number, and is slow.)
MONEY = re.compile(
    rf"""
    {CURRENCY_SYMBOL}\s?
    {FIGURE}
    (?:{SCALE})?
    (?:{CURRENCY_SUFFIX})?
    """,
    re.VERBOSE,
)
MONEY_CODED = re.compile(
    rf"""
    {CURRENCY_CODE}
    {FIGURE}
    (?:{SCALE})?
    (?:{CURRENCY_SUFFIX})?
    """,
    re.VERBOSE,
)
# Letters before a "$" that name the dollar: "US$", "US $", "A$", "C$", "NZ$".
DOLLAR_PREFIX = re.compile(r"(?<![A-Za-z])(?:US\s?|NZ|A|C)\Z")

# One amount with its currency written after it: "5 million pounds", "20 Million
# Dollars", "10,000 GBP".  Without a scale word ("20 pounds") it is only money where
# `WEIGHT_BEFORE`/`WEIGHT_AFTER` say it is not a weight.  Searched only where
# `CURRENCY_WORD` occurs.
MONEY_SUFFIXED = re.compile(
    rf"""
    (?<![\w.,£$€])
    {FIGURE}
    (?:{SCALE})?
    {CURRENCY_SUFFIX}
    """,
    re.VERBOSE,
)

# The far end of a range whose near end is an amount: "£10k–£20k", "£10-20k",
# "£10k to £20k" (the second amount is found by MONEY too; this one only catches
# "£10–20m", where the far end has no currency of its own).
RANGE_TAIL = re.compile(  # used with .match(text, pos): anchored at pos
    rf"""
    \s?(?:-|–|—|to)\s?{FIGURE}(?:{SCALE})
    """,
    re.VERBOSE,
)

# Amounts in words.  "five million pounds", "one hundred and fifty thousand pounds",
# "two hundred euros".
NUMBER_WORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|a"
)
# Cheap tests (substrings of the lower-cased text) for whether `MONEY_SUFFIXED` or
# `MONEY_IN_WORDS` can match: scanning for them costs more than the rest together.
CURRENCY_WORDS = (" pound", " euro", " dollar")
CURRENCY_AFTER = (*CURRENCY_WORDS, "sterling", " gbp", " eur", " usd")
# Cheap test for `PENCE`: a digit followed by "p". Written from the "p" back, so the
# search jumps between letters p (a pattern opening with a class tries every character).
PENCE_CUE = re.compile(r"p(?<=\dp)")
MONEY_IN_WORDS = re.compile(
    rf"""
    \b(?P<words>(?:{NUMBER_WORD})(?:(?:\s|-|\sand\s)(?:{NUMBER_WORD}))*)
    \s(?P<suffix>pounds?(?:\ sterling)?|euros?|dollars?)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Words before "N pounds" that make it a weight: "weighing 20 pounds", "weight of".
WEIGHT_BEFORE = re.compile(
    r"\b(?:weigh\w*|weight\s+of|heavier|lighter|mass\s+of)\W+(?:\w+\W+)?\Z", re.IGNORECASE
)
# Words after "N pounds" that make it a weight: "20 pounds of potatoes", "in weight".
WEIGHT_AFTER = re.compile(
    r"\s*(?:of\s+(?!(?:funding|grant|public|tax|expenditure|spend)\b)"
    r"[a-z]+|in\s+weight|\(?\s*lbs?\b|\(?\s*(?:\d[\d.,]*\s*)?kg\b)",
    re.IGNORECASE,
)

SYMBOL_CURRENCY = {
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "US $": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
    "¥": "JPY",
}
SUFFIX_CURRENCY = {
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "pound sterling": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "gbp": "GBP",
    "eur": "EUR",
    "usd": "USD",
}
SCALE_FACTOR = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trillion": 10**12,
}

# The period an amount covers, written just after it (matched, with .match(text, pos,
# endpos), on the words between the amount and the next amount or its sentence's end).
#   "per annum"  "p.a."  "a year"  "over 2 years"  "for a further 12 months"
#   "in 2023/24"  "for 2025-26"  "in financial year 2024-25"  "in FY2022-23"
PERIOD_AFTER = re.compile(
    r"""[^.;]{0,40}?(?<![\w])
    (?P<period>
        per\s+(?:annum|year|month|week|quarter|day)\b | p\.?a\.?(?![\w]) | annually\b | monthly\b
      | (?:a|each|every)\s+(?:year|month|week|quarter)\b | yearly\b | weekly\b
      | (?:over|for|across|covering)\s+(?:(?:a|the|an|initial|further|next|first|potential)\s+)*
        (?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
        [\s-]*(?:years?|months?|weeks?|yrs?)\b(?:\s+period)?
      | (?:in|for|during|from)\s+(?:the\s+)?(?:(?:financial|fiscal)\s+years?\s+|FY\s?)?
        (?:19|20)\d\d(?:\s?[/–-]\s?(?:19|20)?\d\d)?
        (?:\s?(?:[–-]|to)\s?(?:19|20)\d\d(?:\s?[/–-]\s?\d\d)?)?
    )""",
    re.VERBOSE | re.IGNORECASE,
)

# Pence.  "50p"  "12.5p"  (value in pounds: 0.50, 0.125)
PENCE = re.compile(r"(?<![\w£$€.,])(?P<pence>\d{1,3}(?:\.\d{1,2})?)p(?![\w%])")
