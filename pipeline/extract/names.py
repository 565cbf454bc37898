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

from pipeline.extract.passages import starts_sentence, text_of
from pipeline.nlp import read_table

_COMPANY_ENDINGS = {"ltd", "limited", "plc", "llp", "lp", "inc", "llc", "cic", "gmbh", "sa"}
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


@dataclass(frozen=True)
class _Words:
    connectors: frozenset[str]
    suffixes: frozenset[str]
    role_words: frozenset[str]
    generic: frozenset[str]
    places: frozenset[str]
    attributive_nouns: frozenset[str]


@lru_cache(maxsize=1)
def words() -> _Words:
    table = read_table("organisations.json")
    keys = ("connectors", "suffixes", "role_words", "generic", "places", "attributive_nouns")
    return _Words(*(frozenset(table[key]) for key in keys))


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


def read_name_forward(doc: Doc, i: int) -> Name | None:
    """The name starting at token `i` (after an optional "the"), or None."""
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
        if starts_sentence(doc, j) or token.is_space:
            break
        if (_capitalised(token) and not token.is_punct) or (
            token.text in ("’s", "'s") and _next_capitalised(doc, j)
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
                    doc[close + 1].lower_.rstrip(".") in _COMPANY_ENDINGS:
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
    following = last + 1
    if following < n and not members and not aliases:
        nxt = doc[following]
        if nxt.is_lower and nxt.lower_ in words().suffixes:
            last = following  # "the London Safer Future Communities VCSE network"
        elif nxt.lower_ in words().attributive_nouns:
            return None  # "ASCH front line staff", "the Met OL project": a modifier
    return _finish(doc, i, last, tuple(aliases), members)


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
        ) or (prev.text in _JOINERS and not prev.whitespace_ and j - 2 >= 0):
            pass
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
    """ "Dimensions T/A MWUK and Michael Lupton Associates" is two names; "Department for
    Levelling Up Homes and Communities" is one (a one-word right side stays unless it is
    an acronym, or the name sits in a list of names)."""
    parts = list(re.finditer(r"\s+and\s+", name.text))
    if not parts:
        return [name]
    cut = parts[-1]
    left, right = name.text[: cut.start()], name.text[cut.end() :]
    single = len(right.split()) < 2
    if single and not in_list and not (right.isupper() and len(right) >= 2):
        return [name]
    first = Name(name.start, name.start + len(left), left, (), ())
    skip = len(right) - len(right[4:]) if right.lower().startswith("the ") else 0
    second = Name(name.start + cut.end() + skip, name.end, right[skip:], name.aliases,
                  name.members)
    return [*split_on_and(first, in_list), second]


def is_organisation_name(text: str) -> bool:
    """False for posts, generic words, places and fragments that name no organisation."""
    lowered = " ".join(text.lower().split())
    tokens = re.findall(r"[\w’'&.-]+", lowered)
    if not tokens or lowered in words().generic or lowered in words().places:
        return False
    if tokens[-1] in words().role_words:
        return False
    if len(tokens) == 1 and (len(tokens[0]) < 2 or tokens[0] in words().generic):
        return False
    if all(t in words().generic or t in words().connectors for t in tokens):
        return False
    return any(c.isalpha() for c in text)


@lru_cache(maxsize=1)
def _known_bodies() -> frozenset[str]:
    table = read_table("public_bodies.json")["bodies"]
    return frozenset(normalised_name(n) for row in table for n in [row["name"], *row["aliases"]])


def known_body(text: str) -> bool:
    """A public body the documented table names ("Youth Endowment Fund" is one, though a
    name ending in "Fund" is otherwise taken for a budget)."""
    return normalised_name(text) in _known_bodies()


def normalised_name(text: str) -> str:
    """The key names are compared by: lower case, no punctuation, no "the", "Ltd", "plc"."""
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = text.replace("&", " and ")
    words_ = re.findall(r"[a-z0-9]+", text)
    drop = {"the", "ltd", "limited", "plc", "llp", "inc"}
    return " ".join(w for w in words_ if w not in drop)
