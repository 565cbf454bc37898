"""At most `MAX_ITEMS_PER_FIELD` items in any list of a record, with a warning for each cut.

Extraction keeps every item it finds, and a text can quote money hundreds of thousands of
times: a 2.4 MB payment schedule of 300,000 amounts made a 123 MB record, which every
reader (the flow's roll-up, `decisions query`, the report) then loads whole. Past the cap
a list keeps its first items, in text order, and the record's `warnings` say how many
were found and where the first one left out is, so nothing is cut silently. Each kept
item keeps its evidence, so every quote still matches the text.

The cap is applied to the assembled record (`pipeline/records.py`), outside assembly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from schemas.record import DecisionRecord, Warning

MAX_ITEMS_PER_FIELD = 10_000
"""Items kept in one list field of a record (amounts, suppliers, ..., source.links).

10,000 keeps whole the largest real record seen (7,686 amounts, a budget's tables) and
bounds a list at about 4 MB of JSON. Raise it here for such corpora."""

RECORD_LISTS = ("sections", "recommendations", "amounts", "suppliers", "funders",
                "frameworks", "statutory_references", "other_instruments", "checks")
SOURCE_LISTS = ("links", "furniture", "tables")
"""The lists capped; `source.page_starts` is bounded by `Limits.max_pages` instead, and
`warnings` is capped last, before the cap's own warnings are added."""


def capped_record(record: DecisionRecord, cap: int | None = None) -> DecisionRecord:
    """`record` with no list longer than `cap` (default MAX_ITEMS_PER_FIELD), and a
    `too_many_items` warning for each list that was longer; `record` itself if none was."""
    limit = MAX_ITEMS_PER_FIELD if cap is None else cap
    notes: list[Warning] = []
    update = _cut_lists(record, RECORD_LISTS, limit, "", notes)
    source_update = _cut_lists(record.source, SOURCE_LISTS, limit, "source.", notes)
    if source_update:
        update["source"] = record.source.model_copy(update=source_update)
    warnings = _cut_lists(record, ("warnings",), limit, "", notes).get("warnings",
                                                                        record.warnings)
    if not notes:
        return record
    update["warnings"] = [*warnings, *notes]
    return record.model_copy(update=update)


def _cut_lists(model: Any, names: Sequence[str], limit: int, prefix: str,
               notes: list[Warning]) -> dict[str, Any]:
    """The lists of `model` over `limit`, cut to it; a note for each added to `notes`."""
    update: dict[str, Any] = {}
    for name in names:
        items = getattr(model, name)
        if len(items) <= limit:
            continue
        update[name] = items[:limit]
        notes.append(_note(f"{prefix}{name}", items, limit))
    return update


def _note(field: str, items: Sequence[Any], limit: int) -> Warning:
    start, end = _span_of(items[limit])
    return Warning(code="too_many_items",
                   message=f"{field}: {len(items):,} found, the first {limit:,} kept "
                           "(MAX_ITEMS_PER_FIELD in pipeline/record_caps.py)",
                   start=start, end=end)


def _span_of(item: Any) -> tuple[int | None, int | None]:
    """Where the first item left out is in the text, when it says."""
    evidence = getattr(item, "evidence", None) or getattr(getattr(item, "total", None),
                                                          "evidence", None)
    if evidence is not None:
        return evidence.start, evidence.end
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    return (start, end) if isinstance(start, int) and isinstance(end, int) else (None, None)
