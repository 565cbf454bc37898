"""The corpus manifest: one JSON object per line per published document, and where its bytes live.

The manifest (`corpus/manifest.jsonl`, versioned) says what the corpus is: each document's
address, publisher, reference and, once a rebuild has fetched it, the sha256 and size of its
exact bytes. The cache (`corpus/cache/`, not versioned) holds those bytes, one file per entry,
named by `cached_path`, the single source of that rule. Anyone holding the manifest can rebuild
the cache and check it byte for byte.

Lines are written in a fixed key order so that a pin changes one line of the diff, and keys this
module does not know are kept as they were, so other tools may add their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal
from urllib.parse import urlsplit

from pipeline.corpus.errors import ManifestError

__all__ = [
    "MEDIA_EXTENSIONS",
    "ManifestEntry",
    "cached_path",
    "host_key",
    "publisher_of",
    "read_manifest",
    "slug",
    "write_manifest",
]

# The cache file's extension, by the entry's media type; the only media types an entry may have.
MEDIA_EXTENSIONS: Mapping[str, str] = MappingProxyType({
    "application/pdf": ".pdf",
    "text/html": ".html",
    "text/plain": ".txt",
})

# Ids name cache files, so they are restricted to characters safe on every file system;
# a leading dot is reserved for the cache's own state (temporary downloads, validators).
# Used with `fullmatch`: `$` would let a trailing newline through into a file name.
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,119}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

UrlKind = Literal["document", "listing"]

_REQUIRED = ("id", "url", "media_type", "sha256", "bytes", "retrieved_at", "publisher",
             "reference")
_OPTIONAL = ("title", "url_kind", "found_on", "etag", "last_modified")
_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class ManifestEntry:
    """One published document. `sha256`/`size` are None until a rebuild pins them.

    `url_kind` is "listing" when the only known address is a listing page that mentions the
    document (some seed entries): such an entry is not fetched, because the listing's bytes are
    not the document's; `discover` replaces its URL when it finds the document's own page.
    `found_on` is the page discover found the link on; `etag`/`last_modified` are the
    publisher's validators, sent back on `rebuild --refresh` so an unchanged file costs a 304.
    """

    id: str
    url: str
    media_type: str
    publisher: str
    sha256: str | None = None
    size: int | None = None
    retrieved_at: str | None = None
    reference: str | None = None
    title: str | None = None
    url_kind: UrlKind = "document"
    found_on: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False)

    @property
    def pinned(self) -> bool:
        return self.sha256 is not None


def cached_path(entry: ManifestEntry, cache_dir: Path) -> Path:
    """`<cache_dir>/<id><ext>`, ext from the media type: the one rule for where bytes live."""
    return cache_dir / f"{entry.id}{MEDIA_EXTENSIONS[entry.media_type]}"


def publisher_of(url: str) -> str:
    """The publisher named by a URL's host, without a leading "www." (london.gov.uk)."""
    return host_key(urlsplit(url).hostname or "")


def host_key(host: str) -> str:
    """Hosts that differ only by a leading "www." are one publisher's site."""
    return host.lower().removeprefix("www.")


def slug(text: str, limit: int = 80) -> str:
    """Lower-case words joined by hyphens, safe as (part of) an id: "PCD 1842" -> "pcd-1842"."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")


def read_manifest(path: Path, missing_ok: bool = False) -> tuple[ManifestEntry, ...]:
    """Every entry, in file order; a bad line raises ManifestError naming the line."""
    if not path.exists():
        if missing_ok:
            return ()
        raise ManifestError(f"{path}: no such manifest (give --manifest FILE)")
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise ManifestError(f"{where}: not JSON ({error.msg})") from None
        entries.append(dict_to_entry(data, where))
    _check_unique(entries, str(path))
    return tuple(entries)


def write_manifest(path: Path, entries: Iterable[ManifestEntry]) -> None:
    """Replace the manifest atomically: readers see the old file or the new one, never half."""
    from pipeline.store import write_atomic

    entries = list(entries)
    _check_unique(entries, str(path))
    write_atomic(path, "".join(entry_to_line(entry) for entry in entries))
    path.chmod(0o644)  # a versioned file others read; the atomic writer's temp file was 0600


def entry_to_line(entry: ManifestEntry) -> str:
    data: dict[str, Any] = {
        "id": entry.id, "url": entry.url, "media_type": entry.media_type,
        "sha256": entry.sha256, "bytes": entry.size, "retrieved_at": entry.retrieved_at,
        "publisher": entry.publisher, "reference": entry.reference,
    }
    optional = {"title": entry.title, "url_kind": None if entry.url_kind == "document"
                else entry.url_kind, "found_on": entry.found_on, "etag": entry.etag,
                "last_modified": entry.last_modified}
    data.update((key, value) for key, value in optional.items() if value is not None)
    data.update(sorted(entry.extra.items()))
    return json.dumps(data, ensure_ascii=False) + "\n"


def dict_to_entry(data: Any, where: str) -> ManifestEntry:
    """A checked entry from one parsed line; `where` (file:line) prefixes any error."""
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: a line must be a JSON object")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise ManifestError(f"{where}: missing key(s) {', '.join(missing)}")
    _check_fields(data, where)
    known = set(_REQUIRED) | set(_OPTIONAL)
    return ManifestEntry(
        id=data["id"], url=data["url"], media_type=data["media_type"],
        publisher=data["publisher"], sha256=data["sha256"], size=data["bytes"],
        retrieved_at=data["retrieved_at"], reference=data["reference"],
        title=data.get("title"), url_kind=data.get("url_kind", "document"),
        found_on=data.get("found_on"), etag=data.get("etag"),
        last_modified=data.get("last_modified"),
        extra=MappingProxyType({k: v for k, v in data.items() if k not in known}),
    )


def _check_fields(data: dict[str, Any], where: str) -> None:
    if not isinstance(data["id"], str) or not _ID.fullmatch(data["id"]):
        raise ManifestError(f"{where}: id {data['id']!r} must be lower-case letters, digits, "
                            "'.', '_' or '-' (it names the cache file)")
    if not isinstance(data["url"], str) or urlsplit(data["url"]).scheme not in ("http", "https"):
        raise ManifestError(f"{where}: url must be an http(s) address")
    if data["media_type"] not in MEDIA_EXTENSIONS:
        raise ManifestError(f"{where}: media_type must be one of {', '.join(MEDIA_EXTENSIONS)}")
    sha = data["sha256"]
    if sha is not None and not (isinstance(sha, str) and _SHA256.fullmatch(sha)):
        raise ManifestError(f"{where}: sha256 must be 64 lower-case hex digits or null")
    if data["bytes"] is not None and not (isinstance(data["bytes"], int) and data["bytes"] >= 0):
        raise ManifestError(f"{where}: bytes must be a non-negative integer or null")
    if (sha is None) != (data["bytes"] is None):
        raise ManifestError(f"{where}: sha256 and bytes are pinned together (both or neither)")
    if data.get("url_kind", "document") not in ("document", "listing"):
        raise ManifestError(f"{where}: url_kind must be \"document\" or \"listing\"")


def _check_unique(entries: list[ManifestEntry], where: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ManifestError(f"{where}: id {entry.id!r} appears twice; ids must be unique")
        seen.add(entry.id)
