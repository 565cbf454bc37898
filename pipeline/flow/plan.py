"""Planning: which discovered documents need work, from their bytes and the state.

Every input is hashed (streamed, so a huge file costs no memory); its record id is
`doc_id_for(file stem, sha256)`, the same rule ingest uses, fixed here so the flow can
see duplicates and replaced ids before any extraction. Two inputs with the same name
and the same bytes would share an id: the first path in sorted order keeps it and the
others are reported as duplicates, so the choice never depends on timing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import doc_id_for
from pipeline.errors import ConfigurationError
from pipeline.flow.items import Failure, WorkItem, one_line
from pipeline.flow.state import Entry

__all__ = ["NothingFound", "Plan", "batch_size_for", "batches_of", "file_sha256",
           "paths_to_plan", "plan_against", "refuse_to_empty", "stem_of"]

MAX_BATCH = 500
MIN_BATCH = 10


def batch_size_for(count: int, workers: int) -> int:
    """Hundreds per task, but at least ~4 batches per worker so both cores stay busy
    to the end of a small run. Up to 500: over 10,000 documents, batches of 500 rather
    than 200 cut the Prefect server's CPU from 11.6 to 6.9 s, CPU the two extracting
    processes then had."""
    return max(MIN_BATCH, min(MAX_BATCH, -(-count // max(1, 4 * workers))))


def batches_of(items: Sequence[WorkItem], size: int) -> list[list[WorkItem]]:
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


@dataclass(frozen=True)
class Plan:
    """todo: to extract; unchanged: skipped; failures: found while planning (unreadable,
    duplicate); gone: paths in the state that this run did not discover."""

    todo: tuple[WorkItem, ...]
    unchanged: tuple[str, ...]
    failures: tuple[Failure, ...]
    gone: tuple[str, ...]

    @property
    def discovered(self) -> int:
        return len(self.todo) + len(self.unchanged) + len(self.failures)


def file_sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def stem_of(path: str) -> str:
    """The file name without its last extension, as ingest names documents."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def paths_to_plan(paths: Sequence[str], entries: Mapping[str, Entry], version: str,
                  record_files: frozenset[str]) -> Plan:
    """Sort `paths` into work, skips and failures; `record_files` lists outputs/records/."""
    todo: list[WorkItem] = []
    unchanged: list[str] = []
    failures: list[Failure] = []
    owner: dict[str, str] = {}
    for path in paths:
        try:
            sha = file_sha256(path)
        except OSError as error:
            reason = f"cannot read: {error.strerror or error}"
            failures.append(Failure(path, None, "unreadable", one_line(reason)))
            continue
        doc_id = doc_id_for(stem_of(path), sha)
        if doc_id in owner:
            reason = f"same name and content as {owner[doc_id]}; recorded once, under that path"
            failures.append(Failure(path, sha, "duplicate", reason))
            continue
        owner[doc_id] = path
        if _is_current(entries.get(path), sha, version, record_files):
            unchanged.append(path)
        else:
            todo.append(WorkItem(path, sha, doc_id, os.path.abspath(path)))
    discovered = set(paths)
    gone = tuple(sorted(path for path in entries if path not in discovered))
    return Plan(tuple(todo), tuple(unchanged), tuple(failures), gone)


def plan_against(paths: Sequence[str], out: str | Path, version: str) -> Plan:
    """`paths_to_plan` against the state and the record files of the outputs folder."""
    from pipeline.flow.outputs import OutputLayout
    from pipeline.flow.state import StateStore

    layout = OutputLayout(Path(out))
    return paths_to_plan(paths, StateStore(layout.state).entries(), version,
                         list_record_files(layout.records_dir))


class NothingFound(ConfigurationError):
    """The sources hold no document, while the outputs hold records this run would remove."""


def refuse_to_empty(sources: Sequence[str], out: str | Path, prune: bool) -> None:
    """Refuse a run that finds no document at all while the outputs hold records: the
    outputs mirror the sources, so it would remove every record, and an empty folder is
    more often a share that is not mounted than a corpus withdrawn. `prune` allows it.
    Cheap: the state is asked first, and discovery stops at the first document."""
    from pipeline.flow.outputs import OutputLayout
    from pipeline.flow.sources import OutputsFolder, source_for
    from pipeline.flow.state import StateStore

    state = OutputLayout(Path(out)).state
    if prune or not state.exists():
        return
    records = StateStore(state).record_count()
    skip = OutputsFolder.of(out)
    if records and not any(True for raw in sources for _ in source_for(raw).paths(skip)):
        raise NothingFound(f"no documents found in {', '.join(sources)} (empty, or not "
                           f"mounted?), and {out} holds {records:,} record(s) this run would "
                           f"remove; run again with --prune to remove them")


def _is_current(entry: Entry | None, sha: str, version: str,
                record_files: frozenset[str]) -> bool:
    if entry is None or entry.sha256 != sha or entry.version != version:
        return False
    return entry.failed or f"{entry.doc_id}.json" in record_files


def list_record_files(records_dir: Path) -> frozenset[str]:
    if not records_dir.is_dir():
        return frozenset()
    return frozenset(entry.name for entry in records_dir.iterdir())
