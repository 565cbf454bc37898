"""Procurement frameworks: owner, name, RM number and lot, read around anchors.

Anchors are the token matches of `frameworks.jsonl` (the word "framework", RM numbers,
G-Cloud N, "lot 2") and names from the tables (buying organisations, CCS agreements).
Anchors a few tokens apart in one sentence are one mention ("Crown Commercial Services
Framework Agreement (Digital Marketplace G-Cloud 11)", "CCS RM6261 lot 1"). A mention
without an owner or identifier must be a capitalised name ending in "Framework" in a
sentence about buying, so "the National Planning Policy Framework" and "a suitable
framework" are not frameworks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.extract.findings import Finding, finding
from pipeline.extract.passages import Passage, sentence, sentence_bounds, text_of
from pipeline.nlp import Hit, hits, read_table
from pipeline.patterns.frameworks_words import (
    CCS_NAME,
    HYPOTHETICAL_BEFORE,
    IDENTIFIER_PATTERNS,
    NOT_PROCUREMENT,
    PROCUREMENT_CONTEXT,
)

_GAP = 4
_GAP_STOP = {
    "from",
    "to",
    "with",
    "by",
    "via",
    "under",
    "through",
    "on",
    "in",
    "for",
    "and",
    "or",
    "is",
    "was",
    "are",
    "were",
    "be",
    "has",
    "have",
}
_AFTER_WORDS = {"agreement", "agreements", "contract", "contracts"}
_LEFT_STOP = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "our",
    "existing",
    "suitable",
    "other",
    "single",
    "supplier",
    "national",
    "regional",
    "new",
    "current",
    "approved",
}


@dataclass
class _Mention:
    start: int  # token indexes in the passage doc
    end: int
    owner: str | None = None
    identifier: str | None = None
    lot: str | None = None
    kinds: set[str] = field(default_factory=set)


@lru_cache(maxsize=1)
def _g_cloud() -> dict[str, str]:
    return dict(read_table("frameworks.json")["g_cloud"])


def extract_frameworks(passages: Sequence[Passage]) -> list[Finding]:
    out: list[Finding] = []
    for passage in passages:
        doc = passage.doc
        for mention in _clusters(doc):
            _extend(doc, mention)
            if not _accept(doc, mention):
                continue
            span = doc[mention.start : mention.end]
            out.append(
                finding(
                    "frameworks",
                    passage.start + span.start_char,
                    passage.start + span.end_char,
                    "framework-" + "-".join(sorted(mention.kinds)),
                    name=" ".join(span.text.split()),
                    owner=mention.owner,
                    identifier=mention.identifier,
                    lot=mention.lot,
                )
            )
    return out


def _identifiers(doc: Doc) -> list[Hit]:
    """RM numbers, G-Cloud and Digital Outcomes iterations and lots, found on characters."""
    cached: list[Hit] | None = doc.user_data.get("framework_identifiers")
    if cached is not None:
        return cached
    text = text_of(doc)
    found: list[Hit] = []
    lowered = text.lower()
    for label, cue, pattern in IDENTIFIER_PATTERNS:
        if cue not in lowered:
            continue
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append(Hit(doc, span.start, span.end, label, f"{label.lower()}-characters"))
    doc.user_data["framework_identifiers"] = found
    return found


def _anchors(doc: Doc) -> list[tuple[Hit, str]]:
    anchors = [(s, s.label_) for s in [*hits(doc, "frameworks"), *_identifiers(doc)]]
    anchors += [(s, s.label_) for s in hits(doc, "names") if s.label_ in ("BUYER", "AGREEMENT")]
    return sorted(anchors, key=lambda a: (a[0].start, -a[0].end))


def _clusters(doc: Doc) -> list[_Mention]:
    mentions: list[_Mention] = []
    current: _Mention | None = None
    for span, kind in _anchors(doc):
        joinable = (
            current is not None
            and span.start - current.end <= _GAP
            and sentence_bounds(doc, span.start) == sentence_bounds(doc, current.start)
            and not any(
                t.text in {",", ";", ":"} or t.lower_ in _GAP_STOP
                for t in doc[current.end : span.start]
            )
        )
        if current is None or not joinable:
            current = _Mention(span.start, span.end)
            mentions.append(current)
        current.end = max(current.end, span.end)
        _note_anchor(current, span, kind)
    return mentions


def _note_anchor(mention: _Mention, span: Hit, kind: str) -> None:
    mention.kinds.add(kind.lower())
    if kind == "BUYER":
        mention.owner = mention.owner or span.id_
    elif kind == "AGREEMENT":
        mention.identifier = mention.identifier or span.id_
        mention.owner = mention.owner or CCS_NAME
    elif kind == "IDENTIFIER":
        mention.identifier = "RM" + re.sub(r"[^0-9.ivx]", "", span.text[2:])
        mention.owner = mention.owner or CCS_NAME
    elif kind in ("GCLOUD", "DOS"):
        number = re.search(r"\d{1,2}\s*$", span.text)
        if kind == "GCLOUD" and number:
            mention.identifier = mention.identifier or _g_cloud().get(number.group(0).strip())
        mention.owner = mention.owner or CCS_NAME
        mention.kinds.add("gcloud")
    elif kind == "LOT":
        mention.lot = re.sub(r"^[Ll]ot\s?", "", span.text)


def _extend(doc: Doc, mention: _Mention) -> None:
    """Take in the capitalised name before "Framework" and what closes it after."""
    _balance(doc, mention)
    if doc[mention.start].lower_ in ("framework", "frameworks"):
        i = mention.start
        floor = sentence_bounds(doc, mention.start)[0]
        while i - 1 >= floor:
            prev = doc[i - 1]
            if prev.lower_ in _LEFT_STOP or (prev.is_punct and prev.text not in "-&()"):
                break
            if not (prev.text[:1].isupper() or prev.like_num or prev.text in "-&()"):
                break
            i -= 1
        mention.start = i
    end = mention.end
    if (
        end < len(doc)
        and doc[end].lower_ in _AFTER_WORDS
        and doc[end - 1].lower_.startswith("framework")
    ):
        end += 1
    if end < len(doc) and doc[end].text == "(":
        close = next(
            (k for k in range(end + 1, min(end + 10, len(doc))) if doc[k].text == ")"), None
        )
        inner = doc[end + 1 : close] if close else None
        if inner is not None and re.search(
            r"G-?\s?Cloud|RM\s?\d|Lot|DPS|Digital", inner.text, re.IGNORECASE
        ):
            for span in [*hits(doc, "frameworks"), *_identifiers(doc)]:
                if inner.start <= span.start < inner.end:
                    _note_anchor(mention, span, span.label_)
            end = close + 1  # type: ignore[operator]
    if end + 1 < len(doc) and doc[end].text == ",":
        lot = next((s for s in _identifiers(doc) if s.label_ == "LOT" and s.start == end + 1),
                   None)
        if lot is not None:
            _note_anchor(mention, lot, "LOT")
            end = lot.end
    mention.end = end


def _balance(doc: Doc, mention: _Mention) -> None:
    """A bracket opened inside the mention closes inside it: "(Digital Marketplace G-Cloud 11)"."""
    depth = sum(
        1 if t.text == "(" else -1 if t.text == ")" else 0 for t in doc[mention.start : mention.end]
    )
    end = mention.end
    while depth > 0 and end < len(doc) and end - mention.end < 10:
        depth += 1 if doc[end].text == "(" else -1 if doc[end].text == ")" else 0
        end += 1
    if depth == 0:
        mention.end = end


def _accept(doc: Doc, mention: _Mention) -> bool:
    kinds = mention.kinds
    if mention.identifier or kinds & {"gcloud", "agreement"}:
        return True
    has_word = "framework" in kinds
    if mention.owner and has_word:
        return True
    if not has_word or mention.owner:
        return False
    span = doc[mention.start : mention.end]
    words = [t for t in span if t.lower_ not in ("framework", "frameworks", "agreement")]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    framework_word = next(t for t in span if t.lower_.startswith("framework"))
    if not framework_word.text[:1].isupper():
        return False
    clause = sentence(doc, span.start)
    before = text_of(doc)[clause.start_char : span.start_char]
    return (
        bool(PROCUREMENT_CONTEXT.search(clause.text))
        and not NOT_PROCUREMENT.search(span.text)
        and not HYPOTHETICAL_BEFORE.search(before)
    )
