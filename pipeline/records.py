"""Documents to validated records: segment, parse passages in batches, extract, assemble,
cap each list (`record_caps.py`)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from pipeline.assemble import extraction_to_record
from pipeline.document import Document
from pipeline.extract import passages_to_extraction
from pipeline.extract.findings import Note
from pipeline.extract.passages import documents_to_passages
from pipeline.nlp import build_nlp
from pipeline.record_caps import capped_record
from pipeline.segment import document_to_segmented
from schemas.record import DecisionRecord

_BATCH = 64
# Extraction allocates many short-lived containers (tokens, hits, findings) and keeps
# none: at Python's default of 700 allocations per young collection, collecting costs
# about a tenth of the extraction time (benchmarks/extract_throughput.py).
_YOUNG_COLLECTION_AFTER = 50_000


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


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while a batch is extracted, then restore the caller's
    setting: the threshold is process-wide, and the caller's code is not ours to tune."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG_COLLECTION_AFTER), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _batch_to_records(nlp: object, batch: list[Document]) -> Iterator[DecisionRecord]:
    with _fewer_collections():
        records = list(_records_of(nlp, batch))
    yield from records


def _records_of(nlp: object, batch: list[Document]) -> Iterator[DecisionRecord]:
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
        yield capped_record(extraction_to_record(document, extraction))
