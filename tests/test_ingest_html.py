"""Decision web pages: main content only, one line per block, key fields, links.

The pages are written here in the shape of a london.gov.uk decision page (and of the
other markups councils use for the same fields); their words are invented.
"""

from __future__ import annotations

from typing import NamedTuple

import decision_factory as page
import pytest

from pipeline.ingest import load
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
