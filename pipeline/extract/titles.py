"""Instrument titles read from a passage's tokens, anchored on their kind word.

A title ends at its kind word ("Act", "Regulations", "Order") with its year after it
("Act 2010", "Act (1974)") or an abbreviation and year ("Act (DPA) 2018"); its words are
walked leftwards while they are capitalised (with "of", "and", brackets between), then
words that cannot start a title ("Under the ...") are trimmed. A title in lower case
("the police pension regulations 1987") is taken only when the documented table knows it.
A kind word with only "the"/"that" and a year before it is a back-reference ("the 2018
Act", "the Order 2000").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.extract.citations import Mention
from pipeline.extract.instruments import instrument_by_name, instruments_titled
from pipeline.extract.passages import sentence_bounds
from pipeline.nlp import Hit, hits
from pipeline.patterns.legislation import NOT_TITLE_START

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_KIND_WORDS = {
    "act": "act",
    "acts": "act",
    "order": "order",
    "regulations": "regulations",
    "regulation": "eu_regulation",
    "directive": "eu_directive",
    "convention": "convention",
    "rules": "regulations",
    "measure": "act",
}
_MAX_TITLE_TOKENS = 16
_WORD = re.compile(r"[A-Za-z0-9]+")
_TITLE_CONNECTORS = {"of", "and", "for", "the", "on", "to", "in", "at", "etc", "etc."}


def titles_in(doc: Doc, offset: int) -> tuple[list[Mention], list[Span]]:
    """Title mentions (document offsets) and year-bearing back-reference spans."""
    spans, backrefs = _title_spans(doc)
    mentions = [m for m in (_title_mention(offset, span) for span in spans) if m is not None]
    for anchor in hits(doc, "legislation"):
        if anchor.label_ == "KIND_LOWER":
            mention = _lower_case_title(doc, offset, anchor)
            if mention is not None:
                mentions.append(mention)
    return mentions, backrefs


def _title_spans(doc: Doc) -> tuple[list[Hit], list[Span]]:
    titles: list[Hit] = []
    backrefs: list[Span] = []
    for anchor in hits(doc, "legislation"):
        if anchor.label_ == "TITLE":
            titles.append(anchor)
            continue
        if anchor.label_ != "KIND":
            continue
        k = anchor.start
        end, rule = _title_end(doc, k)
        i = k
        floor = max(sentence_bounds(doc, k)[0], k - _MAX_TITLE_TOKENS)
        while i > floor and _title_word(doc, i - 1):
            i -= 1
        year_before = k >= 2 and _is_year(doc[k - 1]) and doc[k - 2].lower_ in ("the", "that")
        if year_before:
            backrefs.append(doc[k - 2 : k + 1])
        elif i < k and any(_can_start_title(t.text) for t in doc[i:k]):
            titles.append(Hit(doc, i, end, "TITLE", rule))
        elif rule != "title-without-year" and k >= 1 and doc[k - 1].lower_ in ("the", "that"):
            backrefs.append(doc[k - 1 : end])
    return titles, backrefs


def _title_end(doc: Doc, k: int) -> tuple[int, str]:
    n = len(doc)
    if k + 1 < n and _is_year(doc[k + 1]):
        return k + 2, "title-with-year"
    if k + 3 < n and doc[k + 1].text == "(" and _is_year(doc[k + 2]) and doc[k + 3].text == ")":
        return k + 4, "title-bracketed-year"  # "Health and Safety at Work etc Act (1974)"
    if (k + 4 < n and doc[k + 1].text == "(" and doc[k + 2].is_upper and doc[k + 3].text == ")"
            and _is_year(doc[k + 4])):
        return k + 5, "title-abbrev-year"
    return k + 1, "title-without-year"


def _is_year(token: Token) -> bool:
    return bool(_YEAR.fullmatch(token.text))


def _title_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.is_space:
        return False
    if token.is_title or (token.is_upper and token.is_alpha) or token.text in "()&-’'":
        return True
    if token.text == "," or token.lower_ in _TITLE_CONNECTORS:
        return i > 0 and (doc[i - 1].is_title or doc[i - 1].text == ")")
    return False


def _title_mention(offset: int, span: Hit) -> Mention | None:
    """Trim words that cannot start a title; resolve against the table if possible.

    The longest trimmed title the table knows wins; otherwise the longest one with no
    comma in it ("Under the Localism Act 2011, the Equality Act 2010" is two titles)."""
    words = [(t.i, t.text) for t in span]  # read once: spaCy makes a Token at every read
    starts = [i for i, word in words if _can_start_title(word)]
    last_comma = max((i for i, word in words if word == ","), default=-1)
    fallback: Mention | None = None
    for i in starts:
        sub = Hit(span.doc, i, span.end, span.label_, span.id_)  # read as a Span, made cheaper
        name = _clean_title(sub.text)
        inst = instrument_by_name(name)
        start, end = offset + sub.start_char, offset + sub.end_char
        if inst is not None:
            start = offset + _lost_start(span.doc, sub.start_char, inst.name, sub.text)
            return Mention(start, end, inst.name, inst.kind, span.id_, inst)
        if fallback is None and i > last_comma:
            has_year = _YEAR.search(name) is not None
            by_title = () if has_year else instruments_titled(name)
            if has_year:
                fallback = Mention(start, end, name, _kind_of(sub), span.id_)
            elif by_title:
                fallback = Mention(start, end, name, by_title[0].kind, span.id_ + ":no-year")
    return fallback


def _lost_start(doc: Doc, start: int, title: str, written: str) -> int:
    """Where a title cut by a line break really starts: "Police Reform and\n\nSocial
    Responsibility Act 2011" is read from "Social"; the table's title names the words
    lost, and they stand right before it, so the quote (and a provision cited before
    it) takes them in."""
    title_words = _WORD.findall(title)
    written_words = _WORD.findall(written)
    lost = len(title_words) - len(written_words)
    if lost <= 0 or [w.lower() for w in title_words[lost:]] != [w.lower() for w in written_words]:
        return start
    words = r"\W+".join(re.escape(w) for w in title_words[:lost])
    text: str = doc.user_data.get("text") or doc.text
    found = re.compile(rf"\b{words}\W+\Z", re.IGNORECASE).search(text, max(0, start - 120), start)
    return found.start() if found is not None else start


def _kind_of(title: Hit) -> str:
    word = next((t.lower_ for t in reversed(title) if t.lower_ in _KIND_WORDS), "act")
    return _KIND_WORDS[word]


def _lower_case_title(doc: Doc, offset: int, anchor: Hit) -> Mention | None:
    """"the police pension regulations 1987": the longest run of words before the kind
    word that the table knows, starting with a word that can start a title."""
    k = anchor.start
    floor = max(sentence_bounds(doc, k)[0], k - _MAX_TITLE_TOKENS)
    i = k
    while i > floor and (doc[i - 1].is_alpha or doc[i - 1].text in "()&-’'"):
        i -= 1
    for first in range(i, k):
        if doc[first].lower_ in NOT_TITLE_START or not doc[first].is_alpha:
            continue
        sub = Hit(doc, first, anchor.end, anchor.label_, anchor.id_)
        inst = instrument_by_name(_clean_title(sub.text))
        if inst is not None:
            return Mention(offset + sub.start_char, offset + sub.end_char, inst.name,
                           inst.kind, anchor.id_, inst)
    return None


def _can_start_title(word: str) -> bool:
    if word.lower() in NOT_TITLE_START:
        return False
    return word[:1].isupper() and (word.isalpha() or "-" in word)


_ABBREVIATION = re.compile(r"\s*\([A-Z]{2,8}\)\s*")  # "Data Protection Act (DPA) 2018"
_BRACKETED_YEAR = re.compile(r"\((1[6-9]\d\d|20\d\d)\)")  # "Act (1974)"
_SPACES = re.compile(r"\s+")


def _clean_title(text: str) -> str:
    text = _ABBREVIATION.sub(" ", text)
    text = _BRACKETED_YEAR.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    return text.replace(" & ", " and ")
