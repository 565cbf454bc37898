"""The kind of an amount, read from the kind cues of its sentence.

Kinds (`schemas.record.AmountKind`): cost (spent or committed), grant (given), income
(coming in: receipts, sales, grants received from a funder), saving, variance (an
overspend, underspend or other variance from budget), threshold (a limit or rule, never
spend), other. Cues are the `amount_context` patterns labelled "kind:<value>"; besides the
kinds they mark delegation and rule wording, incoming wording ("accept", "receipt") and
funders (the public bodies table's funders, "Government").

Rules, in words:
- threshold first, so nobody adds a limit to spend: threshold wording next to the amount
  or nearer it than any other cue, or a limit ("up to", "less than") in a sentence about
  delegation or a rule;
- else the nearest cue. A cue after the amount counts only up to a "to": what follows
  it says what the money is for, not what it is ("funding of £2m to pay for repairs" is
  funding);
- a saving or variance word governing the cost noun before the amount makes it a saving
  or variance: "savings in running costs of £1.7m", "an overspend on the schools budget
  of £3m";
- a grant is income when the sentence says it comes in: received, accepted, or from a
  funder ("funding from the Department for Education", "Home Office grant of £2m").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.nlp import Hit, hits

_THRESHOLD_REACH = 3  # "the £181,302 threshold", "£500,000 or above"
_LIMITS = {"up_to", "maximum", "minimum", "more_than", "less_than"}
_CONTEXT_ONLY = {"delegation", "rule", "incoming", "funder", "class_limit"}
_GOVERNED = {"saving", "variance"}  # words that make the cost noun after them theirs
_GOVERN_REACH = 5  # "overspend on Schools' Delegated Budgets of £30.4m"
_GENERIC_NOUNS = frozenset(("value", "valued"))
_PHRASE_BREAKS = frozenset((",", ";", ":", "(", ")", ".", "–", "—"))
_INCOMING_REACH = 6  # "accept the Home Office grant funding of £2m"
_AFTER_INCOMING_REACH = 3  # "£84m funding received"
# A word after the amount counts one token further than it is, so a tie goes to the word
# before ("a cost of £5m funded from reserves"), unless a preposition ties it to the
# amount as its object ("£2m of funding", "£2m on grants", "£3k in fees").
_AFTER_PENALTY = 1
_LINKS = frozenset(("of", "on", "in", "for"))
# Words after "to" that make it a preposition, not the start of a purpose ("to pay").
_NOT_PURPOSE = frozenset(("the", "a", "an", "be", "its", "their", "his", "her", "our", "this",
                          "that", "these", "those", "each", "every", "all", "any"))
_FUNDER_BEFORE_GRANT = 3  # "Home Office grant", "the DfE has offered grant funding"
_FROM = {"from", "by"}
_FROM_REACH = 4  # "funding of £3m from ...", "grant funding (2025/26) from ..."


@dataclass(frozen=True, order=True)
class Cue:
    start: int
    end: int
    value: str


def doc_to_cues(doc: Doc, kind_hits: Sequence[Hit]) -> list[Cue]:
    """Kind cues (from "kind:..." hits) and funder names, in token order."""
    cues = [Cue(h.start, h.end, h.label_.partition(":")[2]) for h in kind_hits]
    cues.extend(Cue(h.start, h.end, "funder") for h in hits(doc, "names")
                if h.label_ == "BODY_FUNDER")
    return sorted(cues, key=lambda c: (c.start, c.end))


def amount_kind(doc: Doc, span: Span, cues: Sequence[Cue], qualifier: str | None) -> str:
    """The kind of the amount `span`, from the cues of its sentence."""
    usable = [c for c in cues
              if not _after_purpose(doc, span, c) and not _in_aside(doc, span, c)]
    ranked = sorted((_distance(doc, span, c), c.start, c) for c in usable)
    values = {c.value for c in usable}
    if any(c.value == "threshold" and d <= _THRESHOLD_REACH for d, _, c in ranked) or (
        ranked and ranked[0][2].value == "threshold"
    ):
        return "threshold"
    if any(c.value == "class_limit" and d == 0 for d, _, c in ranked):
        return "threshold"  # "contracts over £5m", "grants under £10,000": a class of items
    if qualifier in _LIMITS and values & {"delegation", "rule"}:
        return "threshold"
    kinds = [c for _, _, c in ranked if c.value not in _CONTEXT_ONLY]
    if not kinds:
        return "other"
    nearest = kinds[0]
    if nearest.value == "cost" and nearest.end <= span.start:
        nearest = _governing(doc, usable, nearest) or nearest
    if nearest.value == "grant" and _comes_in(doc, span, nearest, usable):
        return "income"
    return nearest.value


def _distance(doc: Doc, span: Span, cue: Cue) -> int:
    if cue.end <= span.start:
        return span.start - cue.end
    gap = max(cue.start - span.end, 0)
    linked = gap > 0 and doc[span.end].lower_ in _LINKS
    return gap if linked else gap + _AFTER_PENALTY


def _after_purpose(doc: Doc, span: Span, cue: Cue) -> bool:
    """A cue after the amount, past a "to" that opens a purpose ("£2m to pay for ...",
    not "£2m to the Council" or "£2m to be funded from ...")."""
    if cue.start < span.end:
        return False
    for i in range(span.end, cue.start):
        if doc[i].lower_ == "to" and i + 1 < len(doc):
            following = doc[i + 1].text
            if following.isalpha() and following.islower() and following not in _NOT_PURPOSE:
                return True
    return False


def _in_aside(doc: Doc, span: Span, cue: Cue) -> bool:
    """A cue before the amount inside brackets closed before it: "expenditure (from the
    above funds) of £2m" is expenditure."""
    if cue.end > span.start:
        return False
    depth = 0
    for i in range(cue.end, span.start):
        text = doc[i].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
            if depth < 0:
                return True
    return False


def _governing(doc: Doc, cues: Sequence[Cue], noun: Cue) -> Cue | None:
    """The word that makes the cost noun before the amount its own, in the same phrase
    (no punctuation between): a saving or variance word ("savings in running costs of",
    "an overspend on the schools budget of"), or a grant word before "value" ("grants to
    the value of £2m"), a noun that only says how much."""
    generic = doc[noun.start : noun.end].text.lower() in _GENERIC_NOUNS
    before = [c for c in cues if c.end <= noun.start and noun.start - c.end <= _GOVERN_REACH]
    for cue in reversed(before):
        if any(doc[i].text in _PHRASE_BREAKS for i in range(cue.end, noun.start)):
            return None
        if cue.value in _GOVERNED or (generic and cue.value == "grant"
                                      and not doc[cue.start].lower_.startswith("award")):
            return cue  # an award may be a contract's: "the total award value is £11m"
    return None


def _comes_in(doc: Doc, span: Span, grant: Cue, cues: Sequence[Cue]) -> bool:
    """Whether the sentence says the money comes in: received or accepted before the
    amount ("accept grant funding of £2m"), received just after it ("£84m funding
    received"), or given by a funder named with this grant word or amount ("from the Home
    Office", "Home Office grant of £2m"; not "£75k of its Home Office grant to ...")."""
    for cue in cues:
        if cue.value in ("income", "incoming") and (
            0 <= span.start - cue.end <= _INCOMING_REACH
            or 0 <= cue.start - span.end <= _AFTER_INCOMING_REACH
        ):
            return True
        if cue.value == "funder" and _funder_gives(doc, cue, (grant.end, span.end), grant):
            return True
    return False


def _funder_gives(doc: Doc, funder: Cue, anchors: tuple[int, int], grant: Cue) -> bool:
    """ "<grant word or amount> ... from the Home Office", "... by the DfE", or "Home
    Office grant" (the funder just before the grant word)."""
    if 0 <= grant.start - funder.end <= _FUNDER_BEFORE_GRANT:
        return True
    before = funder.start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    if before < 0 or doc[before].lower_ not in _FROM:
        return False
    return any(0 <= before - anchor <= _FROM_REACH for anchor in anchors)
