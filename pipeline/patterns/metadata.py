"""Character patterns for who decided and which body issued a decision, as data, with examples.

References, dates and titles have their own modules (`references`, `dates`, `titles`)."""

from __future__ import annotations

import re

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
