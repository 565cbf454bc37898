"""The outputs folder: every file a run writes, and how each is written atomically.

    outputs/records/<id>.json   one record, deterministic bytes (sorted keys)
    outputs/records.jsonl       every record, one per line, sorted by id
    outputs/failures.jsonl      quarantined inputs: path, sha256, kind, reason
    outputs/run-summary.json    counts, durations, failures; the only timestamps
    outputs/state.sqlite        incremental state (pipeline/flow/state.py)

A file is always replaced whole (temporary file in the same folder, fsync, rename),
so a run killed at any instant leaves each file old or new, never half; leftover
temporary files are swept at the end of the next run. A run removes only files it
wrote (the state's `written` ids, and temporary files of those and of the files
above): anything else in the folder is a person's, and stays.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.flow.items import Failure, Outcome
from pipeline.flow.state import StateStore
from pipeline.flow.work import SAFE_ID
from pipeline.store import atomic_writer, json_line, json_text, temporary_target, write_atomic

__all__ = ["OutputLayout", "UnsafeId"]


class UnsafeId(ValueError):
    """A record id that is not a plain file name; never written."""


@dataclass(frozen=True)
class OutputLayout:
    root: Path

    @property
    def records_dir(self) -> Path:
        return self.root / "records"

    @property
    def rollup(self) -> Path:
        return self.root / "records.jsonl"

    @property
    def failures(self) -> Path:
        return self.root / "failures.jsonl"

    @property
    def summary(self) -> Path:
        return self.root / "run-summary.json"

    @property
    def state(self) -> Path:
        return self.root / "state.sqlite"

    @property
    def lock(self) -> Path:
        return self.root / ".decisions-run.lock"

    @property
    def file_names(self) -> frozenset[str]:
        """The files a run writes at the top of the folder (the state with SQLite's own)."""
        state = self.state.name
        return frozenset({self.rollup.name, self.failures.name, self.summary.name, state,
                          f"{state}-wal", f"{state}-shm", f"{state}-journal", self.lock.name})

    def record_path(self, doc_id: str) -> Path:
        """outputs/records/<id>.json; refuses any id that could name another place."""
        if not SAFE_ID.fullmatch(doc_id):
            raise UnsafeId(f"{doc_id!r} is not a safe record id")
        return self.records_dir / f"{doc_id}.json"

    def write_records(self, outcomes: Iterable[Outcome]) -> int:
        written = 0
        for outcome in outcomes:
            if outcome.record_json is not None:
                write_atomic(self.record_path(outcome.item.doc_id), outcome.record_json)
                written += 1
        return written

    def write_outcomes(self, outcomes: list[Outcome], version: str) -> int:
        """A batch's record files, between a note of their ids and the batch's state rows:
        killed before the rows, the next run writes the same bytes again; killed before
        the files, it knows which are its own to remove."""
        store = StateStore(self.state)
        store.note_written(o.item.doc_id for o in outcomes if o.record_json is not None)
        written = self.write_records(outcomes)
        store.record_outcomes(outcomes, version)
        return written

    def remove_records(self, doc_ids: Iterable[str]) -> int:
        """Delete the record files of `doc_ids`; how many there were."""
        removed = 0
        for doc_id in doc_ids:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.record_path(doc_id))
                removed += 1
        return removed

    def remove_leftovers(self, written_ids: Iterable[str]) -> None:
        """Temporary files a killed run left: of the records in `written_ids`, of the
        roll-up, failure list and summary. Not any other hidden or .tmp file."""
        mine = {self.records_dir: {f"{doc_id}.json" for doc_id in written_ids},
                self.root: {self.rollup.name, self.failures.name, self.summary.name}}
        for folder, targets in mine.items():
            if folder.is_dir():
                for entry in os.scandir(folder):
                    if temporary_target(entry.name) in targets and entry.is_file():
                        os.unlink(entry.path)

    def write_rollup(self, doc_ids: Iterable[str]) -> None:
        """records.jsonl streamed from the record files in id order: memory stays flat."""
        with atomic_writer(self.rollup) as handle:
            for doc_id in sorted(doc_ids):
                handle.write(json_line(self.record_path(doc_id).read_bytes()))
                handle.write("\n")

    def write_failures(self, failures: Iterable[Failure]) -> None:
        with atomic_writer(self.failures) as handle:
            for failure in sorted(failures, key=lambda f: f.path):
                handle.write(json.dumps(failure.as_dict(), sort_keys=True, ensure_ascii=False))
                handle.write("\n")

    def write_summary(self, summary: dict[str, Any]) -> None:
        write_atomic(self.summary, json_text(summary))


def rollup_fingerprint(rows: Iterable[tuple[str, ...]]) -> str:
    """Identifies the record set a records.jsonl was built from (id, path, sha256, version)."""
    digest = hashlib.sha256()
    for row in sorted(rows):
        digest.update("\x1f".join(row).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()
