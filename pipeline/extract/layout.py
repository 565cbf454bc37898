"""Labels that open a line: where form-like particulars ("Reference: D47769") are printed.

A label pattern is matched only where a line (or a table cell, or a bracket) opens, and
only on lines that hold one of the label's words: a pattern opening with "^" in MULTILINE
mode, or with a long alternation, is tried by the regex engine at every character of a
document's head, which costs more than all the rest of the particulars together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.extract import casefree

_OPENERS = " \t•·*|"


def label_matches(pattern: re.Pattern[str], text: str, keys: tuple[str, ...], *,
                  cells: bool = False, brackets: bool = False) -> Iterator[re.Match[str]]:
    """Matches of `pattern` (lower case, matched case-free) at the start of each line of
    `text` that holds one of `keys` (lower case), after bullets, bars and spaces; with
    `cells`, also after each table bar ("Item | Reference: 12"); with `brackets`, also after
    each opening bracket ("(Forward Plan Reference FP1046)", "[Key Decision: KD/0412]")."""
    lower = casefree.lowered(text)
    matcher = casefree.matcher(pattern, text)
    marks = ("|" if cells else "") + ("([" if brackets else "")
    for start in _lines_holding(lower, keys):
        end = lower.find("\n", start)
        line = lower[start:end if end >= 0 else len(lower)]
        for at in _starts(line, marks):
            found = matcher(start + at)
            if found is not None:
                yield found


def lines_head(text: str, count: int) -> list[str]:
    """The first `count` non-blank lines of `text`, stripped of bullets and spaces."""
    out: list[str] = []
    pos = 0
    while len(out) < count and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        words = text[pos:end].strip(" \t\r•·*")
        if words:
            out.append(words)
        pos = end + 1
    return out


def _lines_holding(lower: str, keys: tuple[str, ...]) -> list[int]:
    """Start offsets, in order, of the lines of `lower` that hold one of `keys`."""
    starts: set[int] = set()
    for key in keys:
        at = lower.find(key)
        while at >= 0:
            line_start = lower.rfind("\n", 0, at) + 1
            starts.add(line_start)
            next_line = lower.find("\n", at)
            at = lower.find(key, next_line) if next_line >= 0 else -1
    return sorted(starts)


def _starts(line: str, marks: str) -> list[int]:
    """Where a label may start on `line`: after its opening bullets, bars and spaces, and
    after each of `marks` (then spaces)."""
    starts = [len(line) - len(line.lstrip(_OPENERS))]
    for mark in marks:
        at = line.find(mark, starts[0])
        while at >= 0:
            rest = line[at + 1:]
            starts.append(at + 1 + len(rest) - len(rest.lstrip(" \t")))
            at = line.find(mark, at + 1)
    return starts
