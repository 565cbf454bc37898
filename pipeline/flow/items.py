"""The small values a run passes between its steps; plain, frozen and picklable,
because batches cross process (and, with Dask, machine) boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Failure", "Outcome", "WorkItem", "one_line"]


@dataclass(frozen=True)
class WorkItem:
    """A document to (re)process: its path as the record names it, the bytes it had when
    planned, its id, and where to read it from any working folder (the absolute path:
    a pool process or a Dask worker may not share the run's working folder)."""

    path: str
    sha256: str
    doc_id: str
    location: str = ""


@dataclass(frozen=True)
class Failure:
    """A quarantined input: one line of `failures.jsonl`.

    `sha256` is None when the file could not be read; such inputs are tried again on
    every run, while a readable input that failed is skipped until it or the pipeline
    changes (the failure is as deterministic as a record).
    """

    path: str
    sha256: str | None
    kind: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "kind": self.kind,
                "reason": self.reason}


@dataclass(frozen=True)
class Outcome:
    """What a worker made of one WorkItem: the record's JSON text, or a Failure."""

    item: WorkItem
    record_json: str | None = None
    failure: Failure | None = None


def one_line(text: str, limit: int = 300) -> str:
    """A reason fit for one JSONL field and one terminal line."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
