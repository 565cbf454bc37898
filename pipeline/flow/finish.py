"""The end of a run: make the outputs folder agree with the state, then sum it up.

Order matters for crash safety: state first (forget gone inputs, note planning
failures), then files derived from it (stale records removed, and only then forgotten
as written; roll-up and failure list rebuilt). Every step is idempotent, so a run
killed here is finished by the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pipeline.flow.items import Failure
from pipeline.flow.outputs import OutputLayout, rollup_fingerprint
from pipeline.flow.state import StateStore

__all__ = ["FinishCounts", "finish_outputs", "summary_of"]

_SUMMARY_FAILURES = 50


@dataclass(frozen=True)
class FinishCounts:
    records: int
    failures: tuple[Failure, ...]
    removed: int
    rollup_rebuilt: bool


def finish_outputs(layout: OutputLayout, plan_failures: tuple[Failure, ...],
                   gone: tuple[str, ...]) -> FinishCounts:
    layout.records_dir.mkdir(parents=True, exist_ok=True)  # there, even with no record
    store = StateStore(layout.state)
    store.forget(gone)
    store.record_failures(plan_failures)
    entries = store.entries().values()
    kept = sorted((e for e in entries if not e.failed), key=lambda e: e.path)
    written = store.written_ids()
    stale = written - {str(e.doc_id) for e in kept}
    removed = layout.remove_records(stale)
    layout.remove_leftovers(written)
    store.forget_written(stale)
    fingerprint = rollup_fingerprint((str(e.doc_id), e.path, str(e.sha256), e.version)
                                     for e in kept)
    rebuild = store.get_meta("rollup") != fingerprint or not layout.rollup.exists()
    if rebuild:
        layout.write_rollup(str(e.doc_id) for e in kept)
        store.set_meta("rollup", fingerprint)
    failures = tuple(sorted((e.failure() for e in entries if e.failed), key=lambda f: f.path))
    layout.write_failures(failures)
    return FinishCounts(len(kept), failures, removed, rebuild)


def summary_of(layout: OutputLayout, counts: dict[str, int], seconds: dict[str, float],
               finished: FinishCounts, started: datetime, ended: datetime,
               settings: dict[str, Any]) -> dict[str, Any]:
    """The run summary: the one place with timestamps and durations."""
    total = max(seconds.get("total", 0.0), 1e-9)
    by_kind: dict[str, int] = {}
    for failure in finished.failures:
        by_kind[failure.kind] = by_kind.get(failure.kind, 0) + 1
    return {
        "started": started.isoformat(timespec="seconds"),
        "finished": ended.isoformat(timespec="seconds"),
        "seconds": {name: round(value, 3) for name, value in seconds.items()},
        "counts": {**counts, "records": finished.records, "failed": len(finished.failures),
                   "removed": finished.removed},
        "docs_per_second": round(counts.get("extracted", 0) / total, 1),
        "failures_by_kind": dict(sorted(by_kind.items())),
        "failures": [f.as_dict() for f in finished.failures[:_SUMMARY_FAILURES]],
        "outputs": {"records": str(layout.records_dir), "records_jsonl": str(layout.rollup),
                    "failures": str(layout.failures), "summary": str(layout.summary)},
        "settings": settings,
    }
