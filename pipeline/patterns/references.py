"""Character patterns for a decision's own reference code, as data, with examples.

A decision prints its code in a few layouts, whatever the publisher:
- after a label, at the start of a line: "Reference code: PCD 1026", "Decision Ref:\\n2023/50",
  "Decision Reference Number: WPC3-0054", "Appeal Ref: APP/K5600/W/17/3177810",
  "(Forward Plan Reference FP1046)", "DECISION MADE: (CAB 18/19 21646)";
- at the end of a listing's title line: "22/01/2025 - Mayor's Budget ref: 957    Approved";
- at the start of the title line: "PCD 1361 Youth grants", "2017-36248 Mechanical maintenance",
  "25 – 2013", "NFRS Decision Record 41 – Pumping appliances", "Decision 028-2021 – CARS";
- alone on a line near the top: "PDU/0553/01", "023/2013".
Label patterns are written in lower case: they are searched case-free (see
`pipeline.extract.casefree`); the code itself is read from the original text by offset and
matched case-sensitively, since a code's capitals are what tell it from a word.
"""

from __future__ import annotations

import re

# One code, as printed.  Digit groups may be joined by "/", ".", "-", a space or a spaced
# dash; a letter prefix may be glued or spaced; slash-separated segments may hold letters;
# a planning application's number ends in letters (`PLANNING_CODE`).
#   "PCD 1026"  "DD2707"  "DMPCD 2015 129"  "WPC3-0054"  "CAB 18/19 21646"  "D47769"
#   "2023/50"  "24/00096"  "16 005 626"  "25 – 2013"  "2015.064"  "1490"
#   "PDU/0553/01"  "D&P/0150c/02"  "APP/K5600/W/17/3177810"  "AUG25/CMDN/28"
#   "23/00445/OUT"  "11/0753C"
CODE = r"""(?:
    \d{2,4}/\d{3,6}(?:/[A-Z]{2,6}|[A-Z])
  | [A-Z][A-Z&]{0,5}[ \t]?\d{1,7}[a-z]?(?:(?:[/.-]|[ \t])\d{1,7}[a-z]?){0,3}
  | \d{1,7}(?:(?:[/.]|-(?:[ \t]*\n[ \t]*)?|[ \t]|[ \t]?[–—][ \t]?)\d{1,7}){0,3}
  | [A-Z][A-Z&]{1,5}\d{0,4}(?:/[A-Z0-9]{1,8}[a-z]?){2,5}
  )(?![\w/&])"""

REFERENCE_VALUE = re.compile(rf"\(?[ \t]*(?P<ref>{CODE})", re.VERBOSE)

# A labelled reference; the label must open its line or a table cell (checked by
# `pipeline.extract.layout.opens_cell`), or follow the title in brackets when it is a
# forward-plan or key-decision label ("(Forward Plan Reference FP1046)", "[Key Decision:
# CS/04/21]"; a key decision's own code has three digits: "Key decision: 1" is no code).
# The value may sit on a later line.  The label ends in a colon or full stop; the
# forward-plan and key-decision labels may stand bare.
#   "Reference code: PCD 1026"  "Reference code: \nPCD 203"  "Decision Ref:\n\n2023/50"
#   "DECISION NO:\n24/00096"  "Complaint reference:\n16 005 626"  "Reference: D47769"
#   "Decision Reference Number: WPC3-0054"  "Appeal Ref: APP/K5600/W/17/3177810"
#   "DECISION MADE: (CAB 18/19 21646)"  "[Key Decision: R&ED/16/13]"
# Not labels of the decision's own code: "Our ref"/"Your ref" (a letter's file reference),
# "Framework ref"/"Company number" (another thing's number): they never open the line.
REFERENCE_LABEL = re.compile(
    r"""(?P<label>
            (?:reference\ code|decision\ ref(?:erence)?(?:\ number|\ no\.?)?|
               ref(?:erence)?\ no\.?|reference\ number|decision\ no\.?|decision\ number|
               complaint\ reference|case\ reference|report\ reference|appeal\ ref(?:erence)?|
               ref|reference|decision\ made)
            (?=[ \t]*[:.])
          | (?P<bare>(?:forward\ plan|key\ decision)\ (?:ref(?:erence)?|no\.?|number)
              | key\ decision(?=[ \t]*:)))
        [ \t]*[:.]?[ \t]*\n?(?:[ \t]*\n)*[ \t]*
        (?P<value>[^\n]{1,40})""",
    re.VERBOSE,
)

# A listing's title line ends with the code: "08/06/2023 - Salford grant ref: 2092    Approved".
# The word before "ref" must not name another thing ("framework ref: RM6186"): see
# `OTHER_THINGS_NUMBERED`.
TITLE_LINE_REF = re.compile(
    rf"""\b[Rr]ef(?:erence)?[ \t]*:[ \t]*(?P<ref>{CODE})[ \t]*(?:$|[ \t]{{2}}|\|)""",
    re.VERBOSE | re.MULTILINE,
)
OTHER_THINGS_NUMBERED = frozenset({
    "framework", "contract", "company", "lot", "tender", "ojeu", "procurement", "order",
    "invoice", "supplier", "vendor", "charity", "registration", "application", "grant",
    "your", "our", "project", "scheme", "planning",
})

# A decision listing's line, wherever it stands in the page: its date, a dash, the title and
# "ref: N" ("15/09/2022 - Housing allocations policy. ref: 2190    Approved"). The page may
# open with an introduction to the listing, so the line need not be the first one.
LISTING_REF_LINE = re.compile(
    r"""^[ \t•·]*\d{1,2}/\d{1,2}/\d{4}[ \t]+[–—-][ \t]+[^\n]*?\b[Rr]ef(?:erence)?[ \t]*:""",
    re.VERBOSE | re.MULTILINE,
)

# A title line that starts with a code of a known decision series (the series' own prefix):
# "MD2012 Homes for Londoners", "PCD 1361 NDT grant funding", "• PCD 1448 Pension ...", and
# after a decision-form heading: "DMPC Decision – PCD 1026", "MAYORAL DECISION – MD3012".
TITLE_CODE = re.compile(
    r"""^[ \t•·]*
        (?:(?:DMPC|Mayoral|MAYORAL|Director|DIRECTOR|Officer|OFFICER|Key|KEY)[ \t]+
           (?:Decision|DECISION)[ \t]*(?:[–—:-][ \t]*)?)?
        (?P<ref>(?:PCD|DMPCD|MD|DD|ADD|PCC|CFO|DPCD|OPCC|DN)[ \t]?\d{1,5}
        (?:[ \t/]\d{1,5}){0,2})\b""",
    re.VERBOSE | re.MULTILINE,
)

# The first line of a decision starting with a bare code: "2017-36248 Mechanical
# maintenance", "25 – 2013", "2013/038 |", "2015.064 Paul Smith", "2018-\n140687".
# Checked by `plausible_code` (no date, year range or financial year).
TITLE_START_CODE = re.compile(
    r"""^[ \t•·]*(?P<ref>\d{1,7}(?:[/.]|-(?:[ \t]*\n[ \t]*)?|[ \t]?[–—][ \t]?)\d{1,7})
        (?=[ \t]*(?:$|\||[ \t]+\S))""",
    re.VERBOSE | re.MULTILINE,
)

# A title line opening with a letter-prefixed code, then a spaced dash and the title:
# "LCR 194 - Levelling Up Fund bid", "ABC 1022 – Depot lease". The number has three digits or
# more and is no year ("ULEZ 2023 - Scrappage" names a year), so road names and short counts
# ("A1 - junction", "COVID 19 - Support") are none.  Numbers of other things are none
# either: a CCS framework ("RM6187", the Crown Commercial Service's numbering), a standard
# ("ISO 9001", "BS 7671", "EN 1176", "IEC 62443", "PAS 2035": the standards bodies'
# series) or the NHS's service number ("NHS 111").
TITLE_PREFIX_CODE = re.compile(
    r"""^[ \t•·]*(?!(?:RM|ISO|BS|EN|IEC|PAS|NHS)[ \t]?\d)
        (?P<ref>[A-Z]{2,6}[ \t]?(?!(?:19|20)\d\d\b)\d{3,7})
        [ \t]+[–—-][ \t]+[A-Z]""",
    re.VERBOSE,
)

# A planning application's number: two-digit year, a serial, then a letter suffix naming the
# kind of application, after a slash or glued.
#   "23/00445/OUT"  "2019/0412/FUL"  "11/0753C"  "09/1234M"
PLANNING_CODE = r"(?:\d{2}(?:\d\d)?/\d{3,6}(?:/[A-Z]{2,6}|[A-Z]{1,2}))(?![\w/])"

# Where a planning decision prints its application's number: opening the title line, after
# an agenda item's number ("61 23/00445/OUT - Land at Mill Lane"), or after "application"
# in the text ("a report on planning application No. 11/0753C").  Only the code's letters
# tell it from a date or a count, so other codes are not read here.
PLANNING_TITLE = re.compile(
    rf"""^[ \t•·]*(?:\d{{1,3}}[.:]?[ \t]+)?(?P<ref>{PLANNING_CODE})(?=[ \t]|$)""",
    re.VERBOSE,
)
# The pattern starts at "pplication", a literal the search skips to (twenty times faster
# than a class or lookbehind first): the word's "A"/"a" is checked by the code.
PLANNING_APPLICATION = re.compile(
    rf"""pplication[ \t]+(?:(?:[Nn]o\.?|[Nn]umber|[Rr]ef(?:erence)?\.?)[ \t]*:?[ \t]*)?
        (?P<ref>{PLANNING_CODE})""",
    re.VERBOSE,
)

# A code of a series numbered within each financial year, closing the title line:
# "Award of the fleet contract ABC04 19/20". The year pair must be a financial year.
TITLE_YEAR_CODE = re.compile(
    r"""[ \t](?P<ref>[A-Z]{2,6}\d{1,4}[ \t](?P<y1>\d\d)/(?P<y2>\d\d))[ \t]*$""",
    re.VERBOSE,
)

# A named decision series and its number at the start of a line: "NFRS Decision Record 41 –
# Pumping appliances", "Decision Log 008/2013"; the series' words are part of the code.
SERIES_CODE = re.compile(
    r"""^[ \t•·]*(?P<ref>(?:[A-Z]{2,6}[ \t]+)?Decision[ \t]+(?:Record|Log|Notice|Sheet)
        [ \t]+(?:No\.?[ \t]*)?\d{1,5}(?:[/.-]\d{1,5})?)(?![\w/])""",
    re.VERBOSE | re.MULTILINE,
)

# "Decision <code>" opening a line and followed by its title, as listing links print it:
# "Decision 028-2021 – CARS", "Decision10422. Unsupported applications", "Decision 43 – 2014.
# Release of funding".  Numbered resolutions ("Decision 2: to approve") are not codes:
# `plausible_code` asks for three digits or two groups.
# (The line start is checked by `pipeline.extract.layout.opens_line`.)
DECISION_NUMBER_LINE = re.compile(
    rf"""Decision[ \t]?(?:No\.?[ \t]*)?(?P<ref>{CODE})
        [ \t]*(?:[.:]|[ \t][–—-][ \t]|$)""",
    re.VERBOSE | re.MULTILINE,
)

# A line that is only a code, near the top: "PDU/0553/01", "023/2013", "023/2013<br />".
CODE_LINE = re.compile(
    r"""^[ \t]*(?P<ref>[A-Z][A-Z&]{1,5}\d{0,4}(?:/[A-Z0-9]{1,8}[a-z]?){2,5}
          | \d{1,7}(?:/|-|[ \t][–—-][ \t])\d{1,7})
        [ \t]*\|?[ \t]*(?:<br[ \t]*/?>)?[ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)

# Shapes that look like codes but are not: dates, financial years, year ranges, months.
#   "13/07/2021"  "11.06.2015"  "2018-19"  "2020/21"  "2017-2021"  "06/2015"  "2024-03"
NOT_A_CODE = re.compile(
    r"""^(?:(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})
         | (?P<month_year>(?:0?[1-9]|1[0-2])[ \t]*[/.–—-][ \t]*(?:19|20)\d\d
             | (?:19|20)\d\d-(?:0[1-9]|1[0-2]))
         | (?P<y1>(?:19|20)\d\d)[ \t]*[/.–—-][ \t]*(?P<y2>(?:19|20)?\d\d))$""",
    re.VERBOSE,
)
