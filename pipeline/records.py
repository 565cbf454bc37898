"""Documents to validated records: segment, parse passages in batches, extract, assemble."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.assemble import extraction_to_record
from pipeline.document import Document
from pipeline.extract import passages_to_extraction
from pipeline.extract.findings import Note
from pipeline.extract.passages import documents_to_passages
from pipeline.nlp import build_nlp
from pipeline.segment import document_to_segmented
from schemas.record import DecisionRecord

_BATCH = 64


def extract_records(documents: Iterable[Document]) -> Iterator[DecisionRecord]:
    """Records for `documents`, in order; spaCy parses each batch in one stream."""
    nlp = build_nlp()
    batch: list[Document] = []
    for document in documents:
        batch.append(document_to_segmented(document))
        if len(batch) == _BATCH:
            yield from _batch_to_records(nlp, batch)
            batch = []
    if batch:
        yield from _batch_to_records(nlp, batch)


def extract_record(document: Document) -> DecisionRecord:
    return next(extract_records([document]))


def _batch_to_records(nlp: object, batch: list[Document]) -> Iterator[DecisionRecord]:
    for document, passages in zip(batch, documents_to_passages(nlp, batch), strict=True):  # type: ignore[arg-type]
        extraction = passages_to_extraction(document, passages)
        ingest_notes = tuple(Note(code, message) for code, message in document.notices)
        if ingest_notes:
            extraction = type(extraction)(
                extraction.particulars,
                extraction.findings,
                extraction.checks,
                ingest_notes + extraction.notes,
            )
        yield extraction_to_record(document, extraction)
