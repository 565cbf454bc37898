"""The review site in a real browser: Debian's Chromium, driven by Playwright.

One browser for the module (a fresh, empty profile), pages opened from file:// as an
analyst would. Skipped only when /usr/bin/chromium is missing; CI installs it with
.ci/install-browser. Never `playwright install`: the browser comes from Debian.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.analyst import open_records
from pipeline.analyst.report import build_site
from pipeline.analyst.report.describe import FIELD_LABELS
from pipeline.analyst.report.site import page_name
from tests.test_analyst_corpus import HOSTILE_IMG, HOSTILE_TITLE, corpus_records, write_records

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's chromium is not at /usr/bin/chromium: "
                              "run .ci/install-browser"),
    pytest.mark.xdist_group("browser"),  # one browser, with `pytest -n 2 --dist loadgroup`
]


@dataclass
class Tab:
    page: Page
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("browser-site")
    out = base / "site"
    build_site(open_records(write_records(base / "records")), out)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")  # new and empty
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def tab(browser: BrowserContext) -> Iterator[Tab]:
    page = browser.new_page()
    page.set_default_timeout(15_000)
    tab = Tab(page)

    def on_dialog(dialog: object) -> None:
        tab.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    page.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    page.close()


def _decision_page(site: Path, reference: str) -> Path:
    record = next(r for r in corpus_records() if r.reference == reference)
    return site / "decisions" / page_name(record.id)


def _visible_references(page: Page) -> list[str]:
    found = page.eval_on_selector_all(
        "#decisions tbody tr:not([hidden]) td:first-child a", "els => els.map(e => e.textContent)")
    return [str(text) for text in found]


def test_index_lists_every_decision_and_filters_and_sorts(tab: Tab, site: Path) -> None:
    from playwright.sync_api import expect

    tab.open(site / "index.html")
    assert sorted(_visible_references(tab.page)) == sorted(
        r.reference for r in corpus_records() if r.reference)
    shown = tab.page.locator("#shown")
    tab.page.fill("#q", "harbour")  # filtering waits for a pause in typing
    expect(shown).to_have_text("2 of 7 decisions")
    assert sorted(_visible_references(tab.page)) == ["MD 3101", "MD 3102"]
    tab.page.fill("#q", "2024-06")  # dates are searchable too
    expect(shown).to_have_text("1 of 7 decisions")
    assert _visible_references(tab.page) == ["DD 3103"]
    tab.page.fill("#q", "")
    expect(shown).to_have_text("7 of 7 decisions")
    tab.page.select_option("#year-filter", "2022")
    assert _visible_references(tab.page) == ["MD 3106"]
    tab.page.select_option("#year-filter", "")
    spend = tab.page.locator("th button[data-sort=spend]")
    spend.click()
    assert _visible_references(tab.page)[0] == "PCD 3104"  # £50,000, the least
    spend.click()
    assert _visible_references(tab.page)[0] == "DD 3103"  # £1,200,000, the most


_MARK_TEXTS = """() => {
  const texts = {};
  for (const mark of document.querySelectorAll("#doc mark[data-key]")) {
    texts[mark.dataset.key] = (texts[mark.dataset.key] || "") +
      Array.from(mark.childNodes).map(n => n.textContent).join("");
  }
  return texts;
}"""


def test_highlights_sit_on_the_words_they_stand_for(tab: Tab, site: Path) -> None:
    for record in corpus_records():
        tab.open(site / "decisions" / page_name(record.id))
        texts = tab.page.evaluate(_MARK_TEXTS)
        expected = {f"{f}-{n}": item.text for f in FIELD_LABELS
                    for n, item in enumerate(getattr(record, f), start=1)}
        assert texts == expected, record.id
        assert tab.page.inner_text("#doc") == record.text


def test_a_highlight_explains_its_value_and_rule(tab: Tab, site: Path) -> None:
    tab.open(_decision_page(site, "MD 3101"))
    mark = tab.page.locator('mark[data-key="amounts-1"]')
    title = mark.get_attribute("title") or ""
    assert mark.inner_text() == "£750,000"
    assert "£750,000.00" in title and "rule money-figure" in title
    mark.click()
    assert tab.page.is_visible("#detail") and tab.page.inner_text("#detail") == title


def _variance(png: bytes) -> float:
    """Grey-level variance of a screenshot: near 0 for a blank box, large for drawn bars."""
    from PIL import Image, ImageStat

    return float(ImageStat.Stat(Image.open(io.BytesIO(png)).convert("L")).var[0])


def test_spend_charts_render(tab: Tab, site: Path) -> None:
    tab.open(site / "index.html")
    for key in ("year", "supplier", "framework"):
        chart = tab.page.locator(f"#chart-{key}")
        png = chart.screenshot()
        assert _variance(png) > 200, f"{key} chart looks blank"
        widths = tab.page.eval_on_selector_all(
            f"#chart-{key} svg.bar rect", "els => els.map(e => e.getBoundingClientRect().width)")
        assert widths and max(widths) > 50
    labels = tab.page.eval_on_selector_all("#chart-supplier .bar-label",
                                           "els => els.map(e => e.textContent)")
    assert labels[0] == "Thistle Data Systems Ltd" and len(labels) == 7


def test_hostile_text_shows_as_text_and_runs_nothing(tab: Tab, site: Path) -> None:
    for path in (site / "index.html", _decision_page(site, "MD 3105")):
        tab.open(path)
        tab.page.wait_for_timeout(300)  # time for an onerror that should never be there
        body = tab.page.inner_text("main")
        assert HOSTILE_TITLE in body
        assert tab.page.evaluate("document.images.length") == 0
        assert tab.page.evaluate("document.scripts.length") == 1
    assert HOSTILE_IMG in tab.page.inner_text("#doc")
    tab.page.locator("mark.hl").first.hover()
    assert tab.dialogs == []


def test_nothing_is_fetched_from_the_network(tab: Tab, site: Path) -> None:
    tab.open(site / "index.html")
    tab.open(_decision_page(site, "MD 3101"))
    assert tab.requests and all(url.startswith("file://") for url in tab.requests)


_OVERFLOW = """() => ({
  scroll: document.documentElement.scrollWidth,
  client: document.documentElement.clientWidth,
  widest: Math.max(...Array.from(document.querySelectorAll("main *"))
    .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().right)),
  font: parseFloat(getComputedStyle(document.querySelector(arguments_selector)).fontSize),
})"""


@pytest.mark.parametrize("where,selector", [
    ("index", "#decisions tbody td"), ("decision", "#doc")], ids=["index", "decision"])
def test_pages_fit_a_phone(tab: Tab, site: Path, where: str, selector: str) -> None:
    tab.page.set_viewport_size({"width": 375, "height": 812})
    tab.open(site / "index.html" if where == "index" else _decision_page(site, "MD 3101"))
    found = tab.page.evaluate(_OVERFLOW.replace("arguments_selector", repr(selector)))
    assert found["scroll"] <= found["client"] == 375, "the page scrolls sideways"
    assert found["widest"] <= 375.5
    assert found["font"] >= 14, "text too small to read on a phone"
    box = tab.page.locator(selector).first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375.5
