"""HTML decision pages: the main content as lines, its key fields, its links.

The page is parsed (selectolax's lexbor parser) and its main content walked in
document order. Headings, paragraphs, list items and table rows each become a line,
as segmentation expects; paragraphs and headings are set apart by a blank line;
ordered list items carry the number a browser shows ("3. ...", or "b." for
`type="a"`) and bullet items a "•". Navigation, scripts, forms' controls, cookie
banners and screen-reader-only text are not part of the decision and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.document import Document, Link, Source, doc_id_for, sha256_of
from pipeline.errors import EmptyInput, NotADecision
from pipeline.ingest.clean import clean_line
from pipeline.ingest.html_depth import flatten_deep_markup
from pipeline.ingest.html_page import (
    base_url,
    error_page_title,
    key_fields,
    link_kind,
    main_content,
    page_title,
    resolved,
    tree_words,
)
from pipeline.ingest.html_words import PageWords
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits
from pipeline.ingest.text import decode, stem_of

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "iframe",
                      "object", "embed", "nav", "button", "input", "select", "option",
                      "textarea", "head", "title", "meta", "link"})
# Class or id words of page parts that are not the decision (cookie banners, crumbs,
# share bars, text only screen readers announce).
_SKIPPED_NAMES = ("cookie", "consent", "breadcrumb", "skip-link", "visually-hidden",
                  "sr-only", "share", "social", "newsletter", "feedback")
_SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "dialog"})
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
                         "pre", "section", "article", "header", "footer", "figure", "dl",
                         "address", "hr", "aside", "details", "fieldset"})
_LINES = frozenset({"div", "li", "tr", "dt", "dd", "ul", "ol", "caption", "figcaption",
                    "summary", "legend", "br", "main", "form", "center"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NO_TEXT = "an HTML page with no readable text in its main content"


@dataclass
class _Walk:
    """What walking the content has produced so far: text with break marks, links."""

    base: str
    words: PageWords
    chunks: list[str | int] = field(default_factory=list)  # int: a break, 2 = blank line
    links: list[Link] = field(default_factory=list)
    heading: str = ""
    preformatted: int = 0  # depth of <pre> around the walk
    glued: bool = False  # a field label was just written: its value follows on its line

    def brk(self, strength: int) -> None:
        if not self.glued:
            self.chunks.append(strength)

    def add_text(self, text: str) -> None:
        if text.strip():
            self.glued = False
        if not self.preformatted:
            self.chunks.append(text)
            return
        for i, line in enumerate(text.split("\n")):
            if i:
                self.brk(1)
            self.chunks.append(line)


def load_html(data: bytes, path: str, doc_id: str | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a decision page into a Document, or raise an IngestError saying why not."""
    raw, note = decode(data, path)
    raw, flattened = flatten_deep_markup(raw, limits.max_html_depth)
    tree = LexborHTMLParser(raw)
    words = tree_words(tree)
    main = main_content(tree, words)
    walk = _Walk(base_url(tree), words)
    if main is not None:
        _walk(main, walk)
    text = _chunks_to_text(walk.chunks)
    title = page_title(tree, main) if main is not None else ""
    if title and title not in text[: len(title) + 200]:
        text = f"{title}\n\n{text}"
    _refuse_error_page(tree, text, path)
    if main is None or not text.strip():
        raise EmptyInput(path, _NO_TEXT)
    fields = key_fields(main, words)
    metadata = {"title": title, **fields} if title else fields
    sha = sha256_of(data)
    source = Source(path=path, sha256=sha, format="html", media_type="text/html",
                    links=_distinct(walk.links))
    notes: tuple[tuple[str, str], ...] = (("decoded_as_cp1252", note),) if note else ()
    if flattened:
        notes += (("html_nesting_flattened",
                   f"{flattened:,} elements nested over {limits.max_html_depth:,} deep were "
                   "read without their nesting (Limits.max_html_depth)"),)
    return Document(doc_id or doc_id_for(stem_of(path), sha), text, source, (0,),
                    metadata=MappingProxyType(metadata), notices=notes)


def _refuse_error_page(tree: LexborHTMLParser, text: str, path: str) -> None:
    title = error_page_title(tree, text)
    if title is not None:
        saved_as = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        named = f" saved as .{saved_as}" if saved_as and saved_as not in ("html", "htm") else ""
        raise NotADecision(path, f"an HTML error page ({title!r}){named}, not a decision")


def _walk(root: LexborNode, walk: _Walk) -> None:
    """Depth first, in document order, without recursion (pages can nest deeply)."""
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    lists: list[list[int | str]] = []  # per open list: [next number, type]; type "" = bullets
    while stack:
        node, leaving = stack.pop()
        if leaving:
            _leave(node, walk, lists)
            continue
        if node.is_text_node:
            walk.add_text(node.text_content or "")
            continue
        if not node.is_element_node or _skipped(node):
            continue
        _enter(node, walk, lists)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))


def _enter(node: LexborNode, walk: _Walk, lists: list[list[int | str]]) -> None:
    tag = node.tag or ""
    if tag in _PARAGRAPHS:
        walk.brk(2)
    elif tag in _LINES:
        walk.brk(1)
    if tag in ("ol", "ul"):
        lists.append(_list_state(node))
    elif tag == "li":
        walk.chunks.append(_marker(node, lists))
    elif tag in ("td", "th") and node.prev is not None and _has_cell_before(node):
        walk.chunks.append(" | ")
    elif tag == "a":
        _keep_link(node, walk)
    if tag in _HEADINGS:
        walk.heading = _heading_words(node, walk.words)
    walk.preformatted += tag == "pre"


def _leave(node: LexborNode, walk: _Walk, lists: list[list[int | str]]) -> None:
    tag = node.tag or ""
    if tag in ("ol", "ul") and lists:
        lists.pop()
    walk.preformatted -= tag == "pre"
    if _is_field_label(node, walk.words):
        label = walk.words.of(node) or ""
        walk.chunks.append(" " if label.endswith(":") else ": ")
        walk.glued = True
    elif tag in _PARAGRAPHS:
        walk.brk(2)
    elif tag in _LINES:
        walk.brk(1)


def _heading_words(node: LexborNode, words: PageWords) -> str:
    """A heading's words; one longer than the words kept is read whole (rare: a heading
    says little)."""
    known = words.of(node)
    return known if known is not None else " ".join(
        (node.text(deep=True, separator=" ") or "").split())


def _is_field_label(node: LexborNode, words: PageWords) -> bool:
    """A <dt>, or an element classed as a label ("field__label"), holding a short label.

    Its value follows in the next element; both go on one line ("Date signed: 3 June
    2024"), as a reader sees them and as the text patterns expect.
    """
    classes = (node.attributes.get("class") or "").lower().split()
    if node.tag != "dt" and not any("label" in name for name in classes):
        return False
    label = words.of(node)
    return (label is not None and 0 < len(label) <= _MAX_LABEL_CHARS
            and not words.holds_block(node))


_MAX_LABEL_CHARS = 60


def _skipped(node: LexborNode) -> bool:
    tag = node.tag or ""
    if tag in _SKIPPED:
        return True
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if attributes.get("role") in _SKIPPED_ROLES:
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return any(word in names for word in _SKIPPED_NAMES)


def _list_state(node: LexborNode) -> list[int | str]:
    if node.tag == "ul":
        return [0, ""]
    start = node.attributes.get("start") or "1"
    return [int(start) if start.strip().lstrip("-").isdigit() else 1,
            node.attributes.get("type") or "1"]


def _marker(item: LexborNode, lists: list[list[int | str]]) -> str:
    """The number or bullet a browser puts before a list item."""
    if not lists or lists[-1][1] == "":
        return "• "
    state = lists[-1]
    value = item.attributes.get("value")
    if value and value.strip().isdigit():
        state[0] = int(value)
    number = int(state[0])
    state[0] = number + 1
    return f"{_numeral(number, str(state[1]))}. "


def _numeral(number: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I") and 1 <= number <= 39:
        roman = _roman(number)
        return roman.upper() if kind == "I" else roman
    return str(number)


def _roman(number: int) -> str:
    tens, units = divmod(number, 10)
    ones = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
    return "x" * tens + ones[units]


def _has_cell_before(cell: LexborNode) -> bool:
    sibling = cell.prev
    while sibling is not None:
        if sibling.tag in ("td", "th"):
            return True
        sibling = sibling.prev
    return False


def _keep_link(node: LexborNode, walk: _Walk) -> None:
    url = resolved(node.attributes.get("href") or "", walk.base)
    if url is None:
        return
    text = " ".join((node.text(deep=True, separator=" ") or "").split())
    text = text or node.attributes.get("title") or node.attributes.get("aria-label") or ""
    walk.links.append(Link(url, text, link_kind(url, text, walk.heading)))


def _chunks_to_text(chunks: list[str | int]) -> str:
    """Chunks and breaks -> lines: spaces collapsed, breaks merged, ends trimmed."""
    lines: list[str] = []
    current: list[str] = []
    blank_wanted = False
    for chunk in [*chunks, 1]:
        if isinstance(chunk, str):
            current.append(chunk)
            continue
        line = clean_line("".join(current))
        current = []
        if line:
            if lines and blank_wanted:
                lines.append("")
            lines.append(line)
            blank_wanted = False
        blank_wanted = blank_wanted or chunk > 1
    return "\n".join(lines)


def _distinct(links: list[Link]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for link in links:
        if link.url not in seen or (link.kind != "other" and seen[link.url].kind == "other"):
            seen[link.url] = link
    return tuple(seen.values())
