"""Character patterns for a decision's own dates, as data, with examples.

A decision's dates stand in a few places, whatever the publisher (the kinds are the
record's `dates` fields, described in `schemas.record.Dates`):
- after a label at the start of a line: "Date of decision: 22/05/2018" (decided),
  "Publication date: 23/05/2018" (published), "Date signed:\\n20 April 2015" (signed),
  "Meeting: 13/03/2019 - Cabinet (Item 4)" (decided), "Dated | 17 February 2015" (signed);
- a decision listing's line opening with the date: "22/01/2025 - Mayor's Budget" (decided);
- a report's addressee line: "To: Cabinet, 30 January 2025" (decided, the meeting's date);
- the title line of minutes: "Deputy Leader – Minutes – 12 February 2020" (decided);
- a meeting and its date opening one of the first lines: "Meeting of Northmoor Park
  Authority, Friday 24th May 2019", "At a meeting of the X Committee held ... on 15 July
  1996" (decided);
- a signatory's closing line: "Jo Smith, Monitoring Officer, X Authority 15/05/2018" (signed);
- a date alone on one of the first lines of a letter or report, or closing its title line
  after a dash (published: the date the document bears).
A date in a sentence (a contract's start, another decision's date, a meeting mentioned in
passing) is none of these and is never read.  Label patterns are lower case: they are
searched case-free (`pipeline.extract.casefree`).
"""

from __future__ import annotations

import re

# A printed date, lower case.  "21st march 2024"  "22/01/2025"  "7/04/25"  "2024-02-29"
#   "sunday 02 june 2019"  "november 30th 2024"  "5 feb 2024"  "11.06.2015"
DATE = r"""(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?
    (?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[a-z]{3,9}\.?,?[ \t]+\d{4}
     | \d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)
     | \d{1,2}\.\d{1,2}\.\d{4}
     | \d{4}-\d{2}-\d{2}
     | [a-z]{3,9}[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4})"""

# Labels, each with its kind; a label must open its line (after a bullet or table bar:
# `pipeline.extract.layout.opens_line`).  The date follows on the same line or up to three
# lines down, after ":" or a table's "|".
DATE_LABEL = re.compile(
    rf"""(?P<label>
          date\ signed|signed\ on|date\ of\ signature|signature\ date|signed|dated|
          date\ of\ decision|decision\ date|date\ decided|decided\ at\ meeting|
          made\ at\ meeting|date\ of\ meeting|meeting|approved\ on|approved|
          date\ published|publication\ date|decision\ published|published|date)
        [ \t]*[:|]?[ \t]*(?:\n[ \t]*){{0,3}}(?:on[ \t]+)?
        (?P<date>{DATE})""",
    re.VERBOSE,
)
DATE_KINDS = {
    "date signed": "signed",
    "signed on": "signed",
    "date of signature": "signed",
    "signature date": "signed",
    "signed": "signed",
    "dated": "signed",
    "date of decision": "decided",
    "decision date": "decided",
    "date decided": "decided",
    "decided at meeting": "decided",
    "made at meeting": "decided",
    "date of meeting": "decided",
    "meeting": "decided",
    "approved on": "decided",
    "approved": "decided",
    "date published": "published",
    "publication date": "published",
    "decision published": "published",
    "published": "published",
    "date": "published",  # a bare "Date:" heading a form; under a signature it is `signed`
}

# A line that carries a signature, which makes the bare "Date:" under it the signing date.
#   "Signature: P. Jones"  "Signed: Alex Lee, Deputy Mayor"
SIGNATURE_LINE = re.compile(r"^[ \t•·*|]*(?:signature|signed)\b", re.MULTILINE)

# A decision listing's line opening with the decision's date.
#   "22/01/2025 - Mayor's Budget ref: 957"  "25/04/2019 - Growth Service"
LISTING_DATE = re.compile(
    r"""^[ \t]*(?P<date>\d{1,2}/\d{1,2}/\d{4})[ \t]+[–—-][ \t]+\w""",
    re.VERBOSE | re.MULTILINE,
)

# A committee report's addressee line with the meeting's date.
#   "To: Cabinet, 30 January 2025"  "To: Policy Committee – 4 March 2024"
ADDRESSEE_DATE = re.compile(
    rf"""^[ \t]*to[ \t]*:[ \t]*[^\n,–—]{{2,60}}(?:,|[ \t][–—-])[ \t]*(?P<date>{DATE})[ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)

# Minutes' title line with the meeting's date.
#   "Deputy Leader – Minutes – 12 February 2020"  "Minutes of the meeting held on 3 May 2023"
MINUTES_DATE = re.compile(
    rf"""\bminutes\b[^\n]{{0,60}}?(?:held\ on|[–—-])[ \t]*(?P<date>{DATE})[ \t]*$""",
    re.VERBOSE,
)

# A meeting named with its date on one of the first lines of an agenda item or minutes
# (decided: the meeting took the decision).
#   "- Meeting of Northmoor Park Authority, Friday 24th May 2019 10.00 am (Item 16/19)"
#   "At a MEETING of the ROADS SUB-COMMITTEE held in the Town Hall on Monday 15 July 1996"
# A meeting mentioned in a sentence ("at its meeting on ...") does not open the line.
MEETING_OF_DATE = re.compile(
    rf"""^[ \t]*(?:-[ \t]*)?(?:at[ \t]+(?:a|the)[ \t]+)?meeting[ \t]+of[ \t]+[^\n]{{2,200}}?
        (?:,|[ \t]on)[ \t]+(?P<date>{DATE})""",
    re.VERBOSE | re.MULTILINE,
)

# A full date closing the title line after a dash: the date the record bears (published,
# as a date alone near the top is), when no label gives one.
#   "15-2016 – Regional collaboration agreement – 24 March 2016"
# A period's date ("Parking charges – from 1 April 2024") is none: a period word stands
# between the dash and the date.
TITLE_CLOSING_DATE = re.compile(
    rf"""[ \t][–—-][ \t]*(?P<date>{DATE})[ \t]*$""",
    re.VERBOSE,
)

# A signatory's closing line: a name, a comma, a role, and the date.
#   "Jo Smith, Monitoring Officer, North East Combined Authority 15/05/2018 Approved"
SIGNATORY_DATE = re.compile(
    r"""^[A-Z][a-z]+(?:[ \t][A-Z][a-z'-]+){1,2},[^\n]{0,200}?
        \b(?:Officer|Director|Executive|Mayor|Commissioner|Leader|Member|Manager|Head|Chief)
        \b[^\n]{0,120}?(?P<date>\d{1,2}/\d{1,2}/\d{4})""",
    re.VERBOSE | re.MULTILINE,
)

# A date alone on a line (the date a letter or report bears), HTML line breaks allowed.
#   "30 November 2016"  "18 December 2002<br />"
LONE_DATE = re.compile(
    rf"""^[ \t]*(?P<date>{DATE})[ \t]*(?:<br[ \t]*/?>)?[ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)
