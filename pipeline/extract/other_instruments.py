"""Non-statutory instruments cited with authority: schemes of delegation, plans, codes,
policies, financial regulations, standing orders, contract procedure rules.

A name ends at (or, for "Scheme of ...", starts at) one of the head words in
`legislation.jsonl` (label OTHER_KIND) and is made of capitalised words, so "the MOPAC
Scheme of Delegation and Consent", "the Police and Crime Plan 2025-29" and "the GLA
Contracts and Funding Code" are found and "a delivery plan" is not. Statutes (a year, or
a title the instruments table knows) are left to `legislation.py`. Provisions are read as
for statutes ("Paragraph 4.14 of the ..."), and "the Scheme" refers back to the last one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.extract.findings import Finding, finding
from pipeline.extract.instruments import instrument_by_name
from pipeline.extract.passages import Passage, sentence_bounds
from pipeline.extract.provisions import or_none, provisions_around
from pipeline.nlp import Hit, hits

# used with .match(text, pos): anchored at pos
_YEARS_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?")
# A statute's year in brackets: "Management of Health and Safety at Work Regulations (1992)"
_BRACKETED_YEAR_AFTER = re.compile(r"[ \t]+\((?:19|20)\d\d\)")
_CONNECTORS = {"of", "and", "for", "the", "on", "to", "in", "&"}
_STATUTE_HEADS = {"Regulations", "Rules", "Orders"}
# Nouns after a name that make it a modifier: "the Strategy team", "the Plan refresh".
_MODIFIED_NOUNS = {"team", "teams", "board", "panel", "group", "unit", "committee", "office",
                   "lead", "manager", "officer", "review", "refresh", "consultation",
                   "document", "documents", "update", "updates", "project", "programme"}


def extract_other_instruments(text: str, passages: Sequence[Passage]) -> list[Finding]:
    found: list[Finding] = []
    last: str | None = None
    for passage in passages:
        doc = passage.doc
        for span in hits(doc, "legislation"):
            if span.label_ == "OTHER_KIND":
                name = _name_around(doc, span)
                if name is None:
                    continue
                start, end = passage.start + name.start_char, passage.start + name.end_char
                year = _YEARS_AFTER.match(text, end)
                end = year.end() if year else end
                title = " ".join(text[start:end].split())
                dated = (re.search(r"\b(?:19|20)\d\d\b", title) is not None
                         or _BRACKETED_YEAR_AFTER.match(text, end) is not None)
                if _is_statute(title, span.text, dated):
                    continue
                last = title
                found.extend(_with_provisions(text, start, end, title, "other-instrument"))
            elif span.label_ == "OTHER_BACKREF" and last is not None:
                start, end = passage.start + span.start_char, passage.start + span.end_char
                found.extend(_with_provisions(text, start, end, last, "other-back-reference"))
    return _distinct(found)


def _name_around(doc: Doc, head: Hit) -> Span | None:
    """The capitalised words around a head word: left for "... Plan", both ways for
    "Scheme of Delegation and Consent"."""
    k = head.start
    lo, hi = sentence_bounds(doc, k)
    i = k
    while i > lo and _name_word(doc, i - 1, leftwards=True):
        i -= 1
    while i < k and doc[i].lower_ in _CONNECTORS:
        i += 1
    j = k + 1
    if head.text == "Scheme":
        while j < hi and _name_word(doc, j, leftwards=False):
            j += 1
        while j > k + 1 and doc[j - 1].lower_ in _CONNECTORS:
            j -= 1
    words = [t for t in doc[i:j] if t.text[:1].isupper()]
    if len(words) < 2 or (i == k and j == k + 1):
        return None
    if j < len(doc) and ((doc[j].text[:1].isupper() and head.text != "Scheme")
                         or doc[j].lower_ in _MODIFIED_NOUNS):
        return None  # "Policy Panel", "the Strategy team": the head word is not the end
    return doc[i:j]


def _name_word(doc: Doc, i: int, leftwards: bool) -> bool:
    token = doc[i]
    if token.is_space or (token.like_num and leftwards):
        return False
    if token.text[:1].isupper() and token.text.lower() not in ("the", "a", "an", "this"):
        return token.text not in ("I", "A") or not leftwards
    if token.lower_ in _CONNECTORS or token.text in ("&", "’s", "'s"):
        nxt = i - 1 if leftwards else i + 1
        return 0 <= nxt < len(doc) and doc[nxt].text[:1].isupper()
    return False


def _is_statute(title: str, head: str, dated: bool) -> bool:
    """A title the instruments table knows, or "... Regulations" with a year."""
    if instrument_by_name(title) is not None:
        return True
    return head in _STATUTE_HEADS and dated


def _with_provisions(text: str, start: int, end: int, title: str, rule: str) -> list[Finding]:
    provisions, start, end = provisions_around(text, start, end)
    return [finding("other_instruments", start, end, rule, instrument=title, provision=p)
            for p in or_none(provisions)]


def _distinct(found: list[Finding]) -> list[Finding]:
    seen: set[tuple[int, int, object]] = set()
    out: list[Finding] = []
    for f in found:
        key = (f.start, f.end, f.values.get("provision"))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
