"""What a record's values depend on besides its document: the pipeline release and the
pattern files. Kept apart from `pipeline.nlp` so that asking for the version key (every
run's first step) does not import spaCy, which the run's own process never needs."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

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
    return digest.hexdigest()[:16]
