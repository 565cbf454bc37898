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
_FIRST_WORDS = 8


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
    out: list[Finding] = []
    for start, end in _blocks(doc):
        out.extend(_block_to_findings(doc.text, start, end))
    return out


def _blocks(doc: Document) -> list[tuple[int, int]]:
    blocks = [(s.start, s.end) for s in doc.sections if s.kind in _BLOCK_KINDS]
    for found in _lead_ins(doc.text):
        if any(s <= found.start() < e for s, e in blocks):
            continue
        following = [s.start for s in doc.sections if s.start > found.start()]
        end = min(following) if following else len(doc.text)
        line_start = doc.text.rfind("\n", 0, found.start()) + 1
        blocks.append((line_start, end))
    return sorted(blocks)


def _lead_ins(text: str) -> list[re.Match[str]]:
    """Lead-ins ("is recommended to"), searched only on lines holding one of their
    longest words: a search of every line costs more than the rest of this module."""
    _, lead_in = _actions()
    lowered = text.lower()
    if len(lowered) != len(text):
        return list(casefree.finditer(lead_in, text))
    line_starts: set[int] = set()
    for key in _lead_in_keys():
        at = lowered.find(key)
        while at != -1:
            line_starts.add(lowered.rfind("\n", 0, at) + 1)
            at = lowered.find(key, at + 1)
    found: list[re.Match[str]] = []
    for start in sorted(line_starts):
        end = lowered.find("\n", start)
        found.extend(lead_in.finditer(lowered, start, len(lowered) if end < 0 else end))
    return found


@lru_cache(maxsize=1)
def _lead_in_keys() -> frozenset[str]:
    lead_ins = read_table("actions.json")["lead_ins"]
    return frozenset(max(re.findall(r"[a-z]+", phrase), key=len) for phrase in lead_ins)


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


def _block_to_findings(text: str, start: int, end: int) -> list[Finding]:
    items, lead_verb = _block_items(text, start, end)
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


def _block_items(text: str, start: int, end: int) -> tuple[list[_Item], str | None]:
    """The block's items and the verb of its lead-in ("is recommended to approve:")."""
    verbs, lead_in = _actions()
    leads = [(start + m.start(), start + m.end())
             for m in casefree.finditer(lead_in, text[start:end])]
    soft = passage_text(text[start:end])
    lead_verb: str | None = None
    items: list[_Item] = []
    style: str | None = None
    for line in _lines(text, start, end):
        lead_end = next((e for s, e in leads if line.start <= s < line.end), None)
        if lead_end is not None and not items:
            lead_verb = _first_action(text[lead_end : line.end], verbs)
            items.extend(_inline_item(text, lead_end, line.end, verbs))
            continue
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
    return [(lead_end + len(after) - len(after.lstrip(" :;-–")), line_end, None)]


def _item_action(quote: str, verbs: dict[str, str], lead_verb: str | None) -> str:
    """The item's own verb when it opens the item ("Approve the award"); else the lead-in's
    ("is recommended to approve: 1. the award of ..."); else any action word near the start."""
    first = re.match(r"\W*([A-Za-z]+)", quote)
    if first is not None and first.group(1).lower() in verbs:
        return verbs[first.group(1).lower()]
    return lead_verb or _first_action(quote, verbs) or "other"


def _first_action(text: str, verbs: dict[str, str]) -> str | None:
    for word in re.findall(r"[A-Za-z]+", text)[:_FIRST_WORDS]:
        action = verbs.get(word.lower())
        if action is not None:
            return action
    return None
