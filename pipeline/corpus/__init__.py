"""The corpus: which published documents we hold, their exact bytes, and how to fetch more.

`discover` walks a publisher's listing and adds new decisions to the manifest; `rebuild` makes
the local cache hold every manifest entry's exact bytes, pinning new ones. Both are plain
functions so the scheduled flow can call them; neither imports Prefect.
"""

from __future__ import annotations

from pipeline.corpus.discover import DiscoverResult, discover
from pipeline.corpus.http import FetchPolicy
from pipeline.corpus.manifest import ManifestEntry, cached_path, read_manifest
from pipeline.corpus.rebuild import EntryOutcome, RebuildResult, rebuild

__all__ = [
    "DiscoverResult",
    "EntryOutcome",
    "FetchPolicy",
    "ManifestEntry",
    "RebuildResult",
    "cached_path",
    "discover",
    "read_manifest",
    "rebuild",
]
