"""Whose address is this? A publisher's links and redirects are followed only within its origin.

An origin is a scheme, a port and a set of host names (a site answering as both
`london.gov.uk` and `www.london.gov.uk` is one publisher). A link or redirect to another
port of the same host is another server, maybe another program (an admin console, a
development server), so it is refused like another host; so is a change of scheme (an
https page sending us to http would drop its protection, and http to https is a different
server too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from pipeline.corpus.manifest import host_key

__all__ = ["Origin"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Origin:
    """Scheme, port and host names (compared by `host_key`) that count as one publisher."""

    scheme: str
    port: int
    hosts: frozenset[str]

    @classmethod
    def of(cls, url: str, hosts: Iterable[str] = ()) -> Origin:
        """The origin of `url`, with `hosts` as further names for its host."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        names = {host_key(host) for host in hosts} | {host_key(parts.hostname or "")}
        return cls(scheme, _port(url) or 0, frozenset(names))

    def refuses(self, url: str) -> str | None:
        """Why `url` is outside this origin ("another host", ...), or None if it is inside."""
        parts = urlsplit(url)
        if parts.scheme.lower() != self.scheme:
            return "another scheme"
        if host_key(parts.hostname or "") not in self.hosts:
            return "another host"
        if _port(url) != self.port:
            return "another port"
        return None

    def describe(self) -> str:
        """"https://london.gov.uk, https://www.london.gov.uk" (port shown when not default)."""
        port = "" if _DEFAULT_PORTS.get(self.scheme) == self.port else f":{self.port}"
        return ", ".join(f"{self.scheme}://{host}{port}" for host in sorted(self.hosts))


def _port(url: str) -> int | None:
    """The port `url` reaches: its own, or its scheme's default; None if it names none."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # "host:99999" or "host:abc"
        return None
    return port if port is not None else _DEFAULT_PORTS.get(parts.scheme.lower())
