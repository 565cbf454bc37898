"""Provisions of an instrument: read from the words around a mention, written in one form.

The canonical form names the outermost provision first and each part within it after a
comma ("schedule 12A, paragraph 3", "schedule 12A, part 1", "protocol 1, article 1");
a part numbered in brackets is written onto the provision it belongs to ("paragraph (4)
of regulation K5" is "regulation K5(4)", "section 38(1) and (2)" is two provisions,
"section 38(1)" and "section 38(2)"). Kinds are lower case and spelt out ("s.22A" is
"section 22A"); ids keep the text's case. `canonical_provision` turns a provision written
any of these ways into this form, so the scorer compares the same thing the extractor
writes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pipeline.patterns.legislation import (
    BESIDE_TITLE_KINDS,
    BRACKETED_PARTS,
    CONTAINER_WORDS,
    PARTS_OF_SCHEDULE,
    PROTOCOL_ORDINALS,
    PROVISION_AFTER,
    PROVISION_BEFORE,
    PROVISION_BESIDE,
    PROVISION_BESIDE_TITLE,
    PROVISION_COMMA,
    PROVISION_ID,
    PROVISION_OF,
    PROVISION_RANKS,
    PROVISION_SIBLING,
    PROVISION_WITHIN_AFTER,
    PROVISION_WORDS,
    SUBDIVISION_AFTER,
)

_WINDOW = 160
_MAX_LEVELS = 4
_ID = re.compile(PROVISION_ID, re.VERBOSE | re.IGNORECASE)
_LAST_BRACKET = re.compile(r"\([^()]*\)\s*\Z")
# Cheap tests before the costly provision patterns.
_ABBREVIATED = re.compile(r"[A-Z]{2,}\b")  # "ECHR", "GDPR", "DPA 2018"
_LINKED_BEFORE = re.compile(
    r"\b(?:of|to|under|in|into)\s+(?:the\s+)?(?:above\s+|said\s+)?\Z", re.IGNORECASE)
# The provision patterns before an instrument end at it (\Z) and are searched in the
# window before it: a search tries them at every position of the window, so they are
# matched only where a provision can start (`_ending_at`). Every provision word opens
# with s, a, r, p or c ("section", "Art.", "Reg", "para", "chapter", "sub-paragraph",
# "Schedule") after no word character; a protocol ("the First Protocol", "Protocol 1")
# may start anywhere, but has "protocol" in it.
_PROVISION_START = re.compile(r"[sarpc](?<!\w[sarpc])", re.IGNORECASE)
_PROTOCOL_WORD = re.compile("protocol", re.IGNORECASE)
# How the patterns searched after the first level end, as cheap necessary tests: a
# comma (`PROVISION_COMMA`), a list's "and"/"or"/comma (`PROVISION_SIBLING`), "of"/"to"
# (`PROVISION_OF`).
_COMMA_BEFORE = re.compile(r",\s*\Z")
_LIST_WORD_BEFORE = re.compile(r"(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)\Z", re.IGNORECASE)
_OF_BEFORE = re.compile(r"\s(?:of|to)\s+\Z", re.IGNORECASE)
# not "4.2"; "IV" (a Part in roman numerals)
_PLAIN_ID = re.compile(r"[A-Z]?\d{1,3}[A-Za-z]?(?:\([0-9A-Za-z]{1,4}\))*|[IVX]{1,5}[A-H]?")
# A provision that goes on to name its own instrument: ", section 111 of the ..."
_CITES_ITS_OWN = re.compile(r"\s*(?:\(|of\b|to\b|under\b|in\b)", re.IGNORECASE)
_RANGE = re.compile(r"\sto\s|[-–]")
_LIST = re.compile(r"\band\b|,|\bor\b|&", re.IGNORECASE)


@dataclass(frozen=True)
class Level:
    """One provision word and its ids as cited: ("section", ("38(1)", "(2)"))."""

    word: str
    ids: tuple[str, ...]
    is_range: bool = False


def provisions_around(
    text: str, start: int, end: int, kind: str | None = None
) -> tuple[list[str], int, int]:
    """Provisions cited with the instrument at text[start:end], and the widened quote:
    before it ("paragraph 3 of Schedule 12A to the ..."), else after it (", s. 149",
    ", Schedule 12A, paragraph 3"), with a later sub-division ("... states at sub
    paragraph (4)") added to a single provision. `kind` is the statute's kind ("act",
    "regulations"); only a statute of a known kind takes a provision written before its
    title with no "of" ("Section 120 Local Government Act 1972"), and only one of the
    kind that statute is divided into (`BESIDE_TITLE_KINDS`)."""
    levels, new_start = _levels_before(text, start, kind)
    if levels:
        start = new_start
        end = _within_after(text, end, levels)
    else:
        levels, end = _levels_after(text, end)
    provisions = levels_to_provisions(levels)
    if len(provisions) == 1:
        sub = SUBDIVISION_AFTER.match(text, end)
        if sub is not None:
            provisions = [provisions[0] + re.sub(r"\s", "", sub.group("sub"))]
    return provisions, start, end


def _levels_before(text: str, start: int, kind: str | None) -> tuple[list[Level], int]:
    """Levels written before the instrument ("paragraph 3 of Part 1 of Schedule 12A to
    the ", "Paragraph 3, Part 1, Schedule 12A of the ", "Section 120 " before a full
    title, "Section 7 and Section 13 of the "), outermost first, and where they start."""
    nearest = None
    if _LINKED_BEFORE.search(text, max(0, start - 20), start):
        nearest = _ending_at(PROVISION_BEFORE, text, start)
    elif _ABBREVIATED.match(text, start):
        nearest = _ending_at(PROVISION_BESIDE, text, start)
    elif kind is not None and text[start : start + 1].isupper():
        nearest = _ending_at(PROVISION_BESIDE_TITLE, text, start)
        if nearest is not None and kind not in BESIDE_TITLE_KINDS[_level(nearest).word]:
            nearest = None
    if nearest is None or nearest.end() != start:
        return [], start
    levels = [_level(nearest)]
    start = nearest.start()
    by_comma = False
    while len(levels) < _MAX_LEVELS:
        found = _ending_at(PROVISION_OF, text, start, _OF_BEFORE)
        if found is None or found.end() != start or not _may_link(found, levels[-1]):
            found = _comma_linked(text, start, levels[-1])
            by_comma = by_comma or found is not None
        if found is None:
            break
        levels.append(_level(found))
        start = found.start()
    start = _siblings_before(text, start, levels)
    if by_comma:  # "Paragraph 3, Part 1, Schedule 12A": the kinds say which holds which
        levels.sort(key=lambda level: -PROVISION_RANKS.get(level.word, 0))
    return levels, start


def _ending_at(
    pattern: re.Pattern[str], text: str, end: int, ending: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """`pattern.search(text, end - _WINDOW, end)` for a provision pattern that ends at
    `end`, tried only where a provision can start, leftmost first: the first match is
    the one the search finds (a protocol, which can start anywhere, is searched for).
    `ending`, how the pattern ends, is a cheap necessary test before it."""
    window = max(0, end - _WINDOW)
    if ending is not None and ending.search(text, window, end) is None:
        return None
    if _PROTOCOL_WORD.search(text, window, end) is not None:
        return pattern.search(text, window, end)
    for start in _PROVISION_START.finditer(text, window, end):
        found = pattern.match(text, start.start(), end)
        if found is not None:
            return found
    return None


def _siblings_before(text: str, start: int, levels: list[Level]) -> int:
    """Provisions of the same kind listed before the first one read, each with its own
    word ("Section 7 and Section 13 of the ..."): their ids join it. Returns where the
    list starts."""
    while True:
        found = _ending_at(PROVISION_SIBLING, text, start, _LIST_WORD_BEFORE)
        if found is None or found.end() != start:
            return start
        level, first = _level(found), levels[-1]
        if level.word != first.word or level.is_range or first.is_range:
            return start
        levels[-1] = Level(first.word, level.ids + first.ids)
        start = found.start()


def _may_link(found: re.Match[str], outer: Level) -> bool:
    """"of" links any provision to the one it is part of; "to" only a schedule's paragraph
    or part to its schedule ("paragraph 3 to Schedule 12A"), not "section 5 to Schedule 2"
    (an amendment one provision makes to another)."""
    if found.group("link").lower() == "of":
        return True
    return outer.word == "schedule" and _level(found).word in PARTS_OF_SCHEDULE


def _within_after(text: str, end: int, levels: list[Level]) -> int:
    """A part of the innermost level read before the instrument, written after it: "Part
    1 of Schedule 7A to the ... Act 1973, paragraphs 6 and 8". Only a smaller kind within
    a container (a schedule, part, chapter), and not one that names its own instrument
    (", section 111 of the Localism Act 2011" is another citation). Adds to `levels`;
    returns the quote's new end."""
    inner = levels[-1]
    if inner.word not in CONTAINER_WORDS or len(levels) >= _MAX_LEVELS:
        return end
    within = PROVISION_WITHIN_AFTER.match(text, end)
    if within is None or _CITES_ITS_OWN.match(text, within.end()):
        return end
    level = _level(within)
    if PROVISION_RANKS.get(level.word, 0) >= PROVISION_RANKS.get(inner.word, 0):
        return end
    levels.append(level)
    return within.end()


def _comma_linked(text: str, start: int, next_level: Level) -> re.Match[str] | None:
    """A provision of another rank, with a plain id, and a comma before `next_level`."""
    found = _ending_at(PROVISION_COMMA, text, start, _COMMA_BEFORE)
    if found is None or found.end() != start:
        return None
    level = _level(found)
    rank = PROVISION_RANKS.get(level.word)
    if rank is None or rank == PROVISION_RANKS.get(next_level.word) or level.is_range \
            or not all(_PLAIN_ID.fullmatch(i) for i in level.ids):
        return None
    return found


def _levels_after(text: str, end: int) -> tuple[list[Level], int]:
    """Levels written after the instrument, outermost first: ", Schedule 12A, paragraph 3"."""
    after = PROVISION_AFTER.match(text, end)
    if after is None:
        return [], end
    levels = [_level(after)]
    end = after.end()
    inner = after.start("prov") if after.group("prov") is not None else after.start("protocol")
    if "(" in text[after.start() : inner] and text[end : end + 1] == ")":
        return levels, end + 1  # " (section 17)": quote the bracket whole
    while levels[-1].word in CONTAINER_WORDS and len(levels) < _MAX_LEVELS:
        within = PROVISION_WITHIN_AFTER.match(text, end)
        if within is None:
            break
        levels.append(_level(within))
        end = within.end()
    return levels, end


def _level(match: re.Match[str]) -> Level:
    groups = match.groupdict()
    if groups.get("bare"):
        return Level("schedule", ("",))
    if groups.get("protocol"):
        ordinal = groups.get("ordinal")
        return Level("protocol", (PROTOCOL_ORDINALS[ordinal.lower()] if ordinal
                                  else str(groups.get("number")),))
    word = re.sub(r"\s+", "", match.group("word").lower())
    kind = PROVISION_WORDS.get(word, word.rstrip("."))
    ids_text = match.group("ids")
    if _RANGE.search(ids_text) and not _LIST.search(ids_text):
        return Level(kind, (" ".join(ids_text.split()),), is_range=True)  # "12 to 15"
    return Level(kind, _ids_in(ids_text))


def _ids_in(ids_text: str) -> tuple[str, ...]:
    """The ids of a list, a bracketed one completed from the one before it: "38(1) and
    (2)" is 38(1) and 38(2); "72(1)(a) and (b)" is 72(1)(a) and 72(1)(b)."""
    ids: list[str] = []
    for found in _ID.finditer(ids_text):
        item = "".join(found.group(0).split())
        if item.startswith("(") and ids and not ids[-1].startswith("("):
            item = _LAST_BRACKET.sub("", ids[-1]) + item
        ids.append(item)
    return tuple(ids)


def levels_to_provisions(levels: list[Level]) -> list[str]:
    """One canonical provision per combination of the listed ids, outermost first."""
    if not levels:
        return []
    out: list[str] = []
    for ids in itertools.product(*(level.ids for level in levels)):
        out.append(_written(levels, ids))
    return list(dict.fromkeys(out))


def _written(levels: list[Level], ids: tuple[str, ...]) -> str:
    first = levels[0]
    text = _one(first, ids[0])
    parent = first.word
    for level, id_ in zip(levels[1:], ids[1:], strict=True):
        if level.is_range:
            text += ", " + _one(level, id_)
        elif id_.startswith("(") or (parent in BRACKETED_PARTS and level.word in
                                     ("paragraph", "subsection") and id_.isalnum()):
            text += id_ if id_.startswith("(") else f"({id_})"
        else:
            text += ", " + _one(level, id_)
            parent = level.word
    return text


def _one(level: Level, id_: str) -> str:
    if level.is_range:
        return f"{level.word}s {id_}"
    return f"{level.word} {id_}".rstrip()


def or_none(provisions: list[str]) -> list[str | None]:
    """One entry per provision, or one for the instrument itself when none is cited."""
    return [*provisions] if provisions else [None]


_PART = re.compile(r"\s*(?:,|\bof\b)\s*", re.IGNORECASE)


def canonical_provision(provision: str) -> str:
    """A provision written in any of the forms above, in the canonical form: "paragraph
    3 of Schedule 12A", "Sch. 12A, para 3" and "paragraph 3, Schedule 12A" (innermost
    first, the kinds telling which holds which) are "schedule 12A, paragraph 3"; a text
    that is not a provision comes back as it was, spaces tidied."""
    return provision_in(provision) or " ".join(provision.split())


def provision_in(text: str) -> str | None:
    """The canonical form of `text` when the whole of it is one provision, else None."""
    tidy = " ".join(text.split())
    levels: list[Level] = []
    for part in (p for p in _PART.split(tidy) if p):
        found = PROVISION_AFTER.fullmatch(part)
        if found is None:
            return None
        levels.append(_level(found))
    if " of " in f" {tidy.lower()} ":
        levels.reverse()  # "paragraph 3 of schedule 12A": innermost first
    elif all(level.word in PROVISION_RANKS for level in levels):
        # "paragraph 3, Schedule 12A": the kinds say which holds which, as in the text
        levels.sort(key=lambda level: -PROVISION_RANKS[level.word])
    written = levels_to_provisions(levels)
    return written[0] if len(written) == 1 else None
