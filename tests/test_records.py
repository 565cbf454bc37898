"""Whole records: a document with nothing to extract, and the public verbs."""

from __future__ import annotations

import pipeline
from tests.conftest import record_of


def test_nothing_to_extract_gives_a_valid_empty_record() -> None:
    record = record_of("Minutes of a meeting. Members discussed the weather.\n")
    for field in ("recommendations", "amounts", "suppliers", "funders", "frameworks",
                  "statutory_references", "other_instruments", "checks", "warnings"):
        assert getattr(record, field) == [], field
    assert record.reference is None
    assert record.source.pages == 1


def test_public_surface() -> None:
    assert set(pipeline.__all__) == {"__version__", "extract_record", "extract_records", "load",
                                     "run_flow"}
    document = pipeline.load("x.txt", data=b"The cost is \xc2\xa35,000.")
    record = pipeline.extract_record(document)
    assert [(a.text, a.value) for a in record.amounts] == [("£5,000", 5000.0)]


def test_same_bytes_same_id_and_record() -> None:
    text = "PCD 1 Test\nThe award of a contract to Acme Widgets Ltd for £20,000.\n"
    first = pipeline.extract_record(pipeline.load("a.txt", data=text.encode()))
    second = pipeline.extract_record(pipeline.load("a.txt", data=text.encode()))
    assert first == second
    assert first.id == second.id
    other = pipeline.extract_record(pipeline.load("a.txt", data=(text + " ").encode()))
    assert other.id != first.id
