"""Incremental state: what each input path last turned into, in `outputs/state.sqlite`.

One row per path: the sha256 of the bytes processed, the version key of the pipeline
that processed them, and either the record id or the failure. A document is skipped
when its bytes and the version key are unchanged (and its record file still exists).
The version key joins `pipeline.__version__` and `pipeline.provenance.patterns_version()`,
so editing any pattern file or table reprocesses everything.

SQLite because a batch's rows must land all or nothing: a run killed mid-commit leaves
the previous state, and the records it wrote are simply made again (same bytes).

`written` lists every record id this tool has put in outputs/records/, noted before the
file is written and forgotten after it is removed: a run removes only those files, never
one a person put there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.flow.items import Failure, Outcome
from pipeline.ingest.engines import DEFAULT_ENGINE

__all__ = ["Entry", "StateStore", "version_key"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    version TEXT NOT NULL,
    doc_id TEXT,
    kind TEXT,
    reason TEXT
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS written (doc_id TEXT PRIMARY KEY);
"""
# State files from before `written` existed: their records are those the rows name.
_SEED_WRITTEN = ("INSERT OR IGNORE INTO written "
                 "SELECT doc_id FROM documents WHERE doc_id IS NOT NULL")


def version_key(engine: str = DEFAULT_ENGINE) -> str:
    """What must match for an old result to stand: pipeline release + pattern files, and
    the PDF engine when it is not the default (the default adds nothing, so the keys of
    existing outputs stand)."""
    from pipeline import __version__
    from pipeline.provenance import patterns_version

    key = f"{__version__}+{patterns_version()}"
    return key if engine == DEFAULT_ENGINE else f"{key}+{engine}"


@dataclass(frozen=True)
class Entry:
    path: str
    sha256: str | None
    version: str
    doc_id: str | None
    kind: str | None = None
    reason: str | None = None

    @property
    def failed(self) -> bool:
        return self.kind is not None

    def failure(self) -> Failure:
        return Failure(self.path, self.sha256, self.kind or "unknown", self.reason or "")


class StateStore:
    """The state file. Each method opens its own short connection, so tasks in any
    thread may call it; WAL mode lets a reader see the last committed batch."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30)) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.executescript(_SCHEMA)
            with connection:  # one transaction: committed whole or rolled back
                if connection.execute("PRAGMA user_version").fetchone()[0] < 1:
                    connection.execute(_SEED_WRITTEN)
                    connection.execute("PRAGMA user_version = 1")
                yield connection

    def entries(self) -> dict[str, Entry]:
        with self._connect() as db:
            rows = db.execute("SELECT path, sha256, version, doc_id, kind, reason "
                              "FROM documents").fetchall()
        return {row[0]: Entry(*row) for row in rows}

    def record_count(self) -> int:
        """Inputs whose latest outcome is a record."""
        with self._connect() as db:
            return int(db.execute("SELECT count(*) FROM documents WHERE kind IS NULL"
                                  ).fetchone()[0])

    def record_outcomes(self, outcomes: Iterable[Outcome], version: str) -> None:
        """Rows for a finished batch, after its record files are on disk."""
        rows = [_outcome_row(outcome, version) for outcome in outcomes]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)", rows)

    def record_failures(self, failures: Iterable[Failure]) -> None:
        """Failures found while planning: never skipped next time (empty version)."""
        rows = [(f.path, f.sha256, "", None, f.kind, f.reason) for f in failures]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)", rows)

    def forget(self, paths: Iterable[str]) -> None:
        with self._connect() as db:
            db.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in paths])

    def note_written(self, doc_ids: Iterable[str]) -> None:
        """Before their files are written: a run killed in between leaves files that the
        state still knows to be this tool's."""
        with self._connect() as db:
            db.executemany("INSERT OR IGNORE INTO written VALUES (?)", [(i,) for i in doc_ids])

    def written_ids(self) -> set[str]:
        with self._connect() as db:
            return {row[0] for row in db.execute("SELECT doc_id FROM written")}

    def forget_written(self, doc_ids: Iterable[str]) -> None:
        """After their files are removed."""
        with self._connect() as db:
            db.executemany("DELETE FROM written WHERE doc_id = ?", [(i,) for i in doc_ids])

    def get_meta(self, key: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def _outcome_row(outcome: Outcome, version: str) -> tuple[str, str | None, str, str | None,
                                                          str | None, str | None]:
    item = outcome.item
    if outcome.failure is None:
        return (item.path, item.sha256, version, item.doc_id, None, None)
    failure = outcome.failure
    # an unreadable or changed-while-read input has no trustworthy hash: retry it next run
    row_version = version if failure.sha256 is not None else ""
    return (item.path, failure.sha256, row_version, None, failure.kind, failure.reason)
