"""Character patterns for a decision's own particulars, as data, with examples."""

from __future__ import annotations

import re

# A labelled reference; the value may sit on a later line.
#   "Reference code: PCD 1026"  "Reference code: \nPCD 203"  "Decision Ref:\n\n2023/50"
#   "DECISION NO:\n24/00096"  "Complaint reference:\n16 005 626"  "... ref: 1490    Rec..."
# (Label patterns are written in lower case: they are searched case-free, see
# `pipeline.extract.casefree`.)
REFERENCE_LABEL = re.compile(
    r"""(?:reference\ code|decision\ ref(?:erence)?|ref(?:erence)?\ no\.?|decision\ no\.?|
          decision\ number|complaint\ reference|our\ ref(?:erence)?|case\ reference|
          report\ reference|key\ decision\ reference|\bref)
        [ \t]*[:.][ \t]*\n?(?:[ \t]*\n)*[ \t]*
        (?P<value>[^\n]{1,40})""",
    re.VERBOSE,
)

# What a reference looks like: a code with a digit, not a word or a date.
#   "PCD 1026"  "DD2707"  "DMPCD 2015 129"  "2023/50"  "CFO 2013/02"  "24/00096"
#   "16 005 626"  "PDU/0553/01"  "1490"  "MD2153"
REFERENCE_VALUE = re.compile(
    r"""(?P<ref>
        (?:[A-Z]{1,6}[ \t]?)?\d{1,5}(?:[ \t/.-]\d{1,5}){0,3}
      | [A-Z]{2,6}/\d{2,5}(?:/\d{1,4}){0,2}
    )(?![\w/])""",
    re.VERBOSE,
)

# A title line that starts with the decision's code: "MD2012 Homes for Londoners",
# "PCD 1361 NDT grant funding", "• PCD 1448 Pension Forfeiture Stage 3".
# Also after a decision-form heading: "DMPC Decision – PCD 1026", "MAYORAL DECISION – MD3012".
TITLE_CODE = re.compile(
    r"""^[ \t•·]*
        (?:(?:DMPC|Mayoral|MAYORAL|Director|DIRECTOR|Officer|OFFICER|Key|KEY)[ \t]+
           (?:Decision|DECISION)[ \t]*(?:[–—:-][ \t]*)?)?
        (?P<ref>(?:PCD|DMPCD|MD|DD|ADD|PCC|CFO|DPCD|OPCC|DN)[ \t]?\d{1,5}
        (?:[ \t/]\d{1,5}){0,2})\b""",
    re.VERBOSE | re.MULTILINE,
)

# A line that is only a code: "PDU/0553/01".
CODE_LINE = re.compile(r"^[ \t]*(?P<ref>[A-Z]{2,6}/\d{2,5}/\d{1,4})[ \t]*$", re.MULTILINE)

# Who decided.  "Decision by: Sophie Linden, Deputy Mayor, Policing and Crime"
#   "Authorisation name: \nSophie Linden, ..."  "Decision Maker: GM Deputy Mayor"
DECISION_MAKER = re.compile(
    r"""(?:decision\ by|decision\ maker|authorisation\ name|decision\ (?:to\ be\ )?taken\ by|
          approved\ by)
        [ \t]*:[ \t]*\n?(?:[ \t]*\n)*[ \t]*(?P<who>[^\n]{2,120})""",
    re.VERBOSE,
)

# Issuing body by reference prefix, where the body's own scheme is known.
BODY_BY_PREFIX = {
    "PCD": "Mayor's Office for Policing and Crime",
    "DMPCD": "Mayor's Office for Policing and Crime",
    "MD": "Greater London Authority",
    "DD": "Greater London Authority",
    "ADD": "Greater London Authority",
    "PDU": "Greater London Authority",
}

# Issuing body named in the document's first lines.
#   "KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION"  "London Borough of Southwark"
BODY_NAMED = re.compile(
    r"""(?P<body>
        (?:[A-Z][A-Za-z]+[ \t]){1,3}(?:County|Borough|City|District|Town|Parish)[ \t]Council
      | London[ \t]Borough[ \t]of[ \t][A-Z][a-z]+(?:[ \t](?:and[ \t])?[A-Z][a-z]+)?
      | Greater[ \t]Manchester[ \t]Combined[ \t]Authority
      | Mayor.s[ \t]Office[ \t]for[ \t]Policing[ \t]and[ \t]Crime
      | Greater[ \t]London[ \t]Authority
      | Police[ \t](?:and|&)[ \t]Crime[ \t]Commissioner[ \t]for[ \t][A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?
      | Local[ \t]Government[ \t](?:and[ \t]Social[ \t]Care[ \t])?Ombudsman
      | City[ \t]of[ \t]London[ \t]Corporation
      | [A-Z]+(?:[ \t][A-Z]+){0,2}[ \t](?:COUNTY|BOROUGH|CITY|DISTRICT)[ \t]COUNCIL)""",
    re.VERBOSE,
)

# Cheap test before `BODY_NAMED`, which is slow to search: one of its nouns must occur.
BODY_WORDS = re.compile(r"Council|COUNCIL|Borough|Authority|Policing|Commissioner|Ombudsman|"
                        r"Corporation")

# Page furniture at the start of a saved web page, never a title.
BOILERPLATE_LINE = re.compile(
    r"""^(?:skip\ to\ main\ content|.*\blogo\b.*|home|key\ information|agenda\ item|
          decision\ details|page\ type:.*|share\ this\ page|menu|search|cookies?.*)$""",
    re.VERBOSE | re.IGNORECASE,
)

# A labelled title.  "Subject: Refurbishment of Westgate Library"  "Report title ..."
#   "Subject Matter / Title of Decision\nCommissioning Plan ..."  "Issue:\n\nReserves Strategy"
TITLE_LABEL = re.compile(
    r"""^[ \t]*(?:subject(?:\ matter)?(?:\ /\ title\ of\ decision)?|title\ of\ decision|
          report\ title|issue|title)
        [ \t]*:?[ \t]*(?:\n[ \t]*){0,3}(?P<title>[^\n]{3,200})""",
    re.VERBOSE | re.MULTILINE,
)
