"""Case-insensitive search, fast: a case-sensitive pattern over a lower-cased copy.

Python's `re.IGNORECASE` makes alternations of words several times slower. Lower-casing
the text once and searching with a lower-case pattern gives the same matches; the
match offsets are valid in the original text whenever lower-casing kept its length
(it does, except for a few letters such as "İ"), and otherwise the slow pattern runs.
Read matched words from the original text, by offset, not from the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """`text.lower()`, kept for the few texts searched several times over (a document's
    head is searched for each of its labels); a string's hash is computed only once."""
    return text.lower()


@lru_cache(maxsize=64)
def _compiled(pattern: str, flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(pattern, flags), re.compile(pattern, flags | re.IGNORECASE)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of `pattern` (written in lower case, compiled without IGNORECASE) in
    `text`, ignoring case; offsets point into `text`."""
    lower = lowered(text)
    fast, slow = _compiled(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    if len(lower) == len(text):
        return fast.finditer(lower)
    return slow.finditer(text)


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next(finditer(pattern, text), None)


def matcher(pattern: re.Pattern[str], text: str) -> Callable[[int], re.Match[str] | None]:
    """A function matching `pattern` (lower case, as for `finditer`) at a position of
    `text`, ignoring case: for many anchored matches on one text."""
    lower = lowered(text)
    fast, slow = _compiled(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    if len(lower) == len(text):
        return lambda pos: fast.match(lower, pos)
    return lambda pos: slow.match(text, pos)
