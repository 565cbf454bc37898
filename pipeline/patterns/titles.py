"""Character patterns for a decision's title, and for the lines that never are one.

A title is labelled ("Title:", "Subject:", "Report title |", "Re:"), or is the text of a
decision listing's line ("22/01/2025 - Mayor's Budget ref: 957    Approved"), or is the first
line of content after the page's furniture, the document's kind ("planning report"), its
particulars ("Decision Maker: Cabinet", a code or date alone, "Our ref: ..."), and a letter's
salutation. Running text is never a title: where the content starts with a sentence, the
document prints no title. Patterns are searched case-free where noted (written lower case).
"""

from __future__ import annotations

import re

# Page furniture at the start of a saved web page, never a title (case-free).
BOILERPLATE_LINE = re.compile(
    r"""^(?:skip\ to\ main\ content|.*\blogo\b.*|home|key\ information|agenda\ item|
          decision\ details|page\ type:.*|share\ this\ page|menu|search|cookies?.*|
          accessibility(?:\ options)?|issue\ -\ (?:meetings|decisions)|council\ meetings|
          print\ this\ page|back\ to\ top|view\ decision|\|)$""",
    re.VERBOSE | re.IGNORECASE,
)

# A line naming only the kind of document, never its title (case-free).
#   "planning report"  "NOTICE OF DECISION"  "Record of decision"  "NON-CONFIDENTIAL"
DOCUMENT_KIND_LINE = re.compile(
    r"""^(?:(?:planning|committee|cabinet|officer|council|stage\ [12i]+)?\ ?report|
          (?:notice|record)\ of\ (?:a\ |the\ )?(?:decision|executive\ decision)|
          (?:(?:officer|key|delegated|executive|mayoral|director|urgent)\ )?decision
            (?:\ (?:notice|record|form|sheet))?|
          (?:non-?)?confidential|not\ protectively\ marked|for\ publication|official|
          part\ (?:1|2|i|ii|one|two)|public|open)$""",
    re.VERBOSE | re.IGNORECASE,
)

# A letter's salutation or file references, never a title.
#   "Dear Sir"  "Dear Ms Patel,"  "Our ref: JB/2291"  "Your reference 12345"
LETTER_LINE = re.compile(r"^(?:dear\b.*|(?:our|your)\ ref(?:erence)?\b.*)$",
                         re.VERBOSE | re.IGNORECASE)

# A form's "label: value" line or a label waiting for its value on the next line: never a
# title.  A label is one word ("Summary:"), a sentence-case phrase of up to four words
# ("Type of decision:", "Date signed:"), a question ("Is Key decision?:"), a capitalised
# phrase ending in a form-label noun ("Decision Maker:", "Wards Affected:"), or capitals
# ("DECISION NO:").  A title with a colon keeps capitals before it ("Homes for Londoners:
# affordable housing", "Innovation Fund: Stephenson Challenge").
LABEL_LINE = re.compile(
    r"""^(?:[A-Z][a-z]+(?:[ \t][a-z/()&]+){0,3}
         | (?:[A-Z][A-Za-z]+[ \t]){1,3}(?:Maker|Affected|Officer|Author|Status|Code|Number|
              Ref|Reference|Date|Type|Directorate|Holder|Contact|Classification|Signature)
         | Is[ \t][^:\n]{1,40}\?
         | [A-Z]{2,}(?:[ \t][A-Z]{2,}){0,4}\.?)
        [ \t]*:""",
    re.VERBOSE,
)

# A labelled title (case-free).  "Subject: Refurbishment of Westgate Library"  "Title: ..."
#   "Subject Matter / Title of Decision\nCommissioning Plan ..."  "Report title | Aylesbury"
#   "Issue:\n\nReserves Strategy"  "Decision Title:\nSettlement of a claim"  "Re: Mill Lane"
# The label opens its line (`pipeline.extract.layout.opens_line`) and ends at a colon, a
# table bar or the line's end: "Issues for consideration" and "Issue - meetings" are no
# labels.
TITLE_LABEL = re.compile(
    r"""(?:subject(?:\ matter)?(?:\ /\ title\ of\ decision)?|title\ of\ decision|
          (?:report|decision)\ title|issue|title|re)
        (?:[ \t]*[:|][ \t]*(?:\n[ \t]*){0,3}|[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*)
        (?P<title>[^\n]{3,})""",
    re.VERBOSE,
)

# A decision listing's line: the decision's date, its title, its code and its status.
#   "22/01/2025 - Mayor's Budget ref: 957    Recommendations Approved"
LISTING_LINE = re.compile(
    r"""^[ \t]*\d{1,2}/\d{1,2}/\d{4}[ \t]+[–—-][ \t]+(?P<title>.+?)
        (?:[ \t]+ref(?:erence)?:[ \t]*\S+.*)?$""",
    re.VERBOSE,
)

# What a page adds after a linked document's name ("pdf icon PDF 149 KB", "(application,
# 97kB)"), and inline formatting markup left in a saved page's text ("<strong>", "<br />").
# Other markup is text to keep (and to escape wherever it is shown): "<script>" stays.
LINK_FURNITURE = re.compile(
    r"""[ \t]*(?:pdf\ icon\ )?PDF[ \t]+\d+(?:\.\d+)?[ \t]*[KM]B[ \t]*$
      | [ \t]*\((?:[a-z]+,[ \t]*)?\d+(?:\.\d+)?[ \t]?[kKmM]B\)[ \t]*$
      | </?(?:strong|b|em|i|u|span|br|p|font|sup|sub)[ \t]*/?>""",
    re.VERBOSE,
)
