"""What a record's values depend on besides its document: the pipeline release, the
pattern files and the word lists of data packages. Kept apart from `pipeline.nlp` so that
asking for the version key (every run's first step) does not import spaCy, which the run's
own process never needs."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.metadata import version

__all__ = ["patterns_version"]


@lru_cache(maxsize=1)
def patterns_version() -> str:
    """Hash of every pattern file and table: part of each record's provenance."""
    digest = hashlib.sha256()
    folder = resources.files("pipeline.patterns")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith((".json", ".jsonl", ".py")))
    for name in names:
        digest.update(name.encode())
        digest.update(folder.joinpath(name).read_bytes())
    for package in _DATA_PACKAGES:  # word lists the rules read, like a pattern file
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()[:16]


# Packages whose data decides values: wordfreq's frequencies say which names are
# everyday words (pipeline.extract.organisations).
_DATA_PACKAGES = ("wordfreq",)
