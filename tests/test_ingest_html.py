"""Decision web pages: main content only, one line per block, key fields, links.

The pages are written here in the shape of a london.gov.uk decision page (and of the
other markups councils use for the same fields); their words are invented.
"""

from __future__ import annotations

import time
from typing import NamedTuple

import decision_factory as page
import pytest
from selectolax.lexbor import LexborHTMLParser

from pipeline.ingest import Limits, load
from pipeline.ingest.html_depth import flatten_deep_markup
from pipeline.ingest.html_words import BLOCK_TAGS, page_words
from pipeline.segment import document_to_segmented

SITE = "https://www.london.gov.uk"
FIELDS = {"title": page.TITLE, "reference": page.REFERENCE, "date_signed": page.DATE_SIGNED,
          "date_published": page.DATE_PUBLISHED, "decision_maker": page.DECISION_BY}


def _page(body: str, title: str = "<h1>PCD 7 Test Page</h1>") -> str:
    return (f"<!DOCTYPE html><html><head><title>t</title></head><body><main>{title}{body}"
            "</main></body></html>")


class HtmlCase(NamedTuple):
    name: str
    html: str
    contains: tuple[str, ...] = ()  # each in the text, in this order
    absent: tuple[str, ...] = ()
    metadata: dict[str, str] | None = None  # the whole of Document.metadata, when given
    links: tuple[tuple[str, str], ...] = ()  # (url, kind), the whole of Source.links


CASES_FROM_PAGE_SHAPE = [
    HtmlCase(
        "london-decision-page", page.decision_html(),
        contains=(page.TITLE, "Key information", f"Reference code: {page.REFERENCE}",
                  f"Date signed: {page.DATE_SIGNED}", f"Decision by: {page.DECISION_BY}",
                  "Executive summary\n\nThis decision approves",
                  "recommended to:\n\n1. Approve expenditure", "\n2. Approve the award",
                  "\n3. Note the equality", "3. Financial Comments\n\n3.1. The total cost",
                  "Item | 2024/25 | 2025/26 | Total\nLighting works | £820,000",
                  "Signed decision document"),
        absent=("cookies", "Skip to main content", "Who we are", "dataLayer", "Copyright",
                "Share this page", "Privacy", "Home"),
        metadata=FIELDS,
        links=((f"{SITE}{page.SIGNED_PDF}", "signed_pdf"), (f"{SITE}{page.APPENDIX}", "document"))),
    HtmlCase(
        "fields-as-definition-list",
        page.decision_html(key_information=(
            "<dl><dt>Reference code</dt><dd>PCD 4821</dd><dt>Date signed</dt>"
            "<dd>3 June 2024</dd><dt>Date published</dt><dd>10 June 2024</dd>"
            f"<dt>Decision by</dt><dd>{page.DECISION_BY}</dd></dl>")),
        contains=("Reference code: PCD 4821\nDate signed: 3 June 2024",), metadata=FIELDS,
        links=((f"{SITE}{page.SIGNED_PDF}", "signed_pdf"), (f"{SITE}{page.APPENDIX}", "document"))),
    HtmlCase(
        "fields-as-bold-labels",
        page.decision_html(key_information=(
            "<p><strong>Reference code:</strong> PCD 4821<br><strong>Date signed:</strong> "
            "3 June 2024<br><strong>Date published:</strong> 10 June 2024</p>"
            f"<p><b>Decision by:</b> {page.DECISION_BY}</p>")),
        contains=("Reference code: PCD 4821\nDate signed: 3 June 2024",), metadata=FIELDS),
    HtmlCase(
        "fields-in-a-table",
        _page("<table><tr><th>Reference code</th><td>MD 812</td></tr>"
              "<tr><th>Decision by</th><td>The Mayor</td></tr></table>"),
        contains=("Reference code | MD 812\nDecision by | The Mayor",),
        metadata={"title": "PCD 7 Test Page", "reference": "MD 812",
                  "decision_maker": "The Mayor"}),
    HtmlCase(
        "numbered-lettered-and-bulleted-lists",
        _page('<ol start="4"><li>Fourth item</li><li>Fifth item<ol type="a"><li>first part'
              '</li><li value="4">fourth part</li></ol></li></ol><ul><li>A bullet</li></ul>'
              '<ol type="i"><li>one</li><li>two</li><li>three</li><li>four</li></ol>'),
        contains=("4. Fourth item\n5. Fifth item\na. first part\nd. fourth part\n• A bullet\n"
                  "i. one\nii. two\niii. three\niv. four",)),
    HtmlCase(
        "headings-and-paragraphs-on-their-own-lines",
        _page("<h2>Financial comments</h2><p>The cost is <em>£40,000</em> in total.</p>"
              "<div><p>First line<br>Second line</p></div><pre>kept  as\n   set</pre>"),
        contains=("Financial comments\n\nThe cost is £40,000 in total.\n\nFirst line\n"
                  "Second line\n\nkept as\nset",)),
    HtmlCase(
        "hidden-and-screen-reader-text-left-out",
        _page('<p>Shown text.<span class="visually-hidden"> (opens in new window)</span></p>'
              '<div hidden>Hidden block</div><div aria-hidden="true">Icon label</div>'
              '<form><label>Search</label><input value="x"><button>Go</button></form>'),
        contains=("Shown text.",), absent=("new window", "Hidden block", "Icon label", "Go")),
    HtmlCase(
        "links-resolved-and-sorted-by-kind",
        "<html><head><base href='https://democracy.example.gov.uk/'></head><body><main>"
        "<h1>Delegated decision 12</h1><h2>Signed decision</h2>"
        "<a href='documents/s123/decision.pdf'>Decision notice</a>"
        "<h2>Background papers</h2><a href='documents/s124/report.pdf'>Report</a>"
        "<a href='/mgIssueHistory.aspx?ID=9'>Issue history</a><a href='#top'>Top</a>"
        "<a href='mailto:x@example.gov.uk'>Email</a></main></body></html>",
        links=(("https://democracy.example.gov.uk/documents/s123/decision.pdf", "signed_pdf"),
               ("https://democracy.example.gov.uk/documents/s124/report.pdf", "document"),
               ("https://democracy.example.gov.uk/mgIssueHistory.aspx?ID=9", "other"))),
    HtmlCase(
        "short-decision-whose-code-looks-like-a-status",
        _page("<p>Approve minor works at £3,000.</p>", title="<h1>PCD 404 Minor works</h1>"),
        contains=("PCD 404 Minor works\n\nApprove minor works at £3,000.",),
        metadata={"title": "PCD 404 Minor works"}),
    HtmlCase(
        "body-without-landmarks",
        "<html><body><div id='wrapper'><h1>Officer decision 5</h1><p>Spend £1,000.</p>"
        "</div><script>var x = 1;</script></body></html>",
        contains=("Officer decision 5\n\nSpend £1,000.",), absent=("var x",)),
]


@pytest.mark.parametrize("case", CASES_FROM_PAGE_SHAPE, ids=[c.name for c in CASES_FROM_PAGE_SHAPE])
def test_page_reads_as_its_structure(case: HtmlCase) -> None:
    document = load(f"{case.name}.html", data=case.html.encode())
    text = document.text
    assert document.source.format == "html"
    assert document.pages == 1
    position = 0
    for words in case.contains:
        found = text.find(words, position)
        assert found >= 0, f"{words!r} not found in order in:\n{text}"
        position = found + len(words)
    for words in case.absent:
        assert words not in text
    if case.metadata is not None:
        assert dict(document.metadata) == case.metadata
    if case.links:
        assert [(link.url, link.kind) for link in document.source.links] == list(case.links)


def test_page_sections_are_found_by_segmentation() -> None:
    document = document_to_segmented(load("decision.html", data=page.decision_html().encode()))
    kinds = [section.kind for section in document.sections]
    assert kinds[:3] == ["key_information", "executive_summary", "recommendations"]
    numbered = [p.number for p in document.paragraphs if p.number]
    assert numbered[:5] == ["1", "2", "3", "1.1", "1.2"]


# --- nesting: what browsers nest, and no deeper ------------------------------------------

class NestingCase(NamedTuple):
    name: str
    html: str
    flattened: int  # start tags read without their nesting (0: the markup is unchanged)


def _flat_page(body: str) -> str:
    """A page whose content has no title to be put before it."""
    return f"<html><body><main>{body}</main></body></html>"


DEPTH = Limits().max_html_depth
CASES_FROM_NESTING = [
    # <main> is open, then 511 <div>s fit; the other divs and the <p> are flattened
    NestingCase("unclosed-divs-20000-deep",
                _page("<div>" * 20_000 + "<p>1. Approve £10,000.</p>"),
                20_000 + 1 - (DEPTH - 1)),
    NestingCase("divs-nested-within-the-limit",
                _page("<div>" * 400 + "<p>1. Approve £10,000.</p>" + "</div>" * 400), 0),
    NestingCase("paragraphs-never-closed", _page("<p>Paragraph" * 3000), 0),
    NestingCase("list-items-never-closed", _page("<ul>" + "<li>Item" * 3000 + "</ul>"), 0),
    NestingCase("table-cells-never-closed",
                _page("<table>" + "<tr><td>a<td>b" * 2000 + "</table>"), 0),
    NestingCase("empty-elements", _page("Line<br>" * 2000 + "<img src=x.png>" * 2000), 0),
    NestingCase("svg-paths-close-themselves",
                _page("<svg>" + "<path d='M0 0'/>" * 3000 + "</svg><p>Text</p>"), 0),
    NestingCase("tags-in-scripts-and-comments",
                _page("<script>" + "x += '<div>';" * 3000 + "</script><!--"
                      + "<div>" * 3000 + "--><p>Text</p>"), 0),
    NestingCase("inline-elements-never-closed", _flat_page("<b>Bold " * 1000), 1000 - (DEPTH - 1)),
]


@pytest.mark.parametrize("case", CASES_FROM_NESTING, ids=[c.name for c in CASES_FROM_NESTING])
def test_markup_is_nested_no_deeper_than_a_browser_nests_it(case: NestingCase) -> None:
    markup, flattened = flatten_deep_markup(case.html, DEPTH)
    assert flattened == case.flattened
    if not flattened:
        assert markup == case.html
        return
    document = load(f"{case.name}.html", data=case.html.encode(), limits=Limits(isolated=False))
    assert document.notices == (("html_nesting_flattened", f"{flattened:,} elements nested "
                                 f"over {DEPTH} deep were read without their nesting "
                                 "(Limits.max_html_depth)"),)


def test_flattened_markup_keeps_every_word() -> None:
    html = _flat_page("<div>Level " * 2000 + "<span>inner <b>words</b></span>"
                      + "</div>" * 1000 + "<p>after</p>")
    markup, flattened = flatten_deep_markup(html, DEPTH)
    assert flattened > 0
    assert _words(markup) == _words(html)


def _words(markup: str) -> list[str]:
    body = LexborHTMLParser(markup).body
    assert body is not None
    return (body.text(deep=True, separator=" ") or "").split()


def test_a_deeply_nested_page_reads_as_its_shallow_self() -> None:
    shallow = load("shallow.html", data=_page("<p>1. Approve £10,000.</p>").encode())
    deep = load("deep.html", data=CASES_FROM_NESTING[0].html.encode())
    assert deep.text == shallow.text == "PCD 7 Test Page\n\n1. Approve £10,000."


def _seconds_to_load(html: str, runs: int) -> float:
    """Best of `runs` timings: the least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        load("page.html", data=html.encode(), limits=Limits(isolated=False))
        best = min(best, time.perf_counter() - started)
    return best


def test_nested_markup_costs_about_as_much_as_flat_markup() -> None:
    """20,000 nested <div>s against 20,000 side by side, the same bytes: within 10 times
    (a ratio: machine speed cancels). Reading nested markup cost the square of its depth:
    about 20 times the flat page at this depth, 90 CPU-seconds at 100,000."""
    depth = 20_000
    nested = _flat_page("<div>" * depth + "<p>Text</p>" + "</div>" * depth)
    flat = _flat_page("<div></div>" * depth + "<p>Text</p>")
    assert len(nested) == len(flat)
    baseline = max(_seconds_to_load(flat, 3), 0.02)
    assert _seconds_to_load(nested, 2) < 10 * baseline


# --- each element's words, worked out once ----------------------------------------------

PAGES_FOR_WORDS = [
    pytest.param(case.html, id=case.name) for case in CASES_FROM_PAGE_SHAPE
] + [
    pytest.param(_flat_page("<dl><dt>Reference<!-- c --></dt><dd>MD <b>1</b></dd></dl>"
                            "<div class='field__label'>Date <p>signed</p></div>"
                            "<template>hidden</template><script>x()</script>"
                            + "<p>" + "long words " * 30 + "</p>"), id="labels-and-long-text"),
    pytest.param(_flat_page("<div>" * 300 + "deep" + "</div>" * 300), id="nested"),
]


@pytest.mark.parametrize("html", PAGES_FOR_WORDS)
def test_page_words_are_each_elements_own_text(html: str) -> None:
    tree = LexborHTMLParser(html)
    assert tree.root is not None
    words = page_words(tree.root, 120)
    for node in tree.root.traverse():
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        assert words.of(node) == (text if len(text) <= 120 else None), node.tag
        inner = [n for n in node.css(", ".join(BLOCK_TAGS)) if n.mem_id != node.mem_id]
        assert words.holds_block(node) == bool(inner), node.tag
