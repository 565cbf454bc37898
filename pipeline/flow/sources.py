"""Discovery: the inputs of a run, as the sorted paths the records will name.

A run reads from one or more *sources*. Each source knows how to list its documents;
the flow only asks for paths. Two kinds: files and folders, and a corpus manifest
(`corpus/manifest.jsonl`), whose documents are the cached copies beside it
(`corpus/cache/<id><ext>`, see `pipeline/corpus/`): nothing downstream differs,
because a cached file is just a path.

The run's outputs folder is never read as a source (`OutputsFolder`): inside a SOURCE
folder, each run would otherwise read the last one's records as documents.
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

__all__ = ["DocumentSource", "FileSource", "ManifestSource", "OutputsFolder", "discover_paths",
           "source_for"]


@dataclass(frozen=True)
class OutputsFolder:
    """What discovery leaves out of a run's outputs folder: the whole folder when it lies
    inside a SOURCE folder (records, roll-up, state, and whatever else is kept there,
    such as the report's site), and its records folder and the files a run writes when
    a SOURCE is the outputs folder itself. Real paths, so any spelling matches."""

    folder: str
    records: str
    files: frozenset[str]  # names the run writes at the folder's top

    @classmethod
    def of(cls, out: str | Path) -> OutputsFolder:
        from pipeline.flow.outputs import OutputLayout

        layout = OutputLayout(Path(os.path.realpath(out)))
        return cls(str(layout.root), str(layout.records_dir), layout.file_names)

    def skips_folder(self, real: str) -> bool:
        """A folder met below a SOURCE folder."""
        return real in (self.folder, self.records)

    def skips_file(self, real_folder: str, name: str) -> bool:
        return real_folder == self.records or (real_folder == self.folder and name in self.files)


class DocumentSource(Protocol):
    """Anything that can list documents to read; `paths()` may be called once per run,
    and leaves out what `skip` names."""

    def paths(self, skip: OutputsFolder | None = None) -> Iterator[str]: ...


@dataclass(frozen=True)
class FileSource:
    """A file, or a folder read recursively; hidden files and folders are left out.

    Paths keep the form the user gave (normalised by pathlib), because that form is
    what each record's `source.path` says: `examples/corpus/a.txt`, not an absolute path
    that would differ from machine to machine.
    """

    root: Path

    def paths(self, skip: OutputsFolder | None = None) -> Iterator[str]:
        if not self.root.is_dir():
            real = os.path.realpath(self.root.parent)
            if skip is None or not skip.skips_file(real, self.root.name):
                yield str(self.root)
            return
        for folder, subfolders, files in os.walk(self.root):
            real = os.path.realpath(folder)  # os.walk follows no links: below, join(real, name)
            subfolders[:] = [name for name in subfolders if not name.startswith(".") and
                             (skip is None or not skip.skips_folder(os.path.join(real, name)))]
            for name in files:
                if not name.startswith(".") and (skip is None or not skip.skips_file(real, name)):
                    yield str(Path(folder) / name)


@dataclass(frozen=True)
class ManifestSource:
    """The documents of a corpus manifest that its cache holds (`cache` defaults to the
    `cache` folder beside the manifest). Entries not fetched yet are left out and listed
    by `missing()`: `decisions corpus rebuild` (or a served run's refresh) fetches them."""

    manifest: Path
    cache: Path

    def paths(self, skip: OutputsFolder | None = None) -> Iterator[str]:
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


def discover_paths(sources: Iterable[DocumentSource], out: str | Path | None = None) -> list[str]:
    """Every document path once, sorted, so batches and duplicate choices are stable;
    nothing of the outputs folder `out`."""
    skip = None if out is None else OutputsFolder.of(out)
    return sorted({path for source in sources for path in source.paths(skip)})
