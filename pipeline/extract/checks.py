"""Arithmetic the text states: a total and the parts it is made of.

A total is an amount in a sentence with total wording ("total", "consist of", "made up
of", "comprising", "balance"), or whose next sentence opens with it ("This will consist
of ..."). Its parts are a run of at least two later amounts in the same or the next two
sentences (or, for "a total of £X", the amounts just before it) whose sum is the total,
allowing for the rounding of figures written as "£852.4k". When the text says the total
is made of parts and no run adds up, the check is recorded as failing and a warning
says so; nothing is corrected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.extract.findings import Finding, Note
from pipeline.extract.passages import Passage, sentence_chars, text_of

TOTAL_WORDS = re.compile(
    r"\b(?:total\w*|in all|overall|combined|sum of|consists?(?:ing)? of|made up of|"
    r"compris\w*|of which|split\w*|broken down|breakdown|balance)\b",
    re.IGNORECASE,
)
COMPOSITION_WORDS = re.compile(
    r"\b(?:consists?(?:ing)? of|made up of|compris\w*|of which|split (?:between|into|as)|"
    r"broken down)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")
_MAX_RUN = 8
_SENTENCES_AHEAD = 2
_SENTENCES_AHEAD_OF_TOTAL = 8  # "four grants, totalling £93,000" then one line per grant
# Words right before an amount that make it a total: "a total of", "totalling", "overall".
_TOTAL_BEFORE = re.compile(r"\b(?:total\w*|overall|combined|in all|sum of)\b[^£$€\d]{0,25}$",
                           re.IGNORECASE)
_TOTAL = re.compile(r"\btotal(?:ling|ing|s)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class CheckFinding:
    total: Finding
    parts: tuple[Finding, ...]
    holds: bool
    difference: float


@dataclass(frozen=True)
class _Amount:
    finding: Finding
    sentence: int
    value: float
    tolerance: float


def extract_checks(
    text: str, passages: Sequence[Passage], amounts: Sequence[Finding]
) -> tuple[list[CheckFinding], list[Note]]:
    checks: list[CheckFinding] = []
    notes: list[Note] = []
    for passage in passages:
        inside = [a for a in amounts if passage.start <= a.start < passage.end]
        if len(inside) < 3:
            continue
        found, mismatches = _passage_checks(text, passage, inside)
        checks.extend(found)
        notes.extend(mismatches)
    return checks, notes


def _passage_checks(
    text: str, passage: Passage, amounts: list[Finding]
) -> tuple[list[CheckFinding], list[Note]]:
    bounds = sentence_chars(passage.doc)
    passage_text = text_of(passage.doc)
    sentences = [passage_text[s:e] for s, e in bounds]
    starts = [passage.start + s for s, _ in bounds]
    items = [
        _Amount(a, _sentence_of(starts, a.start), float(a.values["value"]),
                _tolerance(text[a.start : a.end], float(a.values["value"])))
        for a in amounts
        if a.values.get("range") is None
    ]
    candidates = [i for i in _totals_in_order(text, items) if _has_total_words(sentences, items[i])]
    consumed: set[int] = set()
    found: dict[int, CheckFinding] = {}
    progress = True
    while progress:  # an inner total found later frees the run of an outer one
        progress = False
        for i in candidates:
            if i in consumed or i in found:
                continue
            sentence_text = _sentence_text(sentences, items[i].sentence)
            run = _run_summing_to(items, _parts_after(items, i, consumed, sentence_text), items[i])
            if run is None and items[i].finding.values.get("qualifier") == "total":
                run = _run_summing_to(items, _parts_before(items, i, consumed), items[i])
            if run is not None:
                consumed.update(run)
                found[i] = _check(items, items[i], run)
                progress = True
    notes: list[Note] = []
    for i in candidates:
        if i in consumed or i in found:
            continue
        ahead = _parts_after(items, i, consumed, _sentence_text(sentences, items[i].sentence))
        mismatch = _stated_but_wrong(text, items, items[i], ahead)
        if mismatch is not None:
            found[i] = mismatch[0]
            notes.append(mismatch[1])
    return [found[i] for i in sorted(found)], notes


def _has_total_words(sentences: list[str], total: _Amount) -> bool:
    """Total wording in the amount's sentence, or a composition opening the next one
    ("... £852.4k. This will consist of ...")."""
    return bool(TOTAL_WORDS.search(_sentence_text(sentences, total.sentence))
                or COMPOSITION_WORDS.search(_sentence_text(sentences, total.sentence + 1)[:40]))


def _totals_in_order(text: str, items: list[_Amount]) -> list[int]:
    """Amounts the wording marks as a total come first ("the overall cost of £2.4m is made
    up of ..."); then the rest from the last back, so an inner total takes its parts
    before an outer one looks for its own."""
    marked = [i for i in range(len(items)) if _marked_as_total(text, items, i)]
    rest = [i for i in range(len(items) - 1, -1, -1) if i not in marked]
    return [*marked, *rest]


def _marked_as_total(text: str, items: list[_Amount], i: int) -> bool:
    start, end = items[i].finding.start, items[i].finding.end
    before = text[max(items[i - 1].finding.end if i else 0, start - 40) : start]
    after_end = items[i + 1].finding.start if i + 1 < len(items) else end + 40
    after = text[end : min(after_end, end + 40)]
    return bool(COMPOSITION_WORDS.search(after) or _TOTAL_BEFORE.search(before))


def _parts_after(items: list[_Amount], i: int, consumed: set[int], sentence_text: str
                 ) -> list[int]:
    total = items[i]
    reach = _SENTENCES_AHEAD_OF_TOTAL if _TOTAL.search(sentence_text) else _SENTENCES_AHEAD
    return [j for j in range(i + 1, len(items))
            if j not in consumed and items[j].sentence <= total.sentence + reach
            and _same_currency(items[j], total) and items[j].value < total.value]


def _parts_before(items: list[_Amount], i: int, consumed: set[int]) -> list[int]:
    """For "£X and £Y, a total of £Z": the amounts before the total, same sentence."""
    total = items[i]
    return [j for j in range(i) if j not in consumed and items[j].sentence == total.sentence
            and _same_currency(items[j], total)]


def _stated_but_wrong(text: str, items: list[_Amount], total: _Amount, ahead: list[int]
                      ) -> tuple[CheckFinding, Note] | None:
    """"£X is made up of £A, £B and £C" where no run adds up: a failing check, a warning."""
    stated = [j for j in ahead if items[j].sentence == total.sentence]
    if len(stated) < 2:
        return None
    between = text[total.finding.end : items[stated[0]].finding.start]
    if not COMPOSITION_WORDS.search(between):
        return None
    check = _check(items, total, stated)
    quote = text[total.finding.start : total.finding.end]
    note = Note("arithmetic_mismatch",
                f"{quote} is said to be made of parts that add up to "
                f"{total.value - check.difference:,.2f}", total.finding.start, total.finding.end)
    return check, note


def _run_summing_to(
    items: list[_Amount], candidates: list[int], total: _Amount
) -> list[int] | None:
    for a in range(len(candidates)):
        running = 0.0
        rounding = total.tolerance
        for b in range(a, min(len(candidates), a + _MAX_RUN)):
            part = items[candidates[b]]
            running += part.value
            rounding += part.tolerance
            if b > a and abs(running - total.value) <= _allowed(rounding, total.value):
                return candidates[a : b + 1]
            if running > total.value + _allowed(rounding, total.value):
                break
    return None


def _allowed(rounding: float, total: float) -> float:
    """Rounding of the written figures, but never more than 0.5% of the total."""
    return min(rounding, 0.005 * total) + 0.005


def _check(items: list[_Amount], total: _Amount, run: list[int]) -> CheckFinding:
    parts = tuple(items[j].finding for j in run)
    difference = round(total.value - sum(items[j].value for j in run), 2)
    rounding = total.tolerance + sum(items[j].tolerance for j in run)
    return CheckFinding(
        total.finding, parts, abs(difference) <= _allowed(rounding, total.value), difference
    )


def _tolerance(quote: str, value: float) -> float:
    """Half a unit of the figure's last written digit: "£852.4k" is exact to £50."""
    figure = _FIGURE.search(quote)
    if figure is None:
        return 0.0
    written = float(figure.group(1).replace(",", "") + "." + (figure.group(2) or "0"))
    if written == 0:
        return 0.0
    scale = value / written
    decimals = len(figure.group(2) or "")
    return 0.0 if scale <= 1 else 0.5 * scale * 10**-decimals


def _same_currency(a: _Amount, b: _Amount) -> bool:
    return bool(a.finding.values["currency"] == b.finding.values["currency"])


def _sentence_of(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


def _sentence_text(sentences: Sequence[str], index: int) -> str:
    return sentences[index] if 0 <= index < len(sentences) else ""
