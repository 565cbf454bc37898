"""Extractors: one module per field family, each turning passages into findings.

`passages_to_extraction` runs them all over one document. An extractor that fails on
some text does not stop the others: its failure becomes a warning on the record
(tests assert no such warning appears on any input they generate).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pipeline.document import Document
from pipeline.extract.amounts import extract_amounts
from pipeline.extract.checks import CheckFinding, extract_checks
from pipeline.extract.findings import Finding, Note
from pipeline.extract.frameworks import extract_frameworks
from pipeline.extract.legislation import extract_legislation
from pipeline.extract.metadata import Particulars, document_to_particulars
from pipeline.extract.other_instruments import extract_other_instruments
from pipeline.extract.parties import extract_parties
from pipeline.extract.passages import Passage
from pipeline.extract.recommendations import extract_recommendations

T = TypeVar("T")


@dataclass(frozen=True)
class Extraction:
    particulars: Particulars
    findings: tuple[Finding, ...]
    checks: tuple[CheckFinding, ...]
    notes: tuple[Note, ...]


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def passages_to_extraction(document: Document, passages: Sequence[Passage]) -> Extraction:
    notes: list[Note] = []

    def guarded(name: str, run: Callable[[], T], empty: T) -> T:
        try:
            return run()
        except Exception as error:  # an extractor bug must not lose the document
            notes.append(Note("extractor_failed", f"{name}: {type(error).__name__}: {error}"))
            return empty

    text = document.text
    no_findings: tuple[list[Finding], list[Note]] = ([], [])
    no_checks: tuple[list[CheckFinding], list[Note]] = ([], [])
    nothing: list[Finding] = []
    amounts, amount_notes = guarded("amounts", lambda: extract_amounts(passages), no_findings)
    headings = [(s.start, _line_end(text, s.start)) for s in document.sections]
    statutes, statute_notes = guarded(
        "legislation", lambda: extract_legislation(text, passages, headings), no_findings
    )
    checks, check_notes = guarded(
        "checks", lambda: extract_checks(text, passages, amounts), no_checks
    )
    findings = [
        *amounts,
        *statutes,
        *guarded("frameworks", lambda: extract_frameworks(passages, document.sections), nothing),
        *guarded("parties", lambda: extract_parties(text, passages), nothing),
        *guarded("recommendations", lambda: extract_recommendations(document), nothing),
        *guarded("other instruments", lambda: extract_other_instruments(text, passages), nothing),
    ]
    particulars = guarded(
        "metadata",
        lambda: document_to_particulars(document),
        Particulars(None, None, None, None, {}),
    )
    notes.extend([*amount_notes, *statute_notes, *check_notes])
    return Extraction(particulars, tuple(findings), tuple(checks), tuple(notes))
