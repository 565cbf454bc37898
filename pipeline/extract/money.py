"""Money found on characters: figures, scales, currencies, ranges, words, OCR slips.

Only `find_money` is used by the amounts extractor; it never raises on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.patterns.money import (
    CURRENCY_AFTER,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    DOLLAR_PREFIX,
    MONEY,
    MONEY_CODED,
    MONEY_IN_WORDS,
    MONEY_SUFFIXED,
    PENCE,
    PENCE_CUE,
    RANGE_TAIL,
    SCALE_FACTOR,
    SPACED_GROUP_END,
    SPACED_THOUSANDS,
    SUFFIX_CURRENCY,
    SYMBOL_CURRENCY,
    WEIGHT_AFTER,
    WEIGHT_BEFORE,
)

_WORD_VALUES = {
    "zero": 0,
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_MAX_VALUE = Decimal(10) ** 15


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    value: Decimal
    currency: str
    repaired: bool = False
    rule: str = "money-figure"
    range: str | None = None


def find_money(text: str) -> list[Money]:
    """Every money amount in `text`, in order, with offsets into `text`."""
    found: list[Money] = []
    matches = list(MONEY.finditer(text))
    if any(code in text for code in CURRENCY_CODES):
        matches.extend(MONEY_CODED.finditer(text))
    lowered = text.lower()
    if any(word in lowered for word in CURRENCY_AFTER):
        matches.extend(MONEY_SUFFIXED.finditer(text))
    for match in matches:
        money = _match_to_money(text, match)
        if money is not None:
            found.extend(money)
    taken = [(m.start, m.end) for m in found]
    found.extend(m for m in _pence(text) if not _overlaps(m, taken))
    if any(word in lowered for word in CURRENCY_WORDS):
        for match in MONEY_IN_WORDS.finditer(text):
            money_words = _words_to_money(text, match)
            if money_words is not None and not _overlaps(money_words, taken):
                found.append(money_words)
    found.sort(key=lambda m: m.start)
    return _mark_ranges(text, found)


def _pence(text: str) -> list[Money]:
    if not PENCE_CUE.search(text):
        return []
    return [Money(m.start(), m.end(), (Decimal(m.group("pence")) / 100).quantize(Decimal("0.001")),
                  "GBP", False, "money-pence") for m in PENCE.finditer(text)]


def _overlaps(money: Money, taken: list[tuple[int, int]]) -> bool:
    return any(s < money.end and money.start < e for s, e in taken)


def _match_to_money(text: str, match: re.Match[str]) -> list[Money] | None:
    groups = match.groupdict()
    start = match.start()
    if groups.get("symbol") == "$":
        named = DOLLAR_PREFIX.search(text, max(0, start - 3), start)
        if named is not None:  # "US$", "A$": the letters belong to the currency
            groups["symbol"] = text[named.start() : start] + "$"
            start = named.start()
    currency = _currency(groups)
    if currency is None:
        return None
    if groups.get("symbol") is None and groups.get("code") is None and _is_weight(text, match):
        return None
    figure, repaired = _figure(groups["int"], groups["frac"])
    if figure is None:
        return None
    scale = _scale(groups)
    tail = RANGE_TAIL.match(text, match.end()) if scale is None else None
    if tail is not None:
        tail_groups = tail.groupdict()
        tail_scale = _scale(tail_groups)
        tail_figure, tail_repaired = _figure(tail_groups["int"], tail_groups["frac"])
        if tail_figure is not None and tail_scale is not None:
            low = Money(
                start,
                match.end(),
                _value(figure, tail_scale),
                currency,
                repaired,
                "money-range-shared-scale",
                "low",
            )
            tail_start = tail.start("int")
            high = Money(
                tail_start,
                tail.end(),
                _value(tail_figure, tail_scale),
                currency,
                tail_repaired,
                "money-range-shared-scale",
                "high",
            )
            return [m for m in (low, high) if m.value < _MAX_VALUE]
    end = match.end()
    if scale is None and groups.get("suffix") is None and groups.get("frac") is None:
        spaced = _spaced_groups(text, end, groups["int"])
        if spaced is not None:
            digits = groups["int"] + re.sub(r"\D", "", spaced.group("groups"))
            figure = Decimal(f"{digits}.{spaced.group('pence') or '00'}")
            end = spaced.end()
    value = _value(figure, scale)
    if value >= _MAX_VALUE:
        return None
    rule = "money-figure" if groups.get("symbol") or groups.get("code") else "money-figure-suffix"
    return [Money(start, end, value, currency, repaired, rule)]


def _spaced_groups(text: str, end: int, integer: str) -> re.Match[str] | None:
    """The space-separated thousands after a plain figure ("£50 000"), or None.

    Taken when there are two groups or more ("£1 250 000"), when the one group is "000",
    or when punctuation on the same line follows it ("£12 500 - received"): "£50 100
    people" stays £50, since a count may follow a price."""
    if not integer.isdigit() or len(integer) > 3 or integer.startswith("0"):
        return None
    found = SPACED_THOUSANDS.match(text, end)
    if found is None:
        return None
    groups = found.group("groups")
    if len(groups) > 4 or groups.endswith("000") or found.group("pence") is not None \
            or SPACED_GROUP_END.match(text, found.end()):
        return found
    return None


def _currency(groups: dict[str, str | None]) -> str | None:
    symbol = groups.get("symbol")
    if symbol:
        return SYMBOL_CURRENCY.get(re.sub(r"\s+", " ", symbol).upper().replace("US $", "US$"))
    code = groups.get("code")
    if code:
        return code.upper()
    suffix = groups.get("suffix")
    if suffix:
        return SUFFIX_CURRENCY.get(re.sub(r"\s+", " ", suffix.lower()))
    return None


def _figure(integer: str | None, fraction: str | None) -> tuple[Decimal | None, bool]:
    if integer is None:
        return None, False
    raw = integer.replace(",", "") + ("." + fraction if fraction else "")
    repaired = any(c in "Oo" for c in raw)
    try:
        return Decimal(raw.replace("O", "0").replace("o", "0")), repaired
    except InvalidOperation:
        return None, False


def _scale(groups: dict[str, str | None]) -> int | None:
    word = groups.get("scale_word") or groups.get("scale_sym")
    if not word:
        return None
    return SCALE_FACTOR.get(word.strip().lower())


def _value(figure: Decimal, scale: int | None) -> Decimal:
    """In currency units, to the penny; a figure too large to be money is `_MAX_VALUE`
    (rejected by the caller) rather than an error from rounding 27 digits."""
    value = figure * (scale or 1)
    if value >= _MAX_VALUE:
        return _MAX_VALUE
    return value.quantize(Decimal("0.01"))


def _is_weight(text: str, match: re.Match[str]) -> bool:
    """ "20 pounds of potatoes" and "weighing 20 pounds" are weights, not money."""
    if (match.group("suffix") or "").lower().startswith(("euro", "dollar")):
        return False
    before = text[max(0, match.start() - 30) : match.start()]
    return bool(WEIGHT_BEFORE.search(before) or WEIGHT_AFTER.match(text, match.end()))


def _words_to_money(text: str, match: re.Match[str]) -> Money | None:
    words = re.split(r"[\s-]+", match.group("words").lower())
    words = [w for w in words if w != "and"]
    if not any(w in _WORD_VALUES and w != "a" for w in words) and "a" not in words[:1]:
        return None
    if words == ["a"] or (words[0] == "a" and len(words) == 1):
        return None
    if _is_weight(text, match):
        return None
    total, current = 0, 0
    for word in words:
        if word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _WORD_SCALES[word]
            current = 0
    value = Decimal(total + current)
    if value == 0 or value >= _MAX_VALUE:
        return None
    currency = SUFFIX_CURRENCY.get(re.sub(r"\s+", " ", match.group("suffix").lower()))
    if currency is None:
        return None
    return Money(
        match.start(), match.end(), value.quantize(Decimal("0.01")), currency, False, "money-words"
    )


# "£10k–£20k", "£10k - £20k", "£1m to £2m"; not " -£5m" (a minus sign before the second).
_RANGE_GAP = re.compile(r"\A(?:(?:-|–|—)|\s(?:-|–|—|to|and)\s|(?:to|and)\s)\Z")
_BETWEEN = re.compile(r"\b(?:between|from)\s+\Z", re.IGNORECASE)
# "split between £A and £B" names two parts, not the ends of a range.
_SHARED = re.compile(r"\b(?:split|divided|shared|allocated|apportioned|spread)\s+between\s+\Z",
                     re.IGNORECASE)


def _mark_ranges(text: str, found: list[Money]) -> list[Money]:
    """Two amounts joined by a dash or "to" ("£10k–£20k", "between £1m and £2m")."""
    out = list(found)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if low.range or high.range or low.currency != high.currency:
            continue
        gap = text[low.end : high.start]
        if not _RANGE_GAP.match(gap):
            continue
        before = text[max(0, low.start - 30) : low.start]
        if gap.strip() == "and" and (not _BETWEEN.search(before) or _SHARED.search(before)):
            continue
        out[i] = _with_range(low, "low")
        out[i + 1] = _with_range(high, "high")
    return out


def _with_range(money: Money, role: str) -> Money:
    return Money(
        money.start, money.end, money.value, money.currency, money.repaired, money.rule, role
    )
