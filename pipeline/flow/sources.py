"""Discovery: the inputs of a run, as the sorted paths the records will name.

A run reads from one or more *sources*. Each source knows how to list its documents;
the flow only asks for paths. Two kinds: files and folders, and a corpus manifest
(`corpus/manifest.jsonl`), whose documents are the cached copies beside it
(`corpus/cache/<id><ext>`, see `pipeline/corpus/`): nothing downstream differs,
because a cached file is just a path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pipeline.errors import ConfigurationError

if TYPE_CHECKING:
    from pipeline.corpus.manifest import ManifestEntry

__all__ = ["DocumentSource", "FileSource", "ManifestSource", "discover_paths", "source_for"]


class DocumentSource(Protocol):
    """Anything that can list documents to read; `paths()` may be called once per run."""

    def paths(self) -> Iterator[str]: ...


@dataclass(frozen=True)
class FileSource:
    """A file, or a folder read recursively; hidden files and folders are left out.

    Paths keep the form the user gave (normalised by pathlib), because that form is
    what each record's `source.path` says: `examples/corpus/a.txt`, not an absolute path
    that would differ from machine to machine.
    """

    root: Path

    def paths(self) -> Iterator[str]:
        if not self.root.is_dir():
            yield str(self.root)
            return
        for folder, subfolders, files in os.walk(self.root):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    yield str(Path(folder) / name)


@dataclass(frozen=True)
class ManifestSource:
    """The documents of a corpus manifest that its cache holds (`cache` defaults to the
    `cache` folder beside the manifest). Entries not fetched yet are left out and listed
    by `missing()`: `decisions corpus rebuild` (or a served run's refresh) fetches them."""

    manifest: Path
    cache: Path

    def paths(self) -> Iterator[str]:
        for entry in self._entries():
            path = self._cached(entry)
            if path.is_file():
                yield str(path)

    def missing(self) -> list[str]:
        """Ids of the document entries the cache does not hold."""
        return [entry.id for entry in self._entries() if not self._cached(entry).is_file()]

    def unresolved(self) -> list[str]:
        """Ids of entries known only from a listing page: no document address to fetch yet
        (`decisions corpus discover` resolves them)."""
        return [entry.id for entry in self._entries("listing")]

    def _entries(self, kind: str = "document") -> list[ManifestEntry]:
        from pipeline.corpus.manifest import read_manifest  # raises a ConfigurationError

        return [entry for entry in read_manifest(self.manifest) if entry.url_kind == kind]

    def _cached(self, entry: ManifestEntry) -> Path:
        from pipeline.corpus.manifest import cached_path

        return cached_path(entry, self.cache)


def is_manifest(path: Path) -> bool:
    """A `.jsonl` file is read as a corpus manifest; decisions are never published so."""
    return path.is_file() and path.suffix.lower() == ".jsonl"


def source_for(raw: str) -> DocumentSource:
    """The source a command-line argument names; raises if it names nothing."""
    path = Path(raw)
    if not path.exists():
        raise ConfigurationError(f"{raw}: no such file or folder; give files or folders "
                                 f"holding decision documents, or a corpus manifest")
    if is_manifest(path):
        source = ManifestSource(path, path.parent / "cache")
        source.missing()  # a malformed manifest is a usage error, before anything starts
        return source
    return FileSource(path)


def discover_paths(sources: Iterable[DocumentSource]) -> list[str]:
    """Every document path once, sorted, so batches and duplicate choices are stable."""
    return sorted({path for source in sources for path in source.paths()})
