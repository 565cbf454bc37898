"""`rebuild`: make the cache hold every manifest entry's exact bytes, and say what it could not.

An entry whose cached copy hashes to the pinned sha256 costs nothing. Any other entry is fetched
into a temporary file in the cache folder and only renamed into place once its bytes are checked,
so an interrupted rebuild leaves the cache as it was plus a `.part` file the next run removes;
rerunning simply carries on. A first fetch pins the entry (sha256, bytes, retrieved_at written
back to the manifest at once, atomically). A fetch whose bytes differ from the pin means the
publisher changed the file: the cached copy is kept, the new bytes are put aside in
`changed/`, and the result is a failure for a person to look at, never a silent overwrite.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args

from pipeline.corpus.content import PDF, fetched_media_type
from pipeline.corpus.errors import FetchError, ManifestError
from pipeline.corpus.http import Fetched, Fetcher, FetchPolicy, Validators
from pipeline.corpus.manifest import (
    MEDIA_EXTENSIONS,
    ManifestEntry,
    cached_path,
    read_manifest,
    write_manifest,
)

__all__ = ["EntryOutcome", "RebuildResult", "rebuild"]

Status = Literal["cached", "fetched", "pinned", "unchanged", "changed", "failed", "missing",
                 "corrupt", "skipped"]
FAILURES: frozenset[Status] = frozenset({"changed", "failed", "missing", "corrupt"})
CHANGED_DIR = "changed"  # inside the cache: new bytes of files the publisher changed


@dataclass(frozen=True)
class EntryOutcome:
    """What happened to one entry; `path` is its verified cached copy, if it has one."""

    id: str
    status: Status
    detail: str
    path: Path | None = None

    @property
    def failed(self) -> bool:
        return self.status in FAILURES


@dataclass(frozen=True)
class RebuildResult:
    """Every selected entry's outcome, in manifest order, and the HTTP requests it took."""

    outcomes: tuple[EntryOutcome, ...]
    requests: int

    @property
    def ok(self) -> bool:
        return not any(outcome.failed for outcome in self.outcomes)

    @property
    def documents(self) -> tuple[Path, ...]:
        """The verified cached files, ready for extraction."""
        return tuple(o.path for o in self.outcomes if o.path is not None)

    @property
    def pinned(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.outcomes if o.status == "pinned")

    def summary(self) -> str:
        counts = Counter(outcome.status for outcome in self.outcomes)
        parts = [f"{counts[status]} {status}" for status in get_args(Status) if counts[status]]
        return f"{len(self.outcomes)} entries: {', '.join(parts) or 'nothing to do'}"


def rebuild(manifest_path: Path, cache_dir: Path, *, only: Sequence[str] = (),
            offline: bool = False, refresh: bool = False, policy: FetchPolicy | None = None,
            report: Callable[[EntryOutcome], None] | None = None) -> RebuildResult:
    """Bring `cache_dir` in line with the manifest (or the `only` ids of it).

    `offline` makes no request and reports what is missing or damaged; `refresh` also asks the
    publisher about entries already cached (a conditional GET), to notice changed files.
    Raises ManifestError before any request if the manifest is bad or `only` names no entry.
    """
    entries = list(read_manifest(manifest_path))
    unknown = sorted(set(only) - {entry.id for entry in entries})
    if unknown:
        raise ManifestError(f"{manifest_path}: no entry with id {', '.join(unknown)}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    for leftover in cache_dir.glob(".*.part"):  # downloads cut short by a killed run
        leftover.unlink(missing_ok=True)
    outcomes = []
    fetcher = None if offline else Fetcher(policy)
    try:
        for index, entry in enumerate(entries):
            if only and entry.id not in only:
                continue
            outcome, updated = _rebuild_entry(entry, cache_dir, fetcher, refresh)
            if updated != entry:
                entries[index] = updated
                write_manifest(manifest_path, entries)
            outcomes.append(outcome)
            if report is not None:
                report(outcome)
    finally:
        if fetcher is not None:
            fetcher.close()
    return RebuildResult(tuple(outcomes), fetcher.requests if fetcher is not None else 0)


def _rebuild_entry(entry: ManifestEntry, cache_dir: Path, fetcher: Fetcher | None,
                   refresh: bool) -> tuple[EntryOutcome, ManifestEntry]:
    if entry.url_kind == "listing":
        return EntryOutcome(entry.id, "skipped", "its URL is a listing page, not the document; "
                                                 "`corpus discover` can find its own page"), entry
    path = cached_path(entry, cache_dir)
    verified = entry.pinned and path.exists() and file_sha256(path) == entry.sha256
    if verified and not refresh:
        return EntryOutcome(entry.id, "cached", "cached copy matches the manifest", path), entry
    if fetcher is None:
        return _offline_outcome(entry, path), entry
    validators = Validators(entry.etag, entry.last_modified) if verified else None
    try:
        return _download(entry, cache_dir, fetcher, validators, verified)
    except FetchError as error:
        kept = path if verified else None
        return EntryOutcome(entry.id, "failed", f"{entry.url}: {error.reason}", kept), entry


def _offline_outcome(entry: ManifestEntry, path: Path) -> EntryOutcome:
    if not entry.pinned:
        return EntryOutcome(entry.id, "missing", "not pinned yet; needs one rebuild online")
    if not path.exists():
        return EntryOutcome(entry.id, "missing", f"{path.name} is not in the cache (offline)")
    return EntryOutcome(entry.id, "corrupt", f"{path.name} does not match its sha256 "
                                             f"{_short(entry.sha256)}; rebuild online to restore")


def _download(entry: ManifestEntry, cache_dir: Path, fetcher: Fetcher,
              validators: Validators | None, verified: bool
              ) -> tuple[EntryOutcome, ManifestEntry]:
    """Fetch into a temporary file beside the cache, check it, then settle where it belongs."""
    descriptor, name = tempfile.mkstemp(dir=cache_dir, prefix=f".{entry.id}.", suffix=".part")
    part = Path(name)
    try:
        os.chmod(part, 0o644)  # mkstemp's 0600 would hide the corpus from other readers
        with os.fdopen(descriptor, "wb") as handle:
            fetched = fetcher.fetch(entry.url, handle, validators)
            handle.flush()
            os.fsync(handle.fileno())
        if fetched.not_modified:
            return EntryOutcome(entry.id, "unchanged", "the publisher says not modified (304)",
                                cached_path(entry, cache_dir)), entry
        expected = entry.media_type if entry.pinned or entry.media_type == PDF else None
        media_type = fetched_media_type(entry.url, fetched, expected)
        return _settle(entry, cache_dir, part, fetched, media_type, verified)
    finally:
        part.unlink(missing_ok=True)


def _settle(entry: ManifestEntry, cache_dir: Path, part: Path, fetched: Fetched,
            media_type: str, verified: bool) -> tuple[EntryOutcome, ManifestEntry]:
    """Checked bytes in `part`: pin them, put them in place, or put them aside as a change."""
    etag, last_modified = fetched.validators.etag, fetched.validators.last_modified
    if not entry.pinned:
        pinned = replace(entry, media_type=media_type, sha256=fetched.sha256, size=fetched.size,
                         retrieved_at=_now(), etag=etag, last_modified=last_modified)
        path = cached_path(pinned, cache_dir)
        os.replace(part, path)
        return EntryOutcome(entry.id, "pinned", f"pinned {fetched.size:,} bytes, sha256 "
                                                f"{_short(fetched.sha256)}", path), pinned
    path = cached_path(entry, cache_dir)
    if fetched.sha256 == entry.sha256:
        damaged = path.exists() and not verified
        os.replace(part, path)
        status: Status = "unchanged" if verified else "fetched"
        detail = "restored a damaged cached copy" if damaged else f"{fetched.size:,} bytes"
        return EntryOutcome(entry.id, status, detail, path), replace(
            entry, etag=etag, last_modified=last_modified)
    aside = cache_dir / CHANGED_DIR / f"{entry.id}.{fetched.sha256[:12]}" \
                                      f"{MEDIA_EXTENSIONS[media_type]}"
    aside.parent.mkdir(exist_ok=True)
    os.replace(part, aside)
    kept = f"kept {path.name}" if verified else "no good cached copy to keep"
    return EntryOutcome(
        entry.id, "changed",
        f"the publisher's file changed: sha256 {_short(fetched.sha256)} ({fetched.size:,} bytes) "
        f"where the manifest pins {_short(entry.sha256)} ({entry.size:,} bytes); {kept}; "
        f"new bytes saved as {aside}. To accept them, set this entry's sha256 and bytes to "
        "null and rebuild.", path if verified else None), entry


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _short(sha256: str | None) -> str:
    return f"{sha256[:12]}…" if sha256 else "none"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
