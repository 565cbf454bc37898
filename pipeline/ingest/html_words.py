"""Every element's words, worked out once for the whole page, in time linear in its size.

Readers of a page ask elements for their text: does this landmark hold any, is this a
short "Date signed:" label, what does that field say. `node.text(deep=True)` walks the
element's whole subtree, so asking it of each element of a page nested 100,000 deep (a
page of unclosed `<div>`s) costs 100,000² steps: 103 s. Here the words are worked out
bottom-up in one walk: an element's words are its children's, joined by a space. A text
longer than `limit` characters is not kept (None): nobody asks for long texts, and no
element then copies more than `limit` characters from its children.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

BLOCK_TAGS = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6"})
"""Elements that start a block of their own: a field label never holds one."""


@dataclass(frozen=True)
class PageWords:
    """Each element's words (by `mem_id`), and which elements hold a block below them."""

    limit: int
    words: dict[int, str | None]
    blocks_below: frozenset[int]

    def of(self, node: LexborNode) -> str | None:
        """`" ".join(node.text(deep=True, separator=" ").split())`, or None when that is
        over `limit` characters. A node outside the walked tree has its words read now."""
        if node.is_text_node:
            return _capped(" ".join((node.text_content or "").split()), self.limit)
        try:
            return self.words[node.mem_id]
        except KeyError:
            return _capped(" ".join((node.text(deep=True, separator=" ") or "").split()),
                           self.limit)

    def has_text(self, node: LexborNode) -> bool:
        """True when the element holds any words (a long text is text too)."""
        return self.of(node) != ""

    def holds_block(self, node: LexborNode) -> bool:
        """True when a block element (BLOCK_TAGS) is somewhere below `node`."""
        return node.mem_id in self.blocks_below


def page_words(root: LexborNode, limit: int) -> PageWords:
    """The words of `root` and of every element below it, children before parents."""
    words: dict[int, str | None] = {}
    blocks_below: set[int] = set()
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in node.iter(include_text=False))
            continue
        words[node.mem_id] = _children_to_words(node, words, blocks_below, limit)
    return PageWords(limit, words, frozenset(blocks_below))


def _children_to_words(node: LexborNode, words: dict[int, str | None],
                       blocks_below: set[int], limit: int) -> str | None:
    """The node's words from its children's (already known); marks it if it holds a block."""
    parts: list[str] = []
    length = -1  # of the parts joined by spaces
    for child in node.iter(include_text=True):
        text: str | None
        if child.is_element_node:
            text = words[child.mem_id]
            if child.tag in BLOCK_TAGS or child.mem_id in blocks_below:
                blocks_below.add(node.mem_id)
        elif child.is_text_node:
            text = " ".join((child.text_content or "").split()) if length <= limit else ""
        else:
            continue  # a comment is not text
        if text is None:
            length = limit + 1
        elif text and length <= limit:
            parts.append(text)
            length += len(text) + 1
    if length > limit:
        return None
    return parts[0] if len(parts) == 1 else " ".join(parts)  # one part: shared, not copied


def _capped(text: str, limit: int) -> str | None:
    return text if len(text) <= limit else None
