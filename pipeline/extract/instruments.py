"""Resolving an instrument's name as written to its entry in the documented table.

Decisions misspell titles ("Public Contract Regulations 2015", "Financial Services
Market Act 2000", "Public Contracting Regulations 2015") and write "&" for "and". Names
are compared as lists of normalised words (lower case, "&" as "and", plural "s" dropped);
a name resolves when it equals a table name, or differs from one with the same year by
one small word ("and", "of") or by a slip in one word (a short misspelling, or an ending
added or dropped: "Contracting" for "Contracts").

Failing that, a dated name of at least four words resolves to the one table entry of
its year that it is
- the end of ("Social Responsibility Act 2011": the start of the title was lost at a
  line break or markup, "Police Reform and" before it), or
- one inner word longer than, the word not in brackets ("Police Property Act
  Regulations 1997" for the Police (Property) Regulations 1997; "Local Government
  (Scotland) Act 2003" is not the Local Government Act 2003).
Four words (year and kind word included) keep two of the title's own words in it, so a
short real title ("Planning Act 2008") is never read as a longer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.nlp import read_table

_SMALL_WORDS = {"and", "of", "the", "for", "on", "in", "to", "etc"}
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Instrument:
    title: str
    year: int | None
    uri: str | None
    kind: str
    bare_default: bool
    replaces: tuple[int, ...] = ()  # years of the same title this one revoked

    @property
    def name(self) -> str:
        return f"{self.title} {self.year}" if self.year else self.title


def normalise_words(name: str) -> tuple[str, ...]:
    name = name.replace("&", " and ").replace("’", "'").lower()
    words = re.findall(r"[a-z0-9]+", name)
    return tuple(_singular(w) for w in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], Instrument], dict[tuple[str, ...], list[Instrument]]]:
    by_words: dict[tuple[str, ...], Instrument] = {}
    by_title: dict[tuple[str, ...], list[Instrument]] = {}
    for row in read_table("instruments.json")["instruments"]:
        inst = Instrument(row["title"], row["year"], row["uri"], row["kind"], row["bare_default"],
                          tuple(row.get("replaces", ())))
        by_words[normalise_words(inst.name)] = inst
        for alias in row["aliases"]:
            by_words.setdefault(normalise_words(alias), inst)
        by_title.setdefault(normalise_words(inst.title), []).append(inst)
    return by_words, by_title


@lru_cache(maxsize=4096)
def instrument_by_name(name: str) -> Instrument | None:
    """The table entry `name` means, tolerating the slips described above."""
    words = normalise_words(name)
    if not words:
        return None
    by_words, _ = _table()
    if words in by_words:
        return by_words[words]
    year = _YEAR.search(name)
    same_year = [(known_words, inst) for known_words, inst in by_words.items()
                 if (str(inst.year) == year.group(1) if year else inst.year is None)]
    for known_words, inst in same_year:
        if _near(words, known_words):
            return inst
    if year is None:
        return None
    bracketed = frozenset(w for inner in re.findall(r"\(([^()]*)\)", name)
                          for w in normalise_words(inner))
    loose = {inst for known_words, inst in same_year
             if _near_loosely(words, known_words, bracketed)}
    return loose.pop() if len(loose) == 1 else None


@lru_cache(maxsize=4096)
def instruments_titled(name: str) -> tuple[Instrument, ...]:
    """Entries whose title (without year) is `name`: "Equality Act" -> 2006 and 2010."""
    _, by_title = _table()
    words = normalise_words(name)
    found = by_title.get(words)
    if found:
        return tuple(found)
    return tuple(inst for title, insts in by_title.items() if _near(words, title) for inst in insts)


def _near(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    a_core = tuple(w for w in a if w not in _SMALL_WORDS)
    b_core = tuple(w for w in b if w not in _SMALL_WORDS)
    if a_core == b_core and abs(len(a) - len(b)) <= 2:
        return True
    if len(a_core) != len(b_core) or len(a_core) < 3:
        return False
    slips = [(x, y) for x, y in zip(a_core, b_core, strict=True) if x != y]
    return len(slips) == 1 and _slip(*slips[0])


def _slip(x: str, y: str) -> bool:
    """One word for another: a short misspelling, or an ending added ("contracting")."""
    short, long = sorted((x, y), key=len)
    if len(short) < 5:
        return False
    return _edit_distance(x, y) <= 2 or (long.startswith(short) and len(long) - len(short) <= 3)


_MIN_LOOSE_WORDS = 4


def _near_loosely(
    written: tuple[str, ...], known: tuple[str, ...], bracketed: frozenset[str]
) -> bool:
    """`written` is the end of `known`, or `known` with one inner word more that is not
    in brackets (a bracketed word tells instruments apart: "Local Government (Scotland)
    Act 2003" is not the Local Government Act 2003)."""
    a = tuple(w for w in written if w not in _SMALL_WORDS)
    b = tuple(w for w in known if w not in _SMALL_WORDS)
    if _MIN_LOOSE_WORDS <= len(a) < len(b):
        return b[-len(a) :] == a
    return (len(a) == len(b) + 1 and len(b) >= _MIN_LOOSE_WORDS
            and any(a[:i] + a[i + 1 :] == b and a[i] not in bracketed
                    for i in range(1, len(a) - 1)))


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
