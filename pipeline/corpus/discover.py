"""`discover`: walk a publisher's listing, newest page first, and add what the manifest lacks.

The walk stops at the first listing page with nothing new, so a routine run costs one request
per listing (a 304 when the publisher supports validators), and a run after a new publication
costs that page, the next one, and the new decision's page. Each new decision page is read for
its document (PDF) links; both become entries with sha256 null, for `rebuild` to fetch and pin.
The manifest is rewritten (atomically) after every decision, so an interrupted walk keeps what
it found, and a listing page's validators are remembered only once every item on it was added,
so a decision that failed is tried again next time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.corpus.content import PDF, fetched_media_type, is_pdf_address
from pipeline.corpus.errors import FetchError
from pipeline.corpus.http import Fetcher, FetchPolicy, Validators
from pipeline.corpus.manifest import ManifestEntry, publisher_of, read_manifest, write_manifest
from pipeline.corpus.pages import ListingItem, document_id, html_to_document_urls, html_to_listing
from pipeline.corpus.publishers import Publisher, get_publisher

__all__ = ["LISTING_STATE", "DiscoverResult", "discover"]

LISTING_STATE = ".listings.json"  # in the cache folder: listing URL -> ETag / Last-Modified


@dataclass(frozen=True)
class DiscoverResult:
    """What one walk found and what it cost."""

    publisher: str
    added: tuple[str, ...]      # ids of new entries (decision pages and their documents)
    resolved: tuple[str, ...]   # listing-only entries now pointing at their own page
    pages: int                  # listing pages requested
    requests: int               # every HTTP request, listings and decision pages
    stopped: str                # why the walk ended
    failures: tuple[str, ...]   # one line each; those items are tried again next run

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        return (f"{self.publisher}: {len(self.added)} new, {len(self.resolved)} resolved, "
                f"{len(self.failures)} failed; {self.pages} listing page(s), {self.requests} "
                f"request(s); stopped: {self.stopped}")


def discover(publisher: str | Publisher, manifest_path: Path, *,
             publishers_file: Path | None = None, base_url: str | None = None,
             state_dir: Path | None = None, policy: FetchPolicy | None = None,
             max_pages: int | None = None, report: Callable[[str], None] | None = None
             ) -> DiscoverResult:
    """Add the publisher's new decisions to the manifest (created if missing).

    `publisher` is a name from the publishers file (or an adapter); `base_url` points it at
    another server. Listing validators are kept in `state_dir` (default: the `cache` folder
    beside the manifest). Raises PublisherConfigError / ManifestError before any request.
    """
    if isinstance(publisher, str):
        publisher = get_publisher(publisher, publishers_file, base_url)
    elif base_url:
        publisher = publisher.with_base_url(base_url)
    state_path = (state_dir or manifest_path.parent / "cache") / LISTING_STATE
    walk = _Walk(publisher, manifest_path, list(read_manifest(manifest_path, missing_ok=True)),
                 report or (lambda line: None))
    with Fetcher(policy, allowed_hosts=publisher.hosts) as fetcher:
        stopped, pages = walk.run(fetcher, _ListingState(state_path),
                                  max_pages or publisher.max_pages)
        requests = fetcher.requests
    return DiscoverResult(publisher.name, tuple(walk.added), tuple(walk.resolved), pages,
                          requests, stopped, tuple(walk.failures))


@dataclass
class _Walk:
    publisher: Publisher
    manifest_path: Path
    entries: list[ManifestEntry]
    report: Callable[[str], None]
    added: list[str] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def run(self, fetcher: Fetcher, state: _ListingState, limit: int) -> tuple[str, int]:
        """Listing pages newest first until one has nothing new; (why it stopped, pages)."""
        url: str | None = self.publisher.listing_url(self.publisher.first_page)
        page, pages, seen = self.publisher.first_page, 0, set()
        while url is not None:
            if pages >= limit or url in seen:
                return ("page limit" if pages >= limit else "the pager loops"), pages
            seen.add(url)
            try:
                fetched, body = fetcher.fetch_bytes(url, state.get(url))
                pages += 1
                if fetched.not_modified:
                    return "listing not modified since the last run", pages
                fetched_media_type(url, fetched, "text/html")
            except FetchError as error:
                self._fail(f"listing {error}")
                return "a listing page failed", pages
            listing = html_to_listing(self.publisher, body, fetched.url, page)
            new = [item for item in listing.items if self._is_new(item)]
            if not new:
                state.remember(url, fetched.validators)
                return "nothing new", pages
            if all([self._add(fetcher, item, url) for item in new]):
                state.remember(url, fetched.validators)
            url, page = listing.next_url, page + 1
        return "last listing page", pages

    def _is_new(self, item: ListingItem) -> bool:
        """Known by address, or by id unless that entry only points at a listing."""
        if any(entry.url == item.url for entry in self.entries):
            return False
        known = self._by_id(item.id)
        return known is None or known.url_kind == "listing"

    def _add(self, fetcher: Fetcher, item: ListingItem, listing_url: str) -> bool:
        """The decision page and its document links as entries; False if the page failed."""
        known = self._by_id(item.id)
        if known is not None and known.url_kind != "listing":  # an earlier link on this page
            self.report(f"skipped {item.url}: id {item.id} is taken by {known.url}")
            return True
        try:
            fetched, body = fetcher.fetch_bytes(item.url)
            media_type = fetched_media_type(item.url, fetched, None)
        except FetchError as error:
            self._fail(f"{item.id}: {error}")
            return False
        entry = ManifestEntry(id=item.id, url=item.url, media_type=media_type,
                              publisher=publisher_of(item.url), reference=item.reference,
                              title=item.title or None, found_on=listing_url)
        if known is not None:
            self._resolve(known, entry)
        else:
            self.entries.append(entry)
            self.added.append(entry.id)
            self.report(f"new {entry.id}: {entry.url}")
        if media_type != PDF:
            self._add_documents(entry, html_to_document_urls(self.publisher, body, fetched.url))
        write_manifest(self.manifest_path, self.entries)
        return True

    def _resolve(self, placeholder: ManifestEntry, entry: ManifestEntry) -> None:
        """A seed entry known only from a listing gets the address of its own page."""
        entry = replace(entry, reference=entry.reference or placeholder.reference,
                        title=entry.title or placeholder.title, extra=placeholder.extra)
        self.entries[self.entries.index(placeholder)] = entry
        self.resolved.append(entry.id)
        self.report(f"resolved {entry.id}: {entry.url}")

    def _add_documents(self, page: ManifestEntry, urls: list[str]) -> None:
        known = {entry.url for entry in self.entries}
        for url in urls:
            if url in known:
                continue
            media_type = PDF if is_pdf_address(url) else "text/html"  # a guess, until fetched
            entry = ManifestEntry(
                id=document_id(page.id, url, {entry.id for entry in self.entries}), url=url,
                media_type=media_type, publisher=publisher_of(url), reference=page.reference,
                title=page.title, found_on=page.url)
            self.entries.append(entry)
            self.added.append(entry.id)
            self.report(f"new {entry.id}: {url}")

    def _by_id(self, entry_id: str) -> ManifestEntry | None:
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    def _fail(self, line: str) -> None:
        self.failures.append(line)
        self.report(f"failed {line}")


class _ListingState:
    """Listing URL -> validators, in a small JSON file; lost or damaged, it is only rebuilt."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data: dict[str, dict[str, str | None]] = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            self.data = {}

    def get(self, url: str) -> Validators | None:
        saved = self.data.get(url)
        if not isinstance(saved, dict):
            return None
        return Validators(saved.get("etag"), saved.get("last_modified"))

    def remember(self, url: str, validators: Validators) -> None:
        from pipeline.store import json_text, write_atomic

        saved = {"etag": validators.etag, "last_modified": validators.last_modified}
        if self.data.get(url) == saved or (url not in self.data and not any(saved.values())):
            return
        self.data[url] = saved
        write_atomic(self.path, json_text(self.data))
