"""A document's text as HTML with every extracted value marked where it was read.

Spans nest (amounts inside a recommendation) and may cross (a framework name that
starts inside a supplier's); HTML elements cannot cross, so a crossing span is closed
and reopened as a second piece with the same `data-key`. Every character of the text
goes through `markupsafe.escape`: the document is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    field: str
    key: str
    """Unique per item, e.g. "amounts-3": the anchor the values table links to."""
    title: str


def _open_tag(mark: Mark, piece: int) -> Markup:
    anchor = Markup(' id="{}"').format(mark.key) if piece == 1 else Markup("")
    return Markup(
        '<mark class="hl f-{field}" data-field="{field}" data-key="{key}" '
        'data-piece="{piece}"{anchor} title="{title}" tabindex="0">'
    ).format(field=mark.field, key=mark.key, piece=piece, anchor=anchor, title=mark.title)


def _usable(text: str, marks: Sequence[Mark], order: Sequence[str]) -> list[Mark]:
    """Marks inside the text, outer (longer, then earlier in `order`) first."""
    rank = {field: n for n, field in enumerate(order)}
    kept = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    return sorted(kept, key=lambda m: (m.start, -m.end, rank.get(m.field, len(rank)), m.key))


def text_to_html(text: str, marks: Sequence[Mark], order: Sequence[str] = ()) -> Markup:
    """`text` escaped, with a `<mark>` around each span in `marks`."""
    usable = _usable(text, marks, order)
    bounds = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    out: list[str] = []
    stack: list[Mark] = []
    pieces: dict[str, int] = {}
    live: list[Mark] = []
    upcoming = iter(usable)
    pending = next(upcoming, None)
    for left, right in pairwise(bounds):
        while pending is not None and pending.start <= left:
            live.append(pending)
            pending = next(upcoming, None)
        live = [m for m in live if m.end > left]
        keep = 0
        while keep < min(len(stack), len(live)) and stack[keep] is live[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for mark in live[keep:]:
            pieces[mark.key] = pieces.get(mark.key, 0) + 1
            out.append(_open_tag(mark, pieces[mark.key]))
        stack = list(live)
        out.append(escape(text[left:right]))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))
