"""The scoring rules of shared/eval-dev/README.md, as a table of pairs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.evaluate import evaluate, names_match, statutes_match


class NameCase(NamedTuple):
    id: str
    gold: str
    got: str
    match: bool


NAME_CASES = [
    NameCase("equal", "Victim Support", "Victim Support", True),
    NameCase("case-and-punctuation", "BT PLC", "bt plc.", True),
    NameCase("ltd-dropped", "Millbrook Construction Limited", "Millbrook Construction", True),
    NameCase("the-dropped", "The Open University", "Open University", True),
    NameCase("contained", "Open University", "Open University Centre for Policing", True),
    NameCase("bracketed-abbreviation", "Ernst & Young (EY)", "Ernst & Young", True),
    NameCase("different", "Victim Support", "Safer London Foundation", False),
    NameCase("partial-word-is-not-contained", "Atos", "Atoss Group", False),
]


@pytest.mark.parametrize("case", NAME_CASES, ids=lambda c: c.id)
def test_names_match(case: NameCase) -> None:
    assert names_match(case.gold, case.got) is case.match


class StatuteCase(NamedTuple):
    id: str
    gold: tuple[str, str | None]
    got: tuple[str, str | None]
    match: bool


STATUTE_CASES = [
    StatuteCase("abbreviated-section", ("Equality Act 2010", "section 149(1)"),
                ("Equality Act 2010", "s.149(1)"), True),
    StatuteCase("article-case", ("General Data Protection Regulation", "article 35"),
                ("General Data Protection Regulation", "Article 35"), True),
    StatuteCase("of-or-on", ("European Convention of Human Rights", None),
                ("European Convention on Human Rights", None), True),
    StatuteCase("ampersand", ("Town and Country Planning Act 1990", None),
                ("Town & Country Planning Act 1990", None), True),
    StatuteCase("year-differs", ("Public Contracts Regulations 2015", None),
                ("Public Contracts Regulations 2006", None), False),
    StatuteCase("provision-differs", ("Police Act 1996", "section 88"),
                ("Police Act 1996", "section 89"), False),
    StatuteCase("general-vs-provision", ("Equality Act 2010", None),
                ("Equality Act 2010", "section 149"), False),
    StatuteCase("inner-of-outer-is-outer-first", ("Local Government Act 1972",
                                                  "paragraph 3 of Schedule 12A"),
                ("Local Government Act 1972", "schedule 12A, paragraph 3"), True),
    StatuteCase("abbreviated-outer-first", ("Local Government Act 1972", "schedule 12A, "
                                            "paragraph 3"),
                ("Local Government Act 1972", "Sch. 12A, para 3"), True),
    StatuteCase("bracketed-paragraph-of-regulation", ("Police Pensions Regulations 1987",
                                                      "regulation K5(4)"),
                ("Police Pensions Regulations 1987", "paragraph (4) of regulation K5"), True),
    StatuteCase("other-paragraph-of-schedule", ("Local Government Act 1972",
                                                "schedule 12A, paragraph 3"),
                ("Local Government Act 1972", "paragraph 4 of schedule 12A"), False),
    StatuteCase("schedule-is-not-its-paragraph", ("Local Government Act 1972", "schedule 12A"),
                ("Local Government Act 1972", "schedule 12A, paragraph 3"), False),
    StatuteCase("bare-section-abbreviated", ("section 106", None), ("s106", None), True),
    StatuteCase("bare-section-differs", ("section 106", None), ("section 278", None), False),
    StatuteCase("bare-section-is-not-an-act", ("section 106", None),
                ("Town and Country Planning Act 1990", "section 106"), False),
    StatuteCase("regulation-is-not-its-paragraph", ("Police Pensions Regulations 1987",
                                                    "regulation K5"),
                ("Police Pensions Regulations 1987", "regulation K5(4)"), False),
]


@pytest.mark.parametrize("case", STATUTE_CASES, ids=lambda c: c.id)
def test_statutes_match(case: StatuteCase) -> None:
    assert statutes_match(case.gold, case.got) is case.match


def test_micro_averaged_scores(tmp_path: Path) -> None:
    gold, records = tmp_path / "gold", tmp_path / "records"
    gold.mkdir()
    records.mkdir()
    (gold / "a.json").write_text(json.dumps({
        "id": "a", "reference": "PCD 1",
        "amounts": [{"value": 10.0, "currency": "GBP"}, {"value": 20.0, "currency": "GBP"}],
        "suppliers": ["Acme Ltd"], "funders": [], "frameworks": [],
        "statutes": [{"instrument": "Equality Act 2010", "provision": None}]}))
    (gold / "b.json").write_text(json.dumps({
        "id": "b", "reference": None, "amounts": [], "suppliers": [], "frameworks": [],
        "statutes": []}))
    (records / "a.json").write_text(json.dumps({
        "reference": "PCD 1",
        "amounts": [{"value": 10.0, "currency": "GBP"}, {"value": 10.0, "currency": "GBP"},
                    {"value": 30.0, "currency": "GBP"}],
        "suppliers": [{"name": "ACME"}], "funders": [], "frameworks": [],
        "statutory_references": [{"instrument": "Equality Act 2010", "provision": None}]}))
    report = evaluate(gold, records)
    amounts = report.scores["amounts"]
    assert (amounts.tp, amounts.fp, amounts.fn) == (1, 1, 1)
    assert report.scores["suppliers"].f1 == 1.0
    assert report.scores["statutes"].f1 == 1.0
    assert report.reference_accuracy == 0.5  # b has no record: its null reference is missed
    assert report.missing_records == ["b"]
