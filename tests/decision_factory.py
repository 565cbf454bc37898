"""One invented decision, written out as plain text, as a london.gov.uk-shaped web page
and (in `pdf_factory`) as a signed PDF, so tests can check the three read the same.

Every sentence here is made up for the tests; none comes from a published decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

REFERENCE = "PCD 4821"
TITLE = "PCD 4821 Riverside Depot Lighting Renewal"
DATE_SIGNED = "3 June 2024"
DATE_PUBLISHED = "10 June 2024"
DECISION_BY = "A. Example, Deputy Mayor for Policing and Crime"
SUPPLIER = "Kestrel Facilities Management plc"
SIGNED_PDF = "/sites/default/files/2024-06/pcd_4821_signed.pdf"
APPENDIX = "/sites/default/files/2024-06/pcd_4821_appendix_1.xlsx"

SUMMARY = (
    "This decision approves the renewal of lighting at the Riverside depot at a total cost "
    "of £1,350,000 over two years, and the award of the works to " + SUPPLIER + "."
)
RECOMMENDATIONS = (
    "Approve expenditure of up to £1,350,000 on the Riverside depot lighting renewal;",
    "Approve the award of a contract to " + SUPPLIER + " through the Crown Commercial "
    "Service framework RM6100 (Technology Services 3), Lot 2; and",
    "Note the equality assessment and the risks set out in this paper.",
)
# Filler that is long enough to push the paper onto several pages.
_BOARD = ("The project board reviewed the depot lighting proposal at its monthly meeting and "
          "recorded that delivery risks are held on the corporate risk register, with regular "
          "reports to the portfolio office and a closing report when the works are complete.")


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    table: tuple[tuple[str, ...], ...] = ()


SECTIONS = (
    Section("1. Introduction and background", (
        "1.1. The lamps at the Riverside depot are past their design life and several bays "
        "are now lit below the level the site safety plan requires.",
        *(f"1.{i}. {_BOARD}" for i in range(2, 8)),
    )),
    Section("2. Issues for consideration", (
        "2.1. Three options were compared: repair on failure, a phased renewal and a single "
        "programme of works. The single programme gives the lowest whole-life cost.",
        *(f"2.{i}. {_BOARD}" for i in range(2, 8)),
    )),
    Section("3. Financial Comments", (
        "3.1. The total cost of £1,350,000 is met from the approved capital programme, with "
        "£900,000 in 2024/25 and £450,000 in 2025/26, as the table below sets out.",
        "3.2. A contingency of £75,000 is held within the total and is released only with "
        "the agreement of the Chief Finance Officer.",
    ), (("Item", "2024/25", "2025/26", "Total"),
        ("Lighting works", "£820,000", "£405,000", "£1,225,000"),
        ("Design and supervision", "£80,000", "£45,000", "£125,000"))),
    Section("4. Legal Comments", (
        "4.1. The award is made under regulation 72 of the Public Contracts Regulations 2015 "
        "and the framework's call-off terms.",
        "4.2. The Deputy Mayor may take this decision under section 1 of the Localism Act "
        "2011 and the scheme of delegation.",
    )),
    Section("5. Equality Comments", (
        "5.1. In line with section 149 of the Equality Act 2010 an equality assessment was "
        "completed; better lighting improves safety for staff with limited vision.",
    )),
)
# What the extractors should find in every rendering of this decision.
AMOUNTS = frozenset({1_350_000.0, 900_000.0, 450_000.0, 75_000.0, 820_000.0, 405_000.0,
                     1_225_000.0, 80_000.0, 45_000.0, 125_000.0})


def decision_text() -> str:
    """The decision as a plain text file would hold it."""
    lines = [TITLE, "", "Key information", f"Reference code: {REFERENCE}",
             f"Date signed: {DATE_SIGNED}", f"Date published: {DATE_PUBLISHED}",
             f"Decision by: {DECISION_BY}", "", "Executive summary", SUMMARY, "",
             "Recommendations", "The Deputy Mayor for Policing and Crime is recommended to:"]
    lines += [f"{i}. {text}" for i, text in enumerate(RECOMMENDATIONS, 1)]
    for section in SECTIONS:
        lines += ["", section.heading, *section.paragraphs]
        lines += [" | ".join(row) for row in section.table]
    return "\n".join(lines) + "\n"


def decision_html(*, key_information: str | None = None) -> str:
    """The decision as a london.gov.uk decision page, site furniture and all."""
    sections = "\n".join(_section_html(s) for s in SECTIONS)
    items = "".join(f"<li>{escape(text)}</li>" for text in RECOMMENDATIONS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(TITLE)} | London City Hall</title>
<link rel="canonical" href="https://www.london.gov.uk/decisions/pcd-4821-riverside-depot">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{page: "decision"}});</script>
<style>.cookie-banner {{ position: fixed; }}</style></head>
<body>
<div class="cookie-banner" role="dialog"><p>We use cookies to make this site work.</p>
<button>Accept all cookies</button></div>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header role="banner"><nav aria-label="Main"><ul><li><a href="/">Home</a></li>
<li><a href="/who-we-are">Who we are</a></li><li><a href="/search">Search</a></li></ul></nav>
</header>
<main id="main-content">
<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li>Decisions</li></ol></nav>
<h1 class="page-title">{escape(TITLE)}</h1>
{key_information if key_information is not None else _key_information_html()}
<h2>Executive summary</h2>
<p>{escape(SUMMARY)}</p>
<h2>Recommendations</h2>
<p>The Deputy Mayor for Policing and Crime is recommended to:</p>
<ol>{items}</ol>
<h2>Part 1: Non-confidential facts and advice</h2>
{sections}
<h2>Signed decision document</h2>
<p><a href="{SIGNED_PDF}">{escape(REFERENCE)} Riverside Depot Lighting Renewal</a></p>
<h2>Supporting documents</h2>
<ul><li><a href="{APPENDIX}">Appendix 1 cost plan</a></li></ul>
<div class="share-this"><a href="https://social.example/share">Share this page</a></div>
</main>
<footer role="contentinfo"><p>Copyright Greater London Authority</p>
<a href="/privacy">Privacy</a></footer>
<script src="/js/site.js"></script>
</body></html>
"""


def _key_information_html() -> str:
    return f"""<div class="key-information"><h2>Key information</h2>
<div class="field"><div class="field__label">Reference code</div>
<div class="field__item">{escape(REFERENCE)}</div></div>
<div class="field"><div class="field__label">Date signed</div>
<div class="field__item"><time datetime="2024-06-03">{DATE_SIGNED}</time></div></div>
<div class="field"><div class="field__label">Date published</div>
<div class="field__item">{DATE_PUBLISHED}</div></div>
<div class="field"><div class="field__label">Decision by</div>
<div class="field__item">{escape(DECISION_BY)}</div></div></div>"""


def _section_html(section: Section) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in section.paragraphs)
    table = ""
    if section.table:
        head, *rows = section.table
        cells = "".join(f"<th>{escape(c)}</th>" for c in head)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                       for row in rows)
        table = f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
    return f"<h3>{escape(section.heading)}</h3>{paragraphs}{table}"
