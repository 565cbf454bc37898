"""`decisions report` without a browser: highlighting, escaping, offline pages, charts.

The browser tests (tests/test_report_browser.py) check the same site in Chromium; these
check the HTML itself, fast, on every machine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.analyst import open_records
from pipeline.analyst.report import build_site
from pipeline.analyst.report.charts import rows_to_chart
from pipeline.analyst.report.describe import FIELD_LABELS, describe_item, short_money
from pipeline.analyst.report.highlight import Mark, text_to_html
from pipeline.analyst.report.site import page_name
from pipeline.cli import main
from tests.test_analyst_corpus import HOSTILE_IMG, HOSTILE_TITLE, corpus_records, write_records


def _m(start: int, end: int, key: str, field: str = "amounts", title: str = "t") -> Mark:
    return Mark(start, end, field, key, title)


def _tag(key: str, piece: int = 1, field: str = "amounts", title: str = "t") -> str:
    anchor = f' id="{key}"' if piece == 1 else ""
    return (f'<mark class="hl f-{field}" data-field="{field}" data-key="{key}" '
            f'data-piece="{piece}"{anchor} title="{title}" tabindex="0">')


class Highlight(NamedTuple):
    text: str
    marks: list[Mark]
    html: str


CASES_FROM_DESIGN = {
    "no-marks": Highlight("a < b", [], "a &lt; b"),
    "one": Highlight("pay £5 now", [_m(4, 6, "a")], f"pay {_tag('a')}£5</mark> now"),
    "nested": Highlight("x 1 y", [_m(0, 5, "r", "recommendations"), _m(2, 3, "a")],
                        f"{_tag('r', field='recommendations')}x {_tag('a')}1</mark> y</mark>"),
    "adjacent": Highlight("ab", [_m(0, 1, "a"), _m(1, 2, "b")],
                          f"{_tag('a')}a</mark>{_tag('b')}b</mark>"),
    "crossing": Highlight("abcd", [_m(0, 3, "a"), _m(1, 4, "b")],
                          f"{_tag('a')}a{_tag('b')}bc</mark></mark>{_tag('b', 2)}d</mark>"),
    "out-of-range-dropped": Highlight("ab", [_m(1, 9, "a"), _m(1, 1, "b")], "ab"),
    "text-escaped": Highlight("<script>x</script>", [_m(8, 9, "a")],
                              f"&lt;script&gt;{_tag('a')}x</mark>&lt;/script&gt;"),
    "title-escaped": Highlight("q", [_m(0, 1, "a", title='"><img src=x>')],
                               _tag("a", title="&#34;&gt;&lt;img src=x&gt;") + "q</mark>"),
}


@pytest.mark.parametrize("case", CASES_FROM_DESIGN.values(), ids=CASES_FROM_DESIGN.keys())
def test_text_to_html(case: Highlight) -> None:
    assert str(text_to_html(case.text, case.marks, tuple(FIELD_LABELS))) == case.html


@pytest.mark.parametrize("field,item,expected", [
    ("amounts", {"value": 750000.0, "currency": "GBP", "kind": "cost", "qualifier": "up_to",
                 "vat": "exclusive"}, "£750,000.00, cost, up to, VAT exclusive"),
    ("suppliers", {"name": "Acme Ltd", "role": "recommended_supplier",
                   "company_number": "01234567"}, "Acme Ltd (recommended supplier), "
                                                   "company 01234567"),
    ("statutory_references", {"instrument": "Equality Act 2010", "provision": "section 149",
                              "uri": "ukpga/2010/15"},
     "section 149, Equality Act 2010, ukpga/2010/15"),
    ("recommendations", {"number": "2", "action": "note"}, "no. 2, action note"),
], ids=["amount", "supplier", "statute", "recommendation"])
def test_describe_item(field: str, item: dict[str, object], expected: str) -> None:
    assert describe_item(field, item) == expected


def test_short_money_and_chart_rows() -> None:
    assert [short_money(v) for v in (1_200_000, 750_000, 950)] == ["£1.2m", "£750k", "£950"]
    chart = rows_to_chart("s", "S", [(f"s{i}", 100.0 - i) for i in range(12)], top=10)
    assert [bar.label for bar in chart.bars][-1] == "Other (2)" and len(chart.bars) == 11
    assert chart.bars[-1].value == 90.0 + 89.0 and chart.bars[-1].share == 1.0
    assert chart.bars[0].share == pytest.approx(100.0 / 179.0)


@pytest.mark.parametrize("record_id,name", [
    ("md-3101-5828997854", "md-3101-5828997854.html"),
    ("../../etc/passwd", "etc-passwd-"),
    ("..", "record-"),
    ("md-3101\n", "md-3101-"),
], ids=["schema-id", "traversal", "dots", "trailing-newline"])
def test_page_names_stay_in_the_folder(record_id: str, name: str) -> None:
    page = page_name(record_id)
    assert page.startswith(name) and "/" not in page and "\n" not in page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("site")
    out = base / "site"
    build_site(open_records(write_records(base / "records")), out)
    return out


def test_index_lists_every_decision(site: Path) -> None:
    tree = HTMLParser((site / "index.html").read_text(encoding="utf-8"))
    links = {a.text(): a.attributes["href"] for a in tree.css("#decisions tbody a")}
    assert set(links) == {r.reference for r in corpus_records()}
    assert all((site / str(href)).is_file() for href in links.values())


def test_every_item_is_highlighted_on_its_words(site: Path) -> None:
    for record in corpus_records():
        tree = HTMLParser((site / "decisions" / page_name(record.id)).read_text("utf-8"))
        for field in FIELD_LABELS:
            for n, item in enumerate(getattr(record, field), start=1):
                pieces = tree.css(f'mark[data-key="{field}-{n}"]')
                assert "".join(p.text(deep=True) for p in pieces) == item.text, (record.id, field)
        doc = tree.css_first("#doc")
        assert doc is not None and doc.text(deep=True) == record.text


def test_document_text_is_escaped_everywhere(site: Path) -> None:
    pages = [site / "index.html", *sorted((site / "decisions").glob("*.html"))]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert HOSTILE_TITLE not in html and HOSTILE_IMG not in html
        assert len(re.findall(r"<script\b", html)) == 1  # the site's own script only
        assert "<img" not in html
    hostile = next(r for r in corpus_records() if r.reference == "MD 3105")
    tree = HTMLParser((site / "decisions" / page_name(hostile.id)).read_text("utf-8"))
    heading, doc = tree.css_first("h1"), tree.css_first("#doc")
    assert heading is not None and HOSTILE_TITLE in heading.text()
    assert doc is not None and HOSTILE_IMG in doc.text()


def test_nothing_loads_from_the_network(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", text), path
            assert not re.search(r"url\(|@import|fetch\(|XMLHttpRequest", text), path
    assert "default-src 'none'" in (site / "index.html").read_text(encoding="utf-8")


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = write_records(tmp_path / "records")
    assert main(["report", "--records", str(records), "--out", str(tmp_path / "s")]) == 0
    assert len(list((tmp_path / "s" / "decisions").glob("*.html"))) == len(corpus_records())
    assert "wrote 7 decision page(s)" in capsys.readouterr().err
