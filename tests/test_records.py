"""Whole records: a document with nothing to extract, and the public verbs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

import pipeline
from pipeline import record_caps
from pipeline.store import record_to_json
from schemas.record import DecisionRecord
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


JSON_CASES = [
    {"b": [1, 2.5, None, True], "a": {"z": "£1.2m \u2014 caf\u00e9 \U0001f600", "y": []}},
    {"value": 4900000.0, "small": 0.001, "huge": 1e22, "empty": {}, "text": "line\nbreak\t\"q\""},
    [0.1, 1234567.89, -5, "", {"k": [{}]}],
]


@pytest.mark.parametrize("data", JSON_CASES)
def test_record_json_is_the_standard_librarys(data: object) -> None:
    from pipeline.store import json_text

    assert json_text(data) == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("data", JSON_CASES)
def test_rollup_lines_are_the_standard_librarys_compact_json(data: object) -> None:
    from pipeline.store import json_line, json_text

    assert json_line(json_text(data).encode()) \
        == json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_write_atomic_replaces_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    from pipeline.store import write_atomic

    target = tmp_path / "deep" / "r.json"
    write_atomic(target, "first \u00a3\n")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.json"]


def test_write_atomic_does_not_follow_a_planted_link(tmp_path: Path) -> None:
    import os
    import threading

    from pipeline.store import write_atomic

    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n")
    target = tmp_path / "r.json"
    os.symlink(outside, tmp_path / f".r.json.{os.getpid()}-{threading.get_ident()}.tmp")
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert outside.read_text() == "keep\n" and not target.exists()


def test_what_orjson_refuses_is_written_by_the_standard_library() -> None:
    from pipeline.store import json_text

    assert json_text({"big": 2**70}) == f'{{\n  "big": {2**70}\n}}\n'
    assert json_text({1: "int key"}) == '{\n  "1": "int key"\n}\n'


def test_a_record_cannot_hold_an_amount_that_is_not_a_number() -> None:
    from pydantic import ValidationError

    from schemas.record import Amount

    evidence = {"start": 0, "end": 1, "page": 1, "section": None, "paragraph": None,
                "rule": "r", "repaired": False}
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValidationError, match="finite"):
            Amount(text="£", value=bad, currency="GBP", qualifier=None, vat=None, period=None,
                   kind="cost", range=None, evidence=evidence)


# --- at most MAX_ITEMS_PER_FIELD items in a list, and a warning saying so ---------------

class CapCase(NamedTuple):
    id: str
    path: str
    data: str
    field: str  # the list that is cut, as the warning names it
    found: int
    first_left_out: str | None  # the quote of the first item left out, when it has one


def _schedule(amounts: int) -> str:
    return "1. Approve these payments:\n" + "".join(f"£{1000 + n:,}\n" for n in range(amounts))


def _links_page(links: int) -> str:
    anchors = "".join(f"<p><a href='https://example.gov.uk/paper-{n}'>Paper {n}</a></p>"
                      for n in range(links))
    return f"<html><body><main><h1>MD 1 Papers</h1><p>The papers.</p>{anchors}</main></body></html>"


CASES_FROM_CAPS = [
    CapCase("amounts", "schedule.txt", _schedule(60), "amounts", 60, "£1,050"),
    CapCase("source-links", "papers.html", _links_page(60), "source.links", 60, None),
]


@pytest.mark.parametrize("case", CASES_FROM_CAPS, ids=[c.id for c in CASES_FROM_CAPS])
def test_a_list_over_the_cap_keeps_its_first_items_and_says_so(
        case: CapCase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_caps, "MAX_ITEMS_PER_FIELD", 50)
    record = pipeline.extract_record(pipeline.load(case.path, data=case.data.encode()))
    owner = record.source if case.field.startswith("source.") else record
    assert len(getattr(owner, case.field.removeprefix("source."))) == 50
    capped = [w for w in record.warnings if w.code == "too_many_items"]
    assert [w.message for w in capped] == [
        f"{case.field}: {case.found} found, the first 50 kept "
        "(MAX_ITEMS_PER_FIELD in pipeline/record_caps.py)"]
    start = None if case.first_left_out is None else record.text.index(case.first_left_out)
    assert capped[0].start == start
    assert DecisionRecord.model_validate_json(record_to_json(record)) == record  # evidence holds


def test_a_record_within_the_cap_is_not_touched(monkeypatch: pytest.MonkeyPatch) -> None:
    document = pipeline.load("schedule.txt", data=_schedule(50).encode())
    monkeypatch.setattr(record_caps, "MAX_ITEMS_PER_FIELD", 50)
    at_the_cap = pipeline.extract_record(document)
    monkeypatch.setattr(record_caps, "MAX_ITEMS_PER_FIELD", 10_000)
    assert at_the_cap == pipeline.extract_record(document)
    assert len(at_the_cap.amounts) == 50 and at_the_cap.warnings == []
