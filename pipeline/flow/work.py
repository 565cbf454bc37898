"""The work of one batch, run where the CPU is (a pool process or a Dask worker).

load → extract (one `nlp.pipe` stream per batch) → validate → JSON text. It returns
finished record text, not records, so the parent only writes bytes. Nothing raises:
every input ends as a record or a Failure naming its kind and reason, so one bad
document never stops the others in its batch.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence

from pipeline.document import Document
from pipeline.errors import IngestError
from pipeline.flow.items import Failure, Outcome, WorkItem, one_line
from pipeline.ingest.engines import DEFAULT_ENGINE

__all__ = ["SAFE_ID", "items_to_outcomes", "warm_up"]

# A record id becomes a file name under outputs/records/: no separators, no dot-names.
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}")  # used with fullmatch: no "\n" after it


def warm_up() -> None:
    """Pool initializer: build the spaCy pipeline now, not inside the first batch, and
    leave if the run that started this worker dies."""
    _exit_with_parent()
    from pipeline.nlp import build_nlp

    build_nlp()


def _exit_with_parent() -> None:
    """A run killed outright (SIGKILL, the OOM killer) cannot shut its pool down, and a
    forkserver worker would then wait for work forever: watch the parent and follow it."""
    import multiprocessing
    import os
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def items_to_outcomes(items: Sequence[WorkItem], engine: str = DEFAULT_ENGINE) -> list[Outcome]:
    """One Outcome per item, in order; PDFs read with `engine`."""
    outcomes: dict[str, Outcome] = {}
    loaded: list[tuple[WorkItem, Document]] = []
    for item in items:
        result = _load(item, engine)
        if isinstance(result, Failure):
            outcomes[item.path] = Outcome(item, failure=result)
        else:
            loaded.append((item, result))
    texts = _documents_to_json([document for _, document in loaded])
    for (item, document), text in zip(loaded, texts, strict=True):
        outcomes[item.path] = _checked(item, document, text)
    return [outcomes[item.path] for item in items]


def _load(item: WorkItem, engine: str) -> Document | Failure:
    """The document of the bytes the plan hashed. Anything else (the file gone, emptied
    or rewritten since) is a failure without a hash, so the next run reads it again:
    stamped with the plan's hash, a file restored with those very bytes would count as
    an unchanged failure forever."""
    from pipeline.ingest import load

    data = _planned_bytes(item)
    if isinstance(data, Failure):
        return data
    try:
        return load(item.path, data=data, doc_id=item.doc_id, location=item.location or None,
                    engine=engine)
    except IngestError as error:
        return Failure(item.path, item.sha256, error.kind, one_line(error.reason))


def _planned_bytes(item: WorkItem) -> bytes | Failure | None:
    """The file's bytes, read once and checked against the plan's hash; None when it is
    over the size limit (unchanged: `load` then refuses it without reading it whole)."""
    from pipeline.ingest import DEFAULT_LIMITS

    try:
        with open(item.location or item.path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > DEFAULT_LIMITS.max_bytes:
                data, sha = None, hashlib.file_digest(handle, "sha256").hexdigest()
            else:
                data = handle.read()
                sha = hashlib.sha256(data).hexdigest()
    except OSError as error:
        return Failure(item.path, None, "unreadable",
                       one_line(f"cannot read: {error.strerror or error}"))
    if sha != item.sha256:
        return Failure(item.path, None, "changed",
                       "the file changed while the run read it; it is read again next run")
    return data


def _documents_to_json(documents: list[Document]) -> list[str | Failure]:
    """The batch in one stream; if anything in it raises, each document alone, so only
    the document at fault fails."""
    from pipeline.records import extract_records
    from pipeline.store import record_to_json

    try:
        return [record_to_json(record) for record in extract_records(documents)]
    except Exception:
        return [_document_to_json(document) for document in documents]


def _document_to_json(document: Document) -> str | Failure:
    from pydantic import ValidationError

    from pipeline.records import extract_record
    from pipeline.store import record_to_json

    try:
        return record_to_json(extract_record(document))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        reason = f"record failed validation: {where or 'record'}: {first.get('msg', error)}"
        return Failure(document.source.path, document.source.sha256, "invalid",
                       one_line(reason))
    except Exception as error:
        return Failure(document.source.path, document.source.sha256, "extract_failed",
                       one_line(f"{type(error).__name__}: {error}"))


def _checked(item: WorkItem, document: Document, text: str | Failure) -> Outcome:
    if isinstance(text, Failure):
        return Outcome(item, failure=text)
    if document.doc_id != item.doc_id or not SAFE_ID.fullmatch(item.doc_id):
        reason = f"record id {document.doc_id!r} is not a safe file name"
        return Outcome(item, failure=Failure(item.path, item.sha256, "unsafe_id", reason))
    return Outcome(item, record_json=text)
