"""The deciding body, read from where a decision names its issuer.

In order: the masthead (a first line that is the body's name, or opens with it before a
dash or its telephone number); a decision record's heading further down ("Eastford City
Council - Record of Decision"); the decision maker's own words ("Chief Executive, West of
England Combined Authority", "Treasurer GMCA"); the body's name alone next to a signing
line ("I hereby approve ..."); a signatory's closing line ("Jo Smith, Monitoring Officer,
North East Combined Authority 15/05/2018"); last, the series of the decision's code when the
series is the body's own (`BODY_BY_PREFIX`; a prefix other publishers share, such as "DD",
only when the page also names the body). A council named by its place alone ("Angus
Council") is trusted in a masthead or record heading only. A body named anywhere else (a
council in a sentence, "Complaint against: London Borough of X", "Decision Maker: Cabinet")
is a party or no body, not the issuer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import casefree
from pipeline.extract.layout import label_matches, lines_head
from pipeline.nlp import read_table
from pipeline.patterns.metadata import (
    BODY_BY_PREFIX,
    BODY_CORROBORATION,
    BODY_NAME,
    BODY_WORDS,
    DECISION_RECORD_TAIL,
    MASTHEAD_TAIL,
    PLACE_COUNCIL,
    PREFIXES_SHARED,
    SIGNING_LINE,
)

_MASTHEAD_LINES = 6  # the masthead is among the first lines of content
_CLOSE = 400  # a signatory's line closes the document
_SIGNED_TAIL = 1500  # an approval signed at a document's end
_SIGNING_KEYS = ("signed", "signature", "approve")
_RECORD_KINDS = ("record", "notice", "sheet", "form", "log")  # cheap test before the tail
_SIGNING_REACH = 2  # the body's name stands this many lines from a signing line at most
_SIGNING_CHARS = 600  # enough text either side to hold those lines
_SIGNED_FOR = re.compile(r"\b(?:behalf|for[ \t]+the)\b", re.IGNORECASE)  # another party signs
# Words that open a match of `BODY_NAME` without being part of the body's name: articles,
# and the titles of people who act for a body ("Treasurer West Yorkshire Combined Authority").
_NOT_A_NAME_START = frozenset({
    "The", "This", "That", "A", "An", "Treasurer", "Chief", "Executive", "Director", "Officer",
    "Head", "Leader", "Mayor", "Deputy", "Member", "Cabinet", "Joint", "Meeting", "Committee",
    "Board", "Monitoring", "Finance", "Service", "Paid",
})
_CONNECTORS = frozenset({"And", "Of", "The", "Upon", "On", "For"})
# "Jo Smith, Monitoring Officer, ...": a person's name, a comma, and a role.
_SIGNATORY = re.compile(
    r"""^[A-Z][a-z]+(?:[ \t][A-Z][a-z'-]+){1,2},[^\n]*?
        \b(?:Officer|Director|Executive|Mayor|Commissioner|Leader|Member|Manager|Head|Chief|
           Treasurer)\b""",
    re.MULTILINE | re.VERBOSE,
)


def text_to_body(text: str, head: str, first_line: int, decision_maker: str | None,
                 reference: str | None) -> str | None:
    """The body that issued the decision in `text` (`head` is its start, content from
    `first_line`), or None when the page does not say."""
    return (_masthead(head[first_line:]) or _record_heading(head)
            or _named_in(decision_maker) or _signing_block(_opening_and_end(text, head))
            or _signatory(text[-_CLOSE:]) or _series(reference, text))


def _opening_and_end(text: str, head: str) -> tuple[str, ...]:
    """`head`, and the end of `text` when the head does not reach it."""
    return (head,) if len(text) <= len(head) else (head, text[-_SIGNED_TAIL:])


def issuer_opening(line: str) -> str | None:
    """The body's name opening `line` as a masthead prints it: a deciding body's name, or a
    council named by its place alone."""
    body = find_body(line)
    if body and line.lower().startswith(body.lower()):
        return body
    found = PLACE_COUNCIL.match(line) if "Council" in line else None
    return " ".join(found.group("body").split()) if found else None


def find_body(text: str) -> str | None:
    """The first deciding body's name in `text` (capitals read as title case)."""
    lower = text.lower()
    if not any(word in lower for word in BODY_WORDS):
        return None
    line = _title_case(text) if text.isupper() else text  # "KENT COUNTY COUNCIL – ..."
    pos = 0
    while (found := BODY_NAME.search(line, pos)) is not None:
        first = found.group("body").split()[0]
        if first not in _NOT_A_NAME_START:
            return " ".join(found.group("body").split())
        pos = found.start() + len(first)
    return None


def _title_case(text: str) -> str:
    words = [w.capitalize() for w in text.split(" ")]
    return " ".join(w.lower() if i and w in _CONNECTORS else w for i, w in enumerate(words))


def _masthead(opening: str) -> str | None:
    above = ""
    for line in lines_head(opening, _MASTHEAD_LINES):
        if not above.endswith(":"):
            body = issuer_opening(line)
            if body and MASTHEAD_TAIL.match(line, len(body)):
                return body
        above = line
    return None


def _record_heading(head: str) -> str | None:
    """A line anywhere in `head` that opens with a body's name, then a dash and the kind of
    record: "Eastford City Council - Record of Decision"."""
    lower = casefree.lowered(head)
    at = lower.find("decision")
    while at >= 0:
        start = head.rfind("\n", 0, at) + 1
        end = head.find("\n", at)
        end = len(head) if end < 0 else end
        words = head[start:end].strip(" \t•·*")
        kinds = lower[start:end]
        tail = DECISION_RECORD_TAIL.search(words) if any(
            kind in kinds for kind in _RECORD_KINDS) else None
        body = issuer_opening(words[:tail.start()]) if tail else None
        if body and tail and len(body) == len(words[:tail.start()].rstrip()):
            return body
        at = lower.find("decision", end)
    return None


def _signing_block(parts: tuple[str, ...]) -> str | None:
    """A body's name alone on a line at most `_SIGNING_REACH` lines from a signing line
    ("West Shire Police and Crime Commissioner" / "I hereby approve the above proposal"),
    in one of `parts` (a document's opening and its end, where approvals are signed)."""
    for part in parts:
        lower = casefree.lowered(part)
        if not any(word in lower for word in BODY_WORDS):
            continue
        for signing in label_matches(SIGNING_LINE, part, _SIGNING_KEYS):
            start = part.rfind("\n", 0, signing.start()) + 1
            end = part.find("\n", signing.end())
            line = part[start:end if end >= 0 else len(part)]
            if _SIGNED_FOR.search(line):
                continue
            reach = start - _SIGNING_CHARS
            above = [x.strip(" \t•·*|") for x in part[max(0, reach):start].splitlines()]
            below = [x.strip(" \t•·*|")
                     for x in part[start + len(line):start + len(line) + _SIGNING_CHARS]
                     .splitlines()]
            near = ([x for x in above if x][-_SIGNING_REACH:]
                    + [x for x in below if x][:_SIGNING_REACH])
            named = next((x for x in near if issuer_opening(x) == x), None)
            if named:
                return named
    return None


def _named_in(decision_maker: str | None) -> str | None:
    if not decision_maker:
        return None
    named = find_body(decision_maker)
    if named:
        return named
    words = set(re.findall(r"[A-Za-z]+", decision_maker))
    return next((name for alias, name in _body_aliases().items() if alias in words), None)


@lru_cache(maxsize=1)
def _body_aliases() -> dict[str, str]:
    """Abbreviations of deciding bodies ("GMCA", "KCC") from the public bodies table, for
    the bodies whose name is a body's name (not an office such as "Mayor of London")."""
    aliases: dict[str, str] = {}
    for row in read_table("public_bodies.json")["bodies"]:
        if row["role"] == "decider" and find_body(row["name"]) == row["name"]:
            aliases.update({a: row["name"] for a in row["aliases"] if a.isupper()})
    return aliases


def _signatory(close: str) -> str | None:
    for found in _SIGNATORY.finditer(close):
        end = close.find("\n", found.end())
        named = find_body(close[found.end():end if end >= 0 else len(close)])
        if named:
            return named
    return None


def _series(reference: str | None, text: str) -> str | None:
    prefix = re.match(r"[A-Z]+", reference or "")
    body = BODY_BY_PREFIX.get(prefix.group(0)) if prefix else None
    if body is None or prefix is None:
        return None
    if prefix.group(0) in PREFIXES_SHARED:
        words = BODY_CORROBORATION.get(body, ())
        if not any(word in text for word in words):
            return None
    return body
