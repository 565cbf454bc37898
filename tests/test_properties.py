"""Properties of extraction over any text, however hostile (habit 4: extractors never raise).

For every text that ingest accepts, `extract_record` returns a valid `DecisionRecord`
whose evidence quotes its own text, and no extractor fails (a failure would show as an
"extractor_failed" warning: the guard in `pipeline.extract` turns exceptions into those).
Ingest itself may refuse a text, but only with a typed `IngestError`.
"""

from __future__ import annotations

import time
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.document import Document
from pipeline.errors import IngestError
from pipeline.ingest import load
from pipeline.records import extract_record
from schemas.record import DecisionRecord
from tests.case_records import parametrize_groups

# Any unicode that UTF-8 can encode: everything but lone surrogates.
ANY_CHARACTER = st.characters(codec="utf-8")

# Pieces of decision wording that wake every extractor, to be shuffled with noise.
FRAGMENTS = st.sampled_from([
    "£", "€", "$", "US$", "GBP ", "EUR ", "£737.4k", "£1.2m", "£5 million", "£2.5bn",
    "£31,185.00", "£10k–£20k", "£1OOk", "up to ", "(exclusive of VAT)", " per annum",
    " in 2023/24", "five million pounds", "20 Million Dollars ($20,000,000)", "k", "m", "bn",
    "T", "0", "9", ",", ".", "–", "-", " ", "\n", "\n\n", "\f", "\t", "(", ")", "(the PCRs)",
    "section 149(1) of the Equality Act 2010", "s22A", "sections 82 and 84 of ",
    "the Public Contracts Regulations 2015", "that Act", "the 2018 Act", "the above Order",
    "Article 8 of the ECHR", "GDPR", "DPA 2018", "Recommendations\n", "Recommendation\n",
    "The DMPC is recommended to:\n", "1. Approve ", "2. Note ", "a) ", "• ",
    "The recommended supplier is ", "Ernst & Young (EY)", "Northgate Analytics Ltd",
    " (company registration number: 07654321)", "awarded to ", "contract with ",
    "grant funding from the Home Office", "novate the contract to ", "MOPAC", "the MPS",
    "Crown Commercial Service framework RM6100 (Technology Services 3), Lot 2", "G-Cloud 12",
    "ESPO", "a policy framework", "Reference code: PCD 1234\n", "Date signed: 14 March 2024\n",
    "Decision by: ", "The total cost is £852.4k. This will consist of £737.4k and £115k.",
    "made up of ", "Financial Comments\n", "3.1. ", "Legal Comments\n",
])

DECISION_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(ANY_CHARACTER, max_size=6)),
                         max_size=50).map("".join)
RANDOM_UNICODE = st.text(ANY_CHARACTER, max_size=300)
HUGE_NUMBERS = st.builds(
    lambda prefix, n, suffix: f"{prefix}{n:,}{suffix}",
    st.sampled_from(["£", "$", "€", "GBP ", "", "up to £"]),
    st.integers(min_value=0, max_value=10**60),
    st.sampled_from(["", "k", "m", "bn", "T", " million pounds", ".00", " (exclusive of VAT)"]),
)
REPEATED = st.builds(
    lambda unit, times: unit * times,
    st.sampled_from(["£", "(", ")", "((£1m))", "£1", "1.", "\n1. Approve", "\f", "k", ",000",
                     "section 1 of the Equality Act 2010 ", "Lot 1 ", "O"]),
    st.integers(min_value=1, max_value=400),
)
NESTED = st.builds(lambda depth, core: "(" * depth + core + ")" * depth,
                   st.integers(min_value=1, max_value=300),
                   st.sampled_from(["£5m", "EY", "the PCRs", "RM6100", "s. 149", ""]))
# Text that ingest reads as a web page: decision wording between stray tags and entities.
TAGS = st.sampled_from(["<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "</table>", "<br>",
                        "<div>", "</div>", "<h2>", "</h2>", "<a href='signed.pdf'>", "</a>",
                        "<script>", "</script>", "<!--", "-->", "&amp;", "&pound;", "&#163;",
                        "<", ">", "<li>", "<title>", "</title>"])
HTML_LIKE = st.lists(st.one_of(TAGS, DECISION_LIKE), max_size=30).map(
    lambda parts: "<html><body>" + "".join(parts))
HOSTILE_TEXT = st.one_of(DECISION_LIKE, RANDOM_UNICODE, HUGE_NUMBERS, REPEATED, NESTED, HTML_LIKE)

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


def text_to_document(text: str) -> Document | None:
    """The document ingest makes of `text`, or None when it refuses it with a typed error."""
    try:
        return load("hostile.txt", data=text.encode("utf-8"))
    except IngestError:
        return None


def assert_evidence_quotes_text(record: DecisionRecord) -> None:
    for field_name, item in record.evidenced_items():
        ev = item.evidence
        assert record.text[ev.start : ev.end] == item.text, (field_name, item)
        assert 1 <= ev.page <= record.source.pages, (field_name, item)


def failures(record: DecisionRecord) -> list[str]:
    return [w.message for w in record.warnings if w.code == "extractor_failed"]


@PROPERTY_SETTINGS
@given(HOSTILE_TEXT)
@example("£" * 1000)
@example("(" * 300 + ")" * 300)
@example("\f" * 500)
def test_any_text_gives_a_valid_record(text: str) -> None:
    document = text_to_document(text)
    if document is None:
        return
    record = extract_record(document)
    assert isinstance(record, DecisionRecord)
    assert record.text == document.text
    DecisionRecord.model_validate(record.model_dump())
    assert_evidence_quotes_text(record)


@PROPERTY_SETTINGS
@given(HOSTILE_TEXT)
@example("£" + "9" * 30)
def test_no_extractor_fails_on_any_text(text: str) -> None:
    document = text_to_document(text)
    if document is None:
        return
    assert failures(extract_record(document)) == []


@settings(max_examples=40, deadline=None)
@given(DECISION_LIKE)
def test_extraction_is_deterministic(text: str) -> None:
    document = text_to_document(text)
    if document is None:
        return
    assert extract_record(document).model_dump() == extract_record(document).model_dump()


class HostileCase(NamedTuple):
    id: str
    text: str


HOSTILE_CASES = [
    HostileCase("thousands-of-pound-signs", "£" * 2000),
    HostileCase("deeply-nested-brackets", "(" * 500 + "£5m" + ")" * 500),
    HostileCase("unclosed-brackets-after-name", "The contract with Ernst & Young (" * 200),
    HostileCase("number-words-without-currency", "one hundred and " * 500),
    HostileCase("thousand-pages", "£5m\f" * 300),
    HostileCase("figure-of-26-digits", "£" + "9" * 26),
    HostileCase("figure-of-27-digits", "£" + "9" * 27),
    HostileCase("ocr-letters-in-long-figure", "The budget is £5m. OCR noise: "
                           "£1OOOOOOOOOOOOOOOOOOOOOOOOOOOOOOk."),
    HostileCase("long-comma-groups", "£1" + ",000" * 12),
    HostileCase("scale-pushes-past-precision", "The fund is £100,000,000,000,000T."),
    HostileCase("control-characters", "£5m\x01\x02\x7f section 149 of the Equality Act 2010"),
    HostileCase("right-to-left-and-emoji", "المبلغ £5m 💷 section 149 of the Equality Act "
                "2010 \u202e£10k"),
    HostileCase("combining-marks", "£5\u0301m Equa\u0308lity Act 2010"),
    HostileCase("only-punctuation", ".,;:()[]{}–—-£$€" * 50),
    HostileCase("windows-line-ends", "Recommendations\r\n1. Approve £5m.\r\n2. Note it.\r\n"),
]


@pytest.mark.parametrize("case", parametrize_groups(hostile=HOSTILE_CASES))
def test_hostile_text(case: HostileCase) -> None:
    document = text_to_document(case.text)
    assert document is not None
    record = extract_record(document)
    assert_evidence_quotes_text(record)
    assert failures(record) == []


class SlowCase(NamedTuple):
    id: str
    text: str
    baseline: str  # ordinary text of the same length


SLOW_CASES = [
    SlowCase("title-words-with-act", "Police Act " * 40, "Police are " * 40),
    SlowCase("nested-brackets", "(" * 270 + "£5m" + ")" * 270, "Brackets " * 61),
]


def seconds_to_extract(document: Document, runs: int) -> float:
    """Best of `runs` timings: the least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        extract_record(document)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("case", parametrize_groups(slow=SLOW_CASES))
def test_hostile_text_costs_about_as_much_as_ordinary_text(case: SlowCase) -> None:
    """Within 10 times ordinary text of the same length (a ratio: machine speed cancels)."""
    baseline_document = text_to_document(case.baseline)
    document = text_to_document(case.text)
    assert baseline_document is not None and document is not None
    baseline = max(seconds_to_extract(baseline_document, 3), 0.02)
    hostile = seconds_to_extract(document, 2)
    assert hostile < 10 * baseline, (hostile, baseline)


ALL_CASES = [*HOSTILE_CASES, *SLOW_CASES]
