"""Typed errors of the corpus step; each message is one line saying what is wrong and what to do.

Configuration problems (a bad manifest line, an unknown publisher) stop a command before any
request is made. Fetch problems belong to one URL: the command reports them and goes on with
the other documents.
"""

from __future__ import annotations

from pipeline.errors import ConfigurationError, DecisionsError


class ManifestError(ConfigurationError):
    """The manifest cannot be read or would be written inconsistent (bad line, duplicate id)."""


class PublisherConfigError(ConfigurationError):
    """The publishers file is malformed or names no such publisher."""


class FetchError(DecisionsError):
    """One URL could not be fetched; `kind` is a short machine-readable word for the reason.

    Kinds: "status" (an HTTP error status), "timeout", "network", "redirect" (refused or too
    many), "too_large", "content" (bytes are not what the URL promised).
    """

    def __init__(self, url: str, kind: str, reason: str, status: int | None = None) -> None:
        self.url = url
        self.kind = kind
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")
