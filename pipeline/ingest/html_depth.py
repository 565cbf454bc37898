"""Markup nested deeper than a browser would nest it, flattened before it is parsed.

An HTML5 tree builder checks, for most start tags, whether a `<p>` is open "in button
scope", which walks the stack of open elements: a page of 100,000 unclosed `<div>`s
costs 100,000² steps (lexbor took 20 CPU-seconds, lexbor/lexbor#340 shows worse). Browsers
bound it: Blink and WebKit stop nesting at 512 open elements
(`kMaximumHTMLParserDOMTreeDepth`). This does the same before lexbor sees the page: one
linear scan of the tags keeps a model of the open elements (void elements, raw text,
comments, the end tags HTML lets a page leave out), and a start tag that would open an
element deeper than `max_depth` is replaced by a line break (or nothing, for an inline
element), its end tag removed. Every word stays; only structure beyond the depth goes.

The model is simpler than the tree builder (it does not re-open formatting elements, for
one); where it is wrong it errs towards counting fewer open elements, so a page a browser
nests within the limit is never changed. A page that outwits the model is still bounded
by the reader's time limit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_TAG_START = re.compile(r"<(?:(!--)|[!?]|(/?)([A-Za-z][^\t\n\f\r />]*))")
_VOID = frozenset({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
                   "image", "img", "input", "keygen", "link", "meta", "param", "source",
                   "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript"})
_IGNORED = frozenset({"html", "head", "body"})  # merged into the open ones, never nested
_FOREIGN = ("svg", "math")  # in them, "<x/>" closes itself
# Elements whose end tag a page may leave out: their end tags are never dropped.
_OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot",
                           "option", "optgroup", "rb", "rt", "rtc", "rp", "colgroup",
                           "caption"})
# Start tags that close an open <p> (the HTML spec's "in body" rules), and the elements a
# <p> search does not look past.
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
    "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre",
    "listing", "section", "summary", "table", "ul", "li", "dd", "dt", "plaintext", "xmp"})
_SCOPE = ("button", "table", "td", "th", "caption", "marquee", "object", "applet",
          "template")
# The elements a start tag closes (with all open inside them), and those it does not
# look past: a new <tr> closes the open row and its cells, but not an enclosing table's.
_SIBLINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li",), ("ul", "ol", *_SCOPE)),
    "dt": (("dd", "dt"), ("dl", "ul", "ol", *_SCOPE)),
    "dd": (("dd", "dt"), ("dl", "ul", "ol", *_SCOPE)),
    "tr": (("tr", "td", "th"), ("table", "tbody", "thead", "tfoot")),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "tbody": (("tbody", "thead", "tfoot"), ("table",)),
    "thead": (("tbody", "thead", "tfoot"), ("table",)),
    "tfoot": (("tbody", "thead", "tfoot"), ("table",)),
    "option": (("option",), ("select", "datalist", "optgroup")),
    "optgroup": (("optgroup", "option"), ("select",)),
}
# Elements whose start makes a line of their own: flattened, they become a <br>.
_BREAKING = _CLOSES_P | {"tr", "caption", "figcaption", "legend", "form", "ul", "ol"}


@dataclass
class _OpenElements:
    """The open elements, with where each name is open, so a close is amortised O(1)."""

    names: list[str] = field(default_factory=list)
    where: dict[str, list[int]] = field(default_factory=dict)

    def push(self, name: str) -> None:
        self.where.setdefault(name, []).append(len(self.names))
        self.names.append(name)

    def nearest(self, names: tuple[str, ...]) -> int:
        """The index of the innermost open element named one of `names`, or -1."""
        return max((self.where[n][-1] for n in names if self.where.get(n)), default=-1)

    def outermost_after(self, names: tuple[str, ...], index: int) -> int:
        """The index of the outermost open element named one of `names` opened inside
        the one at `index` (-1: the whole stack), or -1 if there is none."""
        found = [where[bisect_right(where, index)] for where in
                 (self.where.get(n, []) for n in names) if where and where[-1] > index]
        return min(found, default=-1)

    def close_from(self, index: int) -> None:
        """Close the element at `index` and every element opened inside it."""
        while len(self.names) > index:
            self.where[self.names.pop()].pop()

    def close_sibling(self, name: str) -> None:
        """The implied end tags before a start tag: an open <p>, <li>, <td>, ..."""
        if name in _CLOSES_P and self.where.get("p"):
            found = self.where["p"][-1]
            if found > self.nearest(_SCOPE):
                self.close_from(found)
        if name in _SIBLINGS:
            closed, barriers = _SIBLINGS[name]
            found = self.outermost_after(closed, self.nearest(barriers))
            if found >= 0:
                self.close_from(found)


@dataclass
class _Scan:
    """Where the markup is rewritten, and how many start tags were flattened."""

    max_depth: int
    open: _OpenElements = field(default_factory=_OpenElements)
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    flattened_open: dict[str, int] = field(default_factory=dict)
    flattened: int = 0

    def start_tag(self, name: str, start: int, end: int, self_closing: bool) -> None:
        if name in _IGNORED:
            return
        self.open.close_sibling(name)
        foreign = self_closing and (name in _FOREIGN or self.open.nearest(_FOREIGN) >= 0)
        if name in _VOID or foreign:
            return
        if len(self.open.names) < self.max_depth:
            self.open.push(name)
            return
        self.edits.append((start, end, "<br>" if name in _BREAKING else ""))
        if name not in _OPTIONAL_END:  # its end tag, when it comes, goes too
            self.flattened_open[name] = self.flattened_open.get(name, 0) + 1
        self.flattened += 1

    def end_tag(self, name: str, start: int, end: int) -> None:
        if self.flattened_open.get(name):
            self.flattened_open[name] -= 1
            self.edits.append((start, end, ""))
            return
        found = self.open.nearest((name,))
        if found >= 0:
            self.open.close_from(found)


def flatten_deep_markup(markup: str, max_depth: int) -> tuple[str, int]:
    """`markup` with elements deeper than `max_depth` flattened, and how many were.

    A page with no more start tags than `max_depth` cannot nest deeper, and is returned
    as it is without a scan.
    """
    if markup.count("<") <= max_depth:
        return markup, 0
    scan = _Scan(max_depth)
    _scan_tags(markup, scan)
    if not scan.edits:
        return markup, 0
    pieces: list[str] = []
    done = 0
    for start, end, replacement in scan.edits:
        pieces += [markup[done:start], replacement]
        done = end
    pieces.append(markup[done:])
    return "".join(pieces), scan.flattened


def _scan_tags(markup: str, scan: _Scan) -> None:
    """Every tag in document order, each looked at once: linear in the markup's length."""
    position = 0
    while (match := _TAG_START.search(markup, position)) is not None:
        if match.group(1):  # a comment runs to "-->"
            close = markup.find("-->", match.end())
            position = len(markup) if close < 0 else close + 3
            continue
        end = markup.find(">", match.end())
        if end < 0:
            return  # a tag left open at the end of the page: nothing more is a tag
        position = end + 1
        name = (match.group(3) or "").lower()
        if not name:
            continue  # <!DOCTYPE ...>, <?xml ...?>
        if match.group(2):
            scan.end_tag(name, match.start(), position)
            continue
        scan.start_tag(name, match.start(), position, markup[end - 1] == "/")
        if name == "plaintext":
            return  # the rest of the page is text
        if name in _RAW_TEXT:
            position = _raw_text_end(markup, name, position)


def _raw_text_end(markup: str, name: str, position: int) -> int:
    """Where a <script>, <style>, <textarea>... ends: its text holds no tags."""
    close = re.compile(f"</{name}", re.IGNORECASE).search(markup, position)
    return len(markup) if close is None else close.start()
