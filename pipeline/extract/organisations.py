"""Is this run of capitalised words an organisation's name, and how sure can we be?

A supplier is only as good as the name read beside its cue, and decisions are full of
capitalised words that name no organisation: posts ("Director of Finance"), the deciding
body's own units, places, programmes, funds, plans, periods and documents. Rather than
list the wrong names met so far, a name is judged by what kind of words it ends with
and holds (`pipeline/patterns/organisations.json`, general word classes) and by how
common its words are in English (the `wordfreq` package's frequency list): a name made
only of everyday words ("Full Business Case") is far less sure than one holding a word
that is rarely anything but a name ("Allstar", "Veolia").

The verdict is a `Kind`, strongest first, or None with the reason; `pipeline.extract.
parties` decides from the kind and the strength of the cue whether to keep the name.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from pipeline.nlp import read_table

# Zipf frequency (log10 of occurrences per billion words) from which a word is everyday
# English: "estates" 3.9, "league" 5.1, but "tottenham" 3.6, "deloitte" 3.0, "veolia" 2.1.
COMMON_ZIPF = 3.7
_YEAR = re.compile(r"(?:19|20)\d\d(?:[-/–](?:19|20)?\d\d)?\Z")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}\Z")
_WORD = re.compile(r"[\w’'&.+-]+")
_PLACEHOLDER = re.compile(r"(?:[a-z]|\d{1,2})\Z")


class Kind(IntEnum):
    """How a name shows it is an organisation, weakest first."""

    COMMON = 1  # everyday words only: "Street League", "Alliance Disposables"
    PROPER = 2  # a word that is mostly a name, or an acronym: "Allstar", "CDW"
    HEAD = 3  # ends with an organisation noun: "Hartlepool Borough Council"
    LEGAL = 4  # ends with a legal form: "GoodSAM Ltd", "Morgan Sindall plc"
    KNOWN = 5  # a public body of the documented table: "Homes England"


@dataclass(frozen=True)
class Verdict:
    kind: Kind | None
    reason: str  # why it is not an organisation, or how it shows it is one


@dataclass(frozen=True)
class _Words:
    connectors: frozenset[str]
    legal_forms: frozenset[str]
    head_nouns: frozenset[str]
    role_words: frozenset[str]
    role_first: frozenset[str]
    role_modifiers: frozenset[str]
    not_organisation_heads: frozenset[str]
    period_words: frozenset[str]
    generic: frozenset[str]
    places: frozenset[str]
    compass: frozenset[str]
    central_government_openings: frozenset[str]
    function_words: frozenset[str]
    strategic_suppliers: frozenset[str]


@lru_cache(maxsize=1)
def words() -> _Words:
    table = read_table("organisations.json")
    lists = {key: frozenset(table[key]) for key in _Words.__dataclass_fields__}
    lists["strategic_suppliers"] = frozenset(n.lower() for n in table["strategic_suppliers"])
    return _Words(**lists)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    frequencies: dict[str, float] = get_frequency_dict("en", wordlist="small")
    return frequencies


def zipf(word: str) -> float:
    """How common `word` is in English (0 for words the list does not hold)."""
    frequency = _frequencies().get(word.lower().replace("’", "'"), 0.0)
    return math.log10(frequency * 1e9) if frequency else 0.0


def is_common_word(word: str) -> bool:
    return zipf(word) >= COMMON_ZIPF


@lru_cache(maxsize=16384)
def judge(text: str, known: bool = False) -> Verdict:
    """The kind of organisation name `text` is, or None and why not.

    `known`: the caller found it in the public bodies table.
    """
    tokens = [t.strip(".’'") or t for t in _WORD.findall(text.lower())]
    tokens = [t for t in tokens if t]
    if not tokens or not any(c.isalpha() for c in text):
        return Verdict(None, "no words")
    if known:
        return Verdict(Kind.KNOWN, "a public body of the table")
    w = words()
    if tokens[-1] in w.legal_forms and len(tokens) > 1:
        return Verdict(Kind.LEGAL, "ends with a legal form")
    if " ".join(tokens) in w.strategic_suppliers:
        return Verdict(Kind.LEGAL, "a strategic supplier of government")
    why_not = _not_an_organisation(tokens, text)
    if why_not:
        return Verdict(None, why_not)
    if tokens[-1] in w.head_nouns:
        return Verdict(Kind.HEAD, "ends with an organisation noun")
    if _headed_in_front(tokens):
        return Verdict(Kind.HEAD, "an organisation noun with 'of' or 'for'")
    if _ACRONYM.match(text.strip()):
        if len(text.strip()) < 3:  # "TN", "CC": as often a person's initials or a county
            return Verdict(Kind.COMMON, "a two-letter abbreviation")
        return Verdict(Kind.PROPER, "an acronym")
    if not text.isupper() and any(_ACRONYM.match(t) and t.lower() not in w.places
                                  for t in _WORD.findall(text)):
        return Verdict(Kind.PROPER, "holds an acronym")
    content = [t for t in tokens if t not in w.connectors]
    if any(not is_common_word(t) for t in content):
        return Verdict(Kind.PROPER, "holds a word that is mostly a name")
    if len(content) < 2:
        return Verdict(None, "one everyday word")  # "Thrive", "Solo", "Estates"
    return Verdict(Kind.COMMON, "everyday words only")


def _not_an_organisation(tokens: list[str], text: str) -> str:
    """Why the words name something other than an organisation ("" when they may not)."""
    w = words()
    joined = " ".join(tokens)
    if _is_post(tokens, text):
        return "a post or an internal group"
    if len(tokens) == 2 and tokens[0] in w.role_words and _PLACEHOLDER.match(tokens[1]):
        return "a party the text keeps anonymous"  # "Supplier B", "Bidder 2"
    if tokens[-1] in w.function_words:
        return "ends with a function word"  # "Invest In"
    owner = re.match(r"(?:the\s+)?(\w+)[’']s\s", text.lower())
    if owner and owner.group(1) in w.generic:
        return "belongs to the deciding body"  # "the Council’s Local Authority ..."
    if tokens[-1] in w.role_words:
        return "a post or an internal group"
    if tokens[-1] in w.not_organisation_heads:
        return f"names a {tokens[-1]}, not an organisation"
    head = next((tokens[k - 1] for k in range(1, len(tokens)) if tokens[k] in ("for", "of")),
                None)
    if head in w.not_organisation_heads:
        return f"names a {head}, not an organisation"  # "Framework Agreements for ..."
    if any(t in w.period_words or _YEAR.match(t) for t in tokens):
        return "holds a date or period"
    if joined in w.places or all(t in w.places or t in w.compass or t in w.connectors
                                 for t in tokens) or _is_place(tokens):
        return "a place"
    if all(t in w.generic or t in w.connectors or t in w.compass for t in tokens):
        return "generic words"
    if tokens[-1] in w.head_nouns and all(
        t in w.generic or t in w.connectors or t in w.compass or t in w.head_nouns
        for t in tokens
    ):
        return "a kind of body, not a named one"
    return ""


def _headed_in_front(tokens: list[str]) -> bool:
    """ "University of Cambridge", "the Institute for Public Policy Research"."""
    w = words()
    rest = tokens[1:] if tokens[0] == "the" else tokens
    if rest and rest[0] in w.compass | {"royal", "national"}:
        rest = rest[1:]
    return len(rest) >= 3 and rest[0] in w.head_nouns | _FRONT_HEADS and rest[1] in ("of", "for")


# Nouns that head a body's name only in front: "Office for Students", "Agency for ...".
_FRONT_HEADS = frozenset(["office", "department", "ministry", "directorate", "board"])


def _is_place(tokens: list[str]) -> bool:
    """A place with compass words around it: "North East England", "Greater London"."""
    w = words()
    rest = [t for t in tokens if t not in w.compass and t not in w.connectors]
    return bool(rest) and " ".join(rest) in w.places


def _is_post(tokens: list[str], text: str) -> bool:
    """ "Director of Finance", "Strategic Director of Place", "X's Chief Officer"."""
    w = words()
    lead = tokens[1:3] if tokens[0] == "the" else tokens[:2]
    if lead and (lead[0] in w.role_first
                 or (lead[0] in w.role_modifiers and lead[1:] and lead[1] in w.role_first)):
        return True
    after_possessive = re.split(r"[’']s\s+", text.lower(), maxsplit=1)
    if len(after_possessive) == 2:
        following = _WORD.findall(after_possessive[1])
        if any(t in w.role_first or t in w.role_words for t in following[:3]):
            return True
    return False


def central_government(text: str) -> bool:
    """ "Ministry of Justice", "Department for Education", "HM Treasury": a department of
    state (they fund and regulate the bodies whose decisions we read)."""
    lowered = " ".join(text.lower().replace("the ", " ").split())
    return lowered.startswith(tuple(words().central_government_openings))
