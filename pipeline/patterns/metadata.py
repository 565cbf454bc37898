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

# A decision series whose prefix names its body (`BODY_BY_PREFIX`), and the words that must
# also appear on the page before a prefix other publishers use too ("DD", "MD") is trusted.
# Source: the bodies' decision registers (london.gov.uk "Mayoral decisions", "Director
# decisions", "MOPAC decisions", GLA planning "PDU" case numbers).
BODY_BY_PREFIX = {
    "PCD": "Mayor's Office for Policing and Crime",
    "DMPCD": "Mayor's Office for Policing and Crime",
    "PDU": "Greater London Authority",
    "MD": "Greater London Authority",
    "DD": "Greater London Authority",
    "ADD": "Greater London Authority",
}
PREFIXES_SHARED = frozenset({"MD", "DD", "ADD"})
BODY_CORROBORATION = {
    "Greater London Authority": ("GLA", "Greater London Authority", "Mayor of London",
                                 "City Hall"),
}

# A deciding body's name, as printed (title case; a capitals line is title-cased first).
#   "Kent County Council"  "London Borough of Southwark"  "Royal Borough of Windsor and
#   Maidenhead"  "North East Combined Authority"  "West of England Combined Authority"
#   "Police and Crime Commissioner for Cambridgeshire"  "Salford City Council"
#   "West Mercia Police and Crime Commissioner"  "Peak District National Park Authority"
_PLACE = r"[A-Z][a-z]+(?:[ \t](?:(?:and|&|upon|on|of|the)[ \t])?[A-Z][a-z]+){0,3}"
BODY_NAME = re.compile(
    rf"""(?P<body>
        {_PLACE}[ \t](?:County|Borough|City|District|Town|Parish|Metropolitan[ \t]Borough)
          [ \t]Council
      | (?:London|Royal)[ \t]Borough[ \t]of[ \t]{_PLACE}
      | {_PLACE}[ \t](?:Mayoral[ \t])?Combined[ \t](?:County[ \t])?Authority
      | (?:Office[ \t]of[ \t]the[ \t])?Police,?[ \t](?:Fire[ \t])?(?:and|&)[ \t]Crime[ \t]
          Commissioner[ \t]for[ \t]{_PLACE}
      | {_PLACE}[ \t]Police,?[ \t](?:Fire[ \t])?(?:and|&)[ \t]Crime[ \t]Commissioner
      | {_PLACE}[ \t]Fire[ \t](?:and|&)[ \t]Rescue[ \t]Authority
      | {_PLACE}[ \t]National[ \t]Park[ \t]Authority
      | Mayor.s[ \t]Office[ \t]for[ \t]Policing[ \t](?:and|&)[ \t]Crime
      | Greater[ \t]London[ \t]Authority | Transport[ \t]for[ \t]London
      | Local[ \t]Government[ \t](?:and[ \t]Social[ \t]Care[ \t])?Ombudsman
      | City[ \t]of[ \t]London[ \t]Corporation)""",
    re.VERBOSE,
)

# Cheap test before `BODY_NAME`: one of its nouns must occur (case-free).
BODY_WORDS = ("council", "borough", "authority", "policing", "commissioner", "ombudsman",
              "corporation", "transport for london")

# Where a body is named as the issuer: a masthead line that is the name, or opens with it
# before a dash or bar ("KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION", "Salford City
# Council - Record of Decision ..."); the line above must not be a label waiting for its
# value ("Complaint against:" names the party complained about).
MASTHEAD_TAIL = re.compile(r"[ \t]*(?:$|[–—|-][ \t]|<br|(?:Tel|Telephone)\b)")

# A council named by its place alone ("Angus Council", "Cheshire East Council"), trusted only
# where a masthead or a decision record's heading prints it: elsewhere "<Word> Council" is
# as often a meeting ("Full Council") or a kind ("Parish Council") as a body.  The place's
# first word may not be one that names a meeting or a kind of council.
PLACE_COUNCIL = re.compile(
    rf"""(?!(?:Full|County|City|Borough|District|Town|Parish|Youth|Executive|Special|Annual|
           Extraordinary|Joint|The|This|That|Cabinet|Our|Each|Every)\b)
        (?P<body>{_PLACE}[ \t]Council)(?![a-z])""",
    re.VERBOSE,
)

# A decision record's heading naming its issuer, wherever it stands in the page: the body,
# a dash, and the kind of record (case-free after the name).
#   "Eastford City Council - Record of Decision"  "Police and Crime Commissioner for
#   Westshire – Decision Making Record"  "Northshire Council | Officer Decision Notice"
DECISION_RECORD_TAIL = re.compile(
    r"""[ \t]*[–—|-][ \t]*
        (?:(?:record|notice)[ \t]of[ \t](?:a[ \t]|the[ \t])?(?:[a-z]+[ \t])?decisions?
         | (?:[a-z]+[ \t]){0,2}decision(?:[ \t-]making)?[ \t](?:record|notice|sheet|form|log))
        \b""",
    re.VERBOSE | re.IGNORECASE,
)

# A line of a signing block: the body's name alone on a line next to it is the issuer's.
#   "Signed: Jo Bloggs"  "Signature"  "I hereby approve the above proposal"
# Lower case: matched case-free where a line opens (`pipeline.extract.layout`).
SIGNING_LINE = re.compile(r"(?:signed|signature|i[ \t]+(?:hereby[ \t]+)?approve)\b")
