"""Case-insensitive search, fast: a case-sensitive pattern over a lower-cased copy.

Python's `re.IGNORECASE` makes alternations of words several times slower. Lower-casing
the text once and searching with a lower-case pattern gives the same matches; the
match offsets are valid in the original text whenever lower-casing kept its length
(it does, except for a few letters such as "İ"), and otherwise the slow pattern runs.
Read matched words from the original text, by offset, not from the match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=64)
def _compiled(pattern: str, flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(pattern, flags), re.compile(pattern, flags | re.IGNORECASE)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of `pattern` (written in lower case, compiled without IGNORECASE) in
    `text`, ignoring case; offsets point into `text`."""
    lowered = text.lower()
    fast, slow = _compiled(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    if len(lowered) == len(text):
        return fast.finditer(lowered)
    return slow.finditer(text)


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next(finditer(pattern, text), None)
