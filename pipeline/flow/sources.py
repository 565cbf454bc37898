"""Discovery: the inputs of a run, as the sorted paths the records will name.

A run reads from one or more *sources*. Each source knows how to list its documents;
the flow only asks for paths. Files and folders are the one kind today. A corpus
manifest (`pipeline/corpus/`, cache layout `corpus/cache/<id><ext>`) becomes a second
kind by adding a class with the same `paths()` method and one branch in
`source_for`: nothing downstream changes, because a cached file is just a path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.errors import ConfigurationError

__all__ = ["DocumentSource", "FileSource", "discover_paths", "source_for"]


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


def source_for(raw: str) -> DocumentSource:
    """The source a command-line argument names; raises if it names nothing.

    The manifest kind plugs in here (e.g. a `corpus/manifest.jsonl` argument).
    """
    path = Path(raw)
    if not path.exists():
        raise ConfigurationError(f"{raw}: no such file or folder; give files or folders "
                                 f"holding decision documents")
    return FileSource(path)


def discover_paths(sources: Iterable[DocumentSource]) -> list[str]:
    """Every document path once, sorted, so batches and duplicate choices are stable."""
    return sorted({path for source in sources for path in source.paths()})
