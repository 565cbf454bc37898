"""Publisher adapters as data: where a publisher lists its decisions and how to read the pages.

Each publisher is one object in `publishers.json` (or a file given with `--publishers`):

| key | meaning |
| --- | --- |
| `about` | one line for people: whose decisions, what site software |
| `base_url` | scheme and host, e.g. `https://www.london.gov.uk` (`--base-url` replaces it) |
| `hosts` | hosts whose links and redirects are the publisher's own |
| `listing` | path of the first listing page; `{page}` is replaced by the page number |
| `first_page` | the number of the newest page (0 on Drupal sites) |
| `item_links` | CSS selector of the links from a listing page to decision pages |
| `next_page` | CSS selector of the link to the next (older) listing page, or null to count pages |
| `document_links` | CSS selector of the document (PDF) links on a decision page |
| `reference_pattern` | regex for the reference in an item's link text (named group `reference`) |
| `require_reference` | drop listing links whose text has no reference (navigation, sidebars) |
| `id_from` | `"reference"` (the reference, slugged) or `"url"` (group 1 of `id_pattern`) |
| `id_pattern`, `id_prefix` | regex on the decision URL (for `"url"`); prefix of every id |
| `max_pages` | a bound on one walk, in case a pager never ends |
| `note` | free text: what was checked and how |

Adding a publisher is adding an object here and a test serving pages shaped like its site.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from pipeline.corpus.errors import PublisherConfigError

__all__ = ["PUBLISHERS_FILE", "Publisher", "get_publisher", "load_publishers"]

PUBLISHERS_FILE = Path(__file__).with_name("publishers.json")

_KEYS = {"about", "base_url", "hosts", "listing", "first_page", "item_links", "next_page",
         "document_links", "reference_pattern", "require_reference", "id_from", "id_pattern",
         "id_prefix", "max_pages", "note"}
_REQUIRED = {"base_url", "listing", "item_links", "document_links", "id_from"}


@dataclass(frozen=True)
class Publisher:
    """One publisher's adapter, checked: selectors parse, regexes compile."""

    name: str
    base_url: str
    hosts: tuple[str, ...]
    listing: str
    item_links: str
    document_links: str
    id_from: Literal["reference", "url"]
    first_page: int = 0
    next_page: str | None = None
    reference_pattern: re.Pattern[str] | None = None
    require_reference: bool = False
    id_pattern: re.Pattern[str] | None = None
    id_prefix: str = ""
    max_pages: int = 50
    about: str = ""

    def listing_url(self, page: int) -> str:
        return self.base_url.rstrip("/") + self.listing.replace("{page}", str(page))

    def with_base_url(self, base_url: str) -> Publisher:
        """The same adapter pointed at another server (a mirror, or a test server)."""
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PublisherConfigError(f"--base-url {base_url!r}: give scheme and host, "
                                       "e.g. http://127.0.0.1:8000")
        return replace(self, base_url=f"{parts.scheme}://{parts.netloc}",
                       hosts=(parts.hostname,))


def load_publishers(path: Path | None = None) -> dict[str, Publisher]:
    """Every publisher in the file (the shipped one by default), checked."""
    path = path or PUBLISHERS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise PublisherConfigError(f"{path}: cannot read publishers ({error})") from None
    if not isinstance(data, dict):
        raise PublisherConfigError(f"{path}: must be a JSON object of name -> publisher")
    return {name: config_to_publisher(name, config, f"{path}: {name}")
            for name, config in data.items()}


def get_publisher(name: str, path: Path | None = None, base_url: str | None = None
                  ) -> Publisher:
    publishers = load_publishers(path)
    if name not in publishers:
        raise PublisherConfigError(f"no publisher {name!r}; known: {', '.join(publishers)}")
    publisher = publishers[name]
    return publisher.with_base_url(base_url) if base_url else publisher


def config_to_publisher(name: str, config: Any, where: str) -> Publisher:
    if not isinstance(config, dict):
        raise PublisherConfigError(f"{where}: must be a JSON object")
    unknown = sorted(set(config) - _KEYS)
    missing = sorted(_REQUIRED - set(config))
    if unknown or missing:
        raise PublisherConfigError(f"{where}: unknown key(s) {unknown}, missing key(s) "
                                   f"{missing}; see pipeline/corpus/publishers.py")
    for key in ("item_links", "document_links", "next_page"):
        if config.get(key) is not None:
            _check_selector(config[key], f"{where}: {key}")
    if config["id_from"] not in ("reference", "url"):
        raise PublisherConfigError(f"{where}: id_from must be \"reference\" or \"url\"")
    id_pattern = _compile(config.get("id_pattern"), f"{where}: id_pattern")
    if config["id_from"] == "url" and (id_pattern is None or id_pattern.groups < 1):
        raise PublisherConfigError(f"{where}: id_from \"url\" needs an id_pattern with a group")
    if not str(config["listing"]).startswith("/"):
        raise PublisherConfigError(f"{where}: listing is a path starting with /")
    base = urlsplit(config["base_url"])
    return Publisher(
        name=name, base_url=config["base_url"], listing=config["listing"],
        hosts=tuple(config.get("hosts") or [base.hostname or ""]),
        item_links=config["item_links"], document_links=config["document_links"],
        id_from=config["id_from"], first_page=int(config.get("first_page", 0)),
        next_page=config.get("next_page"),
        reference_pattern=_compile(config.get("reference_pattern"),
                                   f"{where}: reference_pattern"),
        require_reference=bool(config.get("require_reference", False)),
        id_pattern=id_pattern, id_prefix=config.get("id_prefix", ""),
        max_pages=int(config.get("max_pages", 50)), about=config.get("about", ""),
    )


def _check_selector(selector: Any, where: str) -> None:
    try:
        LexborHTMLParser("<p></p>").css(str(selector))
    except SelectolaxError:
        raise PublisherConfigError(f"{where}: {selector!r} is not a CSS selector") from None


def _compile(pattern: Any, where: str) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    try:
        return re.compile(str(pattern))
    except re.error as error:
        raise PublisherConfigError(f"{where}: {pattern!r} is not a regex ({error})") from None
