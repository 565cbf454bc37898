"""Amounts: money found on characters, read in context from the amount_context spans.

Context rules, in words:
- a qualifier ("up to", "a maximum of", "circa") counts when it ends just before the
  amount: right before it for one-word cues ("over", "about"), within four tokens for
  the others ("a maximum contract value of £12.5m");
- VAT wording counts within five tokens after; a period ("per annum", "over 2 years",
  "in 2023/24") a few words after, never past the next amount or the sentence end;
- the kind (cost, grant, income, saving, variance, threshold) is read from the kind
  cues of the sentence by `pipeline.extract.amount_kinds`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.extract.amount_kinds import KindReader
from pipeline.extract.findings import Finding, Note, finding
from pipeline.extract.money import Money, find_money
from pipeline.extract.passages import Passage, sentence_bounds, text_of
from pipeline.nlp import Hit, hits
from pipeline.patterns.money import PERIOD_AFTER

_ONE_WORD_QUALIFIERS = {
    ">",
    "<",
    "≥",
    "≤",
    "over",
    "above",
    "under",
    "below",
    "about",
    "around",
    "some",
    "within",
    "nearly",
    "almost",
    "exceeding",
}
_QUALIFIER_REACH = 4
_VAT_REACH = 5
_PERIOD_LEAD = re.compile(
    r"^(?:(?:over|for|across|covering|in|during|from|the|a|an|initial|further|next|first|"
    r"potential|financial|fy|years?)\s+)+",
    re.IGNORECASE,
)
_PAREN_RESTATEMENT = re.compile(r"\s*\(\s*\Z")


def extract_amounts(passages: Sequence[Passage]) -> tuple[list[Finding], list[Note]]:
    findings: list[Finding] = []
    notes: list[Note] = []
    for passage in passages:
        doc = passage.doc
        text = text_of(doc)
        monies = _merge_restatements(text, find_money(text))
        if not monies:
            continue
        spans = [doc.char_span(m.start, end, alignment_mode="expand") for m, end in monies]
        cues = _cues_by_sentence(doc)
        for k, ((money, end), span) in enumerate(zip(monies, spans, strict=True)):
            if span is None:
                continue
            before = spans[k - 1] if k > 0 else None
            after = spans[k + 1] if k + 1 < len(spans) else None
            left = before.end if before is not None else 0
            right = after.start if after is not None else len(doc)
            context = _context(doc, span, cues, left, right)
            start = passage.start + money.start
            findings.append(
                finding(
                    "amounts",
                    start,
                    passage.start + end,
                    money.rule,
                    money.repaired,
                    value=float(money.value),
                    currency=money.currency,
                    range=money.range,
                    **context,
                )
            )
            if money.repaired:
                notes.append(
                    Note(
                        "repaired_amount",
                        f"read {text[money.start : end]!r} as {money.value} "
                        "(letter O taken for zero)",
                        start,
                        passage.start + end,
                    )
                )
    return findings, notes


def _cues_by_sentence(doc: Doc) -> tuple[dict[int, list[Hit]], KindReader]:
    """Qualifier and VAT cues by the first token of their sentence, and the kind cues."""
    context: dict[int, list[Hit]] = {}
    kind_hits: list[Hit] = []
    for cue in hits(doc, "amount_context"):
        if cue.label_.startswith("kind:"):
            kind_hits.append(cue)
        else:
            context.setdefault(sentence_bounds(doc, cue.start)[0], []).append(cue)
    return context, KindReader(doc, kind_hits)


def _merge_restatements(text: str, monies: list[Money]) -> list[tuple[Money, int]]:
    """ "20 Million Dollars ($20,000,000)" is one amount quoted whole, not two."""
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
            if (
                nxt.value == money.value
                and nxt.currency == money.currency
                and _PAREN_RESTATEMENT.fullmatch(gap)
                and closing == ")"
            ):
                end = text.index(")", nxt.end) + 1
                skip = i + 1
        merged.append((money, end))
    return merged


def _context(
    doc: Doc,
    span: Span,
    cues: tuple[dict[int, list[Hit]], KindReader],
    left: int,
    right: int,
) -> dict[str, str | None]:
    # A "£" opening a sentence is counted in the one before ("approx. £5,000" has no
    # sentence break, "... participants. £72,445 will be" has one): read both.
    sentence_start, _ = sentence_bounds(doc, span.start)
    last_start, sentence_end = sentence_bounds(doc, span.end - 1)
    starts = {sentence_start, last_start}
    context_cues = [cue for start in sorted(starts) for cue in cues[0].get(start, ())]
    limit_left = max(sentence_start, left)
    limit_right = min(sentence_end, right)
    vat = None
    qualifiers: list[tuple[int, int, str]] = []  # (gap, -length, value): nearest, then longest
    for cue in context_cues:
        family, _, value = cue.label_.partition(":")
        if family == "qualifier" and limit_left <= cue.start and cue.end <= span.start:
            gap = span.start - cue.end
            reach = 0 if cue.text.lower() in _ONE_WORD_QUALIFIERS else _QUALIFIER_REACH
            if gap <= reach:
                qualifiers.append((gap, -len(cue), value))
        elif family == "vat" and span.end <= cue.start <= span.end + _VAT_REACH:
            vat = vat or value
    after_end = (
        doc[limit_right - 1].idx + len(doc[limit_right - 1])
        if limit_right > span.end
        else span.end_char
    )
    period = PERIOD_AFTER.match(text_of(doc), span.end_char, after_end)
    qualifier = min(qualifiers)[2] if qualifiers else None
    return {
        "qualifier": qualifier,
        "vat": vat,
        "period": _period_text(period.group("period")) if period else None,
        "kind": cues[1].kind(span.start, span.end, (sentence_start, sentence_end), qualifier),
    }


def _period_text(text: str) -> str:
    cleaned = re.sub(r"\s+", " ", text).strip()
    stripped = _PERIOD_LEAD.sub("", cleaned)
    return stripped or cleaned
