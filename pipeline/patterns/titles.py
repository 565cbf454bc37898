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

# Page furniture at the start of a saved web page, never a title (case-free): a line made
# only of the names of a page's links, tabs and headings ("Accessibility Settings Skip to
# main content", "- Decision details Content"), or opening with a site template's unfilled
# placeholder ("{meta} 10 May 2022 - 24 May 2022").
_FURNITURE = r"""(?:skip\ to\ (?:main\ )?content|home|key\ information|agenda\ item|
    decision\ details|content|share\ this\ page|menu|search|
    accessibility(?:\ options|\ settings)?|issue(?:\ details|\ history)?|
    issue\ -\ (?:meetings|decisions)|agenda\ and\ decisions|decisions(?:\ published)?|
    council\ meetings|print\ this\ page|back\ to\ top|view\ decision|media|items|
    no\.\ item|\|)"""
BOILERPLATE_LINE = re.compile(
    rf"""^(?:[-–][ \t]*)?
        (?:.*\blogo\b.*|page\ type:.*|cookies?.*|\{{[a-z_]+\}}.*
         | {_FURNITURE}(?:[ \t]+{_FURNITURE})*)$""",
    re.VERBOSE | re.IGNORECASE,
)

# A line naming only the kind of document, never its title (case-free).
#   "planning report"  "NOTICE OF DECISION"  "Record of decision"  "NON-CONFIDENTIAL"
#   "Officer Decisions"
DOCUMENT_KIND_LINE = re.compile(
    r"""^(?:(?:planning|committee|cabinet|officer|council|stage\ [12i]+)?\ ?report|
          (?:notice|record)\ of\ (?:a\ |the\ )?(?:decision|executive\ decision)|
          (?:(?:officer|key|delegated|executive|mayoral|director|urgent)\ )?decisions?
            (?:\ (?:notice|record|form|sheet))?|
          (?:non-?)?confidential|not\ protectively\ marked|for\ publication|official|
          part\ (?:1|2|i|ii|one|two)|public|open)$""",
    re.VERBOSE | re.IGNORECASE,
)

# A letter's salutation or file references, never a title.
#   "Dear Sir"  "Dear Ms Patel,"  "Our ref: JB/2291"  "Your reference 12345"
LETTER_LINE = re.compile(r"^(?:dear\b.*|(?:our|your)\ ref(?:erence)?\b.*)$",
                         re.VERBOSE | re.IGNORECASE)

# A role and the person holding it, as a decision page prints its decision maker or
# signatory, never a title.  "Head of Digital Services - Jo Bloggs"  "Chief Executive &
# Head of Paid Service – A. Person"; "Director of Public Health annual report" is a title.
ROLE_HOLDER_LINE = re.compile(
    r"""^(?:Head|Director|Chief|Assistant|Deputy|Corporate|Executive|Strategic|Cabinet|
          Leader|Portfolio|Group)\b[^\n]*[ \t][–—-][ \t]
        (?:Cllr\.?[ \t]|Councillor[ \t])?[A-Z][a-z]*\.?(?:[ \t][A-Z][a-z'-]+){1,2}$""",
    re.VERBOSE,
)

# An agenda item's number opening a linked item's line ("11: Borrowing regulations PDF 194
# KB", "61 Land at Mill Lane pdf icon PDF 467 KB"): not part of the title.  Only a line
# that ends in a link's size loses it ("3 Year Capital Programme" keeps its number).
AGENDA_ITEM_NUMBER = re.compile(r"^\d{1,3}(?::[ \t]*|[ \t]+)(?=[A-Z0-9])")
LINKED_LINE = re.compile(r"(?:PDF[ \t]+\d+(?:\.\d+)?[ \t]*[KM]B|\d[ \t]?[kKmM]B\))[ \t]*$")

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
# 97kB)"), inline formatting markup left in a saved page's text ("<strong>", "<br />") and
# a site template's unfilled placeholders ("{sidenav}").
# Other markup is text to keep (and to escape wherever it is shown): "<script>" stays.
LINK_FURNITURE = re.compile(
    r"""[ \t]*(?:pdf\ icon\ )?PDF[ \t]+\d+(?:\.\d+)?[ \t]*[KM]B[ \t]*$
      | [ \t]*\((?:[a-z]+,[ \t]*)?\d+(?:\.\d+)?[ \t]?[kKmM]B\)[ \t]*$
      | </?(?:strong|b|em|i|u|span|br|p|font|sup|sub)[ \t]*/?>
      | \{[a-z_]+\}""",
    re.VERBOSE,
)
