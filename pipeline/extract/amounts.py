"""Amounts: money found on characters, read in context from the amount_context spans.

Context rules, in words:
- a qualifier ("up to", "a maximum of", "circa") counts when it ends just before the
  amount: right before it for one-word cues ("over", "about"), within four tokens for
  the others ("a maximum contract value of £12.5m");
- VAT wording counts within five tokens after; a period ("per annum", "over 2 years",
  "in 2023/24") within eight, and never past the next amount or the sentence end;
- the kind is the nearest cue in the sentence, except that threshold wording
  ("threshold", "delegated", "or above") anywhere in the sentence makes it a threshold,
  so statutory thresholds and delegation limits are never added to spend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.extract.findings import Finding, Note, finding
from pipeline.extract.money import Money, find_money
from pipeline.extract.passages import Passage

_ONE_WORD_QUALIFIERS = {"over", "above", "under", "below", "about", "around", "some", "within",
                        "nearly", "almost", "exceeding"}
_QUALIFIER_REACH = 4
_VAT_REACH = 5
_PERIOD_REACH = 8
_PERIOD_LEAD = re.compile(
    r"^(?:(?:over|for|across|covering|in|during|from|the|a|an|initial|further|next|first|"
    r"potential|financial|fy|years?)\s+)+", re.IGNORECASE)
_PAREN_RESTATEMENT = re.compile(r"\s*\(\s*\Z")


def extract_amounts(passages: Sequence[Passage]) -> tuple[list[Finding], list[Note]]:
    findings: list[Finding] = []
    notes: list[Note] = []
    for passage in passages:
        doc = passage.doc
        monies = _merge_restatements(doc.text, find_money(doc.text))
        for money, end in monies:
            span = doc.char_span(money.start, money.end, alignment_mode="expand")
            if span is None:
                continue
            context = _context(doc, span, monies)
            start = passage.start + money.start
            findings.append(finding(
                "amounts", start, passage.start + end, money.rule, money.repaired,
                value=float(money.value), currency=money.currency, range=money.range,
                **context,
            ))
            if money.repaired:
                notes.append(Note("repaired_amount",
                                  f"read {doc.text[money.start:end]!r} as {money.value} "
                                  "(letter O taken for zero)", start, passage.start + end))
    return findings, notes


def _merge_restatements(text: str, monies: list[Money]) -> list[tuple[Money, int]]:
    """"20 Million Dollars ($20,000,000)" is one amount quoted whole, not two."""
    merged: list[tuple[Money, int]] = []
    skip = -1
    for i, money in enumerate(monies):
        if i == skip:
            continue
        end = money.end
        if i + 1 < len(monies):
            nxt = monies[i + 1]
            gap = text[money.end : nxt.start]
            closing = text[nxt.end : nxt.end + 3].lstrip()[:1]
            if (nxt.value == money.value and nxt.currency == money.currency
                    and _PAREN_RESTATEMENT.fullmatch(gap) and closing == ")"):
                end = text.index(")", nxt.end) + 1
                skip = i + 1
        merged.append((money, end))
    return merged


def _context(doc: Doc, span: Span, monies: list[tuple[Money, int]]) -> dict[str, str | None]:
    cues = doc.spans["amount_context"]
    sentence = span.sent
    limit_right = min(sentence.end, _next_money_token(doc, span, monies))
    limit_left = max(sentence.start, _previous_money_token(doc, span, monies))
    qualifier = vat = period = None
    kind_cues: list[tuple[int, str]] = []
    for cue in cues:
        family, _, value = cue.label_.partition(":")
        if family == "qualifier" and limit_left <= cue.start and cue.end <= span.start:
            gap = span.start - cue.end
            reach = 0 if cue.text.lower() in _ONE_WORD_QUALIFIERS else _QUALIFIER_REACH
            if gap <= reach:
                qualifier = value
        elif family == "vat" and span.end <= cue.start <= span.end + _VAT_REACH:
            vat = vat or value
        elif family == "period" and span.end <= cue.start <= span.end + _PERIOD_REACH:
            if cue.end <= limit_right and period is None:
                period = _period_text(cue.text)
        elif family == "kind" and sentence.start <= cue.start < sentence.end:
            distance = span.start - cue.end if cue.end <= span.start else cue.start - span.end
            kind_cues.append((max(distance, 0), value))
    return {"qualifier": qualifier, "vat": vat, "period": period, "kind": _kind(kind_cues)}


def _kind(cues: list[tuple[int, str]]) -> str:
    if any(value == "threshold" for _, value in cues):
        return "threshold"
    if not cues:
        return "other"
    return min(cues)[1]


def _period_text(text: str) -> str:
    cleaned = re.sub(r"\s+", " ", text).strip()
    stripped = _PERIOD_LEAD.sub("", cleaned)
    return stripped or cleaned


def _next_money_token(doc: Doc, span: Span, monies: list[tuple[Money, int]]) -> int:
    for money, _ in monies:
        if money.start >= span.end_char:
            other = doc.char_span(money.start, money.end, alignment_mode="expand")
            if other is not None and other.start >= span.end:
                return other.start
    return len(doc)


def _previous_money_token(doc: Doc, span: Span, monies: list[tuple[Money, int]]) -> int:
    best = 0
    for money, end in monies:
        if end <= span.start_char:
            other = doc.char_span(money.start, end, alignment_mode="expand")
            if other is not None and other.end <= span.start:
                best = max(best, other.end)
    return best
