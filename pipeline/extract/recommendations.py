"""Recommendations: the items under "Recommendation(s)"/"Decision", or after a lead-in
("is recommended to:", "is asked to", "That the Mayor:").

Items are the list lines of the block's first marker style ("1.", "a)", "•"); lines
of another style, and wrapped lines, belong to the item above. A block with no list is
one recommendation: the words after its lead-in. The action is the item's first verb,
else the lead-in's ("is recommended to approve:"), else "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.document import Document
from pipeline.extract import casefree
from pipeline.extract.findings import Finding, finding
from pipeline.extract.passages import passage_text
from pipeline.nlp import read_table
from pipeline.segment import LINE_MARKER

_BLOCK_KINDS = {"recommendations", "decision"}
_SENTENCE_DONE = re.compile(r"[.;!?](?=\s|$)")
# Last words of a lead-in whose sentence runs on into the list below it.
_OPEN_ENDINGS = frozenset(("the", "a", "an", "of", "to", "for", "and", "or", "following",
                           "with", "on", "in", "by"))
_FIRST_WORDS = 8
_RESOLUTION_WORDS = 20


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    body: int
    marker: str | None  # "num", "alpha", "bullet" or None
    number: str | None


@lru_cache(maxsize=1)
def _actions() -> tuple[dict[str, str], re.Pattern[str]]:
    table = read_table("actions.json")
    lead = "|".join(re.escape(x) for x in sorted(table["lead_ins"], key=len, reverse=True))
    return table["verbs"], re.compile(rf"(?:{lead})")


def extract_recommendations(doc: Document) -> list[Finding]:
    """Each block's items, less the items an earlier block already holds: a report
    repeats its recommendations (in the summary and at the end, on a web page and in the
    decision notice), and a decision is one list, not two."""
    out: list[Finding] = []
    keys: list[tuple[str | None, str]] = []
    for start, end, from_lead_in in _blocks(doc):
        block_start = len(out)
        for item in _block_to_findings(doc.text, start, end, from_lead_in):
            key = _item_key(doc.text, item)
            earlier = next((k for k in range(block_start) if _repeats(key, keys[k])), None)
            if earlier is None:
                out.append(item)
                keys.append(key)
            elif len(key[1]) > len(keys[earlier][1]):
                out[earlier], keys[earlier] = item, key  # the fuller wording of the item
    return out


_MIN_PREFIX_WORDS = 6


def _item_key(text: str, item: Finding) -> tuple[str | None, str]:
    """The item's number and its words, lower-cased, punctuation dropped."""
    words = re.findall(r"[a-z0-9£]+", text[item.start : item.end].lower())
    return item.values.get("number"), " ".join(words)


def _repeats(key: tuple[str | None, str], earlier: tuple[str | None, str]) -> bool:
    """The same item: the same words; or, under the same number, one item's words the
    start of the other's (six words or more): "a) Note the forecast overspend of £23.3m"
    and "a) Note the forecast overspend of £23.3m and the actions taken"."""
    (number, words), (earlier_number, earlier_words) = key, earlier
    if words == earlier_words:
        return True
    if number is None or number != earlier_number:
        return False
    shorter, longer = sorted((words, earlier_words), key=len)
    return len(shorter.split()) >= _MIN_PREFIX_WORDS and (longer + " ").startswith(shorter + " ")


def _blocks(doc: Document) -> list[tuple[int, int, bool]]:
    """(start, end, opened by a lead-in) of each block: the recommendations and decision
    sections, and each lead-in outside them up to the next section."""
    blocks = [(s.start, s.end, False) for s in doc.sections if s.kind in _BLOCK_KINDS]
    for found, _ in _lead_ins(doc.text):
        if any(s <= found < e for s, e, _ in blocks):
            continue
        following = [s.start for s in doc.sections if s.start > found]
        end = min(following) if following else len(doc.text)
        line_start = doc.text.rfind("\n", 0, found) + 1
        blocks.append((line_start, end, True))
    return sorted(blocks)


def _lead_ins(text: str) -> list[tuple[int, int]]:
    """(start, end) of each lead-in ("is recommended to"), leftmost first, the longest at
    one place, none overlapping: as one regex alternation of them would find them.

    Found from their rarest words ("recommended", "asked") with `str.find`, then compared
    whole: an alternation of 22 phrases opening with common letters tries nearly every
    character of the text, and was the costliest search of this module."""
    _, lead_in = _actions()
    lowered = text.lower()
    if len(lowered) != len(text):
        return [found.span() for found in casefree.finditer(lead_in, text)]
    candidates: list[tuple[int, int]] = []
    for key, phrases in _lead_ins_by_key().items():
        at = lowered.find(key)
        while at != -1:
            for phrase, offset in phrases:
                begin = at - offset
                if begin >= 0 and lowered.startswith(phrase, begin):
                    candidates.append((begin, -len(phrase)))
            at = lowered.find(key, at + 1)
    found: list[tuple[int, int]] = []
    for begin, negative_length in sorted(candidates):
        if not found or begin >= found[-1][1]:
            found.append((begin, begin - negative_length))
    return found


@lru_cache(maxsize=1)
def _lead_ins_by_key() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each lead-in under its longest word, with that word's offset in it."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for phrase in read_table("actions.json")["lead_ins"]:
        key = max(re.finditer(r"[a-z]+", phrase), key=lambda word: len(word.group(0)))
        grouped.setdefault(key.group(0), []).append((phrase, key.start()))
    return {key: tuple(phrases) for key, phrases in grouped.items()}


def _lines(text: str, start: int, end: int) -> list[_Line]:
    lines: list[_Line] = []
    pos = start
    for raw in text[start:end].split("\n"):
        line_end = pos + len(raw)
        if raw.strip():
            marker = LINE_MARKER.match(raw)
            kind = number = None
            body = pos + len(raw) - len(raw.lstrip())
            if marker:
                kind = (
                    "num" if marker.group("num") else "alpha" if marker.group("alpha") else "bullet"
                )
                number = marker.group("num") or marker.group("alpha")
                body = pos + marker.end()
            lines.append(_Line(pos, line_end, body, kind, number))
        pos = line_end + 1
    return lines


_Item = tuple[int, int, "str | None"]  # body start, end, number as written


def _block_to_findings(text: str, start: int, end: int, from_lead_in: bool) -> list[Finding]:
    items, lead_verb = _block_items(text, start, end, from_lead_in)
    verbs, _ = _actions()
    numbers = [n for _, _, n in items]
    renumber = len(set(numbers)) < len(numbers)  # web pages number every item "1."
    out: list[Finding] = []
    for index, (body, item_end, number) in enumerate(items, 1):
        quote = text[body:item_end].rstrip()
        if quote:
            action = _item_action(quote, verbs, lead_verb)
            out.append(finding("recommendations", body, body + len(quote), "recommendation-item",
                               number=str(index) if renumber else number, action=action))
    return out


def _block_items(text: str, start: int, end: int, from_lead_in: bool = False
                 ) -> tuple[list[_Item], str | None]:
    """The block's items and the verb of its lead-in ("is recommended to approve:").

    A lead-in in running text opens a list only while its sentence is open: once that
    sentence ends with no item read ("... it is recommended that the works go ahead.
    This will ..."), the numbered paragraphs after it are the report's, not a list."""
    verbs, _ = _actions()
    leads = [(start + s, start + e) for s, e in _lead_ins(text[start:end])]
    soft = passage_text(text[start:end])
    lead_verb: str | None = None
    items: list[_Item] = []
    style: str | None = None
    for line in _lines(text, start, end):
        lead_end = next((e for s, e in leads if line.start <= s < line.end), None)
        if lead_end is not None and not items:
            lead_verb = _first_action(text[lead_end : line.end], verbs)
            items.extend(_inline_item(text, lead_end, line.end, verbs))
            if from_lead_in and not items and _SENTENCE_DONE.search(text, lead_end, line.end):
                break
            continue
        if (from_lead_in and not items and line.marker is None
                and _SENTENCE_DONE.search(text, line.start, line.end)):
            break
        same_style = line.marker is not None and (style is None or line.marker == style)
        actionable = lead_verb or style or _first_action(text[line.body : line.end], verbs)
        if same_style and actionable:
            style = line.marker
            items.append((line.body, line.end, line.number))
        elif items and (soft[line.start - 1 - start] == " " or line.marker is not None):
            items[-1] = (items[-1][0], line.end, items[-1][2])  # wrapped line or sub-item
        elif items:
            break
    return items, lead_verb


def _inline_item(text: str, lead_end: int, line_end: int, verbs: dict[str, str]
                 ) -> list[_Item]:
    """"The DMPC is asked to approve the disposal ...": the rest of the line is the item."""
    after = text[lead_end:line_end]
    rest = after.strip(" :;-–")
    if not rest or after.rstrip().endswith(":") or not _first_action(rest, verbs):
        return []
    if rest.split()[-1].lower() in _OPEN_ENDINGS:
        return []  # "That the DMPC approves the" runs on into the list below
    return [(lead_end + len(after) - len(after.lstrip(" :;-–")), line_end, None)]


def _item_action(quote: str, verbs: dict[str, str], lead_verb: str | None) -> str:
    """The item's own verb when it opens the item ("Approve the award"); else the lead-in's
    ("is recommended to approve: 1. the award of ..."); else any action word near the start."""
    first = re.match(r"\W*([A-Za-z]+)", quote)
    if first is not None and first.group(1).lower() in verbs:
        return verbs[first.group(1).lower()]
    return lead_verb or _first_action(quote, verbs) or "other"


def _first_action(text: str, verbs: dict[str, str]) -> str | None:
    """The first action word near the start; in a resolution ("That the Cabinet Member
    for Regeneration, Planning and Transport approves ...") after its subject, however
    long."""
    words = re.findall(r"[A-Za-z]+", text)
    reach = _RESOLUTION_WORDS if words[:1] == ["That"] else _FIRST_WORDS
    for word in words[:reach]:
        action = verbs.get(word.lower())
        if action is not None:
            return action
    return None
