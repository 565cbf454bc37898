"""Words broken across a line end ("procure-" / "ment") made whole again.

A hyphen at a line end is either the typesetter's (drop it: "procurement") or the
word's own (keep it: "self-contained"). No dictionary ships with the pipeline, so the
document is its own: a word it spells whole elsewhere is joined, a compound it spells
with a hyphen elsewhere keeps it, and so does a break between two words it uses on
their own ("cost-" / "effective") or after a prefix English writes with a hyphen
("non-", "self-"). Otherwise the break is taken as the typesetter's. The completed word
moves up to the line that started it, so every line still holds whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Words British public-sector English keeps hyphenated before another word
# ("non-statutory", "self-funded", "co-located", "long-term"), and that a typesetter
# would not leave alone at a line end (so not "ex", "sub", "pre": "ex-ample").
HYPHENATED_PREFIXES = frozenset(
    ["self", "non", "co", "cross", "semi", "all", "half", "quasi", "well", "long", "short",
     "full"])

_HYPHENS = "-\u2010\u00ad"
_LINE_END = re.compile(rf"(?P<left>[A-Za-z]+)[{_HYPHENS}]$")
_NEXT_WORD = re.compile(r"^\s*(?P<token>(?P<right>[a-z][A-Za-z]*)\S*)")
_WORD = re.compile(r"[A-Za-z]+(?:[-\u2010][A-Za-z]+)*")


def vocabulary(lines: Sequence[str]) -> frozenset[str]:
    """The document's words, lowercased, leaving out the halves of broken words."""
    words: set[str] = set()
    broken_before = False
    for line in lines:
        tokens = _WORD.findall(line)
        broken_here = bool(_LINE_END.search(line.rstrip()))
        start = 1 if broken_before else 0
        end = len(tokens) - 1 if broken_here else len(tokens)
        words.update(t.lower() for t in tokens[start:end])
        broken_before = broken_here
    return frozenset(words)


def mend_line_pair(upper: str, lower: str, words: frozenset[str]) -> tuple[str, str] | None:
    """(upper, lower) with a word broken between them made whole, or None if none is."""
    end = _LINE_END.search(upper.rstrip())
    start = _NEXT_WORD.match(lower)
    if end is None or start is None:
        return None
    left, right = end.group("left"), start.group("right")
    hyphen = "-" if _keeps_hyphen(left.lower(), right.lower(), words) else ""
    body = upper.rstrip()[: -1]
    return f"{body}{hyphen}{start.group('token')}", lower[start.end():].lstrip()


def _keeps_hyphen(left: str, right: str, words: frozenset[str]) -> bool:
    if left + right in words:
        return False
    if f"{left}-{right}" in words or left in HYPHENATED_PREFIXES:
        return True
    return len(left) > 1 and left in words and right in words


def mend_lines(lines: Iterable[str | None]) -> list[str | None]:
    """Mend every broken word between neighbouring lines; None separates runs (tables)."""
    mended = list(lines)
    words = vocabulary([line for line in mended if line is not None])
    for i in range(len(mended) - 1):
        upper, lower = mended[i], mended[i + 1]
        if upper is None or lower is None:
            continue
        pair = mend_line_pair(upper, lower, words)
        if pair is not None:
            mended[i], mended[i + 1] = pair
    return mended
