"""Reading an organisation's name from the tokens next to a cue.

A name is a run of capitalised words, with small connectors between them ("Department
for Education", "Parochial Church Council of the Ascension"), hyphens and possessives
inside ("Co-op Legal Services", "Women's Aid"), an abbreviation in brackets after it
("Ernst & Young (EY)", kept as an alias), and a list of members in brackets after it
("Victim Support (Safer London Foundation, Metro Centre and PayPlan)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from pipeline.extract.organisations import Kind, judge, words
from pipeline.extract.passages import starts_sentence, text_of
from pipeline.nlp import read_table

_JOINERS = {"-", "’s", "'s", "/", "’", "'", "."}
_MAX_TOKENS = 12
_FOOTNOTE = re.compile(r"(?<=[a-z])\d\Z")


@dataclass(frozen=True)
class Name:
    start: int  # offsets within the passage text
    end: int
    text: str
    aliases: tuple[str, ...] = ()
    members: tuple[Name, ...] = field(default=())
    in_list: bool = False  # read as one of a comma-separated list of names


@lru_cache(maxsize=1)
def _attributive_nouns() -> frozenset[str]:
    return frozenset(read_table("organisations.json")["attributive_nouns"])


_QUANTITY = re.compile(r"\d[\d,.]*(?:k|m|bn|fe|st|nd|rd|th|s)?", re.IGNORECASE)
_HEAD_OF = {
    "department",
    "ministry",
    "office",
    "secretary",
    "council",
    "university",
    "bank",
    "chamber",
    "institute",
    "board",
    "society",
    "museum",
    "borough",
    "city",
    "court",
    "trust",
    "college",
    "school",
    "church",
    "commission",
    "corporation",
    "duchy",
    "association",
    "federation",
    "union",
    "friends",
    "house",
    "centre",
}


def _capitalised(token: Token) -> bool:
    text = token.text
    if not text:
        return False
    if text[0].isdigit():
        return token.i > 0 and not _QUANTITY.fullmatch(text)
    return text[0].isupper()


def read_name_forward(doc: Doc, i: int, as_modifier: bool = False) -> Name | None:
    """The name starting at token `i` (after an optional "the"), or None; None too when a
    noun after it shows it modifies something else ("the Met OL project"), unless
    `as_modifier` says that is expected ("to enable Marsden Town Council staff to")."""
    n = len(doc)
    while i < n and doc[i].lower_ == "the":
        i += 1
    if i >= n or doc[i].lower_ in ("a", "an") or not _capitalised(doc[i]):
        return None
    last = i
    j = i + 1
    aliases: list[str] = []
    members: tuple[Name, ...] = ()
    while j < n and j - i < _MAX_TOKENS:
        token = doc[j]
        if starts_sentence(doc, j) or token.is_space or _ends_name(doc, last, j):
            break
        if (_capitalised(token) and not token.is_punct) or (
            token.text in ("’s", "'s") and _next_capitalised(doc, j)
        ) or (
            token.text in ("’", "'") and doc[j - 1].lower_.endswith("s")
            and _next_capitalised(doc, j)  # "Citizens’ Advice"
        ):
            last = j
        elif (
            token.text in _JOINERS
            and not token.whitespace_
            and j + 1 < n
            and doc[j + 1].is_alpha
            and not doc[j - 1].whitespace_
        ):
            last = j + 1
            j += 1
        elif token.lower_ in words().connectors and _next_capitalised(doc, j):
            pass
        elif token.text == "(":
            inner, close = _bracketed(doc, j)
            if inner is None:
                break
            if _is_abbreviation(inner) and close + 1 < n and \
                    doc[close + 1].lower_ in words().legal_forms:
                last = j = close + 1  # "Accenture (UK) Limited": the bracket is in the name
                continue
            if _is_abbreviation(inner):
                aliases.append(inner)
            elif "," in inner and not re.search(r"\b\d", inner):
                members = _members(doc, j + 1, close)
            break
        else:
            break
        j += 1
    if not members and not aliases:
        last = _with_lower_case_ending(doc, last, as_modifier)
        if last < 0:
            return None
    return _finish(doc, i, last, tuple(aliases), members)


def _with_lower_case_ending(doc: Doc, last: int, as_modifier: bool) -> int:
    """The name's last token once a lower-case legal form after it joins ("Acme Widgets
    ltd"); -1 when a noun after it shows the name modifies it ("the Met OL project", "ASCH
    front line staff"), unless that is expected."""
    if last + 1 >= len(doc):
        return last
    nxt = doc[last + 1]
    if nxt.is_lower and nxt.lower_ in words().legal_forms:
        return last + 1
    if nxt.is_lower and nxt.lower_ in _attributive_nouns() and not as_modifier:
        return -1
    return last


def _ends_name(doc: Doc, last: int, j: int) -> bool:
    """A legal form closes a name ("Tarn Bakery Ltd Sector: ..." is "Tarn Bakery Ltd"),
    unless a bracket, another legal form or "and" follows ("Accenture (UK) Limited", "Co
    Ltd", "Mitie Limited and Kier plc" is cut later) or it is part of a word ("Co-op")."""
    return (last == j - 1 and doc[last].lower_ in words().legal_forms
            and bool(doc[last].whitespace_) and doc[j].text != "("
            and doc[j].lower_ not in words().legal_forms and doc[j].lower_ not in ("and", "&"))


def read_name_backward(doc: Doc, k: int) -> Name | None:
    """The name ending just before token `k` ("Home Office (HO) grant" -> Home Office)."""
    j = k - 1
    aliases: list[str] = []
    if j >= 0 and doc[j].text == ")":
        open_at = next((x for x in range(j - 1, max(j - 6, -1), -1) if doc[x].text == "("), None)
        if open_at is None:
            return None
        inner = doc[open_at + 1 : j].text
        if not _is_abbreviation(inner):
            return None
        aliases.append(inner)
        j = open_at - 1
    if j < 0 or not _capitalised(doc[j]) or doc[j].is_punct:
        return None
    last, first = j, j
    while j - 1 >= 0 and last - j < _MAX_TOKENS:
        prev = doc[j - 1]
        if starts_sentence(doc, j):
            break
        if _capitalised(prev) and not prev.is_punct and prev.lower_ not in ("the", "a", "an"):
            first = j - 1
        elif (
            prev.lower_ in words().connectors
            and j - 2 >= 0
            and _capitalised(doc[j - 2])
            and prev.lower_ != "the"
            and (prev.lower_ != "of" or doc[j - 2].lower_ in _HEAD_OF)
        ) or (prev.text in _JOINERS and not prev.whitespace_ and j - 2 >= 0) or (
            prev.text in ("’s", "'s") and j - 2 >= 0 and _capitalised(doc[j - 2])
        ):
            pass  # "Coram Children’s Legal Centre": a possessive inside the name
        else:
            break
        j -= 1
    return _finish(doc, first, last, tuple(aliases), ())


def _next_capitalised(doc: Doc, j: int) -> bool:
    k = j + 1
    while k < len(doc) and doc[k].lower_ in ("the", "of"):
        k += 1
    return k < len(doc) and _capitalised(doc[k]) and not starts_sentence(doc, k)


def _bracketed(doc: Doc, j: int) -> tuple[str | None, int]:
    for close in range(j + 1, min(j + 40, len(doc))):
        if doc[close].text == ")":
            return doc[j + 1 : close].text, close
        if starts_sentence(doc, close):
            break
    return None, j


def _is_abbreviation(text: str) -> bool:
    return 1 < len(text) <= 10 and " " not in text.strip() and any(c.isupper() for c in text)


def _members(doc: Doc, start: int, close: int) -> tuple[Name, ...]:
    found: list[Name] = []
    j = start
    while j < close:
        name = read_name_forward(doc, j)
        if name is None:
            j += 1
            continue
        found.extend(split_on_and(name, in_list=True))
        while j < close and doc[j].idx < name.end:
            j += 1
    return tuple(n for n in found if is_organisation_name(n.text))


def _finish(
    doc: Doc, first: int, last: int, aliases: tuple[str, ...], members: tuple[Name, ...]
) -> Name | None:
    while last >= first and (doc[last].lower_ in words().connectors or doc[last].is_punct):
        last -= 1
    if last < first:
        return None
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    text = text_of(doc)[start:end]
    if text.endswith(".") and len(text) > 1:  # "Ltd." closing a sentence
        end -= 1
        text = text[:-1]
    footnote = _FOOTNOTE.search(text)
    if footnote and (last + 1 >= len(doc) or doc[last + 1].text in {")", ",", ";", "."}):
        end -= 1
        text = text[:-1]
    return Name(start, end, text, aliases, members)


def split_on_and(name: Name, in_list: bool = False) -> list[Name]:
    """ "Orchid Cellmark Ltd and LGC Ltd" is two names; "Ernst and Young LLP", "Redcar and
    Cleveland Borough Council" and "Women and Girls Network" are one: a name is cut at
    its last "and"/"&" only when each side is an organisation's name by itself, or when
    it was read from a list of names ("grants to Safer London and Redthread")."""
    parts = list(re.finditer(r"\s+and\s+" if in_list else r"\s+(?:and|&)\s+", name.text))
    if not parts:
        return [name]
    cut = parts[-1]
    left, right = name.text[: cut.start()], name.text[cut.end() :]
    skip = len(right) - len(right[4:]) if right.lower().startswith("the ") else 0
    if not in_list and not (whole_name(left) and whole_name(right[skip:])):
        return [name]
    first = Name(name.start, name.start + len(left), left, (), ())
    second = Name(name.start + cut.end() + skip, name.end, right[skip:], name.aliases,
                  name.members)
    return [*split_on_and(first, in_list), second]


def whole_name(text: str) -> bool:
    """A name that stands alone: an organisation noun or legal form ends it, a table
    names it, it is an acronym, or it is two or more words one of which is mostly a name."""
    verdict = judge(text, known=known_body(text))
    if verdict.kind is None:
        return False
    if verdict.kind == Kind.LEGAL and all(t in words().legal_forms
                                          for t in text.lower().replace(".", " ").split()):
        return False  # "Co Ltd" of "Thomas Pryce & Co Ltd"
    if verdict.kind >= Kind.HEAD or verdict.reason == "an acronym":
        return True
    return verdict.kind == Kind.PROPER and len(text.split()) >= 2


def is_organisation_name(text: str) -> bool:
    """Any kind of organisation name (`pipeline.extract.organisations.judge`)."""
    return judge(text, known=known_body(text)).kind is not None


def known_prefix(name: Name) -> Name | None:
    """The longest run of leading words that a table names: "Homes England Housing
    Infrastructure Fund" -> "Homes England"."""
    spans = list(re.finditer(r"\S+", name.text))
    for k in range(len(spans) - 1, 0, -1):
        text = name.text[: spans[k - 1].end()]
        if known_body(text):
            return Name(name.start, name.start + len(text), text)
    return None


@lru_cache(maxsize=1)
def _known_bodies() -> frozenset[str]:
    table = read_table("public_bodies.json")["bodies"]
    return frozenset(normalised_name(n) for row in table for n in [row["name"], *row["aliases"]])


@lru_cache(maxsize=4)
def _bodies_of_role(role: str) -> frozenset[str]:
    table = read_table("public_bodies.json")["bodies"]
    return frozenset(normalised_name(n) for row in table if row["role"] == role
                     for n in [row["name"], *row["aliases"]])


def deciding_body(text: str) -> bool:
    """A body of the table that takes decisions itself (MOPAC, the GLA, a PCC)."""
    return normalised_name(text) in _bodies_of_role("decider")


def revenue_body(text: str) -> bool:
    """A body of the table paid taxes or lent money (HMRC, PWLB): never a supplier."""
    return normalised_name(text) in _bodies_of_role("revenue")


def funding_body(text: str) -> bool:
    """A body of the table that gives grants to the decision makers (Home Office, YEF)."""
    return normalised_name(text) in _bodies_of_role("funder")


def known_body(text: str) -> bool:
    """A public body the documented table names ("Youth Endowment Fund" is one, though a
    name ending in "Fund" is otherwise taken for a budget)."""
    return normalised_name(text) in _known_bodies()


@lru_cache(maxsize=4096)
def normalised_name(text: str) -> str:
    """The key names are compared by: lower case, no punctuation, no "the", "Ltd", "plc".
    Cached: assembly compares every name with every other and with the tables."""
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = text.replace("&", " and ")
    words_ = re.findall(r"[a-z0-9]+", text)
    drop = {"the", "ltd", "limited", "plc", "llp", "inc"}
    return " ".join(w for w in words_ if w not in drop)
