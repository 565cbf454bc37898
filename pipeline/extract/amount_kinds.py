"""The kind of an amount, read from the kind cues of its sentence.

Kinds (`schemas.record.AmountKind`): cost (spent or committed), grant (given), income
(coming in: receipts, sales, grants received from a funder), saving, variance (an
overspend, underspend or other variance from budget), threshold (a limit or rule, never
spend), other. Cues are the `amount_context` patterns labelled "kind:<value>"; besides the
kinds they mark delegation and rule wording, incoming wording ("accept"), classes of items
over a limit ("contracts over") and funders (the public bodies table's funders,
"Government").

Rules, in words:
- threshold first, so nobody adds a limit to spend: threshold wording next to the amount
  or nearer it than any other cue, a class of items right before it ("tenders above
  £500,000"), or a limit ("up to", "less than") in a sentence about delegation or a rule;
- else the nearest cue. A cue after the amount counts only up to a "to" that opens a
  purpose ("funding of £2m to pay for repairs" is funding), and a cue in brackets closed
  before the amount not at all ("expenditure (from the above funds) of £2m");
- a saving or variance word governing the cost noun before the amount makes it a saving
  or variance ("savings in running costs of £1.7m", "an overspend on the schools budget
  of £3m"); a grant word governing "value" makes it a grant ("grants to the value of");
- a grant is income when the sentence says it comes in: received or accepted just
  before it, or given by a funder named with it ("funding from the Department for
  Education", "Home Office grant of £2m").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

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
# Cues this many tokens either side of an amount are read first; the rest of the
# sentence only when none of them names a kind (a table row may be one long sentence).
_WINDOW = 40
# "to" as a word, any case: `\bto\b` with IGNORECASE, written to open with a character
# set so a search skips to the t's (a leading \b is tried at every character).
_TO = re.compile(r"[tT](?<=\b[tT])[oO]\b")
_BRACKET = re.compile(r"[()]")


@dataclass(frozen=True, order=True)
class Cue:
    start: int
    end: int
    value: str


class KindReader:
    """The kind cues and the few token marks of one passage, read once, and the kind of
    each of its amounts."""

    def __init__(self, doc: Doc, kind_hits: Sequence[Hit]) -> None:
        cues = [Cue(h.start, h.end, h.label_.partition(":")[2]) for h in kind_hits]
        cues.extend(Cue(h.start, h.end, "funder") for h in hits(doc, "names")
                    if h.label_ == "BODY_FUNDER")
        self.cues = sorted(cues)
        self.starts = [c.start for c in self.cues]
        self.text: str = doc.user_data.get("text") or doc.text
        self.offsets: list[int] = doc.user_data["offsets"]
        self.ends: list[int] = doc.user_data["ends"]
        # Found on characters, not token by token: most passages have few of them.
        self.purposes = [i for i in self._tokens_at(_TO) if i + 1 < len(self.offsets)
                         and _opens_purpose(self.word(i + 1))]
        self.brackets = list(self._tokens_at(_BRACKET))
        self._sentence_values: dict[tuple[int, int], set[str]] = {}

    def word(self, i: int) -> str:
        return self.text[self.offsets[i] : self.ends[i]]

    def lower(self, i: int) -> str:
        return self.word(i).lower()

    def _tokens_at(self, pattern: re.Pattern[str]) -> Iterator[int]:
        """Indexes of the tokens that are a match of `pattern` on their own."""
        for found in pattern.finditer(self.text):
            i = bisect.bisect_left(self.offsets, found.start())
            if i < len(self.offsets) and self.offsets[i] == found.start() and \
                    self.ends[i] == found.end():
                yield i

    def kind(self, start: int, end: int, sentence: tuple[int, int], qualifier: str | None
             ) -> str:
        """The kind of the amount on tokens [start, end) of the sentence [first, last)."""
        first, last = sentence
        window = self._cues(max(first, start - _WINDOW), min(last, end + _WINDOW))
        ranked = self._ranked(start, end, window)
        if not any(c.value not in _CONTEXT_ONLY for _, _, c in ranked):
            ranked = self._ranked(start, end, self._cues(first, last))
        if any(c.value == "threshold" and d <= _THRESHOLD_REACH for d, _, c in ranked) or (
            ranked and ranked[0][2].value == "threshold"
        ):
            return "threshold"
        if any(c.value == "class_limit" and d == 0 for d, _, c in ranked):
            return "threshold"  # "contracts over £5m", "grants under £10,000": a class
        if qualifier in _LIMITS and self._values(first, last) & {"delegation", "rule"}:
            return "threshold"
        kinds = [c for _, _, c in ranked if c.value not in _CONTEXT_ONLY]
        if not kinds:
            return "other"
        nearest = kinds[0]
        usable = [c for _, _, c in ranked]
        if nearest.value == "cost" and nearest.end <= start:
            nearest = self._governing(usable, nearest) or nearest
        if nearest.value == "grant" and self._comes_in(start, end, nearest, usable):
            return "income"
        return nearest.value

    def _cues(self, first: int, last: int) -> list[Cue]:
        lo = bisect.bisect_left(self.starts, first)
        hi = bisect.bisect_left(self.starts, last)
        return self.cues[lo:hi]

    def _values(self, first: int, last: int) -> set[str]:
        key = (first, last)
        if key not in self._sentence_values:
            self._sentence_values[key] = {c.value for c in self._cues(first, last)}
        return self._sentence_values[key]

    def _ranked(self, start: int, end: int, cues: list[Cue]) -> list[tuple[int, int, Cue]]:
        linked = end < len(self.offsets) and self.lower(end) in _LINKS
        ranked = []
        for cue in cues:
            if cue.end <= start:
                if cue.value not in _CONTEXT_ONLY and self._in_aside(cue.end, start):
                    continue  # a funder in brackets still names the funder: "(DLUHC) has"
                distance = start - cue.end
            else:
                if cue.start >= end and self._after_purpose(end, cue.start):
                    continue
                gap = max(cue.start - end, 0)
                distance = gap if gap > 0 and linked else gap + _AFTER_PENALTY
            ranked.append((distance, cue.start, cue))
        return sorted(ranked)

    def _after_purpose(self, end: int, cue_start: int) -> bool:
        """A "to" opening a purpose between the amount and a cue after it."""
        i = bisect.bisect_left(self.purposes, end)
        return i < len(self.purposes) and self.purposes[i] < cue_start

    def _in_aside(self, cue_end: int, start: int) -> bool:
        """A bracket closed between a cue and the amount after it, that the cue was in."""
        lo = bisect.bisect_left(self.brackets, cue_end)
        hi = bisect.bisect_left(self.brackets, start)
        depth = 0
        for i in self.brackets[lo:hi]:
            depth += 1 if self.text[self.offsets[i]] == "(" else -1
            if depth < 0:
                return True
        return False

    def _governing(self, cues: Sequence[Cue], noun: Cue) -> Cue | None:
        """The word that makes the cost noun before the amount its own, in the same phrase
        (no punctuation between): a saving or variance word ("savings in running costs
        of"), or a grant word before "value" ("grants to the value of £2m"), a noun that
        only says how much; not an award, which may be a contract's ("award value")."""
        generic = " ".join(self.lower(i) for i in range(noun.start, noun.end)) in _GENERIC_NOUNS
        before = [c for c in cues if c.end <= noun.start and noun.start - c.end <= _GOVERN_REACH]
        for cue in sorted(before, reverse=True):
            if any(self.word(i) in _PHRASE_BREAKS for i in range(cue.end, noun.start)):
                return None
            if cue.value in _GOVERNED or (generic and cue.value == "grant"
                                          and not self.lower(cue.start).startswith("award")):
                return cue
        return None

    def _comes_in(self, start: int, end: int, grant: Cue, cues: Sequence[Cue]) -> bool:
        """Received or accepted just before the amount ("accept grant funding of £2m"),
        received just after it ("£84m funding received"), or given by a funder named with
        this grant word or amount ("from the Home Office", "Home Office grant of £2m"; not
        "£75k of its Home Office grant to ...")."""
        for cue in cues:
            if cue.value in ("income", "incoming") and (
                0 <= start - cue.end <= _INCOMING_REACH
                or 0 <= cue.start - end <= _AFTER_INCOMING_REACH
            ):
                return True
            if cue.value == "funder" and self._funder_gives(cue, (grant.end, end), grant):
                return True
        return False

    def _funder_gives(self, funder: Cue, anchors: tuple[int, int], grant: Cue) -> bool:
        """ "<grant word or amount> ... from the Home Office", "... by the DfE", or "Home
        Office grant" (the funder just before the grant word)."""
        if 0 <= grant.start - funder.end <= _FUNDER_BEFORE_GRANT:
            return True
        before = funder.start - 1
        if before >= 0 and self.lower(before) == "the":
            before -= 1
        if before < 0 or self.lower(before) not in _FROM:
            return False
        return any(0 <= before - anchor <= _FROM_REACH for anchor in anchors)


def _opens_purpose(following: str) -> bool:
    """ "to pay", "to meet": a verb after "to"; not "to the Council", "to be funded"."""
    return following.isalpha() and following.islower() and following not in _NOT_PURPOSE
